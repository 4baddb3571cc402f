"""Names for screen readers where Qt gives none: the containers every page shares.

A dock's scrolling body is named after its dock, the tab bars Qt makes for tabbed docks after the
tabs they hold, a spin box's text field after its spin box, a field with a placeholder after it.
Widgets a page builds name themselves where they are made.
"""

from __future__ import annotations

from PySide6.QtCore import QEvent, QObject, Qt
from PySide6.QtGui import QAccessible
from PySide6.QtWidgets import QAbstractSpinBox, QDockWidget, QLineEdit, QScrollArea, QTabBar, QWidget


def _name_bar(bar: QTabBar) -> None:
    """The tab bars of tabbed docks: Qt makes and reuses them, so they are named as their tabs change."""
    tabs = [bar.tabText(i).replace("&", "") for i in range(bar.count())]
    bar.setAccessibleName("Docks: " + ", ".join(t for t in tabs if t) if any(tabs) else "Docks")
    # An emptied bar Qt keeps for later (off screen, no tabs) is no place for Tab to stop.
    bar.setFocusPolicy(Qt.TabFocus if bar.count() else Qt.NoFocus)


class _TabBarNamer(QObject):
    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if event.type() == QEvent.ChildPolished and isinstance(event.child(), QTabBar):
            bar = event.child()
            _name_bar(bar)
            bar.currentChanged.connect(lambda _i, b=bar: _name_bar(b))
        return False


def spoken_name(widget: QWidget) -> str:
    """What a screen reader says for `widget` (its own name, else what Qt derives from its text)."""
    iface = QAccessible.queryAccessibleInterface(widget)
    return (iface.text(QAccessible.Name) if iface is not None else "").strip()


def name_unnamed(window: QWidget) -> None:
    if window.property("a11y-naming") is None:
        window.setProperty("a11y-naming", True)
        window.installEventFilter(_TabBarNamer(window))
    for widget in window.findChildren(QWidget):
        if isinstance(widget, QTabBar) and widget.parentWidget() is window:
            _name_bar(widget)
            continue
        if widget.accessibleName():
            continue
        name = ""
        if isinstance(widget, QScrollArea):
            owner = widget.parentWidget()
            while owner is not None and not isinstance(owner, QDockWidget) and not owner.accessibleName():
                owner = owner.parentWidget()
            if owner is not None:
                name = owner.windowTitle() if isinstance(owner, QDockWidget) else owner.accessibleName()
        elif isinstance(widget, QLineEdit) and isinstance(widget.parentWidget(), QAbstractSpinBox):
            name = widget.parentWidget().accessibleName() or widget.parentWidget().toolTip()
        elif isinstance(widget, QLineEdit) and widget.placeholderText():
            name = widget.placeholderText()
        if name:
            widget.setAccessibleName(name)
