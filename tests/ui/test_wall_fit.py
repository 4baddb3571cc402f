"""Text that fits and a wall that fills the screen, as the room sees it in presentation mode."""

from __future__ import annotations

from collections import Counter

import pytest
from PySide6.QtCore import QRectF
from PySide6.QtGui import QFontMetricsF, QImage, QPainter

from bench.healthcare import healthcare_session
from cardwall.commands import AddCard
from cardwall.interchange import ImportSession
from storage.workspace import WorkspaceFile
from ui.wall.card_item import CARD_W, PAD
from ui.wall.scene import WallScene
from ui.wall.style import KIND_LABELS, wall_look


@pytest.fixture(params=["demo", "health"])
def wall(request, qapp, demo, tmp_path):
    if request.param == "demo":
        session = next(s for s in demo.ws.sessions.values() if s.info.kind == "critical-occupations")
        yield demo, session.id
        return
    with WorkspaceFile.open(tmp_path / "health.cardwall", backup=False) as wf:
        change = wf.execute(ImportSession(healthcare_session()))
        yield wf, next(iter(change.sessions()))


def presenting_scene(wf, session_id) -> WallScene:
    scene = WallScene(lambda: wf.ws.sessions[session_id], look=wall_look(presenting=True, min_type_pt=12))
    image = QImage(800, 450, QImage.Format_RGB32)
    painter = QPainter(image)  # painted once, as a 1280x720 screen would: far type, badges, labels
    scene.render(painter, QRectF(0, 0, 800, 450), scene.sceneRect())
    painter.end()
    return scene


def test_the_wall_is_shaped_for_a_16_by_9_screen(wall):
    scene = presenting_scene(*wall)
    rect = scene.sceneRect()
    assert 16 / 9 / 1.35 < rect.width() / rect.height() < 16 / 9 * 1.35


def test_no_card_title_is_cut_and_cards_share_one_size(wall):
    scene = presenting_scene(*wall)
    p = scene.paints
    sizes = Counter()
    for item in scene.cards.values():
        far, far_font = p.far_fit(item.card.text)
        near, _ = p.near_fit(item.card.text)
        assert not far.text().endswith("…") and not near.text().endswith("…"), item.card.text
        sizes[far_font.pixelSize()] += 1
    common = sizes.most_common(1)[0][1]
    assert common >= 0.7 * len(scene.cards)


def test_badges_never_cover_the_kind_label_and_rows_share_a_size(wall):
    scene = presenting_scene(*wall)
    p = scene.paints
    badge_left = CARD_W - p.far_badge_w + 8
    piles = [i for i in scene.cards.values() if i.count > 1]
    assert piles
    for item in piles:
        width = CARD_W - 2 * PAD - (p.far_badge_w - PAD + 4)
        assert PAD + width <= badge_left
        kind = KIND_LABELS[item.card.kind]
        assert QFontMetricsF(p.kind_font(kind, width)).horizontalAdvance(kind) <= width
    label_sizes = {f.pixelSize() for label in scene.labels.values() for f in label._fonts.values()}
    assert len(label_sizes) == 1


def test_a_text_too_long_for_any_readable_size_is_cut_and_whole_in_the_tooltip(qapp, demo):
    session = next(s for s in demo.ws.sessions.values() if s.info.kind == "critical-occupations")
    long = " ".join(f"word{i}" for i in range(70))
    demo.execute(AddCard(session.id, long, card_id="long"))
    scene = presenting_scene(demo, session.id)
    shown, shown_font = scene.paints.far_fit(long)
    assert shown.text().endswith("…")
    assert shown_font.pixelSize() >= scene.paints.far_least - 1  # cut at the readable floor, not smaller
    assert long in scene.card_tooltip("long")


def test_the_laptop_view_scrolls_rather_than_shrinking_the_words_away(qtbot, tmp_path):
    from PySide6.QtCore import Qt
    from PySide6.QtTest import QTest

    from tests.ui.wall_helpers import close_page, open_page
    from ui.wall.card_text import STEPS
    from ui.wall.page import LAPTOP_READABLE_PX

    path = tmp_path / "health.cardwall"
    with WorkspaceFile.open(path, backup=False) as wf:
        wf.execute(ImportSession(healthcare_session()))
    wf, _controller, page = open_page(qtbot, path, size=(900, 560))
    try:
        view = page.view
        QTest.keyClick(view, Qt.Key_F)
        p = page.scene.paints
        on_screen = p.far_px * STEPS[p.far_shared] * view.zoom()
        assert on_screen >= LAPTOP_READABLE_PX - 0.01
        bar = view.horizontalScrollBar()
        assert bar.maximum() > bar.minimum() and bar.value() == bar.minimum()  # it scrolls, from the left
        QTest.keyClick(view, Qt.Key_F5)  # the room sees the whole wall
        qtbot.waitUntil(lambda: view.horizontalScrollBar().maximum() == view.horizontalScrollBar().minimum())
        QTest.keyClick(view, Qt.Key_Escape)
    finally:
        close_page(page, wf)


def test_the_tray_grows_into_a_wide_grid_not_a_tall_strip(qtbot, workspace_path):
    from tests.ui.wall_helpers import SID, close_page, make_wall, open_page
    from ui.wall.layout import TRAY, TRAY_MAX_COLS

    wf, controller, page = open_page(qtbot, make_wall(workspace_path), size=(1280, 720))
    try:
        for n in range(30):
            controller.run(AddCard(SID, f"Typed card {n}"))
        tray = page.scene.layout.cells[TRAY]
        assert tray.cards_wide >= 4 and tray.rect.width() > tray.rect.height() / 2  # a block, not a strip
        rect = page.scene.sceneRect()
        assert 16 / 9 / 1.35 < rect.width() / rect.height() < 16 / 9 * 1.35
        for n in range(170):
            controller.run(AddCard(SID, f"Pasted line {n}"))
        assert page.scene.layout.cells[TRAY].cards_wide == TRAY_MAX_COLS
        rect = page.scene.sceneRect()
        assert 0.5 < rect.width() / rect.height() < 3
    finally:
        close_page(page, wf)
