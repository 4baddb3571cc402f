"""`cardwall import WORKSPACE FILE`: task lists and O*NET into a panel, cards onto a wall, one step each."""

from __future__ import annotations

import pandas as pd

from cardwall import panels
from tests.helpers import reopen
from ui.cli import main

ONET = (
    "O*NET-SOC Code\tTitle\tTask ID\tTask\tTask Type\tIncumbents Responding\tDate\tDomain Source\n"
    "41-4012.00\tSales Representatives, Wholesale and Manufacturing, Except Technical\t1\t"
    "Answer customer questions about products, prices, availability, or credit terms.\tCore\t20\t07/2024\tI\n"
    "51-4111.00\tTool and Die Makers\t2\tStudy blueprints, sketches, models, or specifications.\tCore\t20\t07/2024\tI\n"
    "51-4111.00\tTool and Die Makers\t3\tVerify dimensions of parts with micrometers.\tCore\t20\t07/2024\tI\n"
)


def skill_session(ws):
    return next(s for s in ws.sessions.values() if s.info.kind == "skill-panel")


def test_task_list_goes_to_the_named_panel(demo_path, tmp_path, capsys):
    csv = tmp_path / "sales.csv"
    csv.write_text("Function,Task\nProspecting,Finds new accounts\nProspecting,\nQuoting,Writes quotes\n", "utf-8")
    before = skill_session(reopen(demo_path))
    assert main(["import", str(demo_path), str(csv), "--session", "Technical Sales Representative"]) == 0
    out = capsys.readouterr().out
    assert "sales.csv: read 2 rows, skipped 1." in out and "row 3: function 'Prospecting' has no task text" in out
    assert "Technical Sales Representative panel" in out
    after = skill_session(reopen(demo_path))
    titles = [f.title for f in panels.functions_of(after, "tsr")]
    assert titles[-2:] == ["Prospecting", "Quoting"]
    added = set(after.tasks) - set(before.tasks)
    assert {after.tasks[t].text for t in added} == {"Finds new accounts", "Writes quotes"}
    assert all(after.tasks[t].source == "import" for t in added)


def test_onet_file_lands_unassigned_in_the_panel_with_that_soc_code(demo_path, tmp_path, capsys):
    txt = tmp_path / "Task Statements.txt"
    txt.write_text(ONET, "utf-8")
    assert main(["import", str(demo_path), str(txt)]) == 0  # of two panels, only tool and die has tasks here
    out = capsys.readouterr().out
    assert "read 2 rows" in out and "Tool and Die Maker panel" in out and "1 rows of other occupations" in out
    session = skill_session(reopen(demo_path))
    unassigned = panels.tasks_of(session, "tdm", None)
    assert [t.text for t in unassigned] == [
        "Study blueprints, sketches, models, or specifications.",
        "Verify dimensions of parts with micrometers.",
    ]
    assert all(t.source == "onet" for t in unassigned)


def test_cards_table_goes_onto_the_wall_with_new_categories(demo_path, tmp_path, capsys):
    xlsx = tmp_path / "cards.xlsx"
    pd.DataFrame(
        {
            "Occupation": ["Robotics Technician", "Composite Layup Tech", "Forklift certification"],
            "Category": ["Automation", "Production", "Production"],
            "Level": ["Mid", "", ""],
            "Kind": ["occupation", "occupation", "skill"],
            "Reasons": ["hardest to fill; growth", "", ""],
            "SOC code": ["17-3024", "", ""],
            "Organization": ["Nobody Known Inc", "", ""],
        }
    ).to_excel(xlsx, index=False)
    ws = reopen(demo_path)
    wall = next(s for s in ws.sessions.values() if s.info.kind == "critical-occupations")
    before = set(wall.cards)
    assert main(["import", str(demo_path), str(xlsx)]) == 0
    out = capsys.readouterr().out
    assert "read 3 rows, skipped 0" in out and "'Nobody Known Inc' added to the participants" in out
    assert "no level; the card waits in the unsorted tray" in out
    wall = next(s for s in reopen(demo_path).sessions.values() if s.info.kind == "critical-occupations")
    new = {wall.cards[c].text: wall.cards[c] for c in set(wall.cards) - before}
    robot = new["Robotics Technician"]
    assert wall.participants[robot.author_id].name == "Nobody Known Inc"
    assert wall.categories[robot.category_id].title == "Automation" and wall.levels[robot.level_id].name == "Mid"
    assert robot.reasons == ("hard-to-fill", "growth") and robot.soc_code == "17-3024"
    assert new["Composite Layup Tech"].category_id is None
    skill = new["Forklift certification"]
    assert skill.kind == "skill" and wall.categories[skill.category_id].title == "Production" and skill.level_id is None


def test_malformed_tables_exit_1_with_one_line_and_change_nothing(demo_path, tmp_path, capsys):
    cases = {
        "nocols.csv": b"Step,Who\n1,2\n",
        "empty.csv": b"",
        "latin1.csv": b"Function,Task\nS\xe9curit\xe9,Porte\n",
        "fake.xlsx": b"Function,Task\nA,b\n",
    }
    before = skill_session(reopen(demo_path))
    for name, content in cases.items():
        bad = tmp_path / name
        bad.write_bytes(content)
        assert main(["import", str(demo_path), str(bad), "--session", "tsr"]) == 1
        err = capsys.readouterr().err
        assert err.startswith(f"cardwall: {name}: ") and err.count("\n") == 1, err
    after = skill_session(reopen(demo_path))
    assert after.tasks == before.tasks and after.functions == before.functions


def test_a_first_import_into_a_bare_workspace_makes_its_session(tmp_path, capsys):
    ws = tmp_path / "new.cardwall"
    tasks = tmp_path / "tasks.csv"
    tasks.write_text("function,task\nSetup,Reads prints\nSetup,Sets up the lathe\n", "utf-8")
    assert main(["import", str(ws), str(tasks), "--session", "Tool and die maker"]) == 0
    (session,) = reopen(ws).sessions.values()
    (panel,) = session.panels.values()
    assert session.info.kind == "skill-panel" and panel.occupation == "Tool and die maker"
    assert sorted(t.text for t in session.tasks.values()) == ["Reads prints", "Sets up the lathe"]

    cards = tmp_path / "cards.csv"
    cards.write_text("text,organization\nWelder,Acme\n", "utf-8")
    assert main(["import", str(ws), str(cards)]) == 0
    wall = next(s for s in reopen(ws).sessions.values() if s.info.kind == "critical-occupations")
    assert wall.info.title == "Cards from cards.csv" and [c.text for c in wall.cards.values()] == ["Welder"]
    capsys.readouterr()


def test_a_refused_first_import_leaves_no_empty_session_behind(tmp_path, capsys):
    ws = tmp_path / "new.cardwall"
    cards = tmp_path / "cards.csv"
    cards.write_text("text,category\nWelder," + "x" * 90 + "\n", "utf-8")
    assert main(["import", str(ws), str(cards)]) == 1
    assert "row 2" in capsys.readouterr().err
    assert reopen(ws).sessions == {}


def test_several_panels_and_no_name_asks_for_one(demo_path, tmp_path, capsys):
    csv = tmp_path / "tasks.csv"
    csv.write_text("function,task\nA,b\n", "utf-8")
    assert main(["import", str(demo_path), str(csv)]) == 1
    err = capsys.readouterr().err
    assert "--session" in err and "tdm (Tool and Die Maker)" in err
