"""Dragging cards on the wall with the mouse: into cells, in order, onto each other, many at once; undo."""

from __future__ import annotations

from PySide6.QtCore import QPointF, Qt

from tests.helpers import reopen
from tests.ui.wall_helpers import (
    ENTRY,
    MID,
    SID,
    card_centre,
    card_edge,
    cell_empty_spot,
    click,
    close_page,
    drag,
    make_wall,
    open_page,
    to_view,
)


def cell_order(ws, category_id, level_id):
    return [c.id for c in ws.sessions[SID].cards_in(category_id, level_id) if not c.stack_id]


def test_drags_land_in_cells_stack_and_undo_step_by_step(qtbot, workspace_path):
    path = make_wall(workspace_path)
    wf, controller, page = open_page(qtbot, path)
    try:
        # 1. tray -> Production/Entry, after Assembler
        drag(page, card_centre(page, "k3"), cell_empty_spot(page, ("c1", ENTRY)))
        assert cell_order(wf.ws, "c1", ENTRY) == ["k5", "k3"]
        assert cell_order(reopen(path), "c1", ENTRY) == ["k5", "k3"]
        assert controller.undo_stack.count() == 1

        # 2. the order follows the drop point: Forklift operator before Assembler
        drag(page, card_centre(page, "k4"), card_edge(page, "k5"))
        assert cell_order(wf.ws, "c1", ENTRY) == ["k4", "k5", "k3"]
        assert cell_order(reopen(path), "c1", ENTRY) == ["k4", "k5", "k3"]

        # 3. a card dropped on another stacks: one card with a count badge
        drag(page, card_centre(page, "k1"), card_centre(page, "k2"))
        saved = reopen(path).sessions[SID].cards
        assert saved["k1"].stack_id == "k2"
        assert "k1" not in page.scene.cards and page.scene.cards["k2"].count == 2

        # 4. the pile moves as one: into Engineering/Mid
        drag(page, card_centre(page, "k2"), cell_empty_spot(page, ("c2", MID)))
        saved = reopen(path).sessions[SID].cards
        assert (saved["k2"].category_id, saved["k2"].level_id) == ("c2", MID)
        assert (saved["k1"].category_id, saved["k1"].level_id, saved["k1"].stack_id) == ("c2", MID, "k2")

        # 5. rubber band around Forklift operator and Assembler, then move both to Sales/Mid in one drag
        a, b = page.scene.layout.origins["k4"], page.scene.layout.origins["k5"]
        corner1 = QPointF(min(a.x(), b.x()) - 8, a.y() - 8)
        corner2 = QPointF(max(a.x(), b.x()) + 248, b.y() + 158)
        drag(page, corner1, corner2)
        assert set(page.selected_card_ids()) == {"k4", "k5"}
        drag(page, card_centre(page, "k5"), cell_empty_spot(page, ("c3", MID)))
        assert cell_order(wf.ws, "c3", MID) == ["k4", "k5"]
        assert cell_order(reopen(path), "c3", MID) == ["k4", "k5"]
        assert controller.undo_stack.count() == 5

        # A drag that ends where it started is no command at all.
        click(page, card_centre(page, "k3"))
        drag(page, card_centre(page, "k3"), card_centre(page, "k3") + QPointF(3, 9))
        assert controller.undo_stack.count() == 5

        # Undo, one gesture at a time, checking the file after each.
        stack = controller.undo_stack
        stack.undo()
        assert cell_order(reopen(path), "c1", ENTRY) == ["k4", "k5", "k3"]
        stack.undo()
        assert reopen(path).sessions[SID].cards["k2"].category_id is None
        stack.undo()
        assert reopen(path).sessions[SID].cards["k1"].stack_id is None
        assert "k1" in page.scene.cards and page.scene.cards["k2"].count == 1
        stack.undo()
        assert cell_order(reopen(path), "c1", ENTRY) == ["k5", "k3"]
        stack.undo()
        saved = reopen(path).sessions[SID].cards
        assert all(saved[k].category_id is None for k in ("k1", "k2", "k3", "k4"))
        assert cell_order(wf.ws, "c1", ENTRY) == ["k5"]
        # The scene followed every step: each card is drawn where the domain has it.
        for card_id, origin in page.scene.layout.origins.items():
            assert page.scene.cards[card_id].pos() == origin
    finally:
        close_page(page, wf)


def test_a_refused_drop_puts_the_cards_back(qtbot, workspace_path):
    path = make_wall(workspace_path)
    wf, controller, page = open_page(qtbot, path)
    try:
        start = page.scene.cards["k3"].pos()
        # The header band is no cell: nothing happens, the card goes back.
        header = page.scene.headers["c2"]
        drag(page, card_centre(page, "k3"), header.pos() + QPointF(20, 20))
        assert page.scene.cards["k3"].pos() == start
        assert controller.undo_stack.count() == 0
        assert not page.scene.drop_marker.isVisible()
    finally:
        close_page(page, wf)


def test_drag_shows_a_drop_marker_while_moving(qtbot, workspace_path):
    from PySide6.QtTest import QTest

    from tests.ui.wall_helpers import _move

    path = make_wall(workspace_path)
    wf, _controller, page = open_page(qtbot, path)
    try:
        viewport = page.view.viewport()
        a = to_view(page, card_centre(page, "k3"))
        b = to_view(page, cell_empty_spot(page, ("c2", ENTRY)))
        QTest.mousePress(viewport, Qt.LeftButton, Qt.NoModifier, a)
        _move(viewport, a + (b - a) / 2, Qt.LeftButton)
        _move(viewport, b, Qt.LeftButton)
        assert page.scene.drop_marker.isVisible()
        assert page.scene.layout.cells[("c2", ENTRY)].rect.intersects(page.scene.drop_marker.sceneBoundingRect())
        c = to_view(page, card_centre(page, "k4"))
        _move(viewport, c, Qt.LeftButton)  # over another card: the marker outlines it (stack)
        assert page.scene.drop_marker.brush().style() == Qt.NoBrush
        QTest.mouseRelease(viewport, Qt.LeftButton, Qt.NoModifier, c)
        assert wf.ws.sessions[SID].cards["k3"].stack_id == "k4"
        assert not page.scene.drop_marker.isVisible()
    finally:
        close_page(page, wf)
