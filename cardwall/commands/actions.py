"""Commands on an action plan: actions on the impact x feasibility grid, and gaps made into draft actions."""

from __future__ import annotations

from dataclasses import KW_ONLY, dataclass

from cardwall.commands.base import (
    AddEntity,
    Batch,
    DeleteEntity,
    DomainError,
    EditEntity,
    clean_date,
    clean_line,
    clean_long_text,
    clean_text,
    session_of,
)
from cardwall.model import ACTION_STATUSES, COVERAGE, HORIZONS, IMPACTS, Action


def _one_of(values: tuple[str, ...], what: str):
    def rule(value: str) -> str:
        if value not in values:
            raise DomainError(f"{what} is one of {', '.join(values)}, not {value!r}.")
        return value

    return rule


def _owners(value) -> tuple[str, ...]:
    if isinstance(value, str):
        value = [v for v in value.split(";")]
    names = [clean_line(v, "Owner", limit=200) for v in value or ()]
    return tuple(dict.fromkeys(n for n in names if n))


ACTION_RULES = {
    "text": lambda v: clean_text(v, "Action"),
    "impact": _one_of(IMPACTS, "Impact"),
    "feasibility": _one_of(IMPACTS, "Feasibility"),
    "horizon": _one_of(HORIZONS, "Horizon"),
    "status": _one_of(ACTION_STATUSES, "Status"),
    "owners": _owners,
    "gap": lambda v: clean_long_text(v, "Gap"),
    "measure": lambda v: clean_line(v, "Measure", limit=300),
    "due": lambda v: clean_date(v, "Due date"),
}


def _plan_session(ws, session_id: str):
    session = session_of(ws, session_id)
    if session.info.kind != "action-plan":
        raise DomainError("Actions belong to an action-plan session.")
    return session


@dataclass(eq=False)
class AddAction(AddEntity):
    label = "Add action"
    fresh_ids = {"action_id": "q"}
    table, what, entity, rules = "actions", "action", Action, ACTION_RULES

    session_id: str
    text: str
    _: KW_ONLY
    fields: dict | None = None
    action_id: str | None = None

    def session_for(self, ws):
        return _plan_session(ws, self.session_id)


@dataclass(eq=False, init=False)
class EditAction(EditEntity):
    label = "Edit action"
    table, what, rules = "actions", "action", ACTION_RULES

    session_id: str
    action_id: str


class MoveAction(EditAction):
    """An action dragged to another quadrant of the impact x feasibility grid."""

    label = "Move action"

    def __init__(self, session_id: str, action_id: str, *, impact: str, feasibility: str) -> None:
        super().__init__(session_id, action_id, impact=impact, feasibility=feasibility)


class DeleteAction(DeleteEntity):
    label, table, what = "Delete action", "actions", "action"


def gaps_to_actions(ws, asset_session_id: str, plan_session_id: str) -> Batch:
    """Every gap (and partly covered row) of the matrix not yet acted on becomes a draft action: one undo step.

    A gap is high impact; a partly covered row, already half served, low. Feasibility is
    not known yet, so it starts low and the room moves the card; the horizon follows.
    """
    from cardwall.assets import gap_text, ordered_gap_rows, suggested_horizon

    assets = session_of(ws, asset_session_id)
    plan = _plan_session(ws, plan_session_id)
    have = {a.gap for a in plan.actions.values()}
    adds = []
    for row in ordered_gap_rows(assets):
        if row.coverage not in COVERAGE[1:] or not row.occupation:  # a blank row names nothing to act on yet
            continue
        gap = gap_text(row)
        if gap in have:
            continue
        impact = "high" if row.coverage == "gap" else "low"
        verb = "Build training for" if row.coverage == "gap" else "Strengthen training for"
        fields = {
            "impact": impact,
            "feasibility": "low",
            "horizon": suggested_horizon(impact, "low"),
            "gap": gap,
            "status": "draft",
        }
        adds.append(AddAction(plan_session_id, f"{verb} {row.occupation}", fields=fields))
    if not adds:
        raise DomainError("No gap in the matrix is waiting for an action.")
    return Batch(f"{len(adds)} gaps to draft actions", adds)
