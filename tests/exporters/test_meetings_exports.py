"""The comparison of two meetings in the brief and the summary, and skills between levels in the asset map's
PDF and gap-matrix.xlsx: written, parsed back, hostile text intact."""

from __future__ import annotations

from openpyxl import load_workbook
from pypdf import PdfReader

from cardwall.commands import EditLevelStep
from exporters.bundle import export_session


def _text(path) -> str:
    return "\n".join(page.extract_text() for page in PdfReader(path).pages)


def test_the_validation_rounds_brief_and_summary_show_both_meetings(journey, tmp_path):
    files = {p.name: p for p in export_session(journey.ws, "demo-validation", tmp_path)}
    brief = files["brief-tool-and-die-maker.pdf"]
    assert len(PdfReader(brief).pages) <= 2
    text = " ".join(_text(brief).split())
    assert "Compared with the earlier meeting" in text
    assert "19 dots there, 15 dots in this meeting; 1 task added, 1 task dropped" in text
    # The prioritised tasks carry the earlier meeting's dots, rank and the change beside this meeting's dots.
    assert "2 (tie) B-5 Programs and runs wire and sinker EDM machines 3 — — added" in text
    assert "4 F-2 Tracks down production problems and proposes better methods 2 3 3 down 1" in text
    assert "Dropped in this meeting: Sets the example for others on the shop floor (0 dots earlier)" in text
    assert "Dotted earlier, none now: A-2 Builds tool and die designs in CAD" in text
    md = files["summary.md"].read_text(encoding="utf-8")
    assert "| A-1 Interprets blueprints, engineering drawings and GD&T | 5 | 1 | 4 | 1 | same |" in md
    assert "| F-1 Sets the example for others on the shop floor | 0 |  | — | — | dropped |" in md
    summary = " ".join(_text(files["summary.pdf"]).split())
    assert "Compared with the earlier meeting" in summary and "down 2" in summary
    eml = files["summary.eml"].read_text(encoding="utf-8", errors="replace")
    assert "Carried from Skill panels" in eml.replace("=\n", "")


def test_a_panel_never_carried_prints_no_comparison(journey, tmp_path):
    files = {p.name: p for p in export_session(journey.ws, "demo-skill-panel", tmp_path)}
    assert "Compared with the earlier meeting" not in _text(files["brief-tool-and-die-maker.pdf"])
    assert "earlier meeting" not in files["summary.md"].read_text(encoding="utf-8")


def test_skills_between_levels_in_the_asset_map_pdf_and_the_gap_matrix_workbook(journey, tmp_path):
    step = next(s for s in journey.ws.sessions["demo-asset-map"].level_steps.values() if s.pathway == "Production")
    journey.execute(EditLevelStep("demo-asset-map", step.id, adds="=SUM(A1)\nR&D <script> die tryout"))
    files = {p.name: p for p in export_session(journey.ws, "demo-asset-map", tmp_path)}
    text = _text(files["asset-map.pdf"])
    matrix = text[text.index("Training gap analysis matrix") :]
    assert "Skills between levels" in matrix and "R&D <script> die tryout" in matrix
    assert "PLC ladder logic and HMI troubleshooting" in matrix
    book = load_workbook(files["gap-matrix.xlsx"])
    rows = [[c.value for c in row] for row in book["Production"].iter_rows()]
    at = next(i for i, r in enumerate(rows) if r[0] == "Skills between levels")
    assert rows[at + 1][:3] == ["Level step", "From → to the next level", "What the next level adds"]
    assert rows[at + 2][1] == "CNC machinist → Tool and die maker"
    assert rows[at + 2][2] == "'=SUM(A1)\nR&D <script> die tryout"  # a formula never runs in Excel
    assert any(r[0] == "Skills between levels" for r in book["Maintenance"].iter_rows(values_only=True))
