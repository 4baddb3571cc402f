"""The room's web server (aiohttp) on its own thread and event loop.

It serves its own pages and the room API v1 (docs/ROOM.md) and nothing else:
no file from disk beyond the few it read at start. It parses and limits
requests here; what they mean is decided by `Room` on the thread that holds
the workspace, through `WorkspaceHost.submit`.
"""

from __future__ import annotations

import asyncio
import json
import threading
import time

from aiohttp import web

import resources
from storage.errors import StorageError
from ui.room.room import Room, RoomError

MAX_BODY = 64 * 1024
CSP = (
    "default-src 'none'; script-src 'self'; style-src 'self'; img-src 'self' data:; connect-src 'self'; "
    "base-uri 'none'; form-action 'none'; frame-ancestors 'none'"
)
PAGES = {"join": "room.html", "notes": "notes.html"}
ASSETS = {
    "room.css": "text/css",
    "room.js": "text/javascript",
    "notes.js": "text/javascript",
    "shared.js": "text/javascript",
}


class JoinGuard:
    """Wrong room codes per address: a few are free, then each answer is slowed, then refused (429)."""

    FREE, BLOCK_AFTER, WINDOW = 3, 10, 600.0

    def __init__(self, clock=time.monotonic) -> None:
        self.clock = clock
        self.wrong: dict[str, list[float]] = {}

    def _recent(self, address: str) -> list[float]:
        now = self.clock()
        recent = [t for t in self.wrong.get(address, []) if now - t < self.WINDOW]
        self.wrong[address] = recent
        return recent

    def refused(self, address: str) -> bool:
        return len(self._recent(address)) >= self.BLOCK_AFTER

    def delay(self, address: str) -> float:
        extra = len(self._recent(address)) - self.FREE
        return 0.0 if extra < 0 else min(0.25 * 2**extra, 1.0)

    def failed(self, address: str) -> None:
        self._recent(address).append(self.clock())


class RoomServer:
    def __init__(self, room: Room, host, *, bind: str = "127.0.0.1", port: int = 0) -> None:
        self.room, self.host, self.bind, self.port = room, host, bind, port
        self.guard = JoinGuard()
        self._files = {name: resources.path("room", name).read_bytes() for name in [*PAGES.values(), *ASSETS]}
        self._loop: asyncio.AbstractEventLoop | None = None
        self._thread: threading.Thread | None = None
        self._streams: set[asyncio.Queue] = set()
        self._stopped: asyncio.Event | None = None
        self._started = threading.Event()
        self._error: BaseException | None = None
        room.listeners.append(self.notify)

    # --- addresses ---------------------------------------------------------------------------
    @property
    def base(self) -> str:
        host = f"[{self.bind}]" if ":" in self.bind else self.bind
        return f"http://{host}:{self.port}"

    @property
    def join_url(self) -> str:
        return f"{self.base}/join/{self.room.code}"

    @property
    def notes_url(self) -> str:
        return f"{self.base}/notes/{self.room.notes_code}"

    # --- life --------------------------------------------------------------------------------
    def start(self) -> None:
        """Bind and serve on a thread of its own; raises OSError when the address cannot be used."""
        self._thread = threading.Thread(target=self._serve, name="cardwall-room-server", daemon=True)
        self._thread.start()
        self._started.wait(15)
        if self._error is not None:
            raise self._error

    def stop(self) -> None:
        if self._loop is not None and self._stopped is not None and not self._loop.is_closed():
            try:
                self._loop.call_soon_threadsafe(self._stopped.set)
            except RuntimeError:
                pass  # the loop has ended already
        if self._thread is not None:
            self._thread.join(timeout=10)

    def notify(self) -> None:
        """Any thread: tell every open event stream that the state changed."""
        loop = self._loop
        if loop is not None and not loop.is_closed():
            try:
                loop.call_soon_threadsafe(self._broadcast, self.room.version)
            except RuntimeError:
                pass

    def _broadcast(self, version) -> None:
        for queue in list(self._streams):
            queue.put_nowait(version)

    def _serve(self) -> None:
        loop = asyncio.new_event_loop()
        self._loop = loop
        try:
            loop.run_until_complete(self._main())
        except BaseException as exc:  # reported to start()'s caller if it happens while binding
            self._error = exc
        finally:
            self._started.set()
            loop.close()

    async def _main(self) -> None:
        self._stopped = asyncio.Event()
        app = web.Application(client_max_size=MAX_BODY, middlewares=[self._guard_mw])
        app.add_routes(
            [
                web.get("/join/{code}", self._page),
                web.get("/notes/{code}", self._page),
                web.get("/room/{name}", self._asset),
                web.post("/api/v1/join", self._join),
                web.get("/api/v1/state", self._state),
                web.get("/api/v1/events", self._events),
                web.post("/api/v1/cards", self._cards),
                web.patch("/api/v1/cards/{card}", self._edit_card),
                web.post("/api/v1/dots", self._dots),
                web.delete("/api/v1/dots/{task}", self._undot),
                web.post("/api/v1/notes", self._notes),
            ]
        )
        runner = web.AppRunner(app, access_log=None, shutdown_timeout=1.0)
        await runner.setup()
        site = web.TCPSite(runner, self.bind, self.port, reuse_address=False)
        try:
            await site.start()
        except BaseException:
            await runner.cleanup()
            raise
        self.port = runner.addresses[0][1]
        self._started.set()
        await self._stopped.wait()
        for queue in list(self._streams):
            queue.put_nowait(None)
        await runner.cleanup()

    # --- plumbing ----------------------------------------------------------------------------
    @web.middleware
    async def _guard_mw(self, request: web.Request, handler):
        try:
            response = await handler(request)
        except RoomError as exc:
            response = _error(exc.status, str(exc))
        except web.HTTPRequestEntityTooLarge:
            response = _error(413, f"That request is larger than {MAX_BODY // 1024} KB.")
        except web.HTTPException as exc:
            response = _error(exc.status, exc.reason or "That request cannot be answered.")
        except StorageError as exc:
            response = _error(503, f"Not saved: {exc} Your device will send it again.")
        if response.prepared:  # an event stream: its headers went out with it
            return response
        response.headers["Content-Security-Policy"] = CSP
        response.headers["X-Content-Type-Options"] = "nosniff"
        response.headers["Referrer-Policy"] = "no-referrer"  # the join address holds the room code
        response.headers["Cache-Control"] = "no-store"
        return response

    async def _call(self, fn):
        return await asyncio.wrap_future(self.host.submit(fn))

    async def _body(self, request: web.Request) -> dict:
        if request.content_length is not None and request.content_length > MAX_BODY:
            raise RoomError(413, f"That request is larger than {MAX_BODY // 1024} KB.")
        raw = await request.read()
        try:
            body = json.loads(raw.decode("utf-8"))
        except (UnicodeDecodeError, ValueError):
            raise RoomError(400, "The request is not valid JSON.") from None
        if not isinstance(body, dict):
            raise RoomError(400, "The request must be a JSON object.")
        return body

    # --- pages -------------------------------------------------------------------------------
    async def _page(self, request: web.Request) -> web.Response:
        name = PAGES[request.path.split("/")[1]]
        return web.Response(body=self._files[name], content_type="text/html", charset="utf-8")

    async def _asset(self, request: web.Request) -> web.Response:
        name = request.match_info["name"]
        if name not in ASSETS:
            raise RoomError(404, "No such page.")
        return web.Response(body=self._files[name], content_type=ASSETS[name], charset="utf-8")

    # --- the API -----------------------------------------------------------------------------
    async def _join(self, request: web.Request) -> web.Response:
        address = request.remote or "?"
        if self.guard.refused(address):
            raise RoomError(429, "Too many wrong room codes from this device: wait ten minutes.")
        body = await self._body(request)
        code, name, org = body.get("code"), body.get("name", ""), body.get("organization", "")
        if not isinstance(code, str) or not isinstance(name, str) or not isinstance(org, str):
            raise RoomError(422, "Send the room code, your name and your organization as text.")
        await asyncio.sleep(self.guard.delay(address))
        try:
            return web.json_response(await self._call(lambda: self.room.join(code.strip().upper(), name, org)))
        except RoomError as exc:
            if exc.status == 403:
                self.guard.failed(address)
            raise

    async def _state(self, request: web.Request) -> web.Response:
        token = _bearer(request)
        return web.json_response(await self._call(lambda: self.room.state(token)))

    async def _cards(self, request: web.Request) -> web.Response:
        token, body = _bearer(request), await self._body(request)
        status, out = await self._call(lambda: self.room.add_card(token, body))
        return web.json_response(out, status=status)

    async def _edit_card(self, request: web.Request) -> web.Response:
        token, body, card = _bearer(request), await self._body(request), request.match_info["card"]
        return web.json_response(await self._call(lambda: self.room.edit_card(token, card, body)))

    async def _dots(self, request: web.Request) -> web.Response:
        token, body = _bearer(request), await self._body(request)
        status, out = await self._call(lambda: self.room.add_dot(token, body))
        return web.json_response(out, status=status)

    async def _undot(self, request: web.Request) -> web.Response:
        token, task = _bearer(request), request.match_info["task"]
        return web.json_response(await self._call(lambda: self.room.remove_dot(token, task)))

    async def _notes(self, request: web.Request) -> web.Response:
        token, body = _bearer(request), await self._body(request)
        status, out = await self._call(lambda: self.room.add_note(token, body))
        return web.json_response(out, status=status)

    async def _events(self, request: web.Request) -> web.StreamResponse:
        token = _bearer(request)
        await self._call(lambda: self.room.device(token))
        response = web.StreamResponse(
            headers={"Content-Type": "text/event-stream", "Cache-Control": "no-store", "Content-Security-Policy": CSP}
        )
        await response.prepare(request)
        queue: asyncio.Queue = asyncio.Queue()
        self._streams.add(queue)
        queue.put_nowait(self.room.version)
        try:
            while True:
                try:
                    version = await asyncio.wait_for(queue.get(), 15)
                except TimeoutError:
                    await response.write(b": still here\n\n")  # keeps phones' Wi-Fi and proxies from dropping it
                    continue
                if version is None:
                    break
                await response.write(f"event: state\ndata: {json.dumps({'version': version})}\n\n".encode())
        except (ConnectionResetError, asyncio.CancelledError):
            pass
        finally:
            self._streams.discard(queue)
        return response


def _bearer(request: web.Request) -> str | None:
    header = request.headers.get("Authorization", "")
    scheme, _, token = header.partition(" ")
    return token.strip() if scheme.lower() == "bearer" and token.strip() else None


def _error(status: int, message: str) -> web.Response:
    return web.json_response({"error": message}, status=status)
