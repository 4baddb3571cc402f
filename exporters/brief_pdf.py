"""`brief-<occupation>.pdf`: a one-to-two-page brief per skill panel, for education and training partners.

A brief never runs past two pages: when a panel holds more than fits, it is
laid out again more tightly (fewer details, shorter texts), and says where
the rest is (session.xlsx).
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from reportlab.lib import colors
from reportlab.lib.units import inch
from reportlab.platypus import KeepTogether, Spacer
from reportlab.platypus.doctemplate import LayoutError

from cardwall import panels as rules
from cardwall import voting
from cardwall.meetings import compare
from cardwall.model import KSA_KINDS, Note, Panel, Session, Workspace
from cardwall.people import partners as listeners
from exporters.content import ROUND_NOTE, date_text, round_dots
from exporters.pdf_style import (
    BAND,
    BLS_SOURCE,
    FRAME_WIDTH,
    RULE,
    STYLES,
    Paragraph,
    TooManyPages,
    build_pdf_pages,
    esc,
    footer_for,
    head,
    para,
    section,
    table,
    wage_line,
)

MAX_PAGES = 2
DETAIL_LABELS = ("Minimum:", "Mid-level, what changes:", "Performing well looks like:")
KSA_HEADINGS = {"knowledge": "Knowledge", "skill": "Skills", "ability": "Abilities"}
TASK_COLUMNS = 5  # task cells per row of the DACUM chart
FUNCTION_COL = 1.2 * inch

# How tightly to lay a brief out, tried in order until it fits on two pages.
# (details: how many top tasks get their full discussion; clip: longest text kept; matrix_all: every task)
LAYOUTS = (
    {"details": 99, "clip": 0, "matrix_all": True, "gaps": 6},
    {"details": 3, "clip": 400, "matrix_all": True, "gaps": 6},
    {"details": 2, "clip": 160, "matrix_all": True, "gaps": 5},
    {"details": 1, "clip": 90, "matrix_all": False, "gaps": 4},
    {"details": 0, "clip": 60, "matrix_all": False, "gaps": 3, "cap": 24},
    {"details": 0, "clip": 40, "matrix_all": False, "gaps": 0, "cap": 10},
)


@dataclass(frozen=True)
class _Layout:
    details: int
    clip: int
    matrix_all: bool
    gaps: int
    cap: int = 0  # most tasks listed anywhere, 0 = no cap


def brief_pdf(ws: Workspace, session_id: str, panel_id: str, *, wages=None) -> bytes:
    """The brief's PDF bytes; at most two pages whatever the panel holds."""
    session = ws.sessions[session_id]
    panel = session.panels[panel_id]

    def build(layout: _Layout, max_pages: int | None) -> bytes:
        return build_pdf_pages(
            _story(ws, session, panel, layout, wages),
            title=f"{panel.occupation} — occupation brief",
            footer=footer_for(ws.partnership.name),
            author=session.info.facilitator or "Cardwall",
            subject=f"Skill panel brief: {panel.occupation}",
            max_pages=max_pages,
        )[0]

    too_long: list[_Layout] = []  # layouts that ran past two pages, stopped there
    for options in LAYOUTS:
        layout = _Layout(**options)
        try:
            return build(layout, MAX_PAGES)
        except LayoutError:  # something too tall to place at all: the tighter layouts clip it
            continue
        except TooManyPages:  # too long for two pages: try the next, tighter layout
            too_long.append(layout)
    for layout in reversed(too_long):  # none fits: the tightest that can be laid out, whatever its length
        try:
            return build(layout, None)
        except LayoutError:
            continue
    return b""


def _clip(text: str, layout: _Layout) -> str:
    text = text or ""
    if layout.clip and len(text) > layout.clip:
        return text[: layout.clip - 1].rstrip() + "…"
    return text


def _story(ws: Workspace, session: Session, panel: Panel, layout: _Layout, wages) -> list:
    labels = rules.task_labels(session, panel.id)
    counts = rules.totals(session, panel.id)
    ranked = rules.ranking(session, panel.id)
    top = rules.top_tasks(session, panel)
    story = _title(ws, session, panel, wages, layout)
    story += _who(session, panel, layout)
    story += _matrix(session, panel, labels, counts, layout)
    story += _priorities(session, panel, ranked, labels, layout, compare(ws, session.id, panel.id))
    story += _top_task_details(session, panel, top, labels, counts, layout)
    story += _gaps(session, panel, top, labels, counts, layout)
    story += _paths(panel, layout)
    return story


def _title(ws: Workspace, session: Session, panel: Panel, wages, layout: _Layout) -> list:
    out = []
    if ws.partnership.name:
        out.append(para(ws.partnership.name, "subtitle"))
    out.append(Paragraph("Occupation brief: " + esc(_clip(panel.occupation, layout)), STYLES["title"]))
    facts = []
    if panel.soc_code:
        facts.append(f"<b>SOC code</b> {esc(panel.soc_code)}")
    wage = wage_line(wages, panel.soc_code)
    if wage:
        cited = "Bureau of Labor Statistics" in wage  # a line that names its source already
        source = "" if cited else f" <font size=7.5 color='#5f6b7a'>(source: {BLS_SOURCE})</font>"
        facts.append(f"<b>Wages</b> {esc(wage)}{source}")
    when = date_text(session.info.date)
    facts.append(
        f"<b>Skill panel</b> {esc(when) or 'date not set'}"
        + (f", {esc(session.info.location)}" if session.info.location else "")
    )
    out.append(Paragraph(" &nbsp;·&nbsp; ".join(facts), STYLES["meta"]))
    out.append(Spacer(1, 2))
    return out


def _dots(n: int) -> str:
    if n <= 0:
        return ""
    shown = "●" * min(n, 8) + ("+" if n > 8 else "")
    return f"<font color='#c0392b'>{shown}</font> {n}"


def _matrix(session: Session, panel: Panel, labels: dict, counts: dict, layout: _Layout) -> list:
    out = section("Functions and tasks")
    functions = rules.functions_of(session, panel.id)
    groups = [
        (f"{rules.function_letter(i)}. {f.title}", rules.tasks_of(session, panel.id, f.id))
        for i, f in enumerate(functions)
    ]
    unsorted = rules.tasks_of(session, panel.id, None)
    if unsorted:
        groups.append(("?. Not yet sorted", unsorted))
    if not any(tasks for _, tasks in groups):
        return [*out, para("No tasks are on this panel's matrix yet.", "body")]
    hidden = 0
    if layout.cap:  # a very large panel: only the most-voted tasks make the chart
        ranked = sorted((t for _, ts in groups for t in ts), key=lambda t: -counts.get(t.id, 0))
        allowed = {t.id for t in ranked[: layout.cap] if counts.get(t.id, 0) > 0}
        groups = [(title, [t for t in ts if t.id in allowed]) for title, ts in groups]
        hidden = len(ranked) - len(allowed)
    columns = max(2, min(TASK_COLUMNS, max(len(tasks) for _, tasks in groups)))
    rows, spans = [head("Function", "Tasks (label, dots, task)", *[""] * (columns - 1))], []
    col_w = (FRAME_WIDTH - FUNCTION_COL) / columns
    for title, tasks in groups:
        if not layout.matrix_all and not layout.cap:
            kept = [t for t in tasks if counts.get(t.id, 0) > 0]
            hidden += len(tasks) - len(kept)
            tasks = kept
        if not tasks:
            continue
        first = len(rows)
        for start in range(0, len(tasks), columns):
            cells = [_task_cell(t, labels, counts, layout) for t in tasks[start : start + columns]]
            cells += [""] * (columns - len(cells))
            rows.append([para(_clip(title, layout), "cell_small_bold") if start == 0 else "", *cells])
        if len(rows) - first > 1:  # one function, several rows of tasks: no rule between them
            spans.append(("LINEBELOW", (0, first), (-1, len(rows) - 2), 0, colors.white))
    t = table(rows, [FUNCTION_COL] + [col_w] * columns, zebra=False)
    t.setStyle([("SPAN", (1, 0), (-1, 0)), *spans, ("LINEAFTER", (0, 1), (-2, -1), 0.4, RULE)])
    out.append(t)
    note = "Dots: employers' votes for the tasks local education and training should most improve."
    if hidden:
        note += f" {hidden} tasks with fewer or no dots are left out here; every task is in session.xlsx."
    out += [Spacer(1, 2), para(note, "small")]
    return out


def _task_cell(task, labels: dict, counts: dict, layout: _Layout) -> Paragraph:
    dots = _dots(counts.get(task.id, 0))
    text = f"<b>{esc(labels.get(task.id, ''))}</b> {dots}<br/>{esc(_clip(task.text, layout))}"
    return Paragraph(text, STYLES["cell_small"])


def _priorities(session: Session, panel: Panel, ranked, labels: dict, layout: _Layout, cmp=None) -> list:
    out = section("Prioritised tasks")
    if not ranked:
        out.append(para("No dots have been placed on this panel yet.", "body"))
        return out + (_earlier_note(cmp, labels) if cmp else [])
    by_round = round_dots(session, panel.id)
    # Both focus groups voted: hiring authorities (round 1) and high performers (round 2) side by side.
    rounds = cmp is None and any(r2 for _, r2 in by_round.values()) and any(r1 for r1, _ in by_round.values())
    # Carried from an earlier meeting: that meeting's dots and rank beside each task (cardwall/meetings.py).
    across = {r.task_id: r for r in cmp.rows if r.task_id} if cmp else {}
    columns = ("Round 1", "Round 2", "All") if rounds else ("Dots",)
    if cmp:
        columns = ("Dots", "Earlier dots", "Earlier rank", "Change")
    rows = [head("Rank", "Task", "", *columns)]
    shown = ranked[: layout.cap] if layout.cap else ranked
    for r in shown:
        rank = f"{r.rank} (tie)" if r.tied else str(r.rank)
        counts = (*by_round.get(r.task.id, (0, 0)), r.dots) if rounds else (r.dots,)
        cells = [para(str(n), "cell_num") for n in counts]
        if cmp:
            then = across.get(r.task.id)
            bits = ("—", "—", "") if then is None else _earlier_cells(then)
            cells += [para(bits[0], "cell_num"), para(bits[1], "cell_num"), para(bits[2], "cell")]
        rows.append([para(rank, "cell"), para(r.label, "cell_bold"), para(_clip(r.task.text, layout), "cell"), *cells])
    extra = 1.6 * inch if rounds else (2.4 * inch if cmp else 0)
    widths = [0.7 * inch, 0.45 * inch, FRAME_WIDTH - 1.65 * inch - extra]
    widths += [0.7 * inch] * 3 if rounds else [0.5 * inch]
    if cmp:
        widths += [0.7 * inch, 0.75 * inch, 0.95 * inch]
    t = table(rows, widths, numeric_cols=(3, 4, 5) if rounds or cmp else (3,))
    t.setStyle([("SPAN", (1, 0), (2, 0))])
    out.append(t)
    if rounds:
        out.append(para(ROUND_NOTE, "small"))
    if len(shown) < len(ranked):
        out.append(para(f"{len(ranked) - len(shown)} more tasks with dots are in session.xlsx.", "small"))
    return out + (_earlier_note(cmp, labels) if cmp else [])


def _earlier_cells(row) -> tuple[str, str, str]:
    from exporters.meetings import cells

    _text, then, rank_then, _now, _rank_now, change = cells(row)
    return then, rank_then, change


def _earlier_note(cmp, labels: dict) -> list:
    """The comparison's headline, and the earlier meeting's tasks the table above cannot show."""
    from cardwall.meetings import DROPPED
    from exporters.meetings import headline

    lines = [f"<b>Compared with the earlier meeting.</b> {esc(headline(cmp))}"]
    quiet = [r for r in cmp.rows if r.status != DROPPED and r.dots_before and not r.dots_now]
    if quiet:
        names = "; ".join(f"{r.label_now} {r.text}" for r in quiet)
        lines.append(f"<b>Dotted earlier, none now:</b> {esc(names)}")
    dropped = [r for r in cmp.rows if r.status == DROPPED]
    if dropped:
        names = "; ".join(f"{r.text} ({r.dots_before} dots earlier)" for r in dropped)
        lines.append(f"<b>Dropped in this meeting:</b> {esc(names)}")
    return [Paragraph("<br/>".join(lines), STYLES["small"])]


def _top_task_details(session: Session, panel: Panel, top, labels: dict, counts: dict, layout: _Layout) -> list:
    discussed = [t for t in top if _has_detail(session, t.id)]
    if not discussed:
        return []
    out = section("The top tasks in detail")
    for task in discussed[: layout.details]:
        detail = session.task_details[task.id]
        block = [
            Paragraph(
                f"{esc(labels.get(task.id, ''))} &nbsp;{esc(_clip(task.text, layout))} "
                f"<font color='#5f6b7a' size=8.5>({counts.get(task.id, 0)} dots)</font>",
                STYLES["h2"],
            )
        ]
        parts = zip(DETAIL_LABELS, (detail.minimum, detail.progression, detail.performance), strict=True)
        row = [
            Paragraph(f"<b>{label}</b> " + (esc(_clip(x, layout)) or "—"), STYLES["cell_small"]) for label, x in parts
        ]
        t = table([row], [FRAME_WIDTH / 3] * 3, header_rows=0, zebra=False)
        t.setStyle([("BACKGROUND", (0, 0), (-1, -1), BAND), ("LINEAFTER", (0, 0), (-2, -1), 0.4, colors.white)])
        block.append(t)
        ksa_lines = []
        for kind in KSA_KINDS:
            items = [k.text for k in detail.ksas if k.kind == kind]
            if items:
                joined = "; ".join(esc(_clip(x, layout)) for x in items)
                ksa_lines.append(f"<b>{KSA_HEADINGS[kind]}:</b> {joined}")
        if ksa_lines:
            block.append(Spacer(1, 2))
            block.append(Paragraph("<br/>".join(ksa_lines), STYLES["cell_small"]))
        out.append(KeepTogether(block))
    rest = [labels.get(t.id, "") for t in discussed[layout.details :]]
    undiscussed = [labels.get(t.id, "") for t in top if not _has_detail(session, t.id)]
    notes = []
    if rest:
        notes.append(f"Also discussed: {', '.join(rest)} (details in session.xlsx, sheet “tasks”).")
    if undiscussed:
        notes.append(f"Top tasks not yet discussed in detail: {', '.join(undiscussed)}.")
    if notes:
        out += [Spacer(1, 3), para(" ".join(notes), "small")]
    return out


def _has_detail(session: Session, task_id: str) -> bool:
    d = session.task_details.get(task_id)
    return bool(d and (d.minimum or d.progression or d.performance or d.ksas))


def _gaps(session: Session, panel: Panel, top, labels: dict, counts: dict, layout: _Layout) -> list:
    """What education partners should act on: the knowledge and skills behind the most-voted tasks."""
    found: list[tuple[str, str]] = []
    seen: set[str] = set()
    for task in sorted(top, key=lambda t: -counts.get(t.id, 0)):
        detail = session.task_details.get(task.id)
        for ksa in detail.ksas if detail else ():
            key = ksa.text.casefold()
            if ksa.kind in ("knowledge", "skill") and key not in seen:
                seen.add(key)
                found.append((ksa.text, labels.get(task.id, "")))
    said = [n for n in panel_notes(session, panel) if n.step == 3]
    if not found and not said:
        return []
    out = section("Skill gaps for education and training partners")
    if found:
        items = "; ".join(
            f"{esc(_clip(text, layout))} <font color='#5f6b7a'>({esc(label)})</font>"
            for text, label in found[: layout.gaps]
        )
        out.append(
            Paragraph(
                "<b>Teach first</b> (the knowledge and skills behind the most-voted tasks): " + items + ".",
                STYLES["body"],
            )
        )
    for note in said:
        topic = f"<b>{esc(note.topic)}.</b> " if note.topic else ""
        out.append(Paragraph(topic + esc(_clip(note.text, layout)), STYLES["quote"]))
    return out


def panel_notes(session: Session, panel: Panel) -> list[Note]:
    """Notes about this panel: its own, and the session's shared notes whose topic names the occupation."""
    own = [n for n in session.notes.values() if n.panel_id == panel.id]
    shared = [n for n in session.notes.values() if n.panel_id is None]
    if len(session.panels) > 1:
        shared = [n for n in shared if _mentions(n.topic, panel.occupation)]
    return sorted(own + shared, key=lambda n: (n.step, n.id))


_STOP = {"and", "of", "the", "a", "an", "or", "maker", "representative", "rep", "worker", "operator", "technician"}


def _mentions(topic: str, occupation: str) -> bool:
    words = {w for w in re.findall(r"\w+", occupation.casefold()) if w not in _STOP}
    said = set(re.findall(r"\w+", topic.casefold()))
    return bool(words) and len(words & said) >= max(1, (len(words) + 1) // 2)


def _paths(panel: Panel, layout: _Layout) -> list:
    if not (panel.paths_into or panel.paths_from):
        return []
    out = [Paragraph("Paths into and out of the occupation", STYLES["h1"])]

    def cell(items) -> Paragraph:
        items = items[: layout.cap] if layout.cap else items
        return Paragraph("<br/>".join("• " + esc(_clip(x, layout)) for x in items) or "—", STYLES["cell"])

    rows = [head("Where people come from", "Where they go next"), [cell(panel.paths_into), cell(panel.paths_from)]]
    return [KeepTogether([*out, table(rows, [FRAME_WIDTH / 2] * 2, zebra=False)])]


def _who(session: Session, panel: Panel, layout: _Layout) -> list:
    voters = {v.participant_id for v in session.votes.values() if v.panel_id == panel.id and v.participant_id}
    people = voting.voters(session)
    if voters:
        people = [p for p in people if p.id in voters] or people
    orgs = sorted({p.organization or p.name for p in people}, key=str.casefold)
    partners = sorted(
        {p.organization or p.name for p in listeners(session.participants.values())},
        key=str.casefold,
    )
    text = "<b>Who took part</b>: " + (esc(_clip(", ".join(orgs), layout)) or "no employers recorded") + "."
    if partners:
        text += " <b>Listening partners:</b> " + esc(_clip(", ".join(partners), layout)) + "."
    return [Paragraph(text, STYLES["meta"])]
