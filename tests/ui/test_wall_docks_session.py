"""A note-taker's session through the real window, phase by phase, each checked in the reopened file.

Cards by keyboard (third card, skill, a new author, a stack), a pasted list, the inspector, the
script's notes and steps, next steps; then Ctrl+Z all the way back to the wall we started from.
"""

from __future__ import annotations

import pytest
from PySide6.QtCore import Qt
from PySide6.QtGui import QGuiApplication

from tests.helpers import reopen
from tests.ui.test_wall_docks import tick
from tests.ui.wall_helpers import ENTRY, SID, card_centre, cell_empty_spot, click, make_wall, open_wall_window
from ui.script_dock import ScriptDock
from ui.wall.inspector import InspectorDock
from ui.wall.next_steps_dock import NextStepsDock


@pytest.fixture
def window(qtbot, workspace_path):
    path = make_wall(workspace_path)
    w = open_wall_window(qtbot, path)
    yield w, path
    w.close_workspace()


def reactivate(qtbot, w) -> None:
    # Offscreen, a closed completer popup stays the "active window"; a desktop gives activation back.
    with qtbot.waitActive(w):
        w.activateWindow()


def enter(qtbot, line, text: str, modifier=Qt.NoModifier) -> None:
    qtbot.keyClicks(line, text)
    qtbot.keyClick(line, Qt.Key_Return, modifier)


def test_a_whole_session_of_docks_then_undo_to_the_start(qtbot, window):
    w, path = window
    page, stack = w.page, w.controller.undo_stack
    docks = {type(d): d for d in w.page_docks}
    bar, inspector = page.capture_bar, docks[InspectorDock]
    script, next_steps = docks[ScriptDock], docks[NextStepsDock]
    start = reopen(path).sessions[SID]

    # Phase 1: cards by keyboard.
    bar.author.setFocus()
    enter(qtbot, bar.author, "Rosa Vega, Mesa Machining")  # a new participant, added at once
    assert bar.text.hasFocus()
    enter(qtbot, bar.text, "Tool and die maker")
    qtbot.keyClick(bar.text, Qt.Key_3, Qt.ControlModifier)
    enter(qtbot, bar.text, "CNC programmer")
    qtbot.keyClick(bar.text, Qt.Key_3, Qt.ControlModifier)
    reactivate(qtbot, w)
    click(page, cell_empty_spot(page, ("c1", ENTRY)))
    bar.text.setFocus()
    qtbot.keyClick(bar.text, Qt.Key_K, Qt.ControlModifier)
    enter(qtbot, bar.text, "Reads blueprints")
    qtbot.keyClick(bar.text, Qt.Key_K, Qt.ControlModifier)
    enter(qtbot, bar.text, "machinist")  # on the wall already: Enter stacks it
    phase1 = reopen(path).sessions[SID]
    rosa = next(p for p in phase1.participants.values() if p.name == "Rosa Vega")
    new = {c.text: c for c in phase1.cards.values() if c.id not in start.cards}
    assert set(new) == {"Tool and die maker", "CNC programmer", "Reads blueprints", "machinist"}
    assert all(c.author_id == rosa.id for c in new.values())
    assert new["CNC programmer"].round == 2 and new["Tool and die maker"].round == 1
    assert (new["Reads blueprints"].kind, new["Reads blueprints"].category_id) == ("skill", "c1")
    assert new["Reads blueprints"].level_id is None
    assert new["machinist"].stack_id == "k3"
    phase1_steps = stack.count()

    # Phase 2: a pasted list, one undo step.
    QGuiApplication.clipboard().setText("Quality technician\nMaintenance mechanic\nShipping clerk\nPainter\nPlanner")
    qtbot.keyClick(bar.text, Qt.Key_V, Qt.ControlModifier)
    assert stack.count() == phase1_steps + 1
    assert len(reopen(path).sessions[SID].cards) == len(phase1.cards) + 5

    # Phase 3: the inspector on a card clicked on the wall.
    reactivate(qtbot, w)
    click(page, card_centre(page, "k5"))
    inspector.widget().ensureWidgetVisible(inspector.reasons["hard-to-fill"])  # scrolled to, as a person would
    tick(qtbot, inspector.reasons["hard-to-fill"])
    soc = inspector.lines["soc_code"]
    inspector.widget().ensureWidgetVisible(soc)
    soc.setFocus()
    qtbot.keyClicks(soc, "51-2092")
    qtbot.keyClick(soc, Qt.Key_Return)
    card = reopen(path).sessions[SID].cards["k5"]
    assert (card.reasons, card.soc_code) == (("hard-to-fill",), "51-2092")

    # Phase 4: notes for step 1, then step 2 and its notes.
    script.raise_()
    script.notes.setFocus()
    qtbot.keyClicks(script.notes, "Tool and die makers retire faster than shops can train them")
    qtbot.mouseClick(script.next_button, Qt.LeftButton)
    script.notes.setFocus()
    qtbot.keyClicks(script.notes, "Add a Logistics column")
    script.steps.setFocus()
    phase4 = reopen(path).sessions[SID]
    assert phase4.info.current_step == 2
    assert phase4.notes["step1"].text.startswith("Tool and die makers retire")
    assert phase4.notes["step2"].text == "Add a Logistics column"
    assert phase4.notes["step2"].topic == "Occupational categories"

    # Phase 5: next steps.
    next_steps.raise_()
    next_steps.entry.setFocus()
    enter(qtbot, next_steps.entry, "Send the summary and ask for job descriptions")
    enter(qtbot, next_steps.entry, "Schedule the tool and die skill panel")
    assert [s.text for s in reopen(path).sessions[SID].ordered_next_steps()] == [
        "Send the summary and ask for job descriptions",
        "Schedule the tool and die skill panel",
    ]

    # Ctrl+Z through the Edit menu's action, all the way back: the file holds the wall we started from.
    while stack.canUndo():
        w.undo_action.trigger()
    back = reopen(path).sessions[SID]
    assert back.cards == start.cards
    assert back.participants == start.participants
    assert back.notes == {} and back.next_steps == {}
    assert back.info.current_step == 1
    assert script.shown_step == 1 and script.notes.toPlainText() == ""
    assert next_steps.table.rowCount() == 0
    assert not inspector.reasons["hard-to-fill"].isChecked() and inspector.lines["soc_code"].text() == ""
