"""Rules of the sticky wall: stacks, what counts as critical, reason tallies.

A stack is a pile of cards naming the same occupation: every card in it
points (`stack_id`) at the card at the bottom of the pile, the root, and
shares the root's cell. Its size is how many employers named the occupation.
"""

from __future__ import annotations

from collections import Counter
from dataclasses import dataclass

from cardwall.model import REASONS, Card, Participant, Session


def stack_root(session: Session, card: Card) -> Card:
    if card.stack_id and card.stack_id in session.cards:
        return session.cards[card.stack_id]
    return card


def stack_members(session: Session, root: Card) -> list[Card]:
    """The whole pile, root first, then the others in the order they were piled."""
    others = sorted(session.cards.piled_on(root.id), key=lambda c: (c.position, c.id))
    return [root, *others]


def stacks_by_root(session: Session) -> dict[str, list[Card]]:
    """Every visible card (a root or a lone card) with its pile, in one pass."""
    piles: dict[str, list[Card]] = {}
    for card in session.cards.values():
        if not card.stack_id or card.stack_id not in session.cards:
            piles.setdefault(card.id, []).insert(0, card)
    for card in session.cards.values():
        if card.stack_id and card.stack_id in session.cards:
            piles.setdefault(card.stack_id, []).append(card)
    for root_id, pile in piles.items():
        rest = sorted((c for c in pile if c.id != root_id), key=lambda c: (c.position, c.id))
        piles[root_id] = [session.cards[root_id], *rest]
    return piles


def organizations(session: Session, cards: list[Card]) -> list[str]:
    """The distinct organizations (or names) behind some cards, in order of first appearance."""
    seen: list[str] = []
    for card in cards:
        who = session.participants.get(card.author_id) if card.author_id else None
        label = _who(who)
        if label and label not in seen:
            seen.append(label)
    return seen


def _who(person: Participant | None) -> str:
    if person is None:
        return ""
    return person.organization or person.name


@dataclass(frozen=True)
class CriticalOccupation:
    """One occupation on the wall, as the summary and the crosswalk report it."""

    root: Card
    cards: tuple[Card, ...]
    category: str
    level: str
    employers: int  # how many employers named it: the stack's size, counted by organization
    organizations: tuple[str, ...]
    reasons: Counter
    third_card: bool  # named (also) in the "third card" round


def critical_occupations(session: Session) -> list[CriticalOccupation]:
    """Occupation stacks sorted onto the wall (a category and a level), most named first.

    "Critical" is what employers put on the wall: every occupation card that
    has left the tray is one; the pile size ranks them, then the reasons given.
    """
    levels = {lv.id: lv for lv in session.levels.values()}
    categories = {c.id: c for c in session.categories.values()}
    out = []
    for pile in stacks_by_root(session).values():
        root = pile[0]
        if root.kind != "occupation" or root.prompt:
            continue
        if root.category_id not in categories or root.level_id not in levels:
            continue
        orgs = organizations(session, pile)
        reasons: Counter = Counter()
        for card in pile:
            reasons.update(r for r in card.reasons if r in REASONS)
        out.append(
            CriticalOccupation(
                root=root,
                cards=tuple(pile),
                category=categories[root.category_id].title,
                level=levels[root.level_id].name,
                employers=len(orgs) + sum(1 for c in pile if not c.author_id),
                organizations=tuple(orgs),
                reasons=reasons,
                third_card=any(c.round == 2 for c in pile),
            )
        )
    cat_order = {c.id: c.position for c in session.categories.values()}
    out.sort(key=lambda o: (-o.employers, -sum(o.reasons.values()), cat_order[o.root.category_id], o.root.position))
    return out


def reason_totals(occupations: list[CriticalOccupation]) -> Counter:
    total: Counter = Counter({r: 0 for r in REASONS})
    for occupation in occupations:
        total.update(occupation.reasons)
    return total


def matching_cards(session: Session, text: str) -> list[Card]:
    """Cards already on the wall whose text is the same as `text`, ignoring case and spacing."""
    wanted = " ".join(text.casefold().split())
    if not wanted:
        return []
    return [c for c in session.cards.values() if not c.stack_id and " ".join(c.text.casefold().split()) == wanted]
