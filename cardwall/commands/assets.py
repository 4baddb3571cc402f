"""Commands on an asset map: program cards, their details, "leads to" links, the training gap matrix."""

from __future__ import annotations

from dataclasses import KW_ONLY, dataclass

from cardwall.commands.base import (
    AddEntity,
    Batch,
    Command,
    DeleteEntity,
    DomainError,
    Edit,
    EditEntity,
    clean_fields,
    clean_line,
    clean_long_text,
    edit,
    position_between,
    refuse_taken,
    refuse_unknown,
    require,
    session_of,
)
from cardwall.commands.wall import AddCard
from cardwall.model import COVERAGE, SKILL_LEVELS, GapRow, Link, ProgramDetail, Session

DETAIL_FIELDS = (
    "institution",
    "credential",
    "length",
    "cost",
    "prerequisites",
    "work_experience",
    "placement_rate",
    "contact",
)


def _serves(value) -> tuple[str, ...]:
    if isinstance(value, str) or not all(isinstance(v, str) for v in value or ()):
        raise DomainError("A program serves a list of occupations.")
    names = [clean_line(v, "Occupation", required=True, limit=200) for v in value or ()]
    return tuple(dict.fromkeys(names))


DETAIL_RULES = {
    **{n: (lambda v, what=n.replace("_", " ").capitalize(): clean_line(v, what)) for n in DETAIL_FIELDS},
    "prerequisites": lambda v: clean_long_text(v, "Prerequisites"),
    "serves": _serves,
}


def _program(session: Session, card_id: str):
    card = require(session, "cards", card_id, "program")
    if card.kind != "program":
        raise DomainError(f"{card.text!r} is not a program card.")
    return card


@dataclass(eq=False)
class AddProgram(Command):
    """A program card in a cell of the asset map (or the tray), with the inventory's details."""

    label = "Add program"
    fresh_ids = {"card_id": "k"}

    session_id: str
    text: str
    _: KW_ONLY
    category_id: str | None = None
    level_id: str | None = None
    card_id: str | None = None
    details: dict | None = None

    def plan(self, ws):
        session = session_of(ws, self.session_id)
        card = AddCard(
            self.session_id, self.text, kind="program", category_id=self.category_id, level_id=self.level_id,
            card_id=self.card_id,
        )  # fmt: skip
        writes = card.plan(ws)
        fields = clean_fields(dict(self.details or {}), DETAIL_RULES)
        refuse_unknown(fields, DETAIL_RULES, "program")
        writes.append((("program_details", session.id, self.card_id), ProgramDetail(id=self.card_id, **fields)))
        return writes


def add_programs(session_id: str, lines: list[str], *, category_id=None, level_id=None) -> Batch:
    """A pasted column of programs as one undo step (blank lines skipped)."""
    names = [line.strip() for line in lines if line.strip()]
    if not names:
        raise DomainError("There are no programs in what was pasted.")
    adds = [AddProgram(session_id, n, category_id=category_id, level_id=level_id) for n in names]
    return Batch(f"Add {len(adds)} programs", adds)


@dataclass(eq=False, init=False)
class EditProgram(Edit):
    """Set a program's inventory details (its name is the card's text: EditCard)."""

    label = "Edit program"

    session_id: str
    card_id: str

    def plan(self, ws):
        session = session_of(ws, self.session_id)
        _program(session, self.card_id)
        refuse_unknown(self.changes, DETAIL_RULES, "program")
        detail = session.program_details.get(self.card_id) or ProgramDetail(id=self.card_id)
        changes = clean_fields(self.changes, DETAIL_RULES)
        return [(("program_details", session.id, self.card_id), edit(detail, **changes))]


class MarkServes(EditProgram):
    """A program marked as preparing people for occupations of the partnership's wall."""

    label = "Mark occupations served"

    def __init__(self, session_id: str, card_id: str, occupations) -> None:
        super().__init__(session_id, card_id, serves=tuple(occupations))


@dataclass(eq=False)
class AddLink(Command):
    """A "leads to" arrow from one program to another."""

    label = "Link programs"
    fresh_ids = {"link_id": "a"}

    session_id: str
    from_card_id: str
    to_card_id: str
    _: KW_ONLY
    link_id: str | None = None

    def plan(self, ws):
        session = session_of(ws, self.session_id)
        refuse_taken(session, "links", self.link_id, "link")
        start = _program(session, self.from_card_id)
        end = _program(session, self.to_card_id)
        if start.id == end.id:
            raise DomainError("A program cannot lead to itself.")
        for link in session.links.values():
            if (link.from_card_id, link.to_card_id) == (start.id, end.id):
                raise DomainError(f"{start.text!r} already leads to {end.text!r}.")
        return [(("links", session.id, self.link_id), Link(self.link_id, start.id, end.id))]


class RemoveLink(DeleteEntity):
    label, table, what = "Remove link", "links", "link"


# --- the training gap matrix -----------------------------------------------------------------


def _skill_level(value: str) -> str:
    if value not in SKILL_LEVELS:
        raise DomainError(f"An occupation's level is one of {', '.join(SKILL_LEVELS)}, not {value!r}.")
    return value


def _coverage(value: str) -> str:
    if value not in (*COVERAGE, ""):
        raise DomainError(f"Coverage is one of {', '.join(COVERAGE)}, not {value!r}.")
    return value


def gap_rules(session: Session) -> dict:
    def named_programs(value) -> tuple[str, ...]:
        ids = tuple(dict.fromkeys(value or ()))
        for pid in ids:
            card = session.cards.get(pid)
            if card is None or card.kind != "program":
                raise DomainError(f"No program card has the id {pid!r}.")
        return ids

    rules = {
        n: (lambda v, what=n.capitalize(): clean_long_text(v, what))
        for n in ("content", "delivery", "length", "credentials", "equipment", "notes")
    }
    rules.update(
        occupation=lambda v: clean_line(v, "Occupation"),  # "" while a blank row added by hand waits for its words
        pathway=lambda v: clean_line(v, "Pathway"),
        skill_level=_skill_level,
        coverage=_coverage,
        programs=named_programs,
    )
    return rules


@dataclass(eq=False)
class AddGapRow(AddEntity):
    """A row of the matrix: seeded from a panel, read from a file, or blank (occupation "") to be typed in,
    `after` a row of the same pathway and level (else last)."""

    label = "Add gap matrix row"
    fresh_ids = {"row_id": "g"}
    table, what, entity = "gap_rows", "gap matrix row", GapRow

    session_id: str
    occupation: str = ""
    _: KW_ONLY
    fields: dict | None = None
    row_id: str | None = None
    after: str | None = None

    def rules_for(self, session):
        return gap_rules(session)

    def position(self, session, entity) -> float:
        """Just below `after` when it is a row of the same pathway and level; else after every row."""
        last = super().position(session, entity)
        before = session.gap_rows.get(self.after) if self.after else None
        group = (entity.pathway, entity.skill_level)
        if before is None or (before.pathway, before.skill_level) != group:
            return last
        later = [r.position for r in session.gap_rows.values() if (r.pathway, r.skill_level) == group]
        between = position_between(before.position, min((p for p in later if p > before.position), default=None))
        return last if between is None else between


@dataclass(eq=False, init=False)
class EditGapRow(EditEntity):
    label = "Edit gap matrix row"
    table, what = "gap_rows", "gap matrix row"

    session_id: str
    row_id: str

    def __post_init__(self) -> None:
        if set(self.changes) <= {"coverage", "programs"}:
            self.label = "Mark coverage"

    def rules_for(self, session):
        return gap_rules(session)


class DeleteGapRow(DeleteEntity):
    label, table, what = "Delete gap matrix row", "gap_rows", "gap matrix row"


def seed_gap_matrix(ws, session_id: str) -> Batch:
    """Rows for the partnership's studied occupations not in the matrix yet, as one undo step."""
    from cardwall.assets import seed_rows

    session = session_of(ws, session_id)
    have = {(r.pathway, r.occupation.casefold()) for r in session.gap_rows.values()}
    rows = [r for r in seed_rows(ws) if (r["pathway"], r["occupation"].casefold()) not in have]
    if not rows:
        raise DomainError("Every occupation a skill panel studied is in the matrix already.")
    adds = [AddGapRow(session_id, r.pop("occupation"), fields=r) for r in rows]
    return Batch(f"Seed {len(adds)} gap matrix rows", adds)


def import_programs(ws, session_id: str, rows) -> Batch:
    """An inventory's rows as programs, one undo step: a family not yet a column becomes one; a level
    the map does not have (or none) puts the program in that column's entry row; no family: the tray.

    `rows` are (name, family, level, details) tuples, as a reader of a table gives them.
    """
    from cardwall.commands.structure import AddCategory

    session = session_of(ws, session_id)
    columns = {c.title.casefold(): c.id for c in session.categories.values()}
    levels = session.ordered_levels()
    entry = levels[0].id if levels else None
    commands: list[Command] = []
    for name, family, level, details in rows:
        category = None
        if family:
            category = columns.get(family.casefold())
            if category is None:
                add = AddCategory(session_id, family)
                commands.append(add)
                category = columns[family.casefold()] = add.category_id
        found = session.level_by_name(level) if level else None
        row_level = (found.id if found else entry) if category else None
        commands.append(AddProgram(session_id, name, category_id=category, level_id=row_level, details=details))
    if not any(isinstance(c, AddProgram) for c in commands):
        raise DomainError("The inventory has no programs in it.")
    return Batch(f"Import {sum(isinstance(c, AddProgram) for c in commands)} programs", commands)
