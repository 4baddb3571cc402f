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

from PySide6.QtCore import QPointF, QRectF

from cardwall.assets import has_skills_row
from cardwall.model import Card, Session
from cardwall.wall import stacks_by_root
from ui.wall.shape import TRAY_MAX_COLS, extent, shape_columns, tray_columns  # noqa: F401 (TRAY_MAX_COLS: asked of the layout)
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

    def slot_origin(self, index: int) -> QPointF:
        row, col = divmod(index, self.cards_wide)
        return QPointF(
            self.rect.x() + CELL_PAD + col * (CARD_W + GAP),
            self.rect.y() + CELL_PAD + row * (CARD_H + GAP),
        )

    def slot_origins(self) -> list[QPointF]:
        """The origin of every slot in order: `slot_origin` for a whole cell in one loop."""
        x, y, wide = self.rect.x() + CELL_PAD, self.rect.y() + CELL_PAD, self.cards_wide
        places = (divmod(i, wide) for i in range(len(self.slots)))
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
    column_ids = [category.id for category in categories]
    if previous is not None and previous.keys == (column_ids, row_keys):  # the same grid: count the dirty cells
        grid = [list(col) for col in previous.counts]
        where = {key: i for i, key in enumerate(row_keys)}
        at = {cat: i for i, cat in enumerate(column_ids)}
        for cat, key in dirty:
            if cat in at and key in where:
                grid[at[cat]][where[key]] = len(contents.get((cat, key), ((), ()))[0])
        counts = tuple(map(tuple, grid))
    else:
        counts = tuple(tuple(len(contents.get((cat, key), ((), ()))[0]) for key in row_keys) for cat in column_ids)
    shaped = shape_columns(counts, len(contents.get(TRAY, ((), ()))[0]))
    wide = {category.id: n for category, n in zip(categories, shaped, strict=True)}
    x = MARGIN + LABEL_W + COLUMN_GAP
    columns: list[Column] = []
    for category in categories:
        width = extent(wide[category.id], CARD_W)
        columns.append(Column(category.id, x, width))
        x += width + COLUMN_GAP
    if not columns:
        x += EMPTY_COLUMN_W + COLUMN_GAP
    right = x - COLUMN_GAP

    y = MARGIN + HEADER_H + COLUMN_GAP
    rows: list[Row] = []
    names = [lv.name for lv in levels] + [name for _, name in skills]
    for r, (key, name) in enumerate(zip(row_keys, names, strict=True)):
        lines = max((-(-col[r] // n) for col, n in zip(counts, shaped, strict=True)), default=1)
        height = extent(lines, CARD_H)
        rows.append(Row(key, name, y, height))
        y += height + COLUMN_GAP
    bottom = y - COLUMN_GAP

    # The same columns and rows as before (most commands): only the cells named dirty get new contents.
    same_frame = previous is not None and columns == previous.columns and rows == previous.rows
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
    for cell in relaid:  # forget first, then place: a card may move from a later cell to an earlier one
        if cell in old_cells:
            for card_id in old_cells[cell].slots:
                origins.pop(card_id, None)
    for cell in relaid:
        geometry = cells[cell]
        origins.update(zip(geometry.slots, geometry.slot_origins(), strict=True))

    header_rect = QRectF(
        MARGIN + LABEL_W + COLUMN_GAP, MARGIN, max(0.0, right - MARGIN - LABEL_W - COLUMN_GAP), HEADER_H
    )
    tray_header = QRectF(tray_x, MARGIN, tray_w, HEADER_H)
    legend = QPointF(MARGIN + LABEL_W + COLUMN_GAP, bottom + 10)
    right_edge = max(tray_x + tray_w, legend.x() + legend_width if columns else 0.0) + MARGIN
    scene_rect = QRectF(0, 0, right_edge, bottom + LEGEND_H + MARGIN)
    layout = WallLayout(columns, rows, cells, origins, piles, header_rect, tray_header, legend, scene_rect)
    layout.relaid, layout.counts, layout.keys, layout.same_frame = relaid, counts, (column_ids, row_keys), same_frame
    return layout
