"""The one door for every change: a command plans its writes, applies and reverts them.

A command validates against the current workspace and plans a list of writes,
each `(key, new entity or None)`. Applying remembers what each key held before,
so revert puts exactly that back, and redo replays the same plan (same ids).
Both return a `Change` naming the keys touched, which storage commits in one
transaction and views use to redraw only what moved.
"""

from __future__ import annotations

import re
import uuid
from dataclasses import dataclass, replace

from cardwall.model import MAX_LONG_TEXT, MAX_TEXT, Key, Workspace


class DomainError(ValueError):
    """A command refused: the message is for the person at the keyboard."""


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
    """Base class: subclasses set `label` and implement `plan`."""

    label = "Change"

    def __init__(self) -> None:
        self._after: dict[Key, object] | None = None
        self._before: dict[Key, object] | None = None

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


class Batch(Command):
    """Several commands as one undo step (a paste of many lines, a drag of many cards)."""

    def __init__(self, label: str, commands: list[Command]) -> None:
        super().__init__()
        self.label = label
        self.commands = commands

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
