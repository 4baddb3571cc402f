"""The bridge from Qt to the domain: run commands through storage and one QUndoStack.

Views call `controller.run(command)`; it is applied, committed to the file,
pushed on the undo stack, and `changed` tells every view what moved. A
refused command (a domain rule, a full disk) changes nothing and `refused`
carries the message for the status bar.
"""

from __future__ import annotations

import time
from functools import partial

from PySide6.QtCore import QObject, QTimer, Signal
from PySide6.QtGui import QUndoCommand, QUndoStack

from cardwall.commands import Change, Command, DomainError
from storage.errors import StorageError
from storage.workspace import WorkspaceFile


class _UndoEntry(QUndoCommand):
    def __init__(self, controller: Controller, command: Command) -> None:
        super().__init__(command.label)
        self.controller, self.command = controller, command
        self._skip = True  # the first redo: already applied and saved by Controller.run

    def redo(self) -> None:
        if self._skip:
            self._skip = False
            return
        self._replay(undo=False)

    def undo(self) -> None:
        if self._skip:
            self._skip = False
            return
        self._replay(undo=True)

    def _replay(self, *, undo: bool) -> None:
        # QUndoStack moves its index after this returns, whatever happened. When the file refused,
        # the index is put back on the next turn of the event loop, and the replay that setIndex then
        # asks of this entry is skipped (the file never moved): the stack says what the file holds.
        stack = self.controller.undo_stack
        if not self.controller._replay(self.command, undo=undo):
            self._skip = True
            QTimer.singleShot(0, stack, partial(stack.setIndex, stack.index()))


class Controller(QObject):
    changed = Signal(object)  # Change
    refused = Signal(str)
    saved = Signal(float)  # time.time() of the last commit

    def __init__(self, wf: WorkspaceFile, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.wf = wf
        self.undo_stack = QUndoStack(self)
        self.undo_stack.setUndoLimit(0)  # unlimited: a three-hour session keeps every step
        self.last_saved = 0.0
        self.last_refusal = ""  # the message of the last refused command, for a remark beside a field

    @property
    def ws(self):
        return self.wf.ws

    @property
    def readonly(self) -> bool:
        return self.wf.readonly

    def run(self, command: Command) -> Change | None:
        """Apply, save and remember a command; None (and `refused`) when it cannot be done."""
        try:
            change = self.wf.execute(command)
        except (DomainError, StorageError) as exc:
            self.last_refusal = str(exc)
            self.refused.emit(self.last_refusal)
            return None
        self.undo_stack.push(_UndoEntry(self, command))
        self._after(change)
        return change

    def keep_backup(self, kind: str) -> bool:
        """A backup before something big (an import); a failed one is said, never in the way."""
        if self.wf.keep_backup(kind):
            return True
        self.refused.emit(self.wf.backup_problem)
        return False

    def _replay(self, command: Command, *, undo: bool) -> bool:
        try:
            change = self.wf.undo(command) if undo else self.wf.redo(command)
        except (DomainError, StorageError) as exc:
            self.last_refusal = str(exc)
            self.refused.emit(self.last_refusal)
            return False
        self._after(change)
        return True

    def _after(self, change: Change) -> None:
        self.last_saved = time.time()
        self.saved.emit(self.last_saved)
        self.changed.emit(change)
        if self.wf.backup_problem:  # a timer backup that failed: say so once, the session goes on
            self.refused.emit(self.wf.backup_problem)
            self.wf.backup_problem = ""
