"""What one device may see of the session: its own cards and dots, totals only once revealed.

No token, no other participant's hidden votes, nothing of other devices.
The note-taker's laptop also sees who is in the room (to pick an author)
and the current script step.
"""

from __future__ import annotations

import json
from functools import cache

import resources
from cardwall import voting
from cardwall.model import Participant
from cardwall.panels import functions_of, task_labels, tasks_of


@cache
def script_steps(kind: str) -> dict[int, dict]:
    data = json.loads(resources.path("script", f"{kind}.json").read_text(encoding="utf-8"))
    return {s["step"]: s for s in data["steps"]}


def card_prompts(kind: str) -> tuple[str, str]:
    """The first step's prompt (the two cards) and the third-card step's, from the script."""
    steps = script_steps(kind) if kind == "critical-occupations" else {}
    first = steps.get(1, {}).get("prompt", "Write the two positions that would hold your company back most.")
    third = next((s["prompt"] for s in steps.values() if "third card" in s["title"].casefold()), first)
    return first, third


def participant_view(person: Participant) -> dict:
    return {
        "id": person.id,
        "name": person.name,
        "organization": person.organization,
        "role": person.role,
        "may_vote": voting.may_vote(person),
    }


def state_view(room, device) -> dict:
    session = room.session
    info = session.info
    first, third = card_prompts(info.kind)
    step = script_steps(info.kind).get(info.current_step, {})
    me = session.participants.get(device.participant_id) if device.participant_id else None
    out = {
        "version": room.version,
        "session": {"id": info.id, "kind": info.kind, "title": info.title, "date": info.date},
        "step": {"number": info.current_step, "title": step.get("title", ""), "prompt": step.get("prompt", "")},
        "prompts": {"cards": first, "third": third},
        "room": {
            "cards": "cards" in room.open_for,
            "third": "third" in room.open_for,
            "dots": "dots" in room.open_for,
            "locked": room.locked,
        },
        "me": participant_view(me) if me else None,
        "role": "participant" if device.participant_id else "note-taker",
    }
    mine = [c for c in session.cards.values() if device.participant_id and c.author_id == device.participant_id]
    mine.sort(key=lambda c: (c.round, c.position, c.id))
    out["cards"] = [
        {
            "id": c.id,
            "text": c.text,
            "kind": c.kind,
            "round": c.round,
            "editable": c.category_id is None and c.stack_id is None,
        }
        for c in mine
    ]
    if device.participant_id is None:
        out["participants"] = [participant_view(p) for p in session.ordered_participants()]
    out["panel"] = _panel_view(session, room.panel_id, me)
    return out


def _panel_view(session, panel_id: str | None, me: Participant | None) -> dict | None:
    panel = session.panels.get(panel_id) if panel_id else None
    if panel is None:
        return None
    round_ = panel.voting_round
    mine: dict[str, int] = {}
    for vote in voting.visible_votes(session, panel, me.id if me else None, round_):
        if me and vote.participant_id == me.id:
            mine[vote.task_id] = mine.get(vote.task_id, 0) + vote.dots
    totals = voting.visible_totals(session, panel)
    labels = task_labels(session, panel.id)

    def task(t) -> dict:
        return {
            "id": t.id,
            "label": labels.get(t.id, ""),
            "text": t.text,
            "mine": mine.get(t.id, 0),
            "total": None if totals is None else totals.get(t.id, 0),
        }

    functions = [
        {"id": f.id, "title": f.title, "tasks": [task(t) for t in tasks_of(session, panel.id, f.id)]}
        for f in functions_of(session, panel.id)
    ]
    unsorted = tasks_of(session, panel.id, None)
    if unsorted:
        functions.append({"id": None, "title": "Not yet sorted", "tasks": [task(t) for t in unsorted]})
    return {
        "id": panel.id,
        "occupation": panel.occupation,
        "dots_per_participant": panel.dots_per_participant,
        "dots_left": voting.dots_left(session, panel, me.id, round_) if me and voting.may_vote_in(me, round_) else 0,
        "voting_round": round_,
        "not_a_voter": voting.not_a_voter(me, round_) if me else None,  # the round's rule, said on the phone
        "several_dots_per_task": panel.several_dots_per_task,
        "revealed": panel.revealed,
        "functions": functions,
    }
