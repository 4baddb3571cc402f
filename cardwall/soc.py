"""What a card's words mean in SOC terms: matching employers' job titles to detailed SOC occupations.

Employers write "CNC guy", "CDL-A driver", "forklift op". We normalise the
words (shorthand expanded, plurals folded, filler dropped), match them
against the detailed occupations' titles and a small lexicon of the names
people use in the room, and rank by fuzzy score. Only detailed occupations
are ever suggested: SOC levels are never mixed in one list (seed 003,
Appendix A). Also here: SOC levels and families, and how a wage is shown.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from dataclasses import dataclass

TOP_CODE_ANNUAL = 239_200  # BLS publishes no median at or above this (OEWS May 2025)
_SOC = re.compile(r"^\d{2}-\d{4}$")

# Shorthand in the room -> the words SOC titles use. Applied word by word
# (and to a few two-word phrases) before matching.
_PHRASES = {
    "cdl a": "cdl",
    "cdl b": "cdl",
    "class a": "cdl",
    "tool and die": "tool die",
    "tool & die": "tool die",
    "pick and pack": "packer",
    "fork lift": "forklift",
    "lift truck": "forklift",
    "quality assurance": "quality",
    "quality control": "quality",
    "customer service": "customer service",
}
_WORDS = {
    "op": "operator",
    "opr": "operator",
    "ops": "operator",
    "operater": "operator",
    "tech": "technician",
    "techs": "technician",
    "maint": "maintenance",
    "mech": "mechanic",
    "mgr": "manager",
    "mngr": "manager",
    "supv": "supervisor",
    "supvr": "supervisor",
    "engr": "engineer",
    "eng": "engineer",
    "admin": "administrative",
    "asst": "assistant",
    "acct": "accountant",
    "rep": "representative",
    "reps": "representative",
    "elec": "electrician",
    "insp": "inspector",
    "qc": "quality",
    "qa": "quality",
    "hr": "human resources",
    "it": "computer",
    "dev": "developer",
    "devs": "developer",
    "prog": "programmer",
    "cnc": "cnc",
    "hvac": "hvac",
}
# Words that say nothing about the occupation.
_FILLER = {
    "guy",
    "guys",
    "gal",
    "person",
    "people",
    "worker",
    "workers",
    "staff",
    "folks",
    "team",
    "member",
    "i",
    "ii",
    "iii",
    "iv",
    "1",
    "2",
    "3",
    "sr",
    "senior",
    "jr",
    "junior",
    "the",
    "a",
    "an",
    "of",
    "and",
    "or",
    "for",
    "in",
    "on",
    "to",
    "with",
    "all",
    "other",
    "except",
    "level",
    "entry",
    "experienced",
    "skilled",
    "good",
}

# Names used in the room for occupations whose SOC title reads differently.
# Each counts as another title of that detailed occupation.
LEXICON: dict[str, tuple[str, ...]] = {
    "51-4041": ("machinist", "cnc machinist", "manual machinist", "mill hand", "lathe hand"),
    "51-9161": ("cnc operator", "cnc", "cnc machine operator", "cnc programmer operator", "cnc setup"),
    "51-9162": ("cnc programmer", "cam programmer"),
    "51-4111": ("tool die", "tool die maker", "die maker", "moldmaker", "mold maker"),
    "51-4121": ("welder", "fabricator welder", "mig welder", "tig welder", "welding"),
    "51-2041": ("structural fabricator", "metal fabricator", "fitter"),
    "51-9061": ("quality inspector", "inspector", "quality", "quality technician", "qc inspector"),
    "51-1011": ("production supervisor", "shift supervisor", "lead", "production lead", "line lead", "foreman"),
    "51-9198": ("production helper", "general laborer", "production worker", "helper"),
    "51-2090": ("assembler", "team assembler", "production assembler", "assembly line", "fabricator"),
    "49-9041": ("industrial maintenance", "maintenance mechanic", "maintenance technician", "industrial mechanic"),
    "49-9071": ("maintenance", "general maintenance", "facilities maintenance", "handyman"),
    "49-9044": ("millwright",),
    "47-2111": ("electrician", "industrial electrician", "journeyman electrician"),
    "49-3031": ("diesel mechanic", "diesel technician", "truck mechanic", "fleet mechanic"),
    "49-3023": ("auto mechanic", "automotive technician", "car mechanic"),
    "49-9021": ("hvac", "hvac technician", "hvac mechanic", "refrigeration technician"),
    "53-7051": ("forklift", "forklift operator", "forklift driver", "lift truck operator", "reach truck operator"),
    "53-3032": ("cdl", "cdl driver", "truck driver", "semi driver", "otr driver", "tractor trailer driver"),
    "53-3033": ("delivery driver", "route driver", "box truck driver", "light truck driver"),
    "53-7062": ("warehouse", "warehouse associate", "material handler", "stocker", "loader", "dock worker"),
    "53-7064": ("packer", "picker packer", "packager", "packaging"),
    "43-5071": ("shipping receiving", "shipping clerk", "receiving clerk", "logistics clerk"),
    "53-1047": ("warehouse supervisor", "dock supervisor"),
    "17-2112": ("industrial engineer", "process engineer", "manufacturing engineer", "lean engineer"),
    "17-2141": ("mechanical engineer", "design engineer"),
    "17-2071": ("electrical engineer", "controls engineer"),
    "17-3026": ("industrial engineering technician", "manufacturing technician", "process technician"),
    "17-3013": ("mechanical drafter", "cad drafter", "cad designer", "drafter"),
    "17-3024": (
        "electromechanical technician",
        "mechatronics technician",
        "automation technician",
        "robotics technician",
        "plc technician",
        "controls technician",
    ),
    "41-4012": ("sales representative", "outside sales", "account manager", "sales rep"),
    "41-4011": ("technical sales representative", "technical sales", "sales engineer"),
    "43-4051": ("customer service", "customer service representative", "csr", "call center"),
    "43-6014": ("administrative assistant", "office assistant", "secretary", "receptionist"),
    "43-9061": ("office clerk", "clerk", "data entry"),
    "43-3031": ("bookkeeper", "accounting clerk", "ap clerk", "ar clerk"),
    "13-2011": ("accountant", "cpa", "auditor"),
    "11-3051": ("production manager", "plant manager", "manufacturing manager"),
    "29-1141": ("rn", "registered nurse", "nurse", "charge nurse"),
    "29-2061": ("lpn", "lvn", "licensed practical nurse"),
    "31-1131": ("cna", "nursing assistant", "nurse aide"),
    "31-9092": ("ma", "medical assistant"),
    "29-2052": ("pharmacy tech", "pharmacy technician"),
    "15-1252": ("software developer", "software engineer", "programmer", "developer"),
    "15-1232": ("help desk", "it support", "desktop support", "computer support"),
    "15-1244": ("network administrator", "sysadmin", "system administrator"),
    "47-2061": ("construction laborer", "laborer"),
    "47-2031": ("carpenter", "framer"),
    "47-2152": ("plumber", "pipefitter", "steamfitter"),
    "35-2014": ("line cook", "cook"),
    "37-2011": ("janitor", "custodian", "cleaner"),
    "11-1011": ("ceo", "chief executive", "president"),
    "11-1021": ("general manager", "operations manager", "gm"),
    "43-5061": ("production planner", "production scheduler", "scheduler", "expediter"),
    "51-4031": ("press brake operator", "press operator", "punch press operator", "stamping press operator"),
    "51-2028": ("electronics assembler", "electrical assembler", "wire harness assembler"),
    "51-4072": ("injection molding operator", "molding machine operator"),
    "13-1020": ("buyer", "purchasing agent", "procurement"),
    "13-1081": ("logistician", "supply chain analyst", "logistics coordinator"),
}


@dataclass(frozen=True)
class Suggestion:
    code: str
    title: str
    score: float  # 0-100, higher is better


def is_soc_code(text: str) -> bool:
    return bool(_SOC.match(text.strip()))


def major_group(code: str) -> str:
    """The occupational family (SOC major group) of a code: 51-4041 -> 51-0000."""
    return f"{code[:2]}-0000"


def format_wage(median: int | None, topcoded: bool = False) -> str:
    """An annual median as people read it; top-coded medians as "≥ $239,200", unknown as "—".

    BLS publishes no median at or above the top code, so a figure there is
    shown as the top code even where a source gives the number.
    """
    if topcoded or (median is not None and median >= TOP_CODE_ANNUAL):
        return f"≥ ${TOP_CODE_ANNUAL:,}"
    if median is None:
        return "—"
    return f"${median:,}"


def format_count(value: int | None) -> str:
    return "—" if value is None else f"{value:,}"


def _stem(word: str) -> str:
    if len(word) > 4 and word.endswith("ies"):
        return word[:-3] + "y"
    if len(word) > 3 and word.endswith("s") and not word.endswith(("ss", "us", "is")):
        return word[:-1]
    return word


_SPLIT = re.compile(r"[^a-z0-9&]+")


def normalise(text: str) -> str:
    """Lower case, punctuation out, shorthand expanded, plurals folded, filler dropped."""
    text = " " + " ".join(_SPLIT.split(text.casefold().replace("-", " "))).strip() + " "
    for phrase, replacement in _PHRASES.items():
        text = text.replace(f" {phrase} ", f" {replacement} ")
    words = []
    for word in text.split():
        if word in _FILLER:
            continue
        word = _WORDS.get(word, word)
        words.extend(_stem(w) for w in word.split())
    return " ".join(words)


class SocMatcher:
    """Suggests detailed SOC occupations for a typed title; build once per data set, then query often."""

    def __init__(self, occupations: Iterable[tuple[str, str, str]]) -> None:
        """`occupations`: (code, title, level) rows; only the detailed ones are ever suggested."""
        self.titles: dict[str, str] = {}
        choices: list[str] = []
        owners: list[str] = []
        for code, title, level in occupations:
            if level != "detailed":
                continue
            self.titles[code] = title
            choices.append(normalise(title))
            owners.append(code)
        for code, names in LEXICON.items():
            if code not in self.titles:
                continue
            for name in names:
                choices.append(normalise(name))
                owners.append(code)
        self._choices, self._owners = choices, owners

    def suggest(self, text: str, *, limit: int = 5) -> list[Suggestion]:
        """The best detailed occupations for `text`, best first; [] when nothing is close."""
        from rapidfuzz import process

        raw = text.strip()
        if is_soc_code(raw) and raw in self.titles:
            return [Suggestion(raw, self.titles[raw], 100.0)]
        query = normalise(raw)
        if not query:
            return []
        hits = process.extract(
            query, self._choices, scorer=_score, limit=max(limit * 6, 30), score_cutoff=62, processor=None
        )
        best: dict[str, float] = {}
        for _choice, score, index in hits:
            code = self._owners[index]
            best[code] = max(best.get(code, 0.0), score)
        ranked = sorted(best.items(), key=lambda kv: (-kv[1], self.titles[kv[0]]))
        return [Suggestion(code, self.titles[code], round(score, 1)) for code, score in ranked[:limit]]


def _score(query: str, choice: str, *, score_cutoff: float = 0, **_kw) -> float:
    """Whole words first: a query word found in the title counts fully, a near spelling counts less."""
    from rapidfuzz import fuzz

    if query == choice:
        return 100.0
    token_set = fuzz.token_set_ratio(query, choice)
    # token_set_ratio gives 100 to any title containing all query words, however long:
    # prefer the title that says the least beyond the query.
    q, c = set(query.split()), set(choice.split())
    extra = len(c - q)
    missing = len(q - c)
    whole = fuzz.token_sort_ratio(query, choice)
    score = 0.6 * token_set + 0.4 * whole - 2.0 * extra - 1.0 * missing
    if not q & c:
        score *= 0.75  # only a near spelling ("janitor" ~ "auditor"): well below a shared word
    return max(0.0, score)
