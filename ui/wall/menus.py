"""Right-click menus of the wall: on a card, a header, a level label, the background.

Every entry runs a command through the controller; dialogs only ask for a
name or a colour.
"""

from __future__ import annotations

from PySide6.QtCore import QPointF
from PySide6.QtGui import QColor
from PySide6.QtWidgets import QColorDialog, QInputDialog, QMenu

from cardwall.commands import (
    AddCategory,
    AddLevel,
    DeleteCards,
    DeleteCategory,
    DeleteLevel,
    EditCard,
    EditCategory,
    MoveLevel,
    RenameLevel,
    SplitStack,
    StackCards,
    UnstackCard,
)
from cardwall.model import CARD_KINDS, REASON_LABELS, REASONS

# The families facilitators reach for first, then the SOC major groups (SOC 2018, as in OEWS May 2025).
PRESET_CATEGORIES = ("Production", "Engineering", "Transportation", "Sales", "Office support", "Management")
SOC_MAJOR_GROUPS = (
    ("11-0000", "Management Occupations"),
    ("13-0000", "Business and Financial Operations Occupations"),
    ("15-0000", "Computer and Mathematical Occupations"),
    ("17-0000", "Architecture and Engineering Occupations"),
    ("19-0000", "Life, Physical, and Social Science Occupations"),
    ("21-0000", "Community and Social Service Occupations"),
    ("23-0000", "Legal Occupations"),
    ("25-0000", "Educational Instruction and Library Occupations"),
    ("27-0000", "Arts, Design, Entertainment, Sports, and Media Occupations"),
    ("29-0000", "Healthcare Practitioners and Technical Occupations"),
    ("31-0000", "Healthcare Support Occupations"),
    ("33-0000", "Protective Service Occupations"),
    ("35-0000", "Food Preparation and Serving Related Occupations"),
    ("37-0000", "Building and Grounds Cleaning and Maintenance Occupations"),
    ("39-0000", "Personal Care and Service Occupations"),
    ("41-0000", "Sales and Related Occupations"),
    ("43-0000", "Office and Administrative Support Occupations"),
    ("45-0000", "Farming, Fishing, and Forestry Occupations"),
    ("47-0000", "Construction and Extraction Occupations"),
    ("49-0000", "Installation, Maintenance, and Repair Occupations"),
    ("51-0000", "Production Occupations"),
    ("53-0000", "Transportation and Material Moving Occupations"),
)


class WallMenus:
    def __init__(self, interactions) -> None:
        self.i = interactions
        self.scene = interactions.scene
        self.sid = interactions.session_id

    @property
    def session(self):
        return self.i.controller.ws.sessions[self.sid]

    def run(self, command):
        return self.i.run(command)

    def popup(self, pos: QPointF, global_pos) -> None:
        menu = self.menu_at(pos)
        if menu is not None:
            menu.exec(global_pos)

    def menu_at(self, pos: QPointF) -> QMenu | None:
        """The menu for what is under `pos` (built, not shown: tests trigger its actions)."""
        card = self.scene.card_item_at(pos)
        if card is not None:
            return self.card_menu(card)
        header = self.scene.header_at(pos)
        if header is not None:
            return self.header_menu(header.category_id)
        label = self.scene.label_at(pos)
        if label is not None:
            return self.level_menu(label.level_id)
        return self.background_menu()

    # --- cards ---------------------------------------------------------------------------------

    def card_menu(self, item) -> QMenu:
        menu = QMenu(self.i.view)
        ids = self.i.page.selected_card_ids() or [item.card_id]
        card = item.card
        menu.addAction("Edit text (F2)", lambda: self.i.edit_in_place(item))
        kinds = menu.addMenu("Kind")
        for kind in CARD_KINDS:
            action = kinds.addAction(kind.capitalize(), lambda k=kind: self._set_on_all(ids, kind=k))
            action.setCheckable(True)
            action.setChecked(card.kind == kind and not card.prompt)
        prompt = kinds.addAction(
            "Data prompt (not an employer's card)", lambda: self._set_on_all(ids, prompt=not card.prompt)
        )
        prompt.setCheckable(True)
        prompt.setChecked(card.prompt)
        reasons = menu.addMenu("Why critical" + (f" (the pile of {item.count})" if item.count > 1 else ""))
        pile = self.scene.layout.piles.get(item.card_id, [card]) if item.count > 1 else [card]
        for reason in REASONS:
            given = sum(reason in c.reasons for c in pile)
            label = REASON_LABELS[reason] + (f"  ({given} of {len(pile)})" if len(pile) > 1 else "")
            action = reasons.addAction(label, lambda r=reason, p=pile: self._toggle_reason([c.id for c in p], r))
            action.setCheckable(True)
            action.setChecked(given == len(pile))
        if card.kind == "occupation" and not card.prompt:
            menu.addAction("Suggest SOC code…", lambda: self.suggest_soc(item.card_id))
        menu.addSeparator()
        others = [cid for cid in ids if cid != item.card_id]
        if others:
            menu.addAction(
                f"Stack {len(others)} selected onto this card",
                lambda: self.run(StackCards(self.sid, others, item.member_of or item.card_id)),
            )
        root = item.member_of or item.card_id
        if item.count > 1 or item.member_of:
            expanded = root in self.scene.expanded
            menu.addAction("Collapse stack" if expanded else "Expand stack", lambda: self.scene.toggle_expanded(root))
            menu.addAction("Take this card off the pile", lambda: self.run(UnstackCard(self.sid, item.card_id)))
            menu.addAction("Split stack", lambda: self.run(SplitStack(self.sid, root)))
        menu.addSeparator()
        label = f"Delete {len(ids)} cards" if len(ids) > 1 else "Delete card"
        menu.addAction(label + " (Del)", lambda: self.run(DeleteCards(self.sid, ids)))
        return menu

    def suggest_soc(self, card_id: str) -> None:
        """The SOC dock comes forward on this card, its suggestions ready for Enter."""
        from ui.data.soc_dock import suggest_soc_for_card

        suggest_soc_for_card(self.i.page, card_id)

    def _set_on_all(self, ids: list[str], **changes) -> None:
        from cardwall.commands import Batch

        commands = [EditCard(self.sid, cid, **changes) for cid in ids]
        self.run(commands[0] if len(commands) == 1 else Batch("Change cards", commands))

    def _toggle_reason(self, card_ids: list[str], reason: str) -> None:
        """On one card the reason flips; on a pile it goes on every card, or off all when all have it."""
        from cardwall.commands import Batch

        cards = [self.session.cards[cid] for cid in card_ids]
        on = not all(reason in c.reasons for c in cards)
        commands = [
            EditCard(
                self.sid,
                c.id,
                reasons=tuple(r for r in REASONS if (r == reason and on) or (r != reason and r in c.reasons)),
            )
            for c in cards
            if (reason in c.reasons) != on
        ]
        self.run(commands[0] if len(commands) == 1 else Batch("Why critical on the pile", commands))

    # --- categories ----------------------------------------------------------------------------

    def header_menu(self, category_id: str) -> QMenu:
        menu = QMenu(self.i.view)
        menu.addAction("Rename…", lambda: self.rename_category(category_id))
        menu.addAction("Colour…", lambda: self.recolour_category(category_id))
        menu.addAction("Default colour", lambda: self.run(EditCategory(self.sid, category_id, colour="")))
        menu.addSeparator()
        menu.addAction(
            "Delete category (its cards go to Unsorted)", lambda: self.run(DeleteCategory(self.sid, category_id))
        )
        return menu

    def rename_category(self, category_id: str) -> None:
        category = self.session.categories[category_id]
        title, ok = QInputDialog.getText(self.i.view, "Rename category", "Title:", text=category.title)
        if ok and title.strip() and title.strip() != category.title:
            self.run(EditCategory(self.sid, category_id, title=title))

    def recolour_category(self, category_id: str) -> None:
        category = self.session.categories[category_id]
        colour = QColorDialog.getColor(QColor(category.colour or self.scene.look.header), self.i.view, "Header colour")
        if colour.isValid():
            self.run(EditCategory(self.sid, category_id, colour=colour.name()))

    def background_menu(self) -> QMenu:
        menu = QMenu(self.i.view)
        add = menu.addMenu("Add category")
        taken = {c.title.casefold() for c in self.session.categories.values()}
        for title in PRESET_CATEGORIES:
            action = add.addAction(title, lambda t=title: self.run(AddCategory(self.sid, t)))
            action.setEnabled(title.casefold() not in taken)
        soc = add.addMenu("SOC major groups")
        for code, title in SOC_MAJOR_GROUPS:
            action = soc.addAction(f"{code}  {title}", lambda t=title: self.run(AddCategory(self.sid, t)))
            action.setEnabled(title.casefold() not in taken)
        add.addSeparator()
        add.addAction("Other…", self.add_category)
        menu.addAction("Add level on top…", lambda: self.add_level(len(self.session.levels)))
        menu.addSeparator()
        menu.addAction("Fit the wall (F)", self.i.view.fit_and_follow)
        return menu

    def add_category(self) -> None:
        title, ok = QInputDialog.getText(self.i.view, "Add category", "Title of the new column:")
        if ok and title.strip():
            self.run(AddCategory(self.sid, title))

    # --- levels --------------------------------------------------------------------------------

    def level_menu(self, level_id: str | None) -> QMenu:
        menu = QMenu(self.i.view)
        if level_id is None:  # the skills row is not a level
            menu.addAction("Add level at the bottom…", lambda: self.add_level(0))
            return menu
        index = [lv.id for lv in self.session.ordered_levels()].index(level_id)
        top = len(self.session.levels) - 1
        menu.addAction("Rename…", lambda: self.rename_level(level_id))
        menu.addAction("Add level above…", lambda: self.add_level(index + 1))
        menu.addAction("Add level below…", lambda: self.add_level(index))
        menu.addSeparator()
        up = menu.addAction("Move up", lambda: self.run(MoveLevel(self.sid, level_id, index + 1)))
        up.setEnabled(index < top)
        down = menu.addAction("Move down", lambda: self.run(MoveLevel(self.sid, level_id, index - 1)))
        down.setEnabled(index > 0)
        menu.addSeparator()
        menu.addAction("Remove level (its cards go to Unsorted)", lambda: self.run(DeleteLevel(self.sid, level_id)))
        return menu

    def rename_level(self, level_id: str) -> None:
        level = self.session.levels[level_id]
        name, ok = QInputDialog.getText(self.i.view, "Rename level", "Name:", text=level.name)
        if ok and name.strip() and name.strip() != level.name:
            self.run(RenameLevel(self.sid, level_id, name))

    def add_level(self, index: int) -> None:
        name, ok = QInputDialog.getText(self.i.view, "Add level", "Name of the new level:")
        if ok and name.strip():
            self.run(AddLevel(self.sid, name, index=index))
