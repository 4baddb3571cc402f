"""The window onto the wall: zoom (wheel, pinch, keys), fit to the wall, pan (space-drag, middle button).

Mouse and keys on cards go to `interactions` (ui/wall/interactions.py); the
view itself only knows how to look around. A read-only view (the projector
mirror) shows the same scene and takes no input.
"""

from __future__ import annotations

from PySide6.QtCore import QEvent, QPoint, Qt, Signal
from PySide6.QtGui import QPainter
from PySide6.QtWidgets import QFrame, QGraphicsView

MIN_ZOOM, MAX_ZOOM = 0.03, 4.0
STEP = 1.2


class WallView(QGraphicsView):
    zoom_changed = Signal(float)

    def __init__(self, scene, *, interactive: bool = True, parent=None) -> None:
        super().__init__(scene, parent)
        self.interactions = None  # set by the page: ui.wall.interactions.WallInteractions
        self.setRenderHints(QPainter.Antialiasing | QPainter.TextAntialiasing)
        self.setOptimizationFlags(QGraphicsView.DontSavePainterState | QGraphicsView.DontAdjustForAntialiasing)
        self.setViewportUpdateMode(QGraphicsView.SmartViewportUpdate)
        self.setTransformationAnchor(QGraphicsView.AnchorViewCenter)
        self.setResizeAnchor(QGraphicsView.AnchorViewCenter)
        self.setFrameShape(QFrame.NoFrame)
        self._pan_from: QPoint | None = None
        self._space = False
        self.follow_fit = False  # keep the whole wall in view as it grows (projector, presentation)
        self.readable_zoom = None  # the page's smallest zoom at which card text reads (the laptop view)
        self.setAccessibleName("The wall" if interactive else "The wall (projector)")
        self.viewport().setAccessibleName(self.accessibleName())
        if interactive:
            self.setDragMode(QGraphicsView.RubberBandDrag)
            self.setFocusPolicy(Qt.StrongFocus)
            self.viewport().grabGesture(Qt.PinchGesture)
        else:
            self.setInteractive(False)
            self.setFocusPolicy(Qt.NoFocus)
            self.setHorizontalScrollBarPolicy(Qt.ScrollBarAlwaysOff)
            self.setVerticalScrollBarPolicy(Qt.ScrollBarAlwaysOff)
            self.follow_fit = True
        scene.sceneRectChanged.connect(self._on_scene_rect_changed)

    # --- zoom -----------------------------------------------------------------------------

    def zoom(self) -> float:
        return self.transform().m11()

    def set_zoom(self, value: float) -> None:
        value = max(MIN_ZOOM, min(MAX_ZOOM, value))
        factor = value / self.zoom()
        if abs(factor - 1) > 1e-9:
            self.scale(factor, factor)
            self.zoom_changed.emit(self.zoom())

    def zoom_by(self, factor: float) -> None:
        self.follow_fit = False
        self.set_zoom(self.zoom() * factor)

    def zoom_at(self, factor: float, at: QPoint) -> None:
        """Zoom keeping the wall point under `at` (viewport pixels) where it is: wheel and pinch."""
        fixed = self.mapToScene(at)
        self.zoom_by(factor)
        drift = self.mapFromScene(fixed) - at
        self.horizontalScrollBar().setValue(self.horizontalScrollBar().value() + drift.x())
        self.verticalScrollBar().setValue(self.verticalScrollBar().value() + drift.y())

    def zoom_in(self) -> None:
        self.zoom_by(STEP)

    def zoom_out(self) -> None:
        self.zoom_by(1 / STEP)

    def actual_size(self) -> None:
        self.follow_fit = False
        self.set_zoom(1.0)

    def fit_wall(self) -> None:
        rect = self.scene().sceneRect()
        if rect.isEmpty():
            return
        self.fitInView(rect, Qt.KeepAspectRatio)
        floor = self.readable_zoom() if self.readable_zoom is not None else 0.0
        if self.zoom() < floor:
            # A wall too big for the laptop keeps its cards readable: the view scrolls, from the top left
            # (the headers and the first columns), rather than shrinking the words away.
            self.scale(floor / self.zoom(), floor / self.zoom())
            self.horizontalScrollBar().setValue(self.horizontalScrollBar().minimum())
            self.verticalScrollBar().setValue(self.verticalScrollBar().minimum())
        self.zoom_changed.emit(self.zoom())

    def fit_and_follow(self) -> None:
        self.follow_fit = True
        self.fit_wall()

    def _on_scene_rect_changed(self, _rect) -> None:
        if self.follow_fit:
            self.fit_wall()

    def resizeEvent(self, event) -> None:
        super().resizeEvent(event)
        if self.follow_fit:
            self.fit_wall()

    def wheelEvent(self, event) -> None:
        # A mouse wheel (or Ctrl + anything) zooms under the pointer; a touchpad's two-finger scroll pans.
        touchpad = not event.pixelDelta().isNull()
        if event.modifiers() & Qt.ControlModifier or not touchpad:
            steps = event.angleDelta().y() / 120 or event.pixelDelta().y() / 50
            if steps:
                self.zoom_at(STEP**steps, event.position().toPoint())
            event.accept()
            return
        super().wheelEvent(event)

    def viewportEvent(self, event) -> bool:
        kind = event.type()
        if kind == QEvent.Gesture:
            pinch = event.gesture(Qt.PinchGesture)
            if pinch is not None:
                self.zoom_at(pinch.scaleFactor(), self.viewport().mapFromGlobal(pinch.centerPoint().toPoint()))
                return True
        elif kind == QEvent.NativeGesture and event.gestureType() == Qt.ZoomNativeGesture:
            self.zoom_at(1 + event.value(), event.position().toPoint())
            return True
        return super().viewportEvent(event)

    # --- pan, and everything else to the interactions -------------------------------------------

    def _panning(self, event) -> bool:
        return event.button() == Qt.MiddleButton or (event.button() == Qt.LeftButton and self._space)

    def mousePressEvent(self, event) -> None:
        if self.isInteractive() and self._panning(event):
            self._pan_from = event.position().toPoint()
            self.viewport().setCursor(Qt.ClosedHandCursor)
            event.accept()
            return
        if self.interactions is not None and self.interactions.mouse_press(event):
            return
        super().mousePressEvent(event)

    def mouseMoveEvent(self, event) -> None:
        if self._pan_from is not None:
            now = event.position().toPoint()
            delta = now - self._pan_from
            self._pan_from = now
            self.follow_fit = False
            self.horizontalScrollBar().setValue(self.horizontalScrollBar().value() - delta.x())
            self.verticalScrollBar().setValue(self.verticalScrollBar().value() - delta.y())
            event.accept()
            return
        if self.interactions is not None and self.interactions.mouse_move(event):
            return
        super().mouseMoveEvent(event)

    def mouseReleaseEvent(self, event) -> None:
        if self._pan_from is not None:
            self._pan_from = None
            self.viewport().setCursor(Qt.OpenHandCursor if self._space else Qt.ArrowCursor)
            event.accept()
            return
        if self.interactions is not None and self.interactions.mouse_release(event):
            return
        super().mouseReleaseEvent(event)

    def mouseDoubleClickEvent(self, event) -> None:
        if self.interactions is not None and self.interactions.mouse_double_click(event):
            return
        super().mouseDoubleClickEvent(event)

    def contextMenuEvent(self, event) -> None:
        if self.interactions is not None:
            self.interactions.context_menu(event)
            return
        super().contextMenuEvent(event)

    def keyPressEvent(self, event) -> None:
        if event.key() == Qt.Key_Space and not event.isAutoRepeat() and self.isInteractive():
            self._space = True
            self.viewport().setCursor(Qt.OpenHandCursor)
            event.accept()
            return
        if self.interactions is not None and self.interactions.key_press(event):
            return
        super().keyPressEvent(event)

    def keyReleaseEvent(self, event) -> None:
        if event.key() == Qt.Key_Space and not event.isAutoRepeat():
            self._space = False
            if self._pan_from is None:
                self.viewport().setCursor(Qt.ArrowCursor)
            event.accept()
            return
        super().keyReleaseEvent(event)
