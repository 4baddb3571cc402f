"""Blank rows of the training gap matrix, added and deleted by clicks and keys, undone, and seen in the file."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QApplication, QLineEdit

from tests.ui.test_assets_ui import _open, _session
from tests.ui.wall_helpers import close_page


def _click_cell(table, row: int, column: int) -> None:
    rect = table.visualItemRect(table.item(row, column))
    QTest.mouseClick(table.viewport(), Qt.LeftButton, Qt.NoModifier, rect.center())


def _rows(path) -> dict:
    return _session(path, "asset-map").gap_rows


def test_add_row_puts_a_blank_row_below_the_selected_one_and_opens_its_occupation_for_typing(qtbot, journey_path):
    wf, controller, page = _open(qtbot, journey_path, "asset-map")
    dock, table = page.gap_dock, page.gap_dock.table
    dock.show()  # a dock of no window here: shown on its own, as when floated
    qtbot.waitExposed(dock)
    selected = next(r for r in wf.ws.sessions[page.session_id].gap_rows.values() if r.occupation == "CNC machinist")
    before = set(_rows(journey_path))
    _click_cell(table, dock.rows.index(selected.id), dock.OCCUPATION_COLUMN)
    QTest.mouseClick(dock.add_button, Qt.LeftButton)
    qtbot.waitUntil(lambda: len(dock.rows) == len(before) + 1)
    (new,) = set(_rows(journey_path)) - before
    blank = _rows(journey_path)[new]
    assert (blank.occupation, blank.content, blank.coverage, blank.programs) == ("", "", "", ())
    assert (blank.pathway, blank.skill_level) == (selected.pathway, selected.skill_level)
    assert dock.rows.index(new) == dock.rows.index(selected.id) + 1  # just below the row picked

    # Its occupation cell is open for typing: type, Enter, saved.
    qtbot.waitUntil(lambda: any(e.isVisible() for e in table.findChildren(QLineEdit)))
    editor = next(e for e in table.findChildren(QLineEdit) if e.isVisible())
    QTest.keyClicks(editor, "CNC programmer")
    QTest.keyClick(editor, Qt.Key_Return)
    QApplication.processEvents()
    assert _rows(journey_path)[new].occupation == "CNC programmer"

    controller.undo_stack.undo()  # the typing
    assert _rows(journey_path)[new].occupation == ""
    controller.undo_stack.undo()  # the row
    assert set(_rows(journey_path)) == before
    qtbot.waitUntil(lambda: new not in dock.rows)
    close_page(page, wf)


def test_a_row_is_deleted_by_its_button_or_the_delete_key_and_undo_brings_it_back(qtbot, journey_path):
    wf, controller, page = _open(qtbot, journey_path, "asset-map")
    dock, table = page.gap_dock, page.gap_dock.table
    dock.show()
    qtbot.waitExposed(dock)
    first, second = dock.rows[0], dock.rows[1]
    kept = wf.ws.sessions[page.session_id].gap_rows[first]

    _click_cell(table, 0, dock.OCCUPATION_COLUMN)
    QTest.mouseClick(dock.delete_button, Qt.LeftButton)
    assert first not in _rows(journey_path)
    qtbot.waitUntil(lambda: first not in dock.rows)

    _click_cell(table, dock.rows.index(second), dock.OCCUPATION_COLUMN)
    table.setFocus()
    QTest.keyClick(table, Qt.Key_Delete)
    assert second not in _rows(journey_path)

    controller.undo_stack.undo()
    controller.undo_stack.undo()
    assert _rows(journey_path)[first] == kept and second in _rows(journey_path)
    qtbot.waitUntil(lambda: first in dock.rows and second in dock.rows)
    close_page(page, wf)
