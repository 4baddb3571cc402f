"""Build resources/oews/oews-2025.sqlite from the BLS OEWS May 2025 extract (run once, at build time).

    python resources/oews/build.py [SOURCE_DIR]

SOURCE_DIR defaults to ../shared/data/oews-2025 beside the repository. The app
reads only the built file, read-only, through storage/labor.py. To keep it a
few MB we keep what the app shows: SOC major groups (the occupational
families) and detailed occupations (what a card crosswalks to), with
employment, the annual median and the top-code flag. The figures of one
area and industry are one packed row (a few hundred occupations), so a
look-up reads one small blob.
"""

from __future__ import annotations

import sqlite3
import sys
import zlib
from array import array
from pathlib import Path

import pandas as pd

HERE = Path(__file__).resolve().parent
TARGET = HERE / "oews-2025.sqlite"
DEFAULT_SOURCE = HERE.parents[2] / "shared" / "data" / "oews-2025"
KEPT_LEVELS = ("major", "detailed")


MISSING = -1  # BLS published no estimate
TOPCODED = -2  # the median is at or above the top code


def pack(rows: list[tuple[int, int, int]]) -> bytes:
    """(soc, employment, median) rows, sorted by soc -> zlib of three int32 columns split into byte planes.

    Byte k of every value, then byte k+1, ...: the high bytes are nearly all
    zero and compress to nothing. storage/labor.py `unpack` reverses it.
    """
    rows = sorted(rows)
    values = array("i", [row[i] for i in range(3) for row in rows])
    if sys.byteorder == "big":
        values.byteswap()
    raw = values.tobytes()
    return zlib.compress(b"".join(raw[k::4] for k in range(4)), 9)


def soc_int(code: str) -> int:
    return int(code.replace("-", ""))


def build(source: Path, target: Path = TARGET) -> Path:
    occupations = pd.read_csv(source / "occupations.csv", dtype=str)
    areas = pd.read_csv(source / "areas.csv", dtype=str)
    industries = pd.read_csv(source / "industries.csv", dtype=str)
    kept = occupations[occupations["level"].isin(KEPT_LEVELS)]
    kept_socs = set(kept["soc_code"])
    industry_ids = {code: i for i, code in enumerate(industries["industry_code"])}

    tmp = target.with_suffix(".tmp")
    tmp.unlink(missing_ok=True)
    conn = sqlite3.connect(tmp)
    conn.executescript(
        """
        PRAGMA page_size = 1024;
        CREATE TABLE meta (key TEXT PRIMARY KEY, value TEXT NOT NULL);
        CREATE TABLE occupations (soc INTEGER PRIMARY KEY, code TEXT NOT NULL, title TEXT NOT NULL,
            level TEXT NOT NULL);
        CREATE TABLE areas (area INTEGER PRIMARY KEY, code TEXT NOT NULL, type TEXT NOT NULL,
            state_fips TEXT NOT NULL, name TEXT NOT NULL);
        CREATE TABLE industries (industry INTEGER PRIMARY KEY, code TEXT NOT NULL, name TEXT NOT NULL,
            level INTEGER NOT NULL);
        -- One row per (area, industry): the figures of every kept occupation, packed (see pack()).
        CREATE TABLE figures (area INTEGER NOT NULL, industry INTEGER NOT NULL, count INTEGER NOT NULL,
            data BLOB NOT NULL, PRIMARY KEY (area, industry));
        """
    )
    conn.executemany(
        "INSERT INTO meta VALUES (?, ?)",
        [
            ("source", "U.S. Bureau of Labor Statistics, OEWS, May 2025"),
            ("released", "2026-05-15"),
            ("top_code_annual", "239200"),
            ("top_code_hourly", "115.00"),
            ("levels", ",".join(KEPT_LEVELS)),
        ],
    )
    conn.executemany(
        "INSERT INTO occupations VALUES (?, ?, ?, ?)",
        [(soc_int(r.soc_code), r.soc_code, r.title, r.level) for r in kept.itertuples()],
    )
    conn.executemany(
        "INSERT INTO areas VALUES (?, ?, ?, ?, ?)",
        [(int(r.area_code), r.area_code, r.area_type, r.state_fips, r.name) for r in areas.itertuples()],
    )
    conn.executemany(
        "INSERT INTO industries VALUES (?, ?, ?, ?)",
        [(industry_ids[r.industry_code], r.industry_code, r.name, int(r.level)) for r in industries.itertuples()],
    )
    total = 0
    for name in ("national", "state", "metro"):
        frame = pd.read_csv(source / f"{name}.csv.gz", dtype=str)
        frame = frame[frame["soc_code"].isin(kept_socs)]
        groups = {}
        for r in frame.itertuples():
            if r.annual_median_topcoded == "1":
                median = TOPCODED
            elif pd.isna(r.annual_median):
                median = MISSING
            else:
                median = int(r.annual_median)
            employment = MISSING if pd.isna(r.employment) else int(r.employment)
            groups.setdefault((int(r.area_code), industry_ids[r.industry_code]), []).append(
                (soc_int(r.soc_code), employment, median)
            )
        conn.executemany(
            "INSERT INTO figures VALUES (?, ?, ?, ?)",
            [(area, industry, len(rows), pack(rows)) for (area, industry), rows in groups.items()],
        )
        total += len(frame)
    conn.commit()
    conn.execute("VACUUM")
    conn.close()
    tmp.replace(target)
    print(f"{target.name}: {total:,} figures, {target.stat().st_size / 1e6:.1f} MB")
    return target


if __name__ == "__main__":
    build(Path(sys.argv[1]) if len(sys.argv) > 1 else DEFAULT_SOURCE)
