"""A facilitator's first run: the welcome page's "Try the demo" and "New partnership", clicked."""

from __future__ import annotations

import pytest
from PySide6.QtCore import Qt, QTimer
from PySide6.QtWidgets import QApplication, QDialogButtonBox, QFileDialog, QMessageBox

from tests.helpers import reopen
from ui.main_window import MainWindow


@pytest.fixture
def window(qtbot, monkeypatch):
    monkeypatch.setattr(QMessageBox, "information", lambda *a: None)
    w = MainWindow()
    qtbot.addWidget(w)
    w.show()
    w.open_last_or_welcome()
    yield w
    w.close_workspace()


def _in_the_dialog(qtbot, act) -> list[str]:
    """Run `act(dialog)` on the modal dialog once it is up; returns what went wrong, if anything."""
    problems: list[str] = []

    def run() -> None:
        dialog = QApplication.activeModalWidget()
        if dialog is None:
            problems.append("no dialog came up")
            return
        act(dialog)

    QTimer.singleShot(0, run)
    return problems


def _click(qtbot, dialog, which) -> None:
    qtbot.mouseClick(dialog.findChild(QDialogButtonBox).button(which), Qt.LeftButton)


def test_the_welcome_page_offers_the_demo_and_a_new_partnership(window):
    assert window.center.currentWidget() is window.welcome
    names = list(window.welcome.buttons)
    assert names[:2] == ["Try the demo", "New partnership…"]
    assert all(window.welcome.buttons[n].isVisible() for n in names)


def test_try_the_demo_opens_on_its_wall(window, qtbot):
    qtbot.mouseClick(window.welcome.buttons["Try the demo"], Qt.LeftButton)
    assert window.is_demo and window.wf is not None
    session = window.wf.ws.sessions[window.session_id]
    assert session.info.kind == "critical-occupations"
    # The demo's latest session is a skill panel: the wall is picked on purpose, not by date.
    assert window.wf.ws.latest_session().info.kind == "skill-panel"
    assert type(window.page).__name__ == "WallPage" and window.center.currentWidget() is window.page
    assert window.wf.ws.sessions[window.session_id].cards
    assert window.windowTitle().startswith("Demo workspace")


def test_new_partnership_asks_name_industry_region_then_where_and_opens_it(window, qtbot, tmp_path, monkeypatch):
    suggested: list[str] = []

    def save_as(parent, caption, directory, filter_=""):
        suggested.append(directory)
        return str(tmp_path / "Mesa County Health"), filter_

    monkeypatch.setattr(QFileDialog, "getSaveFileName", save_as)

    def fill(dialog) -> None:
        qtbot.keyClicks(dialog.name, "Mesa County Health Partnership")
        qtbot.keyClicks(dialog.industry, "Hospitals")
        qtbot.keyClicks(dialog.region, "Grand Junction, CO")
        _click(qtbot, dialog, QDialogButtonBox.Ok)

    problems = _in_the_dialog(qtbot, fill)
    qtbot.mouseClick(window.welcome.buttons["New partnership…"], Qt.LeftButton)
    assert not problems
    path = tmp_path / "Mesa County Health.cardwall"
    assert suggested and suggested[0].endswith("Mesa County Health Partnership.cardwall")
    assert window.wf is not None and window.wf.path.resolve() == path.resolve()
    partnership = reopen(path).partnership
    assert (partnership.name, partnership.industry, partnership.region) == (
        "Mesa County Health Partnership",
        "Hospitals",
        "Grand Junction, CO",
    )
    assert "Mesa County Health" in window.windowTitle()
    assert not window.undo_action.isEnabled()  # making the file is not a step to undo
    assert "no sessions yet" in window.welcome.hint.text()


def test_new_partnership_without_a_name_says_so_and_cancel_makes_no_file(window, qtbot, tmp_path, monkeypatch):
    monkeypatch.setattr(QFileDialog, "getSaveFileName", lambda *a: pytest.fail("asked where before a name"))
    seen: list[str] = []

    def ok_then_cancel(dialog) -> None:
        _click(qtbot, dialog, QDialogButtonBox.Ok)  # no name typed: the dialog comes back with the reason

        def after() -> None:
            again = QApplication.activeModalWidget()
            seen.append(again.error.text() if again is not None and again.error.isVisible() else "")
            _click(qtbot, again, QDialogButtonBox.Cancel)

        QTimer.singleShot(0, after)

    problems = _in_the_dialog(qtbot, ok_then_cancel)
    qtbot.mouseClick(window.welcome.buttons["New partnership…"], Qt.LeftButton)
    assert not problems
    assert seen == ["The partnership needs a name."]
    assert window.wf is None and not list(tmp_path.iterdir())
    assert window.center.currentWidget() is window.welcome
