"""A workspace file: open it safely, apply commands with autosave, close it whole.

Every command is committed in one transaction the moment it is applied
(WAL, synchronous=FULL), so a crash or power cut loses at most the command
in flight. Opening checks the file, keeps rolling backups and takes a lock
so a second Cardwall on the same file opens it read-only and says why.
"""

from __future__ import annotations

import os
import sqlite3
import time
from pathlib import Path

from cardwall.commands import Change, Command
from cardwall.labor import ALL_INDUSTRIES, Figure
from cardwall.model import Session, Workspace
from storage import backups
from storage.errors import DamagedFileError, ReadOnlyError, StorageError
from storage.files import connect, inspect
from storage.lock import WorkspaceLock
from storage.schema import LABOR_MAPPERS, MAPPERS, labor_tables, migrate, readable
from storage.transaction import atomic

SUFFIX = ".cardwall"


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
        # Timer backups: `clock` is injectable so tests can let ten minutes pass without waiting them.
        self.clock = time.monotonic
        self.backup_every = backups.EVERY_S
        self._last_backup = self.clock()
        self._edited = False  # a command since the last backup
        self.backup_problem = ""  # why the last backup failed, for the status bar; "" when it worked

    # --- opening and closing ---------------------------------------------------------------

    @classmethod
    def open(
        cls, path, *, create: bool = True, readonly: bool = False, backup: bool = True, clock=None, durable: bool = True
    ) -> WorkspaceFile:
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
            conn = connect(path, readonly=readonly)
            if not readonly:
                network = on_network_drive(path)
                mode = "DELETE" if network else "WAL"
                conn.execute(f"PRAGMA journal_mode = {mode}")
                # durable=False: a file built from scratch that can be built again (the demo), no sync per commit.
                conn.execute("PRAGMA synchronous = FULL" if durable else "PRAGMA synchronous = OFF")
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
        if clock is not None:
            opened.clock = clock
            opened._last_backup = clock()
        if backup and not readonly and not is_new and not opened.keep_backup("open"):
            # A backup that cannot be written never stops the session: say so, and go on.
            opened.notice = " ".join([*notices, opened.backup_problem])
        return opened

    def keep_backup(self, kind: str) -> bool:
        """Keep a backup of the file as it is now ("open", "import" or "timer"); False (and why) when none could be."""
        try:
            backups.keep(self.conn, self.path, kind=kind)
        except backups.BackupError as exc:
            self.backup_problem = f"{exc} The session goes on; changes are still saved."
            return False
        self.backup_problem = ""
        self._last_backup = self.clock()
        return True

    def backup_if_due(self, *, overdue: float = 1.0) -> None:
        """A timer backup once `backup_every` seconds of editing have passed since the last backup.

        Called when the app is idle (with the checkpoint), so the copy never lands mid-gesture; a command
        takes it itself only when no idle moment came for twice the interval.
        """
        if self._edited and self.clock() - self._last_backup >= self.backup_every * overdue:
            self._last_backup = self.clock()  # a failed backup is retried at the next interval, not every command
            self._edited = False
            self.keep_backup("timer")

    def _backup_if_due(self) -> None:
        self._edited = True
        self.backup_if_due(overdue=2.0)

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
        """On idle and on close: fold the log into the file, and keep a timer backup if one is due."""
        if not self.readonly:
            self.backup_if_due()
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
            with atomic(conn):
                for sql, rows in _statements(self.ws, change):
                    if len(rows) == 1:  # most commands: one row, where execute is the cheaper call
                        conn.execute(sql, rows[0])
                    else:
                        conn.executemany(sql, rows)
        except sqlite3.OperationalError as exc:
            raise StorageError(_explain(exc, self.path)) from None
        except sqlite3.DatabaseError as exc:
            raise StorageError(f"The change could not be saved: {exc}.") from None
        except (UnicodeError, OverflowError) as exc:  # a value SQLite cannot hold: refuse it, keep memory = file
            raise StorageError(f"The change could not be saved: {exc}.") from None
        self._backup_if_due()  # every commit counts as editing: commands, undo, the room's grouped requests

    # --- what the views ask of the file (none of them gets the connection) ---------------

    def imported_figures(self, area_code: str, industry_code: str = ALL_INDUSTRIES) -> dict[str, Figure]:
        """The partnership's own figures for one area and industry, projections folded in, by SOC code."""
        return self.ws.labor.overrides(area_code, industry_code)

    def imported_sources(self) -> list[tuple[str, str, int]]:
        """(source, kind, rows) of every file of figures imported into this workspace."""
        return self.ws.labor.sources()

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


def _statements(ws: Workspace, change: Change):
    """(sql, parameter rows) writing each key's current state, in order; runs of one statement go together,
    so an import of thousands of figures is a few `executemany` calls."""
    sql, rows = None, []
    for key in change.keys:
        table, session_id, entity_id = key
        mapper = MAPPERS.get(table) or LABOR_MAPPERS[table]
        entity = ws.get(key)
        if entity is None:
            step, params = mapper.delete_sql, mapper.delete_params(session_id, entity_id)
        else:
            step, params = mapper.insert_sql, mapper.params(session_id, entity)
        if step != sql and rows:
            yield sql, rows
            rows = []
        sql = step
        rows.append(params)
    if rows:
        yield sql, rows


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
        # Plain dicts first: a session's cards are then indexed in one pass (cardwall/card_index.py).
        read: dict[str, dict] = {sid: {} for sid in ws.sessions}
        for row in conn.execute(mapper.select_sql):
            entities = read.get(row[0])
            if entities is not None:
                entity = mapper.entity(row)
                entities[entity.id] = entity
        for sid, entities in read.items():
            setattr(ws.sessions[sid], table, entities)
    version = conn.execute("PRAGMA user_version").fetchone()[0]
    for table in labor_tables(version):  # a version-1 file opened read-only has none
        mapper, rows = LABOR_MAPPERS[table], ws.labor.table(table)
        for row in conn.execute(mapper.select_sql):
            entity = mapper.entity(row)
            rows[entity.id] = entity
    return ws
