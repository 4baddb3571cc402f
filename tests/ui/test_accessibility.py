"""Every reader on the screen: each control a keyboard reaches has a name, and Tab never traps."""

from __future__ import annotations

import pytest
from PySide6.QtCore import Qt
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QApplication, QWidget

from ui.a11y import spoken_name
from ui.main_window import MainWindow


@pytest.fixture
def window(qtbot, demo_path):
    w = MainWindow()
    qtbot.addWidget(w)
    w.resize(1280, 720)
    w.show()
    qtbot.waitExposed(w)
    assert w.open_workspace(demo_path)
    yield w
    w.close()


def focusable(window) -> list[QWidget]:
    return [w for w in window.findChildren(QWidget) if w.isVisible() and w.focusPolicy() & Qt.TabFocus]


@pytest.mark.parametrize("kind", ["critical-occupations", "skill-panel"])
def test_every_focusable_control_has_an_accessible_name(qtbot, window, kind):
    session = next(s for s in window.wf.ws.ordered_sessions() if s.info.kind == kind)
    window.show_session(session.id)
    qtbot.wait(50)  # the docks are placed, their tab bars made
    widgets = focusable(window)
    assert len(widgets) > 40
    unnamed = [f"{type(w).__name__} in {type(w.parentWidget()).__name__}" for w in widgets if not spoken_name(w)]
    assert unnamed == []


def test_tab_leaves_the_participants_and_next_steps_tables(qtbot, window):
    wall = next(s for s in window.wf.ws.ordered_sessions() if s.info.kind == "critical-occupations")
    window.show_session(wall.id)
    qtbot.wait(50)
    for table in (window.participants.table, next(d for d in window.page.docks if hasattr(d, "table")).table):
        table.parentWidget().window().activateWindow()
        for dock in (window.participants, *window.page.docks):
            if table in dock.findChildren(QWidget):
                dock.show()
                dock.raise_()
        qtbot.waitUntil(table.isVisible)
        table.setFocus()
        qtbot.waitUntil(table.hasFocus)
        if table.rowCount():
            table.setCurrentCell(0, 0)
        QTest.keyClick(table, Qt.Key_Tab)
        assert not table.hasFocus(), "Tab stayed in the table"
        assert QApplication.focusWidget() is not None
