"""The wall drawn offscreen with the scene's own code: on white paper for the PDF summary (`wall.png`),
and as presentation mode shows it on a screen of a given size (`cardwall picture`); an asset map and an
action plan are drawn with their own pages' scenes."""

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


def render_session_png(ws: Workspace, session_id: str, *, size: tuple[int, int] = (1920, 1080)) -> bytes:
    """`cardwall picture`: a wall or an asset map as presentation mode shows it, an action plan's grid as its
    page shows it, on a `size` screen. A skill panel has no such picture (ValueError)."""
    kind = ws.sessions[session_id].info.kind
    if kind == "action-plan":
        return _render_action_plan(ws, session_id, size)
    if kind not in ("critical-occupations", "asset-map"):
        raise ValueError(f"a {kind} session has no wall to draw")
    return render_presentation_png(ws, session_id, size=size)


def _render_action_plan(ws: Workspace, session_id: str, size: tuple[int, int]) -> bytes:
    """The impact x feasibility grid with its action cards, fitted whole, as the action plan's page shows it."""
    _application()
    from PySide6.QtCore import Qt

    from ui.actions.grid import ActionGridScene, ActionGridView

    scene = ActionGridScene(lambda: ws.sessions[session_id])
    scene.sync()
    view = ActionGridView(scene, lambda *_: None)
    try:
        view.setAttribute(Qt.WA_DontShowOnScreen, True)
        view.resize(*size)
        view.show()
        view.fitInView(scene.sceneRect(), Qt.KeepAspectRatio)
        return _png(view)
    finally:
        view.setScene(None)
        view.deleteLater()
        scene.clear()
        scene.deleteLater()


def _png(view) -> bytes:
    from PySide6.QtCore import QBuffer, QByteArray, QIODevice
    from PySide6.QtGui import QImage

    image = view.grab().toImage().convertToFormat(QImage.Format_RGB32)
    data = QByteArray()
    buffer = QBuffer(data)
    buffer.open(QIODevice.WriteOnly)
    # zlib's fast end (Qt's quality 70): the same pixels in two thirds of the time (a tenth of an export), 12% larger
    image.save(buffer, "PNG", 70)
    buffer.close()
    return bytes(data.data())


def _render(ws: Workspace, session_id: str, look, width: int, height: int | None) -> bytes:
    """One code path for both pictures: the wall's scene in a view of the picture's size, fitted whole.

    `height` None: as tall as the wall needs at `width` (the paper picture). An asset map is dressed
    as its page dresses it (its legend, its "leads to" arrows)."""
    _application()
    from PySide6.QtCore import Qt

    from ui.wall.scene import WallScene
    from ui.wall.view import WallView

    scene = WallScene(lambda: ws.sessions[session_id], look=look)
    if ws.sessions[session_id].info.kind == "asset-map":
        from ui.assets.look import dress_asset_map

        dress_asset_map(scene)
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
        return _png(view)
    finally:
        if view is not None:
            view.setScene(None)
            view.deleteLater()
        scene.clear()
        scene.deleteLater()
