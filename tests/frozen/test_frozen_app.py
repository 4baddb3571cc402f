"""The double-click app, built by `make dist`'s own script and run as a facilitator would.

Slow (a PyInstaller build, a few minutes on 2 cores): built from this checkout into a temporary
folder, nothing cached between runs. Start time is measured by packaging/measure.py, not asserted.
"""

from __future__ import annotations

import filecmp
import os
import subprocess
import sys
import tarfile
from pathlib import Path

import pytest

from cardwall import __version__

ROOT = Path(__file__).resolve().parents[2]

pytestmark = [
    pytest.mark.slow,
    pytest.mark.skipif(not sys.platform.startswith("linux"), reason="the Linux build; others are built in CI"),
]


@pytest.fixture(scope="module")
def frozen(tmp_path_factory) -> Path:
    out = tmp_path_factory.mktemp("dist")
    done = subprocess.run(
        [
            sys.executable,
            str(ROOT / "packaging" / "build.py"),
            "--dist",
            str(out / "dist"),
            "--work",
            str(out / "work"),
        ],
        cwd=ROOT,
        capture_output=True,
        text=True,
        timeout=1200,
    )
    assert done.returncode == 0, done.stdout[-3000:] + done.stderr[-3000:]
    app = out / "dist" / "Cardwall" / "cardwall"
    assert app.is_file() and os.access(app, os.X_OK)
    return app


def _env(tmp: Path, **extra: str) -> dict[str, str]:
    """A user's environment without a display, with their settings and backups kept in `tmp`."""
    env = {k: v for k, v in os.environ.items() if k not in ("DISPLAY", "WAYLAND_DISPLAY", "QT_QPA_PLATFORM")}
    env.pop("PYTHONPATH", None)  # the frozen app must carry all it needs
    env.update(
        XDG_CONFIG_HOME=str(tmp / "config"),
        XDG_DATA_HOME=str(tmp / "data"),
        CARDWALL_BACKUP_DIR=str(tmp / "backups"),
        TMPDIR=str(tmp),
    )
    return {**env, **extra}


def _run(app: Path, args: list[str], env: dict[str, str], cwd: Path) -> subprocess.CompletedProcess:
    # Run from an empty folder: nothing of the checkout (resources/, the packages) is found by accident.
    return subprocess.run([str(app), *args], env=env, cwd=cwd, capture_output=True, text=True, timeout=120)


def test_the_archive_holds_the_app_folder(frozen):
    (archive,) = frozen.parent.parent.glob(f"Cardwall-{__version__}-linux-*.tar.gz")
    with tarfile.open(archive) as tar:
        names = tar.getnames()
    assert "Cardwall/cardwall" in names
    assert any(n.endswith("resources/oews/oews-2025.sqlite") for n in names)
    assert any(n.endswith("resources/fonts/DejaVuSans.ttf") for n in names)


def test_every_resource_file_is_in_the_app(frozen):
    shipped = frozen.parent / "_internal" / "resources"
    source = ROOT / "resources"
    wanted = {
        p.relative_to(source)
        for p in source.rglob("*")
        if p.is_file() and p.suffix not in (".py", ".pyc") and "__pycache__" not in p.parts
    }
    missing = sorted(str(p) for p in wanted if not (shipped / p).is_file())
    assert not missing


def test_it_prints_its_version(frozen, tmp_path):
    done = _run(frozen, ["--version"], _env(tmp_path), tmp_path)
    assert done.returncode == 0 and done.stdout.strip() == f"cardwall {__version__}"


def test_its_soc_suggestions_read_the_working_titles_it_carries(frozen, tmp_path):
    # "drywall mudder" is named only in cardwall/soc_titles/31-53.txt: the bundle must carry the data files.
    done = _run(frozen, ["soc", "drywall mudder", "--limit", "1"], _env(tmp_path), tmp_path)
    assert done.returncode == 0 and "47-2082" in done.stdout


def test_it_writes_the_demo_exports_without_a_display_as_the_source_does(frozen, tmp_path):
    done = _run(frozen, ["demo", "--export", str(tmp_path / "frozen")], _env(tmp_path), tmp_path)
    assert done.returncode == 0, done.stderr
    assert not done.stderr.strip()  # no banner, no Qt warning for a facilitator to puzzle over
    from ui.cli import main

    assert main(["demo", "--export", str(tmp_path / "source")]) == 0
    frozen_files = sorted(p.relative_to(tmp_path / "frozen") for p in (tmp_path / "frozen").rglob("*.*"))
    source_files = sorted(p.relative_to(tmp_path / "source") for p in (tmp_path / "source").rglob("*.*"))
    assert frozen_files == source_files and len(frozen_files) >= 15
    # Text exports carry the bundled labor data's figures (wages, employment): byte for byte the same.
    for name in frozen_files:
        if name.suffix in (".md", ".csv", ".json"):
            assert filecmp.cmp(tmp_path / "frozen" / name, tmp_path / "source" / name, shallow=False), name
    assert all((tmp_path / "frozen" / n).read_bytes()[:4] == b"%PDF" for n in frozen_files if n.suffix == ".pdf")


def _painted(frozen: Path, args: list[str], tmp_path: Path) -> Path:
    grab = tmp_path / "grab.png"
    env = _env(tmp_path, QT_QPA_PLATFORM="offscreen", CARDWALL_SMOKE_GRAB=str(grab))
    done = _run(frozen, args, env, tmp_path)
    assert done.returncode == 0 and done.stdout.strip() == "painted", done.stdout + done.stderr
    assert done.stderr == ""  # no Qt banner, no warning of a missing file
    return grab


def _pixels(png: Path):
    from PySide6.QtGui import QColor, QImage

    image = QImage(str(png))
    # The window fills the offscreen 800x800 screen: smaller than its 1400x860 default, it opens maximised.
    assert image.width() >= 780 and image.height() >= 500
    step = 7
    return [QColor(image.pixel(x, y)) for x in range(0, image.width(), step) for y in range(0, image.height(), step)]


def test_it_opens_its_window_offscreen_and_paints_the_demo_on_its_wall(frozen, tmp_path):
    pixels = _pixels(_painted(frozen, ["demo"], tmp_path))
    wall = sum(1 for c in pixels if c.blue() > c.red() + 30 and c.value() < 140) / len(pixels)
    cards = sum(1 for c in pixels if c.red() > 200 and c.green() > 180 and c.blue() < 150) / len(pixels)
    assert wall > 0.2 and cards > 0.01  # the wall's dark felt with yellow occupation cards on it


def test_it_opens_a_workspace_given_on_the_command_line(frozen, tmp_path):
    from storage.demo import build_demo

    workspace = build_demo(tmp_path / "Western Colorado.cardwall")
    pixels = _pixels(_painted(frozen, [str(workspace)], tmp_path))
    assert len({c.rgb() for c in pixels}) > 200  # its latest session drawn (the bare welcome page has ~80)
    settings = (tmp_path / "config" / "Cardwall" / "Cardwall.conf").read_text(encoding="utf-8")
    assert str(workspace.resolve()) in settings  # the app opened it and put it first in Open recent
    check = _run(frozen, ["check", str(workspace)], _env(tmp_path), tmp_path)
    assert check.returncode == 0 and "sound" in check.stdout


def test_it_serves_the_room_pages_from_inside_the_app(frozen, tmp_path):
    """The room's server and pages (aiohttp, resources/room/) come along: a phone's join page loads."""
    import re
    import signal
    import urllib.request

    if not (ROOT / "resources" / "room").is_dir():
        pytest.skip("this checkout has no room yet")
    from storage.demo import build_demo

    workspace = build_demo(tmp_path / "room.cardwall")
    args = [str(frozen), "room", str(workspace), "--host", "127.0.0.1", "--port", "0"]
    child = subprocess.Popen(args, env=_env(tmp_path), cwd=tmp_path, stdout=subprocess.PIPE, stderr=subprocess.PIPE)
    try:
        join = child.stdout.readline().decode().strip()
        assert re.fullmatch(r"http://127\.0\.0\.1:\d+/join/\w+", join), join + child.stderr.read(2000).decode()
        with urllib.request.urlopen(join, timeout=10) as answer:
            page = answer.read().decode()
        assert answer.status == 200 and "<html" in page
        base = join.split("/join/")[0]
        linked = re.findall(r'(?:href|src)="(/[^"]+\.(?:css|js))"', page)
        assert linked
        for path in linked:
            with urllib.request.urlopen(base + path, timeout=10) as answer:
                assert answer.status == 200 and answer.read()
    finally:
        child.send_signal(signal.SIGTERM)
        code = child.wait(timeout=30)
    assert code == 0
