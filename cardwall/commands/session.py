"""Commands on the partnership, sessions, participants, levels, categories, notes and next steps."""

from __future__ import annotations

import datetime as _dt
import re

from cardwall.commands.base import (
    Command,
    DomainError,
    Write,
    clean_line,
    clean_long_text,
    clean_text,
    edit,
    new_id,
    require,
)
from cardwall.model import (
    DEFAULT_LEVELS,
    HORIZONS,
    ROLES,
    SESSION_KINDS,
    Category,
    Level,
    NextStep,
    Note,
    Participant,
    Session,
    SessionInfo,
    Workspace,
)

_DATE = re.compile(r"^\d{4}-\d{2}-\d{2}$")
_COLOUR = re.compile(r"^#[0-9a-fA-F]{6}$")
_EMAIL = re.compile(r"^[^@\s]+@[^@\s]+\.[^@\s]+$")


def session_of(ws: Workspace, session_id: str) -> Session:
    session = ws.sessions.get(session_id)
    if session is None:
        raise DomainError("That session does not exist (any more).")
    return session


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


def _clean_email(value: str) -> str:
    value = clean_line(value, "E-mail")
    if value and not _EMAIL.match(value):
        raise DomainError(f"{value!r} does not look like an e-mail address.")
    return value


def _reindex(items, moved_id: str, index: int) -> list:
    """Items renumbered 0..n with `moved_id` at `index`; returns the changed ones."""
    order = [x for x in items if x.id != moved_id]
    moved = next(x for x in items if x.id == moved_id)
    index = max(0, min(index, len(order)))
    order.insert(index, moved)
    return [edit(x, position=i) for i, x in enumerate(order) if x.position != i or x.id == moved_id]


class _Reorder(Command):
    """Put one entity at `index` among its siblings; the others close up around it."""

    table = what = ""

    def __init__(self, session_id: str, entity_id: str, index: int) -> None:
        super().__init__()
        self.session_id, self.entity_id, self.index = session_id, entity_id, index

    def siblings(self, session: Session, entity) -> list:
        raise NotImplementedError

    def plan(self, ws):
        session = session_of(ws, self.session_id)
        entity = require(session, self.table, self.entity_id, self.what)
        moved = _reindex(self.siblings(session, entity), entity.id, self.index)
        return [((self.table, session.id, e.id), e) for e in moved]


class _Delete(Command):
    """Remove one entity nothing else points to."""

    table = what = ""

    def __init__(self, session_id: str, entity_id: str) -> None:
        super().__init__()
        self.session_id, self.entity_id = session_id, entity_id

    def plan(self, ws):
        session = session_of(ws, self.session_id)
        require(session, self.table, self.entity_id, self.what)
        return [((self.table, session.id, self.entity_id), None)]


# --- partnership and sessions ----------------------------------------------------------


class EditPartnership(Command):
    label = "Edit partnership"

    def __init__(self, **changes) -> None:
        super().__init__()
        self.changes = changes

    def plan(self, ws):
        changes = {
            k: v if isinstance(v, bool) else clean_line(v, k.replace("_", " ").capitalize())
            for k, v in self.changes.items()
        }
        if "area_code" in changes:  # "28140" is Kansas City's 0028140, never the national default
            from cardwall.areas import normal_area_code  # areas needs commands.base: import when used

            changes["area_code"] = normal_area_code(changes["area_code"])
        if "name" in changes and not changes["name"]:
            raise DomainError("The partnership needs a name.")
        return [(("partnership", "", "partnership"), edit(ws.partnership, **changes))]


class AddSession(Command):
    label = "New session"

    def __init__(
        self,
        *,
        kind: str,
        title: str,
        date: str = "",
        location: str = "",
        facilitator: str = "",
        levels: tuple[str, ...] = DEFAULT_LEVELS,
        session_id: str | None = None,
    ) -> None:
        super().__init__()
        self.session_id = session_id or new_id("s")
        self.fields = dict(kind=kind, title=title, date=date, location=location, facilitator=facilitator)
        self.levels = levels

    def plan(self, ws):
        f = self.fields
        if f["kind"] not in SESSION_KINDS:
            raise DomainError(f"A session is one of {', '.join(SESSION_KINDS)}, not {f['kind']!r}.")
        if self.session_id in ws.sessions:
            raise DomainError("A session with that id exists already.")
        info = SessionInfo(
            id=self.session_id,
            kind=f["kind"],
            title=clean_line(f["title"], "Session title", required=True),
            date=clean_date(f["date"]),
            location=clean_line(f["location"], "Location"),
            facilitator=clean_line(f["facilitator"], "Facilitator"),
            created=_dt.datetime.now().isoformat(timespec="seconds"),
        )
        writes: list[Write] = [(("sessions", info.id, info.id), info)]
        for i, name in enumerate(self.levels):
            level = Level(id=f"L{i + 1}", name=clean_line(name, "Level", required=True), position=i)
            writes.append((("levels", info.id, level.id), level))
        return writes


class EditSession(Command):
    label = "Edit session"

    def __init__(self, session_id: str, **changes) -> None:
        super().__init__()
        self.session_id, self.changes = session_id, changes

    def plan(self, ws):
        info = session_of(ws, self.session_id).info
        changes = dict(self.changes)
        for name in ("title", "location", "facilitator"):
            if name in changes:
                changes[name] = clean_line(changes[name], name.capitalize(), required=name == "title")
        if "reengage" in changes:
            changes["reengage"] = clean_long_text(changes["reengage"], "Re-engagement")
        if "date" in changes:
            changes["date"] = clean_date(changes["date"])
        if "kind" in changes and changes["kind"] not in SESSION_KINDS:
            raise DomainError(f"Unknown session kind {changes['kind']!r}.")
        if "current_step" in changes and not (1 <= int(changes["current_step"]) <= 20):
            raise DomainError("No such script step.")
        return [(("sessions", info.id, info.id), edit(info, **changes))]


class DeleteSession(Command):
    label = "Delete session"

    def __init__(self, session_id: str) -> None:
        super().__init__()
        self.session_id = session_id

    def plan(self, ws):
        session = session_of(ws, self.session_id)
        writes: list[Write] = []
        for table in (
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


# --- participants ----------------------------------------------------------------------


def _clean_participant(fields: dict) -> dict:
    out = {}
    if "name" in fields:
        out["name"] = clean_line(fields["name"], "Name", required=True)
    if "organization" in fields:
        out["organization"] = clean_line(fields["organization"], "Organization")
    if "role" in fields:
        if fields["role"] not in ROLES:
            raise DomainError(f"A participant's role is one of {', '.join(ROLES)}, not {fields['role']!r}.")
        out["role"] = fields["role"]
    if "email" in fields:
        out["email"] = _clean_email(fields["email"])
    return out


class AddParticipant(Command):
    label = "Add participant"

    def __init__(
        self,
        session_id: str,
        *,
        name: str,
        organization: str = "",
        role: str = "employer",
        email: str = "",
        participant_id: str | None = None,
    ) -> None:
        super().__init__()
        self.session_id = session_id
        self.participant_id = participant_id or new_id("p")
        self.fields = dict(name=name, organization=organization, role=role, email=email)

    def plan(self, ws):
        session = session_of(ws, self.session_id)
        if self.participant_id in session.participants:
            raise DomainError("That participant exists already.")
        position = max((p.position for p in session.participants.values()), default=-1) + 1
        person = Participant(id=self.participant_id, position=position, **_clean_participant(self.fields))
        return [(("participants", session.id, person.id), person)]


class EditParticipant(Command):
    label = "Edit participant"

    def __init__(self, session_id: str, participant_id: str, **changes) -> None:
        super().__init__()
        self.session_id, self.participant_id, self.changes = session_id, participant_id, changes

    def plan(self, ws):
        session = session_of(ws, self.session_id)
        person = require(session, "participants", self.participant_id, "participant")
        return [(("participants", session.id, person.id), edit(person, **_clean_participant(self.changes)))]


class DeleteParticipant(Command):
    """Their cards stay on the wall without an author; their dots come off. Undo restores all."""

    label = "Remove participant"

    def __init__(self, session_id: str, participant_id: str) -> None:
        super().__init__()
        self.session_id, self.participant_id = session_id, participant_id

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


# --- levels ----------------------------------------------------------------------------


class AddLevel(Command):
    label = "Add level"

    def __init__(self, session_id: str, name: str, *, index: int | None = None) -> None:
        super().__init__()
        self.session_id, self.name, self.index = session_id, name, index
        self.level_id = new_id("L")

    def plan(self, ws):
        session = session_of(ws, self.session_id)
        name = clean_line(self.name, "Level name", required=True, limit=60)
        if session.level_by_name(name):
            raise DomainError(f"There is a level called {name!r} already.")
        levels = session.ordered_levels()
        level = Level(id=self.level_id, name=name, position=len(levels))
        writes = [(("levels", session.id, level.id), level)]
        index = len(levels) if self.index is None else self.index
        for moved in _reindex([*levels, level], level.id, index):
            writes.append((("levels", session.id, moved.id), moved))
        return writes


class RenameLevel(Command):
    label = "Rename level"

    def __init__(self, session_id: str, level_id: str, name: str) -> None:
        super().__init__()
        self.session_id, self.level_id, self.name = session_id, level_id, name

    def plan(self, ws):
        session = session_of(ws, self.session_id)
        level = require(session, "levels", self.level_id, "level")
        name = clean_line(self.name, "Level name", required=True, limit=60)
        other = session.level_by_name(name)
        if other and other.id != level.id:
            raise DomainError(f"There is a level called {name!r} already.")
        return [(("levels", session.id, level.id), edit(level, name=name))]


class MoveLevel(_Reorder):
    label, table, what = "Reorder levels", "levels", "level"

    def siblings(self, session, entity):
        return session.ordered_levels()


class DeleteLevel(Command):
    """Its cards go back to the unsorted tray; undo puts them back in their rows."""

    label = "Remove level"

    def __init__(self, session_id: str, level_id: str) -> None:
        super().__init__()
        self.session_id, self.level_id = session_id, level_id

    def plan(self, ws):
        from cardwall.commands.wall import tray_end

        session = session_of(ws, self.session_id)
        level = require(session, "levels", self.level_id, "level")
        if len(session.levels) == 1:
            raise DomainError("A wall needs at least one level.")
        writes: list[Write] = []
        position = tray_end(session)
        for card in sorted(session.cards.values(), key=lambda c: (c.category_id or "", c.position)):
            if card.level_id == level.id:
                position += 1
                writes.append(
                    (("cards", session.id, card.id), edit(card, level_id=None, category_id=None, position=position))
                )
        writes.append((("levels", session.id, level.id), None))
        rest = [lv for lv in session.ordered_levels() if lv.id != level.id]
        writes += [
            (("levels", session.id, lv.id), edit(lv, position=i)) for i, lv in enumerate(rest) if lv.position != i
        ]
        return writes


# --- categories --------------------------------------------------------------------------


class AddCategory(Command):
    label = "Add category"

    def __init__(
        self, session_id: str, title: str, *, colour: str = "", index: int | None = None, category_id: str | None = None
    ) -> None:
        super().__init__()
        self.session_id, self.title, self.colour, self.index = session_id, title, colour, index
        self.category_id = category_id or new_id("c")

    def plan(self, ws):
        session = session_of(ws, self.session_id)
        title = clean_line(self.title, "Category title", required=True, limit=80)
        if self.colour and not _COLOUR.match(self.colour):
            raise DomainError(f"{self.colour!r} is not a colour like #3366cc.")
        if self.category_id in session.categories:
            raise DomainError("That category exists already.")
        existing = session.ordered_categories()
        category = Category(id=self.category_id, title=title, colour=self.colour, position=len(existing))
        writes = [(("categories", session.id, category.id), category)]
        if self.index is not None:
            for moved in _reindex([*existing, category], category.id, self.index):
                writes.append((("categories", session.id, moved.id), moved))
        return writes


class EditCategory(Command):
    label = "Edit category"

    def __init__(
        self, session_id: str, category_id: str, *, title: str | None = None, colour: str | None = None
    ) -> None:
        super().__init__()
        self.session_id, self.category_id, self.title, self.colour = session_id, category_id, title, colour
        self.label = "Rename category" if title is not None else "Recolour category"

    def plan(self, ws):
        session = session_of(ws, self.session_id)
        category = require(session, "categories", self.category_id, "category")
        changes = {}
        if self.title is not None:
            changes["title"] = clean_line(self.title, "Category title", required=True, limit=80)
        if self.colour is not None:
            if self.colour and not _COLOUR.match(self.colour):
                raise DomainError(f"{self.colour!r} is not a colour like #3366cc.")
            changes["colour"] = self.colour
        return [(("categories", session.id, category.id), edit(category, **changes))]


class MoveCategory(_Reorder):
    label, table, what = "Reorder categories", "categories", "category"

    def siblings(self, session, entity):
        return session.ordered_categories()


class DeleteCategory(Command):
    """Its cards go back to the tray; undo restores the column and every card in it."""

    label = "Delete category"

    def __init__(self, session_id: str, category_id: str) -> None:
        super().__init__()
        self.session_id, self.category_id = session_id, category_id

    def plan(self, ws):
        from cardwall.commands.wall import tray_end

        session = session_of(ws, self.session_id)
        category = require(session, "categories", self.category_id, "category")
        writes: list[Write] = []
        position = tray_end(session)
        for card in sorted(session.cards.values(), key=lambda c: (c.level_id or "", c.position)):
            if card.category_id == category.id:
                position += 1
                writes.append(
                    (("cards", session.id, card.id), edit(card, category_id=None, level_id=None, position=position))
                )
        writes.append((("categories", session.id, category.id), None))
        rest = [c for c in session.ordered_categories() if c.id != category.id]
        writes += [
            (("categories", session.id, c.id), edit(c, position=i)) for i, c in enumerate(rest) if c.position != i
        ]
        return writes


# --- notes and next steps -------------------------------------------------------------------


class SetStepNote(Command):
    """The notes box of one script step: one note per (step, panel), created on first typing."""

    label = "Edit notes"

    def __init__(self, session_id: str, step: int, text: str, *, topic: str = "", panel_id: str | None = None) -> None:
        super().__init__()
        self.session_id, self.step, self.text, self.topic, self.panel_id = session_id, step, text, topic, panel_id

    def plan(self, ws):
        session = session_of(ws, self.session_id)
        if not 1 <= int(self.step) <= 20:
            raise DomainError("No such script step.")
        text = clean_long_text(self.text, "Notes")
        note_id = f"step{self.step}" + (f"-{self.panel_id}" if self.panel_id else "")
        existing = session.notes.get(note_id)
        key = ("notes", session.id, note_id)
        if not text:
            return [(key, None)] if existing else []
        topic = clean_line(self.topic, "Topic") or (existing.topic if existing else "")
        return [(key, Note(id=note_id, step=int(self.step), text=text, topic=topic, panel_id=self.panel_id))]


class AddNote(Command):
    label = "Add note"

    def __init__(
        self,
        session_id: str,
        *,
        step: int,
        text: str,
        topic: str = "",
        panel_id: str | None = None,
        note_id: str | None = None,
    ) -> None:
        super().__init__()
        self.session_id, self.step, self.text, self.topic, self.panel_id = session_id, step, text, topic, panel_id
        self.note_id = note_id or new_id("n")

    def plan(self, ws):
        session = session_of(ws, self.session_id)
        note = Note(
            id=self.note_id,
            step=int(self.step),
            text=clean_text(self.text, "Note", limit=20_000),
            topic=clean_line(self.topic, "Topic"),
            panel_id=self.panel_id,
        )
        return [(("notes", session.id, note.id), note)]


class DeleteNote(_Delete):
    label, table, what = "Delete note", "notes", "note"


def _clean_next_step(fields: dict) -> dict:
    out = {}
    if "text" in fields:
        out["text"] = clean_text(fields["text"], "Next step")
    if "owner" in fields:
        out["owner"] = clean_line(fields["owner"], "Owner")
    if "due" in fields:
        out["due"] = clean_date(fields["due"], "Due date")
    if "horizon" in fields:
        if fields["horizon"] not in HORIZONS:
            raise DomainError(f"A horizon is one of {', '.join(HORIZONS)}, not {fields['horizon']!r}.")
        out["horizon"] = fields["horizon"]
    return out


class AddNextStep(Command):
    label = "Add next step"

    def __init__(
        self,
        session_id: str,
        *,
        text: str,
        owner: str = "",
        due: str = "",
        horizon: str = "short-term",
        step_id: str | None = None,
    ) -> None:
        super().__init__()
        self.session_id = session_id
        self.fields = dict(text=text, owner=owner, due=due, horizon=horizon)
        self.step_id = step_id or new_id("x")

    def plan(self, ws):
        session = session_of(ws, self.session_id)
        position = max((s.position for s in session.next_steps.values()), default=-1) + 1
        step = NextStep(id=self.step_id, position=position, **_clean_next_step(self.fields))
        return [(("next_steps", session.id, step.id), step)]


class EditNextStep(Command):
    label = "Edit next step"

    def __init__(self, session_id: str, step_id: str, **changes) -> None:
        super().__init__()
        self.session_id, self.step_id, self.changes = session_id, step_id, changes

    def plan(self, ws):
        session = session_of(ws, self.session_id)
        step = require(session, "next_steps", self.step_id, "next step")
        return [(("next_steps", session.id, step.id), edit(step, **_clean_next_step(self.changes)))]


class MoveNextStep(_Reorder):
    """Put a next step at `index` in the list (the order the summary gives them)."""

    label, table, what = "Reorder next steps", "next_steps", "next step"

    def siblings(self, session, entity):
        return session.ordered_next_steps()


class DeleteNextStep(_Delete):
    label, table, what = "Delete next step", "next_steps", "next step"
