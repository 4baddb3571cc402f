"""File > Export… says what the CLI says on stderr: characters no bundled font draws print as □, and why."""

from __future__ import annotations

from pathlib import Path

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QMessageBox

import ui.export_actions as export_actions
from cardwall.commands import AddParticipant, AddSession
from storage.workspace import WorkspaceFile
from ui.main_window import MainWindow


@pytest.fixture
def window(qtbot, monkeypatch, tmp_path):
    monkeypatch.setattr(export_actions, "open_url", lambda url: True)
    target = tmp_path / "out"
    target.mkdir()
    monkeypatch.setattr(export_actions.QFileDialog, "getExistingDirectory", lambda *a, **k: str(target))
    w = MainWindow()
    w.target = target
    qtbot.addWidget(w)
    w.show()
    yield w
    w.export_actions.wait()
    w.close_workspace()


def workspace_with(path: Path, *names: str) -> Path:
    with WorkspaceFile.open(path) as wf:
        add = AddSession(kind="critical-occupations", title="Names", date="2026-03-01")
        wf.execute(add)
        for name in names:
            wf.execute(AddParticipant(add.session_id, name=name, organization="Shop 工場"))
    return path


def export_from_the_menu(window, qtbot) -> list[str]:
    actions = window.export_actions
    with qtbot.waitSignal(actions.finished, timeout=30_000) as done:
        actions.export_action.trigger()
    return done.args[0]


def test_characters_no_font_draws_are_reported_after_an_export(window, qtbot, tmp_path):
    window.open_workspace(workspace_with(tmp_path / "w.cardwall", "Scribe 𓀀", "李小龍", "Ana 🔧 Ruiz"))
    files = export_from_the_menu(window, qtbot)
    assert str(window.target / "summary.pdf") in files
    box = window.export_actions.report_box
    assert box is not None and box.isVisible()
    said = box.text() + box.informativeText()
    assert "𓀀" in said and "□" in said  # the hieroglyph, and what it prints as
    assert "李" not in said and "🔧" not in said  # drawn by the bundled fonts: nothing to report
    ok = box.button(QMessageBox.StandardButton.Ok)
    qtbot.mouseClick(ok, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: window.export_actions.report_box is None)
    assert window.isVisible()


def test_an_export_with_nothing_to_report_shows_no_box(window, qtbot, tmp_path):
    window.open_workspace(workspace_with(tmp_path / "w.cardwall", "李小龍", "Ana 🔧 Ruiz"))
    export_from_the_menu(window, qtbot)
    assert window.export_actions.report_box is None
    assert "Wrote" in window.statusBar().currentMessage()
