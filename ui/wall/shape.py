"""How wide each column of the wall is (in cards) and how wide the tray is, so the whole wall fills a 16:9 screen.

Pure arithmetic over card counts, asked again after every command that moves a
card from one cell to another: `shape_columns` answers within a fraction of a
millisecond for a 2,000-card wall by looking, at each step, only at the few
columns that hold a row up (tests/ui/test_wall_sync_shape.py holds it to the
plain search it replaces, result for result).
"""

from __future__ import annotations

import math
from functools import lru_cache

from ui.wall.style import CARD_H, CARD_W, CELL_PAD, COLUMN_GAP, GAP, HEADER_H, LABEL_W, LEGEND_H, MARGIN, TRAY_COLS

MAX_CARDS_WIDE = 4
SCREEN_ASPECT = 16 / 9  # the wall is shown on 16:9 screens and projectors
TRAY_MAX_COLS = 10  # the tray grows into a wide grid beside the wall, then taller


def extent(n: int, size: float) -> float:
    """The width (or height) of a cell `n` cards across (or down)."""
    n = max(1, n)
    return 2 * CELL_PAD + n * size + (n - 1) * GAP


@lru_cache(maxsize=4096)
def tray_columns(count: int, width: float, top: float, bottom: float) -> int:
    """How many cards wide the tray is: one for a few cards, else the grid that keeps the whole wall
    largest on a 16:9 screen (a note-taker typing 30 cards makes a wide block, not a strip that
    shrinks the wall). `width`: the wall without the tray; the tray runs from `top`, the rows to `bottom`."""
    if count <= 4:
        return 1
    best, choice = -1.0, TRAY_COLS
    for cols, tray_w, tray_h in _tray_grids(count):  # of equal zooms, the narrowest
        height = max(bottom, top + tray_h) + LEGEND_H + MARGIN
        zoom = min(SCREEN_ASPECT / (width + tray_w), 1 / height)
        if zoom > best:
            best, choice = zoom, cols
    return choice


@lru_cache(maxsize=256)
def _tray_grids(count: int) -> tuple[tuple[int, float, float], ...]:
    """(columns, width, height) of each grid the tray's `count` cards may take."""
    return tuple(
        (cols, extent(cols, CARD_W), extent(math.ceil(count / cols), CARD_H))
        for cols in range(TRAY_COLS, TRAY_MAX_COLS + 1)
    )


def shape_columns(counts: tuple[tuple[int, ...], ...], tray: int) -> tuple[int, ...]:
    """How many cards wide each column is, so the whole wall fills a 16:9 screen at the largest zoom.

    `counts[c][r]`: the cards shown in column c, row r. Every column starts one card wide; while the wall
    is taller than the screen, the column that holds a row up is widened, as long as that makes the
    fitted wall larger (of equals, the first found: rows top to bottom, columns left to right, as a set
    of them iterates). When no one column can shorten the wall, every column holding a row up widens
    at once. A sparse wall keeps narrow columns (bigger cards on screen); a full one grows wide before
    it grows very tall."""
    return shape_wall(counts, tray)[0]


@lru_cache(maxsize=64)
def shape_wall(counts: tuple[tuple[int, ...], ...], tray: int) -> tuple[tuple[int, ...], tuple[int, ...]]:
    """`shape_columns`, and the lines of cards down each row with the columns that wide (at least 1)."""
    if not counts:
        return (), ()
    shaper = _Shaper(counts, tray)
    wide = tuple(shaper.run())
    return wide, tuple(shaper.lines)


# Every extent is a whole number of pixels and grows by the same step per card: a cell n >= 1 cards wide (or down)
# is BASE + n * STEP. A wall's width is then one sum of cards across and its height one sum of lines, so a trial's
# zoom is known from two integers (exact: whole pixels in any order), and the zooms of one wall's searches are
# remembered across them (the next command's search asks mostly the same ones).
_BASE = 2 * CELL_PAD - GAP
_ACROSS = CARD_W + GAP
_DOWN = CARD_H + GAP
_ZOOMS: dict[tuple, float] = {}
_ZOOMS_KEPT = 8192


class _Shaper:
    """One search of `shape_columns`. Widening one column adds the same width whichever it is, so only a
    column standing alone at the top of some row (it alone holds that row up) can make the wall larger:
    each step tries those few, not every column, and keeps each row's tallest and next tallest at hand.
    Heights are counted in lines of cards (a row's height is BASE + lines * DOWN), widths in cards across."""

    def __init__(self, counts: tuple[tuple[int, ...], ...], tray: int) -> None:
        self.counts, self.tray = counts, tray
        self.rows = len(counts[0])
        self.wide = [1] * len(counts)
        fullest = map(max, counts) if self.rows else [0] * len(counts)  # a wall with no rows: no cards shown
        self.limit = [min(MAX_CARDS_WIDE, most) if most > 1 else 1 for most in fullest]
        self.fixed_w = 2 * MARGIN + LABEL_W + COLUMN_GAP * len(counts) + 2 * COLUMN_GAP + len(counts) * _BASE
        self.fixed_h = self.rows * _BASE + COLUMN_GAP * (self.rows - 1)
        self.top = MARGIN + HEADER_H + COLUMN_GAP
        self.per: list[list[int]] = []  # lines per row and column, row by row: ceil(counts[c][r] / wide[c])
        self.heads: list[tuple[int, int] | None] = [None] * self.rows  # per row: (tallest column, next height)
        self.key = (len(counts), self.rows, tray)
        if len(_ZOOMS) > _ZOOMS_KEPT:
            _ZOOMS.clear()

    def zoom_at(self, across: int, lines: int) -> float:
        """The fitted zoom of the wall with `across` cards across its columns and `lines` lines down its rows."""
        key = (*self.key, across, lines)
        zoom = _ZOOMS.get(key)
        if zoom is None:
            top, tray = self.top, self.tray
            rows_h = self.fixed_h + lines * _DOWN
            width = self.fixed_w + across * _ACROSS
            tray_cols = tray_columns(tray, width, top, top + rows_h)
            width += extent(tray_cols, CARD_W)
            height = max(top + rows_h, top + extent(math.ceil(tray / tray_cols), CARD_H)) + LEGEND_H + MARGIN
            zoom = _ZOOMS[key] = min(SCREEN_ASPECT / width, 1 / height)
        return zoom

    def head(self, r: int) -> tuple[int, int]:
        """Row r's tallest column (the first, left to right) and the height of the next tallest (ties: the same)."""
        row = self.per[r]
        tallest = max(row)
        first = row.index(tallest)
        if len(row) < 2:
            return first, 0
        row[first] = -1  # out of the way for a moment: the next tallest is then the largest
        second = max(row)
        row[first] = tallest
        return first, second

    def holding(self, lines: list[int]) -> set[int]:
        """The columns that hold some row up and may widen, added in the order the plain search adds them
        (rows top to bottom, columns left to right), so the set iterates in the same order as its set."""
        wide, limit = self.wide, self.limit
        out: set[int] = set()
        for row, tallest in zip(self.per, lines, strict=True):
            if tallest > 1:
                c = -1
                for _ in range(row.count(tallest)):
                    c = row.index(tallest, c + 1)
                    if wide[c] < limit[c]:
                        out.add(c)
        return out

    def run(self) -> list[int]:
        counts, wide, limit, rows = self.counts, self.wide, self.limit, range(self.rows)
        self.per = [list(row) for row in zip(*counts, strict=True)]  # one card wide: a cell's lines are its cards
        lines = [max(1, max(row)) for row in self.per]
        across, down = len(wide), sum(lines)
        best = self.zoom_at(across, down)
        heads, head, zoom_at = self.heads, self.head, self.zoom_at
        while True:
            # The rows each column alone holds up, and the lines widening it saves there (only there).
            saved: dict[int, int] = {}
            cuts: list[tuple[int, int, int]] = []  # (column, row, the row's lines once that column widens)
            for r in rows:
                tallest = lines[r]
                if tallest < 2:
                    continue
                found = heads[r]
                if found is None:
                    found = heads[r] = head(r)
                c, second = found
                if second < tallest and wide[c] < limit[c]:
                    k = -(-counts[c][r] // (wide[c] + 1))
                    if k < second:
                        k = second
                    if k < tallest:
                        k = k or 1
                        saved[c] = saved.get(c, 0) + tallest - k
                        cuts.append((c, r, k))
            if saved:
                # The same width whichever column widens: the most height saved is the largest zoom. Another
                # may equal it only where the zoom no longer grows as the wall gets shorter (width-bound).
                ranked = sorted(saved.values(), reverse=True)
                most = ranked[0]
                score = zoom_at(across + 1, down - most)
                if score > best * 1.0001:
                    c = max(saved, key=saved.get)  # the first found of those saving the most
                    # One saving less ties only where its zoom stands still too (width-bound).
                    if len(ranked) > 1 and (ranked[1] == most or zoom_at(across + 1, down - ranked[1]) == score):
                        equals = [c for c, n in saved.items() if zoom_at(across + 1, down - n) == score]
                        c = next(h for h in self.holding(lines) if h in equals)  # the plain search's order
                    for column, r, k in cuts:
                        if column == c:
                            lines[r] = k
                    best, across, down = score, across + 1, down - saved[c]
                    self.widen(c, wide[c] + 1)
                    continue
            holding = self.holding(lines)
            if not holding:
                break
            # Widening one column alone may not shorten a row two columns hold up: widen them all.
            per = [row.copy() for row in self.per]
            together = wide.copy()
            for c in holding:  # each of them narrower than its limit
                n = together[c] = wide[c] + 1
                col = counts[c]
                for r in rows:
                    per[r][c] = -(-col[r] // n)
            trial_lines = [max(1, max(row)) for row in per]
            score = zoom_at(across + len(holding), sum(trial_lines))
            if score <= best * 1.0001:
                break
            wide[:] = together
            self.per = per
            heads[:] = [None] * self.rows
            best, lines, across, down = score, trial_lines, across + len(holding), sum(trial_lines)
        self.lines = lines
        return wide

    def widen(self, c: int, n: int) -> None:
        """Column c becomes n cards wide; the rows whose tallest or next tallest it was are looked at again."""
        self.wide[c] = n
        col, per, heads = self.counts[c], self.per, self.heads
        for r in range(self.rows):
            was = per[r][c]
            per[r][c] = -(-col[r] // n)
            head = heads[r]
            if head is not None and (head[0] == c or was >= head[1]):
                heads[r] = None
