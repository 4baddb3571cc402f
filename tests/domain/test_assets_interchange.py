"""The later sessions in the session JSON: round trips, older files, refusals by field."""

from __future__ import annotations

import copy

import pytest

from cardwall.interchange import FormatError, ImportSession, session_to_dict
from cardwall.model import Workspace
from tests.domain.test_interchange import load_demo


def test_the_demo_asset_map_carries_programs_links_and_a_judged_matrix():
    ws = Workspace()
    ImportSession(load_demo("asset-map.json")).apply(ws)
    s = next(iter(ws.sessions.values()))
    assert s.info.kind == "asset-map"
    assert len(s.program_details) == 12 and len(s.links) == 6
    assert {r.coverage for r in s.gap_rows.values()} == {"covered", "partly", "gap"}
    assert {r.partner_type for r in s.resources.values()} == {
        "secondary-cte",
        "post-secondary",
        "workforce",
        "industry",
    }


def test_a_wall_exports_no_later_keys_so_older_readers_see_what_they_always_saw():
    ws = Workspace()
    add = ImportSession(load_demo("critical-occupations.json"))
    add.apply(ws)
    out = session_to_dict(ws, add.session_id)
    assert not {"links", "gap_matrix", "actions"} & set(out)
    assert all("program" not in card for card in out["cards"])


def test_a_program_card_without_details_imports_as_a_bare_program():
    data = load_demo("asset-map.json")
    for card in data["cards"]:
        card.pop("program", None)
    data.pop("links"), data.pop("gap_matrix")
    ws = Workspace()
    ImportSession(data).apply(ws)
    s = next(iter(ws.sessions.values()))
    assert all(c.kind == "program" for c in s.cards.values()) and not s.program_details


@pytest.mark.parametrize(
    ("change", "message"),
    [
        (lambda d: d["links"][0].update({"to": "nobody"}), "links[0]"),
        (lambda d: d["gap_matrix"][0].update({"coverage": "mostly"}), "gap_matrix[0]"),
        (lambda d: d["gap_matrix"][0].update({"programs": ["k999"]}), "gap_matrix[0]"),
        (lambda d: d["resource_map"][1].update({"type": "church"}), "resource_map[1].type"),
        (lambda d: d["resource_map"][0].update({"organization": " "}), "resource_map[0].organization"),
    ],
)
def test_bad_later_fields_are_refused_by_field_and_nothing_changes(change, message):
    data = copy.deepcopy(load_demo("asset-map.json"))
    change(data)
    ws = Workspace()
    with pytest.raises(FormatError, match=message.replace("[", r"\[").replace("]", r"\]")):
        ImportSession(data).apply(ws)
    assert not ws.sessions


def test_bad_action_fields_are_refused_by_field():
    data = copy.deepcopy(load_demo("action-plan.json"))
    data["actions"][1]["impact"] = "enormous"
    with pytest.raises(FormatError, match=r"actions\[1\]"):
        ImportSession(data).apply(Workspace())
