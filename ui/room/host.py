"""Who holds the workspace: the one thread that applies what the room's devices send.

The server runs on its own thread and event loop; it never touches the
workspace. It hands each request to a `WorkspaceHost` as a plain callable and
waits for the result. In the app the Qt main thread drains the queue from a
timer (no Qt signal is ever emitted from the server's thread: PySide6 6.8+
can crash on those, PYSIDE-3124); under `cardwall room` a plain thread does.
"""

from __future__ import annotations

import queue
import threading
from collections.abc import Callable
from concurrent.futures import Future

from cardwall.commands import Change, Command
from cardwall.model import Workspace
from storage.workspace import WorkspaceFile


class WorkspaceHost:
    """Runs callables on the holder's thread; subclasses say how a command is applied there."""

    def __init__(self) -> None:
        self._calls: queue.SimpleQueue[tuple[Callable, Future] | None] = queue.SimpleQueue()
        self.listeners: list[Callable[[Change], None]] = []  # told of every change, on the holder's thread

    # --- any thread -------------------------------------------------------------------------
    def submit(self, fn: Callable[[], object]) -> Future:
        future: Future = Future()
        self._calls.put((fn, future))
        return future

    # --- the holder's thread ----------------------------------------------------------------
    def drain(self) -> int:
        """Run every call waiting now; returns how many ran."""
        done = 0
        while True:
            try:
                item = self._calls.get_nowait()
            except queue.Empty:
                return done
            if item is None:
                return done
            self._run(*item)
            done += 1

    def _run(self, fn: Callable, future: Future) -> None:
        if not future.set_running_or_notify_cancel():
            return
        try:
            future.set_result(fn())
        except BaseException as exc:  # handed back to the server, which answers with it
            future.set_exception(exc)

    @property
    def ws(self) -> Workspace:
        raise NotImplementedError

    def run_command(self, command: Command) -> Change:
        """Apply, save (and in the app: put on the undo stack); raises DomainError when refused."""
        raise NotImplementedError

    def changed(self, change: Change) -> None:
        for listener in list(self.listeners):
            listener(change)


class ThreadHost(WorkspaceHost):
    """No window: a plain thread holds the workspace file (`cardwall room`, tests, the bench)."""

    def __init__(self, wf: WorkspaceFile) -> None:
        super().__init__()
        self.wf = wf
        self._thread = threading.Thread(target=self._loop, name="cardwall-room-workspace", daemon=True)

    @property
    def ws(self) -> Workspace:
        return self.wf.ws

    def run_command(self, command: Command) -> Change:
        change = self.wf.execute(command)
        self.changed(change)
        return change

    def start(self) -> None:
        self._thread.start()

    def stop(self) -> None:
        """Finish what is queued, then end the thread (the caller closes the file after)."""
        self._calls.put(None)
        self._thread.join(timeout=10)

    def _loop(self) -> None:
        while True:
            item = self._calls.get()
            if item is None:
                return
            self._run(*item)
