"""asset-map.pdf, gap-matrix.xlsx, action-plan.pdf and action-plan.csv: written for their sessions, parsed back."""

from __future__ import annotations

import csv
import io

import pytest
from openpyxl import load_workbook
from pypdf import PdfReader

from cardwall.commands import AddGapRow, AddProgram, AddSession, EditGapRow, EditProgram
from cardwall.model import Workspace
from exporters.bundle import export_session


def _session(ws, kind):
    return next(s for s in ws.sessions.values() if s.info.kind == kind)


def _text(path) -> str:
    return "\n".join(page.extract_text() for page in PdfReader(path).pages)


@pytest.fixture
def exported(journey, tmp_path):
    out = {}
    for kind in ("asset-map", "action-plan"):
        folder = tmp_path / kind
        folder.mkdir()
        out[kind] = {p.name: p for p in export_session(journey.ws, _session(journey.ws, kind).id, folder)}
    return journey.ws, out


def test_an_asset_map_writes_its_pdf_and_workbook_and_no_action_plan(exported):
    _ws, out = exported
    files = out["asset-map"]
    assert {"asset-map.pdf", "gap-matrix.xlsx", "session.json"} <= set(files)
    assert not {"action-plan.pdf", "action-plan.csv"} & set(files)
    text = _text(files["asset-map.pdf"])
    for expected in (
        "Education and training asset map",
        "Tool and Die Registered",
        "Pathways between programs",
        "Training gap analysis matrix",
        "Career pathway: Production",
        "Partly covered: Machining Technology AAS",
        "Tool and die maker",
        "Resource map",
        "Post-Secondary Education Partners",
        "Western Slope Workforce Center",
        "page 1 of",
    ):
        assert expected in " ".join(text.split()), expected


def test_the_gap_matrix_has_a_sheet_per_pathway_with_the_seeds_columns(exported):
    _ws, out = exported
    book = load_workbook(out["asset-map"]["gap-matrix.xlsx"])
    assert book.sheetnames == ["Maintenance", "Production", "Sales, Office & Management"]
    sheet = book["Production"]
    assert sheet["A1"].value == "Industry:" and sheet["B1"].value == "Manufacturing"
    assert sheet["B2"].value == "Production"
    header = [c.value for c in sheet[4]]
    assert header[1:8] == [
        "Key Occupations in the Pathway",
        "Key Training Content (competency areas)",
        "Preferred Training Delivery Model(s)",
        "Preferred Training Length",
        "Required Credentials",
        "Associated Equipment or Software Requirements",
        "Other Notes (instructor competencies, etc.)",
    ]
    rows = {r[1]: r for r in sheet.iter_rows(min_row=5, values_only=True)}
    tool = rows["Tool and die maker"]
    assert tool[0] == "Higher-skill" and tool[8] == "Partly covered"
    assert tool[9] == "Machining Technology AAS; Tool and Die Registered Apprenticeship"
    assert tool[2].startswith("Interprets blueprints")


def test_the_action_plan_pdf_is_internal_grouped_by_horizon_with_owners_and_measures(exported):
    _ws, out = exported
    files = out["action-plan"]
    assert not {"asset-map.pdf", "gap-matrix.xlsx"} & set(files)
    text = " ".join(_text(files["action-plan.pdf"]).split())
    assert "Internal working document" in text
    early, short, long_ = (text.index(h) for h in ("Early win", "Short term (3-6 months)", "Long term (6-12 months)"))
    assert early < short < long_
    assert "Impact high" in text and "Feasibility low" in text
    assert "Articulation agreements" in text and "Western Slope Manufacturers Association" in text


def test_the_action_plan_csv_reads_back_row_by_row(exported):
    ws, out = exported
    rows = list(csv.DictReader(io.StringIO(out["action-plan"]["action-plan.csv"].read_text(encoding="utf-8-sig"))))
    assert len(rows) == len(_session(ws, "action-plan").actions)
    assert rows[0]["horizon"] == "Early win"
    first = next(r for r in rows if r["action"].startswith("Launch an evening technical sales"))
    assert first["owners"] == "Grand Valley Community College; Colorado Mesa Machining"
    assert (first["impact"], first["feasibility"], first["due"], first["status"]) == (
        "high",
        "high",
        "2027-03-31",
        "Agreed",
    )


def test_empty_later_sessions_write_none_of_their_files(tmp_path):
    ws = Workspace()
    AddSession(kind="asset-map", title="Map", session_id="am").apply(ws)
    AddSession(kind="action-plan", title="Plan", session_id="ap").apply(ws)
    for sid in ("am", "ap"):
        folder = tmp_path / sid
        folder.mkdir()
        names = {p.name for p in export_session(ws, sid, folder)}
        assert not {"asset-map.pdf", "gap-matrix.xlsx", "action-plan.pdf", "action-plan.csv"} & names
        assert not {"asset-map.pdf", "gap-matrix.xlsx", "action-plan.pdf", "action-plan.csv"} & {
            p.name for p in folder.iterdir()
        }


def test_hostile_text_prints_as_typed_and_formulas_are_neutralised(tmp_path):
    ws = Workspace()
    AddSession(kind="asset-map", title="Map", session_id="am").apply(ws)
    from cardwall.commands import AddCategory

    AddCategory("am", "R&D <lab>", category_id="c1").apply(ws)
    add = AddProgram("am", "AT&T <script> Café", category_id="c1", level_id="L1")
    add.apply(ws)
    EditProgram("am", add.card_id, institution="x<y>z & Co").apply(ws)
    row = AddGapRow("am", '=HYPERLINK("http://x")', fields={"pathway": "A/B:C*?"})
    row.apply(ws)
    EditGapRow("am", row.row_id, coverage="gap", programs=(add.card_id,)).apply(ws)
    written = {p.name: p for p in export_session(ws, "am", tmp_path)}
    text = " ".join(_text(written["asset-map.pdf"]).split())
    assert "AT&T <script> Café" in text and "x<y>z & Co" in text and "R&D <lab>" in text
    book = load_workbook(written["gap-matrix.xlsx"])
    assert book.sheetnames == ["A-B-C--"]
    values = [c.value for c in book["A-B-C--"][5]]
    assert values[1] == '\'=HYPERLINK("http://x")' and values[9] == "AT&T <script> Café"


def test_the_summary_of_a_later_session_names_its_kind(exported):
    _ws, out = exported
    assert "Asset map session" in _text(out["asset-map"]["summary.pdf"])
    assert "Action plan session" in _text(out["action-plan"]["summary.pdf"])
