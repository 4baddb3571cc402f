"""The timer as the room sees it: large, over the wall's bottom right corner, in presentation mode and on the projector.

It mirrors the script dock's countdown (ui/timer_widget.py); the page's Ctrl+T starts and pauses it.
It shows while the countdown runs, is paused part-way, or has ended (red, flashing "Time").
"""

from __future__ import annotations

from PySide6.QtCore import QEvent, QObject, Qt
from PySide6.QtGui import QFont
from PySide6.QtWidgets import QLabel

from ui.wall.style import font_family

STYLES = {
    "running": "color: #ffffff; background: rgba(11, 110, 79, 225);",
    "paused": "color: #1b1b1b; background: rgba(255, 228, 122, 235);",
    "ended": "color: #ffffff; background: rgba(192, 57, 43, 240);",
    "ended-dim": "color: #c0392b; background: rgba(255, 255, 255, 235);",
}
SHARE_OF_HEIGHT = 0.09  # the digits' height against the view's: readable from the back of the room


class RoomTimer(QLabel):
    """A label over a wall view's top-right corner that follows a CountdownTimer."""

    def __init__(self, view, timer) -> None:
        super().__init__(view)
        self.view = view
        self.enabled = False  # presentation mode or the projector turns it on
        self.setObjectName("room-timer")
        self.setAccessibleName("Timer")
        self.setAlignment(Qt.AlignCenter)
        self.setAttribute(Qt.WA_TransparentForMouseEvents)
        self._state = "idle"
        timer.changed.connect(self._on_changed)
        view.installEventFilter(self)
        self._on_changed(timer.display.text(), timer.state())

    def set_enabled(self, on: bool) -> None:
        self.enabled = on
        self._place()

    def _on_changed(self, text: str, state: str) -> None:
        self._state = state
        self.setText(text)
        self.setStyleSheet(f"QLabel {{ {STYLES.get(state, '')} border-radius: 12px; padding: 4px 18px; }}")
        self.setAccessibleDescription(f"{text} ({state})")
        self._place()

    def _place(self) -> None:
        show = self.enabled and self._state != "idle"
        if show:
            px = max(24, round(self.view.height() * SHARE_OF_HEIGHT))
            f = QFont(font_family())
            f.setPixelSize(px)
            f.setBold(True)
            self.setFont(f)
            self.adjustSize()
            margin = max(8, px // 4)
            # The bottom right corner: the tray's foot and the legend's end, never the headers.
            self.move(self.view.width() - self.width() - margin, self.view.height() - self.height() - margin)
            self.raise_()
        self.setVisible(show)

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if watched is self.view and event.type() == QEvent.Resize:
            self._place()
        return False
