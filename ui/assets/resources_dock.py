"""The resource map beside the asset map (seed 002, Appendix C): a partner a row, typed into its cells."""

from __future__ import annotations

from PySide6.QtWidgets import QComboBox, QHBoxLayout, QLineEdit, QPushButton, QVBoxLayout, QWidget

from cardwall.assets import PARTNER_TYPE_LABELS, RESOURCE_COLUMNS, ordered_resources
from cardwall.commands import AddResource, DeleteResource, EditResource
from ui.assets.entity_table import EntityTableDock

SHORT_TYPES = {
    "secondary-cte": "Secondary CTE",
    "post-secondary": "Post-secondary",
    "workforce": "Workforce development",
    "community-based": "Community-based",
    "industry": "Industry",
}


class ResourceDock(EntityTableDock):
    COLUMNS = (
        (RESOURCE_COLUMNS[0][1], RESOURCE_COLUMNS[0][0]),
        ("Type", None),
        *((t, n) for n, t in RESOURCE_COLUMNS[1:]),
    )
    COLLECTION = "resources"
    TYPE_COLUMN = 1

    def __init__(self, page) -> None:
        super().__init__("Resource map", "resource_dock", page)
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
        layout.addWidget(self.table, 1)
        self.setWidget(body)
        self.load()

    @property
    def rows(self) -> list[str]:
        return self.ids

    def entries(self, session) -> list:
        return ordered_resources(session)

    def edit_command(self, entity_id: str, **changes):
        return EditResource(self.page.session_id, entity_id, **changes)

    def fill_row(self, row: int, entry) -> None:
        box = QComboBox()
        box.setAccessibleName(f"Type of {entry.organization}")
        for key in PARTNER_TYPE_LABELS:
            box.addItem(SHORT_TYPES[key], key)
        box.setCurrentIndex(max(0, box.findData(entry.partner_type)))
        box.currentIndexChanged.connect(lambda _i, rid=entry.id, b=box: self._edit(rid, partner_type=b.currentData()))
        self.table.setCellWidget(row, self.TYPE_COLUMN, box)

    def _on_return(self) -> None:
        text = self.field.text()
        if text.strip() and self.page.controller.run(AddResource(self.page.session_id, text)):
            self.field.clear()

    def _on_remove(self) -> None:
        if (picked := self.picked()) is not None:
            self.page.controller.run(DeleteResource(self.page.session_id, picked))

    def type_box(self, resource_id: str) -> QComboBox:
        return self.table.cellWidget(self.rows.index(resource_id), self.TYPE_COLUMN)
