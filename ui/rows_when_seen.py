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
        if on_screen(self.dock):
            self.fresh()

    def _on_visibility(self, visible: bool) -> None:
        if not (visible and self.stale):
            return
        if on_screen(self.dock):  # its tab was clicked: the rows are there for the dock's first frame
            self.fresh()
        else:  # shown while the window lays its tab groups out: look again once that has settled
            QTimer.singleShot(0, self, self._if_seen)

    def _if_seen(self) -> None:
        if on_screen(self.dock):
            self.fresh()


def on_screen(dock: QDockWidget) -> bool:
    """A dock a person can see: a tab behind another is "visible" to Qt, but moved out of the window."""
    return dock.isVisible() and not dock.visibleRegion().isEmpty()
