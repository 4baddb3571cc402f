"""Rules of the partnership's later work: the asset map, the training gap matrix and the action plan.

What the room sees beside the asset map (the wall's critical occupations, the panels'
top tasks and KSAs), how a gap matrix is seeded from them, and how a gap becomes a
draft action, all live here so the UI, the exports and the commands agree.
"""

from __future__ import annotations

from dataclasses import dataclass, replace

from cardwall.model import Action, Card, GapRow, Link, Session, Workspace
from cardwall.panels import top_tasks

SKILL_LEVEL_LABELS = {"higher": "Higher-skill", "middle": "Middle-skill", "lower": "Lower-skill"}
COVERAGE_LABELS = {"covered": "Covered", "partly": "Partly covered", "gap": "Gap", "": "Not judged"}
PARTNER_TYPE_LABELS = {
    "secondary-cte": "Secondary Career and Technical Education Partners",
    "post-secondary": "Post-Secondary Education Partners",
    "workforce": "Workforce Development Partners (WIOA partners, training providers, etc.)",
    "community-based": "Community-Based Organizations",
    "industry": "Industry Partners",
}
RESOURCE_COLUMNS = (  # seed 002, Appendix C
    ("organization", "Organization Name"),
    ("programs", "Key Programs"),
    ("services", "Primary Services"),
    ("restrictions", "Service Restrictions"),
    ("populations", "Targeted Populations"),
    ("resources", "Related Resources: Space, Staff, Training Equipment, etc."),
    ("notes", "Other Notes"),
    ("contact", "Contact Information"),
)
STATUS_LABELS = {"draft": "Draft", "agreed": "Agreed", "in-progress": "In progress", "done": "Done"}
WORK_EXPERIENCE = ("internship", "on-the-job", "apprenticeship")

# Seed 002, Appendix D: sample measures a facilitator can pick from (or type another).
SAMPLE_MEASURES = (
    "Employer participation",
    "Mapped competencies and career pathways",
    "Partner satisfaction",
    "Developed training programs",
    "Articulation agreements",
    "Industry outreach/awareness initiatives",
    "Participant enrollment in training",
    "Reduced recruitment costs",
    "Lower training costs",
    "Reduced turnover",
    "Increased # receiving industry-recognized credential(s)",
    "Increased # placed in employment in training-related field",
    "Improved job retention",
    "Enrollment in next pathway step",
)

# Seed 002, Appendix B: the matrix's columns, as the seed names them.
GAP_COLUMNS = (
    ("occupation", "Key Occupations in the Pathway"),
    ("content", "Key Training Content (competency areas)"),
    ("delivery", "Preferred Training Delivery Model(s)"),
    ("length", "Preferred Training Length"),
    ("credentials", "Required Credentials"),
    ("equipment", "Associated Equipment or Software Requirements"),
    ("notes", "Other Notes (instructor competencies, etc.)"),
)


def joins_the_room(session: Session) -> bool:
    """The room's devices write cards on a wall and vote on a skill panel: an asset map and an action plan,
    worked at the table by partners, take nothing from them."""
    return session.info.kind in ("critical-occupations", "skill-panel")


def has_skills_row(session: Session) -> bool:
    """The skills row (a third colour of card under each column) is the employers' wall's; an asset map's
    rows are its credential levels only."""
    return session.info.kind != "asset-map"


def programs(session: Session) -> list[Card]:
    """Program cards in wall order (column, row, position)."""
    cat = {c.id: c.position for c in session.categories.values()}
    lev = {lv.id: lv.position for lv in session.levels.values()}
    cards = [c for c in session.cards.values() if c.kind == "program"]
    return sorted(cards, key=lambda c: (cat.get(c.category_id, -1), lev.get(c.level_id, -1), c.position, c.id))


def ordered_links(session: Session) -> list[Link]:
    return sorted(session.links.values(), key=lambda x: x.id)


def ordered_gap_rows(session: Session) -> list[GapRow]:
    order = {lv: i for i, lv in enumerate(("higher", "middle", "lower"))}
    return sorted(session.gap_rows.values(), key=lambda r: (r.pathway, order.get(r.skill_level, 9), r.position, r.id))


def pathways(session: Session) -> list[str]:
    """The matrix's pathways, in order of first appearance (one sheet each in the workbook)."""
    return list(dict.fromkeys(r.pathway for r in ordered_gap_rows(session)))


def ordered_actions(session: Session) -> list[Action]:
    horizon = {"early-win": 0, "short-term": 1, "long-term": 2}
    return sorted(session.actions.values(), key=lambda a: (horizon.get(a.horizon, 9), a.position, a.id))


def ordered_resources(session: Session) -> list:
    """By partner type, in the seed's order, then as entered."""
    from cardwall.model import PARTNER_TYPES

    rank = {t: i for i, t in enumerate(PARTNER_TYPES)}
    return sorted(session.resources.values(), key=lambda r: (rank.get(r.partner_type, 9), r.position, r.id))


def suggested_horizon(impact: str, feasibility: str) -> str:
    """High impact and easy to do: an early win; hard to do: the long term; the rest in 3-6 months."""
    if feasibility == "high":
        return "early-win" if impact == "high" else "short-term"
    return "long-term"


def program_names(session: Session, row: GapRow) -> list[str]:
    return [session.cards[pid].text for pid in row.programs if pid in session.cards]


@dataclass(frozen=True)
class Need:
    """A critical occupation of the partnership's wall, with what its skill panel asked for."""

    occupation: str
    soc_code: str
    pathway: str  # the wall's column it sits in
    skill_level: str
    tasks: tuple[str, ...] = ()
    ksas: tuple[str, ...] = ()


def _wall_occupations(ws: Workspace) -> list[tuple[Card, Session]]:
    out = []
    for session in ws.ordered_sessions():
        if session.info.kind != "critical-occupations":
            continue
        for card in session.cards.values():
            if card.kind == "occupation" and card.stack_id is None and card.category_id and not card.prompt:
                out.append((card, session))
    return out


def _skill_level(session: Session, card: Card) -> str:
    levels = session.ordered_levels()
    index = next((i for i, lv in enumerate(levels) if lv.id == card.level_id), None)
    if index is None or 0 < index < len(levels) - 1:
        return "middle"
    return "lower" if index == 0 else "higher"


def needs(ws: Workspace) -> list[Need]:
    """The wall's critical occupations (piles once), then the panels' occupations not on a wall."""
    out: list[Need] = []
    panels = [(p, s) for s in ws.ordered_sessions() for p in s.ordered_panels()]
    used: set[str] = set()
    for card, session in _wall_occupations(ws):
        panel = next(
            (
                (p, s)
                for p, s in panels
                if p.id not in used
                and ((card.soc_code and p.soc_code == card.soc_code) or p.occupation.casefold() == card.text.casefold())
            ),
            None,
        )
        tasks: tuple[str, ...] = ()
        ksas: tuple[str, ...] = ()
        if panel:
            used.add(panel[0].id)
            tasks, ksas = _panel_content(*panel)
        pathway = session.categories[card.category_id].title if card.category_id in session.categories else ""
        out.append(Need(card.text, card.soc_code, pathway, _skill_level(session, card), tasks, ksas))
    industry = ws.partnership.industry
    for panel, session in panels:
        if panel.id not in used:
            tasks, ksas = _panel_content(panel, session)
            out.append(Need(panel.occupation, panel.soc_code, industry, "middle", tasks, ksas))
    return out


def _panel_content(panel, session: Session) -> tuple[tuple[str, ...], tuple[str, ...]]:
    tasks = top_tasks(session, panel)
    ksas: list[str] = []
    for task in tasks:
        detail = session.task_details.get(task.id)
        if detail:
            ksas += [k.text for k in detail.ksas]
    return tuple(t.text for t in tasks), tuple(dict.fromkeys(ksas))


def seed_rows(ws: Workspace) -> list[dict]:
    """Gap matrix rows for the occupations a skill panel looked at: key content from its top tasks and KSAs.

    Only occupations with a panel are seeded: those are the ones the partnership chose to study.
    """
    rows = []
    for need in needs(ws):
        if not need.tasks:
            continue
        content = "; ".join(need.tasks)
        if need.ksas:
            content += "\nKSAs: " + "; ".join(need.ksas)
        row = {"occupation": need.occupation, "pathway": need.pathway, "skill_level": need.skill_level}
        rows.append({**row, "content": content})
    return rows


def gap_text(row: GapRow) -> str:
    """How a gap is named on the action it becomes."""
    first = row.content.split("\n")[0].split(";")[0].strip()
    return f"{row.occupation}: {first}" if first else row.occupation


def leftovers_of_cards(session: Session, gone: set[str]) -> list:
    """What goes with deleted cards: their program details, their links, their mentions in the gap matrix."""
    writes: list = [(("program_details", session.id, cid), None) for cid in gone if cid in session.program_details]
    writes += [
        (("links", session.id, x.id), None)
        for x in session.links.values()
        if x.from_card_id in gone or x.to_card_id in gone
    ]
    for row in session.gap_rows.values():
        if set(row.programs) & gone:
            kept = tuple(p for p in row.programs if p not in gone)
            writes.append((("gap_rows", session.id, row.id), replace(row, programs=kept)))
    return writes


def later_problems(s: Session) -> list[str]:
    """Integrity of the later work: what links, details and matrix rows point to is there and of the right kind."""
    from cardwall.model import ACTION_STATUSES, COVERAGE, HORIZONS, IMPACTS, PARTNER_TYPES, SKILL_LEVELS

    out = []
    is_program = {c.id for c in s.cards.values() if c.kind == "program"}
    for detail in s.program_details.values():
        if detail.id not in is_program:
            out.append(f"program details {detail.id!r} belong to no program card.")
    for link in s.links.values():
        if link.from_card_id not in is_program or link.to_card_id not in is_program:
            out.append(f"link {link.id!r} does not join two program cards.")
        elif link.from_card_id == link.to_card_id:
            out.append(f"link {link.id!r} leads a program to itself.")
    for row in s.gap_rows.values():
        if row.skill_level not in SKILL_LEVELS or row.coverage not in (*COVERAGE, ""):
            out.append(f"gap matrix row {row.id!r} has an unknown level or coverage.")
        if any(p not in is_program for p in row.programs):
            out.append(f"gap matrix row {row.id!r} names a program that is not there.")
    for a in s.actions.values():
        if a.impact not in IMPACTS or a.feasibility not in IMPACTS or a.horizon not in HORIZONS:
            out.append(f"action {a.id!r} has an unknown impact, feasibility or horizon.")
        if a.status not in ACTION_STATUSES:
            out.append(f"action {a.id!r} has an unknown status.")
    for r in s.resources.values():
        if r.partner_type not in PARTNER_TYPES:
            out.append(f"resource map entry {r.id!r} has an unknown partner type.")
    return out
