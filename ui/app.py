"""Starting the app: the QApplication, the first window, and what to do with a bad file."""

from __future__ import annotations

import os
import sys
from pathlib import Path

from ui.cli import UserError


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
    return app


def run_app(workspace: Path | None, *, demo: bool = False) -> int:
    if not has_display():
        raise UserError(
            "no display found (DISPLAY is not set). Use `cardwall demo --export DIR` "
            "to write the demo's exports without a window."
        )
    app = make_app()
    from ui.main_window import MainWindow

    window = MainWindow()
    window.show()
    if workspace is not None:
        window.open_workspace(workspace, demo=demo)
    else:
        window.open_last_or_welcome()
    return app.exec()
