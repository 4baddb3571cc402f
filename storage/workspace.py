"""A workspace file: open it safely, apply commands with autosave, close it whole.

Every command is committed in one transaction the moment it is applied
(WAL, synchronous=FULL), so a crash or power cut loses at most the command
in flight. Opening checks the file, keeps rolling backups and takes a lock
so a second Cardwall on the same file opens it read-only and says why.
"""

from __future__ import annotations

import os
import sqlite3
from pathlib import Path

from cardwall.commands import Change, Command
from cardwall.model import Session, Workspace
from storage import backups
from storage.errors import (
    DamagedFileError,
    NewerVersionError,
    NotAWorkspaceError,
    ReadOnlyError,
    StorageError,
)
from storage.lock import WorkspaceLock
from storage.schema import APPLICATION_ID, MAPPERS, SCHEMA_VERSION, migrate, readable

SUFFIX = ".cardwall"
_SQLITE_HEADER = b"SQLite format 3\x00"


def _connect(path: Path, *, readonly: bool) -> sqlite3.Connection:
    if readonly:
        uri = f"{path.resolve().as_uri()}?mode=ro"
        conn = sqlite3.connect(uri, uri=True, isolation_level=None, check_same_thread=False)
    else:
        conn = sqlite3.connect(str(path), isolation_level=None, check_same_thread=False)
    conn.execute("PRAGMA busy_timeout = 3000")
    return conn


def inspect(path: Path) -> None:
    """Refuse what is not a sound Cardwall workspace of this version or older; writes nothing."""
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
    conn = None
    try:
        conn = _connect(path, readonly=True)
        app_id = conn.execute("PRAGMA application_id").fetchone()[0]
        version = conn.execute("PRAGMA user_version").fetchone()[0]
        if app_id != APPLICATION_ID:
            raise NotAWorkspaceError(f"{path} is a database, but not a Cardwall workspace.")
        if version > SCHEMA_VERSION:
            raise NewerVersionError(
                f"{path} was saved by a newer Cardwall (file version {version}; this one reads up to "
                f"{SCHEMA_VERSION}). Update Cardwall to open it; the file has not been touched."
            )
        result = conn.execute("PRAGMA quick_check").fetchone()[0]
        if result != "ok":
            raise DamagedFileError(f"{path} is damaged ({result}).")
    except sqlite3.DatabaseError as exc:
        raise DamagedFileError(f"{path} is damaged or not a workspace ({exc}).") from None
    finally:
        if conn is not None:
            conn.close()


def on_network_drive(path: Path) -> bool:
    """True for SMB/NFS shares and similar, where SQLite's WAL mode cannot be trusted."""
    text = str(path.resolve())
    if text.startswith("\\\\") or text.startswith("//"):
        return True
    try:
        mounts = Path("/proc/mounts").read_text().splitlines()
    except OSError:
        return False
    best, fstype = "", ""
    for line in mounts:
        parts = line.split()
        inside = len(parts) >= 3 and (text == parts[1] or text.startswith(parts[1].rstrip("/") + "/"))
        if inside and len(parts[1]) > len(best):
            best, fstype = parts[1], parts[2]
    return fstype in {"nfs", "nfs4", "cifs", "smb3", "smbfs", "fuse.sshfs", "9p", "afs"}


class WorkspaceFile:
    """An open workspace: the domain state and the file it is saved in, kept in step."""

    def __init__(
        self,
        path: Path,
        conn: sqlite3.Connection,
        ws: Workspace,
        *,
        readonly: bool,
        notice: str,
        lock: WorkspaceLock | None,
    ) -> None:
        self.path, self.conn, self.ws = path, conn, ws
        self.readonly, self.notice, self._lock = readonly, notice, lock
        self.closed = False

    # --- opening and closing ---------------------------------------------------------------

    @classmethod
    def open(cls, path, *, create: bool = True, readonly: bool = False, backup: bool = True) -> WorkspaceFile:
        path = Path(path).expanduser()
        notices: list[str] = []
        is_new = not path.exists()
        if is_new and (not create or readonly):
            raise StorageError(f"{path} does not exist.")
        if is_new:
            if not path.parent.exists():
                raise StorageError(f"The folder {path.parent} does not exist.")
            if not os.access(path.parent, os.W_OK):
                raise ReadOnlyError(f"Cannot create {path}: the folder is read-only.")
        else:
            inspect(path)
            if not readonly and not os.access(path, os.W_OK):
                readonly = True
                notices.append("This file is read-only: you can look, but changes cannot be saved.")
            elif not readonly and not os.access(path.parent, os.W_OK):
                readonly = True
                notices.append("This file's folder is read-only: you can look, but changes cannot be saved.")

        lock = None
        if not readonly:
            lock = WorkspaceLock(path)
            holder = lock.acquire()
            if holder is not None:
                lock = None
                readonly = True
                notices.append(f"{holder} has this workspace open, so it is open here read-only.")
                if is_new:
                    raise StorageError(f"{path} is being created by another Cardwall.")
        try:
            conn = _connect(path, readonly=readonly)
            if not readonly:
                network = on_network_drive(path)
                mode = "DELETE" if network else "WAL"
                conn.execute(f"PRAGMA journal_mode = {mode}")
                conn.execute("PRAGMA synchronous = FULL")
                if network:
                    notices.append(
                        "This file is on a network drive: it is saved without write-ahead "
                        "logging, which is slower but safe there."
                    )
                migrate(conn)
            else:
                readable(conn)  # an older file read without migrating it
            ws = load(conn)
        except sqlite3.DatabaseError as exc:
            if lock:
                lock.release()
            raise DamagedFileError(f"{path} cannot be opened ({exc}).") from None
        except BaseException:
            if lock:
                lock.release()
            raise
        opened = cls(path, conn, ws, readonly=readonly, notice=" ".join(notices), lock=lock)
        if backup and not readonly and not is_new:
            try:
                backups.keep(conn, path)
            except OSError:
                pass  # a backup that cannot be written must not stop the session
        return opened

    def close(self) -> None:
        """Fold the write-ahead log into the file so `x.cardwall` alone is the whole workspace."""
        if self.closed:
            return
        self.closed = True
        try:
            if not self.readonly:
                self.checkpoint()
        finally:
            self.conn.close()
            if self._lock:
                self._lock.release()

    def checkpoint(self) -> None:
        if not self.readonly:
            try:
                self.conn.execute("PRAGMA wal_checkpoint(TRUNCATE)")
            except sqlite3.DatabaseError:
                pass  # a reader holds the log; the next checkpoint will catch up

    def __enter__(self) -> WorkspaceFile:
        return self

    def __exit__(self, *exc) -> None:
        self.close()

    # --- changing --------------------------------------------------------------------------

    def execute(self, command: Command) -> Change:
        """Apply a command and commit it; if the file refuses, the state is put back and this raises."""
        self._writable()
        change = command.apply(self.ws)
        try:
            self.commit(change)
        except StorageError:
            command.revert(self.ws)
            raise
        return change

    def undo(self, command: Command) -> Change:
        self._writable()
        change = command.revert(self.ws)
        try:
            self.commit(change)
        except StorageError:
            command.apply(self.ws)
            raise
        return change

    def redo(self, command: Command) -> Change:
        return self.execute(command)

    def commit(self, change: Change) -> None:
        """Write the current state of every key in `change`, in one transaction."""
        conn = self.conn
        try:
            conn.execute("BEGIN IMMEDIATE")
            try:
                for key in change.keys:
                    table, session_id, entity_id = key
                    mapper = MAPPERS[table]
                    entity = self.ws.get(key)
                    if entity is None:
                        conn.execute(mapper.delete_sql, (session_id, entity_id) if mapper.scoped else (entity_id,))
                    else:
                        conn.execute(mapper.insert_sql, mapper.params(session_id, entity))
                conn.execute("COMMIT")
            except BaseException:
                if conn.in_transaction:
                    conn.execute("ROLLBACK")
                raise
        except sqlite3.OperationalError as exc:
            raise StorageError(_explain(exc, self.path)) from None
        except sqlite3.DatabaseError as exc:
            raise StorageError(f"The change could not be saved: {exc}.") from None
        except (UnicodeError, OverflowError) as exc:  # a value SQLite cannot hold: refuse it, keep memory = file
            raise StorageError(f"The change could not be saved: {exc}.") from None

    def _writable(self) -> None:
        if self.readonly:
            raise ReadOnlyError(self.notice or "This workspace is open read-only.")
        if self.closed:
            raise StorageError("This workspace is closed.")


def _explain(exc: sqlite3.OperationalError, path: Path) -> str:
    text = str(exc)
    if "full" in text:
        return (
            f"The disk is full: the last change was not saved to {path.name}. Free some space; nothing earlier is lost."
        )
    if "locked" in text or "busy" in text:
        return f"Another program is writing {path.name} right now; the last change was not saved. Try again."
    if "readonly" in text:
        return f"{path.name} has become read-only; the last change was not saved."
    return f"The last change could not be saved to {path.name} ({text})."


def load(conn: sqlite3.Connection) -> Workspace:
    """Read the whole workspace into domain objects."""
    ws = Workspace()
    row = conn.execute(MAPPERS["partnership"].select_sql).fetchone()
    if row:
        ws.partnership = MAPPERS["partnership"].entity(row)
    for row in conn.execute(MAPPERS["sessions"].select_sql):
        info = MAPPERS["sessions"].entity(row)
        ws.sessions[info.id] = Session(info=info)
    for table, mapper in MAPPERS.items():
        if table in ("partnership", "sessions"):
            continue
        for row in conn.execute(mapper.select_sql):
            session = ws.sessions.get(row[0])
            if session is not None:
                entity = mapper.entity(row)
                session.table(table)[entity.id] = entity
    return ws
