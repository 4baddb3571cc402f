"""The room API v1 as a device uses it: join, cards, fixes, dots, state, the note-taker's writes."""

from __future__ import annotations

from cardwall.commands import EditPanel, MoveCards
from tests.room.conftest import PANELS, WALL, cid


def test_join_reuses_a_participant_by_name_and_organization(serve):
    served, room, _host, _wf = serve(WALL)
    before = len(room.session.participants)
    existing = room.session.ordered_participants()[0]
    status, first = served.api("POST", "join", {"code": served.code, "name": "Dana Reyes", "organization": "Acme"})
    assert status == 200 and first["participant"]["role"] == "employer"
    _, again = served.api("POST", "join", {"code": served.code, "name": " dana  REYES", "organization": "acme"})
    assert again["participant"]["id"] == first["participant"]["id"]  # a phone that reloads is the same person
    assert again["token"] != first["token"]
    _, known = served.api(
        "POST", "join", {"code": served.code, "name": existing.name, "organization": existing.organization}
    )
    assert known["participant"]["id"] == existing.id
    assert len(room.session.participants) == before + 1


def test_a_card_lands_in_the_tray_once_with_its_author_and_a_retry_gets_the_same_id(serve):
    served, room, _host, wf = serve(WALL)
    token = served.join("Dana Reyes")
    client_id = cid()
    status, made = served.api("POST", "cards", {"text": "Night-shift CNC lead", "client_id": client_id}, token=token)
    assert status == 201
    status, again = served.api("POST", "cards", {"text": "Night-shift CNC lead", "client_id": client_id}, token=token)
    assert (status, again["id"]) == (200, made["id"])
    cards = [c for c in room.session.cards.values() if c.text == "Night-shift CNC lead"]
    assert len(cards) == 1
    card = cards[0]
    assert card.category_id is None and card.round == 1
    assert room.session.participants[card.author_id].name == "Dana Reyes"
    # Saved the moment it was committed: the file has it.
    reopened = wf.conn.execute("SELECT text FROM cards WHERE id = ?", (card.id,)).fetchone()
    assert reopened == ("Night-shift CNC lead",)


def test_cards_only_while_open_and_the_third_card_only_in_its_round(serve):
    served, room, host, _wf = serve(WALL)
    token = served.join("Dana Reyes")
    status, _ = served.api("POST", "cards", {"text": "Robot welding tech", "round": 2, "client_id": cid()}, token=token)
    assert status == 409
    host.submit(lambda: room.set_open("third", True)).result(5)
    status, _ = served.api("POST", "cards", {"text": "Robot welding tech", "round": 2, "client_id": cid()}, token=token)
    assert status == 201
    host.submit(lambda: (room.set_open("cards", False), room.set_open("third", False))).result(5)
    status, answer = served.api("POST", "cards", {"text": "Painter", "client_id": cid()}, token=token)
    assert status == 409 and "not taking cards" in answer["error"]
    assert [c.round for c in room.session.cards.values() if c.text == "Robot welding tech"] == [2]


def test_a_device_fixes_its_own_card_until_the_facilitator_places_it(serve):
    served, room, host, _wf = serve(WALL)
    token, other = served.join("Dana Reyes"), served.join("Lee Park", "Bolt Co")
    _, made = served.api("POST", "cards", {"text": "Machinst", "client_id": cid()}, token=token)
    assert served.api("PATCH", f"cards/{made['id']}", {"text": "Other's fix"}, token=other)[0] == 404
    assert served.api("PATCH", f"cards/{made['id']}", {"text": "Machinist"}, token=token)[0] == 200
    assert room.session.cards[made["id"]].text == "Machinist"
    category = room.session.ordered_categories()[0]
    level = room.session.ordered_levels()[0]
    host.submit(
        lambda: host.run_command(MoveCards(room.session_id, [made["id"]], category_id=category.id, level_id=level.id))
    ).result(5)
    status, answer = served.api("PATCH", f"cards/{made['id']}", {"text": "Toolmaker"}, token=token)
    assert status == 409 and "placed" in answer["error"]
    _, state = served.api("GET", "state", token=token)
    assert state["cards"] == [
        {"id": made["id"], "text": "Machinist", "kind": "occupation", "round": 1, "editable": False}
    ]


def _tasks(room, panel_id="tdm"):
    session = room.session
    return [t.id for t in sorted(session.tasks.values(), key=lambda t: t.id) if t.panel_id == panel_id]


def test_dots_within_the_budget_hidden_until_revealed(serve):
    served, room, host, _wf = serve(PANELS)
    session = room.session
    host.submit(lambda: host.run_command(EditPanel(room.session_id, "tdm", revealed=False))).result(5)
    tasks = _tasks(room)
    ana, ben = served.join("Ana Diaz", "Acme"), served.join("Ben Cho", "Bolt Co")
    for task in tasks[:3]:
        assert served.api("POST", "dots", {"task": task, "client_id": cid()}, token=ana)[0] == 201
    status, answer = served.api("POST", "dots", {"task": tasks[3], "client_id": cid()}, token=ana)
    assert status == 409 and "all 3 dots" in answer["error"]
    retry = cid()
    assert served.api("POST", "dots", {"task": tasks[0], "client_id": retry}, token=ben)[0] == 201
    assert served.api("POST", "dots", {"task": tasks[0], "client_id": retry}, token=ben)[0] == 200
    ben_id = next(p.id for p in session.participants.values() if p.name == "Ben Cho")
    assert sum(v.dots for v in session.votes.values() if v.participant_id == ben_id) == 1

    _, hidden = served.api("GET", "state", token=ben)
    seen = {t["id"]: t for f in hidden["panel"]["functions"] for t in f["tasks"]}
    assert seen[tasks[0]]["mine"] == 1 and seen[tasks[1]]["mine"] == 0  # Ana's dots on tasks[1] are not shown
    assert all(t["total"] is None for t in seen.values())
    assert hidden["panel"]["dots_left"] == 2 and "token" not in str(hidden)

    assert served.api("DELETE", f"dots/{tasks[0]}", token=ben)[0] == 200
    assert served.api("DELETE", f"dots/{tasks[0]}", token=ben)[0] == 404
    host.submit(lambda: host.run_command(EditPanel(room.session_id, "tdm", revealed=True))).result(5)
    _, shown = served.api("GET", "state", token=ben)
    seen = {t["id"]: t for f in shown["panel"]["functions"] for t in f["tasks"]}
    assert seen[tasks[1]]["total"] >= 1 and shown["panel"]["revealed"] is True


def test_partners_listen_and_cannot_vote(serve):
    served, room, _host, _wf = serve(PANELS)
    partner = next(p for p in room.session.participants.values() if p.role == "partner")
    token = served.join(partner.name, partner.organization)
    status, answer = served.api("POST", "dots", {"task": _tasks(room)[0], "client_id": cid()}, token=token)
    assert status == 403 and "partners do not vote" in answer["error"]
    _, state = served.api("GET", "state", token=token)
    assert state["me"]["may_vote"] is False and state["panel"]["dots_left"] == 0


def test_voting_closed_refuses_dots(serve):
    served, room, _host, _wf = serve(PANELS, ("cards",))
    token = served.join("Ana Diaz")
    status, answer = served.api("POST", "dots", {"task": _tasks(room)[0], "client_id": cid()}, token=token)
    assert status == 409 and "closed" in answer["error"]


def test_the_note_taker_writes_cards_for_others_and_notes_for_the_step(serve):
    served, room, _host, _wf = serve(WALL)
    session = room.session
    status, joined = served.api("POST", "join", {"code": served.notes_code, "name": "Sam"})
    assert status == 200 and joined["role"] == "note-taker"
    token = joined["token"]
    _, state = served.api("GET", "state", token=token)
    author = state["participants"][2]
    body = {"text": "Quality inspector", "kind": "skill", "round": 2, "author": author["id"], "client_id": cid()}
    status, made = served.api("POST", "cards", body, token=token)
    assert status == 201
    card = session.cards[made["id"]]
    assert (card.author_id, card.kind, card.round) == (author["id"], "skill", 2)
    body = {
        "text": "Robot welding tech",
        "author_name": "New Person",
        "author_organization": "Weld Inc",
        "client_id": cid(),
    }
    _, made = served.api("POST", "cards", body, token=token)
    assert session.participants[session.cards[made["id"]].author_id].organization == "Weld Inc"
    status, note = served.api("POST", "notes", {"text": "Turnover is the worry", "client_id": cid()}, token=token)
    assert status == 201
    assert session.notes[note["id"]].step == session.info.current_step
    assert served.api("POST", "dots", {"task": "x", "client_id": cid()}, token=token)[0] == 403


def test_a_commit_the_file_refuses_answers_503_keeps_nothing_and_the_retry_lands(serve, monkeypatch):
    from storage.errors import StorageError

    served, room, _host, wf = serve(WALL)
    token = served.join("Dana Reyes")
    real = wf.commit

    def full_disk(change):
        raise StorageError("The disk is full.")

    monkeypatch.setattr(wf, "commit", full_disk)
    body = {"text": "Night-shift CNC lead", "client_id": cid()}
    status, answer = served.api("POST", "cards", body, token=token)
    assert status == 503 and "disk is full" in answer["error"]
    assert not [c for c in room.session.cards.values() if c.text == "Night-shift CNC lead"]
    monkeypatch.setattr(wf, "commit", real)
    status, made = served.api("POST", "cards", body, token=token)
    assert status == 201 and room.session.cards[made["id"]].text == "Night-shift CNC lead"
