"""A session's cards by id, indexed by cell and by pile as they change, so a command touches a cell, not the wall.

`Session.cards` is a `CardTable`: a dict (reads cost what a dict's cost) whose
writes also keep who stands in each cell and who is piled on whom. Without it,
adding a card scanned every card for the end of its cell, and an import of
5,000 cards took seconds, quadratic in the wall's size. Every way a dict can
be written goes through `_add`/`_drop`, so the index cannot drift from the
cards; `index_problems` says where it would have.
"""

from __future__ import annotations

from collections.abc import Iterable

Cell = tuple  # (category_id, level_id); (None, None) is the tray


class CardTable(dict):
    """card id -> Card, with the cards of each cell and the cards piled on each card at hand."""

    __slots__ = ("_cells", "_ends", "_piles")

    def __init__(self, *args, **kwargs) -> None:
        super().__init__()
        self._cells: dict[Cell, dict] = {}  # cell -> {card id: card}, piled cards included
        self._piles: dict[str, dict] = {}  # stack id written on cards -> {card id: card}
        self._ends: dict[Cell, float] = {}  # cell -> its last position, kept while known
        self.update(*args, **kwargs)

    # --- questions ----------------------------------------------------------------------------

    def in_cell(self, category_id, level_id) -> Iterable:
        """The cards of one cell (piled ones too), in no particular order."""
        return self._cells.get((category_id, level_id), {}).values()

    def cell_end(self, category_id, level_id) -> float:
        """The highest position in a cell (0.0 when it is empty): a new card goes after it."""
        cell = (category_id, level_id)
        end = self._ends.get(cell)
        if end is None:
            members = self._cells.get(cell)
            if not members:
                return 0.0  # kept for cells that hold cards only: an empty cell's first card sets it
            end = self._ends[cell] = max(c.position for c in members.values())
        return end

    def cells(self) -> Iterable[Cell]:
        """Every cell that holds a card."""
        return self._cells.keys()

    def piled_on(self, card_id: str) -> Iterable:
        """The cards whose stack id names `card_id`, in no particular order."""
        return self._piles.get(card_id, {}).values()

    def index_problems(self) -> list[str]:
        """Where the index disagrees with a fresh scan of the cards (none, unless something wrote around it)."""
        fresh = CardTable()
        for card in self.values():
            fresh._add(card)
        out = []
        if self._cells != fresh._cells:
            out.append("the cards by cell differ from the cards")
        if self._piles != fresh._piles:
            out.append("the cards by pile differ from the cards")
        for cell, end in self._ends.items():
            if end != fresh.cell_end(*cell):
                out.append(f"the end of cell {cell} is {end}, the cards say {fresh.cell_end(*cell)}")
        return out

    # --- keeping the index: every write comes through here -------------------------------------

    def _add(self, card) -> None:
        cell = (card.category_id, card.level_id)
        self._cells.setdefault(cell, {})[card.id] = card
        end = self._ends.get(cell)
        if (card.position > end) if end is not None else len(self._cells[cell]) == 1:
            self._ends[cell] = card.position  # else unknown stays unknown: found when asked
        if card.stack_id is not None:
            self._piles.setdefault(card.stack_id, {})[card.id] = card

    def _drop(self, card) -> None:
        cell = (card.category_id, card.level_id)
        members = self._cells.get(cell)
        if members is not None:
            members.pop(card.id, None)
            if not members:
                del self._cells[cell]
                self._ends.pop(cell, None)
            elif self._ends.get(cell) == card.position:
                del self._ends[cell]  # the last card left: found again when asked
        if card.stack_id is not None:
            pile = self._piles.get(card.stack_id)
            if pile is not None:
                pile.pop(card.id, None)
                if not pile:
                    del self._piles[card.stack_id]

    # --- the dict's writes ----------------------------------------------------------------------

    def __setitem__(self, key, card) -> None:
        old = dict.get(self, key)
        if old is not None:
            self._drop(old)
        dict.__setitem__(self, key, card)
        self._add(card)

    def __delitem__(self, key) -> None:
        card = dict.pop(self, key)
        self._drop(card)

    _MISSING = object()

    def pop(self, key, default=_MISSING):
        if key in self:
            card = dict.pop(self, key)
            self._drop(card)
            return card
        if default is CardTable._MISSING:
            raise KeyError(key)
        return default

    def popitem(self):
        key, card = dict.popitem(self)
        self._drop(card)
        return key, card

    def setdefault(self, key, default=None):
        if key not in self:
            self[key] = default
        return dict.__getitem__(self, key)

    def update(self, *args, **kwargs) -> None:
        cards = dict(*args, **kwargs)
        if self:
            for key, card in cards.items():
                self[key] = card
            return
        # Filling an empty table (a file opened, a session copied): one pass, the cells' ends found when asked.
        dict.update(self, cards)
        cells, piles = self._cells, self._piles
        self._ends.clear()
        for card in cards.values():
            cell = (card.category_id, card.level_id)
            members = cells.get(cell)
            if members is None:
                members = cells[cell] = {}
            members[card.id] = card
            if card.stack_id is not None:
                pile = piles.get(card.stack_id)
                if pile is None:
                    pile = piles[card.stack_id] = {}
                pile[card.id] = card

    def __ior__(self, other):
        self.update(other)
        return self

    def clear(self) -> None:
        dict.clear(self)
        self._cells.clear()
        self._piles.clear()
        self._ends.clear()

    def copy(self) -> CardTable:
        return CardTable(self)

    def __reduce__(self):
        # copy, deepcopy and pickle rebuild the index from the cards, never share it.
        return (CardTable, (dict(self),))

    def __repr__(self) -> str:
        return f"CardTable({dict.__repr__(self)})"
