"""The Wall menu's High contrast is the settings dialog's switch (kept for the next start);
an occupation card's right-click menu brings the SOC dock forward on that card."""

from __future__ import annotations

import pytest
from PySide6.QtCore import QSettings, Qt, QTimer
from PySide6.QtGui import QContextMenuEvent
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QApplication

from cardwall.commands import EditCard
from tests.helpers import reopen
from tests.ui.wall_helpers import card_centre, click, to_view
from ui.data.soc_dock import SocDock
from ui.main_window import MainWindow
from ui.settings import (
    HIGH_CONTRAST_KEY,
    MIN_TYPE_KEY,
    DisplaySettings,
    SettingsDialog,
    load_display_settings,
    save_display_settings,
)
from ui.wall.inspector import InspectorDock
from ui.wall.style import HIGH_CONTRAST, NORMAL


@pytest.fixture
def clean_settings():
    store = QSettings("Cardwall", "Cardwall")
    for key in (HIGH_CONTRAST_KEY, MIN_TYPE_KEY):
        store.remove(key)
    yield store
    for key in (HIGH_CONTRAST_KEY, MIN_TYPE_KEY):
        store.remove(key)
    store.sync()


def open_wall(qtbot, path) -> MainWindow:
    window = MainWindow()
    qtbot.addWidget(window)
    window.resize(1600, 1000)
    window.show()
    qtbot.waitExposed(window)
    assert window.open_workspace(path)
    wall = next(s for s in window.wf.ws.ordered_sessions() if s.info.kind == "critical-occupations")
    window.show_session(wall.id)
    qtbot.wait(20)  # the docks are arranged once the window has added them
    return window


def menu_entry(menu, text: str):
    found = [a for a in menu.actions() if a.text().replace("&", "") == text]
    assert found, f"no entry {text!r} in {[a.text() for a in menu.actions()]}"
    return found[0]


def right_click_and_choose(page, scene_point, text: str) -> bool:
    """A real right-click on the wall; the entry is picked from the menu it pops up."""
    chosen = []

    def choose(tries: int = 100) -> None:
        menu = QApplication.activePopupWidget()
        if menu is None:
            if tries:
                QTimer.singleShot(20, lambda: choose(tries - 1))
            return
        action = menu_entry(menu, text)
        action.trigger()
        chosen.append(action.text())
        menu.close()

    viewport = page.view.viewport()
    at = to_view(page, scene_point)
    QTest.mousePress(viewport, Qt.RightButton, Qt.NoModifier, at)  # selects the card under the mouse
    QTimer.singleShot(20, choose)
    # The window system follows a right press with a context-menu event; QTest does not send one.
    QApplication.sendEvent(viewport, QContextMenuEvent(QContextMenuEvent.Mouse, at, viewport.mapToGlobal(at)))
    QTest.mouseRelease(viewport, Qt.RightButton, Qt.NoModifier, at)
    return chosen == [text]


def stored_contrast(store: QSettings) -> bool:
    store.sync()
    value = store.value(HIGH_CONTRAST_KEY, False)
    return value.lower() == "true" if isinstance(value, str) else bool(value)


def test_high_contrast_from_the_wall_menu_is_kept_for_the_next_start(qtbot, demo_path, clean_settings):
    save_display_settings(DisplaySettings(min_type_pt=16, high_contrast=False))
    window = open_wall(qtbot, demo_path)
    try:
        page = window.page
        entry = menu_entry(page.menu, "High contrast")
        assert not entry.isChecked() and page.scene.look.felt == NORMAL.felt
        entry.trigger()  # what a click on the menu entry does
        assert entry.isChecked() and page.scene.look.felt == HIGH_CONTRAST.felt
        assert stored_contrast(clean_settings) is True
        assert load_display_settings() == DisplaySettings(min_type_pt=16, high_contrast=True)
        # The dialog reads the same switch.
        dialog = SettingsDialog(page, window)
        assert dialog.high_contrast.isChecked()
        dialog.reject()
    finally:
        window.close()

    again = open_wall(qtbot, demo_path)  # a restart: a new window reads the settings
    try:
        page = again.page
        entry = menu_entry(page.menu, "High contrast")
        assert entry.isChecked() and page.scene.look.felt == HIGH_CONTRAST.felt
        entry.trigger()
        assert not entry.isChecked() and page.scene.look.felt == NORMAL.felt
        assert stored_contrast(clean_settings) is False
        assert load_display_settings().min_type_pt == 16  # the other setting is left alone
    finally:
        again.close()


def test_suggest_soc_code_from_an_occupation_cards_context_menu(qtbot, demo_path):
    window = open_wall(qtbot, demo_path)
    try:
        page = window.page
        session = window.wf.ws.sessions[page.session_id]
        card = next(c for c in session.cards.values() if c.text == "Forklift operator")
        skill = next(c for c in session.cards.values() if c.kind == "skill" and c.stack_id is None)
        assert window.controller.run(EditCard(page.session_id, card.id, soc_code="", soc_title=""))
        soc = next(d for d in page.docks if isinstance(d, SocDock))
        inspector = next(d for d in page.docks if isinstance(d, InspectorDock))
        qtbot.waitUntil(lambda: not inspector.visibleRegion().isEmpty())  # the Card tab is in front
        assert soc.visibleRegion().isEmpty()

        page.view.fit_wall()
        skill_menu = page.interactions.menus.menu_at(card_centre(page, skill.id))
        assert "Suggest SOC code…" not in [a.text() for a in skill_menu.actions()]
        click(page, card_centre(page, skill.id))  # another card selected: the right-click moves the selection

        assert right_click_and_choose(page, card_centre(page, card.id), "Suggest SOC code…")
        # The offscreen platform does not always hand activation back from a closed popup; a window system does.
        window.activateWindow()
        qtbot.waitUntil(window.isActiveWindow)
        assert page.selected_card_ids() == [card.id] and soc.card_id == card.id
        qtbot.waitUntil(lambda: not soc.visibleRegion().isEmpty())  # the SOC tab came to the front
        qtbot.waitUntil(lambda: bool(soc.suggestions()), timeout=15000)
        code, title, _wage, _jobs = soc.suggestions()[0]
        assert code == "53-7051"
        qtbot.waitUntil(lambda: soc.results.hasFocus())
        QTest.keyClick(soc.results, Qt.Key_Return)
        saved = reopen(demo_path).sessions[page.session_id].cards[card.id]
        assert (saved.soc_code, saved.soc_title) == (code, title)
    finally:
        window.close()
