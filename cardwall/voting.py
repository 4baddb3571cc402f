"""The rules of dot voting: who may vote, how many dots are left, and what a viewer may see.

One place for them, so the matrix, the exports and the room's devices agree:
partners listen and never vote; each voter has the panel's budget per round;
while results are hidden a viewer sees their own dots and nobody else's, and
no totals at all.
"""

from __future__ import annotations

from collections.abc import Iterable

from cardwall.model import EMPLOYER_ROLES, Panel, Participant, Session, Vote
from cardwall.panels import dots_left, totals, votes_in_round

__all__ = [
    "dots_left",
    "may_see",
    "may_vote",
    "may_vote_in",
    "not_a_voter",
    "refusal",
    "visible_totals",
    "visible_votes",
    "voters",
]


def may_vote(person: Participant) -> bool:
    """Employers, hiring authorities and employees vote; public partners listen."""
    return person.role in EMPLOYER_ROLES


def may_vote_in(person: Participant, round: int) -> bool:
    """Whether this person is one of the round's voters: round 2 is the high performers', without their bosses."""
    return may_vote(person) and votes_in_round(person.role, round)


def voters(session: Session) -> list[Participant]:
    """Everyone who may place dots, in the session's order."""
    return [p for p in session.ordered_participants() if may_vote(p)]


def not_a_voter(person: Participant, round: int) -> str | None:
    """Why this person places no dots at all in this round (one sentence), or None when they are a voter."""
    if not may_vote(person):
        return f"{person.name} is a listening partner: partners do not vote."
    if not may_vote_in(person, round):
        return (
            f"{person.name} is a hiring authority: round {round} is the high-performing employees' vote, "
            "without their bosses; hiring authorities vote in round 1."
        )
    return None


def refusal(session: Session, panel: Panel, person: Participant, round: int) -> str | None:
    """Why this person may not place one more dot on this panel now, or None when they may."""
    if (why := not_a_voter(person, round)) is not None:
        return why
    if dots_left(session, panel, person.id, round) <= 0:
        return f"{person.name} has used all {panel.dots_per_participant} dots."
    return None


def may_see(panel: Panel, vote: Vote, viewer_id: str | None) -> bool:
    """Before the reveal a viewer sees their own dots only; after it, everyone's."""
    return panel.revealed or (vote.participant_id is not None and vote.participant_id == viewer_id)


def visible_votes(session: Session, panel: Panel, viewer_id: str | None, round: int | None = None) -> list[Vote]:
    """The votes a viewer may see: all once revealed; before that only their own (and no tallies)."""
    out = []
    for vote in _panel_votes(session.votes.values(), panel.id, round):
        if may_see(panel, vote, viewer_id):
            out.append(vote)
    return out


def visible_totals(session: Session, panel: Panel, round: int | None = None) -> dict[str, int] | None:
    """Dots per task for everyone to see, or None while the results are hidden."""
    if not panel.revealed:
        return None
    return totals(session, panel.id, round)


def _panel_votes(votes: Iterable[Vote], panel_id: str, round: int | None) -> list[Vote]:
    chosen = (v for v in votes if v.panel_id == panel_id and (round is None or v.round == round))
    return sorted(chosen, key=lambda v: (v.round, v.id))
