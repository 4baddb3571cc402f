"""A partnership's own labor-market figures, read from an OEWS spreadsheet or a projections table.

The file is read whole through `exporters.table_reader` into the rows of one
`ImportFigures` command (one undo step, one transaction when storage commits
it); a malformed file raises `FiguresError` naming the file, the row and the
problem, and nothing is applied. Rows that are fine to leave out (footnotes,
SOC levels we do not use, suppressed estimates) are skipped and reported.
`data` is the bundled data set (storage.labor.LaborData): its areas,
industries and occupations say which rows fit.
"""

from __future__ import annotations

import datetime as _dt
import re
from dataclasses import dataclass, field
from pathlib import Path

from cardwall.commands import ImportFigures
from cardwall.labor import ALL_INDUSTRIES, NATIONAL, ImportedFigure, ImportedProjection
from exporters.table_reader import Table, TableError, read_table

_SOC = re.compile(r"^\d{2}-\d{4}$")
_NUMBER = re.compile(r"^-?\d+(\.\d+)?$")


class FiguresError(TableError):
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


def _read(path: Path) -> Table:
    # BLS workbooks put the data on the first sheet with an OCC_CODE-like column.
    table = read_table(path, choose=lambda columns: any("code" in c for c in columns), error=FiguresError)
    if not table.rows:
        raise FiguresError(f"{table.name}: there are no rows below the header.")
    return table


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


def read_oews(path: Path, data, *, default_area: str = NATIONAL) -> tuple[list[ImportedFigure], FiguresReport]:
    """Rows of a BLS OEWS spreadsheet (published layout), one per area, industry and occupation, and the report."""
    path = Path(path)
    table = _read(path)
    code_col = table.find(*_OEWS_CODE)
    if code_col is None:
        raise table.missing("OCC_CODE", _OEWS_CODE, FiguresError)
    emp_col, a_col, h_col = table.find("TOT_EMP"), table.find("A_MEDIAN"), table.find("H_MEDIAN")
    if not (emp_col or a_col or h_col):
        raise table.missing("TOT_EMP, A_MEDIAN or H_MEDIAN", ("TOT_EMP", "A_MEDIAN", "H_MEDIAN"), FiguresError)
    area_col, type_col = table.find("AREA"), table.find("AREA_TYPE")
    naics_col, title_col, group_col = table.find("NAICS"), table.find("OCC_TITLE"), table.find("O_GROUP")
    report = FiguresReport(path.name, "OEWS figures")
    rows: dict[tuple[str, str, str], ImportedFigure] = {}
    stamp, now = _source(path), _now()
    for row, record in table.rows:
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
        employment = None if employment is None else round(employment)
        rows[(area, industry, code)] = ImportedFigure(
            area, industry, code, title, employment, median, topcoded, source=stamp, imported=now
        )
    report.imported = len(rows)
    report.areas = sorted({data.area_label(a) for a, _i, _c in rows})
    return list(rows.values()), report


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
            return int(round(value * 2080, -1)), False  # BLS: annual = hourly x 2,080
    return None, False


def _level(data, code: str) -> str:
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


def _industry_code(naics: str, data) -> str:
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


def _year_columns(table: Table) -> tuple[str | None, str | None]:
    """BLS-style "Employment, 2024" / "Employment, 2034" headers: (base, projected)."""
    years = []
    for column in table.columns:
        found = re.search(r"(19|20)\d\d", str(column))
        if found and "employ" in str(column).casefold() and "change" not in str(column).casefold():
            years.append((int(found.group(0)), column))
    if len(years) >= 2:
        years.sort()
        return years[0][1], years[-1][1]
    return None, None


def read_projections(path: Path, data, *, area_code: str = NATIONAL) -> tuple[list[ImportedProjection], FiguresReport]:
    """Rows of an employment projections table for one area, one per occupation, and the report."""
    path = Path(path)
    table = _read(path)
    code_col = table.find(*_P_CODE)
    if code_col is None:
        raise table.missing("SOC code", _P_CODE, FiguresError)
    base_col, proj_col = table.find(*_P_BASE), table.find(*_P_PROJ)
    if base_col is None or proj_col is None:
        base_col, proj_col = _year_columns(table)
    if base_col is None:
        raise table.missing("base employment", _P_BASE, FiguresError)
    if proj_col is None:
        raise table.missing("projected employment", _P_PROJ, FiguresError)
    open_col = table.find(*_P_OPEN)
    if open_col is None:
        open_col = next((c for c in table.columns if "opening" in str(c).casefold()), None)
    if open_col is None:
        raise table.missing("annual openings", _P_OPEN, FiguresError)
    title_col = table.find(*_P_TITLE)

    def scale(column: str) -> float:
        return 1000.0 if "thousand" in str(column).casefold() else 1.0

    report = FiguresReport(path.name, "projections")
    report.areas = [data.area_label(area_code)]
    rows: dict[str, ImportedProjection] = {}
    stamp, now = _source(path), _now()
    for row, record in table.rows:
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
        rows[code] = ImportedProjection(
            area_code,
            code,
            title,
            base_employment=None if base is None else round(base),
            projected_employment=None if projected is None else round(projected),
            openings=None if openings is None else round(openings),
            source=stamp,
            imported=now,
        )
    report.imported = len(rows)
    return list(rows.values()), report


def _now() -> str:
    return _dt.datetime.now().isoformat(timespec="seconds")


# --- as a command ---------------------------------------------------------------------------


def oews_command(path: Path, data, *, area_code: str = "") -> tuple[ImportFigures, FiguresReport]:
    """An OEWS spreadsheet as one command; rows without an AREA column count for the partnership's region."""
    figures, report = read_oews(path, data, default_area=area_code or NATIONAL)
    if not figures:
        raise FiguresError(f"{Path(path).name}: no row has figures to import.")
    return ImportFigures(file=Path(path).name, figures=tuple(figures)), report


def projections_command(path: Path, data, *, area_code: str = "") -> tuple[ImportFigures, FiguresReport]:
    """A projections table (for the partnership's region) as one command."""
    projections, report = read_projections(path, data, area_code=area_code or NATIONAL)
    if not projections:
        raise FiguresError(f"{Path(path).name}: no row has figures to import.")
    return ImportFigures(file=Path(path).name, projections=tuple(projections)), report
