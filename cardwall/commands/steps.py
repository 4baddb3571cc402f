"""Commands on the gap matrix's skills between levels: draft them from the panels, add, edit, delete."""

from __future__ import annotations

from dataclasses import KW_ONLY, dataclass

from cardwall.commands.base import (
    Command,
    DeleteEntity,
    DomainError,
    EditEntity,
    clean_fields,
    clean_line,
    clean_long_text,
    refuse_taken,
    session_of,
)
from cardwall.later_entities import LevelStep

STEP_RULES = {
    "pathway": lambda v: clean_line(v, "Pathway"),
    "from_occupation": lambda v: clean_line(v, "Occupation below", required=True),
    "to_occupation": lambda v: clean_line(v, "Occupation above", required=True),
    "adds": lambda v: clean_long_text(v, "What the next level adds"),
}


def _asset_map(ws, session_id: str):
    session = session_of(ws, session_id)
    if session.info.kind != "asset-map":
        raise DomainError("Skills between levels belong to an asset map's gap matrix.")
    return session


@dataclass(eq=False)
class DraftLevelSteps(Command):
    """A step for each linked pair of the gap matrix that has none, drafted from the panels' KSAs."""

    label = "Draft skills between levels"

    session_id: str

    def plan(self, ws):
        from cardwall.later_steps import draft_steps

        session = _asset_map(ws, self.session_id)
        drafts = draft_steps(ws, session)
        if not drafts:
            raise DomainError(
                "No occupation of the gap matrix has a next level without a step yet: a pathway needs "
                "occupations at two levels (lower, middle, higher)."
            )
        return [(("level_steps", session.id, s.id), s) for s in drafts]


@dataclass(eq=False)
class AddLevelStep(Command):
    label = "Add skills between levels"
    fresh_ids = {"step_id": "ls"}

    session_id: str
    from_occupation: str
    to_occupation: str
    _: KW_ONLY
    pathway: str = ""
    adds: str = ""
    step_id: str | None = None

    def plan(self, ws):
        session = _asset_map(ws, self.session_id)
        refuse_taken(session, "level_steps", self.step_id, "step between levels")
        values = dict(
            pathway=self.pathway, from_occupation=self.from_occupation, to_occupation=self.to_occupation, adds=self.adds
        )
        position = max((s.position for s in session.level_steps.values()), default=0.0) + 1
        step = LevelStep(id=self.step_id, position=position, **clean_fields(values, STEP_RULES))
        _refuse_a_step_to_itself(step)
        return [(("level_steps", session.id, step.id), step)]


def _refuse_a_step_to_itself(step: LevelStep) -> None:
    if step.from_occupation.casefold() == step.to_occupation.casefold():
        raise DomainError("A step leads from one occupation up to another.", field="to_occupation")


@dataclass(eq=False, init=False)
class EditLevelStep(EditEntity):
    label = "Edit skills between levels"
    table, what, rules = "level_steps", "step between levels", STEP_RULES

    session_id: str
    step_id: str

    def plan(self, ws):
        writes = super().plan(ws)
        _refuse_a_step_to_itself(writes[0][1])
        return writes


class DeleteLevelStep(DeleteEntity):
    label, table, what = "Delete skills between levels", "level_steps", "step between levels"
