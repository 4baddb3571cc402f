"""One index card on the wall, painted by hand (no text item per card: too slow and too heavy).

A card shows its text (wrapped, clipped with an ellipsis), its kind in
small capitals, the reasons given as letters, the SOC code, and for a pile
a count badge. Seen from afar (zoomed out, the projector) the text grows, the
SOC code goes, and the footer says why (a pile's reasons with counts) and who
named it (initials); further out it drops the text, then everything but its colour.
"""

from __future__ import annotations

from typing import NamedTuple

from PySide6.QtCore import QPointF, QRectF, QSizeF, Qt
from PySide6.QtGui import (
    QBrush,
    QColor,
    QFont,
    QFontMetricsF,
    QPainter,
    QPainterPath,
    QPen,
    QStaticText,
)
from PySide6.QtWidgets import QGraphicsItem, QStyleOptionGraphicsItem

from cardwall.model import Card
from ui.wall.card_text import best_step, fitted_text, floor_step
from ui.wall.style import (
    CARD_H,
    CARD_W,
    KIND_LABELS,
    LOD_PLAIN,
    MIN_SCREEN_TEXT_PX,
    REASON_LETTERS,
    Look,
    fitted_font,
    font,
)
from ui.wall.tally import Footer

PAD = 12.0
PILE_OFFSET = 5.0
BODY = QRectF(0, 0, CARD_W, CARD_H)
BOUNDS = QRectF(-8, -22, CARD_W + 2 * PILE_OFFSET + 24, CARD_H + 2 * PILE_OFFSET + 30)
CARD_TYPE = QGraphicsItem.UserType + 1
# Flags combined once: building them in paint() costs more than drawing the text.
LEFT = Qt.AlignLeft | Qt.AlignVCenter
RIGHT = Qt.AlignRight | Qt.AlignVCenter


class Paints:
    """Pens, brushes and fonts of one Look, made once and shared by every card."""

    def __init__(self, look: Look) -> None:
        self.look = look
        keys = [("occupation", False), ("skill", False), ("note", False), ("program", False), ("occupation", True)]
        self.fill = {key: QBrush(QColor(look.colour_of(*key))) for key in keys}
        self.edge = QPen(QColor(look.card_edge), look.edge_width)
        self.edge.setCosmetic(False)
        self.prompt_edge = QPen(QColor("#555b66"), max(2.0, look.edge_width), Qt.DashLine)
        self.selected = QPen(QColor(look.selection), 6.0)
        self.text_pen = QPen(QColor(look.card_text))
        self.kind_pen = QPen(QColor(look.kind_text))
        self.pile_brush = QBrush(QColor(look.occupation).darker(125))
        self.badge_brush = QBrush(QColor(look.badge))
        self.badge_pen = QPen(QColor(look.badge_text))
        self.small_font = font(look.small_px, bold=True)
        self.badge_font = font(look.small_px * 1.5, bold=True)
        self.far_badge_font = font(look.small_px * 2.4, bold=True)
        self.text_rect = QRectF(PAD, PAD + look.small_px + 6, CARD_W - 2 * PAD, 0)
        self.text_rect.setBottom(CARD_H - PAD - look.small_px - 6)
        # Seen from afar (zoomed out, the projector) the text grows within the card and the
        # details go, so what is on screen stays readable: fewer words, bigger letters.
        self.far_px = look.text_px * FAR_TYPE
        self.far_below = look.far_below
        self.text_lod = MIN_SCREEN_TEXT_PX / self.far_px
        self._kind_fonts: dict[tuple[str, float], QFont] = {}
        self.far_badge_w = look.small_px * 4.2 * FAR_BADGE
        self.far_open = QRectF(PAD, PAD + look.small_px * FAR_KIND + 6, CARD_W - 2 * PAD, 0)
        self.far_open.setBottom(CARD_H - PAD + 2)
        # The far view's footer (reasons, who named it) in type as large as the kind label's, or larger;
        # a card with a footer lays its text out above it (`far_rect`), one without uses the whole card.
        self.foot_most = round(look.small_px * FAR_FOOT)
        self.foot_least = round(look.small_px * FAR_KIND * FOOT_LEAST)
        self._foot_fonts: dict[int, tuple[QFont, QFontMetricsF]] = {}
        foot_h = self.foot_fonts(self.foot_most)[1].height()
        self.foot_rect = QRectF(PAD, CARD_H - PAD / 2 - foot_h, CARD_W - 2 * PAD, foot_h)
        self.far_rect = QRectF(self.far_open)
        self.far_rect.setBottom(self.foot_rect.top())
        self.far_least = self.far_px * FAR_LEAST
        self.near_least = max(look.least_px, look.text_px * NEAR_LEAST)
        # The steps the cards in view share (ui/wall/card_text.py), set by the scene; 0 is the full size.
        self.far_shared = 0
        self.near_shared = 0

    def foot_fonts(self, px: int) -> tuple[QFont, QFontMetricsF]:
        found = self._foot_fonts.get(px)
        if found is None:
            found = self._foot_fonts[px] = (font(px, bold=True), QFontMetricsF(font(px, bold=True)))
        return found

    def foot_px(self, spare: float) -> int:
        """The footer's type size in `spare` height under the text: the largest that fits, 0 if none does."""
        for px in range(self.foot_most, self.foot_least - 1, -1):
            if self.foot_fonts(px)[1].height() <= spare:
                return px
        return 0

    def kind_font(self, kind: str, width: float) -> QFont:
        """The far view's kind label in its size, or smaller so it fits `width` (beside a pile's badge)."""
        key = (kind, width)
        found = self._kind_fonts.get(key)
        if found is None:
            px = self.look.small_px * FAR_KIND
            found = fitted_font(kind, width, px * 1.5, px, bold=True, least=px * 0.5)
            self._kind_fonts[key] = found
        return found

    def far_fit(self, text: str, *, footed: bool = False) -> tuple[QStaticText, QFont]:
        box = self.far_rect if footed else self.far_open
        return fitted_text(
            text, self.far_px, True, box.width(), box.height(), least=self.far_least, shared=self.far_shared
        )

    def near_fit(self, text: str) -> tuple[QStaticText, QFont]:
        box = self.text_rect
        look = self.look
        return fitted_text(
            text,
            look.text_px,
            look.bold_text,
            box.width(),
            box.height(),
            least=self.near_least,
            shared=self.near_shared,
        )

    def steps(self, text: str) -> tuple[int, int]:
        """The largest steps at which `text` fits whole: seen from afar, and at the laptop."""
        far, near = self.far_open, self.text_rect  # cards share the size the text fits without a footer
        look = self.look
        return (
            best_step(text, self.far_px, True, far.width(), far.height(), floor_step(self.far_px, self.far_least)),
            best_step(
                text,
                look.text_px,
                look.bold_text,
                near.width(),
                near.height(),
                floor_step(look.text_px, self.near_least),
            ),
        )

    def fill_for(self, card: Card) -> QBrush:
        if card.prompt:
            return self.fill[("occupation", True)]
        return self.fill.get((card.kind, False), self.fill[("note", False)])


FAR_TYPE = 1.5  # card text this much larger when zoomed out below FAR_BELOW
FAR_BADGE = 1.6  # and a pile's badge this much
FAR_LEAST = 0.45  # seen from afar, card text shrinks to fit down to this share of its size
FAR_KIND = 1.4  # the kind label seen from afar: this much larger than at the laptop, and no more
FAR_FOOT = 1.6  # the footer seen from afar (reasons, who named it): this much larger than at the laptop
FOOT_LEAST = 0.8  # and where the text leaves less room, down to this share of the far kind label's size
FOOT_GAP = 8.0  # between the text and its footer, a rule across the card: words and tally never run together


class FarFooter(NamedTuple):
    px: int = 0  # the footer's type size; 0: no footer under the text
    letters: str = ""  # the reasons, at the left
    beside: str = ""  # who named it, at the right
    above: str = ""  # who named it, on a line of its own above
    top: str = ""  # the reasons beside the kind label, when the text leaves no room under it


def _spare(p: Paints, static: QStaticText) -> float:
    """The height under a card's far text, down to the bottom of the footer's place, less a gap between them."""
    return p.foot_rect.bottom() - p.far_open.top() - static.size().height() - FOOT_GAP


NEAR_LEAST = 0.5  # at the laptop, down to this share (and never below the minimum type size)


class CardItem(QGraphicsItem):
    """A card, or a pile of cards shown as its bottom card with a count badge."""

    def __init__(self, card: Card, count: int, paints: Paints, *, member_of: str | None = None) -> None:
        super().__init__()
        self.card = card
        self.count = count
        self.paints = paints
        self.member_of = member_of  # an expanded pile's member: the root's id
        self.expanded = False  # a pile fanned out on the wall: its members stand beside it
        self.setFlag(QGraphicsItem.ItemIsSelectable)
        self._text: tuple[QStaticText, QFont] | None = None
        self._far_text: tuple[QStaticText, QFont] | None = None
        self._shared = (0, 0)  # the paints' shared steps the cached texts were laid out at
        self.footer = Footer()  # set by the scene: a pile's reasons with counts, who named it
        self._foot: FarFooter | None = None  # the far footer as last fitted to the far text

    @property
    def card_id(self) -> str:
        return self.card.id

    def type(self) -> int:
        return CARD_TYPE

    @property
    def reasons(self) -> str:
        """A pile's reasons with counts ("V2 H1"); "" for a single card."""
        return self.footer.reasons

    @reasons.setter
    def reasons(self, value: Footer | str) -> None:
        self.footer = value if isinstance(value, Footer) else Footer(value)  # a string: the reasons alone
        self._foot = None

    def set_card(self, card: Card, count: int, reasons: Footer | str = "") -> None:
        footer = reasons if isinstance(reasons, Footer) else Footer(reasons)
        if card != self.card or count != self.count or footer != self.footer:
            if card.text != self.card.text:
                self._text = None
            self._far_text = None  # a new text, or a footer come or gone (laid out from the shared cache)
            self.card, self.count, self.reasons = card, count, footer
            self.update()

    def set_paints(self, paints: Paints) -> None:
        self.paints, self._text, self._far_text, self._foot = paints, None, None, None
        self.update()

    def far_text(self) -> tuple[QStaticText, QFont]:
        """The text as the far view draws it: at the size the cards share, over the whole card (a pile's
        footer takes the room the text leaves, never room from the text)."""
        if self._far_text is None:
            self._far_text, self._foot = self.paints.far_fit(self.card.text), None
        return self._far_text

    def far_footer(self) -> FarFooter:
        """A pile's footer seen from afar (a single card keeps its words alone: the projector's OCR, and the
        room, read the wall best so): its reasons with counts ("V2 H1 G2") at the left and who named it at
        the right, as many as fit ("MCRH GVCC +2"), or on a line of their own above when the text leaves
        room for two lines; in the room the text leaves (never over it), as large as the kind label or
        larger. No room at all: the reasons go up beside the kind label (`top`), the title keeps its size."""
        static, _font = self.far_text()
        if self._foot is None:
            p = self.paints
            letters = self.footer.reasons or " ".join(REASON_LETTERS.get(r, "?") for r in self.card.reasons)
            foot = FarFooter()
            if self.count > 1:
                spare = _spare(p, static)
                px = p.foot_px(spare)
                if px == 0:
                    foot = FarFooter(top=letters)
                else:
                    metrics, width = p.foot_fonts(px)[1], p.foot_rect.width()
                    room = width - (metrics.horizontalAdvance(letters + "   ") if letters else 0)
                    beside = _fitted_names(self.footer.namers, room, metrics)
                    foot = FarFooter(px, letters, beside)
                    if beside != " ".join(self.footer.namers) and spare >= 2 * metrics.height():
                        foot = FarFooter(px, letters, "", _fitted_names(self.footer.namers, width, metrics))
            self._foot = foot
        return self._foot

    def boundingRect(self) -> QRectF:
        return BOUNDS

    def shape(self) -> QPainterPath:
        path = QPainterPath()
        path.addRect(BODY)
        return path

    def paint(self, painter: QPainter, option: QStyleOptionGraphicsItem, widget=None) -> None:
        p = self.paints
        card = self.card
        lod = option.levelOfDetailFromTransform(painter.worldTransform())
        if self._shared != (p.far_shared, p.near_shared):
            self._shared = (p.far_shared, p.near_shared)
            self._text = self._far_text = None
        if lod < LOD_PLAIN:
            painter.fillRect(BODY, p.fill_for(card))
            if self.isSelected():
                painter.fillRect(BODY.adjusted(0, 0, 0, -CARD_H * 0.6), QColor(p.look.selection))
            return
        if self.count > 1:  # a pile: the cards underneath peek out
            painter.setPen(p.edge)
            painter.setBrush(p.pile_brush)
            for step in (2, 1):
                painter.drawRect(BODY.translated(PILE_OFFSET * step, PILE_OFFSET * step))
        painter.setPen(p.prompt_edge if card.prompt else p.edge)
        painter.setBrush(p.fill_for(card))
        painter.drawRect(BODY)
        if self.member_of or self.expanded:  # the cards of a fanned-out pile share a red edge
            painter.fillRect(QRectF(0, 0, 7, CARD_H), p.badge_brush)
        if self.isSelected():
            painter.setPen(p.selected)
            painter.setBrush(Qt.NoBrush)
            painter.drawRect(BODY.adjusted(-3, -3, 3, 3))
        if lod < p.text_lod:
            return
        far = lod < p.far_below
        kind = "DATA" if card.prompt else KIND_LABELS.get(card.kind, card.kind.upper())
        painter.setPen(p.kind_pen)
        small = p.look.small_px
        if far:
            # A pile's badge stands at the top right: the kind label keeps clear of it, smaller if it must.
            width = CARD_W - 2 * PAD - (p.far_badge_w - PAD + 4 if self.count > 1 else 0)
            static, text_font = self.far_text()
            foot = self.far_footer()
            row = QRectF(PAD, PAD - 4, width, small * FAR_KIND + 6)
            if foot.top and small * FAR_KIND * lod >= MIN_SCREEN_TEXT_PX:  # no room under the text: beside the kind
                painter.setFont(p.kind_font(foot.top, width))
                painter.drawText(row, RIGHT, foot.top)
                width -= painter.fontMetrics().horizontalAdvance(foot.top + "  ")
            painter.setFont(p.kind_font(kind, width))
            painter.drawText(QRectF(PAD, PAD - 4, width, small * FAR_KIND + 6), LEFT, kind)
            origin = p.far_rect.topLeft()
            if foot.px and foot.px * lod >= MIN_SCREEN_TEXT_PX:  # smaller on screen is noise, not words
                painter.setFont(p.foot_fonts(foot.px)[0])
                line = QRectF(p.foot_rect)
                line.setTop(line.bottom() - painter.fontMetrics().height())
                painter.drawText(line, LEFT, foot.letters)
                painter.setFont(font(foot.px, bold=False))
                painter.drawText(line, RIGHT, foot.beside)
                if foot.above:
                    line.translate(0, -line.height())
                    painter.drawText(line, LEFT, foot.above)
                painter.drawLine(
                    QPointF(PAD, line.top() - FOOT_GAP / 2), QPointF(CARD_W - PAD, line.top() - FOOT_GAP / 2)
                )
        else:
            painter.setFont(p.small_font)
            top = QRectF(PAD, PAD - 4, CARD_W - 2 * PAD, small + 6)
            painter.drawText(top, LEFT, kind)
            third = card.round == 2
            marks = (
                "PILE · 3RD"
                if self.member_of and third
                else "IN PILE"
                if self.member_of
                else "3RD CARD"
                if third
                else ""
            )
            if marks:
                painter.drawText(top.adjusted(0, 0, -40 if self.count > 1 else 0, 0), RIGHT, marks)
            footer = QRectF(PAD, CARD_H - PAD - small - 2, CARD_W - 2 * PAD, small + 6)
            letters = self.reasons or " ".join(REASON_LETTERS.get(r, "?") for r in card.reasons)
            if letters:
                painter.drawText(footer, LEFT, letters)
            if card.soc_code:
                painter.drawText(footer, RIGHT, card.soc_code)
            if self._text is None:
                self._text = p.near_fit(card.text)
            static, text_font = self._text
            origin = p.text_rect.topLeft()
        painter.setPen(p.text_pen)
        painter.setFont(text_font)
        painter.drawStaticText(origin, static)
        if self.count > 1:
            self._paint_badge(painter, FAR_BADGE if far else 1.0)

    def _paint_badge(self, painter: QPainter, scale: float) -> None:
        p = self.paints
        size = QSizeF(p.look.small_px * 4.2 * scale, p.look.small_px * 2.3 * scale)
        rect = QRectF(QPointF(CARD_W - size.width() + 8, -10 * scale), size)
        painter.setPen(Qt.NoPen)
        painter.setBrush(p.badge_brush)
        painter.drawRoundedRect(rect, size.height() / 2, size.height() / 2)
        painter.setPen(p.badge_pen)
        painter.setFont(p.far_badge_font if scale > 1 else p.badge_font)
        painter.drawText(rect, Qt.AlignCenter, f"×{self.count}")


def _fitted_names(names: tuple[str, ...], width: float, metrics: QFontMetricsF) -> str:
    """As many of `names` as fit `width`, the rest counted ("MCRH GVCC +2"); "" if not even the count fits."""
    for keep in range(len(names), -1, -1):
        shown = " ".join([*names[:keep], *([f"+{len(names) - keep}"] if keep < len(names) else [])])
        if metrics.horizontalAdvance(shown) <= width:
            return shown
    return ""


def plain_batches(items, paints: Paints) -> list[tuple[QBrush, float, list[QRectF]]]:
    """Cards seen from very far, grouped by fill and opacity (the selection as a band of its own):
    a few `drawRects` calls paint a 5,000-card wall where one `paint` per card costs a frame twice over."""
    groups: dict[tuple[int, float], tuple[QBrush, float, list[QRectF]]] = {}
    band = QBrush(QColor(paints.look.selection))
    for item in items:
        if not item.isVisible():
            continue
        x, y, opacity = item.x(), item.y(), item.opacity()
        brush = paints.fill_for(item.card)
        groups.setdefault((id(brush), opacity), (brush, opacity, []))[2].append(QRectF(x, y, CARD_W, CARD_H))
        if item.isSelected():
            groups.setdefault((id(band), opacity), (band, opacity, []))[2].append(QRectF(x, y, CARD_W, CARD_H * 0.4))
    # The selection bands last, over their cards.
    return sorted(groups.values(), key=lambda g: g[0] is band)
