"""What the room sees of a pile: the reasons of all its cards with counts, set on the whole pile at once."""

from __future__ import annotations

from PySide6.QtCore import Qt, QTimer
from PySide6.QtGui import QContextMenuEvent
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QApplication

from cardwall.commands import EditCard
from tests.helpers import reopen
from tests.ui.wall_helpers import card_centre, close_page, open_page, to_view


def right_click_and_choose(page, scene_point, path: list[str]) -> list[str]:
    """A real right-click on the wall; the entries of `path` are picked from the menu and its submenus."""
    chosen: list[str] = []

    def choose(tries: int = 100) -> None:
        menu = QApplication.activePopupWidget()
        if menu is None:
            if tries:
                QTimer.singleShot(20, lambda: choose(tries - 1))
            return
        for text in path:
            action = next(a for a in menu.actions() if a.text().replace("&", "").startswith(text))
            chosen.append(action.text())
            if action.menu() is not None:
                menu = action.menu()
            else:
                action.trigger()
        QApplication.activePopupWidget().close()

    viewport = page.view.viewport()
    at = to_view(page, scene_point)
    QTest.mousePress(viewport, Qt.RightButton, Qt.NoModifier, at)
    QTimer.singleShot(20, choose)
    QApplication.sendEvent(viewport, QContextMenuEvent(QContextMenuEvent.Mouse, at, viewport.mapToGlobal(at)))
    QTest.mouseRelease(viewport, Qt.RightButton, Qt.NoModifier, at)
    return chosen


def test_a_pile_tallies_its_reasons_and_takes_a_reason_as_a_whole(qtbot, demo_path):
    wf, controller, page = open_page(qtbot, demo_path, size=(1600, 1000))
    try:
        sid = page.session_id
        item = next(i for i in page.scene.cards.values() if i.count == 4 and i.card.text == "Welder")
        pile = page.scene.layout.piles[item.card_id]
        ids = [c.id for c in pile]
        for n, card in enumerate(pile):  # two say volume, one hard to fill and growth, one nothing
            reasons = [("volume",), ("volume", "hard-to-fill"), ("growth",), ()][n]
            assert controller.run(EditCard(sid, card.id, reasons=reasons))
        assert item.reasons == "V2 H1 G1"
        tip = page.scene.card_tooltip(item.card_id)
        assert "Large numbers needed (2 of 4)" in tip and "Hardest to fill (1 of 4)" in tip

        page.view.fit_wall()
        chosen = right_click_and_choose(page, card_centre(page, item.card_id), ["Why critical", "Hardest to fill"])
        assert chosen[0].startswith("Why critical (the pile of 4)") and "(1 of 4)" in chosen[1]
        saved = reopen(demo_path).sessions[sid].cards
        assert all("hard-to-fill" in saved[cid].reasons for cid in ids)
        assert "volume" in saved[ids[0]].reasons and saved[ids[0]].reasons.index("volume") == 0
        assert item.reasons == "V2 H4 G1"

        # All four have it now: the same entry takes it off the whole pile, and one undo puts it back.
        right_click_and_choose(page, card_centre(page, item.card_id), ["Why critical", "Hardest to fill"])
        saved = reopen(demo_path).sessions[sid].cards
        assert not any("hard-to-fill" in saved[cid].reasons for cid in ids)
        assert item.reasons == "V2 G1"
        controller.undo_stack.undo()
        assert item.reasons == "V2 H4 G1"
    finally:
        close_page(page, wf)
