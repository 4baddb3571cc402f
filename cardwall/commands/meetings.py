"""Carrying a skill panel into a later meeting: one undoable step that copies its matrix there."""

from __future__ import annotations

from dataclasses import KW_ONLY, dataclass

from cardwall.commands.base import Command, DomainError, Write, next_position, refuse_taken, require, session_of
from cardwall.meetings import carried_into, is_before, meeting_name
from cardwall.model import Function, Panel, Task, TaskDetail
from cardwall.panels import functions_of, tasks_of


@dataclass(eq=False)
class CarryPanel(Command):
    """The panel's functions, tasks and task details (KSAs included) copied into a later skill-panel session.

    The copy starts with no dots, results hidden and round 1: the later meeting's votes are its own. Each
    task remembers the task it came from and the panel its origin, so the meetings can be compared. The
    copy's ids grow from the new panel's id, so the same carry always gives the same ids.
    """

    label = "Carry panel into a later meeting"
    fresh_ids = {"new_panel_id": "P"}

    session_id: str
    panel_id: str
    into_session_id: str
    _: KW_ONLY
    new_panel_id: str | None = None

    def plan(self, ws):
        here = session_of(ws, self.session_id)
        panel: Panel = require(here, "panels", self.panel_id, "skill panel")
        there = ws.sessions.get(self.into_session_id)
        if there is None:
            raise DomainError("That later meeting does not exist (any more).")
        if there.id == here.id:
            raise DomainError("Carry a panel into another meeting: this one already holds it.")
        if there.info.kind != "skill-panel":
            raise DomainError(f"{meeting_name(there.info)} is not a skill-panel session.")
        if not is_before(here.info, there.info):
            raise DomainError(
                f"{meeting_name(there.info)} comes before {meeting_name(here.info)}: carry a panel forward, "
                "into a later meeting."
            )
        if any(s.id == there.id for s, _ in carried_into(ws, here.id, panel.id)):
            raise DomainError(f"{meeting_name(there.info)} already holds this panel.")
        new = self.new_panel_id
        refuse_taken(there, "panels", new, "skill panel")
        copy = Panel(
            id=new,
            occupation=panel.occupation,
            soc_code=panel.soc_code,
            dots_per_participant=panel.dots_per_participant,
            several_dots_per_task=panel.several_dots_per_task,
            revealed=False,  # a new vote starts hidden, as every new panel does
            paths_into=panel.paths_into,
            paths_from=panel.paths_from,
            position=next_position(there.panels.values()),
            origin_session_id=here.id,
            origin_panel_id=panel.id,
        )
        writes: list[Write] = [(("panels", there.id, new), copy)]
        function_ids = {}
        for f in functions_of(here, panel.id):
            function_ids[f.id] = fid = f"{new}-{f.id}"
            refuse_taken(there, "functions", fid, "function")
            writes.append((("functions", there.id, fid), Function(fid, new, f.title, f.position)))
        for t in tasks_of(here, panel.id):
            tid = f"{new}-{t.id}"
            refuse_taken(there, "tasks", tid, "task")
            task = Task(
                id=tid,
                panel_id=new,
                text=t.text,
                function_id=function_ids.get(t.function_id),
                position=t.position,
                source=t.source,
                origin_id=t.id,
            )
            writes.append((("tasks", there.id, tid), task))
            detail = here.task_details.get(t.id)
            if detail is not None:  # the earlier meeting's KSAs are what the later one validates
                kept = TaskDetail(tid, new, detail.minimum, detail.progression, detail.performance, detail.ksas)
                writes.append((("task_details", there.id, tid), kept))
        return writes
