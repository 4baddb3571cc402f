"""The docks on the real wall page in the real main window: click the wall, type, find, close, reopen."""

from __future__ import annotations

import pytest
from PySide6.QtCore import Qt

from tests.helpers import reopen
from tests.ui.test_wall_docks import tick
from tests.ui.wall_helpers import MID, SID, card_centre, cell_empty_spot, click, make_wall, open_wall_window
from ui.script_dock import ScriptDock
from ui.wall.docks import SETTINGS_ACTION
from ui.wall.inspector import InspectorDock
from ui.wall.next_steps_dock import NextStepsDock


@pytest.fixture
def window(qtbot, workspace_path):
    path = make_wall(workspace_path)
    w = open_wall_window(qtbot, path)
    yield w, path
    w.close_workspace()


def dock_of(window, cls):
    return next(d for d in window.page_docks if isinstance(d, cls))


def test_capture_inspector_find_and_script_on_the_wall_page(qtbot, window):
    w, path = window
    page = w.page
    bar = page.capture_bar
    assert bar.isVisible() and page.find_box.isVisible()
    assert {InspectorDock, ScriptDock, NextStepsDock} <= {type(d) for d in w.page_docks}
    assert all(d.isVisible() for d in w.page_docks)

    # Click an empty spot of Production/Mid: the next card goes there.
    click(page, cell_empty_spot(page, ("c1", MID)))
    assert page.selected_cell() == ("c1", MID)
    bar.text.setFocus()
    assert bar.target.text() == "→ Production · Mid"
    qtbot.keyClicks(bar.text, "Fixture fitter")  # an "F" typed here is a letter, not "Fit the wall"
    assert bar.text.text() == "Fixture fitter"
    qtbot.keyClick(bar.text, Qt.Key_Return)
    saved = reopen(path).sessions[SID]
    fitter = next(c for c in saved.cards.values() if c.text == "Fixture fitter")
    assert (fitter.category_id, fitter.level_id) == ("c1", MID)
    assert fitter.id in page.scene.cards  # the wall drew it

    # "welder" is on the wall twice: Enter stacks it, one undo step.
    qtbot.keyClicks(bar.text, "welder")
    assert "Enter: stack on “Welder”" in bar.hint.text()
    qtbot.keyClick(bar.text, Qt.Key_Return)
    saved = reopen(path).sessions[SID]
    new = next(c for c in saved.cards.values() if c.text == "welder")
    assert new.stack_id in {"k1", "k2"}
    assert w.controller.undo_stack.undoText() == "Add card to the “Welder” stack"

    # The offscreen platform leaves the completer's closed popup as the "active window" (a desktop
    # gives activation back to the main window); give it back as a window manager would.
    with qtbot.waitActive(w):
        w.activateWindow()

    # Click a card on the wall: the inspector shows it; a reason is one command, in the file.
    click(page, card_centre(page, "k5"))
    assert page.selected_card_ids() == ["k5"]
    inspector = dock_of(w, InspectorDock)
    assert inspector.lines["text"].text() == "Assembler"
    tick(qtbot, inspector.reasons["volume"])
    assert reopen(path).sessions[SID].cards["k5"].reasons == ("volume",)
    w.controller.undo_stack.undo()
    assert not inspector.reasons["volume"].isChecked()

    # The mode keys reach the bar in the real window (no other shortcut claims them).
    for key, chip in ((Qt.Key_K, "Skill"), (Qt.Key_K, "Occupation"), (Qt.Key_M, "Note"), (Qt.Key_M, "Occupation")):
        qtbot.keyClick(bar.text, key, Qt.ControlModifier)
        assert bar.chip.text() == chip
    qtbot.keyClick(bar.text, Qt.Key_3, Qt.ControlModifier)
    assert bar.chip.text() == "Occupation\n3rd card"
    qtbot.keyClick(bar.text, Qt.Key_3, Qt.ControlModifier)

    # With a card selected on the wall, editing keys in the capture field edit the text, not the wall.
    bar.text.setFocus()
    qtbot.keyClicks(bar.text, "Weldr")
    for key in (Qt.Key_Left, Qt.Key_Delete, Qt.Key_Backspace, Qt.Key_Home, Qt.Key_F2):
        qtbot.keyClick(bar.text, key)
    assert bar.text.text() == "Wel"
    assert "k5" in reopen(path).sessions[SID].cards and page.selected_card_ids() == ["k5"]
    bar.text.clear()

    # Ctrl+F from the wall, type: the cards that do not match dim.
    page.view.setFocus()
    qtbot.keyClick(page.view, Qt.Key_F, Qt.ControlModifier)
    assert page.find_box.hasFocus()
    qtbot.keyClicks(page.find_box, "mach")
    assert page.scene.cards["k3"].opacity() == 1.0
    assert page.scene.cards["k5"].opacity() < 1.0
    qtbot.keyClick(page.find_box, Qt.Key_Escape)
    assert page.scene.cards["k5"].opacity() == 1.0

    # Notes typed in the script dock are saved when the workspace closes, pause or not.
    script = dock_of(w, ScriptDock)
    script.notes.setFocus()
    qtbot.keyClicks(script.notes, "Welders: the biggest shared need")
    # Closing while the SOC dock's data is still loading is fine too (the dock drops data that
    # arrives late): this test is about the typed notes, so close at once.
    w.close_workspace()
    assert reopen(path).sessions[SID].notes["step1"].text == "Welders: the biggest shared need"


def test_display_settings_entry_is_in_the_file_menu_once(qtbot, window):
    w = window[0]
    w.show_session(SID)
    w.show_session(SID)
    entries = [a for a in w.file_menu.actions() if a.text() == SETTINGS_ACTION]
    assert len(entries) == 1
