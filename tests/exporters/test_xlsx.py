"""exporters/xlsx.py as spreadsheet readers see it: values and their types, looks, widths, panes, filters."""

from __future__ import annotations

import datetime as dt
import zipfile

import pandas as pd
from openpyxl import load_workbook

from exporters.xlsx import Workbook, column_letter


def _book(tmp_path):
    book = Workbook()
    sheet = book.add_sheet("cards & <notes>")
    sheet.append(["text", "count", "share", "done", "due", "empty"])
    sheet.style(rows=range(1, 2), bold=True)
    sheet.append(["  R&D <script> ", 3, 0.125, True, dt.date(2026, 11, 13), None])
    sheet.append(["line one\nline two", -7, 1e-9, False, dt.date(1900, 3, 1), ""])
    sheet.append(["Nguyễn Văn Hùng 🔧 世界", 2**40, 2.5, None, None, None])
    sheet.freeze, sheet.filtered = "A2", True
    sheet.widths.update({1: 30, 2: 8.5})
    matrix = book.add_sheet("Production")
    matrix.append(["Industry:", "Manufacturing"])
    matrix.append([])
    matrix.append(["Level", "Occupations", "Content"])
    matrix.append(["Entry", "Operator", "Blueprint reading"])
    matrix.style(rows=range(3, 5), columns=range(1, 5), wrap=True)
    matrix.style(rows=range(3, 4), bold=True)
    matrix.freeze = "B4"
    path = tmp_path / "book.xlsx"
    book.save(path)
    return path


def test_values_and_types_read_back_as_written(tmp_path):
    path = _book(tmp_path)
    book = load_workbook(path)
    assert book.sheetnames == ["cards & <notes>", "Production"]
    rows = list(book["cards & <notes>"].iter_rows(values_only=True))
    assert rows[0] == ("text", "count", "share", "done", "due", "empty")
    assert rows[1] == ("  R&D <script> ", 3, 0.125, True, dt.datetime(2026, 11, 13), None)
    assert rows[2] == ("line one\nline two", -7, 1e-9, False, dt.datetime(1900, 3, 1), None)
    assert rows[3] == ("Nguyễn Văn Hùng 🔧 世界", 2**40, 2.5, None, None, None)
    quick = load_workbook(path, read_only=True)  # how exporters/table_reader.py reads a workbook back
    assert [r[0] for r in quick["cards & <notes>"].iter_rows(values_only=True)][1:] == [r[0] for r in rows[1:]]
    frame = pd.read_excel(path, sheet_name="cards & <notes>")
    assert frame["due"].iloc[0] == pd.Timestamp(2026, 11, 13) and frame["count"].tolist() == [3, -7, 2**40]


def test_looks_widths_panes_and_filters(tmp_path):
    book = load_workbook(_book(tmp_path))
    cards, matrix = book["cards & <notes>"], book["Production"]
    assert all(c.font.b for c in cards[1]) and not any(c.font.b for c in cards[2])
    assert cards["E2"].number_format == "yyyy-mm-dd" and cards["B2"].number_format == "General"
    assert cards.freeze_panes == "A2" and cards.auto_filter.ref == cards.dimensions == "A1:F4"
    assert cards.column_dimensions["A"].width == 30 and cards.column_dimensions["B"].width == 8.5
    assert matrix.freeze_panes == "B4" and not matrix.auto_filter.ref
    assert [c.font.b for c in matrix[3]][:3] == [True] * 3 and not matrix["A4"].font.b
    assert all(c.alignment.wrap_text and c.alignment.vertical == "top" for c in matrix["A3":"D4"][0])
    assert not matrix["A1"].alignment.wrap_text
    assert matrix["D4"].value is None and matrix["D4"].alignment.wrap_text  # a styled empty cell keeps its look


def test_the_filter_is_a_defined_name_excel_finds(tmp_path):
    workbook = zipfile.ZipFile(_book(tmp_path)).read("xl/workbook.xml").decode()
    assert (
        '<definedName name="_xlnm._FilterDatabase" localSheetId="0" hidden="1">\'cards &amp; &lt;notes&gt;\'!$A$1:$F$4'
        in (workbook)
    )


def test_column_letters():
    assert [column_letter(n) for n in (1, 26, 27, 52, 703)] == ["A", "Z", "AA", "AZ", "AAA"]
