"""The wall's capture bar at 1280x720: each field's hint shows whole, the full hint one hover away."""

from __future__ import annotations

from PySide6.QtWidgets import QLineEdit, QStyle, QStyleOptionFrame

from tests.ui.test_small_screens import SMALL, settle, window  # noqa: F401 (the demo's window, a fixture)
from ui.wall.page import WallPage


def room_for_text(field: QLineEdit) -> int:
    """The width a line edit draws its text (or placeholder) in: its contents less the frame and margins."""
    option = QStyleOptionFrame()
    field.initStyleOption(option)
    rect = field.style().subElementRect(QStyle.SE_LineEditContents, option, field)
    margins = field.textMargins()
    return rect.width() - margins.left() - margins.right() - 4  # QLineEdit's own horizontal margin, 2 a side


def test_the_capture_bar_placeholders_show_whole_at_1280(qtbot, window):  # noqa: F811
    window.sessions.setCurrentRow(0)
    page = window.page
    assert isinstance(page, WallPage)
    settle(qtbot, window, SMALL)
    qtbot.waitUntil(lambda: window.centralWidget().width() >= 640)
    bar = page.capture_bar
    for field in (bar.author, bar.text):
        hint = field.placeholderText()
        assert hint and "…" not in hint
        assert field.fontMetrics().horizontalAdvance(hint) <= room_for_text(field), (hint, field.width())
    # What the short hint leaves out is in the tooltip.
    assert "Name, Organization" in bar.author.toolTip()
    assert "pasted" in bar.text.toolTip() and "one card each" in bar.text.toolTip()
