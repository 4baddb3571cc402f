"""The asset map page: the wall's scene and gestures, with program cards, their links and the gap matrix.

Programs sit in columns by occupational family and rows by credential level, as occupations
do on the employers' wall; the wall's page supplies the scene, drag-to-move and undo, this
page adds quick capture of programs, the "leads to" arrows and the docks of the later work.
"""

from __future__ import annotations

from PySide6.QtCore import Qt, QTimer

from ui.assets.capture import ProgramCapture
from ui.assets.docks import GapDock, NeedsDock, ProgramDock
from ui.assets.links import LinkGesture
from ui.assets.look import dress_asset_map
from ui.assets.resources_dock import ResourceDock
from ui.wall.page import WallPage


class AssetMapPage(WallPage):
    def make_docks(self) -> list:
        self.capture = ProgramCapture(self)
        self.toolbar_area.addWidget(self.capture)
        self.timer = self.capture.timer  # shown large over the map in presentation mode
        self.links = dress_asset_map(self.scene)
        self.link_gesture = LinkGesture(self)
        self.controller.changed.connect(self._on_links_changed)
        self.menu.setTitle("&Asset map")
        self.menu.addSeparator()
        # L, then a click on the program it leads to (a click elsewhere cancels); or Alt+drag.
        self.link_action = self._action("&Link to the next program…", self.link_gesture.start_from_selection, "L")
        self.menu.addAction(self.link_action)
        self.menu.addAction(self._action("&Import the inventory (CSV/XLSX)…", self._on_import))
        program = ProgramDock(self)
        program.area = Qt.RightDockWidgetArea
        gaps = GapDock(self)
        gaps.area = Qt.BottomDockWidgetArea
        needs = NeedsDock(self)
        needs.area = Qt.RightDockWidgetArea
        resources = ResourceDock(self)
        resources.area = Qt.BottomDockWidgetArea
        self.program_dock, self.gap_dock, self.needs_dock, self.resource_dock = program, gaps, needs, resources
        if self.main_window is not None:  # the window adds the docks after the page is built: tab them then
            QTimer.singleShot(0, self, self._arrange_docks)
        return [program, needs, gaps, resources]

    def _arrange_docks(self) -> None:
        window = self.main_window
        if hasattr(window, "tabifyDockWidget") and self.resource_dock in getattr(window, "page_docks", []):
            window.tabifyDockWidget(self.gap_dock, self.resource_dock)
            window.tabifyDockWidget(self.program_dock, self.needs_dock)
            self.gap_dock.raise_()
            self.program_dock.raise_()

    def _on_import(self) -> None:
        from PySide6.QtWidgets import QFileDialog

        path, _ = QFileDialog.getOpenFileName(self, "Import the program inventory", "", "Tables (*.csv *.xlsx)")
        if path:
            self.import_inventory(path)

    def import_inventory(self, path) -> list[str]:
        """Programs from an inventory table, one undo step; returns the reader's report, shown in the status bar."""
        from cardwall.commands import DomainError
        from exporters.table_import import TableError
        from ui.assets.inventory import inventory_command

        try:
            command, report = inventory_command(self.controller.ws, self.session_id, path)
        except (TableError, DomainError) as exc:
            self.controller.last_refusal = str(exc)
            self.controller.refused.emit(str(exc))
            return []
        if self.controller.run(command) is None:
            return []
        lines = report.lines()
        window = self.main_window
        if window is not None and hasattr(window, "statusBar"):
            window.statusBar().showMessage(lines[0], 8000)
        return lines

    def _on_links_changed(self, _change) -> None:
        self.links.refresh()  # after the scene has laid the cards out (the wall page's slot runs first)

    def shutdown(self) -> None:
        self.link_gesture.cancel()
        super().shutdown()
