"""Generated workspaces of a given size, for the benchmarks (and the long-session test)."""

from __future__ import annotations

import random
from pathlib import Path

from cardwall.interchange import FORMAT, ImportSession
from cardwall.model import REASONS
from storage.workspace import WorkspaceFile

TITLES = [
    "CNC machinist",
    "Welder",
    "Maintenance technician",
    "Quality inspector",
    "Assembler",
    "Tool and die maker",
    "Production supervisor",
    "Mechanical engineer",
    "CDL-A driver",
    "Forklift operator",
    "Electrician",
    "Industrial engineer",
    "Buyer",
    "Customer service rep",
]


def wall_session(cards: int, *, categories: int = 12, seed: int = 1) -> dict:
    """A critical-occupations session with `cards` cards spread over the wall, some stacked."""
    rng = random.Random(seed)
    people = [{"id": f"p{i}", "name": f"Employer {i}", "organization": f"Company {i}"} for i in range(40)]
    cats = [{"id": f"c{i}", "title": f"Family {i + 1}"} for i in range(categories)]
    levels = ["Entry", "Mid", "Advanced"]
    out = []
    for i in range(cards):
        card = {
            "id": f"k{i}",
            "text": f"{rng.choice(TITLES)} {i}",
            "author": rng.choice(people)["id"],
            "reasons": rng.sample(REASONS, rng.randint(0, 2)),
        }
        if rng.random() < 0.9:
            card["category"] = rng.choice(cats)["id"]
            card["level"] = rng.choice(levels)
        if i > 10 and rng.random() < 0.1:
            card["stack"] = f"k{rng.randrange(i)}"
        out.append(card)
    return {
        "format": FORMAT,
        "partnership": {"name": "Bench partnership"},
        "session": {"kind": "critical-occupations", "title": f"{cards} cards", "date": "2026-10-14"},
        "participants": people,
        "levels": levels,
        "categories": cats,
        "cards": out,
    }


def build_workspace(path: Path, cards: int, *, seed: int = 1) -> tuple[Path, str]:
    """Write a workspace with one wall of `cards` cards; returns (path, session id)."""
    command = ImportSession(wall_session(cards, seed=seed))
    with WorkspaceFile.open(path, backup=False) as wf:
        wf.execute(command)
    return path, command.session_id
