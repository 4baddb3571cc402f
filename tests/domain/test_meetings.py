"""A panel across meetings and skills between levels: the domain's rules, the session JSON, the file."""

from __future__ import annotations

import sqlite3

import pytest

from cardwall.commands import AddSession, CarryPanel, DomainError, DraftLevelSteps, EditLevelStep, SetTally
from cardwall.interchange import ImportSession, session_to_dict
from cardwall.meetings import compare, latest_panels
from storage.workspace import WorkspaceFile
from tests.helpers import reopen


def test_the_demo_validation_round_compares_with_the_panel_it_came_from(journey):
    ws = journey.ws
    cmp = compare(ws, "demo-validation", "tdm-v")
    assert cmp.earlier.title.startswith("Skill panels") and cmp.dots() == (19, 15)
    assert [r.text for r in cmp.added] == ["Programs and runs wire and sinker EDM machines"]
    assert [r.text for r in cmp.dropped] == ["Sets the example for others on the shop floor"]
    top = cmp.rows[0]
    assert (top.rank_before, top.rank_now, top.change_text()) == (1, 1, "same")
    # The validation round speaks for the tool and die maker from now on (the asset map's needs).
    assert ("tdm", "demo-skill-panel") not in {(p.id, s.id) for p, s in latest_panels(ws)}


def test_carry_refuses_an_earlier_meeting_a_second_copy_and_another_kind(journey):
    ws = journey.ws
    with pytest.raises(DomainError, match="carry a panel forward"):
        CarryPanel("demo-validation", "tdm-v", "demo-skill-panel").apply(ws)
    with pytest.raises(DomainError, match="already holds this panel"):
        CarryPanel("demo-skill-panel", "tdm", "demo-validation").apply(ws)
    with pytest.raises(DomainError, match="not a skill-panel session"):
        CarryPanel("demo-skill-panel", "tdm", "demo-asset-map").apply(ws)


def test_a_carried_panel_starts_hidden_with_its_ksas_and_no_votes_and_undo_removes_it(journey, journey_path):
    add = AddSession(kind="skill-panel", title="Third meeting", date="2027-02-01", session_id="s3")
    journey.execute(add)
    carry = CarryPanel("demo-validation", "tdm-v", "s3", new_panel_id="P3")
    journey.execute(carry)
    saved = reopen(journey_path).sessions["s3"]
    panel = saved.panels["P3"]
    assert (
        not panel.revealed
        and not saved.votes
        and (panel.origin_session_id, panel.origin_panel_id)
        == (
            "demo-validation",
            "tdm-v",
        )
    )
    before = journey.ws.sessions["demo-validation"]
    assert len(saved.tasks) == len([t for t in before.tasks.values() if t.panel_id == "tdm-v"])
    assert {d.ksas for d in saved.task_details.values()} == {
        d.ksas for d in before.task_details.values() if d.panel_id == "tdm-v"
    }
    tally = SetTally("s3", "P3-tdm-v-t23", 4)
    journey.execute(tally)
    cmp = compare(journey.ws, "s3", "P3")
    edm = next(r for r in cmp.rows if r.text.startswith("Programs and runs wire"))
    assert (edm.dots_before, edm.rank_before, edm.dots_now, edm.rank_now) == (3, 2, 4, 1)
    assert compare(journey.ws, "s3", "P3", show_now=False).dots() == (15, 0)  # hidden: this meeting's stay out
    journey.undo(tally)
    journey.undo(carry)
    assert not reopen(journey_path).sessions["s3"].panels and not reopen(journey_path).sessions["s3"].tasks


def test_export_then_import_gives_an_equal_session_with_its_carry_and_steps(journey):
    ws = journey.ws
    for sid in ("demo-validation", "demo-asset-map"):
        data = session_to_dict(ws, sid)
        imported = ImportSession(data)
        imported.apply(ws)
        assert session_to_dict(ws, imported.session_id) == data
    data = session_to_dict(ws, "demo-validation")
    assert data["panels"][0]["carried_from"] == {"session": "demo-skill-panel", "panel": "tdm"}
    assert sum("carried_from" in t for f in data["panels"][0]["functions"] for t in f["tasks"]) == 21
    assert [s["from"] for s in session_to_dict(ws, "demo-asset-map")["level_steps"]] == [
        "Maintenance tech",  # the matrix's pathway order: Maintenance, then Production
        "CNC machinist",
    ]


def test_a_file_without_the_new_fields_still_loads():
    from tests.domain.test_interchange import load_demo

    data = load_demo("skill-panel.json")
    from cardwall.model import Workspace

    ws = Workspace()
    ImportSession(data).apply(ws)
    session = next(iter(ws.sessions.values()))
    assert all(p.origin_panel_id is None for p in session.panels.values())
    assert all(t.origin_id is None for t in session.tasks.values())


def test_steps_are_drafted_from_the_panels_ksas_and_edited(journey):
    ws = journey.ws
    session = ws.sessions["demo-asset-map"]
    with pytest.raises(DomainError, match="No occupation"):
        DraftLevelSteps("demo-asset-map").apply(ws)
    for step in list(session.level_steps):
        from cardwall.commands import DeleteLevelStep

        journey.execute(DeleteLevelStep("demo-asset-map", step))
    journey.execute(DraftLevelSteps("demo-asset-map"))
    steps = {(s.from_occupation, s.to_occupation): s for s in session.level_steps.values()}
    assert set(steps) == {("CNC machinist", "Tool and die maker"), ("Maintenance tech", "Controls / PLC technician")}
    assert "GD&T symbols, datums and tolerance stack-up" in steps["CNC machinist", "Tool and die maker"].adds
    assert steps["Maintenance tech", "Controls / PLC technician"].adds == ""  # no panel: left to be written
    with pytest.raises(DomainError, match="from one occupation up to another"):
        EditLevelStep(
            "demo-asset-map", steps["CNC machinist", "Tool and die maker"].id, to_occupation="cnc MACHINIST"
        ).apply(ws)
    with pytest.raises(DomainError, match="asset map"):
        DraftLevelSteps("demo-validation").apply(ws)


def test_a_version_5_file_gains_the_carry_columns_and_the_steps_table(tmp_path):
    path = tmp_path / "old.cardwall"
    with WorkspaceFile.open(path) as wf:
        wf.execute(AddSession(kind="skill-panel", title="Panel", session_id="s"))
    conn = sqlite3.connect(path)
    with conn:
        conn.execute("DROP TABLE level_steps")
        conn.execute("ALTER TABLE panels DROP COLUMN origin_session_id")
        conn.execute("ALTER TABLE panels DROP COLUMN origin_panel_id")
        conn.execute("ALTER TABLE tasks DROP COLUMN origin_id")
        conn.execute("DELETE FROM migrations WHERE number >= 6")
        conn.execute("PRAGMA user_version = 5")
    conn.close()
    assert reopen(path).sessions["s"].info.title == "Panel"  # read-only: loads unmigrated, defaults filled in
    from storage.check import check

    assert check(path) == []
    with WorkspaceFile.open(path) as wf:
        assert wf.conn.execute("PRAGMA user_version").fetchone()[0] >= 6
        assert wf.conn.execute("SELECT count(*) FROM level_steps").fetchone()[0] == 0
        columns = {r[1] for r in wf.conn.execute("PRAGMA table_info(tasks)")}
        assert "origin_id" in columns


def test_a_version_7_file_made_before_migration_6_landed_gets_it_on_open(tmp_path):
    path = tmp_path / "seven.cardwall"
    with WorkspaceFile.open(path) as wf:
        wf.execute(AddSession(kind="asset-map", title="Map", session_id="s"))
    conn = sqlite3.connect(path)
    with conn:  # as main wrote it once migration 7 had landed and 6 had not
        conn.execute("DROP TABLE level_steps")
        conn.execute("ALTER TABLE tasks DROP COLUMN origin_id")
        conn.execute("DELETE FROM migrations WHERE number = 6")
    conn.close()
    with WorkspaceFile.open(path) as wf:
        assert wf.conn.execute("PRAGMA user_version").fetchone()[0] == 7
        assert wf.conn.execute("SELECT count(*) FROM level_steps").fetchone()[0] == 0
        assert [n for (n,) in wf.conn.execute("SELECT number FROM migrations ORDER BY number")] == list(range(1, 8))
    assert reopen(path).sessions["s"].info.title == "Map"
