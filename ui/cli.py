"""The `cardwall` command: open the app, the demo, exports, imports, checks and SOC look-ups.

Qt is imported only for a window or the wall picture, so `check` and `soc`
start fast. Exit codes: 0 done, 1 a problem with the user's input or file
(one line on stderr), 2 a usage error.
"""

from __future__ import annotations

import argparse
import os
import sys
import tempfile
from pathlib import Path

from cardwall import __version__
from ui.errors import UserError

SUBCOMMANDS = ("demo", "export", "import", "check", "soc", "picture", "room")


def _parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog="cardwall",
        description="Cardwall: the sticky wall, cards and dots of employer sessions. "
        "Run with a workspace file to open the app.",
    )
    parser.add_argument("--version", action="version", version=f"cardwall {__version__}")
    sub = parser.add_subparsers(dest="command", metavar="COMMAND")

    demo = sub.add_parser("demo", help="open the app on a fresh copy of the demo workspace")
    demo.add_argument("--export", metavar="DIR", help="no window: write every export of the demo into DIR")

    export = sub.add_parser("export", help="write every export of a session into a folder")
    export.add_argument("workspace")
    export.add_argument("--out", required=True, metavar="DIR")
    which = export.add_mutually_exclusive_group()
    which.add_argument("--session", metavar="ID", help="the session's id or title (default: the latest)")
    which.add_argument("--all", action="store_true", help="every session, a subfolder each")

    imp = sub.add_parser("import", help="import a session JSON, a cards table, a task list or a program inventory")
    imp.add_argument("workspace")
    imp.add_argument("file")
    imp.add_argument(
        "--session", metavar="ID", help="for cards, task lists and inventories: the session to add to (an asset map)"
    )

    check = sub.add_parser("check", help="check a workspace's integrity and schema")
    check.add_argument("workspace")

    soc = sub.add_parser("soc", help="SOC codes matching a job title, best first")
    soc.add_argument("query")
    soc.add_argument("--area", default="", help="a state, metro area or area code (default: national)")
    soc.add_argument("--limit", type=int, default=10)

    picture = sub.add_parser("picture", help="no window: the wall as presentation mode shows it, as a PNG")
    picture.add_argument("workspace")
    picture.add_argument("--out", required=True, metavar="FILE.png")
    picture.add_argument("--session", metavar="ID", help="the session's id or title (default: the latest wall)")
    picture.add_argument("--size", default=(1920, 1080), type=_screen_size, metavar="WxH", help="default 1920x1080")

    from ui.room.cli import add_parser as add_room_parser

    add_room_parser(sub)
    return parser


def _screen_size(text: str) -> tuple[int, int]:
    width, _, height = text.lower().partition("x")
    if not (width.isdigit() and height.isdigit() and 200 <= int(width) <= 8000 and 200 <= int(height) <= 8000):
        raise argparse.ArgumentTypeError(f"{text!r} is not a screen size like 1280x720 (200 to 8000 each way)")
    return int(width), int(height)


def main(argv: list[str] | None = None) -> int:
    argv = list(sys.argv[1:] if argv is None else argv)
    parser = _parser()
    if argv and not argv[0].startswith("-") and argv[0] not in SUBCOMMANDS:
        if len(argv) > 1:
            parser.error(f"unrecognized arguments: {' '.join(argv[1:])}")
        return _guarded(lambda: open_app(Path(argv[0])))
    args = parser.parse_args(argv)
    if args.command is None:
        return _guarded(lambda: open_app(None))
    handler = {
        "demo": cmd_demo,
        "export": cmd_export,
        "import": cmd_import,
        "check": cmd_check,
        "soc": cmd_soc,
        "picture": cmd_picture,
        "room": cmd_room,
    }[args.command]
    return _guarded(lambda: handler(args))


def _guarded(fn) -> int:
    """Run a command; user-facing problems become one line on stderr and exit 1."""
    from cardwall.commands import DomainError
    from storage.errors import StorageError

    try:
        return fn() or 0
    except (UserError, DomainError, StorageError) as exc:
        print(f"cardwall: {exc}", file=sys.stderr)
        return 1
    except KeyboardInterrupt:
        return 130


# --- the commands ------------------------------------------------------------------------


def open_app(workspace: Path | None, *, demo: bool = False) -> int:
    from ui.app import run_app

    return run_app(workspace, demo=demo)


def cmd_demo(args) -> int:
    from storage.demo import build_demo

    if args.export:
        out = Path(args.export)
        with tempfile.TemporaryDirectory() as tmp:
            path = build_demo(Path(tmp) / "demo.cardwall")
            written = export_workspace(path, out, all_sessions=True)
        print(f"Wrote {len(written)} files to {out}")
        return 0
    from ui.app import has_display

    if not has_display():
        out = Path("demo-exports").resolve()
        with tempfile.TemporaryDirectory() as tmp:
            written = export_workspace(build_demo(Path(tmp) / "demo.cardwall"), out, all_sessions=True)
        print(f"No display found, so no window: wrote the demo's {len(written)} exports to {out} instead.")
        return 0
    folder = Path(tempfile.mkdtemp(prefix="cardwall-demo-"))
    return open_app(build_demo(folder / "Demo partnership.cardwall"), demo=True)


def cmd_export(args) -> int:
    path = _existing_workspace(args.workspace)
    chosen: list = []
    written = export_workspace(path, Path(args.out), session=args.session, all_sessions=args.all, chosen=chosen)
    which = ""
    if not args.all:
        s = chosen[0]
        why = "" if args.session else ", the latest by date; --session ID or --all for others"
        which = f" of {s.info.title!r} (session {s.id}{why})"
    print(f"Wrote {len(written)} files{which} to {args.out}")
    return 0


def export_workspace(
    path: Path, out: Path, *, session: str | None = None, all_sessions: bool = False, chosen: list | None = None
) -> list[Path]:
    from exporters.bundle import export_session, session_folder_name
    from storage.figures import export_figures
    from storage.workspace import WorkspaceFile

    with WorkspaceFile.open(path, readonly=True, create=False) as wf:
        ws = wf.ws
        if not ws.sessions:
            raise UserError(f"{path} has no sessions to export.")
        if all_sessions:
            # Titles that slug alike (two sessions of one day titled in Chinese, say) get -2, -3...: none overwrites.
            targets, used = [], set()
            for s in ws.ordered_sessions():
                base = name = session_folder_name(s)
                n = 2
                while name in used:
                    name, n = f"{base}-{n}", n + 1
                used.add(name)
                targets.append((s, out / name))
        else:
            targets = [(_pick_session(ws, session), out)]
        if chosen is not None:
            chosen.extend(s for s, _folder in targets)
        written: list[Path] = []
        for s, folder in targets:
            _make_folder(folder)
            extra = export_figures(ws, s.id)  # pathway map figures and the briefs' wage lines
            report: list[str] = []
            written += export_session(ws, s.id, folder, wall_png=_wall_picture(ws, s.id), report=report, **extra)
            for line in report:  # e.g. characters no bundled font draws: said, never silently dropped
                print(f"cardwall: {folder.name}: {line}", file=sys.stderr)
    return written


def _wall_picture(ws, session_id: str) -> bytes | None:
    """The wall drawn offscreen, or None when this session has no wall."""
    session = ws.sessions[session_id]
    if session.info.kind != "critical-occupations":
        return None
    _offscreen()
    from ui.wall.picture import render_wall_png

    return render_wall_png(ws, session_id)


def _offscreen() -> None:
    if "PySide6.QtWidgets" not in sys.modules:
        # No window in this process: draw offscreen whatever the environment says (even an empty value).
        os.environ["QT_QPA_PLATFORM"] = "offscreen"


def _make_folder(folder: Path) -> None:
    try:
        folder.mkdir(parents=True, exist_ok=True)
    except OSError as exc:
        raise UserError(f"Cannot write to {folder}: {exc.strerror or exc}.") from None
    if not folder.is_dir():
        raise UserError(f"{folder} is not a folder.")


def _find_session(ws, wanted: str):
    """The session with this id, else the one session with this title (any case), else None."""
    if wanted in ws.sessions:
        return ws.sessions[wanted]
    matches = [s for s in ws.sessions.values() if s.info.title.casefold() == wanted.casefold()]
    return matches[0] if len(matches) == 1 else None


def _pick_session(ws, wanted: str | None):
    if not wanted:
        return ws.latest_session()
    found = _find_session(ws, wanted)
    if found is not None:
        return found
    listing = "; ".join(f"{s.id} ({s.info.title})" for s in ws.ordered_sessions())
    raise UserError(f"No session {wanted!r} in this workspace. Sessions: {listing}.")


def _existing_workspace(name: str) -> Path:
    path = Path(name)
    if not path.exists():
        raise UserError(f"{path} does not exist.")
    return path


def cmd_import(args) -> int:
    from ui.importing import TABLE_SUFFIXES, import_file

    file, workspace = Path(args.file), Path(args.workspace)
    if file.suffix.lower() in TABLE_SUFFIXES and file.exists() and _is_inventory(file, workspace, args.session):
        from ui.assets.inventory import import_inventory

        print(import_inventory(workspace, file, args.session))
        return 0
    report = import_file(workspace, file, session=args.session)
    print(report)
    return 0


def _is_inventory(file: Path, workspace: Path, session: str | None) -> bool:
    """A table with a program column, or any table sent to an asset map with --session, is an inventory."""
    from exporters.program_import import is_program_table

    if is_program_table(file):
        return True
    if not session or not workspace.exists():
        return False
    from storage.workspace import WorkspaceFile

    with WorkspaceFile.open(workspace, readonly=True, create=False) as wf:
        named = _find_session(wf.ws, session)
    return named is not None and named.info.kind == "asset-map"


def cmd_check(args) -> int:
    from storage.check import check

    path = _existing_workspace(args.workspace)
    problems = check(path)
    if problems:
        raise UserError(f"{path} has problems: " + " ".join(problems[:5]))
    print(f"{path}: sound.")
    return 0


DRAWN = {"critical-occupations": "the wall", "asset-map": "the asset map", "action-plan": "the action plan's grid"}


def cmd_picture(args) -> int:
    from storage.workspace import WorkspaceFile

    path = _existing_workspace(args.workspace)
    with WorkspaceFile.open(path, readonly=True, create=False) as wf:
        if args.session:
            session, why = _pick_session(wf.ws, args.session), ""
            if session.info.kind not in DRAWN:
                raise UserError(
                    f"Session {args.session!r} is a {session.info.kind} session: it has no wall to draw "
                    "(a picture is of a wall, an asset map or an action plan)."
                )
        else:
            session, why = _latest_wall(wf.ws, path)
        _offscreen()
        from ui.wall.picture import render_session_png

        png = render_session_png(wf.ws, session.id, size=args.size)
    try:
        Path(args.out).write_bytes(png)
    except OSError as exc:
        raise UserError(f"Cannot write {args.out}: {exc.strerror or exc}.") from None
    drawn = f"{DRAWN[session.info.kind]} of {session.info.title!r} (session {session.id}{why})"
    print(f"Wrote {args.out} ({args.size[0]}x{args.size[1]}): {drawn}")
    return 0


def _latest_wall(ws, path: Path):
    """With no --session: the employers' latest wall that has cards (else the latest wall), else the latest asset
    map or action plan; with the reason, to be said."""
    walls = [s for s in ws.ordered_sessions() if s.info.kind == "critical-occupations"]
    with_cards = [s for s in walls if s.cards]
    if with_cards:
        return with_cards[-1], ", the latest wall with cards; --session picks another"
    if walls:
        return walls[-1], ", the latest wall; --session picks another"
    others = [s for s in ws.ordered_sessions() if s.info.kind in DRAWN]
    if others:
        return others[-1], ", the latest session with a picture, as there is no wall; --session picks another"
    raise UserError(f"{path} has no wall to draw.")


def _room_session(ws, wanted: str | None, *, panel: str | None = None):
    """`cardwall room`: the session named, else the latest the room can join (a wall or a skill panel)."""
    from cardwall.assets import joins_the_room

    if wanted:
        session = _pick_session(ws, wanted)
        if not joins_the_room(session):
            raise UserError(
                f"Session {wanted!r} is an {session.info.kind} session: the room's devices join a wall "
                "(cards) or a skill panel (dots)."
            )
        return session
    joinable = [s for s in ws.ordered_sessions() if joins_the_room(s)]
    if not joinable:
        return None
    session = joinable[-1]
    if panel and panel not in session.panels:
        return session  # refused next, in one line: no word of a choice that does not stand
    # On stderr: stdout's first lines are the join addresses, which scripts read.
    print(
        f"Room on {session.info.title!r} (session {session.id}), the latest wall or skill panel; "
        "--session picks another.",
        file=sys.stderr,
        flush=True,
    )
    return session


def cmd_soc(args) -> int:
    from ui.soc_cli import run_soc

    return run_soc(args.query, area=args.area, limit=args.limit)


def cmd_room(args) -> int:
    from ui.room.cli import run_room

    return run_room(
        args, pick_session=lambda ws, wanted: _room_session(ws, wanted, panel=args.panel), user_error=UserError
    )


if __name__ == "__main__":
    # `python -m ui.cli` runs this file as __main__; the modules it calls raise ui.cli.UserError, so run
    # ui.cli's own main, whose guard knows that class (otherwise a user error would end in a traceback).
    from ui.cli import main as _main

    sys.exit(_main())
