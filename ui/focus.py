"""Small event helpers shared by the docks."""

from __future__ import annotations

from PySide6.QtCore import QEvent, QObject


class FocusOutFilter(QObject):
    """Calls back when the watched widget loses focus: where a typed field commits its one command."""

    def __init__(self, callback, parent: QObject) -> None:
        super().__init__(parent)
        self.callback = callback

    def eventFilter(self, watched, event) -> bool:
        if event.type() == QEvent.FocusOut:
            self.callback()
        return False
