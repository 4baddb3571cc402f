"""Screenshots of the demo wall for the docs: the app, presentation mode, high contrast, the printed picture.

    .venv/bin/python docs/screenshots.py [OUT_DIR]     (default: docs/img)

Runs on Qt's offscreen platform with a 1920x1080 screen, so it needs no
display and gives the same pictures on every machine.
"""

from __future__ import annotations

import json
import os
import sys
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))


def _offscreen_1080p() -> None:
    config = Path(tempfile.mkdtemp(prefix="cardwall-shots-")) / "screen.json"
    screen = {"name": "projector", "x": 0, "y": 0, "width": 1920, "height": 1080, "logicalDpiX": 96, "logicalDpiY": 96}
    config.write_text(json.dumps({"windowFrameMargins": False, "screens": [screen]}))
    os.environ["QT_QPA_PLATFORM"] = f"offscreen:configfile={config}"
    # Settings and backups of this run stay out of the user's own.
    os.environ["XDG_CONFIG_HOME"] = str(config.parent / "config")
    os.environ["CARDWALL_BACKUP_DIR"] = str(config.parent / "backups")


def main(out: Path) -> list[Path]:
    _offscreen_1080p()
    from PySide6.QtWidgets import QApplication

    from storage.demo import build_demo
    from ui.app import make_app
    from ui.main_window import MainWindow
    from ui.wall.picture import render_wall_png

    app = make_app()
    out.mkdir(parents=True, exist_ok=True)
    path = build_demo(Path(tempfile.mkdtemp(prefix="cardwall-shots-")) / "Demo partnership.cardwall")
    window = MainWindow()
    window.resize(1920, 1080)
    window.show()
    window.open_workspace(path, demo=True)
    wall = next(s for s in window.wf.ws.ordered_sessions() if s.info.kind == "critical-occupations")
    window.show_session(wall.id)
    page = window.page

    def settle() -> None:
        for _ in range(10):
            QApplication.processEvents()
        page.view.fit_wall()
        for _ in range(5):
            QApplication.processEvents()

    written = []

    def shoot(widget, name: str) -> None:
        settle()
        target = out / name
        widget.grab().save(str(target))
        written.append(target)

    shoot(window, "wall.png")
    page.presentation.enter()
    shoot(window, "wall-presentation.png")
    page.set_high_contrast(True)
    shoot(window, "wall-high-contrast.png")
    page.set_high_contrast(False)
    page.presentation.leave()
    target = out / "wall-picture.png"
    target.write_bytes(render_wall_png(window.wf.ws, wall.id, width=2400))
    written.append(target)
    window.close()
    app.processEvents()
    return written


if __name__ == "__main__":
    folder = Path(sys.argv[1]) if len(sys.argv) > 1 else ROOT / "docs" / "img"
    for written in main(folder):
        print(written)
