"""A countdown for the facilitator: presets, start/pause/reset, a big mm:ss and a visible end.

The end is said on the widget itself (red, flashing "Time"), never in a modal
box that would stop the room.
"""

from __future__ import annotations

import time

from PySide6.QtCore import Qt, QTimer, Signal
from PySide6.QtGui import QFont
from PySide6.QtWidgets import QHBoxLayout, QLabel, QPushButton, QVBoxLayout, QWidget

PRESETS = (2, 5, 10, 15)
TICK_MS = 200
FLASH_MS = 500

_IDLE = "QLabel { color: palette(text); }"
_RUNNING = "QLabel { color: #0b6e4f; }"
_ENDED = "QLabel { color: #ffffff; background: #c0392b; border-radius: 6px; }"
_ENDED_DIM = "QLabel { color: #c0392b; background: transparent; }"


def format_seconds(seconds: float) -> str:
    whole = max(0, int(seconds + 0.999))  # round up: 00:00 only when time is really up
    return f"{whole // 60:02d}:{whole % 60:02d}"


class CountdownTimer(QWidget):
    """Set a duration, start it, see it run out. `finished` fires once at zero."""

    finished = Signal()
    changed = Signal(str, str)  # what the display says, and "idle", "running", "paused", "ended" or "ended-dim"

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._duration = 5 * 60.0
        self._left = self._duration
        self._started_at: float | None = None  # monotonic time when the current run began
        self._ended = False
        self._flash_on = False
        self.clock = time.monotonic  # seconds; a test may hand in its own

        self.display = QLabel(format_seconds(self._left))
        self.display.setAlignment(Qt.AlignCenter)
        font = QFont(self.display.font())
        font.setPointSize(30)
        font.setBold(True)
        font.setStyleHint(QFont.Monospace)
        self.display.setFont(font)
        self.display.setMinimumWidth(130)
        self.display.setStyleSheet(_IDLE)
        self.display.setAccessibleName("Time left")

        self.start_button = QPushButton("Start")
        self.start_button.clicked.connect(self.toggle)
        self.reset_button = QPushButton("Reset")
        self.reset_button.clicked.connect(self.reset)
        self.preset_buttons: dict[int, QPushButton] = {}
        presets = QHBoxLayout()
        presets.setSpacing(4)
        for minutes in PRESETS:
            button = QPushButton(f"{minutes}′")
            button.setToolTip(f"Set the timer to {minutes} minutes")
            button.clicked.connect(lambda _=False, m=minutes: self.set_minutes(m))
            presets.addWidget(button)
            self.preset_buttons[minutes] = button
        self.step_button = QPushButton()
        self.step_button.setToolTip("The minutes the script suggests for this step")
        self.step_button.hide()
        self.step_button.clicked.connect(lambda: self.set_minutes(self._step_minutes))
        presets.addWidget(self.step_button)
        self._step_minutes = 0

        for button in (*self.preset_buttons.values(), self.step_button):
            button.setMinimumWidth(34)  # the row shares a narrow dock: shrink below the style's 80 px
        controls = QVBoxLayout()
        controls.setSpacing(4)
        controls.addWidget(self.start_button)
        controls.addWidget(self.reset_button)
        top = QHBoxLayout()
        top.addWidget(self.display, 1)
        top.addLayout(controls)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addLayout(top)
        layout.addLayout(presets)

        self._tick = QTimer(self, interval=TICK_MS)
        self._tick.timeout.connect(self._on_tick)
        self._flash = QTimer(self, interval=FLASH_MS)
        self._flash.timeout.connect(self._on_flash)

    # --- state ---------------------------------------------------------------------------

    def is_running(self) -> bool:
        return self._started_at is not None

    def is_ended(self) -> bool:
        return self._ended

    def state(self) -> str:
        if self._ended:
            return "ended"
        return "running" if self.is_running() else "idle" if self._left == self._duration else "paused"

    def remaining(self) -> float:
        if self._started_at is None:
            return self._left
        return max(0.0, self._left - (self.clock() - self._started_at))

    def set_step_minutes(self, minutes: int) -> None:
        """Offer the script step's suggested duration as one more preset (and load it when idle)."""
        self._step_minutes = int(minutes or 0)
        self.step_button.setVisible(self._step_minutes > 0)
        self.step_button.setText(f"Step: {self._step_minutes}′")
        # The step's own duration is the one to read whole; the fixed presets shrink first.
        text_width = self.step_button.fontMetrics().horizontalAdvance(self.step_button.text())
        self.step_button.setMinimumWidth(text_width + 14)
        if self._step_minutes and not self.is_running() and not self._ended and self._left == self._duration:
            self.set_minutes(self._step_minutes)

    def set_minutes(self, minutes: float) -> None:
        self.set_seconds(minutes * 60)

    def set_seconds(self, seconds: float) -> None:
        """A new duration: stops any run and clears the end signal."""
        self._duration = self._left = max(1.0, float(seconds))
        self._started_at = None
        self._stop_signals()
        self._show()

    # --- controls ------------------------------------------------------------------------

    def toggle(self) -> None:
        if self.is_running():
            self.pause()
        else:
            self.start()

    def start(self) -> None:
        if self.is_running():
            return
        if self._ended:
            self.reset()
        self._started_at = self.clock()
        self._tick.start()
        self._show()

    def pause(self) -> None:
        if not self.is_running():
            return
        self._left = self.remaining()
        self._started_at = None
        self._tick.stop()
        self._show()

    def reset(self) -> None:
        self._left = self._duration
        self._started_at = None
        self._stop_signals()
        self._show()

    # --- painting ------------------------------------------------------------------------

    def _stop_signals(self) -> None:
        self._tick.stop()
        self._flash.stop()
        self._ended = False

    def _show(self) -> None:
        if self._ended:
            return
        self.display.setText(format_seconds(self.remaining()))
        self.display.setStyleSheet(_RUNNING if self.is_running() else _IDLE)
        self.start_button.setText("Pause" if self.is_running() else "Start")
        self.changed.emit(self.display.text(), self.state())

    def _on_tick(self) -> None:
        if self.remaining() > 0:
            self._show()
            return
        self._left = 0.0
        self._started_at = None
        self._tick.stop()
        self._ended = True
        self.start_button.setText("Start")
        self._flash_on = False
        self._on_flash()
        self._flash.start()
        self.finished.emit()

    def _on_flash(self) -> None:
        self._flash_on = not self._flash_on
        self.display.setText("Time" if self._flash_on else "00:00")
        self.display.setStyleSheet(_ENDED if self._flash_on else _ENDED_DIM)
        self.changed.emit(self.display.text(), "ended" if self._flash_on else "ended-dim")
