"""The things in the room: a partnership, its sessions, and everything on their walls.

Entities are frozen dataclasses with logical positions (category, level,
position), never pixels. A session keeps each kind of entity in a dict by id,
so a command can name exactly what it touched as (table, session, id).
"""

from __future__ import annotations

from dataclasses import dataclass, field

from cardwall.labor import LABOR_TABLES, LaborFigures
from cardwall.later_entities import (  # noqa: F401 (the model's names for them, as before)
    ACTION_STATUSES,
    COVERAGE,
    IMPACTS,
    PARTNER_TYPES,
    SKILL_LEVELS,
    Action,
    GapRow,
    Link,
    ProgramDetail,
    Resource,
)

SESSION_KINDS = ("critical-occupations", "skill-panel", "asset-map", "action-plan")
SESSION_KIND_TITLES = {
    "critical-occupations": "Critical occupations session",
    "skill-panel": "Skill panel session",
    "asset-map": "Asset map session",
    "action-plan": "Action plan session",
}
ROLES = ("employer", "hiring-authority", "employee", "partner")
CARD_KINDS = ("occupation", "skill", "note", "program")
REASONS = ("volume", "hard-to-fill", "turnover", "cost", "growth")
REASON_LABELS = {
    "volume": "Large numbers needed",
    "hard-to-fill": "Hardest to fill",
    "turnover": "Highest turnover",
    "cost": "Biggest cost impact",
    "growth": "Biggest growth impact",
}
HORIZONS = ("early-win", "short-term", "long-term")
HORIZON_LABELS = {
    "early-win": "Early win",
    "short-term": "Short term (3-6 months)",
    "long-term": "Long term (6-12 months)",
}
KSA_KINDS = ("knowledge", "skill", "ability")
DEFAULT_LEVELS = ("Entry", "Mid", "Advanced")
ROUNDS = (1, 2)

MAX_TEXT = 500  # a card or task: what fits on an index card, with room to spare
MAX_LONG_TEXT = 20_000  # notes and discussion: generous, but not unbounded

# Roles that speak for employers in the room; partners listen.
EMPLOYER_ROLES = ("employer", "hiring-authority", "employee")


@dataclass(frozen=True)
class Partnership:
    name: str = ""
    industry: str = ""
    region: str = ""
    industry_code: str = ""  # OEWS industry code, "" = not picked
    area_code: str = ""  # OEWS area code, "" = national

    id: str = "partnership"  # there is one per workspace
    convener_name: str = ""  # who sends what leaves the room: the e-mail draft's From
    convener_email: str = ""
    cc_partners: bool = True  # the e-mail draft copies listening partners (Cc); False leaves them out


@dataclass(frozen=True)
class SessionInfo:
    id: str
    kind: str = "critical-occupations"
    title: str = ""
    date: str = ""  # YYYY-MM-DD
    location: str = ""
    facilitator: str = ""
    reengage: str = ""  # when employers will hear from us again
    current_step: int = 1  # the script step the facilitator is on
    created: str = ""  # ISO timestamp, for ordering sessions of one date


@dataclass(frozen=True)
class Participant:
    id: str
    name: str
    organization: str = ""
    role: str = "employer"
    email: str = ""
    position: int = 0


@dataclass(frozen=True)
class Level:
    id: str
    name: str
    position: int = 0  # 0 is the bottom row (entry)


@dataclass(frozen=True)
class Category:
    id: str
    title: str
    colour: str = ""  # "#rrggbb"; "" = the default header colour
    position: int = 0


@dataclass(frozen=True)
class Card:
    id: str
    text: str
    kind: str = "occupation"
    category_id: str | None = None  # None: the unsorted tray
    level_id: str | None = None  # None: the skills row (skill cards) or unlevelled
    position: float = 0.0  # order within its cell
    author_id: str | None = None
    round: int = 1
    reasons: tuple[str, ...] = ()
    soc_code: str = ""
    soc_title: str = ""
    notes: str = ""
    stack_id: str | None = None  # the card this one is piled on
    prompt: bool = False  # a data prompt placed by the facilitator, not an employer's card
    education: str = ""  # typical education, for the pathway map
    credentials: str = ""
    description: str = ""  # a short job description and the tools and technology, for the pathway map
    tools: str = ""


@dataclass(frozen=True)
class Note:
    id: str
    step: int
    text: str
    topic: str = ""
    panel_id: str | None = None  # a skill panel's own script notes
    position: float = 0.0  # the order the notes were written or arranged in: data, kept by the interchange


@dataclass(frozen=True)
class NextStep:
    id: str
    text: str
    owner: str = ""
    due: str = ""
    horizon: str = "short-term"
    position: int = 0


@dataclass(frozen=True)
class Panel:
    id: str
    occupation: str
    soc_code: str = ""
    dots_per_participant: int = 3
    several_dots_per_task: bool = False
    revealed: bool = True
    voting_round: int = 1
    top_added: tuple[str, ...] = ()  # task ids the facilitator added to the top tasks
    top_dropped: tuple[str, ...] = ()  # task ids taken off the top tasks
    paths_into: tuple[str, ...] = ()
    paths_from: tuple[str, ...] = ()
    source_card_id: str | None = None
    position: int = 0


@dataclass(frozen=True)
class Function:
    id: str
    panel_id: str
    title: str
    position: int = 0


@dataclass(frozen=True)
class Task:
    id: str
    panel_id: str
    text: str
    function_id: str | None = None  # None: "unassigned", waiting to be sorted
    position: float = 0.0
    added_in_room: bool = False
    source: str = ""  # "template", "onet", "import", "" (typed)


@dataclass(frozen=True)
class Vote:
    id: str
    panel_id: str
    task_id: str
    participant_id: str | None  # None: a tally of physical dots
    dots: int = 1
    round: int = 1


@dataclass(frozen=True)
class Ksa:
    kind: str
    text: str


@dataclass(frozen=True)
class TaskDetail:
    id: str  # the task's id
    panel_id: str
    minimum: str = ""
    progression: str = ""
    performance: str = ""
    ksas: tuple[Ksa, ...] = ()


# table name -> (entity class, attribute on Session)
TABLES: dict[str, type] = {
    "participants": Participant,
    "levels": Level,
    "categories": Category,
    "cards": Card,
    "notes": Note,
    "next_steps": NextStep,
    "panels": Panel,
    "functions": Function,
    "tasks": Task,
    "votes": Vote,
    "task_details": TaskDetail,
    "program_details": ProgramDetail,
    "links": Link,
    "gap_rows": GapRow,
    "actions": Action,
    "resources": Resource,
}


@dataclass
class Session:
    info: SessionInfo
    participants: dict[str, Participant] = field(default_factory=dict)
    levels: dict[str, Level] = field(default_factory=dict)
    categories: dict[str, Category] = field(default_factory=dict)
    cards: dict[str, Card] = field(default_factory=dict)
    notes: dict[str, Note] = field(default_factory=dict)
    next_steps: dict[str, NextStep] = field(default_factory=dict)
    panels: dict[str, Panel] = field(default_factory=dict)
    functions: dict[str, Function] = field(default_factory=dict)
    tasks: dict[str, Task] = field(default_factory=dict)
    votes: dict[str, Vote] = field(default_factory=dict)
    task_details: dict[str, TaskDetail] = field(default_factory=dict)
    program_details: dict[str, ProgramDetail] = field(default_factory=dict)
    links: dict[str, Link] = field(default_factory=dict)
    gap_rows: dict[str, GapRow] = field(default_factory=dict)
    actions: dict[str, Action] = field(default_factory=dict)
    resources: dict[str, Resource] = field(default_factory=dict)

    @property
    def id(self) -> str:
        return self.info.id

    def table(self, name: str) -> dict:
        return getattr(self, name)

    # Ordered views: the wall and the exports read these, never the dicts' order.
    def ordered_levels(self) -> list[Level]:
        """Bottom (entry) to top (advanced)."""
        return sorted(self.levels.values(), key=lambda x: (x.position, x.id))

    def ordered_categories(self) -> list[Category]:
        return sorted(self.categories.values(), key=lambda x: (x.position, x.id))

    def ordered_participants(self) -> list[Participant]:
        return sorted(self.participants.values(), key=lambda x: (x.position, x.id))

    def ordered_next_steps(self) -> list[NextStep]:
        return sorted(self.next_steps.values(), key=lambda x: (x.position, x.id))

    def ordered_panels(self) -> list[Panel]:
        return sorted(self.panels.values(), key=lambda x: (x.position, x.id))

    def level_by_name(self, name: str) -> Level | None:
        wanted = name.strip().casefold()
        return next((lv for lv in self.levels.values() if lv.name.casefold() == wanted), None)

    def cards_in(self, category_id: str | None, level_id: str | None) -> list[Card]:
        """Cards of one cell, in order, stacked cards included."""
        cell = [c for c in self.cards.values() if c.category_id == category_id and c.level_id == level_id]
        return sorted(cell, key=lambda c: (c.position, c.id))

    def notes_for(self, step: int, panel_id: str | None = None) -> list[Note]:
        return sorted(
            (n for n in self.notes.values() if n.step == step and n.panel_id == panel_id),
            key=lambda n: (n.position, n.id),
        )

    def ordered_notes(self) -> list[Note]:
        """Every note: by panel (the wall's own first), script step, then the order they were put in."""
        return sorted(self.notes.values(), key=lambda n: (n.panel_id or "", n.step, n.position, n.id))


@dataclass
class Workspace:
    """A partnership and all its sessions: what one `.cardwall` file holds."""

    partnership: Partnership = field(default_factory=Partnership)
    sessions: dict[str, Session] = field(default_factory=dict)
    labor: LaborFigures = field(default_factory=LaborFigures)  # figures the partnership imported itself

    def ordered_sessions(self) -> list[Session]:
        return sorted(self.sessions.values(), key=lambda s: (s.info.date, s.info.created, s.id))

    def latest_session(self) -> Session | None:
        ordered = self.ordered_sessions()
        return ordered[-1] if ordered else None

    # Every change goes through get/put by key: (table, session_id, entity_id).
    def get(self, key: Key):
        table, session_id, entity_id = key
        if table == "partnership":
            return self.partnership
        if table in LABOR_TABLES:
            return self.labor.table(table).get(entity_id)
        session = self.sessions.get(session_id)
        if session is None:
            return None
        if table == "sessions":
            return session.info
        return session.table(table).get(entity_id)

    def put(self, key: Key, value) -> None:
        table, session_id, entity_id = key
        if table == "partnership":
            self.partnership = value if value is not None else Partnership()
            return
        if table == "sessions":
            if value is None:
                self.sessions.pop(session_id, None)
            elif session_id in self.sessions:
                self.sessions[session_id].info = value
            else:
                self.sessions[session_id] = Session(info=value)
            return
        entities = self.labor.table(table) if table in LABOR_TABLES else self.sessions[session_id].table(table)
        if value is None:
            entities.pop(entity_id, None)
        else:
            entities[entity_id] = value


Key = tuple[str, str, str]
