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
from storage.errors import StorageError
from storage.workspace import WorkspaceFile

BATCH = 200  # requests committed together at most, when many arrive at once


class WorkspaceHost:
    """Runs callables on the holder's thread; subclasses say how a command is applied there."""

    def __init__(self) -> None:
        self._calls: queue.SimpleQueue[tuple[Callable, Future] | None] = queue.SimpleQueue()
        self.listeners: list[Callable[[Change], None]] = []  # told of every change, on the holder's thread
        self.after_commit: list[Callable[[], None]] = []  # what was answered is in the file: record it too
        self.after_rollback: list[Callable[[], None]] = []  # the file refused: forget what was not saved

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
            if self._calls.empty():
                self._committed()

    def _committed(self) -> None:
        for hook in list(self.after_commit):
            hook()

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
    """No window: a plain thread holds the workspace file (`cardwall room`, tests, the bench).

    When many requests arrive at once (forty phones after "write your two
    cards"), it applies each as its own command, commits them in one
    transaction, and only then answers any of them: one disk sync for the
    lot instead of one each. If the file refuses, every command of the group
    is reverted and every request answered with the refusal, so nothing
    answered is missing from the file.
    """

    def __init__(self, wf: WorkspaceFile) -> None:
        super().__init__()
        self.wf = wf
        self._unit: list[tuple[Command, Change]] | None = None
        self._thread = threading.Thread(target=self._loop, name="cardwall-room-workspace", daemon=True)

    @property
    def ws(self) -> Workspace:
        return self.wf.ws

    def run_command(self, command: Command) -> Change:
        if self._unit is None:  # on its own: commit now
            change = self.wf.execute(command)
            self.changed(change)
            self._committed()
            return change
        if self.wf.readonly or self.wf.closed:
            raise StorageError("This workspace cannot be written now.")
        change = command.apply(self.wf.ws)  # refused commands raise before changing anything
        self._unit.append((command, change))
        return change

    def start(self) -> None:
        self._thread.start()

    def stop(self) -> None:
        """Finish what is queued, then end the thread (the caller closes the file after)."""
        self._calls.put(None)
        self._thread.join(timeout=10)

    def _loop(self) -> None:
        while True:
            first = self._calls.get()
            batch = [first]
            while first is not None and len(batch) < BATCH:
                try:
                    batch.append(self._calls.get_nowait())
                except queue.Empty:
                    break
                if batch[-1] is None:
                    break
            stopping = batch[-1] is None
            self._run_batch([item for item in batch if item is not None])
            if stopping:
                return

    def _run_batch(self, items: list[tuple[Callable, Future]]) -> None:
        self._unit = []
        answers: list[tuple[Future, bool, object]] = []
        try:
            for fn, future in items:
                if not future.set_running_or_notify_cancel():
                    continue
                try:
                    answers.append((future, True, fn()))
                except BaseException as exc:  # handed back to the server, which answers with it
                    answers.append((future, False, exc))
        finally:
            unit, self._unit = self._unit, None
        saved = True
        if unit:
            keys = tuple(dict.fromkeys(key for _, change in unit for key in change.keys))
            try:
                self.wf.commit(Change(keys))
            except StorageError as exc:
                for command, _ in reversed(unit):
                    command.revert(self.wf.ws)
                for hook in list(self.after_rollback):
                    hook()
                answers = [(future, False, exc) for future, _, _ in answers]
                saved = False
            else:
                self.changed(Change(keys))  # one notice for the group: pages refresh once, not forty times
        if saved:
            self._committed()
        for future, ok, value in answers:
            if ok:
                future.set_result(value)
            else:
                future.set_exception(value)
