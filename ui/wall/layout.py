"""Where everything on the wall goes: pixels computed from (category, level, position).

Pure geometry over the domain, no items: the scene places its items from a
`WallLayout`, and the interactions ask it which cell and which slot lies
under the pointer. Columns are categories left to right, rows are levels
with the entry level at the bottom, then a skills row per column; the
unsorted tray stands at the right.
"""

from __future__ import annotations

import math
from dataclasses import dataclass, field
from functools import lru_cache

from PySide6.QtCore import QPointF, QRectF

from cardwall.assets import has_skills_row
from cardwall.model import Card, Session
from cardwall.wall import stacks_by_root
from ui.wall.style import (
    CARD_H,
    CARD_W,
    CELL_PAD,
    COLUMN_GAP,
    GAP,
    HEADER_H,
    LABEL_W,
    LEGEND_H,
    MARGIN,
    TRAY_COLS,
)

Cell = tuple[str | None, str | None]  # (category_id, level_id); (None, None) is the tray
TRAY: Cell = (None, None)
MAX_CARDS_WIDE = 4
EMPTY_COLUMN_W = 2 * CELL_PAD + 2 * CARD_W + GAP  # where "add a category" shows on an empty wall


@dataclass
class CellGeometry:
    cell: Cell
    rect: QRectF
    cards_wide: int
    slots: list[str] = field(default_factory=list)  # card ids shown, in order (expanded piles included)
    roots: list[str] = field(default_factory=list)  # the visible cards MoveCards counts, in order

    def slot_origin(self, index: int) -> QPointF:
        row, col = divmod(index, self.cards_wide)
        return QPointF(
            self.rect.x() + CELL_PAD + col * (CARD_W + GAP),
            self.rect.y() + CELL_PAD + row * (CARD_H + GAP),
        )

    def slot_at(self, pos: QPointF) -> int:
        """The slot an insertion at `pos` lands in: before the card whose left half holds it."""
        x = pos.x() - self.rect.x() - CELL_PAD
        y = pos.y() - self.rect.y() - CELL_PAD
        row = max(0, int(y // (CARD_H + GAP)))
        col = max(0, min(self.cards_wide, math.floor((x + CARD_W / 2 + GAP / 2) / (CARD_W + GAP))))
        return min(len(self.slots), row * self.cards_wide + col)


@dataclass
class Column:
    category_id: str
    x: float
    width: float


@dataclass
class Row:
    level_id: str | None  # None: the skills row
    name: str
    y: float
    height: float


@dataclass
class WallLayout:
    columns: list[Column]
    rows: list[Row]
    cells: dict[Cell, CellGeometry]
    origins: dict[str, QPointF]  # card id -> top-left of its card
    piles: dict[str, list[Card]]  # root id -> the pile, root first
    header_rect: QRectF  # the band of header cards
    tray_header: QRectF
    legend: QPointF  # where the reasons legend goes, under the wall
    scene_rect: QRectF
    relaid: set[Cell] = field(default_factory=set)  # cells placed anew by the last `place`

    def cell_at(self, pos: QPointF) -> CellGeometry | None:
        for geometry in self.cells.values():
            if geometry.rect.contains(pos):
                return geometry
        return None


SCREEN_ASPECT = 16 / 9  # the wall is shown on 16:9 screens and projectors
TRAY_MAX_COLS = 10  # the tray grows into a wide grid beside the wall, then taller


@lru_cache(maxsize=4096)
def tray_columns(count: int, width: float, top: float, bottom: float) -> int:
    """How many cards wide the tray is: one for a few cards, else the grid that keeps the whole wall
    largest on a 16:9 screen (a note-taker typing 30 cards makes a wide block, not a strip that
    shrinks the wall). `width`: the wall without the tray; the tray runs from `top`, the rows to `bottom`."""
    if count <= 4:
        return 1

    def zoom(cols: int) -> float:
        tray_bottom = top + _extent(math.ceil(count / cols), CARD_H)
        height = max(bottom, tray_bottom) + LEGEND_H + MARGIN
        return min(SCREEN_ASPECT / (width + _extent(cols, CARD_W)), 1 / height)

    return max(range(TRAY_COLS, TRAY_MAX_COLS + 1), key=lambda cols: (zoom(cols), -cols))


@lru_cache(maxsize=64)
def shape_columns(counts: tuple[tuple[int, ...], ...], tray: int) -> tuple[int, ...]:
    """How many cards wide each column is, so the whole wall fills a 16:9 screen at the largest zoom.

    `counts[c][r]`: the cards shown in column c, row r. Every column starts one card wide; while the wall
    is taller than the screen, the column that holds a row up is widened, as long as that makes the
    fitted wall larger. A sparse wall keeps narrow columns (bigger cards on screen); a full one
    grows wide before it grows very tall."""
    if not counts:
        return ()
    rows = len(counts[0])
    wide = [1] * len(counts)
    limit = [max(1, min(MAX_CARDS_WIDE, max(col, default=0))) for col in counts]
    fixed_w = 2 * MARGIN + LABEL_W + COLUMN_GAP * len(counts) + 2 * COLUMN_GAP

    top = MARGIN + HEADER_H + COLUMN_GAP
    ext_w = [_extent(n, CARD_W) for n in range(MAX_CARDS_WIDE + 2)]

    ext_h = [_extent(n, CARD_H) for n in range(max((max(col, default=0) for col in counts), default=0) + 2)]

    def zoom_of(columns_w: float, lines: list[int]) -> float:
        # Every extent is a whole number of pixels: sums in any order are exact, so a trial may add
        # one column's difference to the current width and match a fresh sum to the last bit.
        rows_h = sum(ext_h[n] for n in lines) + COLUMN_GAP * (rows - 1)
        width = fixed_w + columns_w
        tray_cols = tray_columns(tray, width, top, top + rows_h)
        width += ext_w[tray_cols] if tray_cols < len(ext_w) else _extent(tray_cols, CARD_W)
        height = max(top + rows_h, top + _extent(math.ceil(tray / tray_cols), CARD_H)) + LEGEND_H + MARGIN
        return min(SCREEN_ASPECT / width, 1 / height)

    def fitted(w: list[int]) -> tuple[float, list[int]]:
        lines = [max(max(1, math.ceil(col[r] / n)) for col, n in zip(counts, w, strict=True)) for r in range(rows)]
        return zoom_of(sum(ext_w[n] for n in w), lines), lines

    best, lines = fitted(wide)
    while True:
        # Each column's lines per row, and per row the tallest column and the next tallest: a trial
        # widening one column then costs a row's worth of work, not the whole wall's (a command on a
        # 2,000-card wall reshapes its columns within a millisecond).
        per = [[-(-col[r] // n) for r in range(rows)] for col, n in zip(counts, wide, strict=True)]
        first, second = [0] * rows, [0] * rows
        for r in range(rows):
            top1, top2, at = -1, 0, 0
            for c in range(len(counts)):
                v = per[c][r]
                if v > top1:
                    top1, top2, at = v, max(top1, 0), c
                elif v > top2:
                    top2 = v
            first[r], second[r] = at, top2
        # Only a column that sets some row's height can make the wall shorter.
        holding = {
            c
            for r in range(rows)
            for c, col in enumerate(counts)
            if wide[c] < limit[c] and per[c][r] == lines[r] and lines[r] > 1
        }
        trials = []
        columns_w = sum(ext_w[n] for n in wide)
        for c in holding:
            trial = wide.copy()
            trial[c] += 1
            col = counts[c]
            trial_lines = [
                max(1, math.ceil(col[r] / trial[c]), second[r] if first[r] == c else per[first[r]][r])
                for r in range(rows)
            ]
            trial_w = columns_w - ext_w[wide[c]] + ext_w[trial[c]]
            trials.append(((zoom_of(trial_w, trial_lines), trial_lines), trial))
        if not trials:
            break
        (score, trial_lines), trial = max(trials, key=lambda t: t[0][0])
        if score <= best * 1.0001:
            # Widening one column alone may not shorten a row two columns hold up: widen them all.
            together = [min(w + 1, m) if c in holding else w for c, (w, m) in enumerate(zip(wide, limit, strict=True))]
            (score, trial_lines), trial = fitted(together), together
            if score <= best * 1.0001:
                break
        best, lines, wide = score, trial_lines, trial
    return tuple(wide)


def _extent(n: int, size: float) -> float:
    n = max(1, n)
    return 2 * CELL_PAD + n * size + (n - 1) * GAP


def cell_of_root(card: Card, category_ids, level_ids, skills_row: bool = True) -> Cell:
    """The cell a visible card stands in: a column gone sends it to the tray, a level gone to the skills row
    (to the tray on a wall without one: an asset map)."""
    if card.category_id is None or card.category_id not in category_ids:
        return TRAY
    if card.level_id is None or card.level_id not in level_ids:
        return (card.category_id, None) if skills_row else TRAY
    return (card.category_id, card.level_id)


def cell_slots(roots: list[Card], piles: dict[str, list[Card]], expanded) -> tuple[list[str], list[str]]:
    """A cell's slots and roots in order (sorts `roots`); an expanded pile shows its members after the root."""
    roots.sort(key=lambda c: (c.position, c.id))
    slots: list[str] = []
    for root in roots:
        slots.append(root.id)
        if root.id in expanded and len(piles[root.id]) > 1:
            slots.extend(c.id for c in piles[root.id][1:])
    return slots, [r.id for r in roots]


def compute_layout(
    session: Session, *, expanded: set[str] | frozenset = frozenset(), legend_width: float = 0.0
) -> WallLayout:
    piles = stacks_by_root(session)
    categories = session.ordered_categories()
    category_ids = {c.id for c in categories}
    levels = list(reversed(session.ordered_levels()))  # advanced on top
    level_ids = {lv.id for lv in levels}
    skills = has_skills_row(session)

    # Visible cards per cell, in order; an expanded pile shows its members after the root.
    by_cell: dict[Cell, list[Card]] = {}
    for pile in piles.values():
        by_cell.setdefault(cell_of_root(pile[0], category_ids, level_ids, skills), []).append(pile[0])
    contents = {cell: cell_slots(roots, piles, expanded) for cell, roots in by_cell.items()}
    return place(categories, levels, contents, piles, legend_width, skills_row=skills)


def place(
    categories: list,
    levels: list,
    contents: dict[Cell, tuple[list[str], list[str]]],
    piles: dict[str, list[Card]],
    legend_width: float,
    previous: WallLayout | None = None,
    dirty: set[Cell] | frozenset = frozenset(),
    skills_row: bool = True,
) -> WallLayout:
    """Pixels for cells whose contents are known. With `previous`, a cell neither `dirty` nor moved keeps
    its geometry and its cards' origins (a command touching one cell does not recompute 2,000 origins);
    `relaid` on the result names the cells whose geometry was made anew. `levels`: advanced first."""
    # Column widths from their fullest cell; row heights from the fullest cell of the row.
    skills = [(None, "Skills")] if skills_row else []
    row_keys: list[str | None] = [lv.id for lv in levels] + [key for key, _ in skills]
    counts = tuple(
        tuple(len(contents.get((category.id, key), ((), ()))[0]) for key in row_keys) for category in categories
    )
    shaped = shape_columns(counts, len(contents.get(TRAY, ((), ()))[0]))
    wide = {category.id: n for category, n in zip(categories, shaped, strict=True)}
    x = MARGIN + LABEL_W + COLUMN_GAP
    columns: list[Column] = []
    for category in categories:
        width = _extent(wide[category.id], CARD_W)
        columns.append(Column(category.id, x, width))
        x += width + COLUMN_GAP
    if not columns:
        x += EMPTY_COLUMN_W + COLUMN_GAP
    right = x - COLUMN_GAP

    y = MARGIN + HEADER_H + COLUMN_GAP
    rows: list[Row] = []
    for key, name in [(lv.id, lv.name) for lv in levels] + skills:
        lines = 1
        for category in categories:
            n = len(contents.get((category.id, key), ((), ()))[0])
            lines = max(lines, math.ceil(n / wide[category.id]))
        height = _extent(lines, CARD_H)
        rows.append(Row(key, name, y, height))
        y += height + COLUMN_GAP
    bottom = y - COLUMN_GAP

    cells: dict[Cell, CellGeometry] = {}
    for column in columns:
        for row in rows:
            cell = (column.category_id, row.level_id)
            slots, roots = contents.get(cell, ([], []))
            rect = QRectF(column.x, row.y, column.width, row.height)
            cells[cell] = CellGeometry(cell, rect, wide[column.category_id], slots, roots)

    tray_x = right + 2 * COLUMN_GAP
    tray_slots, tray_roots = contents.get(TRAY, ([], []))
    tray_top = MARGIN + HEADER_H + COLUMN_GAP
    tray_cols = tray_columns(len(tray_slots), tray_x + MARGIN, tray_top, bottom)
    tray_w = _extent(tray_cols, CARD_W)
    tray_lines = math.ceil(len(tray_slots) / tray_cols)
    tray_h = max(bottom - tray_top, _extent(tray_lines, CARD_H))
    cells[TRAY] = CellGeometry(TRAY, QRectF(tray_x, tray_top, tray_w, tray_h), tray_cols, tray_slots, tray_roots)
    bottom = max(bottom, tray_top + tray_h)

    old_cells = previous.cells if previous is not None else {}
    origins: dict[str, QPointF] = dict(previous.origins) if previous is not None else {}
    relaid: set[Cell] = set()
    for cell, geometry in cells.items():
        before = old_cells.get(cell)
        same = before is not None and before.rect == geometry.rect and before.cards_wide == geometry.cards_wide
        if same and cell not in dirty:
            cells[cell] = before  # the same cards at the same places
        else:
            relaid.add(cell)
    for cell in relaid:  # forget first, then place: a card may move from a later cell to an earlier one
        if cell in old_cells:
            for card_id in old_cells[cell].slots:
                origins.pop(card_id, None)
    for cell in relaid:
        geometry = cells[cell]
        for i, card_id in enumerate(geometry.slots):
            origins[card_id] = geometry.slot_origin(i)

    header_rect = QRectF(
        MARGIN + LABEL_W + COLUMN_GAP, MARGIN, max(0.0, right - MARGIN - LABEL_W - COLUMN_GAP), HEADER_H
    )
    tray_header = QRectF(tray_x, MARGIN, tray_w, HEADER_H)
    legend = QPointF(MARGIN + LABEL_W + COLUMN_GAP, bottom + 10)
    right_edge = max(tray_x + tray_w, legend.x() + legend_width if columns else 0.0) + MARGIN
    scene_rect = QRectF(0, 0, right_edge, bottom + LEGEND_H + MARGIN)
    layout = WallLayout(columns, rows, cells, origins, piles, header_rect, tray_header, legend, scene_rect)
    layout.relaid = relaid
    return layout
