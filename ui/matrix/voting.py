"""The voting dock: who is voting now, their dots left, the room tally, reveal, rounds and the ranking.

Picking a voter (click, or keys 1-9 on the matrix) turns clicks on tasks into
dots; "Room tally" turns typed numbers into physical-dot counts; "Arrange"
gives the matrix back to dragging. Reveal, round and budget are the panel's
(EditPanel), so they are saved and undoable; the mode and the results view
are the facilitator's only.
"""

from __future__ import annotations

from PySide6.QtCore import QEvent, Qt, Signal
from PySide6.QtGui import QColor, QFont, QIcon, QPixmap
from PySide6.QtWidgets import (
    QAbstractItemView,
    QCheckBox,
    QComboBox,
    QDockWidget,
    QFormLayout,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QListWidget,
    QListWidgetItem,
    QPushButton,
    QSpinBox,
    QStyle,
    QStyledItemDelegate,
    QStyleOptionViewItem,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from cardwall import panels, voting
from cardwall.commands import EditPanel
from cardwall.model import Panel, Session
from cardwall.people import role_label
from ui.dock_body import scrolling_body

ARRANGE = "arrange"
TALLY = "tally"
ROUND_NAMES = {1: "Round 1: hiring authorities", 2: "Round 2: high-performing employees"}
VIEWS = (("current", "This round"), (1, "Round 1 only"), (2, "Round 2 only"), (None, "Both rounds combined"))


def voters(session: Session, round: int | None = None) -> list:
    """Who votes: the domain's rule (partners listen); in a round, that round's focus group (cardwall/panels.py)."""
    return [p for p in voting.voters(session) if panels.votes_in_round(p.role, round)]


def _swatch(colour: str) -> QIcon:
    pixmap = QPixmap(18, 18)
    pixmap.fill(Qt.transparent)
    from PySide6.QtGui import QPainter

    painter = QPainter(pixmap)
    painter.setRenderHint(QPainter.Antialiasing)
    painter.setBrush(QColor(colour))
    painter.setPen(QColor("#ffffff"))
    painter.drawEllipse(1, 1, 16, 16)
    painter.end()
    return QIcon(pixmap)


RANK_COLUMNS = ["Rank", "Task", "Function", "Dots"]
NARROW_RANKING = 330  # px: below this the ranking shows no function column


class OneLineDelegate(QStyledItemDelegate):
    """A cell on one line, cut with an ellipsis, in a table whose other cells wrap."""

    def initStyleOption(self, option, index) -> None:
        super().initStyleOption(option, index)
        option.features &= ~QStyleOptionViewItem.WrapText
        option.textElideMode = Qt.ElideRight


HEAD = Qt.UserRole + 1  # a voter line's key and dots left: never cut


class VoterDelegate(QStyledItemDelegate):
    """A voter's line: key and dots left whole; the name and organization cut in the middle, only when the
    dock is too narrow for them (the tooltip says them whole)."""

    def initStyleOption(self, option, index) -> None:
        super().initStyleOption(option, index)
        head = index.data(HEAD)
        room = option.widget.style().subElementRect(QStyle.SE_ItemViewItemText, option, option.widget).width()
        room -= 2 * (option.widget.style().pixelMetric(QStyle.PM_FocusFrameHMargin, None, option.widget) + 1)
        metrics = option.fontMetrics
        if head is None or room <= 0 or metrics.horizontalAdvance(option.text) <= room:
            return
        tail = metrics.elidedText(option.text[len(head) :], Qt.ElideMiddle, room - metrics.horizontalAdvance(head))
        option.text = head + tail


def rank_text(rank: int, tied: bool) -> str:
    return f"={rank}" if tied else f"{rank}"


class VotingDock(QDockWidget):
    mode_changed = Signal(str)  # ARRANGE, TALLY or a participant id
    view_changed = Signal()

    def __init__(self, controller, session_id: str, parent: QWidget | None = None) -> None:
        super().__init__("Dot vote", parent)
        self.setObjectName("matrix-voting")
        self.area = Qt.RightDockWidgetArea
        self.controller, self.session_id = controller, session_id
        self.panel_id: str | None = None
        self.mode = ARRANGE
        self._loading = False

        self.round = QComboBox()
        for number, name in ROUND_NAMES.items():
            self.round.addItem(name, number)
        self.round.setAccessibleName("Voting round")
        self.round.setSizeAdjustPolicy(QComboBox.AdjustToMinimumContentsLengthWithIcon)
        self.round.setMinimumContentsLength(12)  # a narrow dock elides the round's name, never widens
        self.round.currentIndexChanged.connect(self._on_round)
        self.budget = QSpinBox(minimum=1, maximum=20)
        self.budget.setAccessibleName("Dots per participant")
        self.budget.setKeyboardTracking(False)
        self.budget.valueChanged.connect(self._on_budget)
        self.several = QCheckBox("Several dots on one task")
        self.several.toggled.connect(self._on_several)
        settings = QFormLayout()
        settings.addRow("Round", self.round)
        settings.addRow("Dots each", self.budget)
        settings.addRow(self.several)  # its own line: the dock stays narrow

        self.picker = QListWidget()
        self.picker.setAccessibleName("Who is voting")
        self.picker.setToolTip("Pick who is voting (or press 1-9 on the matrix), then click tasks to place dots")
        self.picker.setItemDelegate(VoterDelegate(self.picker))
        self.picker.setHorizontalScrollBarPolicy(Qt.ScrollBarAlwaysOff)  # lines are cut, never clipped
        self.picker.currentItemChanged.connect(self._on_pick)
        self.left = QLabel()
        big = QFont(self.left.font())
        big.setPointSizeF(big.pointSizeF() * 1.5)
        big.setBold(True)
        self.left.setFont(big)
        self.left.setWordWrap(True)
        self.left.setAccessibleName("Dots left")
        self.refusal = QLabel()
        self.refusal.setWordWrap(True)
        self.refusal.setStyleSheet("QLabel { color: #ffffff; background: #c0392b; padding: 6px; border-radius: 4px; }")
        self.refusal.hide()

        self.reveal = QPushButton("Reveal results")
        self.reveal.setCheckable(True)
        self.reveal.setMinimumHeight(40)
        self.reveal.toggled.connect(self._on_reveal)
        self.view = QComboBox()
        for value, name in VIEWS:
            self.view.addItem(name, value)
        self.view.setAccessibleName("Results shown")
        self.view.setSizeAdjustPolicy(QComboBox.AdjustToMinimumContentsLengthWithIcon)
        self.view.setMinimumContentsLength(8)
        self.view.currentIndexChanged.connect(self._on_view)
        # The ranking is a table the room reads across: rank (ties as "=3"), task, function, dots.
        self.ranked = QTableWidget(0, len(RANK_COLUMNS))
        self.ranked.setHorizontalHeaderLabels(RANK_COLUMNS)
        self.ranked.setAccessibleName("Ranked tasks")
        self.ranked.verticalHeader().setVisible(False)
        self.ranked.setEditTriggers(QAbstractItemView.NoEditTriggers)
        self.ranked.setSelectionBehavior(QAbstractItemView.SelectRows)
        self.ranked.setTabKeyNavigation(False)  # Tab leaves the table: it never traps
        self.ranked.setWordWrap(True)
        header = self.ranked.horizontalHeader()
        for column in range(len(RANK_COLUMNS)):
            header.setSectionResizeMode(column, QHeaderView.ResizeToContents)
        header.setSectionResizeMode(1, QHeaderView.Stretch)  # the task's words get the room, wrapped
        # The function on one line, cut short on a narrow dock (the task's label says its letter; the
        # tooltip says it whole), so the task keeps the width and the table never scrolls sideways.
        header.setSectionResizeMode(2, QHeaderView.Fixed)
        self.ranked.setItemDelegateForColumn(2, OneLineDelegate(self.ranked))
        self.ranked.setHorizontalScrollBarPolicy(Qt.ScrollBarAlwaysOff)
        header.sectionResized.connect(lambda *_: self.ranked.resizeRowsToContents())  # a wider dock, fewer lines
        ranked_font = QFont(self.ranked.font())
        ranked_font.setPointSizeF(ranked_font.pointSizeF() * 1.2)
        self.ranked.setFont(ranked_font)
        self.ranked.setMinimumHeight(90)
        self.ranked.viewport().installEventFilter(self)  # its width shares out the function's column
        self.picker.setMinimumHeight(90)
        self.no_dots = QLabel("No dots yet.")
        self.no_dots.setVisible(False)
        self.hidden_note = QLabel("Results are hidden until you reveal them: the screen shows no counts.")
        self.hidden_note.setWordWrap(True)

        body = QWidget()
        layout = QVBoxLayout(body)
        layout.addLayout(settings)
        who = QLabel("Who is voting (keys 1-9; 0 or Esc: arrange)")
        who.setWordWrap(True)
        layout.addWidget(who)
        layout.addWidget(self.picker, 2)
        layout.addWidget(self.left)
        layout.addWidget(self.refusal)
        row = QHBoxLayout()
        row.addWidget(self.reveal, 1)
        row.addWidget(self.view, 1)
        layout.addLayout(row)
        layout.addWidget(self.hidden_note)
        layout.addWidget(self.no_dots)
        layout.addWidget(self.ranked, 3)
        self.setWidget(scrolling_body(body))  # a short screen scrolls the dock, never clips it

    def eventFilter(self, watched, event) -> bool:
        if watched is self.ranked.viewport() and event.type() == QEvent.Resize:
            # A narrow dock (a 1280 px projector) gives the function's column to the task: its label
            # says the function's letter.
            width = event.size().width()
            self.ranked.setColumnHidden(2, width < NARROW_RANKING)
            self.ranked.setColumnWidth(2, max(60, min(180, width // 4)))
        return super().eventFilter(watched, event)

    # --- what the page asks ----------------------------------------------------------------

    @property
    def session(self) -> Session:
        return self.controller.ws.sessions[self.session_id]

    @property
    def panel(self) -> Panel | None:
        return self.session.panels.get(self.panel_id) if self.panel_id else None

    def view_round(self) -> int | None:
        value = self.view.currentData()
        if value == "current":
            panel = self.panel
            return panel.voting_round if panel else 1
        return value

    def voter_id(self) -> str | None:
        return self.mode if self.mode not in (ARRANGE, TALLY) else None

    def set_mode(self, mode: str) -> None:
        for i in range(self.picker.count()):
            if self.picker.item(i).data(Qt.UserRole) == mode:
                self.picker.setCurrentRow(i)
                return

    def pick_number(self, n: int) -> bool:
        """Key n (1-9) picks the nth voter; 0 goes back to arranging."""
        if n == 0:
            self.set_mode(ARRANGE)
            return True
        people = voters(self.session, self.panel.voting_round if self.panel else None)
        if 1 <= n <= len(people):
            self.set_mode(people[n - 1].id)
            return True
        return False

    def show_refusal(self, message: str) -> None:
        self.refusal.setText(message)
        self.refusal.show()

    # --- mirroring the domain --------------------------------------------------------------

    def reload(self, panel_id: str | None) -> None:
        self.panel_id = panel_id
        panel = self.panel
        session = self.session
        self._loading = True
        try:
            self.setEnabled(panel is not None)
            if panel is not None:
                self.round.setCurrentIndex(self.round.findData(panel.voting_round))
                self.budget.setValue(panel.dots_per_participant)
                self.several.setChecked(panel.several_dots_per_task)
                self.reveal.setChecked(panel.revealed)
                self.reveal.setText("Hide results" if panel.revealed else "Reveal results")
            self._fill_picker(session, panel)
            self._fill_ranking(session, panel)
            self._show_left(session, panel)
        finally:
            self._loading = False

    def _fill_picker(self, session: Session, panel: Panel | None) -> None:
        colours = {p.id: panels.participant_colour(i) for i, p in enumerate(voters(session))}
        wanted = self.mode
        self.picker.blockSignals(True)
        self.picker.clear()
        arrange = QListWidgetItem("Arrange: drag, edit, no voting")
        arrange.setData(Qt.UserRole, ARRANGE)
        self.picker.addItem(arrange)
        tally = QListWidgetItem("Room tally: select a task, type its dots, Enter")
        tally.setData(Qt.UserRole, TALLY)
        self.picker.addItem(tally)
        current = arrange
        round_ = panel.voting_round if panel else 1
        for n, person in enumerate(voters(session, round_ if panel else None), start=1):
            left = panels.dots_left(session, panel, person.id, round_) if panel else 0
            where = f", {person.organization}" if person.organization else ""
            # Dots left come first: a narrow dock cuts the organization, never the count.
            budget = f"{left} of {panel.dots_per_participant} left" if panel else ""
            head = f"{n if n <= 9 else ' '}   {budget}   "
            item = QListWidgetItem(_swatch(colours[person.id]), f"{head}{person.name}{where}")
            item.setData(Qt.UserRole, person.id)
            item.setData(HEAD, head)
            item.setToolTip(f"{person.name}{where} · {role_label(person.role)}")
            self.picker.addItem(item)
            if person.id == wanted:
                current = item
        if wanted == TALLY:
            current = tally
        self.picker.setCurrentItem(current)
        self.mode = current.data(Qt.UserRole)
        self.picker.blockSignals(False)

    def _show_left(self, session: Session, panel: Panel | None) -> None:
        person = session.participants.get(self.mode) if self.mode not in (ARRANGE, TALLY) else None
        if panel is None:
            self.left.setText("")
        elif person is not None:
            left = panels.dots_left(session, panel, person.id, panel.voting_round)
            self.left.setText(f"{person.name}: {left} of {panel.dots_per_participant} left")
            self.left.setStyleSheet("QLabel { color: #c0392b; }" if left == 0 else "")
        elif self.mode == TALLY:
            self.left.setText("Room tally: select a task, type the number of dots, Enter")
            self.left.setStyleSheet("")
        else:
            self.left.setText("Arranging: pick who votes to place dots")
            self.left.setStyleSheet("QLabel { color: palette(mid); }")

    def _fill_ranking(self, session: Session, panel: Panel | None) -> None:
        self.ranked.setRowCount(0)
        self.no_dots.setVisible(False)
        shown = panel is not None and panel.revealed
        self.ranked.setVisible(shown)
        self.view.setEnabled(shown)
        self.hidden_note.setVisible(panel is not None and not panel.revealed)
        if not shown:
            return
        ranked = panels.ranking(session, panel.id, self.view_round())
        self.ranked.setRowCount(len(ranked))
        for row, r in enumerate(ranked):
            function = session.functions.get(r.task.function_id) if r.task.function_id else None
            cells = [
                rank_text(r.rank, r.tied),
                f"{r.label}  {r.task.text}",
                function.title if function is not None else "Unassigned",
                str(r.dots),
            ]
            for column, text in enumerate(cells):
                item = QTableWidgetItem(text)
                item.setData(Qt.UserRole, r.task.id)
                if column in (0, 3):
                    item.setTextAlignment(Qt.AlignRight | Qt.AlignVCenter)
                if column in (1, 2):
                    item.setToolTip(text)
                if r.tied:
                    item.setToolTip("Tied with another task on the same number of dots")
                self.ranked.setItem(row, column, item)
        self.ranked.resizeRowsToContents()
        self.no_dots.setVisible(not ranked)

    # --- edits -----------------------------------------------------------------------------

    def _on_pick(self, item, _previous=None) -> None:
        if item is None or self._loading:
            return
        self.mode = item.data(Qt.UserRole)
        self.refusal.hide()
        self._show_left(self.session, self.panel)
        self.mode_changed.emit(self.mode)

    def _run(self, **changes) -> None:
        if self._loading or self.panel is None:
            return
        if self.controller.run(EditPanel(self.session_id, self.panel_id, **changes)) is None:
            self.reload(self.panel_id)  # put the widget back as the domain has it

    def _on_view(self, _index: int) -> None:
        if self._loading:
            return
        self._fill_ranking(self.session, self.panel)
        self.view_changed.emit()

    def _on_round(self, _index: int) -> None:
        self._run(voting_round=self.round.currentData())

    def _on_budget(self, value: int) -> None:
        self._run(dots_per_participant=value)

    def _on_several(self, on: bool) -> None:
        self._run(several_dots_per_task=on)

    def _on_reveal(self, on: bool) -> None:
        self._run(revealed=on)
