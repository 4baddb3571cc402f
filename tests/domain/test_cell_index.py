"""The cards' index by cell and by pile (cardwall/card_index.py) is what a fresh scan of the cards says,
after every command, undo and redo, and however a session's cards are copied or handed over."""

from __future__ import annotations

import copy
import pickle

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from cardwall import commands as c
from cardwall.card_index import CardTable
from cardwall.interchange import ImportSession
from cardwall.model import Card, Session, SessionInfo, Workspace
from cardwall.wall import stack_members
from tests.domain.test_command_properties import SID, make_command, starting_workspace


def _order(card: Card) -> tuple:
    return card.position, card.id


def _scanned(session: Session) -> dict:
    """What the index answers, found the slow way: every card looked at."""
    cells: dict = {}
    for card in session.cards.values():
        cells.setdefault((card.category_id, card.level_id), []).append(card)
    return {
        "cells": {cell: sorted(cards, key=_order) for cell, cards in cells.items()},
        "ends": {cell: max(x.position for x in cards) for cell, cards in cells.items()},
        "piles": {
            root.id: sorted((x for x in session.cards.values() if x.stack_id == root.id), key=_order)
            for root in session.cards.values()
        },
    }


def _indexed(session: Session) -> dict:
    cards = session.cards
    return {
        "cells": {cell: session.cards_in(*cell) for cell in cards.cells()},
        "ends": {cell: cards.cell_end(*cell) for cell in cards.cells()},
        "piles": {root.id: stack_members(session, root)[1:] for root in cards.values()},
    }


def _assert_index_sound(ws: Workspace, when: str) -> None:
    for session in ws.sessions.values():
        assert isinstance(session.cards, CardTable), when
        assert session.cards.index_problems() == [], when
        assert _indexed(session) == _scanned(session), when
        assert session.cards.cell_end("no such column", None) == 0.0


@settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(st.data())
def test_the_index_is_a_fresh_scan_after_every_command_undo_and_redo(data):
    ws = starting_workspace()
    done = []
    for _ in range(data.draw(st.integers(1, 40))):
        command = make_command(data, ws)
        try:
            command.apply(ws)
        except c.DomainError:
            _assert_index_sound(ws, f"after refusing {command!r}")
            continue
        _assert_index_sound(ws, f"after {command!r}")
        done.append(command)
    for command in reversed(done):
        command.revert(ws)
        _assert_index_sound(ws, f"after undoing {command!r}")
    for command in done:
        command.apply(ws)
        _assert_index_sound(ws, f"after redoing {command!r}")
    for again in (copy.deepcopy(ws), copy.copy(ws.sessions[SID].cards), pickle.loads(pickle.dumps(ws))):
        if isinstance(again, CardTable):
            assert again == ws.sessions[SID].cards
            assert again.index_problems() == []
        else:
            assert again == ws
            _assert_index_sound(again, "in a copy")


def test_cards_written_any_way_a_dict_is_written_keep_the_index():
    a = Card("a", "Machinist", category_id="c1", level_id="L1", position=3.0)
    b = Card("b", "Welder", category_id="c1", level_id="L1", position=5.0, stack_id="a")
    session = Session(info=SessionInfo("s"), cards={"a": a})  # handed over as a plain dict
    cards = session.cards
    assert isinstance(cards, CardTable) and cards.cell_end("c1", "L1") == 3.0
    cards.setdefault("b", b)
    assert [x.id for x in session.cards_in("c1", "L1")] == ["a", "b"] and cards.cell_end("c1", "L1") == 5.0
    assert [x.id for x in stack_members(session, a)] == ["a", "b"]
    cards |= {"b": Card("b", "Welder", category_id="c2", level_id=None, position=1.0)}
    assert cards.cell_end("c1", "L1") == 3.0 and [x.id for x in session.cards_in("c2", None)] == ["b"]
    assert stack_members(session, a) == [a]
    del cards["a"]
    assert session.cards_in("c1", "L1") == [] and cards.cell_end("c1", "L1") == 0.0
    cards.popitem()
    assert cards.index_problems() == [] and not list(cards.cells())
    cards.update(a=a, b=b)
    assert cards.pop("b") == b and cards.pop("b", None) is None and cards.index_problems() == []
    session.cards = {"x": Card("x", "Painter", position=-2.0)}  # a snapshot's plain dict
    assert isinstance(session.cards, CardTable) and session.cards.cell_end(None, None) == -2.0
    del session.cards["x"]
    assert session.cards.cell_end(None, None) == 0.0  # asked of an empty cell: nothing kept for it
    session.cards["y"] = Card("y", "Driver", position=-5.0)
    assert session.cards.cell_end(None, None) == -5.0 and session.cards.index_problems() == []
    cards.clear()
    assert cards == {} and cards.index_problems() == []


def test_an_imported_wall_is_indexed_and_its_cells_keep_the_files_order():
    cards = [
        {"id": f"k{i}", "text": f"Card {i}", "category": "c1", "level": "Entry" if i % 2 else "Mid"} for i in range(40)
    ]
    cards += [{"id": "t1", "text": "In the tray"}, {"id": "p1", "text": "Piled", "stack": "k3", "category": "c1"}]
    data = {
        "format": "cardwall-session/1",
        "session": {"kind": "critical-occupations", "title": "Wall"},
        "categories": [{"id": "c1", "title": "Production"}],
        "cards": cards,
    }
    ws = Workspace()
    command = ImportSession(data)
    command.apply(ws)
    session = ws.sessions[command.session_id]
    _assert_index_sound(ws, "after the import")
    entry = session.level_by_name("Entry").id
    in_cell = session.cards_in("c1", entry)
    assert [x.id for x in in_cell if not x.stack_id] == [f"k{i}" for i in range(1, 40, 2)]
    assert [x.id for x in in_cell if x.stack_id] == ["p1"]
    assert [x.id for x in stack_members(session, session.cards["k3"])] == ["k3", "p1"]
