"""The impact x feasibility grid: four quadrants, an action card each, dragged between quadrants.

The scene mirrors the session's actions and owns nothing: a drag is one MoveAction on release
(or nothing, dropped back in its own quadrant), and every change lays the cards out again.
"""

from __future__ import annotations

from PySide6.QtCore import QPointF, QRectF, Qt
from PySide6.QtGui import QBrush, QColor, QFont, QPainter, QPen
from PySide6.QtWidgets import QGraphicsRectItem, QGraphicsScene, QGraphicsSimpleTextItem, QGraphicsView

from cardwall.assets import ordered_actions
from cardwall.model import HORIZON_LABELS
from ui.actions.cards import GAP, QUAD_H, QUAD_W, ActionItem, arrange

LABEL = 70.0  # the axis labels' band
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
        placed: dict[tuple[str, str], list] = {key: [] for key in QUADRANTS}
        for action in actions:
            item = self.cards.get(action.id)
            if item is None:
                item = self.cards[action.id] = ActionItem(action.id)
                self.addItem(item)
            item.text = action.text
            owners = "; ".join(action.owners)
            item.detail = " · ".join(x for x in (HORIZON_LABELS.get(action.horizon, ""), owners) if x)
            item.colour = HORIZON_COLOURS.get(action.horizon, "#1f4e79")
            item.setToolTip(f"{action.text}\nGap: {action.gap}\nMeasure: {action.measure}\nDue: {action.due}")
            placed[(action.impact, action.feasibility)].append(item)
        # One type size for every card, as large as each quadrant's cards fit whole at.
        px, shapes = arrange([[(i.text, i.detail) for i in placed[key]] for key in QUADRANTS])
        for key, (cols, width, height) in zip(QUADRANTS, shapes, strict=True):
            rect = quadrant_rect(key)
            for index, item in enumerate(placed[key]):
                item.px = px
                item.setRect(0, 0, width, height)
                item.setPos(
                    rect.left() + GAP + (index % cols) * (width + GAP),
                    rect.top() + GAP + (index // cols) * (height + GAP),
                )
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
