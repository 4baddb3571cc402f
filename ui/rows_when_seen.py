"""A dock's rows filled when someone can see them: a dock behind another tab costs nothing at start.

The participants and next-steps docks start behind the Sessions and Script tabs; one combo box a row
made them ~40 ms of the first window. `RowsWhenSeen` fills a dock's rows the first time its tab comes
to the front (or at once when code asks for them through `fresh()`); a change while the dock is out of
sight only marks the rows stale, and they are filled again when it is next seen.
"""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import QObject, QTimer
from PySide6.QtWidgets import QDockWidget


class RowsWhenSeen(QObject):
    def __init__(self, dock: QDockWidget, fill: Callable[[], None]) -> None:
        super().__init__(dock)
        self.dock, self._fill, self.stale = dock, fill, True
        dock.visibilityChanged.connect(self._on_visibility)

    def fresh(self) -> None:
        """The rows as the workspace holds them, now (filled if they were stale)."""
        if self.stale:
            self.stale = False
            self._fill()

    def changed(self) -> None:
        """The rows are out of date: filled now when the dock is on screen, else when it next is."""
        self.stale = True
        if self.dock.isVisible():
            self.fresh()

    def _on_visibility(self, visible: bool) -> None:
        # A tabbed dock is shown for a moment while the window lays its tabs out, then hidden behind the
        # tab in front: look again once that has settled, and fill only a dock still on screen.
        if visible and self.stale:
            QTimer.singleShot(0, self, self._if_seen)

    def _if_seen(self) -> None:
        if self.dock.isVisible():
            self.fresh()
