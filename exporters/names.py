"""Safe file names from whatever people call things."""

from __future__ import annotations

import re
import unicodedata

_RESERVED = {"con", "prn", "aux", "nul", *(f"com{i}" for i in range(10)), *(f"lpt{i}" for i in range(10))}


def slugify(text: str, *, fallback: str = "untitled", limit: int = 60) -> str:
    """'Tool & Die Maker / CNC' -> 'tool-die-maker-cnc': ASCII, no dots or slashes, never empty."""
    text = unicodedata.normalize("NFKD", text or "").encode("ascii", "ignore").decode()
    slug = re.sub(r"[^a-z0-9]+", "-", text.lower()).strip("-")
    if len(slug) > limit:
        # Cut at the last whole word that fits; a single word longer than the limit is cut where it must be.
        cut = slug[: limit + 1]
        slug = cut[: cut.rfind("-")] if "-" in cut.strip("-") else slug[:limit]
        slug = slug.strip("-")
    if not slug or slug in _RESERVED:
        slug = f"{fallback}-{slug}" if slug else fallback
    return slug
