"""An import in the app keeps a backup of the workspace just before it, as `cardwall import` does."""

from __future__ import annotations

from storage.backups import list_backups
from tests.helpers import reopen
from tests.ui.test_matrix import room  # noqa: F401 (the fixture: a skill-panel page on screen)


def test_a_task_list_import_keeps_a_backup_from_just_before(room, workspace_path, tmp_path):  # noqa: F811
    page = room
    page.add_panel(occupation="CNC Machinist")
    page.show_report = lambda title, text: None
    csv = tmp_path / "strawman.csv"
    csv.write_text("function,task\nSafety,Locks out machines\nSetup,Sets up the lathe\n", "utf-8")
    assert list_backups(workspace_path, "import") == []
    assert page.import_task_list(csv)
    kept = list_backups(workspace_path, "import")
    assert len(kept) == 1
    before = reopen(kept[0]).sessions[page.session_id]
    assert page.panel_id in before.panels and before.tasks == {}  # the panel as it was, tasks not yet in
    assert len(reopen(workspace_path).sessions[page.session_id].tasks) == 2
