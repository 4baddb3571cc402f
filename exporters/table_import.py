"""Tables people bring to a session: cards and task lists as CSV/XLSX (O*NET Task Statements: onet_import).

Each reader returns the rows it could use and a report of what it read and
what it skipped, and why. A file that cannot be read as the table it claims
to be (no such columns, empty, not UTF-8, not a workbook) raises one
`TableError` naming the file, the row and the problem; nothing is half-read.
Read through exporters.table_reader, no Qt: the UI and the command line turn rows into commands.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from pathlib import Path

from exporters.table_reader import Table, TableError, clean_cell, norm, read_wanted

MAX_TASK = 500  # the domain's limit for a task or a card (cardwall.model.MAX_TEXT)
MAX_TITLE = 200  # a function title or a category


@dataclass
class ImportReport:
    file: str
    read: int = 0
    skipped: list[tuple[int, str]] = field(default_factory=list)  # (row in the file, why)
    notes: list[str] = field(default_factory=list)  # things worth knowing that skipped no row

    def skip(self, row: int, why: str) -> None:
        self.skipped.append((row, why))

    def lines(self, *, most: int = 20) -> list[str]:
        """The report as a person reads it: what was read, then each skipped row and why."""
        out = [f"{self.file}: read {self.read} row{'s' if self.read != 1 else ''}, skipped {len(self.skipped)}."]
        out += self.notes
        for row, why in self.skipped[:most]:
            out.append(f"  row {row}: {why}")
        if len(self.skipped) > most:
            out.append(f"  … and {len(self.skipped) - most} more skipped rows")
        return out

    def text(self) -> str:
        return "\n".join(self.lines())


@dataclass(frozen=True)
class TaskRow:
    row: int  # the row in the file (the header is row 1)
    function: str  # "" = unassigned
    task: str


@dataclass(frozen=True)
class CardRow:
    row: int
    text: str
    kind: str = "occupation"
    category: str = ""
    level: str = ""
    author: str = ""  # a participant's name or organization
    reasons: tuple[str, ...] = ()
    soc_code: str = ""
    notes: str = ""
    key: str = ""  # the card's id in the file, for a pile to name the card it sits on
    round: int = 1  # 2: the "third card" round
    stack: str = ""  # the key of the card this one is piled on ("" = none)
    soc_title: str = ""
    education: str = ""
    credentials: str = ""
    description: str = ""
    tools: str = ""
    prompt: bool = False


# --- reading the file --------------------------------------------------------------------


# --- task lists --------------------------------------------------------------------------

FUNCTION_COLUMNS = ("function", "functions", "duty", "job function")
TASK_COLUMNS = ("task", "tasks", "task statement")


def named_rows(
    table: Table, report: ImportReport, name_col: str, columns: dict, *, missing: str, named: str, limit: int
):
    """The rows that name something (a card, a program): (row number, the name, the other columns' cells).

    A row with no name but other cells filled, or a name too long for a card, is skipped and reported."""
    for number, record in table.rows:
        values = {key: clean_cell(record[col]) if col else "" for key, col in columns.items()}
        name = clean_cell(record[name_col])
        if not name:
            if any(values.values()):
                report.skip(number, missing)
            continue
        if len(name) > limit:
            report.skip(number, f"{named} is {len(name)} characters long; a card holds {limit}")
            continue
        yield number, name, values


def read_task_table(path: Path) -> tuple[list[TaskRow], ImportReport]:
    """A strawman matrix as a table with `function` and `task` columns, one task a row.

    A row with a task but no function goes to "unassigned"; a row without a
    task, a task too long for a card or a repeat of a task already read under
    the same function is skipped, and the report says which and why.
    """
    path = Path(path)
    table = read_wanted(path, wanted={"function", "task"})
    function_col = table.column(FUNCTION_COLUMNS, what="function")
    task_col = table.column(TASK_COLUMNS, what="task")
    table.require_rows()
    report = ImportReport(path.name)
    rows: list[TaskRow] = []
    seen: dict[tuple[str, str], int] = {}
    for number, record in table.rows:
        function, task = clean_cell(record[function_col]), clean_cell(record[task_col])
        if not task and not function:
            continue  # a blank line between groups: not worth a report line
        if not task:
            report.skip(number, f"function {function!r} has no task text")
            continue
        if len(task) > MAX_TASK:
            report.skip(number, f"the task is {len(task)} characters long; a card holds {MAX_TASK}")
            continue
        if len(function) > MAX_TITLE:
            report.skip(number, f"the function title is {len(function)} characters long; the limit is {MAX_TITLE}")
            continue
        key = (function.casefold(), task.casefold())
        if key in seen:
            report.skip(number, f"the same task as row {seen[key]}")
            continue
        seen[key] = number
        rows.append(TaskRow(number, function, task))
    report.read = len(rows)
    functions = list(dict.fromkeys(r.function for r in rows if r.function))
    unassigned = sum(1 for r in rows if not r.function)
    report.notes.append(
        f"  {len(functions)} function{'s' if len(functions) != 1 else ''}"
        + (
            f"; {unassigned} task{'s' if unassigned != 1 else ''} without a function go to Unassigned"
            if unassigned
            else ""
        )
    )
    return rows, report


SOC_PATTERN = re.compile(r"^\s*(\d{2})-?(\d{4})(?:\.(\d{2}))?\s*$")


def soc_key(code: str) -> tuple[str, str] | None:
    """'51-4111.00' -> ('51-4111', '00'); '51-4111' -> ('51-4111', ''); anything else None."""
    found = SOC_PATTERN.match(str(code or ""))
    if not found:
        return None
    return f"{found.group(1)}-{found.group(2)}", found.group(3) or ""


TEXT_COLUMNS = ("text", "card", "occupation", "occupation title", "job title", "title")
KIND_WORDS = {"occupation": "occupation", "skill": "skill", "note": "note", "competency": "skill"}
REASON_WORDS = {
    "volume": "volume",
    "large numbers needed": "volume",
    "large numbers": "volume",
    "numbers": "volume",
    "hard-to-fill": "hard-to-fill",
    "hard to fill": "hard-to-fill",
    "hardest to fill": "hard-to-fill",
    "turnover": "turnover",
    "highest turnover": "turnover",
    "cost": "cost",
    "biggest cost impact": "cost",
    "cost impact": "cost",
    "growth": "growth",
    "biggest growth impact": "growth",
    "growth impact": "growth",
}


ROUND_WORDS = {"1": 1, "2": 2, "1.0": 1, "2.0": 2, "third card": 2}


def read_cards_table(path: Path) -> tuple[list[CardRow], ImportReport]:
    """Index cards typed elsewhere: one card a row, with a `text` (or `card`, `occupation`) column.

    Optional columns: kind, category, level, author (or organization, name),
    reasons (separated by ; , or |), soc_code, notes, and those our own cards.csv
    writes: id, round, stack (the id of the card a card is piled on), soc_title,
    education, credentials, description, tools, prompt. An unknown reason or
    kind is left out with a note; a row without text is skipped.
    """
    path = Path(path)
    table = read_wanted(path, wanted={"text"})
    text_col = table.column(TEXT_COLUMNS, what="card text (text, card or occupation)")
    optional = {
        "kind": ("kind", "card kind", "type"),
        "category": ("category", "column", "family", "occupational family"),
        "level": ("level", "row"),
        "author": ("author", "organization", "organisation", "employer", "company", "name"),
        "reasons": ("reasons", "reason", "why critical"),
        "soc_code": ("soc_code", "soc code", "soc"),
        "notes": ("notes", "note", "comments"),
        "key": ("id", "card id"),
        "round": ("round",),
        "stack": ("stack", "stacked on", "pile"),
        "soc_title": ("soc_title", "soc title"),
        "education": ("education", "typical education"),
        "credentials": ("credentials", "certifications"),
        "description": ("description", "job description"),
        "tools": ("tools", "tools and technology", "tools & technology"),
        "prompt": ("prompt",),
    }
    columns = {key: table.column(names, what=key, required=False) for key, names in optional.items()}
    columns = {key: col for key, col in columns.items() if col != text_col}
    table.require_rows()
    report = ImportReport(path.name)
    rows: list[CardRow] = []
    for number, text, values in named_rows(
        table, report, text_col, columns, missing="no card text", named="the card", limit=MAX_TASK
    ):
        kind = "occupation"
        if values.get("kind"):
            kind = KIND_WORDS.get(values["kind"].casefold())
            if kind is None:
                report.skip(number, f"{values['kind']!r} is not a card kind (occupation, skill or note)")
                continue
        reasons: list[str] = []
        for word in re.split(r"[;,|]", values.get("reasons", "")):
            word = word.strip()
            if not word:
                continue
            reason = REASON_WORDS.get(word.casefold())
            if reason is None:
                report.notes.append(f"  row {number}: reason {word!r} is not one of the five; left off")
            elif reason not in reasons:
                reasons.append(reason)
        soc = values.get("soc_code", "")
        if soc:
            key = soc_key(soc)
            if key is None:
                report.notes.append(f"  row {number}: {soc!r} is not a SOC code; left off")
                soc = ""
            else:
                soc = key[0]
        round_ = 1
        if values.get("round"):
            round_ = ROUND_WORDS.get(values["round"].casefold(), 0)
            if not round_:
                report.notes.append(f"  row {number}: round {values['round']!r} is not 1 or 2; taken as round 1")
                round_ = 1
        rows.append(
            CardRow(
                number,
                text,
                kind=kind,
                category=values.get("category", ""),  # the domain judges its length, naming the row
                level=values.get("level", ""),
                author=values.get("author", ""),
                reasons=tuple(reasons),
                soc_code=soc,
                notes=values.get("notes", ""),
                key=values.get("key", ""),
                round=round_,
                stack=values.get("stack", ""),
                soc_title=values.get("soc_title", ""),
                education=values.get("education", ""),
                credentials=values.get("credentials", ""),
                description=values.get("description", ""),
                tools=values.get("tools", ""),
                prompt=values.get("prompt", "").casefold() in ("true", "yes", "1", "x"),
            )
        )
    report.read = len(rows)
    return rows, report


def table_kind(path: Path) -> str:
    """What a table holds, by its header: "onet" (Task Statements), "tasks" (function/task) or "cards"."""
    path = Path(path)
    workbook = path.suffix.lower() in (".xlsx", ".xlsm")
    table = None
    for wanted in ({"onetsoccode", "task"}, {"function", "task"}, {"text"}):
        if table is None or workbook:  # a workbook may keep each table on its own sheet
            table = read_wanted(path, wanted=wanted)
        columns = {norm(c) for c in table.columns}
        if {"onetsoccode", "task"} <= columns:
            return "onet"
        if columns & set(map(norm, TASK_COLUMNS)):
            return "tasks"
        if columns & set(map(norm, TEXT_COLUMNS)):
            return "cards"
    found = ", ".join(repr(str(c)) for c in table.columns[:8])
    raise TableError(
        f"{path.name}: row 1 names no column Cardwall knows (found {found}); a task list needs function and task "
        "columns, an O*NET file O*NET-SOC Code and Task, a cards table text (or card, occupation)."
    )
