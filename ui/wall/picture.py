"""The whole wall as a PNG at print resolution, drawn offscreen with the scene's own code (for the PDF summary)."""

from __future__ import annotations

import os
import sys

from cardwall.model import Workspace


def _application():
    from PySide6.QtWidgets import QApplication

    app = QApplication.instance()
    if app is None:
        # No window is shown: the offscreen platform works with or without a display.
        os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
        app = QApplication(sys.argv[:1] or ["cardwall"])
    return app


def render_wall_png(ws: Workspace, session_id: str, *, width: int = 2400) -> bytes:
    """The wall of `session_id` on white paper, `width` pixels wide, as PNG bytes."""
    _application()
    from PySide6.QtCore import QBuffer, QByteArray, QIODevice, QRectF
    from PySide6.QtGui import QColor, QImage, QPainter

    from ui.wall.scene import WallScene
    from ui.wall.style import PAPER

    scene = WallScene(lambda: ws.sessions[session_id], look=PAPER)
    try:
        source = scene.sceneRect()
        height = max(1, round(width * source.height() / max(1.0, source.width())))
        image = QImage(width, height, QImage.Format_RGB32)
        image.fill(QColor("#ffffff"))
        painter = QPainter(image)
        painter.setRenderHints(QPainter.Antialiasing | QPainter.TextAntialiasing | QPainter.SmoothPixmapTransform)
        scene.render(painter, QRectF(0, 0, width, height), source)
        painter.end()
        data = QByteArray()
        buffer = QBuffer(data)
        buffer.open(QIODevice.WriteOnly)
        image.save(buffer, "PNG")
        buffer.close()
        return bytes(data.data())
    finally:
        scene.clear()
        scene.deleteLater()
