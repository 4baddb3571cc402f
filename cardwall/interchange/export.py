"""A session as a `cardwall-session/1` dict (docs/FORMAT.md), in the order the wall shows it."""

from __future__ import annotations

from cardwall.interchange.later import later_dict, program_dict
from cardwall.interchange.reader import FORMAT
from cardwall.model import Card, Panel, Session, Task, Workspace
from cardwall.panels import functions_of, tasks_of
from cardwall.wall import stacks_by_root


def _or_none(value):
    return value if value not in ("", None) else None


def session_to_dict(ws: Workspace, session_id: str) -> dict:
    session = ws.sessions[session_id]
    info = session.info
    levels = session.ordered_levels()
    level_names = {lv.id: lv.name for lv in levels}
    categories = session.ordered_categories()

    def card_dict(card: Card) -> dict:
        out = {
            "id": card.id,
            "kind": card.kind,
            "text": card.text,
            "category": card.category_id,
            "level": level_names.get(card.level_id),
            "author": card.author_id,
            "round": card.round,
            "reasons": list(card.reasons),
            "soc_code": _or_none(card.soc_code),
            "soc_title": _or_none(card.soc_title),
            "notes": _or_none(card.notes),
            "stack": card.stack_id,
            "prompt": card.prompt,
            "education": _or_none(card.education),
            "credentials": _or_none(card.credentials),
            "description": _or_none(card.description),
            "tools": _or_none(card.tools),
        }
        program = program_dict(session, card)
        if program is not None:
            out["program"] = program
        return out

    # Cards cell by cell (tray first), each pile right after its root: the file's order is the wall's.
    piles = stacks_by_root(session)
    cell_order = {None: -1, **{c.id: c.position for c in categories}}
    level_order = {None: -1, **{lv.id: lv.position for lv in levels}}
    roots = sorted(
        (p[0] for p in piles.values()),
        key=lambda c: (cell_order.get(c.category_id, 1e9), level_order.get(c.level_id, 1e9), c.position, c.id),
    )
    cards = [card_dict(c) for root in roots for c in piles[root.id]]

    return {
        "format": FORMAT,
        "partnership": {
            "name": ws.partnership.name,
            "industry": ws.partnership.industry,
            "region": ws.partnership.region,
            "industry_code": _or_none(ws.partnership.industry_code),
            "area_code": _or_none(ws.partnership.area_code),
            "convener_name": _or_none(ws.partnership.convener_name),
            "convener_email": _or_none(ws.partnership.convener_email),
            "cc_partners": ws.partnership.cc_partners,
        },
        "session": {
            "kind": info.kind,
            "title": info.title,
            "date": _or_none(info.date),
            "location": _or_none(info.location),
            "facilitator": _or_none(info.facilitator),
            "reengage": _or_none(info.reengage),
            "current_step": info.current_step,
        },
        "participants": [
            {
                "id": p.id,
                "name": p.name,
                "organization": _or_none(p.organization),
                "role": p.role,
                "email": _or_none(p.email),
            }
            for p in session.ordered_participants()
        ],
        "levels": [lv.name for lv in levels],
        "categories": [{"id": c.id, "title": c.title, "colour": _or_none(c.colour)} for c in categories],
        "cards": cards,
        # A note's id and position keep the step's notes box and the order people wrote them in.
        "notes": [
            {"id": n.id, "step": n.step, "topic": _or_none(n.topic), "text": n.text, "panel": n.panel_id, "position": i}
            for i, n in enumerate(session.ordered_notes())
        ],
        "next_steps": [
            {"text": s.text, "owner": _or_none(s.owner), "due": _or_none(s.due), "horizon": s.horizon}
            for s in session.ordered_next_steps()
        ],
        "panels": [_panel_dict(session, p) for p in session.ordered_panels()],
        **later_dict(session),
    }


def _panel_dict(session: Session, panel: Panel) -> dict:
    def task_dict(t: Task) -> dict:
        return {"id": t.id, "text": t.text, "added_in_room": t.added_in_room, "source": _or_none(t.source)}

    votes = sorted(
        (v for v in session.votes.values() if v.panel_id == panel.id),
        key=lambda v: (v.round, v.participant_id or "", v.task_id),
    )
    details = sorted((d for d in session.task_details.values() if d.panel_id == panel.id), key=lambda d: d.id)
    return {
        "id": panel.id,
        "occupation": panel.occupation,
        "soc_code": _or_none(panel.soc_code),
        "dots_per_participant": panel.dots_per_participant,
        "several_dots_per_task": panel.several_dots_per_task,
        "revealed": panel.revealed,
        "voting_round": panel.voting_round,
        "source_card": panel.source_card_id,
        "functions": [
            {"id": f.id, "title": f.title, "tasks": [task_dict(t) for t in tasks_of(session, panel.id, f.id)]}
            for f in functions_of(session, panel.id)
        ],
        "unassigned": [task_dict(t) for t in tasks_of(session, panel.id, None)],
        "votes": [
            {"participant": v.participant_id, "task": v.task_id, "dots": v.dots, "round": v.round} for v in votes
        ],
        "task_details": [
            {
                "task": d.id,
                "minimum": _or_none(d.minimum),
                "progression": _or_none(d.progression),
                "performance": _or_none(d.performance),
                "ksas": [{"kind": k.kind, "text": k.text} for k in d.ksas],
            }
            for d in details
        ],
        "top_tasks": {"added": list(panel.top_added), "dropped": list(panel.top_dropped)},
        "paths": {"into": list(panel.paths_into), "from": list(panel.paths_from)},
    }
