"""Commands as a facilitator would use them: each changes what it says, refuses clearly, undoes exactly."""

from __future__ import annotations

import copy

import pytest

from cardwall.commands import (
    AddCard,
    AddCategory,
    AddFunction,
    AddLevel,
    AddPanel,
    AddParticipant,
    AddSession,
    AddTask,
    Batch,
    CastDot,
    DeleteCards,
    DeleteCategory,
    DeleteLevel,
    DeleteParticipant,
    DeleteTask,
    DomainError,
    EditCard,
    EditPanel,
    EditTaskDetail,
    MoveCards,
    MoveCategory,
    RemoveDot,
    SetTally,
    SplitStack,
    StackCards,
    UnstackCard,
    parse_ksa_line,
)
from cardwall.model import Workspace
from cardwall.panels import dots_left, ranking, task_labels, top_tasks
from cardwall.wall import critical_occupations, stack_members


def run(ws, command):
    command.apply(ws)
    return command


@pytest.fixture
def room():
    """A wall with two categories, three levels, two employers."""
    ws = Workspace()
    s = run(ws, AddSession(kind="critical-occupations", title="Wall", session_id="s")).session_id
    run(ws, AddCategory(s, "Production", category_id="prod"))
    run(ws, AddCategory(s, "Maintenance", category_id="maint"))
    run(ws, AddParticipant(s, name="Ana", organization="Acme", participant_id="ana"))
    run(ws, AddParticipant(s, name="Bo", organization="Bolt Co", participant_id="bo"))
    return ws, ws.sessions[s]


def snapshot(ws):
    return copy.deepcopy((ws.partnership, {k: vars(v) for k, v in ws.sessions.items()}))


def test_new_session_has_entry_mid_advanced_bottom_to_top(room):
    _, s = room
    assert [lv.name for lv in s.ordered_levels()] == ["Entry", "Mid", "Advanced"]


def test_card_lands_in_tray_then_moves_into_a_cell(room):
    ws, s = room
    add = run(ws, AddCard(s.id, "  CNC machinist  ", author_id="ana"))
    card = s.cards[add.card_id]
    assert card.text == "CNC machinist" and card.category_id is None
    entry = s.level_by_name("Entry").id
    move = MoveCards(s.id, [card.id], category_id="prod", level_id=entry)
    move.apply(ws)
    assert s.cards[card.id].category_id == "prod" and s.cards[card.id].level_id == entry
    move.revert(ws)
    assert s.cards[card.id].category_id is None


def test_refusals_change_nothing(room):
    ws, s = room
    before = snapshot(ws)
    for bad in (
        AddCard(s.id, "   "),
        AddCard(s.id, "x" * 501),
        AddCard(s.id, "Welder", category_id="nope"),
        AddCard(s.id, "Welder", author_id="ghost"),
        EditCard(s.id, "missing", text="x"),
        EditCard(s.id, "missing", reasons=["because"]),
        AddCategory(s.id, ""),
        AddLevel(s.id, "Entry"),
    ):
        with pytest.raises(DomainError):
            bad.apply(ws)
    assert snapshot(ws) == before


def test_messages_say_what_is_wrong(room):
    ws, s = room
    with pytest.raises(DomainError, match="empty"):
        AddCard(s.id, "").apply(ws)
    with pytest.raises(DomainError, match="limit is 500"):
        AddCard(s.id, "y" * 600).apply(ws)


def test_order_in_a_cell_follows_the_drop_index(room):
    ws, s = room
    entry = s.level_by_name("Entry").id
    ids = [run(ws, AddCard(s.id, t, category_id="prod", level_id=entry)).card_id for t in "ABC"]
    run(ws, MoveCards(s.id, [ids[2]], category_id="prod", level_id=entry, index=0))
    assert [c.text for c in s.cards_in("prod", entry)] == ["C", "A", "B"]
    run(ws, MoveCards(s.id, [ids[2]], category_id="prod", level_id=entry, index=2))
    assert [c.text for c in s.cards_in("prod", entry)] == ["A", "B", "C"]


def test_many_moves_into_one_gap_renumber_instead_of_running_out(room):
    ws, s = room
    entry = s.level_by_name("Entry").id
    a = run(ws, AddCard(s.id, "A", category_id="prod", level_id=entry)).card_id
    run(ws, AddCard(s.id, "B", category_id="prod", level_id=entry))
    for i in range(80):
        c = run(ws, AddCard(s.id, f"n{i}")).card_id
        run(ws, MoveCards(s.id, [c], category_id="prod", level_id=entry, index=1))
    order = [c.text for c in s.cards_in("prod", entry)]
    assert order[0] == "A" and order[-1] == "B" and order[1] == "n79" and len(set(order)) == 82
    assert s.cards[a].position < min(c.position for c in s.cards.values() if c.text != "A")


def test_stack_counts_employers_and_moves_as_one(room):
    ws, s = room
    mid = s.level_by_name("Mid").id
    a = run(ws, AddCard(s.id, "Welder", author_id="ana", category_id="prod", level_id=mid)).card_id
    b = run(ws, AddCard(s.id, "welder", author_id="bo")).card_id
    run(ws, StackCards(s.id, [b], onto=a))
    assert [c.id for c in stack_members(s, s.cards[a])] == [a, b]
    assert s.cards[b].category_id == "prod" and s.cards[b].level_id == mid
    (occupation,) = critical_occupations(s)
    assert occupation.employers == 2 and occupation.organizations == ("Acme", "Bolt Co")
    adv = s.level_by_name("Advanced").id
    run(ws, MoveCards(s.id, [a], category_id="maint", level_id=adv))
    assert {s.cards[a].category_id, s.cards[b].category_id} == {"maint"}
    assert s.cards[b].level_id == adv


def test_unstack_root_promotes_the_next_card(room):
    ws, s = room
    a, b, c = (run(ws, AddCard(s.id, "Welder", category_id="prod", level_id="L1")).card_id for _ in range(3))
    run(ws, StackCards(s.id, [b, c], onto=a))
    run(ws, UnstackCard(s.id, a))
    assert s.cards[a].stack_id is None and s.cards[b].stack_id is None and s.cards[c].stack_id == b
    run(ws, SplitStack(s.id, b))
    assert all(card.stack_id is None for card in s.cards.values())


def test_deleting_a_category_sends_its_cards_to_the_tray_and_undo_restores(room):
    ws, s = room
    entry = s.level_by_name("Entry").id
    ids = [run(ws, AddCard(s.id, t, category_id="prod", level_id=entry)).card_id for t in ("A", "B")]
    before = snapshot(ws)
    delete = run(ws, DeleteCategory(s.id, "prod"))
    assert "prod" not in s.categories
    assert all(s.cards[i].category_id is None and s.cards[i].level_id is None for i in ids)
    delete.revert(ws)
    assert snapshot(ws) == before


def test_deleting_a_level_and_a_participant_undo_all(room):
    ws, s = room
    card = run(ws, AddCard(s.id, "A", category_id="prod", level_id="L2", author_id="ana")).card_id
    before = snapshot(ws)
    d1 = run(ws, DeleteLevel(s.id, "L2"))
    d2 = run(ws, DeleteParticipant(s.id, "ana"))
    assert s.cards[card].category_id is None and s.cards[card].author_id is None
    assert [lv.position for lv in s.ordered_levels()] == [0, 1]
    d2.revert(ws)
    d1.revert(ws)
    assert snapshot(ws) == before


def test_delete_root_of_pile_keeps_the_others(room):
    ws, s = room
    a, b = (run(ws, AddCard(s.id, "Welder", category_id="prod", level_id="L1")).card_id for _ in range(2))
    run(ws, StackCards(s.id, [b], onto=a))
    run(ws, DeleteCards(s.id, [a]))
    assert a not in s.cards and s.cards[b].stack_id is None


def test_reorder_categories(room):
    ws, s = room
    run(ws, MoveCategory(s.id, "maint", 0))
    assert [c.id for c in s.ordered_categories()] == ["maint", "prod"]


def test_batch_is_one_step(room):
    ws, s = room
    before = snapshot(ws)
    batch = run(ws, Batch("Paste 3 cards", [AddCard(s.id, t) for t in ("A", "B", "C")]))
    assert len(s.cards) == 3
    batch.revert(ws)
    assert snapshot(ws) == before
    batch.apply(ws)  # redo gives the same ids
    assert {c.id for c in s.cards.values()} == {c.card_id for c in batch.commands}


def test_a_refused_part_refuses_the_whole_batch(room):
    ws, s = room
    before = snapshot(ws)
    with pytest.raises(DomainError):
        Batch("Paste", [AddCard(s.id, "A"), AddCard(s.id, "")]).apply(ws)
    assert snapshot(ws) == before


# --- skill panels -----------------------------------------------------------------------


@pytest.fixture
def panel():
    ws = Workspace()
    s = run(ws, AddSession(kind="skill-panel", title="Panel", session_id="s")).session_id
    for pid in ("p1", "p2"):
        run(ws, AddParticipant(s, name=pid.upper(), role="hiring-authority", participant_id=pid))
    run(ws, AddPanel(s, occupation="Tool and die maker", soc_code="51-4111", panel_id="P"))
    run(ws, AddFunction(s, "P", "Design", function_id="fa"))
    run(ws, AddFunction(s, "P", "Fabrication", function_id="fb"))
    for tid, fid in (("t1", "fa"), ("t2", "fa"), ("t3", "fb"), ("t4", "fb")):
        run(ws, AddTask(s, "P", f"Task {tid}", function_id=fid, task_id=tid))
    return ws, ws.sessions[s]


def test_dacum_labels(panel):
    _, s = panel
    assert task_labels(s, "P") == {"t1": "A-1", "t2": "A-2", "t3": "B-1", "t4": "B-2"}


def test_dot_budget_and_one_dot_per_task(panel):
    ws, s = panel
    for tid in ("t1", "t2", "t3"):
        run(ws, CastDot(s.id, tid, "p1"))
    assert dots_left(s, s.panels["P"], "p1", 1) == 0
    with pytest.raises(DomainError, match="used all 3 dots"):
        CastDot(s.id, "t4", "p1").apply(ws)
    run(ws, CastDot(s.id, "t1", "p2"))
    with pytest.raises(DomainError, match="one dot per task"):
        CastDot(s.id, "t1", "p2").apply(ws)
    run(ws, RemoveDot(s.id, "t1", "p1"))
    assert dots_left(s, s.panels["P"], "p1", 1) == 1


def test_several_dots_per_task_when_the_panel_allows(panel):
    ws, s = panel
    run(ws, EditPanel(s.id, "P", several_dots_per_task=True))
    run(ws, CastDot(s.id, "t1", "p1"))
    run(ws, CastDot(s.id, "t1", "p1"))
    assert s.votes["t1|p1|1"].dots == 2


def test_ranking_shows_ties_and_tallies_count(panel):
    ws, s = panel
    run(ws, CastDot(s.id, "t1", "p1"))
    run(ws, CastDot(s.id, "t2", "p1"))
    run(ws, SetTally(s.id, "t3", 2))
    ranked = ranking(s, "P")
    assert [(r.label, r.dots, r.rank, r.tied) for r in ranked] == [
        ("B-1", 2, 1, False),
        ("A-1", 1, 2, True),
        ("A-2", 1, 2, True),
    ]
    run(ws, EditPanel(s.id, "P", top_dropped=("t2",), top_added=("t4",)))
    assert [t.id for t in top_tasks(s, s.panels["P"])] == ["t3", "t1", "t4"]


def test_rounds_are_counted_apart(panel):
    ws, s = panel
    run(ws, AddParticipant(s.id, name="E1", role="employee", participant_id="e1"))
    run(ws, CastDot(s.id, "t1", "p1", round=1))
    run(ws, CastDot(s.id, "t1", "e1", round=2))  # round 2 is the high performers' (cardwall/panels.py ROUND_ROLES)
    assert [r.dots for r in ranking(s, "P", round=1)] == [1]
    assert [r.dots for r in ranking(s, "P")] == [2]


def test_deleting_a_task_with_votes_and_details_undoes_all(panel):
    ws, s = panel
    run(ws, CastDot(s.id, "t1", "p1"))
    run(ws, EditTaskDetail(s.id, "t1", minimum="Reads a print", ksas=[parse_ksa_line("k: GD&T")]))
    before = snapshot(ws)
    delete = run(ws, DeleteTask(s.id, "t1"))
    assert "t1" not in s.tasks and not s.votes and not s.task_details
    delete.revert(ws)
    assert snapshot(ws) == before


def test_ksa_lines():
    assert parse_ksa_line("k: Blueprint reading").kind == "knowledge"
    assert parse_ksa_line("ability: steady hands").kind == "ability"
    assert parse_ksa_line("Measures to a tenth").kind == "skill"
