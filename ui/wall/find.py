"""Find on the wall: Ctrl+F, type, and the wall highlights the cards that match; Esc clears."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtGui import QFont, QKeySequence, QShortcut
from PySide6.QtWidgets import QLineEdit, QWidget


class FindBox(QLineEdit):
    """A search field that asks the page to highlight matching cards as you type."""

    def __init__(self, page, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.page = page
        self.setObjectName("find-box")
        self.setPlaceholderText("Find on the wall  (Ctrl+F)")
        self.setAccessibleName("Find on the wall")
        self.setClearButtonEnabled(True)
        font = QFont(self.font())
        font.setPointSize(13)
        self.setFont(font)
        self.setMinimumWidth(200)
        self.textChanged.connect(self._on_text_changed)
        QShortcut(QKeySequence.Find, self, self.focus_find, context=Qt.WindowShortcut)

    def focus_find(self) -> None:
        self.setFocus(Qt.ShortcutFocusReason)
        self.selectAll()

    def _on_text_changed(self, text: str) -> None:
        self.page.highlight(text.strip())

    def keyPressEvent(self, event) -> None:
        if event.key() == Qt.Key_Escape:
            self.clear()  # textChanged clears the highlight
            event.accept()
            return
        super().keyPressEvent(event)
