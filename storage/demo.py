"""The bundled demo: a manufacturing partnership's wall and skill panels, built fresh on demand."""

from __future__ import annotations

import json
from pathlib import Path

import resources
from cardwall.interchange import ImportSession
from storage.workspace import WorkspaceFile

DEMO_SESSIONS = ("critical-occupations.json", "skill-panel.json")
# The partnership's later work, built on the two: a validation round the tool and die maker panel was carried into.
LATER_SESSIONS = ("validation.json", "asset-map.json", "action-plan.json")


def build_demo(path: Path, *, later: bool = True) -> Path:
    """Write a new demo workspace at `path` (which must not exist yet); `later=False`: the wall and panels only."""
    path = Path(path)
    if path.exists():
        raise FileExistsError(path)
    with WorkspaceFile.open(path, backup=False) as wf:
        for name in DEMO_SESSIONS + (LATER_SESSIONS if later else ()):
            data = json.loads(resources.path("demo", name).read_text(encoding="utf-8"))
            # Fixed ids: the validation round names the panel session it was carried from.
            wf.execute(ImportSession(data, session_id="demo-" + Path(name).stem))
    return path
