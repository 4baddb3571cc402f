"""The matrix on the felt: function columns (or DACUM rows) with task cards, laid out from the domain.

The scene never owns data: `show(session, panel_id, view)` makes its items
mirror the panel (reusing items by id, so a vote repaints one card), and
`drop_target` turns a point into (function, index) for MoveTask.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from PySide6.QtCore import QPointF, QRectF
from PySide6.QtGui import QBrush, QColor, QPen
from PySide6.QtWidgets import QGraphicsRectItem, QGraphicsScene

from cardwall import panels, voting
from cardwall.model import Session
from ui.matrix.items import CARD_W, HEADER_H, FunctionItem, TaskItem, TaskLook, header_height

GAP = 14.0
COLUMN_GAP = 18.0
MARGIN = 28.0
FELT = "#2f4a6d"
CELL = "#36557c"


@dataclass
class MatrixOptions:
    """How the panel is shown right now: none of this is saved in the workspace."""

    dacum: bool = False  # functions as rows, tasks running to the right
    round: int | None = None  # the round whose dots are shown; None = all rounds combined
    voter_id: str | None = None  # while hidden, this person still sees their own dots
    colours: dict[str, str] = field(default_factory=dict)  # participant id -> dot colour
    typing: tuple[str, str] | None = None  # (task id, digits) of a tally being typed


def voter_colours(session: Session) -> dict[str, str]:
    """A dot colour per voter, by their place among the session's voters."""
    return {p.id: panels.participant_colour(i) for i, p in enumerate(voting.voters(session))}


class MatrixScene(QGraphicsScene):
    def __init__(self, parent=None) -> None:
        super().__init__(parent)
        self.setBackgroundBrush(QColor(FELT))
        self.tasks: dict[str, TaskItem] = {}
        self.functions: dict[str | None, FunctionItem] = {}
        self.cells: list[QGraphicsRectItem] = []
        # (function id, header item, [task ids in order], band rect) per column or row, for drops
        self.lanes: list[tuple[str | None, QRectF, list[str]]] = []
        self.panel_id: str | None = None
        self.dacum = False

    # --- mirroring the domain --------------------------------------------------------------

    def show(self, session: Session, panel_id: str | None, view: MatrixOptions) -> None:
        self.panel_id, self.dacum = panel_id, view.dacum
        panel = session.panels.get(panel_id) if panel_id else None
        if panel is None:
            self._drop_all()
            self.setSceneRect(QRectF(0, 0, 800, 400))
            return
        labels = panels.task_labels(session, panel.id)
        functions = panels.functions_of(session, panel.id)
        lanes: list[tuple[str | None, str, str, list]] = []
        for i, f in enumerate(functions):
            lanes.append((f.id, panels.function_letter(i), f.title, panels.tasks_of(session, panel.id, f.id)))
        unassigned = panels.tasks_of(session, panel.id, None)
        if unassigned or not functions:
            lanes.append((None, "", "Unassigned: drag each task under its function", unassigned))

        looks = self._looks(session, panel, labels, view)
        seen_tasks, seen_functions = set(), set()
        for function_id, _letter, _title, tasks in lanes:
            seen_functions.add(function_id)
            if function_id not in self.functions:
                self.functions[function_id] = FunctionItem(function_id)
                self.addItem(self.functions[function_id])
            for task in tasks:
                seen_tasks.add(task.id)
                if task.id not in self.tasks:
                    item = TaskItem(task.id)
                    item.setZValue(2)
                    self.tasks[task.id] = item
                    self.addItem(item)
                self.tasks[task.id].set_look(looks[task.id])
        for task_id in [t for t in self.tasks if t not in seen_tasks]:
            self.removeItem(self.tasks.pop(task_id))
        for function_id in [f for f in self.functions if f not in seen_functions]:
            self.removeItem(self.functions.pop(function_id))
        self._layout(lanes)

    def _looks(self, session: Session, panel, labels: dict[str, str], view: MatrixOptions) -> dict[str, TaskLook]:
        counts = panels.totals(session, panel.id, view.round)
        most = max(counts.values(), default=0)
        top = {t.id for t in panels.top_tasks(session, panel)} if panel.revealed else set()
        dots: dict[str, list[str]] = {}
        tallies: dict[str, int] = {}
        for vote in sorted(session.votes.values(), key=lambda v: (v.round, v.id)):
            if vote.panel_id != panel.id or (view.round is not None and vote.round != view.round):
                continue
            if vote.participant_id is None:
                tallies[vote.task_id] = tallies.get(vote.task_id, 0) + vote.dots
                continue
            if not voting.may_see(panel, vote, view.voter_id):
                continue  # the projector shows no one else's dots before the reveal
            colour = view.colours.get(vote.participant_id, "#455a64")
            dots.setdefault(vote.task_id, []).extend([colour] * vote.dots)
        looks = {}
        for task in panels.tasks_of(session, panel.id):
            count = counts.get(task.id, 0) if panel.revealed else None
            looks[task.id] = TaskLook(
                label=labels.get(task.id, ""),
                text=task.text,
                added_in_room=task.added_in_room,
                dots=dots.get(task.id, []),
                tally=tallies.get(task.id, 0),
                count=count,
                heat=(count / most) if (count and most) else 0.0,
                top=task.id in top,
                typing=view.typing[1] if view.typing and view.typing[0] == task.id else None,
            )
        return looks

    def _layout(self, lanes) -> None:
        for cell in self.cells:
            self.removeItem(cell)
        self.cells = []
        self.lanes = []
        right = bottom = 0.0
        if not self.dacum:
            x = MARGIN
            tallest = max(
                (sum(self.tasks[t.id].height + GAP for t in tasks) for *_, tasks in lanes),
                default=0.0,
            )
            head_h = max((header_height(title, bool(letter)) for _f, letter, title, _t in lanes), default=HEADER_H)
            cell_h = head_h + GAP + max(tallest, 120.0) + GAP
            for function_id, letter, title, tasks in lanes:
                header = self.functions[function_id]
                header.set_text(letter, title, width=CARD_W, height=head_h)
                header.setPos(x, MARGIN)
                band = QRectF(x - GAP / 2, MARGIN - GAP / 2, CARD_W + GAP, cell_h + GAP)
                self._cell(band)
                y = MARGIN + head_h + GAP
                for task in tasks:
                    self.tasks[task.id].setPos(x, y)
                    y += self.tasks[task.id].height + GAP
                self.lanes.append((function_id, band, [t.id for t in tasks]))
                x += CARD_W + COLUMN_GAP
            right, bottom = x, MARGIN + cell_h + GAP
        else:
            y = MARGIN
            widest = max((len(tasks) for *_, tasks in lanes), default=0)
            row_w = CARD_W + COLUMN_GAP + max(widest, 1) * (CARD_W + GAP)
            for function_id, letter, title, tasks in lanes:
                height = max([header_height(title, bool(letter)), *(self.tasks[t.id].height for t in tasks)])
                header = self.functions[function_id]
                header.set_text(letter, title, width=CARD_W, height=height)
                header.setPos(MARGIN, y)
                band = QRectF(MARGIN - GAP / 2, y - GAP / 2, row_w + GAP, height + GAP)
                self._cell(band)
                x = MARGIN + CARD_W + COLUMN_GAP
                for task in tasks:
                    self.tasks[task.id].setPos(x, y)
                    x += CARD_W + GAP
                self.lanes.append((function_id, band, [t.id for t in tasks]))
                y += height + COLUMN_GAP
            right, bottom = MARGIN + row_w, y
        self.setSceneRect(QRectF(0, 0, max(right + MARGIN, 600), max(bottom + MARGIN, 300)))

    def _cell(self, rect: QRectF) -> None:
        cell = QGraphicsRectItem(rect)
        cell.setBrush(QBrush(QColor(CELL)))
        cell.setPen(QPen(QColor("#4b6e99"), 1))
        cell.setZValue(-1)
        self.addItem(cell)
        self.cells.append(cell)

    def _drop_all(self) -> None:
        for item in [*self.tasks.values(), *self.functions.values(), *self.cells]:
            self.removeItem(item)
        self.tasks, self.functions, self.cells, self.lanes = {}, {}, [], []

    # --- reading positions -----------------------------------------------------------------

    def task_item_at(self, pos: QPointF) -> TaskItem | None:
        for item in self.items(pos):
            if isinstance(item, TaskItem):
                return item
        return None

    def function_item_at(self, pos: QPointF) -> FunctionItem | None:
        for item in self.items(pos):
            if isinstance(item, FunctionItem):
                return item
        return None

    def drop_target(self, pos: QPointF, moving: str | None = None) -> tuple[str | None, int] | None:
        """The function (None: unassigned) and the index there that a task dropped at `pos` lands on."""
        if not self.lanes:
            return None
        if self.dacum:
            lane = min(
                self.lanes,
                key=lambda ln: (
                    0
                    if ln[1].top() <= pos.y() <= ln[1].bottom()
                    else min(abs(pos.y() - ln[1].top()), abs(pos.y() - ln[1].bottom()))
                ),
            )
        else:
            lane = min(
                self.lanes,
                key=lambda ln: (
                    0
                    if ln[1].left() <= pos.x() <= ln[1].right()
                    else min(abs(pos.x() - ln[1].left()), abs(pos.x() - ln[1].right()))
                ),
            )
        function_id, _band, task_ids = lane
        index = 0
        for task_id in task_ids:
            if task_id == moving:
                continue
            centre = self.tasks[task_id].sceneBoundingRect().center()
            if (centre.x() if self.dacum else centre.y()) < (pos.x() if self.dacum else pos.y()):
                index += 1
        return function_id, index
