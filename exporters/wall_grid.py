"""The wall on paper: a landscape page (or several) drawn as text, so every card reads at 7 pt or more.

The screen picture of the wall (`wall.png`) shrinks to a few points per card on a Letter page and
carries the empty tray. Here the wall is laid out again from its structure: categories across,
levels down (advanced on top, as on the felt), a skills row, each occupation a small card with the
number of employers who named it. Columns are split over several pages when there are too many to
keep cards at CARD_PT on one page's width.
"""

from __future__ import annotations

from reportlab.lib import colors
from reportlab.lib.units import inch
from reportlab.platypus import NextPageTemplate, PageBreak, Spacer, Table

from exporters.content import Summary
from exporters.pdf_style import (
    ACCENT,
    BAND,
    FONT,
    FONT_BOLD,
    INK,
    LANDSCAPE,
    LANDSCAPE_WIDTH,
    PORTRAIT,
    RULE,
    SPLIT_ROWS,
    Paragraph,
    _style,
    esc,
    para,
)

CARD_PT = 7.5  # the smallest type on the wall page: cards read on paper
MIN_COLUMN = 1.15 * inch  # narrower than this and a card's words break mid-word
LEVEL_COLUMN = 0.75 * inch
OCCUPATION = colors.HexColor("#ffe47a")  # the room's card colours (ui/wall/capture.py)
SKILL = colors.HexColor("#b5e3b0")
THIRD_CARD = "†"

_CARD = _style("wall_card", fontSize=CARD_PT, leading=CARD_PT + 1.6)
_COUNT = _style("wall_count", fontSize=CARD_PT, leading=CARD_PT + 1.6, alignment=2)
_HEAD = _style("wall_head", fontName=FONT_BOLD, fontSize=8.5, leading=10.5, textColor=colors.white)
_LEVEL = _style("wall_level", fontName=FONT_BOLD, fontSize=8.5, leading=10.5, textColor=ACCENT)


def wall_pages(summary: Summary) -> list:
    """Flowables that put the wall on landscape pages, then return to portrait; [] for an empty wall."""
    if not summary.categories or not (summary.occupations or summary.skills):
        return []
    groups = column_groups(summary.categories)
    story: list = [NextPageTemplate(LANDSCAPE), PageBreak(), para("The wall", "h1")]
    story.append(
        para(
            "The wall at the end of the session, as employers sorted it: categories across, advanced jobs on top, "
            "entry-level at the bottom, the skills named under each category. The number on a card is how many "
            f"employers named that occupation; {THIRD_CARD} marks a card from the “third card” round.",
            "small",
        )
    )
    for i, group in enumerate(groups):
        if len(groups) > 1:
            story.append(para(f"Columns {group[0] + 1}–{group[-1] + 1} of {len(summary.categories)}", "h2"))
        story += [Spacer(1, 4), _grid(summary, group)]
        if i < len(groups) - 1:
            story.append(PageBreak())
    story += [NextPageTemplate(PORTRAIT), PageBreak()]
    return story


def column_groups(categories: list[str]) -> list[list[int]]:
    """Category indexes per page: as many as fit at MIN_COLUMN each, spread evenly over the pages."""
    per_page = max(1, int((LANDSCAPE_WIDTH - LEVEL_COLUMN) // MIN_COLUMN))
    pages = -(-len(categories) // per_page)
    size = -(-len(categories) // pages)
    return [list(range(i, min(i + size, len(categories)))) for i in range(0, len(categories), size)]


def _card(text: str, fill, count: str = "") -> Table:
    """A card: its text, and for an occupation the number of employers who named it, at the right."""
    row = [Paragraph(text, _CARD)] + ([Paragraph(f"<b>{count}</b>", _COUNT)] if count else [])
    t = Table([row], colWidths=[None, 0.17 * inch] if count else None, splitInRow=int(SPLIT_ROWS.get()))
    t.setStyle(
        [
            ("BACKGROUND", (0, 0), (-1, -1), fill),
            ("BOX", (0, 0), (-1, -1), 0.4, colors.HexColor("#b8a24a") if fill == OCCUPATION else RULE),
            ("LEFTPADDING", (0, 0), (-1, -1), 3),
            ("RIGHTPADDING", (0, 0), (-1, -1), 3),
            ("VALIGN", (0, 0), (-1, -1), "TOP"),
            ("TOPPADDING", (0, 0), (-1, -1), 2),
            ("BOTTOMPADDING", (0, 0), (-1, -1), 2.5),
        ]
    )
    return t


def _grid(summary: Summary, group: list[int]) -> Table:
    width = (LANDSCAPE_WIDTH - LEVEL_COLUMN) / len(group)
    titles = [summary.categories[i] for i in group]
    rows = [[Paragraph("", _HEAD)] + [Paragraph(esc(t), _HEAD) for t in titles]]
    for level in summary.levels_top_down:
        cells = []
        for title in titles:
            cards = []
            for o in sorted(
                (o for o in summary.occupations if o.level == level and o.category == title),
                key=lambda o: (-o.employers, o.root.position),
            ):
                mark = f" {THIRD_CARD}" if o.third_card else ""
                cards.append(_card(f"{esc(o.root.text)}{mark}", OCCUPATION, str(o.employers)))
                cards.append(Spacer(1, 2))
            cells.append(cards or "")
        rows.append([Paragraph(esc(level), _LEVEL), *cells])
    skills = dict(summary.skills)
    if any(skills.get(t) for t in titles):
        cells = []
        for t in titles:
            cells.append([x for text in skills.get(t, []) for x in (_card(esc(text), SKILL), Spacer(1, 2))] or "")
        rows.append([Paragraph("Skills", _LEVEL), *cells])
    t = Table(
        rows,
        colWidths=[LEVEL_COLUMN] + [width] * len(group),
        repeatRows=1,
        hAlign="LEFT",
        splitInRow=int(SPLIT_ROWS.get()),  # a card longer than a page (build_with_fallback's second pass)
    )
    t.setStyle(
        [
            ("BACKGROUND", (0, 0), (-1, 0), ACCENT),
            ("BACKGROUND", (0, 1), (0, -1), BAND),
            ("VALIGN", (0, 0), (-1, -1), "TOP"),
            ("GRID", (0, 0), (-1, -1), 0.5, RULE),
            ("FONTNAME", (0, 0), (-1, -1), FONT),
            ("TEXTCOLOR", (0, 0), (-1, -1), INK),
            ("LEFTPADDING", (0, 0), (-1, -1), 3),
            ("RIGHTPADDING", (0, 0), (-1, -1), 3),
            ("TOPPADDING", (0, 0), (-1, -1), 3),
            ("BOTTOMPADDING", (0, 0), (-1, -1), 3),
        ]
    )
    return t
