"""The Room menu in the app: what phones send lands on the wall as undoable commands; closing stops it."""

from __future__ import annotations

import os
from concurrent.futures import ThreadPoolExecutor

import pytest
from PySide6.QtWidgets import QApplication

from tests.helpers import reopen
from tests.room.conftest import Served, call, cid
from ui.main_window import MainWindow
from ui.room_panel import open_room_dialog, remove_device_dialog, show_code

HOSTILE = "<img src=x onerror=alert(1)>"
SHOTS = os.environ.get("CARDWALL_ROOM_SHOTS")


@pytest.fixture
def pool():
    with ThreadPoolExecutor(4) as p:
        yield p


def _ask(qtbot, pool, method, url, body=None, token=None):
    """A device's request, answered while the app's event loop runs (the main thread holds the workspace)."""
    future = pool.submit(call, method, url, body, token=token)
    qtbot.waitUntil(future.done, timeout=10000)
    return future.result()


def _open(qtbot, demo_path):
    window = MainWindow()
    qtbot.addWidget(window)
    window.resize(1600, 900)
    window.show()
    assert window.open_workspace(demo_path)
    wall = next(s.id for s in window.controller.ws.ordered_sessions() if s.info.kind == "critical-occupations")
    window.show_session(wall)
    assert window.page.__class__.__name__ == "WallPage"
    assert open_room_dialog(window, choice="127.0.0.1")
    server = window.room.server
    return window, Served(server.join_url, server.notes_url)


def _join(qtbot, pool, served, name, organization="Acme"):
    body = {"code": served.code, "name": name, "organization": organization}
    status, answer = _ask(qtbot, pool, "POST", f"{served.base}/api/v1/join", body)
    assert status == 200, answer
    return answer["token"]


def test_a_phones_card_lands_in_the_tray_with_its_author_as_one_undoable_command(qtbot, demo_path, pool):
    window, served = _open(qtbot, demo_path)
    try:
        token = _join(qtbot, pool, served, HOSTILE, HOSTILE)
        assert window.room_status.text() == "Room open: 1 device"
        body = {"text": HOSTILE, "client_id": cid()}
        status, made = _ask(qtbot, pool, "POST", f"{served.base}/api/v1/cards", body, token)
        assert status == 201
        session = window.controller.ws.sessions[window.session_id]
        card = session.cards[made["id"]]
        assert card.category_id is None and session.participants[card.author_id].name == HOSTILE
        qtbot.waitUntil(lambda: made["id"] in window.page.scene.cards)
        assert window.page.scene.cards[made["id"]].card.text == HOSTILE  # drawn as plain text (QStaticText)
        assert window.controller.undo_stack.undoText() == "Add card"
        window.controller.undo_stack.undo()
        assert made["id"] not in session.cards
        qtbot.waitUntil(lambda: made["id"] not in window.page.scene.cards)
        assert made["id"] not in reopen(demo_path).sessions[window.session_id].cards
        # The phone retries what it never saw acknowledged: the same card comes back once, not twice.
        status, again = _ask(qtbot, pool, "POST", f"{served.base}/api/v1/cards", body, token)
        assert (status, again["id"]) == (200, made["id"])
    finally:
        window.close_workspace()


def test_the_facilitator_locks_removes_reveals_and_closing_stops_the_server(qtbot, demo_path, pool):
    window, served = _open(qtbot, demo_path)
    token, other = _join(qtbot, pool, served, "Dana Reyes"), _join(qtbot, pool, served, "Lee Park")
    code = show_code(window)
    assert code.isVisible() and "2 devices joined" in code.devices.text()
    if SHOTS:
        code.resize(1280, 720)
        QApplication.processEvents()
        code.grab().save(os.path.join(SHOTS, "projector-code.png"))
    window.room_actions["notes"].trigger()
    assert QApplication.clipboard().text() == served.notes_url
    assert served.notes_code not in code.address.text() + code.code.text()  # the projector shows only the join code
    window.room_actions["lock"].trigger()
    status, _ = _ask(qtbot, pool, "POST", f"{served.base}/api/v1/join", {"code": served.code, "name": "Late"})
    assert status == 403
    window.room_actions["lock"].trigger()
    window.room_actions["cards"].trigger()  # cards off
    assert "cards" not in window.room.room.open_for
    status, _ = _ask(qtbot, pool, "POST", f"{served.base}/api/v1/cards", {"text": "x", "client_id": cid()}, token)
    assert status == 409
    device = next(d for d in window.room.room.devices.values() if d.participant_id and not d.removed)
    remove_device_dialog(window, device_id=device.id)
    assert window.room_status.text() == "Room open: 1 device"
    window.close_workspace()
    qtbot.waitUntil(lambda: not window.room.is_open, timeout=5000)
    with pytest.raises(OSError):
        call("GET", f"{served.base}/api/v1/state", token=other)
    assert not window.room_actions["close"].isEnabled()
