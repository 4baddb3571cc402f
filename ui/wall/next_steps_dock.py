"""Next steps of the session (what, who, by when, how soon) and when employers hear from us again.

Both go into the summary the convener sends. A line and Enter adds a step;
the table edits in place; Alt+Up/Down reorders; Delete removes. Each edit is one command.
"""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtGui import QFont, QKeySequence, QShortcut
from PySide6.QtWidgets import (
    QAbstractItemView,
    QComboBox,
    QDockWidget,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QPlainTextEdit,
    QPushButton,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from cardwall.commands import AddNextStep, Batch, DeleteNextStep, EditNextStep, EditSession, MoveNextStep
from cardwall.model import HORIZON_LABELS, HORIZONS
from ui.controller import Controller
from ui.dock_body import scrolling_body
from ui.focus import FocusOutFilter
from ui.rows_when_seen import RowsWhenSeen

COLUMNS = ("text", "owner", "due", "horizon")
HEADERS = ("Next step", "Owner", "Due", "When")
SHORT_HORIZONS = {"early-win": "Early win", "short-term": "3-6 months", "long-term": "6-12 months"}


class NextStepsDock(QDockWidget):
    def __init__(self, controller: Controller, session_id: str, parent: QWidget | None = None) -> None:
        super().__init__("Next steps", parent)
        self.setObjectName("next-steps")
        self.controller, self.session_id = controller, session_id
        self._loading = False

        self.entry = QLineEdit()
        self.entry.setPlaceholderText("A next step, then Enter")
        self.entry.setAccessibleName("New next step")
        self.entry.returnPressed.connect(self._on_add)
        self.horizon = QComboBox()
        for i, horizon in enumerate(HORIZONS):
            self.horizon.addItem(SHORT_HORIZONS[horizon], horizon)
            self.horizon.setItemData(i, HORIZON_LABELS[horizon], Qt.ToolTipRole)
        self.horizon.setCurrentIndex(HORIZONS.index("short-term"))
        self.horizon.setToolTip("How soon, for the next step added")
        add_row = QHBoxLayout()
        add_row.addWidget(self.entry, 1)
        add_row.addWidget(self.horizon)

        self._table = QTableWidget(0, len(COLUMNS))
        self._table.setAccessibleName("Next steps")
        self._table.setTabKeyNavigation(False)  # Tab leaves the table; arrows move between cells
        self._table.setHorizontalHeaderLabels(HEADERS)
        header = self._table.horizontalHeader()
        header.setSectionResizeMode(0, QHeaderView.Stretch)  # the step itself wraps; the rest stay narrow
        for col, width in ((1, 100), (2, 100), (3, 122)):
            header.setSectionResizeMode(col, QHeaderView.Interactive)
            self._table.setColumnWidth(col, width)
        self._table.setHorizontalScrollBarPolicy(Qt.ScrollBarAlwaysOff)
        self._table.setSelectionBehavior(QAbstractItemView.SelectRows)
        self._table.setWordWrap(True)
        self._table.verticalHeader().hide()
        self._table.itemChanged.connect(self._on_item_changed)
        # Set apart from the constructor: PySide6 drops `context=` given beside a callable.
        QShortcut(QKeySequence.Delete, self._table, self.delete_selected).setContext(Qt.WidgetShortcut)
        self.delete_button = QPushButton("Delete step")
        self.delete_button.clicked.connect(self.delete_selected)
        self.up_button = QPushButton("▲ Up")
        self.up_button.setToolTip("Move the selected step up (Alt+Up)")
        self.up_button.clicked.connect(lambda: self.move_selected(-1))
        self.down_button = QPushButton("▼ Down")
        self.down_button.setToolTip("Move the selected step down (Alt+Down)")
        self.down_button.clicked.connect(lambda: self.move_selected(1))
        for keys, delta in (("Alt+Up", -1), ("Alt+Down", 1)):
            QShortcut(QKeySequence(keys), self._table, lambda d=delta: self.move_selected(d)).setContext(
                Qt.WidgetShortcut
            )

        self.reengage = QPlainTextEdit()
        self.reengage.setAccessibleName("Re-engagement")
        self.reengage.setPlaceholderText("When and how employers will hear from us again (goes into the summary)")
        self.reengage.setMaximumHeight(80)
        self.reengage.installEventFilter(FocusOutFilter(self.commit_reengage, self))

        self.message = QLabel()
        self.message.setWordWrap(True)
        self.message.setStyleSheet("color: #b00020; font-weight: bold;")

        body = QWidget()
        layout = QVBoxLayout(body)
        layout.addLayout(add_row)
        layout.addWidget(self.message)
        layout.addWidget(self._table, 1)
        row_buttons = QHBoxLayout()
        for button in (self.up_button, self.down_button):
            button.setMinimumWidth(56)  # a narrow dock keeps the three buttons on one row
        row_buttons.addWidget(self.up_button)
        row_buttons.addWidget(self.down_button)
        row_buttons.addStretch(1)
        row_buttons.addWidget(self.delete_button)
        layout.addLayout(row_buttons)
        reengage_label = QLabel("We will re-engage employers:")
        reengage_label.setWordWrap(True)
        layout.addWidget(reengage_label)
        layout.addWidget(self.reengage)
        font = QFont(body.font())
        font.setPointSize(12)
        body.setFont(font)
        self.setWidget(scrolling_body(body))  # a short screen scrolls the dock, never clips it

        controller.changed.connect(self._on_changed)
        self.rows = RowsWhenSeen(self, self._fill)  # behind the Script tab at start: filled when first seen
        self._load_reengage()

    @property
    def table(self) -> QTableWidget:
        self.rows.fresh()
        return self._table

    @property
    def session(self):
        return self.controller.ws.sessions.get(self.session_id)

    def reload(self) -> None:
        self.rows.changed()

    def _fill(self) -> None:
        session = self.session
        if session is None:
            return
        self._loading = True
        steps = session.ordered_next_steps()
        self._table.setRowCount(len(steps))
        for row, step in enumerate(steps):
            for col, name in enumerate(COLUMNS):
                if name == "horizon":
                    box = QComboBox()
                    for i, horizon in enumerate(HORIZONS):
                        box.addItem(SHORT_HORIZONS[horizon], horizon)
                        box.setItemData(i, HORIZON_LABELS[horizon], Qt.ToolTipRole)
                    box.setCurrentIndex(HORIZONS.index(step.horizon) if step.horizon in HORIZONS else 0)
                    box.activated.connect(
                        lambda _i, b=box, sid=step.id: self._run(
                            EditNextStep(self.session_id, sid, horizon=b.currentData())
                        )
                    )
                    self._table.setCellWidget(row, col, box)
                    continue
                item = QTableWidgetItem(getattr(step, name))
                item.setData(Qt.UserRole, step.id)
                if name == "due":
                    item.setToolTip("A date like 2026-12-01")
                self._table.setItem(row, col, item)
        self._table.resizeRowsToContents()
        self._loading = False

    def _load_reengage(self) -> None:
        session = self.session
        if session is not None and not self.reengage.hasFocus():
            self.reengage.setPlainText(session.info.reengage)

    # --- edits ---------------------------------------------------------------------------

    def _run(self, command):
        change = self.controller.run(command)
        self.message.setText("" if change is not None else self.controller.last_refusal)
        return change

    def _on_add(self) -> None:
        command = AddNextStep(self.session_id, text=self.entry.text(), horizon=self.horizon.currentData())
        if self._run(command):
            self.entry.clear()

    def _on_item_changed(self, item: QTableWidgetItem) -> None:
        if self._loading:
            return
        name = COLUMNS[item.column()]
        if not self._run(EditNextStep(self.session_id, item.data(Qt.UserRole), **{name: item.text()})):
            self.reload()  # back to what the workspace holds; the message says why

    def delete_selected(self) -> None:
        rows = sorted({i.row() for i in self.table.selectedIndexes()})
        commands = [DeleteNextStep(self.session_id, self.table.item(row, 0).data(Qt.UserRole)) for row in rows]
        if len(commands) == 1:
            self._run(commands[0])
        elif commands:
            self._run(Batch(f"Delete {len(commands)} next steps", commands))

    def move_selected(self, delta: int) -> None:
        """The selected step one place up (-1) or down (+1); it stays selected."""
        rows = sorted({i.row() for i in self.table.selectedIndexes()})
        if len(rows) != 1 or not 0 <= rows[0] + delta < self.table.rowCount():
            return
        step_id = self.table.item(rows[0], 0).data(Qt.UserRole)
        if self._run(MoveNextStep(self.session_id, step_id, rows[0] + delta)):
            self.table.selectRow(rows[0] + delta)

    def commit_reengage(self) -> None:
        session = self.session
        if session is None:
            return
        text = self.reengage.toPlainText()
        if text.strip() != session.info.reengage.strip():
            command = EditSession(self.session_id, reengage=text)
            command.label = "Edit re-engagement"
            self._run(command)

    def _on_changed(self, change) -> None:
        if self.session_id not in change.sessions():
            return
        if "next_steps" in change.tables():
            self.reload()
        if "sessions" in change.tables():
            self._load_reengage()

    def shutdown(self) -> None:
        self.commit_reengage()
