"""The real app in a child process, capturing cards; killed by tests/ui/test_app_crash.py.

    python -m tests.ui.app_child WORKSPACE

Opens MainWindow on WORKSPACE (offscreen) and adds cards through the window's
controller, as the capture bar does, printing "done <n>" after each is saved.
"""

from __future__ import annotations

import os
import sys

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")


def main() -> None:
    from PySide6.QtWidgets import QApplication

    from cardwall.commands import AddCard, MoveCards
    from ui.main_window import MainWindow

    app = QApplication(sys.argv[:1])
    window = MainWindow()
    window.show()
    window.open_workspace(__import__("pathlib").Path(sys.argv[1]))
    wall = next(s for s in window.wf.ws.sessions.values() if s.info.kind == "critical-occupations")
    if window.session_id != wall.id:
        window.show_session(wall.id)
    category = wall.ordered_categories()[0].id
    level = wall.ordered_levels()[0].id
    n = 0
    while True:
        command = AddCard(wall.id, f"app card {n}", card_id=f"app{n}")
        if window.controller.run(command):
            window.controller.run(MoveCards(wall.id, [command.card_id], category_id=category, level_id=level))
            print("done", n, flush=True)
        app.processEvents()
        n += 1


if __name__ == "__main__":
    main()
