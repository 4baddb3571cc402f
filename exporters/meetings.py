"""A panel's two meetings side by side, as the brief, the summary and the e-mail print it (no layout here)."""

from __future__ import annotations

from cardwall.meetings import ADDED, DROPPED, KEPT, Comparison, TaskAcross, meeting_name

HEADERS = ("Task", "Earlier dots", "Earlier rank", "Dots now", "Rank now", "Change")


def headline(cmp: Comparison) -> str:
    """One sentence: where the panel came from, the dots of each meeting, what was added and dropped."""
    then, now = cmp.dots()
    added, dropped = len(cmp.added), len(cmp.dropped)
    bits = [f"Carried from {meeting_name(cmp.earlier)}: {_dots(then)} there, {_dots(now)} in this meeting"]
    if added or dropped:
        bits.append(f"{_tasks(added)} added, {_tasks(dropped)} dropped")
    return "; ".join(bits) + "."


def voted_rows(cmp: Comparison, *, limit: int = 0) -> tuple[list[TaskAcross], int]:
    """The rows worth a line (dotted in either meeting, added or dropped), at most `limit` (0: all), and how
    many such rows were left out."""
    rows = [r for r in cmp.rows if r.dots_before or r.dots_now or r.status in (ADDED, DROPPED)]
    if not limit or len(rows) <= limit:
        return rows, 0
    # What changed between the meetings always shows; the most-voted of the rest fill the room left.
    room = max(0, limit - sum(r.status != KEPT for r in rows))
    kept = {id(r) for r in [r for r in rows if r.status == KEPT][:room]}
    shown = [r for r in rows if r.status != KEPT or id(r) in kept]
    return shown, len(rows) - len(shown)


def cells(row: TaskAcross) -> list[str]:
    """Label and task, then each meeting's dots and rank ("—" where the task was not on that panel)."""
    label = row.label_now or row.label_before or ""
    return [
        f"{label} {row.text}".strip(),
        _count(row.dots_before),
        _rank(row.rank_before, row.dots_before),
        _count(row.dots_now),
        _rank(row.rank_now, row.dots_now),
        row.change_text(),
    ]


def _count(value: int | None) -> str:
    return "—" if value is None else str(value)


def _rank(rank: int | None, dots: int | None) -> str:
    if dots is None:
        return "—"
    return str(rank) if rank is not None else ""


def _dots(n: int) -> str:
    return "1 dot" if n == 1 else f"{n} dots"


def _tasks(n: int) -> str:
    return "1 task" if n == 1 else f"{n} tasks"
