"""The action plan's grid read on a 1280x720 projector: the cards use their quadrants' room, their words
wrapped whole over several lines in one type size a room reads, "…" only where words truly cannot fit."""

from __future__ import annotations

import pytest
from PySide6.QtCore import QPointF, Qt
from PySide6.QtTest import QTest

from tests.ui.test_small_screens import SMALL, settle
from ui.actions.cards import LEAST_PX
from ui.actions.grid import quadrant_rect
from ui.actions.page import ActionPlanPage
from ui.main_window import MainWindow

READABLE_PX = 12.0  # on screen


@pytest.fixture
def plan(qtbot, journey_path):
    window = MainWindow()
    qtbot.addWidget(window)
    window.show()
    qtbot.waitExposed(window)
    assert window.open_workspace(journey_path)
    for row in range(window.sessions.count()):
        window.sessions.setCurrentRow(row)
        if isinstance(window.page, ActionPlanPage):
            break
    assert isinstance(window.page, ActionPlanPage)
    window.showNormal()  # the tests' screen is smaller than the default window: it opened maximised
    settle(qtbot, window, SMALL)
    yield window
    window.close_workspace()


def _in_quadrants(page) -> None:
    session = page._session()
    for action in session.actions.values():
        card = page.scene.cards[action.id]
        quadrant = quadrant_rect((action.impact, action.feasibility))
        assert quadrant.contains(card.sceneBoundingRect().adjusted(1, 1, -1, -1)), action.text


def test_action_cards_read_whole_at_12px_or_more_on_a_1280x720_screen(qtbot, plan):
    page = plan.page
    session = page._session()
    assert session.actions
    scale = page.view.transform().m11()
    sizes = set()
    for action in session.actions.values():
        card = page.scene.cards[action.id]
        text, detail = card.shown()
        assert text == action.text  # not cut, no "…"
        assert detail == card.detail and "…" not in detail and action.owners[0] in detail
        assert card.px * scale >= READABLE_PX, (card.px, scale)
        sizes.add(card.px)
    assert len(sizes) == 1  # one type size across the grid
    _in_quadrants(page)
    # the cards fill their quadrants' width, not a quarter of it
    card = next(iter(page.scene.cards.values()))
    assert card.rect().width() >= quadrant_rect(("high", "high")).width() / 2


def test_a_full_quadrant_shrinks_its_type_and_cuts_words_only_when_they_cannot_fit(qtbot, plan):
    page = plan.page
    before = next(iter(page.scene.cards.values())).px
    words = "Run a two-week summer bridge course in blueprint reading and shop math for incoming students"
    for n in range(2):
        page.field.setFocus()
        QTest.keyClicks(page.field, f"{words} {n}")
        QTest.keyClick(page.field, Qt.Key_Return)
    session = page._session()
    assert len(session.actions) == 8
    cards = list(page.scene.cards.values())
    px = {c.px for c in cards}
    assert len(px) == 1 and LEAST_PX <= px.pop() < before
    assert all(c.shown() == (c.text, c.detail) for c in cards)  # smaller type, still every word
    _in_quadrants(page)
    # a quadrant far too full at the least type size cuts words, with "…", and stays inside its quadrant
    for n in range(14):
        QTest.keyClicks(page.field, f"{words} and more {n}")
        QTest.keyClick(page.field, Qt.Key_Return)
    cards = list(page.scene.cards.values())
    assert {c.px for c in cards} == {LEAST_PX}
    cut = [c for c in cards if c.shown()[0] != c.text]
    assert cut and all(c.shown()[0].endswith("…") for c in cut)
    _in_quadrants(page)
    centre = page.view.mapFromScene(QPointF(cut[0].sceneBoundingRect().center()))
    assert page.view.itemAt(centre) is cut[0] and cut[0].toolTip().startswith(cut[0].text)
