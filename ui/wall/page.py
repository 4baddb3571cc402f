"""The wall page: what the main window shows for a critical-occupations session.

It holds the scene and the view, wires the interactions, and offers the
docks (ui/wall/docks.py) what they need: the selection, the cell last
clicked, find-highlighting, and a toolbar area above the wall.
"""

from __future__ import annotations

from PySide6.QtCore import QEvent, Qt, QTimer, Signal
from PySide6.QtGui import QAction, QKeySequence
from PySide6.QtWidgets import QHBoxLayout, QLabel, QMenu, QPushButton, QSizePolicy, QVBoxLayout, QWidget

from ui.wall.card_text import STEPS
from ui.wall.interactions import WallInteractions
from ui.wall.presentation import Presentation
from ui.wall.scene import WallScene
from ui.wall.style import Look, wall_look
from ui.wall.view import WallView

LAPTOP_READABLE_PX = 9.0  # card text on the laptop's screen, fitted: no smaller than this


class WallPage(QWidget):
    selection_changed = Signal(list)  # the selected cards' ids
    cell_changed = Signal()  # a cell or column was clicked: the next card goes there

    def __init__(self, controller, session_id: str, window=None) -> None:
        super().__init__()
        self.controller, self.session_id, self.main_window = controller, session_id, window
        self._high_contrast = False
        self._min_type_pt = 0.0
        outer = QVBoxLayout(self)
        outer.setContentsMargins(0, 0, 0, 0)
        outer.setSpacing(0)
        self.toolbar_area = QVBoxLayout()  # the capture bar goes here (ui/wall/docks.py)
        outer.addLayout(self.toolbar_area)
        self.scene = WallScene(lambda: controller.ws.sessions.get(session_id), parent=self)
        self.view = WallView(self.scene)
        self.view.readable_zoom = self._readable_zoom
        outer.addWidget(self.view, 1)
        self.zoom_bar = self._make_zoom_bar()
        outer.addWidget(self.zoom_bar)
        self.interactions = WallInteractions(self)
        self.view.interactions = self.interactions
        self.presentation = Presentation(self)
        self.scene.selectionChanged.connect(self._on_selection_changed)
        controller.changed.connect(self._on_changed)
        self.menu = self._make_menu()
        self._fitted_once = False

        self.docks = self.make_docks()
        self._add_room_timer()

    def make_docks(self) -> list:
        """The docks around the wall (capture bar, inspector, script, next steps) and SOC suggestions."""
        from ui.data.soc_dock import SocDock
        from ui.wall.docks import make_wall_docks
        from ui.wall.wall_list import WallListDock

        return [*make_wall_docks(self), SocDock(self.controller, self.session_id, self), WallListDock(self)]

    def _add_room_timer(self) -> None:
        """The script dock's countdown, large over the wall in presentation mode and on the projector."""
        from ui.script_dock import ScriptDock
        from ui.wall.room_timer import RoomTimer

        scripts = [d for d in self.docks if isinstance(d, ScriptDock)]
        if scripts:  # a page without the script dock (the asset map) sets its own timer in make_docks
            self.timer = scripts[0].timer
        self.room_timer = RoomTimer(self.view, self.timer)
        self.menu.addSeparator()
        timer_action = self._action("Start or pause the &timer", self.timer.toggle, "Ctrl+T", context=Qt.WindowShortcut)
        self.menu.addAction(timer_action)

    # --- for the docks and the window ------------------------------------------------------------

    def selected_card_ids(self) -> list[str]:
        return self.scene.in_wall_order([i.card_id for i in self.scene.selected_cards()])

    def selected_cell(self) -> tuple[str | None, str | None] | None:
        """The cell (or column, as (category, None)) last clicked; None for the tray or nothing yet."""
        cell = self.interactions.last_cell
        session = self.controller.ws.sessions.get(self.session_id)
        if cell is None or session is None or cell[0] not in session.categories:
            return None
        if cell[1] is not None and cell[1] not in session.levels:
            return (cell[0], None)
        return cell

    def highlight(self, text: str) -> list[str]:
        """Find: matching cards stay bright, the rest dim; "" shows every card. Returns the matches in wall order."""
        return self.scene.in_wall_order(self.scene.highlight(text))

    def focus_first_entry(self) -> None:
        """A new session: the focus goes to the card field, so the note-taker types the first card at once."""
        self.capture_bar.text.setFocus(Qt.OtherFocusReason)

    def show_card(self, card_id: str) -> None:
        """Select one card alone and bring it into view (find's next and previous)."""
        item = self.scene.cards.get(card_id)
        if item is not None:
            self.scene.clearSelection()
            item.setSelected(True)
            self.view.follow_fit = False
            self.view.ensureVisible(item, 40, 40)

    # The settings are applied as the page is built; a setting already in force relays no wall.
    def set_min_type_size(self, pt: float) -> None:
        pt = max(0.0, float(pt))
        if pt != self._min_type_pt:
            self._min_type_pt = pt
            self._apply_look()

    def set_high_contrast(self, on: bool) -> None:
        self.high_contrast_action.setChecked(bool(on))
        if bool(on) != self._high_contrast:
            self._high_contrast = bool(on)
            self._apply_look()

    def _on_high_contrast_toggled(self, on: bool) -> None:
        """The Wall menu's toggle: shown at once and kept like the settings dialog keeps it."""
        from ui.settings import save_high_contrast

        self.set_high_contrast(on)
        save_high_contrast(on)

    def current_look(self) -> Look:
        return wall_look(
            high_contrast=self._high_contrast, presenting=self.presentation.active, min_type_pt=self._min_type_pt
        )

    def _readable_zoom(self) -> float:
        """Fitting the wall on the laptop stops where card text would fall under LAPTOP_READABLE_PX
        (presentation mode shows the whole wall: the room sees the wall, the words at their largest)."""
        if self.presentation.active:
            return 0.0
        p = self.scene.paints
        return LAPTOP_READABLE_PX / (p.far_px * STEPS[p.far_shared])

    def _apply_look(self) -> None:
        self.scene.set_look(self.current_look())

    def shutdown(self) -> None:
        self.presentation.close_projector()
        if self.presentation.active:
            self.presentation.leave()
        self.interactions.close_editor(commit=True)

    # --- events ------------------------------------------------------------------------------

    def _on_changed(self, change) -> None:
        self.scene.apply_change(change)

    def _on_selection_changed(self) -> None:
        try:
            ids = self.selected_card_ids()
        except RuntimeError:  # the scene is going away with the page
            return
        self.selection_changed.emit(ids)

    def showEvent(self, event) -> None:
        super().showEvent(event)
        if not self._fitted_once:
            self._fitted_once = True
            QTimer.singleShot(0, self.view.fit_and_follow)

    def eventFilter(self, watched, event) -> bool:
        editor = self.interactions.editor
        if watched is editor and event.type() == QEvent.KeyPress and event.key() == Qt.Key_Escape:
            self.interactions.close_editor(commit=False)
            return True
        return super().eventFilter(watched, event)

    # --- menu and zoom bar -----------------------------------------------------------------------

    def _action(self, text: str, slot, shortcut=None, *, context=Qt.WidgetWithChildrenShortcut) -> QAction:
        action = QAction(text, self)
        if shortcut:
            keys = shortcut if isinstance(shortcut, list) else [shortcut]
            action.setShortcuts([QKeySequence(k) for k in keys])
            action.setShortcutContext(context)
        action.triggered.connect(slot)
        self.addAction(action)
        return action

    def _make_menu(self) -> QMenu:
        menu = QMenu("&Wall", self)
        view = self.view
        menu.addAction(self._action("Zoom &in", view.zoom_in, ["Ctrl+=", "Ctrl++"]))
        menu.addAction(self._action("Zoom &out", view.zoom_out, "Ctrl+-"))
        menu.addAction(self._action("&Actual size", view.actual_size, "Ctrl+0"))
        menu.addAction(self._action("&Fit the wall", view.fit_and_follow, "F"))
        menu.addSeparator()
        self.present_action = self._action(
            "&Presentation mode", self.presentation.toggle, "F5", context=Qt.WindowShortcut
        )
        self.present_action.setCheckable(True)
        menu.addAction(self.present_action)
        self.projector_action = self._action("Projector &window (mirror)", self.presentation.toggle_projector)
        self.projector_action.setCheckable(True)
        menu.addAction(self.projector_action)
        self.follow_action = self._action(
            "Projector f&ollows me (else the whole wall)",
            self.presentation.toggle_follow,
            "F6",
            context=Qt.WindowShortcut,
        )
        self.follow_action.setCheckable(True)
        menu.addAction(self.follow_action)
        self.high_contrast_action = self._action("&High contrast", self._on_high_contrast_toggled)
        self.high_contrast_action.setCheckable(True)
        menu.addAction(self.high_contrast_action)
        menu.addSeparator()
        menus = self.interactions.menus
        menu.addAction(self._action("Add &category…", menus.add_category))
        menu.addAction(self._action("Add &level on top…", lambda: menus.add_level(len(menus.session.levels))))
        return menu

    def _make_zoom_bar(self) -> QWidget:
        bar = QWidget()
        row = QHBoxLayout(bar)
        row.setContentsMargins(8, 2, 8, 2)
        hint = QLabel(
            "Drag cards between cells or onto a card to stack · arrows select, Ctrl+arrows move · "
            "F2 edit · Del delete · right-click for more"
        )
        hint.setStyleSheet("color: #555;")
        hint.setToolTip(hint.text())
        # The hint gives way on a narrow laptop screen instead of widening the window.
        hint.setSizePolicy(QSizePolicy.Ignored, QSizePolicy.Preferred)
        hint.setMinimumWidth(0)
        row.addWidget(hint, 1)
        self.zoom_label = QLabel("100%")
        for text, slot, tip in (
            ("−", self.view.zoom_out, "Zoom out (Ctrl+-)"),
            ("+", self.view.zoom_in, "Zoom in (Ctrl+=)"),
            ("Fit", self.view.fit_and_follow, "Fit the wall (F)"),
            ("Present", lambda: self.presentation.toggle(), "Presentation mode (F5)"),
        ):
            button = QPushButton(text)
            button.setToolTip(tip)
            button.setFocusPolicy(Qt.NoFocus)
            button.clicked.connect(slot)
            row.addWidget(button)
            if text == "+":
                row.addWidget(self.zoom_label)
        self.view.zoom_changed.connect(lambda z: self.zoom_label.setText(f"{z * 100:.0f}%"))
        return bar
