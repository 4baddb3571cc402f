"""The wall inside the main window: a drag, then Ctrl+Z and Ctrl+Shift+Z on the window; wheel zoom and pans."""

from __future__ import annotations

from PySide6.QtCore import QPoint, QPointF, Qt
from PySide6.QtGui import QWheelEvent
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QApplication

from tests.helpers import reopen
from tests.ui.wall_helpers import card_centre, cell_empty_spot, close_page, drag
from ui.main_window import MainWindow


def test_drag_then_undo_and_redo_from_the_keyboard(qtbot, demo_path):
    window = MainWindow()
    qtbot.addWidget(window)
    window.resize(1600, 1000)
    window.show()
    try:
        window.open_workspace(demo_path)
        wall = next(s for s in window.wf.ws.sessions.values() if s.info.kind == "critical-occupations")
        window.show_session(wall.id)
        page = window.page
        qtbot.waitExposed(window)
        page.view.fit_wall()
        QApplication.processEvents()
        session = window.wf.ws.sessions[wall.id]
        card = next(c for c in session.cards.values() if c.text == "Forklift operator")
        target_cat = next(c.id for c in session.categories.values() if c.title == "Quality")
        advanced = next(lv.id for lv in session.levels.values() if lv.name == "Advanced")
        before = (card.category_id, card.level_id)

        drag(page, card_centre(page, card.id), cell_empty_spot(page, (target_cat, advanced)))
        saved = reopen(demo_path).sessions[wall.id].cards[card.id]
        assert (saved.category_id, saved.level_id) == (target_cat, advanced)

        page.view.setFocus()
        QTest.keyClick(window, Qt.Key_Z, Qt.ControlModifier)
        saved = reopen(demo_path).sessions[wall.id].cards[card.id]
        assert (saved.category_id, saved.level_id) == before
        assert page.scene.cards[card.id].pos() == page.scene.layout.origins[card.id]
        QTest.keyClick(window, Qt.Key_Z, Qt.ControlModifier | Qt.ShiftModifier)
        saved = reopen(demo_path).sessions[wall.id].cards[card.id]
        assert (saved.category_id, saved.level_id) == (target_cat, advanced)
        assert any(a.text() == "&Wall" for a in window.menuBar().actions())

        # Presentation mode: no menus, no docks, and Ctrl+Z still undoes.
        QTest.keyClick(window, Qt.Key_F5)
        assert page.presentation.active and window.isFullScreen()
        assert not window.menuBar().isVisible() and not window.sessions_dock.isVisible()
        QTest.keyClick(page.view, Qt.Key_Z, Qt.ControlModifier)
        saved = reopen(demo_path).sessions[wall.id].cards[card.id]
        assert (saved.category_id, saved.level_id) == before
        QTest.keyClick(page.view, Qt.Key_F5)
        assert not page.presentation.active
        assert window.menuBar().isVisible() and window.sessions_dock.isVisible()
    finally:
        window.close_workspace()


def test_wheel_zooms_under_the_pointer_and_the_middle_button_pans(qtbot, demo):
    from ui.controller import Controller
    from ui.wall.page import WallPage

    wall = next(s for s in demo.ws.sessions.values() if s.info.kind == "critical-occupations")
    page = WallPage(Controller(demo), wall.id)
    qtbot.addWidget(page)
    page.resize(1200, 800)
    page.show()
    qtbot.waitExposed(page)
    view = page.view
    view.actual_size()
    viewport = view.viewport()
    at = QPointF(400, 300)
    under = view.mapToScene(at.toPoint())
    wheel = QWheelEvent(
        at,
        QPointF(viewport.mapToGlobal(at.toPoint())),
        QPoint(),
        QPoint(0, 120),
        Qt.NoButton,
        Qt.ControlModifier,
        Qt.NoScrollPhase,
        False,
    )
    QApplication.sendEvent(viewport, wheel)
    assert abs(view.zoom() - 1.2) < 1e-6
    after = view.mapToScene(at.toPoint())
    assert abs(after.x() - under.x()) < 3 and abs(after.y() - under.y()) < 3  # the point under the pointer stays

    start = view.mapToScene(viewport.rect().center())
    QTest.mousePress(viewport, Qt.MiddleButton, Qt.NoModifier, QPoint(600, 400))
    from tests.ui.wall_helpers import _move

    _move(viewport, QPoint(500, 350), Qt.MiddleButton)
    QTest.mouseRelease(viewport, Qt.MiddleButton, Qt.NoModifier, QPoint(500, 350))
    moved = view.mapToScene(viewport.rect().center())
    assert moved.x() > start.x() + 50 and moved.y() > start.y() + 20
    assert not page.scene.selectedItems()  # panning selects nothing

    # Space held + left drag pans as well.
    QTest.keyPress(view, Qt.Key_Space)
    QTest.mousePress(viewport, Qt.LeftButton, Qt.NoModifier, QPoint(600, 400))
    _move(viewport, QPoint(700, 400), Qt.LeftButton)
    QTest.mouseRelease(viewport, Qt.LeftButton, Qt.NoModifier, QPoint(700, 400))
    QTest.keyRelease(view, Qt.Key_Space)
    assert view.mapToScene(viewport.rect().center()).x() < moved.x() - 50
    assert page.controller.undo_stack.count() == 0
    close_page(page)
