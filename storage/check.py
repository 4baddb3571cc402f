"""`cardwall check`: is a workspace file sound, and if not, why."""

from __future__ import annotations

from pathlib import Path

from cardwall.areas import area_code_problem
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
    for session in ws.sessions.values():
        name = session.info.title or session.id
        for card in session.cards.values():
            if card.category_id is not None and card.category_id not in session.categories:
                problems.append(f"{name}: card {card.id} is in a category that does not exist.")
            if card.level_id is not None and card.level_id not in session.levels:
                problems.append(f"{name}: card {card.id} is on a level that does not exist.")
            if card.stack_id is not None and card.stack_id not in session.cards:
                problems.append(f"{name}: card {card.id} is stacked on a card that does not exist.")
        for task in session.tasks.values():
            if task.panel_id not in session.panels:
                problems.append(f"{name}: task {task.id} belongs to no panel.")
        for vote in session.votes.values():
            if vote.task_id not in session.tasks:
                problems.append(f"{name}: a vote is on a task that does not exist.")
            if vote.participant_id is not None and vote.participant_id not in session.participants:
                problems.append(f"{name}: a vote belongs to a participant who does not exist.")
    return problems


def _area_code_problems(ws) -> list[str]:
    """A partnership's area code must be the seven-digit OEWS form, or figures print under the wrong place."""
    problem = area_code_problem(ws.partnership.area_code)
    return [f"Partnership: {problem}"] if problem else []
