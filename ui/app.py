"""Starting the app: the QApplication, the first window, and what to do with a bad file."""

from __future__ import annotations

import os
import sys
from pathlib import Path

from ui.errors import UserError


def has_display() -> bool:
    if os.environ.get("QT_QPA_PLATFORM", "").startswith(("offscreen", "minimal")):
        return True
    if sys.platform.startswith("linux"):
        return bool(os.environ.get("DISPLAY") or os.environ.get("WAYLAND_DISPLAY"))
    return True


def make_app():
    from PySide6.QtWidgets import QApplication

    app = QApplication.instance() or QApplication(sys.argv[:1])
    app.setApplicationName("Cardwall")
    app.setOrganizationName("Cardwall")
    app.setStyle("Fusion")
    if app.platformName() == "offscreen":
        _quiet_offscreen_plugin()
    return app


OFFSCREEN_NOISE = "This plugin does not support propagateSizeHints()"


def _quiet_offscreen_plugin() -> None:
    """Qt's offscreen platform warns about size hints once per dock: nothing anyone can act on, printed
    by every offscreen run (bench, screenshots, the frozen app's smoke test). Every other message passes."""
    from PySide6.QtCore import qInstallMessageHandler

    def handler(mode, context, message: str) -> None:
        if message == OFFSCREEN_NOISE:
            return
        if previous is not None:
            previous(mode, context, message)
        else:
            print(message, file=sys.stderr)

    global _message_handler  # Qt keeps no reference of its own
    _message_handler = handler
    previous = qInstallMessageHandler(handler)


_message_handler = None


def run_app(workspace: Path | None, *, demo: bool = False) -> int:
    if not has_display():
        raise UserError(
            "no display found (DISPLAY is not set). Use `cardwall demo --export DIR` "
            "to write the demo's exports without a window."
        )
    from ui.platform_check import qt_library_problem

    problem = qt_library_problem()  # before Qt can abort on a missing X11 library
    if problem:
        raise UserError(problem)
    app = make_app()
    from ui.main_window import MainWindow

    window = MainWindow()
    window.show()
    if workspace is not None:
        window.open_workspace(workspace, demo=demo)
    else:
        window.open_last_or_welcome()
    if os.environ.get("CARDWALL_BENCH_STARTUP") or os.environ.get("CARDWALL_SMOKE_GRAB"):
        _quit_after_first_paint(app, window, os.environ.get("CARDWALL_SMOKE_GRAB"))
    return app.exec()


def _quit_after_first_paint(app, window, grab_to: str | None = None) -> None:
    """For bench/wall.py's startup figure and the frozen app's smoke test (tests/frozen): say "painted"
    once the window has drawn itself (saving what it shows to `grab_to`, when given), then quit."""
    from PySide6.QtCore import QEvent, QObject, QTimer

    class FirstPaint(QObject):
        def eventFilter(self, watched, event) -> bool:
            # The window paints first in a frame, its children after it: watching the window alone sees the
            # first frame too, without putting every event of the app through Python meanwhile (~2,500 events,
            # ~10 ms of the figure this measures).
            if watched is window and event.type() == QEvent.Paint:
                window.removeEventFilter(self)
                QTimer.singleShot(0, self.done)  # after the rest of this frame has painted
            return False

        def done(self) -> None:
            if grab_to:
                window.grab().save(grab_to)
            print("painted", flush=True)
            app.quit()

    window._first_paint = FirstPaint(window)
    window.installEventFilter(window._first_paint)
