"""What the asset map's and the action plan's PDFs share: landscape Letter pages, our footer, a title block."""

from __future__ import annotations

import io

from reportlab.lib.pagesizes import LETTER, landscape
from reportlab.lib.units import inch
from reportlab.platypus import SimpleDocTemplate

from cardwall.model import Session, Workspace
from exporters.pdf_style import MARGIN, STYLES, Paragraph, _NumberedCanvas, esc, footer_for

PAGE = landscape(LETTER)
WIDTH = PAGE[0] - 2 * MARGIN


def title_block(ws: Workspace, session: Session, title: str, note: str = "") -> list:
    bits = [ws.partnership.name, ws.partnership.region, session.info.date, session.info.location]
    story = [
        Paragraph(esc(title), STYLES["title"]),
        Paragraph(esc(" · ".join(b for b in bits if b)), STYLES["subtitle"]),
    ]
    if note:
        story.append(Paragraph(note, STYLES["small"]))
    return story


def build_landscape(story: list, *, ws: Workspace, session: Session, title: str) -> bytes:
    """Landscape pages: the asset map's columns and the action plan's grid need the width."""
    out = io.BytesIO()
    doc = SimpleDocTemplate(
        out,
        pagesize=PAGE,
        leftMargin=MARGIN,
        rightMargin=MARGIN,
        topMargin=0.6 * inch,
        bottomMargin=0.85 * inch,
        title=title,
        author=session.info.facilitator or "Cardwall",
        subject=ws.partnership.name,
        creator="Cardwall",
    )
    footer = " ".join(footer_for(ws.partnership.name).split())
    doc.build(story, canvasmaker=type("FooterCanvas", (_NumberedCanvas,), {"footer_text": footer}))
    return out.getvalue()


def steps_block(session: Session, pathway: str) -> list:
    """Skills between levels for one pathway of the gap matrix: from each occupation to the next one up."""
    from cardwall.later_steps import steps_of
    from exporters.pdf_style import head, table

    steps = steps_of(session, pathway)
    if not steps:
        return []
    rows = [head("From", "", "To the next level", "What the next level adds (skills between levels)")]
    for s in steps:
        adds = esc(s.adds).replace("\n", "<br/>") if s.adds else "<i>to be written</i>"
        rows.append(
            [
                Paragraph(f"<b>{esc(s.from_occupation)}</b>", STYLES["cell_small"]),
                "→",
                Paragraph(f"<b>{esc(s.to_occupation)}</b>", STYLES["cell_small"]),
                Paragraph(adds, STYLES["cell_small"]),
            ]
        )
    widths = [1.6 * inch, 0.25 * inch, 1.6 * inch]
    return [Paragraph("<b>Skills between levels</b>", STYLES["small"]), table(rows, [*widths, WIDTH - sum(widths)])]
