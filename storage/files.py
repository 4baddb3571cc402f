"""Reading a workspace file safely: is it whole, is it ours, and connections that leave no trace.

A file cut short (a sync tool that stopped half-way, a full USB stick) can
still pass SQLite's quick check, so its size is measured against the header
first. A read-only look at a file nobody has open leaves the folder exactly
as it was: no `-wal` or `-shm` files that would then travel with it.
"""

from __future__ import annotations

import sqlite3
from pathlib import Path

from storage.errors import DamagedFileError, NewerVersionError, NotAWorkspaceError, StorageError
from storage.schema import APPLICATION_ID, SCHEMA_VERSION

_SQLITE_HEADER = b"SQLite format 3\x00"
# Under this size `inspect` runs the full integrity check (about 27 ms a MB here); above it, the quick one.
FULL_CHECK_BYTES = 4 * 1024 * 1024


def companions(path: Path) -> tuple[Path, Path, Path]:
    """The files SQLite and Cardwall put beside a workspace while it is open: -wal, -shm, .lock."""
    return (path.with_name(path.name + "-wal"), path.with_name(path.name + "-shm"), path.with_name(path.name + ".lock"))


def connect(path: Path, *, readonly: bool) -> sqlite3.Connection:
    """A connection in autocommit mode (transactions are explicit: storage.atomic)."""
    if readonly:
        uri = f"{path.resolve().as_uri()}?mode=ro"
        # Nobody has the file open (no log, no lock beside it): read it as an unchanging file, so
        # SQLite creates no -wal/-shm here that it could not remove again as a reader.
        if not any(p.exists() for p in companions(path)):
            uri += "&immutable=1"
        conn = sqlite3.connect(uri, uri=True, isolation_level=None, check_same_thread=False)
    else:
        conn = sqlite3.connect(str(path), isolation_level=None, check_same_thread=False)
    conn.execute("PRAGMA busy_timeout = 3000")
    return conn


def check_size(path: Path, header: bytes) -> None:
    """Refuse a file that is not a whole number of pages, or not as many pages as its header says."""
    page = int.from_bytes(header[16:18], "big")
    page = 65536 if page == 1 else page
    if page < 512 or page & (page - 1):
        raise DamagedFileError(f"{path} is damaged: its header names no valid page size.")
    size = path.stat().st_size
    if size % page:
        raise DamagedFileError(f"{path} is damaged: it is cut short ({size:,} bytes is not a whole number of pages).")
    counted = int.from_bytes(header[28:32], "big")
    # The header's page count is only current when the change counter matches "version valid for".
    count_valid = counted and header[24:28] == header[92:96]
    wal = companions(path)[0]
    pending_log = wal.exists() and wal.stat().st_size > 0  # a checkpoint may still grow or shrink the file
    if count_valid and not pending_log and size != counted * page:
        raise DamagedFileError(
            f"{path} is damaged: it holds {size // page:,} pages where its header says {counted:,} (it is cut short)."
        )


def inspect(path: Path) -> None:
    """Refuse what is not a whole, sound Cardwall workspace of this version or older; writes nothing."""
    if path.is_dir():
        raise NotAWorkspaceError(f"{path} is a folder, not a Cardwall workspace.")
    try:
        with open(path, "rb") as f:
            header = f.read(100)
    except PermissionError:
        raise StorageError(f"{path} cannot be read: permission denied.") from None
    if len(header) < 100 or not header.startswith(_SQLITE_HEADER):
        if header.startswith(_SQLITE_HEADER[:6]):
            raise DamagedFileError(f"{path} is damaged: its header is cut short.")
        raise NotAWorkspaceError(f"{path} is not a Cardwall workspace (it is not a database file).")
    check_size(path, header)
    conn = None
    try:
        conn = connect(path, readonly=True)
        app_id = conn.execute("PRAGMA application_id").fetchone()[0]
        version = conn.execute("PRAGMA user_version").fetchone()[0]
        if app_id != APPLICATION_ID:
            raise NotAWorkspaceError(f"{path} is a database, but not a Cardwall workspace.")
        if version > SCHEMA_VERSION:
            raise NewerVersionError(
                f"{path} was saved by a newer Cardwall (file version {version}; this one reads up to "
                f"{SCHEMA_VERSION}). Update Cardwall to open it; the file has not been touched."
            )
        full = path.stat().st_size <= FULL_CHECK_BYTES
        problems = [r[0] for r in conn.execute("PRAGMA integrity_check" if full else "PRAGMA quick_check")]
        if problems != ["ok"]:
            raise DamagedFileError(f"{path} is damaged ({problems[0]}).")
    except sqlite3.DatabaseError as exc:
        raise DamagedFileError(f"{path} is damaged or not a workspace ({exc}).") from None
    finally:
        if conn is not None:
            conn.close()


def missing_tables(conn: sqlite3.Connection, expected) -> list[str]:
    """Tables a workspace of this version must have and this file lacks."""
    present = {name for (name,) in conn.execute("SELECT name FROM sqlite_master WHERE type = 'table'")}
    return [table for table in expected if table not in present]
