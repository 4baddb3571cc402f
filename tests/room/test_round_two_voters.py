"""Round 2 is the high performers' vote, without their bosses: every door refuses a hiring authority's dot there.

The rule lives in one place (cardwall/voting.py, applied by the CastDot command); the app's
matrix, the session importer and the room's devices all go through that command.
"""

from __future__ import annotations

import json
import sqlite3

import pytest

import resources
from cardwall.commands import AddParticipant, CastDot, DomainError, EditPanel
from tests.cli.test_cli import assert_user_error, cardwall
from tests.room.conftest import PANELS, cid

RULE = "hiring authority: round 2 is the high-performing employees' vote"


def _panel(session):
    panel = session.ordered_panels()[0]
    return panel, sorted(t.id for t in session.tasks.values() if t.panel_id == panel.id)


def _role(session, role):
    return next(p for p in session.ordered_participants() if p.role == role)


def test_the_command_refuses_a_hiring_authority_in_round_two_and_takes_them_in_round_one(demo):
    session = next(s for s in demo.ws.ordered_sessions() if s.info.kind == "skill-panel")
    panel, tasks = _panel(session)
    boss = _role(session, "hiring-authority")
    add = AddParticipant(session.id, name="Kim Novak", organization="Mesa Tool", role="employee")
    demo.execute(add)
    employee = session.participants[add.participant_id]
    free = tasks[0]
    before = dict(session.votes)
    with pytest.raises(DomainError, match=RULE) as refused:
        demo.execute(CastDot(session.id, free, boss.id, round=2))
    assert refused.value.field == "participant" and session.votes == before
    demo.execute(EditPanel(session.id, panel.id, voting_round=2))
    with pytest.raises(DomainError, match=RULE):  # the panel's own round, when the command names none
        demo.execute(CastDot(session.id, free, boss.id))
    demo.execute(CastDot(session.id, free, employee.id))  # the high performers vote in round 2
    assert session.votes[f"{free}|{employee.id}|2"].dots == 1


def test_the_cli_import_refuses_a_file_with_a_hiring_authoritys_round_two_dot(tmp_path):
    data = json.loads(resources.path("demo", "skill-panel.json").read_text(encoding="utf-8"))
    boss = next(p["id"] for p in data["participants"] if p["role"] == "hiring-authority")
    panel = data["panels"][0]
    task = panel["functions"][-1]["tasks"][-1]["id"]
    panel["votes"].append({"participant": boss, "task": task, "dots": 1, "round": 2})
    source = tmp_path / "panel.json"
    source.write_text(json.dumps(data), encoding="utf-8")
    workspace = tmp_path / "w.cardwall"
    result = cardwall("import", workspace, source)
    assert_user_error(result, RULE)
    if workspace.exists():  # nothing of the refused file was kept
        with sqlite3.connect(workspace) as conn:
            assert conn.execute("SELECT count(*) FROM votes").fetchone()[0] == 0


def test_the_room_refuses_a_hiring_authoritys_phone_in_round_two_and_says_why(serve):
    served, room, host, _wf = serve(PANELS)
    session = room.session
    boss = _role(session, "hiring-authority")
    host.submit(lambda: host.run_command(EditPanel(room.session_id, room.panel_id, voting_round=2))).result(5)
    tasks = sorted(t.id for t in session.tasks.values() if t.panel_id == room.panel_id)
    free = tasks[0]
    token = served.join(boss.name, boss.organization)
    before = dict(session.votes)
    status, answer = served.api("POST", "dots", {"task": free, "client_id": cid()}, token=token)
    assert status == 403 and RULE in answer["error"] and session.votes == before
    _, state = served.api("GET", "state", token=token)
    assert state["panel"]["dots_left"] == 0 and RULE in state["panel"]["not_a_voter"]
    theirs = served.join("Kim Novak", "Mesa Tool")  # a new phone joins as an employer, who votes in either round
    assert served.api("POST", "dots", {"task": free, "client_id": cid()}, token=theirs)[0] == 201
