"""The side docks give way so the page in the middle keeps most of a narrow window (a projector's 1280 px)."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QDockWidget, QMainWindow

PAGE_SHARE = 0.6  # on a narrow window (a 1280 px projector) the page keeps this much of the width


def fit_docks(window: QMainWindow, *, right: int | None = None) -> None:
    """The side docks give way (down to their minimum) until the page has PAGE_SHARE of the width.

    `right` asks for a width of the right docks (a page's preferred layout): granted as far as that allows.
    """
    if window.page is None:
        return
    central = window.centralWidget().width()
    areas = {}
    for area in (Qt.RightDockWidgetArea, Qt.LeftDockWidgetArea):  # the right docks give first
        # A tab behind another is "visible" but not on screen: its width is stale.
        shown = [
            d
            for d in window.findChildren(QDockWidget)
            if not d.visibleRegion().isEmpty() and not d.isFloating() and window.dockWidgetArea(d) == area
        ]
        if shown:
            areas[area] = shown
    widths = {area: max(d.width() for d in shown) for area, shown in areas.items()}
    changed = set()
    if right is not None and Qt.RightDockWidgetArea in widths:
        central += widths[Qt.RightDockWidgetArea] - right
        widths[Qt.RightDockWidgetArea] = right
        changed.add(Qt.RightDockWidgetArea)
    deficit = int(window.width() * PAGE_SHARE) - central
    for area, shown in areas.items():
        if deficit <= 0:
            break
        narrowest = max(max(d.minimumSizeHint().width(), d.minimumWidth()) for d in shown)
        new = max(narrowest, min(widths[area], widths[area] - deficit))
        deficit -= widths[area] - new
        if new != widths[area]:
            widths[area] = new
            changed.add(area)
    if changed:
        window.resizeDocks([areas[a][0] for a in changed], [widths[a] for a in changed], Qt.Horizontal)
