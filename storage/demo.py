"""The bundled demo: a manufacturing partnership's wall and skill panels, built fresh on demand."""

from __future__ import annotations

import json
from pathlib import Path

import resources
from cardwall.commands import EditCard
from cardwall.interchange import ImportSession
from storage.workspace import WorkspaceFile

DEMO_SESSIONS = ("critical-occupations.json", "skill-panel.json")
OCCUPATION_DETAILS = "occupation-details.json"  # the wall's job descriptions and tools, for the pathway map
# The partnership's later work, built on the two: a validation round the tool and die maker panel was carried into.
LATER_SESSIONS = ("validation.json", "asset-map.json", "action-plan.json")


def build_demo(path: Path, *, later: bool = True) -> Path:
    """Write a new demo workspace at `path` (which must not exist yet); `later=False`: the wall and panels only."""
    path = Path(path)
    if path.exists():
        raise FileExistsError(path)
    # A fresh copy built from the bundled JSON: a crash mid-build loses nothing that cannot be built again,
    # so its schema and ~30 commits skip the per-commit fsync (48 syncs, 0.1-0.2 s of `cardwall demo`'s start
    # on a laptop disk). Whoever opens the file next gets synchronous=FULL again.
    with WorkspaceFile.open(path, backup=False, durable=False) as wf:
        for name in DEMO_SESSIONS + (LATER_SESSIONS if later else ()):
            data = json.loads(resources.path("demo", name).read_text(encoding="utf-8"))
            # Fixed ids: the validation round names the panel session it was carried from.
            command = ImportSession(data, session_id="demo-" + Path(name).stem)
            wf.execute(command)
            if data["session"]["kind"] == "critical-occupations":
                _details(wf, command.session_id)
    return path


def _details(wf: WorkspaceFile, session_id: str) -> None:
    """The convener's job descriptions and tools, typed in as the crosswalk does (one EditCard each)."""
    details = json.loads(resources.path("demo", OCCUPATION_DETAILS).read_text(encoding="utf-8"))
    cards = wf.ws.sessions[session_id].cards
    for card_id, entry in details.items():
        if card_id in cards:  # "_about" and any card the demo no longer has are passed over
            description, tools = entry
            wf.execute(EditCard(session_id, card_id, description=description, tools=tools))
