"""Presentation mode and back, as a facilitator does it with F5 and Esc."""

from __future__ import annotations

from PySide6.QtCore import QRectF, Qt
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QApplication, QDockWidget

from tests.ui.wall_helpers import close_page, make_wall, open_page, open_wall_window


def in_front(window) -> set[str]:
    return {
        d.objectName() or d.windowTitle()
        for d in window.findChildren(QDockWidget)
        if d.isVisible() and not d.visibleRegion().isEmpty()
    }


def test_leaving_presentation_brings_back_the_docks_and_the_tabs_in_front(qtbot, workspace_path):
    window = open_wall_window(qtbot, make_wall(workspace_path))
    try:
        qtbot.wait(50)
        groups = [d for d in window.findChildren(QDockWidget) if d.isVisible() and window.tabifiedDockWidgets(d)]
        assert groups, "the wall page's docks share tab groups"
        # The facilitator brings the second tab of a group forward, as they would by clicking it.
        behind = next(d for d in groups if d.visibleRegion().isEmpty())
        behind.raise_()
        qtbot.waitUntil(lambda: not behind.visibleRegion().isEmpty())
        before = in_front(window)

        page = window.page
        QTest.keyClick(page.view, Qt.Key_F5)
        assert page.presentation.active
        QApplication.processEvents()
        assert in_front(window) == set()
        QTest.keyClick(page.view, Qt.Key_Escape)
        assert not page.presentation.active
        qtbot.waitUntil(lambda: in_front(window) == before)
    finally:
        window.close()


def test_find_counts_the_matches_steps_through_them_and_says_when_none_match(qtbot, workspace_path):
    window = open_wall_window(qtbot, make_wall(workspace_path))
    try:
        page = window.page
        QTest.keyClick(page.view, Qt.Key_F, Qt.ControlModifier)
        box = page.find_box
        assert box.hasFocus()
        qtbot.keyClicks(box, "weld")
        assert box.status.text() == "2 cards match" and box.status.isVisible()
        QTest.keyClick(box, Qt.Key_Return)
        assert box.status.text() == "1 of 2" and page.selected_card_ids() == ["k1"]
        QTest.keyClick(box, Qt.Key_F3)
        assert box.status.text() == "2 of 2" and page.selected_card_ids() == ["k2"]
        QTest.keyClick(box, Qt.Key_Return)
        assert box.status.text() == "1 of 2" and page.selected_card_ids() == ["k1"]
        QTest.keyClick(box, Qt.Key_Return, Qt.ShiftModifier)
        assert box.status.text() == "2 of 2" and page.selected_card_ids() == ["k2"]
        assert box.hasFocus()  # the facilitator keeps typing in the box

        qtbot.keyClicks(box, "zz")
        assert box.status.text() == "No card matches “weldzz”"
        assert all(item.opacity() < 1 for item in page.scene.cards.values())
        QTest.keyClick(box, Qt.Key_Escape)
        assert box.status.text() == "" and all(item.opacity() == 1 for item in page.scene.cards.values())
    finally:
        window.close()


def test_the_room_sees_the_timer_large_in_presentation_and_on_the_projector(qtbot, workspace_path):
    window = open_wall_window(qtbot, make_wall(workspace_path))
    try:
        page = window.page
        timer, overlay = page.timer, page.room_timer
        now = [1000.0]
        timer.clock = lambda: now[0]
        timer.set_minutes(5)
        QTest.keyClick(page.view, Qt.Key_F5)
        assert page.presentation.active and not overlay.isVisible()  # nothing to show before it starts

        QTest.keyClick(page.view, Qt.Key_T, Qt.ControlModifier)
        assert timer.is_running() and overlay.isVisible() and overlay.text() == "05:00"
        assert overlay.font().pixelSize() >= 0.08 * page.view.height()
        assert overlay.geometry().right() <= page.view.width() and overlay.geometry().bottom() <= page.view.height()
        assert overlay.geometry().top() > page.view.height() / 2  # clear of the headers
        now[0] += 61
        qtbot.waitUntil(lambda: overlay.text() == "03:59")
        QTest.keyClick(page.view, Qt.Key_T, Qt.ControlModifier)  # pause: still shown, the time kept
        assert not timer.is_running() and overlay.isVisible() and overlay.text() == "03:59"

        projector = page.presentation.open_projector()
        mirror = projector.room_timer
        assert mirror.isVisible() and mirror.text() == "03:59"
        QTest.keyClick(page.view, Qt.Key_T, Qt.ControlModifier)
        now[0] += 300
        qtbot.waitUntil(lambda: timer.is_ended())
        qtbot.waitUntil(lambda: overlay.text() == "Time" and mirror.text() == "Time")
        assert "192, 57, 43" in overlay.styleSheet()  # the end is red, not a dialog
        assert QApplication.activeModalWidget() is None

        QTest.keyClick(page.view, Qt.Key_Escape)
        assert not page.presentation.active and not overlay.isVisible()
        assert mirror.isVisible()  # the projector keeps it
        page.presentation.close_projector()
    finally:
        window.close()


def test_the_projector_follows_the_facilitator_or_shows_the_whole_wall_one_key_apart(qtbot, demo_path):
    wf, _controller, page = open_page(qtbot, demo_path, size=(1280, 720))
    try:
        projector = page.presentation.open_projector()
        qtbot.waitExposed(projector)
        mirror = projector.view

        def shown(view) -> QRectF:
            return view.mapToScene(view.viewport().rect()).boundingRect()

        whole = page.scene.sceneRect()
        assert shown(mirror).adjusted(-4, -4, 4, 4).contains(whole)
        QTest.keyClick(page.view, Qt.Key_F6)  # follow me
        assert page.follow_action.isChecked()
        card = next(iter(page.scene.cards.values()))
        QTest.keyClick(page.view, Qt.Key_0, Qt.ControlModifier)  # the laptop zooms to 1:1 on one card
        page.view.centerOn(card)
        qtbot.waitUntil(lambda: shown(mirror).contains(card.sceneBoundingRect().center()))
        assert shown(mirror).width() < whole.width() / 2
        QTest.keyClick(page.view, Qt.Key_F6)  # back to the whole wall
        assert not page.follow_action.isChecked()
        assert shown(mirror).adjusted(-4, -4, 4, 4).contains(whole)
        page.presentation.close_projector()
        page.view.zoom_in()  # nothing follows a closed projector
    finally:
        close_page(page, wf)
