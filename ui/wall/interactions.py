"""What hands and keys do on the wall: drag, drop, stack, select, nudge, delete, edit in place.

A drag records where the cards were on press and runs one command on
release, only if something moved: one gesture, one undo step. The items
follow the pointer meanwhile; after the command the scene lays them out
from the domain again (and snaps them back if the command was refused).
"""

from __future__ import annotations

from dataclasses import dataclass, field

from PySide6.QtCore import QPointF, QRectF, Qt
from PySide6.QtWidgets import QApplication, QLineEdit

from cardwall.commands import DeleteCards, EditCard, MoveCards, MoveCategory, StackCards
from ui.wall import keys
from ui.wall.card_item import CardItem
from ui.wall.header_item import HeaderItem
from ui.wall.layout import TRAY, Cell
from ui.wall.style import CARD_H, CARD_W, HEADER_H

STACK_ZONE = 0.22  # the outer fifth of a card's width inserts beside it; the middle stacks onto it


@dataclass
class Drop:
    """Where a drag would land: onto a card (stack) or into a cell at an index."""

    stack_onto: str | None = None
    cell: Cell | None = None
    index: int = 0  # among the cell's visible cards, the moving ones left out
    slot: int = 0  # among the cell's slots as drawn now, for the marker


@dataclass
class CardDrag:
    items: list[CardItem]
    press: QPointF
    origins: dict[str, QPointF] = field(default_factory=dict)
    started: bool = False


@dataclass
class HeaderDrag:
    item: HeaderItem
    press: QPointF
    origin: QPointF
    started: bool = False


class WallInteractions:
    def __init__(self, page) -> None:
        self.page = page
        self.scene = page.scene
        self.view = page.view
        self.controller = page.controller
        self.session_id = page.session_id
        self.card_drag: CardDrag | None = None
        self.header_drag: HeaderDrag | None = None
        self.last_cell: tuple[str | None, str | None] | None = None
        self.editor: QLineEdit | None = None
        self.cursor_id: str | None = None  # the card the arrow keys last reached (ui/wall/keys.py)
        from ui.wall.menus import WallMenus

        self.menus = WallMenus(self)
        # The editor sits over its card: when the wall moves under it, keep what was typed and close it.
        self.view.zoom_changed.connect(lambda _zoom: self.close_editor(commit=True))
        self.view.horizontalScrollBar().valueChanged.connect(lambda _v: self.close_editor(commit=True))
        self.view.verticalScrollBar().valueChanged.connect(lambda _v: self.close_editor(commit=True))

    def run(self, command):
        return self.controller.run(command)

    # --- mouse ---------------------------------------------------------------------------------

    def mouse_press(self, event) -> bool:
        if event.button() != Qt.LeftButton:
            return event.button() == Qt.RightButton and self._select_for_menu(event)
        pos = self.view.mapToScene(event.position().toPoint())
        self._remember_cell(pos)
        card = self.scene.card_item_at(pos)
        if card is not None:
            if event.modifiers() & (Qt.ControlModifier | Qt.ShiftModifier):
                card.setSelected(not card.isSelected())
                return True
            if not card.isSelected():
                self.scene.clearSelection()
                card.setSelected(True)
            items = self.scene.selected_cards()
            self.card_drag = CardDrag(items, pos, {i.card_id: QPointF(i.pos()) for i in items})
            self.view.setFocus()
            return True
        header = self.scene.header_at(pos)
        if header is not None:
            self.scene.clearSelection()
            self.header_drag = HeaderDrag(header, pos, QPointF(header.pos()))
            return True
        return False  # the background: the view's rubber band selects

    def _select_for_menu(self, event) -> bool:
        pos = self.view.mapToScene(event.position().toPoint())
        self._remember_cell(pos)
        card = self.scene.card_item_at(pos)
        if card is not None and not card.isSelected():
            self.scene.clearSelection()
            card.setSelected(True)
        return card is not None

    def _remember_cell(self, pos: QPointF) -> None:
        geometry = self.scene.layout.cell_at(pos)
        header = self.scene.header_at(pos) if geometry is None else None
        if geometry is not None:
            self.last_cell = None if geometry.cell == TRAY else geometry.cell
        elif header is not None:
            self.last_cell = (header.category_id, None)
        else:
            return
        self.page.cell_changed.emit()  # "where the next card goes" follows a click on an empty cell

    def _moved_far_enough(self, drag_press: QPointF, pos: QPointF) -> bool:
        delta = self.view.mapFromScene(pos) - self.view.mapFromScene(drag_press)
        return delta.manhattanLength() >= QApplication.startDragDistance()

    def mouse_move(self, event) -> bool:
        pos = self.view.mapToScene(event.position().toPoint())
        drag = self.card_drag
        if drag is not None:
            if not drag.started:
                if not self._moved_far_enough(drag.press, pos):
                    return True
                drag.started = True
                for item in drag.items:
                    item.setZValue(50)
            self.step_drag(pos)
            return True
        hdrag = self.header_drag
        if hdrag is not None:
            if not hdrag.started:
                if not self._moved_far_enough(hdrag.press, pos):
                    return True
                hdrag.started = True
                hdrag.item.setZValue(60)
            hdrag.item.setPos(hdrag.origin.x() + pos.x() - hdrag.press.x(), hdrag.origin.y())
            index = self._header_index(hdrag, pos.x())
            self.scene.show_drop_at(self._header_marker(index, hdrag))
            return True
        return False

    def step_drag(self, pos: QPointF) -> None:
        """One step of a card drag: the cards follow the pointer, the marker shows where they would land."""
        drag = self.card_drag
        delta = pos - drag.press
        for item in drag.items:
            item.setPos(drag.origins[item.card_id] + delta)
        drop = self.drop_at(pos, set(drag.origins))
        if drop is None:
            self.scene.show_drop_at(None)
        elif drop.stack_onto:
            self.scene.show_drop_at(self.scene.card_rect(drop.stack_onto), outline=True)
        else:
            self.scene.show_drop_at(self.scene.slot_rect(drop.cell, drop.slot))

    def mouse_release(self, event) -> bool:
        if event.button() != Qt.LeftButton:
            return False
        pos = self.view.mapToScene(event.position().toPoint())
        drag, self.card_drag = self.card_drag, None
        if drag is not None:
            self.scene.show_drop_at(None)
            for item in drag.items:
                item.setZValue(0)
            if drag.started:
                self.finish_card_drag(drag, pos)
            return True
        hdrag, self.header_drag = self.header_drag, None
        if hdrag is not None:
            self.scene.show_drop_at(None)
            hdrag.item.setZValue(5)
            if hdrag.started:
                index = self._header_index(hdrag, pos.x())
                current = [c.category_id for c in self.scene.layout.columns].index(hdrag.item.category_id)
                if index == current or not self.run(MoveCategory(self.session_id, hdrag.item.category_id, index)):
                    self.scene.sync()
            return True
        return False

    def finish_card_drag(self, drag: CardDrag, pos: QPointF) -> None:
        ids = self.scene.in_wall_order([i.card_id for i in drag.items])
        drop = self.drop_at(pos, set(ids))
        change = None
        if drop is not None and drop.stack_onto:
            pile = {c.id for c in self.scene.layout.piles.get(drop.stack_onto, ())}
            if not set(ids) <= pile:  # dropped back on its own pile: nothing to do
                change = self.run(StackCards(self.session_id, ids, drop.stack_onto))
        elif drop is not None and not self._is_no_move(ids, drop):
            cat, level = drop.cell
            change = self.run(MoveCards(self.session_id, ids, category_id=cat, level_id=level, index=drop.index))
        if not change:
            self.scene.sync()  # back where the domain says they are

    def _is_no_move(self, ids: list[str], drop: Drop) -> bool:
        geometry = self.scene.layout.cells[drop.cell]
        if not set(ids) <= set(geometry.slots):
            return False
        roots = geometry.roots
        moving = [r for r in roots if r in ids]
        if len(moving) != len(ids):
            return False  # a pile's member leaves its pile
        rest = [r for r in roots if r not in ids]
        return rest[: drop.index] + moving + rest[drop.index :] == roots

    def drop_at(self, pos: QPointF, moving: set[str]) -> Drop | None:
        target = self.scene.card_item_at(pos, ignore=moving)
        if target is not None:
            x = pos.x() - target.pos().x()
            if CARD_W * STACK_ZONE <= x <= CARD_W * (1 - STACK_ZONE) and pos.y() - target.pos().y() <= CARD_H:
                root = target.member_of or target.card_id
                if root not in moving:
                    return Drop(stack_onto=root)
        geometry = self.scene.layout.cell_at(pos)
        if geometry is None:
            return None
        slot = geometry.slot_at(pos)
        roots = set(geometry.roots)
        index = sum(1 for cid in geometry.slots[:slot] if cid in roots and cid not in moving)
        return Drop(cell=geometry.cell, index=index, slot=slot)

    def _header_index(self, hdrag: HeaderDrag, x: float) -> int:
        others = [c for c in self.scene.layout.columns if c.category_id != hdrag.item.category_id]
        centre = x - hdrag.press.x() + hdrag.origin.x() + hdrag.item.width / 2
        return sum(1 for c in others if c.x + c.width / 2 < centre)

    def _header_marker(self, index: int, hdrag: HeaderDrag) -> QRectF:
        others = [c for c in self.scene.layout.columns if c.category_id != hdrag.item.category_id]
        x = others[index].x - 10 if index < len(others) else others[-1].x + others[-1].width + 4 if others else 0
        return QRectF(x, hdrag.origin.y(), 6, HEADER_H)

    def mouse_double_click(self, event) -> bool:
        pos = self.view.mapToScene(event.position().toPoint())
        card = self.scene.card_item_at(pos)
        if card is not None:
            if card.count > 1 or card.member_of:
                self.scene.toggle_expanded(card.member_of or card.card_id)
            else:
                self.edit_in_place(card)
            return True
        header = self.scene.header_at(pos)
        if header is not None:
            self.menus.rename_category(header.category_id)
            return True
        return False

    def context_menu(self, event) -> None:
        if event.reason() == event.Reason.Keyboard:  # the menu key: the selected card's menu, not the background's
            keys.open_menu(self)
            return
        self.menus.popup(self.view.mapToScene(event.pos()), event.globalPos())

    # --- keys ----------------------------------------------------------------------------------

    def key_press(self, event) -> bool:
        key, mods = event.key(), event.modifiers()
        if keys.handle(self, event):
            return True
        if key in keys.ARROWS:
            dx, dy = keys.ARROWS[key]
            if mods & (Qt.ControlModifier | Qt.AltModifier):
                self.move_selection_to_cell(dx, dy)
            else:
                keys.step(self, dx, dy)
            return True
        if key in (Qt.Key_Delete, Qt.Key_Backspace):
            ids = self.page.selected_card_ids()
            if ids:
                self.run(DeleteCards(self.session_id, ids))
            return True
        if key in (Qt.Key_F2, Qt.Key_Return, Qt.Key_Enter):
            selected = self.scene.selected_cards()
            if len(selected) == 1:
                self.edit_in_place(selected[0])
            return True
        if key == Qt.Key_Escape:
            if self.page.presentation.active and not self.scene.selectedItems():
                self.page.presentation.leave()
            self.scene.clearSelection()
            return True
        if key == Qt.Key_A and mods & Qt.ControlModifier:
            for item in self.scene.cards.values():
                item.setSelected(True)
            return True
        return False

    def move_selection_to_cell(self, dx: int, dy: int) -> None:
        """Ctrl/Alt + arrow: the selected cards go to the next cell that way, at its end."""
        ids = self.page.selected_card_ids()
        if not ids:
            return
        cell = self.scene.cell_of(ids[-1])
        layout = self.scene.layout
        columns = [c.category_id for c in layout.columns]
        rows = [r.level_id for r in layout.rows]  # top to bottom, skills last
        if cell is None or not columns:
            return
        if cell == TRAY:
            if dx >= 0:
                return
            levels = [r for r in rows if r is not None]  # the lowest level, above the skills row if any
            target = (columns[-1], levels[-1] if levels else rows[-1])
        else:
            col, row = columns.index(cell[0]), rows.index(cell[1])
            if dx:
                col += dx
                if col >= len(columns):
                    target = TRAY
                elif col < 0:
                    return
                else:
                    target = (columns[col], rows[row])
            else:
                row += dy
                if not 0 <= row < len(rows):
                    return
                target = (columns[col], rows[row])
        self.run(MoveCards(self.session_id, ids, category_id=target[0], level_id=target[1]))
        for card_id in ids:
            item = self.scene.cards.get(card_id)
            if item is not None:
                item.setSelected(True)
                self.view.ensureVisible(item, 40, 40)

    # --- editing a card's text where it hangs -----------------------------------------------------

    def edit_in_place(self, item: CardItem) -> None:
        self.close_editor(commit=True)
        editor = QLineEdit(item.card.text, self.view.viewport())
        editor.setObjectName("card-editor")
        rect = self.view.mapFromScene(item.sceneBoundingRect()).boundingRect()
        editor.setGeometry(rect.x(), rect.y() + rect.height() // 3, max(rect.width(), 200), 36)
        editor.selectAll()
        editor.card_id = item.card_id
        editor.returnPressed.connect(lambda: self.close_editor(commit=True))
        editor.editingFinished.connect(lambda: self.close_editor(commit=True))
        editor.installEventFilter(self.page)
        self.editor = editor
        editor.show()
        editor.setFocus()

    def close_editor(self, *, commit: bool) -> None:
        editor, self.editor = self.editor, None
        if editor is None:
            return
        card = self.controller.ws.sessions[self.session_id].cards.get(editor.card_id)
        text = editor.text()
        editor.hide()
        editor.deleteLater()
        if commit and card is not None and text.strip() != card.text:
            self.run(EditCard(self.session_id, card.id, text=text))
        self.view.setFocus()
