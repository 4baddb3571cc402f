"""The entities of the partnership's later work: the asset map's programs and links, the gap matrix, the
action plan and the resource map (their rules live in cardwall/assets.py and the commands)."""

from __future__ import annotations

from dataclasses import dataclass

# The partnership's later work (issue 14): the asset map, the gap matrix, the action plan.
SKILL_LEVELS = ("higher", "middle", "lower")  # the gap matrix's occupation levels (seed 002, Appendix B)
COVERAGE = ("covered", "partly", "gap")
IMPACTS = ("high", "low")  # an action's impact, and its feasibility
ACTION_STATUSES = ("draft", "agreed", "in-progress", "done")
PARTNER_TYPES = ("secondary-cte", "post-secondary", "workforce", "community-based", "industry")


@dataclass(frozen=True)
class ProgramDetail:
    """What a program card says beyond its name (the card's text): the inventory's columns."""

    id: str  # the program card's id
    institution: str = ""
    credential: str = ""
    length: str = ""
    cost: str = ""
    prerequisites: str = ""
    work_experience: str = ""  # internship, on-the-job, apprenticeship
    placement_rate: str = ""
    contact: str = ""
    serves: tuple[str, ...] = ()  # occupations of the partnership's wall this program prepares for


@dataclass(frozen=True)
class Link:
    """A "leads to" arrow between two programs: a stackable credential, an articulation agreement."""

    id: str
    from_card_id: str
    to_card_id: str


@dataclass(frozen=True)
class GapRow:
    """One row of the training gap matrix: a key occupation of a pathway and how well it is served."""

    id: str
    occupation: str
    pathway: str = ""
    skill_level: str = "middle"
    content: str = ""  # key training content (competency areas)
    delivery: str = ""
    length: str = ""
    credentials: str = ""
    equipment: str = ""
    notes: str = ""
    coverage: str = ""  # "" = not judged yet
    programs: tuple[str, ...] = ()  # ids of the program cards that cover it
    position: float = 0.0


@dataclass(frozen=True)
class Action:
    id: str
    text: str
    impact: str = "high"
    feasibility: str = "high"
    horizon: str = "early-win"
    owners: tuple[str, ...] = ()
    gap: str = ""
    measure: str = ""
    due: str = ""
    status: str = "draft"
    position: float = 0.0


@dataclass(frozen=True)
class Resource:
    """A partner organization on the resource map (seed 002, Appendix C)."""

    id: str
    organization: str
    partner_type: str = "post-secondary"
    programs: str = ""
    services: str = ""
    restrictions: str = ""
    populations: str = ""
    resources: str = ""  # space, staff, training equipment
    notes: str = ""
    contact: str = ""
    position: float = 0.0


@dataclass(frozen=True)
class LevelStep:
    """Skills between levels (seed 001, step 13): what a pathway's next occupation up adds to the one below."""

    id: str
    pathway: str
    from_occupation: str  # the lower rung
    to_occupation: str  # the next rung up
    adds: str = ""  # the additional or higher-level skills, one per line
    position: float = 0.0
