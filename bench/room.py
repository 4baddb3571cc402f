"""room_card_p99_ms, room_to_wall_ms: the room's devices over loopback, to the file and to the wall."""

from __future__ import annotations

import asyncio
import os
import statistics
import tempfile
import time
import uuid
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path

KEYS = {"room_card_p99_ms", "room_to_wall_ms"}
DEVICES, ROUNDS, WALL_SAMPLES = 40, 5, 30


def measure(only: set[str]) -> dict[str, float]:
    if only and not (only & KEYS):
        return {}
    out: dict[str, float] = {}
    with tempfile.TemporaryDirectory() as tmp:
        os.environ["XDG_STATE_HOME"] = str(Path(tmp) / "state")  # the bench's rooms are not the user's
        if not only or "room_card_p99_ms" in only:
            out.update(_cards_at_once(Path(tmp)))
        if not only or "room_to_wall_ms" in only:
            out.update(_to_wall(Path(tmp)))
    return out


def _cards_at_once(tmp: Path) -> dict[str, float]:
    """40 devices each send two cards at the same moment to `cardwall room` (its own process, as in the room);
    each request is timed until its answer, which comes after the commit."""
    import signal
    import subprocess
    import sys

    import aiohttp

    from storage.demo import build_demo

    path = build_demo(tmp / "cards.cardwall")
    room = subprocess.Popen(
        [sys.executable, "-m", "ui.cli", "room", str(path), "--port", "0", "--open", "cards"],
        stdout=subprocess.PIPE,
        text=True,
        env={**os.environ, "XDG_STATE_HOME": str(tmp / "state")},
    )
    join_url = room.stdout.readline().strip()
    base, code = join_url.split("/join/")

    async def run() -> list[float]:
        timings: list[float] = []
        # Timed from the moment a request has left for the server to its answer: forty phones send at once,
        # but this one process cannot, so its own queue of requests waiting to be written is not counted.
        sent_at: dict[int, float] = {}
        trace = aiohttp.TraceConfig()

        async def on_sent(_session, ctx, _params) -> None:
            sent_at[id(ctx)] = time.perf_counter()

        async def on_answer(_session, ctx, _params) -> None:
            if id(ctx) in sent_at and ctx.trace_request_ctx == "timed":
                timings.append((time.perf_counter() - sent_at.pop(id(ctx))) * 1000)

        trace.on_request_chunk_sent.append(on_sent)
        trace.on_request_end.append(on_answer)
        connector = aiohttp.TCPConnector(limit=0)
        async with aiohttp.ClientSession(connector=connector, trace_configs=[trace]) as client:
            tokens = []
            for n in range(DEVICES):
                body = {"code": code, "name": f"Bench {n}", "organization": "Bench"}
                async with client.post(f"{base}/api/v1/join", json=body) as r:
                    tokens.append((await r.json())["token"])

            async def card(token: str, text: str) -> None:
                headers = {"Authorization": f"Bearer {token}"}
                body = {"text": text, "client_id": uuid.uuid4().hex}
                async with client.post(
                    f"{base}/api/v1/cards", json=body, headers=headers, trace_request_ctx="timed"
                ) as r:
                    assert r.status == 201, await r.text()

            for round_ in range(ROUNDS + 1):
                await asyncio.gather(*(card(t, f"Card {round_}-{n}-{i}") for n, t in enumerate(tokens) for i in (0, 1)))
                if round_ == 0:
                    timings.clear()  # phones in the room are connected already (joined, listening): not timed
                await asyncio.sleep(0.3)  # devices' write allowance refills between rounds, as between prompts
        return timings

    try:
        timings = asyncio.run(run())
    finally:
        room.send_signal(signal.SIGTERM)
        room.wait(30)
    timings.sort()
    return {
        "room_card_p99_ms": round(timings[int(len(timings) * 0.99) - 1], 2),
        "room_card_median_ms": round(statistics.median(timings), 2),
    }


def call(method: str, url: str, body: dict, *, token: str | None = None) -> tuple[int, dict]:
    import json
    import urllib.request

    request = urllib.request.Request(url, data=json.dumps(body).encode(), method=method)
    if token:
        request.add_header("Authorization", f"Bearer {token}")
    with urllib.request.urlopen(request, timeout=20) as response:
        return response.status, json.loads(response.read())


def _to_wall(tmp: Path) -> dict[str, float]:
    """A device's card, from its request to the card painted on the facilitator's wall (the app's main window)."""
    from PySide6.QtWidgets import QApplication

    from storage.demo import build_demo
    from ui.main_window import MainWindow
    from ui.room_panel import open_room_dialog

    app = QApplication.instance() or QApplication([])
    path = build_demo(tmp / "wall.cardwall")
    window = MainWindow()
    window.resize(1920, 1080)
    window.show()
    window.open_workspace(path)
    wall = next(s.id for s in window.controller.ws.ordered_sessions() if s.info.kind == "critical-occupations")
    window.show_session(wall)
    app.processEvents()
    open_room_dialog(window, choice="127.0.0.1")
    server = window.room.server
    base = server.join_url.split("/join/")[0]
    timings = []
    with ThreadPoolExecutor(1) as pool:
        joining = pool.submit(call, "POST", f"{base}/api/v1/join", {"code": window.room.room.code, "name": "Bench"})
        while not joining.done():
            app.processEvents()
        token = joining.result()[1]["token"]
        for n in range(WALL_SAMPLES):
            body = {"text": f"Bench card {n}", "client_id": uuid.uuid4().hex}
            started = time.perf_counter()
            sending = pool.submit(call, "POST", f"{base}/api/v1/cards", body, token=token)
            card_id = None
            while card_id is None:
                app.processEvents()
                session = window.controller.ws.sessions[wall]
                card_id = next((c.id for c in session.cards.values() if c.text == body["text"]), None)
            while card_id not in window.page.scene.cards:
                app.processEvents()
            window.page.view.viewport().repaint()  # painted, not just placed
            timings.append((time.perf_counter() - started) * 1000)
            while not sending.done():
                app.processEvents()
            time.sleep(0.05)
    window.close_workspace()
    window.close()
    return {"room_to_wall_ms": round(statistics.median(timings), 2)}
