"""Commands on the partnership and its sessions."""

from __future__ import annotations

import datetime as _dt
from dataclasses import dataclass

from cardwall.commands.base import (
    Command,
    DomainError,
    Edit,
    Write,
    clean_date,
    clean_fields,
    clean_line,
    clean_long_text,
    clean_step,
    edit,
    session_of,
)
from cardwall.commands.participants import clean_email
from cardwall.commands.structure import clean_level_name
from cardwall.model import DEFAULT_LEVELS, SESSION_KINDS, Level, Session, SessionInfo


def _kind(value: str) -> str:
    if value not in SESSION_KINDS:
        raise DomainError(f"A session is one of {', '.join(SESSION_KINDS)}, not {value!r}.")
    return value


def _current_step(value) -> int:
    return clean_step(int(value)) if isinstance(value, str | float) else clean_step(value)


def _area_code(value) -> str:
    """ "28140" is Kansas City's 0028140, never the national default."""
    from cardwall.areas import normal_area_code  # areas needs commands.base: import when used

    return normal_area_code(clean_line(value, "Area code"))


_PARTNERSHIP_RULES = {
    **{
        name: (lambda v, what=name.replace("_", " ").capitalize(): clean_line(v, what))
        for name in ("name", "industry", "region", "industry_code", "convener_name")
    },
    "area_code": _area_code,
    "convener_email": clean_email,  # the convener's address is the draft's From: the one e-mail rule
    "cc_partners": bool,
}

SESSION_RULES = {
    "kind": _kind,
    "title": lambda v: clean_line(v, "Session title", required=True),
    "date": clean_date,
    "location": lambda v: clean_line(v, "Location"),
    "facilitator": lambda v: clean_line(v, "Facilitator"),
    "reengage": lambda v: clean_long_text(v, "Re-engagement"),
    "current_step": _current_step,
}


@dataclass(eq=False, init=False)
class EditPartnership(Edit):
    label = "Edit partnership"

    def plan(self, ws):
        unknown = set(self.changes) - set(_PARTNERSHIP_RULES)
        if unknown:
            raise DomainError(f"Cannot set {', '.join(sorted(unknown))} on a partnership.")
        changes = clean_fields(self.changes, _PARTNERSHIP_RULES)
        if "name" in changes and not changes["name"]:
            raise DomainError("The partnership needs a name.", field="name")
        return [(("partnership", "", "partnership"), edit(ws.partnership, **changes))]


@dataclass(eq=False, kw_only=True)
class AddSession(Command):
    label = "New session"
    fresh_ids = {"session_id": "s"}

    kind: str
    title: str
    date: str = ""
    location: str = ""
    facilitator: str = ""
    levels: tuple[str, ...] = DEFAULT_LEVELS
    session_id: str | None = None

    def plan(self, ws):
        if self.session_id in ws.sessions:
            raise DomainError("A session with that id exists already.")
        fields = dict(kind=self.kind, title=self.title, date=self.date, location=self.location)
        fields["facilitator"] = self.facilitator
        info = SessionInfo(
            id=self.session_id,
            created=_dt.datetime.now().isoformat(timespec="seconds"),
            **clean_fields(fields, SESSION_RULES),
        )
        writes: list[Write] = [(("sessions", info.id, info.id), info)]
        scratch = Session(info=info)
        for i, name in enumerate(self.levels):
            level = Level(id=f"L{i + 1}", name=clean_level_name(scratch, name), position=i)
            scratch.levels[level.id] = level
            writes.append((("levels", info.id, level.id), level))
        return writes


@dataclass(eq=False, init=False)
class EditSession(Edit):
    label = "Edit session"

    session_id: str

    def plan(self, ws):
        info = session_of(ws, self.session_id).info
        return [(("sessions", info.id, info.id), edit(info, **clean_fields(self.changes, SESSION_RULES)))]


@dataclass(eq=False)
class DeleteSession(Command):
    label = "Delete session"

    session_id: str

    def plan(self, ws):
        session = session_of(ws, self.session_id)
        writes: list[Write] = []
        for table in (
            "level_steps",
            "resources",
            "actions",
            "gap_rows",
            "links",
            "program_details",
            "votes",
            "task_details",
            "tasks",
            "functions",
            "panels",
            "cards",
            "notes",
            "next_steps",
            "categories",
            "levels",
            "participants",
        ):
            writes += [((table, session.id, eid), None) for eid in session.table(table)]
        writes.append((("sessions", session.id, session.id), None))
        return writes
