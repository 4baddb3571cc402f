"""Backups: one at open, one before every import, one every ten minutes of editing; a full disk stops none of it."""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

import resources
from cardwall.commands import AddCard, AddSession
from storage import backups
from storage.workspace import WorkspaceFile
from tests.cli.test_cli import cardwall
from tests.helpers import reopen

ROOT = Path(__file__).resolve().parents[2]


def _session_json(folder: Path) -> Path:
    target = folder / "session.json"
    shutil.copy(resources.path("demo", "critical-occupations.json"), target)
    return target


def test_every_cli_import_keeps_a_backup_of_the_workspace_as_it_was(demo_path, tmp_path):
    sessions = len(reopen(demo_path).sessions)
    for n in range(2):
        result = cardwall("import", demo_path, _session_json(tmp_path))
        assert result.returncode == 0, result.stderr
        kept = backups.list_backups(demo_path, "import")
        assert len(kept) == n + 1
        assert len(reopen(kept[0]).sessions) == sessions + n  # the state just before this import


class Clock:
    def __init__(self) -> None:
        self.now = 1000.0

    def __call__(self) -> float:
        return self.now


def test_ten_minutes_of_editing_keep_a_backup_at_the_next_idle_moment(demo_path):
    clock = Clock()
    with WorkspaceFile.open(demo_path, clock=clock) as wf:
        sid = next(iter(wf.ws.sessions))
        wf.execute(AddCard(sid, "Welder"))
        clock.now += backups.EVERY_S - 1
        wf.execute(AddCard(sid, "Machinist"))
        wf.checkpoint()  # what the app does when the room goes quiet for a moment
        assert backups.list_backups(demo_path, "timer") == []
        clock.now += 1
        last = AddCard(sid, "Electrician")
        wf.execute(last)
        assert backups.list_backups(demo_path, "timer") == []  # not in the middle of typing
        wf.checkpoint()
        kept = backups.list_backups(demo_path, "timer")
        assert len(kept) == 1
        assert last.card_id in reopen(kept[0]).sessions[sid].cards
        clock.now += backups.EVERY_S
        wf.checkpoint()  # ten minutes of nothing: no edit, no new backup
        assert len(backups.list_backups(demo_path, "timer")) == 1
        for n in range(backups.KINDS["timer"] + 3):
            clock.now += backups.EVERY_S
            wf.undo(last) if n % 2 == 0 else wf.redo(last)  # an undo is editing too
            wf.checkpoint()
        assert len(backups.list_backups(demo_path, "timer")) == backups.KINDS["timer"]
        assert len(backups.list_backups(demo_path, "open")) == 1


def test_a_session_with_no_quiet_moment_still_gets_its_backup(demo_path):
    clock = Clock()
    with WorkspaceFile.open(demo_path, clock=clock) as wf:
        sid = next(iter(wf.ws.sessions))
        for _ in range(2 * backups.EVERY_S // 60):  # a card a minute for twenty minutes, never idle
            clock.now += 60
            wf.execute(AddCard(sid, "Welder"))
        assert len(backups.list_backups(demo_path, "timer")) == 1


def _unshare_works() -> bool:
    if not shutil.which("unshare"):
        return False
    probe = subprocess.run(["unshare", "-rm", "sh", "-c", "mount -t tmpfs -o size=64k none /mnt"], capture_output=True)
    return probe.returncode == 0


@pytest.mark.skipif(not _unshare_works(), reason="needs a private mount namespace (unshare -rm) for a tiny tmpfs")
def test_a_full_backup_disk_never_stops_a_session(tmp_path):
    """The backup folder on a real, full filesystem: a 64 KB tmpfs filled to the last block."""
    path = tmp_path / "partnership.cardwall"
    with WorkspaceFile.open(path, backup=False) as wf:
        add = AddSession(kind="critical-occupations", title="Wall")
        wf.execute(add)
        for i in range(300):
            wf.execute(AddCard(add.session_id, f"card {i} " + "x" * 100))
    disk = tmp_path / "disk"
    disk.mkdir()
    env = {**os.environ, "CARDWALL_BACKUP_DIR": str(disk), "PYTHONPATH": str(ROOT)}
    folder = backups.folder_for(path)  # under $CARDWALL_BACKUP_DIR, which the test process points elsewhere
    folder = disk / folder.name
    python = sys.executable
    opener = (
        "import sys; from storage.workspace import WorkspaceFile; "
        "wf = WorkspaceFile.open(sys.argv[1]); print('notice:', wf.notice); wf.close()"
    )
    script = f"""
set -e
mount -t tmpfs -o size=64k none '{disk}'
mkdir -p '{folder}'
dd if=/dev/zero of='{disk}/filler' bs=4k 2>/dev/null || true
'{python}' -c "{opener}" '{path}'
'{python}' -m ui.cli import '{path}' '{_session_json(tmp_path)}'
"""
    result = subprocess.run(
        ["unshare", "-rm", "sh", "-c", script], cwd=ROOT, env=env, capture_output=True, text=True, timeout=120
    )
    assert result.returncode == 0, result.stderr
    assert "Traceback" not in result.stderr
    opened, imported = result.stdout.split("\n", 1)
    assert "No backup could be written" in opened and "session goes on" in opened
    assert "Imported" in imported and "No backup could be written" in imported
    assert len(reopen(path).sessions) == 2
