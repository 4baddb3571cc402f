"""The comparison of a panel's two meetings as PDF flowables: the brief and the summary print the same block."""

from __future__ import annotations

from reportlab.lib.units import inch

from cardwall.meetings import Comparison
from exporters.meetings import HEADERS, cells, headline, voted_rows
from exporters.pdf_style import FRAME_WIDTH, head, para, table

NUMBERS = 0.62 * inch  # each count and rank column
CHANGE = 0.8 * inch


def across_block(cmp: Comparison, *, limit: int = 0, clip: int = 0) -> list:
    """The headline, then each dotted, added or dropped task: the earlier meeting's dots and rank beside this one's."""
    out = [para(headline(cmp), "body")]
    rows, left_out = voted_rows(cmp, limit=limit)
    if not rows:
        return [*out, para("Neither meeting has placed a dot on this panel yet.", "small")]
    body = [head(*HEADERS)]
    for row in rows:
        text, *rest = cells(row)
        if clip and len(text) > clip:
            text = text[: clip - 1].rstrip() + "…"
        style = "cell_bold" if row.status != "kept" else "cell"
        body.append([para(text, "cell"), *(para(v, "cell_num") for v in rest[:4]), para(rest[4], style)])
    widths = [FRAME_WIDTH - 4 * NUMBERS - CHANGE, *[NUMBERS] * 4, CHANGE]
    out.append(table(body, widths, numeric_cols=(1, 2, 3, 4)))
    note = "Dots of all rounds of each meeting; a rank is shared by tasks with equal dots; — : not on that panel."
    if left_out:
        note += f" {left_out} more tasks with dots in either meeting are in the session's summary."
    out.append(para(note, "small"))
    return out
