"""Skills between levels on the asset map: drafted by a click, typed with keys, deleted, undone; saved in the file."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QApplication, QPlainTextEdit

from tests.ui.test_assets_ui import _open, _session
from tests.ui.wall_helpers import close_page


def test_draft_type_and_delete_a_step_between_levels(qtbot, journey_path):
    wf, controller, page = _open(qtbot, journey_path, "asset-map")
    dock = page.steps_dock
    dock.show()
    qtbot.waitExposed(dock)
    assert dock.table.rowCount() == 2  # the demo's two pathways with two levels each
    production = next(i for i, sid in enumerate(dock.steps) if "Production" in dock.table.item(i, 0).text())
    qtbot.mouseClick(dock.draft_button, Qt.LeftButton)  # every link has its step: refused, nothing changes
    assert "No occupation of the gap matrix" in controller.last_refusal

    sid = dock.steps[production]
    table = dock.table
    table.setFocus()
    table.setCurrentCell(production, 3)
    QTest.keyClick(table, Qt.Key_F2)
    editor = next(e for e in table.findChildren(QPlainTextEdit) if e.isVisible())
    editor.selectAll()
    QTest.keyClicks(editor, "Die design & tryout <first>")
    QTest.keyClick(editor, Qt.Key_Return)  # a new line, one skill a line
    QTest.keyClicks(editor, "Wire EDM")
    QTest.keyClick(editor, Qt.Key_Tab)  # Tab saves
    QApplication.processEvents()
    assert _session(journey_path, "asset-map").level_steps[sid].adds == "Die design & tryout <first>\nWire EDM"

    table.setCurrentCell(production, 0)
    qtbot.mouseClick(dock.delete_button, Qt.LeftButton)
    assert sid not in _session(journey_path, "asset-map").level_steps
    qtbot.mouseClick(dock.draft_button, Qt.LeftButton)  # the link has no step now: drafted from the panels' KSAs
    drafted = _session(journey_path, "asset-map").level_steps[sid]
    assert "GD&T symbols, datums and tolerance stack-up" in drafted.adds.splitlines()
    QApplication.processEvents()
    assert dock.table.rowCount() == 2
    controller.undo_stack.undo()  # the draft
    controller.undo_stack.undo()  # the delete
    controller.undo_stack.undo()  # the typing
    assert _session(journey_path, "asset-map").level_steps[sid].adds.startswith("GD&T symbols")
    close_page(page, wf)
