"""The asset map shows what fits it: its credential rows (no skills row) and a legend of program cards and
links, not the employers' "why critical" letters; a program outside any row is still seen (in the tray)."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QApplication

from cardwall.commands import MoveCards
from tests.helpers import reopen
from tests.ui.test_assets_ui import _open
from tests.ui.wall_helpers import close_page
from ui.controller import Controller
from ui.wall.layout import TRAY


def test_the_asset_map_has_its_credential_rows_and_a_legend_of_programs_and_links(qtbot, journey_path):
    wf, _controller, page = _open(qtbot, journey_path, "asset-map")
    scene = page.scene
    assert [r.name for r in scene.layout.rows] == ["Advanced", "Mid", "Entry"]
    assert None not in scene.labels and not any(cell[1] is None and cell != TRAY for cell in scene.layout.cells)
    legend = scene.legend.text()
    assert "Why critical" not in legend and "Program" in legend and "leads to" in legend
    assert scene.legend.isVisible() and scene.legend.childItems()  # the card swatch and the arrow
    # the legend sits under the lowest row, inside the scene
    assert scene.legend.pos().y() >= max(r.y + r.height for r in scene.layout.rows)
    assert scene.sceneRect().contains(scene.legend.sceneBoundingRect())
    close_page(page, wf)


def test_the_employers_wall_keeps_its_skills_row_and_why_critical_legend(qtbot, journey_path):
    from storage.workspace import WorkspaceFile
    from ui.wall.page import WallPage

    wf = WorkspaceFile.open(journey_path, backup=False)
    wall = next(s.id for s in wf.ws.sessions.values() if s.info.kind == "critical-occupations")
    page = WallPage(Controller(wf), wall)
    qtbot.addWidget(page)
    assert [r.name for r in page.scene.layout.rows][-1] == "Skills"
    assert page.scene.legend.text().startswith("Why critical")
    close_page(page, wf)


def test_a_program_out_of_every_row_shows_in_the_tray_and_ctrl_left_brings_it_to_the_entry_row(qtbot, journey_path):
    wf, controller, page = _open(qtbot, journey_path, "asset-map")
    session = wf.ws.sessions[page.session_id]
    card = next(c for c in session.cards.values() if c.text == "CDL Class A Training")
    controller.run(MoveCards(session.id, [card.id], category_id=card.category_id, level_id=None))
    assert page.scene.cell_of(card.id) == TRAY and page.scene.cards[card.id].isVisible()
    controller.undo_stack.undo()
    assert page.scene.cell_of(card.id) == (card.category_id, card.level_id)

    # From the tray, Ctrl+Left goes to the last column's lowest row: Entry (no skills row to skip).
    controller.run(MoveCards(session.id, [card.id], category_id=None, level_id=None))
    page.scene.clearSelection()
    page.scene.cards[card.id].setSelected(True)
    page.view.setFocus()
    QTest.keyClick(page.view.viewport(), Qt.Key_Left, Qt.ControlModifier)
    QApplication.processEvents()
    saved = next(s for s in reopen(journey_path).sessions.values() if s.id == session.id).cards[card.id]
    last_column = session.ordered_categories()[-1].id
    assert (saved.category_id, saved.level_id) == (last_column, session.level_by_name("Entry").id)
    close_page(page, wf)


def test_no_link_is_drawn_over_another_programs_card(qtbot, journey_path):
    from PySide6.QtCore import QRectF

    from ui.wall.style import CARD_H, CARD_W

    wf, _controller, page = _open(qtbot, journey_path, "asset-map")
    session = wf.ws.sessions[page.session_id]
    origins = page.scene.layout.origins
    assert set(page.links.routes) == set(session.links)
    for link in session.links.values():
        route = page.links.routes[link.id]
        points = [route.pointAtPercent(i / 100) for i in range(1, 100)]
        for card_id, origin in origins.items():
            if card_id in (link.from_card_id, link.to_card_id):
                continue
            card = QRectF(origin.x(), origin.y(), CARD_W, CARD_H)
            assert not any(card.contains(p) for p in points), (session.cards[card_id].text, link)
    close_page(page, wf)
