"""A card's text laid out to fit its card: wrapped, shrunk within a readable range, cut only when it must.

Sizes come in steps (STEPS) so that cards in view can share one size: the scene picks the step most
cards fit at (`shared_step`), each card draws at that step or, if its text needs it, a smaller one,
never below the readable floor. Only a text that cannot fit at the floor ends in an ellipsis (the
whole text is in the card's tooltip and the card dock).
"""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtGui import QFont, QFontMetricsF, QStaticText, QTextLayout, QTextOption

from ui.wall.style import font

STEPS = tuple(round(0.92**i, 4) for i in range(12))  # 1.0 down to ~0.40 of the look's size
SHARED_SHARE = 0.75  # cards in view share the size at least this share of them fit whole

_TEXT_CACHE: dict[tuple, tuple[QStaticText, QFont]] = {}
_STEP_CACHE: dict[tuple, int] = {}
_OPTION = QTextOption()
_OPTION.setWrapMode(QTextOption.WrapAtWordBoundaryOrAnywhere)


def floor_step(px: float, least: float) -> int:
    """The index of the smallest step that stays at or above `least` pixels."""
    index = 0
    for i, factor in enumerate(STEPS):
        if px * factor < least - 0.01:
            break
        index = i
    return index


def best_step(text: str, px: float, bold: bool, width: float, height: float, floor: int) -> int:
    """The largest step (lowest index) at which `text` fits whole with no word broken; `floor` + 1 if none."""
    key = (text, px, bold, width, height, floor)
    found = _STEP_CACHE.get(key)
    if found is not None:
        return found
    text = text.replace("\n", "\u2028")
    step = floor + 1
    for i in range(floor + 1):
        qfont = font(px * STEPS[i], bold=bold)
        if _words_fit(text, qfont, width) and _fitting_end(text, qfont, width, height) >= len(text):
            step = i
            break
    if len(_STEP_CACHE) > 50_000:
        _STEP_CACHE.clear()
    _STEP_CACHE[key] = step
    return step


def shared_step(steps: list[int], floor: int) -> int:
    """The step cards in view share: the one at least SHARED_SHARE of them fit whole at (0 if no cards)."""
    if not steps:
        return 0
    ordered = sorted(min(s, floor) for s in steps)
    return ordered[min(len(ordered) - 1, int(len(ordered) * SHARED_SHARE))]


def fitted_text(
    text: str, px: float, bold: bool, width: float, height: float, *, least: float = 0.0, shared: int = 0
) -> tuple[QStaticText, QFont]:
    """`text` wrapped to `width`: at step `shared` if it fits whole there, else at the largest smaller step
    that fits (not below `least` px), else at that floor cut with an ellipsis where it would pass `height`.
    Returns the prepared text and the font to draw it in."""
    key = (text, px, bold, width, height, least, shared)
    found = _TEXT_CACHE.get(key)
    if found is not None:
        return found
    floor = floor_step(px, least) if least else len(STEPS) // 3
    step = max(min(shared, floor), best_step(text, px, bold, width, height, floor))
    flowing = text.replace("\n", "\u2028")  # a line break the text layout honours
    shown = flowing
    chosen = font(px * STEPS[min(step, floor)], bold=bold)
    if step > floor:  # it cannot all fit at the floor: cut it there
        end = _fitting_end(flowing, chosen, width, height)
        if end < len(flowing):
            shown = flowing[:end].rstrip() + "…"
            while shown != "…" and _fitting_end(shown, chosen, width, height) < len(shown):
                shown = shown[:-2].rstrip() + "…"
    static = QStaticText(shown)
    static.setTextFormat(Qt.PlainText)  # people's words, never markup: "R&D <b>" stays as typed
    static.setTextOption(_OPTION)
    static.setTextWidth(width)
    static.setPerformanceHint(QStaticText.AggressiveCaching)
    static.prepare(font=chosen)
    if len(_TEXT_CACHE) > 20_000:
        _TEXT_CACHE.clear()
    _TEXT_CACHE[key] = (static, chosen)
    return static, chosen


def _words_fit(text: str, qfont: QFont, width: float) -> bool:
    metrics = QFontMetricsF(qfont)
    return all(metrics.horizontalAdvance(word) <= width for word in text.split())


def _fitting_end(text: str, qfont: QFont, width: float, height: float) -> int:
    """How many characters of `text` fit in the box."""
    layout = QTextLayout(text, qfont)
    layout.setTextOption(_OPTION)
    layout.beginLayout()
    y, end = 0.0, 0
    while True:
        line = layout.createLine()
        if not line.isValid():
            break
        line.setLineWidth(width)
        if y + line.height() > height + 0.5:
            break
        y += line.height()
        end = line.textStart() + line.textLength()
    layout.endLayout()
    return end
