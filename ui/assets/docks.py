"""Beside the asset map: the selected program's details, what employers need, and the gap matrix."""

from __future__ import annotations

from html import escape

from PySide6.QtCore import Qt, QTimer
from PySide6.QtGui import QAction, QKeySequence
from PySide6.QtWidgets import (
    QComboBox,
    QDockWidget,
    QFormLayout,
    QHBoxLayout,
    QLineEdit,
    QListWidget,
    QListWidgetItem,
    QPushButton,
    QTableWidget,
    QTableWidgetItem,
    QTextBrowser,
    QVBoxLayout,
    QWidget,
)

from cardwall.assets import COVERAGE_LABELS, SKILL_LEVEL_LABELS, needs, ordered_gap_rows, program_names
from cardwall.commands import (
    AddGapRow,
    DeleteGapRow,
    DomainError,
    EditGapRow,
    EditProgram,
    MarkServes,
    gaps_to_actions,
    seed_gap_matrix,
)
from cardwall.commands.assets import DETAIL_FIELDS


class ProgramDock(QDockWidget):
    """The inventory's fields of the selected program, and the wall's occupations it serves."""

    def __init__(self, page) -> None:
        super().__init__("Program")
        self.setObjectName("program_dock")
        self.page, self.card_id = page, None
        body = QWidget()
        form = QFormLayout(body)
        self.fields: dict[str, QLineEdit] = {}
        for name in DETAIL_FIELDS:
            box = QLineEdit()
            box.setAccessibleName(name)
            box.editingFinished.connect(lambda n=name: self._commit(n))
            self.fields[name] = box
            form.addRow(name.replace("_", " ").capitalize(), box)
        self.serves = QListWidget()
        self.serves.itemChanged.connect(self._on_serves_changed)
        form.addRow("Serves", self.serves)
        self.setWidget(body)
        page.selection_changed.connect(self._on_selection)
        page.controller.changed.connect(self._on_changed)
        self.load()

    def _on_changed(self, _change) -> None:
        self.load()

    def _session(self):
        return self.page.controller.ws.sessions.get(self.page.session_id)

    def _on_selection(self, ids) -> None:
        session = self._session()
        programs = [i for i in ids if session and i in session.cards and session.cards[i].kind == "program"]
        self.card_id = programs[0] if len(programs) == 1 else None
        self.load()

    def load(self) -> None:
        session = self._session()
        card = session.cards.get(self.card_id) if session and self.card_id else None
        detail = session.program_details.get(card.id) if card else None
        self.setWindowTitle(f"Program: {card.text}" if card else "Program (select one on the map)")
        for name, box in self.fields.items():
            box.setEnabled(card is not None)
            value = getattr(detail, name) if detail else ""
            if not box.hasFocus() and box.text() != value:
                box.setText(value)
        self.serves.blockSignals(True)
        self.serves.clear()
        served = set(detail.serves) if detail else set()
        if card is not None:
            for occupation in dict.fromkeys(n.occupation for n in needs(self.page.controller.ws)):
                item = QListWidgetItem(occupation)
                item.setFlags(item.flags() | Qt.ItemIsUserCheckable)
                item.setCheckState(Qt.Checked if occupation in served else Qt.Unchecked)
                self.serves.addItem(item)
        self.serves.blockSignals(False)

    def _commit(self, name: str) -> None:
        session = self._session()
        if not self.card_id or session is None or self.card_id not in session.cards:
            return
        detail = session.program_details.get(self.card_id)
        value = self.fields[name].text()
        if (getattr(detail, name) if detail else "") != value:
            self.page.controller.run(EditProgram(self.page.session_id, self.card_id, **{name: value}))

    def _on_serves_changed(self, _item) -> None:
        if not self.card_id:
            return
        checked = [
            self.serves.item(i).text()
            for i in range(self.serves.count())
            if self.serves.item(i).checkState() == Qt.Checked
        ]
        self.page.controller.run(MarkServes(self.page.session_id, self.card_id, checked))


class NeedsDock(QDockWidget):
    """Read-only: the wall's critical occupations and the skill panels' top tasks and KSAs."""

    def __init__(self, page) -> None:
        super().__init__("What employers need")
        self.setObjectName("needs_dock")
        self.text = QTextBrowser()
        parts = []
        for need in needs(page.controller.ws):
            head = f"<b>{escape(need.occupation)}</b> · {escape(need.pathway)} · {SKILL_LEVEL_LABELS[need.skill_level]}"
            tasks = "".join(f"<li>{escape(t)}</li>" for t in need.tasks)
            ksas = f"<p style='color:#555'>KSAs: {escape('; '.join(need.ksas))}</p>" if need.ksas else ""
            parts.append(f"<p>{head}</p>" + (f"<ul>{tasks}</ul>" if tasks else "") + ksas)
        self.text.setHtml("".join(parts) or "<p>No critical occupations on a wall yet.</p>")
        self.setWidget(self.text)


class GapDock(QDockWidget):
    """The training gap matrix: seed it from the panels, mark coverage, turn gaps into draft actions."""

    # (heading, the row's field typed into that column; None: not typed there)
    COLUMNS = (
        ("Pathway", "pathway"),
        ("Key occupation", "occupation"),
        ("Level", None),
        ("Key training content", "content"),
        ("Delivery model", "delivery"),
        ("Length", "length"),
        ("Credentials", "credentials"),
        ("Equipment / software", "equipment"),
        ("Other notes", "notes"),
        ("Coverage", None),
        ("Programs", None),
    )
    OCCUPATION_COLUMN, COVERAGE_COLUMN, PROGRAMS_COLUMN = 1, 9, 10

    def __init__(self, page) -> None:
        super().__init__("Training gap matrix")
        self.setObjectName("gap_dock")
        self.page = page
        body = QWidget()
        layout = QVBoxLayout(body)
        buttons = QHBoxLayout()
        self.seed_button = QPushButton("Seed from the skill panels")
        self.seed_button.clicked.connect(self._on_seed)
        self.name_button = QPushButton("Covered by the selected programs")
        self.name_button.clicked.connect(self._on_name_programs)
        self.actions_button = QPushButton("Gaps → draft actions")
        self.actions_button.clicked.connect(self._on_actions)
        # A row the panels did not seed (an occupation of the pathway no panel studied), typed by hand.
        self.add_button = QPushButton("Add row")
        self.add_button.setToolTip("A blank row below the selected one (same pathway and level); type into it")
        self.add_button.clicked.connect(self._on_add_row)
        self.delete_button = QPushButton("Delete row")
        self.delete_button.setToolTip("Delete the selected row (Delete); undo brings it back")
        self.delete_button.clicked.connect(self._on_delete_row)
        for b in (self.seed_button, self.name_button, self.actions_button, self.add_button, self.delete_button):
            buttons.addWidget(b)
        layout.addLayout(buttons)
        self.table = QTableWidget(0, len(self.COLUMNS))
        self.table.setHorizontalHeaderLabels([heading for heading, _ in self.COLUMNS])
        # Double-click or F2 types into a cell; Enter saves it as one command.
        self.table.setEditTriggers(QTableWidget.DoubleClicked | QTableWidget.EditKeyPressed)
        self.table.itemChanged.connect(self._on_item_changed)
        self.table.setSelectionBehavior(QTableWidget.SelectRows)
        self.table.setWordWrap(True)
        delete = QAction("Delete row", self.table)
        delete.setShortcut(QKeySequence.Delete)
        delete.setShortcutContext(Qt.WidgetShortcut)  # not while a cell is being typed into (its editor has focus)
        delete.triggered.connect(self._on_delete_row)
        self.table.addAction(delete)
        layout.addWidget(self.table, 1)
        self.setWidget(body)
        self.rows: list[str] = []
        self._type_into: str | None = None  # a row just added: its occupation cell opens for typing
        # Later, not inside the change: a coverage box that asked for the change is rebuilt by it.
        page.controller.changed.connect(self._on_changed)
        self.load()

    def _on_changed(self, _change) -> None:
        QTimer.singleShot(0, self, self.load)  # with self as context: dropped if the dock goes first

    def _session(self):
        return self.page.controller.ws.sessions.get(self.page.session_id)

    def load(self) -> None:
        try:
            session = self._session()
        except RuntimeError:  # the page went before the timer came round
            return
        if session is None:
            return
        rows = ordered_gap_rows(session)
        self.rows = [r.id for r in rows]
        self.table.blockSignals(True)
        self.table.setRowCount(len(rows))
        for i, r in enumerate(rows):
            for j, (_heading, name) in enumerate(self.COLUMNS[: self.COVERAGE_COLUMN]):
                item = QTableWidgetItem(getattr(r, name) if name else SKILL_LEVEL_LABELS[r.skill_level])
                if name is None:
                    item.setFlags(item.flags() & ~Qt.ItemIsEditable)
                self.table.setItem(i, j, item)
            box = QComboBox()
            box.setAccessibleName(f"Coverage of {r.occupation}")
            for key, label in COVERAGE_LABELS.items():
                box.addItem(label, key)
            box.setCurrentIndex(list(COVERAGE_LABELS).index(r.coverage))
            box.currentIndexChanged.connect(lambda _i, rid=r.id, b=box: self._on_coverage(rid, b.currentData()))
            self.table.setCellWidget(i, self.COVERAGE_COLUMN, box)
            named = QTableWidgetItem(", ".join(program_names(session, r)))
            named.setFlags(named.flags() & ~Qt.ItemIsEditable)
            self.table.setItem(i, self.PROGRAMS_COLUMN, named)
        self.table.blockSignals(False)
        self.table.resizeColumnsToContents()
        for column in range(self.COVERAGE_COLUMN):
            self.table.setColumnWidth(column, min(self.table.columnWidth(column), 220))
        self.table.resizeRowsToContents()
        for row in range(self.table.rowCount()):  # a panel's long content reads in full in its editor, not here
            self.table.setRowHeight(row, min(self.table.rowHeight(row), 64))
        if self._type_into in self.rows:
            item = self.table.item(self.rows.index(self._type_into), self.OCCUPATION_COLUMN)
            self.table.setCurrentItem(item)
            self.table.editItem(item)
        self._type_into = None

    def coverage_box(self, row_id: str) -> QComboBox:
        return self.table.cellWidget(self.rows.index(row_id), self.COVERAGE_COLUMN)

    def _on_item_changed(self, item: QTableWidgetItem) -> None:
        name = self.COLUMNS[item.column()][1]
        session = self._session()
        if name is None or session is None or item.row() >= len(self.rows):
            return
        row = session.gap_rows.get(self.rows[item.row()])
        if row is None or getattr(row, name) == item.text():
            return
        if self.page.controller.run(EditGapRow(self.page.session_id, row.id, **{name: item.text()})) is None:
            QTimer.singleShot(0, self, self.load)  # refused: show what is saved

    def _on_coverage(self, row_id: str, coverage: str) -> None:
        session = self._session()
        if session and row_id in session.gap_rows and session.gap_rows[row_id].coverage != coverage:
            self.page.controller.run(EditGapRow(self.page.session_id, row_id, coverage=coverage))

    def _current_row(self) -> str | None:
        index = self.table.currentRow()
        return self.rows[index] if 0 <= index < len(self.rows) else None

    def _on_add_row(self) -> None:
        session = self._session()
        selected = session.gap_rows.get(self._current_row() or "") if session else None
        fields = {"pathway": selected.pathway, "skill_level": selected.skill_level} if selected else {}
        command = AddGapRow(self.page.session_id, fields=fields, after=selected.id if selected else None)
        self._type_into = command.row_id
        if self.page.controller.run(command) is None:
            self._type_into = None

    def _on_delete_row(self) -> None:
        row_id = self._current_row()
        if row_id is None:
            self.page.controller.refused.emit("Pick a row of the matrix first.")
            return
        self.page.controller.run(DeleteGapRow(self.page.session_id, row_id))

    def _on_seed(self) -> None:
        self._run_built(lambda: seed_gap_matrix(self.page.controller.ws, self.page.session_id))

    def _on_name_programs(self) -> None:
        row_id = self._current_row()
        if row_id is None:
            self.page.controller.refused.emit("Pick a row of the matrix first.")
            return
        session = self._session()
        ids = [i for i in self.page.selected_card_ids() if session.cards[i].kind == "program"]
        self.page.controller.run(EditGapRow(self.page.session_id, row_id, programs=tuple(ids)))

    def _on_actions(self) -> None:
        ws = self.page.controller.ws
        plans = [s for s in ws.ordered_sessions() if s.info.kind == "action-plan"]
        if not plans:
            self.page.controller.refused.emit("Add an action-plan session first (File > New session); gaps go there.")
            return
        self._run_built(lambda: gaps_to_actions(ws, self.page.session_id, plans[-1].id))

    def _run_built(self, build) -> None:
        """Commands built from the workspace refuse while being built: say so like any refusal."""
        try:
            command = build()
        except DomainError as exc:
            self.page.controller.last_refusal = str(exc)
            self.page.controller.refused.emit(str(exc))
            return
        self.page.controller.run(command)
