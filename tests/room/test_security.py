"""Who gets in and what gets through: codes, tokens, sizes, malformed bodies, locks, removed devices."""

from __future__ import annotations

import http.client
import json
import socket
from pathlib import Path

import pytest

import resources
from tests.room.conftest import WALL, cid
from ui.room.server import JoinGuard


def _join_from(address: str, port: int, code: str) -> int:
    """A join from another source address on loopback (another phone in the room)."""
    conn = http.client.HTTPConnection("127.0.0.1", port, timeout=20, source_address=(address, 0))
    conn.request("POST", "/api/v1/join", json.dumps({"code": code, "name": "Dana", "organization": "Acme"}))
    status = conn.getresponse().status
    conn.close()
    return status


def test_wrong_codes_are_refused_then_the_address_is_locked_out_and_no_one_else(serve):
    served, room, _host, _wf = serve(WALL)
    port = int(served.base.rsplit(":", 1)[1])
    for n in range(JoinGuard.BLOCK_AFTER):
        wrong = "X" * 7 + "23456789ABCDEFGH"[n]
        assert _join_from("127.0.0.3", port, wrong) == 403
    assert _join_from("127.0.0.3", port, served.code) == 429  # refused even with the right code: never let in
    assert _join_from("127.0.0.4", port, served.code) == 200  # another phone is not locked out
    assert all(d.participant_id for d in room.devices.values())


def test_the_guard_slows_then_refuses_and_forgets_after_its_window():
    now = [0.0]
    guard = JoinGuard(clock=lambda: now[0])
    delays = []
    for _ in range(JoinGuard.BLOCK_AFTER):
        delays.append(guard.delay("a"))
        guard.failed("a")
    assert delays[0] == 0 and delays[-1] > delays[JoinGuard.FREE] > 0
    assert guard.refused("a") and not guard.refused("b")
    now[0] += JoinGuard.WINDOW + 1
    assert not guard.refused("a")


def test_codes_are_long_and_random(serve):
    served, _room, _host, _wf = serve(WALL)
    assert len(served.code) == 8 and len(served.notes_code) == 12 and served.code != served.notes_code
    assert len(set(served.code)) > 1


@pytest.mark.parametrize("header", [None, "Bearer", "Bearer forged-token-0123456789", "Basic abc"])
def test_missing_and_forged_tokens_get_401(serve, header):
    served, room, _host, _wf = serve(WALL)
    served.join("Dana Reyes")
    before = len(room.session.cards)
    for method, path, body in [("GET", "state", None), ("POST", "cards", {"text": "x", "client_id": cid()})]:
        token = header.partition(" ")[2] if header and header.startswith("Bearer") else None
        status, answer = served.api(method, path, body, token=token)
        assert status == 401 and answer["error"]
    assert len(room.session.cards) == before


def test_a_1mb_body_gets_413_and_malformed_json_400(serve):
    served, room, _host, _wf = serve(WALL)
    token = served.join("Dana Reyes")
    before = len(room.session.cards)
    huge = json.dumps({"text": "x" * 1_000_000, "client_id": cid()}).encode()
    assert served.api("POST", "cards", token=token, raw=huge)[0] == 413
    assert served.api("POST", "join", raw=b"{" * 70_000)[0] == 413
    assert served.api("POST", "cards", token=token, raw=b'{"text": "x",')[0] == 400
    assert served.api("POST", "cards", token=token, raw=b"\xff\xfe")[0] == 400
    assert served.api("POST", "cards", token=token, raw=b'["a list"]')[0] == 400
    assert served.api("POST", "cards", {"text": "no client id"}, token=token)[0] == 422
    assert served.api("POST", "cards", {"text": 42, "client_id": cid()}, token=token)[0] == 422
    assert served.api("POST", "cards", {"text": "   ", "client_id": cid()}, token=token)[0] == 422
    assert served.api("POST", "cards", {"text": "x" * 501, "client_id": cid()}, token=token)[0] == 422
    assert served.api("POST", "join", {"code": served.code, "name": ["x"]})[0] == 422
    assert len(room.session.cards) == before


def test_text_goes_through_the_apps_cleaning(serve):
    served, room, _host, _wf = serve(WALL)
    token = served.join("  Dana \x1b Reyes ", "Acme\x00")
    _, made = served.api("POST", "cards", {"text": " Tool\x07maker \r\n", "client_id": cid()}, token=token)
    card = room.session.cards[made["id"]]
    assert card.text == "Toolmaker"
    assert room.session.participants[card.author_id].name == "Dana Reyes"


def test_a_locked_room_refuses_joins_and_writes(serve):
    served, room, host, _wf = serve(WALL)
    token = served.join("Dana Reyes")
    host.submit(lambda: room.set_locked(True)).result(5)
    status, answer = served.api("POST", "join", {"code": served.code, "name": "Late", "organization": ""})
    assert status == 403 and "locked" in answer["error"]
    assert served.api("POST", "cards", {"text": "Welder", "client_id": cid()}, token=token)[0] == 409
    assert served.api("GET", "state", token=token)[1]["room"]["locked"] is True


def test_a_removed_device_is_out(serve):
    served, room, host, _wf = serve(WALL)
    token, other = served.join("Dana Reyes"), served.join("Lee Park")
    device_id = next(
        d.id for d in room.devices.values() if room.session.participants[d.participant_id].name == "Dana Reyes"
    )
    host.submit(lambda: room.remove_device(device_id)).result(5)
    assert served.api("GET", "state", token=token)[0] == 403
    assert served.api("POST", "cards", {"text": "Welder", "client_id": cid()}, token=token)[0] == 403
    assert served.api("GET", "state", token=other)[0] == 200
    assert room.device_count() == 1


def test_each_device_writes_at_a_bounded_rate(serve):
    served, _room, _host, _wf = serve(WALL)
    token = served.join("Dana Reyes")
    statuses = [
        served.api("POST", "cards", {"text": f"Card {n}", "client_id": cid()}, token=token)[0] for n in range(45)
    ]
    assert 429 in statuses and statuses[0] == 201
    assert statuses.count(201) < 45


def test_only_its_own_pages_with_a_policy_against_inline_script(serve):
    served, _room, _host, _wf = serve(WALL)
    for path in ("/etc/passwd", "/room/../../storage/workspace.py", "/room/room.html", "/", "/room/%2e%2e/x"):
        conn = http.client.HTTPConnection("127.0.0.1", int(served.base.rsplit(":", 1)[1]), timeout=10)
        conn.request("GET", path)
        assert conn.getresponse().status == 404, path
        conn.close()
    import urllib.request

    with urllib.request.urlopen(served.join_url) as page:
        csp = page.headers["Content-Security-Policy"]
        html = page.read().decode()
    assert "script-src 'self'" in csp and "unsafe-inline" not in csp
    assert "<script>" not in html and " on" not in html.replace(" onerror", "")
    for name in ("room.html", "notes.html"):
        text = Path(resources.path("room", name)).read_text()
        assert "<script>" not in text and "http://" not in text and "https://" not in text


def test_it_listens_only_on_the_chosen_interface(serve):
    served, _room, _host, _wf = serve(WALL)
    port = int(served.base.rsplit(":", 1)[1])
    with pytest.raises(OSError):
        socket.create_connection(("127.0.0.2", port), timeout=5).close()
    socket.create_connection(("127.0.0.1", port), timeout=5).close()
