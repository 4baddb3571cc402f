"""Commands after the vote: what a top task looks like at the minimum, mid-level and done well, and its KSAs."""

from __future__ import annotations

from dataclasses import dataclass

from cardwall.commands.base import DomainError, Edit, clean_long_text, clean_text, edit, require, session_of
from cardwall.model import KSA_KINDS, Ksa, TaskDetail


def clean_ksas(ksas) -> tuple[Ksa, ...]:
    out = []
    for ksa in ksas:
        kind, text = (ksa.kind, ksa.text) if isinstance(ksa, Ksa) else ksa
        if kind not in KSA_KINDS:
            raise DomainError(f"A KSA is knowledge, skill or ability, not {kind!r}.")
        out.append(Ksa(kind=kind, text=clean_text(text, "KSA")))
    return tuple(out)


@dataclass(eq=False, init=False)
class EditTaskDetail(Edit):
    """What the minimum looks like, the mid-level progression, good performance, the KSAs."""

    label = "Edit task details"

    session_id: str
    task_id: str

    def plan(self, ws):
        session = session_of(ws, self.session_id)
        task = require(session, "tasks", self.task_id, "task")
        detail = session.task_details.get(task.id) or TaskDetail(id=task.id, panel_id=task.panel_id)
        changes = {}
        for name in ("minimum", "progression", "performance"):
            if name in self.changes:
                changes[name] = clean_long_text(self.changes[name], name.capitalize())
        if "ksas" in self.changes:
            changes["ksas"] = clean_ksas(self.changes["ksas"])
        detail = edit(detail, **changes)
        empty = not (detail.minimum or detail.progression or detail.performance or detail.ksas)
        key = ("task_details", session.id, task.id)
        if empty:
            return [(key, None)] if task.id in session.task_details else []
        return [(key, detail)]


def parse_ksa_line(line: str) -> Ksa:
    """'k: blueprint reading', 's: ...', 'a: ...' (or the full word) as one KSA; plain text is a skill."""
    head, sep, rest = line.partition(":")
    kinds = {"k": "knowledge", "s": "skill", "a": "ability"}
    key = head.strip().casefold()
    if sep and (key in kinds or key in KSA_KINDS):
        return Ksa(kind=kinds.get(key, key), text=clean_text(rest, "KSA"))
    return Ksa(kind="skill", text=clean_text(line, "KSA"))
