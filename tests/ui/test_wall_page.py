"""What the wall page offers the docks and the room: layout rules, selection, find, looks, presentation, picture."""

from __future__ import annotations

from PySide6.QtCore import QPointF, Qt
from PySide6.QtGui import QImage
from PySide6.QtTest import QTest

from cardwall.commands import AddCard, EditCard
from tests.ui.wall_helpers import ADVANCED, ENTRY, MID, SID, card_centre, click, close_page, make_wall, open_page
from ui.wall.picture import render_wall_png
from ui.wall.view import WallView


def test_entry_at_the_bottom_columns_in_order_tray_at_the_right(qtbot, workspace_path):
    wf, controller, page = open_page(qtbot, make_wall(workspace_path))
    try:
        layout = page.scene.layout
        rows = [r.level_id for r in layout.rows]
        assert rows == [ADVANCED, MID, ENTRY, None]  # top to bottom, the skills row last
        labels = page.scene.labels
        assert labels[ADVANCED].pos().y() < labels[MID].pos().y() < labels[ENTRY].pos().y()
        xs = [page.scene.headers[c].pos().x() for c in ("c1", "c2", "c3")]
        assert xs == sorted(xs)
        tray = layout.cells[(None, None)].rect
        assert tray.left() > max(xs)
        assert layout.cells[(None, None)].slots == ["k1", "k2", "k3", "k4"]
        assert page.scene.sceneRect() == layout.scene_rect
        # A skill card without a level goes to its column's skills row.
        controller.run(AddCard(SID, "Reads blueprints", kind="skill", category_id="c2", card_id="s1"))
        assert layout is not page.scene.layout
        assert page.scene.layout.cells[("c2", None)].slots == ["s1"]
        assert page.scene.cards["s1"].pos() == page.scene.layout.origins["s1"]
    finally:
        close_page(page, wf)


def test_selection_signal_selected_cell_and_find(qtbot, workspace_path):
    wf, controller, page = open_page(qtbot, make_wall(workspace_path))
    try:
        seen = []
        page.selection_changed.connect(seen.append)
        click(page, card_centre(page, "k5"))
        assert seen[-1] == ["k5"] == page.selected_card_ids()
        assert page.selected_cell() == ("c1", ENTRY)
        click(page, card_centre(page, "k3"), modifiers=Qt.ControlModifier)
        assert seen[-1] == ["k5", "k3"]
        click(page, page.scene.layout.cells[("c3", MID)].rect.center())
        assert page.selected_cell() == ("c3", MID)
        assert seen[-1] == []
        tray = page.scene.layout.cells[(None, None)].rect
        click(page, QPointF(tray.center().x(), tray.bottom() - 10))
        assert page.selected_cell() is None  # the tray

        assert sorted(page.highlight("weld")) == ["k1", "k2"]
        assert page.scene.cards["k1"].opacity() == 1.0
        assert page.scene.cards["k3"].opacity() < 0.5
        controller.run(EditCard(SID, "k3", text="Welder helper"))
        assert page.scene.cards["k3"].opacity() == 1.0  # the find follows edits
        assert page.highlight("") == []
        assert all(item.opacity() == 1.0 for item in page.scene.cards.values())
    finally:
        close_page(page, wf)


def test_looks_type_size_zoom_and_presentation(qtbot, workspace_path):
    wf, controller, page = open_page(qtbot, make_wall(workspace_path))
    try:
        normal_px = page.scene.look.text_px
        page.set_min_type_size(30)
        assert page.scene.look.text_px == 40  # 30 pt at 1:1
        assert page.scene.paints.far_px == 60  # and larger still when zoomed out
        page.set_high_contrast(True)
        assert page.high_contrast_action.isChecked()
        assert page.scene.backgroundBrush().color().name() == "#000000"
        page.set_high_contrast(False)
        page.set_min_type_size(0)
        assert page.scene.look.text_px == normal_px

        view = page.view
        view.actual_size()
        QTest.keyClick(view, Qt.Key_Equal, Qt.ControlModifier)
        assert abs(view.zoom() - 1.2) < 1e-6
        QTest.keyClick(view, Qt.Key_Minus, Qt.ControlModifier)
        QTest.keyClick(view, Qt.Key_Minus, Qt.ControlModifier)
        assert view.zoom() < 1.0
        QTest.keyClick(view, Qt.Key_0, Qt.ControlModifier)
        assert abs(view.zoom() - 1.0) < 1e-6
        QTest.keyClick(view, Qt.Key_F)
        whole = view.mapFromScene(page.scene.sceneRect()).boundingRect()
        assert view.viewport().rect().adjusted(-2, -2, 2, 2).contains(whole)

        page.present_action.trigger()
        assert page.presentation.active and page.isFullScreen()
        assert not page.zoom_bar.isVisible()
        assert page.scene.look.text_px > normal_px
        QTest.keyClick(view, Qt.Key_Escape)
        assert not page.presentation.active
        assert page.zoom_bar.isVisible() and page.scene.look.text_px == normal_px

        mirror = page.presentation.open_projector()
        assert isinstance(mirror.view, WallView) and mirror.view.scene() is page.scene
        assert not mirror.view.isInteractive()
        controller.run(AddCard(SID, "Seen on the projector", card_id="k9"))
        assert "k9" in mirror.view.scene().cards
        page.shutdown()
        assert page.presentation.projector is None
    finally:
        close_page(page, wf)


def test_wall_picture_is_a_png_on_white(demo):
    session = next(s for s in demo.ws.sessions.values() if s.info.kind == "critical-occupations")
    data = render_wall_png(demo.ws, session.id, width=1200)
    assert data[:8] == b"\x89PNG\r\n\x1a\n"
    image = QImage.fromData(data)
    assert image.width() == 1200 and image.height() > 300
    assert image.pixelColor(2, 2).name() == "#ffffff"


def test_wall_picture_without_a_display_or_an_application(demo_path, tmp_path):
    """The export path: a fresh process, no QApplication yet, no DISPLAY, no platform chosen."""
    import os
    import subprocess
    import sys

    code = (
        "import sys\n"
        "from storage.workspace import WorkspaceFile\n"
        "from ui.wall.picture import render_wall_png\n"
        "with WorkspaceFile.open(sys.argv[1], readonly=True, create=False) as wf:\n"
        "    sid = next(s.id for s in wf.ws.sessions.values() if s.info.kind == 'critical-occupations')\n"
        "    data = render_wall_png(wf.ws, sid)\n"
        "open(sys.argv[2], 'wb').write(data)\n"
    )
    env = {k: v for k, v in os.environ.items() if k not in ("QT_QPA_PLATFORM", "DISPLAY", "WAYLAND_DISPLAY")}
    out = tmp_path / "wall.png"
    done = subprocess.run([sys.executable, "-c", code, str(demo_path), str(out)], env=env, timeout=60)
    assert done.returncode == 0
    image = QImage(str(out))
    assert image.width() == 2400 and image.height() > 600


def test_card_text_is_drawn_as_typed_never_as_markup():
    from PySide6.QtCore import Qt as QtNS

    from ui.wall.card_text import fitted_text

    typed = "R&D <b>tools</b> & x<y>z"
    static, _font = fitted_text(typed, 23, False, 216, 90)
    assert static.textFormat() == QtNS.PlainText and static.text() == typed
    two_lines, _font = fitted_text("Line one\nLine two", 23, False, 216, 90)
    one_line, _font = fitted_text("Line one Line two", 23, False, 216, 90)
    assert two_lines.size().height() > one_line.size().height()  # the line break is kept
    long, _font = fitted_text("word " * 120, 23, False, 216, 90)
    assert long.text().endswith("…") and long.size().height() <= 92
