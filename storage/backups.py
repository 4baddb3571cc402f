"""Rolling backups: a copy of each workspace as it was opened, before each import, and every few
minutes of editing; a few of each kind kept.

Copies go through SQLite's backup API (never a copy of a live file) into the
user's data folder, away from synced folders and shared drives. A backup that
cannot be written (a full disk, a missing folder) raises `BackupError`; the
caller says so and the session goes on.
"""

from __future__ import annotations

import datetime as _dt
import hashlib
import os
import sqlite3
from pathlib import Path

# How many of each kind are kept: the opens of the last few days, the last imports, the last hour of editing.
KEEP = 5
KINDS = {"open": KEEP, "import": KEEP, "timer": 6}
EVERY_S = 600  # a timer backup after this much time of editing since the last backup


class BackupError(OSError):
    """No backup could be written; the message says why, for the status bar."""


def folder_for(path: Path) -> Path:
    base = os.environ.get("CARDWALL_BACKUP_DIR")
    if base:
        root = Path(base)
    else:
        import platformdirs

        root = platformdirs.user_data_path("Cardwall", appauthor=False) / "backups"
    tag = hashlib.sha1(str(Path(path).resolve()).encode()).hexdigest()[:8]
    return root / f"{Path(path).stem}-{tag}"


def _kind_folder(path: Path, kind: str) -> Path:
    # Opens stay at the top, where earlier versions kept them; the other kinds have a folder each.
    folder = folder_for(path)
    return folder if kind == "open" else folder / kind


def list_backups(path: Path, kind: str | None = None) -> list[Path]:
    """Backups of a workspace (of one kind, or all), newest first."""
    kinds = [kind] if kind else list(KINDS)
    found = [p for k in kinds if (d := _kind_folder(path, k)).is_dir() for p in d.glob("*.cardwall")]
    return sorted(found, key=lambda p: p.name, reverse=True)


def keep(conn: sqlite3.Connection, path: Path, *, kind: str = "open") -> Path:
    """Copy the open workspace into its backup folder and drop the oldest of that kind beyond the limit."""
    folder = _kind_folder(path, kind)
    stamp = _dt.datetime.now().strftime("%Y%m%d-%H%M%S-%f")
    target = folder / f"{Path(path).stem}-{stamp}.cardwall"
    try:
        folder.mkdir(parents=True, exist_ok=True)
        dest = sqlite3.connect(str(target))
        try:
            conn.backup(dest)
            dest.execute("PRAGMA journal_mode = DELETE")
        finally:
            dest.close()
    except (OSError, sqlite3.Error) as exc:
        # Half a backup is worse than none: it would be offered as the latest one.
        for leftover in (target, target.with_name(target.name + "-journal")):
            try:
                leftover.unlink(missing_ok=True)
            except OSError:
                pass
        reason = getattr(exc, "strerror", None) or str(exc)
        raise BackupError(f"No backup could be written to {folder} ({reason}).") from None
    for old in list_backups(path, kind)[KINDS[kind] :]:
        old.unlink(missing_ok=True)
    return target


def restore(backup: Path, path: Path) -> Path:
    """Write a backup as a new workspace beside the damaged one; the damaged file is left as it is."""
    stamp = _dt.datetime.now().strftime("%Y%m%d-%H%M%S")
    target = path.with_name(f"{path.stem} (restored {stamp}){path.suffix or '.cardwall'}")
    src = sqlite3.connect(f"{backup.resolve().as_uri()}?mode=ro", uri=True)
    dest = sqlite3.connect(str(target))
    try:
        src.backup(dest)
    finally:
        src.close()
        dest.close()
    return target
