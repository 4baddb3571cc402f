"""The one door for every change: a command plans its writes, applies and reverts them.

A command validates against the current workspace and plans a list of writes,
each `(key, new entity or None)`. Applying remembers what each key held before,
so revert puts exactly that back, and redo replays the same plan (same ids).
Both return a `Change` naming the keys touched, which storage commits in one
transaction and views use to redraw only what moved.

Commands are dataclasses: their fields are what the user asked for. This
module also holds the helpers every command module shares (text cleaning,
dates, reordering), so command modules import only from here and the model.
"""

from __future__ import annotations

import datetime as _dt
import re
import uuid
from collections.abc import Callable
from dataclasses import dataclass, field, fields, replace
from typing import ClassVar

from cardwall.model import MAX_LONG_TEXT, MAX_TEXT, Key, Session, Workspace


class DomainError(ValueError):
    """A command refused: the message is for the person at the keyboard.

    `field` names the entity field the refusal is about, when there is one, so an
    importer can say where in its file the bad value sits.
    """

    def __init__(self, message: str, *, field: str | None = None) -> None:
        super().__init__(message)
        self.field = field


@dataclass(frozen=True)
class Change:
    keys: tuple[Key, ...]

    def tables(self) -> set[str]:
        return {k[0] for k in self.keys}

    def ids(self, table: str) -> set[str]:
        return {k[2] for k in self.keys if k[0] == table}

    def sessions(self) -> set[str]:
        return {k[1] for k in self.keys if k[0] != "partnership"}

    def __bool__(self) -> bool:
        return bool(self.keys)


Write = tuple[Key, object]


class Command:
    """Base class: subclasses are dataclasses that set `label` and implement `plan`.

    `fresh_ids` maps an id field to its prefix: left as None, the field gets a new
    id when the command is made, so redo and storage see the same id every time.
    """

    label = "Change"
    fresh_ids: ClassVar[dict[str, str]] = {}
    _after: dict[Key, object] | None = None
    _before: dict[Key, object] | None = None

    def __post_init__(self) -> None:
        for name, prefix in self.fresh_ids.items():
            if getattr(self, name) is None:
                setattr(self, name, new_id(prefix))

    def plan(self, ws: Workspace) -> list[Write]:
        raise NotImplementedError

    def apply(self, ws: Workspace) -> Change:
        if self._after is None:
            writes = self.plan(ws)
            before: dict[Key, object] = {}
            after: dict[Key, object] = {}
            for key, value in writes:
                if key not in before:
                    before[key] = ws.get(key)
                after[key] = value
            self._before, self._after = before, after
        for key, value in self._after.items():
            ws.put(key, value)
        return Change(tuple(self._after))

    def revert(self, ws: Workspace) -> Change:
        assert self._before is not None, "revert before apply"
        for key, value in reversed(self._before.items()):
            ws.put(key, value)
        return Change(tuple(self._before))


class Edit(Command):
    """A command that sets named fields: `EditCard(session_id, card_id, text=..., notes=...)`.

    Subclasses are `@dataclass(eq=False, init=False)` with their id fields, then `changes: dict`.
    """

    changes: dict

    def __init__(self, *ids, **changes) -> None:
        names = [f.name for f in fields(self) if f.name != "changes"]
        given = dict(zip(names, ids, strict=False))
        given.update({n: changes.pop(n) for n in names if n in changes})
        missing = [n for n in names if n not in given]
        if missing or len(ids) > len(names):
            raise TypeError(f"{type(self).__name__} takes {', '.join(names)} and the fields to change")
        for name in names:
            setattr(self, name, given[name])
        self.changes = changes
        self.__post_init__()


@dataclass(eq=False)
class Batch(Command):
    """Several commands as one undo step (a paste of many lines, a drag of many cards)."""

    label: str
    commands: list[Command] = field(default_factory=list)

    def plan(self, ws: Workspace) -> list[Write]:
        # Each part plans against the state the earlier parts leave, so apply
        # them for planning, then put everything back: apply() replays it.
        writes: list[Write] = []
        done: list[Command] = []
        try:
            for command in self.commands:
                command.apply(ws)
                done.append(command)
                writes.extend(command._after.items())
        finally:
            for command in reversed(done):
                command.revert(ws)
        return writes


# --- helpers shared by the commands -------------------------------------------------

_CONTROL = re.compile(r"[\x00-\x08\x0b-\x1f\x7f]")
_SURROGATE = re.compile("[\ud800-\udfff]")  # half a UTF-16 pair (a JSON escape, a mis-decoded name): unstorable
_DATE = re.compile(r"^\d{4}-\d{2}-\d{2}$")
STEPS = range(1, 21)  # the script's steps a note or the facilitator can be on


def new_id(prefix: str) -> str:
    return f"{prefix}{uuid.uuid4().hex[:10]}"


def clean_text(text: str, what: str, *, required: bool = True, limit: int = MAX_TEXT) -> str:
    """Text as people meant it: trimmed, control characters dropped, within the limit."""
    if text is None:
        text = ""
    if not isinstance(text, str):
        raise DomainError(f"{what} must be text.")
    text = _CONTROL.sub("", text.replace("\r\n", "\n").replace("\r", "\n")).strip()
    text = _SURROGATE.sub("\ufffd", text)
    if required and not text:
        raise DomainError(f"{what} is empty: type something first.")
    if len(text) > limit:
        raise DomainError(f"{what} is {len(text):,} characters long; the limit is {limit:,}.")
    return text


def clean_long_text(text: str, what: str) -> str:
    return clean_text(text, what, required=False, limit=MAX_LONG_TEXT)


def clean_line(text: str, what: str, *, required: bool = False, limit: int = 200) -> str:
    """A one-line value: names, organizations, e-mail addresses, titles."""
    text = clean_text(text or "", what, required=required, limit=limit)
    return " ".join(text.split())


def clean_date(value: str, what: str = "Date") -> str:
    value = (value or "").strip()
    if not value:
        return ""
    if not _DATE.match(value):
        raise DomainError(f"{what} must look like 2026-10-14 (year-month-day), not {value!r}.")
    try:
        _dt.date.fromisoformat(value)
    except ValueError:
        raise DomainError(f"{what} {value!r} is not a real date.") from None
    return value


def clean_step(value) -> int:
    if isinstance(value, bool) or not isinstance(value, int) or value not in STEPS:
        raise DomainError("No such script step.")
    return value


def clean_fields(values: dict, rules: dict[str, Callable]) -> dict:
    """Each value passed through its field's rule; a refusal names the field it is about.

    A name without a rule passes as it is: `edit` refuses it if the entity has no such field.
    """
    out = {}
    for name, value in values.items():
        rule = rules.get(name)
        if rule is None:
            out[name] = value
            continue
        try:
            out[name] = rule(value)
        except DomainError as exc:
            raise DomainError(str(exc), field=exc.field or name) from None
    return out


def edit(entity, **changes):
    """The entity with `changes`, refusing fields it does not have."""
    unknown = [name for name in changes if not hasattr(entity, name)]
    if unknown:
        raise DomainError(f"Cannot set {', '.join(unknown)} on a {type(entity).__name__.lower()}.")
    return replace(entity, **changes)


def require(session_or_ws, table: str, entity_id: str | None, what: str):
    entity = session_or_ws.table(table).get(entity_id) if entity_id is not None else None
    if entity is None:
        raise DomainError(f"That {what} does not exist (any more).")
    return entity


def refuse_taken(session: Session, table: str, entity_id: str, what: str) -> None:
    if entity_id in session.table(table):
        raise DomainError(f"A {what} with the id {entity_id!r} exists already.", field="id")


def session_of(ws: Workspace, session_id: str) -> Session:
    session = ws.sessions.get(session_id)
    if session is None:
        raise DomainError("That session does not exist (any more).")
    return session


def position_between(before: float | None, after: float | None) -> float | None:
    """A position between two neighbours, or None when they are too close to split."""
    if before is None and after is None:
        return 1.0
    if before is None:
        return after - 1.0
    if after is None:
        return before + 1.0
    if after - before < 1e-6:
        return None
    return (before + after) / 2


def next_position(items) -> int:
    """After the last of `items` (participants, panels, next steps keep their order by this)."""
    return max((x.position for x in items), default=-1) + 1


def reindex(items, moved_id: str, index: int) -> list:
    """Items renumbered 0..n with `moved_id` at `index`; returns the changed ones."""
    order = [x for x in items if x.id != moved_id]
    moved = next(x for x in items if x.id == moved_id)
    index = max(0, min(index, len(order)))
    order.insert(index, moved)
    return [edit(x, position=i) for i, x in enumerate(order) if x.position != i or x.id == moved_id]


def closed_up(items, gone_id: str, table: str, session_id: str) -> list[Write]:
    """Renumber the rest 0..n-1 after `gone_id` leaves (levels, columns, functions)."""
    rest = [x for x in items if x.id != gone_id]
    return [((table, session_id, x.id), edit(x, position=i)) for i, x in enumerate(rest) if x.position != i]


def tray_end(session: Session) -> float:
    """The position after the last card in the unsorted tray."""
    return max((c.position for c in session.cards.values() if c.category_id is None), default=0.0)


@dataclass(eq=False)
class Reorder(Command):
    """Put one entity at `index` among its siblings; the others close up around it."""

    session_id: str
    entity_id: str
    index: int
    table: ClassVar[str] = ""
    what: ClassVar[str] = ""

    def siblings(self, session: Session, entity) -> list:
        raise NotImplementedError

    def plan(self, ws):
        session = session_of(ws, self.session_id)
        entity = require(session, self.table, self.entity_id, self.what)
        moved = reindex(self.siblings(session, entity), entity.id, self.index)
        return [((self.table, session.id, e.id), e) for e in moved]


def refuse_unknown(values: dict, rules: dict, what: str) -> None:
    """A field no rule knows is refused, never kept or dropped silently (an importer's typo, an id or a position)."""
    unknown = set(values) - set(rules)
    if unknown:
        raise DomainError(f"Cannot set {', '.join(sorted(unknown))} on {_a(what)}.")


def _a(what: str) -> str:
    return f"{'an' if what[:1] in 'aeiou' else 'a'} {what}"


class AddEntity(Command):
    """Add one entity to a session's table, placed last. The subclass is a dataclass: `session_id`, then the
    field the user types (its rule says if it may be empty), then keyword-only `fields` (the rest) and the id
    named in `fresh_ids`. It sets `table`, `what`, `entity` and `rules` (or `rules_for`, `session_for`)."""

    table: ClassVar[str] = ""
    what: ClassVar[str] = ""
    entity: ClassVar[type] = object
    rules: ClassVar[dict] = {}

    def session_for(self, ws: Workspace) -> Session:
        return session_of(ws, self.session_id)

    def rules_for(self, session: Session) -> dict:
        return self.rules

    def position(self, session: Session, entity) -> float:
        return max((e.position for e in session.table(self.table).values()), default=0.0) + 1

    def plan(self, ws):
        session = self.session_for(ws)
        entity_id = getattr(self, next(iter(self.fresh_ids)))
        refuse_taken(session, self.table, entity_id, self.what)
        typed = fields(self)[1].name
        rules = self.rules_for(session)
        values = clean_fields({typed: getattr(self, typed), **(self.fields or {})}, rules)
        refuse_unknown(values, rules, self.what)
        entity = self.entity(id=entity_id, **values)
        entity = replace(entity, position=self.position(session, entity))
        return [((self.table, session.id, entity_id), entity)]


class EditEntity(Edit):
    """Set fields of one entity, each through its field's rule; a field without a rule is refused.

    Subclasses are `@dataclass(eq=False, init=False)` with `session_id` and the entity's id field, and set
    `table`, `what` and `rules` (or `rules_for`)."""

    table: ClassVar[str] = ""
    what: ClassVar[str] = ""
    rules: ClassVar[dict] = {}

    def rules_for(self, session: Session) -> dict:
        return self.rules

    def plan(self, ws):
        session = session_of(ws, self.session_id)
        entity_id = getattr(self, [f.name for f in fields(self) if f.name != "changes"][-1])
        entity = require(session, self.table, entity_id, self.what)
        rules = self.rules_for(session)
        refuse_unknown(self.changes, rules, self.what)
        return [((self.table, session.id, entity.id), edit(entity, **clean_fields(self.changes, rules)))]


@dataclass(eq=False)
class DeleteEntity(Command):
    """Remove one entity nothing else points to."""

    session_id: str
    entity_id: str
    table: ClassVar[str] = ""
    what: ClassVar[str] = ""

    def plan(self, ws):
        session = session_of(ws, self.session_id)
        require(session, self.table, self.entity_id, self.what)
        return [((self.table, session.id, self.entity_id), None)]
