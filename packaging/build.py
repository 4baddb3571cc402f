"""Build the double-click app and its archive: `make dist`, or `python packaging/build.py` on any OS.

PyInstaller (a dev dependency) freezes the app into dist/Cardwall/ (dist/Cardwall.app on macOS);
the archive beside it is what a facilitator downloads: a .tar.gz on Linux, a .zip elsewhere.
"""

from __future__ import annotations

import argparse
import platform
import shutil
import subprocess
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent


def platform_tag() -> str:
    system = {"linux": "linux", "darwin": "macos", "win32": "windows"}.get(sys.platform, sys.platform)
    return f"{system}-{platform.machine().lower()}"


def folder_size(path: Path) -> int:
    return sum(f.stat().st_size for f in path.rglob("*") if f.is_file() and not f.is_symlink())


def build(dist: Path, work: Path) -> tuple[Path, Path]:
    """Freeze the app into `dist` and archive it there; returns (app folder, archive)."""
    import PyInstaller.__main__

    sys.path.insert(0, str(ROOT))
    from cardwall import __version__

    PyInstaller.__main__.run(
        [
            "--noconfirm",
            "--clean",
            "--log-level=ERROR",  # its warnings (Windows DLLs on Linux, optional imports) are in the work folder
            f"--distpath={dist}",
            f"--workpath={work}",
            str(ROOT / "packaging" / "cardwall.spec"),
        ]
    )
    app = dist / ("Cardwall.app" if sys.platform == "darwin" else "Cardwall")
    base = dist / f"Cardwall-{__version__}-{platform_tag()}"
    if sys.platform.startswith("linux"):
        archive = Path(shutil.make_archive(str(base), "gztar", root_dir=dist, base_dir=app.name))
    elif sys.platform == "darwin":
        # ditto keeps the bundle's symlinks and attributes, which a plain zip would flatten.
        archive = Path(f"{base}.zip")
        subprocess.run(["ditto", "-c", "-k", "--keepParent", str(app), str(archive)], check=True)
    else:
        archive = Path(shutil.make_archive(str(base), "zip", root_dir=dist, base_dir=app.name))
    return app, archive


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--dist", type=Path, default=ROOT / "dist", help="where the app and archive go")
    parser.add_argument("--work", type=Path, default=ROOT / "build" / "pyinstaller", help="PyInstaller's scratch")
    args = parser.parse_args(argv)
    started = time.perf_counter()
    app, archive = build(args.dist.resolve(), args.work.resolve())
    mb = 1024 * 1024
    print(
        f"Built {app} ({folder_size(app) / mb:.0f} MB) and {archive} ({archive.stat().st_size / mb:.0f} MB) "
        f"in {time.perf_counter() - started:.0f} s."
    )
    return 0


if __name__ == "__main__":
    sys.exit(main())
