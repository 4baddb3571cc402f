"""The wall as a list: a screen reader hears the columns, rows, cards and piles; Enter drives the wall."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtTest import QTest

from cardwall.commands import AddCard, StackCards
from tests.ui.wall_helpers import ENTRY, SID, make_wall, open_wall_window
from ui.wall.wall_list import WallListDock


def texts(item) -> list[str]:
    return [item.child(i).text(0) for i in range(item.childCount())]


def test_the_wall_as_a_list_follows_the_wall_and_enter_selects_the_card(qtbot, workspace_path):
    window = open_wall_window(qtbot, make_wall(workspace_path))
    try:
        page, controller = window.page, window.controller
        dock = next(d for d in page.docks if isinstance(d, WallListDock))
        tree = dock.tree
        assert tree.accessibleName().startswith("The wall as a list")
        tops = [tree.topLevelItem(i).text(0) for i in range(tree.topLevelItemCount())]
        assert tops == ["Production: 1 card", "Engineering: no cards", "Sales: no cards", "Unsorted tray: 4 cards"]
        production = tree.topLevelItem(0)
        assert "Entry: 1 card" in texts(production)

        dock.show()
        dock.raise_()  # its tab in front: the list follows the wall
        qtbot.waitUntil(lambda: not dock.visibleRegion().isEmpty())
        assert controller.run(StackCards(SID, ["k2"], "k1"))
        assert controller.run(AddCard(SID, "Machinist", card_id="k9", category_id="c1", level_id=ENTRY))
        qtbot.waitUntil(lambda: tree.topLevelItem(3).text(0) == "Unsorted tray: 3 cards")
        assert "Welder, a pile of 2" in texts(tree.topLevelItem(3))
        production = tree.topLevelItem(0)
        rows = [production.child(i) for i in range(production.childCount())]
        entry = next(row for row in rows if row.text(0).startswith("Entry"))
        assert texts(entry) == ["Assembler", "Machinist"]

        tree.setFocus()
        tree.setCurrentItem(entry.child(1))
        QTest.keyClick(tree, Qt.Key_Return)
        assert page.selected_card_ids() == ["k9"]
    finally:
        window.close()
