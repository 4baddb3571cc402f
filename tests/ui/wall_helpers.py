"""Shared by the wall tests: a small wall in a file, the page on it, and real mouse gestures."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QEvent, QPoint, QPointF, Qt
from PySide6.QtGui import QMouseEvent
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QApplication

from cardwall.commands import AddCard, AddCategory, AddSession
from storage.workspace import WorkspaceFile
from ui.controller import Controller
from ui.wall.page import WallPage
from ui.wall.style import CARD_H, CARD_W

SID = "s1"
ENTRY, MID, ADVANCED = "L1", "L2", "L3"


def make_wall(path: Path) -> Path:
    """Three columns, the default levels, four cards in the tray and one in Production/Entry."""
    with WorkspaceFile.open(path, backup=False) as wf:
        wf.execute(AddSession(kind="critical-occupations", title="Wall", session_id=SID))
        for cid, title in (("c1", "Production"), ("c2", "Engineering"), ("c3", "Sales")):
            wf.execute(AddCategory(SID, title, category_id=cid))
        for kid, text in (("k1", "Welder"), ("k2", "Welder"), ("k3", "Machinist"), ("k4", "Forklift operator")):
            wf.execute(AddCard(SID, text, card_id=kid))
        wf.execute(AddCard(SID, "Assembler", card_id="k5", category_id="c1", level_id=ENTRY))
    return path


def open_wall_window(qtbot, path: Path):
    """The real main window, active and showing the wall at `path`, fitted: as a facilitator opens it."""
    from ui.main_window import MainWindow

    w = MainWindow()
    qtbot.addWidget(w)
    w.resize(1800, 1000)
    with qtbot.waitActive(w):
        w.show()
        w.activateWindow()
    assert w.open_workspace(path)
    QApplication.processEvents()
    w.page.view.fit_wall()
    QApplication.processEvents()
    return w


def open_page(qtbot, path: Path, *, size=(1600, 1000)):
    wf = WorkspaceFile.open(path, backup=False)
    controller = Controller(wf)
    session_id = (
        SID
        if SID in wf.ws.sessions
        else next(s.id for s in wf.ws.ordered_sessions() if s.info.kind == "critical-occupations")
    )
    page = WallPage(controller, session_id)
    qtbot.addWidget(page)
    page.resize(*size)
    page.show()
    qtbot.waitExposed(page)
    page.view.fit_wall()
    QApplication.processEvents()
    return wf, controller, page


def card_centre(page, card_id: str) -> QPointF:
    origin = page.scene.layout.origins[card_id]
    return QPointF(origin.x() + CARD_W / 2, origin.y() + CARD_H / 2)


def card_edge(page, card_id: str, *, right: bool = False) -> QPointF:
    """A point inside a card near its left (or right) edge: dropping there inserts beside it."""
    origin = page.scene.layout.origins[card_id]
    return QPointF(origin.x() + (CARD_W - 10 if right else 10), origin.y() + CARD_H / 2)


def cell_empty_spot(page, cell) -> QPointF:
    """A point in the cell after its last card."""
    rect = page.scene.layout.cells[cell].rect
    return QPointF(rect.right() - 8, rect.bottom() - 8)


def header_centre(page, category_id: str) -> QPointF:
    column = next(c for c in page.scene.layout.columns if c.category_id == category_id)
    return QPointF(column.x + column.width / 2, page.scene.headers[category_id].pos().y() + 40)


def to_view(page, scene_point: QPointF) -> QPoint:
    return page.view.mapFromScene(scene_point)


def _move(viewport, point: QPoint, buttons) -> None:
    event = QMouseEvent(
        QEvent.MouseMove,
        QPointF(point),
        QPointF(viewport.mapToGlobal(point)),
        Qt.NoButton,
        buttons,
        Qt.NoModifier,
    )
    QApplication.sendEvent(viewport, event)


def drag(page, start: QPointF, end: QPointF, *, steps: int = 6, modifiers=Qt.NoModifier) -> None:
    """Press at `start`, move in steps holding the left button, release at `end` (scene points)."""
    viewport = page.view.viewport()
    a, b = to_view(page, start), to_view(page, end)
    QTest.mousePress(viewport, Qt.LeftButton, modifiers, a)
    for i in range(1, steps + 1):
        p = a + (b - a) * (i / steps)
        _move(viewport, QPoint(round(p.x()), round(p.y())), Qt.LeftButton)
    QTest.mouseRelease(viewport, Qt.LeftButton, modifiers, b)
    QApplication.processEvents()


def click(page, point: QPointF, *, modifiers=Qt.NoModifier) -> None:
    QTest.mouseClick(page.view.viewport(), Qt.LeftButton, modifiers, to_view(page, point))
    QApplication.processEvents()


def close_page(page, wf=None) -> None:
    """What the window does on leaving a page, then close the file: nothing of the page outlives the test."""
    page.shutdown()
    for dock in page.docks:  # docks belong to no window here: delete them ourselves
        dock.close()
        dock.deleteLater()
    QApplication.sendPostedEvents(None, QEvent.DeferredDelete)
    QApplication.processEvents()
    if wf is not None:
        wf.close()
