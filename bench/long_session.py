"""A three-hour session in fast-forward: thousands of commands through the real UI layer.

Capture, moves, stacks, dots, notes, undo and redo go through the main
window's controller and undo stack with the wall and panel pages open (so
every change redraws what it touched). Afterwards the file must equal a
replay of the same operations on the starting state, and memory must stay
flat. Used by the bench (10,000 commands) and the test suite (fewer).
"""

from __future__ import annotations

import copy
import random
import resource
from pathlib import Path

from cardwall import commands as c
from cardwall.model import Workspace


def rss_mb() -> float:
    """Current resident memory, from /proc (peak from getrusage where /proc is missing)."""
    try:
        for line in Path("/proc/self/status").read_text().splitlines():
            if line.startswith("VmRSS:"):
                return int(line.split()[1]) / 1024
    except OSError:
        pass
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024


def operations(ws: Workspace, rng: random.Random, n: int):
    """Yield n operations: ("do", command) | ("undo", None) | ("redo", None), valid for the state they meet."""
    wall = next(s for s in ws.sessions.values() if s.info.kind == "critical-occupations")
    panel_session = next(s for s in ws.sessions.values() if s.info.kind == "skill-panel")
    voters = sorted(p.id for p in panel_session.participants.values() if p.role != "partner")
    for i in range(n):
        roll = rng.random()
        cards = sorted(wall.cards)
        if roll < 0.08:
            yield "undo", None
        elif roll < 0.12:
            yield "redo", None
        elif len(cards) > 300 and roll < 0.40:  # a real wall stays a few hundred cards: tidy up
            yield "do", c.DeleteCards(wall.id, [rng.choice(cards)])
        elif roll < 0.40 or len(cards) < 10:
            cat = rng.choice([None, *sorted(wall.categories)])
            level = rng.choice(sorted(wall.levels)) if cat else None
            yield "do", c.AddCard(wall.id, f"long card {i}", card_id=f"L{i}", category_id=cat, level_id=level)
        elif roll < 0.65:
            yield (
                "do",
                c.MoveCards(
                    wall.id,
                    [rng.choice(cards)],
                    category_id=rng.choice(sorted(wall.categories)),
                    level_id=rng.choice(sorted(wall.levels)),
                    index=rng.randint(0, 6),
                ),
            )
        elif roll < 0.72:
            a, b = rng.sample(cards, 2)
            yield "do", c.StackCards(wall.id, [a], onto=b)
        elif roll < 0.76:
            yield "do", c.DeleteCards(wall.id, [rng.choice(cards)])
        elif roll < 0.88:
            task = rng.choice(sorted(panel_session.tasks))
            who = rng.choice(voters)
            if panel_session.votes.get(f"{task}|{who}|1"):
                yield "do", c.RemoveDot(panel_session.id, task, who, round=1)
            else:
                yield "do", c.CastDot(panel_session.id, task, who, round=1)
        elif roll < 0.94:
            yield "do", c.EditCard(wall.id, rng.choice(cards), reasons=rng.sample(["volume", "growth", "cost"], 1))
        else:
            yield "do", c.SetStepNote(wall.id, rng.randint(1, 8), f"notes at {i}")


def replay(start: Workspace, log: list) -> Workspace:
    """The same operations on a copy of the start, with a plain list for the undo stack."""
    ws = copy.deepcopy(start)
    done: list = []
    undone: list = []
    for kind, command in log:
        if kind == "do":
            command.apply(ws)
            done.append(command)
            undone.clear()
        elif kind == "undo" and done:
            command = done.pop()
            command.revert(ws)
            undone.append(command)
        elif kind == "redo" and undone:
            command = undone.pop()
            command.apply(ws)
            done.append(command)
    return ws


def run(window, n: int, *, seed: int = 3, sample_every: int = 1000, switch_every: int = 500):
    """Drive `window` (a MainWindow with a workspace open) through n operations.

    Returns (log, start workspace, memory samples [(operations, MB)]).
    """
    from PySide6.QtCore import QCoreApplication, QEvent
    from PySide6.QtWidgets import QApplication

    app = QApplication.instance()
    controller = window.controller
    start = copy.deepcopy(controller.ws)
    rng = random.Random(seed)
    log: list = []
    samples = [(0, rss_mb())]
    wall_id = next(s.id for s in controller.ws.sessions.values() if s.info.kind == "critical-occupations")
    panel_id = next(s.id for s in controller.ws.sessions.values() if s.info.kind == "skill-panel")
    for i, (kind, command) in enumerate(operations(controller.ws, rng, n)):
        if i % switch_every == 0:  # the facilitator switches between the wall and the panel now and then
            window.show_session(wall_id if (i // switch_every) % 2 == 0 else panel_id)
            # Outside app.exec() deferred deletes wait for this; in the app the event loop does it.
            QCoreApplication.sendPostedEvents(None, QEvent.DeferredDelete)
        if kind == "do":
            if controller.run(command) is not None:
                log.append((kind, command))
        elif kind == "undo":
            if controller.undo_stack.canUndo():
                controller.undo_stack.undo()
                log.append((kind, None))
        elif controller.undo_stack.canRedo():
            controller.undo_stack.redo()
            log.append((kind, None))
        if i % 50 == 0:
            app.processEvents()
        if (i + 1) % sample_every == 0:
            samples.append((i + 1, rss_mb()))
    app.processEvents()
    return log, start, samples


def measure(only: set[str]) -> dict[str, float]:
    keys = {"long_session_commands", "long_session_rss_growth_mb", "long_session_file_matches_replay"}
    if only and not (only & keys):
        return {}
    import tempfile

    from storage.demo import build_demo
    from storage.workspace import WorkspaceFile
    from ui.app import make_app
    from ui.main_window import MainWindow

    make_app()
    with tempfile.TemporaryDirectory() as tmp:
        path = build_demo(Path(tmp) / "long.cardwall")
        window = MainWindow()
        window.show()
        window.open_workspace(path)
        # About one switch between the wall and the panel every 20 minutes of a 3-hour session.
        log, start, samples = run(window, 10_000, switch_every=1_000)
        expected = replay(start, log)
        window.close_workspace()
        window.close()
        with WorkspaceFile.open(path, readonly=True) as wf:
            matches = wf.ws == expected
    # Growth after warm-up (the first 2,000 build caches and the undo stack's first pages).
    warm = next((mb for n, mb in samples if n >= 2000), samples[0][1])
    undo_entries = len([1 for kind, _ in log if kind == "do"])
    return {
        "long_session_commands": len(log),
        "long_session_undo_entries": undo_entries,
        "long_session_rss_growth_mb": round(samples[-1][1] - warm, 1),
        "long_session_file_matches_replay": int(matches),
    }
