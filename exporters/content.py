"""What a session summary says, gathered once from the domain for the PDF, the Markdown and the e-mail.

Pure data, no layout: each exporter decides how it looks.
"""

from __future__ import annotations

import json
from dataclasses import dataclass, field
from datetime import date

import resources
from cardwall import panels as panel_rules
from cardwall import wall
from cardwall.meetings import Comparison, compare
from cardwall.model import HORIZON_LABELS, NextStep, Panel, Participant, Session, Workspace
from cardwall.people import employers, partners, role_label


@dataclass(frozen=True)
class Attendee:
    organization: str  # "" when the person came on their own
    people: tuple[Participant, ...]


@dataclass(frozen=True)
class StepNotes:
    step: int
    title: str
    notes: tuple  # Note, in order


@dataclass
class Summary:
    partnership_name: str
    industry: str
    region: str
    kind: str
    title: str
    date: str
    date_text: str
    location: str
    facilitator: str
    reengage: str
    employers: list[Attendee]
    partners: list[Attendee]
    occupations: list[wall.CriticalOccupation] = field(default_factory=list)
    levels_top_down: list[str] = field(default_factory=list)
    categories: list[str] = field(default_factory=list)  # left to right
    reason_totals: dict[str, int] = field(default_factory=dict)
    skills: list[tuple[str, list[str]]] = field(default_factory=list)  # (category, skill texts)
    said: list[StepNotes] = field(default_factory=list)
    next_steps: list[NextStep] = field(default_factory=list)
    panels: list[PanelDigest] = field(default_factory=list)


@dataclass(frozen=True)
class PanelDigest:
    panel: Panel
    slug: str
    functions: int
    tasks: int
    dots: int
    top: tuple  # RankedTask, the most-voted first
    round_dots: dict = field(default_factory=dict)  # task id -> (round 1 dots, round 2 dots)
    across: Comparison | None = None  # carried from an earlier meeting: its dots beside this one's

    @property
    def rounds(self) -> bool:
        """Both rounds voted: hiring authorities (1) and high performers (2) are compared side by side."""
        return any(r2 for _, r2 in self.round_dots.values()) and any(r1 for r1, _ in self.round_dots.values())


def date_text(iso: str, *, short: bool = False) -> str:
    """'2026-10-14' -> '14 October 2026' (or '14 Oct 2026' for tables); anything else as typed."""
    try:
        d = date.fromisoformat(iso)
    except (TypeError, ValueError):
        return iso or ""
    return f"{d.day} {d.strftime('%b' if short else '%B')} {d.year}"


def _group_by_organization(people: list[Participant]) -> list[Attendee]:
    groups: dict[str, list[Participant]] = {}
    for person in people:
        groups.setdefault(person.organization.strip(), []).append(person)
    named = sorted((k for k in groups if k), key=str.casefold)
    out = [Attendee(org, tuple(groups[org])) for org in named]
    if "" in groups:
        out.append(Attendee("", tuple(groups[""])))
    return out


def script_steps(kind: str) -> dict[int, str]:
    """Step number -> its title in the facilitation script of this session kind."""
    try:
        data = json.loads(resources.path("script", f"{kind}.json").read_text(encoding="utf-8"))
    except (OSError, ValueError):
        return {}
    return {int(s["step"]): s.get("title", "") for s in data.get("steps", []) if "step" in s}


def gather(ws: Workspace, session_id: str, *, brief_slugs: dict[str, str] | None = None) -> Summary:
    session = ws.sessions[session_id]
    info = session.info
    people = session.ordered_participants()
    summary = Summary(
        partnership_name=ws.partnership.name,
        industry=ws.partnership.industry,
        region=ws.partnership.region,
        kind=info.kind,
        title=info.title,
        date=info.date,
        date_text=date_text(info.date),
        location=info.location,
        facilitator=info.facilitator,
        reengage=info.reengage,
        employers=_group_by_organization(employers(people)),
        partners=_group_by_organization(partners(people)),
        next_steps=session.ordered_next_steps(),
    )
    if info.kind == "critical-occupations":
        summary.occupations = wall.critical_occupations(session)
        summary.levels_top_down = [lv.name for lv in reversed(session.ordered_levels())]
        summary.categories = [c.title for c in session.ordered_categories()]
        summary.reason_totals = dict(wall.reason_totals(summary.occupations))
        summary.skills = skills_by_category(session)
    summary.said = said_by_step(session)
    slugs = brief_slugs or {}
    for panel in session.ordered_panels():
        ranked = panel_rules.ranking(session, panel.id)
        top_ids = {t.id for t in panel_rules.top_tasks(session, panel)}
        summary.panels.append(
            PanelDigest(
                panel=panel,
                slug=slugs.get(panel.id, ""),
                functions=len(panel_rules.functions_of(session, panel.id)),
                tasks=len(panel_rules.tasks_of(session, panel.id)),
                dots=sum(panel_rules.totals(session, panel.id).values()),
                top=tuple(r for r in ranked if r.task.id in top_ids),
                round_dots=round_dots(session, panel.id),
                across=compare(ws, session.id, panel.id),
            )
        )
    return summary


ROUND_NOTE = "Round 1: hiring authorities; round 2: high-performing employees (the seeds' focus groups)."


def round_dots(session: Session, panel_id: str) -> dict[str, tuple[int, int]]:
    """Task id -> (dots in round 1, dots in round 2)."""
    first = panel_rules.totals(session, panel_id, 1)
    second = panel_rules.totals(session, panel_id, 2)
    return {t: (first.get(t, 0), second.get(t, 0)) for t in {*first, *second}}


def occupations_by_level(summary: Summary) -> list[tuple[str, list[wall.CriticalOccupation]]]:
    """The wall as rows: the top level (advanced) first, each row in category order."""
    column = {title: i for i, title in enumerate(summary.categories)}
    out = []
    for level in summary.levels_top_down:
        row = sorted(
            (o for o in summary.occupations if o.level == level),
            key=lambda o: (column.get(o.category, len(column)), -o.employers, o.root.position),
        )
        if row:
            out.append((level, row))
    return out


def skills_by_category(session: Session) -> list[tuple[str, list[str]]]:
    out = []
    for category in session.ordered_categories():
        texts = [
            c.text
            for c in sorted(session.cards.values(), key=lambda c: (c.level_id is not None, c.position, c.id))
            if c.kind == "skill" and c.category_id == category.id and not c.stack_id
        ]
        if texts:
            out.append((category.title, texts))
    loose = [c.text for c in session.cards.values() if c.kind == "skill" and c.category_id is None and not c.stack_id]
    if loose:
        out.append(("Not yet sorted", loose))
    return out


def said_by_step(session: Session) -> list[StepNotes]:
    titles = script_steps(session.info.kind)
    steps: dict[int, list] = {}
    for note in sorted(session.notes.values(), key=lambda n: (n.step, n.panel_id or "", n.position, n.id)):
        if note.text.strip() or note.topic.strip():
            steps.setdefault(note.step, []).append(note)
    return [StepNotes(step, titles.get(step, f"Step {step}"), tuple(notes)) for step, notes in sorted(steps.items())]


def discussion_notes(occupation: wall.CriticalOccupation) -> str:
    """The crosswalk's "notes from the employer discussion": every card's notes in the pile, once each."""
    notes: list[str] = []
    for card in occupation.cards:
        text = " ".join(card.notes.split())
        if text and text not in notes:
            notes.append(text)
    return " / ".join(notes)


def who(person: Participant) -> str:
    # Employers and partners are said by the list they are in; the other roles are named.
    named = person.role in ("hiring-authority", "employee")
    return f"{person.name} ({role_label(person.role)})" if named else person.name


def attendee_line(group: Attendee) -> tuple[str, str]:
    """(organization, the people from it) for lists of who came."""
    return group.organization or "Independent", ", ".join(who(p) for p in group.people)


def horizon_label(step: NextStep) -> str:
    return HORIZON_LABELS.get(step.horizon, step.horizon)
