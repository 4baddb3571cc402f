"""The session as tables (pandas): cards, the SOC crosswalk, votes, tasks, notes, next steps.

Written as CSV (UTF-8 with a BOM, so Excel reads accents right) and as one
workbook. A cell that a spreadsheet would run as a formula (starting with
= + - @, tab, CR, LF or NUL) gets a leading apostrophe (OWASP CSV injection).
"""

from __future__ import annotations

import re
from pathlib import Path

import pandas as pd

from cardwall import panels as rules
from cardwall import wall
from cardwall.model import HORIZON_LABELS, KSA_KINDS, Session, Workspace
from exporters.content import discussion_notes, script_steps

_FORMULA_START = ("=", "+", "-", "@", "\t", "\r", "\n", "\0")
_XLSX_ILLEGAL = re.compile(r"[\000-\010\013\014\016-\037]")

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
]
CROSSWALK_COLUMNS = ["level", "category", "title", "soc_code", "soc_title", "employers", "organizations", "notes"]
VOTE_COLUMNS = ["panel", "function", "task_label", "task", "participant", "organization", "round", "dots"]
TASK_COLUMNS = [
    "panel", "function", "task_label", "task", "dots", "rank", "top_task", "minimum", "progression", "performance",
    "knowledge", "skills", "abilities", "added_in_room", "source",
]  # fmt: skip
NOTE_COLUMNS = ["step", "step_title", "topic", "text", "panel"]
NEXT_STEP_COLUMNS = ["text", "owner", "due", "horizon"]


def neutralise(value):
    """A string a spreadsheet could run as a formula gets a leading apostrophe; other values pass."""
    if isinstance(value, str) and value.startswith(_FORMULA_START):
        return "'" + value
    return value


def _frame(rows: list[dict], columns: list[str]) -> pd.DataFrame:
    df = pd.DataFrame(rows, columns=columns)
    return df.apply(lambda col: col.map(neutralise)) if len(df) else df


def cards_frame(session: Session) -> pd.DataFrame:
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
            }
        )
    return _frame(rows, CARD_COLUMNS)


def crosswalk_frame(session: Session) -> pd.DataFrame:
    """The seeds' "stacked SOC codes crosswalk": each critical occupation by level (advanced first)."""
    occupations = wall.critical_occupations(session)
    lv_pos = {lv.name: lv.position for lv in session.levels.values()}
    cat_pos = {c.title: c.position for c in session.categories.values()}
    occupations.sort(key=lambda o: (-lv_pos.get(o.level, 0), cat_pos.get(o.category, 0), -o.employers, o.root.position))
    rows = []
    for o in occupations:
        soc = o.root.soc_code or next((c.soc_code for c in o.cards if c.soc_code), "")
        rows.append(
            {
                "level": o.level,
                "category": o.category,
                "title": o.root.text,
                "soc_code": soc,
                "soc_title": o.root.soc_title,
                "employers": o.employers,
                "organizations": "; ".join(o.organizations),
                "notes": discussion_notes(o),
            }
        )
    return _frame(rows, CROSSWALK_COLUMNS)


def votes_frame(session: Session) -> pd.DataFrame:
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
    return _frame(rows, VOTE_COLUMNS)


def tasks_frame(session: Session) -> pd.DataFrame:
    rows = []
    for panel in session.ordered_panels():
        labels = rules.task_labels(session, panel.id)
        functions = {f.id: f.title for f in rules.functions_of(session, panel.id)}
        counts = rules.totals(session, panel.id)
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
    df = _frame(rows, TASK_COLUMNS)
    df["rank"] = df["rank"].astype("Int64")
    return df


def notes_frame(session: Session) -> pd.DataFrame:
    titles = script_steps(session.info.kind)
    panel_names = {p.id: p.occupation for p in session.panels.values()}
    notes = sorted(session.notes.values(), key=lambda n: (n.step, n.panel_id or "", n.id))
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
    return _frame(rows, NOTE_COLUMNS)


def next_steps_frame(session: Session) -> pd.DataFrame:
    rows = [
        {"text": s.text, "owner": s.owner, "due": s.due, "horizon": HORIZON_LABELS.get(s.horizon, s.horizon)}
        for s in session.ordered_next_steps()
    ]
    return _frame(rows, NEXT_STEP_COLUMNS)


def frames(ws: Workspace, session_id: str) -> dict[str, pd.DataFrame]:
    """Every sheet of session.xlsx, by sheet name; the first three are also the CSV files."""
    session = ws.sessions[session_id]
    return {
        "cards": cards_frame(session),
        "crosswalk": crosswalk_frame(session),
        "votes": votes_frame(session),
        "tasks": tasks_frame(session),
        "notes": notes_frame(session),
        "next_steps": next_steps_frame(session),
    }


def write_csv(df: pd.DataFrame, path: Path) -> Path:
    path = Path(path)
    tmp = path.with_name(path.name + ".tmp")
    df.to_csv(tmp, index=False, encoding="utf-8-sig", lineterminator="\r\n")
    tmp.replace(path)
    return path


def _xlsx_safe(value):
    return _XLSX_ILLEGAL.sub("", value) if isinstance(value, str) else value


def write_xlsx(sheets: dict[str, pd.DataFrame], path: Path) -> Path:
    from openpyxl.utils import get_column_letter

    path = Path(path)
    tmp = path.with_name(path.name + ".tmp")
    with pd.ExcelWriter(tmp, engine="openpyxl") as writer:
        for name, df in sheets.items():
            clean = df.apply(lambda col: col.map(_xlsx_safe))
            clean.to_excel(writer, sheet_name=name, index=False)
            sheet = writer.sheets[name]
            sheet.freeze_panes = "A2"
            for i, column in enumerate(clean.columns, start=1):
                longest = max([len(str(column)), *(min(len(str(v)), 60) for v in clean[column].head(200))])
                sheet.column_dimensions[get_column_letter(i)].width = max(8, min(longest + 2, 62))
    tmp.replace(path)
    return path
