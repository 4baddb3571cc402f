"""Commands on skill panels: the panel and its settings, functions, tasks, task details."""

from __future__ import annotations

from dataclasses import KW_ONLY, dataclass

from cardwall.commands.base import (
    Command,
    DomainError,
    Edit,
    Reorder,
    Write,
    clean_fields,
    clean_line,
    clean_text,
    closed_up,
    edit,
    next_position,
    position_between,
    refuse_taken,
    require,
    session_of,
)
from cardwall.model import ROUNDS, Function, Panel, Session, Task
from cardwall.panels import functions_of, tasks_of


def _panel(session, panel_id: str) -> Panel:
    return require(session, "panels", panel_id, "skill panel")


def _dots(value) -> int:
    if isinstance(value, bool) or not isinstance(value, int) or not 1 <= value <= 20:
        raise DomainError("Each participant gets between 1 and 20 dots.")
    return value


def _voting_round(value) -> int:
    if value not in ROUNDS or isinstance(value, bool):
        raise DomainError("Voting happens in round 1 (hiring authorities) or 2 (employees).")
    return value


def _paths(values) -> tuple[str, ...]:
    if isinstance(values, str):
        raise DomainError("Paths are a list of lines.")
    return tuple(p for p in (clean_line(x, "Path") for x in values) if p)


def _origin(value) -> str | None:
    """An earlier meeting's id: kept as given, even when that meeting is in another workspace."""
    if value is None or value == "":
        return None
    if not isinstance(value, str):
        raise DomainError("An earlier meeting is named by its id.")
    return clean_line(value, "Earlier meeting", limit=200) or None


def clean_panel_fields(session: Session, panel_id: str, fields: dict) -> dict:
    """Validate a panel's settings; the rules of a panel live here."""

    def own_tasks(values) -> tuple[str, ...]:
        ids = tuple(dict.fromkeys(values))
        stray = [t for t in ids if t not in session.tasks or session.tasks[t].panel_id != panel_id]
        if stray:
            raise DomainError(f"No task of this panel has the id {stray[0]!r}.")
        return ids

    def source_card(value):
        if value is not None and value not in session.cards:
            raise DomainError(f"No card of this session has the id {value!r}.")
        return value

    rules = {
        "occupation": lambda v: clean_line(v, "Occupation", required=True),
        "soc_code": lambda v: clean_line(v, "SOC code", limit=7),
        "dots_per_participant": _dots,
        "voting_round": _voting_round,
        "paths_into": _paths,
        "paths_from": _paths,
        "top_added": own_tasks,
        "top_dropped": own_tasks,
        "source_card_id": source_card,
        "revealed": bool,
        "several_dots_per_task": bool,
        "origin_session_id": _origin,
        "origin_panel_id": _origin,
    }
    return clean_fields(fields, rules)


@dataclass(eq=False)
class AddPanel(Command):
    """A new skill panel. Its votes start hidden: the room sees totals when the facilitator reveals them."""

    label = "New skill panel"
    fresh_ids = {"panel_id": "P"}

    session_id: str
    _: KW_ONLY
    occupation: str
    soc_code: str = ""
    dots_per_participant: int = 3
    source_card_id: str | None = None
    panel_id: str | None = None

    def plan(self, ws):
        session = session_of(ws, self.session_id)
        refuse_taken(session, "panels", self.panel_id, "skill panel")
        fields = dict(
            occupation=self.occupation,
            soc_code=self.soc_code,
            dots_per_participant=self.dots_per_participant,
            source_card_id=self.source_card_id,
        )
        fields = clean_panel_fields(session, self.panel_id, fields)
        panel = Panel(id=self.panel_id, position=next_position(session.panels.values()), revealed=False, **fields)
        return [(("panels", session.id, panel.id), panel)]


@dataclass(eq=False, init=False)
class EditPanel(Edit):
    """Panel settings: occupation, SOC code, dot budget, reveal, round, top-task picks, paths."""

    label = "Edit skill panel"

    session_id: str
    panel_id: str

    def __post_init__(self) -> None:
        if set(self.changes) == {"revealed"}:
            self.label = "Reveal votes" if self.changes["revealed"] else "Hide votes"

    def plan(self, ws):
        session = session_of(ws, self.session_id)
        panel = _panel(session, self.panel_id)
        changes = clean_panel_fields(session, panel.id, self.changes)
        if "dots_per_participant" in changes:
            most = max(
                (
                    sum(
                        v.dots
                        for v in session.votes.values()
                        if v.panel_id == panel.id and v.participant_id == pid and v.round == r
                    )
                    for pid in session.participants
                    for r in ROUNDS
                ),
                default=0,
            )
            if changes["dots_per_participant"] < most:
                raise DomainError(
                    f"Someone has already placed {most} dots; the budget cannot go below that.",
                    field="dots_per_participant",
                )
        if changes.get("several_dots_per_task") is False:
            doubled = [v for v in session.votes.values() if v.panel_id == panel.id and v.participant_id and v.dots > 1]
            if doubled:
                raise DomainError(
                    "Someone has several dots on one task; take them back before allowing one dot per task.",
                    field="several_dots_per_task",
                )
        return [(("panels", session.id, panel.id), edit(panel, **changes))]


@dataclass(eq=False)
class DeletePanel(Command):
    label = "Delete skill panel"

    session_id: str
    panel_id: str

    def plan(self, ws):
        session = session_of(ws, self.session_id)
        panel = _panel(session, self.panel_id)
        writes: list[Write] = []
        for table in ("votes", "task_details", "tasks", "functions", "notes"):
            writes += [
                ((table, session.id, e.id), None)
                for e in session.table(table).values()
                if getattr(e, "panel_id", None) == panel.id
            ]
        writes.append((("panels", session.id, panel.id), None))
        return writes


@dataclass(eq=False)
class AddFunction(Command):
    label = "Add function"
    fresh_ids = {"function_id": "f"}

    session_id: str
    panel_id: str
    title: str
    _: KW_ONLY
    function_id: str | None = None

    def plan(self, ws):
        session = session_of(ws, self.session_id)
        panel = _panel(session, self.panel_id)
        refuse_taken(session, "functions", self.function_id, "function")
        title = clean_line(self.title, "Function title", required=True)
        position = len(functions_of(session, panel.id))
        function = Function(id=self.function_id, panel_id=panel.id, title=title, position=position)
        return [(("functions", session.id, function.id), function)]


@dataclass(eq=False)
class RenameFunction(Command):
    label = "Rename function"

    session_id: str
    function_id: str
    title: str

    def plan(self, ws):
        session = session_of(ws, self.session_id)
        function = require(session, "functions", self.function_id, "function")
        title = clean_line(self.title, "Function title", required=True)
        return [(("functions", session.id, function.id), edit(function, title=title))]


class MoveFunction(Reorder):
    label, table, what = "Reorder functions", "functions", "function"

    def siblings(self, session, entity):
        return functions_of(session, entity.panel_id)


@dataclass(eq=False)
class DeleteFunction(Command):
    """Its tasks go to "unassigned" with their votes intact; undo puts them back."""

    label = "Delete function"

    session_id: str
    function_id: str

    def plan(self, ws):
        session = session_of(ws, self.session_id)
        function = require(session, "functions", self.function_id, "function")
        end = max((t.position for t in tasks_of(session, function.panel_id, None)), default=0.0)
        writes: list[Write] = []
        for i, task in enumerate(tasks_of(session, function.panel_id, function.id), start=1):
            writes.append((("tasks", session.id, task.id), edit(task, function_id=None, position=end + i)))
        writes.append((("functions", session.id, function.id), None))
        return writes + closed_up(functions_of(session, function.panel_id), function.id, "functions", session.id)


@dataclass(eq=False)
class AddTask(Command):
    label = "Add task"
    fresh_ids = {"task_id": "t"}

    session_id: str
    panel_id: str
    text: str
    _: KW_ONLY
    function_id: str | None = None
    added_in_room: bool = False
    source: str = ""
    origin_id: str | None = None
    task_id: str | None = None

    def plan(self, ws):
        session = session_of(ws, self.session_id)
        panel = _panel(session, self.panel_id)
        refuse_taken(session, "tasks", self.task_id, "task")
        if self.function_id is not None:
            function = require(session, "functions", self.function_id, "function")
            if function.panel_id != panel.id:
                raise DomainError("That function belongs to another panel.")
        end = max((t.position for t in tasks_of(session, panel.id, self.function_id)), default=0.0)
        task = Task(
            id=self.task_id,
            panel_id=panel.id,
            text=clean_text(self.text, "Task"),
            function_id=self.function_id,
            position=end + 1,
            added_in_room=bool(self.added_in_room),
            source=clean_line(self.source, "Task source", limit=40),
            origin_id=_origin(self.origin_id),
        )
        return [(("tasks", session.id, task.id), task)]


@dataclass(eq=False)
class EditTask(Command):
    label = "Edit task"

    session_id: str
    task_id: str
    text: str

    def plan(self, ws):
        session = session_of(ws, self.session_id)
        task = require(session, "tasks", self.task_id, "task")
        return [(("tasks", session.id, task.id), edit(task, text=clean_text(self.text, "Task")))]


@dataclass(eq=False)
class MoveTask(Command):
    """A task to a function (None: unassigned), before the task at `index` there."""

    label = "Move task"

    session_id: str
    task_id: str
    _: KW_ONLY
    function_id: str | None
    index: int | None = None

    def plan(self, ws):
        session = session_of(ws, self.session_id)
        task = require(session, "tasks", self.task_id, "task")
        if self.function_id is not None:
            function = require(session, "functions", self.function_id, "function")
            if function.panel_id != task.panel_id:
                raise DomainError("That function belongs to another panel.")
        column = [t for t in tasks_of(session, task.panel_id, self.function_id) if t.id != task.id]
        index = len(column) if self.index is None else max(0, min(self.index, len(column)))
        before = column[index - 1].position if index > 0 else None
        after = column[index].position if index < len(column) else None
        position = position_between(before, after)
        writes: list[Write] = []
        if position is None:
            for i, t in enumerate(column):
                writes.append((("tasks", session.id, t.id), edit(t, position=float(i + (2 if i >= index else 1)))))
            position = float(index + 1)
        writes.append((("tasks", session.id, task.id), edit(task, function_id=self.function_id, position=position)))
        return writes


@dataclass(eq=False)
class DeleteTask(Command):
    """The task, its dots and its details; undo restores all three."""

    label = "Delete task"

    session_id: str
    task_id: str

    def plan(self, ws):
        session = session_of(ws, self.session_id)
        task = require(session, "tasks", self.task_id, "task")
        writes: list[Write] = [
            (("votes", session.id, v.id), None) for v in session.votes.values() if v.task_id == task.id
        ]
        if task.id in session.task_details:
            writes.append((("task_details", session.id, task.id), None))
        panel = session.panels[task.panel_id]
        if task.id in panel.top_added or task.id in panel.top_dropped:
            writes.append(
                (
                    ("panels", session.id, panel.id),
                    edit(
                        panel,
                        top_added=tuple(x for x in panel.top_added if x != task.id),
                        top_dropped=tuple(x for x in panel.top_dropped if x != task.id),
                    ),
                )
            )
        writes.append((("tasks", session.id, task.id), None))
        return writes
