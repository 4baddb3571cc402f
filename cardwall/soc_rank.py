"""How well a typed title's words cover a SOC title (or one of its other names), and it theirs.

Each word counts by how much it says (a rare word such as "drywall" or "sonographer" more than
"operator" or "worker"). A query word found in a title counts fully; one that shares its root
("welder" and "welding") counts in part. A title that explains all the typed words and says
little beyond them scores highest. Only titles sharing a word or a root with the query are scored.
"""

from __future__ import annotations

import math
from collections import Counter, defaultdict
from collections.abc import Sequence

from cardwall.soc_words import KIN, head_of, names_person, root

ROOT_CREDIT = 0.6  # "welder" typed, "welding" in the title: related, not the same occupation word
KIN_CREDIT = 0.45  # "builder" typed, "assembler" in the title: the same kind of work, said otherwise
# A one-word name ("lead", "clerk") says too little to be wholly explained by a longer title's one word: it counts
# as if it said a little more, so "Distribution center lead" is not simply a "lead" of production. Typed alone, it is.
LEAST_SAID = 1.3
QUERY_SHARE = 0.6  # how much of the score is "the typed words are explained" (the rest: "the title is")
HEAD_WEIGHT = 1.6  # the last word of a title names the occupation ("clerk", "driver", "aide")
# Typed words that name only the work ("roofing", "welding", "hvac") mean the person who does it: a title whose
# person they do not name at all ("roofing estimator", "welding instructor") is someone else working with it.
HEADLESS = 0.75
# A title that does not name the person typed, not even by root or kind: a "weld inspector" is an inspector, and a
# name of the work alone ("welding") or of another person ("welding engineer") is someone else's.
OTHER_PERSON = 0.8
# A title whose person outranks the typed one: a manager for a typed supervisor or clerk, a supervisor for a clerk.
OUTRANKED = 0.7
RANKS = {"supervisor": 1, "foreman": 1, "lead": 1, "leader": 1, "manager": 2, "director": 2, "superintendent": 2}
WORK_ENDINGS = ("ing", "ical")  # words for the work itself: roofing, welding, plumbing, electrical


class TitleIndex:
    """Titles as word sets, with word weights and postings by word and by root, built once."""

    def __init__(self, titles: Sequence[Sequence[str]]) -> None:
        self.words = [frozenset(t) for t in titles]
        counts = dict(Counter(w for words in self.words for w in words))
        # Word by word once, not title by title: ten thousand names share a few thousand words.
        root_of = {w: root(w) for w in counts}
        persons = {w for w in counts if names_person(w)}
        # Each title's person: typed words that name only the work and miss it mean someone else (HEADLESS).
        self.heads = [next((w for w in reversed(t) if w in persons), "") for t in titles]
        self.head_roots = [root_of[h] if h else "" for h in self.heads]
        self.roots = [frozenset(map(root_of.__getitem__, words)) for words in self.words]
        kin_words = {w for w in counts if w in KIN}
        self.kin = [frozenset(KIN[w] for w in words & kin_words) for words in self.words]
        idf = {w: math.log(len(titles) / n) + 0.5 for w, n in counts.items()}
        mean = sum(idf.values()) / max(len(idf), 1)
        self.weight = {w: v / mean for w, v in idf.items()}
        by_word: defaultdict[str, list[int]] = defaultdict(list)
        by_root: defaultdict[str, list[int]] = defaultdict(list)
        by_kin: defaultdict[int, list[int]] = defaultdict(list)
        for i, (words, roots, kin) in enumerate(zip(self.words, self.roots, self.kin, strict=True)):
            for w in words:
                by_word[w].append(i)
            for r in roots:
                by_root[r].append(i)
            for k in kin:
                by_kin[k].append(i)
        self._by_word, self._by_root, self._by_kin = dict(by_word), dict(by_root), dict(by_kin)
        self.said = [sum(map(self.weight.__getitem__, words)) for words in self.words]  # what each title says
        self.vocabulary = sorted(counts)
        self.counts = counts

    def _w(self, word: str) -> float:
        return self.weight.get(word, 1.0)

    def scores(self, query: Sequence[tuple[str, float]]) -> dict[int, float]:
        """Score (0-100) of every title sharing a word, root or kind with `query`: (word, factor) pairs, the
        factor saying how much the word counts (a qualifier's less, the occupation's head word more)."""
        if not query:
            return {}
        wanted: dict[str, float] = {}
        for word, factor in query:
            wanted[word] = max(wanted.get(word, 0.0), self._w(word) * factor)
        roots = {word: root(word) for word in wanted}
        candidates: set[int] = set()
        for word, r in roots.items():
            candidates.update(self._by_word.get(word, ()))
            candidates.update(self._by_root.get(r, ()))
            if word in KIN:
                candidates.update(self._by_kin.get(KIN[word], ()))
        total = sum(wanted.values())
        query_head = head_of(list(wanted))
        trade_only = not query_head  # "roofing", "hvac": the work typed, not who does it
        typed_rank = RANKS.get(query_head, 0)
        out: dict[int, float] = {}
        for i in candidates:
            words, title_roots = self.words[i], self.roots[i]
            got = 0.0
            explained: dict[str, float] = {}
            for word, weight in wanted.items():
                if word in words:
                    got += weight
                    explained[word] = 1.0
                elif roots[word] in title_roots:
                    # the work typed alone names whoever does it: "roofing" is wholly a "roofer" ("nursery" no nurse)
                    doer = trade_only and word.endswith(WORK_ENDINGS) and roots[word] == self.head_roots[i]
                    credit = 1.0 if doer else ROOT_CREDIT
                    got += weight * credit
                    for w in words:
                        if root(w) == roots[word]:
                            explained[w] = max(explained.get(w, 0.0), credit)
                elif word in KIN and KIN[word] in self.kin[i]:
                    got += weight * KIN_CREDIT
                    for w in words:
                        if KIN.get(w) == KIN[word]:
                            explained[w] = max(explained.get(w, 0.0), KIN_CREDIT)
            head = self.heads[i]
            said = self.said[i]
            if got < total - 1e-9:  # the floor keeps "lead" from explaining "distribution center lead"; a name
                said = max(said, LEAST_SAID)  # that is all the typed words, common as they are, is a whole match
            covered = sum(self._w(w) * credit for w, credit in explained.items())
            score = 100.0 * (QUERY_SHARE * got / total + (1 - QUERY_SHARE) * covered / said)
            if query_head and not (
                query_head in words
                or roots[query_head] in title_roots
                or (query_head in KIN and KIN[query_head] in self.kin[i])
            ):
                score *= OTHER_PERSON
            if head and head not in explained:
                if trade_only:
                    score *= HEADLESS
                elif RANKS.get(head, 0) > typed_rank:  # an "inventory control clerk" is no inventory control manager
                    score *= OUTRANKED
            out[i] = score
        return out
