"""One of the processes of the lock stress test: take and drop a workspace's lock N times.

    python -m tests.storage.lock_child WORKSPACE LOG N

Each time it holds the lock it appends "in PID" then "out PID" to LOG (O_APPEND, one write each, so lines
from several processes never mix); two "in" lines without an "out" between them are two holders at once.
"""

from __future__ import annotations

import os
import sys
from pathlib import Path

from storage.lock import WorkspaceLock


def main() -> None:
    path, log, times = Path(sys.argv[1]), sys.argv[2], int(sys.argv[3])
    fd = os.open(log, os.O_WRONLY | os.O_APPEND | os.O_CREAT, 0o644)
    me = os.getpid()
    for _ in range(times):
        lock = WorkspaceLock(path)
        while lock.acquire() is not None:
            os.sched_yield()
        os.write(fd, f"in {me}\n".encode())
        os.sched_yield()  # give a second holder, if there is one, the moment to show itself
        os.write(fd, f"out {me}\n".encode())
        lock.release()
    os.close(fd)


if __name__ == "__main__":
    main()
