"""The region picker takes an OEWS area code as people type it: "28140" is Kansas City, never an empty code."""

from __future__ import annotations

import pytest
from PySide6.QtCore import Qt
from PySide6.QtTest import QTest

from cardwall.commands import EditPartnership
from tests.helpers import reopen
from ui.data.prompts import DataPromptsDialog
from ui.dialogs import PartnershipDialog
from ui.main_window import MainWindow


@pytest.fixture
def window(qtbot, demo_path):
    w = MainWindow()
    qtbot.addWidget(w)
    w.show()
    assert w.open_workspace(demo_path)
    yield w
    w.close_workspace()


def type_region(dialog, qtbot, text: str) -> None:
    """Focus the field, clear it with keys, type, then Tab away: as a user does."""
    qtbot.waitUntil(lambda: dialog.region.model.rowCount() > 500, timeout=10_000)
    dialog.activateWindow()
    dialog.region.setFocus()
    qtbot.waitUntil(dialog.region.hasFocus)
    dialog.region.selectAll()
    QTest.keyClick(dialog.region, Qt.Key_Delete)
    qtbot.keyClicks(dialog.region, text)
    QTest.keyClick(dialog.region, Qt.Key_Tab)


def test_a_code_without_its_leading_zeros_is_the_area_and_is_saved_as_seven_digits(window, demo_path, qtbot):
    dialog = PartnershipDialog(window.controller.ws.partnership, window)
    qtbot.addWidget(dialog)
    dialog.show()
    type_region(dialog, qtbot, "28140")
    assert dialog.region.text() == "Kansas City, MO-KS"
    assert dialog.region.note.isVisible() and "0028140" in dialog.region.note.text()
    values = dialog.values()
    assert values["area_code"] == "0028140"
    assert window.controller.run(EditPartnership(**values))
    saved = reopen(demo_path).partnership
    assert (saved.region, saved.area_code) == ("Kansas City, MO-KS", "0028140")


def test_a_code_no_area_has_is_said_under_the_field_and_keeps_no_code(window, qtbot):
    dialog = PartnershipDialog(window.controller.ws.partnership, window)
    qtbot.addWidget(dialog)
    dialog.show()
    type_region(dialog, qtbot, "99999")
    assert dialog.region.note.isVisible() and "No OEWS area has the code 99999" in dialog.region.note.text()
    assert dialog.values()["area_code"] == ""
    qtbot.keyClicks(dialog.region, "1")  # typing again takes the message away until the field is left
    assert not dialog.region.note.isVisible()


def test_the_data_prompts_picker_reads_a_code_too(window, qtbot):
    dialog = DataPromptsDialog(window.controller, None, window)
    qtbot.addWidget(dialog)
    dialog.show()
    type_region(dialog, qtbot, "0028140")
    assert dialog.region.text() == "Kansas City, MO-KS" and dialog.region.code() == "0028140"
