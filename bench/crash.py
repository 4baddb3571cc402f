"""crash_rounds_ok: kill -9 a process applying real commands, 40 times; count rounds with nothing lost."""

from __future__ import annotations

import copy
import os
import random
import shutil
import signal
import subprocess
import sys
import tempfile
from pathlib import Path

from bench.crash_child import stream
from cardwall.commands import DomainError
from storage.check import check
from storage.demo import build_demo
from storage.workspace import WorkspaceFile

ROOT = Path(__file__).resolve().parents[1]
ROUNDS = 40


def _read(path: Path):
    with WorkspaceFile.open(path, readonly=True, create=False) as wf:
        return wf.ws


def kill_round(template: Path, folder: Path, seed: int, *, after: int) -> tuple[int, bool]:
    """Start the child on a copy of `template`, SIGKILL it once it has acknowledged `after` commands, check the file.

    Returns (commands acknowledged, ok): ok when the file passes check and holds
    exactly the acknowledged commands (plus at most the one in flight).
    """
    path = folder / f"round-{seed}.cardwall"
    shutil.copy(template, path)
    start = _read(path)
    child = subprocess.Popen(
        [sys.executable, "-m", "bench.crash_child", str(path), str(seed)],
        cwd=ROOT,
        stdout=subprocess.PIPE,
        text=True,
        env={**os.environ, "PYTHONPATH": str(ROOT)},
    )
    # Wait for the condition, not a clock: the kill lands mid-stream however slow the machine is.
    seen, done = [], 0
    for line in child.stdout:
        seen.append(line)
        done += line.startswith("done ")
        if done >= after:
            break
    child.send_signal(signal.SIGKILL)
    rest, _ = child.communicate()
    out = "".join(seen) + rest
    # A line cut short by the kill was never acknowledged: keep only whole lines.
    whole = out.splitlines() if out.endswith("\n") else out.splitlines()[:-1]
    reported = [int(line.split()[1]) for line in whole if line.startswith("done ")]
    last = reported[-1] if reported else -1
    if check(path):
        return len(reported), False
    on_disk = _read(path)
    if last < 0 and on_disk == start:
        return 0, True
    expected = copy.deepcopy(start)
    for n, (command, _what) in enumerate(stream(expected, random.Random(seed))):
        try:
            command.apply(expected)
        except DomainError:
            continue
        if n < last:
            continue
        if expected == on_disk:
            return len(reported), True
        if n > last:
            return len(reported), False  # one past the last acknowledged and still different: lost work


def measure(only: set[str]) -> dict[str, float]:
    if only and "crash_rounds_ok" not in only:
        return {}
    rng = random.Random(2026)
    ok = acknowledged = 0
    with tempfile.TemporaryDirectory() as tmp:
        folder = Path(tmp)
        template = build_demo(folder / "template.cardwall")
        for seed in range(ROUNDS):
            count, good = kill_round(template, folder, seed, after=rng.randint(50, 800))
            ok += good
            acknowledged += count
            (folder / f"round-{seed}.cardwall").unlink(missing_ok=True)
    return {"crash_rounds_ok": ok, "crash_commands_acknowledged": acknowledged}
