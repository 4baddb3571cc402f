"""A dock holding one table of a session's entities, a row each, typed into its cells: each edit is one command.

The resource map and the skills between levels are both such tables; what differs is which entities, in
what order, and the command an edit runs.
"""

from __future__ import annotations

from PySide6.QtCore import QTimer
from PySide6.QtWidgets import QDockWidget, QTableWidget, QTableWidgetItem


class EntityTableDock(QDockWidget):
    COLUMNS: tuple[tuple[str, str | None], ...] = ()  # (heading, entity field); None: a column the dock fills itself
    COLLECTION = ""  # the session's dict of these entities
    WIDEST = 200  # a column wider than this (scene px) wraps rather than pushing the others off the dock
    CAPPED_LAST = True  # the last column is capped too (False: it takes what is left)

    def __init__(self, title: str, object_name: str, page) -> None:
        super().__init__(title)
        self.setObjectName(object_name)
        self.page = page
        self.names = [name for _, name in self.COLUMNS]
        self.table = QTableWidget(0, len(self.COLUMNS))
        self.table.setAccessibleName(title)
        self.table.setHorizontalHeaderLabels([heading for heading, _ in self.COLUMNS])
        self.table.setEditTriggers(QTableWidget.DoubleClicked | QTableWidget.EditKeyPressed)
        self.table.itemChanged.connect(self._on_item_changed)
        self.ids: list[str] = []
        page.controller.changed.connect(self._on_changed)

    def entries(self, session) -> list:
        raise NotImplementedError

    def edit_command(self, entity_id: str, **changes):
        raise NotImplementedError

    def fill_row(self, row: int, entry) -> None:
        """Cells a subclass draws itself (a type box); called with the table's signals blocked."""

    def wants(self, change) -> bool:
        return True

    def _on_changed(self, change) -> None:
        if self.wants(change):
            QTimer.singleShot(0, self, self.load)  # not inside the change that an edit of this table asked for

    def _session(self):
        return self.page.controller.ws.sessions.get(self.page.session_id)

    def load(self) -> None:
        session = self._session()
        if session is None:
            return
        entries = self.entries(session)
        self.ids = [e.id for e in entries]
        self.table.blockSignals(True)
        self.table.setRowCount(len(entries))
        for i, entry in enumerate(entries):
            for j, name in enumerate(self.names):
                if name is not None:
                    self.table.setItem(i, j, QTableWidgetItem(getattr(entry, name)))
            self.fill_row(i, entry)
        self.table.blockSignals(False)
        self.table.resizeColumnsToContents()
        for column in range(len(self.names) - (0 if self.CAPPED_LAST else 1)):
            self.table.setColumnWidth(column, min(self.table.columnWidth(column), self.WIDEST))

    def _edit(self, entity_id: str, **changes) -> None:
        session = self._session()
        entry = getattr(session, self.COLLECTION).get(entity_id) if session else None
        if entry is None or all(getattr(entry, k) == v for k, v in changes.items()):
            return
        if self.page.controller.run(self.edit_command(entity_id, **changes)) is None:
            QTimer.singleShot(0, self, self.load)  # refused: show what is saved

    def _on_item_changed(self, item: QTableWidgetItem) -> None:
        name = self.names[item.column()]
        if name is not None and item.row() < len(self.ids):
            self._edit(self.ids[item.row()], **{name: item.text()})

    def picked(self) -> str | None:
        index = self.table.currentRow()
        return self.ids[index] if 0 <= index < len(self.ids) else None
