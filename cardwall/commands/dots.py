"""Commands of the dot vote: a participant's dot placed or taken back, a tally of physical dots."""

from __future__ import annotations

from dataclasses import KW_ONLY, dataclass

from cardwall import voting
from cardwall.commands.base import Command, DomainError, edit, require, session_of
from cardwall.model import ROUNDS, Vote
from cardwall.panels import vote_id


@dataclass(eq=False)
class CastDot(Command):
    """One participant puts one dot on a task: employers' side only, within their budget."""

    label = "Place dot"

    session_id: str
    task_id: str
    participant_id: str
    _: KW_ONLY
    round: int | None = None

    def plan(self, ws):
        session = session_of(ws, self.session_id)
        task = require(session, "tasks", self.task_id, "task")
        try:
            person = require(session, "participants", self.participant_id, "participant")
        except DomainError as exc:
            raise DomainError(str(exc), field="participant") from None
        panel = session.panels[task.panel_id]
        round_ = self.round or panel.voting_round
        if round_ not in ROUNDS:
            raise DomainError("Voting happens in round 1 or 2.", field="round")
        if (why := voting.refusal(session, panel, person, round_)) is not None:  # who may vote, the budget
            raise DomainError(why, field="dots" if voting.may_vote_in(person, round_) else "participant")
        vid = vote_id(task.id, person.id, round_)
        existing = session.votes.get(vid)
        if existing and not panel.several_dots_per_task:
            raise DomainError(f"{person.name} already has a dot on this task (one dot per task).", field="dots")
        vote = (
            edit(existing, dots=existing.dots + 1)
            if existing
            else Vote(id=vid, panel_id=panel.id, task_id=task.id, participant_id=person.id, dots=1, round=round_)
        )
        return [(("votes", session.id, vid), vote)]


@dataclass(eq=False)
class RemoveDot(Command):
    label = "Take dot back"

    session_id: str
    task_id: str
    participant_id: str
    _: KW_ONLY
    round: int | None = None

    def plan(self, ws):
        session = session_of(ws, self.session_id)
        task = require(session, "tasks", self.task_id, "task")
        panel = session.panels[task.panel_id]
        vid = vote_id(task.id, self.participant_id, self.round or panel.voting_round)
        vote = session.votes.get(vid)
        if vote is None:
            raise DomainError("There is no dot of theirs on this task.")
        return [(("votes", session.id, vid), edit(vote, dots=vote.dots - 1) if vote.dots > 1 else None)]


@dataclass(eq=False)
class SetTally(Command):
    """The count of physical dots on a task, typed by the note-taker (not tied to anyone)."""

    label = "Enter dot count"

    session_id: str
    task_id: str
    dots: int
    _: KW_ONLY
    round: int | None = None

    def plan(self, ws):
        session = session_of(ws, self.session_id)
        task = require(session, "tasks", self.task_id, "task")
        panel = session.panels[task.panel_id]
        if isinstance(self.dots, bool) or not isinstance(self.dots, int) or not 0 <= self.dots <= 999:
            raise DomainError("A dot count is a whole number from 0 to 999.", field="dots")
        round_ = self.round or panel.voting_round
        if round_ not in ROUNDS:
            raise DomainError("Voting happens in round 1 or 2.", field="round")
        vid = vote_id(task.id, None, round_)
        if self.dots == 0:
            return [(("votes", session.id, vid), None)] if vid in session.votes else []
        return [
            (
                ("votes", session.id, vid),
                Vote(id=vid, panel_id=panel.id, task_id=task.id, participant_id=None, dots=self.dots, round=round_),
            )
        ]
