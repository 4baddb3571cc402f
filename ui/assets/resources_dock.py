"""The resource map beside the asset map (seed 002, Appendix C): a partner a row, typed into its cells."""

from __future__ import annotations

from PySide6.QtCore import QTimer
from PySide6.QtWidgets import (
    QComboBox,
    QDockWidget,
    QHBoxLayout,
    QLineEdit,
    QPushButton,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from cardwall.assets import PARTNER_TYPE_LABELS, RESOURCE_COLUMNS, ordered_resources
from cardwall.commands import AddResource, DeleteResource, EditResource

SHORT_TYPES = {
    "secondary-cte": "Secondary CTE",
    "post-secondary": "Post-secondary",
    "workforce": "Workforce development",
    "community-based": "Community-based",
    "industry": "Industry",
}


class ResourceDock(QDockWidget):
    TYPE_COLUMN = 1

    def __init__(self, page) -> None:
        super().__init__("Resource map")
        self.setObjectName("resource_dock")
        self.page = page
        body = QWidget()
        layout = QVBoxLayout(body)
        row = QHBoxLayout()
        self.field = QLineEdit()
        self.field.setPlaceholderText("Type a partner organization and press Enter")
        self.field.setAccessibleName("New partner organization")
        self.field.returnPressed.connect(self._on_return)
        row.addWidget(self.field, 1)
        self.remove_button = QPushButton("Remove")
        self.remove_button.clicked.connect(self._on_remove)
        row.addWidget(self.remove_button)
        layout.addLayout(row)
        headings = [RESOURCE_COLUMNS[0][1], "Type", *(title for _, title in RESOURCE_COLUMNS[1:])]
        self.names = [RESOURCE_COLUMNS[0][0], None, *(name for name, _ in RESOURCE_COLUMNS[1:])]
        self.table = QTableWidget(0, len(headings))
        self.table.setHorizontalHeaderLabels(headings)
        self.table.setEditTriggers(QTableWidget.DoubleClicked | QTableWidget.EditKeyPressed)
        self.table.itemChanged.connect(self._on_item_changed)
        layout.addWidget(self.table, 1)
        self.setWidget(body)
        self.rows: list[str] = []
        page.controller.changed.connect(self._on_changed)
        self.load()

    def _on_changed(self, _change) -> None:
        QTimer.singleShot(0, self, self.load)  # a type box that asked for the change is rebuilt by it

    def _session(self):
        return self.page.controller.ws.sessions.get(self.page.session_id)

    def load(self) -> None:
        session = self._session()
        if session is None:
            return
        entries = ordered_resources(session)
        self.rows = [r.id for r in entries]
        self.table.blockSignals(True)
        self.table.setRowCount(len(entries))
        for i, r in enumerate(entries):
            for j, name in enumerate(self.names):
                if name is not None:
                    self.table.setItem(i, j, QTableWidgetItem(getattr(r, name)))
            box = QComboBox()
            box.setAccessibleName(f"Type of {r.organization}")
            for key in PARTNER_TYPE_LABELS:
                box.addItem(SHORT_TYPES[key], key)
            box.setCurrentIndex(max(0, box.findData(r.partner_type)))
            box.currentIndexChanged.connect(lambda _i, rid=r.id, b=box: self._edit(rid, partner_type=b.currentData()))
            self.table.setCellWidget(i, self.TYPE_COLUMN, box)
        self.table.blockSignals(False)
        self.table.resizeColumnsToContents()
        for column in range(len(self.names)):
            self.table.setColumnWidth(column, min(self.table.columnWidth(column), 200))

    def _edit(self, resource_id: str, **changes) -> None:
        session = self._session()
        entry = session.resources.get(resource_id) if session else None
        if entry is None or all(getattr(entry, k) == v for k, v in changes.items()):
            return
        if self.page.controller.run(EditResource(self.page.session_id, resource_id, **changes)) is None:
            QTimer.singleShot(0, self, self.load)  # refused: show what is saved

    def _on_item_changed(self, item: QTableWidgetItem) -> None:
        name = self.names[item.column()]
        if name is not None and item.row() < len(self.rows):
            self._edit(self.rows[item.row()], **{name: item.text()})

    def _on_return(self) -> None:
        text = self.field.text()
        if text.strip() and self.page.controller.run(AddResource(self.page.session_id, text)):
            self.field.clear()

    def _on_remove(self) -> None:
        index = self.table.currentRow()
        if 0 <= index < len(self.rows):
            self.page.controller.run(DeleteResource(self.page.session_id, self.rows[index]))

    def type_box(self, resource_id: str) -> QComboBox:
        return self.table.cellWidget(self.rows.index(resource_id), self.TYPE_COLUMN)
