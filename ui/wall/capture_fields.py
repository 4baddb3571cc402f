"""The capture bar's two fields and what they understand: a typed author, a pasted block of cards."""

from __future__ import annotations

import re

from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QGuiApplication, QKeySequence
from PySide6.QtWidgets import QLineEdit

from cardwall.model import Participant, Session
from ui.participants_dock import parse_person

_BULLET = re.compile(r"^\s*(?:[-*•·◦▪‣]+|\d{1,3}[.)])\s+")


def split_pasted(text: str) -> list[str]:
    """The cards in a pasted block: one per non-empty line, list bullets and numbering dropped."""
    lines = []
    for line in text.replace("\r\n", "\n").replace("\r", "\n").split("\n"):
        line = _BULLET.sub("", line).strip()
        if line:
            lines.append(line)
    return lines


def shortened(text: str, limit: int = 40) -> str:
    return text if len(text) <= limit else text[: limit - 1].rstrip() + "…"


def folded(text: str) -> str:
    return " ".join(text.casefold().split())


def display_name(person: Participant) -> str:
    return f"{person.name}, {person.organization}" if person.organization else person.name


def find_participant(session: Session, text: str) -> Participant | None:
    """The participant a typed author means: 'Ana Ruiz, Acme Tool', 'ana ruiz', or 'ana' when only one matches.

    None means a new person (the capture bar adds them); "Name, Organization" never guesses.
    """
    wanted = folded(text)
    if not wanted:
        return None
    people = session.ordered_participants()
    for person in people:
        if folded(display_name(person)) == wanted:
            return person
    name, org = parse_person(text)
    for person in people:
        if folded(person.name) == folded(name) and (not org or folded(person.organization) == folded(org)):
            return person
    if "," not in text:  # "ana" when only Ana Ruiz matches: the one the completer offers
        hits = [p for p in people if wanted in folded(display_name(p))]
        if len(hits) == 1:
            return hits[0]
    return None


class CardLine(QLineEdit):
    """The card text field: Enter / Shift+Enter submit; a multi-line paste becomes many cards."""

    submitted = Signal(bool)  # True: Shift held, a new card even when a stack is offered
    pasted = Signal(list)  # the lines of a multi-line paste
    focused = Signal()

    def focusInEvent(self, event) -> None:
        super().focusInEvent(event)
        self.focused.emit()

    def keyPressEvent(self, event) -> None:
        if event.key() in (Qt.Key_Return, Qt.Key_Enter):
            completer = self.completer()
            if completer is not None and completer.popup().isVisible():
                completer.popup().hide()  # and keep the completer from re-filling the cleared field
            event.accept()
            self.submitted.emit(bool(event.modifiers() & Qt.ShiftModifier))
            return
        if event.matches(QKeySequence.Paste):
            lines = split_pasted(QGuiApplication.clipboard().text())
            if len(lines) > 1:
                event.accept()
                self.pasted.emit(lines)
                return
        super().keyPressEvent(event)


class AuthorLine(QLineEdit):
    """Who wrote the card; Enter confirms (adding a new participant) and moves on to the card text."""

    confirmed = Signal()

    def keyPressEvent(self, event) -> None:
        if event.key() in (Qt.Key_Return, Qt.Key_Enter):
            completer = self.completer()
            if completer is not None and completer.popup().isVisible():
                index = completer.popup().currentIndex()
                if index.isValid():
                    self.setText(index.data())
                completer.popup().hide()
            event.accept()
            self.confirmed.emit()
            return
        super().keyPressEvent(event)
