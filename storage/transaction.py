"""One way to write several statements as one: `with atomic(conn):` (as sqlite-utils' `db.atomic()`).

Everything inside commits together or not at all; on any exception, including
a COMMIT the disk refuses, the transaction is rolled back and the error raised.
"""

from __future__ import annotations

import sqlite3
from collections.abc import Iterator
from contextlib import contextmanager


@contextmanager
def atomic(conn: sqlite3.Connection) -> Iterator[sqlite3.Connection]:
    # IMMEDIATE takes the write lock up front, so a busy file fails here, before any statement ran.
    conn.execute("BEGIN IMMEDIATE")
    try:
        yield conn
        conn.execute("COMMIT")
    except BaseException:
        if conn.in_transaction:
            conn.execute("ROLLBACK")
        raise
