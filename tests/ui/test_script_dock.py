"""The script dock: steps, notes saved per pause (never per keystroke, never lost), the timer's visible end."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication

from cardwall.commands import AddPanel, AddSession
from tests.helpers import reopen
from tests.ui import test_wall_docks
from tests.ui.test_wall_docks import SID, host, session_of
from ui.script_dock import NOTE_PAUSE_MS, ScriptDock, load_script
from ui.timer_widget import CountdownTimer

room = test_wall_docks.room  # the fixture


def make_dock(qtbot, controller, name="critical-occupations", session_id=SID, panel_id=None):
    dock = ScriptDock(controller, session_id, name, panel_id=panel_id)
    window = host(qtbot, dock)
    return dock, window


def test_scripts_load_in_order():
    for name in ("critical-occupations", "skill-panel"):
        script = load_script(name)
        numbers = [s.step for s in script.steps]
        assert numbers == sorted(numbers) and numbers[0] == 1
        assert all(s.title and s.prompt and s.questions and s.minutes > 0 and s.summary_topic for s in script.steps)


def test_notes_are_saved_after_a_pause_on_step_change_and_on_focus_out(qtbot, room):
    controller, path = room
    dock, _window = make_dock(qtbot, controller)
    script = load_script("critical-occupations")
    stack = controller.undo_stack
    assert dock.shown_step == 1
    assert dock.heading.text() == f"Step 1 of 8 · {script.steps[0].title}"
    assert dock.prompt.text() == script.steps[0].prompt
    assert script.steps[0].questions[0] in dock.questions.text()
    assert dock.steps.currentRow() == 0 and dock.steps.item(0).font().bold()
    assert dock.timer.display.text() == "05:00"  # the step's suggested minutes

    # Typing is not a command; a pause of ~1.5 s is one.
    dock.notes.setFocus()
    qtbot.keyClicks(dock.notes, "Machinists and welders came up first")
    assert stack.count() == 0
    qtbot.waitUntil(lambda: stack.count() == 1, timeout=NOTE_PAUSE_MS + 2000)
    note = session_of(path).notes["step1"]
    assert (note.text, note.step, note.topic) == (
        "Machinists and welders came up first",
        1,
        script.steps[0].summary_topic,
    )
    assert dock.saved_hint.text() == "saved"

    # More words, then Ctrl+PgDown at once: the words are saved before the step changes.
    qtbot.keyClicks(dock.notes, "; forklift for volume.")
    qtbot.keyClick(dock.notes, Qt.Key_PageDown, Qt.ControlModifier)
    assert stack.count() == 3  # notes, then the step
    assert [stack.text(i) for i in range(3)] == ["Notes of step 1", "Notes of step 1", "Go to script step 2"]
    saved = session_of(path)
    assert saved.info.current_step == 2
    assert saved.notes["step1"].text == "Machinists and welders came up first; forklift for volume."
    assert dock.heading.text().startswith("Step 2 of 8")
    assert dock.notes.toPlainText() == ""
    assert dock.timer.display.text() == "05:00"

    # Focus-out saves too (no waiting).
    dock.notes.setFocus()
    qtbot.keyClicks(dock.notes, "Add a logistics column")
    dock.steps.setFocus()
    assert session_of(path).notes["step2"].text == "Add a logistics column"
    count = stack.count()

    # Clicking a step in the list goes there; the Next button and Ctrl+PgUp too.
    rect = dock.steps.visualItemRect(dock.steps.item(3))
    qtbot.mouseClick(dock.steps.viewport(), Qt.LeftButton, pos=rect.center())
    assert session_of(path).info.current_step == 4
    assert dock.timer.step_button.text() == "Step: 25′"
    qtbot.mouseClick(dock.next_button, Qt.LeftButton)
    assert session_of(path).info.current_step == 5
    qtbot.keyClick(dock.steps, Qt.Key_PageUp, Qt.ControlModifier)
    assert session_of(path).info.current_step == 4
    assert stack.count() == count + 3

    # Undo walks the steps back, and the notes of each step come back with them.
    stack.undo()
    stack.undo()
    stack.undo()
    assert dock.shown_step == 2 and dock.notes.toPlainText() == "Add a logistics column"
    stack.undo()  # the step-2 note
    assert dock.notes.toPlainText() == ""
    assert "step2" not in session_of(path).notes
    stack.undo()  # back to step 1
    assert dock.shown_step == 1
    assert dock.notes.toPlainText() == "Machinists and welders came up first; forklift for volume."
    stack.undo()
    assert dock.notes.toPlainText() == "Machinists and welders came up first"
    assert session_of(path).notes["step1"].text == "Machinists and welders came up first"


def test_shutdown_saves_what_was_typed_and_first_and_last_steps_stop(qtbot, room):
    controller, path = room
    dock, _window = make_dock(qtbot, controller)
    assert not dock.prev_button.isEnabled()
    dock.step_by(-1)
    assert session_of(path).info.current_step == 1
    dock.go_to(8)
    assert not dock.next_button.isEnabled()
    dock.notes.setFocus()
    qtbot.keyClicks(dock.notes, "Word of mouth, mostly")
    dock.shutdown()  # the page closes before any pause
    assert session_of(path).notes["step8"].text == "Word of mouth, mostly"
    assert session_of(path).notes["step8"].topic == "Where employers find applicants"


def test_skill_panel_notes_are_per_panel(qtbot, room):
    controller, path = room
    assert controller.run(AddSession(kind="skill-panel", title="Tool and die panel", session_id="s2"))
    first, second = AddPanel("s2", occupation="Tool and die maker"), AddPanel("s2", occupation="Machinist")
    assert controller.run(first) and controller.run(second)
    panel_a, panel_b = first.panel_id, second.panel_id
    dock_a, _wa = make_dock(qtbot, controller, "skill-panel", "s2", panel_a)
    assert dock_a.heading.text().startswith("Step 1 of 4")
    dock_a.notes.setFocus()
    qtbot.keyClicks(dock_a.notes, "Add CAM programming tasks")
    dock_a.commit_notes()
    dock_b, _wb = make_dock(qtbot, controller, "skill-panel", "s2", panel_b)
    assert dock_b.notes.toPlainText() == ""
    notes = reopen(path).sessions["s2"].notes
    assert notes[f"step1-{panel_a}"].panel_id == panel_a
    assert notes[f"step1-{panel_a}"].text == "Add CAM programming tasks"
    assert not any(n.panel_id == panel_b for n in notes.values())

    # One dock following the page from panel to panel: typed words go to the panel they were typed for.
    dock_b.notes.setFocus()
    qtbot.keyClicks(dock_b.notes, "Machinists: add GD&T")
    dock_b.set_panel(panel_a)
    assert dock_b.notes.toPlainText() == "Add CAM programming tasks"
    notes = reopen(path).sessions["s2"].notes
    assert notes[f"step1-{panel_b}"].text == "Machinists: add GD&T"

    # A page that sets panel_id itself and reloads: the words still go to the panel they were typed for.
    dock_b.notes.setFocus()
    qtbot.keyClicks(dock_b.notes, "; CAM too")
    dock_b.panel_id = panel_b
    dock_b.reload()
    assert dock_b.notes.toPlainText() == "Machinists: add GD&T"
    notes = reopen(path).sessions["s2"].notes
    assert notes[f"step1-{panel_a}"].text == "Add CAM programming tasks; CAM too"
    assert notes[f"step1-{panel_b}"].text == "Machinists: add GD&T"


def test_timer_presets_pause_and_a_visible_end_without_a_dialog(qtbot):
    timer = CountdownTimer()
    qtbot.addWidget(timer)
    timer.show()
    qtbot.mouseClick(timer.preset_buttons[2], Qt.LeftButton)
    assert timer.display.text() == "02:00"
    qtbot.mouseClick(timer.preset_buttons[15], Qt.LeftButton)
    assert timer.display.text() == "15:00"
    timer.set_step_minutes(25)
    qtbot.mouseClick(timer.step_button, Qt.LeftButton)
    assert timer.display.text() == "25:00"

    now = [500.0]
    timer.clock = lambda: now[0]  # the time passes when the test says so
    qtbot.mouseClick(timer.start_button, Qt.LeftButton)
    assert timer.is_running() and timer.start_button.text() == "Pause"
    now[0] += 1.3
    qtbot.waitUntil(lambda: timer.display.text() == "24:59")
    qtbot.mouseClick(timer.start_button, Qt.LeftButton)  # pause
    left = timer.remaining()
    now[0] += 60
    assert timer.remaining() == left and not timer.is_running()
    qtbot.mouseClick(timer.reset_button, Qt.LeftButton)
    assert timer.display.text() == "25:00"

    timer.set_seconds(1)
    with qtbot.waitSignal(timer.finished, timeout=3000):
        timer.start()
        now[0] += 1.01
    assert timer.is_ended()
    assert timer.display.text() == "Time"
    assert "#c0392b" in timer.display.styleSheet()
    qtbot.waitUntil(lambda: timer.display.text() == "00:00", timeout=2000)  # it flashes
    qtbot.waitUntil(lambda: timer.display.text() == "Time", timeout=2000)
    assert QApplication.activeModalWidget() is None
    qtbot.mouseClick(timer.reset_button, Qt.LeftButton)
    assert timer.display.text() == "00:01" and not timer.is_ended()
