"""Commands on the resource map (seed 002, Appendix C): partner organizations, their programs and resources."""

from __future__ import annotations

from dataclasses import KW_ONLY, dataclass

from cardwall.commands.base import (
    AddEntity,
    DeleteEntity,
    DomainError,
    EditEntity,
    clean_line,
    clean_long_text,
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
class AddResource(AddEntity):
    label = "Add partner to the resource map"
    fresh_ids = {"resource_id": "r"}
    table, what, entity, rules = "resources", "resource map entry", Resource, RESOURCE_RULES

    session_id: str
    organization: str
    _: KW_ONLY
    fields: dict | None = None
    resource_id: str | None = None


@dataclass(eq=False, init=False)
class EditResource(EditEntity):
    label = "Edit resource map entry"
    table, what, rules = "resources", "resource map entry", RESOURCE_RULES

    session_id: str
    resource_id: str


class DeleteResource(DeleteEntity):
    label, table, what = "Remove partner from the resource map", "resources", "resource map entry"
