"""Who is in the room: a table to read and edit, and a line to add people as fast as they introduce themselves."""

from __future__ import annotations

from PySide6.QtCore import QEvent, QSignalBlocker, Qt
from PySide6.QtGui import QKeySequence, QShortcut
from PySide6.QtWidgets import (
    QAbstractItemView,
    QComboBox,
    QDockWidget,
    QHBoxLayout,
    QHeaderView,
    QLineEdit,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from cardwall.commands import AddParticipant, DeleteParticipant, EditParticipant
from cardwall.model import ROLES
from ui.controller import Controller
from ui.rows_when_seen import RowsWhenSeen

COLUMNS = ("name", "organization", "role", "email")
HEADERS = ("Name", "Organization", "Role", "E-mail")
ROLE_WIDTH = 118
MIN_COLUMN = 60  # narrower, a name or organization is mostly "…"


def parse_person(line: str) -> tuple[str, str]:
    """'Ana Ruiz, Acme Tool' -> ('Ana Ruiz', 'Acme Tool'); a tab works too (pasted from a sheet)."""
    for sep in ("\t", ","):
        if sep in line:
            name, _, org = line.partition(sep)
            return name.strip(), org.strip()
    return line.strip(), ""


class ParticipantsDock(QDockWidget):
    def __init__(self, controller: Controller, session_id: str, parent: QWidget | None = None) -> None:
        super().__init__("Participants", parent)
        self.setObjectName("participants")
        self.controller, self.session_id = controller, session_id
        self._loading = False

        self._table = QTableWidget(0, len(COLUMNS))
        self._table.setAccessibleName("Participants")
        self._table.setTabKeyNavigation(False)  # Tab leaves the table (arrows move between its cells)
        self._table.setHorizontalHeaderLabels(HEADERS)
        header = self._table.horizontalHeader()
        header.setSectionResizeMode(QHeaderView.Fixed)  # shared out by _share_columns as the width changes
        header.setStretchLastSection(False)
        header.setMinimumSectionSize(40)
        # Cut in the middle only when the dock is too narrow ("Uncom…Tool & Die"), the whole text in the tooltip.
        self._table.setWordWrap(True)
        self._table.setTextElideMode(Qt.ElideMiddle)
        self._table.setHorizontalScrollBarPolicy(Qt.ScrollBarAlwaysOff)
        self._table.viewport().installEventFilter(self)
        self.setMinimumWidth(220)
        self._table.setSelectionBehavior(QAbstractItemView.SelectRows)
        self._table.verticalHeader().hide()
        self._table.itemChanged.connect(self._on_item_changed)
        # PySide6 drops `context=` given beside a callable (the shortcut became window-wide and took the
        # wall's Delete): set it on the shortcut itself.
        QShortcut(QKeySequence.Delete, self._table, self._on_delete).setContext(Qt.WidgetShortcut)

        self.entry = QLineEdit()
        self.entry.setPlaceholderText("Name, Organization  then Enter")
        self.entry.returnPressed.connect(self._on_add)
        self.role = QComboBox()
        self.role.addItems(ROLES)
        self.role.setToolTip("Role of the next person added")

        add_row = QHBoxLayout()
        add_row.addWidget(self.entry, 1)
        add_row.addWidget(self.role)
        body = QWidget()
        layout = QVBoxLayout(body)
        layout.addLayout(add_row)
        layout.addWidget(self._table)
        self.setWidget(body)

        controller.changed.connect(self._on_changed)
        self.rows = RowsWhenSeen(self, self._fill)  # behind the Sessions tab at start: filled when first seen

    def eventFilter(self, watched, event) -> bool:
        if watched is self._table.viewport() and event.type() == QEvent.Resize:
            self._share_columns()
        return super().eventFilter(watched, event)

    def _share_columns(self) -> None:
        """Each column the width its words need; the name takes what is left over. A narrow dock (a 1280 px
        projector) drops the e-mail column first, then gives each name two lines, its longest word whole, and
        cuts organizations in the middle; a dock too narrow for that drops organizations too (the name's
        tooltip says it)."""
        table = self._table
        metrics = table.fontMetrics()

        def widest(texts: list[str]) -> int:
            return max((metrics.horizontalAdvance(t) for t in texts), default=24) + 16

        cells = [[table.item(r, c).text() for r in range(table.rowCount()) if table.item(r, c)] for c in range(4)]
        roles = [box.currentText() for r in range(table.rowCount()) if (box := table.cellWidget(r, 2)) is not None]
        need = [widest([HEADERS[c], *cells[c]]) for c in range(4)]
        need[2] = min(ROLE_WIDTH, widest(roles) + 24)  # the drop-down's arrow beside the widest role shown
        width = table.viewport().width()
        narrow = sum(need) > width
        table.setColumnHidden(3, narrow)
        left = width - need[2] - (0 if narrow else need[3])
        name = need[0]
        if need[0] + need[1] > left:  # two lines a row; the name its longest word, the organization the rest
            name = min(widest([word for text in cells[0] for word in text.split()]), left - MIN_COLUMN)
        org = min(need[1], left - name)
        table.setColumnHidden(1, org < MIN_COLUMN)
        org = org if org >= MIN_COLUMN else 0
        for column, size in ((0, max(MIN_COLUMN, left - org)), (1, org), (2, need[2]), (3, need[3])):
            table.setColumnWidth(column, size)

    @property
    def table(self) -> QTableWidget:
        self.rows.fresh()
        return self._table

    def _on_role_chosen(self, box: QComboBox, participant_id: str, was: str, role: str) -> None:
        if not self.controller.run(EditParticipant(self.session_id, participant_id, role=role)):
            with QSignalBlocker(box):  # refused (a voter with dots cannot become a partner): show what holds
                box.setCurrentText(was)

    def reload(self) -> None:
        self.rows.changed()

    def _fill(self) -> None:
        session = self.controller.ws.sessions.get(self.session_id)
        if session is None:
            return
        self._loading = True
        people = session.ordered_participants()
        self._table.setRowCount(0)  # drops the old role boxes with their rows
        self._table.setRowCount(len(people))
        for row, person in enumerate(people):
            for col, name in enumerate(COLUMNS):
                if name == "role":
                    box = QComboBox()
                    box.addItems(ROLES)
                    box.setCurrentText(person.role)
                    box.currentTextChanged.connect(
                        lambda role, pid=person.id, box=box, was=person.role: self._on_role_chosen(box, pid, was, role)
                    )
                    self._table.setCellWidget(row, col, box)
                    continue
                item = QTableWidgetItem(getattr(person, name))
                # the organization rides along with the name: a narrow dock leaves its column out
                item.setToolTip(
                    ", ".join(t for t in (item.text(), person.organization) if t) if name == "name" else item.text()
                )
                item.setData(Qt.UserRole, person.id)
                self._table.setItem(row, col, item)
        self._loading = False
        self._share_columns()

    def _on_changed(self, change) -> None:
        if "participants" in change.tables() and self.session_id in change.sessions():
            self.reload()

    def _on_add(self) -> None:
        text = self.entry.text().strip()
        if not text:
            return
        name, org = parse_person(text)
        if self.controller.run(
            AddParticipant(self.session_id, name=name, organization=org, role=self.role.currentText())
        ):
            self.entry.clear()

    def _on_item_changed(self, item: QTableWidgetItem) -> None:
        if self._loading:
            return
        pid = item.data(Qt.UserRole)
        field = COLUMNS[item.column()]
        if not self.controller.run(EditParticipant(self.session_id, pid, **{field: item.text()})):
            self.reload()

    def _on_delete(self) -> None:
        rows = sorted({i.row() for i in self.table.selectedIndexes()}, reverse=True)
        for row in rows:
            item = self.table.item(row, 0)
            if item is not None:
                self.controller.run(DeleteParticipant(self.session_id, item.data(Qt.UserRole)))
