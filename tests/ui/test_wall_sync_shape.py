"""The columns' shape, asked after every command that moves a card between cells, is the plain search's
result for result: `shape_columns` (ui/wall/shape.py) only looks at fewer columns per step."""

from __future__ import annotations

import math

from hypothesis import given, settings
from hypothesis import strategies as st

from ui.wall.shape import MAX_CARDS_WIDE, SCREEN_ASPECT, extent, shape_columns, shape_wall, tray_columns
from ui.wall.style import CARD_H, CARD_W, COLUMN_GAP, HEADER_H, LABEL_W, LEGEND_H, MARGIN


def plain_shape(counts: tuple[tuple[int, ...], ...], tray: int) -> tuple[int, ...]:
    """The search as it stood before: every column holding a row up is tried at every step."""
    if not counts:
        return ()
    rows = len(counts[0])
    wide = [1] * len(counts)
    limit = [max(1, min(MAX_CARDS_WIDE, max(col, default=0))) for col in counts]
    fixed_w = 2 * MARGIN + LABEL_W + COLUMN_GAP * len(counts) + 2 * COLUMN_GAP
    top = MARGIN + HEADER_H + COLUMN_GAP
    ext_w = [extent(n, CARD_W) for n in range(MAX_CARDS_WIDE + 2)]
    ext_h = [extent(n, CARD_H) for n in range(max((max(col, default=0) for col in counts), default=0) + 2)]

    def zoom_of(columns_w: float, lines: list[int]) -> float:
        rows_h = sum(ext_h[n] for n in lines) + COLUMN_GAP * (rows - 1)
        width = fixed_w + columns_w
        tray_cols = tray_columns(tray, width, top, top + rows_h)
        width += ext_w[tray_cols] if tray_cols < len(ext_w) else extent(tray_cols, CARD_W)
        height = max(top + rows_h, top + extent(math.ceil(tray / tray_cols), CARD_H)) + LEGEND_H + MARGIN
        return min(SCREEN_ASPECT / width, 1 / height)

    def fitted(w: list[int]) -> tuple[float, list[int]]:
        lines = [max(max(1, math.ceil(col[r] / n)) for col, n in zip(counts, w, strict=True)) for r in range(rows)]
        return zoom_of(sum(ext_w[n] for n in w), lines), lines

    best, lines = fitted(wide)
    while True:
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
            together = [min(w + 1, m) if c in holding else w for c, (w, m) in enumerate(zip(wide, limit, strict=True))]
            (score, trial_lines), trial = fitted(together), together
            if score <= best * 1.0001:
                break
        best, lines, wide = score, trial_lines, trial
    return tuple(wide)


def _lines(counts, wide) -> tuple[int, ...]:
    """The lines of cards down each row, the columns `wide` cards wide (an empty row still one line)."""
    return tuple(max(1, *(-(-col[r] // n) for col, n in zip(counts, wide, strict=True))) for r in range(len(counts[0])))


def _searched(counts, tray) -> tuple[int, ...]:
    """The search afresh (no answer remembered), and the lines it reports checked against its widths."""
    wide, lines = shape_wall.__wrapped__(counts, tray)
    assert lines == _lines(counts, wide)
    return wide


def walls(most: int):
    """Card counts per column and row (rows: the levels and the skills row) and the tray's count."""
    return st.integers(1, 5).flatmap(
        lambda rows: st.tuples(
            st.lists(st.tuples(*[st.integers(0, most)] * rows), min_size=1, max_size=24).map(tuple),
            st.integers(0, 3 * most),
        )
    )


@settings(max_examples=400, deadline=None)
@given(walls(6))
def test_small_counts_full_of_ties_shape_as_the_plain_search(wall):
    counts, tray = wall
    assert _searched(counts, tray) == plain_shape(counts, tray)


@settings(max_examples=300, deadline=None)
@given(walls(80))
def test_large_walls_shape_as_the_plain_search(wall):
    counts, tray = wall
    assert _searched(counts, tray) == plain_shape(counts, tray)


@settings(max_examples=100, deadline=None)
@given(walls(40), st.data())
def test_a_card_moved_from_cell_to_cell_shapes_as_the_plain_search(wall, data):
    """What a command does to the counts: one cell loses a card, another gains it."""
    counts, tray = wall
    grid = [list(col) for col in counts]
    for _ in range(10):
        c1, c2 = (data.draw(st.integers(0, len(grid) - 1)) for _ in range(2))
        r1, r2 = (data.draw(st.integers(0, len(grid[0]) - 1)) for _ in range(2))
        if grid[c1][r1]:
            grid[c1][r1] -= 1
            grid[c2][r2] += 1
        moved = tuple(tuple(col) for col in grid)
        assert shape_columns(moved, tray) == plain_shape(moved, tray)
        assert shape_wall(moved, tray)[1] == _lines(moved, shape_columns(moved, tray))


def test_the_bench_wall_shapes_as_the_plain_search():
    from bench.wall import wall_data
    from cardwall.interchange import ImportSession
    from cardwall.model import Workspace
    from ui.wall.layout import TRAY, compute_layout

    ws = Workspace()
    command = ImportSession(wall_data(2000))
    command.apply(ws)
    layout = compute_layout(ws.sessions[command.session_id])
    rows = [r.level_id for r in layout.rows]
    counts = tuple(tuple(len(layout.cells[(col.category_id, r)].slots) for r in rows) for col in layout.columns)
    shape = shape_columns(counts, len(layout.cells[TRAY].slots))
    assert shape == plain_shape(counts, len(layout.cells[TRAY].slots))
    assert [layout.cells[(col.category_id, rows[0])].cards_wide for col in layout.columns] == list(shape)
    assert max(shape) > 1  # a full wall grows wide: the search did search
