"""The one table reader: rows numbered as a spreadsheet shows them, one encoding policy, CSV and XLSX alike."""

from __future__ import annotations

import pandas as pd
import pytest

from exporters.labor_tables import FiguresError, read_projections
from exporters.table_import import read_cards_table, read_task_table
from exporters.table_reader import TableError, read_table
from storage.labor import bundled

# Row 3 is blank and row 4's task has a line break inside its quotes: still one row each, as Excel shows them.
TASKS = 'Function,Task\nSetup,Reads prints\n\nSetup,"Sets up\nthe lathe"\nQuoting,\nQuoting,Writes quotes\n'


def test_rows_are_numbered_as_the_spreadsheet_shows_them(tmp_path):
    path = tmp_path / "tasks.csv"
    path.write_text(TASKS, encoding="utf-8")
    rows, report = read_task_table(path)
    assert [(r.row, r.task) for r in rows] == [(2, "Reads prints"), (4, "Sets up the lathe"), (6, "Writes quotes")]
    assert report.skipped == [(5, "function 'Quoting' has no task text")]


def test_a_ragged_row_is_named_by_its_own_number(tmp_path):
    path = tmp_path / "cards.csv"
    path.write_text('text,category\n"Welder\n(TIG)",Production\n\nMachinist,Production,extra\n', encoding="utf-8")
    with pytest.raises(TableError, match=r"cards.csv: row 4 has 3 cells where the header has 2"):
        read_cards_table(path)


def test_a_workbook_row_is_its_sheet_row(tmp_path):
    path = tmp_path / "proj.xlsx"
    rows = [
        ("51-4041", "Machinists", 3100, 3400, 350),
        (None, None, None, None, None),
        ("53-7051", "Forklift", 1, "x", 2),
    ]
    frame = pd.DataFrame(rows, columns=["SOC code", "Title", "Base employment", "Projected employment", "Openings"])
    frame.to_excel(path, index=False)
    with pytest.raises(FiguresError, match=r"proj.xlsx: row 4: Projected employment is 'x'"):
        read_projections(path, bundled())
    table = read_table(path)
    assert table.rows[0] == (
        2,
        {
            "SOC code": "51-4041",
            "Title": "Machinists",
            "Base employment": "3100",
            "Projected employment": "3400",
            "Openings": "350",
        },
    )


def test_one_encoding_policy_for_every_table(tmp_path):
    for name, text in (("cards.csv", "text\nSoudeur élève\n"), ("proj.csv", "SOC code,Title\n51-4041,Méchanic\n")):
        path = tmp_path / name
        path.write_bytes(text.encode("cp1252"))
        with pytest.raises(TableError, match=rf"{name}: row 2 is not UTF-8 text"):
            read_table(path)
        path.write_bytes(text.encode("utf-16"))  # with its byte-order mark: read
        assert read_table(path).rows[0][1][text.split(",")[0].split("\n")[0]] in ("Soudeur élève", "51-4041")
