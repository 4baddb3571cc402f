"""Find on the wall: Ctrl+F, type, and the wall highlights the cards that match; Esc clears.

The label beside the box says how many cards match, or that none does; Enter (or F3, or Down, or the ▼
button) goes to the next match, Shift+Enter (Shift+F3, Up, ▲) to the previous one: the card is selected
and shown. In presentation mode the bar above the wall is hidden: Ctrl+F brings the find bar over the
wall's top right corner instead, and Esc takes it away again.
"""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtGui import QFont, QKeySequence, QShortcut
from PySide6.QtWidgets import QHBoxLayout, QLabel, QLineEdit, QSizePolicy, QToolButton, QWidget

NEXT_KEYS = (Qt.Key_Return, Qt.Key_Enter, Qt.Key_F3, Qt.Key_Down)
SAID_UP_TO = 24  # characters of the search the "no card matches" line repeats: a long search keeps the row narrow
OVER_WALL_MARGIN = 12  # px between the floating bar and the wall's edges in presentation mode


class FindBox(QLineEdit):
    """A search field that asks the page to highlight matching cards as you type."""

    def __init__(self, page, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.page = page
        self.setObjectName("find-box")
        self.setPlaceholderText("Find  (Ctrl+F)")
        self.setAccessibleName("Find on the wall")
        self.setToolTip("Find on the wall. Enter: next match · Shift+Enter: previous · Esc: clear")
        self.setClearButtonEnabled(True)
        font = QFont(self.font())
        font.setPointSize(13)
        self.setFont(font)
        self.setMinimumWidth(160)
        self.setMaximumWidth(360)
        self.status = QLabel()  # the bar puts it beside the box
        self.status.setAccessibleName("Find result")
        self.matches: list[str] = []
        self.current = -1
        self.on_found = None  # the bar's: the buttons follow the matches
        self.on_escape = None  # the bar's: in presentation mode Esc also takes the bar away
        self.textChanged.connect(self._on_text_changed)

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
        needle = " ".join(self.text().split())
        if not needle:
            text = ""
        elif not self.matches:
            said = needle if len(needle) <= SAID_UP_TO else needle[: SAID_UP_TO - 1].rstrip() + "…"
            text = f"No card matches “{said}”"
        elif self.current >= 0:
            text = f"{self.current + 1} of {len(self.matches)}"
        else:
            text = "1 card matches" if len(self.matches) == 1 else f"{len(self.matches)} cards match"
        self.status.setText(text)
        self.status.setAccessibleDescription(text)
        if self.on_found is not None:
            self.on_found()

    def keyPressEvent(self, event) -> None:
        key = event.key()
        if key == Qt.Key_Escape:
            self.clear()  # textChanged clears the highlight
            if self.on_escape is not None:
                self.on_escape()
            event.accept()
            return
        if key in NEXT_KEYS or key == Qt.Key_Up:
            back = key == Qt.Key_Up or bool(event.modifiers() & Qt.ShiftModifier)
            self.step(-1 if back else 1)
            event.accept()
            return
        super().keyPressEvent(event)


class FindBar(QWidget):
    """The find box, its previous and next buttons and what it found, in one row: above the wall at the
    laptop (the page's capture bar holds it), over the wall's top right corner in presentation mode."""

    def __init__(self, page, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.page = page
        self.setObjectName("find-bar")
        self.box = page.find_box = FindBox(page, self)
        self.previous_button = self._button("▲", "Previous match", "Previous match (Shift+Enter)", -1)
        self.next_button = self._button("▼", "Next match", "Next match (Enter)", 1)
        row = QHBoxLayout(self)
        row.setContentsMargins(0, 0, 0, 0)
        row.setSpacing(2)
        row.addWidget(self.box, 1)
        row.addWidget(self.previous_button)
        row.addWidget(self.next_button)
        row.addSpacing(4)
        row.addWidget(self.box.status)
        self.box.on_found = self._on_found
        self.box.on_escape = self._on_escape
        self.home: tuple | None = None  # (layout, index, stretch) while the bar floats over the wall
        # On the page, not the box: the box is hidden with the bar above the wall in presentation mode.
        QShortcut(QKeySequence.Find, page, self.focus_find, context=Qt.WindowShortcut)
        self._on_found()

    def _button(self, text: str, name: str, tip: str, by: int) -> QToolButton:
        button = QToolButton()
        button.setText(text)
        button.setAccessibleName(name)
        button.setToolTip(tip)
        button.setFocusPolicy(Qt.NoFocus)  # the keyboard stays in the box
        button.setSizePolicy(QSizePolicy.Fixed, QSizePolicy.Preferred)
        button.clicked.connect(lambda: self.box.step(by))
        return button

    def focus_find(self) -> None:
        presentation = getattr(self.page, "presentation", None)
        if presentation is not None and presentation.active and not self.isVisible():
            self._float_over(self.page.view)
        self.box.focus_find()

    def _on_found(self) -> None:
        for button in (self.previous_button, self.next_button):
            button.setEnabled(bool(self.box.matches))
        if self.home is not None:
            self._place_over_wall()

    def _on_escape(self) -> None:
        if self.home is not None:
            self.go_home()
            self.page.view.setFocus(Qt.OtherFocusReason)

    # --- presentation mode: over the wall, then back ----------------------------------------------

    def _float_over(self, view) -> None:
        layout = self.parentWidget().layout() if self.parentWidget() is not None else None
        holder = _layout_holding(layout, self) if layout is not None else None
        if holder is not None:
            index = holder.indexOf(self)
            self.home = (holder, index, holder.stretch(index))
            holder.removeWidget(self)
        else:
            self.home = (None, -1, 0)
        self.setParent(view)
        self.setAutoFillBackground(True)
        self.setContentsMargins(8, 6, 8, 6)
        self._place_over_wall()
        self.show()
        self.raise_()

    def _place_over_wall(self) -> None:
        view = self.parentWidget()
        self.adjustSize()
        width = min(self.sizeHint().width(), view.width() - 2 * OVER_WALL_MARGIN)
        self.resize(width, self.sizeHint().height())
        self.move(view.width() - width - OVER_WALL_MARGIN, OVER_WALL_MARGIN)

    def go_home(self) -> None:
        """Back to the row above the wall (leaving presentation mode, or Esc in it)."""
        if self.home is None:
            return
        holder, index, stretch = self.home
        self.home = None
        self.setAutoFillBackground(False)
        self.setContentsMargins(0, 0, 0, 0)
        self.hide()
        if holder is not None:
            holder.insertWidget(index, self, stretch)
        self.show()


def _layout_holding(layout, widget):
    """The box layout (`layout` or one nested in it) that holds `widget`."""
    if layout.indexOf(widget) >= 0 and hasattr(layout, "insertWidget"):
        return layout
    for i in range(layout.count()):
        child = layout.itemAt(i).layout()
        found = _layout_holding(child, widget) if child is not None else None
        if found is not None:
            return found
    return None
