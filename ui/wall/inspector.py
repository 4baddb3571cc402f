"""The inspector: every field of the selected card, each edit one command when it is committed.

Text fields commit on Enter or focus-out (never per keystroke), check boxes
and lists at once. The inspector follows the selection and any change to
the card (an undo shows up here), without overwriting what is being typed.
"""

from __future__ import annotations

from PySide6.QtCore import Qt, QTimer
from PySide6.QtGui import QFont
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QDockWidget,
    QFormLayout,
    QLabel,
    QLineEdit,
    QPlainTextEdit,
    QScrollArea,
    QVBoxLayout,
    QWidget,
)

from cardwall.commands import EditCard
from cardwall.model import CARD_KINDS, REASON_LABELS, REASONS, Card
from cardwall.wall import organizations, stack_members, stack_root
from ui.controller import Controller
from ui.focus import FocusOutFilter
from ui.script_dock import NOTE_PAUSE_MS

LINE_FIELDS = {
    "text": "Text",
    "soc_code": "SOC code",
    "soc_title": "SOC title",
    "education": "Education",
    "credentials": "Credentials",
}
FIELD_PT = 12


class _Remark(QLabel):
    """A line that is only there when it has something to say (no blank gap in the form)."""

    def __init__(self) -> None:
        super().__init__()
        self.setWordWrap(True)
        self.hide()

    def setText(self, text: str) -> None:
        super().setText(text)
        self.setVisible(bool(text))


class InspectorDock(QDockWidget):
    def __init__(self, controller: Controller, session_id: str, page, parent: QWidget | None = None) -> None:
        super().__init__("Card", parent)
        self.setObjectName("inspector")
        self.controller, self.session_id, self.page = controller, session_id, page
        self.card_id: str | None = None
        self.dirty: set[str] = set()  # fields typed into and not committed yet
        self._loading = False

        self.heading = QLabel("No card selected")
        heading_font = QFont(self.heading.font())
        heading_font.setPointSize(FIELD_PT + 2)
        heading_font.setBold(True)
        self.heading.setFont(heading_font)
        self.heading.setWordWrap(True)
        self.pile = _Remark()
        self.message = _Remark()
        self.message.setStyleSheet("color: #b00020; font-weight: bold;")

        self.lines: dict[str, QLineEdit] = {}
        for name, label in LINE_FIELDS.items():
            line = QLineEdit()
            line.setAccessibleName(label)
            line.textEdited.connect(lambda _t, n=name: self.dirty.add(n))
            line.editingFinished.connect(lambda n=name: self.commit(n))
            self.lines[name] = line
        self.lines["soc_code"].setPlaceholderText("51-4041")
        self.lines["soc_code"].setMaximumWidth(140)

        self.kind = QComboBox()
        self.kind.addItems(CARD_KINDS)
        self.kind.setAccessibleName("Kind")
        self.kind.activated.connect(lambda _i: self._run_edit(kind=self.kind.currentText()))
        self.author = QComboBox()
        self.author.setAccessibleName("Author")
        self.author.activated.connect(lambda _i: self._run_edit(author_id=self.author.currentData()))
        self.organization = QLabel()
        self.third_card = QCheckBox("Third card (round 2)")
        self.third_card.clicked.connect(lambda checked: self._run_edit(round=2 if checked else 1))
        self.reasons: dict[str, QCheckBox] = {}
        reasons_box = QWidget()
        reasons_layout = QVBoxLayout(reasons_box)
        reasons_layout.setContentsMargins(0, 0, 0, 0)
        for reason in REASONS:
            box = QCheckBox(REASON_LABELS[reason])
            box.setAccessibleName(REASON_LABELS[reason])
            box.clicked.connect(lambda _c: self._run_edit(reasons=self.checked_reasons()))
            reasons_layout.addWidget(box)
            self.reasons[reason] = box
        self.notes = QPlainTextEdit()
        self.notes.setAccessibleName("Card notes")
        self.notes.setMinimumHeight(90)
        self.notes.textChanged.connect(self._on_notes_typed)
        self.notes.installEventFilter(FocusOutFilter(lambda: self.commit("notes"), self))
        # Notes are saved after a pause in typing too, as the script's step notes are: a crash a few
        # seconds after typing loses nothing.
        self._notes_pause = QTimer(self, singleShot=True, interval=NOTE_PAUSE_MS)
        self._notes_pause.timeout.connect(lambda: self.commit("notes"))

        self.form = QWidget()
        form = QFormLayout(self.form)
        form.setRowWrapPolicy(QFormLayout.WrapLongRows)  # a narrow dock puts the label above its field
        form.addRow("Text", self.lines["text"])
        form.addRow("Kind", self.kind)
        form.addRow("Author", self.author)
        form.addRow("Organization", self.organization)
        form.addRow("", self.third_card)
        form.addRow("Why critical", reasons_box)
        form.addRow("SOC code", self.lines["soc_code"])
        form.addRow("SOC title", self.lines["soc_title"])
        form.addRow("Education", self.lines["education"])
        form.addRow("Credentials", self.lines["credentials"])
        form.addRow("Notes", self.notes)

        body = QWidget()
        layout = QVBoxLayout(body)
        layout.addWidget(self.heading)
        layout.addWidget(self.pile)
        layout.addWidget(self.message)
        layout.addWidget(self.form)
        layout.addStretch(1)
        scroll = QScrollArea()
        scroll.setAccessibleName("Card fields")
        scroll.setWidgetResizable(True)
        scroll.setHorizontalScrollBarPolicy(Qt.ScrollBarAlwaysOff)  # rows wrap instead of scrolling sideways
        scroll.setWidget(body)
        self.setWidget(scroll)
        big = QFont(body.font())
        big.setPointSize(FIELD_PT)
        self.form.setFont(big)

        controller.changed.connect(self._on_changed)
        page.selection_changed.connect(self._on_selection_changed)
        self._on_selection_changed(page.selected_card_ids())

    # --- the card shown --------------------------------------------------------------------

    @property
    def session(self):
        return self.controller.ws.sessions.get(self.session_id)

    def card(self) -> Card | None:
        session = self.session
        return session.cards.get(self.card_id) if session and self.card_id else None

    def checked_reasons(self) -> tuple[str, ...]:
        return tuple(r for r, box in self.reasons.items() if box.isChecked())

    def _on_selection_changed(self, card_ids) -> None:
        card_ids = list(card_ids or [])
        self.commit_all()  # what was typed for the previous card goes to that card
        self.dirty.clear()
        self.message.setText("")
        if len(card_ids) == 1:
            self.card_id = card_ids[0]
            self.load()
            return
        self._clear()
        self.heading.setText(
            f"{len(card_ids)} cards selected: select one card to edit it." if card_ids else "No card selected"
        )

    def load(self) -> None:
        """Show the card; fields still being typed in keep what was typed."""
        card = self.card()
        session = self.session
        if card is None or session is None:  # none selected, or the card was deleted: no stale fields
            self._clear()
            self.heading.setText("No card selected")
            return
        self._loading = True
        self.form.setEnabled(True)
        self.heading.setText(card.text)
        for name, line in self.lines.items():
            if name not in self.dirty:
                line.setText(getattr(card, name))
                line.setCursorPosition(0)
        self.kind.setCurrentText(card.kind)
        self.author.clear()
        self.author.addItem("(no author)", None)
        for person in session.ordered_participants():
            self.author.addItem(person.name, person.id)
        self.author.setCurrentIndex(max(0, self.author.findData(card.author_id)))
        person = session.participants.get(card.author_id) if card.author_id else None
        self.organization.setText(person.organization if person else "")
        self.third_card.setChecked(card.round == 2)
        for reason, box in self.reasons.items():
            box.setChecked(reason in card.reasons)
        if "notes" not in self.dirty:
            self.notes.setPlainText(card.notes)
        root = stack_root(session, card)
        members = stack_members(session, root)
        if len(members) > 1:
            orgs = ", ".join(organizations(session, members)) or "no authors"
            self.pile.setText(f"In a pile of {len(members)} cards ({orgs})")
        else:
            self.pile.setText("")
        self._loading = False

    def _clear(self) -> None:
        self.card_id = None
        self.dirty.clear()
        self._notes_pause.stop()
        self._loading = True
        self.form.setEnabled(False)
        self.pile.setText("")
        for line in self.lines.values():
            line.clear()
        self.notes.clear()
        self.organization.setText("")
        self.author.clear()
        for box in self.reasons.values():
            box.setChecked(False)
        self.third_card.setChecked(False)
        self._loading = False

    # --- committing --------------------------------------------------------------------------

    def _on_notes_typed(self) -> None:
        if not self._loading:
            self.dirty.add("notes")
            self._notes_pause.start()

    def value_of(self, name: str):
        if name == "notes":
            return self.notes.toPlainText()
        return self.lines[name].text()

    def commit(self, name: str) -> None:
        """One EditCard for one field, if it differs from the card."""
        card = self.card()
        if card is None or name not in self.dirty:
            return
        value = self.value_of(name)
        if value.strip() == getattr(card, name).strip():
            self.dirty.discard(name)
            return
        if self._run_edit(**{name: value}):
            self.dirty.discard(name)

    def commit_all(self) -> None:
        for name in list(self.dirty):
            self.commit(name)

    def _run_edit(self, **changes):
        if self._loading or self.card() is None:
            return None
        change = self.controller.run(EditCard(self.session_id, self.card_id, **changes))
        self.message.setText("" if change is not None else self.controller.last_refusal)
        if change is None and set(changes) & {"kind", "author_id", "round", "reasons"}:
            self.load()  # put the check box or list back as the card has it
        return change

    def _on_changed(self, change) -> None:
        if self.session_id not in change.sessions() or self.card_id is None:
            return
        if self.card_id in change.ids("cards") or "participants" in change.tables():
            self.load()

    def shutdown(self) -> None:
        self.commit_all()
