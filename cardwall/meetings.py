"""A skill panel across meetings: carried into a later meeting (a validation round with employers), its
dots there compared with the earlier meeting's, task by task.

The later meeting's panel is a copy: its own functions, tasks and votes, each task remembering the
earlier task it came from (`Task.origin_id`), the panel remembering its origin panel. What the room
added since has no origin; what it deleted is "dropped". The comparison is the same for the panel
screen, the brief and the summary, so all three say the same thing.
"""

from __future__ import annotations

from dataclasses import dataclass

from cardwall.model import Panel, Session, SessionInfo, Workspace
from cardwall.panels import functions_of, ranking, task_labels, tasks_of


def origin(ws: Workspace, session: Session, panel: Panel) -> tuple[Session, Panel] | None:
    """The earlier meeting's session and panel this one was carried from, while both are in the workspace."""
    if not panel.origin_session_id or not panel.origin_panel_id:
        return None
    earlier = ws.sessions.get(panel.origin_session_id)
    if earlier is None or panel.origin_panel_id not in earlier.panels:
        return None
    return earlier, earlier.panels[panel.origin_panel_id]


def carried_into(ws: Workspace, session_id: str, panel_id: str) -> list[tuple[Session, Panel]]:
    """The later meetings' panels carried from this one, oldest meeting first."""
    out = []
    for later in ws.ordered_sessions():
        for p in later.ordered_panels():
            if p.origin_session_id == session_id and p.origin_panel_id == panel_id:
                out.append((later, p))
    return out


def latest_panels(ws: Workspace) -> list[tuple[Panel, Session]]:
    """Every panel of the workspace but those carried into a later meeting: a validation round's panel
    replaces the one it was carried from, in session order."""
    carried = {(p.origin_session_id, p.origin_panel_id) for s in ws.sessions.values() for p in s.panels.values()}
    return [(p, s) for s in ws.ordered_sessions() for p in s.ordered_panels() if (s.id, p.id) not in carried]


def is_before(earlier: SessionInfo, later: SessionInfo) -> bool:
    """Whether `later` can follow `earlier`: an undated meeting may be either; a dated one not before the other."""
    return not (earlier.date and later.date and later.date < earlier.date)


def later_meetings(ws: Workspace, session_id: str, panel_id: str) -> list[Session]:
    """Skill-panel sessions this panel may be carried into: not its own, not earlier, not holding a copy yet."""
    here = ws.sessions[session_id]
    holding = {s.id for s, _ in carried_into(ws, session_id, panel_id)}
    return [
        s
        for s in ws.ordered_sessions()
        if s.info.kind == "skill-panel" and s.id != session_id and s.id not in holding and is_before(here.info, s.info)
    ]


# How a task moved between the two meetings.
KEPT, ADDED, DROPPED = "kept", "added", "dropped"


@dataclass(frozen=True)
class TaskAcross:
    """One task as the two meetings saw it; a side's fields are None where the task was not on its panel."""

    text: str
    status: str  # KEPT, ADDED (only in this meeting), DROPPED (only in the earlier one)
    task_id: str | None  # this meeting's task (None: dropped)
    label_before: str | None
    label_now: str | None
    dots_before: int | None
    dots_now: int | None
    rank_before: int | None  # None: no dot, or not on that side
    rank_now: int | None

    @property
    def movement(self) -> int | None:
        """Places gained in the ranking (+2: up two, -1: down one), when it was ranked in both meetings."""
        if self.rank_before is None or self.rank_now is None:
            return None
        return self.rank_before - self.rank_now

    def change_text(self) -> str:
        """What happened to the task in a few characters, the same in every view and export."""
        if self.status == ADDED:
            return "added"
        if self.status == DROPPED:
            return "dropped"
        if self.movement is not None:
            return (
                "same"
                if self.movement == 0
                else (f"up {self.movement}" if self.movement > 0 else f"down {-self.movement}")
            )
        if self.rank_now is not None:
            return "newly voted"
        if self.rank_before is not None:
            return "no dots now"
        return ""


@dataclass(frozen=True)
class Comparison:
    earlier: SessionInfo
    earlier_panel: Panel
    rows: tuple[TaskAcross, ...]

    @property
    def added(self) -> list[TaskAcross]:
        return [r for r in self.rows if r.status == ADDED]

    @property
    def dropped(self) -> list[TaskAcross]:
        return [r for r in self.rows if r.status == DROPPED]

    def dots(self) -> tuple[int, int]:
        """Dots placed in the earlier meeting and in this one."""
        return sum(r.dots_before or 0 for r in self.rows), sum(r.dots_now or 0 for r in self.rows)


def matrix_order(session: Session, panel_id: str) -> list:
    """A panel's tasks function by function (A-1, A-2, ..., B-1, ...), then the unassigned ones."""
    out = [t for f in functions_of(session, panel_id) for t in tasks_of(session, panel_id, f.id)]
    return out + tasks_of(session, panel_id, None)


def meeting_name(info: SessionInfo) -> str:
    return f"{info.title} ({info.date})" if info.date else info.title


def compare(ws: Workspace, session_id: str, panel_id: str, *, show_now: bool = True) -> Comparison | None:
    """This panel's dots beside the earlier meeting's (all rounds of each), or None when it was not carried.

    Rows run as this meeting ranks them, then its unvoted and added tasks in matrix order, then the
    dropped ones as the earlier meeting ranked them. `show_now=False` (results still hidden in the room)
    leaves this meeting's dots and ranks out.
    """
    session = ws.sessions[session_id]
    panel = session.panels[panel_id]
    found = origin(ws, session, panel)
    if found is None:
        return None
    earlier, earlier_panel = found
    before = {r.task.id: r for r in ranking(earlier, earlier_panel.id)}
    now = {r.task.id: r for r in ranking(session, panel.id)} if show_now else {}
    labels_before = task_labels(earlier, earlier_panel.id)
    labels_now = task_labels(session, panel.id)
    earlier_tasks = {t.id: t for t in tasks_of(earlier, earlier_panel.id)}

    rows, carried = [], set()
    mine = matrix_order(session, panel.id)
    order = {t.id: i for i, t in enumerate(mine)}

    def earlier_of(task):
        return earlier_tasks.get(task.origin_id) if task.origin_id else None

    def rank(ranked: dict, task) -> int:
        return ranked[task.id].rank if task is not None and task.id in ranked else 10**6

    # This meeting's ranking first; among its undotted tasks, the earlier meeting's favourites first.
    mine.sort(key=lambda t: (rank(now, t), rank(before, earlier_of(t)), order[t.id]))
    for task in mine:
        old = earlier_of(task)
        if old is not None:
            carried.add(old.id)
        b, n = (before.get(old.id) if old else None), now.get(task.id)
        rows.append(
            TaskAcross(
                text=task.text,
                status=KEPT if old is not None else ADDED,
                task_id=task.id,
                label_before=labels_before.get(old.id) if old else None,
                label_now=labels_now.get(task.id),
                dots_before=(b.dots if b else 0) if old else None,
                dots_now=(n.dots if n else 0) if show_now else None,
                rank_before=b.rank if b else None,
                rank_now=n.rank if n else None,
            )
        )
    gone = [t for t in matrix_order(earlier, earlier_panel.id) if t.id not in carried]
    gone.sort(key=lambda t: rank(before, t))  # stable: matrix order among equals
    for task in gone:
        b = before.get(task.id)
        rows.append(
            TaskAcross(
                text=task.text,
                status=DROPPED,
                task_id=None,
                label_before=labels_before.get(task.id),
                label_now=None,
                dots_before=b.dots if b else 0,
                dots_now=None,
                rank_before=b.rank if b else None,
                rank_now=None,
            )
        )
    return Comparison(earlier.info, earlier_panel, tuple(rows))
