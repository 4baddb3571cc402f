"""`ImportSession`: a session file becomes a new session, built by the same commands a user issues.

The file is read field by field; every entity goes in through its command
(participants through AddParticipant, dots through CastDot, ...) on a scratch
copy, so an import obeys exactly the rules the app does. The first refusal
names the file's field (`panels[0].votes[3].participant: ...`) and nothing is
written; otherwise the scratch session becomes the command's writes.
"""

from __future__ import annotations

from dataclasses import KW_ONLY, dataclass

from cardwall.commands.base import Command, DomainError, Write
from cardwall.commands.notes import AddNextStep, AddNote
from cardwall.commands.participants import AddParticipant
from cardwall.commands.sessions import AddSession, EditPartnership, EditSession
from cardwall.commands.structure import AddCategory, AddLevel
from cardwall.commands.wall import AddCard, StackCards
from cardwall.interchange.later import read_later, read_program
from cardwall.interchange.panel_import import read_panel
from cardwall.interchange.reader import FORMAT, Builder, FieldReader, FormatError
from cardwall.invariants import session_problems
from cardwall.model import DEFAULT_LEVELS, TABLES, Workspace


@dataclass(eq=False)
class ImportSession(Command):
    """A session file becomes a new session; the partnership is filled in if it has no name yet."""

    label = "Import session"
    fresh_ids = {"session_id": "s"}

    data: object
    _: KW_ONLY
    session_id: str | None = None

    def plan(self, ws: Workspace) -> list[Write]:
        root = FieldReader(self.data, "")
        fmt = root.text("format", required=True)
        if fmt != FORMAT:
            root.fail("format", f"this is {fmt!r}; Cardwall reads {FORMAT!r}.")
        if self.session_id in ws.sessions:
            raise DomainError("A session with that id exists already.")
        sid = self.session_id
        build = Builder(Workspace(partnership=ws.partnership))

        p = root.child("partnership")
        if not ws.partnership.name and p.text("name"):
            names = ("name", "industry", "region", "industry_code", "area_code", "convener_name", "convener_email")
            fields = {n: p.text(n) for n in names}
            build.run(p, EditPartnership(**fields, cc_partners=p.flag("cc_partners", True)))

        s = root.child("session", required=True)
        add = AddSession(
            kind=s.text("kind") or "critical-occupations",
            title=s.text("title", required=True),
            date=s.text("date"),
            location=s.text("location"),
            facilitator=s.text("facilitator"),
            levels=(),
            session_id=sid,
        )
        build.run(s, add)
        more = {"reengage": s.text("reengage"), "current_step": s.integer("current_step", None, low=1, high=20)}
        build.run(s, EditSession(sid, **{k: v for k, v in more.items() if v not in (None, "")}))

        for r in root.items("participants"):
            person = AddParticipant(
                sid,
                name=r.text("name", required=True),
                organization=r.text("organization"),
                role=r.text("role") or "employer",
                email=r.text("email"),
                participant_id=r.id("id"),
            )
            build.run(r, person)

        level_names = root.texts("levels") if "levels" in root.data else list(DEFAULT_LEVELS)
        if not level_names:
            root.fail("levels", "a wall needs at least one level.")
        for i, name in enumerate(level_names):
            build.run(root, AddLevel(sid, name, level_id=f"L{i + 1}"), field=f"levels[{i}]")

        for r in root.items("categories"):
            build.run(
                r, AddCategory(sid, r.text("title", required=True), colour=r.text("colour"), category_id=r.id("id"))
            )

        session = build.ws.sessions[sid]
        cards = root.items("cards")
        for r in cards:
            level_name = r.text("level")
            level = session.level_by_name(level_name) if level_name else None
            if level_name and level is None:
                r.fail("level", f"{level_name!r} is not one of the levels ({', '.join(level_names)}).")
            card = AddCard(
                sid,
                r.text("text", required=True),
                card_id=r.id("id"),
                kind=r.text("kind") or "occupation",
                category_id=r.id("category", required=False),
                level_id=level.id if level else None,
                author_id=r.id("author", required=False),
                round=r.integer("round", 1, low=1, high=2),
                reasons=tuple(r.texts("reasons")),
                soc_code=r.text("soc_code"),
                soc_title=r.text("soc_title"),
                notes=r.text("notes"),
                prompt=r.flag("prompt", False),
                education=r.text("education"),
                credentials=r.text("credentials"),
                description=r.text("description"),
                tools=r.text("tools"),
            )
            build.run(r, card)
            read_program(build, sid, r)
        _stack(build, sid, cards)
        read_later(build, sid, root)

        for i, r in enumerate(root.items("panels")):
            read_panel(build, sid, r, i)

        # Notes by `position`, then in file order (notes without one last): people's order survives.
        notes = root.items("notes")
        ranked = [(r.number("position"), i, r) for i, r in enumerate(notes)]
        ranked.sort(key=lambda x: (x[0] is None, x[0] or 0.0, x[1]))
        given = {str(r.data["id"]) for r in notes if r.data.get("id") not in (None, "")}
        for n, (_, _, r) in enumerate(ranked, start=1):
            text = r.text("text", required=True)
            if not text.strip():
                continue
            note = AddNote(
                sid,
                step=r.integer("step", 1, low=1, high=20),
                text=text,
                topic=r.text("topic"),
                panel_id=r.id("panel", required=False),
                note_id=r.id("id", required=False) or _fresh(f"n{n}", given),  # the same file, the same ids
            )
            build.run(r, note)

        for i, r in enumerate(root.items("next_steps")):
            step = AddNextStep(
                sid,
                text=r.text("text", required=True),
                owner=r.text("owner"),
                due=r.text("due"),
                horizon=r.text("horizon") or "short-term",
                step_id=f"x{i + 1}",
            )
            build.run(r, step)

        session = build.ws.sessions[sid]
        problems = session_problems(session)
        if problems:  # the commands keep these rules; this is the last guard before the file is written
            raise FormatError(f"the file: {problems[0]}")
        writes: list[Write] = []
        if build.ws.partnership != ws.partnership:
            writes.append((("partnership", "", "partnership"), build.ws.partnership))
        writes.append((("sessions", sid, sid), session.info))
        for table in TABLES:
            writes += [((table, sid, e.id), e) for e in session.table(table).values()]
        return writes


def _stack(build: Builder, sid: str, cards: list[FieldReader]) -> None:
    """Every card naming a `stack` joins the pile of the card at the bottom of that chain."""
    named = {r.data["id"] if isinstance(r.data["id"], str) else str(r.data["id"]): r for r in cards}
    for r in cards:
        stack = r.id("stack", required=False)
        if stack is None:
            continue
        kid = r.id("id")
        seen, root_id = {kid}, stack
        while True:
            if root_id not in named:
                r.fail("stack", f"no card has the id {root_id!r}.")
            if root_id in seen:
                r.fail("stack", "the stack goes round in a circle.")
            seen.add(root_id)
            raw = named[root_id].data.get("stack")
            if not raw:
                break
            root_id = str(raw)
        build.run(r, StackCards(sid, [kid], onto=root_id), field="stack")


def _fresh(candidate: str, taken: set[str]) -> str:
    """`candidate`, or a variant of it that no id in the file uses."""
    out, k = candidate, 1
    while out in taken:
        k += 1
        out = f"{candidate}-{k}"
    taken.add(out)
    return out
