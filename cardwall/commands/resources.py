"""Commands on the resource map (seed 002, Appendix C): partner organizations, their programs and resources."""

from __future__ import annotations

from dataclasses import KW_ONLY, dataclass

from cardwall.commands.base import (
    Command,
    DomainError,
    Edit,
    clean_fields,
    clean_line,
    clean_long_text,
    edit,
    refuse_taken,
    require,
    session_of,
)
from cardwall.model import PARTNER_TYPES, Resource


def _partner_type(value: str) -> str:
    if value not in PARTNER_TYPES:
        raise DomainError(f"A partner is one of {', '.join(PARTNER_TYPES)}, not {value!r}.")
    return value


RESOURCE_RULES = {
    "organization": lambda v: clean_line(v, "Organization", required=True),
    "partner_type": _partner_type,
    "contact": lambda v: clean_line(v, "Contact", limit=300),
    **{
        n: (lambda v, what=n.capitalize(): clean_long_text(v, what))
        for n in ("programs", "services", "restrictions", "populations", "resources", "notes")
    },
}


@dataclass(eq=False)
class AddResource(Command):
    label = "Add partner to the resource map"
    fresh_ids = {"resource_id": "r"}

    session_id: str
    organization: str
    _: KW_ONLY
    fields: dict | None = None
    resource_id: str | None = None

    def plan(self, ws):
        session = session_of(ws, self.session_id)
        refuse_taken(session, "resources", self.resource_id, "resource map entry")
        values = clean_fields({"organization": self.organization, **(self.fields or {})}, RESOURCE_RULES)
        unknown = set(values) - set(RESOURCE_RULES)
        if unknown:
            raise DomainError(f"Cannot set {', '.join(sorted(unknown))} on a resource map entry.")
        position = max((r.position for r in session.resources.values()), default=0.0) + 1
        entity = Resource(id=self.resource_id, position=position, **values)
        return [(("resources", session.id, entity.id), entity)]


@dataclass(eq=False, init=False)
class EditResource(Edit):
    label = "Edit resource map entry"

    session_id: str
    resource_id: str

    def plan(self, ws):
        session = session_of(ws, self.session_id)
        entry = require(session, "resources", self.resource_id, "resource map entry")
        return [(("resources", session.id, entry.id), edit(entry, **clean_fields(self.changes, RESOURCE_RULES)))]


@dataclass(eq=False)
class DeleteResource(Command):
    label = "Remove partner from the resource map"

    session_id: str
    resource_id: str

    def plan(self, ws):
        session = session_of(ws, self.session_id)
        require(session, "resources", self.resource_id, "resource map entry")
        return [(("resources", session.id, self.resource_id), None)]
