"""The workspace file's tables, how entities map to rows, and the migrations between versions."""

from __future__ import annotations

import datetime as _dt
import json
import sqlite3
from collections.abc import Callable
from dataclasses import fields

from cardwall.labor import FIGURES, PROJECTIONS, ImportedFigure, ImportedProjection
from cardwall.model import TABLES, Ksa, Partnership, SessionInfo
from storage.transaction import atomic

SCHEMA_VERSION = 7
APPLICATION_ID = 0x43574C31  # "CWL1": marks the file as a Cardwall workspace for `file` and us

# Entity tables: (session_id, id) is the key of every row.
_TABLES_V1 = {
    "partnership": """name TEXT NOT NULL, industry TEXT NOT NULL, region TEXT NOT NULL,
        industry_code TEXT NOT NULL, area_code TEXT NOT NULL, id TEXT PRIMARY KEY""",
    "sessions": """id TEXT PRIMARY KEY, kind TEXT NOT NULL, title TEXT NOT NULL, date TEXT NOT NULL,
        location TEXT NOT NULL, facilitator TEXT NOT NULL, reengage TEXT NOT NULL,
        current_step INTEGER NOT NULL, created TEXT NOT NULL""",
    "participants": """session_id TEXT NOT NULL, id TEXT NOT NULL, name TEXT NOT NULL,
        organization TEXT NOT NULL, role TEXT NOT NULL, email TEXT NOT NULL, position INTEGER NOT NULL""",
    "levels": """session_id TEXT NOT NULL, id TEXT NOT NULL, name TEXT NOT NULL, position INTEGER NOT NULL""",
    "categories": """session_id TEXT NOT NULL, id TEXT NOT NULL, title TEXT NOT NULL, colour TEXT NOT NULL,
        position INTEGER NOT NULL""",
    "cards": """session_id TEXT NOT NULL, id TEXT NOT NULL, text TEXT NOT NULL, kind TEXT NOT NULL,
        category_id TEXT, level_id TEXT, position REAL NOT NULL, author_id TEXT, round INTEGER NOT NULL,
        reasons TEXT NOT NULL, soc_code TEXT NOT NULL, soc_title TEXT NOT NULL, notes TEXT NOT NULL,
        stack_id TEXT, prompt INTEGER NOT NULL, education TEXT NOT NULL, credentials TEXT NOT NULL""",
    "notes": """session_id TEXT NOT NULL, id TEXT NOT NULL, step INTEGER NOT NULL, text TEXT NOT NULL,
        topic TEXT NOT NULL, panel_id TEXT""",
    "next_steps": """session_id TEXT NOT NULL, id TEXT NOT NULL, text TEXT NOT NULL, owner TEXT NOT NULL,
        due TEXT NOT NULL, horizon TEXT NOT NULL, position INTEGER NOT NULL""",
    "panels": """session_id TEXT NOT NULL, id TEXT NOT NULL, occupation TEXT NOT NULL, soc_code TEXT NOT NULL,
        dots_per_participant INTEGER NOT NULL, several_dots_per_task INTEGER NOT NULL,
        revealed INTEGER NOT NULL, voting_round INTEGER NOT NULL, top_added TEXT NOT NULL,
        top_dropped TEXT NOT NULL, paths_into TEXT NOT NULL, paths_from TEXT NOT NULL,
        source_card_id TEXT, position INTEGER NOT NULL""",
    "functions": """session_id TEXT NOT NULL, id TEXT NOT NULL, panel_id TEXT NOT NULL, title TEXT NOT NULL,
        position INTEGER NOT NULL""",
    "tasks": """session_id TEXT NOT NULL, id TEXT NOT NULL, panel_id TEXT NOT NULL, text TEXT NOT NULL,
        function_id TEXT, position REAL NOT NULL, added_in_room INTEGER NOT NULL, source TEXT NOT NULL""",
    "votes": """session_id TEXT NOT NULL, id TEXT NOT NULL, panel_id TEXT NOT NULL, task_id TEXT NOT NULL,
        participant_id TEXT, dots INTEGER NOT NULL, round INTEGER NOT NULL""",
    "task_details": """session_id TEXT NOT NULL, id TEXT NOT NULL, panel_id TEXT NOT NULL,
        minimum TEXT NOT NULL, progression TEXT NOT NULL, performance TEXT NOT NULL, ksas TEXT NOT NULL""",
}


def _migrate_1(conn: sqlite3.Connection) -> None:
    conn.execute("CREATE TABLE meta (key TEXT PRIMARY KEY, value TEXT NOT NULL)")
    conn.execute("INSERT INTO meta VALUES ('application', 'cardwall')")
    for table, columns in _TABLES_V1.items():
        key = "" if table in ("partnership", "sessions") else ", PRIMARY KEY (session_id, id)"
        conn.execute(f"CREATE TABLE {table} ({columns}{key})")
    conn.execute("CREATE INDEX cards_by_cell ON cards (session_id, category_id, level_id)")


def _migrate_2(conn: sqlite3.Connection) -> None:
    # A partnership's own labor-market figures (cardwall.labor); they override the bundled data.
    conn.execute(
        """CREATE TABLE labor_figures (area_code TEXT NOT NULL, industry_code TEXT NOT NULL,
        soc_code TEXT NOT NULL, title TEXT NOT NULL, employment INTEGER, median INTEGER,
        topcoded INTEGER NOT NULL, source TEXT NOT NULL, imported TEXT NOT NULL,
        PRIMARY KEY (area_code, industry_code, soc_code))"""
    )
    conn.execute(
        """CREATE TABLE labor_projections (area_code TEXT NOT NULL, soc_code TEXT NOT NULL, title TEXT NOT NULL,
        base_employment INTEGER, projected_employment INTEGER, openings INTEGER, source TEXT NOT NULL,
        imported TEXT NOT NULL, PRIMARY KEY (area_code, soc_code))"""
    )


def labor_tables(version: int) -> tuple[str, ...]:
    """The labor-figure tables a file of this schema version has."""
    return ("labor_figures", "labor_projections") if version >= 2 else ()


def _migrate_3(conn: sqlite3.Connection) -> None:
    # The partnership's convener (the e-mail draft's From) and whether partners are copied (Cc).
    conn.execute("ALTER TABLE partnership ADD COLUMN convener_name TEXT NOT NULL DEFAULT ''")
    conn.execute("ALTER TABLE partnership ADD COLUMN convener_email TEXT NOT NULL DEFAULT ''")
    conn.execute("ALTER TABLE partnership ADD COLUMN cc_partners INTEGER NOT NULL DEFAULT 1")
    # Area codes typed without their leading zeros ("28140") found figures but no area name.
    conn.execute(
        "UPDATE partnership SET area_code = substr('0000000' || area_code, -7) "
        "WHERE area_code != '' AND length(area_code) < 7 AND area_code NOT GLOB '*[^0-9]*'"
    )


def _migrate_4(conn: sqlite3.Connection) -> None:
    # Notes keep the order people wrote (or arranged) them in; existing notes keep their old order (by id).
    conn.execute("ALTER TABLE notes ADD COLUMN position REAL NOT NULL DEFAULT 0")
    rows = conn.execute("SELECT session_id, id FROM notes ORDER BY session_id, id").fetchall()
    conn.executemany(
        "UPDATE notes SET position = ? WHERE session_id = ? AND id = ?", [(i, s, n) for i, (s, n) in enumerate(rows)]
    )


_TABLES_V5 = {
    "program_details": """session_id TEXT NOT NULL, id TEXT NOT NULL, institution TEXT NOT NULL,
        credential TEXT NOT NULL, length TEXT NOT NULL, cost TEXT NOT NULL, prerequisites TEXT NOT NULL,
        work_experience TEXT NOT NULL, placement_rate TEXT NOT NULL, contact TEXT NOT NULL, serves TEXT NOT NULL""",
    "links": """session_id TEXT NOT NULL, id TEXT NOT NULL, from_card_id TEXT NOT NULL, to_card_id TEXT NOT NULL""",
    "gap_rows": """session_id TEXT NOT NULL, id TEXT NOT NULL, occupation TEXT NOT NULL, pathway TEXT NOT NULL,
        skill_level TEXT NOT NULL, content TEXT NOT NULL, delivery TEXT NOT NULL, length TEXT NOT NULL,
        credentials TEXT NOT NULL, equipment TEXT NOT NULL, notes TEXT NOT NULL, coverage TEXT NOT NULL,
        programs TEXT NOT NULL, position REAL NOT NULL""",
    "actions": """session_id TEXT NOT NULL, id TEXT NOT NULL, text TEXT NOT NULL, impact TEXT NOT NULL,
        feasibility TEXT NOT NULL, horizon TEXT NOT NULL, owners TEXT NOT NULL, gap TEXT NOT NULL,
        measure TEXT NOT NULL, due TEXT NOT NULL, status TEXT NOT NULL, position REAL NOT NULL""",
    "resources": """session_id TEXT NOT NULL, id TEXT NOT NULL, organization TEXT NOT NULL, partner_type TEXT NOT NULL,
        programs TEXT NOT NULL, services TEXT NOT NULL, restrictions TEXT NOT NULL, populations TEXT NOT NULL,
        resources TEXT NOT NULL, notes TEXT NOT NULL, contact TEXT NOT NULL, position REAL NOT NULL""",
}


def _migrate_5(conn: sqlite3.Connection) -> None:
    # The partnership's later work (issue 14): program details, links, the gap matrix, the action plan,
    # the resource map. IF NOT EXISTS: tests that fake an older file by rolling its version back keep these.
    for table, columns in _TABLES_V5.items():
        conn.execute(f"CREATE TABLE IF NOT EXISTS {table} ({columns}, PRIMARY KEY (session_id, id))")


def _migrate_7(conn: sqlite3.Connection) -> None:
    # The pathway map's job description and tools and technology, entered per occupation (issue 13).
    # Only the columns missing: tests that fake an older file by rolling its version back keep them.
    have = {row[1] for row in conn.execute("PRAGMA table_info(cards)")}
    for column in ("description", "tools"):
        if column not in have:
            conn.execute(f"ALTER TABLE cards ADD COLUMN {column} TEXT NOT NULL DEFAULT ''")


def entity_tables(version: int) -> tuple[str, ...]:
    """The entity tables a file of this schema version has (the later work's came with migration 5)."""
    return tuple(t for t in MAPPERS if version >= 5 or t not in _TABLES_V5)


# Each migration runs once, in order, in one transaction with its record in `migrations`.
MIGRATIONS: list[tuple[int, str, Callable[[sqlite3.Connection], None]]] = [
    (1, "create the workspace tables", _migrate_1),
    (2, "tables for imported labor-market figures", _migrate_2),
    (3, "the partnership's convener and e-mail copies", _migrate_3),
    (4, "notes keep their order", _migrate_4),
    (5, "asset maps, gap matrices, action plans and resource maps", _migrate_5),
    (7, "a job description and tools for each occupation", _migrate_7),
]


def migrate(conn: sqlite3.Connection) -> list[str]:
    """Bring a file up to SCHEMA_VERSION; returns the names of the migrations applied."""
    version = conn.execute("PRAGMA user_version").fetchone()[0]
    applied = []
    for number, name, step in MIGRATIONS:
        if number <= version:
            continue
        with atomic(conn):
            if number == 1:
                conn.execute(f"PRAGMA application_id = {APPLICATION_ID}")
                conn.execute("CREATE TABLE migrations (number INTEGER PRIMARY KEY, name TEXT, applied TEXT)")
            step(conn)
            conn.execute(
                "INSERT OR REPLACE INTO migrations VALUES (?, ?, ?)",  # a file rolled back by hand keeps later rows
                (number, name, _dt.datetime.now().isoformat(timespec="seconds")),
            )
            conn.execute(f"PRAGMA user_version = {number}")
        applied.append(name)
    return applied


# --- entity <-> row -------------------------------------------------------------------------

ENTITY_CLASSES: dict[str, type] = {"partnership": Partnership, "sessions": SessionInfo, **TABLES}


def _codec(type_name: str):
    """(to_row, from_row) for a field, from its annotation."""
    if "tuple[Ksa" in type_name:
        return (
            lambda v: json.dumps([[k.kind, k.text] for k in v], ensure_ascii=False),
            lambda v: tuple(Ksa(kind, text) for kind, text in json.loads(v)),
        )
    if type_name.startswith("tuple"):
        return (lambda v: json.dumps(list(v), ensure_ascii=False), lambda v: tuple(json.loads(v)))
    if type_name == "bool":
        return (int, bool)
    if type_name == "float":
        return (float, float)
    return (None, None)


class RowMapper:
    """Turns one entity class into INSERT parameters and rows back into entities."""

    def __init__(self, table: str) -> None:
        cls = ENTITY_CLASSES[table]
        self.table, self.cls = table, cls
        self.names = [f.name for f in fields(cls)]
        codecs = [_codec(str(f.type)) for f in fields(cls)]
        self.to_row = [c[0] for c in codecs]
        self.from_row = [c[1] for c in codecs]
        scoped = table not in ("partnership", "sessions")
        columns = (["session_id"] if scoped else []) + self.names
        self.scoped = scoped
        self.insert_sql = (
            f"INSERT OR REPLACE INTO {table} ({', '.join(columns)}) VALUES ({', '.join('?' * len(columns))})"
        )
        self.delete_sql = (
            f"DELETE FROM {table} WHERE session_id = ? AND id = ?" if scoped else f"DELETE FROM {table} WHERE id = ?"
        )
        self.select_sql = f"SELECT {', '.join(columns)} FROM {table}"

    def delete_params(self, session_id: str, entity_id: str) -> tuple:
        return (session_id, entity_id) if self.scoped else (entity_id,)

    def params(self, session_id: str, entity) -> tuple:
        values = [getattr(entity, n) for n in self.names]
        values = [v if conv is None or v is None else conv(v) for v, conv in zip(values, self.to_row, strict=True)]
        return (session_id, *values) if self.scoped else tuple(values)

    def entity(self, row: tuple):
        values = row[1:] if self.scoped else row
        return self.cls(
            *[v if conv is None or v is None else conv(v) for v, conv in zip(values, self.from_row, strict=True)]
        )


MAPPERS = {table: RowMapper(table) for table in ENTITY_CLASSES}


class LaborMapper:
    """Imported labor figures (named tuples, in column order): keyed by area, industry and SOC code."""

    def __init__(self, table: str, cls: type, key: tuple[str, ...]) -> None:
        self.table, self.cls = table, cls
        names = cls._fields
        self.insert_sql = f"INSERT OR REPLACE INTO {table} ({', '.join(names)}) VALUES ({', '.join('?' * len(names))})"
        self.delete_sql = f"DELETE FROM {table} WHERE {' AND '.join(f'{k} = ?' for k in key)}"
        self.select_sql = f"SELECT {', '.join(names)} FROM {table}"
        self.entity = cls._make  # `topcoded` comes back 0/1, which equals False/True

    def params(self, _session_id: str, entity) -> tuple:
        return entity

    def delete_params(self, _session_id: str, entity_id: str) -> tuple:
        return tuple(entity_id.split("|"))


LABOR_MAPPERS = {
    FIGURES: LaborMapper(FIGURES, ImportedFigure, ("area_code", "industry_code", "soc_code")),
    PROJECTIONS: LaborMapper(PROJECTIONS, ImportedProjection, ("area_code", "soc_code")),
}


def readable(conn: sqlite3.Connection) -> None:
    """Let a read-only connection to an older file load as if migrated: a TEMP view per table that lacks
    columns a later migration adds, giving each missing column the entity's default (`check`, read-only opens).
    A table a later migration creates is an empty TEMP table of its columns."""
    for table, mapper in MAPPERS.items():
        have = {r[1] for r in conn.execute(f"PRAGMA main.table_info({table})")}
        if not have:
            if table in _TABLES_V5:
                conn.execute(f"CREATE TEMP TABLE IF NOT EXISTS {table} ({_TABLES_V5[table]})")
            continue
        defaults = {f.name: f.default for f in fields(mapper.cls)}
        missing = [name for name in mapper.names if name not in have]
        if not missing:
            continue
        extra = []
        for name in missing:
            value = defaults[name]
            conv = mapper.to_row[mapper.names.index(name)]
            value = conv(value) if conv and value is not None else value
            extra.append(f"{'NULL' if value is None else repr(value)} AS {name}")
        conn.execute(f"CREATE TEMP VIEW IF NOT EXISTS {table} AS SELECT *, {', '.join(extra)} FROM main.{table}")
