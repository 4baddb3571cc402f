"""autosave_median_ms, autosave_p99_ms, open_5000_s, import_5000_s: the file side of every command."""

from __future__ import annotations

import json
import random
import statistics
import tempfile
import time
from pathlib import Path

from bench.generate import build_workspace
from cardwall.commands import AddCard, EditCard, ImportFigures, MoveCards, StackCards
from cardwall.labor import ImportedFigure
from storage.workspace import WorkspaceFile

KEYS = {"autosave_median_ms", "autosave_p99_ms", "open_5000_s", "import_5000_s"}


def measure(only: set[str]) -> dict[str, float]:
    if only and not (only & KEYS):
        return {}
    out: dict[str, float] = {}
    if not only or "import_5000_s" in only:
        out.update(_imports())
    if only and not (only & (KEYS - {"import_5000_s"})):
        return out
    with tempfile.TemporaryDirectory() as tmp:
        path, sid = build_workspace(Path(tmp) / "bench-5000.cardwall", 5000)
        opens = []
        for _ in range(5):
            started = time.perf_counter()
            wf = WorkspaceFile.open(path)
            opens.append(time.perf_counter() - started)
            wf.close()
        out["open_5000_s"] = round(statistics.median(opens), 4)

        rng = random.Random(7)
        times = []
        with WorkspaceFile.open(path, backup=False) as wf:
            session = wf.ws.sessions[sid]
            cats, levels = sorted(session.categories), sorted(session.levels)
            for i in range(600):
                cards = sorted(session.cards)
                roll = rng.random()
                if roll < 0.3:
                    command = AddCard(sid, f"new card {i}")
                elif roll < 0.6:
                    command = MoveCards(
                        sid,
                        [rng.choice(cards)],
                        category_id=rng.choice(cats),
                        level_id=rng.choice(levels),
                        index=rng.randint(0, 20),
                    )
                elif roll < 0.9:
                    command = EditCard(sid, rng.choice(cards), text=f"edited {i}")
                else:
                    command = StackCards(sid, [rng.choice(cards)], onto=rng.choice(cards))
                started = time.perf_counter()
                try:
                    wf.execute(command)
                except Exception:
                    continue
                times.append((time.perf_counter() - started) * 1000)
        times.sort()
        out["autosave_median_ms"] = round(statistics.median(times), 3)
        out["autosave_p99_ms"] = round(times[int(len(times) * 0.99) - 1], 3)
        if not only:
            out.update(_figures(path))
    return out


def _imports(runs: int = 3) -> dict[str, float]:
    """`cardwall import` of a session file of 5,000 (and 2,000) cards into a new workspace (median of `runs`):
    every card goes in through AddCard and StackCards, so a command that scans the wall per card shows here."""
    from bench.wall import wall_data
    from ui.importing import import_file

    out = {}
    with tempfile.TemporaryDirectory() as tmp:
        for cards, key in ((5000, "import_5000_s"), (2000, "import_2000_s")):
            source = Path(tmp) / f"wall-{cards}.json"
            source.write_text(json.dumps(wall_data(cards)), encoding="utf-8")
            times = []
            for run in range(runs):
                started = time.perf_counter()
                import_file(Path(tmp) / f"import-{cards}-{run}.cardwall", source)
                times.append(time.perf_counter() - started)
            out[key] = round(statistics.median(times), 3)
    return out


def _figures(path: Path) -> dict[str, float]:
    """A metro-sized import of figures (40,000 rows): committed as one command, then read at every open."""
    rows = tuple(
        ImportedFigure(f"{a:07d}", "000000", f"{11 + s // 10000:02d}-{s % 10000:04d}", "t", 100, 50_000, False, "x", "")
        for a in range(40)
        for s in range(1000)
    )
    with WorkspaceFile.open(path, backup=False) as wf:
        started = time.perf_counter()
        wf.execute(ImportFigures(file="bench.xlsx", figures=rows))
        committed = time.perf_counter() - started
    started = time.perf_counter()
    WorkspaceFile.open(path, backup=False).close()
    return {
        "figures_import_40k_s": round(committed, 3),
        "open_5000_40k_figures_s": round(time.perf_counter() - started, 3),
    }
