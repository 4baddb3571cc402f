"""The fonts our PDFs draw with, every one embedded, and which of them draws each character.

DejaVu Sans sets the text; a character it lacks is set in a bundled fallback: WenQuanYi Micro Hei
(a CJK subset) for Chinese, Japanese and Korean, Symbola for emoji and symbols. The fallbacks are
read only when a text first needs them, so an export without such characters never pays for them.
"""

from __future__ import annotations

import threading

from reportlab.pdfbase import pdfmetrics, ttfonts
from reportlab.pdfbase.ttfonts import TTFont

import resources

FONT, FONT_BOLD, FONT_ITALIC = "DejaVuSans", "DejaVuSans-Bold", "DejaVuSans-Oblique"
CJK_FONT = "WenQuanYiMicroHei"  # resources/fonts/LICENSE-WenQuanYi.txt
# The CJK font has no bold: where bold is asked for, its glyphs are filled and stroked (pdf_style draws
# this name so). Same font, same embedded subsets; only the drawing differs.
CJK_BOLD = "WenQuanYiMicroHei-FauxBold"
FAUX_BOLD_STROKE = 0.03  # the stroke's width, of the font size: about a bold's extra weight
EMOJI_FONT = "Symbola"  # monochrome emoji and symbols (resources/fonts/LICENSE-Symbola.txt)
PLACEHOLDER = "□"  # what a character no bundled font can draw prints as
UNDRAWN_MARK = "?"  # font_for's answer for such a character

# The Unicode blocks the bundled CJK font keeps (resources/fonts/build_cjk.py subsets to these).
CJK_RANGES = (
    (0x1100, 0x11FF),  # Hangul Jamo
    (0x2E80, 0x2FDF),  # CJK and Kangxi radicals
    (0x3000, 0x33FF),  # CJK punctuation, kana, Bopomofo, compatibility jamo, enclosed CJK
    (0x3400, 0x4DBF),  # CJK Extension A
    (0x4E00, 0x9FFF),  # CJK Unified Ideographs
    (0xA960, 0xA97F),  # Hangul Jamo Extended-A
    (0xAC00, 0xD7FF),  # Hangul syllables and Jamo Extended-B
    (0xF900, 0xFAFF),  # CJK compatibility ideographs
    (0xFE30, 0xFE4F),  # CJK compatibility forms
    (0xFF00, 0xFFEF),  # half- and full-width forms
    (0x20000, 0x2FFFF),  # CJK Extension B and beyond
)
_FILES = {
    FONT: "DejaVuSans.ttf",
    FONT_BOLD: "DejaVuSans-Bold.ttf",
    FONT_ITALIC: "DejaVuSans-Oblique.ttf",
    CJK_FONT: "WenQuanYiMicroHei-CJK.ttf",
    EMOJI_FONT: "Symbola.ttf",
}
_INVISIBLE = "\u200d\ufe0f"  # zero-width joiner, emoji variation selector: drawn as nothing, never reported
_lock = threading.Lock()


def to_unicode_cmap(fontname: str, subset: list[int]) -> str:
    """A ToUnicode CMap for one 256-character subset, each character in UTF-16BE.

    reportlab writes `<%04X>`, so a character beyond the BMP (🔧, U+1F527) gets five hex digits,
    which no reader decodes: copying it out of the PDF gave "ὒ". Here it is a surrogate pair.
    """
    entries = [f"<{i:02X}> <{chr(v).encode('utf-16-be', 'surrogatepass').hex().upper()}>" for i, v in enumerate(subset)]
    return "\n".join(
        [
            "/CIDInit /ProcSet findresource begin",
            "12 dict begin",
            "begincmap",
            f"/CIDSystemInfo << /Registry ({fontname}) /Ordering ({fontname}) /Supplement 0 >> def",
            f"/CMapName /{fontname} def",
            "/CMapType 2 def",
            "1 begincodespacerange",
            f"<00> <{len(subset) - 1:02X}>",
            "endcodespacerange",
            # a bfchar block holds at most 100 entries (PDF reference, 5.9.2)
            *(
                line
                for start in range(0, len(entries), 100)
                for line in (
                    f"{len(entries[start : start + 100])} beginbfchar",
                    *entries[start : start + 100],
                    "endbfchar",
                )
            ),
            "endcmap",
            "CMapName currentdict /CMap defineresource pop",
            "end",
            "end",
        ]
    )


class EmbeddedFont(TTFont):
    """A TrueType font embedded as subsets, whose ToUnicode maps give back every character drawn."""

    def addObjects(self, doc) -> None:
        state = self.state.get(doc)
        subsets = [list(s) for s in state.subsets] if state is not None else []
        super().addObjects(doc)
        for n, subset in enumerate(subsets):  # the names reportlab's addObjects gave each subset
            base = b"".join((ttfonts.SUBSETN(n), b"+", self.face.name, self.face.subfontNameX)).decode("pdfdoc")
            stream = doc.idToObject.get("toUnicodeCMap:" + base)
            if stream is not None:
                stream.content = to_unicode_cmap(base, subset)


def register(name: str) -> None:
    """Read one of our fonts into reportlab, once per process (export workers may ask at the same time)."""
    if name in pdfmetrics._fonts:
        return
    with _lock:
        if name not in pdfmetrics._fonts:
            pdfmetrics.registerFont(EmbeddedFont(name, str(resources.path("fonts", _FILES[name]))))
            if name == CJK_FONT:
                # Bold CJK (a <b> run, a bold heading) asks the family for its bold: the same font object,
                # under the name whose runs are drawn faux bold.
                pdfmetrics._fonts[CJK_BOLD] = pdfmetrics._fonts[CJK_FONT]
                pdfmetrics.registerFontFamily(
                    CJK_FONT, normal=CJK_FONT, bold=CJK_BOLD, italic=CJK_FONT, boldItalic=CJK_BOLD
                )


def register_text_fonts() -> None:
    """DejaVu Sans and its bold and oblique: the text of every PDF (accents, Vietnamese, ≥, curly quotes)."""
    for name in (FONT, FONT_BOLD, FONT_ITALIC):
        register(name)
    pdfmetrics.registerFontFamily(FONT, normal=FONT, bold=FONT_BOLD, italic=FONT_ITALIC, boldItalic=FONT_BOLD)


def _covers(name: str, code: int) -> bool:
    register(name)
    return code in pdfmetrics.getFont(name).face.charToGlyph


def _in_cjk_block(code: int) -> bool:
    return any(low <= code <= high for low, high in CJK_RANGES)


def font_for(ch: str) -> str:
    """'' when DejaVu draws it, else the fallback that does, else UNDRAWN_MARK."""
    code = ord(ch)
    if code < 0x250 or ch in _INVISIBLE or _covers(FONT, code):
        return ""
    for name in (CJK_FONT, EMOJI_FONT) if _in_cjk_block(code) else (EMOJI_FONT,):
        if _covers(name, code):
            return name
    return UNDRAWN_MARK


def runs(line: str, *, undrawn: set[str] | None = None) -> list[tuple[str, str]]:
    """(font, text) runs of a line, '' for DejaVu; a character no font draws becomes PLACEHOLDER, noted in `undrawn`."""
    if not line or max(line) < "\u0250":  # Latin, as nearly every line is: DejaVu draws it all
        return [("", line)] if line else []
    out: list[tuple[str, str]] = []
    run, font = "", ""
    for ch in line:
        want = font if ch in _INVISIBLE else font_for(ch)  # joiners ride with the run they belong to
        if want != font and run:
            out.append((font, run))
            run = ""
        run, font = run + ch, want
    if run:
        out.append((font, run))
    cleaned = []
    for font, text in out:
        text = "".join(ch for ch in text if ch not in _INVISIBLE)
        if font == UNDRAWN_MARK:
            if undrawn is not None:
                undrawn.update(text)
            font, text = "", PLACEHOLDER * len(text)
        if text:
            cleaned.append((font, text))
    return cleaned


def escape(text: str) -> str:
    """xml.sax.saxutils.escape, without its import of urllib.request, http.client and ssl (70 ms)."""
    return text.replace("&", "&amp;").replace(">", "&gt;").replace("<", "&lt;")


def markup(line: str, *, undrawn: set[str] | None = None) -> str:
    """Escaped Paragraph markup for one line, each run DejaVu cannot draw wrapped in the font that can."""
    return "".join(
        escape(text) if not font else f'<font name="{font}">{escape(text)}</font>'
        for font, text in runs(line, undrawn=undrawn)
    )


def text_width(line_runs: list[tuple[str, str]], size: float, base: str = FONT) -> float:
    return sum(pdfmetrics.stringWidth(text, font or base, size) for font, text in line_runs)


def draw_runs(canvas, x: float, y: float, line_runs: list[tuple[str, str]], size: float, base: str = FONT) -> None:
    """Draw runs left to right from (x, y) on a reportlab canvas, each in its font."""
    for font, text in line_runs:
        name = CJK_BOLD if font == CJK_FONT and base == FONT_BOLD else font or base
        canvas.setFont(name, size)
        canvas.drawString(x, y, text)
        x += pdfmetrics.stringWidth(text, name, size)
