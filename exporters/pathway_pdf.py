"""`pathway-map.pdf`: the career pathway map on landscape pages (seed 003 step 7, the Kansas City example).

Levels are bands, Entry at the bottom and Advanced on top, as on the wall, with
an arrow up between each two bands: the way people advance. Each critical
occupation is a box a job seeker reads: its title, SOC code, a short job
description, the tools and technology, the median wage a year and an hour in
the region and the nation, jobs and annual openings (when projections are
imported), and the typical education and credentials. What the convener has
not filled in says "not entered". The map is laid out at the largest type that
fills the page (exporters/pathway_fit.py); a wall too big for one page at
legible type continues on the next, whole bands to a page. Labor-market
figures are passed in (`figures`: SOC code -> a dict, see
`storage.labor.pathway_figures`), so this module reads no data itself; the
source is cited on every page.
"""

from __future__ import annotations

import functools
import io
from collections.abc import Mapping
from itertools import combinations, pairwise

from reportlab.graphics.shapes import Drawing, Polygon
from reportlab.lib import colors
from reportlab.lib.pagesizes import LETTER, landscape
from reportlab.lib.units import inch
from reportlab.platypus import KeepInFrame, PageBreak, SimpleDocTemplate, Spacer, Table, TableStyle

from cardwall.model import Workspace
from cardwall.wall import critical_occupations
from exporters import pathway_fit as fit
from exporters.pdf_style import ACCENT, FONT_BOLD, MUTED, RULE, STYLES, Canvas, Paragraph, _style, esc

PAGE = landscape(LETTER)
MARGIN = 0.45 * inch
WIDTH = PAGE[0] - 2 * MARGIN
LABEL_W = 1.05 * inch
MAX_PER_ROW = 9  # boxes side by side in a band before it wraps
LEGIBLE = 0.85  # the smallest size a page is set at before the map takes another page (6.5 pt body text)
HOURS_A_YEAR = 2080  # how BLS turns an annual wage into an hourly one
NOT_ENTERED = "not entered"
BAND_TINTS = ("#eef3f9", "#e3ecf6", "#d8e4f2", "#cddcee")
GREY = "#5f6b7a"


@functools.lru_cache(maxsize=16)
def _styles(size: float) -> dict:
    """The map's type at one size (1.0: 7.6 pt body text); the same style objects for the same size, so the
    map measured and then drawn at one size parses its boxes once (pdf_style.Paragraph)."""
    looks = {
        "title": dict(fontName=FONT_BOLD, textColor=ACCENT),
        "muted": dict(textColor=MUTED),
        "level": dict(fontName=FONT_BOLD, textColor=ACCENT, alignment=1),
        "level_note": dict(textColor=MUTED, alignment=1),
        "arrow_note": dict(fontName=FONT_BOLD, textColor=ACCENT),
    }
    out = {
        key: _style(f"pw_{key}_{size:.3f}", fontSize=base * size, leading=lead * size, **looks.get(key, {}))
        for key, (base, lead) in fit.TYPE.items()
    }
    out["size"] = size
    return out


def pathway_pdf(ws: Workspace, session_id: str, *, figures: Mapping[str, Mapping] | None = None) -> bytes:
    """The pathway map of a critical-occupations session as PDF bytes (one page unless the wall is very big)."""
    session = ws.sessions[session_id]
    partnership = ws.partnership
    figures = figures or {}
    occupations = critical_occupations(session)
    region = next((f.get("region") for f in figures.values() if f.get("region")), "") or partnership.region
    title = f"Career pathway map — {partnership.name or session.info.title or 'Sector partnership'}"
    bits = [b for b in (partnership.industry, partnership.region, session.info.title, session.info.date) if b]

    def header() -> list:
        return [
            Paragraph(esc(title), STYLES["title"]),
            Paragraph(esc(" · ".join(bits)), STYLES["subtitle"]),
            Paragraph(
                "Each box: the occupation as employers named it, its SOC code, what the job is and the tools it "
                "uses, the median wage a year and an hour "
                f"({esc(region.split(',')[0]) + ' · ' if region else ''}U.S.), jobs and annual openings, and the "
                "typical education and credentials. Advancement runs from the bottom band up.",
                STYLES["small"],
            ),
            Spacer(1, 6),
        ]

    # The source goes at the foot of each page; the bands fill what is left.
    source = Paragraph(_source_note(figures, region), STYLES["small"])
    _w, source_h = source.wrap(WIDTH, PAGE[1])
    room = PAGE[1] - 2 * MARGIN - sum(f.wrap(WIDTH, PAGE[1])[1] for f in header()) - 6 - source_h - 14

    levels = list(reversed(session.ordered_levels()))  # Advanced on top, Entry at the bottom
    lines = {id(o): _lines(o, _figure(o, figures), region) for o in occupations}
    estimates = {key: fit.estimate(value) for key, value in lines.items()}
    bands = [[o for o in occupations if o.root.level_id == level.id] for level in levels]
    story = []
    layouts: dict[tuple[int, int], tuple[float, int]] = {}  # (first, last) band -> (size, boxes a row)
    for number, (first, last) in enumerate(_pages(bands, estimates, room, layouts)):
        page = levels[first:last]
        above = levels[first - 1].name if first else None  # the band above is on the page before
        layout = _layout(bands, estimates, room, layouts, first, last)
        table = _fitted(page, bands[first:last], lines, room, above, layout)
        story += ([PageBreak()] if number else []) + header() + [KeepInFrame(WIDTH, room, [table], mode="shrink")]

    def foot(canvas, _doc) -> None:
        source.drawOn(canvas, MARGIN, MARGIN)

    out = io.BytesIO()
    doc = SimpleDocTemplate(
        out,
        pagesize=PAGE,
        leftMargin=MARGIN,
        rightMargin=MARGIN,
        topMargin=MARGIN,
        bottomMargin=MARGIN,
        title=title,
        author=session.info.facilitator or "Cardwall",
        subject=partnership.name,
    )
    doc.build(story, onFirstPage=foot, onLaterPages=foot, canvasmaker=Canvas)
    return out.getvalue()


def _layout(bands: list[list], estimates: dict, room: float, layouts: dict, first: int, last: int):
    """(size, boxes a row) of bands[first:last] on one page, worked out once (the page split tries it, the
    page is drawn with it)."""
    if (first, last) not in layouts:
        trial = [[estimates[id(o)] for o in band] for band in bands[first:last]]
        arrows = last - first - 1 + (first > 0)
        layouts[first, last] = fit.best_layout(trial, room, WIDTH - LABEL_W, arrows=arrows, max_per_row=MAX_PER_ROW)
    return layouts[first, last]


def _pages(bands: list[list], estimates: dict, room: float, layouts: dict) -> list[tuple[int, int]]:
    """Whole bands to a page, top down, (first, last) each: the fewest pages whose type is LEGIBLE, and of
    those the split whose smallest type is largest. A wall that fits one page at legible type is one page."""

    def size(first: int, last: int) -> float:
        return _layout(bands, estimates, room, layouts, first, last)[0]

    count = len(bands)
    if count <= 1:
        return [(0, count)]
    best: tuple[float, list[tuple[int, int]]] = (-1.0, [(0, count)])
    for pages in range(1, count + 1):
        for cuts in combinations(range(1, count), pages - 1):
            edges = [0, *cuts, count]
            split = list(pairwise(edges))
            smallest = min(size(a, b) for a, b in split)
            if smallest > best[0]:
                best = (smallest, split)
        if best[0] >= LEGIBLE:
            break
    return best[1]


def _fitted(levels, bands, lines: dict, room: float, above: str | None, layout: tuple[float, int]) -> Table:
    """The page's bands at the size the estimate chose (`layout`: size, boxes a row), stepped down should the
    drawn map run taller; the height left over is shared out between the bands, so the map fills the page."""
    size, per_row = layout
    for _ in range(8):
        table = _bands(levels, bands, lines, per_row, size, above=above)
        height = table.wrap(WIDTH, 10 * PAGE[1])[1]
        if height <= room:
            return _bands(levels, bands, lines, per_row, size, above=above, spare=room - height - 2)
        size *= min(0.985, room / height)
    return table  # the frame shrinks what still overflows


def hourly(annual: str) -> str:
    """'$63,800' -> '$30.67/hr'; '' for a top-coded or missing figure."""
    digits = str(annual or "").replace("$", "").replace(",", "").strip()
    return f"${int(digits) / HOURS_A_YEAR:,.2f}/hr" if digits.isdigit() else ""


def _up_arrow(size: float) -> Drawing:
    """A broad arrow pointing up: the way people advance from the band below to the one above."""
    w, h = 26 * size, fit.ARROW_H * size
    shaft = w * 0.22
    shape = [(-shaft, 0), (shaft, 0), (shaft, h / 2), (w / 2, h / 2), (0, h), (-w / 2, h / 2), (-shaft, h / 2)]
    drawing = Drawing(w, h)
    drawing.add(Polygon([v for x, y in shape for v in (w / 2 + x, y)], fillColor=ACCENT, strokeColor=None))
    return drawing


def _bands(levels, bands, lines: dict, per_row: int, size: float, *, above: str | None, spare: float = 0.0):
    """The level bands, top down, `per_row` boxes side by side at most and an arrow up between bands.

    `spare` points of height are shared out as padding inside the bands."""
    st = _styles(size)
    extra = spare / (2 * len(levels)) if levels else 0.0
    rows, styles = [], []

    def arrow(below: str, upper: str, where: str = "") -> None:
        note = f"Advancement: from {esc(below)} to {esc(upper)}{where}, with experience and the training shown above"
        rows.append([_up_arrow(size), Paragraph(note, st["arrow_note"])])
        at = len(rows) - 1
        styles.extend(
            [
                ("BACKGROUND", (0, at), (-1, at), colors.white),
                ("TOPPADDING", (0, at), (-1, at), 2),
                ("BOTTOMPADDING", (0, at), (-1, at), 2),
                ("ALIGN", (0, at), (0, at), "CENTER"),
            ]
        )

    if above is not None and levels:
        arrow(levels[0].name, above, " (the page before)")
    for index, (level, mine) in enumerate(zip(levels, bands, strict=True)):
        if index:  # an arrow up from this band to the one above: the way people advance
            arrow(level.name, levels[index - 1].name)
        n = fit.across(len(mine), per_row)
        boxes = [_box(lines[id(o)], (WIDTH - LABEL_W) / n - 8, st) for o in mine]
        label = [
            Paragraph(esc(level.name), st["level"]),
            Paragraph(f"{len(mine)} occupation{'s' * (len(mine) != 1)}", st["level_note"]),
        ]
        rows.append([label, _band(boxes, n, st)])
        at = len(rows) - 1
        tint = colors.HexColor(BAND_TINTS[min(len(levels) - 1 - index, len(BAND_TINTS) - 1)])
        styles += [
            ("BACKGROUND", (0, at), (-1, at), tint),
            ("TOPPADDING", (0, at), (-1, at), fit.BAND_PAD + extra),
            ("BOTTOMPADDING", (0, at), (-1, at), fit.BAND_PAD + extra),
        ]
    if not rows:
        rows.append([Paragraph("No levels", st["level"]), Paragraph("This session has no levels.", st["text"])])
    table = Table(rows, colWidths=[LABEL_W, WIDTH - LABEL_W], hAlign="LEFT")
    table.setStyle(
        TableStyle(
            [
                ("VALIGN", (0, 0), (-1, -1), "MIDDLE"),
                ("LINEBELOW", (0, 0), (-1, -2), 1.2, colors.white),
                ("TOPPADDING", (0, 0), (-1, -1), fit.BAND_PAD),
                ("BOTTOMPADDING", (0, 0), (-1, -1), fit.BAND_PAD),
                *styles,
            ]
        )
    )
    return table


def _figure(occupation, figures: Mapping) -> Mapping | None:
    return figures.get(occupation.root.soc_code) if occupation.root.soc_code else None


def _first(occupation, name: str) -> str:
    """A field of the occupation as the crosswalk shows it: the pile's first card that has it filled in."""
    return next((getattr(c, name) for c in occupation.cards if getattr(c, name)), "")


def _entered(label: str, value: str) -> tuple[str, str]:
    shown = esc(value) if value else f"<font color='{GREY}'>{NOT_ENTERED}</font>"
    return "text", f"<b>{label}:</b> {shown}"


def _lines(occupation, figure: Mapping | None, region: str) -> list[tuple[str, str]]:
    """A box's paragraphs as (style, markup): drawn by _box, measured by pathway_fit."""
    card = occupation.root
    lines = [("title", esc(card.text))]
    if card.soc_code:
        soc_title = card.soc_title or (figure or {}).get("soc_title", "")
        if len(soc_title) > 48:  # the box is small; the crosswalk has the full title
            soc_title = soc_title[:46].rstrip(" ,") + "…"
        lines.append(("muted", f"SOC {esc(card.soc_code)}" + (f" · {esc(soc_title)}" if soc_title else "")))
    else:
        lines.append(("muted", f"SOC code {NOT_ENTERED}"))
    description = _first(occupation, "description")
    lines.append(("text", esc(description)) if description else _entered("Job description", ""))
    lines.append(_entered("Tools", _first(occupation, "tools")))
    lines += _figure_lines(figure, region, coded=bool(card.soc_code))
    lines.append(_entered("Education", _first(occupation, "education")))
    lines.append(_entered("Credentials", _first(occupation, "credentials")))
    if occupation.employers > 1:
        lines.append(("muted", f"Named by {occupation.employers} employers"))
    return lines


def _figure_lines(figure: Mapping | None, region: str, *, coded: bool) -> list[tuple[str, str]]:
    """Median wage a year and an hour (region, then U.S.), then jobs and annual openings."""
    if not figure:
        return [("muted", "<b>Median wage:</b> not published for this code")] if coded else []
    short = region.split(",")[0]
    wage = []
    for key, where in (("region_wage", short), ("national_wage", "U.S.")):
        if figure.get(key) and where:
            per_hour = hourly(figure[key])
            wage.append(f"<b>{esc(figure[key])}</b>/yr" + (f" · {per_hour}" if per_hour else "") + f" {esc(where)}")
    out = [("text", "<br/>".join(wage))] if wage else []
    jobs = []
    if figure.get("employment"):
        where = figure.get("employment_where", "")
        where = "U.S." if where == "national" else where.split(",")[0]
        jobs.append(f"{esc(figure['employment'])} jobs ({esc(where)})")
    if figure.get("openings"):
        jobs.append(f"<b>{esc(figure['openings'])} openings/yr</b>")
    if jobs:
        out.append(("text", " · ".join(jobs)))
    return out


def _box(lines: list[tuple[str, str]], width: float, st: dict) -> Table:
    box = Table([[[Paragraph(markup, st[key]) for key, markup in lines]]], colWidths=[width])
    pad = 4 * st["size"]
    box.setStyle(
        TableStyle(
            [
                ("BACKGROUND", (0, 0), (-1, -1), colors.white),
                ("BOX", (0, 0), (-1, -1), 0.8, RULE),
                ("LINEABOVE", (0, 0), (-1, 0), 2.5, ACCENT),
                ("TOPPADDING", (0, 0), (-1, -1), pad),
                ("BOTTOMPADDING", (0, 0), (-1, -1), pad + 1),
                ("LEFTPADDING", (0, 0), (-1, -1), pad + 1),
                ("RIGHTPADDING", (0, 0), (-1, -1), pad + 1),
            ]
        )
    )
    return box


def _band(boxes: list[Table], across: int, st: dict):
    if not boxes:
        return Paragraph("No occupation at this level.", st["muted"])
    grid = [boxes[i : i + across] for i in range(0, len(boxes), across)]
    grid[-1] += [""] * (across - len(grid[-1]))
    table = Table(grid, colWidths=[(WIDTH - LABEL_W) / across] * across, hAlign="LEFT")
    table.setStyle(
        TableStyle(
            [
                ("VALIGN", (0, 0), (-1, -1), "TOP"),
                ("LEFTPADDING", (0, 0), (-1, -1), 4),
                ("RIGHTPADDING", (0, 0), (-1, -1), 4),
                ("TOPPADDING", (0, 0), (-1, -1), fit.GRID_PAD),
                ("BOTTOMPADDING", (0, 0), (-1, -1), fit.GRID_PAD),
            ]
        )
    )
    return table


def _source_note(figures: Mapping[str, Mapping], region: str) -> str:
    sources = sorted({f.get("source", "") for f in figures.values() if f.get("source")})
    cited = "; ".join(esc(s) for s in sources) or "U.S. Bureau of Labor Statistics, OEWS, May 2025"
    where = f" Regional figures: {esc(region)}, all industries." if region else ""
    return (
        f"<b>Source:</b> {cited}.{where} Median wages a year, then an hour (the annual median over 2,080 hours); "
        "“≥ $239,200” marks a median at or above the published top code. Openings are annual, from imported "
        "projections. Employment excludes the self-employed. “not entered”: nobody has filled it in yet. Job "
        "descriptions, tools, education and credentials are as entered by the convener."
    )
