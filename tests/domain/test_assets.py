"""The asset map, the gap matrix and the action plan: each command applies, refuses and undoes."""

from __future__ import annotations

import json

import pytest

import resources
from cardwall.commands import (
    AddGapRow,
    AddLink,
    AddProgram,
    AddSession,
    DeleteCards,
    DeleteSession,
    DomainError,
    EditGapRow,
    MarkServes,
    MoveAction,
    MoveCards,
    RemoveLink,
    add_programs,
    gaps_to_actions,
    seed_gap_matrix,
)
from cardwall.interchange import ImportSession
from cardwall.invariants import problems
from cardwall.model import Workspace


@pytest.fixture
def ws() -> Workspace:
    """The demo's wall and panels, with an empty asset map and action plan beside them."""
    ws = Workspace()
    for name in ("critical-occupations.json", "skill-panel.json"):
        ImportSession(json.loads(resources.path("demo", name).read_text(encoding="utf-8"))).apply(ws)
    AddSession(kind="asset-map", title="Asset map", session_id="am").apply(ws)
    AddSession(kind="action-plan", title="Action plan", session_id="ap").apply(ws)
    from cardwall.commands import AddCategory

    AddCategory("am", "Production", category_id="c1").apply(ws)
    return ws


def test_a_program_lands_in_its_cell_with_details_and_undo_takes_it_away(ws):
    add = AddProgram("am", "Machining certificate", category_id="c1", level_id="L1", details={"institution": "CMU"})
    add.apply(ws)
    s = ws.sessions["am"]
    card = s.cards[add.card_id]
    assert (card.kind, card.category_id, card.level_id) == ("program", "c1", "L1")
    assert s.program_details[card.id].institution == "CMU"
    add.revert(ws)
    assert not s.cards and not s.program_details


def test_a_pasted_column_is_one_undo_step_and_blank_lines_are_skipped(ws):
    batch = add_programs("am", ["Welding AAS", "", "  CNC certificate  ", "\t"], category_id="c1", level_id="L2")
    batch.apply(ws)
    names = sorted(c.text for c in ws.sessions["am"].cards.values())
    assert names == ["CNC certificate", "Welding AAS"]
    batch.revert(ws)
    assert not ws.sessions["am"].cards
    with pytest.raises(DomainError):
        add_programs("am", ["", " "])


def test_links_join_two_programs_once_and_undo(ws):
    a = AddProgram("am", "Machining certificate", category_id="c1", level_id="L1")
    b = AddProgram("am", "Machining AAS", category_id="c1", level_id="L2")
    a.apply(ws), b.apply(ws)
    link = AddLink("am", a.card_id, b.card_id)
    link.apply(ws)
    assert ws.sessions["am"].links[link.link_id].to_card_id == b.card_id
    with pytest.raises(DomainError, match="already leads"):
        AddLink("am", a.card_id, b.card_id).apply(ws)
    with pytest.raises(DomainError, match="itself"):
        AddLink("am", a.card_id, a.card_id).apply(ws)
    remove = RemoveLink("am", link.link_id)
    remove.apply(ws)
    assert not ws.sessions["am"].links
    remove.revert(ws)
    assert link.link_id in ws.sessions["am"].links


def test_deleting_a_program_takes_its_details_links_and_matrix_mentions_and_undo_brings_them_back(ws):
    a = AddProgram("am", "Machining certificate", category_id="c1", level_id="L1", details={"cost": "$3,000"})
    b = AddProgram("am", "Machining AAS", category_id="c1", level_id="L2")
    a.apply(ws), b.apply(ws)
    AddLink("am", a.card_id, b.card_id).apply(ws)
    row = AddGapRow("am", "CNC machinist", fields={"coverage": "partly", "programs": (a.card_id,)})
    row.apply(ws)
    delete = DeleteCards("am", [a.card_id])
    delete.apply(ws)
    s = ws.sessions["am"]
    assert not s.links and a.card_id not in s.program_details and s.gap_rows[row.row_id].programs == ()
    assert problems(ws) == []
    delete.revert(ws)
    assert len(s.links) == 1 and s.program_details[a.card_id].cost == "$3,000"
    assert s.gap_rows[row.row_id].programs == (a.card_id,)


def test_a_program_moves_between_cells_like_any_card(ws):
    a = AddProgram("am", "Machining certificate", category_id="c1", level_id="L1")
    a.apply(ws)
    move = MoveCards("am", [a.card_id], category_id="c1", level_id="L3")
    move.apply(ws)
    assert ws.sessions["am"].cards[a.card_id].level_id == "L3"
    move.revert(ws)
    assert ws.sessions["am"].cards[a.card_id].level_id == "L1"


def test_a_program_serves_occupations_of_the_wall(ws):
    a = AddProgram("am", "Machining certificate", category_id="c1", level_id="L1")
    a.apply(ws)
    mark = MarkServes("am", a.card_id, ["CNC machinist", "CNC machinist", "Tool and die maker"])
    mark.apply(ws)
    assert ws.sessions["am"].program_details[a.card_id].serves == ("CNC machinist", "Tool and die maker")
    mark.revert(ws)
    assert ws.sessions["am"].program_details[a.card_id].serves == ()


def test_the_matrix_is_seeded_from_the_panels_top_tasks_and_ksas_in_one_step(ws):
    seed = seed_gap_matrix(ws, "am")
    seed.apply(ws)
    rows = {r.occupation: r for r in ws.sessions["am"].gap_rows.values()}
    assert set(rows) == {"Tool and die maker", "Technical sales rep"}
    tool = rows["Tool and die maker"]
    assert tool.pathway == "Production" and tool.skill_level == "higher"
    assert "Interprets blueprints" in tool.content and "KSAs: " in tool.content
    with pytest.raises(DomainError, match="already"):
        seed_gap_matrix(ws, "am")
    seed.revert(ws)
    assert not ws.sessions["am"].gap_rows


def test_marking_coverage_names_programs_and_refuses_strangers(ws):
    a = AddProgram("am", "Machining certificate", category_id="c1", level_id="L1")
    a.apply(ws)
    row = AddGapRow("am", "CNC machinist")
    row.apply(ws)
    mark = EditGapRow("am", row.row_id, coverage="partly", programs=(a.card_id,))
    assert mark.label == "Mark coverage"
    mark.apply(ws)
    assert ws.sessions["am"].gap_rows[row.row_id].coverage == "partly"
    mark.revert(ws)
    assert ws.sessions["am"].gap_rows[row.row_id].coverage == ""
    with pytest.raises(DomainError):
        EditGapRow("am", row.row_id, coverage="mostly").apply(ws)
    with pytest.raises(DomainError):
        EditGapRow("am", row.row_id, programs=("nope",)).apply(ws)


def test_gaps_become_draft_actions_in_one_step_once(ws):
    g1 = AddGapRow("am", "CNC machinist", fields={"coverage": "gap", "content": "G-code; setups"})
    g2 = AddGapRow("am", "Welder", fields={"coverage": "partly"})
    g3 = AddGapRow("am", "Forklift operator", fields={"coverage": "covered"})
    for g in (g1, g2, g3):
        g.apply(ws)
    batch = gaps_to_actions(ws, "am", "ap")
    batch.apply(ws)
    actions = sorted(ws.sessions["ap"].actions.values(), key=lambda a: a.text)
    assert [(a.text, a.impact, a.status) for a in actions] == [
        ("Build training for CNC machinist", "high", "draft"),
        ("Strengthen training for Welder", "low", "draft"),
    ]
    assert actions[0].gap == "CNC machinist: G-code"
    with pytest.raises(DomainError, match="waiting"):
        gaps_to_actions(ws, "am", "ap")
    batch.revert(ws)
    assert not ws.sessions["ap"].actions
    with pytest.raises(DomainError, match="action-plan"):
        gaps_to_actions(ws, "am", "am")


def test_an_action_moves_between_quadrants_and_back(ws):
    g = AddGapRow("am", "CNC machinist", fields={"coverage": "gap"})
    g.apply(ws)
    gaps_to_actions(ws, "am", "ap").apply(ws)
    action = next(iter(ws.sessions["ap"].actions.values()))
    move = MoveAction("ap", action.id, impact="low", feasibility="high")
    move.apply(ws)
    moved = ws.sessions["ap"].actions[action.id]
    assert (moved.impact, moved.feasibility) == ("low", "high")
    move.revert(ws)
    assert ws.sessions["ap"].actions[action.id] == action
    with pytest.raises(DomainError):
        MoveAction("ap", action.id, impact="huge", feasibility="high").apply(ws)


def test_deleting_a_later_session_takes_everything_and_undo_restores_it(ws):
    a = AddProgram("am", "Machining certificate", category_id="c1", level_id="L1")
    b = AddProgram("am", "Machining AAS", category_id="c1", level_id="L2")
    a.apply(ws), b.apply(ws)
    AddLink("am", a.card_id, b.card_id).apply(ws)
    seed_gap_matrix(ws, "am").apply(ws)
    before = ws.sessions["am"]
    counts = {t: len(before.table(t)) for t in ("cards", "program_details", "links", "gap_rows")}
    delete = DeleteSession("am")
    delete.apply(ws)
    assert "am" not in ws.sessions
    delete.revert(ws)
    assert {t: len(ws.sessions["am"].table(t)) for t in counts} == counts


def test_programs_are_not_piled_up(ws):
    from cardwall.commands import StackCards

    a = AddProgram("am", "Machining certificate", category_id="c1", level_id="L1")
    b = AddProgram("am", "Machining AAS", category_id="c1", level_id="L1")
    a.apply(ws), b.apply(ws)
    with pytest.raises(DomainError, match="not piled"):
        StackCards("am", [b.card_id], onto=a.card_id).apply(ws)


def test_the_resource_map_adds_edits_and_removes_partners_each_undoable(ws):
    from cardwall.commands import AddResource, DeleteResource, EditResource

    add = AddResource("am", "Mesa Valley Tech", fields={"partner_type": "post-secondary", "services": "WIOA training"})
    add.apply(ws)
    s = ws.sessions["am"]
    assert s.resources[add.resource_id].services == "WIOA training"
    edit = EditResource("am", add.resource_id, partner_type="workforce", contact="ml@x.org")
    edit.apply(ws)
    assert s.resources[add.resource_id].partner_type == "workforce"
    edit.revert(ws)
    assert s.resources[add.resource_id].partner_type == "post-secondary"
    with pytest.raises(DomainError, match="partner is one of"):
        EditResource("am", add.resource_id, partner_type="church").apply(ws)
    delete = DeleteResource("am", add.resource_id)
    delete.apply(ws)
    assert not s.resources
    delete.revert(ws)
    assert add.resource_id in s.resources
    assert problems(ws) == []
