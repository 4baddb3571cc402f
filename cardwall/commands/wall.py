"""Commands on the cards of a wall: add, edit, move, stack, unstack, delete."""

from __future__ import annotations

import re
from dataclasses import KW_ONLY, dataclass

from cardwall.assets import leftovers_of_cards
from cardwall.commands.base import (
    Command,
    DomainError,
    Edit,
    Write,
    clean_fields,
    clean_line,
    clean_long_text,
    clean_text,
    edit,
    position_between,
    refuse_taken,
    require,
    session_of,
)
from cardwall.model import CARD_KINDS, REASONS, ROUNDS, Card, Session
from cardwall.wall import stack_members, stack_root

_SOC = re.compile(r"^\d{2}-\d{4}$")


def _cell_end(session: Session, category_id, level_id) -> float:
    return max(
        (c.position for c in session.cards.values() if c.category_id == category_id and c.level_id == level_id),
        default=0.0,
    )


def _check_cell(session: Session, category_id: str | None, level_id: str | None) -> None:
    if category_id is not None and category_id not in session.categories:
        raise DomainError(f"No category has the id {category_id!r} (any more).", field="category")
    if level_id is not None and level_id not in session.levels:
        raise DomainError("That level does not exist (any more).", field="level")
    if category_id is None and level_id is not None:
        raise DomainError("A card in the unsorted tray has no level.", field="level")


def _kind(value: str) -> str:
    if value not in CARD_KINDS:
        raise DomainError(f"A card is one of {', '.join(CARD_KINDS)}, not {value!r}.")
    return value


def _round(value: int) -> int:
    if value not in ROUNDS or isinstance(value, bool):
        raise DomainError("A card comes from round 1, or round 2 (the third card).")
    return value


def _reasons(value) -> tuple[str, ...]:
    reasons = tuple(dict.fromkeys(value or ()))
    unknown = [r for r in reasons if r not in REASONS]
    if unknown:
        raise DomainError(f"Unknown reason {unknown[0]!r}; the reasons are {', '.join(REASONS)}.")
    return tuple(r for r in REASONS if r in reasons)  # one canonical order


def _soc_code(value: str) -> str:
    code = (value or "").strip()
    if code and not _SOC.match(code):
        raise DomainError(f"A SOC code looks like 51-4041, not {code!r}.")
    return code


def clean_card_fields(session: Session, fields: dict) -> dict:
    """Validate the editable fields of a card; the rules of a card live here."""

    def author(value):
        if value is not None and value not in session.participants:
            raise DomainError(f"No participant of this session has the id {value!r}.", field="author")
        return value

    rules = {
        "text": lambda v: clean_text(v, "Card text"),
        "kind": _kind,
        "round": _round,
        "reasons": _reasons,
        "soc_code": _soc_code,
        "author_id": author,
        "soc_title": lambda v: clean_line(v, "SOC title"),
        "education": lambda v: clean_line(v, "Education"),
        "credentials": lambda v: clean_line(v, "Credentials"),
        "description": lambda v: clean_long_text(v, "Job description"),
        "tools": lambda v: clean_line(v, "Tools and technology"),
        "notes": lambda v: clean_long_text(v, "Card notes"),
        "prompt": bool,
    }
    return clean_fields(fields, rules)


@dataclass(eq=False)
class AddCard(Command):
    """A new card: into the tray unless a cell is named, at the end of it."""

    label = "Add card"
    fresh_ids = {"card_id": "k"}

    session_id: str
    text: str
    _: KW_ONLY
    kind: str = "occupation"
    category_id: str | None = None
    level_id: str | None = None
    author_id: str | None = None
    round: int = 1
    card_id: str | None = None
    reasons: tuple[str, ...] = ()
    soc_code: str = ""
    soc_title: str = ""
    notes: str = ""
    prompt: bool = False
    education: str = ""
    credentials: str = ""
    description: str = ""
    tools: str = ""

    def plan(self, ws):
        session = session_of(ws, self.session_id)
        refuse_taken(session, "cards", self.card_id, "card")
        _check_cell(session, self.category_id, self.level_id)
        names = ("text", "kind", "author_id", "round", "reasons", "soc_code", "soc_title", "notes", "prompt")
        names += ("education", "credentials", "description", "tools")
        fields = clean_card_fields(session, {n: getattr(self, n) for n in names})
        position = _cell_end(session, self.category_id, self.level_id) + 1
        card = Card(id=self.card_id, category_id=self.category_id, level_id=self.level_id, position=position, **fields)
        return [(("cards", session.id, card.id), card)]


@dataclass(eq=False, init=False)
class EditCard(Edit):
    label = "Edit card"

    session_id: str
    card_id: str

    def __post_init__(self) -> None:
        if set(self.changes) == {"text"}:
            self.label = "Edit card text"
        elif set(self.changes) == {"reasons"}:
            self.label = "Change reasons"
        elif set(self.changes) <= {"soc_code", "soc_title"}:
            self.label = "Set SOC code"

    def plan(self, ws):
        session = session_of(ws, self.session_id)
        card = require(session, "cards", self.card_id, "card")
        return [(("cards", session.id, card.id), edit(card, **clean_card_fields(session, self.changes)))]


@dataclass(eq=False)
class MoveCards(Command):
    """Cards (with their piles) to a cell, before the card at `index` of that cell's visible cards.

    One drag of many cards is one move. A stacked card that is moved on its
    own leaves its pile.
    """

    label = "Move card"

    session_id: str
    card_ids: list[str]
    _: KW_ONLY
    category_id: str | None
    level_id: str | None
    index: int | None = None

    def __post_init__(self) -> None:
        self.card_ids = list(dict.fromkeys(self.card_ids))
        if len(self.card_ids) > 1:
            self.label = f"Move {len(self.card_ids)} cards"

    def plan(self, ws):
        session = session_of(ws, self.session_id)
        if not self.card_ids:
            raise DomainError("No card to move.")
        _check_cell(session, self.category_id, self.level_id)
        moving = [require(session, "cards", cid, "card") for cid in self.card_ids]
        moving_ids = {c.id for c in moving}
        # Neighbours: the visible cards of the target cell, minus the ones moving.
        cell = [
            c for c in session.cards_in(self.category_id, self.level_id) if not c.stack_id and c.id not in moving_ids
        ]
        index = len(cell) if self.index is None else max(0, min(self.index, len(cell)))
        before = cell[index - 1].position if index > 0 else None
        after = cell[index].position if index < len(cell) else None
        positions = self._positions(before, after, len(moving))
        writes: list[Write] = []
        if positions is None:  # no room between the neighbours: renumber the cell
            for i, c in enumerate(cell):
                shift = 0 if i < index else len(moving)
                writes.append((("cards", session.id, c.id), edit(c, position=float(i + 1 + shift))))
            positions = [float(index + 1 + i) for i in range(len(moving))]
        target = dict(category_id=self.category_id, level_id=self.level_id)
        for card, position in zip(moving, positions, strict=True):
            piled = card.stack_id and card.stack_id not in moving_ids
            writes.append(
                (
                    ("cards", session.id, card.id),
                    edit(card, position=position, stack_id=None if piled else card.stack_id, **target),
                )
            )
            if not card.stack_id:  # a root takes its pile along
                for member in stack_members(session, card)[1:]:
                    if member.id not in moving_ids:
                        writes.append((("cards", session.id, member.id), edit(member, **target)))
        return writes

    @staticmethod
    def _positions(before, after, n):
        lo = before if before is not None else (after - n - 1 if after is not None else 0.0)
        hi = after if after is not None else lo + n + 1
        if position_between(lo, hi) is None or (hi - lo) / (n + 1) < 1e-6:
            return None
        step = (hi - lo) / (n + 1)
        return [lo + step * (i + 1) for i in range(n)]


@dataclass(eq=False)
class StackCards(Command):
    """Pile cards onto a card: they (and their own piles) join its stack and its cell."""

    label = "Stack cards"

    session_id: str
    card_ids: list[str]
    onto: str

    def __post_init__(self) -> None:
        self.card_ids = list(dict.fromkeys(self.card_ids))

    def plan(self, ws):
        session = session_of(ws, self.session_id)
        target = require(session, "cards", self.onto, "card")
        root = stack_root(session, target)
        cards = [require(session, "cards", cid, "card") for cid in self.card_ids]
        cards = [c for c in cards if c.id != root.id and stack_root(session, c).id != root.id]
        if not cards:
            raise DomainError("Those cards are already in that stack.")
        if root.kind == "program" or any(c.kind == "program" for c in cards):
            raise DomainError("Programs are not piled up: each is its own offer. Alt+drag links one to the next.")
        writes: list[Write] = []
        top = max((c.position for c in stack_members(session, root)), default=root.position)
        for card in cards:
            pile = stack_members(session, card) if not card.stack_id else [card]
            for member in pile:
                top += 1
                writes.append(
                    (
                        ("cards", session.id, member.id),
                        edit(
                            member, stack_id=root.id, category_id=root.category_id, level_id=root.level_id, position=top
                        ),
                    )
                )
        return writes


@dataclass(eq=False)
class UnstackCard(Command):
    """Take one card off its pile; it lands right after the pile. Unstacking the root splits it."""

    label = "Unstack card"

    session_id: str
    card_id: str

    def plan(self, ws):
        session = session_of(ws, self.session_id)
        card = require(session, "cards", self.card_id, "card")
        root = stack_root(session, card)
        pile = stack_members(session, root)
        if len(pile) < 2:
            raise DomainError("That card is not in a stack.")
        cell = [c for c in session.cards_in(root.category_id, root.level_id) if not c.stack_id]
        after = next((c.position for c in cell if c.position > root.position), None)
        writes: list[Write] = []
        if card.id == root.id:  # the next card becomes the bottom of the pile
            new_root = pile[1]
            writes.append((("cards", session.id, new_root.id), edit(new_root, stack_id=None, position=root.position)))
            for member in pile[2:]:
                writes.append((("cards", session.id, member.id), edit(member, stack_id=new_root.id)))
            anchor = root.position
        else:
            anchor = root.position
        position = position_between(anchor, after)
        if position is None:
            position = anchor + 1e-7  # later moves renumber the cell
        writes.append((("cards", session.id, card.id), edit(card, stack_id=None, position=position)))
        return writes


@dataclass(eq=False)
class SplitStack(Command):
    """Every card of a pile stands alone again, side by side."""

    label = "Split stack"

    session_id: str
    card_id: str

    def plan(self, ws):
        session = session_of(ws, self.session_id)
        root = stack_root(session, require(session, "cards", self.card_id, "card"))
        pile = stack_members(session, root)
        if len(pile) < 2:
            raise DomainError("That card is not in a stack.")
        cell = [c for c in session.cards_in(root.category_id, root.level_id) if not c.stack_id]
        after = next((c.position for c in cell if c.position > root.position), root.position + len(pile))
        step = (after - root.position) / len(pile)
        return [
            (("cards", session.id, c.id), edit(c, stack_id=None, position=root.position + step * i))
            for i, c in enumerate(pile)
            if i > 0
        ]


@dataclass(eq=False)
class DeleteCards(Command):
    """Cards off the wall. Deleting the bottom card of a pile deletes the pile's root only:
    the next card takes its place, so nobody's card vanishes unseen."""

    label = "Delete card"

    session_id: str
    card_ids: list[str]

    def __post_init__(self) -> None:
        self.card_ids = list(dict.fromkeys(self.card_ids))
        if len(self.card_ids) > 1:
            self.label = f"Delete {len(self.card_ids)} cards"

    def plan(self, ws):
        session = session_of(ws, self.session_id)
        cards = [require(session, "cards", cid, "card") for cid in self.card_ids]
        gone = {c.id for c in cards}
        writes: list[Write] = []
        for card in cards:
            if card.stack_id:
                continue
            survivors = [m for m in stack_members(session, card)[1:] if m.id not in gone]
            if survivors:
                new_root = survivors[0]
                writes.append(
                    (("cards", session.id, new_root.id), edit(new_root, stack_id=None, position=card.position))
                )
                for member in survivors[1:]:
                    writes.append((("cards", session.id, member.id), edit(member, stack_id=new_root.id)))
        for card in cards:
            writes.append((("cards", session.id, card.id), None))
        for panel in session.panels.values():
            if panel.source_card_id in gone:
                writes.append((("panels", session.id, panel.id), edit(panel, source_card_id=None)))
        return writes + leftovers_of_cards(session, gone)
