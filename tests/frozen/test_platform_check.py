"""On Linux, a missing X11 library Qt's xcb plugin needs is named in one line, before Qt can abort."""

from __future__ import annotations

import ctypes.util
import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

from ui import platform_check
from ui.platform_check import XCB_LIBRARIES, qt_library_problem, would_use_xcb

ROOT = Path(__file__).resolve().parents[2]
X11 = {"DISPLAY": ":0"}


def _finder_without(*missing: str):
    return lambda soname: soname not in missing


def test_a_missing_library_names_its_debian_package_in_one_line():
    problem = qt_library_problem(X11, platform="linux", finder=_finder_without("libxcb-cursor.so.0"))
    assert problem is not None and "\n" not in problem
    assert "libxcb-cursor.so.0" in problem and "sudo apt-get install libxcb-cursor0`" in problem


def test_the_three_of_a_bare_debian_are_named_together():
    bare = _finder_without("libxcb-cursor.so.0", "libxcb-icccm.so.4", "libxcb-keysyms.so.1")
    problem = qt_library_problem(X11, platform="linux", finder=bare)
    assert "apt-get install libxcb-cursor0 libxcb-icccm4 libxcb-keysyms1`" in problem


def test_nothing_is_said_when_every_library_loads():
    assert qt_library_problem(X11, platform="linux", finder=lambda soname: True) is None


@pytest.mark.parametrize(
    "env",
    [
        {"QT_QPA_PLATFORM": "offscreen", "DISPLAY": ":0"},
        {"QT_QPA_PLATFORM": "wayland", "DISPLAY": ":0"},
        {"WAYLAND_DISPLAY": "wayland-0", "DISPLAY": ":0"},
        {"XDG_SESSION_TYPE": "wayland", "DISPLAY": ":0"},
        {},
    ],
)
def test_only_an_x11_window_is_checked(env):
    nothing_loads = lambda soname: False
    assert qt_library_problem(env, platform="linux", finder=nothing_loads) is None


def test_other_systems_are_not_checked():
    assert not would_use_xcb(X11, "win32") and not would_use_xcb(X11, "darwin")
    assert would_use_xcb({"QT_QPA_PLATFORM": "xcb"}, "linux") and would_use_xcb(X11, "linux")


def test_the_real_loader_finds_a_library_that_exists_and_not_one_that_does_not():
    assert platform_check.loader_finds("libc.so.6")
    assert not platform_check.loader_finds("libcardwall-no-such-library.so.9")


def test_every_library_of_qt_xcb_plugin_is_in_the_table():
    """The table follows the plugin that ships with the PySide6 we pin: each X11 library it links to."""
    qt = Path(__import__("PySide6").__file__).parent / "Qt"
    readelf = shutil.which("readelf")
    if readelf is None:
        pytest.skip("readelf (binutils) is not installed")
    needed = set()
    for lib in (qt / "plugins" / "platforms" / "libqxcb.so", qt / "lib" / "libQt6XcbQpa.so.6"):
        out = subprocess.run([readelf, "-d", str(lib)], capture_output=True, text=True, check=True).stdout
        needed |= {line.split("[", 1)[1].rstrip("]") for line in out.splitlines() if "(NEEDED)" in line}
    x11 = {n for n in needed if n.startswith(("libxcb", "libX11", "libxkbcommon", "libGL.", "libEGL."))}
    assert x11 and x11 <= set(XCB_LIBRARIES)


def _run_cardwall(args: list[str], env: dict[str, str], prelude: str = "", wrap: list[str] | None = None):
    code = f"import sys; {prelude}from ui.cli import main; sys.exit(main({args!r}))"
    return subprocess.run(
        [*(wrap or []), sys.executable, "-c", code],
        env=env,
        cwd=ROOT,
        capture_output=True,
        text=True,
        timeout=60,
    )


def _x11_env(tmp_path: Path) -> dict[str, str]:
    env = {k: v for k, v in os.environ.items() if k not in ("QT_QPA_PLATFORM", "WAYLAND_DISPLAY", "XDG_SESSION_TYPE")}
    return {**env, "DISPLAY": ":97", "XDG_CONFIG_HOME": str(tmp_path / "config"), "TMPDIR": str(tmp_path)}


def test_the_app_says_one_line_and_exits_1_instead_of_qt_aborting(tmp_path):
    workspace = tmp_path / "w.cardwall"
    prelude = "import ui.platform_check as pc; pc.loader_finds = lambda s: s != 'libxcb-icccm.so.4'; "
    done = _run_cardwall([str(workspace)], _x11_env(tmp_path), prelude)
    assert done.returncode == 1, done.stderr
    lines = done.stderr.strip().splitlines()
    assert len(lines) == 1 and lines[0].startswith("cardwall: ") and "libxcb-icccm4" in lines[0], done.stderr
    assert "Qt platform plugin" not in done.stderr and not workspace.exists()


def test_a_library_really_missing_from_the_system_is_named(tmp_path):
    """A private mount namespace hides libxcb-cursor.so.0 from the loader (root and unshare needed)."""
    unshare = shutil.which("unshare")
    target = ctypes.util.find_library("xcb-cursor")
    if os.geteuid() != 0 or unshare is None:
        pytest.skip("hiding a system library needs root and unshare")
    hide = ""
    if target:
        found = next(
            (
                p
                for p in ("/usr/lib/x86_64-linux-gnu", "/lib/x86_64-linux-gnu", "/usr/lib64", "/usr/lib")
                if Path(p, target).exists()
            ),
            None,
        )
        hide = f"mount --bind /dev/null {found}/{target} && " if found else ""
    probe = subprocess.run([unshare, "-m", "true"], capture_output=True)
    if probe.returncode != 0:
        pytest.skip("this system does not allow a private mount namespace")

    def run(prelude: str = ""):
        code = f"import sys; {prelude}from ui.cli import main; sys.exit(main(['demo']))"
        return subprocess.run(
            [unshare, "-m", "sh", "-c", f'{hide}exec {sys.executable} -c "{code}"'],
            env=_x11_env(tmp_path),
            cwd=ROOT,
            capture_output=True,
            text=True,
            timeout=60,
        )

    # The control: without the check, Qt itself finds the library missing and aborts the process.
    unchecked = run("import ui.platform_check as pc; pc.qt_library_problem = lambda *a, **k: None; ")
    assert unchecked.returncode != 0 and "Qt platform plugin" in unchecked.stderr, unchecked.stderr
    done = run()
    assert done.returncode == 1, done.stderr
    lines = done.stderr.strip().splitlines()
    assert len(lines) == 1 and "apt-get install libxcb-cursor0" in lines[0], done.stderr
