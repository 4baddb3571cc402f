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

    def zoom(cols: int) -> float:
        tray_bottom = top + extent(math.ceil(count / cols), CARD_H)
        height = max(bottom, tray_bottom) + LEGEND_H + MARGIN
        return min(SCREEN_ASPECT / (width + extent(cols, CARD_W)), 1 / height)

    return max(range(TRAY_COLS, TRAY_MAX_COLS + 1), key=lambda cols: (zoom(cols), -cols))


@lru_cache(maxsize=64)
def shape_columns(counts: tuple[tuple[int, ...], ...], tray: int) -> tuple[int, ...]:
    """How many cards wide each column is, so the whole wall fills a 16:9 screen at the largest zoom.

    `counts[c][r]`: the cards shown in column c, row r. Every column starts one card wide; while the wall
    is taller than the screen, the column that holds a row up is widened, as long as that makes the
    fitted wall larger (of equals, the first found: rows top to bottom, columns left to right, as a set
    of them iterates). When no one column can shorten the wall, every column holding a row up widens
    at once. A sparse wall keeps narrow columns (bigger cards on screen); a full one grows wide before
    it grows very tall."""
    if not counts:
        return ()
    return tuple(_Shaper(counts, tray).run())


class _Shaper:
    """One search of `shape_columns`. Widening one column adds the same width whichever it is, so only a
    column standing alone at the top of some row (it alone holds that row up) can make the wall larger:
    each step tries those few, not every column, and keeps each row's tallest and next tallest at hand."""

    def __init__(self, counts: tuple[tuple[int, ...], ...], tray: int) -> None:
        self.counts, self.tray = counts, tray
        self.rows = len(counts[0])
        self.wide = [1] * len(counts)
        self.limit = [max(1, min(MAX_CARDS_WIDE, max(col, default=0))) for col in counts]
        self.fixed_w = 2 * MARGIN + LABEL_W + COLUMN_GAP * len(counts) + 2 * COLUMN_GAP
        self.top = MARGIN + HEADER_H + COLUMN_GAP
        self.ext_w = [extent(n, CARD_W) for n in range(MAX_CARDS_WIDE + 2)]
        tallest = max((max(col, default=0) for col in counts), default=0)
        self.ext_h = [extent(n, CARD_H) for n in range(tallest + 2)]
        self.per: list[list[int]] = []  # lines per row and column, row by row: ceil(counts[c][r] / wide[c])
        self.heads: list[tuple[int, int] | None] = [None] * self.rows  # per row: (tallest column, next height)
        self.zooms: dict[tuple[float, float], float] = {}

    def zoom_of(self, columns_w: float, lines: list[int]) -> float:
        return self.zoom_at(columns_w, sum(map(self.ext_h.__getitem__, lines)))

    def zoom_at(self, columns_w: float, rows_h: float) -> float:
        """The fitted zoom of the wall with columns this wide and rows this tall (cards only, no gaps).

        Every extent is a whole number of pixels: sums in any order are exact, so a trial may add one
        column's difference to the current width and match a fresh sum to the last bit."""
        key = (columns_w, rows_h)
        zoom = self.zooms.get(key)
        if zoom is None:
            ext_w, top, tray = self.ext_w, self.top, self.tray
            rows_h += COLUMN_GAP * (self.rows - 1)
            width = self.fixed_w + columns_w
            tray_cols = tray_columns(tray, width, top, top + rows_h)
            width += ext_w[tray_cols] if tray_cols < len(ext_w) else extent(tray_cols, CARD_W)
            height = max(top + rows_h, top + extent(math.ceil(tray / tray_cols), CARD_H)) + LEGEND_H + MARGIN
            zoom = self.zooms[key] = min(SCREEN_ASPECT / width, 1 / height)
        return zoom

    def fitted(self, wide: list[int]) -> tuple[float, list[int], list[list[int]]]:
        """The zoom with columns `wide`, the lines of each row, and each row's lines per column."""
        counts = self.counts
        per = [[-(-col[r] // n) for col, n in zip(counts, wide, strict=True)] for r in range(self.rows)]
        lines = [max(1, max(row)) for row in per]
        return self.zoom_of(sum(self.ext_w[n] for n in wide), lines), lines, per

    def head(self, r: int) -> tuple[int, int]:
        """Row r's tallest column (the first, left to right) and the height of the next tallest (ties: the same)."""
        row = self.per[r]
        tallest = max(row)
        first = row.index(tallest)
        if row.count(tallest) > 1:
            return first, tallest
        return first, max(max(row[:first], default=0), max(row[first + 1 :], default=0))

    def holding(self, lines: list[int]) -> set[int]:
        """The columns that hold some row up and may widen, added in the order the plain search adds them
        (rows top to bottom, columns left to right), so the set iterates in the same order as its set."""
        wide, limit = self.wide, self.limit
        out: set[int] = set()
        for row, tallest in zip(self.per, lines, strict=True):
            if tallest > 1 and tallest in row:
                c = row.index(tallest)
                while c >= 0:
                    if wide[c] < limit[c]:
                        out.add(c)
                    c = row.index(tallest, c + 1) if tallest in row[c + 1 :] else -1
        return out

    def run(self) -> list[int]:
        counts, wide, limit, ext_w, ext_h, rows = self.counts, self.wide, self.limit, self.ext_w, self.ext_h, self.rows
        best, lines, self.per = self.fitted(wide)
        columns_w = sum(ext_w[n] for n in wide)
        step_w = ext_w[2] - ext_w[1]  # widening any column by one card: the same width (whole pixels: exact)
        heads = self.heads
        while True:
            # The rows each column alone holds up, and the height widening it saves there (only there).
            saved: dict[int, float] = {}
            for r in range(rows):
                tallest = lines[r]
                if tallest < 2:
                    continue
                head = heads[r]
                if head is None:
                    head = heads[r] = self.head(r)
                c, second = head
                if second < tallest and wide[c] < limit[c]:
                    k = -(-counts[c][r] // (wide[c] + 1))
                    k = max(k, second, 1)
                    if k < tallest:
                        saved[c] = saved.get(c, 0.0) + ext_h[tallest] - ext_h[k]
            score = None
            if saved:
                # The same width whichever column widens: the most height saved is the largest zoom. Another
                # may equal it only where the zoom no longer grows as the wall gets shorter (width-bound).
                rows_h = sum(map(ext_h.__getitem__, lines))
                trial_w = columns_w + step_w
                ranked = sorted(saved.items(), key=lambda t: -t[1])
                most = ranked[0][1]
                score = self.zoom_at(trial_w, rows_h - most)
                equals = [ranked[0][0]]
                for c, height in ranked[1:]:
                    if height != most and self.zoom_at(trial_w, rows_h - height) != score:
                        break
                    equals.append(c)
            if score is not None and score > best * 1.0001:
                c = equals[0]
                if len(equals) > 1:  # the first of them in the plain search's order
                    c = next(h for h in self.holding(lines) if h in equals)
                n = wide[c] + 1
                lines = lines.copy()
                for r in range(rows):
                    if heads[r] is not None and heads[r][0] == c and lines[r] > 1:
                        lines[r] = max(-(-counts[c][r] // n), heads[r][1], 1)
                best, columns_w = score, trial_w
                self.widen(c, n)
                continue
            holding = self.holding(lines)
            if not holding:
                break
            # Widening one column alone may not shorten a row two columns hold up: widen them all.
            together = [min(w + 1, m) if c in holding else w for c, (w, m) in enumerate(zip(wide, limit, strict=True))]
            score, trial_lines, per = self.fitted(together)
            if score <= best * 1.0001:
                break
            wide[:] = together
            self.per = per
            heads[:] = [None] * rows
            best, lines, columns_w = score, trial_lines, sum(ext_w[n] for n in wide)
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
