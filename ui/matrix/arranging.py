"""Arranging the matrix in the room: add, edit, move and delete tasks and functions.

Mixed into PanelPage. Words are edited where the card is (InlineEditor);
a drag is one MoveTask; the context menu holds the rest.
"""

from __future__ import annotations

from PySide6.QtCore import QPoint, Qt
from PySide6.QtGui import QKeyEvent
from PySide6.QtWidgets import QLineEdit, QMenu, QWidget

from cardwall import panels
from cardwall.commands import (
    AddFunction,
    AddTask,
    DeleteFunction,
    DeleteTask,
    EditTask,
    MoveFunction,
    MoveTask,
    RenameFunction,
)
from ui.matrix.items import FunctionItem, TaskItem


class InlineEditor(QLineEdit):
    """Edits a card's words where the card is: Enter keeps, Esc drops, leaving keeps."""

    def __init__(self, parent: QWidget, text: str, on_done) -> None:
        super().__init__(text, parent)
        self.on_done = on_done
        self.selectAll()
        self.editingFinished.connect(self._finish)

    def keyPressEvent(self, event: QKeyEvent) -> None:
        if event.key() == Qt.Key_Escape:
            self.on_done, _done = None, self.on_done
            self.hide()
            self.deleteLater()
            return
        super().keyPressEvent(event)

    def _finish(self) -> None:
        done, self.on_done = self.on_done, None
        if done is not None:
            self.hide()
            self.deleteLater()
            done(self.text())


class Arranging:
    """Part of PanelPage (uses its controller, session, panel, scene, view and docks)."""

    def _on_add_function(self) -> None:
        if self.panel_id and self._run(AddFunction(self.session_id, self.panel_id, self.function_line.text())):
            self.function_line.clear()

    def _on_add_task(self) -> None:
        if not self.panel_id:
            return
        command = AddTask(
            self.session_id,
            self.panel_id,
            self.task_line.text(),
            function_id=self.task_target.currentData(),
            added_in_room=True,
        )
        if self._run(command):
            self.task_line.clear()
            self._select_task(command.task_id)

    def _select_task(self, task_id: str) -> None:
        item = self.scene.tasks.get(task_id)
        if item is not None:
            self.scene.clearSelection()
            item.setSelected(True)
            self.view.ensureVisible(item)

    def _on_task_dropped(self, task_id: str, function_id, index: int) -> None:
        task = self.session.tasks.get(task_id)
        if task is None:
            return
        column = [t.id for t in panels.tasks_of(self.session, task.panel_id, task.function_id)]
        if function_id == task.function_id and column.index(task_id) == index:
            self.redraw()  # dropped where it was: nothing to undo
            return
        self._run(MoveTask(self.session_id, task_id, function_id=function_id, index=index))
        self._select_task(task_id)

    def edit_task(self, task_id: str) -> None:
        task = self.session.tasks.get(task_id)
        item = self.scene.tasks.get(task_id)
        if task is None or item is None:
            return
        self._open_editor(
            item, task.text, lambda text: text != task.text and self._run(EditTask(self.session_id, task_id, text))
        )

    def rename_function(self, function_id) -> None:
        function = self.session.functions.get(function_id) if function_id else None
        item = self.scene.functions.get(function_id)
        if function is None or item is None:
            return
        self._open_editor(
            item,
            function.title,
            lambda text: text != function.title and self._run(RenameFunction(self.session_id, function_id, text)),
        )

    def _open_editor(self, item, text: str, done) -> None:
        rect = self.view.mapFromScene(item.sceneBoundingRect()).boundingRect()
        self.editor = InlineEditor(self.view.viewport(), text, done)
        self.editor.setGeometry(rect.x(), rect.y() + rect.height() // 2 - 18, max(rect.width(), 220), 36)
        self.editor.show()
        self.editor.setFocus()

    def _on_context(self, target, global_pos: QPoint) -> None:
        menu = QMenu(self)
        if isinstance(target, TaskItem):
            task = self.session.tasks.get(target.task_id)
            menu.addAction("Edit words", lambda: self.edit_task(task.id))
            move = menu.addMenu("Move to")
            for i, f in enumerate(panels.functions_of(self.session, self.panel_id)):
                move.addAction(
                    f"{panels.function_letter(i)}. {f.title}",
                    lambda fid=f.id: self._run(MoveTask(self.session_id, task.id, function_id=fid)),
                )
            move.addAction("Unassigned", lambda: self._run(MoveTask(self.session_id, task.id, function_id=None)))
            menu.addAction("Discuss after the vote (add to top tasks)", self.details._on_add_top)
            menu.addSeparator()
            menu.addAction("Delete task", lambda: self._run(DeleteTask(self.session_id, task.id)))
        elif isinstance(target, FunctionItem) and target.function_id:
            fid = target.function_id
            index = [f.id for f in panels.functions_of(self.session, self.panel_id)].index(fid)
            menu.addAction("Rename", lambda: self.rename_function(fid))
            menu.addAction("Add a task here", lambda: self._focus_task_line(fid))
            menu.addAction("Move earlier", lambda: self._run(MoveFunction(self.session_id, fid, max(0, index - 1))))
            menu.addAction("Move later", lambda: self._run(MoveFunction(self.session_id, fid, index + 1)))
            menu.addSeparator()
            menu.addAction(
                "Delete function (its tasks go to Unassigned)", lambda: self._run(DeleteFunction(self.session_id, fid))
            )
        else:
            menu.addAction("Add a function", lambda: self.function_line.setFocus())
        menu.popup(global_pos)
        self.context_menu = menu

    def _focus_task_line(self, function_id) -> None:
        self.task_target.setCurrentIndex(self.task_target.findData(function_id))
        self.task_line.setFocus()
