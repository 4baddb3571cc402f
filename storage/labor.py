"""The labor-market data that ships with the app (BLS OEWS May 2025), read-only and lazy.

`bundled()` opens resources/oews/oews-2025.sqlite once (built by
resources/oews/build.py) and answers: occupations, areas, industries, and
employment and median wages per area x industry x occupation. Figures a
partnership imported itself (cardwall.labor, the ImportFigures command) live
in its workspace file and override the bundled ones for their region:
`figures_for(...)`.
Only stdlib here, so `cardwall soc` starts fast.
"""

from __future__ import annotations

import sqlite3
import sys
import threading
import zlib
from array import array
from dataclasses import dataclass, replace
from pathlib import Path

import resources
from cardwall.labor import ALL_INDUSTRIES, NATIONAL, SOURCE, Figure
from cardwall.soc import SocMatcher, Suggestion, format_count, major_group

BUNDLED = resources.path("oews", "oews-2025.sqlite")
_MISSING, _TOPCODED = -1, -2


@dataclass(frozen=True)
class Occupation:
    code: str
    title: str
    level: str  # major / detailed (the bundle keeps these two levels)


@dataclass(frozen=True)
class Area:
    code: str
    type: str  # national / state / metro
    name: str
    state_fips: str


@dataclass(frozen=True)
class Industry:
    code: str
    name: str
    level: int


def unpack(count: int, data: bytes) -> tuple[array, array, array]:
    """The three int32 columns (soc, employment, median) of one packed row (see build.py `pack`)."""
    planes = zlib.decompress(data)
    size = count * 3
    raw = bytearray(size * 4)
    for k in range(4):
        raw[k::4] = planes[k * size : (k + 1) * size]
    values = array("i", bytes(raw))
    if sys.byteorder == "big":
        values.byteswap()
    return values[:count], values[count : 2 * count], values[2 * count :]


def _soc_text(value: int) -> str:
    text = f"{value:06d}"
    return f"{text[:2]}-{text[2:]}"


class LaborData:
    """The bundled data set. Construct it off the UI thread; queries after that take microseconds."""

    def __init__(self, path: Path = BUNDLED) -> None:
        if not Path(path).exists():
            raise FileNotFoundError(f"The labor-market data file {path} is missing; reinstall Cardwall.")
        uri = f"{Path(path).resolve().as_uri()}?mode=ro&immutable=1"
        self._conn = sqlite3.connect(uri, uri=True, check_same_thread=False)
        self._lock = threading.Lock()
        self._cache: dict[tuple[int, int], dict[str, Figure]] = {}
        conn = self._conn
        self.occupations = {
            code: Occupation(code, title, level)
            for code, title, level in conn.execute("SELECT code, title, level FROM occupations ORDER BY soc")
        }
        self.areas = {
            code: Area(code, kind, name, fips)
            for code, kind, name, fips in conn.execute("SELECT code, type, name, state_fips FROM areas ORDER BY area")
        }
        self._industry_ids: dict[str, int] = {}
        self.industries: dict[str, Industry] = {}
        for number, code, name, level in conn.execute("SELECT industry, code, name, level FROM industries"):
            self._industry_ids[code] = number
            self.industries[code] = Industry(code, name, level)
        self.meta = dict(conn.execute("SELECT key, value FROM meta"))
        self._matcher: SocMatcher | None = None
        self._postal = _postal_codes(self.areas.values())

    def close(self) -> None:
        self._conn.close()

    # --- what there is ------------------------------------------------------------------------

    @property
    def matcher(self) -> SocMatcher:
        if self._matcher is None:
            employment = {code: f.employment for code, f in self.figures().items() if f.employment}
            self._matcher = SocMatcher(((o.code, o.title, o.level) for o in self.occupations.values()), employment)
        return self._matcher

    def detailed(self) -> list[Occupation]:
        return [o for o in self.occupations.values() if o.level == "detailed"]

    def family(self, soc_code: str) -> Occupation | None:
        """The occupational family (SOC major group) a code belongs to."""
        return self.occupations.get(major_group(soc_code))

    def area(self, code: str) -> Area:
        code = (code or NATIONAL).strip()
        # "28140" is 0028140 (Kansas City): a code missing its zeros must never read as "National".
        return self.areas.get(code) or self.areas.get(code.zfill(7)) or self.areas[NATIONAL]

    def area_label(self, code: str) -> str:
        area = self.area(code)
        return "National" if area.code == NATIONAL else area.name

    def find_areas(self, text: str) -> list[Area]:
        """Areas a user may mean by `text`: a code, a name, a state's postal code, or a word of a name.

        One exact answer wins ("Colorado" is the state, not the metros named after it).
        """
        wanted = " ".join(text.split()).casefold()
        if not wanted or wanted in ("national", "us", "usa", "u.s.", "united states", "nation"):
            return [self.areas[NATIONAL]]
        digits = wanted.replace("-", "")
        if digits.isdigit():
            for candidate in (digits.zfill(7), digits.zfill(2) + "00000"):
                if len(digits) <= 7 and candidate in self.areas:
                    return [self.areas[candidate]]
            return []
        exact = [a for a in self.areas.values() if a.name.casefold() == wanted]
        if exact:
            return exact
        if wanted.upper() in self._postal:
            return [self.areas[self._postal[wanted.upper()]]]
        starts = [a for a in self.areas.values() if a.name.casefold().startswith(wanted)]
        states = [a for a in starts if a.type == "state"]
        if len(states) == 1 and states[0].name.casefold() == wanted:
            return states
        if starts:
            return starts
        words = [a for a in self.areas.values() if any(w.startswith(wanted) for w in _words(a.name))]
        return words

    def find_industries(self, text: str) -> list[Industry]:
        wanted = " ".join(text.split()).casefold()
        if not wanted:
            return [self.industries[ALL_INDUSTRIES]]
        if wanted in (c.casefold() for c in self.industries):
            return [i for c, i in self.industries.items() if c.casefold() == wanted]
        exact = [i for i in self.industries.values() if i.name.casefold() == wanted]
        return exact or [i for i in self.industries.values() if wanted in i.name.casefold()]

    # --- figures ------------------------------------------------------------------------------

    def figures(self, area_code: str = NATIONAL, industry_code: str = ALL_INDUSTRIES) -> dict[str, Figure]:
        """Every occupation's figures in one area and industry, by SOC code ({} when BLS has none there)."""
        area = int(area_code or NATIONAL)
        industry = self._industry_ids.get(industry_code or ALL_INDUSTRIES)
        if industry is None:
            return {}
        key = (area, industry)
        with self._lock:
            cached = self._cache.get(key)
            if cached is not None:
                return cached
            row = self._conn.execute("SELECT count, data FROM figures WHERE area = ? AND industry = ?", key).fetchone()
            out: dict[str, Figure] = {}
            if row:
                for soc, employment, median in zip(*unpack(*row), strict=True):
                    code = _soc_text(soc)
                    out[code] = Figure(
                        code,
                        None if employment == _MISSING else employment,
                        median if median >= 0 else None,
                        median == _TOPCODED,
                    )
            self._cache[key] = out
            return out

    def figure(self, soc_code: str, area_code: str = NATIONAL, industry_code: str = ALL_INDUSTRIES) -> Figure | None:
        return self.figures(area_code, industry_code).get(soc_code)

    def has_industry_figures(self, area_code: str, industry_code: str) -> bool:
        return bool(self.figures(area_code, industry_code))

    def suggest(
        self,
        text: str,
        *,
        area_code: str = NATIONAL,
        limit: int = 5,
        overrides: dict[str, Figure] | None = None,
        industry_code: str = "",
    ) -> list[tuple[Suggestion, Figure | None]]:
        """Detailed SOC occupations for a typed title, best first, each with its figures in the area."""
        figures = figures_for(self, area_code, ALL_INDUSTRIES, overrides)
        found = self.matcher.suggest(text, limit=limit, industry_code=industry_code)
        return [(s, figures.get(s.code)) for s in found]


def figures_for(
    data: LaborData, area_code: str, industry_code: str = ALL_INDUSTRIES, overrides: dict[str, Figure] | None = None
) -> dict[str, Figure]:
    """Bundled figures with a partnership's imported ones laid over them (imported wins, field by field)."""
    figures = data.figures(area_code, industry_code)
    if not overrides:
        return figures
    merged = dict(figures)
    for code, mine in overrides.items():
        base = merged.get(code)
        if base is None:
            merged[code] = mine
            continue
        merged[code] = replace(
            base,
            employment=mine.employment if mine.employment is not None else base.employment,
            median=mine.median if mine.has_wage else base.median,
            topcoded=mine.topcoded if mine.has_wage else base.topcoded,
            openings=mine.openings if mine.openings is not None else base.openings,
            projected=mine.projected if mine.projected is not None else base.projected,
            source=mine.source if mine.source == base.source else f"{mine.source}; {base.source}",
        )
    return merged


def _words(name: str) -> list[str]:
    return [w for w in name.casefold().replace(",", " ").replace("-", " ").split() if w]


def _postal_codes(areas) -> dict[str, str]:
    """State postal code -> state area code, read off the metro names ("Denver-Aurora-Centennial, CO")."""
    by_fips: dict[str, str] = {}
    states = {a.state_fips: a.code for a in areas if a.type == "state"}
    for a in areas:
        if a.type == "metro" and ", " in a.name:
            tail = a.name.rsplit(", ", 1)[1].split("-")[0].strip()
            if len(tail) == 2 and tail.isalpha() and a.state_fips in states:
                by_fips.setdefault(tail.upper(), states[a.state_fips])
    return by_fips


_bundled: LaborData | None = None
_bundled_lock = threading.Lock()


def bundled() -> LaborData:
    """The shipped data set, opened on first use (thread-safe; call it off the UI thread)."""
    global _bundled
    with _bundled_lock:
        if _bundled is None:
            _bundled = LaborData()
        return _bundled


def is_loaded() -> bool:
    return _bundled is not None


def wage_line(soc_code: str, area_code: str = "", *, data: LaborData | None = None) -> str | None:
    """One sentence for a brief: the occupation's median wage and employment, region and nation, cited.

    None when the code is unknown or BLS published nothing for it.
    """
    data = data or bundled()
    occupation = data.occupations.get(soc_code)
    national = data.figure(soc_code)
    if occupation is None or national is None:
        return None
    local = data.figure(soc_code, area_code) if area_code and area_code != NATIONAL else None
    parts = []
    if local is not None and local.has_wage:
        parts.append(f"median annual wage {local.wage} in {data.area_label(area_code)} ({national.wage} nationally)")
    elif national.has_wage:
        parts.append(f"median annual wage {national.wage} nationally")
    if local is not None and local.employment is not None:
        parts.append(f"{format_count(local.employment)} employed in {data.area_label(area_code)}")
    elif national.employment is not None:
        parts.append(f"{format_count(national.employment)} employed nationally")
    if not parts:
        return None
    return f"{occupation.title} ({soc_code}): {'; '.join(parts)}. Source: {SOURCE}."


def pathway_figures(
    soc_codes, area_code: str = "", *, overrides: dict[str, Figure] | None = None, data: LaborData | None = None
) -> dict[str, dict]:
    """Figures for the pathway map (exporters/pathway_pdf.py), as plain text by SOC code.

    Keys: region, soc_title, region_wage, national_wage, employment, employment_where, openings, source.
    Regional figures (with the partnership's imported ones laid over them) where published, else national.
    """
    data = data or bundled()
    area = area_code or NATIONAL
    regional = figures_for(data, area, ALL_INDUSTRIES, overrides) if area != NATIONAL else {}
    national = figures_for(data, NATIONAL, ALL_INDUSTRIES, overrides if area == NATIONAL else None)
    label = data.area_label(area)
    out: dict[str, dict] = {}
    for code in soc_codes:
        here, nation = regional.get(code), national.get(code)
        if here is None and nation is None:
            continue
        occupation = data.occupations.get(code)
        entry = {
            "region": label if area != NATIONAL else "",
            "source": (here or nation).source,
            "soc_title": occupation.title if occupation else "",
        }
        if here is not None and here.has_wage:
            entry["region_wage"] = here.wage
        if nation is not None and nation.has_wage:
            entry["national_wage"] = nation.wage
        if here is not None and here.employment is not None:
            entry["employment"], entry["employment_where"] = format_count(here.employment), label
        elif nation is not None and nation.employment is not None:
            entry["employment"], entry["employment_where"] = format_count(nation.employment), "national"
        openings = (here.openings if here is not None else None) or (nation.openings if nation is not None else None)
        if openings is not None:
            entry["openings"] = format_count(openings)
        out[code] = entry
    return out
