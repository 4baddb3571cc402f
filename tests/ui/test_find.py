"""Find on the wall as a facilitator uses it on a 1280x720 projector laptop: keys and buttons, at the laptop
and in presentation mode, the card found selected and in view, the box whole on the screen."""

from __future__ import annotations

import pytest
from PySide6.QtCore import QRect, Qt
from PySide6.QtGui import QScreen
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QApplication

from ui.main_window import MainWindow

SCREEN = QRect(0, 0, 1280, 720)


@pytest.fixture
def window(qtbot, demo_path, monkeypatch):
    monkeypatch.setattr(QScreen, "availableGeometry", lambda self: SCREEN)
    w = MainWindow()
    qtbot.addWidget(w)
    w.resize(1280, 720)
    with qtbot.waitActive(w):
        w.show()
        w.activateWindow()
    assert w.open_workspace(demo_path)
    w.sessions.setCurrentRow(0)  # the wall
    w.resize(1280, 720)
    qtbot.waitUntil(lambda: w.size().toTuple() == (1280, 720))
    qtbot.wait(50)
    yield w
    w.close_workspace()
    w.close()


def whole_inside(widget, outer) -> bool:
    """`widget` is shown, all of it within `outer` (a window, a view): nothing of it cut off."""
    corner = widget.mapTo(outer, widget.rect().topLeft())
    return widget.isVisible() and outer.rect().contains(QRect(corner, widget.size()))


def in_view(page, card_id: str) -> bool:
    shown = page.view.mapToScene(page.view.viewport().rect()).boundingRect()
    return shown.contains(page.scene.cards[card_id].sceneBoundingRect())


def test_find_buttons_step_through_the_matches_and_bring_each_card_into_view(qtbot, window):
    page = window.page
    bar = page.find_bar
    QTest.keyClick(page.view, Qt.Key_F, Qt.ControlModifier)
    box = page.find_box
    assert box.hasFocus()
    qtbot.keyClicks(box, "cnc")
    assert box.status.text() == "3 cards match"
    for widget in (box, bar.previous_button, bar.next_button, box.status):
        assert whole_inside(widget, window), widget.accessibleName()
    assert bar.previous_button.accessibleName() and bar.next_button.accessibleName()
    page.view.actual_size()  # zoomed in: most cards are off the screen
    QApplication.processEvents()
    seen = []
    for n in range(1, 4):
        qtbot.mouseClick(bar.next_button, Qt.LeftButton)
        assert box.status.text() == f"{n} of 3"
        (found,) = page.selected_card_ids()
        assert in_view(page, found), found  # scrolled to, selected
        seen.append(found)
    assert len(set(seen)) == 3
    qtbot.mouseClick(bar.next_button, Qt.LeftButton)  # round again to the first
    assert box.status.text() == "1 of 3" and page.selected_card_ids() == [seen[0]]
    qtbot.mouseClick(bar.previous_button, Qt.LeftButton)
    assert box.status.text() == "3 of 3" and page.selected_card_ids() == [seen[2]]
    assert in_view(page, seen[2])
    QTest.keyClick(box, Qt.Key_Up)
    assert box.status.text() == "2 of 3" and page.selected_card_ids() == [seen[1]]


def test_find_says_when_nothing_matches_and_a_long_search_keeps_the_window_on_the_screen(qtbot, window):
    page = window.page
    bar = page.find_bar
    QTest.keyClick(page.view, Qt.Key_F, Qt.ControlModifier)
    box = page.find_box
    qtbot.keyClicks(box, "a computer numerically controlled machine tool programmer")
    assert box.status.text().startswith("No card matches")
    assert not bar.next_button.isEnabled() and not bar.previous_button.isEnabled()
    QApplication.processEvents()
    # The whole search spelt out in the label would push the window wider than the screen.
    assert window.minimumSizeHint().width() <= SCREEN.width()
    assert window.width() <= SCREEN.width()
    for widget in (box, box.status, bar.next_button):
        assert whole_inside(widget, window), widget.accessibleName()
    QTest.keyClick(box, Qt.Key_Escape)
    assert box.status.text() == "" and all(item.opacity() == 1 for item in page.scene.cards.values())


def test_find_works_in_presentation_mode_over_the_wall_and_goes_when_done(qtbot, window):
    page = window.page
    QTest.keyClick(page.view, Qt.Key_F5)
    assert page.presentation.active
    QApplication.processEvents()
    QTest.keyClick(page.view, Qt.Key_F, Qt.ControlModifier)
    box, bar = page.find_box, page.find_bar
    assert box.isVisible() and box.hasFocus()
    for widget in (box, bar.previous_button, bar.next_button):
        assert whole_inside(widget, page.view), widget.accessibleName()
    qtbot.keyClicks(box, "programmer")
    assert box.status.text() == "1 card matches" and whole_inside(box.status, page.view)
    QTest.keyClick(box, Qt.Key_Return)
    assert box.status.text() == "1 of 1" and page.selected_card_ids() == ["k2"]
    assert in_view(page, "k2")
    QTest.keyClick(box, Qt.Key_Escape)  # the search cleared, the box gone, the wall whole again
    assert not bar.isVisible() and box.text() == ""
    assert page.presentation.active and page.view.hasFocus()
    QTest.keyClick(page.view, Qt.Key_F, Qt.ControlModifier)  # and back for another search
    assert box.isVisible() and box.hasFocus()
    QTest.keyClick(page.view, Qt.Key_F5)  # leaving presentation mode puts the box back above the wall
    assert not page.presentation.active
    QApplication.processEvents()
    assert whole_inside(box, window) and bar.parent() is not page.view
