"""Facilitators' laptops and projectors: both pages, with their docks, fit 1280x720 and keep the page wide."""

from __future__ import annotations

import pytest
from PySide6.QtCore import QRect
from PySide6.QtWidgets import QApplication, QDockWidget

from ui.main_window import MainWindow
from ui.matrix.items import LOD_TEXT
from ui.matrix.page import PanelPage
from ui.wall.page import WallPage

SMALL = (1280, 720)
MAX_MIN_WIDTH = 1200
MAX_MIN_HEIGHT = 680  # 720 less a title bar
MIN_PAGE_WIDTH = 640


@pytest.fixture
def window(qtbot, demo_path):
    window = MainWindow()
    qtbot.addWidget(window)
    window.show()
    qtbot.waitExposed(window)
    assert window.open_workspace(demo_path)
    yield window
    window.close_workspace()


def settle(qtbot, window, size) -> None:
    window.resize(*size)
    qtbot.waitUntil(lambda: window.size().toTuple() == size)
    for _ in range(3):  # the docks give way after the layout has settled
        QApplication.processEvents()
    qtbot.wait(20)


def inside(widget, page) -> bool:
    """On screen within the page, not cut off at its right or bottom edge."""
    top_left = widget.mapTo(page, widget.rect().topLeft())
    return widget.isVisible() and page.rect().contains(QRect(top_left, widget.size()))


def check_fits(qtbot, window) -> None:
    hint = window.minimumSizeHint()
    assert hint.width() <= MAX_MIN_WIDTH, hint
    assert hint.height() <= MAX_MIN_HEIGHT, hint
    settle(qtbot, window, SMALL)
    qtbot.waitUntil(lambda: window.centralWidget().width() >= MIN_PAGE_WIDTH)
    for dock in window.findChildren(QDockWidget):
        if dock.isVisible() and not dock.visibleRegion().isEmpty():
            assert dock.width() >= dock.minimumSizeHint().width(), dock.windowTitle()
            assert window.rect().contains(dock.geometry()), dock.windowTitle()


def test_the_skill_panel_page_fits_a_1280_projector(qtbot, window):
    page = window.page
    assert isinstance(page, PanelPage)
    check_fits(qtbot, window)
    # The title is the room's headline: whole, on a row of its own when the top row is too narrow.
    assert page.title_row.indexOf(page.title) >= 0
    assert page.title.elided() == page.title.text() == "Tool and Die Maker  ·  SOC 51-4111"
    for widget in (page.panel_box, page.start, page.dacum, page.function_line, page.task_target, page.task_line):
        assert inside(widget, page), widget.accessibleName() or widget.text()
    # Six columns fitted to the width still show their words.
    assert page.view.transform().m11() >= LOD_TEXT
    # A wide screen puts the title back beside the panel box.
    settle(qtbot, window, (1920, 1080))
    assert page.bar.indexOf(page.title) >= 0 and page.title.elided() == page.title.text()


def test_the_wall_page_fits_a_1280_projector(qtbot, window):
    window.sessions.setCurrentRow(0)
    page = window.page
    assert isinstance(page, WallPage)
    check_fits(qtbot, window)
    bar = page.capture_bar
    for widget in (bar.author, bar.chip, bar.text, bar.skill_button, bar.third_button, page.find_box):
        assert inside(widget, page), widget.accessibleName()
    assert bar.chip.width() >= bar.chip.sizeHint().width()  # "Occupation" reads whole
    assert bar.text.width() >= 300  # the note-taker's field keeps room to type
    # The whole wall, fitted beside the docks, still shows the words on its cards.
    some_card = next(iter(page.scene.cards.values()))
    qtbot.waitUntil(lambda: page.view.transform().m11() >= some_card.paints.text_lod)
    # Back to the panel page and the wall again: the docks still give way.
    window.sessions.setCurrentRow(1)
    qtbot.waitUntil(lambda: isinstance(window.page, PanelPage))
    qtbot.waitUntil(lambda: window.centralWidget().width() >= MIN_PAGE_WIDTH)
    window.sessions.setCurrentRow(0)
    qtbot.waitUntil(lambda: isinstance(window.page, WallPage))
    qtbot.wait(50)
    assert window.centralWidget().width() >= MIN_PAGE_WIDTH
