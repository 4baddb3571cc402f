"""The cards around the wall's cells: category headers across the top, level labels at the side."""

from __future__ import annotations

from PySide6.QtCore import QRectF, Qt
from PySide6.QtGui import QBrush, QColor, QPainter, QPen
from PySide6.QtWidgets import QGraphicsItem

from cardwall.model import Category
from ui.wall.style import HEADER_H, LABEL_W, LOD_PLAIN, Look, fitted_font, font, text_colour_on

HEADER_TYPE = QGraphicsItem.UserType + 2
LEVEL_TYPE = QGraphicsItem.UserType + 3


class HeaderItem(QGraphicsItem):
    """A category header card: its own colour, its title, how many cards the column holds."""

    def __init__(self, category: Category, width: float, look: Look, count: int = 0) -> None:
        super().__init__()
        self.category, self.width, self.look, self.count = category, width, look, count
        self._font_key = None
        self._font = None
        self.setZValue(5)

    @property
    def category_id(self) -> str:
        return self.category.id

    def type(self) -> int:
        return HEADER_TYPE

    def set_data(self, category: Category, width: float, look: Look, count: int) -> None:
        if (category, width, look, count) != (self.category, self.width, self.look, self.count):
            if width != self.width:  # the bounds follow the width alone
                self.prepareGeometryChange()
            self.category, self.width, self.look, self.count = category, width, look, count
            self.update()

    def colour(self) -> QColor:
        return QColor(self.category.colour or self.look.header)

    def boundingRect(self) -> QRectF:
        return QRectF(-2, -2, self.width + 4, HEADER_H + 4)

    def paint(self, painter: QPainter, option, widget=None) -> None:
        rect = QRectF(0, 0, self.width, HEADER_H)
        fill = self.colour()
        lod = option.levelOfDetailFromTransform(painter.worldTransform())
        painter.setPen(QPen(QColor(self.look.card_edge), self.look.edge_width))
        painter.setBrush(QBrush(fill))
        painter.drawRect(rect)
        if lod < LOD_PLAIN / 2:
            return
        ink = text_colour_on(fill.name())
        painter.setPen(ink)
        far = lod < self.look.far_below  # seen from afar: only the title, as large as fits
        if far:
            box = rect.adjusted(8, 4, -8, -4)
        else:
            painter.setFont(font(self.look.small_px, bold=True))
            painter.drawText(rect.adjusted(10, 6, -10, 0), Qt.AlignLeft | Qt.AlignTop, "CATEGORY")
            if self.count:
                painter.drawText(rect.adjusted(10, 6, -10, 0), Qt.AlignRight | Qt.AlignTop, f"{self.count} cards")
            box = rect.adjusted(10, self.look.small_px + 10, -10, -6)
        key = (self.category.title, self.width, self.look, far)
        if self._font_key != key:
            self._font_key = key
            px = self.look.header_px * (1.7 if far else 1.0)
            self._font = fitted_font(self.category.title, box.width(), box.height(), px, bold=True)
        painter.setFont(self._font)
        title = _elided_lines(painter, self.category.title, box)
        painter.drawText(box, Qt.AlignCenter | Qt.TextWordWrap, title)


class LevelLabelItem(QGraphicsItem):
    """A row's name at the left of the wall (entry at the bottom); also the skills row's."""

    def __init__(self, level_id: str | None, name: str, height: float, look: Look, names: tuple[str, ...] = ()) -> None:
        super().__init__()
        self.level_id, self.name, self.height, self.look = level_id, name, height, look
        self.names = names or (name,)  # every row's name: the labels share the size the longest fits in
        self._fonts: dict[tuple, object] = {}
        self.setZValue(5)

    def type(self) -> int:
        return LEVEL_TYPE

    def set_data(self, name: str, height: float, look: Look, names: tuple[str, ...] = ()) -> None:
        names = names or (name,)
        if (name, height, look, names) != (self.name, self.height, self.look, self.names):
            self.prepareGeometryChange()
            self.name, self.height, self.look, self.names = name, height, look, names
            self.update()

    def boundingRect(self) -> QRectF:
        return QRectF(0, 0, LABEL_W, self.height)

    def paint(self, painter: QPainter, option, widget=None) -> None:
        rect = QRectF(0, 0, LABEL_W, self.height)
        painter.setPen(QColor(self.look.grid_text))
        box = rect.adjusted(4, 0, -8, 0)
        far = option.levelOfDetailFromTransform(painter.worldTransform()) < self.look.far_below
        key = (self.names, box.width(), box.height(), self.look, far)
        shared = self._fonts.get(key)
        if shared is None:
            # "Advanced" is as large as "Entry": the size every row's name fits in (one word never breaks).
            px = self.look.label_px * (1.6 if far else 1.0)
            fonts = [fitted_font(n, box.width(), box.height() - 20, px, bold=True) for n in self.names]
            self._fonts = {key: min(fonts, key=lambda f: f.pixelSize())}
            shared = self._fonts[key]
        painter.setFont(shared)
        painter.drawText(box, Qt.AlignRight | Qt.AlignVCenter | Qt.TextWordWrap, self.name)
        if self.level_id is None and not far:
            painter.setFont(font(self.look.small_px * 1.2))
            hint = "competencies named for the column"
            painter.drawText(box.adjusted(0, 0, 0, -8), Qt.AlignRight | Qt.AlignBottom | Qt.TextWordWrap, hint)


def _elided_lines(painter: QPainter, text: str, box: QRectF) -> str:
    """The title, cut with an ellipsis if it would not fit the header card."""
    metrics = painter.fontMetrics()
    flags = Qt.AlignCenter | Qt.TextWordWrap
    if metrics.boundingRect(box.toRect(), flags, text).height() <= box.height():
        return text
    shown = text
    while len(shown) > 1 and metrics.boundingRect(box.toRect(), flags, shown + "…").height() > box.height():
        shown = shown[:-1]
    return shown.rstrip() + "…"
