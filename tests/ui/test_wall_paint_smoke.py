"""Paint the demo wall and a 2,000-card wall many times: PySide6 6.12.0 aborts here (none_dealloc).

Keep this test: it is what tells a PySide6 upgrade is sound for the wall.
"""

from __future__ import annotations

from PySide6.QtGui import QImage, QPainter

from bench.wall import make_wall_workspace
from storage.workspace import WorkspaceFile
from tests.ui.wall_helpers import close_page
from ui.controller import Controller
from ui.wall.page import WallPage


def paint_many(qtbot, wf, session_id, rounds):
    page = WallPage(Controller(wf), session_id)
    qtbot.addWidget(page)
    page.resize(1600, 900)
    page.show()
    qtbot.waitExposed(page)
    view = page.view
    for zoom in (1.0, 0.6, 0.3, 0.1):
        view.follow_fit = False
        view.set_zoom(zoom)
        for _ in range(rounds):
            view.viewport().repaint()
    view.fit_wall()
    for _ in range(rounds):
        view.viewport().repaint()
    # Offscreen too, the way the wall picture is drawn.
    rect = page.scene.sceneRect()
    image = QImage(1200, max(1, int(1200 * rect.height() / rect.width())), QImage.Format_RGB32)
    painter = QPainter(image)
    page.scene.render(painter)
    painter.end()
    return page


def test_demo_wall_paints_many_times(qtbot, demo):
    session = next(s for s in demo.ws.sessions.values() if s.info.kind == "critical-occupations")
    page = paint_many(qtbot, demo, session.id, rounds=20)
    assert len(page.scene.cards) == len(page.scene.layout.origins) > 20
    close_page(page)


def test_a_2000_card_wall_paints_many_times(qtbot, tmp_path):
    path, session_id = make_wall_workspace(tmp_path / "big.cardwall", 2000)
    with WorkspaceFile.open(path, backup=False) as wf:
        page = paint_many(qtbot, wf, session_id, rounds=5)
        piles = page.scene.layout.piles
        assert sum(len(p) for p in piles.values()) == 2000
        assert len(page.scene.cards) == len(piles)
        close_page(page)
