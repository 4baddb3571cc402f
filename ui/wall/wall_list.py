"""The wall as a list, for a screen reader and the keyboard: column, row, cards, piles and counts.

A tree (category > level > card) that follows the wall; Enter (or a double click) on a card selects
it on the wall and brings it into view, so a keyboard user can drive the wall from here.
"""

from __future__ import annotations

from PySide6.QtCore import Qt, QTimer
from PySide6.QtWidgets import QDockWidget, QTreeWidget, QTreeWidgetItem

from cardwall.model import REASON_LABELS
from ui.wall.layout import TRAY
from ui.wall.tally import reason_counts

CARD_ROLE = Qt.UserRole + 1


class WallListDock(QDockWidget):
    def __init__(self, page) -> None:
        super().__init__("Wall as a list")
        self.setObjectName("wall-list")
        self.page = page
        self.area = Qt.RightDockWidgetArea
        self.tree = QTreeWidget()
        self.tree.setHeaderHidden(True)
        self.tree.setAccessibleName("The wall as a list: columns, rows and cards")
        self.tree.itemActivated.connect(self._on_activated)
        self.setWidget(self.tree)
        self._later = QTimer(self, singleShot=True, interval=0)  # one rebuild for a burst of changes
        self._later.timeout.connect(self.rebuild)
        self._stale = True
        page.controller.changed.connect(self._on_changed)
        self.visibilityChanged.connect(self._on_visibility)
        self.rebuild()

    def _on_changed(self, _change) -> None:
        # Built while it is in view only: a 2,000-card wall's commands do not pay for a hidden list.
        self._stale = True
        if self.isVisible() and not self.visibleRegion().isEmpty():
            self._later.start()

    def _on_visibility(self, visible: bool) -> None:
        if visible and self._stale:  # shown, or its tab brought to the front
            self._later.start()

    def rebuild(self) -> None:
        scene = self.page.scene
        session = self.page.controller.ws.sessions.get(self.page.session_id)
        layout = scene.layout
        if session is None or layout is None:
            return
        self._stale = False
        open_keys = {self._key(self.tree.topLevelItem(i)) for i in range(self.tree.topLevelItemCount())}
        open_keys = {k for k in open_keys if k}
        self.tree.clear()
        groups = [(c.category_id, session.categories[c.category_id].title) for c in layout.columns]
        groups.append((None, "Unsorted tray"))
        for category_id, title in groups:
            cells = [(r.level_id, r.name) for r in layout.rows] if category_id else [(None, "")]
            total = sum(len(layout.cells.get((category_id, lv) if category_id else TRAY).roots) for lv, _ in cells)
            top = QTreeWidgetItem([f"{title}: {_cards(total)}"])
            top.setData(0, CARD_ROLE, f"column:{category_id}")
            self.tree.addTopLevelItem(top)
            for level_id, name in cells:
                geometry = layout.cells.get((category_id, level_id) if category_id else TRAY)
                if geometry is None:
                    continue
                parent = top
                if category_id:
                    parent = QTreeWidgetItem(top, [f"{name}: {_cards(len(geometry.roots))}"])
                for root_id in geometry.roots:
                    pile = layout.piles[root_id]
                    item = QTreeWidgetItem(parent, [_describe(pile)])
                    item.setData(0, CARD_ROLE, root_id)
                top.setExpanded(f"column:{category_id}" in open_keys or not open_keys)

    def _key(self, item) -> str | None:
        return item.data(0, CARD_ROLE) if item is not None and item.isExpanded() else None

    def _on_activated(self, item: QTreeWidgetItem, _column: int) -> None:
        card_id = item.data(0, CARD_ROLE)
        if card_id and not str(card_id).startswith("column:"):
            self.page.show_card(card_id)

    def shutdown(self) -> None:
        self._later.stop()


def _cards(n: int) -> str:
    return "no cards" if n == 0 else "1 card" if n == 1 else f"{n} cards"


def _describe(pile) -> str:
    card = pile[0]
    text = " ".join(card.text.split())
    if len(pile) > 1:
        text += f", a pile of {len(pile)}"
    why = ", ".join(f"{REASON_LABELS.get(r, r).lower()} {n}" for r, n in reason_counts(pile))
    if why:
        text += f" (why: {why})"
    if card.soc_code:
        text += f", SOC {card.soc_code}"
    return text
