"""Rolling backups: a copy of each workspace as it was opened, the last five kept.

Copies go through SQLite's backup API (never a copy of a live file) into the
user's data folder, away from synced folders and shared drives.
"""

from __future__ import annotations

import datetime as _dt
import hashlib
import os
import sqlite3
from pathlib import Path

KEEP = 5


def folder_for(path: Path) -> Path:
    base = os.environ.get("CARDWALL_BACKUP_DIR")
    if base:
        root = Path(base)
    else:
        import platformdirs

        root = platformdirs.user_data_path("Cardwall", appauthor=False) / "backups"
    tag = hashlib.sha1(str(Path(path).resolve()).encode()).hexdigest()[:8]
    return root / f"{Path(path).stem}-{tag}"


def list_backups(path: Path) -> list[Path]:
    """Backups of a workspace, newest first."""
    folder = folder_for(path)
    if not folder.exists():
        return []
    return sorted(folder.glob("*.cardwall"), reverse=True)


def keep(conn: sqlite3.Connection, path: Path) -> Path:
    folder = folder_for(path)
    folder.mkdir(parents=True, exist_ok=True)
    stamp = _dt.datetime.now().strftime("%Y%m%d-%H%M%S-%f")
    target = folder / f"{Path(path).stem}-{stamp}.cardwall"
    dest = sqlite3.connect(str(target))
    try:
        conn.backup(dest)
        dest.execute("PRAGMA journal_mode = DELETE")
    finally:
        dest.close()
    for old in list_backups(path)[KEEP:]:
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
