"""Hostile text in every field: the exports print it exactly, run none of it, and never crash."""

from __future__ import annotations

import email
import io
import re
import shutil
import subprocess
from email import policy

import pandas as pd
import pytest
from pypdf import PdfReader

from cardwall.model import Participant
from exporters.bundle import export_session
from exporters.email_draft import draft_email, header_safe
from exporters.tables import neutralise
from tests.exporters import hostile
from tests.exporters.hostile import squash


def pdf_text(path) -> str:
    """The text of every page, without the footers, so text running across pages reads as one."""
    pages = []
    for page in PdfReader(path).pages:
        lines = [x for x in page.extract_text().splitlines() if not x.startswith("Cardwall ·")]
        pages.append("\n".join(x for x in lines if not re.fullmatch(r"page \d+ of \d+", x.strip())))
    return "\n".join(pages)


@pytest.fixture
def wall_files(wf, tmp_path):
    sid = hostile.add_hostile_session(wf)
    export_session(wf.ws, sid, tmp_path)
    return wf.ws.sessions[sid], tmp_path


@pytest.fixture
def panel_files(wf, tmp_path):
    sid = hostile.add_hostile_session(wf, "skill-panel")
    written = export_session(wf.ws, sid, tmp_path)
    return wf.ws.sessions[sid], tmp_path, written


def test_summary_pdf_prints_markup_as_typed(wall_files):
    _, folder = wall_files
    text = pdf_text(folder / "summary.pdf")
    flat = squash(text)
    for typed in (hostile.ORG, hostile.NAME, hostile.SCRIPT, hostile.FORMULA_CATEGORY, hostile.INJECT_NAME):
        assert squash(typed) in flat, typed
    assert "&amp;" not in text and "&lt;" not in text
    # curly quotes, dashes and ≥ survive; the emoji may show as a gap but nothing around it is lost
    assert squash("“lead” — ≥ 3 years") in flat
    # a line break typed in a card stays a line break
    assert "First line\nSecond line" in text
    # a 480-character word is broken across lines, not cut off
    assert squash(hostile.LONG_WORD) in flat
    # the 10,000-character note is all there
    assert squash(hostile.LONG_NOTE) in flat


def test_panel_brief_stays_two_pages_with_hostile_and_huge_text(panel_files):
    _, folder, written = panel_files
    brief = next(p for p in written if p.name.startswith("brief-etc-passwd"))
    assert brief.parent == folder  # "../../" in the occupation cannot climb out
    assert brief.name == "brief-etc-passwd-tool-die.pdf"
    assert len(PdfReader(brief).pages) <= 2
    flat = squash(pdf_text(brief))
    assert squash(hostile.PANEL) in flat and squash(hostile.SCRIPT) in flat and squash(hostile.ORG) in flat


def test_email_headers_cannot_be_injected(wall_files):
    session, folder = wall_files
    raw = (folder / "summary.eml").read_bytes()
    msg = email.message_from_bytes(raw, policy=policy.default)
    assert msg["Bcc"] is None
    assert [k for k in msg if k.lower() == "bcc"] == []
    assert "\n" not in msg["Subject"] and "Bcc" in msg["Subject"]  # kept as text, harmless
    partners = {p.email for p in session.participants.values() if p.role == "partner"}
    assert {a.addr_spec for a in msg["Cc"].addresses} <= partners  # the listening partners, nobody else
    addresses = [a.addr_spec for a in msg["To"].addresses + msg["Cc"].addresses]
    assert "evil@example.com" not in addresses
    # the participant whose e-mail was "not an address\nBcc: ..." gets no address at all
    sender = {a.addr_spec for a in msg["From"].addresses} if msg["From"] else set()  # the convener is not copied
    usable = {p.email for p in session.participants.values() if "\n" not in p.email and " " not in p.email}
    assert len(addresses) == len(usable - sender)
    for line in raw.split(b"\r\n\r\n", 1)[0].split(b"\r\n"):
        assert not line.lower().startswith(b"bcc")


def test_header_safe_strips_line_breaks_and_encoded_words():
    assert header_safe("Hello\r\nBcc: x@example.com") == "Hello Bcc: x@example.com"
    assert "=?" not in header_safe("=?UTF-8?Q?=0A?=Bcc: x@example.com")
    assert "=?" not in header_safe("==??=?=?")
    assert header_safe("Zoë\u2028Müller\x00") == "Zoë Müller"
    raw = draft_email(people=[], subject="=?UTF-8?Q?=0A?=Bcc: evil@example.com", body="hi", pdf=None)
    msg = email.message_from_bytes(raw, policy=policy.default)
    assert msg["Bcc"] is None and msg["X-Unsent"] == "1"
    # A file written before the domain refused such addresses: the draft still gives that person no address.
    old = Participant(id="p", name="Eve", email="not an address\nBcc: evil@example.com")
    msg = email.message_from_bytes(draft_email(people=[old], subject="s", body="hi", pdf=None), policy=policy.default)
    assert msg["Bcc"] is None and not msg["To"]


def test_spreadsheet_formulas_are_neutralised(wall_files):
    _, folder = wall_files
    cards = pd.read_csv(folder / "cards.csv", encoding="utf-8-sig", keep_default_na=False)
    texts = set(cards["text"])
    assert "'" + hostile.FORMULA_CARD in texts and "'" + hostile.AT_CARD in texts
    assert hostile.SCRIPT in texts and hostile.MULTILINE in texts
    assert ("'" + hostile.FORMULA_CATEGORY) in set(cards["category"])
    for value in cards.astype(str).to_numpy().ravel():
        assert not value.startswith(("=", "+", "-", "@", "\t", "\r"))
    sheet = pd.read_excel(folder / "session.xlsx", sheet_name="cards")
    assert ("'" + hostile.FORMULA_CATEGORY) in set(sheet["category"])
    from openpyxl import load_workbook

    book = load_workbook(folder / "session.xlsx")
    for ws in book.worksheets:
        for row in ws.iter_rows():
            for cell in row:
                assert cell.data_type != "f", (ws.title, cell.coordinate, cell.value)


@pytest.mark.parametrize("value", ["=1+1", "+1", "-1", "@A1", "\tx", "\rx", "\nx", "\0x"])
def test_neutralise_prefixes_every_formula_start(value):
    assert neutralise(value) == "'" + value


def test_neutralise_leaves_plain_values():
    assert neutralise("Welder") == "Welder" and neutralise(-3) == -3 and neutralise("51-4121") == "51-4121"


def test_markdown_escapes_markup_but_keeps_the_words(wall_files):
    _, folder = wall_files
    md = (folder / "summary.md").read_text(encoding="utf-8")
    unescaped = md.replace("\\", "")
    assert hostile.ORG in unescaped and hostile.SCRIPT in unescaped
    assert "<script>" not in md  # escaped, so a Markdown viewer shows it rather than running it


def test_brief_of_an_empty_panel_and_a_session_with_nothing(wf, tmp_path):
    from cardwall.commands import AddPanel, AddSession

    add = AddSession(kind="skill-panel", title="Panels", date="")
    wf.execute(add)
    wf.execute(AddPanel(add.session_id, occupation="CON"))
    written = export_session(wf.ws, add.session_id, tmp_path)
    names = {p.name for p in written}
    assert "brief-occupation-con.pdf" in names and "summary.pdf" in names
    text = pdf_text(tmp_path / "summary.pdf")
    assert "No employers are recorded" in text and "No next steps were recorded" in text
    brief = pdf_text(tmp_path / "brief-occupation-con.pdf")
    assert "No tasks are on this panel" in brief and "No dots have been placed" in brief
    assert io.BytesIO((tmp_path / "summary.eml").read_bytes())


@pytest.mark.skipif(shutil.which("pdftotext") is None, reason="poppler's pdftotext reads bidi text back")
def test_right_to_left_names_read_back_in_their_own_order(wall_files):
    _, folder = wall_files
    text = subprocess.run(
        ["pdftotext", str(folder / "summary.pdf"), "-"], capture_output=True, text=True, check=True
    ).stdout
    assert hostile.RTL in text  # drawn right to left, so a reader (and pdftotext) sees it as typed


def test_rows_taller_than_a_page_split_instead_of_failing(wf, tmp_path):
    from cardwall.commands import AddCard, AddNextStep, Batch

    sid = hostile.add_hostile_session(wf)
    session = wf.ws.sessions[sid]
    production = session.ordered_categories()[0].id
    skills = [
        AddCard(sid, f"Skill {i}: reads prints & measures to ±0.001 in", kind="skill", category_id=production)
        for i in range(150)
    ]
    long_step = ("Build a bridge course with the college & the board. " * 20)[:500]
    wf.execute(Batch("Many skills and a long next step", [*skills, AddNextStep(sid, text=long_step, owner="Ruth")]))
    export_session(wf.ws, sid, tmp_path)
    flat = squash(pdf_text(tmp_path / "summary.pdf"))
    assert squash("Skill 149: reads prints & measures to ±0.001 in") in flat
    assert squash(long_step) in flat
