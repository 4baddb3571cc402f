"""Every dialog of the app fits a 1280x720 projector laptop, with its buttons on the screen.

The test walks the menus of each page (wall, skill panel, asset map, action plan) and the pages' own
buttons that open a dialog, opens each as a user would (the menu entry, the button), and measures the
dialog it brings up: modal ones from inside their event loop, the others once they show. Then it
cancels the dialog, as a user backing out would, so nothing is changed.
"""

from __future__ import annotations

import threading
from pathlib import Path

import pytest
from PySide6.QtCore import QRect, Qt, QTimer
from PySide6.QtGui import QDesktopServices, QScreen
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QAbstractButton, QApplication, QDialog, QLabel, QMenu, QProgressDialog, QWidget

from cardwall.commands import AddParticipant
from ui.dialogs import PartnershipDialog
from ui.export_actions import ExportWorker
from ui.main_window import MainWindow

SCREEN = QRect(0, 0, 1280, 720)
TITLE_BAR = 40  # a window manager's title bar over the frame the offscreen platform reports


def problems_of(dialog: QWidget) -> list[str]:
    """What keeps `dialog` from fitting the screen: too large, off it, or a button out of sight."""
    found = []
    name = dialog.windowTitle() or type(dialog).__name__
    frame = dialog.frameGeometry()
    least = dialog.minimumSizeHint().expandedTo(dialog.minimumSize())
    if frame.width() > SCREEN.width() or frame.height() + TITLE_BAR > SCREEN.height():
        found.append(f"{name}: {frame.width()}x{frame.height()} is larger than the screen")
    if least.width() > SCREEN.width() or least.height() + TITLE_BAR > SCREEN.height():
        found.append(f"{name}: needs at least {least.width()}x{least.height()}")
    if not SCREEN.contains(frame):
        found.append(f"{name}: placed at {frame.getRect()}, off the screen")
    for button in dialog.findChildren(QAbstractButton):
        if not button.isVisibleTo(dialog) or button.window() is not dialog:
            continue
        corner = button.mapTo(dialog, button.rect().bottomRight())
        origin = button.mapTo(dialog, button.rect().topLeft())
        if not (dialog.rect().contains(corner) and dialog.rect().contains(origin)):
            found.append(f"{name}: its button {button.text()!r} is outside it")
    return found


class DialogWatch:
    """Measures each dialog that comes up, then cancels it."""

    def __init__(self) -> None:
        self.seen: dict[str, list[str]] = {}  # title -> what keeps it from fitting
        self.count = 0  # dialogs measured
        self.timer = QTimer(interval=30)
        self.timer.timeout.connect(self.look)

    def look(self) -> None:
        for dialog in [w for w in QApplication.topLevelWidgets() if isinstance(w, QDialog) and w.isVisible()]:
            QApplication.processEvents()  # laid out and placed as shown
            self.seen[dialog.windowTitle() or type(dialog).__name__] = problems_of(dialog)
            self.count += 1
            dialog.reject()  # Cancel: nothing changes


@pytest.fixture
def watch(qtbot, monkeypatch):
    monkeypatch.setattr(QScreen, "availableGeometry", lambda self: SCREEN)
    monkeypatch.setattr(QDesktopServices, "openUrl", lambda *a: True)  # E-mail summary… opens no mail program
    watch = DialogWatch()
    watch.timer.start()
    yield watch
    watch.timer.stop()


def entries(window: MainWindow) -> list:
    """The menu entries that open a dialog (named with "…"), in the menu bar's order."""
    found = []

    def walk(menu: QMenu) -> None:
        for action in menu.actions():
            if action.menu() is not None:
                walk(action.menu())
            elif action.text().endswith("…") and action.isEnabled():
                found.append(action)

    for action in window.menuBar().actions():
        if action.menu() is not None and action.isVisible():
            walk(action.menu())
    return found


def open_each(window, watch, qtbot) -> list[str]:
    opened = []
    for action in entries(window):
        before = watch.count
        action.trigger()
        QApplication.processEvents()
        watch.look()  # a dialog shown without its own event loop (data prompts, crosswalk)
        qtbot.wait(10)
        if watch.count > before:
            opened.append(action.text().replace("&", ""))
    return opened


def test_every_dialog_of_every_page_fits_a_1280x720_screen(qtbot, watch, journey_path):
    window = MainWindow()
    qtbot.addWidget(window)
    window.show()
    qtbot.waitExposed(window)
    assert window.open_workspace(journey_path)
    window.resize(1280, 720)
    opened = []
    for session in window.wf.ws.ordered_sessions():
        window.show_session(session.id)
        qtbot.wait(30)
        opened += open_each(window, watch, qtbot)
        for button in window.page.findChildren(QAbstractButton):  # "New panel…" and its like on the page
            if button.text().endswith("…") and button.isVisible() and button.isEnabled() and not button.menu():
                before = watch.count
                button.click()
                watch.look()
                if watch.count > before:
                    opened.append(button.text())
    titles = set(watch.seen)
    for wanted in (
        "New session",
        "Session details",
        "Partnership",
        "Labor-market data prompts",
        "SOC crosswalk",
        "Display settings",
        "New skill panel",
    ):
        assert wanted in titles, (wanted, sorted(titles))
    assert len(opened) >= 10, opened
    problems = [p for found in watch.seen.values() for p in found]
    assert not problems, problems


def clipped_labels(dialog: QWidget) -> list[str]:
    """Labels whose text is cut off: a word (a long path) wider than the label has room for."""
    found = []
    for label in dialog.findChildren(QLabel):
        if label.isVisibleTo(dialog) and label.text() and label.minimumSizeHint().width() > label.width() + 1:
            found.append(f"{dialog.windowTitle()}: {label.text()[:40]!r}… is cut off")
    return found


class FailureWatch(DialogWatch):
    """DialogWatch that also looks for cut-off text, and lets the export's progress window run."""

    def look(self) -> None:
        for dialog in [w for w in QApplication.topLevelWidgets() if isinstance(w, QDialog) and w.isVisible()]:
            QApplication.processEvents()
            name = dialog.windowTitle() or type(dialog).__name__
            self.seen[name] = problems_of(dialog) + clipped_labels(dialog)
            self.count += 1
            if not isinstance(dialog, QProgressDialog):
                dialog.reject()


def long_folder(root: Path) -> Path:
    """A folder as deep as a synced drive's, with names a label has nowhere to wrap."""
    folder = root / ("Workforce_Partnership_Shared_Documents_" * 3) / ("Sessions_and_exports_for_the_region_" * 3)
    folder.mkdir(parents=True)
    return folder


def test_the_boxes_a_failure_brings_up_wrap_a_long_path_and_fit_a_1280x720_screen(
    qtbot, monkeypatch, demo_path, tmp_path
):
    monkeypatch.setattr(QScreen, "availableGeometry", lambda self: SCREEN)
    monkeypatch.setattr(QDesktopServices, "openUrl", lambda *a: True)
    watch = FailureWatch()
    watch.timer.start()
    window = MainWindow()
    qtbot.addWidget(window)
    window.show()
    qtbot.waitExposed(window)
    folder = long_folder(tmp_path)
    not_a_workspace = folder / "minutes.cardwall"
    not_a_workspace.write_text("minutes of the meeting", encoding="utf-8")
    assert not window.open_workspace(not_a_workspace)  # the file picked from the recent list is not a workspace
    assert "Cannot open workspace" in watch.seen
    assert window.open_workspace(demo_path)
    window.sessions.setCurrentRow(0)
    # A name in a script no bundled font draws: the export says so in a box naming the folder.
    window.controller.run(AddParticipant(window.session_id, name="Scribe \U00013000", organization="Shop"))
    # The exports take about a second now: the worker holds until the progress window has been measured.
    measured = threading.Event()
    run = ExportWorker.run
    monkeypatch.setattr(ExportWorker, "run", lambda worker: (measured.wait(30), run(worker)))
    window.export_actions.export(folder)
    qtbot.waitUntil(lambda: "Export" in watch.seen, timeout=10_000)  # the progress window was seen and measured
    measured.set()
    qtbot.waitUntil(lambda: "Export: please check" in watch.seen, timeout=30_000)
    window.export_actions.wait()
    watch.timer.stop()
    problems = [p for found in watch.seen.values() for p in found]
    assert not problems, problems
    window.close_workspace()


def test_the_pickers_lists_fit_the_screen(qtbot, monkeypatch, demo_path):
    monkeypatch.setattr(QScreen, "availableGeometry", lambda self: SCREEN)
    window = MainWindow()
    qtbot.addWidget(window)
    window.show()
    assert window.open_workspace(demo_path)
    dialog = PartnershipDialog(window.controller.ws.partnership, window)
    qtbot.addWidget(dialog)
    dialog.show()
    for picker, typed in ((dialog.region, "non"), (dialog.industry, "manufacturing")):
        qtbot.waitUntil(lambda p=picker: p.model.rowCount() > 20, timeout=10_000)
        dialog.activateWindow()
        picker.setFocus()
        picker.clear()
        qtbot.keyClicks(picker, typed)
        popup = picker.completer().popup()
        qtbot.waitUntil(popup.isVisible)
        frame = popup.frameGeometry()
        assert frame.width() <= SCREEN.width() and frame.height() <= SCREEN.height(), frame
        assert popup.screen().geometry().contains(frame), frame
        # Long names (metro areas, NAICS industries) are shown whole or elided in the list, never widening it off.
        assert frame.width() <= max(picker.width(), dialog.width()) + 40, (frame, picker.width())
        QTest.keyClick(popup, Qt.Key_Escape)
    window.close_workspace()
