"""Every export of the demo workspace, read back as a convener's tools would read it."""

from __future__ import annotations

import email
import io
import json
import re
import struct
import zlib
from email import policy
from pathlib import Path

import pandas as pd
import pytest
from pypdf import PdfReader

from exporters.bundle import export_session
from exporters.tables import CARD_COLUMNS, CROSSWALK_COLUMNS
from tests.exporters.hostile import squash

EXPECTED = {
    "summary.pdf",
    "summary.eml",
    "summary.md",
    "session.xlsx",
    "session.json",
}


def tiny_png(width: int = 40, height: int = 20) -> bytes:
    """A real PNG, made without any imaging library."""
    raw = b"".join(b"\x00" + bytes([30, 80, 160]) * width for _ in range(height))

    def chunk(kind: bytes, data: bytes) -> bytes:
        return struct.pack(">I", len(data)) + kind + data + struct.pack(">I", zlib.crc32(kind + data) & 0xFFFFFFFF)

    header = struct.pack(">IIBBBBB", width, height, 8, 2, 0, 0, 0)
    return b"\x89PNG\r\n\x1a\n" + chunk(b"IHDR", header) + chunk(b"IDAT", zlib.compress(raw)) + chunk(b"IEND", b"")


def pdf_text(path: Path) -> str:
    return "\n".join(page.extract_text() for page in PdfReader(path).pages)


def sessions(demo):
    ordered = demo.ws.ordered_sessions()
    return ordered[0], ordered[1]  # the wall, then the skill panels


@pytest.fixture
def wall_export(demo, tmp_path):
    wall, _ = sessions(demo)
    folder = tmp_path / "wall"
    folder.mkdir()
    written = export_session(demo.ws, wall.id, folder, wall_png=tiny_png())
    return demo.ws, wall, folder, written


@pytest.fixture
def panel_export(demo, tmp_path):
    _, panels = sessions(demo)
    folder = tmp_path / "panels"
    folder.mkdir()
    written = export_session(demo.ws, panels.id, folder)
    return demo.ws, panels, folder, written


def test_wall_session_writes_every_file(wall_export):
    _, _, folder, written = wall_export
    assert {p.name for p in written} == EXPECTED | {"wall.png", "cards.csv", "crosswalk.csv"}
    assert all(p.exists() and p.stat().st_size > 0 for p in written)
    assert (folder / "wall.png").read_bytes() == tiny_png()
    assert not list(folder.glob("*.tmp"))


def test_panel_session_writes_a_brief_per_panel_and_no_wall(panel_export):
    _, _, folder, written = panel_export
    names = {p.name for p in written}
    assert names == EXPECTED | {"votes.csv", "brief-tool-and-die-maker.pdf", "brief-technical-sales-representative.pdf"}
    assert not (folder / "wall.png").exists()


def test_summary_pdf_says_who_came_what_was_named_and_what_comes_next(wall_export):
    ws, session, folder, _ = wall_export
    text = pdf_text(folder / "summary.pdf")
    flat = squash(text)
    # title block
    for fact in (ws.partnership.name, session.info.title, "14 October 2026", session.info.facilitator):
        assert squash(fact) in flat
    # accented names render as text (DejaVu, not Helvetica)
    for name in ("Zoë Müller", "Nguyễn Thị Lan", "Renée Castañeda", "Søren Lindqvist"):
        assert squash(name) in flat
    # the ampersand is printed as typed, not as an entity
    assert "Uncompahgre Tool & Die" in text and "&amp;" not in text
    # partners listed apart, after the employers
    assert text.index("Listening partners") < text.index("Western Slope Workforce Board")
    assert text.index("Bookcliff Precision Machining") < text.index("Listening partners")
    # the occupations table mirrors the wall: Advanced above Mid above Entry
    table_part = text[text.index("Critical occupations", text.index("Who came")) :]
    assert table_part.index("Advanced") < table_part.index("Mid") < table_part.index("Entry")
    assert "51-4041" in text and "CNC machinist" in text
    assert "†" in text  # third-card additions are marked
    for heading in ("Why they are critical", "All occupations", "Skills named, by category", "What was said"):
        assert heading in text
    assert squash("Step 8 · Where applicants come from") in flat
    assert "Next steps" in text and "Early win" in text and squash("2 Nov 2026") in flat
    assert squash("When we will be back in touch") in flat
    reader = PdfReader(folder / "summary.pdf")
    total = len(reader.pages)
    for n, page in enumerate(reader.pages, start=1):
        assert squash(f"page {n} of {total}") in squash(page.extract_text())
        assert squash("Cardwall · Western Colorado Manufacturing Partnership") in squash(page.extract_text())
    assert any(page.mediabox.width > page.mediabox.height for page in reader.pages)  # the wall's landscape page


def test_reason_tallies_in_the_pdf_match_the_domain(wall_export):
    from cardwall import wall as rules

    _ws, session, folder, _ = wall_export
    totals = rules.reason_totals(rules.critical_occupations(session))
    text = pdf_text(folder / "summary.pdf")
    after = text[text.index("All occupations") + len("All occupations") :]
    numbers = [int(x) for x in re.findall(r"\d+", after)[:6]]
    assert numbers == [
        *(totals[r] for r in ("volume", "hard-to-fill", "turnover", "cost", "growth")),
        sum(totals.values()),
    ]


def test_panel_summary_lists_the_panels_with_their_top_tasks(panel_export):
    _, _, folder, _ = panel_export
    text = pdf_text(folder / "summary.pdf")
    assert "Tool and Die Maker" in text and "Technical Sales Representative" in text
    assert "brief-tool-and-die-maker.pdf" in text
    assert squash("Interprets blueprints, engineering drawings and GD&T") in squash(text)
    assert "(tie)" in text


def test_briefs_fit_two_pages_and_carry_the_matrix_ranking_and_details(panel_export):
    _, _session, folder, _ = panel_export
    brief = folder / "brief-tool-and-die-maker.pdf"
    reader = PdfReader(brief)
    assert 1 <= len(reader.pages) <= 2
    text = pdf_text(brief)
    flat = squash(text)
    assert "51-4111" in text
    for label in ("A-1", "B-1", "C-1", "F-4"):
        assert label in text
    assert "Prioritised tasks" in text and "5 (tie)" in text
    for words in ("Minimum:", "Knowledge:", "Skills:", "Abilities:", "Paths into and out of the occupation"):
        assert squash(words) in flat
    assert squash("Registered four-year tool and die apprenticeship") in flat
    assert squash("Uncompahgre Tool & Die") in flat  # who took part
    assert "Wages" not in text  # no wage data handed in: no wage line
    assert len(PdfReader(folder / "brief-technical-sales-representative.pdf").pages) <= 2


def test_brief_prints_a_wage_line_with_its_source_when_given(demo, tmp_path):
    from exporters.brief_pdf import brief_pdf

    _, session = sessions(demo)
    pdf = brief_pdf(
        demo.ws, session.id, "tdm", wages=lambda soc: "$61,200 median annual wage" if soc == "51-4111" else None
    )
    text = squash("\n".join(p.extract_text() for p in PdfReader(io.BytesIO(pdf)).pages))
    assert squash("$61,200 median annual wage") in text
    assert squash("U.S. Bureau of Labor Statistics, OEWS, May 2025") in text


def test_email_draft_is_an_unsent_message_from_the_convener_with_the_pdf(wall_export):
    ws, session, folder, _ = wall_export
    msg = email.message_from_bytes((folder / "summary.eml").read_bytes(), policy=policy.default)
    assert msg["X-Unsent"] == "1"
    assert session.info.title in msg["Subject"]
    (sender,) = msg["From"].addresses
    assert (sender.display_name, sender.addr_spec) == (ws.partnership.convener_name, ws.partnership.convener_email)
    employers = {p.email for p in session.participants.values() if p.role != "partner"}
    partners = {p.email for p in session.participants.values() if p.role == "partner"} - {sender.addr_spec}
    assert {a.addr_spec for a in msg["To"].addresses} == employers
    assert {a.addr_spec for a in msg["Cc"].addresses} == partners
    assert any(a.display_name == "Zoë Müller" for a in msg["To"].addresses)
    body = msg.get_body(("plain",)).get_content()
    assert "CRITICAL OCCUPATIONS" in body and "Zoë Müller" in body
    (attachment,) = list(msg.iter_attachments())
    assert attachment.get_filename() == "summary.pdf"
    assert attachment.get_content() == (folder / "summary.pdf").read_bytes()


def test_markdown_summary_has_every_section(wall_export):
    _, _, folder, _ = wall_export
    md = (folder / "summary.md").read_text(encoding="utf-8")
    for heading in (
        "## Who came",
        "## The wall",
        "## Critical occupations",
        "### Advanced",
        "## Why they are critical",
    ):
        assert heading in md
    assert "![The wall at the end of the session](wall.png)" in md
    assert md.index("### Advanced") < md.index("### Mid") < md.index("### Entry")
    assert "Uncompahgre Tool & Die" in md


def test_tables_read_back_with_pandas(wall_export, panel_export):
    _ws, session, folder, _ = wall_export
    assert (folder / "cards.csv").read_bytes().startswith(b"\xef\xbb\xbf")
    cards = pd.read_csv(folder / "cards.csv", encoding="utf-8-sig", keep_default_na=False)
    assert list(cards.columns) == CARD_COLUMNS
    assert len(cards) == len(session.cards) == 39
    k4 = cards.set_index("id").loc["k4"]
    assert (k4["stack"], k4["author"], k4["level"], k4["category"]) == ("k1", "Zoë Müller", "Mid", "Production")
    crosswalk = pd.read_csv(folder / "crosswalk.csv", encoding="utf-8-sig", keep_default_na=False)
    assert list(crosswalk.columns) == CROSSWALK_COLUMNS
    assert crosswalk["level"].iloc[0] == "Advanced" and crosswalk["level"].iloc[-1] == "Entry"
    cnc = crosswalk.set_index("title").loc["CNC machinist"]
    assert (cnc["soc_code"], int(cnc["employers"])) == ("51-4041", 4)
    sheets = pd.read_excel(folder / "session.xlsx", sheet_name=None)
    assert list(sheets) == ["session", "participants", "cards", "crosswalk", "notes", "next_steps"]  # no empty ones
    assert len(sheets["cards"]) == 39 and len(sheets["next_steps"]) == len(session.next_steps)

    _, panels, pfolder, _ = panel_export
    votes = pd.read_csv(pfolder / "votes.csv", encoding="utf-8-sig", keep_default_na=False)
    assert list(votes.columns) == [
        "panel",
        "function",
        "task_label",
        "task",
        "participant",
        "organization",
        "round",
        "dots",
    ]
    assert votes["dots"].sum() == sum(v.dots for v in panels.votes.values())
    tallies = votes[votes["participant"] == ""]
    assert len(tallies) == sum(1 for v in panels.votes.values() if v.participant_id is None) > 0
    tasks = pd.read_excel(pfolder / "session.xlsx", sheet_name="tasks")
    a1 = tasks[(tasks["panel"] == "Tool and Die Maker") & (tasks["task_label"] == "A-1")].iloc[0]
    assert a1["dots"] == 5 and a1["rank"] == 1 and "GD&T symbols" in a1["knowledge"]


def test_session_json_is_the_interchange_format(wall_export):
    _, session, folder, _ = wall_export
    data = json.loads((folder / "session.json").read_text(encoding="utf-8"))
    assert data["format"] == "cardwall-session/1" and data["session"]["title"] == session.info.title
