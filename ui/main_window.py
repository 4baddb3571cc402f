"""The main window: a workspace, its sessions, and the page of the session in front.

The page in the middle belongs to the session's kind (the wall, the skill
panel); it brings its own docks and menu. The window owns the file, the
undo stack, the participants, and the File/Edit/View menus.
"""

from __future__ import annotations

import importlib
import time
from pathlib import Path

from PySide6.QtCore import Qt, QTimer
from PySide6.QtGui import QAction, QKeySequence
from PySide6.QtWidgets import (
    QDockWidget,
    QFileDialog,
    QLabel,
    QListWidget,
    QListWidgetItem,
    QMainWindow,
    QMessageBox,
    QPushButton,
    QStackedWidget,
    QVBoxLayout,
    QWidget,
)

from cardwall.commands import AddSession, EditPartnership, EditSession
from storage.errors import DamagedFileError, StorageError
from storage.workspace import SUFFIX, WorkspaceFile
from ui.a11y import name_unnamed
from ui.controller import Controller
from ui.dialogs import PartnershipDialog, SessionDialog, keep_dialogs_on_screen
from ui.dock_fit import fit_docks
from ui.participants_dock import ParticipantsDock
from ui.recent import fill_recent_menu, recent_files, remember
from ui.welcome import WelcomePage, offer_backup
from ui.window_geometry import place_window

# Session kind -> (module, class) of its page; imported when first shown.
PAGES = {
    "critical-occupations": ("ui.wall.page", "WallPage"),
    "skill-panel": ("ui.matrix.page", "PanelPage"),
    "asset-map": ("ui.assets.page", "AssetMapPage"),
    "action-plan": ("ui.actions.page", "ActionPlanPage"),
}
KIND_NAMES = {"critical-occupations": "Wall", "skill-panel": "Skill panel", "asset-map": "Asset map"}
IDLE_CHECKPOINT_MS = 30_000


class MainWindow(QMainWindow):
    def __init__(self) -> None:
        super().__init__()
        self.settings = place_window(self)  # where it was last time, or fitted to its screen
        self.wf: WorkspaceFile | None = None
        self.controller: Controller | None = None
        self.session_id: str | None = None
        self.page: QWidget | None = None
        self.page_docks: list[QDockWidget] = []
        self.page_menu = None
        self.participants: ParticipantsDock | None = None
        self.is_demo = False

        self.center = QStackedWidget()
        self.welcome = WelcomePage(self)
        self.center.addWidget(self.welcome)
        self.setCentralWidget(self.center)

        self.sessions = QListWidget()
        self.sessions.setAccessibleName("Sessions")
        self.sessions.setWordWrap(True)
        self.sessions.setSpacing(3)
        self.sessions.currentItemChanged.connect(self._on_session_picked)
        self.sessions_dock = QDockWidget("Sessions", self)
        self.sessions_dock.setObjectName("sessions")
        self.sessions_dock.setMinimumWidth(200)  # a 1280 px projector keeps the page the width
        body = QWidget()
        layout = QVBoxLayout(body)
        layout.addWidget(self.sessions)
        new_button = QPushButton("New session…")
        new_button.clicked.connect(self.new_session)
        layout.addWidget(new_button)
        self.sessions_dock.setWidget(body)
        self.addDockWidget(Qt.LeftDockWidgetArea, self.sessions_dock)
        self.sessions_dock.hide()  # no workspace yet: no empty dock beside the welcome page

        self.saved_label = QLabel()
        self.statusBar().addPermanentWidget(self.saved_label)
        self.idle = QTimer(self, singleShot=True, interval=IDLE_CHECKPOINT_MS)
        self.idle.timeout.connect(self._on_idle)
        # Owned by the window, so it dies with it (a lambda timer would outlive a closed window).
        self.refusal_timer = QTimer(self, singleShot=True, interval=8000)
        self.refusal_timer.timeout.connect(self._on_refusal_shown)
        self.dock_fit = QTimer(self, singleShot=True, interval=0)  # after the layout has settled
        self.dock_fit.timeout.connect(self.fit_docks)
        self._build_menus()
        from ui.export_actions import install_export_actions

        install_export_actions(self)
        from ui.data.menu import install_data_menu  # the Data menu: prompts, crosswalk, imports (ui/data)

        install_data_menu(self)
        from ui.room_panel import install_room_menu  # the Room menu: phones and the note-taker join (ui/room)

        install_room_menu(self)
        keep_dialogs_on_screen()  # every dialog fits the screen it opens on
        self._update_title()

    # --- menus ------------------------------------------------------------------------------

    def _build_menus(self) -> None:
        bar = self.menuBar()
        self.file_menu = bar.addMenu("&File")
        self._action(self.file_menu, "&New workspace…", self.new_workspace, QKeySequence.New)
        self._action(self.file_menu, "&Open workspace…", self.choose_workspace, QKeySequence.Open)
        self.recent_menu = self.file_menu.addMenu("Open &recent")
        self.recent_menu.aboutToShow.connect(
            lambda: fill_recent_menu(self.recent_menu, self.settings, self.open_workspace)
        )
        self.file_menu.addSeparator()
        self.new_session_action = self._action(self.file_menu, "New &session…", self.new_session, "Ctrl+Shift+N")
        self.session_details_action = self._action(self.file_menu, "Session &details…", self.edit_session)
        self.partnership_action = self._action(self.file_menu, "&Partnership…", self.edit_partnership)
        self.file_menu.addSeparator()
        self.export_separator = self.file_menu.addSeparator()
        self._action(self.file_menu, "&Quit", self.close, QKeySequence.Quit)

        self.edit_menu = bar.addMenu("&Edit")
        self.undo_action = QAction("&Undo", self, shortcut=QKeySequence.Undo, enabled=False)
        self.redo_action = QAction("&Redo", self, shortcut=QKeySequence("Ctrl+Shift+Z"), enabled=False)
        self.redo_action.setShortcuts([QKeySequence("Ctrl+Shift+Z"), QKeySequence("Ctrl+Y")])
        self.undo_action.triggered.connect(lambda: self.controller and self.controller.undo_stack.undo())
        self.redo_action.triggered.connect(lambda: self.controller and self.controller.undo_stack.redo())
        self.edit_menu.addAction(self.undo_action)
        self.edit_menu.addAction(self.redo_action)
        self.view_menu = bar.addMenu("&View")
        self.view_menu.addAction(self.sessions_dock.toggleViewAction())

    def _action(self, menu, text, slot, shortcut=None) -> QAction:
        action = QAction(text, self)
        if shortcut is not None:
            action.setShortcut(QKeySequence(shortcut))
        action.triggered.connect(slot)
        menu.addAction(action)
        return action

    def add_file_action(self, text: str, slot, shortcut=None) -> QAction:
        """For pages and features: an entry in the File menu's export group."""
        action = QAction(text, self)
        if shortcut is not None:
            action.setShortcut(QKeySequence(shortcut))
        action.triggered.connect(slot)
        self.file_menu.insertAction(self.export_separator, action)
        return action

    # --- workspace --------------------------------------------------------------------------

    def open_last_or_welcome(self) -> None:
        """No file named: the welcome page, with the recent workspaces one click away."""
        self.welcome.show_recent([Path(p) for p in self.recent_files() if Path(p).exists()])
        self.center.setCurrentWidget(self.welcome)

    def new_workspace(self) -> None:
        name, _ = QFileDialog.getSaveFileName(
            self, "New workspace", str(Path.home() / f"Partnership{SUFFIX}"), f"Cardwall workspace (*{SUFFIX})"
        )
        if name:
            path = Path(name if name.endswith(SUFFIX) else name + SUFFIX)
            if path.exists():
                self.refuse(f"{path.name} exists already; open it instead.")
                return
            self.open_workspace(path)

    def choose_workspace(self) -> None:
        name, _ = QFileDialog.getOpenFileName(
            self, "Open workspace", str(Path.home()), f"Cardwall workspace (*{SUFFIX});;All files (*)"
        )
        if name:
            self.open_workspace(Path(name))

    def open_workspace(self, path: Path, *, demo: bool = False) -> bool:
        try:
            # The demo is a fresh copy built a moment ago and built again on every `cardwall demo`: a backup
            # of it protects nothing and would leave a new folder in the user's backups at each start.
            wf = WorkspaceFile.open(path, backup=not demo)
        except DamagedFileError as exc:
            wf = offer_backup(self, path, str(exc))
            if wf is None:
                return False
        except StorageError as exc:
            QMessageBox.warning(self, "Cannot open workspace", str(exc))
            return False
        self.close_workspace()
        self.wf, self.is_demo = wf, demo
        self.controller = Controller(wf, self)
        self.controller.refused.connect(self.refuse)
        self.controller.changed.connect(self._on_changed)
        self.controller.saved.connect(self._on_saved)
        stack = self.controller.undo_stack
        stack.canUndoChanged.connect(self.undo_action.setEnabled)
        stack.canRedoChanged.connect(self.redo_action.setEnabled)
        stack.undoTextChanged.connect(self._on_undo_text)
        stack.redoTextChanged.connect(self._on_redo_text)
        if not demo:
            remember(self.settings, path)
        if wf.notice:
            self.statusBar().showMessage(wf.notice)
            QMessageBox.information(self, "Opened read-only" if wf.readonly else "Workspace", wf.notice)
        self._fill_sessions()
        self.sessions_dock.show()
        latest = wf.ws.latest_session()
        if demo:  # the demo starts where a partnership starts: on its critical-occupations wall
            latest = next((s for s in wf.ws.ordered_sessions() if s.info.kind == "critical-occupations"), latest)
        if latest:
            self.show_session(latest.id)
        else:
            self.center.setCurrentWidget(self.welcome)
            self.welcome.show_empty_workspace()
        self._update_title()
        return True

    def _on_undo_text(self, text: str) -> None:
        self.undo_action.setText(f"&Undo {text}".strip())

    def _on_redo_text(self, text: str) -> None:
        self.redo_action.setText(f"&Redo {text}".strip())

    def close_workspace(self) -> None:
        self._clear_page()
        if self.participants:
            self.removeDockWidget(self.participants)
            self.participants.deleteLater()
            self.participants = None
        if self.wf:
            self.wf.close()
        if self.controller is not None:
            # Its undo stack outlives this call (a child of the window) and signals as it is destroyed,
            # after the Undo/Redo actions it updates are gone.
            self.controller.undo_stack.blockSignals(True)
        self.wf = self.controller = self.session_id = None
        self.sessions.blockSignals(True)  # clearing moves the current row: that is no session pick
        self.sessions.clear()
        self.sessions.blockSignals(False)

    def closeEvent(self, event) -> None:
        self.close_workspace()
        super().closeEvent(event)

    def recent_files(self) -> list[str]:
        return recent_files(self.settings)

    # --- sessions ---------------------------------------------------------------------------

    def _fill_sessions(self) -> None:
        self.sessions.blockSignals(True)
        self.sessions.clear()
        if self.wf:
            for s in self.wf.ws.ordered_sessions():
                kind = KIND_NAMES.get(s.info.kind, "Action plan")
                item = QListWidgetItem(f"{s.info.title}\n{s.info.date or 'no date'} · {kind}")
                item.setData(Qt.UserRole, s.id)
                self.sessions.addItem(item)
                if s.id == self.session_id:
                    self.sessions.setCurrentItem(item)
        self.sessions.blockSignals(False)

    def _on_session_picked(self, item, _previous=None) -> None:
        if item is not None and item.data(Qt.UserRole) != self.session_id:
            self.show_session(item.data(Qt.UserRole))

    def show_session(self, session_id: str) -> None:
        self._clear_page()
        self.session_id = session_id
        self._fill_sessions()  # mark it now: focus passing through the list must not pick another
        session = self.wf.ws.sessions[session_id]
        module, cls = PAGES[session.info.kind]
        page_class = getattr(importlib.import_module(module), cls)
        self.page = page_class(self.controller, session_id, self)
        self.center.addWidget(self.page)
        self.center.setCurrentWidget(self.page)
        if self.participants is None:
            self.participants = ParticipantsDock(self.controller, session_id, self)
            self.addDockWidget(Qt.LeftDockWidgetArea, self.participants)
            # Sessions and people share the left edge as tabs, so the wall keeps the width.
            self.tabifyDockWidget(self.sessions_dock, self.participants)
            self.sessions_dock.raise_()
            self.view_menu.addAction(self.participants.toggleViewAction())
        else:
            self.participants.session_id = session_id
            self.participants.reload()
        for dock in getattr(self.page, "docks", []):
            self.addDockWidget(getattr(dock, "area", Qt.RightDockWidgetArea), dock)
            self.page_docks.append(dock)
            self.view_menu.addAction(dock.toggleViewAction())
        menu = getattr(self.page, "menu", None)
        if menu is not None:
            self.page_menu = self.menuBar().insertMenu(self.view_menu.menuAction(), menu)
        self._fill_sessions()
        self._update_title()
        self.dock_fit.start()
        QTimer.singleShot(0, self, lambda: name_unnamed(self))  # the dock tab bars exist once the docks are placed

    def resizeEvent(self, event) -> None:
        super().resizeEvent(event)
        self.dock_fit.start()

    def fit_docks(self, *, right: int | None = None) -> None:
        fit_docks(self, right=right)

    def _clear_page(self) -> None:
        for dock in self.page_docks:
            self.view_menu.removeAction(dock.toggleViewAction())
            self.removeDockWidget(dock)
            dock.deleteLater()
        self.page_docks = []
        if self.page_menu is not None:
            self.menuBar().removeAction(self.page_menu)
            self.page_menu = None
            # A page's menu has no parent widget: delete it, or it (and the page its actions call) lives on.
            self.page.menu.deleteLater()
        if self.page is not None:
            if hasattr(self.page, "shutdown"):
                self.page.shutdown()
            self.center.removeWidget(self.page)
            self.page.deleteLater()
            self.page = None

    def new_session(self) -> None:
        if not self.controller:
            self.refuse("Open or create a workspace first.")
            return
        dialog = SessionDialog(self)
        while dialog.exec():
            values = dialog.values()
            reengage = values.pop("reengage")
            command = AddSession(**values)
            if self.controller.run(command):
                if reengage.strip():
                    self.controller.run(EditSession(command.session_id, reengage=reengage))
                self.show_session(command.session_id)
                getattr(self.page, "focus_first_entry", lambda: None)()  # a new wall: type the first card at once
                return
            dialog.show_error(self.controller.last_refusal)

    def edit_session(self) -> None:
        if not (self.controller and self.session_id):
            return
        dialog = SessionDialog(self, info=self.wf.ws.sessions[self.session_id].info)
        while dialog.exec():
            values = dialog.values()
            values.pop("kind")
            if self.controller.run(EditSession(self.session_id, **values)):
                return
            dialog.show_error(self.controller.last_refusal)

    def edit_partnership(self) -> None:
        if not self.controller:
            return
        dialog = PartnershipDialog(self.wf.ws.partnership, self)
        while dialog.exec():
            if self.controller.run(EditPartnership(**dialog.values())):
                return
            dialog.show_error(self.controller.last_refusal)

    # --- feedback ---------------------------------------------------------------------------

    def refuse(self, message: str) -> None:
        """A refusal: said in the status bar, never a modal box in the middle of the room."""
        self.statusBar().setStyleSheet("QStatusBar { color: #b00020; font-weight: bold; }")
        self.statusBar().showMessage(message, 8000)
        self.refusal_timer.start()

    def _on_refusal_shown(self) -> None:
        self.statusBar().setStyleSheet("")

    def _on_changed(self, change) -> None:
        self.statusBar().setStyleSheet("")
        if change.tables() & {"sessions", "partnership"}:
            self._fill_sessions()
            self._update_title()
        self.idle.start()

    def _on_saved(self, when: float) -> None:
        self.saved_label.setText(f"All changes saved · {time.strftime('%H:%M:%S', time.localtime(when))}")

    def _on_idle(self) -> None:
        if self.wf:
            self.wf.checkpoint()

    def _update_title(self) -> None:
        parts = []
        if self.wf:
            name = "Demo workspace" if self.is_demo else self.wf.path.stem
            parts.append(name + (" (read-only)" if self.wf.readonly else ""))
            if self.session_id and self.session_id in self.wf.ws.sessions:
                parts.append(self.wf.ws.sessions[self.session_id].info.title)
        parts.append("Cardwall")
        self.setWindowTitle(" — ".join(parts))
