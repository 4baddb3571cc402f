"""`session.json`: one session in the interchange format (docs/FORMAT.md), read and written."""

from __future__ import annotations

import json
import re
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
        data = json.loads(text)
    except json.JSONDecodeError as exc:
        raise FormatError(f"{path.name}: not valid JSON (line {exc.lineno}, column {exc.colno}: {exc.msg}).") from None
    except RecursionError:
        raise FormatError(
            f"{path.name}: nested too deeply to be a session (lists or objects inside each other)."
        ) from None
    except ValueError:  # a number with more digits than Python converts (over 4,300)
        raise FormatError(f"{path.name}: holds a number thousands of digits long, so it is not a session.") from None
    broken = _lone_surrogate(data) if re.search(r"\\u[dD][89a-fA-F]", text) else None  # only an escape makes one
    if broken is not None:
        raise FormatError(f"{path.name}: {broken} holds a broken character (a lone \\u surrogate escape).")
    return data


_SURROGATE = re.compile("[\ud800-\udfff]")


def _lone_surrogate(data) -> str | None:
    """Where a string holds half of a UTF-16 pair ("\\ud800"), which no file or database can store."""
    todo = [("", data)]
    while todo:
        where, value = todo.pop()
        if isinstance(value, str):
            if _SURROGATE.search(value):
                return where or "the file"
        elif isinstance(value, dict):
            for key, item in reversed(value.items()):
                name = key.encode("utf-8", "backslashreplace").decode("utf-8")
                name = f"{where}.{name}" if where else name
                todo += [(name, item), (f"{name} (the name)", key)]
        elif isinstance(value, list):
            todo.extend((f"{where}[{i}]", item) for i, item in reversed(list(enumerate(value))))
    return None
