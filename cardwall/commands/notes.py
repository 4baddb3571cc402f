"""Commands on what was said: notes of the script's steps, and the next steps agreed."""

from __future__ import annotations

from dataclasses import KW_ONLY, dataclass

from cardwall.commands.base import (
    Command,
    DeleteEntity,
    DomainError,
    Edit,
    Reorder,
    clean_date,
    clean_fields,
    clean_line,
    clean_long_text,
    clean_step,
    clean_text,
    edit,
    next_position,
    refuse_taken,
    require,
    session_of,
)
from cardwall.model import HORIZONS, MAX_LONG_TEXT, NextStep, Note, Session


def _note_end(session: Session) -> float:
    """After every note: notes keep the order they were written (or imported) in."""
    return max((n.position for n in session.notes.values()), default=0.0) + 1


def _panel_or_none(session: Session, panel_id: str | None) -> str | None:
    if panel_id is not None and panel_id not in session.panels:
        raise DomainError(f"No skill panel has the id {panel_id!r}.", field="panel")
    return panel_id


@dataclass(eq=False)
class SetStepNote(Command):
    """The notes box of one script step: one note per (step, panel), created on first typing."""

    label = "Edit notes"

    session_id: str
    step: int
    text: str
    _: KW_ONLY
    topic: str = ""
    panel_id: str | None = None

    def plan(self, ws):
        session = session_of(ws, self.session_id)
        step = clean_step(int(self.step))
        panel_id = _panel_or_none(session, self.panel_id)
        text = clean_long_text(self.text, "Notes")
        note_id = f"step{step}" + (f"-{panel_id}" if panel_id else "")
        existing = session.notes.get(note_id)
        key = ("notes", session.id, note_id)
        if not text:
            return [(key, None)] if existing else []
        topic = clean_line(self.topic, "Topic") or (existing.topic if existing else "")
        position = existing.position if existing else _note_end(session)
        return [(key, Note(id=note_id, step=step, text=text, topic=topic, panel_id=panel_id, position=position))]


@dataclass(eq=False)
class AddNote(Command):
    label = "Add note"
    fresh_ids = {"note_id": "n"}

    session_id: str
    _: KW_ONLY
    step: int
    text: str
    topic: str = ""
    panel_id: str | None = None
    note_id: str | None = None

    def plan(self, ws):
        session = session_of(ws, self.session_id)
        refuse_taken(session, "notes", self.note_id, "note")
        fields = dict(step=self.step, text=self.text, topic=self.topic, panel_id=self.panel_id)
        rules = {
            "step": clean_step,
            "text": lambda v: clean_text(v, "Note", limit=MAX_LONG_TEXT),
            "topic": lambda v: clean_line(v, "Topic"),
            "panel_id": lambda v: _panel_or_none(session, v),
        }
        note = Note(id=self.note_id, position=_note_end(session), **clean_fields(fields, rules))
        return [(("notes", session.id, note.id), note)]


class DeleteNote(DeleteEntity):
    label, table, what = "Delete note", "notes", "note"


def _horizon(value: str) -> str:
    if value not in HORIZONS:
        raise DomainError(f"A horizon is one of {', '.join(HORIZONS)}, not {value!r}.")
    return value


NEXT_STEP_RULES = {
    "text": lambda v: clean_text(v, "Next step"),
    "owner": lambda v: clean_line(v, "Owner"),
    "due": lambda v: clean_date(v, "Due date"),
    "horizon": _horizon,
}


@dataclass(eq=False)
class AddNextStep(Command):
    label = "Add next step"
    fresh_ids = {"step_id": "x"}

    session_id: str
    _: KW_ONLY
    text: str
    owner: str = ""
    due: str = ""
    horizon: str = "short-term"
    step_id: str | None = None

    def plan(self, ws):
        session = session_of(ws, self.session_id)
        refuse_taken(session, "next_steps", self.step_id, "next step")
        position = next_position(session.next_steps.values())
        fields = dict(text=self.text, owner=self.owner, due=self.due, horizon=self.horizon)
        step = NextStep(id=self.step_id, position=position, **clean_fields(fields, NEXT_STEP_RULES))
        return [(("next_steps", session.id, step.id), step)]


@dataclass(eq=False, init=False)
class EditNextStep(Edit):
    label = "Edit next step"

    session_id: str
    step_id: str

    def plan(self, ws):
        session = session_of(ws, self.session_id)
        step = require(session, "next_steps", self.step_id, "next step")
        return [(("next_steps", session.id, step.id), edit(step, **clean_fields(self.changes, NEXT_STEP_RULES)))]


class MoveNextStep(Reorder):
    """Put a next step at `index` in the list (the order the summary gives them)."""

    label, table, what = "Reorder next steps", "next_steps", "next step"

    def siblings(self, session, entity):
        return session.ordered_next_steps()


class DeleteNextStep(DeleteEntity):
    label, table, what = "Delete next step", "next_steps", "next step"
