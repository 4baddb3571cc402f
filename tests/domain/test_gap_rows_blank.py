"""A blank gap matrix row (added by hand, occupation not typed yet): placed below its neighbour, round-tripped,
and never a draft action until it names an occupation."""

from __future__ import annotations

import pytest

from cardwall.assets import ordered_gap_rows
from cardwall.commands import AddGapRow, AddSession, DomainError, EditGapRow, gaps_to_actions
from cardwall.interchange import ImportSession, session_to_dict
from cardwall.model import Workspace


@pytest.fixture
def ws() -> Workspace:
    ws = Workspace()
    AddSession(kind="asset-map", title="Asset map", session_id="am").apply(ws)
    AddSession(kind="action-plan", title="Action plan", session_id="ap").apply(ws)
    for row_id, occupation in (("g1", "Machinist"), ("g2", "Welder")):
        AddGapRow("am", occupation, fields={"pathway": "Production"}, row_id=row_id).apply(ws)
    return ws


def test_a_blank_row_goes_just_below_the_row_it_follows_and_undo_takes_it_away(ws):
    add = AddGapRow("am", fields={"pathway": "Production"}, after="g1")
    add.apply(ws)
    assert [r.id for r in ordered_gap_rows(ws.sessions["am"])] == ["g1", add.row_id, "g2"]
    add.revert(ws)
    assert set(ws.sessions["am"].gap_rows) == {"g1", "g2"}


def test_after_a_row_of_another_pathway_the_blank_row_goes_last(ws):
    add = AddGapRow("am", fields={"pathway": "Quality"}, after="g1")
    add.apply(ws)
    assert ws.sessions["am"].gap_rows[add.row_id].position > ws.sessions["am"].gap_rows["g2"].position


def test_a_blank_gap_is_no_draft_action_until_it_names_an_occupation(ws):
    add = AddGapRow("am", fields={"pathway": "Production", "coverage": "gap"})
    add.apply(ws)
    with pytest.raises(DomainError, match="No gap"):
        gaps_to_actions(ws, "am", "ap")
    EditGapRow("am", add.row_id, occupation="CNC programmer").apply(ws)
    batch = gaps_to_actions(ws, "am", "ap")
    assert [c.text for c in batch.commands] == ["Build training for CNC programmer"]


def test_a_blank_row_round_trips_through_the_session_json(ws):
    add = AddGapRow("am", fields={"pathway": "Production", "coverage": "partly"}, after="g1")
    add.apply(ws)
    again = Workspace()
    ImportSession(session_to_dict(ws, "am")).apply(again)
    (copy,) = again.sessions.values()
    assert [(r.occupation, r.coverage) for r in ordered_gap_rows(copy)] == [
        ("Machinist", ""),
        ("", "partly"),
        ("Welder", ""),
    ]
