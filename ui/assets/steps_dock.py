"""Skills between levels: for the gap matrix's linked occupations, what the next level adds (seed 001, step 13).

"Draft from the panels" fills the steps the matrix's pathways call for from the panels' KSAs; every cell
types like the gap matrix's (double-click or F2, Enter saves one command); Delete removes the picked step.
"""

from __future__ import annotations

from PySide6.QtCore import QTimer
from PySide6.QtWidgets import (
    QDockWidget,
    QHBoxLayout,
    QPlainTextEdit,
    QPushButton,
    QStyledItemDelegate,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from cardwall.commands import DeleteLevelStep, DraftLevelSteps, EditLevelStep
from cardwall.later_steps import ordered_steps


class LinesDelegate(QStyledItemDelegate):
    """ "What the next level adds" is one skill a line: its editor keeps the lines (Enter starts a new one;
    Tab or a click elsewhere saves)."""

    def createEditor(self, parent, _option, _index):
        editor = QPlainTextEdit(parent)
        editor.setAccessibleName("What the next level adds")
        editor.setTabChangesFocus(True)
        return editor

    def setEditorData(self, editor, index) -> None:
        editor.setPlainText(index.data() or "")

    def setModelData(self, editor, model, index) -> None:
        model.setData(index, editor.toPlainText())


class StepsDock(QDockWidget):
    COLUMNS = (("Pathway", "pathway"), ("From", "from_occupation"), ("To the next level", "to_occupation"))
    COLUMNS += (("What the next level adds", "adds"),)

    def __init__(self, page) -> None:
        super().__init__("Skills between levels")
        self.setObjectName("steps_dock")
        self.page = page
        body = QWidget()
        layout = QVBoxLayout(body)
        buttons = QHBoxLayout()
        self.draft_button = QPushButton("Draft from the panels' KSAs")
        self.draft_button.clicked.connect(self._on_draft)
        self.delete_button = QPushButton("Delete step")
        self.delete_button.clicked.connect(self._on_delete)
        buttons.addWidget(self.draft_button)
        buttons.addWidget(self.delete_button)
        buttons.addStretch(1)
        layout.addLayout(buttons)
        self.table = QTableWidget(0, len(self.COLUMNS))
        self.table.setAccessibleName("Skills between levels")
        self.table.setHorizontalHeaderLabels([heading for heading, _ in self.COLUMNS])
        self.table.setEditTriggers(QTableWidget.DoubleClicked | QTableWidget.EditKeyPressed)
        self.table.setSelectionBehavior(QTableWidget.SelectRows)
        self.table.setWordWrap(True)
        self.table.horizontalHeader().setStretchLastSection(True)
        self.lines = LinesDelegate(self.table)  # kept on self: the table does not own its delegates
        self.table.setItemDelegateForColumn(len(self.COLUMNS) - 1, self.lines)
        self.table.itemChanged.connect(self._on_item_changed)
        layout.addWidget(self.table, 1)
        self.setWidget(body)
        self.steps: list[str] = []
        page.controller.changed.connect(self._on_changed)
        self.load()

    def _on_changed(self, change) -> None:
        if change.tables() & {"level_steps", "gap_rows"}:
            QTimer.singleShot(0, self, self.load)  # not inside the change that an edit of this table asked for

    def _session(self):
        return self.page.controller.ws.sessions.get(self.page.session_id)

    def load(self) -> None:
        session = self._session()
        if session is None:
            return
        steps = ordered_steps(session)
        self.steps = [s.id for s in steps]
        self.table.blockSignals(True)
        self.table.setRowCount(len(steps))
        for i, s in enumerate(steps):
            for j, (_heading, name) in enumerate(self.COLUMNS):
                self.table.setItem(i, j, QTableWidgetItem(getattr(s, name)))
        self.table.blockSignals(False)
        self.table.resizeColumnsToContents()
        for column in range(len(self.COLUMNS) - 1):
            self.table.setColumnWidth(column, min(self.table.columnWidth(column), 200))
        self.table.resizeRowsToContents()

    def _on_item_changed(self, item: QTableWidgetItem) -> None:
        session = self._session()
        if session is None or item.row() >= len(self.steps):
            return
        step = session.level_steps.get(self.steps[item.row()])
        name = self.COLUMNS[item.column()][1]
        if step is None or getattr(step, name) == item.text():
            return
        if self.page.controller.run(EditLevelStep(self.page.session_id, step.id, **{name: item.text()})) is None:
            QTimer.singleShot(0, self, self.load)  # refused: show what is saved

    def _on_draft(self) -> None:
        self.page.controller.run(DraftLevelSteps(self.page.session_id))

    def _on_delete(self) -> None:
        index = self.table.currentRow()
        if 0 <= index < len(self.steps):
            self.page.controller.run(DeleteLevelStep(self.page.session_id, self.steps[index]))
        else:
            self.page.controller.refused.emit("Pick a step first.")
