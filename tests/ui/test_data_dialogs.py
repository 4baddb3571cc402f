"""The Data menu in the real window: data prompts onto the wall, the crosswalk edited in place,
region and industry picked by typing, and a partnership's own figures imported (or refused)."""

from __future__ import annotations

import pandas as pd
import pytest
from PySide6.QtCore import Qt
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QApplication, QLineEdit, QMessageBox

from cardwall.commands import EditPartnership
from cardwall.wall import critical_occupations
from storage import backups
from storage.workspace import WorkspaceFile
from tests.helpers import reopen
from ui.data.crosswalk import CrosswalkDialog
from ui.data.menu import import_figures, wall_session_id
from ui.data.prompts import DataPromptsDialog
from ui.dialogs import PartnershipDialog
from ui.main_window import MainWindow


@pytest.fixture
def window(qtbot, monkeypatch, demo_path):
    shown: list[tuple[str, str]] = []
    monkeypatch.setattr(QMessageBox, "warning", lambda parent, title, text, *a: shown.append((title, text)))
    w = MainWindow()
    w.shown = shown
    qtbot.addWidget(w)
    w.show()
    assert w.open_workspace(demo_path)
    w.controller.run(
        EditPartnership(
            region="Colorado", area_code="0800000", industry="Machinery Manufacturing", industry_code="333000"
        )
    )
    yield w
    w.close_workspace()


def type_into_cell(table, row: int, column: int, text: str) -> None:
    """F2 opens the cell's editor, the text replaces what was there, Enter commits: as a user does."""
    table.setFocus()
    table.setCurrentCell(row, column)
    QTest.keyClick(table, Qt.Key_F2)
    editor = table.findChild(QLineEdit)
    assert editor is not None and editor.isVisible()
    editor.selectAll()
    QTest.keyClicks(editor, text)
    QTest.keyClick(editor, Qt.Key_Return)
    QApplication.processEvents()


def menu_action(window, text: str):
    return next(a for a in window.data_menu.actions() if a.text().replace("&", "") == text)


def test_data_prompts_put_families_and_prompt_cards_on_the_wall_in_one_step(window, demo_path, qtbot):
    wall_id = wall_session_id(window)
    before = reopen(demo_path).sessions[wall_id]
    menu_action(window, "Data prompts…").trigger()
    dialog = window.findChildren(DataPromptsDialog)[-1]
    qtbot.waitUntil(lambda: dialog.table.rowCount() > 0, timeout=10_000)

    # Machinery manufacturing, national staffing pattern: assemblers lead, then welders and machinists.
    assert [dialog.table.item(r, 2).text() for r in range(3)] == ["51-2090", "51-4121", "51-4041"]
    assert dialog.table.item(2, 5).text() == "$60,200"  # machinists' median in Colorado
    assert "Colorado" in dialog.caption.text() and "OEWS, May 2025" in dialog.caption.text()
    assert dialog.families[0][1] == "Production"

    for row in (1, 2):  # tick welders and machinists with the keyboard
        dialog.table.setCurrentCell(row, 0)
        QTest.keyClick(dialog.table.viewport(), Qt.Key_Space)
    chosen_families = [title for _code, title in dialog.chosen_families()]
    assert len(chosen_families) == 5 and [r.code for r in dialog.chosen_occupations()] == ["51-4121", "51-4041"]
    qtbot.mouseClick(dialog.put_button, Qt.LeftButton)

    after = reopen(demo_path).sessions[wall_id]
    had = {c.title.casefold() for c in before.categories.values()}
    added = [c.title for c in after.categories.values() if c.id not in before.categories]
    assert sorted(added) == sorted(t for t in chosen_families if t.casefold() not in had)
    prompts = [c for c in after.cards.values() if c.id not in before.cards]
    assert sorted((c.soc_code, c.prompt, c.category_id) for c in prompts) == [
        ("51-4041", True, None),
        ("51-4121", True, None),
    ]
    assert "OEWS, May 2025" in prompts[0].notes
    assert len(critical_occupations(after)) == len(critical_occupations(before))  # data is not what employers said
    assert "one undo step" in dialog.result_label.text()

    window.undo_action.trigger()
    assert reopen(demo_path).sessions[wall_id] == before


def test_crosswalk_edits_in_place_and_refuses_a_bad_code(window, demo_path, qtbot):
    wall_id = wall_session_id(window)
    menu_action(window, "SOC crosswalk…").trigger()
    dialog = window.findChildren(CrosswalkDialog)[-1]
    qtbot.waitUntil(lambda: dialog.data is not None, timeout=10_000)
    bands = [dialog.table.item(r, 0).text() for r in range(dialog.table.rowCount()) if r not in dialog.row_cards]
    assert [b.split(" (")[0] for b in bands] == ["Advanced", "Mid", "Entry"]

    row, card_id = next((r, c) for r, c in dialog.row_cards.items())
    type_into_cell(dialog.table, row, 1, "51-4041")
    card = reopen(demo_path).sessions[wall_id].cards[card_id]
    assert (card.soc_code, card.soc_title) == ("51-4041", "Machinists")
    qtbot.wait(10)  # the table refills once the editor has closed
    row = next(r for r, c in dialog.row_cards.items() if c == card_id)
    assert dialog.table.item(row, 3).text() == "$60,200" and dialog.table.item(row, 4).text() == "2,800"

    type_into_cell(dialog.table, row, 6, "Associate degree & apprenticeship")
    assert reopen(demo_path).sessions[wall_id].cards[card_id].education == "Associate degree & apprenticeship"
    qtbot.wait(10)

    row = next(r for r, c in dialog.row_cards.items() if c == card_id)
    type_into_cell(dialog.table, row, 1, "514041")
    assert "looks like 51-4041" in dialog.message.text()
    assert reopen(demo_path).sessions[wall_id].cards[card_id].soc_code == "51-4041"
    qtbot.wait(10)
    row = next(r for r, c in dialog.row_cards.items() if c == card_id)
    assert dialog.table.item(row, 1).text() == "51-4041"


def test_region_and_industry_are_picked_by_typing(window, demo_path, qtbot):
    dialog = PartnershipDialog(window.controller.ws.partnership, window)
    qtbot.addWidget(dialog)
    dialog.show()
    qtbot.waitUntil(lambda: dialog.region.model.rowCount() > 500, timeout=10_000)
    dialog.activateWindow()
    dialog.region.setFocus()
    qtbot.waitUntil(dialog.region.hasFocus)
    dialog.region.clear()
    qtbot.keyClicks(dialog.region, "denv")
    popup = dialog.region.completer().popup()
    qtbot.waitUntil(popup.isVisible)
    QTest.keyClick(popup, Qt.Key_Down)
    QTest.keyClick(popup, Qt.Key_Return)
    assert dialog.region.text() == "Denver-Aurora-Centennial, CO"
    dialog.industry.setFocus()
    qtbot.waitUntil(dialog.industry.hasFocus)
    dialog.industry.clear()
    qtbot.keyClicks(dialog.industry, "machine shops")
    popup = dialog.industry.completer().popup()
    qtbot.waitUntil(popup.isVisible)
    QTest.keyClick(popup, Qt.Key_Down)
    QTest.keyClick(popup, Qt.Key_Return)
    values = dialog.values()
    assert (values["area_code"], values["industry"], values["industry_code"]) == (
        "0019740",
        "Machine Shops; Turned Product; and Screw, Nut, and Bolt Manufacturing",
        "332700",
    )
    assert window.controller.run(EditPartnership(**values))
    saved = reopen(demo_path).partnership
    assert (saved.region, saved.area_code, saved.industry_code) == ("Denver-Aurora-Centennial, CO", "0019740", "332700")

    dialog.region.setText("Western Slope (our own name)")  # free text keeps no code
    assert dialog.values()["area_code"] == ""


def test_importing_figures_from_the_menu_and_refusing_a_malformed_file(window, demo_path, tmp_path):
    good = tmp_path / "oes_co.xlsx"
    pd.DataFrame(
        [("08", "2", "000000", "51-4041", "Machinists", "detailed", "3,100", "29.50", "61360")],
        columns=["AREA", "AREA_TYPE", "NAICS", "OCC_CODE", "OCC_TITLE", "O_GROUP", "TOT_EMP", "H_MEDIAN", "A_MEDIAN"],
    ).to_excel(good, index=False)
    report = import_figures(window, "oews", str(good))
    assert report.startswith("oes_co.xlsx: read 1 rows, imported 1 OEWS figures rows, skipped 0.")
    menu_action(window, "SOC crosswalk…").trigger()
    crosswalk = window.findChildren(CrosswalkDialog)[-1]
    assert "oes_co.xlsx, imported" in crosswalk.caption.text()  # the figures say where they came from
    bad = tmp_path / "proj.csv"
    bad.write_text("SOC code,Title,Base employment,Projected employment,Annual openings\n51-4041,Machinists,x,3,1\n")
    assert import_figures(window, "projections", str(bad)) is None
    title, text = window.shown[-1]
    assert title == "Nothing was imported" and "proj.csv: row 2: Base employment is 'x'" in text
    assert window.controller.undo_stack.undoText() == "Import figures from oes_co.xlsx"  # one undo step
    window.close_workspace()
    with WorkspaceFile.open(demo_path, readonly=True) as again:
        mine = again.imported_figures("0800000")
    assert list(mine) == ["51-4041"] and mine["51-4041"].median == 61360 and mine["51-4041"].openings is None
    assert backups.list_backups(demo_path, "import")  # kept before the import


def test_a_plain_sector_name_finds_its_code(window, qtbot):
    dialog = PartnershipDialog(window.controller.ws.partnership, window)
    qtbot.addWidget(dialog)
    qtbot.waitUntil(lambda: dialog.industry.model.rowCount() > 400, timeout=10_000)
    dialog.industry.setText("Manufacturing")
    assert dialog.values()["industry_code"] == "31--34"


def test_data_prompts_fit_a_1280x720_screen_with_their_buttons_on_it(window, qtbot, monkeypatch):
    from PySide6.QtCore import QRect
    from PySide6.QtGui import QScreen

    monkeypatch.setattr(QScreen, "availableGeometry", lambda self: QRect(0, 0, 1280, 720))
    menu_action(window, "Data prompts…").trigger()
    dialog = window.findChildren(DataPromptsDialog)[-1]
    qtbot.waitUntil(lambda: dialog.table.rowCount() > 0, timeout=10_000)
    dialog.show()
    QApplication.processEvents()
    frame = dialog.frameGeometry()
    assert frame.width() <= 1280 and frame.height() <= 720, frame
    for button in (dialog.put_button, dialog.buttons.button(dialog.buttons.StandardButton.Close)):
        corner = button.mapTo(dialog, button.rect().bottomRight())
        assert dialog.rect().contains(corner) and button.isVisible()
    # The buttons work from there: Close closes.
    qtbot.mouseClick(dialog.buttons.button(dialog.buttons.StandardButton.Close), Qt.LeftButton)
    assert not dialog.isVisible()
