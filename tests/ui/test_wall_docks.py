"""The docks and bars around the wall, driven with real keys and clicks, checked in the reopened file.

`WallHarness` is a small real page implementing the wall page's contract
(selection, selected cell, highlight, display settings, toolbar area), so
these widgets are tested on their own; test_wall_docks_page.py drives them
through the real MainWindow and WallPage.
"""

from __future__ import annotations

import pytest
from PySide6.QtCore import QPoint, QSettings, Qt, Signal
from PySide6.QtWidgets import QMainWindow, QVBoxLayout, QWidget

from cardwall.commands import AddCard, AddCategory, AddNextStep, AddParticipant, AddSession
from storage.workspace import WorkspaceFile
from tests.helpers import reopen
from ui.controller import Controller
from ui.settings import HIGH_CONTRAST_KEY, MIN_TYPE_KEY, SettingsDialog, load_display_settings
from ui.wall.docks import make_wall_docks
from ui.wall.inspector import InspectorDock
from ui.wall.next_steps_dock import NextStepsDock

SID = "s1"


class WallHarness(QWidget):
    """A page with the WallPage contract and no wall: selection and cell are set by the test."""

    selection_changed = Signal(list)

    def __init__(self, controller: Controller, session_id: str) -> None:
        super().__init__()
        self.controller, self.session_id = controller, session_id
        self.toolbar_area = QVBoxLayout(self)
        self.toolbar_area.addStretch(1)
        self._selected: list[str] = []
        self._cell: tuple[str, str | None] | None = None
        self.highlighted: list[str] = []
        self.min_type_pt: int | None = None
        self.high_contrast: bool | None = None

    def select(self, card_ids: list[str], cell: tuple[str, str | None] | None = None) -> None:
        self._selected, self._cell = list(card_ids), cell
        self.selection_changed.emit(list(card_ids))

    def selected_card_ids(self) -> list[str]:
        return list(self._selected)

    def selected_cell(self):
        return self._cell

    def highlight(self, text: str) -> list[str]:
        self.highlighted.append(text)
        return []

    def set_min_type_size(self, pt: int) -> None:
        self.min_type_pt = pt

    def set_high_contrast(self, on: bool) -> None:
        self.high_contrast = on


@pytest.fixture
def room(workspace_path):
    """A fresh wall session: two columns, three levels, two participants; the file path to reopen."""
    wf = WorkspaceFile.open(workspace_path)
    controller = Controller(wf)
    assert controller.run(AddSession(kind="critical-occupations", title="Western manufacturers", session_id=SID))
    assert controller.run(AddCategory(SID, "Production", category_id="c1"))
    assert controller.run(AddCategory(SID, "Maintenance", category_id="c2"))
    assert controller.run(AddParticipant(SID, name="Ana Ruiz", organization="Acme Tool", participant_id="p1"))
    assert controller.run(AddParticipant(SID, name="Bo Chen", organization="Delta Weld", participant_id="p2"))
    controller.undo_stack.clear()
    yield controller, workspace_path
    wf.close()


@pytest.fixture
def wall(qtbot, room):
    """The harness page in a main window with the docks of make_wall_docks."""
    controller, path = room
    window = QMainWindow()
    page = WallHarness(controller, SID)
    window.setCentralWidget(page)
    docks = make_wall_docks(page)
    for dock in docks:
        window.addDockWidget(dock.area, dock)
    qtbot.addWidget(window)
    window.resize(1500, 900)
    show_active(qtbot, window)
    yield controller, path, page, docks
    page.shutdown()


def show_active(qtbot, widget) -> None:
    """Shown and active, so focus moves (and focus-out commits) as with a person at the keyboard."""
    with qtbot.waitActive(widget):
        widget.show()
        widget.activateWindow()


def host(qtbot, dock) -> QMainWindow:
    """A dock in an active main window, as the app shows it."""
    window = QMainWindow()
    window.setCentralWidget(QWidget())
    window.addDockWidget(Qt.RightDockWidgetArea, dock)
    window.resize(1200, 800)
    qtbot.addWidget(window)
    show_active(qtbot, window)
    return window


def tick(qtbot, box) -> None:
    """Click a check box on its box, where a person aims (a click far right of its label misses)."""
    qtbot.mouseClick(box, Qt.LeftButton, pos=QPoint(9, box.height() // 2))


def session_of(path):
    return reopen(path).sessions[SID]


def test_make_wall_docks_fills_the_toolbar_and_returns_three_right_docks(wall):
    _controller, _path, page, docks = wall
    assert [type(d).__name__ for d in docks] == ["InspectorDock", "ScriptDock", "NextStepsDock"]
    assert all(d.area == Qt.RightDockWidgetArea for d in docks)
    assert page.capture_bar.isVisible() and page.find_box.isVisible()
    assert page.capture_bar.parentWidget().parentWidget() is page  # inside the toolbar area


def test_find_box_highlights_as_you_type_ctrl_f_focuses_esc_clears(qtbot, wall):
    page = wall[2]
    page.capture_bar.text.setFocus()
    qtbot.keyClick(page.capture_bar.text, Qt.Key_F, Qt.ControlModifier)
    assert page.find_box.hasFocus()
    qtbot.keyClicks(page.find_box, "weld")
    assert page.highlighted[-1] == "weld"
    assert page.highlighted[-4:] == ["w", "we", "wel", "weld"]
    qtbot.keyClick(page.find_box, Qt.Key_Escape)
    assert page.find_box.text() == ""
    assert page.highlighted[-1] == ""


def test_inspector_edits_each_field_as_one_command_and_follows_undo(qtbot, room):
    controller, path = room
    page = WallHarness(controller, SID)
    qtbot.addWidget(page)
    controller.run(AddCard(SID, "CNC machinist", category_id="c1", level_id="L2", author_id="p1", card_id="k1"))
    inspector = InspectorDock(controller, SID, page)
    _window = host(qtbot, inspector)
    assert not inspector.form.isEnabled()
    page.select(["k1"])
    assert inspector.form.isEnabled()
    assert inspector.lines["text"].text() == "CNC machinist"
    assert inspector.organization.text() == "Acme Tool"
    before = controller.undo_stack.count()

    # Reasons: one click, one command.
    tick(qtbot, inspector.reasons["hard-to-fill"])
    tick(qtbot, inspector.reasons["turnover"])
    assert controller.undo_stack.count() == before + 2
    assert session_of(path).cards["k1"].reasons == ("hard-to-fill", "turnover")

    # SOC code: typing is not a command; Enter commits once.
    soc = inspector.lines["soc_code"]
    soc.setFocus()
    qtbot.keyClicks(soc, "51-4041")
    assert controller.undo_stack.count() == before + 2
    qtbot.keyClick(soc, Qt.Key_Return)
    assert controller.undo_stack.count() == before + 3
    assert session_of(path).cards["k1"].soc_code == "51-4041"
    soc.clearFocus()  # focus-out after Enter: nothing new to commit
    assert controller.undo_stack.count() == before + 3

    # A bad SOC code is refused with the domain's message, and nothing changes.
    soc.setFocus()
    soc.selectAll()
    qtbot.keyClicks(soc, "514041")
    qtbot.keyClick(soc, Qt.Key_Return)
    assert "51-4041" in inspector.message.text()
    assert session_of(path).cards["k1"].soc_code == "51-4041"
    assert controller.undo_stack.count() == before + 3

    # Notes commit on focus-out; the third-card box at once.
    inspector.lines["soc_code"].setText("51-4041")
    inspector.dirty.discard("soc_code")
    inspector.notes.setFocus()
    qtbot.keyClicks(inspector.notes, "Setup and first-article inspection")
    inspector.lines["education"].setFocus()
    assert session_of(path).cards["k1"].notes == "Setup and first-article inspection"
    tick(qtbot, inspector.third_card)
    assert session_of(path).cards["k1"].round == 2
    assert controller.undo_stack.count() == before + 5

    # Undo shows up in the inspector, step by step.
    controller.undo_stack.undo()
    assert not inspector.third_card.isChecked()
    controller.undo_stack.undo()
    assert inspector.notes.toPlainText() == ""
    controller.undo_stack.undo()
    assert inspector.lines["soc_code"].text() == ""
    controller.undo_stack.undo()
    assert not inspector.reasons["turnover"].isChecked() and inspector.reasons["hard-to-fill"].isChecked()
    card = session_of(path).cards["k1"]
    assert (card.reasons, card.soc_code, card.notes, card.round) == (("hard-to-fill",), "", "", 1)


def test_inspector_saves_typed_text_when_the_selection_moves_on(qtbot, room):
    controller, path = room
    page = WallHarness(controller, SID)
    qtbot.addWidget(page)
    controller.run(AddCard(SID, "Welder", card_id="k1"))
    controller.run(AddCard(SID, "Forklift operator", card_id="k2"))
    inspector = InspectorDock(controller, SID, page)
    _window = host(qtbot, inspector)
    page.select(["k1"])
    inspector.lines["soc_title"].setFocus()
    qtbot.keyClicks(inspector.lines["soc_title"], "Welders, Cutters, Solderers, and Brazers")
    page.select(["k2"])  # no Enter, no focus-out first
    assert session_of(path).cards["k1"].soc_title == "Welders, Cutters, Solderers, and Brazers"
    assert inspector.lines["soc_title"].text() == ""
    page.select(["k1", "k2"])
    assert not inspector.form.isEnabled()
    assert "2 cards selected" in inspector.heading.text()


def test_next_steps_add_edit_delete_and_reengage(qtbot, room):
    controller, path = room
    dock = NextStepsDock(controller, SID)
    _window = host(qtbot, dock)
    dock.entry.setFocus()
    qtbot.keyClicks(dock.entry, "Send job descriptions to the college")
    qtbot.keyClick(dock.entry, Qt.Key_Return)
    dock.horizon.setCurrentIndex(0)  # early win
    qtbot.keyClicks(dock.entry, "Tour the welding lab")
    qtbot.keyClick(dock.entry, Qt.Key_Return)
    assert dock.entry.text() == ""
    steps = session_of(path).ordered_next_steps()
    assert [(s.text, s.horizon) for s in steps] == [
        ("Send job descriptions to the college", "short-term"),
        ("Tour the welding lab", "early-win"),
    ]

    # Edit in place: the owner cell of the first row.
    dock.table.item(0, 1).setText("Maria (convener)")
    dock.table.item(0, 2).setText("2026-12-01")
    dock.table.item(1, 2).setText("next week")  # refused: not a date
    assert "2026-10-14" in dock.message.text()
    assert dock.table.item(1, 2).text() == ""
    first = session_of(path).ordered_next_steps()[0]
    assert (first.owner, first.due) == ("Maria (convener)", "2026-12-01")

    # Horizon through the cell's list.
    box = dock.table.cellWidget(0, 3)
    box.setCurrentIndex(2)
    box.activated.emit(2)
    assert session_of(path).ordered_next_steps()[0].horizon == "long-term"

    # Reorder: Alt+Down on the first row, then the Up button; each one step, in the file.
    dock.table.selectRow(0)
    dock.table.setFocus()
    qtbot.keyClick(dock.table, Qt.Key_Down, Qt.AltModifier)
    assert [s.text for s in session_of(path).ordered_next_steps()] == [
        "Tour the welding lab",
        "Send job descriptions to the college",
    ]
    assert dock.table.currentRow() == 1
    qtbot.mouseClick(dock.up_button, Qt.LeftButton)
    assert session_of(path).ordered_next_steps()[0].text == "Send job descriptions to the college"
    assert controller.undo_stack.undoText() == "Reorder next steps"

    # Delete the second row with the Delete key.
    dock.table.selectRow(1)
    dock.table.setFocus()
    qtbot.keyClick(dock.table, Qt.Key_Delete)
    assert [s.text for s in session_of(path).ordered_next_steps()] == ["Send job descriptions to the college"]

    # Re-engagement: saved on focus-out, once.
    count = controller.undo_stack.count()
    dock.reengage.setFocus()
    qtbot.keyClicks(dock.reengage, "We will call each of you before the March meeting.")
    dock.entry.setFocus()
    assert controller.undo_stack.count() == count + 1
    assert session_of(path).info.reengage == "We will call each of you before the March meeting."

    controller.undo_stack.undo()  # re-engagement
    controller.undo_stack.undo()  # delete
    assert dock.table.rowCount() == 2
    assert dock.reengage.toPlainText() == ""
    assert len(session_of(path).next_steps) == 2


def test_next_steps_show_existing_steps(qtbot, room):
    controller = room[0]
    controller.run(AddNextStep(SID, text="Share the wall picture", owner="Lee", horizon="early-win"))
    dock = NextStepsDock(controller, SID)
    qtbot.addWidget(dock)
    assert dock.table.rowCount() == 1
    assert dock.table.item(0, 0).text() == "Share the wall picture"
    assert dock.table.cellWidget(0, 3).currentData() == "early-win"


def test_display_settings_apply_at_once_and_persist(qtbot, wall):
    controller, _path, page, _docks = wall
    dialog = SettingsDialog(page)
    qtbot.addWidget(dialog)
    dialog.show()
    dialog.min_type.setValue(20)
    assert page.min_type_pt == 20
    tick(qtbot, dialog.high_contrast)
    assert page.high_contrast is True
    dialog.accept()
    assert load_display_settings().min_type_pt == 20
    store = QSettings("Cardwall", "Cardwall")
    assert int(store.value(MIN_TYPE_KEY)) == 20
    assert str(store.value(HIGH_CONTRAST_KEY)).lower() == "true"

    # Cancel puts back what was there.
    again = SettingsDialog(page)
    qtbot.addWidget(again)
    again.min_type.setValue(30)
    assert page.min_type_pt == 30
    again.reject()
    assert page.min_type_pt == 20
    assert load_display_settings().min_type_pt == 20

    # A new page gets the saved settings from make_wall_docks.
    other = WallHarness(controller, SID)
    qtbot.addWidget(other)
    make_wall_docks(other)
    assert (other.min_type_pt, other.high_contrast) == (20, True)
    store.remove(MIN_TYPE_KEY)
    store.remove(HIGH_CONTRAST_KEY)
