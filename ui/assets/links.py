"""The asset map's "leads to" arrows: drawn over the wall's cards, and drawn by the user.

Alt+drag from one program to another links them; so does L on a selected program,
then a click on the program it leads to (Esc cancels). Each link is one AddLink command.
"""

from __future__ import annotations

import math

from PySide6.QtCore import QEvent, QLineF, QObject, QPointF, QRectF, Qt
from PySide6.QtGui import QColor, QPainter, QPainterPath, QPen
from PySide6.QtWidgets import QGraphicsLineItem, QGraphicsPathItem

from cardwall.assets import ordered_links
from cardwall.commands import AddLink
from ui.wall.style import CARD_H, CARD_W

ARROW = QColor("#e8eef7")  # until a scene's legend says otherwise (see `ink`)
HEAD = 30.0
BOW = 56.0  # how far a curve's handles reach beside the cards: it bends through the cell's margin and the gap


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


def ink(scene) -> QColor:
    """The arrows' colour: the legend's, whose sample arrow says what they mean. It is the colour the look
    gives text on the felt, so an arrow reads on it in every look (presentation, high contrast)."""
    legend = getattr(scene, "legend", None)
    return QColor(legend.brush().color()) if legend is not None else QColor(ARROW)


class LinkLayer(QGraphicsPathItem):
    """Every link of the session as one item, redrawn when cards or links move: a straight arrow where it
    crosses no other card, else a curve round the cards' side, so no card's words sit under a line.

    It needs only the wall's scene (its session and layout), so the offscreen picture draws it too."""

    def __init__(self, scene) -> None:
        super().__init__()
        self.scene_ = scene
        self.drawn: list[str] = []
        self.routes: dict[str, QPainterPath] = {}  # link id -> its line, for hit tests
        self.heads = QPainterPath()
        pen = QPen(ink(scene), 7.0)
        pen.setCapStyle(Qt.RoundCap)
        self.setPen(pen)
        self.setZValue(50)  # over the cards: an arrow hidden under a card says nothing
        self.setAcceptedMouseButtons(Qt.NoButton)
        scene.addItem(self)

    def centre(self, card_id: str) -> QPointF | None:
        origin = self.scene_.layout.origins.get(card_id)
        return None if origin is None else QPointF(origin.x() + CARD_W / 2, origin.y() + CARD_H / 2)

    def refresh(self) -> None:
        session = self.scene_.session()
        origins = self.scene_.layout.origins
        cards = {cid: QRectF(o.x(), o.y(), CARD_W, CARD_H) for cid, o in origins.items()}
        lines, heads = QPainterPath(), QPainterPath()
        self.drawn, self.routes = [], {}
        for link in ordered_links(session) if session else []:
            a, b = self.centre(link.from_card_id), self.centre(link.to_card_id)
            if a is None or b is None:
                continue
            others = [r for cid, r in cards.items() if cid not in (link.from_card_id, link.to_card_id)]
            route, tip, towards = _route(a, b, others)
            lines.addPath(route)
            heads.addPath(_head(tip, towards))
            self.routes[link.id] = route
            self.drawn.append(link.id)
        self.heads = heads
        whole = QPainterPath(lines)
        whole.addPath(heads)
        self.lines = lines
        self.setPath(whole)  # the item's extent; paint draws lines and heads apart (a curve is never filled)

    def paint(self, painter, option, widget=None) -> None:
        colour = ink(self.scene_)
        if self.pen().color() != colour:  # the look changed since the last paint
            pen = self.pen()
            pen.setColor(colour)
            self.setPen(pen)
        painter.setRenderHint(QPainter.Antialiasing)
        painter.setPen(self.pen())
        painter.setBrush(Qt.NoBrush)
        painter.drawPath(getattr(self, "lines", QPainterPath()))
        painter.setPen(Qt.NoPen)
        painter.setBrush(colour)
        painter.drawPath(self.heads)


def _route(a: QPointF, b: QPointF, others: list[QRectF]) -> tuple[QPainterPath, QPointF, QPointF]:
    """The line from card centre `a` to card centre `b`: straight unless a curve round the cards' side (right,
    else left) crosses fewer of `others`. Returns it, its tip and where the tip points from."""
    start, end = _edge_point(a, b), _edge_point(b, a)
    straight = QPainterPath(start)
    straight.lineTo(end)
    best = (_crossed(straight, others), straight, end, start)
    if not best[0]:
        return straight, end, start
    for side in (1, -1):  # a curve only where it crosses fewer cards than the straight line
        s = QPointF(a.x() + side * CARD_W / 2, a.y())
        e = QPointF(b.x() + side * CARD_W / 2, b.y())
        c1, c2 = QPointF(s.x() + side * BOW, s.y()), QPointF(e.x() + side * BOW, e.y())
        curve = QPainterPath(s)
        curve.cubicTo(c1, c2, e)
        crossed = _crossed(curve, others)
        if crossed < best[0]:
            best = (crossed, curve, e, c2)
    return best[1], best[2], best[3]


def _crossed(path: QPainterPath, rects: list[QRectF]) -> int:
    """How many of `rects` the line passes over (sampled along it)."""
    points = [path.pointAtPercent(i / 48) for i in range(1, 48)]
    return sum(1 for r in rects if any(r.contains(p) for p in points))


def _head(tip: QPointF, towards_from: QPointF) -> QPainterPath:
    angle = math.atan2(tip.y() - towards_from.y(), tip.x() - towards_from.x())
    head = QPainterPath(tip)
    for side in (-0.45, 0.45):
        head.lineTo(tip.x() - HEAD * math.cos(angle + side), tip.y() - HEAD * math.sin(angle + side))
    head.closeSubpath()
    return head


class LinkGesture(QObject):
    """Alt+drag between programs, or L then a click: the two ways to draw a link."""

    def __init__(self, page) -> None:
        super().__init__(page)
        self.page = page
        self.source: str | None = None  # the program a link is being drawn from
        self.dragging = False
        self.rubber = QGraphicsLineItem()
        self.rubber.setPen(QPen(ink(page.scene), 4.0, Qt.DashLine))
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
                self.rubber.setPen(QPen(ink(self.page.scene), 4.0, Qt.DashLine))
                self.rubber.setLine(QLineF(start, self.page.view.mapToScene(event.position().toPoint())))
                self.rubber.show()
            return True
        elif kind == QEvent.MouseButtonRelease and self.dragging:
            self.finish(self._program_at(event.position().toPoint()))
            return True
        return False
