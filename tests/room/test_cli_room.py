"""`cardwall room` as a process: addresses first, a clean stop, and kill -9 with nothing lost or doubled."""

from __future__ import annotations

import subprocess
import sys
import threading

from storage.demo import build_demo
from storage.workspace import WorkspaceFile
from tests.room.conftest import RoomProcess, call, cid


def _session(path, kind):
    with WorkspaceFile.open(path, readonly=True) as wf:
        return next(s.id for s in wf.ws.ordered_sessions() if s.info.kind == kind)


def test_prints_the_join_address_then_the_note_takers_and_stops_cleanly_on_sigterm(tmp_path):
    path = build_demo(tmp_path / "demo.cardwall")
    room = RoomProcess(path, "--session", _session(path, "critical-occupations"), state=tmp_path / "state")
    served = room.served
    assert served.join_url.startswith("http://127.0.0.1:") and "/join/" in served.join_url
    assert "/notes/" in served.notes_url
    token = served.join("Dana Reyes")
    assert served.api("POST", "cards", {"text": "Night-shift CNC lead", "client_id": cid()}, token=token)[0] == 201
    assert room.terminate() == 0
    assert not (tmp_path / "demo.cardwall-wal").exists()  # closed cleanly: the one file is the workspace
    with WorkspaceFile.open(path, readonly=True) as wf:
        texts = [c.text for s in wf.ws.sessions.values() for c in s.cards.values()]
    assert texts.count("Night-shift CNC lead") == 1
    check = subprocess.run([sys.executable, "-m", "ui.cli", "check", str(path)], capture_output=True, text=True)
    assert check.returncode == 0


def test_open_dots_on_a_named_panel(tmp_path):
    path = build_demo(tmp_path / "demo.cardwall")
    session = _session(path, "skill-panel")
    room = RoomProcess(path, "--session", session, "--panel", "tsr", "--open", "dots", state=tmp_path / "state")
    try:
        token = room.served.join("Ana Diaz")
        _, state = room.served.api("GET", "state", token=token)
        assert state["panel"]["id"] == "tsr" and state["room"] == {
            "cards": False,
            "third": False,
            "dots": True,
            "locked": False,
        }
    finally:
        assert room.terminate() == 0


def test_a_bad_panel_or_a_missing_file_is_one_line_and_exit_1(tmp_path):
    path = build_demo(tmp_path / "demo.cardwall")
    run = subprocess.run(
        [sys.executable, "-m", "ui.cli", "room", str(path), "--panel", "nope", "--port", "0"],
        capture_output=True,
        text=True,
        timeout=60,
    )
    assert run.returncode == 1 and run.stderr.count("\n") == 1 and "nope" in run.stderr
    run = subprocess.run([sys.executable, "-m", "ui.cli", "room", str(tmp_path / "none.cardwall")], capture_output=True)
    assert run.returncode == 1 and b"does not exist" in run.stderr


def test_kill_9_mid_stream_loses_nothing_acknowledged_and_a_retry_after_restart_is_not_doubled(tmp_path):
    path = build_demo(tmp_path / "demo.cardwall")
    session = _session(path, "critical-occupations")
    state = tmp_path / "state"
    room = RoomProcess(path, "--session", session, state=state)
    served = room.served
    tokens = [served.join(f"Phone {n}") for n in range(8)]
    acknowledged: dict[str, str] = {}  # client_id -> card id
    sent: list[tuple[str, str, str]] = []  # (token, client_id, text): everything sent, answered or not
    lock = threading.Lock()
    stop = threading.Event()

    def phone(token: str, n: int) -> None:
        for i in range(12):  # within a device's burst, so a resend is never throttled
            if stop.is_set():
                return
            client_id, text = cid(), f"Phone {n} card {i}"
            with lock:
                sent.append((token, client_id, text))
            try:
                status, answer = call(
                    "POST", f"{served.base}/api/v1/cards", {"text": text, "client_id": client_id}, token=token
                )
            except OSError:
                return  # the laptop died mid-request: this one was never acknowledged
            assert status == 201, answer
            with lock:
                acknowledged[client_id] = answer["id"]

    threads = [threading.Thread(target=phone, args=(t, n)) for n, t in enumerate(tokens)]
    for t in threads:
        t.start()
    while len(acknowledged) < 30:  # well into the stream
        threading.Event().wait(0.01)
    room.kill()
    stop.set()
    for t in threads:
        t.join(30)

    with WorkspaceFile.open(path, readonly=True) as wf:
        cards = wf.ws.sessions[session].cards
        assert set(acknowledged.values()) <= set(cards)  # nothing acknowledged is lost

    again = RoomProcess(path, "--session", session, state=state)
    try:
        assert again.served.code == served.code  # phones find the same room: same code, same devices
        for token, client_id, text in sent:  # every phone resends all it holds; none is doubled
            status, answer = again.served.api("POST", "cards", {"text": text, "client_id": client_id}, token=token)
            assert status in (200, 201), answer
            if client_id in acknowledged:
                assert (status, answer["id"]) == (200, acknowledged[client_id])
    finally:
        assert again.terminate() == 0
    with WorkspaceFile.open(path, readonly=True) as wf:
        texts = [c.text for c in wf.ws.sessions[session].cards.values() if c.text.startswith("Phone ")]
    assert sorted(texts) == sorted(text for _, _, text in sent)  # each exactly once
