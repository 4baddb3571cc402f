"""How much of a wall a room can read: `cardwall picture` at projector sizes, read back by OCR.

    python -m bench.legibility [--sizes 1280x720,1366x768,1920x1080] [--json FILE] [--keep DIR]

For each wall (the demo's, and a realistic 60-card health-care wall) and each screen size, the
wall is drawn as presentation mode shows it (`cardwall picture`, a process of its own), greyed
and doubled, and read by tesseract. The figure is the share of the visible cards' words of three
letters or more that come back (each word as often as the cards show it). A figure to report,
never a test assertion.
"""

from __future__ import annotations

import argparse
import json
import os
import re
import subprocess
import sys
import tempfile
from collections import Counter
from pathlib import Path

from bench.healthcare import healthcare_session
from cardwall.interchange import ImportSession
from cardwall.wall import stacks_by_root
from storage.demo import build_demo
from storage.workspace import WorkspaceFile

ROOT = Path(__file__).resolve().parents[1]
SIZES = ("1280x720", "1366x768", "1920x1080")
WORD = re.compile(r"[^\W\d_]{3,}")


def words(text: str) -> list[str]:
    return [w.casefold() for w in WORD.findall(text)]


def build_walls(folder: Path) -> dict[str, tuple[Path, str]]:
    """name -> (workspace, wall session id)."""
    demo = build_demo(folder / "demo.cardwall")
    health = folder / "health.cardwall"
    with WorkspaceFile.open(health, backup=False) as wf:
        wf.execute(ImportSession(healthcare_session()))
    walls = {}
    for name, path in (("demo", demo), ("health-60", health)):
        with WorkspaceFile.open(path, readonly=True, create=False) as wf:
            sid = next(s.id for s in wf.ws.ordered_sessions() if s.info.kind == "critical-occupations")
        walls[name] = (path, sid)
    return walls


def shown_words(path: Path, session_id: str) -> Counter:
    """The words on the cards a wall shows: each pile's top card, each loose card."""
    with WorkspaceFile.open(path, readonly=True, create=False) as wf:
        session = wf.ws.sessions[session_id]
        return Counter(w for pile in stacks_by_root(session).values() for w in words(pile[0].text))


def picture(path: Path, session_id: str, size: str, out: Path) -> None:
    command = [sys.executable, "-m", "ui.cli", "picture", str(path), "--session", session_id]
    subprocess.run(
        [*command, "--size", size, "--out", str(out)],
        cwd=ROOT,
        check=True,
        capture_output=True,
        env={**os.environ, "PYTHONPATH": str(ROOT), "QT_QPA_PLATFORM": "offscreen"},
    )


def read_back(png: Path) -> Counter:
    """The words tesseract reads in the picture, greyed and scaled 2x."""
    os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
    from PySide6.QtCore import Qt
    from PySide6.QtGui import QGuiApplication, QImage

    _app = QGuiApplication.instance() or QGuiApplication([])
    image = QImage(str(png)).convertToFormat(QImage.Format_Grayscale8)
    image = image.scaled(image.width() * 2, image.height() * 2, Qt.IgnoreAspectRatio, Qt.SmoothTransformation)
    grey = png.with_suffix(".grey.png")
    image.save(str(grey))
    text = subprocess.run(["tesseract", str(grey), "stdout"], capture_output=True, text=True, check=True).stdout
    return Counter(words(text))


def score(wanted: Counter, got: Counter) -> float:
    total = sum(wanted.values())
    return sum(min(n, got[w]) for w, n in wanted.items()) / total if total else 1.0


def measure(sizes=SIZES, keep: Path | None = None) -> dict[str, float]:
    figures: dict[str, float] = {}
    with tempfile.TemporaryDirectory() as tmp:
        folder = Path(tmp)
        for name, (path, sid) in build_walls(folder).items():
            wanted = shown_words(path, sid)
            for size in sizes:
                out = (keep or folder) / f"{name}-{size}.png"
                picture(path, sid, size, out)
                figures[f"legibility_{name}_{size}"] = round(100 * score(wanted, read_back(out)), 1)
    return figures


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m bench.legibility", description=__doc__.splitlines()[0])
    parser.add_argument("--sizes", default=",".join(SIZES))
    parser.add_argument("--json", metavar="FILE")
    parser.add_argument("--keep", metavar="DIR", help="keep the pictures in DIR")
    args = parser.parse_args(argv)
    keep = Path(args.keep) if args.keep else None
    if keep:
        keep.mkdir(parents=True, exist_ok=True)
    figures = measure(args.sizes.split(","), keep)
    print(f"{'wall':<12}{'screen':<12}{'words read back':>16}")
    for key, value in figures.items():
        _, name, size = key.split("_")
        print(f"{name:<12}{size:<12}{value:>15.1f}%")
    if args.json:
        Path(args.json).write_text(json.dumps(figures, indent=2) + "\n", encoding="utf-8")
    return 0


if __name__ == "__main__":
    sys.exit(main())
