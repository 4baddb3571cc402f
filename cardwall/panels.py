"""Rules of a skill panel: task labels, the dot budget, totals, ranks and the top tasks."""

from __future__ import annotations

import string
from collections import defaultdict
from dataclasses import dataclass

from cardwall.model import EMPLOYER_ROLES, Function, Panel, Session, Task

TOP_TASKS = 5  # how many of the most-voted tasks are discussed, ties at the cut included


def functions_of(session: Session, panel_id: str) -> list[Function]:
    return sorted((f for f in session.functions.values() if f.panel_id == panel_id), key=lambda f: (f.position, f.id))


def tasks_of(session: Session, panel_id: str, function_id: str | None = ...) -> list[Task]:
    """Tasks of a panel (or of one function; None = unassigned), in order."""
    tasks = (t for t in session.tasks.values() if t.panel_id == panel_id)
    if function_id is not ...:
        tasks = (t for t in tasks if t.function_id == function_id)
    return sorted(tasks, key=lambda t: (t.position, t.id))


def function_letter(index: int) -> str:
    """A, B, ... Z, AA, AB, ...: DACUM's duty letters."""
    letters = string.ascii_uppercase
    out = ""
    index += 1
    while index:
        index, rem = divmod(index - 1, 26)
        out = letters[rem] + out
    return out


def task_labels(session: Session, panel_id: str) -> dict[str, str]:
    """Stable call-out labels: A-1, A-2 under the first function, B-1 under the second...

    Unassigned tasks get "?-1", "?-2" until they are sorted.
    """
    labels: dict[str, str] = {}
    by_function: dict[str | None, list[Task]] = defaultdict(list)
    for task in tasks_of(session, panel_id):
        by_function[task.function_id].append(task)
    for i, function in enumerate(functions_of(session, panel_id)):
        for j, task in enumerate(by_function.get(function.id, []), start=1):
            labels[task.id] = f"{function_letter(i)}-{j}"
    for j, task in enumerate(by_function.get(None, []), start=1):
        labels[task.id] = f"?-{j}"
    return labels


def vote_id(task_id: str, participant_id: str | None, round: int) -> str:
    """One vote row per task, voter (or tally) and round."""
    return f"{task_id}|{participant_id or '*'}|{round}"


def dots_used(session: Session, panel_id: str, participant_id: str, round: int) -> int:
    return sum(
        v.dots
        for v in session.votes.values()
        if v.panel_id == panel_id and v.participant_id == participant_id and v.round == round
    )


def dots_left(session: Session, panel: Panel, participant_id: str, round: int) -> int:
    return panel.dots_per_participant - dots_used(session, panel.id, participant_id, round)


def totals(session: Session, panel_id: str, round: int | None = None) -> dict[str, int]:
    """Dots per task (tallies included); `round` None combines all rounds."""
    out: dict[str, int] = defaultdict(int)
    for vote in session.votes.values():
        if vote.panel_id == panel_id and (round is None or vote.round == round):
            out[vote.task_id] += vote.dots
    return dict(out)


@dataclass(frozen=True)
class RankedTask:
    task: Task
    label: str
    dots: int
    rank: int  # 1 = most dots; tasks with the same dots share a rank
    tied: bool


def ranking(session: Session, panel_id: str, round: int | None = None) -> list[RankedTask]:
    """Tasks with at least one dot, most first; equal totals share a rank (1, 2, 2, 4)."""
    counts = totals(session, panel_id, round)
    labels = task_labels(session, panel_id)
    voted = [t for t in tasks_of(session, panel_id) if counts.get(t.id, 0) > 0]
    voted.sort(key=lambda t: (-counts[t.id], labels.get(t.id, "")))
    how_many: dict[int, int] = defaultdict(int)
    for t in voted:
        how_many[counts[t.id]] += 1
    out, rank = [], 0
    for i, t in enumerate(voted):
        if i == 0 or counts[t.id] != counts[voted[i - 1].id]:
            rank = i + 1
        out.append(RankedTask(t, labels.get(t.id, ""), counts[t.id], rank, how_many[counts[t.id]] > 1))
    return out


def top_tasks(session: Session, panel: Panel, *, limit: int = TOP_TASKS) -> list[Task]:
    """The tasks to discuss: the most-voted (ties at the cut kept), plus added, minus dropped."""
    ranked = ranking(session, panel.id)
    chosen = [r.task for r in ranked if r.rank <= limit and r.task.id not in panel.top_dropped]
    for task_id in panel.top_added:
        task = session.tasks.get(task_id)
        if task and task not in chosen:
            chosen.append(task)
    return chosen


def participant_colour(index: int) -> str:
    """A dot colour per participant, distinct for the first dozen and readable on yellow."""
    palette = [
        "#d7263d",
        "#1b64c8",
        "#2e9e44",
        "#8e44ad",
        "#e67e22",
        "#00838f",
        "#c2185b",
        "#5d4037",
        "#455a64",
        "#6a1b9a",
        "#ef6c00",
        "#283593",
    ]
    return palette[index % len(palette)]


# The seeds' focus groups: hiring authorities vote first, then the high-performing employees, without
# their bosses. Round 1 stays open to every employer role (a panel may vote once, all together); a
# participant recorded only as "employer" may sit in either; partners listen and never vote.
ROUND_ROLES = {1: EMPLOYER_ROLES, 2: ("employer", "employee")}


def votes_in_round(role: str, round: int | None) -> bool:
    """Whether a participant with this role is one of the round's voters (None: any round)."""
    if round is None:
        return role in EMPLOYER_ROLES
    return role in ROUND_ROLES.get(round, ())
