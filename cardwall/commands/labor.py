"""Labor-market figures a partnership brings: an OEWS spreadsheet or a projections table, one undo step.

Each row replaces the one already imported for its area, industry and
occupation; undo puts back exactly what was there before (the earlier
import's row, or nothing).
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from cardwall.commands.base import Command, DomainError, Write
from cardwall.labor import FIGURES, PROJECTIONS, ImportedFigure, ImportedProjection
from cardwall.model import Workspace

_SOC = re.compile(r"^\d{2}-\d{4}$")


@dataclass
class ImportFigures(Command):
    """The rows of one file of figures, all or nothing."""

    file: str = ""
    figures: tuple[ImportedFigure, ...] = ()
    projections: tuple[ImportedProjection, ...] = ()

    def __post_init__(self) -> None:
        base = getattr(super(), "__post_init__", None)
        if base is not None:
            base()  # a dataclass-minded base sets up its undo state here...
        else:
            Command.__init__(self)  # ...a plain one in __init__, which the dataclass's own __init__ replaces
        self.label = f"Import figures from {self.file}" if self.file else "Import labor figures"

    def plan(self, ws: Workspace) -> list[Write]:
        if not self.figures and not self.projections:
            raise DomainError(f"{self.file or 'The file'} has no figures to import.")
        for row in (*self.figures, *self.projections):
            _check(row)
        writes: list[Write] = [((FIGURES, "", row.id), row) for row in self.figures]
        writes += [((PROJECTIONS, "", row.id), row) for row in self.projections]
        return writes


def _check(row: ImportedFigure | ImportedProjection) -> None:
    if not _SOC.match(row.soc_code):
        raise DomainError(f"{row.soc_code!r} is not a SOC code like 51-4041.")
    numbers = (
        (row.employment, row.median)
        if isinstance(row, ImportedFigure)
        else (row.base_employment, row.projected_employment, row.openings)
    )
    if any(n is not None and (not isinstance(n, int) or n < 0) for n in numbers):
        raise DomainError(f"{row.soc_code}: a figure is not a whole number of zero or more.")
