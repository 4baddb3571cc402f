"""The asset map page: the wall's scene and gestures, with program cards, their links and the gap matrix.

Programs sit in columns by occupational family and rows by credential level, as occupations
do on the employers' wall; the wall's page supplies the scene, drag-to-move and undo, this
page adds quick capture of programs, the "leads to" arrows and the docks of the later work.
"""

from __future__ import annotations

from PySide6.QtCore import Qt

from ui.assets.capture import ProgramCapture
from ui.assets.docks import GapDock, NeedsDock, ProgramDock
from ui.assets.links import LinkGesture, LinkLayer
from ui.wall.page import WallPage


class AssetMapPage(WallPage):
    def make_docks(self) -> list:
        self.capture = ProgramCapture(self)
        self.toolbar_area.addWidget(self.capture)
        self.links = LinkLayer(self)
        self.link_gesture = LinkGesture(self)
        self.controller.changed.connect(self._on_links_changed)
        self.links.refresh()
        self.menu.setTitle("&Asset map")
        self.menu.addSeparator()
        # L, then a click on the program it leads to (a click elsewhere cancels); or Alt+drag.
        self.link_action = self._action("&Link to the next program…", self.link_gesture.start_from_selection, "L")
        self.menu.addAction(self.link_action)
        program = ProgramDock(self)
        program.area = Qt.RightDockWidgetArea
        gaps = GapDock(self)
        gaps.area = Qt.BottomDockWidgetArea
        needs = NeedsDock(self)
        needs.area = Qt.RightDockWidgetArea
        self.program_dock, self.gap_dock, self.needs_dock = program, gaps, needs
        return [program, needs, gaps]

    def _on_links_changed(self, _change) -> None:
        self.links.refresh()  # after the scene has laid the cards out (the wall page's slot runs first)

    def shutdown(self) -> None:
        self.link_gesture.cancel()
        super().shutdown()
