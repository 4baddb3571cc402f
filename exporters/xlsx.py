"""Excel workbooks written as the plain XML they are: the exports' few needs, without openpyxl.

Our workbooks hold text, numbers, dates and booleans, bold or wrapped cells, column widths, a frozen
header and a filter. openpyxl built an object per cell and cost a first export about a quarter of a
second to import and write; this writes the same parts as openpyxl does (inline strings, the same
styles, panes and filters), which Excel, LibreOffice, openpyxl and pandas read alike. Reading
workbooks stays with openpyxl (exporters/table_reader.py).
"""

from __future__ import annotations

import datetime as dt
import math
import zipfile
from dataclasses import dataclass, field
from pathlib import Path

_MAIN = "http://schemas.openxmlformats.org/spreadsheetml/2006/main"
_REL = "http://schemas.openxmlformats.org/officeDocument/2006/relationships"
_PKG_REL = "http://schemas.openxmlformats.org/package/2006/relationships"
_CT = "application/vnd.openxmlformats-officedocument"
_EXCEL_EPOCH = dt.date(1899, 12, 30)  # day 0 of Excel's 1900 date system, its leap-year bug included
DATE_FORMAT = "yyyy-mm-dd"  # every date cell shows as one; custom number formats start at id 164

# A cell's look: (bold, wrapped at the top of its cell, a date). Index 0 is the plain cell.
Look = tuple[bool, bool, bool]
PLAIN: Look = (False, False, False)


def column_letter(n: int) -> str:
    """1 -> 'A', 27 -> 'AA'."""
    letters = ""
    while n:
        n, rest = divmod(n - 1, 26)
        letters = chr(65 + rest) + letters
    return letters


def _text(value: str) -> str:
    # what the XML writer openpyxl uses escapes in text; the rest (accents, newlines) goes as it is
    return value.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")


@dataclass
class Sheet:
    """One worksheet: rows of values as appended, cell looks, column widths, a frozen pane, a filter."""

    name: str
    rows: list[list] = field(default_factory=list)
    looks: dict[tuple[int, int], Look] = field(default_factory=dict)  # (row, column), 1-based
    widths: dict[int, float] = field(default_factory=dict)  # column (1-based) -> width in characters
    freeze: str = ""  # the top-left cell that scrolls, e.g. "A2": the rows above and columns left stay
    filtered: bool = False  # a filter over the whole used range

    def append(self, values) -> int:
        """Add a row below the last (an empty list leaves a blank row); returns its number."""
        self.rows.append(list(values))
        return len(self.rows)

    @property
    def max_row(self) -> int:
        return len(self.rows)

    @property
    def max_column(self) -> int:
        return max((len(r) for r in self.rows), default=0)

    def style(self, *, rows: range, columns: range | None = None, bold: bool | None = None, wrap: bool | None = None):
        """Set bold and/or wrapping on every cell of `rows` (1-based), across `columns` or each row's own cells."""
        for r in rows:
            for c in columns or range(1, len(self.rows[r - 1]) + 1):
                old = self.looks.get((r, c), PLAIN)
                self.looks[r, c] = (old[0] if bold is None else bold, old[1] if wrap is None else wrap, old[2])

    def dimensions(self) -> str:
        return f"A1:{column_letter(max(1, self.max_column))}{max(1, self.max_row)}"

    def _xml(self, look_ids: dict[Look, int]) -> str:
        out = [f'<worksheet xmlns="{_MAIN}"><sheetPr><outlinePr summaryBelow="1" summaryRight="1"/><pageSetUpPr/>']
        out.append(f'</sheetPr><dimension ref="{self.dimensions()}"/><sheetViews><sheetView workbookViewId="0">')
        out.append(_pane(self.freeze))
        out.append('</sheetView></sheetViews><sheetFormatPr baseColWidth="8" defaultRowHeight="15"/>')
        if self.widths:
            out.append("<cols>")
            out += [f'<col width="{w:g}" customWidth="1" min="{c}" max="{c}"/>' for c, w in sorted(self.widths.items())]
            out.append("</cols>")
        out.append("<sheetData>")
        looks = self.looks
        widest: dict[int, int] = {}  # row -> its last styled cell: a styled empty cell is written too
        for r, c in looks:
            widest[r] = max(widest.get(r, 0), c)
        for r, values in enumerate(self.rows, start=1):
            width = max(len(values), widest.get(r, 0))
            if not width:
                continue
            out.append(f'<row r="{r}">')
            for c in range(1, width + 1):
                value = values[c - 1] if c <= len(values) else None
                out.append(_cell(f"{column_letter(c)}{r}", value, looks.get((r, c), PLAIN), look_ids))
            out.append("</row>")
        out.append("</sheetData>")
        if self.filtered:
            out.append(f'<autoFilter ref="{self.dimensions()}"/>')
        out.append('<pageMargins left="0.75" right="0.75" top="1" bottom="1" header="0.5" footer="0.5"/></worksheet>')
        return "".join(out)


def _pane(freeze: str) -> str:
    if not freeze or freeze == "A1":
        return '<selection activeCell="A1" sqref="A1"/>'
    col = sum((ord(ch) - 64) * 26**i for i, ch in enumerate(reversed(freeze.rstrip("0123456789")))) - 1
    row = int(freeze.lstrip("ABCDEFGHIJKLMNOPQRSTUVWXYZ")) - 1
    split = (f'xSplit="{col}" ' if col else "") + (f'ySplit="{row}" ' if row else "")
    pane = "bottomRight" if col and row else ("topRight" if col else "bottomLeft")
    others = {"bottomRight": ("topRight", "bottomLeft"), "topRight": (), "bottomLeft": ()}[pane]
    return (
        f'<pane {split}topLeftCell="{freeze}" activePane="{pane}" state="frozen"/>'
        + "".join(f'<selection pane="{p}"/>' for p in others)
        + f'<selection pane="{pane}" activeCell="A1" sqref="A1"/>'
    )


def _cell(ref: str, value, look: Look, look_ids: dict[Look, int]) -> str:
    if isinstance(value, dt.date) and not isinstance(value, dt.datetime):
        look = (look[0], look[1], True)
    style = look_ids.setdefault(look, len(look_ids)) if look != PLAIN else 0
    s = f' s="{style}"' if style else ""
    if value is None or value == "":
        return f'<c r="{ref}"{s}/>'
    if isinstance(value, str):
        space = ' xml:space="preserve"' if value.strip() and value != value.strip() else ""
        return f'<c r="{ref}"{s} t="inlineStr"><is><t{space}>{_text(value)}</t></is></c>'
    if isinstance(value, bool):
        return f'<c r="{ref}"{s} t="b"><v>{int(value)}</v></c>'
    if isinstance(value, dt.date) and not isinstance(value, dt.datetime):
        return f'<c r="{ref}"{s} t="n"><v>{(value - _EXCEL_EPOCH).days}</v></c>'
    if isinstance(value, int):
        return f'<c r="{ref}"{s} t="n"><v>{value}</v></c>'
    if isinstance(value, float):
        return (
            f'<c r="{ref}"{s} t="n"/>' if not math.isfinite(value) else f'<c r="{ref}"{s} t="n"><v>{value:.16g}</v></c>'
        )
    return f'<c r="{ref}"{s} t="inlineStr"><is><t>{_text(str(value))}</t></is></c>'


def _styles(look_ids: dict[Look, int]) -> str:
    xfs = []
    for bold, wrap, date in sorted(look_ids, key=look_ids.__getitem__):
        attrs = f'numFmtId="{164 if date else 0}" fontId="{int(bold)}" fillId="0" borderId="0"'
        attrs += ' applyAlignment="1"' if wrap else ""
        inner = '<alignment vertical="top" wrapText="1"/>' if wrap else ""
        xfs.append(f'<xf {attrs} pivotButton="0" quotePrefix="0" xfId="0">{inner}</xf>')
    return (
        f'<styleSheet xmlns="{_MAIN}"><numFmts count="1"><numFmt numFmtId="164" formatCode="{DATE_FORMAT}"/>'
        '</numFmts><fonts count="2"><font><name val="Calibri"/><family val="2"/><sz val="11"/>'
        '<scheme val="minor"/></font><font><name val="Calibri"/><family val="2"/><b val="1"/><sz val="11"/>'
        '<scheme val="minor"/></font></fonts><fills count="2"><fill><patternFill/></fill>'
        '<fill><patternFill patternType="gray125"/></fill></fills><borders count="1"><border><left/><right/>'
        '<top/><bottom/><diagonal/></border></borders><cellStyleXfs count="1"><xf numFmtId="0" fontId="0" '
        f'fillId="0" borderId="0"/></cellStyleXfs><cellXfs count="{len(xfs)}">{"".join(xfs)}</cellXfs>'
        '<cellStyles count="1"><cellStyle name="Normal" xfId="0" builtinId="0"/></cellStyles></styleSheet>'
    )


class Workbook:
    """Sheets in order; `save` writes the .xlsx file."""

    def __init__(self) -> None:
        self.sheets: list[Sheet] = []

    def add_sheet(self, name: str) -> Sheet:
        sheet = Sheet(name)
        self.sheets.append(sheet)
        return sheet

    def save(self, path: Path) -> None:
        look_ids: dict[Look, int] = {PLAIN: 0}
        parts = {f"xl/worksheets/sheet{i}.xml": s._xml(look_ids) for i, s in enumerate(self.sheets, start=1)}
        n = len(self.sheets)
        sheet_ct = f"{_CT}.spreadsheetml.worksheet+xml"
        now = dt.datetime.now(dt.UTC).strftime("%Y-%m-%dT%H:%M:%SZ")
        names = "".join(
            f'<definedName name="_xlnm._FilterDatabase" localSheetId="{i}" hidden="1">'
            f"'{_text(s.name).replace(chr(39), chr(39) * 2)}'!{_absolute(s.dimensions())}</definedName>"
            for i, s in enumerate(self.sheets)
            if s.filtered
        )
        files = {
            "[Content_Types].xml": (
                f'<Types xmlns="{_PKG_REL.replace("relationships", "content-types")}">'
                '<Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/>'
                '<Default Extension="xml" ContentType="application/xml"/>'
                f'<Override PartName="/xl/workbook.xml" ContentType="{_CT}.spreadsheetml.sheet.main+xml"/>'
                f'<Override PartName="/xl/styles.xml" ContentType="{_CT}.spreadsheetml.styles+xml"/>'
                + "".join(
                    f'<Override PartName="/xl/worksheets/sheet{i}.xml" ContentType="{sheet_ct}"/>'
                    for i in range(1, n + 1)
                )
                + '<Override PartName="/docProps/core.xml" '
                'ContentType="application/vnd.openxmlformats-package.core-properties+xml"/>'
                f'<Override PartName="/docProps/app.xml" ContentType="{_CT}.extended-properties+xml"/></Types>'
            ),
            "_rels/.rels": (
                f'<Relationships xmlns="{_PKG_REL}">'
                f'<Relationship Id="rId1" Type="{_REL}/officeDocument" Target="xl/workbook.xml"/>'
                f'<Relationship Id="rId2" Type="{_PKG_REL}/metadata/core-properties" Target="docProps/core.xml"/>'
                f'<Relationship Id="rId3" Type="{_REL}/extended-properties" Target="docProps/app.xml"/>'
                "</Relationships>"
            ),
            "docProps/app.xml": (
                '<Properties xmlns="http://schemas.openxmlformats.org/officeDocument/2006/extended-properties">'
                "<Application>Cardwall</Application></Properties>"
            ),
            "docProps/core.xml": (
                '<cp:coreProperties xmlns:cp="http://schemas.openxmlformats.org/package/2006/metadata/core-properties" '
                'xmlns:dc="http://purl.org/dc/elements/1.1/" xmlns:dcterms="http://purl.org/dc/terms/" '
                'xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance"><dc:creator>Cardwall</dc:creator>'
                f'<dcterms:created xsi:type="dcterms:W3CDTF">{now}</dcterms:created>'
                f'<dcterms:modified xsi:type="dcterms:W3CDTF">{now}</dcterms:modified></cp:coreProperties>'
            ),
            "xl/workbook.xml": (
                f'<workbook xmlns:r="{_REL}" xmlns="{_MAIN}"><workbookPr/><bookViews><workbookView '
                'activeTab="0"/></bookViews><sheets>'
                + "".join(
                    f'<sheet name="{_text(s.name).replace(chr(34), "&quot;")}" sheetId="{i}" state="visible" '
                    f'r:id="rId{i}"/>'
                    for i, s in enumerate(self.sheets, start=1)
                )
                + "</sheets>"
                + (f"<definedNames>{names}</definedNames>" if names else "")
                + '<calcPr calcId="124519" fullCalcOnLoad="1"/></workbook>'
            ),
            "xl/_rels/workbook.xml.rels": (
                f'<Relationships xmlns="{_PKG_REL}">'
                + "".join(
                    f'<Relationship Id="rId{i}" Type="{_REL}/worksheet" Target="/xl/worksheets/sheet{i}.xml"/>'
                    for i in range(1, n + 1)
                )
                + f'<Relationship Id="rId{n + 1}" Type="{_REL}/styles" Target="styles.xml"/></Relationships>'
            ),
            "xl/styles.xml": _styles(look_ids),
            **parts,
        }
        with zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED) as archive:
            for name, xml in files.items():
                archive.writestr(name, xml.encode("utf-8"))


def _absolute(ref: str) -> str:
    """'A1:B13' -> '$A$1:$B$13'."""
    out = []
    for corner in ref.split(":"):
        letters = corner.rstrip("0123456789")
        out.append(f"${letters}${corner[len(letters) :]}")
    return ":".join(out)
