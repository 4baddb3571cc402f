"""The workspace file: autosave, reopen, refusal of bad files, read-only, a second writer, backups."""

from __future__ import annotations

import os
import sqlite3
import stat

import pytest

from cardwall.commands import AddCard, AddCategory, AddSession, EditCard
from storage import backups
from storage.check import check
from storage.errors import DamagedFileError, NewerVersionError, NotAWorkspaceError, ReadOnlyError, StorageError
from storage.schema import MAPPERS, SCHEMA_VERSION
from storage.workspace import WorkspaceFile
from tests.helpers import reopen


def new_wall(wf) -> str:
    command = AddSession(kind="critical-occupations", title="Wall")
    wf.execute(command)
    return command.session_id


def test_every_command_is_in_the_file_without_saving(wf, workspace_path):
    sid = new_wall(wf)
    wf.execute(AddCategory(sid, "Production", category_id="prod"))
    add = AddCard(sid, "Zoë's CNC machinist & <b>lead</b>", category_id="prod", level_id="L1")
    wf.execute(add)
    # A second connection sees it while the first is still open: nothing waits for a "save".
    ws = reopen(workspace_path)
    assert ws.sessions[sid].cards[add.card_id].text == "Zoë's CNC machinist & <b>lead</b>"


def test_undo_is_saved_too(wf, workspace_path):
    sid = new_wall(wf)
    add = AddCard(sid, "Welder")
    wf.execute(add)
    edit = EditCard(sid, add.card_id, text="Welder (TIG)")
    wf.execute(edit)
    wf.undo(edit)
    assert reopen(workspace_path).sessions[sid].cards[add.card_id].text == "Welder"
    wf.undo(add)
    assert not reopen(workspace_path).sessions[sid].cards


def test_close_folds_the_log_into_the_file(wf, workspace_path):
    sid = new_wall(wf)
    wf.execute(AddCard(sid, "Welder"))
    wf.close()
    wal = workspace_path.with_name(workspace_path.name + "-wal")
    assert not wal.exists() or wal.stat().st_size == 0
    assert not workspace_path.with_name(workspace_path.name + ".lock").exists()


def test_a_file_that_is_not_a_workspace_is_refused_and_left_alone(tmp_path):
    text = tmp_path / "notes.cardwall"
    text.write_text("hello, not a database")
    with pytest.raises(NotAWorkspaceError, match="not a Cardwall workspace"):
        WorkspaceFile.open(text)
    assert text.read_text() == "hello, not a database"

    other = tmp_path / "other.cardwall"
    sqlite3.connect(other).execute("CREATE TABLE t (x)").connection.close()
    before = other.read_bytes()
    with pytest.raises(NotAWorkspaceError):
        WorkspaceFile.open(other)
    assert other.read_bytes() == before


@pytest.mark.parametrize("damage", ["truncate", "garble", "empty-sqlite"])
def test_a_damaged_file_is_refused_and_never_overwritten(wf, workspace_path, damage):
    sid = new_wall(wf)
    for i in range(200):
        wf.execute(AddCard(sid, f"card {i} " + "x" * 200))
    wf.close()
    data = bytearray(workspace_path.read_bytes())
    if damage == "truncate":
        data = data[:50]
    elif damage == "garble":
        data[4096:] = os.urandom(len(data) - 4096)
    else:
        data = data[:100]
    workspace_path.write_bytes(bytes(data))
    with pytest.raises((DamagedFileError, NotAWorkspaceError)):
        WorkspaceFile.open(workspace_path)
    assert workspace_path.read_bytes() == bytes(data)


def test_a_newer_file_is_refused_untouched(wf, workspace_path):
    new_wall(wf)
    wf.close()
    conn = sqlite3.connect(workspace_path)
    conn.execute(f"PRAGMA user_version = {SCHEMA_VERSION + 1}")
    conn.close()
    before = workspace_path.read_bytes()
    with pytest.raises(NewerVersionError, match="newer Cardwall"):
        WorkspaceFile.open(workspace_path)
    assert workspace_path.read_bytes() == before


def test_a_read_only_file_opens_read_only_with_a_notice(wf, workspace_path):
    sid = new_wall(wf)
    wf.close()
    workspace_path.chmod(stat.S_IRUSR)
    try:
        if os.access(workspace_path, os.W_OK):
            pytest.skip("running as a user who can write read-only files (root)")
        with WorkspaceFile.open(workspace_path) as again:
            assert again.readonly and "read-only" in again.notice
            with pytest.raises(ReadOnlyError):
                again.execute(AddCard(sid, "Welder"))
    finally:
        workspace_path.chmod(stat.S_IRUSR | stat.S_IWUSR)


def test_a_file_the_system_reports_read_only_opens_read_only(wf, workspace_path, monkeypatch):
    # Tests run as root here, which may write anything; so ask the code path the way the OS would answer.
    sid = new_wall(wf)
    wf.close()
    real_access = os.access
    monkeypatch.setattr(os, "access", lambda p, mode: False if mode == os.W_OK else real_access(p, mode))
    with WorkspaceFile.open(workspace_path) as again:
        assert again.readonly and "read-only" in again.notice
        with pytest.raises(ReadOnlyError):
            again.execute(AddCard(sid, "Welder"))
    assert not reopen(workspace_path).sessions[sid].cards


def test_a_second_writer_is_told_and_gets_read_only(wf, workspace_path):
    sid = new_wall(wf)
    with WorkspaceFile.open(workspace_path) as second:
        assert second.readonly
        assert "has this workspace open" in second.notice
        with pytest.raises(ReadOnlyError):
            second.execute(AddCard(sid, "Welder"))
    wf.execute(AddCard(sid, "Still writable here"))


def test_rolling_backups_keep_the_last_five(wf, workspace_path):
    new_wall(wf)
    wf.close()
    for _ in range(7):
        WorkspaceFile.open(workspace_path).close()
    kept = backups.list_backups(workspace_path)
    assert len(kept) == backups.KEEP
    assert reopen(kept[0]).sessions  # a backup is a whole workspace


def test_restore_writes_a_new_file_beside_the_damaged_one(wf, workspace_path):
    sid = new_wall(wf)
    wf.execute(AddCard(sid, "Welder"))
    wf.close()
    WorkspaceFile.open(workspace_path).close()  # takes a backup
    workspace_path.write_bytes(b"SQLite format 3\x00" + b"\x00" * 84)
    restored = backups.restore(backups.list_backups(workspace_path)[0], workspace_path)
    assert restored != workspace_path and restored.exists()
    assert [c.text for c in reopen(restored).sessions[sid].cards.values()] == ["Welder"]


def test_missing_folder_and_missing_file(tmp_path):
    with pytest.raises(StorageError, match="does not exist"):
        WorkspaceFile.open(tmp_path / "nope" / "x.cardwall")
    with pytest.raises(StorageError, match="does not exist"):
        WorkspaceFile.open(tmp_path / "x.cardwall", create=False)


def test_disk_full_refuses_the_command_and_keeps_state_and_file_in_step(wf, workspace_path):
    sid = new_wall(wf)
    wf.execute(AddCard(sid, "kept"))
    pages = wf.conn.execute("PRAGMA page_count").fetchone()[0]
    wf.conn.execute(f"PRAGMA max_page_count = {pages}")
    with pytest.raises(StorageError, match="disk is full"):
        for i in range(500):
            wf.execute(AddCard(sid, f"card {i} " + "x" * 400))
    in_memory = {c.text for c in wf.ws.sessions[sid].cards.values()}
    assert in_memory == {c.text for c in reopen(workspace_path).sessions[sid].cards.values()}
    assert "kept" in in_memory


def test_check_finds_a_sound_file_and_a_broken_reference(wf, workspace_path):
    sid = new_wall(wf)
    add = AddCard(sid, "Welder")
    wf.execute(add)
    wf.close()
    assert check(workspace_path) == []
    conn = sqlite3.connect(workspace_path)
    conn.execute("UPDATE cards SET category_id = 'ghost'")
    conn.commit()
    conn.close()
    assert any("category that does not exist" in p for p in check(workspace_path))


def test_every_entity_field_has_a_column(wf):
    for table, mapper in MAPPERS.items():
        columns = [r[1] for r in wf.conn.execute(f"PRAGMA table_info({table})")]
        assert set(mapper.names) <= set(columns), table
