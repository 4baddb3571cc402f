"""A dock's body that scrolls when the dock is short (a 720 px projector) and fills it when there is room."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QFrame, QScrollArea, QWidget

MIN_HEIGHT = 120  # a short dock still shows a few lines before it scrolls


def scrolling_body(body: QWidget) -> QScrollArea:
    """`body` in a frameless vertical scroll area that is never narrower than the body needs."""
    scroll = QScrollArea()
    scroll.setObjectName("dock-body")
    scroll.setFrameShape(QFrame.NoFrame)
    scroll.setWidgetResizable(True)
    scroll.setHorizontalScrollBarPolicy(Qt.ScrollBarAlwaysOff)
    scroll.setWidget(body)
    # No sideways scrolling: the dock keeps the body's own minimum width (plus room for the scroll bar).
    scroll.setMinimumWidth(body.minimumSizeHint().width() + scroll.verticalScrollBar().sizeHint().width())
    scroll.setMinimumHeight(MIN_HEIGHT)
    return scroll
