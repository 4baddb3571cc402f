"""Skills between levels (seed 001, step 13): for a pathway's linked occupations (lower -> middle -> higher in
the gap matrix), what the next occupation up adds, drafted from the skill panels' KSAs and then edited.

A rung is linked to the nearest level above it that the pathway has an occupation at (lower to middle;
lower to higher when there is no middle). The draft names the KSAs of the upper occupation's panel that
the lower one's panel did not ask for; without a panel for the upper occupation it is left to be written.
"""

from __future__ import annotations

import hashlib
from itertools import pairwise

from cardwall.assets import needs, ordered_gap_rows, pathways
from cardwall.later_entities import SKILL_LEVELS, LevelStep
from cardwall.model import Session, Workspace

UP = tuple(reversed(SKILL_LEVELS))  # lower, middle, higher: the way up a pathway


def ordered_steps(session: Session) -> list[LevelStep]:
    """By the matrix's pathway order, then as drafted or added."""
    rank = {p: i for i, p in enumerate(pathways(session))}
    return sorted(session.level_steps.values(), key=lambda s: (rank.get(s.pathway, 10**6), s.pathway, s.position, s.id))


def steps_of(session: Session, pathway: str) -> list[LevelStep]:
    return [s for s in ordered_steps(session) if s.pathway == pathway]


def rungs(session: Session, pathway: str) -> list[tuple[str, list[str]]]:
    """(skill level, occupations) up one pathway of the gap matrix, lower first, empty levels left out."""
    out = []
    for level in UP:
        names = [r.occupation for r in ordered_gap_rows(session) if r.pathway == pathway and r.skill_level == level]
        if names:
            out.append((level, list(dict.fromkeys(names))))
    return out


def linked_pairs(session: Session) -> list[tuple[str, str, str]]:
    """(pathway, lower occupation, next occupation up) for every link of the matrix's pathways."""
    out = []
    for pathway in pathways(session):
        ladder = rungs(session, pathway)
        for (_, lower), (_, upper) in pairwise(ladder):
            out += [(pathway, a, b) for a in lower for b in upper if a.casefold() != b.casefold()]
    return out


def ksas_by_occupation(ws: Workspace) -> dict[str, tuple[str, ...]]:
    """The KSAs the skill panels named for each studied occupation (casefolded name -> KSAs)."""
    out: dict[str, tuple[str, ...]] = {}
    for need in needs(ws):
        if need.ksas:
            out.setdefault(need.occupation.casefold(), need.ksas)
    return out


def what_is_added(ws: Workspace, lower: str, upper: str) -> str:
    """The upper occupation's KSAs its lower neighbour's panel did not name, one a line."""
    ksas = ksas_by_occupation(ws)
    below = {k.casefold() for k in ksas.get(lower.casefold(), ())}
    return "\n".join(k for k in ksas.get(upper.casefold(), ()) if k.casefold() not in below)


def step_id(pathway: str, lower: str, upper: str) -> str:
    """The same link always drafts the same id (two demo exports are byte for byte the same)."""
    digest = hashlib.sha1(f"{pathway}\n{lower}\n{upper}".casefold().encode()).hexdigest()[:10]
    return f"ls{digest}"


def draft_steps(ws: Workspace, session: Session) -> list[LevelStep]:
    """Steps for the linked occupations that have none yet, each with what the next level adds."""
    have = {(s.pathway, s.from_occupation.casefold(), s.to_occupation.casefold()) for s in session.level_steps.values()}
    end = max((s.position for s in session.level_steps.values()), default=0.0)
    out = []
    for pathway, lower, upper in linked_pairs(session):
        if (pathway, lower.casefold(), upper.casefold()) in have or step_id(
            pathway, lower, upper
        ) in session.level_steps:
            continue
        end += 1
        out.append(
            LevelStep(step_id(pathway, lower, upper), pathway, lower, upper, what_is_added(ws, lower, upper), end)
        )
    return out
