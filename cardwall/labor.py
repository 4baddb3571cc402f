"""Labor-market figures: one occupation's numbers, and the ones a partnership imported itself.

A partnership may bring its own OEWS spreadsheet or projections table; each
row becomes an `ImportedFigure` or `ImportedProjection` in its workspace
(through the `ImportFigures` command, so an import is one undo step), and
overrides the bundled OEWS figures for its region, field by field, saying
where it came from.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import NamedTuple

SOURCE = "U.S. Bureau of Labor Statistics, OEWS, May 2025"  # the bundled data set
NATIONAL = "0000000"
ALL_INDUSTRIES = "000000"
FIGURES = "labor_figures"
PROJECTIONS = "labor_projections"
LABOR_TABLES = (FIGURES, PROJECTIONS)


@dataclass(frozen=True)
class Figure:
    """One occupation's figures in one area and industry; None where nothing was published."""

    soc_code: str
    employment: int | None = None
    median: int | None = None  # annual, dollars
    topcoded: bool = False  # the median is at or above the top code
    openings: int | None = None  # annual openings, from an imported projections table
    projected: int | None = None  # projected employment, from an imported projections table
    source: str = SOURCE

    @property
    def wage(self) -> str:
        from cardwall.soc import format_wage  # the SOC matcher's module: not needed until a wage is shown

        return format_wage(self.median, self.topcoded)

    @property
    def has_wage(self) -> bool:
        return self.topcoded or self.median is not None


class ImportedFigure(NamedTuple):
    """A row of an imported OEWS spreadsheet: one occupation in one area and industry.

    A named tuple, not a dataclass: a metro-area file has 100,000 rows, read at every open (about 3x faster).
    """

    area_code: str
    industry_code: str
    soc_code: str
    title: str
    employment: int | None
    median: int | None
    topcoded: bool
    source: str  # "file.xlsx, imported 2026-11-30": what a brief cites
    imported: str  # when, to the second

    @property
    def id(self) -> str:
        return f"{self.area_code}|{self.industry_code}|{self.soc_code}"


class ImportedProjection(NamedTuple):
    """A row of an imported employment projections table: one occupation in one area."""

    area_code: str
    soc_code: str
    title: str
    base_employment: int | None
    projected_employment: int | None
    openings: int | None
    source: str
    imported: str

    @property
    def id(self) -> str:
        return f"{self.area_code}|{self.soc_code}"


@dataclass
class LaborFigures:
    """Every figure a partnership imported, by id; the workspace's `labor`."""

    figures: dict[str, ImportedFigure] = field(default_factory=dict)
    projections: dict[str, ImportedProjection] = field(default_factory=dict)

    def table(self, name: str) -> dict:
        return self.figures if name == FIGURES else self.projections

    def overrides(self, area_code: str, industry_code: str = ALL_INDUSTRIES) -> dict[str, Figure]:
        """The imported figures for one area and industry, projections folded in, by SOC code."""
        area, industry = area_code or NATIONAL, industry_code or ALL_INDUSTRIES
        out: dict[str, Figure] = {}
        for row in self.figures.values():
            if row.area_code == area and row.industry_code == industry:
                figure = Figure(row.soc_code, row.employment, row.median, bool(row.topcoded), source=row.source)
                out[row.soc_code] = figure
        for row in self.projections.values():
            if row.area_code != area:
                continue
            known = out.get(row.soc_code)
            if known is None:
                out[row.soc_code] = Figure(
                    row.soc_code,
                    row.base_employment,
                    projected=row.projected_employment,
                    openings=row.openings,
                    source=row.source,
                )
                continue
            out[row.soc_code] = Figure(
                row.soc_code,
                known.employment if known.employment is not None else row.base_employment,
                known.median,
                known.topcoded,
                openings=row.openings,
                projected=row.projected_employment,
                source=known.source if known.source == row.source else f"{known.source}; {row.source}",
            )
        return out

    def sources(self) -> list[tuple[str, str, int]]:
        """(source, kind, rows) of everything imported, for the data dialog to show."""
        out = []
        for rows, kind in ((self.figures, "OEWS figures"), (self.projections, "projections")):
            counts: dict[str, int] = {}
            for row in rows.values():
                counts[row.source] = counts.get(row.source, 0) + 1
            out += [(source, kind, counts[source]) for source in sorted(counts)]
        return out
