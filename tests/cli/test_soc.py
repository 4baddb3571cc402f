"""`cardwall soc`, run as a user runs it: a process, its output and its exit code."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

CARDWALL = Path(sys.executable).parent / "cardwall"


def soc(*args: str) -> subprocess.CompletedProcess:
    return subprocess.run([str(CARDWALL), "soc", *args], capture_output=True, text=True, timeout=60)


def test_machinists_first_with_national_figures():
    done = soc("Machinists")
    assert done.returncode == 0, done.stderr
    first = done.stdout.splitlines()[3]
    assert first.split()[:2] == ["51-4041", "Machinists"]
    assert "$58,750" in first and "287,050" in first
    assert "OEWS, May 2025" in done.stdout


def test_area_by_name_gives_that_areas_figures():
    done = soc("registered nurse", "--area", "Colorado", "--limit", "2")
    assert done.returncode == 0, done.stderr
    lines = done.stdout.splitlines()
    assert "Colorado" in lines[0]
    assert lines[3].startswith("29-1141") and "$100,260" in lines[3] and "54,490" in lines[3]
    assert len([ln for ln in lines if ln[:2].isdigit()]) <= 2


def test_area_by_metro_name_and_code_agree():
    by_name, by_code = soc("welder", "--area", "Denver"), soc("welder", "--area", "0019740")
    assert by_name.returncode == by_code.returncode == 0
    assert by_name.stdout == by_code.stdout


def test_top_coded_wage_is_shown_as_the_top_code():
    done = soc("cardiologists", "--area", "Colorado", "--limit", "1")
    assert done.returncode == 0, done.stderr
    assert "29-1212" in done.stdout and "≥ $239,200" in done.stdout


def test_no_match_says_so_and_exits_1():
    done = soc("xyzzy qwerty")
    assert done.returncode == 1
    assert done.stderr.strip() == "cardwall: no SOC occupation matches 'xyzzy qwerty'."
    assert "Traceback" not in done.stderr and done.stdout == ""


def test_unknown_and_ambiguous_areas_exit_1_with_a_reason():
    unknown = soc("welder", "--area", "Atlantis")
    assert unknown.returncode == 1 and "no area called 'Atlantis'" in unknown.stderr
    several = soc("welder", "--area", "Springfield")
    assert several.returncode == 1 and "Springfield, MO (0044180)" in several.stderr


def test_soc_starts_without_qt_or_pandas():
    code = (
        "import sys; from ui.cli import main; main(['soc', 'Machinists']); "
        "bad = [m for m in ('PySide6', 'pandas', 'numpy') if m in sys.modules]; print('LOADED', bad)"
    )
    done = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, timeout=60)
    assert "LOADED []" in done.stdout, done.stdout + done.stderr
