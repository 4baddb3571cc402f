"""How large the pathway map's type can be: the layout and size that fill a page, found without drawing.

Drawing the map (reportlab tables of paragraphs) takes tens of milliseconds, too slow to try
dozens of layouts. Each box's height is estimated instead from the widths of its lines at
size 1 (a line's width grows with the size, so one measurement serves every size), the best
layout is chosen on the estimate, and exporters/pathway_pdf.py then draws it and steps the
size down should the real map run taller.
"""

from __future__ import annotations

import html
import math
import re
from dataclasses import dataclass

from reportlab.pdfbase.pdfmetrics import stringWidth

from exporters.pdf_style import FONT, FONT_BOLD

# style key -> (font size, leading) at size 1; the box's paragraphs use these
TYPE = {
    "title": (9.5, 11.5),
    "text": (7.6, 9.6),
    "muted": (7.2, 9.0),
    "level": (10, 12),
    "level_note": (7, 8.5),
    "arrow_note": (7.6, 9.6),
}
SLACK = 0.86  # a line holds whole words: on average this much of the width is used
BAND_PAD, GRID_PAD, ARROW_H = 6.0, 3.0, 16.0
SMALLEST, LARGEST = 0.4, 1.4  # the sizes searched (1.0: 7.6 pt body text)
MIN_PER_ROW = 3  # fewer boxes a row than this only when the band has fewer


def _plain(markup: str) -> list[str]:
    return [html.unescape(re.sub(r"<[^>]+>", "", part)) for part in re.split(r"<br\s*/?>", markup)]


def plain_widths(key: str, markup: str) -> list[float]:
    """The width at size 1 of each line of a paragraph's markup (split at <br/>), its tags left out."""
    font = FONT_BOLD if key == "title" else FONT
    return [stringWidth(text, font, TYPE[key][0]) for text in _plain(markup)]


def longest_word(key: str, markup: str) -> float:
    """The widest word at size 1: a box narrower than that would break it in the middle ("Maintenanc e")."""
    font = FONT_BOLD if key == "title" else FONT
    # Words longer than this break whatever the layout (a pasted URL): they do not decide it.
    words = [w for text in _plain(markup) for w in text.split() if len(w) <= 18]
    return max((stringWidth(w, font, TYPE[key][0]) for w in words), default=0.0)


@dataclass(frozen=True)
class Estimate:
    """What the estimate needs of a box: its lines' widths at size 1, with their style."""

    lines: tuple[tuple[str, tuple[float, ...]], ...]
    title_word: float = 0.0  # the widest word of the title and the SOC line

    def height(self, size: float, box_width: float) -> float:
        pad = 4 * size
        inner = max(box_width - 2 * (pad + 1), 10.0)
        if self.title_word * size > inner:
            return math.inf  # the title would break mid-word: this box is too narrow at this size
        total = 2 * pad + 1
        per_line = inner * SLACK
        ceil = math.ceil
        for key, widths in self.lines:  # a plain loop: the layout search asks this thousands of times
            count = 0
            for w in widths:
                lines = ceil(w * size / per_line)
                count += lines if lines > 1 else 1
            total += count * (TYPE[key][1] * size)
        return total


def estimate(lines: list[tuple[str, str]]) -> Estimate:
    title = max((longest_word(key, markup) for key, markup in lines if key in ("title", "muted")), default=0.0)
    return Estimate(tuple((key, tuple(plain_widths(key, markup))) for key, markup in lines), title)


def across(count: int, per_row: int) -> int:
    """Boxes a row when a band of `count` wraps at `per_row`: rows hold equal numbers (9 at 5 a row: 5 and 4)."""
    if count <= 0:
        return 1
    rows = -(-count // per_row)
    return -(-count // rows)


def map_height(
    bands: list[list[Estimate]], per_row: int, size: float, band_width: float, arrows: int, *, limit: float = math.inf
) -> float:
    """The estimated height of the bands (lists of boxes) at this size, with `arrows` arrow rows;
    infinity as soon as it passes `limit` (a search that only asks "does it fit?" stops there)."""
    total = arrows * (max(ARROW_H, TYPE["arrow_note"][1]) * size + 4 + 1.2)
    label = (TYPE["level"][1] + TYPE["level_note"][1]) * size
    for boxes in bands:
        n = across(len(boxes), per_row)
        box_width = band_width / n - 8
        rows = [boxes[i : i + n] for i in range(0, len(boxes), n)] or [[]]
        height = sum(max((b.height(size, box_width) for b in row), default=12.0) + 2 * GRID_PAD for row in rows)
        total += max(height, label) + 2 * BAND_PAD + 1.2
        if total > limit:  # every band adds height: it cannot come back under
            return math.inf
    return total


def best_layout(
    bands: list[list[Estimate]], room: float, band_width: float, *, arrows: int, max_per_row: int
) -> tuple[float, int]:
    """(size, boxes a row) with the largest size whose estimated height fits `room`; fewer boxes a row on ties."""
    most = max([len(b) for b in bands] + [1])
    best = (0.0, 1)
    seen = set()
    for per_row in range(min(MIN_PER_ROW, most), min(max_per_row, most) + 1):
        shape = tuple(across(len(b), per_row) for b in bands)
        if shape in seen:
            continue
        seen.add(shape)
        lo, hi = SMALLEST, LARGEST
        smallest = map_height(bands, per_row, lo, band_width, arrows)
        if smallest > room:  # nothing fits: scaled below the smallest (the frame shrinks what is left)
            size = lo * room / smallest if math.isfinite(smallest) else lo / 2
        else:
            for _ in range(14):
                mid = (lo + hi) / 2
                fits = map_height(bands, per_row, mid, band_width, arrows, limit=room) <= room
                lo, hi = (mid, hi) if fits else (lo, mid)
            size = lo
        if size > best[0] + 1e-3:
            best = (size, per_row)
    return best
