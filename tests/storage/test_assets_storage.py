"""The later sessions are saved by the same keyed writes as everything else: reopening gives the same state."""

from __future__ import annotations

import sqlite3

from cardwall.commands import AddLink, AddProgram, DeleteCards, EditGapRow, MoveAction
from storage.workspace import WorkspaceFile
from tests.helpers import reopen


def test_the_demo_reopens_with_its_asset_map_and_action_plan_whole(journey, journey_path):
    before = {sid: s for sid, s in journey.ws.sessions.items()}
    kinds = sorted(s.info.kind for s in before.values())
    assert kinds == ["action-plan", "asset-map", "critical-occupations", "skill-panel", "skill-panel"]
    journey.close()
    again = reopen(journey_path)
    for sid, session in before.items():
        for table in ("cards", "program_details", "links", "gap_rows", "actions"):
            assert again.sessions[sid].table(table) == session.table(table), table


def test_each_command_and_its_undo_are_on_disk_at_once(journey, journey_path):
    am = next(s for s in journey.ws.sessions.values() if s.info.kind == "asset-map")
    ap = next(s for s in journey.ws.sessions.values() if s.info.kind == "action-plan")
    cell = next(iter(am.cards.values()))
    add = AddProgram(am.id, "Robotics certificate", category_id=cell.category_id, level_id=cell.level_id)
    journey.execute(add)
    link = AddLink(am.id, cell.id, add.card_id)
    journey.execute(link)
    row = next(iter(am.gap_rows.values()))
    mark = EditGapRow(am.id, row.id, coverage="gap", programs=())
    journey.execute(mark)
    action = next(iter(ap.actions.values()))
    move = MoveAction(ap.id, action.id, impact="low", feasibility="low")
    journey.execute(move)
    on_disk = reopen(journey_path)
    assert on_disk.sessions[am.id].links[link.link_id].to_card_id == add.card_id
    assert on_disk.sessions[am.id].gap_rows[row.id].coverage == "gap"
    assert on_disk.sessions[ap.id].actions[action.id].impact == "low"
    for command in (move, mark, link, add):
        journey.undo(command)
    on_disk = reopen(journey_path)
    assert add.card_id not in on_disk.sessions[am.id].cards
    assert on_disk.sessions[am.id].gap_rows[row.id] == row
    assert on_disk.sessions[ap.id].actions[action.id] == action


def test_deleting_a_program_removes_its_rows_from_the_file(journey, journey_path):
    am = next(s for s in journey.ws.sessions.values() if s.info.kind == "asset-map")
    linked = next(iter(am.links.values())).from_card_id
    journey.execute(DeleteCards(am.id, [linked]))
    conn = sqlite3.connect(journey_path)
    try:
        gone = conn.execute("SELECT count(*) FROM links WHERE from_card_id = ?", (linked,)).fetchone()[0]
        detail = conn.execute("SELECT count(*) FROM program_details WHERE id = ?", (linked,)).fetchone()[0]
    finally:
        conn.close()
    assert (gone, detail) == (0, 0)


def test_a_version_4_file_gains_the_new_tables_on_open(tmp_path):
    path = tmp_path / "old.cardwall"
    with WorkspaceFile.open(path):
        pass
    conn = sqlite3.connect(path)
    with conn:
        for table in ("program_details", "links", "gap_rows", "actions", "resources"):
            conn.execute(f"DROP TABLE {table}")
        conn.execute("DELETE FROM migrations WHERE number >= 5")  # as a version 4 file: none of 5 on
        conn.execute("PRAGMA user_version = 4")
    conn.close()
    with WorkspaceFile.open(path) as wf:
        assert wf.conn.execute("PRAGMA user_version").fetchone()[0] >= 5
        assert wf.conn.execute("SELECT count(*) FROM actions").fetchone()[0] == 0


def test_a_version_4_file_opened_read_only_loads_with_empty_later_tables_and_is_not_changed(tmp_path):
    from cardwall.commands import AddSession

    path = tmp_path / "old.cardwall"
    with WorkspaceFile.open(path) as wf:
        wf.execute(AddSession(kind="critical-occupations", title="Wall", session_id="s"))
    conn = sqlite3.connect(path)
    with conn:
        for table in ("program_details", "links", "gap_rows", "actions", "resources"):
            conn.execute(f"DROP TABLE {table}")
        conn.execute("DELETE FROM migrations WHERE number >= 5")  # as a version 4 file: none of 5 on
        conn.execute("PRAGMA user_version = 4")
    conn.close()
    ws = reopen(path)
    assert ws.sessions["s"].info.title == "Wall" and not ws.sessions["s"].links
    from storage.check import check

    assert check(path) == []  # an older file without the later tables is sound, not damaged
    conn = sqlite3.connect(path)
    try:
        assert conn.execute("PRAGMA user_version").fetchone()[0] == 4
    finally:
        conn.close()
