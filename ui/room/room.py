"""The room: who has joined, what devices may do, and each request turned into a domain command.

Everything here runs on the thread that holds the workspace (see host.py), so
it reads the same state the facilitator changes and writes through the same
commands. The server only parses requests and answers with what this returns.
"""

from __future__ import annotations

import hashlib
import secrets
import time
from dataclasses import dataclass, field

from cardwall.commands import AddCard, AddNote, AddParticipant, CastDot, DomainError, EditCard, RemoveDot
from cardwall.commands.base import clean_line
from cardwall.model import CARD_KINDS, Participant, Session
from ui.room.store import RoomStore
from ui.room.view import participant_view, state_view

# Letters and digits nobody misreads off a projector (no 0/O, 1/I/L): 31^8 = 8.5e11 codes.
CODE_ALPHABET = "23456789ABCDEFGHJKMNPQRSTUVWXYZ"
WHAT_DEVICES_DO = ("cards", "third", "dots")
NOTE_TAKER = "note-taker"


class RoomError(Exception):
    """A request refused, with the HTTP status and one sentence for the person holding the phone."""

    def __init__(self, status: int, message: str) -> None:
        super().__init__(message)
        self.status = status


def new_code(length: int = 8) -> str:
    return "".join(secrets.choice(CODE_ALPHABET) for _ in range(length))


def token_hash(token: str) -> str:
    return hashlib.sha256(token.encode("utf-8", "replace")).hexdigest()


@dataclass
class Device:
    id: str
    participant_id: str | None  # None: the note-taker's laptop
    removed: bool = False
    label: str = ""
    bucket: float = 0.0  # write allowance left (token bucket)
    refilled: float = field(default=0.0)


class Room:
    """One session opened to the room's devices."""

    BURST = 30  # writes a device may send at once (two cards, three dots, fixes and retries)
    RATE = 3.0  # writes a second after that

    def __init__(
        self,
        host,
        session_id: str,
        *,
        panel_id: str | None = None,
        store: RoomStore | None = None,
        open_for: tuple[str, ...] | None = None,
        clock=time.monotonic,
    ) -> None:
        self.host, self.session_id, self.clock = host, session_id, clock
        session = self.session
        self.store = store
        saved = store.load() if store else {}
        self.code: str = saved.get("code") or new_code()
        self.notes_code: str = saved.get("notes_code") or new_code(12)
        self.devices: dict[str, Device] = {}  # token hash -> device
        for d in saved.get("devices", []):
            self.devices[d["token_hash"]] = Device(
                d["id"], d.get("participant_id"), d.get("removed", False), d.get("label", ""), self.BURST, clock()
            )
        self.done: dict[str, dict] = dict(saved.get("done", {}))  # "who|client_id" -> what it made
        self.locked: bool = bool(saved.get("locked", False))
        if open_for is None:
            open_for = tuple(saved.get("open", ())) or (("dots",) if session.info.kind == "skill-panel" else ("cards",))
        self.open_for: set[str] = {w for w in open_for if w in WHAT_DEVICES_DO}
        self.panel_id = panel_id if panel_id in session.panels else next((p.id for p in session.ordered_panels()), None)
        self.version = 0
        self.listeners: list = []  # told (on the holder's thread) when devices may see something new
        # What joined and what was acknowledged since the last commit: saved with it, or forgotten with it.
        self._journal: list[tuple[str, str]] = []
        host.after_commit.append(self._flush)
        host.after_rollback.append(self._forget)
        self._save()

    # --- reading -------------------------------------------------------------------------------
    @property
    def session(self) -> Session:
        session = self.host.ws.sessions.get(self.session_id)
        if session is None:
            raise RoomError(410, "This session is no longer in the workspace.")
        return session

    def device_count(self) -> int:
        return sum(1 for d in self.devices.values() if not d.removed)

    def device_list(self) -> list[tuple[str, str]]:
        """(device id, who) for every device still in, for the facilitator's "remove a device"."""
        session = self.host.ws.sessions.get(self.session_id)
        out = []
        for d in self.devices.values():
            if d.removed:
                continue
            person = session.participants.get(d.participant_id) if session and d.participant_id else None
            who = (
                f"{person.name} ({person.organization})"
                if person and person.organization
                else (person.name if person else d.label or NOTE_TAKER)
            )
            out.append((d.id, who))
        return out

    # --- the facilitator's controls --------------------------------------------------------------
    def set_open(self, what: str, on: bool) -> None:
        if what not in WHAT_DEVICES_DO:
            raise ValueError(what)
        (self.open_for.add if on else self.open_for.discard)(what)
        self._touched()

    def set_locked(self, locked: bool) -> None:
        self.locked = locked
        self._touched()

    def set_panel(self, panel_id: str | None) -> None:
        if panel_id in self.session.panels and panel_id != self.panel_id:
            self.panel_id = panel_id
            self._touched()

    def remove_device(self, device_id: str) -> None:
        for d in self.devices.values():
            if d.id == device_id:
                d.removed = True
        self._touched()

    def bump(self) -> None:
        """Something changed that devices may see: a new version for the event stream."""
        self.version += 1
        for listener in list(self.listeners):
            listener()

    # --- the devices' requests ---------------------------------------------------------------------
    def join(self, code: str, name: str, organization: str) -> dict:
        if self.locked:
            raise RoomError(403, "The room is locked: ask the facilitator.")
        token = secrets.token_urlsafe(32)
        if code == self.notes_code:
            device = Device(secrets.token_hex(6), None, label=clean_line(name, "Name") or NOTE_TAKER)
            self._add_device(token, device)
            return {"token": token, "participant": None, "role": NOTE_TAKER}
        if code != self.code:
            raise RoomError(403, "That room code is not right (or the room has closed).")
        person = self._participant(name, organization)
        self._add_device(token, Device(secrets.token_hex(6), person.id))
        return {"token": token, "participant": participant_view(person), "role": "participant"}

    def state(self, token: str) -> dict:
        device = self.device(token)
        return state_view(self, device)

    def add_card(self, token: str, body: dict) -> tuple[int, dict]:
        device = self._writer(token)
        client_id = _client_id(body)
        known = self.done.get(f"{device.participant_id or NOTE_TAKER}|{client_id}")
        if known:
            return 200, {"id": known["id"]}
        author = self._author(device, body)
        round_ = body.get("round")
        if round_ is None:
            round_ = 2 if "third" in self.open_for and "cards" not in self.open_for else 1
        if round_ not in (1, 2):
            raise RoomError(422, "A card's round is 1, or 2 for the third card.")
        if (
            device.participant_id is not None
            and "cards" not in self.open_for
            and not (round_ == 2 and "third" in self.open_for)
        ):
            raise RoomError(409, "The room is not taking cards right now.")
        if device.participant_id is not None and round_ == 2 and "third" not in self.open_for:
            raise RoomError(409, "The third-card round is not open.")
        kind = body.get("kind", "occupation")
        if kind not in CARD_KINDS:
            raise RoomError(422, f"A card's kind is one of {', '.join(CARD_KINDS)}.")
        who = device.participant_id or NOTE_TAKER
        card_id = "k" + hashlib.sha256(f"{self.session_id}|{who}|{client_id}".encode()).hexdigest()[:12]
        if card_id in self.session.cards:  # committed before a crash, before the record below
            self._remember(who, client_id, {"kind": "card", "id": card_id})
            return 200, {"id": card_id}
        text = body.get("text")
        self._run(AddCard(self.session_id, text, kind=kind, author_id=author, round=round_, card_id=card_id))
        self._remember(who, client_id, {"kind": "card", "id": card_id})
        return 201, {"id": card_id}

    def edit_card(self, token: str, card_id: str, body: dict) -> dict:
        device = self._writer(token)
        card = self.session.cards.get(card_id)
        if card is None or (device.participant_id is not None and card.author_id != device.participant_id):
            raise RoomError(404, "There is no such card of yours.")
        if card.category_id is not None or card.stack_id is not None:
            raise RoomError(409, "The facilitator has placed this card on the wall: it can no longer be changed here.")
        if not isinstance(body.get("text"), str):
            raise RoomError(422, 'Send the card\'s new text as "text".')
        if body["text"] != card.text:
            self._run(EditCard(self.session_id, card_id, text=body["text"]))
        return {"id": card_id}

    def add_dot(self, token: str, body: dict) -> tuple[int, dict]:
        device = self._writer(token)
        client_id = _client_id(body)
        if device.participant_id is None:
            raise RoomError(403, "The note-taker's laptop does not vote; enter physical dots in the app.")
        key_known = self.done.get(f"{device.participant_id}|{client_id}")
        if key_known:
            return 200, {"task": key_known["task"]}
        task_id = body.get("task")
        session = self.session
        person = session.participants.get(device.participant_id)
        if person is None:
            raise RoomError(403, "You are no longer among this session's participants.")
        task = session.tasks.get(task_id) if isinstance(task_id, str) else None
        if task is None or task.panel_id != self.panel_id:
            raise RoomError(422, "There is no such task on the panel being voted.")
        if "dots" not in self.open_for:
            raise RoomError(409, "Voting is closed.")
        try:  # who may vote in this round and the budget are the command's rules (cardwall/voting.py)
            self.host.run_command(CastDot(self.session_id, task.id, person.id))
        except DomainError as exc:
            raise RoomError(403 if exc.field == "participant" else 409, str(exc)) from None
        self._remember(device.participant_id, client_id, {"kind": "dot", "task": task.id})
        return 201, {"task": task.id}

    def remove_dot(self, token: str, task_id: str) -> dict:
        device = self._writer(token)
        if device.participant_id is None:
            raise RoomError(403, "The note-taker's laptop has no dots.")
        if "dots" not in self.open_for:
            raise RoomError(409, "Voting is closed.")
        task = self.session.tasks.get(task_id)
        if task is None or task.panel_id != self.panel_id:
            raise RoomError(404, "There is no such task on the panel being voted.")
        self._run(RemoveDot(self.session_id, task.id, device.participant_id), raise_as=404)
        return {"task": task.id}

    def add_note(self, token: str, body: dict) -> tuple[int, dict]:
        device = self._writer(token)
        if device.participant_id is not None:
            raise RoomError(403, "Only the note-taker's laptop writes notes.")
        client_id = _client_id(body)
        known = self.done.get(f"{NOTE_TAKER}|{client_id}")
        if known:
            return 200, {"id": known["id"]}
        note_id = "n" + hashlib.sha256(f"{self.session_id}|{NOTE_TAKER}|{client_id}".encode()).hexdigest()[:12]
        session = self.session
        if note_id not in session.notes:
            panel_id = self.panel_id if session.info.kind == "skill-panel" else None
            self._run(
                AddNote(
                    self.session_id,
                    step=session.info.current_step,
                    text=body.get("text"),
                    topic=body.get("topic") or "",
                    panel_id=panel_id,
                    note_id=note_id,
                )
            )
        self._remember(NOTE_TAKER, client_id, {"kind": "note", "id": note_id})
        return 201, {"id": note_id}

    # --- inside ----------------------------------------------------------------------------------
    def device(self, token: str | None) -> Device:
        device = self.devices.get(token_hash(token)) if token else None
        if device is None:
            raise RoomError(401, "This device has not joined the room: open the join address again.")
        if device.removed:
            raise RoomError(403, "The facilitator has removed this device from the room.")
        return device

    def _writer(self, token: str | None) -> Device:
        device = self.device(token)
        if self.locked:
            raise RoomError(409, "The room is locked: nothing more can be sent.")
        now = self.clock()
        device.bucket = min(self.BURST, device.bucket + (now - device.refilled) * self.RATE)
        device.refilled = now
        if device.bucket < 1:
            raise RoomError(429, "Too many changes at once from this device: wait a moment.")
        device.bucket -= 1
        return device

    def _author(self, device: Device, body: dict) -> str | None:
        if device.participant_id is not None:
            return device.participant_id
        # The note-taker writes for anyone: a participant by id, a new one by name, or nobody.
        author = body.get("author")
        if isinstance(author, str) and author:
            if author not in self.session.participants:
                raise RoomError(422, "That author is not among this session's participants.")
            return author
        if isinstance(body.get("author_name"), str) and body["author_name"].strip():
            return self._participant(body["author_name"], body.get("author_organization") or "").id
        return None

    def _participant(self, name, organization) -> Participant:
        if not isinstance(name, str) or not isinstance(organization or "", str):
            raise RoomError(422, "Name and organization are text.")
        try:
            name = clean_line(name, "Name", required=True)
            organization = clean_line(organization or "", "Organization")
        except DomainError as exc:
            raise RoomError(422, str(exc)) from None
        for person in self.session.ordered_participants():
            if person.name.casefold() == name.casefold() and person.organization.casefold() == organization.casefold():
                return person  # a phone that reloads, or someone typed in the app beforehand
        command = AddParticipant(self.session_id, name=name, organization=organization)
        self._run(command)
        return self.session.participants[command.participant_id]

    def _run(self, command, *, raise_as: int = 422) -> None:
        try:
            self.host.run_command(command)
        except DomainError as exc:
            raise RoomError(raise_as, str(exc)) from None

    def _add_device(self, token: str, device: Device) -> None:
        device.bucket, device.refilled = self.BURST, self.clock()
        self.devices[token_hash(token)] = device
        self._journal.append(("devices", token_hash(token)))
        self.bump()

    def _remember(self, who: str, client_id: str, what: dict) -> None:
        self.done[f"{who}|{client_id}"] = what
        self._journal.append(("done", f"{who}|{client_id}"))

    def _flush(self) -> None:
        """The workspace committed: the room's record follows (once for a whole group of requests)."""
        if self._journal:
            self._journal.clear()
            self._save()

    def _forget(self) -> None:
        for table, key in self._journal:
            getattr(self, table).pop(key, None)
        self._journal.clear()

    def _touched(self) -> None:
        self.bump()
        self._save()

    def _save(self) -> None:
        if self.store is None:
            return
        self.store.save(
            {
                "code": self.code,
                "notes_code": self.notes_code,
                "locked": self.locked,
                "open": sorted(self.open_for),
                "devices": [
                    {
                        "token_hash": h,
                        "id": d.id,
                        "participant_id": d.participant_id,
                        "removed": d.removed,
                        "label": d.label,
                    }
                    for h, d in self.devices.items()
                ],
                "done": self.done,
            }
        )


def _client_id(body: dict) -> str:
    client_id = body.get("client_id")
    if not isinstance(client_id, str) or not 8 <= len(client_id) <= 100:
        raise RoomError(422, "Each write carries a client_id (8 to 100 characters) so a retry is not doubled.")
    return client_id
