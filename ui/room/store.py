"""Where a room keeps its code, its devices and the writes it has acknowledged, between runs.

A file per workspace and session in the user's state folder (never beside
the workspace, so it does not travel with a synced file). Tokens are kept
only as hashes. Reopening the room after a crash finds the same code and
devices, so phones resend what they still hold and are not asked to join again.
"""

from __future__ import annotations

import hashlib
import json
import os
from pathlib import Path


def room_folder() -> Path:
    from platformdirs import user_state_path

    return user_state_path("cardwall", appauthor=False) / "rooms"


class RoomStore:
    def __init__(self, workspace: Path, session_id: str, *, folder: Path | None = None) -> None:
        key = hashlib.sha256(f"{Path(workspace).resolve()}|{session_id}".encode()).hexdigest()[:20]
        self.path = (folder or room_folder()) / f"room-{key}.json"

    def load(self) -> dict:
        try:
            data = json.loads(self.path.read_text(encoding="utf-8"))
        except (OSError, ValueError):
            return {}  # no room yet, or a damaged record: a fresh code, devices join again
        return data if isinstance(data, dict) else {}

    def save(self, data: dict) -> None:
        """Written whole to a temporary file, then renamed over: a crash leaves the old or the new."""
        try:
            self.path.parent.mkdir(parents=True, exist_ok=True)
            tmp = self.path.with_suffix(".tmp")
            tmp.write_text(json.dumps(data, ensure_ascii=False), encoding="utf-8")
            os.replace(tmp, self.path)
        except OSError:
            pass  # the room goes on; only a restart would ask devices to join again
