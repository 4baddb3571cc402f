"""The impact x feasibility grid: four quadrants, an action card each, dragged between quadrants.

The scene mirrors the session's actions and owns nothing: a drag is one MoveAction on release
(or nothing, dropped back in its own quadrant), and every change lays the cards out again.
"""

from __future__ import annotations

from PySide6.QtCore import QPointF, QRectF, Qt
from PySide6.QtGui import QBrush, QColor, QFont, QFontMetricsF, QPainter, QPen
from PySide6.QtWidgets import QGraphicsItem, QGraphicsRectItem, QGraphicsScene, QGraphicsSimpleTextItem, QGraphicsView

from cardwall.assets import ordered_actions
from cardwall.model import HORIZON_LABELS

QUAD_W, QUAD_H = 540.0, 340.0
LABEL = 70.0  # the axis labels' band
CARD_W, CARD_H, GAP = 250.0, 92.0, 10.0
QUADRANTS = {  # (impact, feasibility) -> column, row: high impact on top, high feasibility on the left
    ("high", "high"): (0, 0),
    ("high", "low"): (1, 0),
    ("low", "high"): (0, 1),
    ("low", "low"): (1, 1),
}
TINTS = {("high", "high"): "#dcefdc", ("high", "low"): "#fff3d1", ("low", "high"): "#e3ecf6", ("low", "low"): "#eeeeee"}
HORIZON_COLOURS = {"early-win": "#2e7d32", "short-term": "#1f4e79", "long-term": "#8e44ad"}


def quadrant_rect(key: tuple[str, str]) -> QRectF:
    col, row = QUADRANTS[key]
    return QRectF(LABEL + col * QUAD_W, LABEL + row * QUAD_H, QUAD_W, QUAD_H)


class ActionItem(QGraphicsRectItem):
    def __init__(self, action_id: str) -> None:
        super().__init__(0, 0, CARD_W, CARD_H)
        self.action_id = action_id
        self.text = ""
        self.detail = ""
        self.colour = "#1f4e79"
        self.setFlags(QGraphicsItem.ItemIsMovable | QGraphicsItem.ItemIsSelectable)
        self.setZValue(10)

    def paint(self, painter: QPainter, option, widget=None) -> None:
        rect = self.rect()
        selected = self.isSelected()
        painter.setPen(QPen(QColor("#00a2ff" if selected else "#7a8a9a"), 4 if selected else 1))
        painter.setBrush(QBrush(QColor("#ffffff")))
        painter.drawRoundedRect(rect, 6, 6)
        painter.fillRect(QRectF(rect.left(), rect.top(), 8, rect.height()), QColor(self.colour))
        painter.setPen(QColor("#1b1b1b"))
        font = QFont()
        font.setPixelSize(16)
        painter.setFont(font)
        box = rect.adjusted(16, 6, -8, -26)
        painter.drawText(box, Qt.TextWordWrap, fitted_text(QFontMetricsF(font), self.text, box))
        font.setPixelSize(12)
        painter.setFont(font)
        painter.setPen(QColor("#555"))
        footer = rect.adjusted(16, rect.height() - 24, -8, -4)
        detail = QFontMetricsF(font).elidedText(self.detail, Qt.ElideRight, footer.width())
        painter.drawText(footer, Qt.AlignLeft, detail)


def fitted_text(metrics: QFontMetricsF, text: str, box: QRectF) -> str:
    """`text` as many whole words as fit the box's lines, ending in "…" when cut: never half a line."""
    room = QRectF(0, 0, box.width(), box.height())

    def fits(candidate: str) -> bool:
        return metrics.boundingRect(room, Qt.TextWordWrap, candidate).height() <= room.height()

    if fits(text):
        return text
    words = text.split()
    low, high = 0, len(words)
    while low < high:  # the most words that fit with the ellipsis
        mid = (low + high + 1) // 2
        if fits(" ".join(words[:mid]) + "…"):
            low = mid
        else:
            high = mid - 1
    return " ".join(words[:low]) + "…" if low else metrics.elidedText(text, Qt.ElideRight, box.width())


class ActionGridScene(QGraphicsScene):
    def __init__(self, session) -> None:
        super().__init__()
        self.session = session
        self.cards: dict[str, ActionItem] = {}
        self.setSceneRect(QRectF(0, 0, LABEL + 2 * QUAD_W + 20, LABEL + 2 * QUAD_H + 20))
        for key in QUADRANTS:
            quad = QGraphicsRectItem(quadrant_rect(key))
            quad.setBrush(QBrush(QColor(TINTS[key])))
            quad.setPen(QPen(QColor("#ffffff"), 4))
            self.addItem(quad)
        for text, pos, vertical in (
            ("Feasibility: high", QPointF(LABEL + QUAD_W / 2 - 70, 20), False),
            ("Feasibility: low", QPointF(LABEL + 1.5 * QUAD_W - 70, 20), False),
            ("Impact: high", QPointF(20, LABEL + QUAD_H / 2 + 55), True),
            ("Impact: low", QPointF(20, LABEL + 1.5 * QUAD_H + 50), True),
        ):
            label = QGraphicsSimpleTextItem(text)
            font = QFont()
            font.setPixelSize(22)
            font.setBold(True)
            label.setFont(font)
            label.setBrush(QColor("#1f4e79"))
            label.setPos(pos)
            if vertical:
                label.setRotation(-90)
            self.addItem(label)

    def sync(self) -> None:
        session = self.session()
        actions = ordered_actions(session) if session else []
        for gone in [i for i in self.cards if session is None or i not in session.actions]:
            self.removeItem(self.cards.pop(gone))
        slots: dict[tuple[str, str], int] = {}
        for action in actions:
            item = self.cards.get(action.id)
            if item is None:
                item = self.cards[action.id] = ActionItem(action.id)
                self.addItem(item)
            key = (action.impact, action.feasibility)
            index = slots.get(key, 0)
            slots[key] = index + 1
            rect = quadrant_rect(key)
            per_row = int((QUAD_W - GAP) // (CARD_W + GAP))
            x = rect.left() + GAP + (index % per_row) * (CARD_W + GAP)
            y = rect.top() + GAP + (index // per_row) * (CARD_H + GAP)
            item.setPos(x, y)
            item.text = action.text
            owners = "; ".join(action.owners)
            item.detail = " · ".join(x for x in (HORIZON_LABELS.get(action.horizon, ""), owners) if x)
            item.colour = HORIZON_COLOURS.get(action.horizon, "#1f4e79")
            item.setToolTip(f"{action.text}\nGap: {action.gap}\nMeasure: {action.measure}\nDue: {action.due}")
            item.update()

    def quadrant_at(self, point: QPointF) -> tuple[str, str] | None:
        for key in QUADRANTS:
            if quadrant_rect(key).contains(point):
                return key
        return None


class ActionGridView(QGraphicsView):
    """Drag a card to another quadrant: on release, the page runs MoveAction (or puts it back)."""

    def __init__(self, scene: ActionGridScene, on_drop) -> None:
        super().__init__(scene)
        self.on_drop = on_drop
        self.setRenderHint(QPainter.Antialiasing)
        # The grid is always fitted whole (resizeEvent): scroll bars would only take room from it.
        self.setHorizontalScrollBarPolicy(Qt.ScrollBarAlwaysOff)
        self.setVerticalScrollBarPolicy(Qt.ScrollBarAlwaysOff)
        self.setFrameShape(QGraphicsView.NoFrame)
        self._pressed: tuple[str, QPointF] | None = None

    def mousePressEvent(self, event) -> None:
        super().mousePressEvent(event)
        item = self.itemAt(event.position().toPoint())
        self._pressed = (item.action_id, item.pos()) if isinstance(item, ActionItem) else None

    def mouseReleaseEvent(self, event) -> None:
        super().mouseReleaseEvent(event)
        pressed, self._pressed = self._pressed, None
        if pressed is None:
            return
        action_id, origin = pressed
        item = self.scene().cards.get(action_id)
        if item is None or item.pos() == origin:
            return
        centre = item.mapToScene(item.rect().center())
        self.on_drop(action_id, self.scene().quadrant_at(centre))

    def resizeEvent(self, event) -> None:
        super().resizeEvent(event)
        self.fitInView(self.sceneRect(), Qt.KeepAspectRatio)
