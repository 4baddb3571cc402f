"""The facilitation script at hand: steps, the current prompt in large type, notes per step, a timer.

Used by every page (the wall, the skill panels): it takes the script's
resource name (resources/script/<name>.json) and, for a skill panel, the
panel whose own notes it keeps. The current step is the session's
(`EditSession(current_step=...)`), so it is saved and undoable. Notes are
committed as one `SetStepNote` per pause in typing, on focus-out, on a step
change and on shutdown: never per keystroke, and never a word lost.
"""

from __future__ import annotations

import json
from dataclasses import dataclass

from PySide6.QtCore import Qt, QTimer
from PySide6.QtGui import QFont, QKeySequence, QShortcut, QTextCursor
from PySide6.QtWidgets import (
    QDockWidget,
    QHBoxLayout,
    QLabel,
    QListWidget,
    QListWidgetItem,
    QPlainTextEdit,
    QPushButton,
    QScrollArea,
    QSizePolicy,
    QVBoxLayout,
    QWidget,
)

import resources
from cardwall.commands import EditSession, SetStepNote
from ui.controller import Controller
from ui.dock_body import scrolling_body
from ui.focus import FocusOutFilter
from ui.timer_widget import CountdownTimer

NOTE_PAUSE_MS = 1500  # a pause in typing this long commits the notes
PROMPT_PT = 17
QUESTION_PT = 15
BASE_PT = 11


@dataclass(frozen=True)
class ScriptStep:
    step: int
    title: str
    prompt: str
    questions: tuple[str, ...]
    minutes: int
    summary_topic: str


@dataclass(frozen=True)
class Script:
    name: str
    title: str
    steps: tuple[ScriptStep, ...]

    def get(self, number: int) -> ScriptStep:
        for step in self.steps:
            if step.step == number:
                return step
        return self.steps[0]


def load_script(name: str) -> Script:
    """resources/script/<name>.json as a Script (steps in order)."""
    data = json.loads(resources.path("script", f"{name}.json").read_text(encoding="utf-8"))
    steps = tuple(
        sorted(
            (
                ScriptStep(
                    step=int(s["step"]),
                    title=s.get("title", ""),
                    prompt=s.get("prompt", ""),
                    questions=tuple(s.get("questions", ())),
                    minutes=int(s.get("minutes", 0) or 0),
                    summary_topic=s.get("summary_topic", ""),
                )
                for s in data["steps"]
            ),
            key=lambda s: s.step,
        )
    )
    return Script(name=name, title=data.get("title", name), steps=steps)


class ScriptDock(QDockWidget):
    def __init__(
        self,
        controller: Controller,
        session_id: str,
        script_name: str,
        *,
        panel_id: str | None = None,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__("Script", parent)
        self.setObjectName(f"script-{script_name}")
        self.controller, self.session_id, self.panel_id = controller, session_id, panel_id
        self.script = load_script(script_name)
        self.shown_step = 0  # the step whose prompt and notes are on screen
        self.shown_panel = panel_id  # and the panel whose notes they are (a page may switch panels)
        self._committed = ""  # the notes text as the workspace has it for shown_step
        self._loading = False
        self._closed = False

        self.steps = QListWidget()
        self.steps.setAccessibleName("Script steps")
        self.steps.setHorizontalScrollBarPolicy(Qt.ScrollBarAlwaysOff)  # a long title is cut, never scrolled
        self.steps.setTextElideMode(Qt.ElideRight)
        for step in self.script.steps:
            item = QListWidgetItem(f"{step.step}. {step.title}")
            item.setData(Qt.UserRole, step.step)
            item.setToolTip(step.summary_topic)
            self.steps.addItem(item)
        self.steps.itemClicked.connect(lambda item: self.go_to(item.data(Qt.UserRole)))
        self.steps.itemActivated.connect(lambda item: self.go_to(item.data(Qt.UserRole)))
        list_font = QFont(self.steps.font())
        list_font.setPointSize(BASE_PT)
        self.steps.setFont(list_font)
        # The list is a map, the prompt is what gets read out: the list stays as tall as its steps.
        row = max(self.steps.sizeHintForRow(0), self.steps.fontMetrics().lineSpacing())
        self.steps.setFixedHeight(row * min(self.steps.count(), 9) + 2 * self.steps.frameWidth() + 6)

        self.heading = QLabel()
        heading_font = QFont(self.heading.font())
        heading_font.setPointSize(PROMPT_PT + 2)
        heading_font.setBold(True)
        self.heading.setFont(heading_font)
        self.heading.setWordWrap(True)
        self.prompt = QLabel()
        self.prompt.setWordWrap(True)
        self.prompt.setTextInteractionFlags(Qt.TextSelectableByMouse)
        prompt_font = QFont(self.prompt.font())
        prompt_font.setPointSize(PROMPT_PT)
        self.prompt.setFont(prompt_font)
        self.questions = QLabel()
        self.questions.setWordWrap(True)
        self.questions.setTextFormat(Qt.RichText)
        self.questions.setTextInteractionFlags(Qt.TextSelectableByMouse)
        question_font = QFont(self.questions.font())
        question_font.setPointSize(QUESTION_PT)
        self.questions.setFont(question_font)
        self.other_notes = QLabel()  # notes of this step taken elsewhere (imported, added one by one)
        self.other_notes.setWordWrap(True)
        self.other_notes.setTextFormat(Qt.RichText)
        self.other_notes.hide()
        reading = QWidget()
        reading_layout = QVBoxLayout(reading)
        reading_layout.addWidget(self.heading)
        reading_layout.addWidget(self.prompt)
        reading_layout.addWidget(self.questions)
        reading_layout.addWidget(self.other_notes)
        reading_layout.addStretch(1)
        scroll = QScrollArea()
        scroll.setAccessibleName("Step text")
        scroll.setWidgetResizable(True)
        scroll.setWidget(reading)
        scroll.setMinimumHeight(190)  # the prompt and questions are what gets read out: never a sliver

        self.notes_label = QLabel()
        self.notes_label.setSizePolicy(QSizePolicy.Ignored, QSizePolicy.Preferred)  # clipped, never wider
        self.notes = QPlainTextEdit()
        self.notes.setAccessibleName("Step notes")
        self.notes.setMinimumHeight(90)
        notes_font = QFont(self.notes.font())
        notes_font.setPointSize(13)
        self.notes.setFont(notes_font)
        self.notes.textChanged.connect(self._on_notes_typed)
        self.notes.installEventFilter(FocusOutFilter(self.commit_notes, self))
        self.saved_hint = QLabel()
        self.saved_hint.setStyleSheet("color: palette(mid);")
        self._pause = QTimer(self, singleShot=True, interval=NOTE_PAUSE_MS)
        self._pause.timeout.connect(self.commit_notes)

        self.prev_button = QPushButton("◀ Previous step")
        self.prev_button.setToolTip("Previous step (Ctrl+PgUp)")
        self.prev_button.clicked.connect(lambda: self.step_by(-1))
        self.next_button = QPushButton("Next step ▶")
        self.next_button.setToolTip("Next step (Ctrl+PgDown)")
        self.next_button.clicked.connect(lambda: self.step_by(1))
        for keys, delta in (("Ctrl+PgUp", -1), ("Ctrl+PgDown", 1)):
            QShortcut(QKeySequence(keys), self, lambda d=delta: self.step_by(d), context=Qt.WindowShortcut)
        buttons = QHBoxLayout()
        buttons.addWidget(self.prev_button)
        buttons.addWidget(self.next_button)

        self.timer = CountdownTimer()

        notes_box = QWidget()
        notes_layout = QVBoxLayout(notes_box)
        notes_layout.setContentsMargins(0, 0, 0, 0)
        notes_layout.addWidget(self.notes_label)
        notes_layout.addWidget(self.notes, 1)
        notes_layout.addWidget(self.saved_hint)
        body = QWidget()
        base = QFont(body.font())
        base.setPointSize(BASE_PT)
        body.setFont(base)  # the list, labels and buttons; the prompt and the timer set their own, larger
        layout = QVBoxLayout(body)
        layout.addWidget(self.timer)
        layout.addLayout(buttons)
        layout.addWidget(self.steps)
        layout.addWidget(scroll, 3)
        layout.addWidget(notes_box, 2)
        self.setWidget(scrolling_body(body))  # a short screen scrolls the dock, never clips it

        controller.changed.connect(self._on_changed)
        self.reload()

    # --- reading the workspace -------------------------------------------------------------

    @property
    def session(self):
        return self.controller.ws.sessions.get(self.session_id)

    def current_step(self) -> int:
        session = self.session
        number = session.info.current_step if session else 1
        return self.script.get(number).step

    def note_id(self, number: int) -> str:
        """The id SetStepNote gives the notes box of a step (other notes of the step are shown, not edited)."""
        return f"step{number}" + (f"-{self.shown_panel}" if self.shown_panel else "")

    def stored_notes(self, number: int) -> str:
        session = self.session
        note = session.notes.get(self.note_id(number)) if session else None
        return note.text if note else ""

    def _show_other_notes(self, number: int) -> None:
        session = self.session
        others = [n for n in session.notes_for(number, self.shown_panel) if n.id != self.note_id(number)]
        self.other_notes.setText("".join(f"<p><b>{_html(n.topic or 'Note')}</b>: {_html(n.text)}</p>" for n in others))
        self.other_notes.setVisible(bool(others))

    def reload(self) -> None:
        """Show the session's current step: list highlight, prompt, questions, notes, timer preset."""
        if self.session is None:
            return
        number = self.current_step()
        step = self.script.get(number)
        for row in range(self.steps.count()):
            item = self.steps.item(row)
            current = item.data(Qt.UserRole) == number
            font = item.font()
            font.setBold(current)
            item.setFont(font)
            item.setText(
                ("▶ " if current else "    ")
                + f"{item.data(Qt.UserRole)}. {self.script.get(item.data(Qt.UserRole)).title}"
            )
            if current:
                self.steps.setCurrentRow(row)
        self.heading.setText(f"Step {step.step} of {len(self.script.steps)} · {step.title}")
        self.prompt.setText(step.prompt)
        self.questions.setText("".join(f"<p>• {_html(q)}</p>" for q in step.questions))
        self.notes_label.setText(f"Notes, step {step.step} · {step.summary_topic}")
        self.notes_label.setToolTip(f"Saved into the summary under “{step.summary_topic}”")
        self.prev_button.setEnabled(step.step != self.script.steps[0].step)
        self.next_button.setEnabled(step.step != self.script.steps[-1].step)
        if (number, self.panel_id) != (self.shown_step, self.shown_panel):
            if self.shown_panel != self.panel_id:
                self.commit_notes()  # words typed for the previous panel go to that panel
            self.shown_step, self.shown_panel = number, self.panel_id
            self._show_notes(self.stored_notes(number))
            self._show_other_notes(number)
            self.timer.set_step_minutes(step.minutes)

    def _show_notes(self, text: str) -> None:
        self._loading = True
        self.notes.setPlainText(text)
        self.notes.moveCursor(QTextCursor.End)  # typing goes on where the notes end
        self._loading = False
        self._committed = text
        self.saved_hint.setText("")

    # --- notes -----------------------------------------------------------------------------

    def is_dirty(self) -> bool:
        return self.notes.toPlainText() != self._committed

    def _on_notes_typed(self) -> None:
        if self._loading or self._closed:
            return
        self.saved_hint.setText("typing…")
        self._pause.start()  # restarts: the commit waits for a pause

    def commit_notes(self) -> None:
        """Save the notes box if it differs from the workspace: one SetStepNote."""
        self._pause.stop()
        if self._closed or not self.is_dirty() or self.session is None:
            return
        text = self.notes.toPlainText()
        topic = self.script.get(self.shown_step).summary_topic
        command = SetStepNote(self.session_id, self.shown_step, text, topic=topic, panel_id=self.shown_panel)
        command.label = f"Notes of step {self.shown_step}"
        if self.controller.run(command):
            self._committed = text
            self.saved_hint.setText("saved")
        else:
            self.saved_hint.setText("not saved — see the status bar")

    def set_panel(self, panel_id: str | None) -> None:
        """A skill panel page switching occupations: save this panel's words, show the other's."""
        if panel_id == self.panel_id:
            return
        self.commit_notes()
        self.panel_id = panel_id
        self.reload()

    # --- steps -----------------------------------------------------------------------------

    def step_by(self, delta: int) -> None:
        numbers = [s.step for s in self.script.steps]
        index = numbers.index(self.current_step()) + delta
        if 0 <= index < len(numbers):
            self.go_to(numbers[index])

    def go_to(self, number: int) -> None:
        self.commit_notes()
        if number != self.current_step():
            command = EditSession(self.session_id, current_step=number)
            command.label = f"Go to script step {number}"  # what Edit ▸ Undo says
            self.controller.run(command)
        self.reload()

    def _on_changed(self, change) -> None:
        if self._closed or self.session_id not in change.sessions():
            return
        tables = change.tables()
        if "sessions" in tables and self.current_step() != self.shown_step:
            if self.is_dirty():
                # An undo moved the step while words were waiting: save them to the step they were typed for.
                pending, step, panel = self.notes.toPlainText(), self.shown_step, self.shown_panel
                QTimer.singleShot(0, lambda: self._commit_later(step, panel, pending))
            self.reload()
        elif "notes" in tables and not self.is_dirty():
            stored = self.stored_notes(self.shown_step)
            if stored != self.notes.toPlainText():
                self._show_notes(stored)
            self._show_other_notes(self.shown_step)

    def _commit_later(self, step: int, panel_id: str | None, text: str) -> None:
        if self._closed:
            return
        topic = self.script.get(step).summary_topic
        self.controller.run(SetStepNote(self.session_id, step, text, topic=topic, panel_id=panel_id))

    # --- lifetime --------------------------------------------------------------------------

    def shutdown(self) -> None:
        """Before the page goes (or the workspace closes): save what was typed, stop the timers."""
        if self._closed:
            return
        self.commit_notes()
        self._closed = True
        self._pause.stop()
        self.timer.pause()

    def hideEvent(self, event) -> None:
        # Removing the dock (page switch, closing the workspace) hides it first: save now.
        if not self._closed:
            self.commit_notes()
        super().hideEvent(event)


def _html(text: str) -> str:
    return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")
