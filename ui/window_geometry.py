"""Where the main window opens: where it was last time, or at its default size on the screen it opens on,
maximised when that screen is smaller than the default (a 1280x720 projector laptop)."""

from __future__ import annotations

from PySide6.QtCore import QEvent, QObject, QSettings, QSize, Qt
from PySide6.QtWidgets import QMainWindow

DEFAULT = QSize(1400, 860)
KEY = "window/geometry"


class _Remember(QObject):
    """Saves the window's geometry as it closes, for the next start."""

    def __init__(self, window: QMainWindow, settings: QSettings) -> None:
        super().__init__(window)
        self.settings = settings

    def eventFilter(self, watched, event) -> bool:
        if event.type() == QEvent.Close:
            self.settings.setValue(KEY, watched.saveGeometry())
        return False


def place_window(window: QMainWindow) -> QSettings:
    """Restore or size `window`, remember its geometry when it closes; returns the app's settings."""
    settings = QSettings("Cardwall", "Cardwall")
    window.installEventFilter(_Remember(window, settings))
    saved = settings.value(KEY)
    if saved is not None and window.restoreGeometry(saved):  # Qt keeps it on a screen that is still there
        return settings
    screen = window.screen().availableGeometry()
    window.resize(DEFAULT.boundedTo(screen.size()))
    if screen.width() < DEFAULT.width() or screen.height() < DEFAULT.height():
        window.setWindowState(window.windowState() | Qt.WindowMaximized)
    return settings
