"""The `cardwall` command as a user runs it: a process, its output and its exit code."""

from __future__ import annotations

import json
import os
import re
import subprocess
import sys
from pathlib import Path

import pytest

import resources
from cardwall import __version__
from tests.helpers import reopen

ROOT = Path(__file__).resolve().parents[2]


def cardwall(*args: str, cwd: Path | None = None, env: dict | None = None) -> subprocess.CompletedProcess:
    return subprocess.run(
        [sys.executable, "-m", "ui.cli", *map(str, args)],
        cwd=cwd or ROOT,
        capture_output=True,
        text=True,
        timeout=120,
        env={**os.environ, "PYTHONPATH": str(ROOT), **(env or {})},
    )


def assert_user_error(result: subprocess.CompletedProcess, pattern: str) -> None:
    assert result.returncode == 1, result.stderr
    assert "Traceback" not in result.stderr
    assert len(result.stderr.strip().splitlines()) == 1, result.stderr
    assert re.search(pattern, result.stderr), result.stderr


def test_version():
    result = cardwall("--version")
    assert result.returncode == 0 and result.stdout.strip() == f"cardwall {__version__}"


def test_usage_error_is_exit_2():
    assert cardwall("export").returncode == 2
    assert cardwall("check", "a", "b").returncode == 2


def test_import_json_creates_the_workspace_then_export_round_trips(tmp_path):
    ws_path = tmp_path / "new.cardwall"
    source = resources.path("demo", "critical-occupations.json")
    result = cardwall("import", ws_path, source)
    assert result.returncode == 0, result.stderr
    assert "Imported" in result.stdout
    session = next(iter(reopen(ws_path).sessions.values()))
    assert len(session.cards) == 39

    out = tmp_path / "out"
    result = cardwall("export", ws_path, "--out", out)
    assert result.returncode == 0, result.stderr
    exported = json.loads((out / "session.json").read_text(encoding="utf-8"))
    again = tmp_path / "again.cardwall"
    assert cardwall("import", again, out / "session.json").returncode == 0
    out2 = tmp_path / "out2"
    assert cardwall("export", again, "--out", out2).returncode == 0
    assert json.loads((out2 / "session.json").read_text(encoding="utf-8")) == exported


def test_export_all_and_by_session(demo_path, tmp_path):
    result = cardwall("export", demo_path, "--out", tmp_path / "all", "--all")
    assert result.returncode == 0, result.stderr
    folders = sorted(p.name for p in (tmp_path / "all").iterdir())
    assert len(folders) == 2 and all((tmp_path / "all" / f / "session.json").exists() for f in folders)

    sessions = reopen(demo_path).ordered_sessions()
    first = sessions[0]
    result = cardwall("export", demo_path, "--out", tmp_path / "one", "--session", first.id)
    assert result.returncode == 0, result.stderr
    data = json.loads((tmp_path / "one" / "session.json").read_text(encoding="utf-8"))
    assert data["session"]["title"] == first.info.title

    assert_user_error(cardwall("export", demo_path, "--out", tmp_path / "x", "--session", "nope"), "No session")


def test_import_refuses_a_bad_file_and_leaves_the_workspace_alone(demo_path, tmp_path):
    before = reopen(demo_path)
    bad = tmp_path / "bad.json"
    bad.write_text('{"format": "cardwall-session/1", "session": {"kind": "critical-occupations"}}')
    assert_user_error(cardwall("import", demo_path, bad), r"bad\.json: session\.title: is missing")
    broken = tmp_path / "broken.json"
    broken.write_text("{not json")
    assert_user_error(cardwall("import", demo_path, broken), r"broken\.json: not valid JSON \(line 1")
    latin = tmp_path / "latin.json"
    latin.write_bytes('{"x": "caf\xe9"}'.encode("latin-1"))
    assert_user_error(cardwall("import", demo_path, latin), "not UTF-8")
    assert reopen(demo_path) == before


def test_check_says_sound_or_why_not(demo_path, tmp_path):
    result = cardwall("check", demo_path)
    assert result.returncode == 0 and "sound" in result.stdout
    junk = tmp_path / "junk.cardwall"
    junk.write_bytes(b"\x00" * 300)
    assert_user_error(cardwall("check", junk), "not a Cardwall workspace")
    assert_user_error(cardwall("check", tmp_path / "missing.cardwall"), "does not exist")


def test_demo_export_writes_every_session(tmp_path):
    result = cardwall("demo", "--export", tmp_path / "demo")
    assert result.returncode == 0, result.stderr
    # wall, panels, the panel's validation round, asset map, action plan
    assert len(list((tmp_path / "demo").glob("*/session.json"))) == 5


def test_demo_without_a_display_writes_exports_and_says_where(tmp_path):
    env = {"DISPLAY": "", "WAYLAND_DISPLAY": "", "QT_QPA_PLATFORM": ""}
    result = cardwall("demo", cwd=tmp_path, env=env)
    assert result.returncode == 0, result.stderr
    assert "No display found" in result.stdout and str(tmp_path / "demo-exports") in result.stdout
    assert list((tmp_path / "demo-exports").glob("*/session.json"))


@pytest.mark.parametrize("command", ["check", "soc"])
def test_fast_commands_do_not_import_qt_or_pandas(command, demo_path):
    code = (
        "import sys, ui.cli\n"
        f"ui.cli.main([{command!r}, {str(demo_path) if command == 'check' else 'Machinists'!r}])\n"
        "heavy = [m for m in ('PySide6', 'pandas', 'numpy') if m in sys.modules]\n"
        "print('HEAVY', heavy)\n"
    )
    result = subprocess.run([sys.executable, "-c", code], cwd=ROOT, capture_output=True, text=True, timeout=60)
    assert "HEAVY []" in result.stdout, result.stdout + result.stderr


def test_every_command_is_in_the_readme():
    readme = (ROOT / "README.md").read_text(encoding="utf-8")
    from ui.cli import SUBCOMMANDS

    for name in SUBCOMMANDS:
        assert f"cardwall {name}" in readme, name
