"""Strawman matrices: the functions and tasks a skill panel starts from, as one undo step.

A strawman comes from a built-in template, a function/task table or O*NET's
task list. Whatever its source, it lands through `strawman_command`: one
`Batch` of AddFunction/AddTask, reusing a function the panel already has
under the same title, so undo takes the whole strawman back at once.
"""

from __future__ import annotations

import json
from dataclasses import dataclass
from pathlib import Path

from cardwall.commands.base import Batch, DomainError
from cardwall.commands.panel import AddFunction, AddTask
from cardwall.model import Session
from cardwall.panels import functions_of


@dataclass(frozen=True)
class Strawman:
    occupation: str
    soc_code: str
    functions: tuple[tuple[str, tuple[str, ...]], ...]  # (function title, its tasks); "" = unassigned
    name: str = ""  # the template's file stem, e.g. "tool-and-die-maker"


def strawman_from_dict(data: dict, *, name: str = "") -> Strawman:
    """A template file's content ({occupation, soc_code, functions: [{title, tasks: [...]}]})."""
    if not isinstance(data, dict) or not isinstance(data.get("functions"), list):
        raise DomainError("A template needs an occupation and a list of functions with their tasks.")
    functions = []
    for f in data["functions"]:
        title = str(f.get("title", "")).strip()
        tasks = tuple(str(t).strip() for t in f.get("tasks", []) if str(t).strip())
        functions.append((title, tasks))
    return Strawman(
        occupation=str(data.get("occupation", "")).strip(),
        soc_code=str(data.get("soc_code", "")).strip(),
        functions=tuple(functions),
        name=name,
    )


def load_templates(folder: Path) -> list[Strawman]:
    """Every template (*.json) in a folder, by occupation."""
    out = []
    for path in sorted(Path(folder).glob("*.json")):
        out.append(strawman_from_dict(json.loads(path.read_text(encoding="utf-8")), name=path.stem))
    return sorted(out, key=lambda s: s.occupation.casefold())


def group_rows(rows) -> tuple[tuple[str, tuple[str, ...]], ...]:
    """(function, task) pairs, in file order, grouped by function (first appearance order)."""
    grouped: dict[str, list[str]] = {}
    titles: dict[str, str] = {}
    for function, task in rows:
        key = function.strip().casefold()
        titles.setdefault(key, function.strip())
        grouped.setdefault(key, []).append(task)
    return tuple((titles[k], tuple(v)) for k, v in grouped.items())


def strawman_command(
    session: Session,
    panel_id: str,
    functions,
    *,
    source: str,
    label: str,
    added_in_room: bool = False,
) -> Batch:
    """One undo step that puts `functions` [(title, [tasks])] into a panel's matrix.

    A title the panel already has (same words, any case) gets the tasks under
    it; "" sends tasks to "unassigned" to be sorted in the room. A panel that
    does not exist is refused when the batch is applied.
    """
    # The panel may be new in the same Batch (AddPanel first): then it has no functions yet.
    existing = {f.title.casefold(): f.id for f in functions_of(session, panel_id)}
    commands = []
    for title, tasks in functions:
        function_id = None
        if title:
            function_id = existing.get(title.casefold())
            if function_id is None:
                add = AddFunction(session.id, panel_id, title)
                commands.append(add)
                function_id = existing[title.casefold()] = add.function_id
        for text in tasks:
            commands.append(
                AddTask(session.id, panel_id, text, function_id=function_id, source=source, added_in_room=added_in_room)
            )
    if not commands:
        raise DomainError("There are no functions or tasks to add.")
    return Batch(label, commands)
