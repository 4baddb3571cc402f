"""Whatever people type, every export of the session is safe and complete (hypothesis).

Sessions are built through the real commands from arbitrary Unicode mixed with hostile samples; text the
domain refuses must leave the workspace as it was. The exports are then read back as a recipient would:
the PDFs with pypdf, the tables with pandas and openpyxl, the e-mail with the standard parser, the session
JSON by importing it again.
"""

from __future__ import annotations

import copy
import json
import re
import tempfile
import unicodedata
from email import policy
from email.parser import BytesParser
from pathlib import Path

import pandas as pd
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from openpyxl import load_workbook
from pypdf import PdfReader

from cardwall import commands as c
from cardwall.interchange import ImportSession, session_to_dict
from cardwall.model import Workspace
from exporters.bundle import export_session
from exporters.names import _RESERVED
from exporters.tables import neutralise

HOSTILE = [
    "AT&T & Sons",
    "<b>bold</b> text",
    "<img src=x onerror=alert(1)>",
    "=cmd|' /C calc'!A0",
    "+1 call me",
    "-2 dots",
    "@SUM(A1:A9)",
    "Zoë Müller-Nguyễn",
    "数控机床操作员",
    "مهندس صيانة",
    "\u202eevil override\u202c",
    "Welder 👩\u200d🏭 lead",
    "zero\u200bwidth\u200djoiner",
    "non\ufffecharacter\uffff",  # XML has no place for these: a spreadsheet cell must drop them
    "tab\there",
    "null\x00byte",
    "line one\nline two",
    "\r\nBcc: evil@x",
    "=?UTF-8?Q?=0A?=Bcc: x",
    "../../etc/passwd",
    "..\\..\\windows",
    "CON",
    "nul",
    "...",
    ".",
    "x" * 10_000,
    "Pneumonoultramicroscopicsilicovolcanoconiosis " * 10,
]
TEXT = st.one_of(st.sampled_from(HOSTILE), st.text(max_size=120), st.text(min_size=400, max_size=520))
SHORT = st.one_of(st.sampled_from(HOSTILE), st.text(max_size=40))
EMAIL = st.one_of(
    st.sampled_from(["ann@example.com", "bo@example.org", "not an address\nBcc: evil@x", "evil@x\r\nBcc: y@z.com"]),
    st.text(max_size=30),
)

SESSION = st.fixed_dictionaries(
    {
        "title": SHORT,
        "people": st.lists(st.tuples(SHORT, SHORT, EMAIL), min_size=1, max_size=3),
        "categories": st.lists(SHORT, min_size=1, max_size=2),
        "cards": st.lists(
            st.tuples(TEXT, TEXT, st.integers(0, 2), st.sampled_from(["occupation", "skill"])), max_size=5
        ),
        "step_notes": st.lists(st.tuples(st.integers(1, 8), TEXT), max_size=2),
        "next_steps": st.lists(st.tuples(TEXT, SHORT), max_size=2),
        "occupation": SHORT,
        "functions": st.lists(SHORT, min_size=1, max_size=2),
        "tasks": st.lists(st.tuples(TEXT, st.integers(0, 2)), min_size=1, max_size=4),
        "ksas": st.lists(TEXT, max_size=2),
        "minimum": TEXT,
    }
)

SAFE_NAME = re.compile(
    r"(summary\.(pdf|md|eml)|wall\.png|(cards|votes|crosswalk)\.csv|session\.(xlsx|json)|brief-(?P<slug>[a-z0-9-]+)\.pdf)"
)
PARTNERSHIP = "Front Range Manufacturing"
FORMULA_START = ("=", "+", "-", "@", "\t", "\r", "\n", "\0")


class Built:
    """What was accepted, by kind, to look for in the exports."""

    def __init__(self) -> None:
        self.summary: list[str] = []  # texts the summary PDF prints whole
        self.briefs: dict[str, list[str]] = {}  # panel id -> texts its brief prints (maybe clipped to 40)
        self.cards: list[str] = []


def _run(ws: Workspace, command) -> bool:
    """Apply a command; a refusal must be one clear line and change nothing."""
    before = copy.deepcopy(ws)
    try:
        command.apply(ws)
        return True
    except c.DomainError as exc:
        assert str(exc) and "\n" not in str(exc)
        assert ws == before
        return False


def build(ws: Workspace, spec: dict) -> tuple[list[str], Built]:
    """Two sessions from the spec (a wall and a skill panel), through the commands."""
    built = Built()
    sessions = []
    assert _run(ws, c.EditPartnership(name=PARTNERSHIP))
    for kind in ("critical-occupations", "skill-panel"):
        add = c.AddSession(kind=kind, title=spec["title"])
        if not _run(ws, add):
            add = c.AddSession(kind=kind, title="Session")
            assert _run(ws, add)
        sid = add.session_id
        sessions.append(sid)
        people = []
        for name, org, email in spec["people"]:
            person = c.AddParticipant(sid, name=name, organization=org, email=email)
            if _run(ws, person):
                people.append(person.participant_id)
                p = ws.sessions[sid].participants[person.participant_id]
                built.summary += [p.name, p.organization]
        for step, text in spec["step_notes"]:
            _run(ws, c.SetStepNote(sid, step, text))  # a later note for the same step replaces it
        built.summary += [n.text for n in ws.sessions[sid].notes.values()]
        for text, owner in spec["next_steps"]:
            add_step = c.AddNextStep(sid, text=text, owner=owner)
            if _run(ws, add_step):
                step = ws.sessions[sid].next_steps[add_step.step_id]
                built.summary += [step.text, step.owner]
        if kind == "critical-occupations":
            categories = []
            for title in spec["categories"]:
                category = c.AddCategory(sid, title)
                if _run(ws, category):
                    categories.append(category.category_id)
            if not categories:
                category = c.AddCategory(sid, "Production")
                assert _run(ws, category)
                categories.append(category.category_id)
            for i, (text, notes, where, card_kind) in enumerate(spec["cards"]):
                level = "L1" if card_kind == "occupation" else None
                card = c.AddCard(
                    sid,
                    text,
                    kind=card_kind,
                    category_id=categories[where % len(categories)],
                    level_id=level,
                    author_id=people[i % len(people)] if people else None,
                )
                if _run(ws, card):
                    stored = ws.sessions[sid].cards[card.card_id]
                    built.summary += [stored.text, ws.sessions[sid].categories[stored.category_id].title]
                    built.cards.append(stored.text)
                    _run(ws, c.EditCard(sid, card.card_id, notes=notes))
        else:
            panel = c.AddPanel(sid, occupation=spec["occupation"], soc_code="51-4111")
            if not _run(ws, panel):
                panel = c.AddPanel(sid, occupation="Tool and Die Maker", soc_code="51-4111")
                assert _run(ws, panel)
            pid = panel.panel_id
            texts = built.briefs.setdefault(pid, [ws.sessions[sid].panels[pid].occupation])
            functions = []
            for title in spec["functions"]:
                function = c.AddFunction(sid, pid, title)
                if _run(ws, function):
                    functions.append(function.function_id)
            tasks = []
            for text, where in spec["tasks"]:
                function_id = functions[where % len(functions)] if functions and where else None
                task = c.AddTask(sid, pid, text, function_id=function_id)
                if _run(ws, task):
                    tasks.append(task.task_id)
                    texts.append(ws.sessions[sid].tasks[task.task_id].text)
            for i, person in enumerate(people):
                if tasks:
                    _run(ws, c.CastDot(sid, tasks[i % len(tasks)], person))
            if tasks:
                _run(ws, c.SetTally(sid, tasks[0], 2))
                ksas = [("skill", text) for text in spec["ksas"]]
                _run(ws, c.EditTaskDetail(sid, tasks[0], minimum=spec["minimum"], ksas=ksas))
    return sessions, built


def pdf_words(path: Path) -> str:
    """The PDF's text without whitespace or page footers, casefolded: text running across pages reads as one."""
    lines = []
    for page in PdfReader(path).pages:
        for line in page.extract_text().splitlines():
            if line.strip() != f"Cardwall · {PARTNERSHIP}" and not re.fullmatch(r"page \d+ of \d+", line.strip()):
                lines.append(line)
    return "".join("".join(lines).split()).casefold()


def _words(text: str, *, within: int | None = None) -> list[str]:
    """ASCII words of 3+ letters or digits: what any font draws and any PDF reader gives back.

    A word beside a right-to-left character (or an unassigned one, which the bidi algorithm may take
    as right-to-left by its block) is left out: its digits rightly join the right-to-left run and print
    on the other side of it ("R2IW" shows as "2RIW"), so the word is not contiguous on the page.
    """
    return [
        m.group()
        for m in re.finditer(r"[A-Za-z0-9]{3,}", text)
        if (within is None or m.end() <= within) and not _beside_rtl(text, m.start(), m.end())
    ]


def _beside_rtl(text: str, start: int, end: int) -> bool:
    around = (text[start - 1] if start else "") + (text[end] if end < len(text) else "")
    return any(unicodedata.bidirectional(ch) in ("R", "AL", "AN") or unicodedata.category(ch) == "Cn" for ch in around)


def _printed(word: str, flat: str) -> bool:
    word = word.casefold()
    return word in flat or word[::-1] in flat  # a typed right-to-left override shows the letters reversed


def check_exports(ws: Workspace, sid: str, folder: Path, written: list[Path], built: Built) -> None:
    session = ws.sessions[sid]
    # --- every file is where it should be, under a safe name, and nothing else is there
    assert sorted(p.name for p in folder.iterdir()) == sorted(p.name for p in written)
    for path in written:
        assert path.exists() and path.resolve().parent == folder.resolve(), path
        named = SAFE_NAME.fullmatch(path.name)
        assert named, path.name
        if named["slug"] is not None:
            slug = named["slug"]
            assert slug and not slug.startswith("-") and not slug.endswith("-") and slug not in _RESERVED
    briefs = [p for p in written if p.name.startswith("brief-")]
    assert len(briefs) == len(session.panels)

    # --- the PDFs print every accepted text (ASCII words of it: glyphs DejaVu lacks may drop)
    summary = pdf_words(folder / "summary.pdf")
    for text in built.summary if session.info.kind == "critical-occupations" else []:
        for word in _words(text):
            assert _printed(word, summary), (word, text[:80])
    for brief in briefs:
        flat = pdf_words(brief)
        (pid,) = [p.id for p in session.panels.values() if brief.name == _brief_name(session, p.id)]
        occupation, *tasks = built.briefs[pid]
        for word in _words(occupation, within=58):
            assert _printed(word, flat), (word, occupation)
        for text in tasks:  # a crowded brief clips each task to its first 39 characters
            for word in _words(text, within=38):
                assert _printed(word, flat), (word, text[:80])

    # --- no spreadsheet cell can run as a formula
    for name in ("cards", "votes", "crosswalk"):
        if not (folder / f"{name}.csv").exists():  # nothing in it for this session: not written
            assert name != "cards" or not built.cards or session.info.kind != "critical-occupations"
            continue
        frame = pd.read_csv(folder / f"{name}.csv", dtype=str, keep_default_na=False, encoding="utf-8-sig")
        _assert_no_formula(frame, name)
        if name == "cards" and session.info.kind == "critical-occupations":
            assert sorted(frame["text"]) == sorted(neutralise(t) for t in built.cards)
    for name, frame in pd.read_excel(folder / "session.xlsx", sheet_name=None, dtype=str).items():
        _assert_no_formula(frame.fillna(""), name)
    for sheet in load_workbook(folder / "session.xlsx").worksheets:
        for row in sheet.iter_rows():
            for cell in row:
                assert cell.data_type != "f", (sheet.title, cell.coordinate, cell.value)

    # --- the e-mail draft has exactly its own headers, each on one line
    msg = BytesParser(policy=policy.default).parsebytes((folder / "summary.eml").read_bytes())
    expected = {"Subject", "Date", "X-Unsent", "MIME-Version", "Content-Type"}
    emails = {p.email.casefold() for p in session.participants.values() if p.email}
    for field in ("To", "Cc"):  # employers in To, listening partners in Cc
        if msg[field] is not None:
            expected.add(field)
            assert {a.addr_spec.casefold() for a in msg[field].addresses} <= emails
    assert set(msg.keys()) == expected, msg.keys()
    assert len(msg.keys()) == len(expected)
    for key, value in msg.items():
        assert "\r" not in str(value) and "\n" not in str(value), (key, value)
    for part in list(msg.walk())[1:]:
        assert not {k.lower() for k in part} & {"bcc", "cc", "to", "from", "reply-to"}

    # --- session.json imports back to an equal session
    data = json.loads((folder / "session.json").read_text(encoding="utf-8"))
    assert data == session_to_dict(ws, sid)
    fresh = Workspace()
    again = ImportSession(data)
    again.apply(fresh)
    assert session_to_dict(fresh, again.session_id) == data


def _brief_name(session, panel_id: str) -> str:
    from exporters.bundle import brief_slugs

    return f"brief-{brief_slugs(session)[panel_id]}.pdf"


def _assert_no_formula(frame: pd.DataFrame, name: str) -> None:
    for column in frame.columns:
        assert not str(column).startswith(FORMULA_START), (name, column)
        for value in frame[column]:
            assert not str(value).startswith(FORMULA_START), (name, column, value)


def _export_and_check(spec: dict, *, picture: bool) -> None:
    ws = Workspace()
    sessions, built = build(ws, spec)
    for sid in sessions:
        png = None
        if picture and ws.sessions[sid].info.kind == "critical-occupations":
            from ui.wall.picture import render_wall_png

            png = render_wall_png(ws, sid)
            assert png.startswith(b"\x89PNG")
        with tempfile.TemporaryDirectory() as tmp:
            folder = Path(tmp) / "out"
            folder.mkdir()
            written = export_session(ws, sid, folder, wall_png=png)
            assert (folder / "wall.png").exists() == bool(png)
            check_exports(ws, sid, folder, written, built)


@settings(max_examples=30, deadline=None, suppress_health_check=[HealthCheck.too_slow, HealthCheck.data_too_large])
@given(spec=SESSION)
def test_any_text_exports_safely_and_completely(spec):
    _export_and_check(spec, picture=False)


@settings(max_examples=3, deadline=None, suppress_health_check=[HealthCheck.too_slow, HealthCheck.data_too_large])
@given(spec=SESSION)
def test_any_text_exports_with_the_wall_picture(spec):
    _export_and_check(spec, picture=True)


def test_every_hostile_sample_at_once():
    """The whole list, each in every field, so each sample is surely tried (hypothesis may not draw it)."""
    spec = {
        "title": "=?UTF-8?Q?=0A?=Bcc: x",
        "people": [(h, h, f"p{i}@example.com" if i % 3 else "\r\nBcc: evil@x") for i, h in enumerate(HOSTILE)],
        "categories": HOSTILE[:3],
        "cards": [(h, h, i, "occupation" if i % 2 else "skill") for i, h in enumerate(HOSTILE)],
        "step_notes": [(i % 8 + 1, h) for i, h in enumerate(HOSTILE)],
        "next_steps": [(h, h) for h in HOSTILE],
        "occupation": "../../etc/passwd",
        "functions": ["CON", "..."],
        "tasks": [(h, i) for i, h in enumerate(HOSTILE[:8])],
        "ksas": HOSTILE[:4],
        "minimum": HOSTILE[-1],
    }
    _export_and_check(spec, picture=True)
