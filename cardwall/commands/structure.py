"""Commands on a wall's structure: its levels (rows) and categories (columns)."""

from __future__ import annotations

import re
from dataclasses import KW_ONLY, dataclass

from cardwall.commands.base import (
    Command,
    DomainError,
    Reorder,
    Write,
    clean_line,
    closed_up,
    edit,
    refuse_taken,
    reindex,
    require,
    session_of,
    tray_end,
)
from cardwall.model import Category, Level, Session

_COLOUR = re.compile(r"^#[0-9a-fA-F]{6}$")


def clean_level_name(session: Session, name: str, *, level_id: str | None = None) -> str:
    """A level's name: one line, short, and not the name of another level of the wall."""
    name = clean_line(name, "Level name", required=True, limit=60)
    other = session.level_by_name(name)
    if other and other.id != level_id:
        raise DomainError(f"There is a level called {name!r} already.", field="name")
    return name


def clean_colour(value: str | None) -> str:
    value = value or ""
    if value and not _COLOUR.match(value):
        raise DomainError(f"{value!r} is not a colour like #3366cc.", field="colour")
    return value


def clean_category_title(title: str) -> str:
    return clean_line(title, "Category title", required=True, limit=80)


def _to_tray(session: Session, leaving) -> list[Write]:
    """Cards of a row or column that goes, to the end of the unsorted tray, in their order."""
    writes: list[Write] = []
    position = tray_end(session)
    for card in sorted(leaving, key=lambda c: (c.category_id or "", c.level_id or "", c.position)):
        position += 1
        writes.append((("cards", session.id, card.id), edit(card, level_id=None, category_id=None, position=position)))
    return writes


# --- levels ----------------------------------------------------------------------------


@dataclass(eq=False)
class AddLevel(Command):
    label = "Add level"
    fresh_ids = {"level_id": "L"}

    session_id: str
    name: str
    _: KW_ONLY
    index: int | None = None
    level_id: str | None = None

    def plan(self, ws):
        session = session_of(ws, self.session_id)
        refuse_taken(session, "levels", self.level_id, "level")
        levels = session.ordered_levels()
        level = Level(id=self.level_id, name=clean_level_name(session, self.name), position=len(levels))
        writes = [(("levels", session.id, level.id), level)]
        index = len(levels) if self.index is None else self.index
        for moved in reindex([*levels, level], level.id, index):
            writes.append((("levels", session.id, moved.id), moved))
        return writes


@dataclass(eq=False)
class RenameLevel(Command):
    label = "Rename level"

    session_id: str
    level_id: str
    name: str

    def plan(self, ws):
        session = session_of(ws, self.session_id)
        level = require(session, "levels", self.level_id, "level")
        name = clean_level_name(session, self.name, level_id=level.id)
        return [(("levels", session.id, level.id), edit(level, name=name))]


class MoveLevel(Reorder):
    label, table, what = "Reorder levels", "levels", "level"

    def siblings(self, session, entity):
        return session.ordered_levels()


@dataclass(eq=False)
class DeleteLevel(Command):
    """Its cards go back to the unsorted tray; undo puts them back in their rows."""

    label = "Remove level"

    session_id: str
    level_id: str

    def plan(self, ws):
        session = session_of(ws, self.session_id)
        level = require(session, "levels", self.level_id, "level")
        if len(session.levels) == 1:
            raise DomainError("A wall needs at least one level.")
        writes = _to_tray(session, [c for c in session.cards.values() if c.level_id == level.id])
        writes.append((("levels", session.id, level.id), None))
        return writes + closed_up(session.ordered_levels(), level.id, "levels", session.id)


# --- categories --------------------------------------------------------------------------


@dataclass(eq=False)
class AddCategory(Command):
    label = "Add category"
    fresh_ids = {"category_id": "c"}

    session_id: str
    title: str
    _: KW_ONLY
    colour: str = ""
    index: int | None = None
    category_id: str | None = None

    def plan(self, ws):
        session = session_of(ws, self.session_id)
        refuse_taken(session, "categories", self.category_id, "category")
        try:
            title = clean_category_title(self.title)
        except DomainError as exc:
            raise DomainError(str(exc), field="title") from None
        existing = session.ordered_categories()
        category = Category(id=self.category_id, title=title, colour=clean_colour(self.colour), position=len(existing))
        writes = [(("categories", session.id, category.id), category)]
        if self.index is not None:
            for moved in reindex([*existing, category], category.id, self.index):
                writes.append((("categories", session.id, moved.id), moved))
        return writes


@dataclass(eq=False)
class EditCategory(Command):
    session_id: str
    category_id: str
    _: KW_ONLY
    title: str | None = None
    colour: str | None = None

    def __post_init__(self) -> None:
        self.label = "Rename category" if self.title is not None else "Recolour category"

    def plan(self, ws):
        session = session_of(ws, self.session_id)
        category = require(session, "categories", self.category_id, "category")
        changes = {}
        if self.title is not None:
            changes["title"] = clean_category_title(self.title)
        if self.colour is not None:
            changes["colour"] = clean_colour(self.colour)
        return [(("categories", session.id, category.id), edit(category, **changes))]


class MoveCategory(Reorder):
    label, table, what = "Reorder categories", "categories", "category"

    def siblings(self, session, entity):
        return session.ordered_categories()


@dataclass(eq=False)
class DeleteCategory(Command):
    """Its cards go back to the tray; undo restores the column and every card in it."""

    label = "Delete category"

    session_id: str
    category_id: str

    def plan(self, ws):
        session = session_of(ws, self.session_id)
        category = require(session, "categories", self.category_id, "category")
        writes = _to_tray(session, [c for c in session.cards.values() if c.category_id == category.id])
        writes.append((("categories", session.id, category.id), None))
        return writes + closed_up(session.ordered_categories(), category.id, "categories", session.id)
