"""The skill-panel page: one occupation's function/task matrix, the dot vote, and what follows it.

A session may hold several panels (one per occupation); the page shows one
at a time. Every edit is a command through the controller; the page redraws
from the domain on `changed`. The mode (arrange, a voter, the room tally)
decides what a click on a task does.
"""

from __future__ import annotations

from pathlib import Path

import shiboken6
from PySide6.QtCore import Qt, QTimer
from PySide6.QtGui import QAction, QKeySequence
from PySide6.QtWidgets import (
    QComboBox,
    QFileDialog,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QMenu,
    QMessageBox,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

import resources
from cardwall import panels
from cardwall.commands import (
    AddPanel,
    DeletePanel,
)
from cardwall.templates import Strawman, load_templates
from ui.elided_label import ElidedLabel
from ui.matrix.arranging import Arranging, InlineEditor
from ui.matrix.details import DetailsDock
from ui.matrix.dialogs import NewPanelDialog
from ui.matrix.meetings import MeetingsDock
from ui.matrix.scene import MatrixOptions, MatrixScene, voter_colours
from ui.matrix.strawman import StrawmanActions
from ui.matrix.view import MatrixGraphicsView
from ui.matrix.voting import ARRANGE, TALLY, VotingDock
from ui.matrix.voting_input import VotingInput
from ui.script_dock import ScriptDock

TABLE_FILTER = "Tables (*.csv *.xlsx *.txt);;All files (*)"


class PanelPage(StrawmanActions, Arranging, VotingInput, QWidget):
    """The page; starting the matrix, arranging it and voting on it live in the three mixins."""

    def __init__(self, controller, session_id: str, window=None) -> None:
        super().__init__()
        self.controller, self.session_id, self.window_ = controller, session_id, window
        ordered = self.session.ordered_panels()
        self.panel_id: str | None = ordered[0].id if ordered else None
        self.options = MatrixOptions()
        self.templates: list[Strawman] = load_templates(resources.path("templates"))
        self.editor: InlineEditor | None = None
        # Replaced in tests; a person gets a dialog.
        self.ask_file = lambda title: QFileDialog.getOpenFileName(self, title, str(Path.home()), TABLE_FILTER)[0]
        self.show_report = self._report_box

        self.scene = MatrixScene(self)
        self.view = MatrixGraphicsView(self.scene)
        self.view.key_handler = self._on_key
        self.view.task_clicked.connect(self._on_task_clicked)
        self.view.task_double_clicked.connect(self.edit_task)
        self.view.function_double_clicked.connect(self.rename_function)
        self.view.task_dropped.connect(self._on_task_dropped)
        self.view.context_requested.connect(self._on_context)

        self.voting = VotingDock(controller, session_id, window)
        self.voting.mode_changed.connect(self._on_mode)
        self.voting.view_changed.connect(self.redraw)
        self.details = DetailsDock(controller, session_id, window)
        self.details.selected_task = self.view.selected_task
        self.details.view_round = self.voting.view_round  # one count everywhere: the round the matrix shows
        self.voting.view_changed.connect(lambda: self.details.reload(self.panel_id))
        self.details.task_focused.connect(self._select_task)
        self.meetings = MeetingsDock(controller, session_id, window)  # carried into / compared with other meetings
        self.docks = [self.voting, self.details, self.meetings]
        self.script = ScriptDock(controller, session_id, "skill-panel", panel_id=self.panel_id, parent=window)
        self.script.area = Qt.LeftDockWidgetArea  # in front of the sessions: the vote's dock keeps the right's height
        self.docks.append(self.script)

        self._build_bar()
        self._build_menu()
        self.banner = QLabel()
        self.banner.setAccessibleName("Who is voting")
        self.banner.setWordWrap(True)
        self.banner.hide()
        layout = QVBoxLayout(self)
        layout.setContentsMargins(4, 4, 4, 4)
        self.title_row = QHBoxLayout()  # the title moves up here when the bar is too narrow for it
        layout.addLayout(self.title_row)
        layout.addLayout(self.bar)
        layout.addLayout(self.add_row)
        layout.addWidget(self.banner)
        layout.addWidget(self.view, 1)
        self.setFocusProxy(self.view)  # the page shown takes the keys: 1-9, arrows, the tally

        controller.changed.connect(self._on_changed)
        controller.refused.connect(self._on_refused)
        self.reload()
        # The vote and the talk after it are two phases: their docks share one place, as tabs.
        QTimer.singleShot(0, self, self._tabify)  # with the page as context: skipped if it is gone by then

    def _tabify(self) -> None:
        window = self.window_
        if not all(shiboken6.isValid(d) for d in (self.voting, self.details, self.meetings)):
            return  # the page was swapped away before this ran
        if window is not None and hasattr(window, "tabifyDockWidget") and self.voting.parent() is window:
            window.tabifyDockWidget(self.voting, self.details)
            window.tabifyDockWidget(self.details, self.meetings)
            self.voting.raise_()
        if getattr(window, "sessions_dock", None) is not None and self.script.parent() is window:
            window.tabifyDockWidget(window.sessions_dock, self.script)
            QTimer.singleShot(0, self.script, self.script.raise_)  # once the new tab is on its bar

    # --- building ----------------------------------------------------------------------------

    def _build_bar(self) -> None:
        self.panel_box = QComboBox()
        self.panel_box.setAccessibleName("Skill panel")
        # Long occupation names never widen the window: the box shows ~14 characters at least.
        self.panel_box.setSizeAdjustPolicy(QComboBox.AdjustToMinimumContentsLengthWithIcon)
        self.panel_box.setMinimumContentsLength(14)
        self.panel_box.currentIndexChanged.connect(self._on_panel_picked)
        self.title = ElidedLabel(min_chars=6)
        self.title.setStyleSheet("QLabel { font-size: 16pt; font-weight: bold; }")
        new_panel = QPushButton("New panel…")
        new_panel.clicked.connect(self.new_panel)
        # A push button with a menu keeps room for its arrow (a tool button drew it over "from").
        self.start = QPushButton("Start matrix from")
        # Its words and arrow where there is room (1280 px and up); squeezed to the words below that, so the
        # window still fits a narrower screen.
        self.start.setMinimumWidth(self.start.fontMetrics().horizontalAdvance(self.start.text()) + 8)
        self.start_menu = QMenu(self.start)
        self.start.setMenu(self.start_menu)
        self._fill_start_menu(self.start_menu)
        self.dacum = QPushButton("DACUM view")
        self.dacum.setCheckable(True)
        self.dacum.setToolTip("Functions as rows, tasks running to the right (Ctrl+D)")
        self.dacum.toggled.connect(self._on_dacum)
        fit = QPushButton("Fit")
        fit.setToolTip("Fit the matrix to the window (Ctrl+0)")
        fit.clicked.connect(self._fit)
        self.bar = QHBoxLayout()
        self.bar.addWidget(self.panel_box, 1)  # slack shows the panel's whole name
        self.bar.addWidget(new_panel)
        self.bar.addWidget(self.start)
        self.bar.addWidget(self.title, 2)
        self.bar.addWidget(self.dacum)
        self.bar.addWidget(fit)

        self.function_line = QLineEdit()
        self.function_line.setPlaceholderText("New function (column), then Enter")
        self.function_line.setAccessibleName("New function")
        self.function_line.returnPressed.connect(self._on_add_function)
        self.task_line = QLineEdit()
        self.task_line.setPlaceholderText("New task, then Enter")
        self.task_line.setAccessibleName("New task")
        self.task_line.returnPressed.connect(self._on_add_task)
        self.task_target = QComboBox()
        self.task_target.setAccessibleName("Function of the new task")
        self.task_target.setSizeAdjustPolicy(QComboBox.AdjustToMinimumContentsLengthWithIcon)
        self.task_target.setMinimumContentsLength(14)
        self.add_row = QHBoxLayout()
        self.add_row.addWidget(self.function_line, 2)
        self.add_row.addWidget(QLabel("Task under"))
        self.add_row.addWidget(self.task_target, 2)
        self.add_row.addWidget(self.task_line, 4)

    def _fill_start_menu(self, menu: QMenu) -> None:
        menu.addAction("Blank: type the functions", lambda: self.function_line.setFocus())
        menu.addSeparator()
        for template in self.templates:
            menu.addAction(f"Template: {template.occupation}", lambda t=template: self.start_from_template(t))
        menu.addSeparator()
        menu.addAction("Task list (CSV/XLSX with function, task)…", self._on_import_tasks)
        menu.addAction("O*NET Task Statements for this SOC code…", self._on_import_onet)

    def _build_menu(self) -> None:
        self.menu = QMenu("&Panel", self)
        self.menu.addAction("&New panel…", self.new_panel)
        start = self.menu.addMenu("&Start matrix from")
        self._fill_start_menu(start)
        self.menu.addSeparator()
        self.dacum_action = QAction("&DACUM view", self, checkable=True, shortcut=QKeySequence("Ctrl+D"))
        self.dacum_action.toggled.connect(self.dacum.setChecked)
        self.menu.addAction(self.dacum_action)
        reveal = QAction("&Reveal / hide results", self, shortcut=QKeySequence("Ctrl+R"))
        reveal.triggered.connect(lambda: self.voting.reveal.toggle())
        self.menu.addAction(reveal)
        self.menu.addAction(QAction("&Fit to window", self, shortcut=QKeySequence("Ctrl+0"), triggered=self._fit))
        self.menu.addAction("&Carry into a later meeting…", self.meetings.show_carry)
        self.menu.addSeparator()
        self.menu.addAction("Delete this panel", self.delete_panel)
        for action in self.menu.actions():
            self.addAction(action)  # shortcuts work even when the menu bar is hidden (presentation)

    def resizeEvent(self, event) -> None:
        super().resizeEvent(event)
        self._place_title()

    def _place_title(self) -> None:
        """The title shares the top row while it fits whole; on a narrow screen it gets a row of its own."""
        bar = self.bar
        others = [bar.itemAt(i).widget() for i in range(bar.count()) if bar.itemAt(i).widget() is not self.title]
        needed = sum(w.sizeHint().width() for w in others if w is not None) + bar.spacing() * len(others)
        needed += self.title.fontMetrics().horizontalAdvance(self.title.text()) + 8
        margins = self.layout().contentsMargins()
        own_row = needed > self.width() - margins.left() - margins.right()
        if own_row and self.title_row.indexOf(self.title) < 0:
            self.title_row.addWidget(self.title, 1)
        elif not own_row and bar.indexOf(self.title) < 0:
            bar.insertWidget(3, self.title, 2)

    # --- reading the workspace ---------------------------------------------------------------

    @property
    def session(self):
        return self.controller.ws.sessions[self.session_id]

    @property
    def panel(self):
        return self.session.panels.get(self.panel_id) if self.panel_id else None

    def reload(self) -> None:
        """Everything from the domain: panels list, matrix, docks."""
        session = self.session
        if self.panel_id not in session.panels:
            ordered = session.ordered_panels()
            self.panel_id = ordered[0].id if ordered else None
        self.panel_box.blockSignals(True)
        self.panel_box.clear()
        for p in session.ordered_panels():
            self.panel_box.addItem(f"{p.occupation}" + (f"  ({p.soc_code})" if p.soc_code else ""), p.id)
        self.panel_box.setCurrentIndex(self.panel_box.findData(self.panel_id))
        self.panel_box.blockSignals(False)
        panel = self.panel
        self.title.setText(
            f"{panel.occupation}  ·  SOC {panel.soc_code or 'not set'}" if panel else "No skill panel yet"
        )
        self._place_title()
        for w in (self.function_line, self.task_line, self.task_target, self.start, self.dacum):
            w.setEnabled(panel is not None)
        self._fill_targets()
        self.voting.reload(self.panel_id)
        self.details.reload(self.panel_id)
        self.meetings.reload(self.panel_id)
        if self.script.panel_id != self.panel_id:
            self.script.commit_notes()
            self.script.panel_id = self.panel_id
            self.script.reload()
        before = self.scene.sceneRect()
        self.redraw()
        if self.view.auto_fit and self.scene.sceneRect() != before:
            self.view.fit()

    def _fill_targets(self) -> None:
        keep = self.task_target.currentData()
        self.task_target.blockSignals(True)
        self.task_target.clear()
        if self.panel:
            for i, f in enumerate(panels.functions_of(self.session, self.panel_id)):
                self.task_target.addItem(f"{panels.function_letter(i)}. {f.title}", f.id)
        self.task_target.addItem("Unassigned", None)
        index = self.task_target.findData(keep)
        self.task_target.setCurrentIndex(index if index >= 0 and keep is not None else 0)
        self.task_target.blockSignals(False)

    def redraw(self) -> None:
        session = self.session
        self.options.colours = voter_colours(session)
        self.options.voter_id = self.voting.voter_id()
        self.options.round = self.voting.view_round()
        if self.panel and not self.panel.revealed:
            self.options.round = self.panel.voting_round  # hidden: only the round being voted, own dots only
        self.scene.show(session, self.panel_id, self.options)
        self._show_banner()

    def _show_banner(self) -> None:
        panel, voter = self.panel, self.voting.voter_id()
        if panel is None or self.voting.mode == ARRANGE:
            self.banner.hide()
            return
        if self.voting.mode == TALLY:
            text, colour = "Room tally: click a task, type the dots counted on it, Enter", "#4a5568"
        else:
            person = self.session.participants.get(voter)
            left = panels.dots_left(self.session, panel, voter, panel.voting_round)
            colour = self.options.colours.get(voter, "#455a64")
            text = f"{person.name} is voting: {left} of {panel.dots_per_participant} left · click a task to place a dot"
            if left == 0:
                text = f"{person.name} has placed all {panel.dots_per_participant} dots · click one to take it back"
        self.banner.setText(text)
        self.banner.setStyleSheet(
            f"QLabel {{ background: {colour}; color: white; font-size: 15pt; font-weight: bold; padding: 6px; }}"
        )
        self.banner.show()

    def _on_changed(self, change) -> None:
        if self.session_id not in self.controller.ws.sessions:
            return
        if self.session_id not in change.sessions():
            return
        tables = change.tables()
        if tables & {"panels", "functions", "tasks", "participants"}:
            self.reload()
            return
        if tables & {"votes", "task_details"}:
            self.voting.reload(self.panel_id)
            self.details.reload(self.panel_id)
            self.redraw()

    def _on_refused(self, message: str) -> None:
        if self.voting.mode != ARRANGE:
            self.voting.show_refusal(message)

    # --- panels ------------------------------------------------------------------------------

    def _on_panel_picked(self, index: int) -> None:
        panel_id = self.panel_box.itemData(index)
        if panel_id and panel_id != self.panel_id:
            self.details.commit()
            self.panel_id = panel_id
            self.view.auto_fit = True
            self.reload()

    def show_panel(self, panel_id: str) -> None:
        self.panel_box.setCurrentIndex(self.panel_box.findData(panel_id))

    def new_panel(self) -> None:
        dialog = NewPanelDialog(self.controller.ws, self)
        while dialog.exec():
            if self.add_panel(**dialog.values()):
                return
            dialog.show_error(self._last_refusal)

    _last_refusal = ""

    def add_panel(self, *, occupation: str, soc_code: str = "", dots_per_participant: int = 3) -> str | None:
        """A new panel, hidden results (voting is about to start), as one undo step; its id or None."""
        add = AddPanel(
            self.session_id, occupation=occupation, soc_code=soc_code, dots_per_participant=dots_per_participant
        )
        if not self._run(add):  # a new panel starts hidden: that rule is AddPanel's
            return None
        self.show_panel(add.panel_id)
        return add.panel_id

    def delete_panel(self) -> None:
        if self.panel is None:
            return
        answer = QMessageBox.question(
            self,
            "Delete panel",
            f"Delete the {self.panel.occupation} panel, its matrix and votes? (Undo brings it back.)",
        )
        if answer == QMessageBox.Yes:
            self._run(DeletePanel(self.session_id, self.panel_id))

    def _run(self, command):
        change = self.controller.run(command)
        self._last_refusal = "" if change is not None else self.controller.last_refusal
        return change

    def _on_dacum(self, on: bool) -> None:
        self.options.dacum = on
        self.dacum_action.setChecked(on)
        self.view.auto_fit = True
        self.redraw()
        self.view.fit()

    def _fit(self) -> None:
        self.view.auto_fit = True
        self.view.fit()

    # --- leaving -----------------------------------------------------------------------------

    def shutdown(self) -> None:
        self.meetings.shutdown()
        self.details.shutdown()
        self.script.shutdown()
        for signal, slot in ((self.controller.changed, self._on_changed), (self.controller.refused, self._on_refused)):
            try:
                signal.disconnect(slot)
            except (RuntimeError, TypeError):
                pass
