"""After the vote: the top tasks in depth (minimum, progression, performance, KSAs) and paths in and out.

Text boxes commit one EditTaskDetail per pause in typing or on leaving the
box, never per keystroke; a KSA is one typed line ("k: blueprint reading",
Enter). Paths are two short lists kept on the panel (EditPanel).
"""

from __future__ import annotations

from PySide6.QtCore import QEvent, QObject, Qt, QTimer, Signal
from PySide6.QtWidgets import (
    QDockWidget,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QListWidget,
    QListWidgetItem,
    QPlainTextEdit,
    QPushButton,
    QScrollArea,
    QTabWidget,
    QVBoxLayout,
    QWidget,
)

from cardwall import panels
from cardwall.commands import DomainError, EditPanel, EditTaskDetail, parse_ksa_line
from cardwall.model import Ksa, Panel, Session
from ui.focus import FocusOutFilter

PAUSE_MS = 1200
FIELDS = (
    ("minimum", "Meets the minimum: what do they do?"),
    ("progression", "Mid-level: what do they do differently?"),
    ("performance", "How do you know it is done well?"),
)
KIND_WORDS = {"knowledge": "Knowledge", "skill": "Skill", "ability": "Ability"}


class _DeleteKey(QObject):
    """Delete (or Backspace) on a list removes its current row, whatever window has the focus."""

    def __init__(self, callback, parent) -> None:
        super().__init__(parent)
        self.callback = callback

    def eventFilter(self, watched, event) -> bool:
        deleting = event.type() == QEvent.KeyPress and event.key() in (Qt.Key_Delete, Qt.Key_Backspace)
        if deleting and watched.state() != watched.State.EditingState:
            self.callback()
            return True
        return False


class DetailsDock(QDockWidget):
    task_focused = Signal(str)  # a top task picked here: the page selects its card

    def __init__(self, controller, session_id: str, parent: QWidget | None = None) -> None:
        super().__init__("After the vote", parent)
        self.setObjectName("matrix-details")
        self.area = Qt.RightDockWidgetArea
        self.controller, self.session_id = controller, session_id
        self.panel_id: str | None = None
        self.task_id: str | None = None
        self._loading = False
        self._pending: set[str] = set()
        self.selected_task = lambda: None  # the page's: the task selected on the matrix
        self.view_round = lambda: None  # the page's: the round the matrix counts (None: all rounds)

        # --- top tasks ---
        self.top = QListWidget()
        self.top.setAccessibleName("Top tasks")
        self.top.setWordWrap(True)
        self.top.currentItemChanged.connect(self._on_top_picked)
        self.add_top = QPushButton("Add selected task")
        self.add_top.setToolTip("Add the task selected on the matrix to the tasks to discuss")
        self.add_top.clicked.connect(self._on_add_top)
        self.drop_top = QPushButton("Drop from list")
        self.drop_top.clicked.connect(self._on_drop_top)
        buttons = QHBoxLayout()
        buttons.addWidget(self.add_top)
        buttons.addWidget(self.drop_top)

        self.heading = QLabel()
        self.heading.setWordWrap(True)
        self.heading.setStyleSheet("QLabel { font-weight: bold; font-size: 14pt; }")
        self.boxes: dict[str, QPlainTextEdit] = {}
        self.timer = QTimer(self, singleShot=True, interval=PAUSE_MS)
        self.timer.timeout.connect(self.commit)
        editor = QVBoxLayout()
        editor.addWidget(self.heading)
        for name, question in FIELDS:
            label = QLabel(question)
            box = QPlainTextEdit()
            box.setAccessibleName(question)
            box.setTabChangesFocus(True)
            box.setMaximumHeight(84)
            box.textChanged.connect(lambda n=name: self._on_typed(n))
            box.installEventFilter(FocusOutFilter(self.commit, box))
            editor.addWidget(label)
            editor.addWidget(box)
            self.boxes[name] = box
        editor.addWidget(QLabel("Knowledge, skills and abilities"))
        self.ksas = QListWidget()
        self.ksas.setAccessibleName("KSAs")
        self.ksas.setMaximumHeight(130)
        self.ksas.installEventFilter(_DeleteKey(self._on_delete_ksa, self.ksas))
        self.ksa_line = QLineEdit()
        self.ksa_line.setPlaceholderText("k: blueprint reading   s: ...   a: ...   then Enter")
        self.ksa_line.setAccessibleName("New KSA")
        self.ksa_line.returnPressed.connect(self._on_add_ksa)
        editor.addWidget(self.ksas)
        editor.addWidget(self.ksa_line)
        self.editor = QWidget()
        self.editor.setLayout(editor)

        top_page = QWidget()
        top_layout = QVBoxLayout(top_page)
        top_layout.addWidget(QLabel("Tasks to discuss (most dots first)"))
        top_layout.addWidget(self.top, 1)
        top_layout.addLayout(buttons)
        top_layout.addWidget(self.editor, 3)

        # --- paths ---
        self.paths: dict[str, tuple[QListWidget, QLineEdit]] = {}
        paths_page = QWidget()
        paths_layout = QVBoxLayout(paths_page)
        for name, title, hint in (
            ("paths_into", "Paths into the occupation", "where people come from, then Enter"),
            ("paths_from", "Paths out of the occupation", "where people go next, then Enter"),
        ):
            listing = QListWidget()
            listing.setAccessibleName(title)
            listing.itemChanged.connect(lambda _item, n=name: self._on_path_edited(n))
            listing.installEventFilter(_DeleteKey(lambda n=name: self._on_delete_path(n), listing))
            line = QLineEdit()
            line.setPlaceholderText(hint)
            line.setAccessibleName(f"New: {title}")
            line.returnPressed.connect(lambda n=name: self._on_add_path(n))
            paths_layout.addWidget(QLabel(title))
            paths_layout.addWidget(listing, 1)
            paths_layout.addWidget(line)
            self.paths[name] = (listing, line)

        # Scrolls rather than growing: the dock shares a 1080-pixel screen with the script.
        top_scroll = QScrollArea()
        top_scroll.setAccessibleName("Top tasks")
        top_scroll.setWidgetResizable(True)
        top_scroll.setFrameShape(QScrollArea.NoFrame)
        top_scroll.setWidget(top_page)
        self.tabs = QTabWidget()
        self.tabs.setAccessibleName("After the vote")
        self.tabs.addTab(top_scroll, "Top tasks")
        self.tabs.addTab(paths_page, "Paths in and out")
        self.setWidget(self.tabs)

    @property
    def session(self) -> Session:
        return self.controller.ws.sessions[self.session_id]

    @property
    def panel(self) -> Panel | None:
        return self.session.panels.get(self.panel_id) if self.panel_id else None

    # --- mirroring the domain --------------------------------------------------------------

    def reload(self, panel_id: str | None) -> None:
        if panel_id != self.panel_id:
            self.commit()
            self.task_id = None
        self.panel_id = panel_id
        panel, session = self.panel, self.session
        self._loading = True
        try:
            self.setEnabled(panel is not None)
            self._fill_top(session, panel)
            self._fill_editor(session)
            for name, (listing, _line) in self.paths.items():
                listing.clear()
                for text in getattr(panel, name, ()) if panel else ():
                    item = QListWidgetItem(text)
                    item.setFlags(item.flags() | Qt.ItemIsEditable)
                    listing.addItem(item)
        finally:
            self._loading = False

    def _fill_top(self, session: Session, panel: Panel | None) -> None:
        self.top.blockSignals(True)
        self.top.clear()
        if panel is not None:
            labels = panels.task_labels(session, panel.id)
            counts = panels.totals(session, panel.id, self.view_round())
            if panel.revealed:
                tasks = panels.top_tasks(session, panel)
            else:  # the order of the top tasks would give the vote away: only the facilitator's picks
                tasks = [session.tasks[t] for t in panel.top_added if t in session.tasks]
            if self.task_id not in {t.id for t in tasks} and self.task_id not in session.tasks:
                self.task_id = None
            for task in tasks:
                dots = counts.get(task.id, 0) if panel.revealed else None
                extra = " (added)" if task.id in panel.top_added else ""
                shown = f"   {dots} dot{'s' if dots != 1 else ''}" if dots is not None else ""
                item = QListWidgetItem(f"{labels.get(task.id, '')}  {task.text}{shown}{extra}")
                item.setData(Qt.UserRole, task.id)
                self.top.addItem(item)
                if task.id == self.task_id:
                    self.top.setCurrentItem(item)
            if self.task_id is None and self.top.count():
                self.top.setCurrentRow(0)
                self.task_id = self.top.item(0).data(Qt.UserRole)
        self.top.blockSignals(False)

    def _fill_editor(self, session: Session) -> None:
        task = session.tasks.get(self.task_id) if self.task_id else None
        self.editor.setEnabled(task is not None)
        detail = session.task_details.get(task.id) if task else None
        labels = panels.task_labels(session, task.panel_id) if task else {}
        self.heading.setText(f"{labels.get(task.id, '')}  {task.text}" if task else "Pick a top task to discuss.")
        for name, box in self.boxes.items():
            value = getattr(detail, name, "") if detail else ""
            if name in self._pending and box.hasFocus():
                continue  # the person is typing here: their words win until they pause
            if box.toPlainText() != value:
                box.setPlainText(value)
        self.ksas.clear()
        for ksa in detail.ksas if detail else ():
            self.ksas.addItem(f"{KIND_WORDS[ksa.kind]}: {ksa.text}")

    # --- top tasks -------------------------------------------------------------------------

    def _on_top_picked(self, item, _previous=None) -> None:
        if item is None:
            return
        self.commit()
        self.task_id = item.data(Qt.UserRole)
        self._loading = True
        try:
            self._pending.clear()
            self._fill_editor(self.session)
        finally:
            self._loading = False
        self.task_focused.emit(self.task_id)

    def focus_task(self, task_id: str) -> None:
        """Show a task's details (the page calls this when a top task's card is clicked)."""
        for i in range(self.top.count()):
            if self.top.item(i).data(Qt.UserRole) == task_id:
                self.top.setCurrentRow(i)
                return

    def _on_add_top(self) -> None:
        panel, task_id = self.panel, self.selected_task()
        if panel is None or task_id is None:
            self.controller.refused.emit("Select a task on the matrix first, then add it to the top tasks.")
            return
        self.controller.run(
            EditPanel(
                self.session_id,
                panel.id,
                top_added=(*panel.top_added, task_id),
                top_dropped=tuple(t for t in panel.top_dropped if t != task_id),
            )
        )
        self.focus_task(task_id)

    def _on_drop_top(self) -> None:
        panel, item = self.panel, self.top.currentItem()
        if panel is None or item is None:
            return
        task_id = item.data(Qt.UserRole)
        self.task_id = None
        self.controller.run(
            EditPanel(
                self.session_id,
                panel.id,
                top_added=tuple(t for t in panel.top_added if t != task_id),
                top_dropped=(*panel.top_dropped, task_id) if task_id not in panel.top_added else panel.top_dropped,
            )
        )

    # --- details ---------------------------------------------------------------------------

    def _on_typed(self, name: str) -> None:
        if self._loading:
            return
        self._pending.add(name)
        self.timer.start()

    def commit(self) -> None:
        """Save what was typed in the detail boxes, as one command."""
        self.timer.stop()
        if not self._pending or self.task_id is None or self.task_id not in self.session.tasks:
            self._pending.clear()
            return
        changes = {name: self.boxes[name].toPlainText() for name in self._pending}
        self._pending.clear()
        detail = self.session.task_details.get(self.task_id)
        if all((getattr(detail, n, "") if detail else "") == v for n, v in changes.items()):
            return
        self.controller.run(EditTaskDetail(self.session_id, self.task_id, **changes))

    def _current_ksas(self) -> tuple[Ksa, ...]:
        detail = self.session.task_details.get(self.task_id) if self.task_id else None
        return detail.ksas if detail else ()

    def _on_add_ksa(self) -> None:
        if self.task_id is None:
            return
        try:
            ksa = parse_ksa_line(self.ksa_line.text())
        except DomainError as exc:
            self.controller.refused.emit(str(exc))
            return
        self.commit()
        if self.controller.run(EditTaskDetail(self.session_id, self.task_id, ksas=(*self._current_ksas(), ksa))):
            self.ksa_line.clear()

    def _on_delete_ksa(self) -> None:
        row = self.ksas.currentRow()
        ksas = list(self._current_ksas())
        if self.task_id is None or not 0 <= row < len(ksas):
            return
        del ksas[row]
        self.controller.run(EditTaskDetail(self.session_id, self.task_id, ksas=tuple(ksas)))

    # --- paths -----------------------------------------------------------------------------

    def _path_values(self, name: str) -> list[str]:
        listing, _line = self.paths[name]
        return [listing.item(i).text() for i in range(listing.count())]

    def _on_add_path(self, name: str) -> None:
        panel = self.panel
        _listing, line = self.paths[name]
        if panel is None or not line.text().strip():
            return
        if self.controller.run(EditPanel(self.session_id, panel.id, **{name: (*getattr(panel, name), line.text())})):
            line.clear()

    def _on_path_edited(self, name: str) -> None:
        if self._loading or self.panel is None:
            return
        values = [v for v in self._path_values(name) if v.strip()]
        if tuple(values) != getattr(self.panel, name):
            self.controller.run(EditPanel(self.session_id, self.panel_id, **{name: tuple(values)}))
        else:
            self.reload(self.panel_id)

    def _on_delete_path(self, name: str) -> None:
        listing, _line = self.paths[name]
        row = listing.currentRow()
        values = list(getattr(self.panel, name, ()))
        if self.panel is None or not 0 <= row < len(values):
            return
        del values[row]
        self.controller.run(EditPanel(self.session_id, self.panel_id, **{name: tuple(values)}))

    def shutdown(self) -> None:
        self.commit()
