"""Commands on the people of a session: add, edit, remove."""

from __future__ import annotations

from dataclasses import KW_ONLY, dataclass, replace

from cardwall.commands.base import (
    Command,
    DomainError,
    Edit,
    Write,
    clean_fields,
    clean_line,
    edit,
    next_position,
    refuse_taken,
    require,
    session_of,
)
from cardwall.model import ROLES, Participant, Session
from cardwall.people import is_email, role_label
from cardwall.voting import not_a_voter


def clean_email(value: str) -> str:
    """The one e-mail rule: blank, or an address a mail client can send to."""
    value = clean_line(value, "E-mail")
    if value and not is_email(value):
        raise DomainError(f"{value!r} does not look like an e-mail address.")
    return value


def _role(value: str) -> str:
    if value not in ROLES:
        raise DomainError(f"A participant's role is one of {', '.join(ROLES)}, not {value!r}.")
    return value


PARTICIPANT_RULES = {
    "name": lambda v: clean_line(v, "Name", required=True),
    "organization": lambda v: clean_line(v, "Organization"),
    "role": _role,
    "email": clean_email,
}


@dataclass(eq=False)
class AddParticipant(Command):
    label = "Add participant"
    fresh_ids = {"participant_id": "p"}

    session_id: str
    _: KW_ONLY
    name: str
    organization: str = ""
    role: str = "employer"
    email: str = ""
    participant_id: str | None = None

    def plan(self, ws):
        session = session_of(ws, self.session_id)
        refuse_taken(session, "participants", self.participant_id, "participant")
        fields = dict(name=self.name, organization=self.organization, role=self.role, email=self.email)
        person = Participant(
            id=self.participant_id,
            position=next_position(session.participants.values()),
            **clean_fields(fields, PARTICIPANT_RULES),
        )
        return [(("participants", session.id, person.id), person)]


def _refuse_listener_with_dots(session: Session, person: Participant, role: str) -> None:
    """A role that may not hold the person's dots (a partner's none, a hiring authority's none in round 2):
    the dots must come off first, by the person who placed them."""
    as_changed = replace(person, role=role)
    if any(
        v.participant_id == person.id and not_a_voter(as_changed, v.round) is not None for v in session.votes.values()
    ):
        raise DomainError(
            f"{person.name} has dots on a panel; take them back before making them a {role_label(role)}.",
            field="role",
        )


@dataclass(eq=False, init=False)
class EditParticipant(Edit):
    label = "Edit participant"

    session_id: str
    participant_id: str

    def plan(self, ws):
        session = session_of(ws, self.session_id)
        person = require(session, "participants", self.participant_id, "participant")
        changes = clean_fields(self.changes, PARTICIPANT_RULES)
        if "role" in changes:
            _refuse_listener_with_dots(session, person, changes["role"])
        return [(("participants", session.id, person.id), edit(person, **changes))]


@dataclass(eq=False)
class DeleteParticipant(Command):
    """Their cards stay on the wall without an author; their dots come off. Undo restores all."""

    label = "Remove participant"

    session_id: str
    participant_id: str

    def plan(self, ws):
        session = session_of(ws, self.session_id)
        person = require(session, "participants", self.participant_id, "participant")
        writes: list[Write] = [
            (("cards", session.id, c.id), edit(c, author_id=None))
            for c in session.cards.values()
            if c.author_id == person.id
        ]
        writes += [(("votes", session.id, v.id), None) for v in session.votes.values() if v.participant_id == person.id]
        writes.append((("participants", session.id, person.id), None))
        return writes
