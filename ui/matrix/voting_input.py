"""Votes and keys on the matrix: a click places or takes back a dot, digits pick voters or type a tally.

Mixed into PanelPage. The mode in the voting dock decides what a click does;
arrow keys walk the cards; in the room tally, Enter saves and moves on.
"""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtGui import QKeyEvent

from cardwall.commands import CastDot, DeleteTask, RemoveDot, SetTally
from cardwall.panels import vote_id
from ui.matrix.voting import ARRANGE, TALLY


class VotingInput:
    """Part of PanelPage (uses its controller, session, panel, scene, view and docks)."""

    def _on_mode(self, mode: str) -> None:
        self.view.arrange = mode == ARRANGE
        self.options.typing = None
        self.redraw()
        self.view.setFocus()

    def _on_task_clicked(self, task_id: str, button) -> None:
        mode = self.voting.mode
        if mode == ARRANGE:
            self.details.focus_task(task_id)
            return
        if mode == TALLY:
            self.options.typing = None
            self.redraw()
            return
        self.voting.refusal.hide()
        panel = self.panel
        has_dot = vote_id(task_id, mode, panel.voting_round) in self.session.votes
        if button == Qt.RightButton or (has_dot and not panel.several_dots_per_task):
            self._run(RemoveDot(self.session_id, task_id, mode))
        else:
            self._run(CastDot(self.session_id, task_id, mode))

    def _on_key(self, event: QKeyEvent) -> bool:
        key, text = event.key(), event.text()
        mode = self.voting.mode
        if mode == TALLY and self.view.selected_task():
            task_id = self.view.selected_task()
            typing = self.options.typing[1] if self.options.typing and self.options.typing[0] == task_id else ""
            if text.isdigit() and len(typing) < 3:
                self.options.typing = (task_id, typing + text)
                self.redraw()
                return True
            if key == Qt.Key_Backspace and typing:
                self.options.typing = (task_id, typing[:-1])
                self.redraw()
                return True
            if key in (Qt.Key_Return, Qt.Key_Enter) and typing:
                self.options.typing = None
                if self._run(SetTally(self.session_id, task_id, int(typing))):
                    self._select_task(self._next_task(task_id))  # the next card's count, straight away
                else:
                    self.redraw()
                return True
            if key == Qt.Key_Escape and self.options.typing:
                self.options.typing = None
                self.redraw()
                return True
        if key in (Qt.Key_Left, Qt.Key_Right, Qt.Key_Up, Qt.Key_Down):
            self._step_selection(key)
            return True
        if text.isdigit() and len(text) == 1 and not event.modifiers() & (Qt.ControlModifier | Qt.AltModifier):
            return self.voting.pick_number(int(text))
        if key == Qt.Key_Escape and mode != ARRANGE:
            self.voting.set_mode(ARRANGE)
            return True
        if mode == ARRANGE:
            task_id, function_id = self.view.selected_task(), self.view.selected_function()
            if key in (Qt.Key_F2, Qt.Key_Return, Qt.Key_Enter):
                if task_id:
                    self.edit_task(task_id)
                    return True
                if function_id:
                    self.rename_function(function_id)
                    return True
            if key in (Qt.Key_Delete, Qt.Key_Backspace) and task_id:
                self._run(DeleteTask(self.session_id, task_id))
                return True
        return False

    def _next_task(self, task_id: str) -> str | None:
        """The task after this one in reading order (down a function, then the next function)."""
        order = [t for _f, _band, tasks in self.scene.lanes for t in tasks]
        if task_id not in order:
            return None
        i = order.index(task_id)
        return order[i + 1] if i + 1 < len(order) else order[i]

    def _step_selection(self, key) -> None:
        """Arrow keys walk the cards: along a function's tasks, or across to the next function."""
        self.options.typing = None
        lanes = [tasks for _f, _band, tasks in self.scene.lanes]
        current = self.view.selected_task()
        spot = next(((i, lane.index(current)) for i, lane in enumerate(lanes) if current in lane), None)
        if spot is None:
            first = next((lane[0] for lane in lanes if lane), None)
            if first:
                self._select_task(first)
            return
        along = (Qt.Key_Right, Qt.Key_Left) if self.options.dacum else (Qt.Key_Down, Qt.Key_Up)
        lane, index = spot
        if key in along:
            index += 1 if key == along[0] else -1
        else:
            step = 1 if key in (Qt.Key_Right, Qt.Key_Down) else -1
            lane += step
            while 0 <= lane < len(lanes) and not lanes[lane]:
                lane += step
            if not 0 <= lane < len(lanes):
                return
        index = max(0, min(index, len(lanes[lane]) - 1))
        self._select_task(lanes[lane][index])
        self.redraw()
