"""A child process for crash tests: applies a stream of real commands, reports each once committed.

    python -m bench.crash_child WORKSPACE SEED

Prints one line per command after its transaction is committed: "done <n> <kind> <id>".
The parent kills it with SIGKILL at a random moment and checks every reported command is in the file.
"""

from __future__ import annotations

import random
import sys

from cardwall import commands as c
from storage.workspace import WorkspaceFile


def stream(ws, rng: random.Random):
    """Endless plausible session: cards, moves, stacks, dots, notes, in the two demo-like sessions.

    Deterministic for a seed, so the parent can replay it in memory and compare.
    """
    wall = next(s for s in ws.sessions.values() if s.info.kind == "critical-occupations")
    panel_session = next(s for s in ws.sessions.values() if s.info.kind == "skill-panel")
    n = 0
    while True:
        n += 1
        roll = rng.random()
        cards = list(wall.cards)
        if roll < 0.35 or len(cards) < 5:
            command = c.AddCard(wall.id, f"crash card {n}", card_id=f"crash{n}")
            yield command, ("card", command.card_id, f"crash card {n}")
        elif roll < 0.55:
            category = rng.choice(sorted(wall.categories))
            level = rng.choice(sorted(wall.levels))
            card = rng.choice(sorted(cards))
            yield c.MoveCards(wall.id, [card], category_id=category, level_id=level), ("move", card, category)
        elif roll < 0.65:
            a, b = rng.sample(sorted(cards), 2)
            yield c.StackCards(wall.id, [a], onto=b), ("stack", a, b)
        elif roll < 0.8:
            text = f"notes {n}"
            yield c.SetStepNote(wall.id, rng.randint(1, 8), text), ("note", text, "")
        else:
            task = rng.choice(sorted(panel_session.tasks))
            yield c.SetTally(panel_session.id, task, n % 50 + 1), ("tally", task, str(n % 50 + 1))


def replay(ws, seed: int, upto: int) -> None:
    """Apply to `ws` the commands the child numbered 0..upto, the same way the child did."""
    rng = random.Random(seed)
    for n, (command, _what) in enumerate(stream(ws, rng)):
        if n > upto:
            return
        try:
            command.apply(ws)
        except c.DomainError:
            continue


def main() -> None:
    path, seed = sys.argv[1], int(sys.argv[2])
    rng = random.Random(seed)
    with WorkspaceFile.open(path, backup=False) as wf:
        for n, (command, what) in enumerate(stream(wf.ws, rng)):
            try:
                wf.execute(command)
            except c.DomainError:
                continue
            print("done", n, *what, flush=True)


if __name__ == "__main__":
    main()
