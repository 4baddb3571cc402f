"""Find on the wall: Ctrl+F, type, and the wall highlights the cards that match; Esc clears.

The label beside the box says how many cards match, or that none does; Enter (or F3, or Down) goes
to the next match, Shift+Enter (Shift+F3, Up) to the previous one: the card is selected and shown.
"""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtGui import QFont, QKeySequence, QShortcut
from PySide6.QtWidgets import QLabel, QLineEdit, QWidget

NEXT_KEYS = (Qt.Key_Return, Qt.Key_Enter, Qt.Key_F3, Qt.Key_Down)


class FindBox(QLineEdit):
    """A search field that asks the page to highlight matching cards as you type."""

    def __init__(self, page, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.page = page
        self.setObjectName("find-box")
        self.setPlaceholderText("Find on the wall  (Ctrl+F)")
        self.setAccessibleName("Find on the wall")
        self.setToolTip("Enter: next match · Shift+Enter: previous · Esc: clear")
        self.setClearButtonEnabled(True)
        font = QFont(self.font())
        font.setPointSize(13)
        self.setFont(font)
        self.setMinimumWidth(200)
        self.status = QLabel()  # the page puts it beside the box
        self.status.setAccessibleName("Find result")
        self.matches: list[str] = []
        self.current = -1
        self.textChanged.connect(self._on_text_changed)
        QShortcut(QKeySequence.Find, self, self.focus_find, context=Qt.WindowShortcut)

    def focus_find(self) -> None:
        self.setFocus(Qt.ShortcutFocusReason)
        self.selectAll()

    def _on_text_changed(self, text: str) -> None:
        needle = text.strip()
        self.matches = list(self.page.highlight(needle) or []) if needle else []
        if not needle:
            self.page.highlight("")
        self.current = -1
        self._say()

    def step(self, by: int) -> None:
        """Select and show the next (`by` 1) or previous (-1) matching card."""
        if not self.matches:
            return
        self.current = (self.current + by) % len(self.matches) if self.current >= 0 else (0 if by > 0 else -1)
        self.current %= len(self.matches)
        self.page.show_card(self.matches[self.current])
        self._say()

    def _say(self) -> None:
        needle = self.text().strip()
        if not needle:
            text = ""
        elif not self.matches:
            text = f"No card matches “{needle}”"
        elif self.current >= 0:
            text = f"{self.current + 1} of {len(self.matches)}"
        else:
            text = "1 card matches" if len(self.matches) == 1 else f"{len(self.matches)} cards match"
        self.status.setText(text)
        self.status.setAccessibleDescription(text)

    def keyPressEvent(self, event) -> None:
        key = event.key()
        if key == Qt.Key_Escape:
            self.clear()  # textChanged clears the highlight
            event.accept()
            return
        if key in NEXT_KEYS or key == Qt.Key_Up:
            back = key == Qt.Key_Up or bool(event.modifiers() & Qt.ShiftModifier)
            self.step(-1 if back else 1)
            event.accept()
            return
        super().keyPressEvent(event)
