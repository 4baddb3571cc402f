"""Where our PDFs bend reportlab: markup parsed once per process, a CJK run keeping the weight around it,
and bold CJK drawn bold. exporters/pdf_style.py builds the look on these.
"""

from __future__ import annotations

from reportlab.lib.fonts import ps2tt
from reportlab.lib.rl_accel import fp_str
from reportlab.pdfgen import canvas as rl_canvas
from reportlab.pdfgen.textobject import PDFTextObject
from reportlab.platypus import Paragraph as _Paragraph
from reportlab.platypus.paragraph import textTransformFrags
from reportlab.platypus.paraparser import ParaParser, _spanAttrMap

from exporters.pdf_fonts import CJK_BOLD, CJK_FONT, FAUX_BOLD_STROKE

# reportlab's C speedups (rl_accel) are loaded by name; a plain import lets PyInstaller see them too.
try:
    import _rl_accel  # noqa: F401
except ImportError:  # reportlab falls back to the same functions in Python, a tenth slower
    pass


class _Parser(ParaParser):
    """reportlab's markup parser, but a CJK run keeps the weight around it.

    pdf_fonts.markup sets CJK in <font name=CJK_FONT>, and reportlab takes a <font>'s weight from its
    name (regular): a bold heading's Chinese printed regular. Here the run stays bold or italic as the
    text around it is, and the CJK family's bold (CJK_BOLD) is drawn faux bold (_Text).
    """

    def start_font(self, attr) -> None:
        found = self.getAttributes(attr, _spanAttrMap)
        if "fontName" in found:
            found["fontName"], bold, italic = ps2tt(found["fontName"])
            if found["fontName"] != CJK_FONT.lower():
                found["bold"], found["italic"] = bold, italic
        self._push("font", **found)


class Paragraph(_Paragraph):
    """reportlab's Paragraph, its markup parsed once per (markup, style) in a process.

    The same markup is parsed many times over: a brief laid out again more tightly, a pathway map measured
    and then drawn, the same labels in every table. Parsing took a tenth of an export. The parsed fragments
    are shared and never changed: reportlab clones a fragment before it edits one.
    """

    def _setup(self, text, style, bulletText, frags, cleaner) -> None:
        if frags is not None:  # a half of a split paragraph, handed its fragments
            super()._setup(text, style, bulletText, frags, cleaner)
            return
        key = (text, style, bulletText, self.caseSensitive)  # a style is its own key: styles are never changed
        parsed = _PARSED.get(key)
        if parsed is None:
            # reportlab's own parse (Paragraph._setup), with our parser
            text = cleaner(text)
            parser = _Parser()
            parser.caseSensitive = self.caseSensitive
            style, frags, bullet_frags = parser.parse(text, style)
            if frags is None:
                raise ValueError(f"xml parser error ({parser.errors[0]}) in paragraph beginning\n{text[:30]!r}")
            textTransformFrags(frags, style)
            parsed = (text, frags, style, bullet_frags or bulletText)
            if len(_PARSED) >= _PARSED_MAX:
                _PARSED.clear()
            _PARSED[key] = parsed
        self.text, self.frags, self.style, self.bulletText = parsed
        self.debug = 0

    def wrap(self, availWidth, availHeight):
        # A table wraps each cell's paragraphs to size its rows, then again to draw them, at the same width:
        # the lines are broken once. Only while nothing else has replaced the broken lines (blPara).
        memo = self.__dict__.get("_wrapped")
        if memo is not None and memo[0] == availWidth and memo[1] is self.__dict__.get("blPara"):
            self.width, self.height = memo[2], memo[3]
            return memo[2], memo[3]
        width, height = super().wrap(availWidth, availHeight)
        self._wrapped = (availWidth, self.__dict__.get("blPara"), width, height)
        return width, height

    def split(self, availWidth, availHeight):
        # Splitting edits the broken lines' words (a space at each line's end): lines are broken afresh after.
        self.__dict__.pop("_wrapped", None)
        return super().split(availWidth, availHeight)


_PARSED: dict = {}
_PARSED_MAX = 5000  # a few megabytes at most; a long-running app starts afresh past it


class _Text(PDFTextObject):
    """Text that draws bold CJK as bold: the CJK font has no bold, so a run set in CJK_BOLD is filled and
    stroked (render mode 2) in its own colour, the stroke FAUX_BOLD_STROKE of the size; after it the line
    width and stroke colour are what the canvas had."""

    def _formatText(self, text):
        code = super()._formatText(text)
        if self._fontname != CJK_BOLD:
            return code
        canvas, kept = self._canvas, self._code
        try:  # the colour operators as reportlab writes them (RGB, CMYK, alpha), collected aside
            self._code = []
            self.setStrokeColor(self.__dict__.get("_fillColorObj") or canvas._fillColorObj)
            stroke = " ".join(self._code)
            self._code = []
            self.setStrokeColor(canvas._strokeColorObj)
            restore = " ".join(self._code)
        finally:
            self._code = kept
        width = fp_str(FAUX_BOLD_STROKE * self._fontsize)
        return f"{stroke} {width} w 2 Tr {code} 0 Tr {fp_str(canvas._lineWidth)} w {restore}"


class Canvas(rl_canvas.Canvas):
    """reportlab's canvas, drawing bold CJK as bold (_Text)."""

    def beginText(self, x=0, y=0, direction=None):
        return _Text(self, x, y, direction=direction)
