"""File > Export…, E-mail summary… and Copy summary, driven through the menu as a convener would."""

from __future__ import annotations

import email
from email import policy
from pathlib import Path

import pytest
from PySide6.QtGui import QGuiApplication
from PySide6.QtWidgets import QMessageBox

import ui.export_actions as export_actions
from cardwall.commands import AddCard
from exporters.bundle import brief_slugs
from ui.main_window import MainWindow


@pytest.fixture
def window(qtbot, monkeypatch):
    for box in ("information", "warning", "critical"):
        monkeypatch.setattr(QMessageBox, box, lambda *a, **k: None)
    opened: list[str] = []
    monkeypatch.setattr(export_actions, "open_url", lambda url: opened.append(url.toLocalFile()) or True)
    w = MainWindow()
    w.opened = opened
    qtbot.addWidget(w)
    w.show()
    yield w
    w.export_actions.wait()
    w.close_workspace()


def file_menu_texts(window) -> list[str]:
    return [a.text().replace("&", "") for a in window.file_menu.actions()]


def test_the_file_menu_offers_the_exports(window):
    texts = file_menu_texts(window)
    for entry in ("Export…", "E-mail summary…", "Copy summary"):
        assert entry in texts


def test_export_writes_every_file_off_the_ui_thread_and_opens_the_folder(
    window, demo_path, tmp_path, qtbot, monkeypatch
):
    window.open_workspace(demo_path)
    wall = window.wf.ws.ordered_sessions()[0]
    window.sessions.setCurrentRow(0)
    assert window.session_id == wall.id
    target = tmp_path / "out"
    target.mkdir()
    monkeypatch.setattr(export_actions.QFileDialog, "getExistingDirectory", lambda *a, **k: str(target))
    actions = window.export_actions
    with qtbot.waitSignal(actions.finished, timeout=30_000) as done:
        actions.export_action.trigger()
        # the trigger returned at once: the work is on its own thread, the progress dialog is up
        assert actions.worker is not None and actions.dialog is not None and actions.dialog.isVisible()
        # the room goes on while the exporter works: a card typed now lands in the workspace
        assert window.controller.run(AddCard(wall.id, "Typed during export"))
    names = {Path(p).name for p in done.args[0]}
    assert {"summary.pdf", "summary.eml", "summary.md", "cards.csv", "session.xlsx", "session.json"} <= names
    assert "wall.png" in names  # drawn offscreen by the wall's own code
    assert "pathway-map.pdf" in names  # with the labor-market figures, as `cardwall export` writes it
    assert window.opened == [str(target)]
    assert (target / "summary.pdf").stat().st_size > 0
    assert any(c.text == "Typed during export" for c in window.wf.ws.sessions[wall.id].cards.values())
    assert actions.dialog is None


def test_email_summary_writes_a_draft_and_hands_it_to_the_mail_client(window, demo_path, qtbot):
    window.open_workspace(demo_path)
    actions = window.export_actions
    with qtbot.waitSignal(actions.finished, timeout=30_000):
        actions.email_action.trigger()
    (draft,) = window.opened
    assert draft.endswith("summary.eml")
    msg = email.message_from_bytes(Path(draft).read_bytes(), policy=policy.default)
    assert msg["X-Unsent"] == "1"
    assert window.wf.ws.sessions[window.session_id].info.title in msg["Subject"]
    names = [a.get_filename() for a in msg.iter_attachments()]
    session = window.wf.ws.sessions[window.session_id]
    briefs = [f"brief-{slug}.pdf" for slug in brief_slugs(session).values()]
    assert names == ["summary.pdf", *briefs]  # a skill panel's draft carries the briefs it names


def test_copy_summary_puts_the_markdown_on_the_clipboard(window, demo_path):
    window.open_workspace(demo_path)
    QGuiApplication.clipboard().clear()
    window.export_actions.copy_action.trigger()
    text = QGuiApplication.clipboard().text()
    title = window.wf.ws.sessions[window.session_id].info.title
    assert text.startswith("# ") and title.split(":")[0] in text
    assert "## Who came" in text and "## Next steps" in text


def test_exports_without_a_session_are_refused_in_the_status_bar(window):
    window.export_actions.export_action.trigger()
    assert "Open a session first" in window.statusBar().currentMessage()
    assert window.export_actions.worker is None
