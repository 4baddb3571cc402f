"""One writer per workspace: a lock file beside it, held while the workspace is open.

The operating system drops the lock when the process ends, however it ends,
so a crash never leaves a workspace locked.
"""

from __future__ import annotations

import json
import os
import socket
from pathlib import Path

try:
    import fcntl
except ImportError:  # Windows
    fcntl = None
    import msvcrt


class WorkspaceLock:
    def __init__(self, path: Path) -> None:
        self.lock_path = path.with_name(path.name + ".lock")
        self._fd: int | None = None

    def acquire(self) -> str | None:
        """Take the lock; returns None, or who holds it ("Cardwall (process 123 on laptop)")."""
        # The holder removes the lock file as it lets go (so none is left beside the workspace), which
        # means the file we opened may be unlinked between our open and our lock: a lock on a file
        # no longer at the path locks nothing, so check that it is still there, and try again if not.
        for _attempt in range(100):
            fd = os.open(self.lock_path, os.O_RDWR | os.O_CREAT, 0o644)
            try:
                if fcntl is not None:
                    fcntl.flock(fd, fcntl.LOCK_EX | fcntl.LOCK_NB)
                else:
                    msvcrt.locking(fd, msvcrt.LK_NBLCK, 1)
            except OSError:
                holder = _read_holder(fd)
                os.close(fd)
                return holder
            if fcntl is None or _same_file(fd, self.lock_path):
                break
            os.close(fd)  # we locked a file its holder had just removed: start again
        else:
            return "Another Cardwall"
        os.ftruncate(fd, 0)
        os.write(fd, json.dumps({"pid": os.getpid(), "host": socket.gethostname()}).encode())
        self._fd = fd
        return None

    def release(self) -> None:
        if self._fd is None:
            return
        fd, self._fd = self._fd, None
        # Unlink while still holding the lock: a process that opened the old file and locks it after
        # us sees it gone from the path (acquire checks) and retries, so it never shares with a newcomer.
        if fcntl is not None:
            try:
                os.unlink(self.lock_path)
            except OSError:
                pass
        os.close(fd)


def _same_file(fd: int, path: Path) -> bool:
    try:
        on_path = os.stat(path)
    except OSError:
        return False
    held = os.fstat(fd)
    return (held.st_dev, held.st_ino) == (on_path.st_dev, on_path.st_ino)


def _read_holder(fd: int) -> str:
    try:
        os.lseek(fd, 0, os.SEEK_SET)
        info = json.loads(os.read(fd, 1000) or b"{}")
        return f"Another Cardwall (process {info['pid']} on {info['host']})"
    except (OSError, ValueError, KeyError):
        return "Another Cardwall"
