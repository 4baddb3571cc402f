"""Other names of detailed SOC occupations across every industry: the titles on job boards and pay stubs.

cardwall/soc_lexicon.py holds the names a manufacturing wall uses; the data files in cardwall/soc_titles/ hold
the working titles employers post: 00-common.txt the occupations that employ the most people and the trades each
kind of sector partnership convenes, then one file per range of major groups (11-29.txt, 31-53.txt) covering
every detailed occupation. One line per occupation: "code: name; name; ..."; "#" starts a comment line.
"""

from __future__ import annotations

from pathlib import Path


def read_titles(files: list[Path]) -> dict[str, tuple[str, ...]]:
    """Each code's names in file order (00-common.txt first); a name already listed for a code is not listed twice."""
    names: dict[str, dict[str, None]] = {}
    for f in files:
        for line in f.read_text(encoding="utf-8").splitlines():
            if line.strip() and not line.startswith("#"):
                code, listed = line.split(":", 1)
                names.setdefault(code.strip(), {}).update(
                    dict.fromkeys(n.strip() for n in listed.split(";") if n.strip())
                )
    return {code: tuple(found) for code, found in names.items()}


ALTERNATE: dict[str, tuple[str, ...]] = read_titles(sorted(Path(__file__).with_name("soc_titles").glob("*.txt")))
