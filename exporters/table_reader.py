"""The one reader of tables people bring: CSV, tab-separated text and Excel workbooks.

Every table import (cards, task lists, O*NET, labor figures) reads through
here, so a file is judged the same way wherever it comes in: one encoding
policy (UTF-8, with or without its mark, or UTF-16 with its mark; anything
else is refused naming the row to save again as "CSV UTF-8"), blank rows
kept out, and each row numbered as a spreadsheet shows it (the header is
row 1; a cell with a line break in it is still one row). Cells come back as
text exactly as typed; no pandas, so no guessing of types.
"""

from __future__ import annotations

import codecs
import csv
import datetime as _dt
import io
import re
import zipfile
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from pathlib import Path

TEXT_SUFFIXES = (".csv", ".txt", ".tsv", ".tab")
WORKBOOK_SUFFIXES = (".xlsx", ".xlsm")


class TableError(ValueError):
    """The file is not a table we can read: one line for the person who chose it."""


def norm(header) -> str:
    """A column name as compared: case, spaces and punctuation left out ("OCC_CODE" = "occ code")."""
    return re.sub(r"[\s_\-.*/()]+", "", str(header)).casefold()


@dataclass
class Table:
    name: str  # the file's name, for messages
    columns: list[str]
    rows: list[tuple[int, dict[str, str]]]  # (row number as a spreadsheet shows it, cells by column)

    def find(self, *names: str) -> str | None:
        """The first of `names` the header has (compared by `norm`)."""
        by_norm = {norm(c): c for c in self.columns}
        for name in names:
            if norm(name) in by_norm:
                return by_norm[norm(name)]
        return None

    def column(self, names: tuple[str, ...], *, what: str, required: bool = True) -> str | None:
        """The first of `names` the header has; a required column that is not there is the file's error."""
        found = self.find(*names)
        if found is None and required:
            raise self.missing(what, names)
        return found

    def require_rows(self) -> None:
        if not self.rows:
            raise TableError(f"{self.name}: row 1 is a header but no rows follow it.")

    def missing(self, what: str, names: tuple[str, ...], error: type[TableError] = TableError) -> TableError:
        found = ", ".join(repr(str(c)) for c in self.columns[:8])
        return error(f"{self.name}: row 1 has no {what} column (looked for {' or '.join(names)}; found {found}).")


# A sheet chooser scores the normalised column names of each sheet; the best (first of equals) is read.
Chooser = Callable[[set[str]], int]


def read_table(
    path: Path, *, sep: str | None = None, choose: Chooser | None = None, error: type[TableError] = TableError
) -> Table:
    """The table in `path`; raises `error` with one line naming the file (and row) when it cannot be read."""
    path = Path(path)
    if not path.exists():
        raise error(f"{path}: no such file.")
    suffix = path.suffix.lower()
    if suffix in WORKBOOK_SUFFIXES:
        return _read_workbook(path, choose, error)
    if suffix in TEXT_SUFFIXES:
        return _read_text(path, "\t" if suffix in (".tsv", ".tab") else sep, error)
    if suffix == ".xls":
        raise error(f"{path.name}: old .xls workbooks are not read; save it as .xlsx or CSV UTF-8.")
    raise error(f"{path.name}: Cardwall reads tables as .csv, .txt (tab-separated) or .xlsx.")


def read_wanted(path: Path, *, sep: str | None = None, wanted: set[str] | None = None) -> Table:
    """The table, from the sheet that has the `wanted` columns (all of them best, some of them next)."""

    def choose(columns: set[str]) -> int:
        return 2 if wanted and wanted <= columns else 1 if wanted and columns & wanted else 0

    return read_table(path, sep=sep, choose=choose)


def clean_cell(value) -> str:
    """A cell as one clean line (a line break typed in a cell becomes a space).

    Our own exports put an apostrophe before a cell a spreadsheet would run as a formula
    (exporters/tables.py neutralise): it is taken off again, so "=SUM" comes back as typed.
    """
    text = "" if value is None else str(value)
    if text[:1] == "'" and text[1:2] in ("=", "+", "-", "@", "\t", "\r", "\n", "\0"):
        text = text[1:]
    return " ".join(text.split())


def decode(name: str, raw: bytes, error: type[TableError] = TableError) -> str:
    """Bytes of a text table as text, by the one policy: UTF-8 (BOM or not), or UTF-16 with its BOM."""
    if raw.startswith((codecs.BOM_UTF16_LE, codecs.BOM_UTF16_BE)):
        return raw.decode("utf-16")
    try:
        return raw.decode("utf-8-sig")
    except UnicodeDecodeError as exc:
        row = raw[: exc.start].count(b"\n") + 1
        raise error(
            f"{name}: row {row} is not UTF-8 text (byte 0x{raw[exc.start]:02x}); "
            'save it again as "CSV UTF-8" and import that.'
        ) from None


def _read_text(path: Path, sep: str | None, error: type[TableError]) -> Table:
    raw = path.read_bytes()
    if not raw.strip():
        raise error(f"{path.name}: the file is empty.")
    if b"\x00" in raw and not raw.startswith((codecs.BOM_UTF16_LE, codecs.BOM_UTF16_BE)):
        raise error(f"{path.name}: this is not a text table (it holds binary data).")
    text = decode(path.name, raw, error)
    first = text.lstrip().split("\n", 1)[0]
    if sep is None:
        sep = "\t" if first.count("\t") > first.count(",") else ","
    records = csv.reader(io.StringIO(text, newline=""), delimiter=sep, quotechar='"')
    return _table(path.name, _numbered(records, path.name, error), error)


def _numbered(records, name: str, error: type[TableError]) -> Iterator[tuple[int, list[str]]]:
    """(spreadsheet row, cells): a record is one row however many lines its quoted cells span."""
    row = 0
    try:
        for cells in records:
            row += 1
            yield row, cells
    except csv.Error as exc:
        raise error(f"{name}: row {row + 1} cannot be read as part of a table ({exc}).") from None


def _table(name: str, numbered, error: type[TableError]) -> Table:
    columns: list[str] | None = None
    rows: list[tuple[int, dict[str, str]]] = []
    for row, cells in numbered:
        if not any(c.strip() for c in cells):
            continue  # a blank row, above the header or between groups
        if columns is None:
            columns = _header(cells)
            continue
        if len(cells) > len(columns) and any(c.strip() for c in cells[len(columns) :]):
            raise error(f"{name}: row {row} has {len(cells)} cells where the header has {len(columns)}.")
        cells = cells + [""] * (len(columns) - len(cells))
        rows.append((row, dict(zip(columns, cells, strict=False))))
    if columns is None:
        raise error(f"{name}: the file is empty.")
    return Table(name, columns, rows)


def _header(cells: list[str]) -> list[str]:
    # Trailing empty header cells (a sheet's formatting reaching past the table) are not columns.
    while cells and not cells[-1].strip():
        cells = cells[:-1]
    seen: dict[str, int] = {}
    columns = []
    for i, cell in enumerate(cells):
        label = cell.strip() or f"Unnamed: {i}"
        seen[label] = seen.get(label, 0) + 1
        columns.append(label if seen[label] == 1 else f"{label}.{seen[label] - 1}")
    return columns


def _cell_text(value) -> str:
    """A workbook cell as the text a person sees in it: 61360 not 61360.0, a date as 2025-05-01."""
    if value is None:
        return ""
    if isinstance(value, bool):
        return "TRUE" if value else "FALSE"
    if isinstance(value, float) and value.is_integer():
        return str(int(value))
    if isinstance(value, _dt.datetime):
        return value.date().isoformat() if value.time() == _dt.time() else value.isoformat(sep=" ")
    if isinstance(value, _dt.date | _dt.time):
        return value.isoformat()
    return str(value)


def _read_workbook(path: Path, choose: Chooser | None, error: type[TableError]) -> Table:
    if path.stat().st_size == 0:
        raise error(f"{path.name}: the file is empty.")
    if not zipfile.is_zipfile(path):
        raise error(f"{path.name}: this is not an Excel workbook (.xlsx), though its name says so.")
    import openpyxl

    try:
        book = openpyxl.load_workbook(path, read_only=True, data_only=True)
    except Exception as exc:  # openpyxl raises many kinds for a damaged or foreign zip
        raise error(f"{path.name}: this is not an Excel workbook Cardwall can read ({exc}).") from None
    try:
        tables = []
        for sheet in book.worksheets:
            try:
                numbered = (
                    (number, [_cell_text(v) for v in values])
                    for number, values in enumerate(sheet.iter_rows(values_only=True), start=1)
                )
                table = _table(path.name, numbered, error)
            except TableError as exc:
                if "is empty" in str(exc):
                    continue  # an empty sheet beside the data
                raise
            except Exception as exc:  # a damaged sheet inside a sound zip
                raise error(f"{path.name}: this is not an Excel workbook Cardwall can read ({exc}).") from None
            tables.append(table)
            if choose is None:
                break
    finally:
        book.close()
    if not tables:
        raise error(f"{path.name}: the workbook has no sheets with a table.")
    if choose is None:
        return tables[0]
    scores = [choose({norm(c) for c in t.columns}) for t in tables]
    return tables[scores.index(max(scores))]
