"""The tables an analyst opens: every field of every entity, real numbers and dates, filters, no empty sheets."""

from __future__ import annotations

import csv
import datetime as dt

from openpyxl import load_workbook

from exporters.bundle import export_session
from storage.figures import export_figures
from tests.exporters.test_exports_demo import sessions


def rows_of(sheet) -> list[dict]:
    values = list(sheet.iter_rows(values_only=True))
    return [dict(zip(values[0], row, strict=True)) for row in values[1:]]


def test_workbooks_carry_every_entity_with_types_and_filters(demo, tmp_path):
    wall, panels = sessions(demo)
    for session in (wall, panels):
        folder = tmp_path / session.id
        folder.mkdir()
        export_session(demo.ws, session.id, folder, **export_figures(demo.ws, session.id))
    book = load_workbook(tmp_path / wall.id / "session.xlsx")
    assert book.sheetnames == ["session", "participants", "cards", "crosswalk", "notes", "next_steps"]
    for sheet in book.worksheets:
        assert sheet.auto_filter.ref == sheet.dimensions and sheet.max_row > 1, sheet.title
    people = {r["name"]: r for r in rows_of(book["participants"])}
    for p in wall.participants.values():
        assert (people[p.name]["role"], people[p.name]["email"] or "") == (p.role, p.email)
    facts = {r["field"]: r["value"] for r in rows_of(book["session"])}
    assert facts["date"] == dt.datetime(2026, 10, 14) and facts["convener"] == "Ruth Abernathy"
    due = [r["due"] for r in rows_of(book["next_steps"])]
    assert due and all(isinstance(d, dt.datetime) for d in due)
    cards = rows_of(book["cards"])
    assert {"soc_title", "education", "credentials", "prompt", "round"} <= set(cards[0])
    crosswalk = {r["title"]: r for r in rows_of(book["crosswalk"])}
    cnc = crosswalk["CNC machinist"]
    assert cnc["soc_title"] == "Machinists" and cnc["education"] and cnc["credentials"]
    assert isinstance(cnc["median_wage"], int) and isinstance(cnc["employment"], int)
    assert cnc["wage_where"] == cnc["employment_where"] == "Colorado"
    with (tmp_path / wall.id / "crosswalk.csv").open(encoding="utf-8-sig", newline="") as f:
        row = next(r for r in csv.DictReader(f) if r["title"] == "CNC machinist")
    assert row["median_wage"] == str(cnc["median_wage"]) and row["credentials"] == cnc["credentials"]
    assert not (tmp_path / wall.id / "votes.csv").exists()  # a wall has no votes: no file

    book = load_workbook(tmp_path / panels.id / "session.xlsx")
    assert book.sheetnames == ["session", "participants", "votes", "tasks", "paths", "notes", "next_steps"]
    paths = rows_of(book["paths"])
    tdm = panels.panels["tdm"]
    assert [r["path"] for r in paths if r["panel"] == tdm.occupation and r["direction"] == "into"] == list(
        tdm.paths_into
    )
    tasks = rows_of(book["tasks"])
    assert all(r["round_1_dots"] + r["round_2_dots"] == r["dots"] for r in tasks)
    assert any(r["minimum"] and r["knowledge"] for r in tasks)  # task details
    assert not (tmp_path / panels.id / "crosswalk.csv").exists() and not (tmp_path / panels.id / "cards.csv").exists()
