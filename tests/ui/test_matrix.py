"""The skill-panel page driven like a facilitator drives it: strawman, arranging, dots, tally, reveal, details."""

from __future__ import annotations

import pandas as pd
import pytest
from PySide6.QtCore import QPoint, Qt
from PySide6.QtWidgets import QApplication

from cardwall import panels
from cardwall.commands import AddParticipant, AddSession
from tests.helpers import reopen
from ui.controller import Controller
from ui.matrix.dialogs import NewPanelDialog
from ui.matrix.page import PanelPage
from ui.matrix.voting import ARRANGE, TALLY

ONET = (
    "O*NET-SOC Code\tTitle\tTask ID\tTask\tTask Type\tIncumbents Responding\tDate\tDomain Source\n"
    "51-4111.00\tTool and Die Makers\t1\tStudy blueprints, sketches, models, or specifications.\tCore\t20\t07/2024\tI\n"
    "51-4111.00\tTool and Die Makers\t2\tVerify dimensions of parts with micrometers.\tCore\t20\t07/2024\tI\n"
    "51-4041.00\tMachinists\t3\tCalculate dimensions and tolerances.\tCore\t20\t07/2024\tI\n"
)


@pytest.fixture
def room(wf, workspace_path, qtbot):
    """A skill-panel session with three employers and a partner, and the page on screen."""
    add = AddSession(kind="skill-panel", title="Skill panel", date="2026-11-04")
    wf.execute(add)
    sid = add.session_id
    people = [("Ana Ruiz", "hiring-authority"), ("Ben Cole", "hiring-authority"), ("Cy Ng", "employee")]
    for i, (name, role) in enumerate(people, start=1):
        wf.execute(AddParticipant(sid, name=name, organization=f"Shop {i}", role=role, participant_id=f"p{i}"))
    wf.execute(AddParticipant(sid, name="Pat Partner", organization="College", role="partner", participant_id="pp"))
    controller = Controller(wf)
    page = PanelPage(controller, sid, None)
    qtbot.addWidget(page)
    page.resize(1500, 950)
    page.show()
    for dock in page.docks:  # no main window here: the docks float beside the page
        qtbot.addWidget(dock)
        dock.show()
    qtbot.waitExposed(page)
    return page


def panel_of(page):
    return page.session.panels[page.panel_id]


def labels(page):
    return panels.task_labels(page.session, page.panel_id)


def task_by_label(page, label):
    return next(t for t, lab in labels(page).items() if lab == label)


def card_point(page, task_id) -> QPoint:
    item = page.scene.tasks[task_id]
    page.view.ensureVisible(item, 10, 10)
    QApplication.processEvents()
    return page.view.mapFromScene(item.sceneBoundingRect().center())


def click_task(qtbot, page, label, button=Qt.LeftButton):
    qtbot.mouseClick(page.view.viewport(), button, Qt.NoModifier, card_point(page, task_by_label(page, label)))


def press_key(qtbot, page, key, text=""):
    page.view.setFocus()
    qtbot.keyClick(page.view, key) if not text else qtbot.keyClicks(page.view, text)


def start_from(page, text):
    action = next(a for a in page.start_menu.actions() if a.text().startswith(text))
    action.trigger()


def new_tdm_panel(page):
    return page.add_panel(occupation="Tool and Die Maker", soc_code="51-4111", dots_per_participant=3)


# --- the strawman ------------------------------------------------------------------------


def test_a_template_becomes_the_matrix_in_one_undo_step(room, workspace_path):
    page = room
    start_from(page, "Template: Tool and Die Maker")  # no panel yet: the template makes one
    panel = panel_of(page)
    assert (panel.occupation, panel.soc_code, panel.revealed) == ("Tool and Die Maker", "51-4111", False)
    functions = panels.functions_of(page.session, panel.id)
    assert len(functions) == 6 and functions[0].title == "Design and Development of Tools and Dies"
    tasks = panels.tasks_of(page.session, panel.id)
    assert all(t.source == "template" and not t.added_in_room for t in tasks)
    assert sorted(labels(page).values())[:2] == ["A-1", "A-2"] and "F-4" in labels(page).values()
    assert len(page.scene.tasks) == len(tasks) and page.scene.functions[functions[1].id].title == "Part Fabrication"
    saved = reopen(workspace_path).sessions[page.session_id]
    assert len(saved.tasks) == len(tasks) and len(saved.functions) == 6

    start_from(page, "Template: Technical Sales")  # into the panel that is there now: one more step
    assert len(panels.functions_of(page.session, panel.id)) > 6
    page.controller.undo_stack.undo()
    assert len(panels.functions_of(page.session, panel.id)) == 6
    page.controller.undo_stack.undo()
    assert page.session.panels == {} and page.session.tasks == {} and page.scene.tasks == {}
    assert reopen(workspace_path).sessions[page.session_id].tasks == {}
    page.controller.undo_stack.redo()
    assert len(page.scene.tasks) == len(tasks)


def test_new_panel_from_an_occupation_card_on_the_wall(demo, qtbot):
    dialog = NewPanelDialog(demo.ws)
    qtbot.addWidget(dialog)
    assert dialog.cards.count() >= 3
    dialog.cards.setCurrentRow(0)
    title, soc = dialog.cards.item(0).data(Qt.UserRole)
    values = dialog.values()
    assert values["occupation"] == title and values["soc_code"] == soc and soc
    wall = next(s for s in demo.ws.sessions.values() if s.info.kind == "critical-occupations")
    assert any(c.text == title for c in wall.cards.values())

    sid = next(s.id for s in demo.ws.sessions.values() if s.info.kind == "skill-panel")
    page = PanelPage(Controller(demo), sid, None)
    qtbot.addWidget(page)
    before = len(page.session.panels)
    panel_id = page.add_panel(**values)
    panel = page.session.panels[panel_id]
    assert (panel.occupation, panel.soc_code, panel.source_card_id) == (title, soc, None)
    assert len(page.session.panels) == before + 1 and page.panel_box.currentData() == panel_id
    assert page.add_panel(occupation="  ") is None and "Occupation is empty" in page._last_refusal


def test_task_list_csv_and_xlsx_and_onet_import_with_reports(room, workspace_path, tmp_path):
    page = room
    new_tdm_panel(page)
    reports = []
    page.show_report = lambda title, text: reports.append((title, text))
    csv = tmp_path / "strawman.csv"
    csv.write_text(
        "function,task\nQuality Control,Checks parts\nQuality Control,\nSafety,Locks out machines\n", "utf-8"
    )
    page.ask_file = lambda _title: str(csv)
    start_from(page, "Task list")
    assert reports[-1][0] == "Task list imported"
    assert (
        "read 2 rows, skipped 1" in reports[-1][1]
        and "row 3: function 'Quality Control' has no task text" in reports[-1][1]
    )
    assert [f.title for f in panels.functions_of(page.session, page.panel_id)] == ["Quality Control", "Safety"]

    xlsx = tmp_path / "more.xlsx"
    pd.DataFrame({"Function": ["Safety", "Setup"], "Task": ["Wears eye protection", "Sets up the press"]}).to_excel(
        xlsx, index=False
    )
    assert page.import_task_list(xlsx)
    assert [f.title for f in panels.functions_of(page.session, page.panel_id)] == ["Quality Control", "Safety", "Setup"]
    assert labels(page)[task_by_label(page, "B-2")] == "B-2"
    assert page.session.tasks[task_by_label(page, "B-2")].text == "Wears eye protection"

    onet = tmp_path / "Task Statements.txt"
    onet.write_text(ONET, "utf-8")
    page.ask_file = lambda _title: str(onet)
    start_from(page, "O*NET")
    assert reports[-1][0] == "O*NET tasks imported" and "1 rows of other occupations left out" in reports[-1][1]
    unassigned = panels.tasks_of(page.session, page.panel_id, None)
    assert [t.text for t in unassigned] == [
        "Study blueprints, sketches, models, or specifications.",
        "Verify dimensions of parts with micrometers.",
    ]
    assert [labels(page)[t.id] for t in unassigned] == ["?-1", "?-2"] and all(t.source == "onet" for t in unassigned)
    assert None in page.scene.functions and page.scene.functions[None].title.startswith("Unassigned")
    saved = reopen(workspace_path).sessions[page.session_id]
    assert len(saved.tasks) == 6 and sum(t.function_id is None for t in saved.tasks.values()) == 2
    for _ in range(3):
        page.controller.undo_stack.undo()
    assert page.session.tasks == {} and page.session.functions == {}


@pytest.mark.parametrize(
    ("name", "content", "message"),
    [
        ("missing.csv", b"function,step\nA,b\n", "row 1 has no task column"),
        ("empty.csv", b"", "the file is empty"),
        ("latin1.csv", b"function,task\nS\xe9curit\xe9,Porte\n", "row 2 is not UTF-8 text"),
        ("fake.xlsx", b"function,task\nA,b\n", "not an Excel workbook"),
    ],
)
def test_malformed_imports_say_one_thing_and_change_nothing(room, workspace_path, tmp_path, name, content, message):
    page = room
    new_tdm_panel(page)
    reports, refusals = [], []
    page.show_report = lambda title, text: reports.append((title, text))
    page.controller.refused.connect(refusals.append)
    steps = page.controller.undo_stack.count()
    bad = tmp_path / name
    bad.write_bytes(content)
    assert not page.import_task_list(bad)
    assert reports == [("Task list: nothing imported", reports[0][1])] and message in reports[0][1]
    assert reports[0][1].startswith(name) and len(refusals) == 1 and message in refusals[0]
    assert page.controller.undo_stack.count() == steps and page.session.tasks == {}
    assert reopen(workspace_path).sessions[page.session_id].functions == {}


def test_onet_needs_the_panels_soc_code(room, tmp_path):
    page = room
    page.add_panel(occupation="Tool and Die Maker")
    reports = []
    page.show_report = lambda title, text: reports.append((title, text))
    onet = tmp_path / "Task Statements.txt"
    onet.write_text(ONET, "utf-8")
    assert not page.import_onet(onet)
    assert "has no SOC code yet" in reports[0][1] and page.session.tasks == {}


# --- arranging in the room -----------------------------------------------------------------


def test_functions_and_tasks_typed_in_the_room_are_marked_and_editable(room, workspace_path, qtbot):
    page = room
    new_tdm_panel(page)
    qtbot.keyClicks(page.function_line, "Quality Control")
    qtbot.keyClick(page.function_line, Qt.Key_Return)
    qtbot.keyClicks(page.function_line, "Safety")
    qtbot.keyClick(page.function_line, Qt.Key_Return)
    functions = panels.functions_of(page.session, page.panel_id)
    assert [f.title for f in functions] == ["Quality Control", "Safety"] and page.function_line.text() == ""
    page.task_target.setCurrentIndex(page.task_target.findData(functions[1].id))
    qtbot.keyClicks(page.task_line, "Locks out the press")
    qtbot.keyClick(page.task_line, Qt.Key_Return)
    task_id = task_by_label(page, "B-1")
    task = page.session.tasks[task_id]
    assert task.added_in_room and task.function_id == functions[1].id
    assert page.scene.tasks[task_id].look.added_in_room

    qtbot.mouseDClick(page.view.viewport(), Qt.LeftButton, Qt.NoModifier, card_point(page, task_id))
    editor = page.editor
    assert editor is not None and editor.text() == "Locks out the press"
    editor.selectAll()
    qtbot.keyClicks(editor, "Locks out & tags out the press")
    qtbot.keyClick(editor, Qt.Key_Return)
    assert page.session.tasks[task_id].text == "Locks out & tags out the press"

    header = page.scene.functions[functions[0].id]
    point = page.view.mapFromScene(header.sceneBoundingRect().center())
    qtbot.mouseDClick(page.view.viewport(), Qt.LeftButton, Qt.NoModifier, point)
    page.editor.selectAll()
    qtbot.keyClicks(page.editor, "Quality")
    qtbot.keyClick(page.editor, Qt.Key_Return)
    assert page.session.functions[functions[0].id].title == "Quality"
    saved = reopen(workspace_path).sessions[page.session_id]
    assert saved.tasks[task_id].text == "Locks out & tags out the press" and saved.tasks[task_id].added_in_room
    assert saved.functions[functions[0].id].title == "Quality"


def test_dragging_a_task_to_another_function_is_one_move(room, workspace_path, qtbot):
    page = room
    start_from(page, "Template: Tool and Die Maker")
    task_id = task_by_label(page, "A-1")
    target = page.scene.functions[panels.functions_of(page.session, page.panel_id)[2].id]  # C: Quality Control
    start = card_point(page, task_id)
    # Drop just below C's header: the first place in that column.
    end = page.view.mapFromScene(target.sceneBoundingRect().center().x(), target.sceneBoundingRect().bottom() + 8)
    viewport = page.view.viewport()
    qtbot.mousePress(viewport, Qt.LeftButton, Qt.NoModifier, start)
    for step in range(1, 6):
        qtbot.mouseMove(viewport, start + (end - start) * step / 5)
    qtbot.mouseRelease(viewport, Qt.LeftButton, Qt.NoModifier, end)
    assert labels(page)[task_id] == "C-1"
    assert reopen(workspace_path).sessions[page.session_id].tasks[task_id].function_id == target.function_id
    page.controller.undo_stack.undo()
    assert labels(page)[task_id] == "A-1"


def test_dacum_view_lays_functions_out_as_rows(room, qtbot):
    page = room
    start_from(page, "Template: Tool and Die Maker")
    a1, a2, b1 = (page.scene.tasks[task_by_label(page, x)] for x in ("A-1", "A-2", "B-1"))
    assert a1.x() == a2.x() and a2.y() > a1.y()  # columns: a function's tasks run down
    qtbot.mouseClick(page.dacum, Qt.LeftButton)
    assert page.options.dacum and page.dacum_action.isChecked()
    assert a1.y() == a2.y() and a2.x() > a1.x() and b1.y() > a1.y()  # rows: tasks run to the right
    header = page.scene.functions[page.session.tasks[a1.task_id].function_id]
    assert header.x() < a1.x() and header.y() == a1.y()


# --- dots ------------------------------------------------------------------------------------


def test_laptop_voting_with_keys_clicks_budget_and_refusal(room, workspace_path, qtbot):
    page = room
    start_from(page, "Template: Tool and Die Maker")
    voting = page.voting
    assert voting.mode == ARRANGE and not page.banner.isVisible()
    press_key(qtbot, page, Qt.Key_1)
    assert voting.mode == "p1" and not page.view.arrange
    assert "Ana Ruiz is voting: 3 of 3 left" in page.banner.text() and voting.left.text() == "Ana Ruiz: 3 of 3 left"
    click_task(qtbot, page, "A-1")
    assert voting.left.text() == "Ana Ruiz: 2 of 3 left"
    click_task(qtbot, page, "B-2")
    click_task(qtbot, page, "C-1")
    assert voting.left.text() == "Ana Ruiz: 0 of 3 left"
    click_task(qtbot, page, "D-1")  # a fourth dot: refused, visibly, near the picker
    assert voting.refusal.isVisible() and "used all 3 dots" in voting.refusal.text()
    assert panels.dots_left(page.session, panel_of(page), "p1", 1) == 0
    assert task_by_label(page, "D-1") not in panels.totals(page.session, page.panel_id)

    # Hidden: the voter sees their own dots, in their colour, and no counts.
    a1 = page.scene.tasks[task_by_label(page, "A-1")]
    assert a1.look.dots == [page.options.colours["p1"]] and a1.look.count is None
    click_task(qtbot, page, "A-1")  # click again: the dot comes back
    assert voting.left.text() == "Ana Ruiz: 1 of 3 left" and a1.look.dots == []
    assert not voting.refusal.isVisible()

    press_key(qtbot, page, Qt.Key_2)  # Ben: his own dots only
    assert voting.mode == "p2"
    assert page.scene.tasks[task_by_label(page, "B-2")].look.dots == []
    click_task(qtbot, page, "B-2")
    click_task(qtbot, page, "C-1")
    click_task(qtbot, page, "C-1", Qt.RightButton)  # right-click takes it back
    click_task(qtbot, page, "C-1")
    press_key(qtbot, page, Qt.Key_3)
    click_task(qtbot, page, "B-2")
    press_key(qtbot, page, Qt.Key_4)  # the partner does not vote: there is no 4th voter
    assert voting.mode == "p3"
    press_key(qtbot, page, Qt.Key_Escape)
    assert voting.mode == ARRANGE and page.view.arrange

    counts = panels.totals(page.session, page.panel_id)
    want = {task_by_label(page, "B-2"): 3, task_by_label(page, "C-1"): 2}
    assert counts == want
    saved = reopen(workspace_path).sessions[page.session_id]
    assert panels.totals(saved, page.panel_id) == want
    assert {(v.participant_id, v.round) for v in saved.votes.values()} == {("p1", 1), ("p2", 1), ("p3", 1)}


def test_several_dots_per_task_when_the_panel_allows_it(room, qtbot):
    page = room
    start_from(page, "Template: Tool and Die Maker")
    qtbot.mouseClick(page.voting.several, Qt.LeftButton)
    assert panel_of(page).several_dots_per_task
    press_key(qtbot, page, Qt.Key_1)
    click_task(qtbot, page, "A-1")
    click_task(qtbot, page, "A-1")
    assert panels.totals(page.session, page.panel_id) == {task_by_label(page, "A-1"): 2}
    click_task(qtbot, page, "A-1", Qt.RightButton)
    assert panels.totals(page.session, page.panel_id) == {task_by_label(page, "A-1"): 1}


def test_room_tally_typed_per_task(room, workspace_path, qtbot):
    page = room
    start_from(page, "Template: Tool and Die Maker")
    page.voting.set_mode(TALLY)
    assert page.voting.mode == TALLY
    click_task(qtbot, page, "A-2")
    press_key(qtbot, page, None, "12")
    a2 = page.scene.tasks[task_by_label(page, "A-2")]
    assert a2.look.typing == "12"
    press_key(qtbot, page, Qt.Key_Backspace)
    press_key(qtbot, page, None, "4")
    press_key(qtbot, page, Qt.Key_Return)
    assert panels.totals(page.session, page.panel_id) == {a2.task_id: 14}
    tally = next(iter(page.session.votes.values()))
    assert tally.participant_id is None and tally.dots == 14
    assert page.view.selected_task() == task_by_label(page, "A-3")  # Enter moves on to the next card
    press_key(qtbot, page, Qt.Key_Right)  # arrows walk the cards: across to B
    assert page.view.selected_task() == task_by_label(page, "B-3")
    press_key(qtbot, page, Qt.Key_Up)
    press_key(qtbot, page, Qt.Key_Up)
    assert page.view.selected_task() == task_by_label(page, "B-1")
    press_key(qtbot, page, None, "3")
    press_key(qtbot, page, Qt.Key_Enter)
    saved = reopen(workspace_path).sessions[page.session_id]
    assert panels.totals(saved, page.panel_id) == {a2.task_id: 14, task_by_label(page, "B-1"): 3}
    assert a2.look.count is None  # still hidden: no counts on the screen


def test_reveal_shows_counts_heat_and_ties_and_rounds(room, workspace_path, qtbot):
    page = room
    start_from(page, "Template: Tool and Die Maker")
    page.voting.set_mode("p1")
    for label in ("A-1", "B-1", "C-1"):
        click_task(qtbot, page, label)
    page.voting.set_mode("p2")
    for label in ("A-1", "B-1", "D-1"):
        click_task(qtbot, page, label)
    page.voting.set_mode(ARRANGE)
    assert not page.voting.ranked.isVisible() and page.voting.hidden_note.isVisible()

    qtbot.mouseClick(page.voting.reveal, Qt.LeftButton)
    assert panel_of(page).revealed and reopen(workspace_path).sessions[page.session_id].panels[page.panel_id].revealed
    a1 = page.scene.tasks[task_by_label(page, "A-1")]
    c1 = page.scene.tasks[task_by_label(page, "C-1")]
    assert a1.look.count == 2 and a1.look.heat == 1.0 and c1.look.count == 1 and c1.look.heat == 0.5
    assert len(a1.look.dots) == 2 and a1.look.top
    table = page.voting.ranked
    headers = [table.horizontalHeaderItem(c).text() for c in range(table.columnCount())]
    assert headers == ["Rank", "Task", "Function", "Dots"]
    ranked = [[table.item(r, c).text() for c in range(table.columnCount())] for r in range(table.rowCount())]
    assert ranked[0][0] == "=1" and ranked[0][1].startswith("A-1") and ranked[0][3] == "2"
    assert ranked[1][0] == "=1" and ranked[1][1].startswith("B-1")
    assert ranked[2][0] == "=3" and ranked[2][3] == "1" and len(ranked) == 4
    assert all(row[2] for row in ranked)  # the task's function (or "Unassigned")

    # Round 2: employees vote the same matrix; results per round and combined.
    page.voting.round.setCurrentIndex(page.voting.round.findData(2))
    assert panel_of(page).voting_round == 2
    page.voting.set_mode("p3")
    click_task(qtbot, page, "C-1")
    page.voting.set_mode(ARRANGE)
    view = page.voting.view
    view.setCurrentIndex(view.findData(1))
    assert c1.look.count == 1
    view.setCurrentIndex(view.findData(2))
    assert c1.look.count == 1 and a1.look.count == 0
    view.setCurrentIndex(view.findData(None))
    assert c1.look.count == 2 and a1.look.count == 2
    assert [page.voting.ranked.item(i, 0).text() for i in range(3)] == ["=1", "=1", "=1"]

    qtbot.mouseClick(page.voting.reveal, Qt.LeftButton)
    assert not panel_of(page).revealed and a1.look.count is None


# --- after the vote --------------------------------------------------------------------------


def test_details_ksas_top_tasks_and_paths(room, workspace_path, qtbot):
    page = room
    start_from(page, "Template: Tool and Die Maker")
    page.voting.set_mode("p1")
    click_task(qtbot, page, "A-1")
    click_task(qtbot, page, "C-1")
    page.voting.set_mode("p2")
    click_task(qtbot, page, "A-1")
    page.voting.set_mode(ARRANGE)
    qtbot.mouseClick(page.voting.reveal, Qt.LeftButton)
    details = page.details
    a1, c1 = task_by_label(page, "A-1"), task_by_label(page, "C-1")
    assert [details.top.item(i).data(Qt.UserRole) for i in range(details.top.count())] == [a1, c1]
    assert details.task_id == a1 and details.heading.text().startswith("A-1")

    box = details.boxes["minimum"]
    box.setFocus()
    qtbot.keyClicks(box, "Reads a simple print")
    details.boxes["progression"].setFocus()  # leaving the box saves it
    qtbot.keyClicks(details.boxes["progression"], "Reads GD&T <callouts>")
    qtbot.waitUntil(
        lambda: page.session.task_details.get(a1) and page.session.task_details[a1].progression, timeout=3000
    )
    qtbot.keyClicks(details.ksa_line, "k: blueprint reading")
    qtbot.keyClick(details.ksa_line, Qt.Key_Return)
    qtbot.keyClicks(details.ksa_line, "a: spatial reasoning")
    qtbot.keyClick(details.ksa_line, Qt.Key_Return)
    qtbot.keyClicks(details.ksa_line, "measuring with micrometers")
    qtbot.keyClick(details.ksa_line, Qt.Key_Return)
    detail = page.session.task_details[a1]
    assert detail.minimum == "Reads a simple print" and detail.progression == "Reads GD&T <callouts>"
    assert [(k.kind, k.text) for k in detail.ksas] == [
        ("knowledge", "blueprint reading"),
        ("ability", "spatial reasoning"),
        ("skill", "measuring with micrometers"),
    ]
    assert details.ksas.item(0).text() == "Knowledge: blueprint reading" and details.ksa_line.text() == ""

    # The facilitator adds a task that got no dots, and drops one that did.
    click_task(qtbot, page, "F-4")
    qtbot.mouseClick(details.add_top, Qt.LeftButton)
    details.focus_task(c1)
    qtbot.mouseClick(details.drop_top, Qt.LeftButton)
    panel = panel_of(page)
    f4 = task_by_label(page, "F-4")
    assert panel.top_added == (f4,) and panel.top_dropped == (c1,)
    assert [t.id for t in panels.top_tasks(page.session, panel)] == [a1, f4]

    details.tabs.setCurrentIndex(1)
    into, into_line = details.paths["paths_into"]
    _out, out_line = details.paths["paths_from"]
    for line, text in ((into_line, "Machinist apprenticeship"), (into_line, "CNC operator"), (out_line, "Shop lead")):
        qtbot.keyClicks(line, text)
        qtbot.keyClick(line, Qt.Key_Return)
    assert panel_of(page).paths_into == ("Machinist apprenticeship", "CNC operator")
    into.setCurrentRow(0)
    into.setFocus()
    qtbot.keyClick(into, Qt.Key_Delete)
    assert panel_of(page).paths_into == ("CNC operator",) and panel_of(page).paths_from == ("Shop lead",)

    saved = reopen(workspace_path).sessions[page.session_id]
    assert saved.task_details[a1].ksas == detail.ksas and saved.task_details[a1].minimum == "Reads a simple print"
    assert saved.panels[page.panel_id].paths_into == ("CNC operator",)
    assert saved.panels[page.panel_id].top_added == (f4,)

    # Undo it all, step by step, and the file is back to an empty session.
    stack = page.controller.undo_stack
    while stack.canUndo():
        stack.undo()
    assert page.session.panels == {} and page.session.votes == {} and page.session.task_details == {}
    empty = reopen(workspace_path).sessions[page.session_id]
    assert empty.panels == {} and empty.tasks == {} and empty.votes == {} and empty.task_details == {}
    while stack.canRedo():
        stack.redo()
    again = reopen(workspace_path).sessions[page.session_id]
    assert again.task_details[a1].ksas == detail.ksas and again.panels[page.panel_id].paths_from == ("Shop lead",)


def test_the_window_shows_the_panel_page_with_its_docks(demo_path, qtbot):
    from ui.main_window import MainWindow

    window = MainWindow()
    qtbot.addWidget(window)
    window.open_workspace(demo_path)
    session = next(s for s in window.wf.ws.ordered_sessions() if s.info.kind == "skill-panel")
    window.show_session(session.id)
    page = window.page
    assert isinstance(page, PanelPage) and page.panel_box.count() == 2
    assert page.voting in window.page_docks and page.details in window.page_docks
    assert page.script is None or page.script in window.page_docks
    assert page.scene.tasks and page.voting.ranked.rowCount() > 0
    page.show_panel(page.panel_box.itemData(1))
    assert page.title.text().startswith("Technical Sales Representative")
    if page.script is not None:  # the script keeps notes per panel
        assert page.script.panel_id == page.panel_box.itemData(1)
    window.close()


def test_reorder_within_a_function_and_functions_from_the_context_menu(room, workspace_path, qtbot):
    page = room
    start_from(page, "Template: Tool and Die Maker")
    a3 = task_by_label(page, "A-3")
    start = card_point(page, a3)
    a1_item = page.scene.tasks[task_by_label(page, "A-1")]
    end = page.view.mapFromScene(a1_item.sceneBoundingRect().center().x(), a1_item.sceneBoundingRect().top() + 4)
    viewport = page.view.viewport()
    qtbot.mousePress(viewport, Qt.LeftButton, Qt.NoModifier, start)
    for step in range(1, 6):
        qtbot.mouseMove(viewport, start + (end - start) * step / 5)
    qtbot.mouseRelease(viewport, Qt.LeftButton, Qt.NoModifier, end)
    assert labels(page)[a3] == "A-1"

    first = panels.functions_of(page.session, page.panel_id)[0]
    header = page.scene.functions[first.id]
    point = page.view.mapFromScene(header.sceneBoundingRect().center())
    qtbot.mouseClick(viewport, Qt.RightButton, Qt.NoModifier, point)
    menu = page.context_menu
    next(a for a in menu.actions() if a.text() == "Move later").trigger()
    menu.close()
    assert [f.id for f in panels.functions_of(page.session, page.panel_id)][1] == first.id
    assert labels(page)[a3] == "B-1"

    qtbot.mouseClick(viewport, Qt.RightButton, Qt.NoModifier, card_point(page, a3))
    menu = page.context_menu
    next(a for a in menu.actions() if a.text() == "Delete task").trigger()
    menu.close()
    assert a3 not in page.session.tasks and a3 not in page.scene.tasks
    assert a3 not in reopen(workspace_path).sessions[page.session_id].tasks
    page.controller.undo_stack.undo()
    assert labels(page)[a3] == "B-1"
    saved = reopen(workspace_path).sessions[page.session_id]
    assert panels.task_labels(saved, page.panel_id)[a3] == "B-1"


def test_the_picker_list_picks_the_voter_by_click(room, qtbot):
    page = room
    start_from(page, "Template: Tool and Die Maker")
    picker = page.voting.picker
    row = next(i for i in range(picker.count()) if picker.item(i).data(Qt.UserRole) == "p3")
    rect = picker.visualItemRect(picker.item(row))
    qtbot.mouseClick(picker.viewport(), Qt.LeftButton, Qt.NoModifier, rect.center())
    assert page.voting.mode == "p3" and "Cy Ng" in page.banner.text()
    assert [picker.item(i).data(Qt.UserRole) for i in range(picker.count())] == [ARRANGE, TALLY, "p1", "p2", "p3"]
    click_task(qtbot, page, "E-1")
    assert "2 of 3 left" in picker.item(row).text()


def test_hidden_results_leak_nothing_in_the_docks(room, qtbot):
    page = room
    start_from(page, "Template: Tool and Die Maker")
    page.voting.set_mode("p1")
    click_task(qtbot, page, "C-3")
    page.voting.set_mode("p2")
    click_task(qtbot, page, "C-3")
    page.voting.set_mode(ARRANGE)
    assert not panel_of(page).revealed
    assert page.details.top.count() == 0 and page.voting.ranked.rowCount() == 0
    assert all(item.look.count is None and not item.look.dots for item in page.scene.tasks.values())
    qtbot.mouseClick(page.voting.reveal, Qt.LeftButton)
    assert page.details.top.item(0).text().startswith("C-3") and "2 dots" in page.details.top.item(0).text()
    assert page.scene.tasks[task_by_label(page, "C-3")].look.count == 2


def test_one_count_everywhere_the_top_tasks_count_the_round_the_matrix_shows(room, qtbot):
    page = room
    start_from(page, "Template: Tool and Die Maker")
    page.voting.set_mode("p1")
    for label in ("A-1", "C-1"):
        click_task(qtbot, page, label)
    page.voting.round.setCurrentIndex(page.voting.round.findData(2))
    page.voting.set_mode("p3")  # round 2: the employees
    click_task(qtbot, page, "A-1")
    page.voting.set_mode(ARRANGE)
    qtbot.mouseClick(page.voting.reveal, Qt.LeftButton)
    a1 = task_by_label(page, "A-1")
    view = page.voting.view
    for data in (1, 2, None):  # round 1, round 2, both: the matrix, the ranking and the list agree
        view.setCurrentIndex(view.findData(data))
        count = page.scene.tasks[a1].look.count
        listed = next(
            page.details.top.item(i).text()
            for i in range(page.details.top.count())
            if page.details.top.item(i).data(Qt.UserRole) == a1
        )
        table = page.voting.ranked
        ranked = next(
            table.item(r, 3).text() for r in range(table.rowCount()) if table.item(r, 0).data(Qt.UserRole) == a1
        )
        assert f"{count} dot" in listed and ranked == str(count), (data, count, listed, ranked)
    assert page.scene.tasks[a1].look.count == 2  # both rounds, last


def test_count_badges_never_cover_words_or_tags_and_top_tasks_show_counts_in_the_dacum_view(room, qtbot):
    page = room
    start_from(page, "Template: Tool and Die Maker")
    page.voting.set_mode("p1")
    for label in ("A-1", "B-1", "C-1"):
        click_task(qtbot, page, label)
    page.voting.set_mode(ARRANGE)
    qtbot.mouseClick(page.voting.reveal, Qt.LeftButton)
    for dacum in (False, True):
        if dacum:
            qtbot.mouseClick(page.dacum, Qt.LeftButton)
            assert page.dacum.isChecked()
        counted = [item for item in page.scene.tasks.values() if item.look.count]
        assert len(counted) == 3 and all(item.look.top for item in counted)
        for item in counted:
            badge = item.count_rect()
            assert not badge.intersects(item.text_rect())
            assert all(not badge.intersects(pill) for _tag, pill in item.tag_rects())
            assert [tag for tag, _pill in item.tag_rects()] == ["TOP"]
            assert item.boundingRect().contains(badge)
            # Nothing else on the matrix lies over the badge: the room sees the number.
            centre = item.mapToScene(badge.center())
            assert page.scene.items(centre)[0] is item
