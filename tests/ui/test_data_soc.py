"""SOC suggestions beside the wall: click a card, see its codes with the region's figures, accept with a key."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QApplication

from cardwall.commands import EditPartnership
from storage.workspace import WorkspaceFile
from tests.helpers import reopen
from tests.ui.wall_helpers import SID, card_centre, click, make_wall, open_page
from ui.data.soc_dock import SocDock, suggest_soc_for_card


def soc_dock(page) -> SocDock:
    return next(d for d in page.docks if isinstance(d, SocDock))


def colorado(path):
    with WorkspaceFile.open(path, backup=False) as wf:
        wf.execute(EditPartnership(name="Front Range", region="Colorado", area_code="0800000"))
    return path


def test_clicking_a_card_shows_its_codes_and_enter_accepts_the_first(qtbot, tmp_path):
    path = colorado(make_wall(tmp_path / "w.cardwall"))
    wf, _controller, page = open_page(qtbot, path)
    dock = soc_dock(page)
    dock.show()
    assert dock.data is None and not dock._asked  # nothing loads until a card asks for it

    click(page, card_centre(page, "k3"))  # "Machinist"
    qtbot.waitUntil(lambda: dock.card_id == "k3")
    qtbot.waitUntil(lambda: bool(dock.suggestions()), timeout=10_000)  # loaded off the UI thread
    rows = dock.suggestions()
    assert rows[0] == ("51-4041", "Machinists", "$60,200", "2,800")  # Colorado's figures
    assert "Colorado" in dock.status.text() and "OEWS, May 2025" in dock.status.text()

    dock.results.setFocus()
    QTest.keyClick(dock.results, Qt.Key_Return)
    QApplication.processEvents()
    card = wf.ws.sessions[SID].cards["k3"]
    assert (card.soc_code, card.soc_title) == ("51-4041", "Machinists")
    wf.close()
    again = reopen(path).sessions[SID].cards["k3"]
    assert (again.soc_code, again.soc_title) == ("51-4041", "Machinists")


def test_typing_a_better_title_and_double_clicking_a_suggestion(qtbot, tmp_path):
    path = make_wall(tmp_path / "w.cardwall")
    wf, controller, page = open_page(qtbot, path)
    dock = soc_dock(page)
    dock.show()
    qtbot.waitExposed(dock)
    click(page, card_centre(page, "k4"))  # "Forklift operator"
    qtbot.waitUntil(lambda: dock.card_id == "k4")
    qtbot.waitUntil(lambda: bool(dock.suggestions()), timeout=10_000)
    assert dock.suggestions()[0][0] == "53-7051"

    dock.search.clear()
    qtbot.keyClicks(dock.search, "forklift driver")
    qtbot.waitUntil(lambda: bool(dock.suggestions()) and dock.search.text() == "forklift driver")
    qtbot.wait(200)  # the list refreshes once typing pauses
    codes = [row[0] for row in dock.suggestions()]
    assert "53-7051" in codes[:3]
    item = next(dock.results.item(i) for i in range(len(codes)) if codes[i] == "53-7051")
    rect = dock.results.visualItemRect(item)
    QTest.mouseClick(dock.results.viewport(), Qt.LeftButton, Qt.NoModifier, rect.center())  # a real double click
    QTest.mouseDClick(dock.results.viewport(), Qt.LeftButton, Qt.NoModifier, rect.center())
    QApplication.processEvents()
    assert wf.ws.sessions[SID].cards["k4"].soc_code == "53-7051"

    controller.undo_stack.undo()  # one undo step takes the code off again
    assert wf.ws.sessions[SID].cards["k4"].soc_code == ""
    wf.close()
    assert reopen(path).sessions[SID].cards["k4"].soc_code == ""


def test_nonsense_says_nothing_matches_and_nothing_is_set(qtbot, tmp_path):
    path = make_wall(tmp_path / "w.cardwall")
    wf, _controller, page = open_page(qtbot, path)
    dock = suggest_soc_for_card(page, "k1")
    qtbot.waitUntil(lambda: dock.data is not None, timeout=10_000)
    dock.search.setText("xyzzy qwerty")
    dock.refresh_suggestions()
    assert dock.suggestions() == []
    assert "No SOC occupation matches" in dock.results.item(0).text()
    QTest.keyClick(dock.search, Qt.Key_Return)
    assert wf.ws.sessions[SID].cards["k1"].soc_code == ""
    wf.close()
