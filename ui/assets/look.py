"""What makes the wall's scene an asset map: a legend of its own (program cards, "leads to" arrows) in
place of the employers' "why critical" letters, and the links drawn over the cards. The page and the
offscreen picture (`cardwall picture`) dress the scene the same way."""

from __future__ import annotations

import math

from PySide6.QtCore import QPointF, QRectF, Qt
from PySide6.QtGui import QColor, QFontMetricsF, QPainterPath, QPen
from PySide6.QtWidgets import QGraphicsItem

from ui.assets.links import LinkLayer

SWATCH = 2.4  # the program card's width in the legend, in lines of its text
ARROW_LEN = 3.0
PROGRAM_WORDS = "Program, in the row of its credential level (Entry, Mid, Advanced)"
LINK_WORDS = "leads to: a stackable credential or an articulation agreement"


class LegendMarks(QGraphicsItem):
    """The card swatch and the arrow, drawn in the room the legend's text leaves for them.

    Positions come from the legend's own font at each paint, so a new look (presentation mode,
    high contrast, bigger type) keeps them in their places."""

    def __init__(self, scene) -> None:
        super().__init__(scene.legend)
        self.wall = scene
        self.arrow_at = 0  # where in the legend's text the arrow's room starts

    def boundingRect(self) -> QRectF:
        return self.parentItem().boundingRect()

    def paint(self, painter, option, widget=None) -> None:
        legend = self.parentItem()
        metrics = QFontMetricsF(legend.font())
        line = metrics.height()
        ink = legend.brush().color()
        painter.save()
        painter.setRenderHint(painter.RenderHint.Antialiasing)
        painter.setPen(QPen(ink, max(1.0, line / 12)))
        painter.setBrush(QColor(self.wall.look.program))
        painter.drawRoundedRect(QRectF(0, line * 0.08, SWATCH * line, line * 0.84), line / 8, line / 8)
        x = metrics.horizontalAdvance(legend.text()[: self.arrow_at]) + metrics.horizontalAdvance(" ")
        y = line / 2
        end = QPointF(x + ARROW_LEN * line, y)
        painter.setPen(QPen(ink, max(2.0, line / 5), Qt.SolidLine, Qt.RoundCap))
        painter.drawLine(QPointF(x, y), end)
        head = QPainterPath(end)
        for side in (-0.45, 0.45):
            head.lineTo(end.x() - line * 0.6 * math.cos(side), end.y() - line * 0.6 * math.sin(side))
        head.closeSubpath()
        painter.setPen(Qt.NoPen)
        painter.setBrush(ink)
        painter.drawPath(head)
        painter.restore()


def dress_asset_map(scene) -> LinkLayer:
    """The asset map's legend in place of the wall's, then the links layer; returns the layer (refreshed)."""
    legend = scene.legend
    metrics = QFontMetricsF(legend.font())
    space = max(1.0, metrics.horizontalAdvance(" "))
    line = metrics.height()
    swatch_room = " " * math.ceil((SWATCH + 0.6) * line / space)
    arrow_room = " " * math.ceil((ARROW_LEN + 0.8) * line / space)
    marks = LegendMarks(scene)
    text = f"{swatch_room}{PROGRAM_WORDS}      "
    marks.arrow_at = len(text)
    legend.setText(f"{text}{arrow_room}{LINK_WORDS}")
    scene.sync()  # the legend's width is part of the layout (a narrow map is as wide as its legend)
    links = LinkLayer(scene)
    links.refresh()
    return links
