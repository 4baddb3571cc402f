"""`session.json`: one session in the interchange format (docs/FORMAT.md), read and written."""

from __future__ import annotations

import json
from pathlib import Path

from cardwall.interchange import FormatError, session_to_dict
from cardwall.model import Workspace

MAX_BYTES = 50 * 1024 * 1024  # a session file is a few hundred KB; refuse anything absurd


def write_session_json(ws: Workspace, session_id: str, path: Path) -> Path:
    data = session_to_dict(ws, session_id)
    path = Path(path)
    tmp = path.with_name(path.name + ".tmp")
    tmp.write_text(json.dumps(data, ensure_ascii=False, indent=2) + "\n", encoding="utf-8")
    tmp.replace(path)
    return path


def read_session_json(path: Path) -> dict:
    """The file's data, or FormatError naming the file and what is wrong with it."""
    path = Path(path)
    try:
        if path.stat().st_size > MAX_BYTES:
            raise FormatError(f"{path.name}: the file is too large to be a session ({path.stat().st_size:,} bytes).")
        text = path.read_bytes().decode("utf-8-sig")
    except UnicodeDecodeError:
        raise FormatError(f"{path.name}: not UTF-8 text, so not a session file.") from None
    except OSError as exc:
        raise FormatError(f"{path.name}: cannot be read ({exc.strerror or exc}).") from None
    try:
        return json.loads(text)
    except json.JSONDecodeError as exc:
        raise FormatError(f"{path.name}: not valid JSON (line {exc.lineno}, column {exc.colno}: {exc.msg}).") from None
