"""A session file goes in through the same rules as the app's commands (issue 10, "one door").

Each case was accepted before the import applied the commands: a partner's dots,
a budget overspent, an address the app refuses, a path with control characters or
100,000 characters, a colour the app refuses. Each is now refused with the path of
the field, and nothing changes.
"""

from __future__ import annotations

import copy
import json

import pytest

import resources
from cardwall import commands as c
from cardwall.interchange import FormatError, ImportSession, session_to_dict
from cardwall.invariants import problems
from cardwall.model import Workspace
from cardwall.panels import dots_left


def demo(name: str = "skill-panel.json") -> dict:
    return json.loads(resources.path("demo", name).read_text(encoding="utf-8"))


def refused(data: dict) -> str:
    ws = Workspace()
    before = copy.deepcopy(ws)
    with pytest.raises(FormatError) as err:
        ImportSession(data).apply(ws)
    assert ws == before, "a refused import changed the workspace"
    assert "\n" not in str(err.value)
    return str(err.value)


def test_a_partner_gets_no_dots_on_import():
    data = demo()
    panel = data["panels"][0]
    panel["votes"].append({"participant": "p12", "task": panel["votes"][0]["task"], "dots": 50, "round": 1})
    where = len(panel["votes"]) - 1
    message = refused(data)
    assert message.startswith(f"panels[0].votes[{where}].participant: ")
    assert "partners do not vote" in message


def test_an_employer_cannot_arrive_with_five_dots_on_a_three_dot_panel():
    data = demo()
    panel = data["panels"][0]
    panel["several_dots_per_task"] = True  # so only the budget stands in the way
    panel["votes"] = [v for v in panel["votes"] if v["participant"] != "p1"]
    panel["votes"].append({"participant": "p1", "task": panel["votes"][0]["task"], "dots": 5, "round": 1})
    message = refused(data)
    assert message.startswith(f"panels[0].votes[{len(panel['votes']) - 1}].dots: ")
    assert "used all 3 dots" in message


def test_an_address_the_app_refuses_is_refused_on_import():
    data = demo()
    data["participants"][2]["email"] = "ana at acme"
    with pytest.raises(c.DomainError):  # the app's own door
        ws = Workspace()
        c.AddSession(kind="skill-panel", title="x", session_id="s").apply(ws)
        c.AddParticipant("s", name="Ana", email="ana at acme").apply(ws)
    assert refused(data).startswith("participants[2].email: 'ana at acme' does not look like an e-mail address")


def test_paths_are_cleaned_and_limited_like_the_apps():
    data = demo()
    data["panels"][0]["paths"] = {"into": ["Machinist\x00 apprentices\x1b[31m", "  "], "from": ["Tool designer"]}
    ws = Workspace()
    command = ImportSession(data)
    command.apply(ws)
    panel = ws.sessions[command.session_id].ordered_panels()[0]
    assert panel.paths_into == ("Machinist apprentices[31m",)
    assert panel.paths_from == ("Tool designer",)
    data["panels"][0]["paths"] = {"into": ["x" * 100_000]}
    assert refused(data).startswith("panels[0].paths.into: Path is 100,000 characters long")


def test_a_colour_the_app_refuses_is_refused_on_import():
    data = demo("critical-occupations.json")
    data["categories"][1]["colour"] = "#zzzzzz"
    assert refused(data) == "categories[1].colour: '#zzzzzz' is not a colour like #3366cc."


def test_notes_keep_their_order_and_ids_through_export_and_import():
    data = demo("critical-occupations.json")
    texts = [
        f"Said {i}: {word}"
        for i, word in enumerate(
            ["zeta", "alpha", "mu", "beta", "kappa", "omega", "gamma", "pi", "eta", "nu", "xi", "chi"]
        )
    ]
    data["notes"] = [{"step": 6, "topic": "Wages", "text": t} for t in texts]
    ws = Workspace()
    first = ImportSession(data)
    first.apply(ws)
    assert [n.text for n in ws.sessions[first.session_id].notes_for(6)] == texts
    c.SetStepNote(first.session_id, 6, "The facilitator's box").apply(ws)
    exported = json.loads(json.dumps(session_to_dict(ws, first.session_id)))
    second = ImportSession(exported)
    second.apply(ws)
    again = ws.sessions[second.session_id]
    assert [n.text for n in again.notes_for(6)] == [*texts, "The facilitator's box"]
    assert again.notes["step6"].text == "The facilitator's box"  # still the step's notes box
    assert session_to_dict(ws, second.session_id)["notes"] == exported["notes"]


def test_a_new_panel_starts_hidden():
    ws = Workspace()
    c.AddSession(kind="skill-panel", title="Panel", session_id="s").apply(ws)
    c.AddPanel("s", occupation="Machinist", panel_id="P").apply(ws)
    assert ws.sessions["s"].panels["P"].revealed is False


def test_partners_place_no_dots_in_the_app_either():
    ws = Workspace()
    c.AddSession(kind="skill-panel", title="Panel", session_id="s").apply(ws)
    c.AddPanel("s", occupation="Machinist", panel_id="P").apply(ws)
    c.AddTask("s", "P", "Reads blueprints", task_id="t").apply(ws)
    c.AddParticipant("s", name="Board", role="partner", participant_id="b").apply(ws)
    c.AddParticipant("s", name="Ana", participant_id="a").apply(ws)
    with pytest.raises(c.DomainError, match="partners do not vote"):
        c.CastDot("s", "t", "b").apply(ws)
    c.CastDot("s", "t", "a").apply(ws)
    with pytest.raises(c.DomainError, match="take them back"):
        c.EditParticipant("s", "a", role="partner").apply(ws)
    session = ws.sessions["s"]
    assert dots_left(session, session.panels["P"], "a", 1) == 2 and not problems(ws)


def test_a_round_two_voter_does_not_become_a_hiring_authority_with_their_dots_on():
    ws = Workspace()
    c.AddSession(kind="skill-panel", title="Panel", session_id="s").apply(ws)
    c.AddPanel("s", occupation="Machinist", panel_id="P").apply(ws)
    c.AddTask("s", "P", "Reads blueprints", task_id="t").apply(ws)
    c.AddParticipant("s", name="Ana", role="employee", participant_id="a").apply(ws)
    c.CastDot("s", "t", "a", round=2).apply(ws)
    with pytest.raises(c.DomainError, match="take them back"):
        c.EditParticipant("s", "a", role="hiring-authority").apply(ws)
    c.EditParticipant("s", "a", role="employer").apply(ws)  # employers vote in both rounds
    assert not problems(ws)


def test_the_demo_sessions_import_sound():
    ws = Workspace()
    for name in ("critical-occupations.json", "skill-panel.json"):
        ImportSession(demo(name)).apply(ws)
    assert problems(ws) == []


def test_the_cli_refuses_a_partners_dots_in_one_line_and_leaves_the_workspace_as_it_was(tmp_path):
    from tests.cli.test_cli import assert_user_error, cardwall
    from tests.helpers import reopen

    workspace = tmp_path / "w.cardwall"
    good = tmp_path / "good.json"
    good.write_text(json.dumps(demo("critical-occupations.json")), encoding="utf-8")
    assert cardwall("import", workspace, good).returncode == 0
    before = reopen(workspace)
    data = demo()
    data["panels"][0]["votes"].append({"participant": "p13", "task": "tdm-t1", "dots": 1, "round": 1})
    bad = tmp_path / "partner-dots.json"
    bad.write_text(json.dumps(data), encoding="utf-8")
    where = len(data["panels"][0]["votes"]) - 1
    assert_user_error(
        cardwall("import", workspace, bad), rf"partner-dots.json: panels\[0\]\.votes\[{where}\]\.participant: "
    )
    assert reopen(workspace) == before


def test_check_reports_a_file_that_breaks_a_domain_rule(tmp_path):
    import sqlite3

    from tests.cli.test_cli import assert_user_error, cardwall

    workspace = tmp_path / "w.cardwall"
    source = tmp_path / "panel.json"
    source.write_text(json.dumps(demo()), encoding="utf-8")
    assert cardwall("import", workspace, source).returncode == 0
    assert cardwall("check", workspace).returncode == 0
    # Another program (or an older Cardwall) made a voter a partner behind the app's back.
    conn = sqlite3.connect(workspace)
    with conn:
        conn.execute("UPDATE participants SET role = 'partner' WHERE id = 'p1'")
    conn.close()
    assert_user_error(cardwall("check", workspace), r"has problems: .*partners place no dots")


def test_check_reports_a_hiring_authoritys_dot_in_round_two(tmp_path):
    import sqlite3

    from tests.cli.test_cli import assert_user_error, cardwall

    workspace = tmp_path / "w.cardwall"
    source = tmp_path / "panel.json"
    source.write_text(json.dumps(demo()), encoding="utf-8")
    assert cardwall("import", workspace, source).returncode == 0
    conn = sqlite3.connect(workspace)
    with conn:  # another program filed a boss's dot under the high performers' round
        person = conn.execute("SELECT id FROM participants WHERE role = 'hiring-authority'").fetchone()[0]
        vote = conn.execute("SELECT id, task_id FROM votes WHERE participant_id = ?", (person,)).fetchone()
        conn.execute("UPDATE votes SET round = 2, id = ? WHERE id = ?", (f"{vote[1]}|{person}|2", vote[0]))
    conn.close()
    assert_user_error(cardwall("check", workspace), r"has problems: .*a hiring authority, in round 2")


def test_notes_are_imported_by_their_position():
    data = demo("critical-occupations.json")
    data["notes"] = [{"step": 6, "text": t, "position": p} for t, p in (("third", 7), ("first", 1), ("second", 2.5))]
    ws = Workspace()
    command = ImportSession(data)
    command.apply(ws)
    assert [n.text for n in ws.sessions[command.session_id].notes_for(6)] == ["first", "second", "third"]


def test_a_workspace_from_before_note_order_opens_with_its_notes_in_their_old_order(tmp_path):
    import sqlite3

    from storage.workspace import WorkspaceFile
    from tests.helpers import reopen

    path = tmp_path / "old.cardwall"
    with WorkspaceFile.open(path) as wf:
        wf.execute(c.AddSession(kind="critical-occupations", title="Wall", session_id="s"))
        for i in (3, 1, 2):
            wf.execute(c.AddNote("s", step=6, text=f"note {i}", note_id=f"n{i}"))
    conn = sqlite3.connect(path)  # the file as version 3 wrote it: notes without a position
    with conn:
        conn.execute("ALTER TABLE notes DROP COLUMN position")
        conn.execute("DELETE FROM migrations WHERE number >= 4")
        conn.execute("PRAGMA user_version = 3")
    conn.close()
    with WorkspaceFile.open(path):
        pass  # opening migrates
    assert [n.text for n in reopen(path).sessions["s"].notes_for(6)] == ["note 1", "note 2", "note 3"]


def test_the_same_file_imports_to_the_same_session_json():
    exported = []
    for _ in range(2):
        ws = Workspace()
        command = ImportSession(demo("critical-occupations.json"))  # its notes carry no ids
        command.apply(ws)
        exported.append(session_to_dict(ws, command.session_id))
    assert exported[0] == exported[1]
