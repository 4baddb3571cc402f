"""An undo or redo the file refuses: the wall, the file and the undo stack keep saying the same thing."""

from __future__ import annotations

import pytest
from PySide6.QtWidgets import QMessageBox

from cardwall.commands import AddCard, EditCard
from tests.helpers import reopen
from ui.main_window import MainWindow


@pytest.fixture
def window(qtbot, monkeypatch):
    for name in ("information", "warning", "critical"):
        monkeypatch.setattr(QMessageBox, name, lambda *a: None)
    w = MainWindow()
    qtbot.addWidget(w)
    w.show()
    yield w
    w.close_workspace()


def _text(path, sid, card_id) -> str:
    return reopen(path).sessions[sid].cards[card_id].text


def test_a_refused_undo_leaves_the_stack_where_the_file_is(window, demo_path, qtbot):
    window.open_workspace(demo_path)
    controller, sid = window.controller, window.session_id
    add = AddCard(sid, "Welder")
    controller.run(add)
    controller.run(EditCard(sid, add.card_id, text="Welder (TIG)"))
    stack = controller.undo_stack
    done = stack.index()
    refusals: list[str] = []
    controller.refused.connect(refusals.append)

    controller.wf.conn.execute("PRAGMA query_only = 1")  # the file refuses every write from here on
    window.undo_action.trigger()
    qtbot.waitUntil(lambda: stack.index() == done)
    qtbot.wait(50)  # nothing else moves it later: the index stays with the file
    assert refusals and stack.index() == done
    assert controller.ws.sessions[sid].cards[add.card_id].text == "Welder (TIG)"
    assert _text(demo_path, sid, add.card_id) == "Welder (TIG)"

    controller.wf.conn.execute("PRAGMA query_only = 0")  # space again: the same undo now works
    window.undo_action.trigger()
    assert stack.index() == done - 1
    assert _text(demo_path, sid, add.card_id) == "Welder"

    controller.wf.conn.execute("PRAGMA query_only = 1")
    window.redo_action.trigger()
    qtbot.waitUntil(lambda: stack.index() == done - 1)
    qtbot.wait(50)
    assert stack.index() == done - 1 and stack.canRedo()
    assert _text(demo_path, sid, add.card_id) == "Welder"
    assert controller.ws.sessions[sid].cards[add.card_id].text == "Welder"

    controller.wf.conn.execute("PRAGMA query_only = 0")
    window.redo_action.trigger()
    assert stack.index() == done
    assert _text(demo_path, sid, add.card_id) == "Welder (TIG)"
