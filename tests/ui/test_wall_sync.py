"""Model, then scene: a command's change reaches only the items it names, and the scene it leaves
is the one a full layout of the session would draw."""

from __future__ import annotations

import pytest
from PySide6.QtCore import QPointF, Qt
from PySide6.QtGui import QColor
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QGraphicsItem

from cardwall.commands import AddCard, DeleteCards, DeleteCategory, EditCard, MoveCards, StackCards, UnstackCard
from tests.ui.wall_helpers import ENTRY, MID, SID, close_page, make_wall, open_page
from ui.wall import scene as scene_module
from ui.wall.layout import compute_layout
from ui.wall.scene import WallScene
from ui.wall.style import CARD_H, CARD_W


def _no_full_layout(*args, **kwargs):
    raise AssertionError("the whole wall was laid out again for a change to one card")


def test_an_edit_of_one_card_keeps_its_item_and_moves_no_other(qtbot, workspace_path, monkeypatch):
    wf, controller, page = open_page(qtbot, make_wall(workspace_path))
    try:
        scene = page.scene
        items = dict(scene.cards)
        places = {cid: item.pos() for cid, item in items.items()}
        cells = dict(scene.layout.cells)
        monkeypatch.setattr(scene_module, "compute_layout", _no_full_layout)
        controller.run(EditCard(SID, "k5", text="Assembler lead"))
        assert scene.cards == items  # the same item objects, none added or dropped
        assert scene.cards["k5"] is items["k5"]
        assert scene.cards["k5"].card.text == "Assembler lead"
        assert {cid: item.pos() for cid, item in scene.cards.items()} == places
        assert all(scene.layout.cells[c] is g for c, g in cells.items())  # no cell laid out again
        # A move lays out the two cells it touches; the rest keep their geometry.
        controller.run(MoveCards(SID, ["k1"], category_id="c2", level_id=MID, index=0))
        relaid = {c for c, g in cells.items() if scene.layout.cells[c] is not g}
        assert {("c2", MID), (None, None)} <= relaid
        assert ("c3", ENTRY) not in relaid
        assert scene.cards["k1"] is items["k1"]
        assert scene.cards["k1"].pos() == scene.layout.origins["k1"]
        assert scene.cards["k5"].pos() == places["k5"]
    finally:
        close_page(page, wf)


def _assert_like_a_full_layout(scene, session) -> None:
    fresh = compute_layout(session, expanded=scene.expanded, legend_width=scene.legend.boundingRect().width())
    assert set(scene.cards) == set(fresh.origins)
    for card_id, item in scene.cards.items():
        assert item.pos() == fresh.origins[card_id], card_id
        pile = fresh.piles.get(card_id)
        if item.member_of is None:
            assert [c.id for c in pile] == [c.id for c in scene.layout.piles[card_id]]
            assert item.count == len(pile) and item.card == pile[0]
    assert {c: g.slots for c, g in scene.layout.cells.items()} == {c: g.slots for c, g in fresh.cells.items()}
    assert {c: g.rect for c, g in scene.layout.cells.items()} == {c: g.rect for c, g in fresh.cells.items()}
    assert scene.layout.scene_rect == fresh.scene_rect == scene.sceneRect()
    for cell, geometry in fresh.cells.items():
        assert scene.cell_items[cell].rect() == geometry.rect
    for column in fresh.columns:
        count = sum(len(fresh.piles[r]) for c, g in fresh.cells.items() if c[0] == column.category_id for r in g.roots)
        assert scene.headers[column.category_id].count == count
        assert scene.headers[column.category_id].pos().x() == column.x
        assert scene.headers[column.category_id].width == column.width
    for row in fresh.rows:
        assert (scene.labels[row.level_id].pos().y(), scene.labels[row.level_id].height) == (row.y, row.height)
    assert set(scene.headers) == {c.category_id for c in fresh.columns} and set(scene.labels) == {
        r.level_id for r in fresh.rows
    }
    assert set(scene.cell_items) == set(fresh.cells)
    assert scene.legend.pos() == fresh.legend and scene.tray_header.pos() == fresh.tray_header.topLeft()
    # What a command keeps rather than makes anew: the columns and rows, each cell's count, each cell's colour.
    assert scene.layout.frame == fresh.frame
    assert scene.layout.origins == fresh.origins  # none left behind by a card deleted or piled away
    assert (scene.layout.columns, scene.layout.rows) == (fresh.columns, fresh.rows)
    for cell, geometry in scene.layout.cells.items():
        assert geometry.cards(scene.layout.piles) == sum(len(fresh.piles[r]) for r in fresh.cells[cell].roots), cell
    drawn = WallScene(lambda: session, look=scene.look)  # the scene a full sync paints
    try:
        for cell, item in drawn.cell_items.items():
            assert scene.cell_items[cell].brush().color() == item.brush().color(), cell
    finally:
        drawn.deleteLater()


@pytest.mark.parametrize("expand", [False, True])
def test_after_each_command_the_scene_is_what_a_full_layout_draws(qtbot, workspace_path, expand):
    wf, controller, page = open_page(qtbot, make_wall(workspace_path))
    try:
        scene = page.scene
        session = lambda: wf.ws.sessions[SID]
        steps = [
            MoveCards(SID, ["k1"], category_id="c1", level_id=ENTRY, index=0),
            MoveCards(SID, ["k2", "k3"], category_id="c2", level_id=MID, index=0),
            StackCards(SID, ["k3"], onto="k1"),
            StackCards(SID, ["k4"], onto="k1"),
            MoveCards(SID, ["k1"], category_id="c3", level_id=MID, index=0),  # the pile moves as one
            UnstackCard(SID, "k4"),
            AddCard(SID, "Quality inspector", card_id="k9", category_id="c3", level_id=MID),
            EditCard(SID, "k3", text="Lead machinist"),
            DeleteCards(SID, ["k2"]),
            DeleteCards(SID, ["k1"]),  # a pile's root: its member stands alone again
        ]
        for n, command in enumerate(steps):
            assert controller.run(command) is not None, command
            if expand and n == 3:
                scene.toggle_expanded("k1")  # fanned out: its members move with every later change
            _assert_like_a_full_layout(scene, session())
        for _ in steps:
            controller.undo_stack.undo()
            _assert_like_a_full_layout(scene, session())
        for _ in steps:
            controller.undo_stack.redo()
            _assert_like_a_full_layout(scene, session())
    finally:
        close_page(page, wf)


def test_seen_from_very_far_the_cards_paint_in_batches_and_show_fill_dim_and_selection(qtbot, workspace_path):
    wf, controller, page = open_page(qtbot, make_wall(workspace_path))
    try:
        scene, view = page.scene, page.view
        view.set_zoom(0.1)  # below LOD_PLAIN: the whole of a 5,000-card wall on one screen
        QTest.qWait(20)
        image = view.viewport().grab().toImage()
        assert scene.plain
        assert all(item.flags() & QGraphicsItem.ItemHasNoContents for item in scene.cards.values())

        def colour_at(card_id, image, dy=0.7):
            origin = scene.layout.origins[card_id]
            point = view.mapFromScene(QPointF(origin.x() + CARD_W / 2, origin.y() + CARD_H * dy))
            return image.pixelColor(point).name()

        fill = QColor(scene.look.colour_of("occupation", False)).name()
        assert colour_at("k5", image) == fill  # drawn by the scene, not by the item
        # A find dims the others; a selection shows its band; both repaint from far away.
        page.highlight("Assembler")
        scene.cards["k5"].setSelected(True)
        QTest.qWait(20)
        image = view.viewport().grab().toImage()
        assert colour_at("k5", image, dy=0.2) == QColor(scene.look.selection).name()
        assert colour_at("k1", image) != fill  # dimmed
        # A command adds a card far away: it is drawn as well.
        controller.run(AddCard(SID, "Painter", card_id="k7", category_id="c3", level_id=ENTRY))
        page.highlight("")
        QTest.qWait(20)
        image = view.viewport().grab().toImage()
        assert scene.cards["k7"].flags() & QGraphicsItem.ItemHasNoContents
        assert colour_at("k7", image) == fill
        # Still a card under the pointer: a click selects it.
        origin = scene.layout.origins["k7"]
        point = view.mapFromScene(QPointF(origin.x() + CARD_W / 2, origin.y() + CARD_H / 2))
        QTest.mouseClick(view.viewport(), Qt.LeftButton, Qt.NoModifier, point)
        assert [i.card_id for i in scene.selected_cards()] == ["k7"]
        # Zoomed in again, every card paints itself (its text) once more.
        view.set_zoom(1.0)
        view.centerOn(scene.cards["k7"])
        QTest.qWait(20)
        view.viewport().grab()
        assert not scene.plain
        assert not any(item.flags() & QGraphicsItem.ItemHasNoContents for item in scene.cards.values())
    finally:
        close_page(page, wf)


def test_a_column_taken_out_of_the_middle_repaints_the_stripes_and_a_move_after_keeps_them(qtbot, workspace_path):
    wf, controller, page = open_page(qtbot, make_wall(workspace_path))
    try:
        scene = page.scene
        controller.run(MoveCards(SID, ["k3"], category_id="c3", level_id=MID, index=0))
        controller.run(DeleteCategory(SID, "c2"))  # Sales moves left: its cells take Engineering's colour
        _assert_like_a_full_layout(scene, wf.ws.sessions[SID])
        controller.run(MoveCards(SID, ["k4"], category_id="c3", level_id=MID, index=0))
        _assert_like_a_full_layout(scene, wf.ws.sessions[SID])
        controller.undo_stack.undo()
        controller.undo_stack.undo()  # Engineering back between them
        _assert_like_a_full_layout(scene, wf.ws.sessions[SID])
    finally:
        close_page(page, wf)


def test_the_capture_bar_offer_follows_a_pile_made_on_the_wall_while_text_is_typed(qtbot, workspace_path):
    wf, controller, page = open_page(qtbot, make_wall(workspace_path))
    try:
        bar = page.capture_bar
        controller.run(MoveCards(SID, ["k1"], category_id="c1", level_id=MID))  # nothing typed: no offer to follow
        assert bar.hint.text() == ""
        bar.text.setFocus()
        qtbot.keyClicks(bar.text, "welder")
        assert "(x1)" in bar.hint.text()
        controller.run(StackCards(SID, ["k2"], onto="k1"))  # done on the wall, not in the bar
        assert "Enter: stack on “Welder” (x2)" in bar.hint.text()
        controller.undo_stack.undo()
        assert "(x1)" in bar.hint.text()
        bar.text.clear()
        controller.undo_stack.redo()
        assert bar.hint.text() == ""
    finally:
        close_page(page, wf)
