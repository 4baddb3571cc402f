"""The app shell: open a workspace, switch sessions, add people by typing, undo, bad files."""

from __future__ import annotations

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QMessageBox

from cardwall.commands import AddCard
from storage.backups import list_backups
from storage.workspace import WorkspaceFile
from tests.helpers import reopen
from ui.main_window import MainWindow


@pytest.fixture
def window(qtbot, monkeypatch):
    # Modal boxes would wait for a click nobody makes; record them instead.
    shown: list[tuple[str, str]] = []
    monkeypatch.setattr(QMessageBox, "information", lambda parent, title, text, *a: shown.append((title, text)))
    monkeypatch.setattr(QMessageBox, "warning", lambda parent, title, text, *a: shown.append((title, text)))
    monkeypatch.setattr(QMessageBox, "critical", lambda parent, title, text, *a: shown.append((title, text)))
    w = MainWindow()
    w.shown = shown
    qtbot.addWidget(w)
    w.show()
    yield w
    w.close_workspace()


def test_opens_on_the_latest_session_with_its_title(window, demo_path):
    assert window.open_workspace(demo_path)
    sessions = reopen(demo_path).ordered_sessions()
    assert window.session_id == sessions[-1].id
    assert sessions[-1].info.title in window.windowTitle() and "demo" in window.windowTitle()
    assert window.sessions.count() == 2
    window.sessions.setCurrentRow(0)
    assert window.session_id == sessions[0].id
    assert sessions[0].info.title in window.windowTitle()
    assert window.page is not None and window.center.currentWidget() is window.page


def test_add_a_participant_by_typing_then_undo_with_the_keyboard(window, demo_path, qtbot):
    window.open_workspace(demo_path)
    sid = window.session_id
    before = len(reopen(demo_path).sessions[sid].participants)
    dock = window.participants
    # QTest types ASCII only (it aborts on other keys), so the accents arrive as an input method would.
    qtbot.keyClicks(dock.entry, "Zo")
    dock.entry.insert("ë Nguyễn")
    qtbot.keyClicks(dock.entry, ", R&D <Tools>")
    qtbot.keyClick(dock.entry, Qt.Key_Return)
    people = reopen(demo_path).sessions[sid].participants
    assert len(people) == before + 1
    added = next(p for p in people.values() if p.name == "Zoë Nguyễn")
    assert added.organization == "R&D <Tools>"
    assert dock.table.rowCount() == before + 1 and dock.entry.text() == ""

    window.undo_action.trigger()
    assert len(reopen(demo_path).sessions[sid].participants) == before
    window.redo_action.trigger()
    assert len(reopen(demo_path).sessions[sid].participants) == before + 1


def test_editing_a_participant_cell_is_saved(window, demo_path, qtbot):
    window.open_workspace(demo_path)
    sid = window.session_id
    item = window.participants.table.item(0, 1)
    pid = item.data(Qt.UserRole)
    item.setText("Renamed Works")
    assert reopen(demo_path).sessions[sid].participants[pid].organization == "Renamed Works"


def test_a_refusal_shows_in_the_status_bar_and_changes_nothing(window, demo_path, qtbot):
    window.open_workspace(demo_path)
    sid = window.session_id
    before = reopen(demo_path)
    assert window.controller.run(AddCard(sid, "   ")) is None
    assert "empty" in window.statusBar().currentMessage()
    assert reopen(demo_path) == before
    assert not window.undo_action.isEnabled()


def test_new_session_dialog_creates_and_shows_it(window, tmp_path, qtbot, monkeypatch):
    path = tmp_path / "fresh.cardwall"
    window.open_workspace(path)
    assert window.sessions.count() == 0 and window.center.currentWidget() is window.welcome

    from ui import dialogs

    def fill_and_accept(dialog):
        dialog.title.setText("Critical occupations, Western region")
        dialog.location.setText("Grand Junction")
        dialog.reengage.setPlainText("We will call you in January.")
        return True

    monkeypatch.setattr(dialogs.SessionDialog, "exec", fill_and_accept)
    window.new_session()
    (session,) = reopen(path).sessions.values()
    assert session.info.title == "Critical occupations, Western region"
    assert session.info.reengage == "We will call you in January."
    assert window.session_id == session.id and window.sessions.count() == 1


def test_a_second_window_on_the_same_file_is_read_only_and_says_so(window, demo_path, qtbot):
    window.open_workspace(demo_path)
    second = MainWindow()
    qtbot.addWidget(second)
    try:
        assert second.open_workspace(demo_path)
        assert second.wf.readonly and "(read-only)" in second.windowTitle()
        assert any("has this workspace open" in text for _, text in window.shown)
        assert second.controller.run(AddCard(second.session_id, "Welder")) is None
        assert "read-only" in second.statusBar().currentMessage()
    finally:
        second.close_workspace()


def test_a_damaged_file_offers_the_latest_backup_and_leaves_the_damage(window, demo_path, monkeypatch):
    WorkspaceFile.open(demo_path).close()  # an open keeps a backup
    assert list_backups(demo_path)
    damaged = b"SQLite format 3\x00" + b"\x07" * 5000
    demo_path.write_bytes(damaged)
    monkeypatch.setattr(QMessageBox, "question", lambda *a, **k: QMessageBox.Yes)
    assert window.open_workspace(demo_path)
    assert window.wf.path != demo_path and "restored" in window.wf.path.name
    assert len(window.wf.ws.sessions) == 2
    assert demo_path.read_bytes() == damaged


def test_not_a_workspace_is_refused_with_a_message(window, tmp_path):
    junk = tmp_path / "junk.cardwall"
    junk.write_text("just text")
    assert not window.open_workspace(junk)
    assert any("not a Cardwall workspace" in text for _, text in window.shown)
    assert window.wf is None


def test_disk_full_refuses_the_command_and_the_wall_stays_as_the_file_is(window, demo_path, qtbot):
    window.open_workspace(demo_path)
    wall = next(s for s in window.wf.ws.sessions.values() if s.info.kind == "critical-occupations")
    window.show_session(wall.id)
    kept = AddCard(wall.id, "saved before the disk filled up")
    assert window.controller.run(kept)
    conn = window.wf.conn
    conn.execute(f"PRAGMA max_page_count = {conn.execute('PRAGMA page_count').fetchone()[0]}")
    refused = None
    for i in range(400):
        if window.controller.run(AddCard(wall.id, f"card {i} " + "x" * 400)) is None:
            refused = i
            break
    assert refused is not None, "the disk never filled up"
    assert "disk is full" in window.statusBar().currentMessage()
    on_disk = reopen(demo_path).sessions[wall.id]
    assert set(window.wf.ws.sessions[wall.id].cards) == set(on_disk.cards)
    assert kept.card_id in on_disk.cards
    # The wall shows exactly what the file holds: no card item for the refused one.
    assert set(window.page.scene.cards) <= set(on_disk.cards)
    # Undo still works on what was saved.
    window.undo_action.trigger()
    assert len(reopen(demo_path).sessions[wall.id].cards) == len(on_disk.cards) - 1


def test_the_welcome_page_offers_recent_workspaces(window, tmp_path, qtbot):
    first = tmp_path / "western.cardwall"
    assert window.open_workspace(first)
    window.close_workspace()
    window.open_last_or_welcome()
    assert window.center.currentWidget() is window.welcome
    buttons = [window.welcome.recent_box.itemAt(i).widget() for i in range(window.welcome.recent_box.count())]
    mine = next(b for b in buttons if b.toolTip() == str(first.resolve()))
    qtbot.mouseClick(mine, Qt.LeftButton)
    assert window.wf is not None and window.wf.path.resolve() == first.resolve()
