"""Where everything on the wall goes: pixels computed from (category, level, position).

Pure geometry over the domain, no items: the scene places its items from a
`WallLayout`, and the interactions ask it which cell and which slot lies
under the pointer. Columns are categories left to right, rows are levels
with the entry level at the bottom, then a skills row per column; the
unsorted tray stands at the right.
"""

from __future__ import annotations

import bisect
import math
from dataclasses import dataclass, field
from itertools import filterfalse, repeat

from PySide6.QtCore import QPointF, QRectF

from cardwall.assets import has_skills_row
from cardwall.model import Card, Session
from cardwall.wall import stacks_by_root
from ui.wall.shape import TRAY_MAX_COLS, extent, shape_wall, tray_columns  # noqa: F401 (TRAY_MAX_COLS: asked of the layout)
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
)

Cell = tuple[str | None, str | None]  # (category_id, level_id); (None, None) is the tray
TRAY: Cell = (None, None)
EMPTY_COLUMN_W = 2 * CELL_PAD + 2 * CARD_W + GAP  # where "add a category" shows on an empty wall


@dataclass
class CellGeometry:
    cell: Cell
    rect: QRectF
    cards_wide: int
    slots: list[str] = field(default_factory=list)  # card ids shown, in order (expanded piles included)
    roots: list[str] = field(default_factory=list)  # the visible cards MoveCards counts, in order
    held: int = -1  # the cards standing here, piles whole, once counted (a cell whose piles change is made anew)

    def cards(self, piles: dict[str, list[Card]]) -> int:
        """How many cards stand in this cell, each pile counted whole (its column's header adds them up)."""
        if self.held < 0:
            self.held = sum(map(len, map(piles.__getitem__, self.roots)))
        return self.held

    def slot_origin(self, index: int) -> QPointF:
        row, col = divmod(index, self.cards_wide)
        return QPointF(
            self.rect.x() + CELL_PAD + col * (CARD_W + GAP),
            self.rect.y() + CELL_PAD + row * (CARD_H + GAP),
        )

    def slot_origins(self, start: int = 0) -> list[QPointF]:
        """The origin of every slot in order, from slot `start` on: `slot_origin` for many in one loop."""
        x, y, wide = self.rect.x() + CELL_PAD, self.rect.y() + CELL_PAD, self.cards_wide
        places = map(divmod, range(start, len(self.slots)), repeat(wide))
        return [QPointF(x + col * (CARD_W + GAP), y + row * (CARD_H + GAP)) for row, col in places]

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
    counts: tuple = ()  # cards shown per column and row, as `shape_columns` takes them
    keys: tuple = ()  # (column ids, row ids) the counts are for
    same_frame: bool = False  # `place` kept the columns and rows of the layout before: only `relaid` cells changed
    frame: tuple = ()  # (cards wide per column, lines per row) the columns and rows were made from
    placed: dict = field(default_factory=dict)  # relaid cell -> its cards whose origin `place` set (the rest stay)

    def cell_at(self, pos: QPointF) -> CellGeometry | None:
        for geometry in self.cells.values():
            if geometry.rect.contains(pos):
                return geometry
        return None


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


def cell_slots_after(
    before: list[str], touched: set[str], added: list[Card], cards: dict[str, Card], piles, expanded
) -> tuple[list[str], list[str]]:
    """`cell_slots` for a cell whose roots were `before` (in order), less the `touched`, plus the `added`: the
    roots no change touched keep their order (their cards did not change), the added go in by (position, id)."""
    roots = list(filterfalse(touched.__contains__, before))
    key = _ordered(cards)
    for card in added:
        bisect.insort(roots, card.id, key=key)
    if not expanded or expanded.isdisjoint(roots):
        return roots.copy(), roots
    return cell_slots([cards[r] for r in roots], piles, expanded)


def _same_start(old: list[str], new: list[str]) -> int:
    """How many first items `old` and `new` share (a binary search over whole-slice comparisons)."""
    low, high = 0, min(len(old), len(new))
    while low < high:
        mid = (low + high + 1) // 2
        if old[:mid] == new[:mid]:
            low = mid
        else:
            high = mid - 1
    return low


class _Contents(dict):
    """The slots and roots of the cells named, and of every other cell what it held in `cells`."""

    def __init__(self, named: dict, cells: dict) -> None:
        super().__init__(named)
        self.cells = cells

    def get(self, cell, default=None):
        if cell in self:
            return self[cell]
        geometry = self.cells.get(cell)
        return default if geometry is None else (geometry.slots, geometry.roots)


def _ordered(cards: dict[str, Card]):
    return lambda card_id: (cards[card_id].position, card_id)


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
    its geometry and its cards' origins (a command touching one cell does not recompute 2,000 origins), and
    `contents` need name only the dirty cells (the rest hold what they held); `relaid` on the result names
    the cells whose geometry was made anew. `levels`: advanced first."""
    if previous is not None:
        contents = _Contents(contents, previous.cells)
    # Column widths from their fullest cell; row heights from the fullest cell of the row.
    skills = [(None, "Skills")] if skills_row else []
    row_keys: list[str | None] = [lv.id for lv in levels] + [key for key, _ in skills]
    column_ids = [category.id for category in categories]
    if previous is not None and previous.keys == (column_ids, row_keys):  # the same grid: count the dirty cells
        grid = list(previous.counts)
        for cat, key in dirty:
            if cat is not None and cat in column_ids and key in row_keys:
                c = column_ids.index(cat)
                column = list(grid[c])
                column[row_keys.index(key)] = len(contents.get((cat, key), ((), ()))[0])
                grid[c] = tuple(column)
        counts = tuple(grid)
    else:
        counts = tuple(tuple(len(contents.get((cat, key), ((), ()))[0]) for key in row_keys) for cat in column_ids)
    shaped, lines = shape_wall(counts, len(contents.get(TRAY, ((), ()))[0]))
    frame = (shaped, lines or (1,) * len(row_keys))
    if previous is not None and previous.keys == (column_ids, row_keys) and previous.frame == frame:
        # The same widths and heights as before (most commands): the columns and rows are the layout's before.
        columns, rows = previous.columns, previous.rows
        right = columns[-1].x + columns[-1].width if columns else MARGIN + LABEL_W + EMPTY_COLUMN_W + COLUMN_GAP
        bottom = rows[-1].y + rows[-1].height if rows else MARGIN + HEADER_H
    else:
        columns, right, rows, bottom = _frame(categories, levels, skills, *frame)
    # The same columns and rows as before (most commands): only the cells named dirty get new contents.
    same_frame = previous is not None and (columns is previous.columns or columns == previous.columns)
    same_frame = same_frame and (rows is previous.rows or rows == previous.rows)
    old_cells = previous.cells if previous is not None else {}
    cells: dict[Cell, CellGeometry] = {}
    if same_frame:
        cells.update(old_cells)
        for cell in dirty:
            before = cells.get(cell)
            if before is not None and cell != TRAY:
                slots, roots = contents.get(cell, ([], []))
                cells[cell] = CellGeometry(cell, before.rect, before.cards_wide, slots, roots)
    else:
        for column, wide in zip(columns, shaped, strict=True):
            for row in rows:
                cell = (column.category_id, row.level_id)
                slots, roots = contents.get(cell, ([], []))
                rect = QRectF(column.x, row.y, column.width, row.height)
                cells[cell] = CellGeometry(cell, rect, wide, slots, roots)

    tray_x = right + 2 * COLUMN_GAP
    tray_slots, tray_roots = contents.get(TRAY, ([], []))
    tray_top = MARGIN + HEADER_H + COLUMN_GAP
    tray_cols = tray_columns(len(tray_slots), tray_x + MARGIN, tray_top, bottom)
    tray_w = extent(tray_cols, CARD_W)
    tray_lines = math.ceil(len(tray_slots) / tray_cols)
    tray_h = max(bottom - tray_top, extent(tray_lines, CARD_H))
    cells[TRAY] = CellGeometry(TRAY, QRectF(tray_x, tray_top, tray_w, tray_h), tray_cols, tray_slots, tray_roots)
    bottom = max(bottom, tray_top + tray_h)

    origins: dict[str, QPointF] = previous.origins if previous is not None else {}  # taken over, not copied
    relaid: set[Cell] = set()
    for cell in (dirty & cells.keys()) | {TRAY} if same_frame else cells:
        geometry, before = cells[cell], old_cells.get(cell)
        same = before is not None and before.rect == geometry.rect and before.cards_wide == geometry.cards_wide
        if same and cell not in dirty:
            cells[cell] = before  # the same cards at the same places
        else:
            relaid.add(cell)
    if previous is None:  # a whole layout: every card placed
        for geometry in cells.values():
            origins.update(zip(geometry.slots, geometry.slot_origins(), strict=True))
        placed = {}
    else:
        placed = _origins_after(origins, relaid, cells, old_cells)

    header_rect = QRectF(
        MARGIN + LABEL_W + COLUMN_GAP, MARGIN, max(0.0, right - MARGIN - LABEL_W - COLUMN_GAP), HEADER_H
    )
    tray_header = QRectF(tray_x, MARGIN, tray_w, HEADER_H)
    legend = QPointF(MARGIN + LABEL_W + COLUMN_GAP, bottom + 10)
    right_edge = max(tray_x + tray_w, legend.x() + legend_width if columns else 0.0) + MARGIN
    scene_rect = QRectF(0, 0, right_edge, bottom + LEGEND_H + MARGIN)
    layout = WallLayout(columns, rows, cells, origins, piles, header_rect, tray_header, legend, scene_rect)
    layout.relaid, layout.counts, layout.keys, layout.same_frame = relaid, counts, (column_ids, row_keys), same_frame
    layout.frame, layout.placed = frame, placed
    return layout


def _origins_after(origins: dict, relaid: set[Cell], cells: dict, old_cells: dict) -> dict[Cell, list[str]]:
    """The origins of the relaid cells' cards, written over in place (2,000 origins, no more, no fewer, for a
    move); the cards each relaid cell placed anew, by cell. A cell in the same rectangle as before keeps the
    origins of the cards in the same slots as before (a card put in at the front moves the rest; one taken
    out moves those after it, not those before)."""
    kept: dict[Cell, int] = {}  # relaid cell -> how many of its first slots hold the cards they held
    for cell in relaid:
        before, geometry = old_cells.get(cell), cells[cell]
        if before is not None and before.rect == geometry.rect and before.cards_wide == geometry.cards_wide:
            kept[cell] = _same_start(before.slots, geometry.slots)
    placed: dict[Cell, list[str]] = {}
    for cell in relaid:
        geometry, start = cells[cell], kept.get(cell, 0)
        placed[cell] = geometry.slots[start:]
        origins.update(zip(placed[cell], geometry.slot_origins(start), strict=True))
    shown = set().union(*placed.values())
    for cell in relaid:  # then the cards gone from the relaid cells (deleted, or piled unseen) are forgotten
        if cell in old_cells:
            for card_id in old_cells[cell].slots[kept.get(cell, 0) :]:
                if card_id not in shown:
                    origins.pop(card_id, None)
    return placed


def _frame(categories: list, levels: list, skills: list, shaped: tuple[int, ...], lines: tuple[int, ...]):
    """The columns (left to right) and rows (top to bottom) of cells `shaped` cards wide and `lines` cards down,
    with the right edge of the last column and the bottom of the last row."""
    x = MARGIN + LABEL_W + COLUMN_GAP
    columns: list[Column] = []
    for category, n in zip(categories, shaped, strict=True):
        width = extent(n, CARD_W)
        columns.append(Column(category.id, x, width))
        x += width + COLUMN_GAP
    if not columns:
        x += EMPTY_COLUMN_W + COLUMN_GAP
    y = MARGIN + HEADER_H + COLUMN_GAP
    rows: list[Row] = []
    keys = [(lv.id, lv.name) for lv in levels] + skills
    for (key, name), n in zip(keys, lines, strict=True):
        height = extent(n, CARD_H)
        rows.append(Row(key, name, y, height))
        y += height + COLUMN_GAP
    return columns, x - COLUMN_GAP, rows, y - COLUMN_GAP
