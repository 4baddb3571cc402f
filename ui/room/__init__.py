"""The room: employers' phones and the note-taker's laptop join a session over the room's network.

No Qt here: the same server runs inside the app (the Room menu) and alone
under `cardwall room`. `open_room` puts the pieces together.
"""

from __future__ import annotations

from pathlib import Path


def open_room(
    host,
    workspace: Path,
    session_id: str,
    *,
    panel_id: str | None = None,
    bind: str = "127.0.0.1",
    port: int = 0,
    open_for: tuple[str, ...] | None = None,
) -> tuple:
    """A room on `session_id`, served on bind:port (0 = a free port); raises OSError if it cannot bind.

    Must be called on the thread that holds the workspace (it reads the session). Returns (Room, RoomServer).
    """
    from ui.room.room import Room  # aiohttp loads when a room opens, not when the app starts
    from ui.room.server import RoomServer
    from ui.room.store import RoomStore

    room = Room(host, session_id, panel_id=panel_id, store=RoomStore(workspace, session_id), open_for=open_for)
    host.listeners.append(lambda change: room.bump() if session_id in change.sessions() else None)
    server = RoomServer(room, host, bind=bind, port=port)
    server.start()
    return room, server
