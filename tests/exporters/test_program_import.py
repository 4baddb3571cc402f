"""The program inventory as a table: read by the seed's column names, turned into programs in one step."""

from __future__ import annotations

import pytest

from cardwall.commands import AddSession, import_programs
from cardwall.model import Workspace
from exporters.program_import import read_program_table
from exporters.table_import import TableError

INVENTORY = (
    "Institution or Organization,Program,Certification or Credential,Level,Occupational family,Length,"
    "Cost to students,Prerequisites,Work experience,Placement rate,Contact\n"
    'Mesa Valley Tech,Welding I,AWS D1.1,Entry,Production,9 months,"$5,300",None,on-the-job,82%,ml@x.org\n'
    ",,,,,,,,,,\n"
    'GVCC,Machining AAS,NIMS I,Mid,Production,2 years,"$9,600",,internship,88%,\n'
    "GVCC,,NIMS II,Advanced,Production,,,,,,\n"
    "GVCC,Quality basics,ASQ CQI,Somewhere,Quality,1 semester,,,,,\n"
)


def test_an_inventory_reads_by_the_seeds_columns_and_says_what_it_skipped(tmp_path):
    path = tmp_path / "inventory.csv"
    path.write_text(INVENTORY, encoding="utf-8")
    rows, report = read_program_table(path)
    assert [r.program for r in rows] == ["Welding I", "Machining AAS", "Quality basics"]
    assert rows[0].details == {
        "institution": "Mesa Valley Tech", "credential": "AWS D1.1", "length": "9 months", "cost": "$5,300",
        "prerequisites": "None", "work_experience": "on-the-job", "placement_rate": "82%", "contact": "ml@x.org",
    }  # fmt: skip
    assert report.skipped == [(5, "no program name")]


def test_imported_programs_land_by_family_and_level_in_one_undo_step(tmp_path):
    path = tmp_path / "inventory.csv"
    path.write_text(INVENTORY, encoding="utf-8")
    rows, _ = read_program_table(path)
    ws = Workspace()
    AddSession(kind="asset-map", title="Map", session_id="am").apply(ws)
    batch = import_programs(ws, "am", [(r.program, r.family, r.level, r.details) for r in rows])
    batch.apply(ws)
    s = ws.sessions["am"]
    families = {c.title: c.id for c in s.categories.values()}
    assert set(families) == {"Production", "Quality"}
    placed = {c.text: (c.category_id, s.levels[c.level_id].name) for c in s.cards.values()}
    assert placed == {
        "Welding I": (families["Production"], "Entry"),
        "Machining AAS": (families["Production"], "Mid"),
        "Quality basics": (families["Quality"], "Entry"),  # an unknown level: the column's entry row
    }
    welding = next(c for c in s.cards.values() if c.text == "Welding I")
    assert s.program_details[welding.id].cost == "$5,300"
    batch.revert(ws)
    assert not s.cards and not s.categories


def test_a_table_without_a_program_column_is_refused_naming_the_file(tmp_path):
    path = tmp_path / "wrong.csv"
    path.write_text("name of thing,cost\n", encoding="utf-8")
    with pytest.raises(TableError, match=r"wrong\.csv"):
        read_program_table(path)
