"""The asset map's "leads to" arrows are drawn in the colour of the legend's sample arrow: light on the blue
felt, so the room reads them, and the legend says what they are."""

from __future__ import annotations

from PySide6.QtCore import QPointF, QRectF, Qt
from PySide6.QtGui import QColor, QImage, QPainter

from tests.ui.test_assets_ui import _open
from tests.ui.wall_helpers import close_page


def _pixel(scene, at: QPointF) -> QColor:
    """The scene's colour at `at`, rendered 1:1."""
    image = QImage(21, 21, QImage.Format_RGB32)
    image.fill(Qt.black)
    painter = QPainter(image)
    scene.render(painter, QRectF(0, 0, 21, 21), QRectF(at.x() - 10.5, at.y() - 10.5, 21, 21))
    painter.end()
    return image.pixelColor(10, 10)


def _distance(a: QColor, b: QColor) -> int:
    return max(abs(a.red() - b.red()), abs(a.green() - b.green()), abs(a.blue() - b.blue()))


def test_the_arrows_are_drawn_in_the_legends_colour_and_read_on_the_felt(qtbot, journey_path):
    wf, _controller, page = _open(qtbot, journey_path, "asset-map")
    scene = page.scene
    legend = scene.legend.brush().color()
    felt = QColor(scene.look.felt)
    assert _distance(legend, felt) > 120  # the legend's text reads on the felt
    assert page.links.routes
    for route in page.links.routes.values():
        assert _distance(_pixel(scene, route.pointAtPercent(0.5)), legend) <= 12
    assert page.links.pen().color() == legend
    # the line drawn while linking (L, then a click) is in the same colour
    assert page.link_gesture.rubber.pen().color() == legend
    close_page(page, wf)
