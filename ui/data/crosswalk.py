"""The Stacked SOC Codes Crosswalk: the wall's occupations by level (Advanced on top), editable in place.

Each row is one critical occupation (a stack on the wall): SOC code, SOC
title, median wage and employment in the partnership's region, the
employer notes, and what the pathway map shows a job seeker: the typical
education and credentials, a short job description and the tools and
technology. Editing a cell runs one EditCard on the stack's top card.
"""

from __future__ import annotations

from PySide6.QtCore import Qt, QTimer
from PySide6.QtGui import QBrush, QColor, QFont
from PySide6.QtWidgets import (
    QAbstractItemView,
    QDialog,
    QDialogButtonBox,
    QHeaderView,
    QLabel,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
)

from cardwall.commands import EditCard
from cardwall.soc import format_count, is_soc_code
from cardwall.wall import critical_occupations
from storage.labor import SOURCE
from ui.data.loader import imported_note, partnership_area, partnership_figures, when_loaded

COLUMNS = (
    "Occupation",
    "SOC code",
    "SOC title",
    "Median wage",
    "Employment",
    "Employer notes",
    "Education",
    "Credentials",
    "Job description",
    "Tools & technology",
)
EDITABLE = {
    1: "soc_code",
    2: "soc_title",
    5: "notes",
    6: "education",
    7: "credentials",
    8: "description",
    9: "tools",
}
LEVEL_FILL = QColor("#e8edf4")


class CrosswalkDialog(QDialog):
    def __init__(self, controller, session_id: str, parent=None) -> None:
        super().__init__(parent)
        self.setWindowTitle("SOC crosswalk")
        screen = (parent.screen() if parent is not None else self.screen()).availableGeometry()
        self.resize(min(1200, screen.width() - 40), min(640, screen.height() - 60))  # a 1280x720 laptop too
        self.controller, self.session_id = controller, session_id
        self.data = None
        self._filling = False
        self.row_cards: dict[int, str] = {}
        self.table = QTableWidget(0, len(COLUMNS))
        self.table.setHorizontalHeaderLabels(COLUMNS)
        self.table.verticalHeader().setVisible(False)
        self.table.setEditTriggers(
            QAbstractItemView.DoubleClicked | QAbstractItemView.EditKeyPressed | QAbstractItemView.AnyKeyPressed
        )
        self.table.setWordWrap(True)
        header = self.table.horizontalHeader()
        header.setSectionResizeMode(QHeaderView.Interactive)
        for column, width in enumerate((190, 80, 220, 100, 100, 260, 130, 130, 280, 180)):
            self.table.setColumnWidth(column, width)
        header.setStretchLastSection(True)
        self.table.itemChanged.connect(self._on_item_changed)
        self.caption = QLabel()
        self.caption.setWordWrap(True)
        self.caption.setStyleSheet("color: #555b66;")
        self.message = QLabel()
        self.message.setStyleSheet("color: #b00020;")
        buttons = QDialogButtonBox(QDialogButtonBox.Close)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(QLabel("<b>Stacked SOC codes crosswalk</b> — double-click a cell to edit it"))
        layout.addWidget(self.table, 1)
        layout.addWidget(self.caption)
        layout.addWidget(self.message)
        layout.addWidget(buttons)
        controller.changed.connect(self._on_changed)
        controller.refused.connect(self.message.setText)
        self.fill()
        when_loaded(self, self._on_loaded)

    def _on_loaded(self, data) -> None:
        self.data = data
        self.fill()

    def _on_changed(self, change) -> None:
        if change.tables() & {"cards", "levels", "categories", "partnership"}:
            # Never rebuild the table under the editor that is committing: refill once it has closed.
            QTimer.singleShot(0, self.fill)

    def fill(self) -> None:
        session = self.controller.ws.sessions.get(self.session_id)
        if session is None or self.table.state() == QAbstractItemView.EditingState:
            return
        self._filling = True
        self.table.setRowCount(0)
        self.row_cards = {}
        figures = partnership_figures(self.controller, self.data) if self.data is not None else {}
        occupations = critical_occupations(session)
        bold = QFont(self.table.font())
        bold.setBold(True)
        for level in reversed(session.ordered_levels()):  # Advanced on top, as on the wall
            mine = [o for o in occupations if o.root.level_id == level.id]
            row = self.table.rowCount()
            self.table.insertRow(row)
            band = QTableWidgetItem(f"{level.name} ({len(mine)})")
            band.setFlags(Qt.ItemIsEnabled)
            band.setFont(bold)
            band.setBackground(QBrush(LEVEL_FILL))
            self.table.setItem(row, 0, band)
            self.table.setSpan(row, 0, 1, len(COLUMNS))
            for occupation in mine:
                card = occupation.root
                figure = figures.get(card.soc_code) if card.soc_code else None
                row = self.table.rowCount()
                self.table.insertRow(row)
                self.row_cards[row] = card.id
                count = f"  ×{occupation.employers}" if occupation.employers > 1 else ""
                values = (
                    f"{card.text}{count}",
                    card.soc_code,
                    card.soc_title or self._title_of(card.soc_code),  # the code's own title when none was typed
                    figure.wage if figure else "—",
                    format_count(figure.employment) if figure else "—",
                    card.notes,
                    card.education,
                    card.credentials,
                    card.description,
                    card.tools,
                )
                for column, value in enumerate(values):
                    item = QTableWidgetItem(value)
                    if column not in EDITABLE:
                        item.setFlags(Qt.ItemIsEnabled | Qt.ItemIsSelectable)
                    if column in (3, 4):
                        item.setTextAlignment(Qt.AlignRight | Qt.AlignVCenter)
                    if column == 3 and figure is not None and figure.source != SOURCE:
                        item.setToolTip(f"Source: {figure.source}")
                    self.table.setItem(row, column, item)
        self.table.resizeRowsToContents()
        area = self.data.area_label(partnership_area(self.controller)) if self.data else "…"
        self.caption.setText(
            f"Median annual wage and employment: {area}. Source: {SOURCE}.{imported_note(self.controller)}"
        )
        self._filling = False

    def _title_of(self, code: str) -> str:
        known = self.data.occupations.get(code) if self.data is not None and code else None
        return known.title if known else ""

    def _on_item_changed(self, item: QTableWidgetItem) -> None:
        if self._filling or item.column() not in EDITABLE or item.row() not in self.row_cards:
            return
        card_id = self.row_cards[item.row()]
        field = EDITABLE[item.column()]
        value = item.text().strip()
        changes = {field: value}
        if field == "soc_code" and is_soc_code(value) and self.data is not None:
            known = self.data.occupations.get(value)
            if known is not None and known.level == "detailed":
                changes["soc_title"] = known.title  # the code's title comes with it
        self.message.clear()
        if self.controller.run(EditCard(self.session_id, card_id, **changes)) is None:
            QTimer.singleShot(0, self.fill)  # refused: show what the card really holds
