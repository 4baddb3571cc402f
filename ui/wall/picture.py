"""The wall drawn offscreen with the scene's own code: on white paper for the PDF summary (`wall.png`),
and as presentation mode shows it on a screen of a given size (`cardwall picture`)."""

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
    from ui.wall.style import PAPER

    return _render(ws, session_id, PAPER, width, None)


def render_presentation_png(
    ws: Workspace, session_id: str, *, size: tuple[int, int] = (1920, 1080), high_contrast: bool = False
) -> bytes:
    """The wall of `session_id` exactly as presentation mode shows it full screen on a `size` screen."""
    from ui.settings import DEFAULT_MIN_TYPE_PT
    from ui.wall.style import wall_look

    look = wall_look(high_contrast=high_contrast, presenting=True, min_type_pt=DEFAULT_MIN_TYPE_PT)
    return _render(ws, session_id, look, size[0], size[1])


def _render(ws: Workspace, session_id: str, look, width: int, height: int | None) -> bytes:
    """One code path for both pictures: the wall's scene in a view of the picture's size, fitted whole.

    `height` None: as tall as the wall needs at `width` (the paper picture)."""
    _application()
    from PySide6.QtCore import QBuffer, QByteArray, QIODevice, Qt
    from PySide6.QtGui import QImage

    from ui.wall.scene import WallScene
    from ui.wall.view import WallView

    scene = WallScene(lambda: ws.sessions[session_id], look=look)
    view = None
    try:
        source = scene.sceneRect()
        if height is None:
            height = max(1, round(width * source.height() / max(1.0, source.width())))
        # The projector's own view, fitted the way presentation mode fits it: the same transform, margins
        # and levels of detail as on the screen.
        view = WallView(scene, interactive=False)
        view.setAttribute(Qt.WA_DontShowOnScreen, True)
        view.resize(width, height)
        view.show()  # never on a screen (above), but laid out: its viewport takes the picture's size
        view.fit_wall()
        image = view.grab().toImage().convertToFormat(QImage.Format_RGB32)
        data = QByteArray()
        buffer = QBuffer(data)
        buffer.open(QIODevice.WriteOnly)
        image.save(buffer, "PNG")
        buffer.close()
        return bytes(data.data())
    finally:
        if view is not None:
            view.setScene(None)
            view.deleteLater()
        scene.clear()
        scene.deleteLater()
