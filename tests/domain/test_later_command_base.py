"""The later work's add and edit commands share one shape: a taken id, an unknown field, an id or a position
set by hand are refused with one sentence, and nothing changes."""

from __future__ import annotations

import copy

import pytest

from cardwall.commands import (
    AddAction,
    AddGapRow,
    AddResource,
    AddSession,
    DomainError,
    EditAction,
    EditGapRow,
    EditResource,
)
from cardwall.model import Workspace


@pytest.fixture
def ws() -> Workspace:
    ws = Workspace()
    AddSession(kind="asset-map", title="Asset map", session_id="am").apply(ws)
    AddSession(kind="action-plan", title="Action plan", session_id="ap").apply(ws)
    AddGapRow("am", "Machinist", row_id="g1").apply(ws)
    AddResource("am", "Mesa Valley Tech", resource_id="r1").apply(ws)
    AddAction("ap", "Open a lab", action_id="q1").apply(ws)
    return ws


@pytest.mark.parametrize(
    ("command", "message"),
    [
        (lambda: AddGapRow("am", "Welder", row_id="g1"), "gap matrix row with the id 'g1' exists already"),
        (lambda: AddResource("am", "GVCC", resource_id="r1"), "resource map entry with the id 'r1'"),
        (lambda: AddAction("ap", "Hire", action_id="q1"), "action with the id 'q1'"),
        (lambda: AddGapRow("am", "Welder", fields={"colour": "red"}), "Cannot set colour on a gap matrix row"),
        (lambda: AddResource("am", "GVCC", fields={"position": 9}), "Cannot set position on a resource map entry"),
        (lambda: AddAction("ap", "Hire", fields={"id": "x"}), "Cannot set id on an action"),
        (lambda: AddAction("am", "Hire"), "Actions belong to an action-plan session"),
        (lambda: EditGapRow("am", "g1", position=0.5), "Cannot set position on a gap matrix row"),
        (lambda: EditResource("am", "r1", id="r2"), "Cannot set id on a resource map entry"),
        (lambda: EditAction("ap", "q1", colour="red"), "Cannot set colour on an action"),
        (lambda: EditAction("ap", "q9", text="x"), "That action does not exist"),
        (lambda: EditResource("am", "r1", organization=" "), "Organization is empty"),
    ],
)
def test_refused_with_one_sentence_and_nothing_changes(ws, command, message):
    before = copy.deepcopy(ws)
    with pytest.raises(DomainError, match=message):
        command().apply(ws)
    assert ws.sessions == before.sessions


def test_an_edit_cleans_each_field_by_its_rule(ws):
    EditAction("ap", "q1", owners="GVCC; Mesa Valley Tech;  ", due="2027-03-01").apply(ws)
    action = ws.sessions["ap"].actions["q1"]
    assert action.owners == ("GVCC", "Mesa Valley Tech") and action.due == "2027-03-01"
    EditGapRow("am", "g1", occupation="  CNC   machinist ").apply(ws)
    assert ws.sessions["am"].gap_rows["g1"].occupation == "CNC machinist"
