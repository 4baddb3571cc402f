"""Reading cards, task lists and O*NET Task Statements: what is read, what is skipped and why."""

from __future__ import annotations

import pandas as pd
import pytest

from exporters.onet_import import read_onet_tasks
from exporters.table_import import TableError, read_cards_table, read_task_table, soc_key

ONET_HEADER = "O*NET-SOC Code\tTitle\tTask ID\tTask\tTask Type\tIncumbents Responding\tDate\tDomain Source\n"
ONET_ROWS = [
    ("51-4111.00", "Tool and Die Makers", "1", "Study blueprints, sketches, models, or specifications.", "Core"),
    ("51-4111.00", "Tool and Die Makers", "2", "Set up and operate machine tools to fabricate dies.", "Core"),
    ("51-4111.00", "Tool and Die Makers", "3", "Inspect finished dies for smoothness and fit.", "Supplemental"),
    ("51-4041.00", "Machinists", "4", "Calculate dimensions and tolerances.", "Core"),
    ("51-4111.00", "Tool and Die Makers", "5", "", "Core"),
]


def write_onet_txt(path, rows=ONET_ROWS):
    lines = [ONET_HEADER] + ["\t".join([*r, "12", "07/2024", "Incumbent"]) + "\n" for r in rows]
    path.write_text("".join(lines), encoding="utf-8")
    return path


def test_task_csv_reads_functions_and_tasks_and_reports_skips(tmp_path):
    f = tmp_path / "tasks.csv"
    f.write_text(
        "Function,Task\n"
        "Part Fabrication,Sets up mills and lathes\n"
        "Part Fabrication,Sets up mills and lathes\n"
        "Quality Control,\n"
        ",Sweeps the floor\n"
        'Quality Control,"Checks parts, with gauges"\n'
        ",\n",
        encoding="utf-8",
    )
    rows, report = read_task_table(f)
    assert [(r.function, r.task) for r in rows] == [
        ("Part Fabrication", "Sets up mills and lathes"),
        ("", "Sweeps the floor"),
        ("Quality Control", "Checks parts, with gauges"),
    ]
    assert report.read == 3
    assert report.skipped == [(3, "the same task as row 2"), (4, "function 'Quality Control' has no task text")]
    text = report.text()
    assert "read 3 rows, skipped 2" in text and "row 3: the same task as row 2" in text
    assert "1 task without a function go to Unassigned" in text or "without a function" in text


def test_task_xlsx_reads_the_sheet_with_the_columns(tmp_path):
    f = tmp_path / "tasks.xlsx"
    with pd.ExcelWriter(f) as xl:
        pd.DataFrame({"notes": ["cover sheet"]}).to_excel(xl, sheet_name="Cover", index=False)
        pd.DataFrame({"FUNCTION": ["Sales", "Sales"], "Task ": ["Calls on customers", "Writes quotes"]}).to_excel(
            xl, sheet_name="Matrix", index=False
        )
    rows, report = read_task_table(f)
    assert [(r.row, r.function, r.task) for r in rows] == [
        (2, "Sales", "Calls on customers"),
        (3, "Sales", "Writes quotes"),
    ]
    assert report.skipped == []


@pytest.mark.parametrize(
    ("content", "message"),
    [
        (b"", "the file is empty"),
        (b"   \n\n", "the file is empty"),
        (b"Function,Step\nA,b\n", "row 1 has no task column"),
        (b"Function,Task\n", "row 1 is a header but no rows follow it"),
        (b"Function,Task\nA,b\nC,\xe9t\xe9\n", "row 3 is not UTF-8 text"),
        (b"Function,Task\nA,b\nC,d,e\n", "row 3 has 3 cells where the header has 2"),
        (b"\x00\x01\x02binary", "not a text table"),
    ],
)
def test_malformed_task_csv_gives_one_clear_error(tmp_path, content, message):
    f = tmp_path / "bad.csv"
    f.write_bytes(content)
    with pytest.raises(TableError) as caught:
        read_task_table(f)
    assert str(caught.value).startswith("bad.csv: ")
    assert message in str(caught.value)


def test_an_xlsx_that_is_not_a_workbook_is_refused(tmp_path):
    f = tmp_path / "matrix.xlsx"
    f.write_text("Function,Task\nA,b\n", encoding="utf-8")
    with pytest.raises(TableError, match=r"matrix.xlsx: this is not an Excel workbook"):
        read_task_table(f)


def test_utf16_text_from_excel_is_read(tmp_path):
    f = tmp_path / "unicode.txt"
    f.write_bytes("Function\tTask\nSécurité\tPorte l'équipement\n".encode("utf-16"))
    rows, _ = read_task_table(f)
    assert rows[0].function == "Sécurité" and rows[0].task == "Porte l'équipement"


def test_soc_key_matches_onet_codes_to_soc():
    assert soc_key("51-4111.00") == ("51-4111", "00")
    assert soc_key("514111") == ("51-4111", "")
    assert soc_key("51-41") is None


def test_onet_txt_is_filtered_to_the_panel_soc(tmp_path):
    got, report = read_onet_tasks(write_onet_txt(tmp_path / "Task Statements.txt"), "51-4111")
    assert [t.task for t in got.tasks] == [
        "Study blueprints, sketches, models, or specifications.",
        "Set up and operate machine tools to fabricate dies.",
        "Inspect finished dies for smoothness and fit.",
    ]
    assert got.title == "Tool and Die Makers" and got.soc_code == "51-4111.00"
    assert [t.task_type for t in got.tasks] == ["Core", "Core", "Supplemental"]
    assert report.read == 3 and report.skipped == [(6, "no task text")]
    assert "1 rows of other occupations left out" in report.text()


def test_onet_csv_and_xlsx_read_the_same(tmp_path):
    frame = pd.DataFrame(
        [[*r, "12", "07/2024", "Incumbent"] for r in ONET_ROWS],
        columns=ONET_HEADER.strip().split("\t"),
    )
    frame.to_csv(tmp_path / "t.csv", index=False)
    frame.to_excel(tmp_path / "t.xlsx", index=False)
    a, _ = read_onet_tasks(tmp_path / "t.csv", "51-4111.00")
    b, _ = read_onet_tasks(tmp_path / "t.xlsx", "51-4111")
    assert [t.task for t in a.tasks] == [t.task for t in b.tasks] and len(a.tasks) == 3


def test_onet_without_tasks_for_the_code_or_without_columns_is_refused(tmp_path):
    f = write_onet_txt(tmp_path / "Task Statements.txt")
    with pytest.raises(TableError, match="no tasks for SOC 41-4011"):
        read_onet_tasks(f, "41-4011")
    with pytest.raises(TableError, match="not a SOC code"):
        read_onet_tasks(f, "tool maker")
    g = tmp_path / "other.txt"
    g.write_text("Code\tTask\n51-4111.00\tx\n", encoding="utf-8")
    with pytest.raises(TableError, match=r"other\.txt: row 1 has no O\*NET-SOC Code column"):
        read_onet_tasks(g, "51-4111")


def test_cards_table_reads_reasons_levels_and_authors(tmp_path):
    f = tmp_path / "cards.csv"
    f.write_text(
        "Occupation,Category,Level,Organization,Reasons,SOC code,Notes\n"
        'CNC Machinist,Production,Entry,Acme Tool,"Hardest to fill; turnover; luck",51-4041.00,nights\n'
        ",Production,,,,,\n"
        "Welder,Production,Mid,,growth,5141,\n",
        encoding="utf-8",
    )
    rows, report = read_cards_table(f)
    first, second = rows
    assert (first.text, first.category, first.level, first.author) == (
        "CNC Machinist",
        "Production",
        "Entry",
        "Acme Tool",
    )
    assert first.reasons == ("hard-to-fill", "turnover") and first.soc_code == "51-4041" and first.notes == "nights"
    assert second.reasons == ("growth",) and second.soc_code == ""
    assert report.skipped == [(3, "no card text")]
    assert "reason 'luck' is not one of the five" in report.text()
    assert "'5141' is not a SOC code" in report.text()


def test_cards_table_without_a_text_column_is_refused(tmp_path):
    f = tmp_path / "cards.csv"
    f.write_text("Category,Level\nProduction,Entry\n", encoding="utf-8")
    with pytest.raises(TableError, match=r"cards\.csv: row 1 has no card text"):
        read_cards_table(f)
