"""`cardwall check`: is a workspace file sound, and if not, why."""

from __future__ import annotations

from pathlib import Path

from cardwall.areas import area_code_problem
from cardwall.invariants import problems as domain_problems
from storage.errors import StorageError
from storage.schema import readable
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
        readable(conn)
        ws = load(conn)
    finally:
        conn.close()
    problems += _area_code_problems(ws)
    problems += domain_problems(ws)  # the domain's integrity rules (cardwall/invariants.py)
    return problems


def _area_code_problems(ws) -> list[str]:
    """A partnership's area code must be the seven-digit OEWS form, or figures print under the wrong place."""
    problem = area_code_problem(ws.partnership.area_code)
    return [f"Partnership: {problem}"] if problem else []
