"""The wall as a QGraphicsScene: a mirror of one session's cards, never their owner.

The scene reads the session through a getter, lays it out (ui/wall/layout.py)
and keeps one item per visible card, header and level label. A command's
change reaches only the cards it names and the cells they left or joined
(ui/wall/delta.py); categories and levels rebuild the layout whole.
"""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import QPointF, QRectF, Qt
from PySide6.QtGui import QBrush, QColor, QPen
from PySide6.QtWidgets import QGraphicsItem, QGraphicsRectItem, QGraphicsScene, QGraphicsSimpleTextItem, QToolTip

from cardwall.commands import Change
from cardwall.model import REASON_LABELS, REASONS, Session
from ui.wall.card_item import CARD_TYPE, CardItem, Paints, plain_batches
from ui.wall.card_text import floor_step, shared_step
from ui.wall.delta import Delta, WallIndex, update
from ui.wall.frame import sync_frame
from ui.wall.header_item import HeaderItem, LevelLabelItem
from ui.wall.layout import Cell, WallLayout, compute_layout
from ui.wall.style import CARD_H, CARD_W, LOD_PLAIN, NORMAL, REASON_LETTERS, Look, font
from ui.wall.tally import pile_footer, pile_reasons, reason_counts, tooltip_html  # noqa: F401 (others import them from here)

SHARED_UP_TO = 400  # cards; a generated 2,000-card wall is no room's wall
WALL_TABLES = {"cards", "categories", "levels", "participants"}  # participants: who named a card, on its footer


class WallScene(QGraphicsScene):
    def __init__(self, session: Callable[[], Session], *, look: Look = NORMAL, parent=None) -> None:
        super().__init__(parent)
        self.session = session
        self.look = look
        self.paints = Paints(look)
        self.expanded: set[str] = set()
        self.cards: dict[str, CardItem] = {}
        self.headers: dict[str, HeaderItem] = {}
        self.labels: dict[str | None, LevelLabelItem] = {}
        self.cell_items: dict[Cell, QGraphicsRectItem] = {}
        self.layout: WallLayout | None = None
        self.index: WallIndex | None = None  # the cards as last shown, for syncing only what a command names
        self.highlight_text = ""
        # Every view this far out: the cards draw in a few batches (drawForeground), not one by one.
        self.plain = False
        self._plain: list | None = None  # the batches, until a card moves, dims or is selected
        self.selectionChanged.connect(self.forget_plain)
        self.setBackgroundBrush(QColor(look.felt))
        self.setItemIndexMethod(QGraphicsScene.BspTreeIndex)

        self.tray_header = QGraphicsRectItem()
        self.tray_header.setZValue(5)
        self.tray_title = QGraphicsSimpleTextItem("Unsorted", self.tray_header)
        self.tray_hint = QGraphicsSimpleTextItem("new cards land here", self.tray_header)
        self.addItem(self.tray_header)
        self.empty_hint = QGraphicsSimpleTextItem("Right-click the wall:\nAdd category")
        self.empty_hint.setZValue(5)
        self.addItem(self.empty_hint)
        letters = " · ".join(f"{REASON_LETTERS[r]} {REASON_LABELS[r].lower()}" for r in REASONS)
        self.legend = QGraphicsSimpleTextItem(f"Why critical:  {letters}")
        self.addItem(self.legend)
        self.drop_marker = QGraphicsRectItem()
        self.drop_marker.setZValue(100)
        self.drop_marker.setVisible(False)
        self.addItem(self.drop_marker)
        self._style_fixed_items()
        self.sync()

    # --- keeping up with the domain -----------------------------------------------------------

    def apply_change(self, change: Change) -> None:
        """Bring the scene in line with what a command changed: the cards it names, their piles and
        cells; categories or levels (or a pile's root coming or going) rebuild the whole layout."""
        session = self.session()
        if session is None or session.id not in change.sessions():
            return
        tables = change.tables()
        if not tables & WALL_TABLES:
            return
        if tables & {"categories", "levels", "participants"} or self.layout is None or self.index is None:
            self.sync()
            return
        card_ids = {k[2] for k in change.keys if k[0] == "cards" and k[1] == session.id}
        width = self.legend.boundingRect().width()
        delta = update(self.layout, self.index, session, card_ids, self.expanded, width) if card_ids else None
        if delta is None:
            if card_ids:
                self.sync()
            return
        self._apply_delta(session, card_ids, delta)

    def _apply_delta(self, session: Session, card_ids: set[str], delta: Delta) -> None:
        layout = self.layout = delta.layout
        self._plain = None
        touched: set[str] = set()
        named = delta.roots | card_ids  # cards whose face or pile may have changed; the rest only move
        for card_id in card_ids | delta.gone:
            if card_id not in layout.origins and card_id in self.cards:
                self.removeItem(self.cards.pop(card_id))
        cards, origins = self.cards, layout.origins
        for cell in delta.relaid:
            geometry = layout.cells[cell]
            if len(geometry.slots) == len(geometry.roots):  # no pile fanned out here: every card stands alone
                for card_id in layout.placed.get(cell, geometry.slots):  # the cards given a new origin
                    item = cards.get(card_id)
                    if item is None or item.member_of is not None or card_id in named:
                        self._place_item(session, card_id, origins[card_id], None)
                        touched.add(card_id)
                    else:
                        item.setPos(origins[card_id])
                continue
            root = None
            roots = set(geometry.roots)
            for card_id in geometry.slots:
                root = card_id if card_id in roots else root
                member_of = None if card_id == root else root
                item = self.cards.get(card_id)
                origin = layout.origins[card_id]
                if card_id in named or item is None or item.member_of != member_of:
                    self._place_item(session, card_id, origin, member_of)
                    touched.add(card_id)
                else:
                    item.setPos(origin)  # Qt does nothing when it stands there already
        for card_id in named - touched:
            if card_id in self.cards and card_id in layout.origins:
                item = self.cards[card_id]
                self._place_item(session, card_id, layout.origins[card_id], item.member_of)
                touched.add(card_id)
        if len(self.cards) <= SHARED_UP_TO:
            self._share_type_size()
        if delta.relaid:
            self._sync_frame(session, layout, delta.relaid)
        self.setSceneRect(layout.scene_rect)
        if self.highlight_text:  # the find follows new and edited cards
            self._highlight_items(session, [self.cards[c] for c in touched if c in self.cards])

    def _place_item(self, session: Session, card_id: str, origin: QPointF, root_of: str | None) -> CardItem:
        """The item of one visible card: made, repainted with its pile, moved to `origin`."""
        if root_of is None:
            pile = self.layout.piles[card_id]
            card, count = pile[0], len(pile)
            reasons = pile_footer(session, pile)
        else:
            card, count, reasons = session.cards[card_id], 1, ""
        item = self.cards.get(card_id)
        if item is None or item.member_of != root_of:
            if item is not None:
                self.removeItem(item)
            item = CardItem(card, count, self.paints, member_of=root_of)
            if self.plain:
                item.setFlag(QGraphicsItem.ItemHasNoContents)
            item.reasons = reasons
            item.setPos(origin)
            self.cards[card_id] = item
            self.addItem(item)
        else:
            item.set_card(card, count, reasons)
            if item.pos() != origin:
                item.setPos(origin)
        expanded = card_id in self.expanded
        if item.expanded != expanded:
            item.expanded = expanded
            item.update()
        return item

    def sync(self) -> None:
        """Rebuild the layout from the whole session and bring every item in line with it."""
        session = self.session()
        if session is None:  # the session was deleted: the page is on its way out
            return
        # A narrow wall (two columns) is as wide as its legend, so the legend shows whole.
        layout = compute_layout(session, expanded=self.expanded, legend_width=self.legend.boundingRect().width())
        self.layout, self._plain = layout, None
        self.index = WallIndex(session)
        # A pile split or taken apart is no longer fanned out: no red edge stays behind.
        self.expanded = {root for root in self.expanded if len(layout.piles.get(root, ())) > 1}
        members: dict[str, str] = {}
        for root_id in self.expanded:
            for card in layout.piles[root_id][1:]:
                members[card.id] = root_id
        for card_id in [cid for cid in self.cards if cid not in layout.origins]:
            item = self.cards.pop(card_id)
            self.removeItem(item)
        for card_id, origin in layout.origins.items():
            self._place_item(session, card_id, origin, members.get(card_id))
        self._share_type_size()
        self._sync_frame(session, layout)
        self.setSceneRect(layout.scene_rect)
        if self.highlight_text:  # the find follows new and edited cards
            self.highlight(self.highlight_text)

    def _share_type_size(self) -> None:
        """Cards in view share one type size where they can (most fit whole at it; the rest go smaller).

        A wall of a room's size only: past SHARED_UP_TO cards each card keeps its own size."""
        p = self.paints
        if len(self.cards) > SHARED_UP_TO:
            far = near = 0
        else:
            steps = [p.steps(item.card.text) for item in self.cards.values()]
            far = shared_step([s[0] for s in steps], floor_step(p.far_px, p.far_least))
            near = shared_step([s[1] for s in steps], floor_step(p.look.text_px, p.near_least))
        if (far, near) != (p.far_shared, p.near_shared):
            p.far_shared, p.near_shared = far, near
            for item in self.cards.values():
                item.update()

    def _sync_frame(self, session: Session, layout: WallLayout, relaid: set[Cell] | None = None) -> None:
        sync_frame(self, session, layout, relaid)

    def _style_fixed_items(self) -> None:
        look = self.look
        self.tray_header.setBrush(QBrush(QColor(look.tray)))
        self.tray_header.setPen(QPen(QColor(look.grid_text), 2, Qt.DashLine))
        self.tray_title.setFont(font(look.header_px * 1.3, bold=True))
        self.tray_title.setBrush(QColor(look.grid_text))
        self.tray_title.setPos(14, 18)
        self.tray_hint.setFont(font(look.small_px * 1.3))
        self.tray_hint.setBrush(QColor(look.grid_text))
        self.tray_hint.setPos(14, 22 + look.header_px * 1.7)
        self.empty_hint.setFont(font(look.header_px * 1.6, bold=True))
        self.empty_hint.setBrush(QColor(look.grid_text))
        self.legend.setFont(font(look.small_px * 1.6, bold=True))
        self.legend.setBrush(QColor(look.grid_text))
        self.drop_marker.setPen(QPen(QColor(look.drop), 6))
        self.drop_marker.setBrush(QBrush(QColor(look.drop)))

    def set_look(self, look: Look) -> None:
        """A new look (high contrast, bigger type): every item repaints with it."""
        self.look = look
        self.paints = Paints(look)
        self.setBackgroundBrush(QColor(look.felt))
        for item in self.cards.values():
            item.set_paints(self.paints)
        self._style_fixed_items()
        self.sync()
        self.update()

    # --- seen from very far: every view below LOD_PLAIN, the cards paint as a few batches -------------

    def forget_plain(self) -> None:
        self._plain = None

    def drawBackground(self, painter, rect) -> None:
        super().drawBackground(painter, rect)
        # Decided as each view paints (before the items): a view zoomed in, added or gone counts at once.
        plain = bool(self.views()) and all(v.transform().m11() < LOD_PLAIN for v in self.views())
        if plain != self.plain:
            self.plain, self._plain = plain, None
            for item in self.cards.values():
                item.setFlag(QGraphicsItem.ItemHasNoContents, plain)

    def drawForeground(self, painter, rect) -> None:
        super().drawForeground(painter, rect)
        if self.plain:
            if self._plain is None:
                self._plain = plain_batches(self.cards.values(), self.paints)
            painter.save()
            painter.setPen(Qt.NoPen)
            for brush, opacity, rects in self._plain:
                painter.setOpacity(opacity)
                painter.setBrush(brush)
                painter.drawRects(rects)
            painter.restore()

    # --- questions the view and the interactions ask -------------------------------------------

    def card_item_at(self, pos: QPointF, *, ignore: set[str] = frozenset()) -> CardItem | None:
        for item in self.items(pos, Qt.IntersectsItemShape, Qt.DescendingOrder):
            if item.type() == CARD_TYPE and item.card_id not in ignore:
                return item
        return None

    def header_at(self, pos: QPointF) -> HeaderItem | None:
        for item in self.items(pos):
            if isinstance(item, HeaderItem):
                return item
        return None

    def label_at(self, pos: QPointF) -> LevelLabelItem | None:
        for item in self.items(pos):
            if isinstance(item, LevelLabelItem):
                return item
        return None

    def selected_cards(self) -> list[CardItem]:
        return [i for i in self.selectedItems() if i.type() == CARD_TYPE]

    def in_wall_order(self, card_ids: list[str]) -> list[str]:
        """Card ids column by column, top row first, each cell in its order (the tray last)."""
        rank: dict[str, tuple] = {}
        columns = {c.category_id: i for i, c in enumerate(self.layout.columns)}
        rows = {r.level_id: i for i, r in enumerate(self.layout.rows)}
        for cell, geometry in self.layout.cells.items():
            key = (columns.get(cell[0], len(columns)), rows.get(cell[1], 0) if cell[0] else 0)
            for slot, card_id in enumerate(geometry.slots):
                rank[card_id] = (*key, slot)
        return sorted(card_ids, key=lambda cid: rank.get(cid, (1 << 30,)))

    def cell_of(self, card_id: str) -> Cell | None:
        for cell, geometry in self.layout.cells.items():
            if card_id in geometry.slots:
                return cell
        return None

    def show_drop_at(self, rect: QRectF | None, *, outline: bool = False) -> None:
        self._plain = None  # a drag step: the dragged cards moved
        if rect is None:
            self.drop_marker.setVisible(False)
            return
        self.drop_marker.setBrush(Qt.NoBrush if outline else QBrush(QColor(self.look.drop)))
        self.drop_marker.setRect(rect)
        self.drop_marker.setVisible(True)

    # --- stacks ------------------------------------------------------------------------------

    def toggle_expanded(self, root_id: str) -> None:
        if root_id in self.expanded:
            self.expanded.discard(root_id)
        elif len(self.layout.piles.get(root_id, ())) > 1:
            self.expanded.add(root_id)
        self.sync()

    # --- find ---------------------------------------------------------------------------------

    def highlight(self, text: str) -> list[str]:
        """Dim the cards that do not match `text` (case-insensitive); "" shows all. Returns the matches."""
        self.highlight_text = " ".join(text.casefold().split())
        return self._highlight_items(self.session(), self.cards.values())

    def _highlight_items(self, session: Session, items) -> list[str]:
        self._plain = None
        found: list[str] = []
        for item in items:
            if not self.highlight_text:
                item.setOpacity(1.0)
                continue
            hit = self._matches(session, item.card_id, self.highlight_text)
            item.setOpacity(1.0 if hit else self.look.dim)
            if hit:
                found.append(item.card_id)
        return found

    def _matches(self, session: Session, card_id: str, needle: str) -> bool:
        pile = self.layout.piles.get(card_id) or [session.cards[card_id]]
        for card in pile:
            haystack = f"{card.text} {card.soc_code} {card.soc_title}".casefold()
            if needle in " ".join(haystack.split()):
                return True
        return False

    # --- tooltips: the whole text and who named it, computed when asked -------------------------

    def helpEvent(self, event) -> None:
        views = self.views()
        transform = views[0].transform() if views else None
        item = self.itemAt(event.scenePos(), transform) if transform is not None else None
        while item is not None and item.type() != CARD_TYPE:
            item = item.parentItem()
        if item is None:
            QToolTip.hideText()
            return
        QToolTip.showText(event.screenPos(), self.card_tooltip(item.card_id), event.widget())

    def card_tooltip(self, card_id: str) -> str:
        session = self.session()
        return tooltip_html(session, self.layout.piles.get(card_id) or [session.cards[card_id]])

    def slot_rect(self, cell: Cell, index: int) -> QRectF:
        """A thin bar where a card dropped at slot `index` of `cell` would go."""
        geometry = self.layout.cells[cell]
        origin = geometry.slot_origin(index)
        return QRectF(origin.x() - 12, origin.y(), 6, CARD_H)

    def card_rect(self, card_id: str) -> QRectF:
        origin = self.layout.origins[card_id]
        return QRectF(origin, QPointF(origin.x() + CARD_W, origin.y() + CARD_H)).adjusted(-6, -6, 6, 6)
