"""The view of the matrix: clicks become votes, drags become moves, the rest goes to the page.

The view decides nothing about the domain; it says what the person did to
which card (`task_clicked`, `task_dropped`, ...) and the page runs commands.
One drag is one MoveTask, pushed on release and only if the card moved.
"""

from __future__ import annotations

from PySide6.QtCore import QPointF, QRectF, Qt, Signal
from PySide6.QtGui import QKeyEvent, QPainter
from PySide6.QtWidgets import QApplication, QGraphicsView

from ui.matrix.items import FunctionItem, TaskItem
from ui.matrix.scene import MatrixScene

MAX_FIT_SCALE = 1.35  # a few columns on a projector: big, but not absurd


class MatrixGraphicsView(QGraphicsView):
    task_clicked = Signal(str, object)  # task id, Qt.MouseButton
    task_double_clicked = Signal(str)
    function_double_clicked = Signal(object)  # function id (None: unassigned)
    task_dropped = Signal(str, object, int)  # task id, function id or None, index
    context_requested = Signal(object, object)  # TaskItem | FunctionItem | None, global QPoint

    def __init__(self, scene: MatrixScene, parent=None) -> None:
        super().__init__(scene, parent)
        self.matrix = scene
        self.arrange = True  # False while someone votes or a tally is typed: clicks do not drag
        self.auto_fit = True
        self.key_handler = None  # the page's: (QKeyEvent) -> True when it used the key
        self._press: tuple[TaskItem, QPointF, QPointF] | None = None  # item, scene press point, item origin
        self._dragging = False
        self.setRenderHints(QPainter.Antialiasing | QPainter.TextAntialiasing)
        self.setViewportUpdateMode(QGraphicsView.SmartViewportUpdate)
        self.setDragMode(QGraphicsView.NoDrag)
        self.setFocusPolicy(Qt.StrongFocus)
        self.setAlignment(Qt.AlignHCenter | Qt.AlignTop)
        self.setAccessibleName("Task matrix")
        self.viewport().setAccessibleName("Task matrix")

    # --- zoom ------------------------------------------------------------------------------

    def fit(self) -> None:
        # The page's height too. Sized without scroll bars: they come and go with the layout, and a width
        # chosen with them would be chosen again without them, back and forth.
        page = self.maximumViewportSize()
        self.matrix.fit_page(page.width(), page.height(), most=MAX_FIT_SCALE)
        rect = self.matrix.sceneRect()
        if rect.isEmpty() or self.viewport().width() < 10:
            return
        scale = min(self.viewport().width() / rect.width(), self.viewport().height() / rect.height())
        # Fit the width when the matrix is tall: scrolling down a column is easier than squinting.
        scale = max(scale, min(self.viewport().width() / rect.width(), 1.0) * 0.999)
        scale = min(scale, MAX_FIT_SCALE)
        self.resetTransform()
        self.scale(scale, scale)
        self.ensureVisible(QRectF(rect.left(), rect.top(), 1, 1), 0, 0)

    def zoom(self, factor: float) -> None:
        self.auto_fit = False
        self.scale(factor, factor)

    def resizeEvent(self, event) -> None:
        super().resizeEvent(event)
        if self.auto_fit:
            self.fit()

    def wheelEvent(self, event) -> None:
        if event.modifiers() & Qt.ControlModifier:
            self.zoom(1.15 if event.angleDelta().y() > 0 else 1 / 1.15)
            return
        super().wheelEvent(event)

    # --- mouse -----------------------------------------------------------------------------

    def mousePressEvent(self, event) -> None:
        pos = self.mapToScene(event.position().toPoint())
        item = self.matrix.task_item_at(pos)
        self.setFocus(Qt.MouseFocusReason)
        if event.button() == Qt.RightButton:
            if item is not None and not self.arrange:
                self.task_clicked.emit(item.task_id, Qt.RightButton)
            else:
                target = item or self.matrix.function_item_at(pos)
                if target is not None and not target.isSelected():
                    self.matrix.clearSelection()
                    target.setSelected(True)
                self.context_requested.emit(target, event.globalPosition().toPoint())
            event.accept()
            return
        if event.button() != Qt.LeftButton:
            super().mousePressEvent(event)
            return
        if item is None:
            header = self.matrix.function_item_at(pos)
            self.matrix.clearSelection()
            if header is not None:
                header.setSelected(True)
            event.accept()
            return
        self.matrix.clearSelection()
        item.setSelected(True)
        self._press = (item, pos, item.pos())
        self._dragging = False
        event.accept()

    def mouseMoveEvent(self, event) -> None:
        if self._press is None or not self.arrange:
            super().mouseMoveEvent(event)
            return
        item, start, origin = self._press
        pos = self.mapToScene(event.position().toPoint())
        if not self._dragging:
            moved = (pos - start).manhattanLength() * self.transform().m11()
            if moved < QApplication.startDragDistance():
                return
            self._dragging = True
            item.setZValue(10)
            item.setOpacity(0.85)
        item.setPos(origin + (pos - start))
        event.accept()

    def mouseReleaseEvent(self, event) -> None:
        if self._press is None or event.button() != Qt.LeftButton:
            super().mouseReleaseEvent(event)
            return
        item, _start, origin = self._press
        self._press = None
        if self._dragging:
            self._dragging = False
            item.setZValue(2)
            item.setOpacity(1.0)
            pos = self.mapToScene(event.position().toPoint())
            target = self.matrix.drop_target(pos, item.task_id)
            item.setPos(origin)  # the page redraws from the domain once MoveTask is done
            if target is not None:
                self.task_dropped.emit(item.task_id, target[0], target[1])
        else:
            self.task_clicked.emit(item.task_id, Qt.LeftButton)
        event.accept()

    def mouseDoubleClickEvent(self, event) -> None:
        if not self.arrange:
            # A quick second click while voting takes the dot back, like a second single click.
            self.mousePressEvent(event)
            return
        pos = self.mapToScene(event.position().toPoint())
        item = self.matrix.task_item_at(pos)
        if item is not None:
            self.task_double_clicked.emit(item.task_id)
            return
        header = self.matrix.function_item_at(pos)
        if header is not None:
            self.function_double_clicked.emit(header.function_id)

    def keyPressEvent(self, event: QKeyEvent) -> None:
        if self.key_handler is None or not self.key_handler(event):
            super().keyPressEvent(event)

    def selected_task(self) -> str | None:
        for item in self.matrix.selectedItems():
            if isinstance(item, TaskItem):
                return item.task_id
        return None

    def selected_function(self) -> str | None:
        for item in self.matrix.selectedItems():
            if isinstance(item, FunctionItem):
                return item.function_id
        return None
