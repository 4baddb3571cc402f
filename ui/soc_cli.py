"""`cardwall soc QUERY [--area AREA] [--limit N]`: SOC codes for a job title, from the shipped data.

No Qt and no pandas on this path, so it answers in a blink.
"""

from __future__ import annotations

import sys

from cardwall.soc import format_count


def run_soc(query: str, *, area: str = "", limit: int = 10) -> int:
    """Print the best detailed SOC occupations for `query` with wage and employment in `area`; 0 found, 1 not."""
    from storage.labor import SOURCE, bundled

    if limit < 1:
        print("cardwall: --limit must be 1 or more.", file=sys.stderr)
        return 2
    if not query.strip():
        print("cardwall: type a job title to look up, e.g. cardwall soc Machinists", file=sys.stderr)
        return 1
    data = bundled()
    areas = data.find_areas(area)
    if not areas:
        print(
            f"cardwall: no area called {area!r}; try a state (Colorado), a metro area (Denver) or a code.",
            file=sys.stderr,
        )
        return 1
    if len(areas) > 1:
        names = "; ".join(f"{a.name} ({a.code})" for a in areas[:8])
        more = f" and {len(areas) - 8} more" if len(areas) > 8 else ""
        print(f"cardwall: {area!r} could be several areas: {names}{more}. Name one, or give its code.", file=sys.stderr)
        return 1
    where = areas[0]
    found = data.suggest(query, area_code=where.code, limit=limit)
    if not found:
        print(f"cardwall: no SOC occupation matches {query!r}.", file=sys.stderr)
        return 1
    label = "National" if where.type == "national" else where.name
    rows = [(s.code, s.title, f.wage if f else "—", format_count(f.employment) if f else "—") for s, f in found]
    headers = ("SOC code", "Title", "Median annual wage", f"Employment ({label})")
    widths = [max(len(h), *(len(r[i]) for r in rows)) for i, h in enumerate(headers)]
    right = (False, False, True, True)

    def line(cells) -> str:
        return "  ".join(c.rjust(w) if r else c.ljust(w) for c, w, r in zip(cells, widths, right, strict=True))

    print(f"SOC occupations matching {query!r} — {label}")
    print(line(headers).rstrip())
    print("  ".join("-" * w for w in widths))
    for row in rows:
        print(line(row).rstrip())
    print(f"Source: {SOURCE}. Detailed occupations only; — = not published.")
    return 0
