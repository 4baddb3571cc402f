"""What a pile says to the room and to the pointer: its reasons with counts, who named it, and its tooltip."""

from __future__ import annotations

import html
import re
from collections import Counter
from functools import lru_cache
from typing import NamedTuple

from cardwall.model import REASON_LABELS, REASONS, Session
from cardwall.wall import organizations
from ui.wall.style import REASON_LETTERS


def reason_counts(pile) -> list[tuple[str, int]]:
    """How many cards of a pile give each reason, in the legend's order."""
    counts = Counter(r for card in pile for r in set(card.reasons))
    return [(r, counts[r]) for r in REASONS if counts[r]]


def pile_reasons(pile) -> str:
    """A pile's reasons as the room reads them on the card: "V2 H1 G2"."""
    return " ".join(f"{REASON_LETTERS.get(r, '?')}{n}" for r, n in reason_counts(pile))


class Footer(NamedTuple):
    """The bottom line of a card on the wall: the reasons ("V2 H1 G2") and who named it ("MCRH", "GVCC")."""

    reasons: str = ""  # a pile's reasons with counts; "" for a single card (it shows its own letters)
    namers: tuple[str, ...] = ()


def pile_footer(session: Session, pile) -> Footer:
    """A pile's (or a single card's) footer: its reasons with counts, and the short names of who named it."""
    return Footer(
        pile_reasons(pile) if len(pile) > 1 else "", tuple(short_name(o) for o in organizations(session, pile))
    )


_SMALL_WORDS = {"of", "the", "and", "for", "a", "an", "at", "in", "on", "&", "-", "–", "·"}
_WORD = re.compile(r"[\w'’.]+")


@lru_cache(maxsize=512)
def short_name(name: str) -> str:
    """An organisation (or a person) as the projector can show it beside others: its initials.

    Whole names do not fit a card read from across the room ("Mesa County Regional Hospital" alone
    fills two lines); initials do, several to a line, and each employer knows its own ("MCRH").
    A one-word name of up to 8 letters stays whole ("Boeing"); a word already in capitals stays whole
    ("UPS Freight" is "UPSF")."""
    words = [w.strip(".'’") for w in _WORD.findall(name)]
    words = [w for w in words if w and w.casefold() not in _SMALL_WORDS]
    if not words:
        return name.strip()[:8]
    if len(words) == 1:
        word = words[0]
        return word if len(word) <= 8 else word[:6] + "."
    return "".join(w if len(w) > 1 and w.isupper() else w[0].upper() for w in words)


def tooltip_html(session: Session, pile) -> str:
    """The whole text, SOC code, reasons, who named it and the notes of a card or pile (root first)."""
    card = pile[0]
    parts = [f"<b>{html.escape(card.text)}</b>"]
    if card.soc_code:
        parts.append(html.escape(f"SOC {card.soc_code} {card.soc_title}".strip()))
    tally = reason_counts(pile)
    if tally:
        why = [REASON_LABELS.get(r, r) + (f" ({n} of {len(pile)})" if len(pile) > 1 else "") for r, n in tally]
        parts.append("Why: " + html.escape(", ".join(why)))
    orgs = organizations(session, pile)
    if len(pile) > 1:
        parts.append(f"A pile of {len(pile)} cards" + (": " + html.escape(", ".join(orgs)) if orgs else ""))
    elif orgs:
        parts.append("From " + html.escape(orgs[0]))
    if card.notes:
        parts.append("<i>" + html.escape(card.notes[:400]) + "</i>")
    return "<br>".join(parts)
