"""What a pile says to the room and to the pointer: its reasons with counts, and its tooltip."""

from __future__ import annotations

import html
from collections import Counter

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
