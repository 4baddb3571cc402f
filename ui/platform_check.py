"""Before any window opens on Linux: are the system libraries Qt's xcb plugin needs there?

Qt 6.5+ aborts with "Could not load the Qt platform plugin xcb" and advice to reinstall when one
of them is missing (a bare Debian lacks libxcb-cursor0, libxcb-icccm4, libxcb-keysyms1). We ask
the dynamic loader for each library the plugin links to, and name the Debian packages to install
in one line instead. No Qt is imported here, so the check runs before Qt can abort.
"""

from __future__ import annotations

import ctypes
import os
import sys
from collections.abc import Callable, Mapping
from pathlib import Path

# What Qt's xcb platform plugin (libqxcb.so and libQt6XcbQpa.so.6) links to beyond Qt itself and
# glibc, read from their ELF NEEDED entries (PySide6 6.11), with the Debian package of each.
XCB_LIBRARIES: dict[str, str] = {
    "libxcb-cursor.so.0": "libxcb-cursor0",
    "libxcb-icccm.so.4": "libxcb-icccm4",
    "libxcb-keysyms.so.1": "libxcb-keysyms1",
    "libxcb-image.so.0": "libxcb-image0",
    "libxcb-render-util.so.0": "libxcb-render-util0",
    "libxcb-util.so.1": "libxcb-util1",
    "libxcb-randr.so.0": "libxcb-randr0",
    "libxcb-shape.so.0": "libxcb-shape0",
    "libxcb-shm.so.0": "libxcb-shm0",
    "libxcb-sync.so.1": "libxcb-sync1",
    "libxcb-xfixes.so.0": "libxcb-xfixes0",
    "libxcb-render.so.0": "libxcb-render0",
    "libxcb-xkb.so.1": "libxcb-xkb1",
    "libxcb.so.1": "libxcb1",
    "libX11-xcb.so.1": "libx11-xcb1",
    "libX11.so.6": "libx11-6",
    "libxkbcommon.so.0": "libxkbcommon0",
    "libxkbcommon-x11.so.0": "libxkbcommon-x11-0",
    "libGL.so.1": "libgl1",
    "libEGL.so.1": "libegl1",
}

Finder = Callable[[str], bool]


def loader_finds(soname: str) -> bool:
    """True when the dynamic loader can load `soname` (the frozen app's own folder counts)."""
    bundled = getattr(sys, "_MEIPASS", None)
    if bundled and (Path(bundled) / soname).exists():
        return True  # PyInstaller ships the build machine's copy beside the app
    try:
        ctypes.CDLL(soname)
    except OSError:
        return False
    return True


def would_use_xcb(env: Mapping[str, str], platform: str = sys.platform) -> bool:
    """Whether Qt would pick its xcb (X11) plugin for a window in this environment."""
    if not platform.startswith("linux"):
        return False
    chosen = env.get("QT_QPA_PLATFORM", "").split(";")[0].split(":")[0].strip()
    if chosen:
        return chosen == "xcb"
    if env.get("WAYLAND_DISPLAY") or env.get("XDG_SESSION_TYPE") == "wayland":
        return False  # Qt 6 takes its wayland plugin there
    return bool(env.get("DISPLAY"))


def missing_libraries(finder: Finder = loader_finds) -> list[str]:
    return [soname for soname in XCB_LIBRARIES if not finder(soname)]


def qt_library_problem(
    env: Mapping[str, str] | None = None, *, platform: str = sys.platform, finder: Finder | None = None
) -> str | None:
    """One line naming the packages to install when an X11 window cannot open; None when it can."""
    env = os.environ if env is None else env
    if not would_use_xcb(env, platform):
        return None
    missing = missing_libraries(finder or loader_finds)
    if not missing:
        return None
    packages = " ".join(dict.fromkeys(XCB_LIBRARIES[name] for name in missing))
    return (
        f"the window cannot open: Qt needs {', '.join(missing)}, missing on this system. "
        f"Install with `sudo apt-get install {packages}` (Debian, Ubuntu), then start Cardwall again."
    )
