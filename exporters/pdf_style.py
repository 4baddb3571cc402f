"""The look of every PDF we send: our fonts (exporters/pdf_fonts.py), one type scale, tables, and the page footer.

User text goes through `para()` (or `esc()`), never straight into a Paragraph:
reportlab parses markup, so `AT&T` or `<img src=x>` would be misread.
"""

from __future__ import annotations

import contextvars
import io
import re

from reportlab import rl_config
from reportlab.lib import colors
from reportlab.lib.enums import TA_LEFT
from reportlab.lib.pagesizes import LETTER, landscape
from reportlab.lib.styles import ParagraphStyle
from reportlab.lib.units import inch
from reportlab.platypus import BaseDocTemplate, CondPageBreak, Frame, PageTemplate, Table, TableStyle
from reportlab.platypus.doctemplate import LayoutError
from reportlab.platypus.tables import CellStyle

from exporters.pdf_canvas import Canvas, Paragraph
from exporters.pdf_fonts import (  # noqa: F401 (FONT_ITALIC, EMOJI_FONT, CJK_FONT: for the exporters)
    CJK_FONT,
    EMOJI_FONT,
    FONT,
    FONT_BOLD,
    FONT_ITALIC,
    PLACEHOLDER,
    draw_runs,
    markup,
    register_text_fonts,
    runs,
    text_width,
)

PAGE = LETTER
MARGIN = 0.75 * inch
FRAME_WIDTH = PAGE[0] - 2 * MARGIN
PORTRAIT, LANDSCAPE = "portrait", "landscape"  # page templates a story may switch between
LANDSCAPE_WIDTH = PAGE[1] - 2 * MARGIN
LANDSCAPE_HEIGHT = PAGE[0] - 1.55 * inch
_NO_PADDING = {"leftPadding": 0, "rightPadding": 0, "topPadding": 0, "bottomPadding": 0}

INK = colors.HexColor("#1f2933")
MUTED = colors.HexColor("#5f6b7a")
ACCENT = colors.HexColor("#1f4e79")
RULE = colors.HexColor("#c9d2dc")
BAND = colors.HexColor("#e8eef5")
ZEBRA = colors.HexColor("#f6f8fb")

BLS_SOURCE = "U.S. Bureau of Labor Statistics, OEWS, May 2025"


def register_fonts() -> None:
    """The fonts of every PDF's text; fallbacks for CJK and emoji are read when a text first needs them."""
    register_text_fonts()


def _style(name: str, **kw) -> ParagraphStyle:
    base = {
        "fontName": FONT,
        "bulletFontName": FONT,
        "fontSize": 9.5,
        "leading": 13,
        "textColor": INK,
        "alignment": TA_LEFT,
    }
    base.update(kw)
    return ParagraphStyle(name, **base)


register_fonts()
# reportlab opens every page, table cell and drawing in Helvetica, which it never embeds (pdffonts
# shows "emb no"): every PDF here starts in our embedded font instead.
rl_config.canvas_basefontname = FONT
rl_config.defaultGraphicsFontName = FONT
CellStyle.fontname = FONT

STYLES = {
    "title": _style("title", fontName=FONT_BOLD, fontSize=19, leading=23, textColor=ACCENT, spaceAfter=4),
    "subtitle": _style("subtitle", fontSize=11.5, leading=15, textColor=MUTED, spaceAfter=2),
    "h1": _style("h1", fontName=FONT_BOLD, fontSize=13.5, leading=17, textColor=ACCENT, spaceBefore=11, spaceAfter=4),
    "h2": _style("h2", fontName=FONT_BOLD, fontSize=10.5, leading=14, spaceBefore=6, spaceAfter=2),
    "body": _style("body", spaceAfter=4),
    "small": _style("small", fontSize=8, leading=10.5, textColor=MUTED),
    "meta": _style("meta", fontSize=9, leading=12.5),
    "cell": _style("cell", fontSize=8.5, leading=11),
    "cell_small": _style("cell_small", fontSize=7.5, leading=9.5),
    "cell_small_bold": _style("cell_small_bold", fontName=FONT_BOLD, fontSize=7.5, leading=9.5),
    "cell_bold": _style("cell_bold", fontName=FONT_BOLD, fontSize=8.5, leading=11),
    "cell_head": _style("cell_head", fontName=FONT_BOLD, fontSize=8, leading=10, textColor=colors.white),
    "cell_num": _style("cell_num", fontSize=8.5, leading=11, alignment=2),
    # DejaVu's bullet is wider than Helvetica's: set 2 pt further left, the text starts where it did
    "bullet": _style("bullet", leftIndent=12, bulletIndent=0, spaceAfter=2),
    "quote": _style("quote", leftIndent=10, textColor=INK, spaceAfter=5),
}


_RTL = re.compile(r"[\u0590-\u08ff\ufb1d-\ufdff\ufe70-\ufeff]")


def visual(line: str) -> str:
    """Hebrew and Arabic runs in the order they are drawn: reportlab lays glyphs out left to right."""
    if not _RTL.search(line):
        return line
    from bidi import get_display

    return get_display(line)


def esc(text: object) -> str:
    """User text as Paragraph markup that prints exactly as typed; newlines become line breaks.

    Characters DejaVu Sans lacks are set in a bundled font that has them (exporters/pdf_fonts.py);
    one no font here can draw prints as a visible □, never as nothing, and is reported.
    """
    text = "" if text is None else str(text)
    lines = text.replace("\r\n", "\n").replace("\r", "\n").split("\n")
    return "<br/>".join(with_fallback_fonts(visual(line)) for line in lines)


UNDRAWN: contextvars.ContextVar[set[str] | None] = contextvars.ContextVar("undrawn", default=None)


def with_fallback_fonts(line: str) -> str:
    """Escaped markup for one line, each run DejaVu cannot draw wrapped in a font that can."""
    return markup(line, undrawn=UNDRAWN.get())


def para(text: object, style: str = "body", *, markup: str = "") -> Paragraph:
    """A paragraph of user text; `markup` is our own (trusted) prefix, e.g. a bold label."""
    return Paragraph(markup + esc(text), STYLES[style])


def section(title: str, *, room: float = 1.3 * inch) -> list:
    """A section heading that never sits alone at the foot of a page."""
    return [CondPageBreak(room), Paragraph(esc(title), STYLES["h1"])]


def subsection(title_markup: str, *, room: float = 0.9 * inch) -> list:
    """A smaller heading (trusted markup: escape user text first)."""
    return [CondPageBreak(room), Paragraph(title_markup, STYLES["h2"])]


def bullet(text: object, *, markup: str = "", style: str = "bullet") -> Paragraph:
    return Paragraph(markup + esc(text), STYLES[style], bulletText="•")


# Set while a document is laid out again because a row was taller than a page: then every row may split.
SPLIT_ROWS: contextvars.ContextVar[bool] = contextvars.ContextVar("split_rows", default=False)


def build_with_fallback(make_story, **kwargs) -> bytes:
    """build_pdf(make_story()); if a table row is taller than a page, lay out again letting rows split."""
    try:
        return build_pdf(make_story(), **kwargs)
    except LayoutError:
        token = SPLIT_ROWS.set(True)
        try:
            return build_pdf(make_story(), **kwargs)
        finally:
            SPLIT_ROWS.reset(token)


class LeftTable(Table):
    """A table held at the left margin; reportlab forgets `hAlign` on the halves of a row split across pages."""

    def __init__(self, *args, **kwargs) -> None:
        kwargs["hAlign"] = "LEFT"
        super().__init__(*args, **kwargs)


def table(
    rows: list[list],
    widths: list[float],
    *,
    header_rows: int = 1,
    band_rows: tuple[int, ...] = (),
    numeric_cols: tuple[int, ...] = (),
    zebra: bool = True,
    split_in_row: bool = False,
) -> Table:
    """A table that splits across pages between rows (inside a row too, when asked) and repeats its header."""
    split = split_in_row or SPLIT_ROWS.get()
    t = LeftTable(rows, colWidths=widths, repeatRows=header_rows, splitInRow=int(split))
    cmds = [
        ("FONTNAME", (0, 0), (-1, -1), FONT),
        ("FONTSIZE", (0, 0), (-1, -1), 8.5),
        ("VALIGN", (0, 0), (-1, -1), "TOP"),
        ("TOPPADDING", (0, 0), (-1, -1), 3),
        ("BOTTOMPADDING", (0, 0), (-1, -1), 4),
        ("LEFTPADDING", (0, 0), (-1, -1), 5),
        ("RIGHTPADDING", (0, 0), (-1, -1), 5),
        ("LINEBELOW", (0, header_rows), (-1, -1), 0.4, RULE),
    ]
    if header_rows:
        cmds += [
            ("BACKGROUND", (0, 0), (-1, header_rows - 1), ACCENT),
            ("TEXTCOLOR", (0, 0), (-1, header_rows - 1), colors.white),
            ("FONTNAME", (0, 0), (-1, header_rows - 1), FONT_BOLD),
            ("VALIGN", (0, 0), (-1, header_rows - 1), "BOTTOM"),
        ]
    if zebra:
        plain = [i for i in range(header_rows, len(rows)) if i not in band_rows]
        cmds += [("BACKGROUND", (0, i), (-1, i), ZEBRA) for n, i in enumerate(plain) if n % 2]
    for i in band_rows:
        cmds += [
            ("SPAN", (0, i), (-1, i)),
            ("BACKGROUND", (0, i), (-1, i), BAND),
            ("FONTNAME", (0, i), (-1, i), FONT_BOLD),
        ]
    for c in numeric_cols:
        cmds.append(("ALIGN", (c, header_rows), (c, -1), "RIGHT"))
    t.setStyle(TableStyle(cmds))
    return t


def head(*labels: str) -> list[Paragraph]:
    """A header row: our own labels, trusted markup."""
    return [Paragraph(label, STYLES["cell_head"]) for label in labels]


class _NumberedCanvas(Canvas):
    """Holds pages back until the end so each footer can say "page N of M"."""

    footer_text = ""

    def __init__(self, *args, **kwargs) -> None:
        super().__init__(*args, **kwargs)
        self._pages: list[dict] = []

    def showPage(self) -> None:
        self._pages.append(dict(self.__dict__))
        self._startPage()

    def save(self) -> None:
        total = len(self._pages)
        for state in self._pages:
            self.__dict__.update(state)
            self._draw_footer(total)
            super().showPage()
        super().save()

    def _draw_footer(self, total: int) -> None:
        width, _ = self._pagesize
        self.saveState()
        self.setStrokeColor(RULE)
        self.setLineWidth(0.5)
        self.line(MARGIN, 0.55 * inch, width - MARGIN, 0.55 * inch)
        self.setFillColor(MUTED)
        right = f"page {self._pageNumber} of {total}"
        max_left = width - 2 * MARGIN - self.stringWidth(right, FONT, 7.5) - 18
        # the partnership's name in the fonts its characters need, as the body text gets them
        left, undrawn = visual(self.footer_text), UNDRAWN.get()
        while left and text_width(runs(left), 7.5) > max_left:
            left = left[:-2] + "…"
        draw_runs(self, MARGIN, 0.4 * inch, runs(left, undrawn=undrawn), 7.5)
        self.setFont(FONT, 7.5)
        self.drawRightString(width - MARGIN, 0.4 * inch, right)
        self.restoreState()


def build_pdf(story: list, *, title: str, footer: str, author: str = "Cardwall", subject: str = "") -> bytes:
    """Lay the story out on Letter pages with our margins and footer; returns the PDF's bytes."""
    return build_pdf_pages(story, title=title, footer=footer, author=author, subject=subject)[0]


class TooManyPages(Exception):
    """A story ran past the `max_pages` it was given: laid out no further, never saved."""


class _Document(BaseDocTemplate):
    max_pages: int | None = None

    def beforePage(self) -> None:
        # A layout that is going to be refused stops at its first page too many: the rest of the
        # layout, the drawing and the saving would be thrown away.
        if self.max_pages is not None and self.page > self.max_pages:
            raise TooManyPages(self.page)


def build_pdf_pages(
    story: list,
    *,
    title: str,
    footer: str,
    author: str = "Cardwall",
    subject: str = "",
    max_pages: int | None = None,
) -> tuple[bytes, int]:
    """As build_pdf, with the number of pages it took; TooManyPages past `max_pages` (None: no limit)."""
    out = io.BytesIO()
    doc = _Document(
        out,
        pagesize=PAGE,
        leftMargin=MARGIN,
        rightMargin=MARGIN,
        topMargin=0.7 * inch,
        bottomMargin=0.85 * inch,
        title=title,
        author=author,
        subject=subject,
        creator="Cardwall",
    )
    # Portrait pages, and landscape ones a story asks for (NextPageTemplate(LANDSCAPE)), e.g. the wall.
    templates = []
    for name, size in ((PORTRAIT, PAGE), (LANDSCAPE, landscape(PAGE))):
        frame = Frame(MARGIN, 0.85 * inch, size[0] - 2 * MARGIN, size[1] - 1.55 * inch, id=name, **_NO_PADDING)
        templates.append(PageTemplate(id=name, frames=[frame], pagesize=size))
    doc.addPageTemplates(templates)
    doc.max_pages = max_pages
    canvas_class = type("FooterCanvas", (_NumberedCanvas,), {"footer_text": " ".join(footer.split())})
    doc.build(story, canvasmaker=canvas_class)
    return out.getvalue(), doc.page


def footer_for(partnership_name: str) -> str:
    name = " ".join((partnership_name or "").split())
    return f"Cardwall · {name}" if name else "Cardwall"


def wage_line(wages, soc_code: str) -> str:
    """The wage line for a SOC code from a dict or a callable, or "" when none is known."""
    if not wages or not soc_code:
        return ""
    value = wages(soc_code) if callable(wages) else wages.get(soc_code)
    return " ".join(str(value).split()) if value else ""
