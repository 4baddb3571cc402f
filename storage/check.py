"""`cardwall check`: is a workspace file sound, and if not, why."""

from __future__ import annotations

from pathlib import Path

from cardwall.invariants import problems as domain_problems
from storage.errors import StorageError
from storage.workspace import _connect, inspect, load


def check(path: Path) -> list[str]:
    """Problems found in the file (empty: sound). Raises StorageError when it cannot be read at all."""
    path = Path(path)
    if not path.exists():
        raise StorageError(f"{path} does not exist.")
    inspect(path)
    conn = _connect(path, readonly=True)
    try:
        problems = [r[0] for r in conn.execute("PRAGMA integrity_check") if r[0] != "ok"]
        if problems:
            return problems
        ws = load(conn)
    finally:
        conn.close()
    problems += domain_problems(ws)  # the domain's integrity rules (cardwall/invariants.py)
    return problems
