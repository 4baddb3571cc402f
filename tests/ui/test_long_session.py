"""A long session through the real UI layer ends with a file equal to a replay; undo keeps working."""

from __future__ import annotations

from bench.long_session import replay, run
from tests.helpers import reopen
from ui.main_window import MainWindow


def test_long_session_file_equals_replay_and_undo_still_works(demo_path, qtbot):
    window = MainWindow()
    qtbot.addWidget(window)
    window.show()
    window.open_workspace(demo_path)
    try:
        log, start, _samples = run(window, 1500)
        assert sum(1 for kind, _ in log if kind == "do") > 800
        assert any(kind == "undo" for kind, _ in log) and any(kind == "redo" for kind, _ in log)
        expected = replay(start, log)
        assert window.controller.ws == expected
        assert reopen(demo_path) == expected
        # The undo stack still walks all the way back to the start.
        stack = window.controller.undo_stack
        while stack.canUndo():
            stack.undo()
        assert reopen(demo_path) == start
    finally:
        window.close_workspace()
