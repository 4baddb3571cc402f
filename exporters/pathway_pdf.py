"""`pathway-map.pdf`: the career pathway map, one landscape page (seed 003 step 7, the Kansas City example).

Levels are bands, Entry at the bottom and Advanced on top, as on the wall.
Each critical occupation is a box: its title, SOC code, median wage in the
region and the nation, employment or annual openings, and the typical
education and credentials the convener filled in. Labor-market figures are
passed in (`figures`: SOC code -> a dict, see `storage.labor.pathway_figures`),
so this module reads no data itself; the source is cited on the page.
"""

from __future__ import annotations

import io
from collections.abc import Mapping

from reportlab.lib import colors
from reportlab.lib.pagesizes import LETTER, landscape
from reportlab.lib.units import inch
from reportlab.platypus import KeepInFrame, Paragraph, SimpleDocTemplate, Spacer, Table, TableStyle

from cardwall.model import Workspace
from cardwall.wall import critical_occupations
from exporters.pdf_style import ACCENT, FONT_BOLD, MUTED, RULE, STYLES, _style, esc

PAGE = landscape(LETTER)
MARGIN = 0.45 * inch
WIDTH = PAGE[0] - 2 * MARGIN
LABEL_W = 1.05 * inch
MAX_PER_ROW, MIN_PER_ROW = 8, 4  # boxes side by side in a band before it wraps: as many as the widest band
HOURS_A_YEAR = 2080  # how BLS turns an annual wage into an hourly one
NOT_ENTERED = "not entered"
BAND_TINTS = ("#eef3f9", "#e3ecf6", "#d8e4f2", "#cddcee")

BOX_TITLE = _style("pw_title", fontName=FONT_BOLD, fontSize=9.5, leading=11.5, textColor=ACCENT)
BOX_TEXT = _style("pw_text", fontSize=7.6, leading=9.6)
BOX_MUTED = _style("pw_muted", fontSize=7.2, leading=9, textColor=MUTED)
LEVEL = _style("pw_level", fontName=FONT_BOLD, fontSize=10, leading=12, textColor=ACCENT, alignment=1)
ARROW = _style("pw_arrow", fontName=FONT_BOLD, fontSize=13, leading=14, textColor=ACCENT, alignment=1)
ARROW_NOTE = _style("pw_arrow_note", fontSize=7.2, leading=9, textColor=MUTED)
LEVEL_NOTE = _style("pw_level_note", fontSize=7, leading=8.5, textColor=MUTED, alignment=1)


def pathway_pdf(ws: Workspace, session_id: str, *, figures: Mapping[str, Mapping] | None = None) -> bytes:
    """The pathway map of a critical-occupations session as PDF bytes (always one page)."""
    session = ws.sessions[session_id]
    partnership = ws.partnership
    figures = figures or {}
    occupations = critical_occupations(session)
    region = next((f.get("region") for f in figures.values() if f.get("region")), "") or partnership.region

    title = f"Career pathway map — {partnership.name or session.info.title or 'Sector partnership'}"
    bits = [b for b in (partnership.industry, partnership.region, session.info.title, session.info.date) if b]
    story = [
        Paragraph(esc(title), STYLES["title"]),
        Paragraph(esc(" · ".join(bits)), STYLES["subtitle"]),
        Paragraph(
            "Each box: the occupation as employers named it, its SOC code, the median annual wage "
            f"({esc(region.split(',')[0]) + ' · ' if region else ''}U.S.), jobs or annual openings, and the typical "
            "education and credentials. Advancement runs from the bottom band up.",
            STYLES["small"],
        ),
        Spacer(1, 6),
    ]

    # One page, always: the source goes at the foot of the page, the bands shrink to fit what is left.
    source = Paragraph(_source_note(figures, region), STYLES["small"])
    _w, source_h = source.wrap(WIDTH, PAGE[1])
    used = sum(flowable.wrap(WIDTH, PAGE[1])[1] for flowable in story) + 6
    room = PAGE[1] - 2 * MARGIN - used - source_h - 14

    # Fill the page: of the layouts from MIN_PER_ROW to MAX_PER_ROW boxes a row, the one drawn largest.
    def scale(table: Table) -> float:
        width, height = table.wrap(WIDTH, 10 * PAGE[1])
        return min(1.0, room / height, WIDTH / max(width, 1))

    layouts = [_bands(session, occupations, figures, region, n) for n in range(MIN_PER_ROW, MAX_PER_ROW + 1)]
    bands = max(layouts, key=scale)  # the first of equals: fewer, wider boxes
    story.append(KeepInFrame(WIDTH, room, [bands], mode="shrink"))

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
    doc.build(story, onFirstPage=foot, onLaterPages=foot)
    return out.getvalue()


def hourly(annual: str) -> str:
    """'$63,800' -> '$30.67/hr'; '' for a top-coded or missing figure."""
    digits = str(annual or "").replace("$", "").replace(",", "").strip()
    return f"${int(digits) / HOURS_A_YEAR:,.2f}/hr" if digits.isdigit() else ""


def _bands(session, occupations, figures: Mapping, region: str, per_row: int) -> Table:
    """The level bands, Advanced on top, with `per_row` boxes side by side and an arrow up between bands."""
    levels = list(reversed(session.ordered_levels()))  # Advanced on top, Entry at the bottom
    rows, styles = [], []
    for index, level in enumerate(levels):
        mine = [o for o in occupations if o.root.level_id == level.id]
        boxes = [_box(o, figures.get(o.root.soc_code) if o.root.soc_code else None, region, per_row) for o in mine]
        label = [
            Paragraph(esc(level.name), LEVEL),
            Paragraph(f"{len(mine)} occupation{'s' * (len(mine) != 1)}", LEVEL_NOTE),
        ]
        if index:  # an arrow up from this band to the one above: the way people advance
            rows.append(
                [
                    Paragraph("▲", ARROW),
                    Paragraph(f"advancement: {esc(level.name)} → {esc(levels[index - 1].name)}", ARROW_NOTE),
                ]
            )
            arrow = len(rows) - 1
            styles += [
                ("BACKGROUND", (0, arrow), (-1, arrow), colors.white),
                ("TOPPADDING", (0, arrow), (-1, arrow), 1),
                ("BOTTOMPADDING", (0, arrow), (-1, arrow), 1),
            ]
        rows.append([label, _band(boxes, per_row)])
        tint = colors.HexColor(BAND_TINTS[min(len(levels) - 1 - index, len(BAND_TINTS) - 1)])
        styles.append(("BACKGROUND", (0, len(rows) - 1), (-1, len(rows) - 1), tint))
    if not rows:
        rows.append([Paragraph("—", LEVEL), Paragraph("This session has no levels.", BOX_TEXT)])
    bands = Table(rows, colWidths=[LABEL_W, WIDTH - LABEL_W], hAlign="LEFT")
    bands.setStyle(
        TableStyle(
            [
                ("VALIGN", (0, 0), (-1, -1), "MIDDLE"),
                ("LINEBELOW", (0, 0), (-1, -2), 1.2, colors.white),
                ("TOPPADDING", (0, 0), (-1, -1), 6),
                ("BOTTOMPADDING", (0, 0), (-1, -1), 6),
                *styles,
            ]
        )
    )
    return bands


def _box(occupation, figure: Mapping | None, region: str, per_row: int) -> Table:
    card = occupation.root
    lines = [Paragraph(esc(card.text), BOX_TITLE)]
    if card.soc_code:
        soc_title = card.soc_title or (figure or {}).get("soc_title", "")
        if len(soc_title) > 34:  # the box is small; the crosswalk has the full title
            soc_title = soc_title[:32].rstrip(" ,") + "…"
        lines.append(Paragraph(f"SOC {esc(card.soc_code)}" + (f" · {esc(soc_title)}" if soc_title else ""), BOX_MUTED))
    else:
        lines.append(Paragraph(f"SOC code {NOT_ENTERED}", BOX_MUTED))
    if figure:
        short = region.split(",")[0]
        wage = []
        if figure.get("region_wage") and region:
            per_hour = hourly(figure["region_wage"])
            wage.append(
                f"<b>{esc(figure['region_wage'])}</b>" + (f" ({per_hour})" if per_hour else "") + f" {esc(short)}"
            )
        if figure.get("national_wage"):
            per_hour = "" if wage else hourly(figure["national_wage"])
            wage.append(f"{esc(figure['national_wage'])}" + (f" ({per_hour})" if per_hour else "") + " U.S.")
        if wage:
            lines.append(Paragraph(" · ".join(wage), BOX_TEXT))
        jobs = []
        if figure.get("employment"):
            where = figure.get("employment_where", "")
            where = "U.S." if where == "national" else where.split(",")[0]
            jobs.append(f"{esc(figure['employment'])} jobs ({esc(where)})")
        if figure.get("openings"):
            jobs.append(f"{esc(figure['openings'])} openings/yr")
        if jobs:
            lines.append(Paragraph(" · ".join(jobs), BOX_TEXT))
    for label, value in (("Education", card.education), ("Credentials", card.credentials)):
        shown = esc(value) if value else f"<font color='#5f6b7a'>{NOT_ENTERED}</font>"
        lines.append(Paragraph(f"<b>{label}:</b> {shown}", BOX_TEXT))
    if occupation.employers > 1:
        lines.append(Paragraph(f"Named by {occupation.employers} employers", BOX_MUTED))
    box = Table([[lines]], colWidths=[(WIDTH - LABEL_W) / per_row - 8])
    box.setStyle(
        TableStyle(
            [
                ("BACKGROUND", (0, 0), (-1, -1), colors.white),
                ("BOX", (0, 0), (-1, -1), 0.8, RULE),
                ("LINEABOVE", (0, 0), (-1, 0), 2.5, ACCENT),
                ("TOPPADDING", (0, 0), (-1, -1), 4),
                ("BOTTOMPADDING", (0, 0), (-1, -1), 5),
                ("LEFTPADDING", (0, 0), (-1, -1), 5),
                ("RIGHTPADDING", (0, 0), (-1, -1), 5),
            ]
        )
    )
    return box


def _band(boxes: list[Table], per_row: int):
    if not boxes:
        return Paragraph("No occupation at this level.", BOX_MUTED)
    grid = [boxes[i : i + per_row] for i in range(0, len(boxes), per_row)]
    grid[-1] += [""] * (per_row - len(grid[-1]))
    table = Table(grid, colWidths=[(WIDTH - LABEL_W) / per_row] * per_row, hAlign="LEFT")
    table.setStyle(
        TableStyle(
            [
                ("VALIGN", (0, 0), (-1, -1), "TOP"),
                ("LEFTPADDING", (0, 0), (-1, -1), 4),
                ("RIGHTPADDING", (0, 0), (-1, -1), 4),
                ("TOPPADDING", (0, 0), (-1, -1), 3),
                ("BOTTOMPADDING", (0, 0), (-1, -1), 3),
            ]
        )
    )
    return table


def _source_note(figures: Mapping[str, Mapping], region: str) -> str:
    sources = sorted({f.get("source", "") for f in figures.values() if f.get("source")})
    cited = "; ".join(esc(s) for s in sources) or "U.S. Bureau of Labor Statistics, OEWS, May 2025"
    where = f" Regional figures: {esc(region)}, all industries." if region else ""
    return (
        f"<b>Source:</b> {cited}.{where} Median wages are annual; “≥ $239,200” marks a median at or above the "
        "published top code; hourly wages are the annual median over 2,080 hours; “not entered”: nobody has "
        "filled it in yet; — means not published. Employment excludes the self-employed. Education and "
        "credentials are as entered by the convener."
    )
