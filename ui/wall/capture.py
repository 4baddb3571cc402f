"""The capture bar: the note-taker types cards as fast as people talk, never leaving the keyboard.

Author (type to filter; an unknown name joins the session on the fly), card
text (completes from the wall), Enter. A card lands in the tray, or in the
cell the facilitator has selected. Ctrl+3 makes the cards third cards,
Ctrl+K skill cards, Ctrl+M notes. A text already on the wall offers a
stack (Enter) or a new card (Shift+Enter). Pasting several lines makes one
card per line, in one undo step.
"""

from __future__ import annotations

from PySide6.QtCore import QStringListModel, Qt, Signal
from PySide6.QtGui import QFont, QKeySequence, QShortcut
from PySide6.QtWidgets import (
    QCompleter,
    QHBoxLayout,
    QLabel,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from cardwall.commands import AddCard, AddParticipant, Batch, Command, StackCards
from cardwall.model import Session
from cardwall.wall import matching_cards, stack_members
from ui.controller import Controller
from ui.participants_dock import parse_person
from ui.wall.capture_fields import (  # noqa: F401 (split_pasted and find_participant: the bar's names, as before)
    AuthorLine,
    CardLine,
    display_name,
    find_participant,
    folded,
    shortened,
    split_pasted,
)

# The room's card colours (yellow occupations, green skills, pink notes); the kind is also written out.
KIND_COLOURS = {"occupation": "#ffe47a", "skill": "#b5e3b0", "note": "#f7c3d4"}
KIND_NAMES = {"occupation": "Occupation", "skill": "Skill", "note": "Note"}
FIELD_PT = 14


class CaptureBar(QWidget):
    """Type, Enter: a card on the wall. `page` (optional) gives the selected cell."""

    card_added = Signal(str)  # the new card's id (the last one of a paste)

    def __init__(self, controller: Controller, session_id: str, page=None, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("capture-bar")
        self.controller, self.session_id, self.page = controller, session_id, page
        self.kind = "occupation"
        self.third_card = False

        big = QFont(self.font())
        big.setPointSize(FIELD_PT)

        self.author = AuthorLine()
        self.author.setFont(big)
        # Short hints show whole in a 1280 px wide bar; the full hint is the tooltip.
        self.author.setPlaceholderText("Author")
        self.author.setAccessibleName("Card author")
        self.author.setToolTip(
            "Who wrote the card: Name, Organization. Type to filter; a new name is added to the participants."
        )
        self._people = QStringListModel(self)
        people_completer = QCompleter(self._people, self)
        people_completer.setCaseSensitivity(Qt.CaseInsensitive)
        people_completer.setFilterMode(Qt.MatchContains)
        self.author.setCompleter(people_completer)
        self.author.confirmed.connect(self._on_author_confirmed)

        self.chip = QLabel()
        self.chip.setFont(big)
        self.chip.setAlignment(Qt.AlignCenter)
        self.chip.setMinimumWidth(120)
        self.chip.setAccessibleName("Kind of the next card")

        self.text = CardLine()
        self.text.setFont(big)
        self.text.setPlaceholderText("Card text, then Enter")
        self.text.setToolTip("Card text, then Enter (Shift+Enter: a new card). Several lines pasted: one card each.")
        self.text.setAccessibleName("Card text")
        self._texts = QStringListModel(self)
        self._card_texts: dict[str, str] = {}  # what the completer offers, by card
        text_completer = QCompleter(self._texts, self)
        text_completer.setCaseSensitivity(Qt.CaseInsensitive)
        text_completer.setFilterMode(Qt.MatchContains)
        self.text.setCompleter(text_completer)
        self.text.submitted.connect(self.submit)
        self.text.pasted.connect(self.add_lines)
        self.text.textChanged.connect(self._on_text_changed)
        # A click on an empty cell changes no selection: look again when the note-taker comes back.
        self.text.focused.connect(self._show_target)

        self.target = QLabel()
        self.target.setAccessibleName("Where the next card goes")
        self.target.setMinimumWidth(140)

        self.skill_button = QPushButton("Skill  Ctrl+K")
        self.note_button = QPushButton("Note  Ctrl+M")
        self.third_button = QPushButton("3rd card  Ctrl+3")
        for button in (self.skill_button, self.note_button, self.third_button):
            button.setCheckable(True)
            button.setFocusPolicy(Qt.NoFocus)  # the keyboard stays in the text field
        self.skill_button.clicked.connect(lambda: self.toggle_kind("skill"))
        self.note_button.clicked.connect(lambda: self.toggle_kind("note"))
        self.third_button.clicked.connect(self.toggle_third_card)
        for keys, slot in (
            ("Ctrl+K", lambda: self.toggle_kind("skill")),
            ("Ctrl+M", lambda: self.toggle_kind("note")),
            ("Ctrl+3", self.toggle_third_card),
        ):
            QShortcut(QKeySequence(keys), self, slot, context=Qt.WindowShortcut)

        self.hint = QLabel()  # the stack offer
        self.hint.setAccessibleName("Stack offer")
        self.hint.setStyleSheet("color: #0b5394; font-weight: bold;")
        self.message = QLabel()  # a refusal, right under the field
        self.message.setAccessibleName("Capture message")
        self.message.setStyleSheet("color: #b00020; font-weight: bold;")
        self.message.setWordWrap(True)

        row = QHBoxLayout()
        row.setContentsMargins(0, 0, 0, 0)
        row.addWidget(self.author, 2)
        row.addWidget(self.chip)
        row.addWidget(self.text, 6)
        row.addWidget(self.target)
        under = self.under_row = QHBoxLayout()  # the page's find box joins this row (ui/wall/docks.py)
        under.setContentsMargins(0, 0, 0, 0)
        under.addWidget(self.skill_button)
        under.addWidget(self.note_button)
        under.addWidget(self.third_button)
        under.addSpacing(12)
        under.addWidget(self.hint)
        under.addWidget(self.message, 1)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(4, 2, 4, 2)
        layout.setSpacing(2)
        layout.addLayout(row)
        layout.addLayout(under)

        controller.changed.connect(self._on_changed)
        if page is not None and hasattr(page, "selection_changed"):
            page.selection_changed.connect(lambda *_: self._show_target())
        if page is not None and hasattr(page, "cell_changed"):
            page.cell_changed.connect(self._show_target)
        self._fill_people()
        self._fill_texts()
        self._show_state()

    # --- reading ---------------------------------------------------------------------------

    @property
    def session(self) -> Session | None:
        return self.controller.ws.sessions.get(self.session_id)

    def target_cell(self) -> tuple[str | None, str | None]:
        """Where the next card goes: the tray, or the selected cell (a skill: that column's skills row)."""
        selected = self.page.selected_cell() if self.page is not None else None
        session = self.session
        if not selected or session is None:
            return None, None
        category_id, level_id = selected
        if category_id not in session.categories:
            return None, None
        if self.kind == "skill" or level_id not in session.levels:
            return category_id, None
        return category_id, level_id

    def stack_offer(self, text: str):
        """The pile a typed text would join (the biggest of the same kind), with its size; or None."""
        session = self.session
        if session is None:
            return None
        candidates = [c for c in matching_cards(session, text) if c.kind == self.kind and not c.prompt]
        if not candidates:
            return None
        piles = [(len(stack_members(session, c)), c) for c in candidates]
        size, root = max(piles, key=lambda p: (p[0], -p[1].position))
        return root, size

    # --- modes -----------------------------------------------------------------------------

    def toggle_kind(self, kind: str) -> None:
        self.kind = "occupation" if self.kind == kind else kind
        self._show_state()
        self._show_offer(self.text.text())

    def toggle_third_card(self) -> None:
        self.third_card = not self.third_card
        self._show_state()

    def _show_state(self) -> None:
        self.skill_button.setChecked(self.kind == "skill")
        self.note_button.setChecked(self.kind == "note")
        self.third_button.setChecked(self.third_card)
        label = KIND_NAMES[self.kind] + ("\n3rd card" if self.third_card else "")
        self.chip.setText(label)
        border = "3px solid #c0392b" if self.third_card else "1px solid #7a6a2a"
        self.chip.setStyleSheet(
            f"QLabel {{ background: {KIND_COLOURS[self.kind]}; color: #1b1b1b; border: {border};"
            " border-radius: 4px; padding: 2px 8px; font-weight: bold; }"
        )
        self._show_target()

    def _show_target(self) -> None:
        session = self.session
        if session is None:
            return
        category_id, level_id = self.target_cell()
        if category_id is None:
            where = "Tray"
        else:
            column = session.categories[category_id].title
            where = f"{column} · {session.levels[level_id].name}" if level_id else f"{column} · skills"
        self.target.setText(f"→ {where}")
        self.target.setToolTip("Where Enter puts the card (select a cell or column on the wall to change it)")

    # --- adding cards ----------------------------------------------------------------------

    def _author_commands(self) -> tuple[list[Command], str | None]:
        """The author of the next card, and the AddParticipant it needs when the name is new."""
        session = self.session
        typed = self.author.text().strip()
        if not typed or session is None:
            return [], None
        person = find_participant(session, typed)
        if person is not None:
            return [], person.id
        name, org = parse_person(typed)
        add = AddParticipant(self.session_id, name=name, organization=org)
        return [add], add.participant_id

    def _on_author_confirmed(self) -> None:
        commands, author_id = self._author_commands()
        if commands and not self._run(commands[0]):
            return
        if author_id:
            self.author.setText(display_name(self.session.participants[author_id]))
            self.author.setCursorPosition(0)
        self.text.setFocus()

    def submit(self, new_card: bool = False) -> str | None:
        """Enter: add the typed card (stacking it when offered, unless `new_card`). Returns its id."""
        author_commands, author_id = self._author_commands()
        category_id, level_id = self.target_cell()
        add = AddCard(
            self.session_id,
            self.text.text(),
            kind=self.kind,
            category_id=category_id,
            level_id=level_id,
            author_id=author_id,
            round=2 if self.third_card else 1,
        )
        commands: list[Command] = [*author_commands, add]
        offer = None if new_card else self.stack_offer(self.text.text())
        label = "Add card"
        if offer is not None:
            commands.append(StackCards(self.session_id, [add.card_id], onto=offer[0].id))
            label = f"Add card to the “{shortened(offer[0].text)}” stack"
        command = commands[0] if len(commands) == 1 else Batch(label, commands)
        if not self._run(command):
            return None
        self._after_add(author_id)
        self.card_added.emit(add.card_id)
        return add.card_id

    def add_lines(self, lines: list[str]) -> list[str]:
        """A pasted block: one card per line, all in one undo step."""
        author_commands, author_id = self._author_commands()
        category_id, level_id = self.target_cell()
        adds = [
            AddCard(
                self.session_id,
                line,
                kind=self.kind,
                category_id=category_id,
                level_id=level_id,
                author_id=author_id,
                round=2 if self.third_card else 1,
            )
            for line in lines
        ]
        if not adds:
            return []
        if not self._run(Batch(f"Paste {len(adds)} cards", [*author_commands, *adds])):
            return []
        self._after_add(author_id)
        self.card_added.emit(adds[-1].card_id)
        return [a.card_id for a in adds]

    def _after_add(self, author_id: str | None) -> None:
        if author_id and self.session and author_id in self.session.participants:
            self.author.setText(display_name(self.session.participants[author_id]))
            self.author.setCursorPosition(0)  # the name shows, not the end of the organization
        self.text.clear()
        self.text.setFocus()

    def _run(self, command):
        """Run through the controller; a refusal shows right under the field."""
        change = self.controller.run(command)
        self.message.setText("" if change is not None else self.controller.last_refusal)
        return change

    # --- keeping up with the wall ----------------------------------------------------------

    def _on_text_changed(self, text: str) -> None:
        if text.strip():
            self.message.clear()  # typing again answers the refusal
        self._show_offer(text)

    def _show_offer(self, text: str) -> None:
        self._show_target()
        offer = self.stack_offer(text) if text.strip() else None
        if offer is None:
            self.hint.clear()
            return
        root, size = offer
        self.hint.setText(f"Enter: stack on “{root.text}” (x{size})  ·  Shift+Enter: new card")

    def _on_changed(self, change) -> None:
        if self.session_id not in change.sessions():
            return
        tables = change.tables()
        if "participants" in tables:
            self._fill_people()
        if "cards" in tables:
            cards = self.session.cards
            # A move or a pile leaves the completer as it is: refill only when a text came, went or changed.
            if any(self._card_texts.get(k[2]) != _text_of(cards.get(k[2])) for k in change.keys if k[0] == "cards"):
                self._fill_texts()
            if self.text.text().strip():  # the offer follows the cards; with nothing typed there is none to follow
                self._show_offer(self.text.text())
        if tables & {"categories", "levels"}:
            self._show_target()

    def _fill_people(self) -> None:
        session = self.session
        if session is not None:
            self._people.setStringList([display_name(p) for p in session.ordered_participants()])

    def _fill_texts(self) -> None:
        session = self.session
        if session is not None:
            self._card_texts = {c.id: c.text for c in session.cards.values() if not c.prompt}
            self._texts.setStringList(sorted(set(self._card_texts.values()), key=str.casefold))


def _text_of(card) -> str | None:
    return card.text if card is not None and not card.prompt else None
