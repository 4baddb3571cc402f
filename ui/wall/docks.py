"""Everything around the wall: the capture bar and find box above it, the docks beside it.

`make_wall_docks(page)` is the wall page's one entry point: it puts the
capture bar and the find box into `page.toolbar_area`, adds "Display
settings…" to the File menu, makes sure typed notes are saved when the page
shuts down, and returns the docks (card inspector, script, next steps).
"""

from __future__ import annotations

from PySide6.QtCore import Qt, QTimer
from PySide6.QtWidgets import QDockWidget, QHBoxLayout, QWidget

from ui.script_dock import ScriptDock
from ui.settings import SettingsDialog, apply_display_settings, load_display_settings
from ui.wall.capture import CaptureBar
from ui.wall.find import FindBar
from ui.wall.inspector import InspectorDock
from ui.wall.next_steps_dock import NextStepsDock

SETTINGS_ACTION = "Display settings…"


def _main_window(page):
    """The MainWindow the page was built for (it may not be the page's parent yet)."""
    for name in ("main_window", "window_", "window"):
        candidate = getattr(page, name, None)
        if candidate is not None and not callable(candidate):
            return candidate
    top = page.window()
    return top if top is not page else None


def make_wall_docks(page) -> list[QDockWidget]:
    controller, session_id = page.controller, page.session_id
    window = _main_window(page)

    bar = QWidget()
    row = QHBoxLayout(bar)
    row.setContentsMargins(0, 0, 0, 0)
    page.capture_bar = CaptureBar(controller, session_id, page)
    page.find_bar = FindBar(page)  # the box is page.find_box
    row.addWidget(page.capture_bar, 1)
    # Under the card field, beside the kind buttons: the card field keeps the width on a narrow screen.
    page.capture_bar.under_row.addWidget(page.find_bar, 1)
    page.toolbar_area.addWidget(bar)

    inspector = InspectorDock(controller, session_id, page)
    inspector.area = Qt.RightDockWidgetArea
    script = ScriptDock(controller, session_id, "critical-occupations")
    script.area = Qt.RightDockWidgetArea
    next_steps = NextStepsDock(controller, session_id)
    next_steps.area = Qt.RightDockWidgetArea
    docks: list[QDockWidget] = [inspector, script, next_steps]

    # The window calls page.shutdown() before it closes the file: save what is still being typed first.
    page_shutdown = getattr(page, "shutdown", None)

    def shutdown() -> None:
        for dock in docks:
            dock.shutdown()
        if page_shutdown is not None:
            page_shutdown()

    page.shutdown = shutdown

    if window is not None and hasattr(window, "add_file_action"):
        menu = getattr(window, "file_menu", None)
        stale = [a for a in (menu.actions() if menu else []) if a.text() == SETTINGS_ACTION]
        for action in stale:  # one entry, whichever wall page is in front
            menu.removeAction(action)
        # The page in front when the entry is used (this page may be gone by then).
        window.add_file_action(SETTINGS_ACTION, lambda: SettingsDialog(getattr(window, "page", None), window).exec())

    if window is not None and hasattr(window, "tabifyDockWidget"):
        # The window adds the docks after the page is built: arrange them once it has.
        QTimer.singleShot(0, lambda: _arrange(window, page, docks))

    apply_display_settings(page, load_display_settings())
    return docks


def _arrange(window, page, docks: list[QDockWidget]) -> None:
    """Two tab groups instead of a column of slivers: Script | Next steps, and Card | SOC code."""
    try:
        placed = [d for d in getattr(page, "docks", docks) if window.dockWidgetArea(d) != Qt.NoDockWidgetArea]
    except RuntimeError:  # the page went before the event loop came round
        return
    inspector, script, next_steps = docks
    if not {inspector, script, next_steps} <= set(placed):
        return
    window.tabifyDockWidget(script, next_steps)
    others = [d for d in placed if d not in docks and window.dockWidgetArea(d) == Qt.RightDockWidgetArea]
    for other in others:
        window.tabifyDockWidget(inspector, other)
    script.raise_()
    inspector.raise_()
    # Sizes take once the window has laid the new tab groups out.
    QTimer.singleShot(0, lambda: _size(window, inspector, script))


def _size(window, inspector: QDockWidget, script: QDockWidget) -> None:
    try:
        window.resizeDocks([inspector, script], [360, 660], Qt.Vertical)
        if hasattr(window, "fit_docks"):
            window.fit_docks(right=470)  # as wide as a narrow window allows: the wall keeps the width
        else:
            window.resizeDocks([script], [470], Qt.Horizontal)
    except RuntimeError:  # the page (and its docks) went meanwhile
        pass
