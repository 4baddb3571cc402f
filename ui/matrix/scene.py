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
from ui.matrix.items import CARD_W, HEADER_H, NARROWEST, FunctionItem, TaskItem, TaskLook, card_height, header_height

GAP = 14.0
COLUMN_GAP = 18.0
MARGIN = 28.0
WIDTH_STEP = 10.0  # card widths tried when the matrix fits itself to the page
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
        self.card_w = CARD_W  # narrower on a page taller than the matrix is at full width (`fit_page`)
        self._lanes: list = []

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
                self.tasks[task.id].set_look(looks[task.id], self.card_w)
        for task_id in [t for t in self.tasks if t not in seen_tasks]:
            self.removeItem(self.tasks.pop(task_id))
        for function_id in [f for f in self.functions if f not in seen_functions]:
            self.removeItem(self.functions.pop(function_id))
        self._lanes = lanes
        self._layout(lanes)

    def fit_page(self, width: float, height: float, *, most: float = 10.0) -> bool:
        """Lay the matrix out at the card width that lets it fill a `width` x `height` page the most (a short,
        wide matrix gets narrower, taller cards, so a fitted view shows it larger); True if that changed it."""
        if not self._lanes or width < 10 or height < 10:
            return False

        def scale(card_w: float) -> float:
            size = self._extent(self._lanes, card_w)
            return min(width / size[0], height / size[1], most)

        best, best_scale = CARD_W, 0.0
        card_w = CARD_W
        while card_w >= NARROWEST:
            if scale(card_w) > best_scale * 1.01:  # a wider card unless a narrower one is really larger
                best, best_scale = card_w, scale(card_w)
            card_w -= WIDTH_STEP
        if best == self.card_w or best_scale < scale(self.card_w) * 1.02:  # no churn for a pixel or two
            return False
        self.card_w = best
        for item in self.tasks.values():
            item.set_look(item.look, best)
        self._layout(self._lanes)
        return True

    def _extent(self, lanes, card_w: float) -> tuple[float, float]:
        """The scene's size were its cards `card_w` wide (as `_layout` places them)."""
        heads = [header_height(title, bool(letter), card_w) for _f, letter, title, _t in lanes]
        cards = [[card_height(t.text, card_w) for t in tasks] for *_, tasks in lanes]
        if not self.dacum:
            tallest = max((sum(h + GAP for h in column) for column in cards), default=0.0)
            right = MARGIN + len(lanes) * (card_w + COLUMN_GAP)
            bottom = MARGIN + max(heads, default=HEADER_H) + GAP + max(tallest, 120.0) + 2 * GAP
        else:
            widest = max((len(column) for column in cards), default=0)
            right = MARGIN + card_w + COLUMN_GAP + max(widest, 1) * (card_w + GAP)
            bottom = MARGIN + sum(max([head, *column]) + COLUMN_GAP for head, column in zip(heads, cards, strict=True))
        return max(right + MARGIN, 600), max(bottom + MARGIN, 300)

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
            head_h = max(
                (header_height(title, bool(letter), self.card_w) for _f, letter, title, _t in lanes), default=HEADER_H
            )
            cell_h = head_h + GAP + max(tallest, 120.0) + GAP
            for function_id, letter, title, tasks in lanes:
                header = self.functions[function_id]
                header.set_text(letter, title, width=self.card_w, height=head_h)
                header.setPos(x, MARGIN)
                band = QRectF(x - GAP / 2, MARGIN - GAP / 2, self.card_w + GAP, cell_h + GAP)
                self._cell(band)
                y = MARGIN + head_h + GAP
                for task in tasks:
                    self.tasks[task.id].setPos(x, y)
                    y += self.tasks[task.id].height + GAP
                self.lanes.append((function_id, band, [t.id for t in tasks]))
                x += self.card_w + COLUMN_GAP
            right, bottom = x, MARGIN + cell_h + GAP
        else:
            y = MARGIN
            widest = max((len(tasks) for *_, tasks in lanes), default=0)
            row_w = self.card_w + COLUMN_GAP + max(widest, 1) * (self.card_w + GAP)
            for function_id, letter, title, tasks in lanes:
                height = max(
                    [header_height(title, bool(letter), self.card_w), *(self.tasks[t.id].height for t in tasks)]
                )
                header = self.functions[function_id]
                header.set_text(letter, title, width=self.card_w, height=height)
                header.setPos(MARGIN, y)
                band = QRectF(MARGIN - GAP / 2, y - GAP / 2, row_w + GAP, height + GAP)
                self._cell(band)
                x = MARGIN + self.card_w + COLUMN_GAP
                for task in tasks:
                    self.tasks[task.id].setPos(x, y)
                    x += self.card_w + GAP
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
        self.tasks, self.functions, self.cells, self.lanes, self._lanes = {}, {}, [], [], []

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
