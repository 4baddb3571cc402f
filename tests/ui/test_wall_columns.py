"""Categories, levels and piles from the wall: header drags, right-click menus, expand and split; undo."""

from __future__ import annotations

from PySide6.QtCore import QPointF, Qt
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QInputDialog, QMenu

from cardwall.commands import StackCards
from tests.helpers import reopen
from tests.ui.wall_helpers import (
    ENTRY,
    SID,
    card_centre,
    close_page,
    drag,
    header_centre,
    make_wall,
    open_page,
    to_view,
)
from ui.wall.menus import SOC_MAJOR_GROUPS


def order(ws):
    return [c.id for c in ws.sessions[SID].ordered_categories()]


def find_action(menu: QMenu, text: str):
    for a in menu.actions():
        if a.text().startswith(text):
            return a
        if a.menu() is not None:
            found = find_action(a.menu(), text)
            if found is not None:
                return found
    return None


def action(menu: QMenu, text: str):
    found = find_action(menu, text)
    assert found is not None, f"no menu entry {text!r} in {[a.text() for a in menu.actions()]}"
    return found


def test_header_drag_reorders_categories_and_undo_puts_them_back(qtbot, workspace_path):
    path = make_wall(workspace_path)
    wf, controller, page = open_page(qtbot, path)
    try:
        sales = page.scene.layout.columns[-1]
        drag(page, header_centre(page, "c1"), QPointF(sales.x + sales.width - 5, header_centre(page, "c1").y()))
        assert order(reopen(path)) == ["c2", "c3", "c1"]
        assert [c.category_id for c in page.scene.layout.columns] == ["c2", "c3", "c1"]
        # The column's cards travelled with it.
        assert page.scene.layout.cells[("c1", ENTRY)].slots == ["k5"]
        drag(page, header_centre(page, "c3"), header_centre(page, "c2") - QPointF(100, 0))
        assert order(reopen(path)) == ["c3", "c2", "c1"]
        controller.undo_stack.undo()
        assert order(reopen(path)) == ["c2", "c3", "c1"]
        controller.undo_stack.undo()
        assert order(reopen(path)) == ["c1", "c2", "c3"]
        assert controller.undo_stack.count() == 2
    finally:
        close_page(page, wf)


def test_deleting_a_category_sends_its_cards_to_the_tray_and_undo_restores_them(qtbot, workspace_path):
    path = make_wall(workspace_path)
    wf, controller, page = open_page(qtbot, path)
    try:
        menus = page.interactions.menus
        action(menus.menu_at(header_centre(page, "c1")), "Delete category").trigger()
        saved = reopen(path).sessions[SID]
        assert "c1" not in saved.categories
        assert (saved.cards["k5"].category_id, saved.cards["k5"].level_id) == (None, None)
        assert "k5" in page.scene.layout.cells[(None, None)].slots
        assert "c1" not in page.scene.headers
        controller.undo_stack.undo()
        saved = reopen(path).sessions[SID]
        assert order(reopen(path)) == ["c1", "c2", "c3"]
        assert (saved.cards["k5"].category_id, saved.cards["k5"].level_id) == ("c1", ENTRY)
        assert page.scene.layout.cells[("c1", ENTRY)].slots == ["k5"]
    finally:
        close_page(page, wf)


def test_menus_rename_recolour_add_and_move_levels(qtbot, workspace_path, monkeypatch):
    path = make_wall(workspace_path)
    wf, controller, page = open_page(qtbot, path)
    try:
        monkeypatch.setattr(QInputDialog, "getText", staticmethod(lambda *a, **k: ("Fabrication", True)))
        QTest.mouseDClick(page.view.viewport(), Qt.LeftButton, Qt.NoModifier, to_view(page, header_centre(page, "c1")))
        assert reopen(path).sessions[SID].categories["c1"].title == "Fabrication"

        menus = page.interactions.menus
        background = menus.background_menu()
        soc = action(background, "SOC major groups").menu()
        assert len(soc.actions()) == len(SOC_MAJOR_GROUPS) == 22
        action(background, "Management").trigger()
        assert "Management" in [c.title for c in reopen(path).sessions[SID].categories.values()]
        action(soc, "53-0000").trigger()
        assert page.scene.layout.columns[-1].category_id in wf.ws.sessions[SID].categories

        entry_label = page.scene.labels[ENTRY]
        level_menu = menus.menu_at(entry_label.sceneBoundingRect().center())
        action(level_menu, "Move up").trigger()
        names = [lv.name for lv in reopen(path).sessions[SID].ordered_levels()]
        assert names == ["Mid", "Entry", "Advanced"]
        # The wall draws entry where the domain has it now: one row above Mid.
        assert page.scene.labels[ENTRY].pos().y() < page.scene.labels["L2"].pos().y()

        monkeypatch.setattr(QInputDialog, "getText", staticmethod(lambda *a, **k: ("Expert", True)))
        top_label = page.scene.labels["L3"]
        action(menus.menu_at(top_label.sceneBoundingRect().center()), "Add level above").trigger()
        assert [lv.name for lv in reopen(path).sessions[SID].ordered_levels()][-1] == "Expert"
        assert page.scene.layout.rows[0].name == "Expert"  # the top row
        for _ in range(5):
            controller.undo_stack.undo()
        saved = reopen(path).sessions[SID]
        assert [lv.name for lv in saved.ordered_levels()] == ["Entry", "Mid", "Advanced"]
        assert [c.title for c in saved.ordered_categories()] == ["Production", "Engineering", "Sales"]
    finally:
        close_page(page, wf)


def test_a_pile_expands_and_splits(qtbot, workspace_path):
    path = make_wall(workspace_path)
    wf, controller, page = open_page(qtbot, path)
    try:
        controller.run(StackCards(SID, ["k1", "k3"], "k2"))
        assert page.scene.cards["k2"].count == 3 and "k1" not in page.scene.cards
        tip = page.scene.card_tooltip("k2")
        assert "A pile of 3 cards" in tip
        QTest.mouseDClick(page.view.viewport(), Qt.LeftButton, Qt.NoModifier, to_view(page, card_centre(page, "k2")))
        assert {"k1", "k3"} <= set(page.scene.cards)
        assert page.scene.cards["k1"].member_of == "k2" and page.scene.cards["k2"].expanded
        # A member dragged out of the fanned pile leaves the pile.
        drag(page, card_centre(page, "k1"), page.scene.layout.cells[("c2", ENTRY)].rect.center())
        saved = reopen(path).sessions[SID].cards
        assert saved["k1"].stack_id is None and saved["k1"].category_id == "c2"
        menu = page.interactions.menus.menu_at(card_centre(page, "k2"))
        action(menu, "Split stack").trigger()
        saved = reopen(path).sessions[SID].cards
        assert saved["k3"].stack_id is None and saved["k2"].stack_id is None
        assert page.scene.cards["k2"].count == 1
        controller.undo_stack.undo()
        assert reopen(path).sessions[SID].cards["k3"].stack_id == "k2"
    finally:
        close_page(page, wf)


def test_card_and_header_menus_change_kind_reasons_and_colour(qtbot, workspace_path, monkeypatch):
    from PySide6.QtGui import QColor
    from PySide6.QtWidgets import QColorDialog

    path = make_wall(workspace_path)
    wf, controller, page = open_page(qtbot, path)
    try:
        menus = page.interactions.menus
        action(menus.menu_at(card_centre(page, "k5")), "Skill").trigger()
        assert reopen(path).sessions[SID].cards["k5"].kind == "skill"
        action(menus.menu_at(card_centre(page, "k5")), "Hardest to fill").trigger()
        action(menus.menu_at(card_centre(page, "k5")), "Biggest growth impact").trigger()
        assert reopen(path).sessions[SID].cards["k5"].reasons == ("hard-to-fill", "growth")
        action(menus.menu_at(card_centre(page, "k5")), "Data prompt").trigger()
        assert reopen(path).sessions[SID].cards["k5"].prompt is True
        assert page.scene.cards["k5"].card.prompt

        monkeypatch.setattr(QColorDialog, "getColor", staticmethod(lambda *a, **k: QColor("#3366cc")))
        action(menus.menu_at(header_centre(page, "c2")), "Colour").trigger()
        assert reopen(path).sessions[SID].categories["c2"].colour == "#3366cc"
        assert page.scene.headers["c2"].colour().name() == "#3366cc"
        for _ in range(5):
            controller.undo_stack.undo()
        saved = reopen(path).sessions[SID]
        assert saved.categories["c2"].colour == ""
        card = saved.cards["k5"]
        assert (card.kind, card.reasons, card.prompt) == ("occupation", (), False)
    finally:
        close_page(page, wf)
