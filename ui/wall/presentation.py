"""Presentation mode (full screen, no chrome, larger type) and the projector's read-only mirror."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtGui import QGuiApplication
from PySide6.QtWidgets import QDockWidget, QMainWindow, QVBoxLayout, QWidget

from ui.wall.view import WallView


class Presentation:
    def __init__(self, page) -> None:
        self.page = page
        self.active = False
        self.projector: ProjectorWindow | None = None
        self._hidden: list[QWidget] = []
        self._front: list[QDockWidget] = []
        self.follow = False  # the projector shows what the laptop shows ("follow me"), else the whole wall
        self._kept: list = []
        self._state = None

    def toggle(self) -> None:
        self.leave() if self.active else self.enter()

    def enter(self) -> None:
        if self.active:
            return
        page = self.page
        window = page.window()
        self._hidden = [page.zoom_bar]
        for i in range(page.toolbar_area.count()):
            widget = page.toolbar_area.itemAt(i).widget()
            if widget is not None:
                self._hidden.append(widget)
        if isinstance(window, QMainWindow):
            self._hidden += [window.menuBar(), window.statusBar()]
            self._hidden += [d for d in window.findChildren(QDockWidget) if d.isVisible() and not d.isFloating()]
        self._hidden = [w for w in self._hidden if w.isVisible()]
        # The dock in front of each tab group goes back in front on the way out (showing a group's docks
        # again brings the last one shown forward otherwise).
        self._front = [w for w in self._hidden if isinstance(w, QDockWidget) and not w.visibleRegion().isEmpty()]
        for widget in self._hidden:
            widget.hide()
        # A hidden menu bar takes its shortcuts along: keep undo and redo at hand on the window.
        self._kept = [a for a in (getattr(window, "undo_action", None), getattr(window, "redo_action", None)) if a]
        for action in self._kept:
            window.addAction(action)
        self._state = window.windowState()
        window.showFullScreen()
        self.active = True
        page.present_action.setChecked(True)
        page._apply_look()
        page.view.fit_and_follow()
        page.room_timer.set_enabled(True)
        page.view.setFocus()

    def leave(self) -> None:
        if not self.active:
            return
        page = self.page
        self.active = False
        window = page.window()
        finder = getattr(page, "find_bar", None)
        if finder is not None:  # Ctrl+F put it over the wall: back above it
            finder.go_home()
        window.setWindowState(self._state or Qt.WindowNoState)
        window.show()
        for widget in self._hidden:
            widget.show()
        for dock in self._front:
            dock.raise_()
        self._hidden, self._front = [], []
        for action in self._kept:
            window.removeAction(action)
        self._kept = []
        page.present_action.setChecked(False)
        page.room_timer.set_enabled(False)
        page._apply_look()
        page.view.fit_and_follow()

    # --- the projector: a second window showing the same scene, read-only ---------------------------

    def toggle_projector(self) -> None:
        if self.projector is not None:
            self.close_projector()
        else:
            self.open_projector()

    def toggle_follow(self) -> None:
        """F6: the projector follows the laptop's view (the column or cell zoomed to), or shows the whole wall."""
        self.follow = not self.follow
        self.page.follow_action.setChecked(self.follow)
        self.sync_projector()

    def sync_projector(self, *_args) -> None:
        projector = self.projector
        if projector is None:
            return
        view = self.page.view
        if self.follow:
            projector.view.follow_fit = False
            shown = view.mapToScene(view.viewport().rect()).boundingRect()
            projector.view.fitInView(shown.intersected(view.scene().sceneRect()), Qt.KeepAspectRatio)
        else:
            projector.view.fit_and_follow()

    def open_projector(self) -> ProjectorWindow:
        if self.projector is None:
            self.projector = ProjectorWindow(self.page.scene, self.page.timer)
            self.projector.closed = self._on_projector_closed
            for signal in self._laptop_moves():
                signal.connect(self.sync_projector)
            screens = QGuiApplication.screens()
            here = self.page.screen()
            others = [s for s in screens if s is not here]
            if others:  # a second screen: the projector gets it, full screen
                self.projector.setScreen(others[0])
                self.projector.setGeometry(others[0].geometry())
                self.projector.showFullScreen()
            else:
                self.projector.resize(1280, 720)
                self.projector.show()
        self.page.projector_action.setChecked(True)
        self.sync_projector()
        return self.projector

    def close_projector(self) -> None:
        if self.projector is not None:
            projector, self.projector = self.projector, None
            self._disconnect()
            projector.closed = None
            projector.close()
            projector.deleteLater()
        self.page.projector_action.setChecked(False)

    def _laptop_moves(self) -> tuple:
        view = self.page.view
        return view.zoom_changed, view.horizontalScrollBar().valueChanged, view.verticalScrollBar().valueChanged

    def _disconnect(self) -> None:
        for signal in self._laptop_moves():
            try:
                signal.disconnect(self.sync_projector)
            except (RuntimeError, TypeError):  # never connected, or the view is going
                pass

    def _on_projector_closed(self) -> None:
        self.projector = None
        self._disconnect()
        self.page.projector_action.setChecked(False)


class ProjectorWindow(QWidget):
    """What the room sees: the wall, fitted, with no controls; the laptop keeps its docks."""

    def __init__(self, scene, timer=None) -> None:
        super().__init__(None, Qt.Window)
        self.setWindowTitle("Cardwall — projector")
        self.setAttribute(Qt.WA_DeleteOnClose, False)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        self.view = WallView(scene, interactive=False)
        layout.addWidget(self.view)
        self.room_timer = None
        if timer is not None:
            from ui.wall.room_timer import RoomTimer

            self.room_timer = RoomTimer(self.view, timer)
            self.room_timer.set_enabled(True)
        self.closed = None

    def closeEvent(self, event) -> None:
        if self.closed is not None:
            self.closed()
        super().closeEvent(event)
