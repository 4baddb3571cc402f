"""The asset map and action plan pages through real clicks and keys, checked in the reopened file."""

from __future__ import annotations

from PySide6.QtCore import QPointF, Qt
from PySide6.QtGui import QGuiApplication
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QApplication, QLineEdit

from storage.workspace import WorkspaceFile
from tests.helpers import reopen
from tests.ui.wall_helpers import _move, card_centre, cell_empty_spot, click, close_page, drag
from ui.controller import Controller


def _open(qtbot, path, kind: str, size=(1400, 900)):
    wf = WorkspaceFile.open(path, backup=False)
    controller = Controller(wf)
    session_id = next(s.id for s in wf.ws.sessions.values() if s.info.kind == kind)
    if kind == "asset-map":
        from ui.assets.page import AssetMapPage as Page
    else:
        from ui.actions.page import ActionPlanPage as Page
    page = Page(controller, session_id)
    qtbot.addWidget(page)
    page.resize(*size)
    page.show()
    qtbot.waitExposed(page)
    if kind == "asset-map":
        page.view.fit_wall()
    QApplication.processEvents()
    return wf, controller, page


def _session(path, kind):
    return next(s for s in reopen(path).sessions.values() if s.info.kind == kind)


def test_a_typed_program_lands_in_the_clicked_cell_and_undo_removes_it(qtbot, journey_path):
    wf, controller, page = _open(qtbot, journey_path, "asset-map")
    session = wf.ws.sessions[page.session_id]
    quality = next(c.id for c in session.categories.values() if c.title == "Quality")
    mid = session.level_by_name("Mid").id
    click(page, cell_empty_spot(page, (quality, mid)))
    page.capture.field.setFocus()
    QTest.keyClicks(page.capture.field, "Metrology AAS & CMM")
    QTest.keyClick(page.capture.field, Qt.Key_Return)
    saved = _session(journey_path, "asset-map")
    added = [c for c in saved.cards.values() if c.text == "Metrology AAS & CMM"]
    assert len(added) == 1 and (added[0].kind, added[0].category_id, added[0].level_id) == ("program", quality, mid)
    assert added[0].id in saved.program_details
    controller.undo_stack.undo()
    assert not [c for c in _session(journey_path, "asset-map").cards.values() if c.text == "Metrology AAS & CMM"]
    close_page(page, wf)


def test_a_pasted_column_becomes_programs_in_one_undo_step(qtbot, journey_path):
    wf, controller, page = _open(qtbot, journey_path, "asset-map")
    before = len(wf.ws.sessions[page.session_id].cards)
    QGuiApplication.clipboard().setText("Robotics I\nRobotics II\n\nRobotics III\n")
    page.capture.field.setFocus()
    QTest.keyClick(page.capture.field, Qt.Key_V, Qt.ControlModifier)
    saved = _session(journey_path, "asset-map")
    assert len(saved.cards) == before + 3
    assert {"Robotics I", "Robotics II", "Robotics III"} <= {c.text for c in saved.cards.values()}
    controller.undo_stack.undo()
    assert len(_session(journey_path, "asset-map").cards) == before
    close_page(page, wf)


def _programs(page, a_text, b_text):
    session = page.controller.ws.sessions[page.session_id]
    by_text = {c.text: c.id for c in session.cards.values()}
    return by_text[a_text], by_text[b_text]


def test_alt_drag_from_one_program_to_another_draws_a_link_and_undo_takes_it_back(qtbot, journey_path):
    wf, controller, page = _open(qtbot, journey_path, "asset-map")
    a, b = _programs(page, "Quality Inspection & Metrology", "CNC Machining Certificate")
    before = dict(wf.ws.sessions[page.session_id].cards)
    drag(page, card_centre(page, a), card_centre(page, b), modifiers=Qt.AltModifier)
    links = _session(journey_path, "asset-map").links
    assert [(x.from_card_id, x.to_card_id) for x in links.values() if x.from_card_id == a] == [(a, b)]
    assert wf.ws.sessions[page.session_id].cards == before  # nothing moved or stacked
    new = next(x.id for x in links.values() if x.from_card_id == a)
    assert new in page.links.drawn
    controller.undo_stack.undo()
    assert not [x for x in _session(journey_path, "asset-map").links.values() if x.from_card_id == a]
    assert new not in page.links.drawn
    close_page(page, wf)


def test_l_then_a_click_links_the_selected_program_to_the_next(qtbot, journey_path):
    wf, controller, page = _open(qtbot, journey_path, "asset-map")
    a, b = _programs(page, "Forklift Operator Certification", "CDL Class A Training")
    click(page, card_centre(page, a))
    QTest.keyClick(page.view, Qt.Key_L)
    click(page, card_centre(page, b))
    assert any((x.from_card_id, x.to_card_id) == (a, b) for x in _session(journey_path, "asset-map").links.values())
    controller.undo_stack.undo()
    assert not any(x.from_card_id == a for x in _session(journey_path, "asset-map").links.values())
    close_page(page, wf)


def test_a_plain_drag_of_a_program_onto_another_cell_moves_it(qtbot, journey_path):
    wf, controller, page = _open(qtbot, journey_path, "asset-map")
    session = wf.ws.sessions[page.session_id]
    card = next(c for c in session.cards.values() if c.text == "Forklift Operator Certification")
    mid = session.level_by_name("Mid").id
    drag(page, card_centre(page, card.id), cell_empty_spot(page, (card.category_id, mid)))
    assert _session(journey_path, "asset-map").cards[card.id].level_id == mid
    controller.undo_stack.undo()
    assert _session(journey_path, "asset-map").cards[card.id].level_id == card.level_id
    close_page(page, wf)


def test_marking_a_row_a_gap_is_saved_and_undone(qtbot, journey_path):
    wf, controller, page = _open(qtbot, journey_path, "asset-map")
    session = wf.ws.sessions[page.session_id]
    row = next(r for r in session.gap_rows.values() if r.coverage == "covered")
    box = page.gap_dock.coverage_box(row.id)
    box.setFocus()
    QTest.keyClick(box, Qt.Key_Down)  # Covered -> Partly covered
    QTest.keyClick(box, Qt.Key_Down)  # -> Gap
    qtbot.waitUntil(lambda: page.gap_dock.coverage_box(row.id) is not box)
    assert _session(journey_path, "asset-map").gap_rows[row.id].coverage == "gap"
    assert page.gap_dock.coverage_box(row.id).currentData() == "gap"
    controller.undo_stack.undo()
    controller.undo_stack.undo()
    assert _session(journey_path, "asset-map").gap_rows[row.id].coverage == "covered"
    close_page(page, wf)


def _grid_centre(page, action_id):
    item = page.scene.cards[action_id]
    return page.view.mapFromScene(item.mapToScene(item.rect().center()))


def test_dragging_an_action_to_another_quadrant_moves_it_and_undo_moves_it_back(qtbot, journey_path):
    from ui.actions.grid import quadrant_rect

    wf, controller, page = _open(qtbot, journey_path, "action-plan")
    session = wf.ws.sessions[page.session_id]
    action = next(a for a in session.actions.values() if (a.impact, a.feasibility) == ("high", "high"))
    viewport = page.view.viewport()
    start = _grid_centre(page, action.id)
    target = page.view.mapFromScene(quadrant_rect(("low", "low")).center())
    QTest.mousePress(viewport, Qt.LeftButton, Qt.NoModifier, start)
    for i in range(1, 7):
        p = start + (target - start) * (i / 6)
        _move(viewport, p, Qt.LeftButton)
    QTest.mouseRelease(viewport, Qt.LeftButton, Qt.NoModifier, target)
    QApplication.processEvents()
    moved = _session(journey_path, "action-plan").actions[action.id]
    assert (moved.impact, moved.feasibility) == ("low", "low")
    assert quadrant_rect(("low", "low")).contains(page.scene.cards[action.id].sceneBoundingRect().center())
    controller.undo_stack.undo()
    back = _session(journey_path, "action-plan").actions[action.id]
    assert (back.impact, back.feasibility) == ("high", "high")
    assert quadrant_rect(("high", "high")).contains(page.scene.cards[action.id].sceneBoundingRect().center())
    close_page(page, wf)


def test_typing_an_action_and_editing_its_owners_and_measure(qtbot, journey_path):
    wf, controller, page = _open(qtbot, journey_path, "action-plan")
    page.field.setFocus()
    QTest.keyClicks(page.field, "Host a teachers' plant tour")
    QTest.keyClick(page.field, Qt.Key_Return)
    session = wf.ws.sessions[page.session_id]
    new = next(a for a in session.actions.values() if a.text == "Host a teachers' plant tour")
    QTest.mouseClick(page.view.viewport(), Qt.LeftButton, Qt.NoModifier, _grid_centre(page, new.id))
    assert page.details.action_id == new.id
    page.details.owners.setFocus()
    QTest.keyClicks(page.details.owners, "Grand Junction High School CTE; Colorado Mesa Machining")
    QTest.keyClick(page.details.owners, Qt.Key_Return)
    saved = _session(journey_path, "action-plan").actions[new.id]
    assert saved.owners == ("Grand Junction High School CTE", "Colorado Mesa Machining")
    controller.undo_stack.undo()
    assert _session(journey_path, "action-plan").actions[new.id].owners == ()
    close_page(page, wf)


def test_gaps_become_draft_actions_with_one_click_on_the_asset_map(qtbot, journey_path):
    from cardwall.commands import DeleteAction

    with WorkspaceFile.open(journey_path, backup=False) as wf:  # an action plan with no actions yet
        plan = next(s for s in wf.ws.sessions.values() if s.info.kind == "action-plan")
        for action_id in list(plan.actions):
            wf.execute(DeleteAction(plan.id, action_id))
    wf, controller, page = _open(qtbot, journey_path, "asset-map")
    QTest.mouseClick(page.gap_dock.actions_button, Qt.LeftButton)
    drafts = _session(journey_path, "action-plan").actions
    gaps = [r for r in wf.ws.sessions[page.session_id].gap_rows.values() if r.coverage in ("gap", "partly")]
    assert len(drafts) == len(gaps) and all(a.status == "draft" for a in drafts.values())
    controller.undo_stack.undo()
    assert not _session(journey_path, "action-plan").actions
    close_page(page, wf)


def test_the_grid_starts_with_every_action_in_its_quadrant(qtbot, journey_path):
    from ui.actions.grid import quadrant_rect

    wf, _controller, page = _open(qtbot, journey_path, "action-plan")
    for action in wf.ws.sessions[page.session_id].actions.values():
        centre = page.scene.cards[action.id].sceneBoundingRect().center()
        assert quadrant_rect((action.impact, action.feasibility)).contains(QPointF(centre))
    close_page(page, wf)


def test_typing_into_a_gap_matrix_cell_saves_that_field(qtbot, journey_path):
    wf, controller, page = _open(qtbot, journey_path, "asset-map")
    dock = page.gap_dock
    row = next(r for r in wf.ws.sessions[page.session_id].gap_rows.values() if r.occupation == "CNC machinist")
    index = dock.rows.index(row.id)
    column = [name for _h, name in dock.COLUMNS].index("delivery")
    table = dock.table
    dock.show()  # a dock of no window here: shown on its own, as when floated
    qtbot.waitExposed(dock)
    table.setFocus()
    table.setCurrentCell(index, column)
    QTest.keyClick(table, Qt.Key_F2)  # the edit key opens the cell's editor
    editor = next(e for e in table.findChildren(QLineEdit) if e.isVisible())
    editor.selectAll()
    QTest.keyClicks(editor, "Weekend lab cohort")
    QTest.keyClick(editor, Qt.Key_Return)
    QApplication.processEvents()  # the delegate commits a Return queued
    assert _session(journey_path, "asset-map").gap_rows[row.id].delivery == "Weekend lab cohort"
    controller.undo_stack.undo()
    assert _session(journey_path, "asset-map").gap_rows[row.id].delivery == row.delivery
    close_page(page, wf)


def test_importing_an_inventory_from_the_asset_map_adds_its_programs_in_one_undo_step(qtbot, journey_path, tmp_path):
    wf, controller, page = _open(qtbot, journey_path, "asset-map")
    before = len(wf.ws.sessions[page.session_id].cards)
    path = tmp_path / "inventory.csv"
    path.write_text("Program,Institution,Level,Family\nMechatronics I,GVCC,Entry,Maintenance\n", encoding="utf-8")
    lines = page.import_inventory(path)
    assert lines[0].startswith("inventory.csv: read 1 row")
    saved = _session(journey_path, "asset-map")
    card = next(c for c in saved.cards.values() if c.text == "Mechatronics I")
    assert (
        saved.categories[card.category_id].title == "Maintenance"
        and saved.program_details[card.id].institution == "GVCC"
    )
    controller.undo_stack.undo()
    assert len(_session(journey_path, "asset-map").cards) == before
    close_page(page, wf)


def test_a_partner_typed_into_the_resource_map_is_saved_and_its_type_changed_by_keys(qtbot, journey_path):
    wf, controller, page = _open(qtbot, journey_path, "asset-map")
    dock = page.resource_dock
    dock.field.setFocus()
    QTest.keyClicks(dock.field, "Delta County Libraries")
    QTest.keyClick(dock.field, Qt.Key_Return)
    saved = _session(journey_path, "asset-map")
    entry = next(r for r in saved.resources.values() if r.organization == "Delta County Libraries")
    assert entry.partner_type == "post-secondary"
    qtbot.waitUntil(lambda: entry.id in dock.rows)
    box = dock.type_box(entry.id)
    box.setFocus()
    QTest.keyClick(box, Qt.Key_Down)  # post-secondary -> workforce
    QTest.keyClick(box, Qt.Key_Down)  # -> community-based
    assert _session(journey_path, "asset-map").resources[entry.id].partner_type == "community-based"
    controller.undo_stack.undo()
    controller.undo_stack.undo()
    assert _session(journey_path, "asset-map").resources[entry.id].partner_type == "post-secondary"
    controller.undo_stack.undo()
    assert entry.id not in _session(journey_path, "asset-map").resources
    close_page(page, wf)


def test_ctrl_arrows_move_the_selected_action_between_quadrants(qtbot, journey_path):
    wf, controller, page = _open(qtbot, journey_path, "action-plan")
    action = next(a for a in wf.ws.sessions[page.session_id].actions.values() if a.impact == "high")
    QTest.mouseClick(page.view.viewport(), Qt.LeftButton, Qt.NoModifier, _grid_centre(page, action.id))
    page.view.setFocus()
    QTest.keyClick(page.view, Qt.Key_Down, Qt.ControlModifier)
    assert _session(journey_path, "action-plan").actions[action.id].impact == "low"
    QTest.keyClick(page.view, Qt.Key_Up, Qt.ControlModifier)
    assert _session(journey_path, "action-plan").actions[action.id].impact == "high"
    controller.undo_stack.undo()
    assert _session(journey_path, "action-plan").actions[action.id].impact == "low"
    close_page(page, wf)
