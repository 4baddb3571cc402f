"""`cardwall room WORKSPACE ...`: the room's server without a window, until SIGINT or SIGTERM."""

from __future__ import annotations

import signal
import sys
import threading
from pathlib import Path


def run_room(args, *, pick_session, user_error: type[Exception]) -> int:
    """`pick_session` and `user_error` come from ui/cli.py (which imports Qt for its windows; this must not)."""
    from storage.workspace import WorkspaceFile
    from ui.room import open_room
    from ui.room.host import ThreadHost

    UserError = user_error
    # Two threads share the interpreter here (the server's loop, the workspace's holder); hand over often,
    # so a commit is not kept waiting 5 ms at a time behind request parsing.
    sys.setswitchinterval(0.0005)
    path = Path(args.workspace)
    if not path.exists():
        raise UserError(f"{path} does not exist.")
    stop = threading.Event()
    for sig in (signal.SIGINT, signal.SIGTERM):
        signal.signal(sig, lambda *_: stop.set())
    wf = WorkspaceFile.open(path, create=False)
    try:
        if wf.readonly:
            raise UserError(f"{path} cannot take the room's changes: {wf.notice}")
        session = pick_session(wf.ws, args.session)
        if session is None:
            raise UserError(f"{path} has no sessions to open to the room.")
        if args.panel and args.panel not in session.panels:
            raise UserError(f"No panel {args.panel!r} in this session. Panels: {', '.join(session.panels) or 'none'}.")
        open_for = {"cards": ("cards",), "dots": ("dots",)}.get(args.open)
        host = ThreadHost(wf)
        host.start()
        try:
            opening = host.submit(
                lambda: open_room(
                    host, path, session.id, panel_id=args.panel, bind=args.host, port=args.port, open_for=open_for
                )
            )
            try:
                _room, server = opening.result(timeout=30)
            except OSError as exc:
                raise UserError(f"Cannot listen on {args.host}:{args.port}: {exc.strerror or exc}.") from None
            print(server.join_url, flush=True)
            print(server.notes_url, flush=True)
            try:
                while not stop.wait(0.5):
                    pass
            finally:
                server.stop()
        finally:
            host.stop()
    finally:
        wf.close()
    return 0


def add_parser(sub) -> None:
    room = sub.add_parser("room", help="no window: open a session to the room's phones and the note-taker's laptop")
    room.add_argument("workspace")
    room.add_argument("--session", metavar="ID", help="the session's id or title (default: the latest)")
    room.add_argument("--panel", metavar="ID", help="on a skill panel session: the panel voted on (default: the first)")
    room.add_argument("--host", default="127.0.0.1", help="the address to listen on (default: 127.0.0.1)")
    room.add_argument("--port", type=int, default=8765, help="the port (default: 8765; 0 picks a free one)")
    room.add_argument(
        "--open",
        choices=("cards", "dots"),
        help="what devices may do (default: cards on a wall, dots on a skill panel)",
    )
