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
LATER_SESSIONS = ("asset-map.json", "action-plan.json")  # the partnership's later work, built on the two


def build_demo(path: Path, *, later: bool = True) -> Path:
    """Write a new demo workspace at `path` (which must not exist yet); `later=False`: the wall and panels only."""
    path = Path(path)
    if path.exists():
        raise FileExistsError(path)
    with WorkspaceFile.open(path, backup=False) as wf:
        for name in DEMO_SESSIONS + (LATER_SESSIONS if later else ()):
            data = json.loads(resources.path("demo", name).read_text(encoding="utf-8"))
            command = ImportSession(data)
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
