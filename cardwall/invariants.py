"""The domain's integrity rules: what must hold of a workspace whatever commands made it.

Every command keeps these; `cardwall check` reports a file that breaks them, the
session importer refuses to write one, and the property tests assert them after
every command, undo and redo. Each problem is one sentence naming the session.
"""

from __future__ import annotations

import math
from collections import defaultdict

from cardwall.assets import later_problems
from cardwall.model import (
    CARD_KINDS,
    HORIZONS,
    KSA_KINDS,
    REASONS,
    ROLES,
    ROUNDS,
    SESSION_KINDS,
    TABLES,
    Session,
    Workspace,
)
from cardwall.panels import vote_id
from cardwall.voting import may_vote, may_vote_in

_STEPS = range(1, 21)


def problems(ws: Workspace) -> list[str]:
    """Every broken rule in the workspace (empty: sound)."""
    out: list[str] = []
    for session in ws.ordered_sessions():
        out += session_problems(session)
    return out


def session_problems(session: Session) -> list[str]:
    name = session.info.title or session.id
    found: list[str] = []
    for check in (_ids, _structure, _cards, _people_and_notes, _panels, _votes, later_problems):
        found += check(session)
    return [f"{name}: {p}" for p in found]


def _sane(value) -> bool:
    return isinstance(value, int | float) and not isinstance(value, bool) and math.isfinite(value)


def _ids(s: Session) -> list[str]:
    out = []
    if s.info.kind not in SESSION_KINDS:
        out.append(f"the session's kind {s.info.kind!r} is unknown.")
    for table in TABLES:
        for key, entity in s.table(table).items():
            if key != entity.id:
                out.append(f"{table} entry {key!r} carries the id {entity.id!r}.")
    return out


def _permutation(items, what: str) -> list[str]:
    positions = sorted(x.position for x in items)
    if positions != list(range(len(positions))):
        return [f"the {what} are not numbered 0 to {len(positions) - 1} (found {positions})."]
    return []


def _structure(s: Session) -> list[str]:
    out = []
    if not s.levels:
        out.append("the wall has no level.")
    out += _permutation(s.levels.values(), "levels")
    out += _permutation(s.categories.values(), "categories")
    names = [lv.name.casefold() for lv in s.levels.values()]
    if len(set(names)) != len(names):
        out.append("two levels have the same name.")
    for c in s.categories.values():
        if c.colour and not (len(c.colour) == 7 and c.colour[0] == "#" and _is_hex(c.colour[1:])):
            out.append(f"category {c.id} has the colour {c.colour!r}, not one like #3366cc.")
    return out


def _is_hex(text: str) -> bool:
    return all(ch in "0123456789abcdefABCDEF" for ch in text)


def _cards(s: Session) -> list[str]:
    out = []
    for card in s.cards.values():
        at = f"card {card.id}"
        if card.category_id is not None and card.category_id not in s.categories:
            out.append(f"{at} is in a category that does not exist.")
        if card.level_id is not None and card.level_id not in s.levels:
            out.append(f"{at} is on a level that does not exist.")
        if card.category_id is None and card.level_id is not None:
            out.append(f"{at} is in the unsorted tray but has a level.")
        if card.author_id is not None and card.author_id not in s.participants:
            out.append(f"{at} has an author who is not in the session.")
        if card.kind not in CARD_KINDS or card.round not in ROUNDS:
            out.append(f"{at} has an unknown kind or round.")
        if any(r not in REASONS for r in card.reasons):
            out.append(f"{at} gives an unknown reason.")
        if not _sane(card.position):
            out.append(f"{at} has no usable position ({card.position!r}).")
        if card.stack_id is not None:
            root = s.cards.get(card.stack_id)
            if root is None:
                out.append(f"{at} is stacked on a card that does not exist.")
            elif root.stack_id is not None:
                out.append(f"{at} is stacked on card {root.id}, which is itself in a pile.")
            elif (root.category_id, root.level_id) != (card.category_id, card.level_id):
                out.append(f"{at} is stacked on card {root.id} in another cell.")
    return out


def _people_and_notes(s: Session) -> list[str]:
    out = []
    for group, table in (("participants", s.participants), ("next steps", s.next_steps), ("panels", s.panels)):
        positions = [x.position for x in table.values()]
        if len(set(positions)) != len(positions):
            out.append(f"two {group} share a position.")
    for p in s.participants.values():
        if p.role not in ROLES:
            out.append(f"participant {p.id} has the unknown role {p.role!r}.")
        # (An e-mail address is checked at the door, not here: files from before the one address
        # rule may hold addresses it now refuses, and the draft e-mail skips what it cannot send.)
    for n in s.notes.values():
        if n.panel_id is not None and n.panel_id not in s.panels:
            out.append(f"note {n.id} belongs to a panel that does not exist.")
        if n.step not in _STEPS or not _sane(n.position):
            out.append(f"note {n.id} has no usable step or position.")
    for x in s.next_steps.values():
        if x.horizon not in HORIZONS:
            out.append(f"next step {x.id} has the unknown horizon {x.horizon!r}.")
    return out


def _panels(s: Session) -> list[str]:
    out = []
    for panel in s.panels.values():
        at = f"panel {panel.id}"
        if not 1 <= panel.dots_per_participant <= 20 or panel.voting_round not in ROUNDS:
            out.append(f"{at} has a budget or round out of range.")
        if panel.source_card_id is not None and panel.source_card_id not in s.cards:
            out.append(f"{at} comes from a card that does not exist.")
        for task_id in (*panel.top_added, *panel.top_dropped):
            if task_id not in s.tasks or s.tasks[task_id].panel_id != panel.id:
                out.append(f"{at} picks a top task {task_id!r} that is not one of its tasks.")
        out += _permutation([f for f in s.functions.values() if f.panel_id == panel.id], f"functions of {at}")
    for f in s.functions.values():
        if f.panel_id not in s.panels:
            out.append(f"function {f.id} belongs to no panel.")
    for t in s.tasks.values():
        if t.panel_id not in s.panels:
            out.append(f"task {t.id} belongs to no panel.")
        elif t.function_id is not None and (
            t.function_id not in s.functions or s.functions[t.function_id].panel_id != t.panel_id
        ):
            out.append(f"task {t.id} is under a function of no panel or of another panel.")
        if not _sane(t.position):
            out.append(f"task {t.id} has no usable position.")
    for d in s.task_details.values():
        if d.id not in s.tasks or s.tasks[d.id].panel_id != d.panel_id:
            out.append(f"the details of task {d.id} belong to no task of their panel.")
        if any(k.kind not in KSA_KINDS for k in d.ksas):
            out.append(f"the details of task {d.id} name an unknown kind of KSA.")
    return out


def _votes(s: Session) -> list[str]:
    out = []
    used: dict[tuple[str, str, int], int] = defaultdict(int)
    for vote in s.votes.values():
        at = f"a vote on task {vote.task_id}"
        task = s.tasks.get(vote.task_id)
        if task is None or task.panel_id != vote.panel_id:
            out.append(f"{at} is on a task that does not exist in its panel.")
            continue
        if vote.id != vote_id(vote.task_id, vote.participant_id, vote.round) or vote.round not in ROUNDS:
            out.append(f"{at} is filed under the wrong id or round.")
        if vote.dots < 1:
            out.append(f"{at} has {vote.dots} dots.")
        if vote.participant_id is None:
            continue
        person = s.participants.get(vote.participant_id)
        if person is None:
            out.append(f"{at} belongs to a participant who does not exist.")
            continue
        if not may_vote(person):
            out.append(f"{at} belongs to {person.name}, a partner, and partners place no dots.")
        elif not may_vote_in(person, vote.round):
            out.append(f"{at} belongs to {person.name}, a hiring authority, in round {vote.round}: not their round.")
        panel = s.panels.get(vote.panel_id)
        if panel is None:
            continue  # reported with the task
        if vote.dots > 1 and not panel.several_dots_per_task:
            out.append(f"{at} has {vote.dots} dots of {person.name} where one dot a task is the rule.")
        used[(vote.panel_id, person.id, vote.round)] += vote.dots
    for (panel_id, person_id, round_), dots in sorted(used.items()):
        budget = s.panels[panel_id].dots_per_participant
        if dots > budget:
            name = s.participants[person_id].name
            out.append(f"{name} has {dots} dots on panel {panel_id} in round {round_}; the budget is {budget}.")
    return out
