"""Properties of every command sequence: the domain's invariants hold after every command, undo and redo;
undo all gives the start back; save and reload gives the same state."""

from __future__ import annotations

import copy
import tempfile
from pathlib import Path

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from cardwall import commands as c
from cardwall.invariants import problems
from cardwall.model import REASONS, ROLES, Workspace
from storage.workspace import WorkspaceFile

TEXT = st.text(min_size=0, max_size=40)
SID = "s"


def _pick(data, options):
    options = sorted(options)
    return data.draw(st.sampled_from(options)) if options else None


def make_command(data, ws: Workspace):
    """One command a user could issue now, with arguments drawn from what exists."""
    s = ws.sessions[SID]
    card = _pick(data, s.cards)
    category = _pick(data, s.categories)
    level = _pick(data, s.levels)
    task = _pick(data, s.tasks)
    person = _pick(data, s.participants)
    cell = data.draw(st.sampled_from([(None, None), (category, level), (category, None)]))
    if cell[0] is None:
        cell = (None, None)
    choice = data.draw(st.integers(0, 34))
    if choice == 0 or choice > 27:
        return c.AddCard(SID, data.draw(TEXT), category_id=cell[0], level_id=cell[1], author_id=person)
    if choice == 1 and card:
        return c.MoveCards(SID, [card], category_id=cell[0], level_id=cell[1], index=data.draw(st.integers(0, 5)))
    if choice == 2 and card:
        other = _pick(data, s.cards)
        return c.StackCards(SID, [card], onto=other)
    if choice == 3 and card:
        return c.UnstackCard(SID, card)
    if choice == 4 and card:
        return c.DeleteCards(SID, [card])
    if choice == 5 and card:
        reasons = data.draw(st.lists(st.sampled_from(REASONS), max_size=3))
        return c.EditCard(SID, card, text=data.draw(TEXT), reasons=reasons)
    if choice == 6:
        return c.AddCategory(SID, data.draw(TEXT))
    if choice == 7 and category:
        return c.DeleteCategory(SID, category)
    if choice == 8 and category:
        return c.MoveCategory(SID, category, data.draw(st.integers(0, 4)))
    if choice == 9:
        return c.AddLevel(SID, data.draw(TEXT), index=data.draw(st.integers(0, 4)))
    if choice == 10 and level:
        return c.DeleteLevel(SID, level)
    if choice == 11:
        role = data.draw(st.sampled_from(ROLES))
        return c.AddParticipant(SID, name=data.draw(TEXT), organization=data.draw(TEXT), role=role)
    if choice == 12 and person:
        return c.DeleteParticipant(SID, person)
    if choice == 13:
        return c.AddTask(SID, "P", data.draw(TEXT), function_id=_pick(data, s.functions))
    if choice == 14 and task and person:
        return c.CastDot(SID, task, person)
    if choice == 15 and task and person:
        return c.RemoveDot(SID, task, person)
    if choice == 16 and task:
        return c.SetTally(SID, task, data.draw(st.integers(0, 5)))
    if choice == 17 and task:
        return c.DeleteTask(SID, task)
    if choice == 18:
        return c.SetStepNote(SID, data.draw(st.integers(1, 8)), data.draw(TEXT))
    if choice == 19 and task:
        return c.EditTaskDetail(SID, task, minimum=data.draw(TEXT), ksas=[("knowledge", "GD&T")])
    if choice == 20 and person:
        return c.EditParticipant(SID, person, role=data.draw(st.sampled_from(ROLES)))
    if choice == 21:
        return c.EditPanel(
            SID,
            "P",
            dots_per_participant=data.draw(st.integers(0, 5)),
            several_dots_per_task=data.draw(st.booleans()),
            revealed=data.draw(st.booleans()),
        )
    if choice == 22 and task:
        return c.EditPanel(SID, "P", top_added=[task], top_dropped=[_pick(data, s.tasks)])
    if choice == 23 and task:
        return c.MoveTask(SID, task, function_id=_pick(data, s.functions), index=data.draw(st.integers(0, 3)))
    if choice == 24 and s.functions:
        return c.DeleteFunction(SID, _pick(data, s.functions))
    if choice == 25 and card:
        return c.SplitStack(SID, card)
    if choice == 26:
        return c.AddNote(
            SID,
            step=data.draw(st.integers(1, 8)),
            text=data.draw(TEXT),
            panel_id=data.draw(st.sampled_from(["P", None])),
        )
    if choice == 27 and level:
        return c.MoveLevel(SID, level, data.draw(st.integers(0, 4)))
    return c.AddFunction(SID, "P", data.draw(TEXT))


def starting_workspace() -> Workspace:
    ws = Workspace()
    c.AddSession(kind="critical-occupations", title="Wall", session_id=SID).apply(ws)
    c.AddPanel(SID, occupation="Machinist", panel_id="P").apply(ws)
    return ws


@settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(st.data())
def test_undo_in_reverse_order_gives_back_the_start(data):
    ws = starting_workspace()
    start = copy.deepcopy(ws)
    done = []
    for _ in range(data.draw(st.integers(1, 30))):
        command = make_command(data, ws)
        before = copy.deepcopy(ws)
        try:
            command.apply(ws)
        except c.DomainError:
            assert ws == before, "a refused command changed the state"
            continue
        done.append(command)
    for command in reversed(done):
        command.revert(ws)
    assert ws == start


@settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(st.data())
def test_the_invariants_hold_after_every_command_undo_and_redo(data):
    ws = starting_workspace()
    assert problems(ws) == []
    done, states = [], [copy.deepcopy(ws)]
    for _ in range(data.draw(st.integers(1, 30))):
        command = make_command(data, ws)
        try:
            command.apply(ws)
        except c.DomainError:
            continue
        assert problems(ws) == [], f"after {command!r}"
        done.append(command)
        states.append(copy.deepcopy(ws))
    for i, command in reversed(list(enumerate(done))):
        command.revert(ws)
        assert problems(ws) == [], f"after undoing {command!r}"
        assert ws == states[i]
    for i, command in enumerate(done, start=1):
        command.apply(ws)  # redo replays the same plan
        assert problems(ws) == [], f"after redoing {command!r}"
        assert ws == states[i]


@settings(max_examples=25, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(st.data())
def test_saved_and_reloaded_gives_the_same_state(data):
    with tempfile.TemporaryDirectory() as tmp:
        path = Path(tmp) / "w.cardwall"
        with WorkspaceFile.open(path) as wf:
            wf.execute(c.AddSession(kind="critical-occupations", title="Wall", session_id=SID))
            wf.execute(c.AddPanel(SID, occupation="Machinist", panel_id="P"))
            done = []
            for _ in range(data.draw(st.integers(1, 25))):
                command = make_command(data, wf.ws)
                try:
                    wf.execute(command)
                except c.DomainError:
                    continue
                done.append(command)
            # Undo half of them through storage too: the file follows undo as well as do.
            for command in reversed(done[len(done) // 2 :]):
                wf.undo(command)
            expected = copy.deepcopy(wf.ws)
        with WorkspaceFile.open(path, readonly=True) as again:
            assert again.ws == expected
