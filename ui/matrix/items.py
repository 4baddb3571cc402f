"""What the matrix shows: function header cards and task cards, painted (no text items per card).

An item mirrors one domain entity and holds no data of its own beyond what
it needs to paint; the scene sets `state` from the domain and calls update().
"""

from __future__ import annotations

from dataclasses import dataclass, field
from functools import lru_cache

from PySide6.QtCore import QRectF, Qt
from PySide6.QtGui import QBrush, QColor, QFont, QFontMetricsF, QPainter, QPen
from PySide6.QtWidgets import QGraphicsItem

from ui.wall.style import font_family  # one font set-up for the wall and the matrix

# Below these scales text is too small to read: skip it, then skip the details (DESIGN.md traps).
# A matrix holds dozens of cards, not thousands: six columns fitted to a 1280 px laptop (~0.45) keep their words.
LOD_TEXT = 0.42
LOD_PLAIN = 0.25

CARD_W = 250.0  # the widest card; a short, wide matrix narrows its cards (down to NARROWEST) to fill the page
NARROWEST = 170.0
HEADER_H = 92.0
PAD = 10.0
DOT_R = 9.0
BADGE_R = 22.0  # the count badge's radius
LABEL_PX = 15.0
TEXT_PX = 17.0
HEADER_PX = 19.0
HEADER_LEAST = 13.0

TASK_COLOUR = "#ffe47a"  # yellow index card, as on the felt
ROOM_COLOUR = "#fff6c9"  # a task added in the room: paler, and marked "added in the room"
HEADER_COLOUR = "#f2994a"
UNASSIGNED_COLOUR = "#cfd8e3"
HEAT = "#e8590c"  # the most-voted task is shaded toward this
EDGE = "#7a6a2a"
SELECTION = "#00a2ff"
TEXT = "#1b1b1b"


@lru_cache(maxsize=64)
def _font(px: int, bold: bool) -> QFont:
    f = QFont(font_family())
    f.setPixelSize(max(1, px))
    f.setBold(bold)
    return f


def font(px: float, *, bold: bool = False) -> QFont:
    return QFont(_font(round(px), bold))


def _fm(px: float, bold: bool = False) -> QFontMetricsF:
    return QFontMetricsF(font(px, bold=bold))


def text_height(text: str, width: float, px: float = TEXT_PX, *, bold: bool = False) -> float:
    rect = _fm(px, bold).boundingRect(QRectF(0, 0, width, 10_000), int(Qt.TextWordWrap), text)
    return rect.height()


@lru_cache(maxsize=1024)
def header_px(title: str, width: float) -> float:
    """The title's type size: HEADER_PX, or smaller so its longest word fits a narrow card (never cut)."""
    px = HEADER_PX
    while px > HEADER_LEAST and max((_fm(px, True).horizontalAdvance(w) for w in title.split()), default=0) > width:
        px -= 1
    return px


def header_width(card_w: float, lettered: bool) -> float:
    return card_w - 2 * PAD - (38 if lettered else 0)


@lru_cache(maxsize=1024)
def header_height(title: str, lettered: bool = True, card_w: float = CARD_W) -> float:
    """A header card tall enough for its whole title (the title is what people read aloud)."""
    width = header_width(card_w, lettered)
    return max(HEADER_H, text_height(title, width, header_px(title, width), bold=True) + 2 * PAD + 4)


@lru_cache(maxsize=8192)
def card_height(text: str, card_w: float = CARD_W) -> float:
    """Label line, wrapped text (at most 7 lines), a dot row."""
    lines = min(text_height(text, card_w - 2 * PAD), _fm(TEXT_PX).lineSpacing() * 7)
    return PAD + LABEL_PX + 6 + lines + 8 + 2 * DOT_R + PAD


def blend(a: str, b: str, t: float) -> QColor:
    ca, cb = QColor(a), QColor(b)
    t = max(0.0, min(1.0, t))
    return QColor(
        round(ca.red() + (cb.red() - ca.red()) * t),
        round(ca.green() + (cb.green() - ca.green()) * t),
        round(ca.blue() + (cb.blue() - ca.blue()) * t),
    )


@dataclass
class TaskLook:
    """Everything a task card shows, computed by the scene from the domain."""

    label: str = ""
    text: str = ""
    added_in_room: bool = False
    dots: list[str] = field(default_factory=list)  # one colour per dot shown
    tally: int = 0  # physical dots typed in (shown after reveal)
    count: int | None = None  # the total, None while hidden
    heat: float = 0.0  # 0..1, share of the most-voted total
    top: bool = False  # one of the top tasks after the vote
    typing: str | None = None  # a tally being typed on this card


class TaskItem(QGraphicsItem):
    """A task on an index card: its DACUM label, its words, the dots on it."""

    def __init__(self, task_id: str) -> None:
        super().__init__()
        self.task_id = task_id
        self.look = TaskLook()
        self.width = CARD_W
        self.height = 100.0
        self.setFlag(QGraphicsItem.ItemIsSelectable, True)
        self.setAcceptHoverEvents(False)
        self.setCacheMode(QGraphicsItem.DeviceCoordinateCache)

    def set_look(self, look: TaskLook, width: float = CARD_W) -> None:
        height = card_height(look.text, width)
        if (width, height) != (self.width, self.height):
            self.prepareGeometryChange()
            self.width, self.height = width, height
            self.update()
        if look != self.look:
            if look.text != self.look.text:
                self.setToolTip(look.text)  # the whole task, when the card has to cut it short
            self.look = look
            self.update()

    def boundingRect(self) -> QRectF:
        return QRectF(-2, -18, self.width + 12, self.height + 20)  # the count badge sits over the corner

    def card_rect(self) -> QRectF:
        return QRectF(0, 0, self.width, self.height)

    def text_rect(self) -> QRectF:
        top = PAD + LABEL_PX + 6
        return QRectF(PAD, top, self.width - 2 * PAD, self.height - top - 2 * DOT_R - PAD - 8)

    def count_rect(self) -> QRectF:
        """The count badge: over the top right corner, above the task's words (it never covers them)."""
        r = BADGE_R
        bottom = PAD + LABEL_PX + 4  # the text starts below
        return QRectF(self.width - 2 * r + 6, bottom - 2 * r, 2 * r, 2 * r)

    def tag_rects(self) -> list[tuple[str, QRectF]]:
        """The label's pills ("TOP", "added in the room"), those that fit beside the label and clear of the badge."""
        look = self.look
        tags = [t for t, on in (("TOP", look.top), ("added in the room", look.added_in_room)) if on]
        limit = self.count_rect().left() - 4 if look.count else self.width - PAD
        x = PAD + _fm(LABEL_PX, True).horizontalAdvance(look.label) + 8
        out = []
        for tag in tags:
            width = _fm(11, True).horizontalAdvance(tag) + 12
            if x + width > limit:
                break  # the tooltip and the details dock still say it
            out.append((tag, QRectF(x, PAD + 1, width, LABEL_PX + 2)))
            x += width + 6
        return out

    def paint(self, painter: QPainter, option, widget=None) -> None:
        look = self.look
        lod = option.levelOfDetailFromTransform(painter.worldTransform())
        base = ROOM_COLOUR if look.added_in_room else TASK_COLOUR
        fill = blend(base, HEAT, look.heat * 0.7) if look.count else QColor(base)
        edge = QPen(QColor(SELECTION), 4) if self.isSelected() else QPen(QColor(EDGE), 1.2)
        if look.top and not self.isSelected():
            edge = QPen(QColor("#1b64c8"), 3)
        if look.added_in_room and not self.isSelected() and not look.top:
            edge.setStyle(Qt.DashLine)
        painter.setPen(edge)
        painter.setBrush(fill)
        painter.drawRoundedRect(self.card_rect(), 5, 5)
        if lod < LOD_PLAIN:
            return
        dark = fill.lightness() < 120
        ink = QColor("#ffffff" if dark else TEXT)
        if lod >= LOD_TEXT:
            painter.setPen(QColor("#ffffff" if dark else "#3d3829"))
            painter.setFont(font(LABEL_PX, bold=True))
            label_rect = QRectF(PAD, PAD, self.width - 2 * PAD - 40, LABEL_PX + 4)
            painter.drawText(label_rect, Qt.AlignLeft | Qt.AlignVCenter, look.label)
            for tag, pill in self.tag_rects():
                self._paint_tag(painter, pill, tag, top=tag == "TOP")
            painter.setPen(ink)
            painter.setFont(font(TEXT_PX))
            text_rect = self.text_rect()
            painter.drawText(text_rect, Qt.TextWordWrap | Qt.AlignLeft | Qt.AlignTop, _elide(look.text, text_rect))
        self._paint_dots(painter)
        if look.count is not None and look.count > 0:
            self._paint_count(painter, look.count)
        if look.typing is not None:
            self._paint_typing(painter, look.typing)

    def _paint_tag(self, painter: QPainter, pill: QRectF, tag: str, *, top: bool) -> None:
        painter.setFont(font(11, bold=True))
        painter.setPen(Qt.NoPen)
        painter.setBrush(QColor("#1b64c8" if top else "#6b5d1f"))
        painter.drawRoundedRect(pill, 4, 4)
        painter.setPen(QColor("#ffffff"))
        painter.drawText(pill, Qt.AlignCenter, tag)

    def _paint_dots(self, painter: QPainter) -> None:
        y = self.height - PAD - DOT_R
        dots = self.look.dots
        # Every dot shows: many on a narrow card get smaller rather than fall off its edge.
        room = self.width - 2 * PAD - (84 if self.look.tally and self.look.count is not None else 0)
        r = max(3.0, min(DOT_R, (room / max(1, len(dots)) - 4) / 2))
        x = PAD + r
        painter.setPen(QPen(QColor("#ffffff"), 1.5))
        for colour in dots:
            painter.setBrush(QColor(colour))
            painter.drawEllipse(QRectF(x - r, y - r, 2 * r, 2 * r))
            x += 2 * r + 4
        if self.look.tally and self.look.count is not None:
            painter.setBrush(QColor("#4a5568"))
            pill = QRectF(x - r, y - DOT_R, 80, 2 * DOT_R)
            painter.drawRoundedRect(pill, DOT_R, DOT_R)
            painter.setPen(QColor("#ffffff"))
            painter.setFont(font(12, bold=True))
            painter.drawText(pill, Qt.AlignCenter, f"+{self.look.tally} room")

    def _paint_count(self, painter: QPainter, count: int) -> None:
        badge = self.count_rect()
        painter.setPen(QPen(QColor("#ffffff"), 2))
        painter.setBrush(QColor("#c0392b"))
        painter.drawEllipse(badge)
        painter.setPen(QColor("#ffffff"))
        painter.setFont(font(20 if count < 100 else 15, bold=True))
        painter.drawText(badge, Qt.AlignCenter, str(count))

    def _paint_typing(self, painter: QPainter, typing: str) -> None:
        box = QRectF(PAD / 2, self.height / 2 - 30, self.width - PAD, 60)  # two lines on a narrow card
        painter.setPen(QPen(QColor("#1b64c8"), 2))
        painter.setBrush(QColor(255, 255, 255, 235))
        painter.drawRoundedRect(box, 6, 6)
        painter.setPen(QColor("#1b1b1b"))
        painter.setFont(font(18, bold=True))
        painter.drawText(box, Qt.AlignCenter | Qt.TextWordWrap, f"Dots in the room: {typing}▏  Enter")


def _elide(text: str, rect: QRectF) -> str:
    """The text, cut with an ellipsis where it would run past the card."""
    fm = _fm(TEXT_PX)
    if fm.boundingRect(QRectF(0, 0, rect.width(), 10_000), int(Qt.TextWordWrap), text).height() <= rect.height() + 1:
        return text
    words = text.split()
    lo, hi = 0, len(words)
    while lo < hi:
        mid = (lo + hi + 1) // 2
        candidate = " ".join(words[:mid]) + "…"
        fits = fm.boundingRect(QRectF(0, 0, rect.width(), 10_000), int(Qt.TextWordWrap), candidate).height()
        if fits <= rect.height() + 1:
            lo = mid
        else:
            hi = mid - 1
    return " ".join(words[:lo]) + "…"


class FunctionItem(QGraphicsItem):
    """A function's header card: its DACUM letter and its title (or "Unassigned")."""

    def __init__(self, function_id: str | None) -> None:
        super().__init__()
        self.function_id = function_id
        self.letter = ""
        self.title = ""
        self.width = CARD_W
        self.height = HEADER_H
        self.setFlag(QGraphicsItem.ItemIsSelectable, function_id is not None)

    def set_text(self, letter: str, title: str, *, width: float = CARD_W, height: float = HEADER_H) -> None:
        if (width, height) != (self.width, self.height):
            self.prepareGeometryChange()
            self.width, self.height = width, height
        if (letter, title) != (self.letter, self.title):
            self.letter, self.title = letter, title
            self.update()

    def boundingRect(self) -> QRectF:
        return QRectF(-2, -2, self.width + 4, self.height + 4)

    def paint(self, painter: QPainter, option, widget=None) -> None:
        colour = HEADER_COLOUR if self.function_id else UNASSIGNED_COLOUR
        painter.setPen(QPen(QColor(SELECTION), 4) if self.isSelected() else QPen(QColor("#8a4b12"), 1.2))
        painter.setBrush(QBrush(QColor(colour)))
        painter.drawRoundedRect(QRectF(0, 0, self.width, self.height), 6, 6)
        if option.levelOfDetailFromTransform(painter.worldTransform()) < LOD_TEXT:
            return
        painter.setPen(QColor("#1b1b1b"))
        inner = QRectF(PAD, PAD, self.width - 2 * PAD, self.height - 2 * PAD)
        if self.letter:
            painter.setFont(font(26, bold=True))
            painter.drawText(QRectF(inner.x(), inner.y(), 36, inner.height()), Qt.AlignLeft | Qt.AlignTop, self.letter)
            inner.adjust(38, 0, 0, 0)
        painter.setFont(font(header_px(self.title, header_width(self.width, bool(self.letter))), bold=True))
        painter.drawText(inner, Qt.TextWordWrap | Qt.AlignLeft | Qt.AlignVCenter, self.title)
