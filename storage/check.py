"""`cardwall check`: is a workspace file sound, and if not, why.

The file is judged first (whole, ours, every table there, SQLite's full
integrity check); only a file that passes is read into the domain, whose
own rules then judge what it holds.
"""

from __future__ import annotations

import sqlite3
from pathlib import Path

from cardwall import invariants
from cardwall.areas import area_code_problem
from cardwall.model import Workspace
from storage.errors import StorageError
from storage.files import connect, inspect, missing_tables
from storage.schema import MAPPERS, labor_tables, readable
from storage.workspace import load


def check(path: Path) -> list[str]:
    """Problems found in the file (empty: sound). Raises StorageError when it cannot be read at all."""
    path = Path(path)
    if not path.exists():
        raise StorageError(f"{path} does not exist.")
    problems, ws = file_problems(path)
    if problems or ws is None:
        return problems
    return domain_problems(ws)


def file_problems(path: Path) -> tuple[list[str], Workspace | None]:
    """What is wrong with the file itself, and the workspace it holds when nothing is."""
    inspect(path)  # not ours, newer, cut short or failing the quick check: raises, one line
    conn = connect(path, readonly=True)
    try:
        version = conn.execute("PRAGMA user_version").fetchone()[0]
        missing = missing_tables(conn, [*MAPPERS, *labor_tables(version)])
        if missing:
            names = ", ".join(missing)
            plural = len(missing) > 1
            return [
                f"table{'s' if plural else ''} {names} {'are' if plural else 'is'} missing (the file is damaged)."
            ], None
        problems = [r[0] for r in conn.execute("PRAGMA integrity_check") if r[0] != "ok"]
        if problems:
            return problems, None
        readable(conn)  # an older file, read as if migrated
        return [], load(conn)
    except sqlite3.DatabaseError as exc:
        return [f"the file cannot be read ({exc})."], None
    finally:
        conn.close()


def domain_problems(ws: Workspace) -> list[str]:
    """The domain's integrity rules over what the file holds (cardwall/invariants.py)."""
    return _area_code_problems(ws) + invariants.problems(ws)


def _area_code_problems(ws) -> list[str]:
    """A partnership's area code must be the seven-digit OEWS form, or figures print under the wrong place."""
    problem = area_code_problem(ws.partnership.area_code)
    return [f"Partnership: {problem}"] if problem else []
