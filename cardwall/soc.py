"""What a card's words mean in SOC terms: matching employers' job titles to detailed SOC occupations.

Employers write "CNC guy", "CDL-A driver", "forklift op". We normalise the
words (shorthand expanded, plurals folded, filler dropped), match them
against the detailed occupations' titles and a small lexicon of the names
people use in the room, and rank by fuzzy score. Only detailed occupations
are ever suggested: SOC levels are never mixed in one list (seed 003,
Appendix A). Also here: SOC levels and families, and how a wage is shown.
"""

from __future__ import annotations

import math
import re
from collections.abc import Iterable
from dataclasses import dataclass
from functools import lru_cache

from cardwall.soc_lexicon import INDUSTRY_FAMILIES, LEXICON, RETIRED

TOP_CODE_ANNUAL = 239_200  # BLS publishes no median at or above this (OEWS May 2025)
_SOC = re.compile(r"^\d{2}-\d{4}$")
_CODE_IN_TEXT = re.compile(r"(?<!\d)(\d{2})-?(\d{4})(?!\d)")
_LEADS = re.compile(r"\b(supervisor|foreman|lead|leader|manager|superintendent)s?\b", re.I)
LEAD_BONUS = 4.0
INDUSTRY_BONUS = (8.0, 4.0, 2.5, 1.5, 1.0)  # by the family's rank in the industry's list: a tie-breaker

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
    "prep": "preparation",
    "coord": "coordinator",
    "spec": "specialist",
    "svc": "service",
    "cust": "customer",
    "equip": "equipment",
    "mach": "machine",
    "qual": "quality",
    "exec": "executive",
    "mgmt": "management",
    "dir": "director",
    "rcv": "receiving",
    "matl": "material",
    "pkg": "packaging",
    "sys": "system",
    "sw": "software",
    "assy": "assembly",
    "fab": "fabrication",
    "supt": "superintendent",
    "mfg": "manufacturing",
    "whse": "warehouse",
    "hilo": "hilo",
    "prod": "production",
    "ehs": "ehs",
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
    # shifts and grades in company titles: "CNC Operator II - Nights", "Welder B", "2nd shift"
    "shift",
    "shifts",
    "night",
    "nights",
    "day",
    "days",
    "weekend",
    "weekends",
    "1st",
    "2nd",
    "3rd",
    "4th",
    "b",
    "c",
    "d",
    "apprentice",
    "trainee",
    "journeyman",
    "journeymen",
    "lvl",
    "grade",
    "4",
    "5",
}


@dataclass(frozen=True)
class Suggestion:
    code: str
    title: str
    score: float  # 0-100, higher is better
    retired: str = ""  # the retired code the user typed, when this is its 2018 successor


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


def retired_successor(code: str) -> str:
    """The code the data uses now for a code the 2018 SOC retired ("" when it was not retired)."""
    return RETIRED.get(code, "")


def industry_families(industry_code: str) -> tuple[str, ...]:
    """SOC major groups (two digits) a partnership in this OEWS industry most likely means, most likely first."""
    head = (industry_code or "")[:2]
    if not head.isdigit() or industry_code.startswith("00"):
        return ()
    n = int(head)
    for key, families in INDUSTRY_FAMILIES.items():
        low, high = (int(x) for x in key.split("--"))
        if low <= n < high:
            return families
    return ()


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
        self._vocab = sorted({w for c in choices for w in c.split()})
        self._known = set(self._vocab)
        # How much a word says: a rare word ("reach", "brake") left unmatched costs more than a common one.
        counts: dict[str, int] = {}
        for c in choices:
            for w in set(c.split()):
                counts[w] = counts.get(w, 0) + 1
        idf = {w: math.log(len(choices) / n) for w, n in counts.items()}
        mean = sum(idf.values()) / max(len(idf), 1)
        self._weight = {w: v / mean for w, v in idf.items()}
        self._supervisory = {code for code, title in self.titles.items() if _LEADS.search(title)}
        self._correct = lru_cache(maxsize=4096)(self._correct_word)

    def _correct_word(self, word: str) -> str:
        """A word no title uses, read as the nearest one that is ("machinst" -> "machinist"), else as typed."""
        if word in self._known or len(word) < 4 or not word.isalpha():
            return word
        from rapidfuzz import process
        from rapidfuzz.distance import OSA

        cutoff = 0.75 if len(word) >= 6 else 0.7
        hit = process.extractOne(word, self._vocab, scorer=OSA.normalized_similarity, score_cutoff=cutoff)
        return hit[0] if hit else word

    def _compounds(self, words: list[str]) -> list[str]:
        """'brick mason' -> 'brickmason', 'ironworker' -> 'iron': the word split or joined as titles spell it."""
        out: list[str] = []
        for word in words:
            if out and out[-1] + word in self._known and not (out[-1] in self._known and word in self._known):
                out[-1] += word
                continue
            if word not in self._known and len(word) >= 7:
                for i in range(3, len(word) - 2):
                    head, tail = word[:i], word[i:]
                    if head in self._known and (tail in self._known or _stem(tail) in _FILLER or tail in _FILLER):
                        word = head if tail in _FILLER or _stem(tail) in _FILLER else f"{head} {tail}"
                        break
            out.extend(word.split())
        return out

    def _code_in(self, raw: str) -> tuple[str, str] | None:
        """(code, retired code typed or "") for a SOC code written in the text, e.g. "Team Assemblers 51-2092"."""
        for major, minor in _CODE_IN_TEXT.findall(raw):
            code = f"{major}-{minor}"
            if code in self.titles:
                return code, ""
            successor = retired_successor(code)
            if successor in self.titles:
                return successor, code
        return None

    def suggest(self, text: str, *, limit: int = 5, industry_code: str = "") -> list[Suggestion]:
        """The best detailed occupations for `text`, best first; [] when nothing is close.

        A SOC code in the text (current, or retired and mapped to its successor) comes first. The
        partnership's industry (`industry_code`) breaks near ties toward the families it employs.
        """
        from rapidfuzz import process

        raw = text.strip()
        typed = self._code_in(raw)
        if typed and is_soc_code(raw):
            code, retired = typed
            return [Suggestion(code, self.titles[code], 100.0, retired)]
        query = " ".join(self._correct(w) for w in self._compounds(normalise(_CODE_IN_TEXT.sub(" ", raw)).split()))
        out: list[Suggestion] = []
        if typed:
            out.append(Suggestion(typed[0], self.titles[typed[0]], 100.0, typed[1]))
        if not query:
            return out[:limit]
        hits = process.extract(
            query,
            self._choices,
            scorer=_score,
            limit=max(limit * 12, 80),  # room for the industry and lead bonuses to reorder near ties
            score_cutoff=62,
            processor=None,
            scorer_kwargs={"weight": self._weight},
        )
        families = industry_families(industry_code)
        leads = bool(_LEADS.search(query))  # "foreman", "lead", "supervisor": the person in charge, not the trade
        best: dict[str, float] = {}
        for _choice, score, index in hits:
            code = self._owners[index]
            if leads and code in self._supervisory:
                score += LEAD_BONUS
            if code[:2] in families:
                score += INDUSTRY_BONUS[min(families.index(code[:2]), len(INDUSTRY_BONUS) - 1)]
            best[code] = max(best.get(code, 0.0), score)
        ranked = sorted(best.items(), key=lambda kv: (-kv[1], self.titles[kv[0]]))
        seen = {s.code for s in out}
        out += [Suggestion(c, self.titles[c], round(min(sc, 100.0), 1)) for c, sc in ranked if c not in seen]
        return out[:limit]


def _score(query: str, choice: str, *, score_cutoff: float = 0, weight: dict | None = None, **_kw) -> float:
    """Whole words first: a query word found in the title counts fully, a near spelling counts less."""
    from rapidfuzz import fuzz

    if query == choice:
        return 100.0
    token_set = fuzz.token_set_ratio(query, choice)
    # token_set_ratio gives 100 to any title containing all query words, however long:
    # prefer the title that says the least beyond the query.
    q, c = set(query.split()), set(choice.split())
    extra = len(c - q)
    missing = sum((weight or {}).get(w, 1.0) for w in q - c)
    whole = fuzz.token_sort_ratio(query, choice)
    score = 0.6 * token_set + 0.4 * whole - 2.0 * extra - 1.0 * missing
    if not q & c:
        score *= 0.75  # only a near spelling ("janitor" ~ "auditor"): well below a shared word
    return max(0.0, score)
