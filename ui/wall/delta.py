"""What one command changed on the wall: the cards it names, their piles, and the cells to lay out again.

The scene keeps a `WallIndex` (every card as it last showed it, and who piles
onto whom) so that a command naming three cards costs three cards, not the
whole wall: piles of the roots touched are rebuilt, the cells whose cards,
order or piles changed are laid out again, and every other cell keeps its
geometry (ui/wall/layout.py `place`). Structural changes (categories, levels,
a pile's root coming or going) answer None: the scene rebuilds it all.
"""

from __future__ import annotations

from dataclasses import dataclass, field, replace

from cardwall.assets import has_skills_row
from cardwall.model import Card, Session
from ui.wall.layout import Cell, WallLayout, cell_of_root, cell_slots_after, place


def _place_of(card: Card) -> tuple:
    return card.category_id, card.level_id, card.position, card.stack_id


def root_of(card: Card, cards: dict[str, Card]) -> str:
    return card.stack_id if card.stack_id and card.stack_id in cards else card.id


class WallIndex:
    """The cards as the scene last showed them, and the members of each pile by the stack id written."""

    def __init__(self, session: Session) -> None:
        self.known: dict[str, Card] = dict(session.cards)
        self.members: dict[str, set[str]] = {}
        for card in session.cards.values():
            if card.stack_id:
                self.members.setdefault(card.stack_id, set()).add(card.id)

    def forget(self, card: Card) -> None:
        if card.stack_id:
            self.members.get(card.stack_id, set()).discard(card.id)

    def learn(self, card: Card) -> None:
        self.known[card.id] = card
        if card.stack_id:
            self.members.setdefault(card.stack_id, set()).add(card.id)


@dataclass
class Delta:
    roots: set[str] = field(default_factory=set)  # visible cards whose pile or face changed
    relaid: set[Cell] = field(default_factory=set)  # cells placed anew: their items move
    gone: set[str] = field(default_factory=set)  # cards no longer shown on their own
    layout: WallLayout | None = None  # the layout after the change: a new object that takes over the old one's dicts


def update(
    layout: WallLayout,
    index: WallIndex,
    session: Session,
    card_ids: set[str],
    expanded: set[str],
    legend_width: float,
) -> Delta | None:
    """The layout after a change to the cards named (`index` and `expanded` follow); None: rebuild it all."""
    cards, known = session.cards, index.known
    for card_id in card_ids:
        if (card_id in known) != (card_id in cards) and index.members.get(card_id):
            return None  # a pile's root came or went: its members change role
    moved = {c for c in card_ids if c not in known or c not in cards or _place_of(known[c]) != _place_of(cards[c])}
    old_roots = {root_of(known[c], known) for c in card_ids if c in known}
    categories = session.ordered_categories()
    levels = list(reversed(session.ordered_levels()))
    category_ids = {c.id for c in categories}
    level_ids = {lv.id for lv in levels}
    skills = has_skills_row(session)
    dirty = {cell_of_root(known[r], category_ids, level_ids, skills) for r in old_roots if moved and r in known}
    for card_id in card_ids:
        if card_id in known:
            index.forget(known.pop(card_id))
        if card_id in cards:
            index.learn(cards[card_id])
    new_roots = {root_of(cards[c], cards) for c in card_ids if c in cards}
    piles = layout.piles  # taken over, not copied: the scene drops the old layout
    delta = Delta()
    for root_id in old_roots | new_roots:
        card = cards.get(root_id)
        if card is None or root_of(card, cards) != root_id:
            piles.pop(root_id, None)
            delta.gone.add(root_id)
            continue
        rest = [cards[m] for m in index.members.get(root_id, ()) if m in cards]
        rest.sort(key=lambda c: (c.position, c.id))
        piles[root_id] = [card, *rest]
        delta.roots.add(root_id)
        if moved:
            dirty.add(cell_of_root(card, category_ids, level_ids, skills))
        if root_id in expanded and len(rest) < 1:
            expanded.discard(root_id)  # a pile split or taken apart is no longer fanned out
    if not moved:
        delta.layout = replace(layout, piles=piles, relaid=set())
        return delta
    contents: dict[Cell, tuple[list[str], list[str]]] = {}  # the dirty cells'; `place` knows the rest's
    touched = old_roots | new_roots
    for cell in dirty:
        added = [cards[r] for r in delta.roots if cell_of_root(cards[r], category_ids, level_ids, skills) == cell]
        before = layout.cells[cell].roots if cell in layout.cells else []
        contents[cell] = cell_slots_after(before, touched, added, cards, piles, expanded)
    fresh = place(categories, levels, contents, piles, legend_width, previous=layout, dirty=dirty, skills_row=skills)
    delta.relaid, delta.layout = fresh.relaid, fresh
    return delta
