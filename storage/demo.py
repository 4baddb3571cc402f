"""The bundled demo: a manufacturing partnership's wall and skill panels, built fresh on demand."""

from __future__ import annotations

import json
from pathlib import Path

import resources
from cardwall.interchange import ImportSession
from storage.workspace import WorkspaceFile

DEMO_SESSIONS = ("critical-occupations.json", "skill-panel.json", "asset-map.json", "action-plan.json")


def build_demo(path: Path) -> Path:
    """Write a new demo workspace at `path` (which must not exist yet)."""
    path = Path(path)
    if path.exists():
        raise FileExistsError(path)
    with WorkspaceFile.open(path, backup=False) as wf:
        for name in DEMO_SESSIONS:
            data = json.loads(resources.path("demo", name).read_text(encoding="utf-8"))
            wf.execute(ImportSession(data))
    return path
