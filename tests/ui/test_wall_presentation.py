"""Presentation mode and back, as a facilitator does it with F5 and Esc."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QApplication, QDockWidget

from tests.ui.wall_helpers import make_wall, open_wall_window


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
