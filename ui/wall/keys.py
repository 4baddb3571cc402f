"""The wall's keys beyond moving and editing: Shift+arrows extend the selection, Ctrl+G stacks it,
the context-menu key (or Shift+F10) opens the selected card's menu."""

from __future__ import annotations

from PySide6.QtCore import QPointF, Qt

from cardwall.commands import StackCards
from ui.wall.style import CARD_H, CARD_W

ARROWS = {Qt.Key_Left: (-1, 0), Qt.Key_Right: (1, 0), Qt.Key_Up: (0, -1), Qt.Key_Down: (0, 1)}


def handle(interactions, event) -> bool:
    """True when the key was one of these and has been acted on."""
    key, mods = event.key(), event.modifiers()
    if key in ARROWS and mods & Qt.ShiftModifier and not mods & (Qt.ControlModifier | Qt.AltModifier):
        step(interactions, *ARROWS[key], extend=True)
        return True
    if key == Qt.Key_G and mods & Qt.ControlModifier:
        stack_selection(interactions)
        return True
    if key == Qt.Key_Menu or (key == Qt.Key_F10 and mods & Qt.ShiftModifier):
        open_menu(interactions)
        return True
    return False


def step(interactions, dx: int, dy: int, *, extend: bool = False) -> None:
    """The nearest card that way from the last one reached becomes the selection (or joins it)."""
    scene, view = interactions.scene, interactions.view
    items = list(scene.cards.values())
    if not items:
        return
    selected = scene.selected_cards()
    here = scene.cards.get(interactions.cursor_id) if interactions.cursor_id else None
    if here is None or not here.isSelected():
        here = selected[-1] if selected else None
    if here is None:
        best = min(items, key=lambda i: (i.pos().y(), i.pos().x()))
    else:
        best, best_score = None, None
        for item in items:
            d = item.pos() - here.pos()
            along, across = d.x() * dx + d.y() * dy, abs(d.x() * dy) + abs(d.y() * dx)
            if along <= 1:
                continue
            score = along + 2.5 * across
            if best_score is None or score < best_score:
                best, best_score = item, score
        if best is None:
            return
    if not extend:
        scene.clearSelection()
    best.setSelected(True)
    interactions.cursor_id = best.card_id
    view.ensureVisible(best, 40, 40)


def stack_selection(interactions) -> None:
    """Ctrl+G: the selected cards go onto the first of them (in wall order) as one pile."""
    ids = interactions.page.selected_card_ids()
    if len(ids) < 2:
        return
    item = interactions.scene.cards[ids[0]]
    root = item.member_of or item.card_id
    interactions.run(StackCards(interactions.session_id, [cid for cid in ids if cid != root], root))


def open_menu(interactions) -> None:
    """The context-menu key: the menu of the card last reached (or the first selected), beside that card."""
    scene, view = interactions.scene, interactions.view
    item = scene.cards.get(interactions.cursor_id) if interactions.cursor_id else None
    if item is None or not item.isSelected():
        selected = scene.selected_cards()
        item = selected[0] if selected else None
    if item is None:
        centre = view.mapToScene(view.viewport().rect().center())
    else:
        centre = item.pos() + QPointF(CARD_W / 2, CARD_H / 2)
    interactions.menus.popup(centre, view.viewport().mapToGlobal(view.mapFromScene(centre)))
