"""What a card's words mean in SOC terms: matching employers' job titles to detailed SOC occupations.

Employers write "CNC guy", "CDL-A driver", "Sr. Maint Tech II - Nights". We read the words
(cardwall/soc_words.py: shorthand expanded, levels, shifts and filler dropped, a qualifier after " - "
counting half), match them against the detailed occupations' titles and the other names people use
(cardwall/soc_lexicon.py, cardwall/soc_names.py) by weighted word coverage (cardwall/soc_rank.py),
and let the partnership's industry, the supervisor typed beside a trade and how many people hold each
occupation break near ties. Only detailed occupations are ever suggested: SOC levels are never mixed
in one list (seed 003, Appendix A). Also here: SOC levels and families, and how a wage is shown.
"""

from __future__ import annotations

import bisect
import itertools
import math
import re
from collections.abc import Iterable
from dataclasses import dataclass
from functools import lru_cache

from cardwall.soc_lexicon import INDUSTRY_FAMILIES, LEXICON, RETIRED
from cardwall.soc_names import ALTERNATE
from cardwall.soc_rank import HEAD_WEIGHT, TitleIndex
from cardwall.soc_words import FILLER, ROLES, root, segments, stem, title_words, words_of

TOP_CODE_ANNUAL = 239_200  # BLS publishes no median at or above this (OEWS May 2025)
_SOC = re.compile(r"^\d{2}-\d{4}$")
_CODE_IN_TEXT = re.compile(r"(?<!\d)(\d{2})-?(\d{4})(?!\d)")
_LEADS = re.compile(r"\b(supervisor|foreman|lead|leader|manager|superintendent)s?\b", re.I)
_FIRST_LINE = re.compile(r"supervisor|foreman|lead|leader")
TRADE_BONUS = 10.0  # toward the first-line supervisor of the trade typed beside "foreman" or "lead", from others
TRADE_MIN = 55.0  # the trade beside "foreman" must be read with some confidence to steer the supervisor
_TRADE_WORDS = re.compile(r"\b(apprentice|journeym[ae]n)\b", re.I)
APPRENTICE_BONUS = 6.0
TRADE_FAMILIES = ("47", "49", "51")  # construction, installation and repair, production: the apprenticed trades
LEAD_BONUS = 4.0  # "foreman" typed: the supervisor's code; none typed: the trade's, by as much
INDUSTRY_BONUS = (8.0, 4.0, 2.5, 1.5, 1.0)  # by the family's rank in the industry's list: a tie-breaker
RESIDUAL_PENALTY = 10.0  # an "All Other" occupation is right only when no named one is
PRIOR_MAX = 3.0  # points for how many people hold the occupation: a tie-breaker, never a verdict
MIN_SCORE = 30.0  # below this a title shares a word with the query by chance


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

    def __init__(self, occupations: Iterable[tuple[str, str, str]], employment: dict[str, int] | None = None) -> None:
        """`occupations`: (code, title, level) rows, only the detailed ones ever suggested; `employment`: national
        employment by code, which breaks near ties toward the occupation more people hold."""
        self.titles: dict[str, str] = {}
        choices: list[list[str]] = []
        owners: list[str] = []
        for code, title, level in occupations:
            if level != "detailed":
                continue
            self.titles[code] = title
            choices.append(title_words(title))
            owners.append(code)
        for code, names in [*LEXICON.items(), *ALTERNATE.items()]:
            if code not in self.titles:
                continue
            for name in names:
                choices.append(words_of(name))
                owners.append(code)
        self._index = TitleIndex(choices)
        self._owners = owners
        self._known = set(self._index.vocabulary)
        self._known_roots = {root(w) for w in self._known}
        # How often each word appears in the titles: a misspelling equally near two words is the commoner one.
        self._often = self._index.counts
        self._supervisory = {code for code, title in self.titles.items() if _LEADS.search(title)}
        self._residual = {code for code, title in self.titles.items() if title.endswith("All Other")}
        self._first_line = {code for code, title in self.titles.items() if title.startswith("First-Line")}
        self._prior = {code: _prior(n) for code, n in (employment or {}).items() if code in self.titles}
        self._correct = lru_cache(maxsize=4096)(self._correct_word)

    def _correct_word(self, word: str) -> str:
        """A word no title uses, read as the word it shortens ("phleb" -> "phlebotomist") or the one it misspells
        ("machinst" -> "machinist": one slip in a word of five letters or more, two in a long word, never the first
        letter), the commoner of equals; else as typed. ("side" is not "site": a short word is taken as typed.)"""
        if word in self._known or len(word) < 5 or not word.isalpha() or root(word) in self._known_roots:
            return word
        longer = len(word) >= 5 and self._starting(word)
        if longer:
            return max(longer, key=lambda w: self._often.get(w, 0))
        from rapidfuzz import process
        from rapidfuzz.distance import OSA

        slips = 1 if len(word) < 9 else 2
        hits = process.extract(word, self._index.vocabulary, scorer=OSA.distance, score_cutoff=slips, limit=8)
        hits = [h for h in hits if h[0][0] == word[0]]  # a slip seldom hits the first letter: "ride" is not "aide"
        if not hits:
            return word
        return min(hits, key=lambda h: (h[1], -self._often.get(h[0], 0)))[0]

    def _starting(self, prefix: str) -> list[str]:
        """The title words that begin with `prefix`."""
        vocabulary = self._index.vocabulary
        start = bisect.bisect_left(vocabulary, prefix)
        return list(itertools.takewhile(lambda w: w.startswith(prefix), vocabulary[start:]))

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
                    if head in self._known and (tail in self._known or stem(tail) in FILLER or tail in FILLER):
                        word = head if tail in FILLER or stem(tail) in FILLER else f"{head} {tail}"
                        break
            out.extend(word.split())
        return out

    def _query(self, text: str) -> list[tuple[str, float]]:
        """The typed words as titles spell them, each with how much it counts."""
        out: list[tuple[str, float]] = []
        for words, factor in segments(text):
            words = [self._correct(w) for w in self._compounds(words)]
            # The head word names the occupation, unless it names a role: then the words before it do.
            role = len(words) > 1 and words[-1] in ROLES
            heads = range(len(words) - 1) if role else [len(words) - 1]
            out += [(w, factor * HEAD_WEIGHT if i in heads and factor == 1 else factor) for i, w in enumerate(words)]
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

    def _ranked(self, query: list[tuple[str, float]], families: tuple[str, ...]) -> dict[str, float]:
        """Each occupation's best score for `query`, with the lead, industry, residual and employment adjustments."""
        leads = any(_LEADS.fullmatch(w) for w, _f in query)  # the person in charge, not the trade
        first_line = any(_FIRST_LINE.fullmatch(w) for w, _f in query)  # of which rank: "supervisor", not "manager"
        best: dict[str, float] = {}
        for index, score in self._index.scores(query).items():
            if score < MIN_SCORE:
                continue
            code = self._owners[index]
            if code in self._supervisory:
                score += (LEAD_BONUS if first_line == (code in self._first_line) else 0.0) if leads else -LEAD_BONUS
            if code[:2] in families:
                score += INDUSTRY_BONUS[min(families.index(code[:2]), len(INDUSTRY_BONUS) - 1)]
            if code in self._residual:
                score -= RESIDUAL_PENALTY
            best[code] = max(best.get(code, 0.0), score + self._prior.get(code, 0.0))
        return best

    def suggest(self, text: str, *, limit: int = 5, industry_code: str = "") -> list[Suggestion]:
        """The best detailed occupations for `text`, best first; [] when nothing is close.

        A SOC code in the text (current, or retired and mapped to its successor) comes first. The
        partnership's industry (`industry_code`) and how many people hold each occupation break near ties.
        """
        raw = text.strip()
        typed = self._code_in(raw)
        if typed and is_soc_code(raw):
            code, retired = typed
            return [Suggestion(code, self.titles[code], 100.0, retired)]
        query = self._query(_CODE_IN_TEXT.sub(" ", raw))
        out: list[Suggestion] = []
        if typed:
            out.append(Suggestion(typed[0], self.titles[typed[0]], 100.0, typed[1]))
        families = industry_families(industry_code)
        best = self._ranked(query, families)
        if _TRADE_WORDS.search(raw):  # an apprentice or journeyman works in a trade
            for code in best:
                if code[:2] in TRADE_FAMILIES:
                    best[code] += APPRENTICE_BONUS
        trade = [(w, f) for w, f in query if not _LEADS.fullmatch(w)]
        if trade and len(trade) < len(query) and any(_FIRST_LINE.fullmatch(w) for w, _f in query):
            # "Carpenter foreman": the supervisor of the trade typed, in the trade's family (47-1011, not 51-1011)
            done = {c: v for c, v in self._ranked(trade, families).items() if c not in self._supervisory}
            family = max(done, key=done.__getitem__)[:2] if done and max(done.values()) >= TRADE_MIN else ""
            for code in best:
                if family and code in self._supervisory:
                    best[code] += TRADE_BONUS if code[:2] == family else -TRADE_BONUS
        ranked = sorted(best.items(), key=lambda kv: (-kv[1], self.titles[kv[0]]))
        seen = {s.code for s in out}
        out += [Suggestion(c, self.titles[c], round(min(max(sc, 0.0), 100.0), 1)) for c, sc in ranked if c not in seen]
        return out[:limit]


def _prior(employment: int) -> float:
    """A few points toward occupations many hold (a million: +PRIOR_MAX) and away from rare ones."""
    if not employment:
        return -PRIOR_MAX
    return max(-PRIOR_MAX, min(PRIOR_MAX, PRIOR_MAX * (math.log10(employment) - 4.5) / 1.5))
