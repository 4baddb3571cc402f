"""The asset map's "leads to" arrows: drawn over the wall's cards, and drawn by the user.

Alt+drag from one program to another links them; so does L on a selected program,
then a click on the program it leads to (Esc cancels). Each link is one AddLink command.
"""

from __future__ import annotations

import math

from PySide6.QtCore import QEvent, QLineF, QObject, QPointF, Qt
from PySide6.QtGui import QColor, QPainterPath, QPen
from PySide6.QtWidgets import QGraphicsLineItem, QGraphicsPathItem

from cardwall.assets import ordered_links
from cardwall.commands import AddLink
from ui.wall.style import CARD_H, CARD_W

ARROW = QColor("#0b2b4a")
HEAD = 30.0


def _edge_point(centre: QPointF, towards: QPointF) -> QPointF:
    """Where the line from a card's centre towards `towards` leaves the card."""
    dx, dy = towards.x() - centre.x(), towards.y() - centre.y()
    if dx == 0 and dy == 0:
        return centre
    scale = min(
        (CARD_W / 2) / abs(dx) if dx else math.inf,
        (CARD_H / 2) / abs(dy) if dy else math.inf,
    )
    return QPointF(centre.x() + dx * scale, centre.y() + dy * scale)


class LinkLayer(QGraphicsPathItem):
    """Every link of the session as one path: one item, redrawn when cards or links move.

    It needs only the wall's scene (its session and layout), so the offscreen picture draws it too."""

    def __init__(self, scene) -> None:
        super().__init__()
        self.scene_ = scene
        self.drawn: list[str] = []
        pen = QPen(ARROW, 7.0)
        pen.setCapStyle(Qt.RoundCap)
        self.setPen(pen)
        self.setBrush(ARROW)
        self.setZValue(50)  # over the cards: an arrow hidden under a card says nothing
        self.setAcceptedMouseButtons(Qt.NoButton)
        scene.addItem(self)

    def centre(self, card_id: str) -> QPointF | None:
        origin = self.scene_.layout.origins.get(card_id)
        return None if origin is None else QPointF(origin.x() + CARD_W / 2, origin.y() + CARD_H / 2)

    def refresh(self) -> None:
        session = self.scene_.session()
        path = QPainterPath()
        self.drawn = []
        for link in ordered_links(session) if session else []:
            a, b = self.centre(link.from_card_id), self.centre(link.to_card_id)
            if a is None or b is None:
                continue
            start, end = _edge_point(a, b), _edge_point(b, a)
            path.moveTo(start)
            path.lineTo(end)
            angle = math.atan2(end.y() - start.y(), end.x() - start.x())
            head = QPainterPath(end)
            for side in (-0.45, 0.45):
                head.lineTo(end.x() - HEAD * math.cos(angle + side), end.y() - HEAD * math.sin(angle + side))
            head.closeSubpath()
            path.addPath(head)
            self.drawn.append(link.id)
        self.setPath(path)


class LinkGesture(QObject):
    """Alt+drag between programs, or L then a click: the two ways to draw a link."""

    def __init__(self, page) -> None:
        super().__init__(page)
        self.page = page
        self.source: str | None = None  # the program a link is being drawn from
        self.dragging = False
        self.rubber = QGraphicsLineItem()
        self.rubber.setPen(QPen(ARROW, 4.0, Qt.DashLine))
        self.rubber.setZValue(60)
        self.rubber.hide()
        page.scene.addItem(self.rubber)
        page.view.viewport().installEventFilter(self)

    def _program_at(self, view_pos) -> str | None:
        item = self.page.scene.card_item_at(self.page.view.mapToScene(view_pos))
        if item is None:
            return None
        card = self.page.controller.ws.sessions[self.page.session_id].cards.get(item.card_id)
        return card.id if card is not None and card.kind == "program" else None

    def start_from_selection(self) -> None:
        """L: link from the selected program; the next click on a program finishes it."""
        ids = self.page.selected_card_ids()
        session = self.page.controller.ws.sessions[self.page.session_id]
        ids = [i for i in ids if session.cards[i].kind == "program"]
        if not ids:
            self.page.controller.refused.emit("Select a program first, then press L and click the program it leads to.")
            return
        self.source, self.dragging = ids[0], False
        self.page.view.viewport().setCursor(Qt.CrossCursor)

    def cancel(self) -> None:
        self.source, self.dragging = None, False
        self.rubber.hide()
        self.page.view.viewport().unsetCursor()

    def finish(self, target: str | None) -> None:
        source = self.source
        self.cancel()
        if source and target and target != source:
            self.page.controller.run(AddLink(self.page.session_id, source, target))

    def eventFilter(self, watched, event) -> bool:
        kind = event.type()
        if kind == QEvent.MouseButtonPress and event.button() == Qt.LeftButton:
            pos = event.position().toPoint()
            if self.source is not None and not self.dragging:  # L, then this click
                self.finish(self._program_at(pos))
                return True
            if event.modifiers() & Qt.AltModifier:
                program = self._program_at(pos)
                if program is not None:
                    self.source, self.dragging = program, True
                    return True
        elif kind == QEvent.MouseMove and self.dragging and self.source:
            start = self.page.links.centre(self.source)
            if start is not None:
                self.rubber.setLine(QLineF(start, self.page.view.mapToScene(event.position().toPoint())))
                self.rubber.show()
            return True
        elif kind == QEvent.MouseButtonRelease and self.dragging:
            self.finish(self._program_at(event.position().toPoint()))
            return True
        return False
