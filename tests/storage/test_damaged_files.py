"""Damaged and half-built files, as a user meets them: `cardwall check` and `import` run as processes.

A file cut short (a sync tool that stopped, a full USB stick) must be named damaged and never
written to; a file missing a table gets one clear line; reading a file leaves its folder as it was.
"""

from __future__ import annotations

import json
import sqlite3
from pathlib import Path

import pytest

import resources
from cardwall.commands import AddNote, AddSession
from storage.workspace import WorkspaceFile
from tests.cli.test_cli import assert_user_error, cardwall

LONG_NOTE = "The employers said the welders they hire need blueprint reading first. " * 250  # ~17,500 characters


def _workspace_with_a_long_note(path: Path) -> Path:
    with WorkspaceFile.open(path, backup=False) as wf:
        add = AddSession(kind="critical-occupations", title="Wall")
        wf.execute(add)
        wf.execute(AddNote(add.session_id, step=6, text=LONG_NOTE.strip(), topic="Hiring"))
    return path


@pytest.mark.parametrize("cut", [1, 100])
def test_a_cut_short_workspace_fails_check_and_is_never_written(tmp_path, cut):
    path = _workspace_with_a_long_note(tmp_path / "partnership.cardwall")
    data = path.read_bytes()[:-cut]
    path.write_bytes(data)

    assert_user_error(cardwall("check", path), r"damaged")
    session = tmp_path / "session.json"
    session.write_text(resources.path("demo", "critical-occupations.json").read_text(encoding="utf-8"))
    assert_user_error(cardwall("import", path, session), r"damaged")
    assert path.read_bytes() == data
    assert sorted(p.name for p in tmp_path.iterdir()) == ["partnership.cardwall", "session.json"]


def test_a_workspace_missing_whole_pages_fails_check(tmp_path):
    path = _workspace_with_a_long_note(tmp_path / "partnership.cardwall")
    page = int.from_bytes(path.read_bytes()[16:18], "big")
    data = path.read_bytes()[:-page]  # whole pages, so only the header's page count gives it away
    path.write_bytes(data)
    assert_user_error(cardwall("check", path), r"damaged")
    assert path.read_bytes() == data


def test_a_workspace_missing_a_table_fails_check_in_one_line(tmp_path):
    path = _workspace_with_a_long_note(tmp_path / "partnership.cardwall")
    conn = sqlite3.connect(path)
    conn.execute("DROP TABLE votes")
    conn.close()
    assert_user_error(cardwall("check", path), r"votes")


def _folder(path: Path) -> list[str]:
    return sorted(p.name for p in path.parent.iterdir())


def _wal_mode_workspace(path: Path) -> Path:
    """A sound workspace as the app leaves it: WAL mode, log folded in, no -wal or -shm beside it."""
    path.parent.mkdir()
    _workspace_with_a_long_note(path)
    assert _folder(path) == [path.name]
    assert path.read_bytes()[18:20] == b"\x02\x02"  # WAL mode is recorded in the header
    return path


def test_check_and_export_leave_the_folder_as_they_found_it(tmp_path):
    path = _wal_mode_workspace(tmp_path / "work" / "partnership.cardwall")
    before = path.read_bytes()
    result = cardwall("check", path)
    assert result.returncode == 0, result.stderr
    assert _folder(path) == ["partnership.cardwall"]
    result = cardwall("export", path, "--out", tmp_path / "out")
    assert result.returncode == 0, result.stderr
    assert _folder(path) == ["partnership.cardwall"]
    assert path.read_bytes() == before


def test_a_refused_wal_mode_file_leaves_the_folder_as_it_found_it(tmp_path):
    path = _wal_mode_workspace(tmp_path / "work" / "partnership.cardwall")
    conn = sqlite3.connect(path)
    conn.execute("PRAGMA user_version = 99")  # a newer Cardwall's file
    conn.close()
    assert _folder(path) == ["partnership.cardwall"]
    before = path.read_bytes()
    session = tmp_path / "session.json"
    session.write_text(json.dumps({"format": "cardwall-session/1"}))
    for args in (("check", path), ("export", path, "--out", tmp_path / "out"), ("import", path, session)):
        assert_user_error(cardwall(*args), r"newer Cardwall")
        assert _folder(path) == ["partnership.cardwall"], args
    assert path.read_bytes() == before
