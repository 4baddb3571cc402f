"""The session interchange format, `cardwall-session/1` (docs/FORMAT.md): to and from plain dicts.

`session_to_dict` writes one session; `ImportSession` is the command that
turns such a dict into a new session, refusing the whole file with the path
of the first bad field (`cards[3].level: ...`) and changing nothing.
"""

from __future__ import annotations

from cardwall.areas import normal_area_code
from cardwall.commands.base import Command, DomainError, Write, clean_line, clean_long_text, clean_text, new_id
from cardwall.commands.panel import clean_ksas
from cardwall.commands.session import clean_date
from cardwall.commands.wall import clean_card_fields
from cardwall.model import (
    CARD_KINDS,
    DEFAULT_LEVELS,
    HORIZONS,
    ROLES,
    SESSION_KINDS,
    Card,
    Category,
    Function,
    Level,
    NextStep,
    Note,
    Panel,
    Participant,
    Session,
    SessionInfo,
    Task,
    TaskDetail,
    Vote,
    Workspace,
)
from cardwall.panels import functions_of, tasks_of, vote_id
from cardwall.wall import stacks_by_root

FORMAT = "cardwall-session/1"


class FormatError(DomainError):
    """The file is not a session this version can read; says where and why."""


# --- export -------------------------------------------------------------------------------


def _or_none(value):
    return value if value not in ("", None) else None


def session_to_dict(ws: Workspace, session_id: str) -> dict:
    session = ws.sessions[session_id]
    info = session.info
    levels = session.ordered_levels()
    level_names = {lv.id: lv.name for lv in levels}
    categories = session.ordered_categories()

    def card_dict(card: Card) -> dict:
        return {
            "id": card.id,
            "kind": card.kind,
            "text": card.text,
            "category": card.category_id,
            "level": level_names.get(card.level_id),
            "author": card.author_id,
            "round": card.round,
            "reasons": list(card.reasons),
            "soc_code": _or_none(card.soc_code),
            "soc_title": _or_none(card.soc_title),
            "notes": _or_none(card.notes),
            "stack": card.stack_id,
            "prompt": card.prompt,
            "education": _or_none(card.education),
            "credentials": _or_none(card.credentials),
        }

    # Cards cell by cell (tray first), each pile right after its root: the file's order is the wall's.
    piles = stacks_by_root(session)
    cell_order = {None: -1, **{c.id: c.position for c in categories}}
    level_order = {None: -1, **{lv.id: lv.position for lv in levels}}
    roots = sorted(
        (p[0] for p in piles.values()),
        key=lambda c: (cell_order.get(c.category_id, 1e9), level_order.get(c.level_id, 1e9), c.position, c.id),
    )
    cards = [card_dict(c) for root in roots for c in piles[root.id]]

    return {
        "format": FORMAT,
        "partnership": {
            "name": ws.partnership.name,
            "industry": ws.partnership.industry,
            "region": ws.partnership.region,
            "industry_code": _or_none(ws.partnership.industry_code),
            "area_code": _or_none(ws.partnership.area_code),
            "convener_name": _or_none(ws.partnership.convener_name),
            "convener_email": _or_none(ws.partnership.convener_email),
            "cc_partners": ws.partnership.cc_partners,
        },
        "session": {
            "kind": info.kind,
            "title": info.title,
            "date": _or_none(info.date),
            "location": _or_none(info.location),
            "facilitator": _or_none(info.facilitator),
            "reengage": _or_none(info.reengage),
            "current_step": info.current_step,
        },
        "participants": [
            {
                "id": p.id,
                "name": p.name,
                "organization": _or_none(p.organization),
                "role": p.role,
                "email": _or_none(p.email),
            }
            for p in session.ordered_participants()
        ],
        "levels": [lv.name for lv in levels],
        "categories": [{"id": c.id, "title": c.title, "colour": _or_none(c.colour)} for c in categories],
        "cards": cards,
        "notes": [
            {"step": n.step, "topic": _or_none(n.topic), "text": n.text, "panel": n.panel_id}
            for n in sorted(session.notes.values(), key=lambda n: (n.panel_id or "", n.step, n.id))
        ],
        "next_steps": [
            {"text": s.text, "owner": _or_none(s.owner), "due": _or_none(s.due), "horizon": s.horizon}
            for s in session.ordered_next_steps()
        ],
        "panels": [_panel_dict(session, p) for p in session.ordered_panels()],
    }


def _panel_dict(session: Session, panel: Panel) -> dict:
    def task_dict(t: Task) -> dict:
        return {"id": t.id, "text": t.text, "added_in_room": t.added_in_room, "source": _or_none(t.source)}

    votes = sorted(
        (v for v in session.votes.values() if v.panel_id == panel.id),
        key=lambda v: (v.round, v.participant_id or "", v.task_id),
    )
    details = sorted((d for d in session.task_details.values() if d.panel_id == panel.id), key=lambda d: d.id)
    return {
        "id": panel.id,
        "occupation": panel.occupation,
        "soc_code": _or_none(panel.soc_code),
        "dots_per_participant": panel.dots_per_participant,
        "several_dots_per_task": panel.several_dots_per_task,
        "revealed": panel.revealed,
        "voting_round": panel.voting_round,
        "source_card": panel.source_card_id,
        "functions": [
            {"id": f.id, "title": f.title, "tasks": [task_dict(t) for t in tasks_of(session, panel.id, f.id)]}
            for f in functions_of(session, panel.id)
        ],
        "unassigned": [task_dict(t) for t in tasks_of(session, panel.id, None)],
        "votes": [
            {"participant": v.participant_id, "task": v.task_id, "dots": v.dots, "round": v.round} for v in votes
        ],
        "task_details": [
            {
                "task": d.id,
                "minimum": _or_none(d.minimum),
                "progression": _or_none(d.progression),
                "performance": _or_none(d.performance),
                "ksas": [{"kind": k.kind, "text": k.text} for k in d.ksas],
            }
            for d in details
        ],
        "top_tasks": {"added": list(panel.top_added), "dropped": list(panel.top_dropped)},
        "paths": {"into": list(panel.paths_into), "from": list(panel.paths_from)},
    }


# --- import -------------------------------------------------------------------------------


class _Reader:
    """Typed access to a JSON object with the path of each value, for error messages."""

    def __init__(self, data, path: str) -> None:
        self.data, self.path = data, path
        if not isinstance(data, dict):
            raise FormatError(f"{path or 'the file'}: expected an object, found {_kind(data)}.")

    def fail(self, name: str, reason: str):
        raise FormatError(f"{self._at(name)}: {reason}")

    def _at(self, name: str) -> str:
        if not name:
            return self.path or "the file"
        return f"{self.path}.{name}" if self.path else name

    def text(self, name: str, *, required: bool = False, default: str = "") -> str:
        value = self.data.get(name)
        if value is None:
            if required:
                self.fail(name, "is missing.")
            return default
        if isinstance(value, bool) or not isinstance(value, str | int | float):
            self.fail(name, f"expected text, found {_kind(value)}.")
        return str(value)

    def id(self, name: str, *, required: bool = True) -> str | None:
        value = self.text(name, required=required)
        if value == "" and not required:
            return None
        if not value or len(value) > 100:
            self.fail(name, "an id is 1 to 100 characters.")
        return value

    def integer(self, name: str, default: int, *, low: int, high: int) -> int:
        value = self.data.get(name)
        if value is None:
            return default
        if isinstance(value, bool) or not isinstance(value, int) or not low <= value <= high:
            self.fail(name, f"expected a whole number from {low} to {high}, found {value!r}.")
        return value

    def flag(self, name: str, default: bool) -> bool:
        value = self.data.get(name)
        if value is None:
            return default
        if not isinstance(value, bool):
            self.fail(name, f"expected true or false, found {value!r}.")
        return value

    def items(self, name: str) -> list[_Reader]:
        value = self.data.get(name)
        if value is None:
            return []
        if not isinstance(value, list):
            self.fail(name, f"expected a list, found {_kind(value)}.")
        return [_Reader(x, f"{self._at(name)}[{i}]") for i, x in enumerate(value)]

    def texts(self, name: str) -> list[str]:
        value = self.data.get(name)
        if value is None:
            return []
        if not isinstance(value, list) or not all(isinstance(x, str) for x in value):
            self.fail(name, "expected a list of texts.")
        return value

    def child(self, name: str, *, required: bool = False) -> _Reader:
        value = self.data.get(name)
        if value is None:
            if required:
                self.fail(name, "is missing.")
            value = {}
        return _Reader(value, self._at(name))

    def choice(self, name: str, options, default: str) -> str:
        value = self.text(name, default=default) or default
        if value not in options:
            self.fail(name, f"{value!r} is not one of {', '.join(options)}.")
        return value

    def guard(self, name: str, fn, *args, **kwargs):
        """Run a domain validator, prefixing its refusal with this field's path."""
        try:
            return fn(*args, **kwargs)
        except FormatError:
            raise
        except DomainError as exc:
            self.fail(name, str(exc))


def _kind(value) -> str:
    return {dict: "an object", list: "a list", str: "text", bool: "true/false", type(None): "null"}.get(
        type(value), "a number" if isinstance(value, int | float) else type(value).__name__
    )


class ImportSession(Command):
    """A session file becomes a new session; the partnership is filled in if it has no name yet."""

    label = "Import session"

    def __init__(self, data, *, session_id: str | None = None) -> None:
        super().__init__()
        self.data = data
        self.session_id = session_id or new_id("s")

    def plan(self, ws: Workspace) -> list[Write]:
        root = _Reader(self.data, "")
        fmt = root.text("format", required=True)
        if fmt != FORMAT:
            root.fail("format", f"this is {fmt!r}; Cardwall reads {FORMAT!r}.")
        if self.session_id in ws.sessions:
            raise DomainError("A session with that id exists already.")
        sid = self.session_id
        writes: list[Write] = []
        scratch = Session(info=SessionInfo(id=sid))  # what the file holds, for cross-checks

        p = root.child("partnership")
        if not ws.partnership.name and p.text("name"):
            partnership = ws.partnership.__class__(
                name=p.guard("name", clean_line, p.text("name"), "Name"),
                industry=p.guard("industry", clean_line, p.text("industry"), "Industry"),
                region=p.guard("region", clean_line, p.text("region"), "Region"),
                industry_code=p.text("industry_code"),
                area_code=p.guard("area_code", normal_area_code, p.text("area_code")),
                convener_name=p.guard("convener_name", clean_line, p.text("convener_name"), "Convener"),
                convener_email=p.guard("convener_email", clean_line, p.text("convener_email"), "Convener e-mail"),
                cc_partners=p.flag("cc_partners", True),
            )
            writes.append((("partnership", "", "partnership"), partnership))

        s = root.child("session", required=True)
        info = SessionInfo(
            id=sid,
            kind=s.choice("kind", SESSION_KINDS, "critical-occupations"),
            title=s.guard("title", clean_line, s.text("title", required=True), "Session title", required=True),
            date=s.guard("date", clean_date, s.text("date")),
            location=s.guard("location", clean_line, s.text("location"), "Location"),
            facilitator=s.guard("facilitator", clean_line, s.text("facilitator"), "Facilitator"),
            reengage=s.guard("reengage", clean_long_text, s.text("reengage"), "Re-engagement"),
            current_step=s.integer("current_step", 1, low=1, high=20),
        )
        writes.append((("sessions", sid, sid), info))

        def unique(reader: _Reader, table: dict, name: str = "id") -> str:
            entity_id = reader.id(name)
            if entity_id in table:
                reader.fail(name, f"the id {entity_id!r} is used twice.")
            return entity_id

        for i, r in enumerate(root.items("participants")):
            pid = unique(r, scratch.participants)
            scratch.participants[pid] = Participant(
                id=pid,
                position=i,
                name=r.guard("name", clean_line, r.text("name", required=True), "Name", required=True),
                organization=r.guard("organization", clean_line, r.text("organization"), "Organization"),
                role=r.choice("role", ROLES, "employer"),
                email=r.guard("email", clean_line, r.text("email"), "E-mail"),
            )

        level_names = root.texts("levels") if "levels" in root.data else list(DEFAULT_LEVELS)
        if not level_names:
            root.fail("levels", "a wall needs at least one level.")
        for i, name in enumerate(level_names):
            name = root.guard(f"levels[{i}]", clean_line, name, "Level", required=True, limit=60)
            if scratch.level_by_name(name):
                root.fail(f"levels[{i}]", f"the level {name!r} is listed twice.")
            scratch.levels[f"L{i + 1}"] = Level(id=f"L{i + 1}", name=name, position=i)

        for i, r in enumerate(root.items("categories")):
            cid = unique(r, scratch.categories)
            colour = r.text("colour")
            scratch.categories[cid] = Category(
                id=cid,
                position=i,
                colour=colour if colour.startswith("#") and len(colour) == 7 else "",
                title=r.guard(
                    "title", clean_line, r.text("title", required=True), "Category title", required=True, limit=80
                ),
            )

        card_readers = root.items("cards")
        for i, r in enumerate(card_readers):
            kid = unique(r, scratch.cards)
            category = r.id("category", required=False)
            if category is not None and category not in scratch.categories:
                r.fail("category", f"no category has the id {category!r}.")
            level_name = r.text("level")
            level = scratch.level_by_name(level_name) if level_name else None
            if level_name and level is None:
                r.fail("level", f"{level_name!r} is not one of the levels ({', '.join(level_names)}).")
            author = r.id("author", required=False)
            if author is not None and author not in scratch.participants:
                r.fail("author", f"no participant has the id {author!r}.")
            reasons = r.texts("reasons")
            fields = r.guard(
                "",
                clean_card_fields,
                scratch,
                dict(
                    text=r.text("text", required=True),
                    kind=r.choice("kind", CARD_KINDS, "occupation"),
                    round=r.integer("round", 1, low=1, high=2),
                    reasons=reasons,
                    soc_code=r.text("soc_code"),
                    soc_title=r.text("soc_title"),
                    notes=r.text("notes"),
                    prompt=r.flag("prompt", False),
                    education=r.text("education"),
                    credentials=r.text("credentials"),
                    author_id=author,
                ),
            )
            scratch.cards[kid] = Card(
                id=kid, category_id=category, level_id=level.id if level else None, position=float(i + 1), **fields
            )
        for r in card_readers:  # stacks: every card names the root of its pile, in the root's cell
            stack = r.id("stack", required=False)
            if stack is None:
                continue
            kid = r.data["id"] if isinstance(r.data["id"], str) else str(r.data["id"])
            seen, root_id = {kid}, stack
            while True:
                if root_id not in scratch.cards:
                    r.fail("stack", f"no card has the id {root_id!r}.")
                if root_id in seen:
                    r.fail("stack", "the stack goes round in a circle.")
                seen.add(root_id)
                raw = next(x for x in card_readers if str(x.data["id"]) == root_id).data.get("stack")
                if not raw:
                    break
                root_id = str(raw)
            base = scratch.cards[root_id]
            scratch.cards[kid] = scratch.cards[kid].__class__(
                **{
                    **scratch.cards[kid].__dict__,
                    "stack_id": root_id,
                    "category_id": base.category_id,
                    "level_id": base.level_id,
                }
            )

        for i, r in enumerate(root.items("panels")):
            self._read_panel(r, i, scratch)

        for i, r in enumerate(root.items("notes")):
            panel = r.id("panel", required=False)
            if panel is not None and panel not in scratch.panels:
                r.fail("panel", f"no panel has the id {panel!r}.")
            text = r.guard("text", clean_long_text, r.text("text", required=True), "Note")
            if not text:
                continue
            nid = f"n{i + 1}"
            scratch.notes[nid] = Note(
                id=nid,
                step=r.integer("step", 1, low=1, high=20),
                text=text,
                topic=r.guard("topic", clean_line, r.text("topic"), "Topic"),
                panel_id=panel,
            )

        for i, r in enumerate(root.items("next_steps")):
            xid = f"x{i + 1}"
            scratch.next_steps[xid] = NextStep(
                id=xid,
                position=i,
                text=r.guard("text", clean_text, r.text("text", required=True), "Next step"),
                owner=r.guard("owner", clean_line, r.text("owner"), "Owner"),
                due=r.guard("due", clean_date, r.text("due"), "Due date"),
                horizon=r.choice("horizon", HORIZONS, "short-term"),
            )

        for table in (
            "participants",
            "levels",
            "categories",
            "panels",
            "functions",
            "tasks",
            "cards",
            "votes",
            "task_details",
            "notes",
            "next_steps",
        ):
            writes += [((table, sid, e.id), e) for e in scratch.table(table).values()]
        return writes

    @staticmethod
    def _read_panel(r: _Reader, index: int, s: Session) -> None:
        pid = r.id("id", required=False) or f"P{index + 1}"
        if pid in s.panels:
            r.fail("id", f"the id {pid!r} is used twice.")
        source = r.id("source_card", required=False)
        top = r.child("top_tasks")
        paths = r.child("paths")
        panel = Panel(
            id=pid,
            position=index,
            occupation=r.guard(
                "occupation", clean_line, r.text("occupation", required=True), "Occupation", required=True
            ),
            soc_code=r.guard("soc_code", clean_line, r.text("soc_code"), "SOC code", limit=7),
            dots_per_participant=r.integer("dots_per_participant", 3, low=1, high=20),
            several_dots_per_task=r.flag("several_dots_per_task", False),
            revealed=r.flag("revealed", True),
            voting_round=r.integer("voting_round", 1, low=1, high=2),
            source_card_id=source if source in s.cards else None,
            paths_into=tuple(x for x in (" ".join(t.split()) for t in paths.texts("into")) if x),
            paths_from=tuple(x for x in (" ".join(t.split()) for t in paths.texts("from")) if x),
        )

        def read_task(t: _Reader, function_id: str | None, position: int) -> None:
            tid = t.id("id")
            if tid in s.tasks:
                t.fail("id", f"the id {tid!r} is used twice.")
            s.tasks[tid] = Task(
                id=tid,
                panel_id=pid,
                function_id=function_id,
                position=float(position),
                text=t.guard("text", clean_text, t.text("text", required=True), "Task"),
                added_in_room=t.flag("added_in_room", False),
                source=t.text("source"),
            )

        for i, f in enumerate(r.items("functions")):
            fid = f.id("id")
            if fid in s.functions:
                f.fail("id", f"the id {fid!r} is used twice.")
            s.functions[fid] = Function(
                id=fid,
                panel_id=pid,
                position=i,
                title=f.guard("title", clean_line, f.text("title", required=True), "Function title", required=True),
            )
            for j, t in enumerate(f.items("tasks"), start=1):
                read_task(t, fid, j)
        for j, t in enumerate(r.items("unassigned"), start=1):
            read_task(t, None, j)

        for v in r.items("votes"):
            task = v.id("task")
            if task not in s.tasks or s.tasks[task].panel_id != pid:
                v.fail("task", f"no task of this panel has the id {task!r}.")
            who = v.id("participant", required=False)
            if who is not None and who not in s.participants:
                v.fail("participant", f"no participant has the id {who!r}.")
            round_ = v.integer("round", 1, low=1, high=2)
            dots = v.integer("dots", 1, low=0, high=999)
            if dots == 0:
                continue
            vid = vote_id(task, who, round_)
            before = s.votes[vid].dots if vid in s.votes else 0
            s.votes[vid] = Vote(
                id=vid, panel_id=pid, task_id=task, participant_id=who, dots=before + dots, round=round_
            )

        for d in r.items("task_details"):
            task = d.id("task")
            if task not in s.tasks or s.tasks[task].panel_id != pid:
                d.fail("task", f"no task of this panel has the id {task!r}.")
            ksas = [(k.text("kind", required=True), k.text("text", required=True)) for k in d.items("ksas")]
            s.task_details[task] = TaskDetail(
                id=task,
                panel_id=pid,
                minimum=d.guard("minimum", clean_long_text, d.text("minimum"), "Minimum"),
                progression=d.guard("progression", clean_long_text, d.text("progression"), "Progression"),
                performance=d.guard("performance", clean_long_text, d.text("performance"), "Performance"),
                ksas=d.guard("ksas", clean_ksas, ksas),
            )

        added = tuple(t for t in top.texts("added") if t in s.tasks)
        dropped = tuple(t for t in top.texts("dropped") if t in s.tasks)
        s.panels[pid] = Panel(**{**panel.__dict__, "top_added": added, "top_dropped": dropped})
