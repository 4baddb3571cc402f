"""An inventory of education and training programs as CSV/XLSX (seed 001, step 7): one program a row.

Columns are found by name, in the words providers use: program (required), institution,
credential, level, occupational family, length, cost, prerequisites, work experience,
placement rate, contact. Read through exporters.table_reader, no Qt: the asset map turns the rows into commands.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path

from exporters.table_import import ImportReport, named_rows
from exporters.table_reader import TableError, norm, read_wanted

MAX_PROGRAM = 500  # the domain's limit for a card's text

COLUMNS = {
    "institution": ("institution", "organization", "organisation", "provider", "institution or organization"),
    "credential": ("credential", "certification", "certification or credential", "credentials", "certificate"),
    "level": ("level", "credential level"),
    "family": ("family", "occupational family", "category", "pathway", "sector"),
    "length": ("length", "length of training", "duration"),
    "cost": ("cost", "cost to students", "tuition"),
    "prerequisites": ("prerequisites", "pre-requisites", "prerequisite credentials", "pre-requisite credentials"),
    "work_experience": ("work experience", "work-based learning", "internship", "on-the-job training"),
    "placement_rate": ("placement rate", "job placement rate", "placement"),
    "contact": ("contact", "contact person", "email"),
}
PROGRAM_COLUMNS = ("program", "program name", "training program", "program title", "name")


@dataclass
class ProgramRow:
    row: int
    program: str
    family: str = ""
    level: str = ""
    details: dict = field(default_factory=dict)


def read_program_table(path: Path) -> tuple[list[ProgramRow], ImportReport]:
    path = Path(path)
    table = read_wanted(path, wanted={"program"})
    program_col = table.column(PROGRAM_COLUMNS, what="program")
    columns = {key: table.column(names, what=key, required=False) for key, names in COLUMNS.items()}
    table.require_rows()
    report = ImportReport(path.name)
    rows: list[ProgramRow] = []
    for number, name, values in named_rows(
        table, report, program_col, columns, missing="no program name", named="the program's name", limit=MAX_PROGRAM
    ):
        family, level = values.pop("family"), values.pop("level")
        rows.append(ProgramRow(number, name, family, level, {k: v for k, v in values.items() if v}))
    report.read = len(rows)
    return rows, report


def is_program_table(path: Path) -> bool:
    """Whether row 1 names a program column ("program", "program name", ...): an inventory, not cards.

    A bare "name" column is not enough: a cards table or a participant list may have one too."""
    try:
        table = read_wanted(Path(path), wanted={"program"})
    except TableError:
        return False
    names = {norm(n) for n in PROGRAM_COLUMNS if n != "name"}
    return any(norm(c) in names for c in table.columns)
