"""The session JSON: round trips, accepts the documented minimal shape, refuses bad files by field."""

from __future__ import annotations

import copy
import json

import pytest

import resources
from cardwall.interchange import FORMAT, FormatError, ImportSession, session_to_dict
from cardwall.model import Workspace


def load_demo(name: str) -> dict:
    return json.loads(resources.path("demo", name).read_text(encoding="utf-8"))


@pytest.mark.parametrize(
    "name", ["critical-occupations.json", "skill-panel.json", "asset-map.json", "action-plan.json"]
)
def test_export_then_import_gives_an_equal_session(name):
    ws = Workspace()
    first = ImportSession(load_demo(name))
    first.apply(ws)
    exported = session_to_dict(ws, first.session_id)
    second = ImportSession(json.loads(json.dumps(exported)))
    second.apply(ws)
    assert session_to_dict(ws, second.session_id) == exported
    a, b = ws.sessions[first.session_id], ws.sessions[second.session_id]
    for table in ("participants", "categories", "cards", "panels", "tasks", "votes", "task_details"):
        assert a.table(table).keys() == b.table(table).keys(), table
    later = ("program_details", "links", "gap_rows", "actions", "resources")
    if a.info.kind in ("asset-map", "action-plan"):  # its programs and actions come back exactly, ids and all
        later += ("cards",)
    for table in later:
        assert a.table(table) == b.table(table), table


def test_the_minimal_documented_shape_imports():
    data = {
        "format": FORMAT,
        "partnership": {"name": "West Mfg", "industry": "Manufacturing", "region": "Colorado"},
        "session": {"kind": "critical-occupations", "title": "Wall", "date": "2026-10-14"},
        "participants": [{"id": 7, "name": "Ana", "organization": "Acme", "role": "employer", "email": None}],
        "levels": ["Entry", "Mid", "Advanced"],
        "categories": [{"id": "c1", "title": "Production"}],
        "cards": [
            {
                "id": "k0",
                "kind": "occupation",
                "text": "Machinist",
                "category": "c1",
                "level": "Mid",
                "author": "7",
                "round": 1,
                "reasons": ["volume"],
                "soc_code": "51-4041",
                "unknown": {"kept": 1},
            },
            {"id": "k1", "text": "machinist", "stack": "k0", "round": 2},
            {"id": "k2", "text": "CNC", "stack": "k1"},
        ],
        "notes": [{"step": 6, "topic": "Wages", "text": "Wages rise with skills."}],
        "next_steps": [{"text": "Send summary", "owner": "Convener", "due": "2026-10-20", "horizon": "early-win"}],
        "panels": [],
        "future_field": "ignored",
    }
    ws = Workspace()
    command = ImportSession(data)
    command.apply(ws)
    s = ws.sessions[command.session_id]
    assert ws.partnership.name == "West Mfg"
    # a stack on a stacked card joins the bottom card's pile, in its cell
    assert s.cards["k2"].stack_id == "k0" and s.cards["k2"].category_id == "c1"
    assert s.cards["k1"].round == 2 and s.cards["k0"].author_id == "7"
    assert s.notes_for(6)[0].topic == "Wages"


def good() -> dict:
    return {
        "format": FORMAT,
        "session": {"kind": "critical-occupations", "title": "Wall"},
        "categories": [{"id": "c1", "title": "Production"}],
        "cards": [{"id": "k1", "text": "Welder", "category": "c1", "level": "Entry"}],
    }


@pytest.mark.parametrize(
    ("change", "message"),
    [
        (lambda d: d.update(format="cardwall-session/9"), "format: this is 'cardwall-session/9'"),
        (lambda d: d.pop("session"), "session: is missing"),
        (lambda d: d["session"].update(kind="party"), "session.kind: A session is one of"),
        (lambda d: d["cards"][0].update(level="Expert"), "cards[0].level: 'Expert' is not one of the levels"),
        (lambda d: d["cards"][0].update(category="c9"), "cards[0].category: No category has the id 'c9'"),
        (lambda d: d["cards"][0].update(text=""), "cards[0].text: Card text is empty"),
        (lambda d: d["cards"][0].update(stack="k1"), "cards[0].stack: the stack goes round in a circle"),
        (lambda d: d["cards"][0].update(reasons=["fun"]), "Unknown reason 'fun'"),
        (lambda d: d["cards"].append({"id": "k1", "text": "x"}), "cards[1].id: A card with the id 'k1' exists already"),
        (lambda d: d.update(cards={"id": 1}), "cards: expected a list, found an object"),
        (lambda d: d["session"].update(date="14/10/2026"), "session.date: Date must look like"),
        (lambda d: d.update(panels=[{"occupation": "X", "votes": [{"task": "t9"}]}]), "panels[0].votes[0].task"),
    ],
)
def test_bad_files_are_refused_naming_the_field_and_nothing_changes(change, message):
    data = good()
    change(data)
    ws = Workspace()
    before = copy.deepcopy(ws)
    with pytest.raises(FormatError) as err:
        ImportSession(data).apply(ws)
    assert message in str(err.value)
    assert ws == before


def test_not_an_object_at_all():
    with pytest.raises(FormatError, match="expected an object, found a list"):
        ImportSession([1, 2]).apply(Workspace())
