"""`cardwall export` and `cardwall demo --export`: every file, with no display, as a user runs them."""

from __future__ import annotations

import email
import os
import subprocess
import sys
from email import policy
from pathlib import Path

import pandas as pd
from pypdf import PdfReader

ROOT = Path(__file__).resolve().parents[2]
EVERY = {"summary.pdf", "summary.eml", "summary.md", "session.xlsx", "session.json"}
WALL_ONLY = {"cards.csv", "crosswalk.csv"}  # a file with nothing in it for the session's kind is not written
PANEL_ONLY = {"votes.csv"}


def assert_wall_files(names: set[str]) -> None:
    """Every file, the wall picture too; the pathway map joins them when labor-market figures are wired in."""
    assert EVERY | WALL_ONLY | {"wall.png"} <= names
    assert names - EVERY - WALL_ONLY - {"wall.png"} <= {"pathway-map.pdf"}


def cardwall(*args) -> subprocess.CompletedProcess:
    env = {k: v for k, v in os.environ.items() if k not in ("DISPLAY", "WAYLAND_DISPLAY", "QT_QPA_PLATFORM")}
    return subprocess.run(
        [sys.executable, "-m", "ui.cli", *map(str, args)],
        cwd=ROOT,
        capture_output=True,
        text=True,
        timeout=180,
        env={**env, "PYTHONPATH": str(ROOT)},
    )


def test_demo_export_writes_every_file_of_both_sessions_without_a_display(tmp_path):
    out = tmp_path / "demo"
    result = cardwall("demo", "--export", out)
    assert result.returncode == 0, result.stderr
    folders = sorted(p for p in out.iterdir() if p.is_dir())
    assert len(folders) == 5
    wall, panels, validation, assets, plan = folders  # named by date: the wall came first, the action plan last
    assert "brief-tool-and-die-maker.pdf" in {p.name for p in validation.iterdir()}
    assert {"asset-map.pdf", "gap-matrix.xlsx"} <= {p.name for p in assets.iterdir()}
    assert {"action-plan.pdf", "action-plan.csv"} <= {p.name for p in plan.iterdir()}
    assert_wall_files({p.name for p in wall.iterdir()})
    assert (wall / "wall.png").read_bytes().startswith(b"\x89PNG")
    assert {p.name for p in panels.iterdir()} == EVERY | PANEL_ONLY | {
        "brief-tool-and-die-maker.pdf",
        "brief-technical-sales-representative.pdf",
    }
    assert f"Wrote {sum(len(list(f.iterdir())) for f in folders)} files" in result.stdout
    summary = PdfReader(wall / "summary.pdf")
    assert any("The wall" in page.extract_text() for page in summary.pages)  # the wall, drawn as text
    for brief in panels.glob("brief-*.pdf"):
        assert len(PdfReader(brief).pages) <= 2


def test_export_one_session_by_title_reads_back(demo_path, tmp_path):
    out = tmp_path / "one"
    title = "Critical occupations in Western Colorado manufacturing"
    result = cardwall("export", demo_path, "--out", out, "--session", title)
    assert result.returncode == 0, result.stderr
    assert_wall_files({p.name for p in out.iterdir()})
    msg = email.message_from_bytes((out / "summary.eml").read_bytes(), policy=policy.default)
    assert title in msg["Subject"] and msg["X-Unsent"] == "1"
    crosswalk = pd.read_csv(out / "crosswalk.csv", encoding="utf-8-sig")
    assert "Tool and die maker" in set(crosswalk["title"])
    assert (out / "summary.md").read_text(encoding="utf-8").startswith(f"# {title}")


def test_export_into_a_file_is_one_clear_error(demo_path, tmp_path):
    blocker = tmp_path / "taken"
    blocker.write_text("not a folder")
    result = cardwall("export", demo_path, "--out", blocker)
    assert result.returncode == 1
    assert "Traceback" not in result.stderr and len(result.stderr.strip().splitlines()) == 1
