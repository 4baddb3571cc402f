"""Commands on skill panels: functions, tasks, dots, tallies, task details and paths."""

from __future__ import annotations

from cardwall import voting
from cardwall.commands.base import (
    Command,
    DomainError,
    Write,
    clean_line,
    clean_long_text,
    clean_text,
    edit,
    new_id,
    position_between,
    require,
)
from cardwall.commands.session import _Reorder, session_of
from cardwall.model import KSA_KINDS, ROUNDS, Function, Ksa, Panel, Task, TaskDetail, Vote
from cardwall.panels import functions_of, tasks_of, vote_id


def _panel(session, panel_id: str) -> Panel:
    return require(session, "panels", panel_id, "skill panel")


class AddPanel(Command):
    label = "New skill panel"

    def __init__(
        self,
        session_id: str,
        *,
        occupation: str,
        soc_code: str = "",
        dots_per_participant: int = 3,
        source_card_id: str | None = None,
        panel_id: str | None = None,
    ) -> None:
        super().__init__()
        self.session_id = session_id
        self.panel_id = panel_id or new_id("P")
        self.fields = dict(
            occupation=occupation,
            soc_code=soc_code,
            dots_per_participant=dots_per_participant,
            source_card_id=source_card_id,
        )

    def plan(self, ws):
        session = session_of(ws, self.session_id)
        if self.panel_id in session.panels:
            raise DomainError("That panel exists already.")
        position = max((p.position for p in session.panels.values()), default=-1) + 1
        panel = Panel(id=self.panel_id, position=position, **_clean_panel(self.fields))
        return [(("panels", session.id, panel.id), panel)]


def _clean_panel(fields: dict) -> dict:
    out = dict(fields)
    if "occupation" in out:
        out["occupation"] = clean_line(out["occupation"], "Occupation", required=True)
    if "soc_code" in out:
        out["soc_code"] = clean_line(out["soc_code"], "SOC code", limit=7)
    if "dots_per_participant" in out:
        dots = out["dots_per_participant"]
        if not isinstance(dots, int) or not 1 <= dots <= 20:
            raise DomainError("Each participant gets between 1 and 20 dots.")
    if "voting_round" in out and out["voting_round"] not in ROUNDS:
        raise DomainError("Voting happens in round 1 (hiring authorities) or 2 (employees).")
    for name in ("paths_into", "paths_from"):
        if name in out:
            out[name] = tuple(p for p in (clean_line(x, "Path") for x in out[name]) if p)
    for name in ("top_added", "top_dropped"):
        if name in out:
            out[name] = tuple(dict.fromkeys(out[name]))
    return out


class EditPanel(Command):
    """Panel settings: occupation, SOC code, dot budget, reveal, round, top-task picks, paths."""

    label = "Edit skill panel"

    def __init__(self, session_id: str, panel_id: str, **changes) -> None:
        super().__init__()
        self.session_id, self.panel_id, self.changes = session_id, panel_id, changes
        if set(changes) == {"revealed"}:
            self.label = "Reveal votes" if changes["revealed"] else "Hide votes"

    def plan(self, ws):
        session = session_of(ws, self.session_id)
        panel = _panel(session, self.panel_id)
        changes = _clean_panel(self.changes)
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
                raise DomainError(f"Someone has already placed {most} dots; the budget cannot go below that.")
        return [(("panels", session.id, panel.id), edit(panel, **changes))]


class DeletePanel(Command):
    label = "Delete skill panel"

    def __init__(self, session_id: str, panel_id: str) -> None:
        super().__init__()
        self.session_id, self.panel_id = session_id, panel_id

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


class AddFunction(Command):
    label = "Add function"

    def __init__(self, session_id: str, panel_id: str, title: str, *, function_id: str | None = None) -> None:
        super().__init__()
        self.session_id, self.panel_id, self.title = session_id, panel_id, title
        self.function_id = function_id or new_id("f")

    def plan(self, ws):
        session = session_of(ws, self.session_id)
        panel = _panel(session, self.panel_id)
        if self.function_id in session.functions:
            raise DomainError("That function exists already.")
        title = clean_line(self.title, "Function title", required=True)
        position = len(functions_of(session, panel.id))
        function = Function(id=self.function_id, panel_id=panel.id, title=title, position=position)
        return [(("functions", session.id, function.id), function)]


class RenameFunction(Command):
    label = "Rename function"

    def __init__(self, session_id: str, function_id: str, title: str) -> None:
        super().__init__()
        self.session_id, self.function_id, self.title = session_id, function_id, title

    def plan(self, ws):
        session = session_of(ws, self.session_id)
        function = require(session, "functions", self.function_id, "function")
        title = clean_line(self.title, "Function title", required=True)
        return [(("functions", session.id, function.id), edit(function, title=title))]


class MoveFunction(_Reorder):
    label, table, what = "Reorder functions", "functions", "function"

    def siblings(self, session, entity):
        return functions_of(session, entity.panel_id)


class DeleteFunction(Command):
    """Its tasks go to "unassigned" with their votes intact; undo puts them back."""

    label = "Delete function"

    def __init__(self, session_id: str, function_id: str) -> None:
        super().__init__()
        self.session_id, self.function_id = session_id, function_id

    def plan(self, ws):
        session = session_of(ws, self.session_id)
        function = require(session, "functions", self.function_id, "function")
        end = max((t.position for t in tasks_of(session, function.panel_id, None)), default=0.0)
        writes: list[Write] = []
        for i, task in enumerate(tasks_of(session, function.panel_id, function.id), start=1):
            writes.append((("tasks", session.id, task.id), edit(task, function_id=None, position=end + i)))
        writes.append((("functions", session.id, function.id), None))
        rest = [f for f in functions_of(session, function.panel_id) if f.id != function.id]
        writes += [
            (("functions", session.id, f.id), edit(f, position=i)) for i, f in enumerate(rest) if f.position != i
        ]
        return writes


class AddTask(Command):
    label = "Add task"

    def __init__(
        self,
        session_id: str,
        panel_id: str,
        text: str,
        *,
        function_id: str | None = None,
        added_in_room: bool = False,
        source: str = "",
        task_id: str | None = None,
    ) -> None:
        super().__init__()
        self.session_id, self.panel_id, self.text = session_id, panel_id, text
        self.function_id, self.added_in_room, self.source = function_id, added_in_room, source
        self.task_id = task_id or new_id("t")

    def plan(self, ws):
        session = session_of(ws, self.session_id)
        panel = _panel(session, self.panel_id)
        if self.task_id in session.tasks:
            raise DomainError("That task exists already.")
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
            added_in_room=self.added_in_room,
            source=self.source,
        )
        return [(("tasks", session.id, task.id), task)]


class EditTask(Command):
    label = "Edit task"

    def __init__(self, session_id: str, task_id: str, text: str) -> None:
        super().__init__()
        self.session_id, self.task_id, self.text = session_id, task_id, text

    def plan(self, ws):
        session = session_of(ws, self.session_id)
        task = require(session, "tasks", self.task_id, "task")
        return [(("tasks", session.id, task.id), edit(task, text=clean_text(self.text, "Task")))]


class MoveTask(Command):
    """A task to a function (None: unassigned), before the task at `index` there."""

    label = "Move task"

    def __init__(self, session_id: str, task_id: str, *, function_id: str | None, index: int | None = None) -> None:
        super().__init__()
        self.session_id, self.task_id, self.function_id, self.index = session_id, task_id, function_id, index

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


class DeleteTask(Command):
    """The task, its dots and its details; undo restores all three."""

    label = "Delete task"

    def __init__(self, session_id: str, task_id: str) -> None:
        super().__init__()
        self.session_id, self.task_id = session_id, task_id

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


# --- dots --------------------------------------------------------------------------------


class CastDot(Command):
    """One participant puts one dot on a task, within their budget."""

    label = "Place dot"

    def __init__(self, session_id: str, task_id: str, participant_id: str, *, round: int | None = None) -> None:
        super().__init__()
        self.session_id, self.task_id, self.participant_id, self.round = session_id, task_id, participant_id, round

    def plan(self, ws):
        session = session_of(ws, self.session_id)
        task = require(session, "tasks", self.task_id, "task")
        person = require(session, "participants", self.participant_id, "participant")
        panel = session.panels[task.panel_id]
        round_ = self.round or panel.voting_round
        if round_ not in ROUNDS:
            raise DomainError("Voting happens in round 1 or 2.")
        if (why := voting.refusal(session, panel, person, round_)) is not None:
            raise DomainError(why)
        vid = vote_id(task.id, person.id, round_)
        existing = session.votes.get(vid)
        if existing and not panel.several_dots_per_task:
            raise DomainError(f"{person.name} already has a dot on this task (one dot per task).")
        vote = (
            edit(existing, dots=existing.dots + 1)
            if existing
            else Vote(id=vid, panel_id=panel.id, task_id=task.id, participant_id=person.id, dots=1, round=round_)
        )
        return [(("votes", session.id, vid), vote)]


class RemoveDot(Command):
    label = "Take dot back"

    def __init__(self, session_id: str, task_id: str, participant_id: str, *, round: int | None = None) -> None:
        super().__init__()
        self.session_id, self.task_id, self.participant_id, self.round = session_id, task_id, participant_id, round

    def plan(self, ws):
        session = session_of(ws, self.session_id)
        task = require(session, "tasks", self.task_id, "task")
        panel = session.panels[task.panel_id]
        vid = vote_id(task.id, self.participant_id, self.round or panel.voting_round)
        vote = session.votes.get(vid)
        if vote is None:
            raise DomainError("There is no dot of theirs on this task.")
        return [(("votes", session.id, vid), edit(vote, dots=vote.dots - 1) if vote.dots > 1 else None)]


class SetTally(Command):
    """The count of physical dots on a task, typed by the note-taker (not tied to anyone)."""

    label = "Enter dot count"

    def __init__(self, session_id: str, task_id: str, dots: int, *, round: int | None = None) -> None:
        super().__init__()
        self.session_id, self.task_id, self.dots, self.round = session_id, task_id, dots, round

    def plan(self, ws):
        session = session_of(ws, self.session_id)
        task = require(session, "tasks", self.task_id, "task")
        panel = session.panels[task.panel_id]
        if not isinstance(self.dots, int) or not 0 <= self.dots <= 999:
            raise DomainError("A dot count is a whole number from 0 to 999.")
        round_ = self.round or panel.voting_round
        vid = vote_id(task.id, None, round_)
        if self.dots == 0:
            return [(("votes", session.id, vid), None)] if vid in session.votes else []
        return [
            (
                ("votes", session.id, vid),
                Vote(id=vid, panel_id=panel.id, task_id=task.id, participant_id=None, dots=self.dots, round=round_),
            )
        ]


# --- after the vote ----------------------------------------------------------------------


def clean_ksas(ksas) -> tuple[Ksa, ...]:
    out = []
    for ksa in ksas:
        kind, text = (ksa.kind, ksa.text) if isinstance(ksa, Ksa) else ksa
        if kind not in KSA_KINDS:
            raise DomainError(f"A KSA is knowledge, skill or ability, not {kind!r}.")
        out.append(Ksa(kind=kind, text=clean_text(text, "KSA")))
    return tuple(out)


class EditTaskDetail(Command):
    """What the minimum looks like, the mid-level progression, good performance, the KSAs."""

    label = "Edit task details"

    def __init__(self, session_id: str, task_id: str, **changes) -> None:
        super().__init__()
        self.session_id, self.task_id, self.changes = session_id, task_id, changes

    def plan(self, ws):
        session = session_of(ws, self.session_id)
        task = require(session, "tasks", self.task_id, "task")
        detail = session.task_details.get(task.id) or TaskDetail(id=task.id, panel_id=task.panel_id)
        changes = {}
        for name in ("minimum", "progression", "performance"):
            if name in self.changes:
                changes[name] = clean_long_text(self.changes[name], name.capitalize())
        if "ksas" in self.changes:
            changes["ksas"] = clean_ksas(self.changes["ksas"])
        detail = edit(detail, **changes)
        empty = not (detail.minimum or detail.progression or detail.performance or detail.ksas)
        key = ("task_details", session.id, task.id)
        if empty:
            return [(key, None)] if task.id in session.task_details else []
        return [(key, detail)]


def parse_ksa_line(line: str) -> Ksa:
    """'k: blueprint reading', 's: ...', 'a: ...' (or the full word) as one KSA; plain text is a skill."""
    head, sep, rest = line.partition(":")
    kinds = {"k": "knowledge", "s": "skill", "a": "ability"}
    key = head.strip().casefold()
    if sep and (key in kinds or key in KSA_KINDS):
        return Ksa(kind=kinds.get(key, key), text=clean_text(rest, "KSA"))
    return Ksa(kind="skill", text=clean_text(line, "KSA"))
