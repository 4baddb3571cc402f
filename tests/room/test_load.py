"""Forty phones at once over loopback: two cards and three dots each, every one lands exactly once."""

from __future__ import annotations

import threading
from concurrent.futures import ThreadPoolExecutor

from tests.room.conftest import PANELS, cid

DEVICES = 40


def test_forty_devices_send_two_cards_and_three_dots_at_once(serve):
    served, room, _host, wf = serve(PANELS, ("cards", "dots"))
    tasks = sorted(t.id for t in room.session.tasks.values() if t.panel_id == room.panel_id)
    tokens = [served.join(f"Device {n}", f"Shop {n}") for n in range(DEVICES)]
    start = threading.Barrier(DEVICES)

    def device(n: int) -> list[int]:
        token = tokens[n]
        writes = [("cards", {"text": f"Device {n} card {i}", "client_id": cid()}) for i in range(2)]
        writes += [("dots", {"task": tasks[(n + i) % len(tasks)], "client_id": cid()}) for i in range(3)]
        start.wait()
        statuses = []
        for path, body in writes:
            statuses.append(served.api("POST", path, body, token=token)[0])
            statuses.append(served.api("POST", path, body, token=token)[0])  # a retry on flaky Wi-Fi
        return statuses

    with ThreadPoolExecutor(DEVICES) as pool:
        results = list(pool.map(device, range(DEVICES)))
    for statuses in results:
        assert statuses == [201, 200] * 5

    session = room.session
    by_name = {p.name: p.id for p in session.participants.values()}
    for n in range(DEVICES):
        person = by_name[f"Device {n}"]
        cards = sorted(c.text for c in session.cards.values() if c.author_id == person)
        assert cards == [f"Device {n} card 0", f"Device {n} card 1"]
        dots = {v.task_id: v.dots for v in session.votes.values() if v.participant_id == person}
        assert dots == {tasks[(n + i) % len(tasks)]: 1 for i in range(3)}
    rows = wf.conn.execute("SELECT COUNT(*) FROM cards WHERE text LIKE 'Device % card %'").fetchone()[0]
    assert rows == 2 * DEVICES
