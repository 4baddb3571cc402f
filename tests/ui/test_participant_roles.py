"""The participants dock and the voting rule: a voter with dots cannot be made a partner (who listens)."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QComboBox

from cardwall.commands import AddPanel, AddParticipant, AddSession, AddTask, CastDot
from storage.workspace import WorkspaceFile
from tests.helpers import reopen
from ui.controller import Controller
from ui.participants_dock import ParticipantsDock


def test_a_voter_with_dots_stays_on_the_employers_side_and_the_box_says_so(qtbot, tmp_path):
    path = tmp_path / "panel.cardwall"
    with WorkspaceFile.open(path, backup=False) as wf:
        wf.execute(AddSession(kind="skill-panel", title="Panel", session_id="s"))
        wf.execute(AddPanel("s", occupation="Machinist", panel_id="P"))
        wf.execute(AddTask("s", "P", "Reads blueprints", task_id="t"))
        wf.execute(AddParticipant("s", name="Ana Ruiz", organization="Acme", participant_id="a"))
        wf.execute(CastDot("s", "t", "a"))
    with WorkspaceFile.open(path, backup=False) as wf:
        controller = Controller(wf)
        dock = ParticipantsDock(controller, "s")
        qtbot.addWidget(dock)
        dock.show()
        box = dock.table.cellWidget(0, 2)
        assert isinstance(box, QComboBox) and box.currentText() == "employer"
        box.setFocus()
        QTest.keyClick(box, Qt.Key_End)  # the last role: partner
        assert "take them back" in controller.last_refusal
        assert box.currentText() == "employer"
        assert controller.undo_stack.count() == 0
    assert reopen(path).sessions["s"].participants["a"].role == "employer"
