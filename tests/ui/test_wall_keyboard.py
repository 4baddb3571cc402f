"""Every hand on the keyboard: extend the selection, stack it, open a card's menu, never be trapped."""

from __future__ import annotations

from PySide6.QtCore import QPoint, Qt, QTimer
from PySide6.QtGui import QContextMenuEvent
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QApplication

from tests.helpers import reopen
from tests.ui.wall_helpers import SID, close_page, make_wall, open_page


def test_shift_arrows_extend_the_selection_and_ctrl_g_stacks_it(qtbot, workspace_path):
    wf, _controller, page = open_page(qtbot, make_wall(workspace_path))
    try:
        view = page.view
        view.setFocus()
        QTest.keyClick(view, Qt.Key_Down)  # the first card (top left)
        first = page.selected_card_ids()
        assert len(first) == 1
        QTest.keyClick(view, Qt.Key_Down, Qt.ShiftModifier)
        QTest.keyClick(view, Qt.Key_Down, Qt.ShiftModifier)
        chosen = page.selected_card_ids()
        assert len(chosen) == 3 and first[0] in chosen
        QTest.keyClick(view, Qt.Key_G, Qt.ControlModifier)
        cards = reopen(workspace_path).sessions[SID].cards
        root = chosen[0]
        assert all(cards[cid].stack_id == root for cid in chosen[1:])
        assert page.scene.cards[root].count == 3
        QTest.keyClick(view, Qt.Key_Down)  # a plain arrow: one card again
        assert len(page.selected_card_ids()) == 1
    finally:
        close_page(page, wf)


def test_the_menu_key_opens_the_selected_cards_menu(qtbot, workspace_path):
    wf, _controller, page = open_page(qtbot, make_wall(workspace_path))
    try:
        view = page.view
        view.setFocus()
        QTest.keyClick(view, Qt.Key_Down)
        seen = []

        def look() -> None:
            menu = QApplication.activePopupWidget()
            if menu is None:
                QTimer.singleShot(20, look)
                return
            seen.append([a.text() for a in menu.actions()])
            menu.close()

        QTimer.singleShot(20, look)
        # What the window system sends for the menu key: a keyboard context-menu event.
        viewport = view.viewport()
        corner = QPoint(2, 2)  # where the pointer happens to be: the wall's background
        QApplication.sendEvent(
            viewport, QContextMenuEvent(QContextMenuEvent.Keyboard, corner, viewport.mapToGlobal(corner))
        )
        assert seen and any(text.startswith("Edit text") for text in seen[0])  # the card's menu
        QTimer.singleShot(20, look)
        QTest.keyClick(view, Qt.Key_F10, Qt.ShiftModifier)
        assert len(seen) == 2 and any(text.startswith("Delete card") for text in seen[1])
    finally:
        close_page(page, wf)
