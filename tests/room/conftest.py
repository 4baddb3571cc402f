"""The room's fixtures: a served demo session (in this process or as `cardwall room`) and a small client."""

from __future__ import annotations

import json
import os
import signal
import subprocess
import sys
import tempfile
import urllib.error
import urllib.request
import uuid
from pathlib import Path

import pytest

# Room records (code, devices) go to a temp folder, never the tester's own state folder.
os.environ["XDG_STATE_HOME"] = tempfile.mkdtemp(prefix="cardwall-room-state-")

from storage.workspace import WorkspaceFile
from ui.room import open_room
from ui.room.host import ThreadHost

WALL = "critical-occupations"  # the demo's wall session
PANELS = "skill-panel"  # the demo's skill panels (tool and die maker first)


def call(method: str, url: str, body=None, *, token: str | None = None, raw: bytes | None = None):
    """(status, JSON answer) of one request; never raises for an HTTP error status."""
    data = raw if raw is not None else (json.dumps(body).encode() if body is not None else None)
    request = urllib.request.Request(url, data=data, method=method)
    if data is not None:
        request.add_header("Content-Type", "application/json")
    if token:
        request.add_header("Authorization", f"Bearer {token}")
    try:
        with urllib.request.urlopen(request, timeout=20) as response:
            return response.status, json.loads(response.read() or b"{}")
    except urllib.error.HTTPError as exc:
        text = exc.read()
        try:
            return exc.code, json.loads(text or b"{}")
        except ValueError:
            return exc.code, {"raw": text.decode("utf-8", "replace")}


def cid() -> str:
    return uuid.uuid4().hex


class Served:
    """A room reached over loopback: its addresses, and helpers that join and write."""

    def __init__(self, join_url: str, notes_url: str) -> None:
        self.join_url, self.notes_url = join_url, notes_url
        self.base = join_url.split("/join/")[0]
        self.code = join_url.rsplit("/", 1)[1]
        self.notes_code = notes_url.rsplit("/", 1)[1]

    def api(self, method: str, path: str, body=None, *, token=None, raw=None):
        return call(method, f"{self.base}/api/v1/{path}", body, token=token, raw=raw)

    def join(self, name: str, organization: str = "Acme", code: str | None = None) -> str:
        status, answer = self.api(
            "POST", "join", {"code": code or self.code, "name": name, "organization": organization}
        )
        assert status == 200, answer
        return answer["token"]


@pytest.fixture
def serve(tmp_path: Path):
    """Serve a demo session from this process: serve(kind, open_for) -> (Served, room, host, wf)."""
    from storage.demo import build_demo

    opened = []

    def start(kind: str = WALL, open_for: tuple[str, ...] | None = None):
        path = build_demo(tmp_path / f"demo-{len(opened)}.cardwall")
        wf = WorkspaceFile.open(path)
        session_id = next(s.id for s in wf.ws.ordered_sessions() if s.info.kind == kind)
        host = ThreadHost(wf)
        host.start()
        room, server = host.submit(lambda: open_room(host, path, session_id, open_for=open_for)).result(20)
        opened.append((server, host, wf))
        return Served(server.join_url, server.notes_url), room, host, wf

    yield start
    for server, host, wf in opened:
        server.stop()
        host.stop()
        wf.close()


class RoomProcess:
    """`cardwall room` as a process, the way a script or a laptop without a display runs it."""

    def __init__(self, path: Path, *args: str, state: Path) -> None:
        env = {**os.environ, "XDG_STATE_HOME": str(state), "PYTHONUNBUFFERED": "1"}
        self.proc = subprocess.Popen(
            [sys.executable, "-m", "ui.cli", "room", str(path), "--port", "0", *args],
            stdout=subprocess.PIPE,
            stderr=subprocess.PIPE,
            text=True,
            env=env,
        )
        join_url = self.proc.stdout.readline().strip()
        notes_url = self.proc.stdout.readline().strip()
        if not join_url.startswith("http://"):
            self.proc.kill()
            raise AssertionError(f"no address printed: {join_url!r} {self.proc.stderr.read()}")
        self.served = Served(join_url, notes_url)

    def terminate(self) -> int:
        self.proc.send_signal(signal.SIGTERM)
        return self.proc.wait(20)

    def kill(self) -> None:
        self.proc.kill()
        self.proc.wait(20)
