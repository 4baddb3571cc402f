"""`cardwall export --all`: a folder per session under a safe name, whatever the titles; none overwrites another."""

from __future__ import annotations

import json
import re

from cardwall import commands as c
from storage.workspace import WorkspaceFile
from tests.cli.test_cli import cardwall

TITLES = ["数控机床操作员", "مهندس صيانة", "../../etc/passwd", "CON", "..", "Tool & Die", "Tool / Die"]


def test_every_session_gets_its_own_safe_folder(tmp_path):
    ws_path = tmp_path / "w.cardwall"
    with WorkspaceFile.open(ws_path) as wf:
        for title in TITLES:
            add = c.AddSession(kind="critical-occupations", title=title, date="2026-03-01")
            wf.execute(add)
            wf.execute(c.AddCard(add.session_id, f"Card of {title}"))
    out = tmp_path / "out"
    result = cardwall("export", ws_path, "--out", out, "--all")
    assert result.returncode == 0, result.stderr
    folders = sorted(p for p in out.iterdir())
    assert len(folders) == len(TITLES), [p.name for p in folders]
    assert all(re.fullmatch(r"[a-z0-9-]+", p.name) and p.is_dir() for p in folders)
    titles = sorted(json.loads((p / "session.json").read_text(encoding="utf-8"))["session"]["title"] for p in folders)
    assert titles == sorted(TITLES)
    # nothing was written outside the output folder
    assert not (tmp_path / "etc").exists() and not (tmp_path.parent / "etc").exists()
