"""The wall from the keyboard: arrows select, Ctrl/Alt+arrows move between cells, Delete, F2 edits in place."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QLineEdit

from tests.helpers import reopen
from tests.ui.wall_helpers import ADVANCED, ENTRY, MID, SID, card_centre, click, close_page, make_wall, open_page


def where(ws, card_id):
    card = ws.sessions[SID].cards.get(card_id)
    return None if card is None else (card.category_id, card.level_id)


def test_keys_move_delete_edit_and_undo(qtbot, workspace_path):
    path = make_wall(workspace_path)
    wf, controller, page = open_page(qtbot, path)
    view = page.view
    try:
        # Arrows walk the selection: the tray holds k1..k4 top to bottom.
        click(page, card_centre(page, "k1"))
        assert page.selected_card_ids() == ["k1"]
        QTest.keyClick(view, Qt.Key_Down)
        assert page.selected_card_ids() == ["k2"]
        QTest.keyClick(view, Qt.Key_Up)
        assert page.selected_card_ids() == ["k1"]

        # Ctrl/Alt + arrows carry the selected card from cell to cell; each press is one step in the file.
        click(page, card_centre(page, "k5"))
        QTest.keyClick(view, Qt.Key_Right, Qt.ControlModifier)
        assert where(reopen(path), "k5") == ("c2", ENTRY)
        QTest.keyClick(view, Qt.Key_Up, Qt.ControlModifier)
        assert where(reopen(path), "k5") == ("c2", MID)
        QTest.keyClick(view, Qt.Key_Up, Qt.AltModifier)
        assert where(reopen(path), "k5") == ("c2", ADVANCED)
        QTest.keyClick(view, Qt.Key_Up, Qt.ControlModifier)  # nothing above the top level
        assert where(wf.ws, "k5") == ("c2", ADVANCED)
        assert page.selected_card_ids() == ["k5"]  # the card stays selected as it travels
        QTest.keyClick(view, Qt.Key_Right, Qt.ControlModifier)
        QTest.keyClick(view, Qt.Key_Right, Qt.ControlModifier)  # past the last column: the tray
        assert where(reopen(path), "k5") == (None, None)
        assert controller.undo_stack.count() == 5

        # Delete.
        click(page, card_centre(page, "k3"))
        QTest.keyClick(view, Qt.Key_Delete)
        assert where(reopen(path), "k3") is None
        assert "k3" not in page.scene.cards

        # F2 edits in place; Enter commits, Escape leaves the text alone.
        click(page, card_centre(page, "k4"))
        QTest.keyClick(view, Qt.Key_F2)
        editor = view.viewport().findChild(QLineEdit, "card-editor")
        assert editor is not None and editor.text() == "Forklift operator"
        editor.selectAll()
        QTest.keyClicks(editor, "Forklift & reach-truck operator")
        QTest.keyClick(editor, Qt.Key_Return)
        assert reopen(path).sessions[SID].cards["k4"].text == "Forklift & reach-truck operator"
        count = controller.undo_stack.count()
        click(page, card_centre(page, "k4"))
        QTest.keyClick(view, Qt.Key_F2)
        editor = page.interactions.editor
        QTest.keyClicks(editor, "typo")
        QTest.keyClick(editor, Qt.Key_Escape)
        assert page.interactions.editor is None
        assert controller.undo_stack.count() == count
        assert wf.ws.sessions[SID].cards["k4"].text == "Forklift & reach-truck operator"

        # Zooming while typing keeps the words: the editor commits and closes.
        QTest.keyClick(view, Qt.Key_F2)
        editor = page.interactions.editor
        editor.setText("Forklift operator, nights")
        page.view.zoom_in()
        assert page.interactions.editor is None
        assert reopen(path).sessions[SID].cards["k4"].text == "Forklift operator, nights"
        controller.undo_stack.undo()

        # Undo everything, step by step, the file following.
        stack = controller.undo_stack
        stack.undo()
        assert reopen(path).sessions[SID].cards["k4"].text == "Forklift operator"
        stack.undo()
        assert where(reopen(path), "k3") == (None, None)
        assert "k3" in page.scene.cards
        expected = [("c3", ADVANCED), ("c2", ADVANCED), ("c2", MID), ("c2", ENTRY), ("c1", ENTRY)]
        for cell in expected:
            stack.undo()
            assert where(reopen(path), "k5") == cell
        assert stack.count() == 8 and stack.index() == 0
    finally:
        close_page(page, wf)


def test_empty_text_in_the_editor_is_refused_and_changes_nothing(qtbot, workspace_path):
    path = make_wall(workspace_path)
    wf, controller, page = open_page(qtbot, path)
    refused = []
    controller.refused.connect(refused.append)
    try:
        click(page, card_centre(page, "k1"))
        QTest.keyClick(page.view, Qt.Key_F2)
        editor = page.interactions.editor
        editor.clear()
        QTest.keyClick(editor, Qt.Key_Return)
        assert refused and "empty" in refused[0]
        assert reopen(path).sessions[SID].cards["k1"].text == "Welder"
        assert controller.undo_stack.count() == 0
    finally:
        close_page(page, wf)
