"""One skill panel of a session file, through the panel, task and dot commands."""

from __future__ import annotations

from cardwall.commands.details import EditTaskDetail
from cardwall.commands.dots import CastDot, SetTally
from cardwall.commands.panel import AddFunction, AddPanel, AddTask, EditPanel
from cardwall.interchange.reader import Builder, FieldReader
from cardwall.panels import vote_id


def read_panel(build: Builder, sid: str, r: FieldReader, index: int) -> None:
    session = build.ws.sessions[sid]
    pid = r.id("id", required=False) or f"P{index + 1}"
    source = r.id("source_card", required=False)
    panel = AddPanel(
        sid,
        occupation=r.text("occupation", required=True),
        soc_code=r.text("soc_code"),
        dots_per_participant=r.integer("dots_per_participant", 3, low=1, high=20),
        source_card_id=source if source in session.cards else None,  # a card left behind in another file
        panel_id=pid,
    )
    build.run(r, panel)

    def add_task(t: FieldReader, function_id: str | None) -> None:
        task = AddTask(
            sid,
            pid,
            t.text("text", required=True),
            function_id=function_id,
            added_in_room=t.flag("added_in_room", False),
            source=t.text("source"),
            origin_id=t.id("carried_from", required=False),
            task_id=t.id("id"),
        )
        build.run(t, task)

    for f in r.items("functions"):
        fid = f.id("id")
        build.run(f, AddFunction(sid, pid, f.text("title", required=True), function_id=fid))
        for t in f.items("tasks"):
            add_task(t, fid)
    for t in r.items("unassigned"):
        add_task(t, None)

    # Settings before the dots: the budget, one or several dots a task, the round.
    top, paths, carried = r.child("top_tasks"), r.child("paths"), r.child("carried_from")
    own = {t.id for t in session.tasks.values() if t.panel_id == pid}
    settings = EditPanel(
        sid,
        pid,
        several_dots_per_task=r.flag("several_dots_per_task", False),
        revealed=r.flag("revealed", True),
        voting_round=r.integer("voting_round", 1, low=1, high=2),
        paths_into=paths.texts("into"),
        paths_from=paths.texts("from"),
        top_added=[t for t in top.texts("added") if t in own],  # picks of tasks not in the file are dropped
        top_dropped=[t for t in top.texts("dropped") if t in own],
        origin_session_id=carried.id("session", required=False),  # an earlier meeting, maybe of another file
        origin_panel_id=carried.id("panel", required=False),
    )
    build.run(r, settings)

    for v in r.items("votes"):
        task = _own_task(v, own)
        who = v.id("participant", required=False)
        round_ = v.integer("round", 1, low=1, high=2)
        dots = v.integer("dots", 1, low=0, high=999)
        if who is None:  # a tally of physical dots: rows for one task add up
            earlier = session.votes.get(vote_id(task, None, round_))
            build.run(v, SetTally(sid, task, dots + (earlier.dots if earlier else 0), round=round_))
            continue
        for _ in range(dots):  # each dot through the rules: who may vote, the budget, one dot a task
            build.run(v, CastDot(sid, task, who, round=round_))

    for d in r.items("task_details"):
        task = _own_task(d, own)
        ksas = [(k.text("kind", required=True), k.text("text", required=True)) for k in d.items("ksas")]
        detail = EditTaskDetail(
            sid,
            task,
            minimum=d.text("minimum"),
            progression=d.text("progression"),
            performance=d.text("performance"),
            ksas=ksas,
        )
        build.run(d, detail)


def _own_task(reader: FieldReader, own: set[str]) -> str:
    task = reader.id("task")
    if task not in own:
        reader.fail("task", f"no task of this panel has the id {task!r}.")
    return task
