"""The SOC evaluation set: employer-style titles and the codes that are right for them.

`soc_titles.csv` holds about 200 titles (plain, colloquial, abbreviated, company-style with levels
and shifts, misspelled, and retired codes an analyst types), each with the 2018 SOC codes that are
right for it and, where the title came from a sector partnership, the partnership's OEWS industry.
Each title falls in the dev half or the held-out half by a checksum of its text, so nobody picks
the halves. Tune on dev; read held-out only to report.

Fresh sets, each written before it was first measured, as a check that the rules are general and the
name lists not lists of answers: `soc_titles_fresh.csv` (85 titles, after round one), and from round
two `soc_titles_fresh2.csv` (127 titles across ten industries, written before any change; tuned past
since), `soc_titles_fresh3.csv` (40, after tuning first stopped; tuned on after its first measure),
`soc_titles_fresh4.csv` (40, measured untouched, its misses kept out of the name lists) and
`soc_titles_fresh5.csv` (40, written last and measured once, untouched: the truest figure), and
`soc_titles_fresh6.csv` (60 employer-style titles, mostly of major groups 11-29, written by the helper that wrote
cardwall/soc_titles/11-29.txt after that file and before any rule change measured on it; measured once as
91.7% first / 100% top three, main then 90% / 95%; one general rule came of its misses, "therapy" meeting "therapist").

    python -m tests.domain.soc_eval          # dev half, with the misses
    python -m tests.domain.soc_eval --held   # both halves and the fresh sets, figures only
"""

from __future__ import annotations

import csv
import sys
import zlib
from dataclasses import dataclass
from pathlib import Path

TITLES = Path(__file__).with_name("soc_titles.csv")
FRESH = {
    name: Path(__file__).with_name(f"soc_titles_{name}.csv")
    for name in ("fresh", "fresh2", "fresh3", "fresh4", "fresh5", "fresh6")
}


@dataclass(frozen=True)
class Case:
    title: str
    codes: tuple[str, ...]
    industry: str

    @property
    def half(self) -> str:
        return "dev" if zlib.crc32(self.title.encode("utf-8")) % 2 == 0 else "held"


def cases(half: str | None = None) -> list[Case]:
    """The dev or held-out half of the main set, all of it (None), or a fresh set ("fresh", "fresh2"...)."""
    with FRESH.get(half or "", TITLES).open(encoding="utf-8", newline="") as f:
        rows = [Case(r["title"], tuple(r["codes"].split("|")), r["industry"]) for r in csv.DictReader(f)]
    return [c for c in rows if half is None or half in FRESH or c.half == half]


@dataclass
class Score:
    total: int = 0
    first: int = 0
    top3: int = 0

    def rates(self) -> tuple[float, float]:
        return (self.first / self.total, self.top3 / self.total) if self.total else (0.0, 0.0)


def evaluate(matcher, chosen: list[Case], misses: list | None = None) -> Score:
    score = Score()
    for case in chosen:
        found = [s.code for s in matcher.suggest(case.title, limit=3, industry_code=case.industry)]
        score.total += 1
        score.first += bool(found) and found[0] in case.codes
        score.top3 += any(code in case.codes for code in found)
        if misses is not None and (not found or found[0] not in case.codes):
            misses.append((case, found))
    return score


def main() -> None:
    from storage.labor import bundled

    matcher = bundled().matcher
    halves = (
        ("dev", "held", *(name for name, path in FRESH.items() if path.exists())) if "--held" in sys.argv else ("dev",)
    )
    for half in halves:
        misses: list = []
        score = evaluate(matcher, cases(half), misses)
        first, top3 = score.rates()
        print(f"{half}: {score.total} titles, first right {first:.1%}, top three {top3:.1%}")
        if half == "dev":
            for case, found in misses:
                print(f"  {case.title!r} wants {'|'.join(case.codes)}, got {found}")


if __name__ == "__main__":
    main()
