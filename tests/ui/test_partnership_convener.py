"""The convener typed in the Partnership dialog is who the e-mail draft comes from, after a reopen."""

from __future__ import annotations

import email
from email import policy

from PySide6.QtCore import Qt

from cardwall.commands import EditPartnership
from exporters.bundle import export_session
from tests.helpers import reopen
from ui.dialogs import PartnershipDialog
from ui.main_window import MainWindow


def test_convener_and_cc_setting_are_edited_saved_and_used(qtbot, demo_path, tmp_path):
    w = MainWindow()
    qtbot.addWidget(w)
    w.show()
    assert w.open_workspace(demo_path)
    dialog = PartnershipDialog(w.controller.ws.partnership, w)
    qtbot.addWidget(dialog)
    dialog.show()
    assert dialog.convener_name.text() == "Ruth Abernathy"  # the demo's convener
    for field, text in ((dialog.convener_name, "Maria Lopez"), (dialog.convener_email, "hung@example.org")):
        field.setFocus()
        field.selectAll()
        qtbot.keyClicks(field, text)
    assert dialog.cc_partners.isChecked()
    qtbot.mouseClick(dialog.cc_partners, Qt.LeftButton)
    assert w.controller.run(EditPartnership(**dialog.values()))
    w.close_workspace()

    ws = reopen(demo_path)
    p = ws.partnership
    assert (p.convener_name, p.convener_email, p.cc_partners) == ("Maria Lopez", "hung@example.org", False)
    session = ws.latest_session()
    export_session(ws, session.id, tmp_path)
    msg = email.message_from_bytes((tmp_path / "summary.eml").read_bytes(), policy=policy.default)
    (sender,) = msg["From"].addresses
    assert (sender.display_name, sender.addr_spec) == ("Maria Lopez", "hung@example.org")
    assert msg["Cc"] is None
