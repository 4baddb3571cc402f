"""Bold CJK reads bold: the bundled CJK font has no bold, so bold runs are filled and stroked (faux bold)."""

from __future__ import annotations

import io

from pypdf import PdfReader
from pypdf.generic import ContentStream

from cardwall import commands as c
from cardwall.model import Workspace
from exporters.bundle import export_session
from exporters.pdf_style import STYLES, Paragraph, build_pdf, esc


def shown(pdf: bytes, page: int = 0) -> list[tuple[str, float, int, float | None, str]]:
    """Each text-showing operator of a page: (font, size, render mode, line width, text as extracted)."""
    reader = PdfReader(io.BytesIO(pdf))
    pg = reader.pages[page]
    fonts = {name: ref.get_object() for name, ref in pg["/Resources"]["/Font"].items()}
    out, font, size, mode, width = [], None, 0.0, 0, None
    for operands, op in ContentStream(pg.get_contents(), reader).operations:
        if op == b"Tf":
            font, size = fonts[operands[0]], float(operands[1])
        elif op == b"Tr":
            mode = int(operands[0])
        elif op == b"w":
            width = float(operands[0])
        elif op == b"Tj":
            name = str(font["/BaseFont"]).split("+")[-1]
            out.append((name, size, mode, width, _decoded(font, operands[0])))
    return out


def _decoded(font, raw) -> str:
    """The characters a Tj shows, read back through the font's ToUnicode map (as a PDF reader copies them)."""
    table = {}
    for line in font["/ToUnicode"].get_object().get_data().decode().splitlines():
        parts = line.replace("<", " ").replace(">", " ").split()
        if len(parts) == 2 and len(parts[0]) == 2 and len(parts[1]) % 4 == 0:  # a bfchar entry
            table[int(parts[0], 16)] = bytes.fromhex(parts[1]).decode("utf-16-be")
    codes = raw.get_original_bytes() if hasattr(raw, "get_original_bytes") else bytes(raw)
    return "".join(table.get(b, "?") for b in codes)


def test_bold_markup_and_bold_styles_draw_cjk_faux_bold_and_regular_cjk_stays_regular():
    pdf = build_pdf(
        [
            Paragraph(esc("Heading 見出し"), STYLES["h1"]),
            Paragraph("<b>" + esc("名前 Name") + "</b> " + esc("普通 plain"), STYLES["body"]),
        ],
        title="t",
        footer="f",
    )
    runs = [r for r in shown(pdf) if r[0] == "WenQuanYiMicroHei"]
    assert [(text, mode) for _font, _size, mode, _w, text in runs] == [("見出し", 2), ("名前", 2), ("普通", 0)]
    for _font, size, mode, width, _text in runs:
        if mode == 2:  # stroked 3% of the size, so the strokes thicken like a bold's
            assert abs(width - 0.03 * size) < 1e-3
    latin = [r for r in shown(pdf) if r[0].startswith("DejaVuSans")]
    assert latin and all(mode == 0 for _f, _s, mode, _w, _t in latin)  # DejaVu has a real bold: left alone


def test_a_session_title_in_chinese_prints_bold_in_the_summary(tmp_path):
    ws = Workspace()
    add = c.AddSession(kind="critical-occupations", title="Critical occupations 世界", date="2026-03-01")
    add.apply(ws)
    c.AddParticipant(add.session_id, name="李小龍", organization="Shop").apply(ws)
    export_session(ws, add.session_id, tmp_path)
    runs = shown((tmp_path / "summary.pdf").read_bytes())
    cjk = {text.strip(): (mode, size) for font, size, mode, _w, text in runs if font == "WenQuanYiMicroHei"}
    assert cjk["世界"] == (2, STYLES["title"].fontSize)  # the title: bold, so faux bold
    assert cjk["李小龍"][0] == 0  # a name in the attendance table: regular
    text = " ".join(p.extract_text() for p in PdfReader(tmp_path / "summary.pdf").pages)
    assert "Critical occupations 世界" in text and "李小龍" in text  # copies out as typed
