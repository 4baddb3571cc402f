"""Quick capture of programs: type a name and Enter, or paste a column copied from a spreadsheet."""

from __future__ import annotations

from PySide6.QtGui import QGuiApplication, QKeySequence
from PySide6.QtWidgets import QHBoxLayout, QLabel, QLineEdit, QWidget

from cardwall.commands import AddProgram, add_programs


class ProgramField(QLineEdit):
    """A one-line field; a paste of several lines becomes that many programs in one undo step."""

    def __init__(self, bar: ProgramCapture) -> None:
        super().__init__()
        self.bar = bar
        self.setPlaceholderText("Type a program and press Enter · paste a column to add many")
        self.setAccessibleName("New program")

    def keyPressEvent(self, event) -> None:
        if event.matches(QKeySequence.Paste):
            lines = [x for x in QGuiApplication.clipboard().text().splitlines() if x.strip()]
            if len(lines) > 1:
                self.bar.add_many(lines)
                return
        super().keyPressEvent(event)


class ProgramCapture(QWidget):
    def __init__(self, page) -> None:
        super().__init__()
        self.page = page
        row = QHBoxLayout(self)
        row.setContentsMargins(8, 6, 8, 6)
        row.addWidget(QLabel("Program:"))
        self.field = ProgramField(self)
        self.field.returnPressed.connect(self._on_return)
        row.addWidget(self.field, 1)
        self.where = QLabel()
        self.where.setStyleSheet("color: #555;")
        row.addWidget(self.where)
        from ui.timer_widget import CountdownTimer

        self.timer = CountdownTimer()  # the room's countdown, as on the wall's script dock
        row.addWidget(self.timer)
        page.selection_changed.connect(lambda _ids: self.show_target())
        self.show_target()

    def target(self) -> tuple[str | None, str | None]:
        """The cell last clicked (a column: its entry row), else the first column's entry row, else the tray."""
        session = self.page.controller.ws.sessions[self.page.session_id]
        levels = session.ordered_levels()
        cell = self.page.selected_cell()
        if cell is not None:
            return cell[0], cell[1] or (levels[0].id if levels else None)
        columns = session.ordered_categories()
        if columns and levels:
            return columns[0].id, levels[0].id
        return None, None

    def show_target(self) -> None:
        session = self.page.controller.ws.sessions.get(self.page.session_id)
        if session is None:
            return
        category, level = self.target()
        if category is None:
            self.where.setText("→ unsorted tray")
            return
        self.where.setText(f"→ {session.categories[category].title} · {session.levels[level].name}")

    def _on_return(self) -> None:
        text = self.field.text()
        if not text.strip():
            return
        category, level = self.target()
        if self.page.controller.run(AddProgram(self.page.session_id, text, category_id=category, level_id=level)):
            self.field.clear()

    def add_many(self, lines: list[str]) -> None:
        category, level = self.target()
        self.page.controller.run(add_programs(self.page.session_id, lines, category_id=category, level_id=level))
