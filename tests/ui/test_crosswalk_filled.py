"""The crosswalk dialog shows the demo's SOC titles, education and credentials, not empty columns."""

from __future__ import annotations

from tests.ui.test_data_dialogs import menu_action, window  # noqa: F401  (the fixture)
from ui.data.crosswalk import COLUMNS, CrosswalkDialog


def test_demo_crosswalk_has_titles_education_and_credentials(window, qtbot):  # noqa: F811
    menu_action(window, "SOC crosswalk…").trigger()
    dialog = window.findChildren(CrosswalkDialog)[-1]
    qtbot.waitUntil(lambda: dialog.data is not None, timeout=10_000)
    columns = {name: i for i, name in enumerate(COLUMNS)}
    for row in dialog.row_cards:
        coded = dialog.table.item(row, columns["SOC code"]).text()
        for name in ("SOC title", "Education", "Credentials"):
            assert dialog.table.item(row, columns[name]).text(), (row, name, coded)
    row = next(r for r in dialog.row_cards if dialog.table.item(r, 0).text().startswith("CNC machinist"))
    assert dialog.table.item(row, columns["SOC title"]).text() == "Machinists"
