"""A partnership's own labor-market figures: an OEWS spreadsheet or a projections table, kept in its workspace.

Imported figures override the bundled OEWS data for their region and say
where they came from. An import is all or nothing: the file is read whole,
then written in one transaction; a malformed file raises `FiguresError`
naming the file, the row and the problem, and the workspace is untouched.
Rows that are fine to leave out (footnotes, SOC levels we do not use,
suppressed estimates) are skipped and reported.
"""

from __future__ import annotations

import datetime as _dt
import re
import sqlite3
from dataclasses import dataclass, field
from pathlib import Path

from storage.errors import ReadOnlyError, StorageError
from storage.labor import ALL_INDUSTRIES, NATIONAL, Figure, LaborData

_SOC = re.compile(r"^\d{2}-\d{4}$")
_NUMBER = re.compile(r"^-?\d+(\.\d+)?$")


class FiguresError(StorageError):
    """The file is not a table of figures we can import: one line naming file, row and problem."""


@dataclass
class FiguresReport:
    file: str
    kind: str  # "OEWS figures" or "projections"
    read: int = 0
    imported: int = 0
    skipped: list[tuple[int, str]] = field(default_factory=list)
    areas: list[str] = field(default_factory=list)

    def lines(self, *, most: int = 12) -> list[str]:
        out = [
            f"{self.file}: read {self.read} rows, imported {self.imported} {self.kind} rows, "
            f"skipped {len(self.skipped)}."
        ]
        if self.areas:
            out.append(f"  For: {', '.join(self.areas)}.")
        reasons: dict[str, list[int]] = {}
        for row, why in self.skipped:
            reasons.setdefault(why, []).append(row)
        for why, rows in list(reasons.items())[:most]:
            shown = ", ".join(str(r) for r in rows[:6]) + (" …" if len(rows) > 6 else "")
            out.append(f"  skipped {len(rows)} (row{'s' if len(rows) > 1 else ''} {shown}): {why}")
        return out

    def text(self) -> str:
        return "\n".join(self.lines())


# --- reading tables -------------------------------------------------------------------------


def _norm(header) -> str:
    return re.sub(r"[\s_\-.*/()]+", "", str(header)).casefold()


def _read(path: Path):
    import io

    import pandas as pd

    path = Path(path)
    if not path.exists():
        raise FiguresError(f"{path}: no such file.")
    suffix = path.suffix.lower()
    if suffix in (".xlsx", ".xlsm"):
        import zipfile

        if not zipfile.is_zipfile(path):
            raise FiguresError(f"{path.name}: this is not an Excel workbook (.xlsx), though its name says so.")
        try:
            sheets = pd.read_excel(path, sheet_name=None, dtype=str, keep_default_na=False, engine="openpyxl")
        except Exception as exc:  # openpyxl raises many kinds for a damaged workbook
            raise FiguresError(f"{path.name}: this is not an Excel workbook Cardwall can read ({exc}).") from None
        if not sheets:
            raise FiguresError(f"{path.name}: the workbook has no sheets.")
        # BLS workbooks put the data on the first sheet with an OCC_CODE-like column.
        frame = next(
            (f for f in sheets.values() if any("code" in _norm(c) for c in f.columns)), next(iter(sheets.values()))
        )
    elif suffix in (".csv", ".txt", ".tsv"):
        raw = path.read_bytes()
        if not raw.strip():
            raise FiguresError(f"{path.name}: the file is empty.")
        if b"\x00" in raw:
            raise FiguresError(f"{path.name}: this is not a text table (it holds binary data).")
        try:
            text = raw.decode("utf-8-sig")
        except UnicodeDecodeError:
            text = raw.decode("cp1252", errors="replace")
        first = text.lstrip().split("\n", 1)[0]
        sep = "\t" if suffix == ".tsv" or first.count("\t") > first.count(",") else ","
        try:
            frame = pd.read_csv(io.StringIO(text), sep=sep, dtype=str, keep_default_na=False)
        except pd.errors.ParserError as exc:
            found = re.search(r"Expected (\d+) fields in line (\d+), saw (\d+)", str(exc))
            if found:
                want, line, saw = found.groups()
                raise FiguresError(f"{path.name}: row {line} has {saw} cells where the header has {want}.") from None
            raise FiguresError(f"{path.name}: cannot read it as a table ({exc}).") from None
        except pd.errors.EmptyDataError:
            raise FiguresError(f"{path.name}: the file is empty.") from None
    elif suffix == ".xls":
        raise FiguresError(f"{path.name}: old .xls workbooks are not read; save it as .xlsx or CSV UTF-8.")
    else:
        raise FiguresError(f"{path.name}: Cardwall reads figures from .xlsx, .csv or tab-separated .txt files.")
    if len(frame) == 0:
        raise FiguresError(f"{path.name}: there are no rows below the header.")
    return frame.fillna("")


def _find(frame, *names: str) -> str | None:
    by_norm = {_norm(c): c for c in frame.columns}
    for name in names:
        if _norm(name) in by_norm:
            return by_norm[_norm(name)]
    return None


def _missing(path: Path, frame, what: str, names: tuple[str, ...]) -> FiguresError:
    found = ", ".join(repr(str(c)) for c in list(frame.columns)[:10])
    return FiguresError(f"{path.name}: row 1 has no {what} column (looked for {' or '.join(names)}; found {found}).")


def _cell(record: dict, column: str | None) -> str:
    return "" if column is None else " ".join(str(record.get(column, "")).split())


def _number(path: Path, row: int, column: str, text: str, *, scale: float = 1.0) -> float | None:
    """A published figure: '1,234' -> 1234; '' and BLS's '*', '**', '—' -> None; anything else refuses the file."""
    value = text.replace(",", "").replace("$", "").strip()
    if value in ("", "*", "**", "***", "—", "-", "–", "(8)", "n/a", "N/A", "NA"):
        return None
    if not _NUMBER.match(value):
        raise FiguresError(f"{path.name}: row {row}: {column} is {text!r}, which is not a number.")
    return float(value) * scale


# --- OEWS spreadsheets ----------------------------------------------------------------------

_OEWS_CODE = ("OCC_CODE", "SOC code", "OCC CODE")


def read_oews(path: Path, data: LaborData, *, default_area: str = NATIONAL):
    """Rows of a BLS OEWS spreadsheet (published layout) -> ([(area, industry, soc, title, Figure)], report)."""
    path = Path(path)
    frame = _read(path)
    code_col = _find(frame, *_OEWS_CODE)
    if code_col is None:
        raise _missing(path, frame, "OCC_CODE", _OEWS_CODE)
    emp_col, a_col, h_col = _find(frame, "TOT_EMP"), _find(frame, "A_MEDIAN"), _find(frame, "H_MEDIAN")
    if not (emp_col or a_col or h_col):
        raise _missing(path, frame, "TOT_EMP, A_MEDIAN or H_MEDIAN", ("TOT_EMP", "A_MEDIAN", "H_MEDIAN"))
    area_col, type_col = _find(frame, "AREA"), _find(frame, "AREA_TYPE")
    naics_col, title_col, group_col = _find(frame, "NAICS"), _find(frame, "OCC_TITLE"), _find(frame, "O_GROUP")
    report = FiguresReport(path.name, "OEWS figures")
    rows: dict[tuple[str, str, str], tuple[str, Figure]] = {}
    stamp = _source(path)
    for i, record in enumerate(frame.to_dict("records")):
        row = i + 2
        report.read += 1
        code = _cell(record, code_col)
        if not code:
            report.skipped.append((row, "no OCC_CODE (a note or a blank row)"))
            continue
        if not _SOC.match(code):
            raise FiguresError(f"{path.name}: row {row}: OCC_CODE is {code!r}, not a SOC code like 51-4041.")
        group = _cell(record, group_col).casefold() or _level(data, code)
        if group in ("total", "all") or code == "00-0000":
            report.skipped.append((row, "the all-occupations total"))
            continue
        if group in ("minor", "broad"):
            report.skipped.append((row, f"a SOC {group} group (Cardwall keeps major groups and detailed occupations)"))
            continue
        area = _area_code(_cell(record, area_col), _cell(record, type_col)) if area_col else default_area
        if area not in data.areas:
            report.skipped.append((row, f"area {_cell(record, area_col)!r} is not in the OEWS area list"))
            continue
        industry = _industry_code(_cell(record, naics_col), data) if naics_col else ALL_INDUSTRIES
        employment = _number(path, row, emp_col, _cell(record, emp_col)) if emp_col else None
        median, topcoded = _wage(path, row, record, a_col, h_col)
        if employment is None and median is None and not topcoded:
            report.skipped.append((row, "no employment or wage published (suppressed)"))
            continue
        title = _cell(record, title_col) or (data.occupations[code].title if code in data.occupations else code)
        figure = Figure(code, None if employment is None else round(employment), median, topcoded, source=stamp)
        rows[(area, industry, code)] = (title, figure)
    report.imported = len(rows)
    report.areas = sorted({data.area_label(a) for a, _i, _c in rows})
    return [(a, i, c, t, f) for (a, i, c), (t, f) in rows.items()], report


def _wage(path: Path, row: int, record: dict, a_col: str | None, h_col: str | None) -> tuple[int | None, bool]:
    annual = _cell(record, a_col)
    hourly = _cell(record, h_col)
    if annual == "#" or (not annual and hourly == "#"):
        return None, True
    if a_col:
        value = _number(path, row, a_col, annual)
        if value is not None:
            return round(value), False
    if h_col and hourly != "#":
        value = _number(path, row, h_col, hourly)
        if value is not None:
            return round(value * 2080, -1), False  # BLS: annual = hourly x 2,080
    return None, False


def _level(data: LaborData, code: str) -> str:
    known = data.occupations.get(code)
    if known is not None:
        return known.level
    return "major" if code.endswith("-0000") else "detailed"


def _area_code(area: str, area_type: str) -> str:
    """BLS AREA as published (99 = U.S., 08 = a state's FIPS, 19740 = a metro) -> our 7-digit code."""
    digits = area.strip().split(".")[0]
    if not digits.isdigit():
        return area
    if digits in ("99", "9999999") or area_type.strip() == "1":
        return NATIONAL
    if len(digits) <= 2 or area_type.strip() == "2":
        return digits.zfill(2) + "00000"
    return digits.zfill(7)


def _industry_code(naics: str, data: LaborData) -> str:
    naics = naics.strip()
    if not naics:
        return ALL_INDUSTRIES
    if naics.isdigit():
        return naics.ljust(6, "0")
    if re.match(r"^\d{2}-\d{2}$", naics):  # a sector, "31-33": the bundle's code for it is "31--34"
        sector = [code for code in data.industries if code.startswith(naics[:2] + "--")]
        if len(sector) == 1:
            return sector[0]
    return naics


def _source(path: Path) -> str:
    return f"{path.name}, imported {_dt.date.today().isoformat()}"


# --- projections tables ---------------------------------------------------------------------

_P_CODE = ("SOC code", "2018 SOC code", "OCC_CODE", "Occupation code", "SOC", "Code")
_P_TITLE = ("Title", "Occupation title", "SOC title", "OCC_TITLE", "Occupation")
_P_BASE = ("Base employment", "Base", "Base year employment", "Estimated employment", "Employment base")
_P_PROJ = ("Projected employment", "Projected", "Projected year employment", "Employment projected")
_P_OPEN = ("Annual openings", "Openings", "Average annual openings", "Occupational openings, annual average")


def _year_columns(frame) -> tuple[str | None, str | None]:
    """BLS-style "Employment, 2024" / "Employment, 2034" headers: (base, projected)."""
    years = []
    for column in frame.columns:
        found = re.search(r"(19|20)\d\d", str(column))
        if found and "employ" in str(column).casefold() and "change" not in str(column).casefold():
            years.append((int(found.group(0)), column))
    if len(years) >= 2:
        years.sort()
        return years[0][1], years[-1][1]
    return None, None


def read_projections(path: Path, data: LaborData, *, area_code: str = NATIONAL):
    """Rows of an employment projections table -> ([(soc, title, Figure)], report), for one area."""
    path = Path(path)
    frame = _read(path)
    code_col = _find(frame, *_P_CODE)
    if code_col is None:
        raise _missing(path, frame, "SOC code", _P_CODE)
    base_col, proj_col = _find(frame, *_P_BASE), _find(frame, *_P_PROJ)
    if base_col is None or proj_col is None:
        base_col, proj_col = _year_columns(frame)
    if base_col is None:
        raise _missing(path, frame, "base employment", _P_BASE)
    if proj_col is None:
        raise _missing(path, frame, "projected employment", _P_PROJ)
    open_col = _find(frame, *_P_OPEN)
    if open_col is None:
        open_col = next((c for c in frame.columns if "opening" in str(c).casefold()), None)
    if open_col is None:
        raise _missing(path, frame, "annual openings", _P_OPEN)
    title_col = _find(frame, *_P_TITLE)

    def scale(column: str) -> float:
        return 1000.0 if "thousand" in str(column).casefold() else 1.0

    report = FiguresReport(path.name, "projections")
    report.areas = [data.area_label(area_code)]
    rows: dict[str, tuple[str, Figure]] = {}
    stamp = _source(path)
    for i, record in enumerate(frame.to_dict("records")):
        row = i + 2
        report.read += 1
        code = _cell(record, code_col)
        if not code:
            report.skipped.append((row, "no SOC code (a note or a blank row)"))
            continue
        if not _SOC.match(code):
            raise FiguresError(f"{path.name}: row {row}: the SOC code is {code!r}, not a code like 51-4041.")
        if code == "00-0000" or _level(data, code) != "detailed":
            report.skipped.append((row, "not a detailed occupation (a total or a group)"))
            continue
        base = _number(path, row, base_col, _cell(record, base_col), scale=scale(base_col))
        projected = _number(path, row, proj_col, _cell(record, proj_col), scale=scale(proj_col))
        openings = _number(path, row, open_col, _cell(record, open_col), scale=scale(open_col))
        if base is None and projected is None and openings is None:
            report.skipped.append((row, "no figures given"))
            continue
        title = _cell(record, title_col) or (data.occupations[code].title if code in data.occupations else code)
        rows[code] = (
            title,
            Figure(
                code,
                employment=None if base is None else round(base),
                projected=None if projected is None else round(projected),
                openings=None if openings is None else round(openings),
                source=stamp,
            ),
        )
    report.imported = len(rows)
    return [(c, t, f) for c, (t, f) in rows.items()], report


# --- in the workspace -----------------------------------------------------------------------


def _write(wf, statements: list[tuple[str, list[tuple]]]) -> None:
    if wf.readonly:
        raise ReadOnlyError(wf.notice or "This workspace is open read-only.")
    conn: sqlite3.Connection = wf.conn
    try:
        conn.execute("BEGIN IMMEDIATE")
        try:
            for sql, params in statements:
                conn.executemany(sql, params)
            conn.execute("COMMIT")
        except BaseException:
            if conn.in_transaction:
                conn.execute("ROLLBACK")
            raise
    except sqlite3.DatabaseError as exc:
        raise StorageError(f"The figures could not be saved to {wf.path.name} ({exc}); nothing was imported.") from None


def import_oews(wf, path: Path, data: LaborData, *, default_area: str | None = None) -> FiguresReport:
    """Read an OEWS spreadsheet whole, then store its figures in the workspace in one transaction."""
    rows, report = read_oews(path, data, default_area=default_area or wf.ws.partnership.area_code or NATIONAL)
    now = _dt.datetime.now().isoformat(timespec="seconds")
    params = [(a, i, c, t, f.employment, f.median, int(f.topcoded), f.source, now) for a, i, c, t, f in rows]
    _write(wf, [("INSERT OR REPLACE INTO labor_figures VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)", params)])
    return report


def import_projections(wf, path: Path, data: LaborData, *, area_code: str | None = None) -> FiguresReport:
    """Read a projections table whole (for the partnership's region), then store it in one transaction."""
    area = area_code if area_code is not None else (wf.ws.partnership.area_code or NATIONAL)
    rows, report = read_projections(path, data, area_code=area)
    now = _dt.datetime.now().isoformat(timespec="seconds")
    params = [(area, c, t, f.employment, f.projected, f.openings, f.source, now) for c, t, f in rows]
    _write(wf, [("INSERT OR REPLACE INTO labor_projections VALUES (?, ?, ?, ?, ?, ?, ?, ?)", params)])
    return report


def imported_figures(
    conn: sqlite3.Connection, area_code: str, industry_code: str = ALL_INDUSTRIES
) -> dict[str, Figure]:
    """The partnership's own figures for one area and industry, projections folded in, by SOC code."""
    area = area_code or NATIONAL
    out: dict[str, Figure] = {}
    if not _has_tables(conn):
        return out  # a version-1 file opened read-only: nothing imported
    for code, employment, median, topcoded, source in conn.execute(
        "SELECT soc_code, employment, median, topcoded, source FROM labor_figures WHERE area_code = ? "
        "AND industry_code = ?",
        (area, industry_code or ALL_INDUSTRIES),
    ):
        out[code] = Figure(code, employment, median, bool(topcoded), source=source)
    for code, base, projected, openings, source in conn.execute(
        "SELECT soc_code, base_employment, projected_employment, openings, source FROM labor_projections "
        "WHERE area_code = ?",
        (area,),
    ):
        known = out.get(code)
        if known is None:
            out[code] = Figure(code, base, projected=projected, openings=openings, source=source)
        else:
            out[code] = Figure(
                code,
                known.employment if known.employment is not None else base,
                known.median,
                known.topcoded,
                openings=openings,
                projected=projected,
                source=known.source if known.source == source else f"{known.source}; {source}",
            )
    return out


def imported_sources(conn: sqlite3.Connection) -> list[tuple[str, str, int]]:
    """(source, kind, rows) of everything imported into this workspace, for the data dialog to show."""
    out = []
    if not _has_tables(conn):
        return out
    for table, kind in (("labor_figures", "OEWS figures"), ("labor_projections", "projections")):
        for source, count in conn.execute(f"SELECT source, COUNT(*) FROM {table} GROUP BY source ORDER BY source"):
            out.append((source, kind, count))
    return out


def _has_tables(conn: sqlite3.Connection) -> bool:
    return (
        conn.execute("SELECT 1 FROM sqlite_master WHERE type = 'table' AND name = 'labor_projections'").fetchone()
        is not None
    )


def session_pathway_figures(conn: sqlite3.Connection, ws, session_id: str) -> dict[str, dict]:
    """The pathway map's figures for a session's critical occupations, in the partnership's region.

    For exporters.bundle.export_session(figures=...): bundled figures with the partnership's imported ones
    laid over them; {} when the shipped data cannot be read (the map then says "SOC code" only).
    """
    from cardwall.wall import critical_occupations
    from storage.labor import pathway_figures

    session = ws.sessions.get(session_id)
    if session is None or session.info.kind != "critical-occupations":
        return {}
    codes = sorted({o.root.soc_code for o in critical_occupations(session) if o.root.soc_code})
    area = ws.partnership.area_code or NATIONAL
    try:
        return pathway_figures(codes, area, overrides=imported_figures(conn, area) or None)
    except (OSError, sqlite3.Error):
        return {}


def session_wage_lines(ws, session_id: str) -> dict[str, str]:
    """SOC code -> the cited wage sentence for each skill panel's brief, in the partnership's region."""
    from storage.labor import wage_line

    session = ws.sessions.get(session_id)
    if session is None:
        return {}
    area = ws.partnership.area_code or NATIONAL
    lines: dict[str, str] = {}
    try:
        for panel in session.panels.values():
            if panel.soc_code and panel.soc_code not in lines:
                line = wage_line(panel.soc_code, area)
                if line:
                    lines[panel.soc_code] = line
    except (OSError, sqlite3.Error):
        return {}
    return lines


def export_figures(conn: sqlite3.Connection, ws, session_id: str) -> dict:
    """The labor-market keyword arguments of exporters.bundle.export_session for one session."""
    return {"figures": session_pathway_figures(conn, ws, session_id), "wages": session_wage_lines(ws, session_id)}
