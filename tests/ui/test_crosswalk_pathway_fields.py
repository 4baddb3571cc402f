"""The pathway map's job description and tools are typed in the crosswalk, saved, and carried by every export."""

from __future__ import annotations

import csv
import json

from openpyxl import load_workbook

from exporters.bundle import export_session
from storage.figures import session_pathway_figures
from tests.exporters.test_pathway_pdf import text_of
from tests.helpers import reopen
from tests.ui.test_data_dialogs import menu_action, type_into_cell, window  # noqa: F401  (the fixture)
from ui.data.crosswalk import COLUMNS, CrosswalkDialog
from ui.data.menu import wall_session_id

DESCRIPTION = "Sets up & runs CNC lathes <and mills> to tight tolerances"
TOOLS = "Mastercam; Fanuc controls; calipers"


def test_description_and_tools_are_typed_saved_and_exported(window, demo_path, qtbot, tmp_path):  # noqa: F811
    wall_id = wall_session_id(window)
    menu_action(window, "SOC crosswalk…").trigger()
    dialog = window.findChildren(CrosswalkDialog)[-1]
    qtbot.waitUntil(lambda: dialog.data is not None, timeout=10_000)
    row, card_id = next(iter(dialog.row_cards.items()))
    type_into_cell(dialog.table, row, COLUMNS.index("Job description"), DESCRIPTION)
    qtbot.wait(10)
    row = next(r for r, c in dialog.row_cards.items() if c == card_id)
    type_into_cell(dialog.table, row, COLUMNS.index("Tools & technology"), TOOLS)
    ws = reopen(demo_path)
    card = ws.sessions[wall_id].cards[card_id]
    assert (card.description, card.tools) == (DESCRIPTION, TOOLS)
    assert window.controller.undo_stack.undoText() == "Edit card"

    export_session(ws, wall_id, tmp_path, figures=session_pathway_figures(ws, wall_id))
    with (tmp_path / "crosswalk.csv").open(encoding="utf-8-sig", newline="") as f:
        row = next(r for r in csv.DictReader(f) if r["title"] == card.text)
    assert (row["description"], row["tools"]) == (DESCRIPTION, TOOLS)
    with (tmp_path / "cards.csv").open(encoding="utf-8-sig", newline="") as f:
        row = next(r for r in csv.DictReader(f) if r["id"] == card_id)
    assert (row["description"], row["tools"]) == (DESCRIPTION, TOOLS)
    sheet = load_workbook(tmp_path / "session.xlsx")["crosswalk"]
    header = [c.value for c in sheet[1]]
    values = [[c.value for c in r] for r in sheet.iter_rows(min_row=2)]
    assert [DESCRIPTION, TOOLS] in [[v[header.index("description")], v[header.index("tools")]] for v in values]
    data = json.loads((tmp_path / "session.json").read_text(encoding="utf-8"))
    mine = next(k for k in data["cards"] if k["id"] == card_id)
    assert (mine["description"], mine["tools"]) == (DESCRIPTION, TOOLS)
    _pages, text = text_of((tmp_path / "pathway-map.pdf").read_bytes())
    assert DESCRIPTION in text and TOOLS in text
