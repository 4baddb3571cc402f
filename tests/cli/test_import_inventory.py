"""`cardwall import` of a program inventory (seed 001, step 7) into an asset map, run as a process."""

from __future__ import annotations

import pandas as pd

from tests.cli.test_cli import assert_user_error, cardwall
from tests.helpers import reopen

HEADER = (
    "Institution or Organization,Program,Certification or Credential,Level,Occupational family,Length,"
    "Cost to students,Prerequisites,Work experience,Placement rate,Contact\n"
)
INVENTORY = HEADER + (
    'Mesa Valley Tech,Welding I,AWS D1.1,Entry,Production,9 months,"$5,300",None,on-the-job,82%,ml@x.org\n'
    'GVCC,Machining AAS,NIMS I,Mid,Production,2 years,"$9,600",,internship,88%,\n'
    "GVCC,,NIMS II,Advanced,Production,,,,,,\n"
    "GVCC,Quality basics & more,ASQ CQI,Advanced,Quality,1 semester,,,,,\n"
)


def _maps(path):
    return [s for s in reopen(path).ordered_sessions() if s.info.kind == "asset-map"]


def _programs(session) -> dict[str, tuple]:
    """name -> (column title, level name, institution)"""
    out = {}
    for card in session.cards.values():
        if card.kind == "program":
            column = session.categories[card.category_id].title if card.category_id else None
            level = session.levels[card.level_id].name if card.level_id else None
            out[card.text] = (column, level, session.program_details[card.id].institution)
    return out


def test_an_inventory_into_a_new_workspace_makes_an_asset_map_with_its_programs(tmp_path):
    source = tmp_path / "inventory.csv"
    source.write_text(INVENTORY, encoding="utf-8")
    path = tmp_path / "new.cardwall"
    result = cardwall("import", path, source)
    assert result.returncode == 0, result.stderr
    assert "read 3 rows, skipped 1" in result.stdout and "row 4: no program name" in result.stdout
    assert "Added 3 programs to a new asset map" in result.stdout
    (session,) = _maps(path)
    assert _programs(session) == {
        "Welding I": ("Production", "Entry", "Mesa Valley Tech"),
        "Machining AAS": ("Production", "Mid", "GVCC"),
        "Quality basics & more": ("Quality", "Advanced", "GVCC"),
    }
    assert cardwall("check", path).returncode == 0


def test_an_xlsx_inventory_goes_to_the_latest_asset_map_of_the_demo(journey_path, tmp_path):
    source = tmp_path / "inventory.xlsx"
    pd.DataFrame(
        {"Program": ["Robotics I", "Robotics II"], "Level": ["Entry", "Mid"], "Occupational family": ["Robotics"] * 2}
    ).to_excel(source, index=False)
    (before,) = _maps(journey_path)
    result = cardwall("import", journey_path, source)
    assert result.returncode == 0, result.stderr
    assert f"to the asset map, session {before.id}" in result.stdout
    (after,) = _maps(journey_path)
    programs = _programs(after)
    assert programs["Robotics I"][:2] == ("Robotics", "Entry") and programs["Robotics II"][:2] == ("Robotics", "Mid")
    assert len(after.cards) == len(before.cards) + 2


def test_a_wrong_session_or_a_refused_row_is_one_line_and_changes_nothing(journey_path, tmp_path):
    source = tmp_path / "inventory.csv"
    source.write_text(INVENTORY, encoding="utf-8")
    wall = next(s for s in reopen(journey_path).ordered_sessions() if s.info.kind == "critical-occupations")
    before = {s.id: len(s.cards) for s in reopen(journey_path).sessions.values()}
    assert_user_error(cardwall("import", journey_path, source, "--session", wall.id), "is a critical-occupations")
    assert_user_error(cardwall("import", journey_path, source, "--session", "nope"), "No session 'nope'")
    long_contact = tmp_path / "long.csv"
    long_contact.write_text(INVENTORY + "GVCC,CNC II,,Mid,Production,,,,,," + "x" * 300 + "\n", encoding="utf-8")
    assert_user_error(cardwall("import", journey_path, long_contact), r"long\.csv: row 6: Contact is 300 characters")
    assert {s.id: len(s.cards) for s in reopen(journey_path).sessions.values()} == before

    fresh = tmp_path / "fresh.cardwall"
    assert_user_error(cardwall("import", fresh, long_contact), "row 6")
    assert not _maps(fresh)  # the asset map made for the refused import went with it


def test_any_table_sent_to_an_asset_map_is_read_as_an_inventory(journey_path, tmp_path):
    (asset_map,) = _maps(journey_path)
    names = tmp_path / "names.csv"
    names.write_text("Name,Level\nWelding II,Mid\n", encoding="utf-8")
    result = cardwall("import", journey_path, names, "--session", asset_map.info.title)
    assert result.returncode == 0, result.stderr
    assert "Welding II" in _programs(_maps(journey_path)[0])
    levels = tmp_path / "levels.csv"
    levels.write_text("Level,Length\nMid,2 years\n", encoding="utf-8")
    assert_user_error(cardwall("import", journey_path, levels, "--session", asset_map.id), "program")
