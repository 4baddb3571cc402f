"""The skill panel's docks at 1280x720: voters' and participants' names and organizations cut in the middle
only when the dock is too narrow for them, never clipped at the edge, and whole in the tooltip."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QStyle, QStyleOptionViewItem

from tests.ui.test_small_screens import SMALL, settle, window  # noqa: F401 (the demo's window, a fixture)
from ui.matrix.page import PanelPage


def shown(view, index) -> tuple[str, int]:
    """The text a view's delegate draws for an item, and the width it has for it."""
    option = QStyleOptionViewItem()
    option.initFrom(view.viewport())
    option.rect = view.visualRect(index)
    option.widget = view
    option.font = view.font()
    option.fontMetrics = view.fontMetrics()
    view.itemDelegateForIndex(index).initStyleOption(option, index)
    room = view.style().subElementRect(QStyle.SE_ItemViewItemText, option, view).width()
    margin = view.style().pixelMetric(QStyle.PM_FocusFrameHMargin, None, view) + 1
    return option.text, room - 2 * margin


def test_the_dot_vote_list_shows_each_voters_count_and_name_at_1280(qtbot, window):  # noqa: F811
    window.sessions.setCurrentRow(1)
    page = window.page
    assert isinstance(page, PanelPage)
    settle(qtbot, window, SMALL)
    picker = page.voting.picker
    qtbot.waitUntil(lambda: picker.isVisible() and picker.count() > 3)
    assert not picker.horizontalScrollBar().isVisible()  # nothing cut off at the dock's right edge
    session = window.controller.ws.sessions[window.session_id]
    cut = 0
    for row in range(2, picker.count()):
        item = picker.item(row)
        person = session.participants[item.data(Qt.UserRole)]
        text, room = shown(picker, picker.indexFromItem(item))
        assert picker.fontMetrics().horizontalAdvance(text) <= room, text
        assert "left" in text and person.name.split()[0] in text, text  # the count and the name stay
        if text != item.text():
            cut += 1
            assert "…" in text and not text.endswith("…"), text  # cut in the middle: the org's end shows
        assert person.name in item.toolTip() and person.organization in item.toolTip()
    assert cut  # the demo's organizations are long: some are cut at 1280 px
    # A dock wide enough shows every line whole.
    settle(qtbot, window, (1920, 1080))
    window.resizeDocks([page.voting], [700], Qt.Horizontal)
    qtbot.waitUntil(lambda: picker.viewport().width() > 600)
    for row in range(picker.count()):
        index = picker.indexFromItem(picker.item(row))
        assert shown(picker, index)[0] == picker.item(row).text()


def test_the_participants_table_shares_its_width_and_cuts_in_the_middle_only_when_too_narrow(
    qtbot,
    window,  # noqa: F811
):
    settle(qtbot, window, SMALL)
    window.participants.raise_()
    table = window.participants.table
    qtbot.waitUntil(lambda: table.isVisible() and table.rowCount() > 3)
    metrics = table.fontMetrics()

    def columns_fit() -> bool:
        widths = [table.columnWidth(c) for c in range(table.columnCount()) if not table.isColumnHidden(c)]
        return sum(widths) <= table.viewport().width()

    # At 1280 px: every column in view (nothing behind a sideways scroll); names and organizations on two
    # lines, sharing the room, cut in the middle.
    qtbot.waitUntil(columns_fit)
    assert not table.horizontalScrollBar().isVisible()
    assert table.textElideMode() == Qt.ElideMiddle
    assert table.wordWrap() and min(table.columnWidth(0), table.columnWidth(1)) >= 60
    for row in range(table.rowCount()):
        for column in (1, 3):
            item = table.item(row, column)
            assert item.toolTip() == item.text()
        assert table.item(row, 0).toolTip() == f"{table.item(row, 0).text()}, {table.item(row, 1).text()}"
    # A wide dock: every name, organization and e-mail whole, the name taking what is left over.
    settle(qtbot, window, (1920, 1080))
    window.resizeDocks([window.participants], [800], Qt.Horizontal)
    qtbot.waitUntil(lambda: table.viewport().width() > 700 and not table.isColumnHidden(3))
    qtbot.waitUntil(columns_fit)
    for row in range(table.rowCount()):
        for column in (0, 1, 3):
            text = table.item(row, column).text()
            assert metrics.horizontalAdvance(text) + 8 <= table.columnWidth(column), text
    assert (
        table.columnWidth(0)
        > max(metrics.horizontalAdvance(table.item(r, 0).text()) for r in range(table.rowCount())) + 40
    )
