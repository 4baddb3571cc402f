"""Skills between levels: for the gap matrix's linked occupations, what the next level adds (seed 001, step 13).

"Draft from the panels" fills the steps the matrix's pathways call for from the panels' KSAs; every cell
types like the gap matrix's (double-click or F2, Enter saves one command); Delete removes the picked step.
"""

from __future__ import annotations

from PySide6.QtWidgets import (
    QHBoxLayout,
    QPlainTextEdit,
    QPushButton,
    QStyledItemDelegate,
    QTableWidget,
    QVBoxLayout,
    QWidget,
)

from cardwall.commands import DeleteLevelStep, DraftLevelSteps, EditLevelStep
from cardwall.later_steps import ordered_steps
from ui.assets.entity_table import EntityTableDock


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


class StepsDock(EntityTableDock):
    COLUMNS = (("Pathway", "pathway"), ("From", "from_occupation"), ("To the next level", "to_occupation"))
    COLUMNS += (("What the next level adds", "adds"),)
    COLLECTION = "level_steps"
    CAPPED_LAST = False

    def __init__(self, page) -> None:
        super().__init__("Skills between levels", "steps_dock", page)
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
        self.table.setSelectionBehavior(QTableWidget.SelectRows)
        self.table.setWordWrap(True)
        self.table.horizontalHeader().setStretchLastSection(True)
        self.lines = LinesDelegate(self.table)  # kept on self: the table does not own its delegates
        self.table.setItemDelegateForColumn(len(self.COLUMNS) - 1, self.lines)
        layout.addWidget(self.table, 1)
        self.setWidget(body)
        self.load()

    @property
    def steps(self) -> list[str]:
        return self.ids

    def wants(self, change) -> bool:
        return bool(change.tables() & {"level_steps", "gap_rows"})

    def entries(self, session) -> list:
        return ordered_steps(session)

    def edit_command(self, entity_id: str, **changes):
        return EditLevelStep(self.page.session_id, entity_id, **changes)

    def load(self) -> None:
        super().load()
        self.table.resizeRowsToContents()

    def _on_draft(self) -> None:
        self.page.controller.run(DraftLevelSteps(self.page.session_id))

    def _on_delete(self) -> None:
        if (picked := self.picked()) is not None:
            self.page.controller.run(DeleteLevelStep(self.page.session_id, picked))
        else:
            self.page.controller.refused.emit("Pick a step first.")
