"""A partnership's own figures: imported whole or not at all, one undo step, kept in its file, overriding the bundle.

The file is read by exporters.labor_tables into an `ImportFigures` command; the workspace file commits it
(as the Data menu does through the controller).
"""

from __future__ import annotations

import pandas as pd
import pytest

from cardwall.commands import EditPartnership
from exporters.labor_tables import FiguresError, oews_command, projections_command
from storage.errors import StorageError
from storage.labor import bundled, figures_for
from storage.workspace import WorkspaceFile
from tests.helpers import reopen


def import_oews(wf, path, data):
    command, report = oews_command(path, data, area_code=wf.ws.partnership.area_code)
    wf.execute(command)
    return report


def import_projections(wf, path, data):
    command, report = projections_command(path, data, area_code=wf.ws.partnership.area_code)
    wf.execute(command)
    return report


OEWS_ROWS = [
    # AREA, AREA_TITLE, AREA_TYPE, NAICS, OCC_CODE, OCC_TITLE, O_GROUP, TOT_EMP, H_MEDIAN, A_MEDIAN
    ("08", "Colorado", "2", "000000", "00-0000", "All Occupations", "total", "2,900,000", "25.00", "52000"),
    ("08", "Colorado", "2", "000000", "51-0000", "Production Occupations", "major", "110,000", "21.00", "44000"),
    ("08", "Colorado", "2", "000000", "51-4040", "Machinists and Tool Setters", "broad", "3,000", "29.00", "60300"),
    ("08", "Colorado", "2", "000000", "51-4041", "Machinists", "detailed", "3,100", "29.50", "61360"),
    ("08", "Colorado", "2", "000000", "29-1212", "Cardiologists", "detailed", "210", "#", "#"),
    ("08", "Colorado", "2", "000000", "51-9161", "CNC Tool Operators", "detailed", "**", "*", "*"),
    (
        "08",
        "Colorado",
        "2",
        "000000",
        "53-7051",
        "Industrial Truck and Tractor Operators",
        "detailed",
        "9,000",
        "21.10",
        "",
    ),
    ("", "", "", "", "", "Footnotes: (1) Estimates for detailed occupations do not sum to the totals.", "", "", "", ""),
]
COLUMNS = [
    "AREA",
    "AREA_TITLE",
    "AREA_TYPE",
    "NAICS",
    "OCC_CODE",
    "OCC_TITLE",
    "O_GROUP",
    "TOT_EMP",
    "H_MEDIAN",
    "A_MEDIAN",
]


def write_oews(path, rows=OEWS_ROWS):
    pd.DataFrame(rows, columns=COLUMNS).to_excel(path, index=False)
    return path


def write_projections(path, rows=None):
    rows = rows or [
        ("00-0000", "Total, all occupations", "2,900.0", "3,100.0", "350.0"),
        ("51-4041", "Machinists", "3.1", "3.4", "0.4"),
        ("53-7051", "Industrial truck and tractor operators", "9.0", "9.9", "1.3"),
    ]
    frame = pd.DataFrame(
        rows,
        columns=[
            "SOC code",
            "Occupation title",
            "Employment, 2024 (thousands)",
            "Employment, 2034 (thousands)",
            "Annual openings (thousands)",
        ],
    )
    frame.to_csv(path, index=False)
    return path


@pytest.fixture
def colorado(wf):
    wf.execute(EditPartnership(name="Front Range Manufacturing", region="Colorado", area_code="0800000"))
    return wf


def test_an_oews_spreadsheet_is_imported_and_overrides_the_bundle(colorado, tmp_path):
    report = import_oews(colorado, write_oews(tmp_path / "oes_co.xlsx"), bundled())
    assert (report.read, report.imported) == (8, 4)
    text = report.text()
    assert "the all-occupations total" in text and "a SOC broad group" in text
    assert "no employment or wage published" in text and "no OCC_CODE" in text
    assert "Colorado" in text

    mine = colorado.imported_figures("0800000")
    assert mine["51-4041"].median == 61360 and mine["51-4041"].employment == 3100
    assert mine["29-1212"].topcoded and mine["29-1212"].wage == "≥ $239,200"
    assert mine["53-7051"].median == 43890  # only H_MEDIAN given: 21.10 x 2,080, to the $10
    merged = figures_for(bundled(), "0800000", overrides=mine)
    assert merged["51-4041"].median == 61360
    assert merged["51-4041"].source.startswith("oes_co.xlsx, imported ")
    assert merged["29-1141"].median == 100260  # not in the file: the bundle's figure stays

    colorado.close()
    with WorkspaceFile.open(colorado.path) as again:
        assert again.imported_figures("0800000")["51-4041"].median == 61360
        assert [kind for _s, kind, _n in again.imported_sources()] == ["OEWS figures"]


def test_a_projections_table_is_imported_for_the_partnerships_region(colorado, tmp_path):
    report = import_projections(colorado, write_projections(tmp_path / "co-projections.csv"), bundled())
    assert (report.read, report.imported, len(report.skipped)) == (3, 2, 1)
    mine = colorado.imported_figures("0800000")
    assert (mine["51-4041"].employment, mine["51-4041"].projected, mine["51-4041"].openings) == (3100, 3400, 400)
    merged = figures_for(bundled(), "0800000", overrides=mine)
    assert merged["51-4041"].openings == 400 and merged["51-4041"].median == 60200  # bundle's wage kept
    assert colorado.imported_figures("0019740") == {}


@pytest.mark.parametrize(
    ("make", "message"),
    [
        (lambda p: p.write_text("name,wage\nbob,12\n"), "row 1 has no OCC_CODE column"),
        (lambda p: p.write_text("OCC_CODE,TOT_EMP\n51-4041,1200\n51-4121,lots\n"), "row 3: TOT_EMP is 'lots'"),
        (lambda p: p.write_text("OCC_CODE,TOT_EMP\n51-4041,1200\nmachinist,3\n"), "row 3: OCC_CODE is 'machinist'"),
        (lambda p: p.write_text(""), "the file is empty"),
        (lambda p: p.write_bytes(b"PK\x03\x04\x00\x00 not really"), "not a text table"),
    ],
)
def test_malformed_oews_files_are_refused_and_change_nothing(colorado, tmp_path, make, message):
    import_oews(colorado, write_oews(tmp_path / "first.xlsx"), bundled())
    before = colorado.imported_figures("0800000")
    bad = tmp_path / "bad.csv"
    make(bad)
    with pytest.raises(FiguresError) as refused:
        import_oews(colorado, bad, bundled())
    assert str(refused.value).startswith("bad.csv: ") and message in str(refused.value)
    assert colorado.imported_figures("0800000") == before


def test_a_half_bad_projections_file_imports_nothing(colorado, tmp_path):
    path = write_projections(
        tmp_path / "proj.csv",
        [("51-4041", "Machinists", "3.1", "3.4", "0.4"), ("53-7051", "Forklift", "9.0", "n.a.", "1.3")],
    )
    with pytest.raises(FiguresError, match=r"proj.csv: row 3: Employment, 2034 \(thousands\) is 'n.a.'"):
        import_projections(colorado, path, bundled())
    assert colorado.imported_figures("0800000") == {}


def test_a_projections_table_without_openings_is_refused(colorado, tmp_path):
    path = tmp_path / "proj.csv"
    path.write_text("SOC code,Title,Base employment,Projected employment\n51-4041,Machinists,3100,3400\n")
    with pytest.raises(FiguresError, match="row 1 has no annual openings column"):
        import_projections(colorado, path, bundled())


def test_a_read_only_workspace_refuses_an_import(colorado, tmp_path):
    colorado.close()
    with WorkspaceFile.open(colorado.path, readonly=True) as ro, pytest.raises(StorageError, match="read-only"):
        import_oews(ro, write_oews(tmp_path / "x.xlsx"), bundled())


def test_an_industry_sector_row_lands_on_the_bundles_sector(colorado, tmp_path):
    path = tmp_path / "oes_sector.csv"
    path.write_text("AREA,NAICS,OCC_CODE,O_GROUP,TOT_EMP,A_MEDIAN\n08,31-33,51-4041,detailed,1500,62000\n")
    report = import_oews(colorado, path, bundled())
    assert report.imported == 1
    assert colorado.imported_figures("0800000", "31--34")["51-4041"].median == 62000
    assert colorado.imported_figures("0800000") == {}  # not the all-industries figures


def test_an_import_is_one_undo_step_that_puts_back_what_was_there(colorado, tmp_path):
    first, _ = oews_command(write_oews(tmp_path / "first.xlsx"), bundled(), area_code="0800000")
    colorado.execute(first)
    newer = tmp_path / "newer.csv"
    newer.write_text("AREA,OCC_CODE,TOT_EMP,A_MEDIAN\n08,51-4041,3300,64000\n08,51-2092,800,41000\n")
    second, _ = oews_command(newer, bundled(), area_code="0800000")
    colorado.execute(second)
    assert colorado.imported_figures("0800000")["51-4041"].median == 64000
    assert reopen(colorado.path).labor == colorado.ws.labor

    colorado.undo(second)  # the earlier import's row comes back, the new occupation goes
    mine = colorado.imported_figures("0800000")
    assert mine["51-4041"].median == 61360 and "51-2092" not in mine
    assert reopen(colorado.path).labor == colorado.ws.labor
    colorado.undo(first)
    assert colorado.imported_figures("0800000") == {} and colorado.imported_sources() == []
    assert reopen(colorado.path).labor.figures == {}
    colorado.redo(first)
    colorado.redo(second)
    assert reopen(colorado.path).labor == colorado.ws.labor
    assert colorado.imported_figures("0800000")["51-2092"].median == 41000


def test_an_import_the_file_refuses_leaves_nothing_behind(colorado, tmp_path):
    command, _ = oews_command(write_oews(tmp_path / "oes_co.xlsx"), bundled(), area_code="0800000")
    colorado.conn.execute("PRAGMA query_only = 1")  # the disk refuses the write: one transaction, all or nothing
    with pytest.raises(StorageError):
        colorado.execute(command)
    colorado.conn.execute("PRAGMA query_only = 0")
    assert colorado.imported_figures("0800000") == {}
    assert reopen(colorado.path).labor.figures == {}
