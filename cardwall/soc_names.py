"""Other names of detailed SOC occupations across every industry: the titles on job boards and pay stubs.

cardwall/soc_lexicon.py holds the names a manufacturing wall uses; the data files in cardwall/soc_titles/ hold
the working titles employers post: 00-common.txt the occupations that employ the most people and the trades each
kind of sector partnership convenes, then one file per range of major groups (11-29.txt, 31-53.txt) covering
every detailed occupation. One line per occupation: "code: name; name; ..."; "#" starts a comment line.
"""

from __future__ import annotations

from pathlib import Path


def _parsed(text: str) -> dict[str, tuple[str, ...]]:
    out: dict[str, tuple[str, ...]] = {}
    for line in text.strip().splitlines():
        code, names = line.split(":", 1)
        out[code.strip()] = out.get(code.strip(), ()) + tuple(n.strip() for n in names.split(";") if n.strip())
    return out


def _merged(*texts: str) -> dict[str, tuple[str, ...]]:
    out: dict[str, tuple[str, ...]] = {}
    for text in texts:
        for code, names in _parsed(text).items():
            out[code] = out.get(code, ()) + tuple(n for n in names if n not in out.get(code, ()))
    return out


# Files in name order (00-common.txt first); a name already listed for a code is not listed twice.
_FILES = sorted((Path(__file__).with_name("soc_titles")).glob("*.txt"))
ALTERNATE: dict[str, tuple[str, ...]] = _merged(
    *(
        "\n".join(
            line for line in f.read_text(encoding="utf-8").splitlines() if line.strip() and not line.startswith("#")
        )
        for f in _FILES
    ),
)
