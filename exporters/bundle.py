"""Every export of one session into a folder, under the file names DESIGN.md fixes."""

from __future__ import annotations

from pathlib import Path

from cardwall.model import Session, Workspace
from exporters.names import slugify
from exporters.session_json import write_session_json


def session_folder_name(session: Session) -> str:
    return slugify(f"{session.info.date} {session.info.title}", fallback="session")


def export_session(ws: Workspace, session_id: str, folder: Path, *, wall_png: bytes | None = None) -> list[Path]:
    """Write the session's exports into `folder` (which exists); returns the files written."""
    folder = Path(folder)
    written = [write_session_json(ws, session_id, folder / "session.json")]
    if wall_png:
        (folder / "wall.png").write_bytes(wall_png)
        written.append(folder / "wall.png")
    return written
