"""The action cards and how they share a quadrant: as large a type as every card's words fit at, the same on
every card of the grid, the cards wrapping their words over as many lines as they need.

A quadrant's cards stand in columns and rows; the grid takes the largest type (between TYPE_PX and
LEAST_PX, in scene units) at which every quadrant has an arrangement its cards' words fit whole. Only a
quadrant too full for that at LEAST_PX cuts words, with "…" (the tooltip keeps them whole).
"""

from __future__ import annotations

import math

from PySide6.QtCore import QRectF, Qt
from PySide6.QtGui import QBrush, QColor, QFont, QFontMetricsF, QPainter, QPen
from PySide6.QtWidgets import QGraphicsItem, QGraphicsRectItem

QUAD_W, QUAD_H = 540.0, 340.0
GAP = 10.0
# The wall's card text is 23 px at 1:1; the grid is seen fitted whole at about 0.55 on a 1280x720 screen
# beside its docks, so its type may go larger in scene units to read as large as the wall's.
TYPE_PX = 34.0
LEAST_PX = 14.0
DETAIL = 0.8  # the horizon and owners line, against the action's words
STRIPE = 8.0  # the horizon's colour down the card's left edge
PAD = 8.0
MOST_COLUMNS = 4  # narrower cards than a quarter of a quadrant hold a word or two a line


def fonts(px: float) -> tuple[QFont, QFont]:
    text, detail = QFont(), QFont()
    text.setPixelSize(round(px))
    detail.setPixelSize(max(1, round(px * DETAIL)))
    return text, detail


def _height(metrics: QFontMetricsF, text: str, width: float) -> float:
    if not text:
        return 0.0
    return metrics.boundingRect(QRectF(0, 0, width, 1e6), Qt.TextWordWrap, text).height()


def needed_height(px: float, width: float, text: str, detail: str) -> float:
    """How tall a card `width` wide must be to show `text` and `detail` whole at `px`."""
    big, small = (QFontMetricsF(f) for f in fonts(px))
    inner = width - STRIPE - 2 * PAD
    lines = _height(big, text, inner)
    return PAD + lines + (PAD / 2 + _height(small, detail, inner) if detail else 0.0) + PAD


def _shapes(px: float, cards: list[tuple[str, str]]):
    """Each way `cards` can stand in a quadrant at `px`: (columns, card width, room for a card's height, the
    height the tallest card needs)."""
    n = len(cards)
    for cols in range(1, min(n, MOST_COLUMNS) + 1):
        rows = math.ceil(n / cols)
        width = (QUAD_W - GAP * (cols + 1)) / cols
        room = (QUAD_H - GAP * (rows + 1)) / rows
        yield cols, width, room, max(needed_height(px, width, text, detail) for text, detail in cards)


def _arrangement(px: float, cards: list[tuple[str, str]]) -> tuple[int, float, float] | None:
    """The fewest columns at which all `cards` fit a quadrant whole at `px`: (columns, card width, card height)."""
    for cols, width, room, tallest in _shapes(px, cards):
        if tallest <= room:
            return cols, width, tallest
    return None


def arrange(quadrants: list[list[tuple[str, str]]]) -> tuple[float, list[tuple[int, float, float]]]:
    """One type size for the grid and each quadrant's (columns, card width, card height), in the order given."""
    filled = [q for q in quadrants if q]

    def fits(px: float) -> bool:
        return all(_arrangement(px, q) is not None for q in filled)

    low, high = LEAST_PX, TYPE_PX
    if fits(high):
        low = high
    else:
        while high - low > 0.5:  # the largest size that fits, to half a pixel
            mid = (low + high) / 2
            low, high = (mid, high) if fits(mid) else (low, mid)
    px = math.floor(low)
    shapes = []
    for cards in quadrants:
        shape = _arrangement(px, cards) if cards else (1, QUAD_W - 2 * GAP, 0.0)
        if shape is None:  # too many words for the quadrant even at the least size: the fewest cut, with "…"
            cols, width, room, _tallest = max(_shapes(px, cards), key=lambda s: s[2] / s[3])
            shape = (cols, width, room)
        shapes.append(shape)
    return px, shapes


class ActionItem(QGraphicsRectItem):
    def __init__(self, action_id: str) -> None:
        super().__init__(0, 0, 250.0, 92.0)
        self.action_id = action_id
        self.text = ""
        self.detail = ""
        self.px = TYPE_PX
        self.colour = "#1f4e79"
        self.setFlags(QGraphicsItem.ItemIsMovable | QGraphicsItem.ItemIsSelectable)
        self.setZValue(10)

    def blocks(self) -> tuple[QRectF, str, QRectF, str]:
        """Where the action's words and the detail line go, and the words drawn there ("…" only if cut)."""
        rect = self.rect()
        big, small = (QFontMetricsF(f) for f in fonts(self.px))
        inner = rect.adjusted(STRIPE + PAD, PAD, -PAD, -PAD)
        detail_h = 0.0
        if self.detail:  # the detail whole where the words leave it room, else a line of it at least
            room = inner.height() - _height(big, self.text, inner.width()) - PAD / 2
            detail_h = min(_height(small, self.detail, inner.width()), max(room, small.height()))
        text_box = QRectF(
            inner.left(), inner.top(), inner.width(), inner.height() - (detail_h + PAD / 2 if detail_h else 0)
        )
        detail_box = QRectF(inner.left(), inner.bottom() - detail_h, inner.width(), detail_h)
        return text_box, fitted_text(big, self.text, text_box), detail_box, fitted_text(small, self.detail, detail_box)

    def shown(self) -> tuple[str, str]:
        """The action's words and its detail line as the card draws them."""
        _box, text, _dbox, detail = self.blocks()
        return text, detail

    def paint(self, painter: QPainter, option, widget=None) -> None:
        rect = self.rect()
        selected = self.isSelected()
        painter.setPen(QPen(QColor("#00a2ff" if selected else "#7a8a9a"), 4 if selected else 1))
        painter.setBrush(QBrush(QColor("#ffffff")))
        painter.drawRoundedRect(rect, 6, 6)
        painter.fillRect(QRectF(rect.left(), rect.top(), STRIPE, rect.height()), QColor(self.colour))
        text_box, text, detail_box, detail = self.blocks()
        big, small = fonts(self.px)
        painter.setPen(QColor("#1b1b1b"))
        painter.setFont(big)
        painter.drawText(text_box, Qt.TextWordWrap, text)
        painter.setPen(QColor("#555"))
        painter.setFont(small)
        painter.drawText(detail_box, Qt.TextWordWrap, detail)


def fitted_text(metrics: QFontMetricsF, text: str, box: QRectF) -> str:
    """`text` as many whole words as fit the box's lines, ending in "…" when cut: never half a line."""
    room = QRectF(0, 0, box.width(), box.height())

    def fits(candidate: str) -> bool:
        return metrics.boundingRect(room, Qt.TextWordWrap, candidate).height() <= room.height() + 0.5

    if not text or fits(text):
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
