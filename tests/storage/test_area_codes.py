"""An area code typed without its leading zeros ("28140") is Kansas City everywhere, never "National"."""

from __future__ import annotations

import json
import sqlite3
import subprocess
import sys
from pathlib import Path

import pytest

import resources
from cardwall.areas import normal_area_code
from cardwall.commands import DomainError, EditPartnership
from cardwall.interchange import FormatError, ImportSession
from cardwall.model import Workspace
from storage.check import check
from storage.labor import bundled, pathway_figures, wage_line
from storage.workspace import WorkspaceFile
from tests.helpers import reopen

ROOT = Path(__file__).resolve().parents[2]


def test_the_seven_digit_form_is_restored_and_nonsense_refused():
    assert normal_area_code("28140") == "0028140"
    assert normal_area_code(" 800000 ") == "0800000"
    assert normal_area_code("0028140") == "0028140"
    assert normal_area_code("") == ""
    for bad in ("KC", "12345678", "28140x"):
        with pytest.raises(DomainError):
            normal_area_code(bad)


def test_the_app_command_and_an_imported_file_store_the_full_code():
    ws = Workspace()
    EditPartnership(name="KC Manufacturing", area_code="28140").apply(ws)
    assert ws.partnership.area_code == "0028140"
    with pytest.raises(DomainError):
        EditPartnership(area_code="Kansas City").plan(ws)
    data = json.loads(resources.path("demo", "critical-occupations.json").read_text(encoding="utf-8"))
    data["partnership"]["area_code"] = "28140"
    fresh = Workspace()
    ImportSession(data).apply(fresh)
    assert fresh.partnership.area_code == "0028140"
    data["partnership"]["area_code"] = "KC"
    with pytest.raises(FormatError, match=r"partnership\.area_code"):
        ImportSession(data).apply(Workspace())


def test_a_regional_figure_is_never_labelled_national():
    data = bundled()
    assert data.area_label("28140") == "Kansas City, MO-KS"
    line = wage_line("51-4041", "28140")
    assert "Kansas City" in line and "employed nationally" not in line
    figures = pathway_figures(["51-4041"], "28140")["51-4041"]
    assert figures["region"] == "Kansas City, MO-KS"
    assert figures["employment_where"] != "national"


def _unnormalise(path: Path, *, old_file: bool) -> None:
    conn = sqlite3.connect(path, isolation_level=None)
    conn.execute("UPDATE partnership SET area_code = '28140'")
    if old_file:  # as a version 2 file was: no convener columns, no note order, no migrations 3 and 4
        for column in ("convener_name", "convener_email", "cc_partners"):
            conn.execute(f"ALTER TABLE partnership DROP COLUMN {column}")
        conn.execute("ALTER TABLE notes DROP COLUMN position")
        conn.execute("DELETE FROM migrations WHERE number >= 3")
        conn.execute("PRAGMA user_version = 2")
    conn.close()


def test_check_finds_a_code_without_its_zeros(demo_path):
    _unnormalise(demo_path, old_file=False)
    problems = check(demo_path)
    assert any("'28140'" in p and "'0028140'" in p for p in problems), problems
    result = subprocess.run(
        [sys.executable, "-m", "ui.cli", "check", str(demo_path)], capture_output=True, text=True, cwd=ROOT
    )
    assert result.returncode == 1 and "0028140" in result.stderr + result.stdout


def test_migration_3_mends_an_old_file_and_adds_the_convener(demo_path):
    _unnormalise(demo_path, old_file=True)
    old = reopen(demo_path)  # read-only: an older file still reads, unmigrated, with the new fields' defaults
    assert (old.partnership.area_code, old.partnership.convener_name, old.partnership.cc_partners) == (
        "28140",
        "",
        True,
    )
    assert any("0028140" in p for p in check(demo_path))
    with WorkspaceFile.open(demo_path) as wf:  # opening for work migrates
        assert wf.ws.partnership.area_code == "0028140"
    assert reopen(demo_path).partnership.area_code == "0028140"
    assert check(demo_path) == []
