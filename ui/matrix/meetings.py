"""The meetings dock: carry the panel into a later meeting, and see its dots beside the earlier meeting's.

Carrying is one undoable command (CarryPanel; with a new session, one step with AddSession). The
comparison comes from cardwall/meetings.py, the same rows the brief and the summary print; while the
room's results are hidden, this meeting's dots stay hidden here too.
"""

from __future__ import annotations

from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QFont
from PySide6.QtWidgets import (
    QAbstractItemView,
    QComboBox,
    QDockWidget,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QPushButton,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from cardwall.commands import AddSession, Batch, CarryPanel
from cardwall.meetings import KEPT, carried_into, compare, later_meetings, meeting_name
from exporters.meetings import HEADERS, cells, headline, voted_rows
from ui.dock_body import scrolling_body

NEW_MEETING = "new"
SHORT = ("Task", "Then", "#", "Now", "#", "Change")  # a dock is narrow: the full names are the tooltips


class MeetingsDock(QDockWidget):
    carried = Signal(str, str)  # the later session and its new panel

    def __init__(self, controller, session_id: str, parent: QWidget | None = None) -> None:
        super().__init__("Across meetings", parent)
        self.setObjectName("matrix-meetings")
        self.area = Qt.RightDockWidgetArea
        self.controller, self.session_id = controller, session_id
        self.panel_id: str | None = None
        body = QWidget()
        layout = QVBoxLayout(body)
        self.origin = QLabel()
        self.origin.setWordWrap(True)
        self.origin.setAccessibleName("Earlier meeting")
        layout.addWidget(self.origin)
        self.table = QTableWidget(0, len(HEADERS))
        self.table.setAccessibleName("Earlier meeting beside this one")
        self.table.setHorizontalHeaderLabels(list(SHORT))
        for c, full in enumerate(HEADERS):
            self.table.horizontalHeaderItem(c).setToolTip(full)
        self.table.setEditTriggers(QAbstractItemView.NoEditTriggers)
        self.table.setSelectionMode(QAbstractItemView.NoSelection)
        self.table.setTabKeyNavigation(False)  # Tab leaves the table for the carry controls
        self.table.verticalHeader().hide()
        header = self.table.horizontalHeader()
        header.setSectionResizeMode(0, QHeaderView.Stretch)
        # One line a task, its label first (the matrix shows the same label); the whole task is the tooltip.
        self.table.setWordWrap(False)
        for c in range(1, len(HEADERS)):
            header.setSectionResizeMode(c, QHeaderView.ResizeToContents)
        layout.addWidget(self.table, 1)
        self.onward = QLabel()
        self.onward.setWordWrap(True)
        layout.addWidget(self.onward)
        row = QHBoxLayout()
        row.addWidget(QLabel("Carry into"))
        self.target = QComboBox()
        self.target.setAccessibleName("Later meeting")
        self.target.setSizeAdjustPolicy(QComboBox.AdjustToMinimumContentsLengthWithIcon)
        self.target.setMinimumContentsLength(12)
        row.addWidget(self.target, 1)
        self.carry_button = QPushButton("Carry panel")
        self.carry_button.setToolTip(
            "Copy this panel's functions, tasks and KSAs into the later meeting; its votes there are its own"
        )
        self.carry_button.clicked.connect(self._on_carry)
        row.addWidget(self.carry_button)
        layout.addLayout(row)
        self.setWidget(scrolling_body(body))
        controller.changed.connect(self._on_changed)

    @property
    def session(self):
        return self.controller.ws.sessions[self.session_id]

    def reload(self, panel_id: str | None) -> None:
        self.panel_id = panel_id
        ws = self.controller.ws
        if self.session_id not in ws.sessions:
            return
        panel = self.session.panels.get(panel_id) if panel_id else None
        self.table.setRowCount(0)
        self.target.clear()
        self.carry_button.setEnabled(panel is not None)
        if panel is None:
            self.origin.setText("No skill panel yet.")
            self.onward.clear()
            return
        cmp = compare(ws, self.session_id, panel.id, show_now=panel.revealed)
        if cmp is None:
            text = "This panel was not carried from an earlier meeting."
            if panel.origin_panel_id:
                text = "The meeting this panel was carried from is no longer in this workspace."
            self.origin.setText(text)
            self.table.hide()
        else:
            text = headline(cmp)
            if not panel.revealed:
                text = f"Carried from {meeting_name(cmp.earlier)}. This meeting's dots show once revealed."
            self.origin.setText(text)
            self.table.show()
            self._fill(cmp)
        onward = [meeting_name(s.info) for s, _ in carried_into(ws, self.session_id, panel.id)]
        self.onward.setText("Carried on into " + "; ".join(onward) + "." if onward else "")
        self.onward.setVisible(bool(onward))
        for s in later_meetings(ws, self.session_id, panel.id):
            self.target.addItem(meeting_name(s.info), s.id)
        self.target.addItem("A new meeting (validation round)", NEW_MEETING)

    def _fill(self, cmp) -> None:
        rows, _ = voted_rows(cmp)  # the tasks no meeting dotted, unchanged, say nothing here
        self.table.setRowCount(len(rows))
        bold = QFont()
        bold.setBold(True)
        for i, row in enumerate(rows):
            for c, value in enumerate(cells(row)):
                item = QTableWidgetItem(value)
                item.setToolTip(cells(row)[0])
                if c:
                    item.setTextAlignment(Qt.AlignRight | Qt.AlignVCenter if c < 5 else Qt.AlignLeft | Qt.AlignVCenter)
                if row.status != KEPT:
                    item.setFont(bold)
                self.table.setItem(i, c, item)

    def carry(self, into: str) -> str | None:
        """Carry the panel into a session (or NEW_MEETING), as one undo step; the new panel's id, or None."""
        panel = self.session.panels.get(self.panel_id) if self.panel_id else None
        if panel is None:
            return None
        if into == NEW_MEETING:
            add = AddSession(kind="skill-panel", title=f"Validation round: {panel.occupation}"[:200])
            move = CarryPanel(self.session_id, panel.id, add.session_id)
            command = Batch("Carry panel into a new meeting", [add, move])
        else:
            command = move = CarryPanel(self.session_id, panel.id, into)
        if self.controller.run(command) is None:
            return None
        self.carried.emit(move.into_session_id, move.new_panel_id)
        window = self.parent()
        if hasattr(window, "statusBar"):
            later = self.controller.ws.sessions[move.into_session_id].info
            window.statusBar().showMessage(f"Carried into {meeting_name(later)}: open it from the Sessions list.", 8000)
        return move.new_panel_id

    def show_carry(self) -> None:
        """The panel menu's "Carry into a later meeting": the dock up front, the meeting picker in focus."""
        self.show()
        self.raise_()
        self.target.setFocus()

    def _on_carry(self) -> None:
        if self.target.currentData() is not None:
            self.carry(self.target.currentData())

    def _on_changed(self, change) -> None:
        if self.panel_id and change.tables() & {"panels", "tasks", "votes", "sessions", "functions"}:
            self.reload(self.panel_id)

    def shutdown(self) -> None:
        try:
            self.controller.changed.disconnect(self._on_changed)
        except (RuntimeError, TypeError):
            pass
