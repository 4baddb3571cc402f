"""Each screen at 1280x720 as a facilitator shows it on a projector: nothing cut off or drawn over."""

from __future__ import annotations

from PySide6.QtWidgets import QStyle

from tests.ui.test_small_screens import SMALL, settle, window  # noqa: F401 (the demo's window, a fixture)
from ui.matrix.page import PanelPage


def test_the_skill_panel_menu_button_has_room_for_its_words_and_its_arrow(qtbot, window):  # noqa: F811
    page = window.page
    assert isinstance(page, PanelPage)
    settle(qtbot, window, SMALL)
    qtbot.waitUntil(lambda: window.centralWidget().width() >= 640)
    button = page.start
    words = button.fontMetrics().horizontalAdvance(button.text())
    arrow = button.style().pixelMetric(QStyle.PM_MenuButtonIndicator, None, button)
    # The arrow beside the words, not over "from": the button asks for both, and gets it at 1280 px.
    assert button.sizeHint().width() >= words + arrow + 8
    assert button.width() >= button.sizeHint().width()
    assert button.menu() is page.start_menu and page.start_menu.actions()
