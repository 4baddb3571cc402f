"""The session as tables: cards, the SOC crosswalk, votes, tasks, notes, next steps.

Written as CSV (UTF-8 with a BOM, so Excel reads accents right) and as one workbook, with the
standard csv module and exporters/xlsx.py: pandas cost a user's first export half a second, and
openpyxl a quarter, for nothing a plain row of values does not do. A cell that a spreadsheet
would run as a formula (starting with = + - @, tab, CR, LF or NUL) gets a leading apostrophe
(OWASP CSV injection).
"""

from __future__ import annotations

import csv
import re
from dataclasses import dataclass
from pathlib import Path

from cardwall import panels as rules
from cardwall import wall
from cardwall.model import HORIZON_LABELS, KSA_KINDS, Session, Workspace
from exporters.content import discussion_notes, round_dots, script_steps

_FORMULA_START = ("=", "+", "-", "@", "\t", "\r", "\n", "\0")
_XLSX_ILLEGAL = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\ud800-\udfff\ufffe\uffff]")  # what XML 1.0 cannot hold

CARD_COLUMNS = [
    "id",
    "kind",
    "text",
    "category",
    "level",
    "author",
    "organization",
    "round",
    "reasons",
    "soc_code",
    "stack",
    "notes",
    "soc_title",
    "education",
    "credentials",
    "description",
    "tools",
    "prompt",
]
CROSSWALK_COLUMNS = [
    "level", "category", "title", "soc_code", "soc_title", "employers", "organizations", "notes",
    "median_wage", "wage_where", "employment", "employment_where", "openings", "education", "credentials",
    "description", "tools",
]  # fmt: skip
PARTICIPANT_COLUMNS = ["id", "name", "organization", "role", "email"]
PATH_COLUMNS = ["panel", "soc_code", "direction", "path"]
SESSION_COLUMNS = ["field", "value"]
DATE_COLUMNS = ("due", "date")  # ISO text in CSV; real dates in the workbook
VOTE_COLUMNS = ["panel", "function", "task_label", "task", "participant", "organization", "round", "dots"]
TASK_COLUMNS = [
    "panel", "function", "task_label", "task", "dots", "round_1_dots", "round_2_dots", "rank", "top_task",
    "minimum", "progression", "performance", "knowledge", "skills", "abilities", "added_in_room", "source",
]  # fmt: skip
NOTE_COLUMNS = ["step", "step_title", "topic", "text", "panel"]
NEXT_STEP_COLUMNS = ["text", "owner", "due", "horizon"]


def neutralise(value):
    """A string a spreadsheet could run as a formula gets a leading apostrophe; other values pass."""
    if isinstance(value, str) and value.startswith(_FORMULA_START):
        return "'" + value
    return value


@dataclass
class Sheet:
    """One table: its column names, then its rows of values (str, int, bool, None), neutralised."""

    columns: list[str]
    rows: list[list]

    def __len__(self) -> int:
        return len(self.rows)


def _sheet(rows: list[dict], columns: list[str]) -> Sheet:
    return Sheet(list(columns), [[neutralise(row.get(c)) for c in columns] for row in rows])


def cards_sheet(session: Session) -> Sheet:
    categories = {c.id: c.title for c in session.categories.values()}
    levels = {lv.id: lv.name for lv in session.levels.values()}
    cat_pos = {c.id: c.position for c in session.categories.values()}
    lv_pos = {lv.id: lv.position for lv in session.levels.values()}
    cards = sorted(
        session.cards.values(),
        key=lambda c: (
            c.category_id is None,
            cat_pos.get(c.category_id, 0),
            -lv_pos.get(c.level_id, -1),
            c.position,
            c.id,
        ),
    )
    rows = []
    for c in cards:
        author = session.participants.get(c.author_id) if c.author_id else None
        rows.append(
            {
                "id": c.id,
                "kind": c.kind,
                "text": c.text,
                "category": categories.get(c.category_id, ""),
                "level": levels.get(c.level_id, ""),
                "author": author.name if author else "",
                "organization": author.organization if author else "",
                "round": c.round,
                "reasons": "; ".join(c.reasons),
                "soc_code": c.soc_code,
                "stack": c.stack_id or "",
                "notes": c.notes,
                "soc_title": c.soc_title,
                "education": c.education,
                "credentials": c.credentials,
                "description": c.description,
                "tools": c.tools,
                "prompt": c.prompt,
            }
        )
    return _sheet(rows, CARD_COLUMNS)


def _number(text):
    """'$63,800' or '1,234' -> the number, for a spreadsheet to sum; anything else (top-coded '≥ …') as is."""
    digits = str(text or "").replace("$", "").replace(",", "").strip()
    return int(digits) if digits.isdigit() else (text or None)


def crosswalk_sheet(session: Session, figures: dict | None = None) -> Sheet:
    """The seeds' "stacked SOC codes crosswalk": each critical occupation by level (advanced first).

    `figures` (SOC code -> storage.labor.pathway_figures entry) adds wage, employment and openings.
    """
    occupations = wall.critical_occupations(session)
    lv_pos = {lv.name: lv.position for lv in session.levels.values()}
    cat_pos = {c.title: c.position for c in session.categories.values()}
    occupations.sort(key=lambda o: (-lv_pos.get(o.level, 0), cat_pos.get(o.category, 0), -o.employers, o.root.position))
    rows = []
    for o in occupations:
        soc = o.root.soc_code or next((c.soc_code for c in o.cards if c.soc_code), "")
        facts = (figures or {}).get(soc, {})
        regional = bool(facts.get("region_wage"))
        rows.append(
            {
                "level": o.level,
                "category": o.category,
                "title": o.root.text,
                "soc_code": soc,
                "soc_title": o.root.soc_title or facts.get("soc_title", ""),
                "employers": o.employers,
                "organizations": "; ".join(o.organizations),
                "notes": discussion_notes(o),
                "median_wage": _number(facts.get("region_wage") or facts.get("national_wage")),
                "wage_where": (facts.get("region") if regional else "national") if facts else "",
                "employment": _number(facts.get("employment")),
                "employment_where": facts.get("employment_where", ""),
                "openings": _number(facts.get("openings")),
                "education": next((c.education for c in o.cards if c.education), ""),
                "credentials": next((c.credentials for c in o.cards if c.credentials), ""),
                "description": next((c.description for c in o.cards if c.description), ""),
                "tools": next((c.tools for c in o.cards if c.tools), ""),
            }
        )
    return _sheet(rows, CROSSWALK_COLUMNS)


def votes_sheet(session: Session) -> Sheet:
    rows = []
    for panel in session.ordered_panels():
        labels = rules.task_labels(session, panel.id)
        functions = {f.id: f.title for f in rules.functions_of(session, panel.id)}
        order = {t.id: i for i, t in enumerate(rules.tasks_of(session, panel.id))}
        people = {p.id: i for i, p in enumerate(session.ordered_participants())}
        votes = [v for v in session.votes.values() if v.panel_id == panel.id and v.task_id in session.tasks]
        votes.sort(
            key=lambda v: (
                order.get(v.task_id, 0),
                v.round,
                v.participant_id is not None,
                people.get(v.participant_id, 0),
            )
        )
        for v in votes:
            task = session.tasks[v.task_id]
            who = session.participants.get(v.participant_id) if v.participant_id else None
            rows.append(
                {
                    "panel": panel.occupation,
                    "function": functions.get(task.function_id, ""),
                    "task_label": labels.get(task.id, ""),
                    "task": task.text,
                    "participant": who.name if who else "",
                    "organization": who.organization if who else "",
                    "round": v.round,
                    "dots": v.dots,
                }
            )
    return _sheet(rows, VOTE_COLUMNS)


def tasks_sheet(session: Session) -> Sheet:
    rows = []
    for panel in session.ordered_panels():
        labels = rules.task_labels(session, panel.id)
        functions = {f.id: f.title for f in rules.functions_of(session, panel.id)}
        counts = rules.totals(session, panel.id)
        by_round = round_dots(session, panel.id)
        ranks = {r.task.id: r.rank for r in rules.ranking(session, panel.id)}
        top = {t.id for t in rules.top_tasks(session, panel)}
        for task in rules.tasks_of(session, panel.id):
            detail = session.task_details.get(task.id)
            ksas = {k: "; ".join(x.text for x in detail.ksas if x.kind == k) if detail else "" for k in KSA_KINDS}
            rows.append(
                {
                    "panel": panel.occupation,
                    "function": functions.get(task.function_id, ""),
                    "task_label": labels.get(task.id, ""),
                    "task": task.text,
                    "dots": counts.get(task.id, 0),
                    "round_1_dots": by_round.get(task.id, (0, 0))[0],
                    "round_2_dots": by_round.get(task.id, (0, 0))[1],
                    "rank": ranks.get(task.id),
                    "top_task": task.id in top,
                    "minimum": detail.minimum if detail else "",
                    "progression": detail.progression if detail else "",
                    "performance": detail.performance if detail else "",
                    "knowledge": ksas["knowledge"],
                    "skills": ksas["skill"],
                    "abilities": ksas["ability"],
                    "added_in_room": task.added_in_room,
                    "source": task.source,
                }
            )
    return _sheet(rows, TASK_COLUMNS)


def notes_sheet(session: Session) -> Sheet:
    titles = script_steps(session.info.kind)
    panel_names = {p.id: p.occupation for p in session.panels.values()}
    notes = sorted(session.notes.values(), key=lambda n: (n.step, n.panel_id or "", n.position, n.id))
    rows = [
        {
            "step": n.step,
            "step_title": titles.get(n.step, ""),
            "topic": n.topic,
            "text": n.text,
            "panel": panel_names.get(n.panel_id, ""),
        }
        for n in notes
    ]
    return _sheet(rows, NOTE_COLUMNS)


def next_steps_sheet(session: Session) -> Sheet:
    rows = [
        {"text": s.text, "owner": s.owner, "due": s.due, "horizon": HORIZON_LABELS.get(s.horizon, s.horizon)}
        for s in session.ordered_next_steps()
    ]
    return _sheet(rows, NEXT_STEP_COLUMNS)


def participants_sheet(session: Session) -> Sheet:
    rows = [
        {"id": p.id, "name": p.name, "organization": p.organization, "role": p.role, "email": p.email}
        for p in session.ordered_participants()
    ]
    return _sheet(rows, PARTICIPANT_COLUMNS)


def paths_sheet(session: Session) -> Sheet:
    """Each skill panel's paths into and out of the occupation, one a row."""
    rows = [
        {"panel": panel.occupation, "soc_code": panel.soc_code, "direction": direction, "path": path}
        for panel in session.ordered_panels()
        for direction, paths in (("into", panel.paths_into), ("from", panel.paths_from))
        for path in paths
    ]
    return _sheet(rows, PATH_COLUMNS)


def session_sheet(ws: Workspace, session: Session) -> Sheet:
    """The session's own facts and its partnership's, as field/value rows."""
    info, p = session.info, ws.partnership
    facts = [
        ("partnership", p.name), ("industry", p.industry), ("region", p.region), ("area_code", p.area_code),
        ("convener", p.convener_name), ("convener_email", p.convener_email), ("kind", info.kind),
        ("title", info.title), ("date", info.date), ("location", info.location), ("facilitator", info.facilitator),
        ("reengage", info.reengage),
    ]  # fmt: skip
    return _sheet([{"field": k, "value": v} for k, v in facts if v], SESSION_COLUMNS)


def sheets(ws: Workspace, session_id: str, *, figures: dict | None = None) -> dict[str, Sheet]:
    """Every sheet of session.xlsx that has rows, by sheet name; cards, crosswalk and votes are also CSV files.

    A sheet with nothing in it for this kind of session (votes on a wall, a crosswalk of a skill panel)
    is left out, as DESIGN.md asks of files.
    """
    session = ws.sessions[session_id]
    tables = {
        "session": session_sheet(ws, session),
        "participants": participants_sheet(session),
        "cards": cards_sheet(session),
        "crosswalk": crosswalk_sheet(session, figures),
        "votes": votes_sheet(session),
        "tasks": tasks_sheet(session),
        "paths": paths_sheet(session),
        "notes": notes_sheet(session),
        "next_steps": next_steps_sheet(session),
    }
    return {name: sheet for name, sheet in tables.items() if len(sheet)}


def write_csv(sheet: Sheet, path: Path) -> Path:
    path = Path(path)
    tmp = path.with_name(path.name + ".tmp")
    with open(tmp, "w", encoding="utf-8-sig", newline="") as out:
        writer = csv.writer(out, lineterminator="\r\n")
        writer.writerow(sheet.columns)
        writer.writerows(sheet.rows)  # None is an empty cell, as a spreadsheet writes it
    tmp.replace(path)
    return path


def _as_date(value):
    """'2026-11-13' -> a date the spreadsheet sorts and filters as one; other text stays text."""
    import datetime as _dt

    try:
        return _dt.date.fromisoformat(value) if isinstance(value, str) and len(value) == 10 else value
    except ValueError:
        return value


def _xlsx_safe(value):
    return _XLSX_ILLEGAL.sub("", value) if isinstance(value, str) else value


def write_xlsx(sheets: dict[str, Sheet], path: Path) -> Path:
    from exporters.xlsx import Workbook

    path = Path(path)
    tmp = path.with_name(path.name + ".tmp")
    book = Workbook()
    for name, table in sheets.items():
        dates = {i for i, column in enumerate(table.columns) if column in DATE_COLUMNS}
        rows = [[_as_date(v) if i in dates else _xlsx_safe(v) for i, v in enumerate(row)] for row in table.rows]
        if name == "session":  # its one date is a value among text
            rows = [[field, _as_date(value) if field == "date" else value] for field, value in rows]
        sheet = book.add_sheet(name)
        sheet.append(table.columns)
        sheet.style(rows=range(1, 2), bold=True)
        for row in rows:
            sheet.append(row)
        sheet.freeze = "A2"
        sheet.filtered = True  # the analyst's first click, done
        for i, column in enumerate(table.columns, start=1):
            values = [row[i - 1] for row in rows[:200]]
            longest = max([len(str(column)), *(min(len(str(v)), 60) for v in values if v is not None)])
            sheet.widths[i] = max(8, min(longest + 2, 62))
    book.save(tmp)
    tmp.replace(path)
    return path
