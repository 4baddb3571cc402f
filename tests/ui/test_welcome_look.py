"""The welcome screen: no empty dock before a workspace is open; the sessions come back with one."""

from __future__ import annotations

from PySide6.QtWidgets import QDockWidget

from tests.ui.test_small_screens import SMALL, settle
from ui.main_window import MainWindow


def test_the_welcome_screen_shows_no_empty_dock(qtbot, demo_path):
    window = MainWindow()
    qtbot.addWidget(window)
    window.open_last_or_welcome()
    window.show()
    qtbot.waitExposed(window)
    settle(qtbot, window, SMALL)
    assert window.center.currentWidget() is window.welcome
    assert [d.windowTitle() for d in window.findChildren(QDockWidget) if d.isVisible()] == []
    # The welcome page has the window's width to itself.
    assert window.welcome.width() >= SMALL[0] - 20
    assert window.open_workspace(demo_path)
    qtbot.waitUntil(lambda: window.sessions_dock.isVisible())
    assert window.sessions.count() > 0
    window.close_workspace()
