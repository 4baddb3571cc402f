"""The key to the initials on the wall: "Named by: MCRH Mesa County Regional Hospital · GVCC …".

A pile's footer seen from afar says who named it in initials ("MCRH GVCC +2", ui/wall/tally.py); the room
needs to know whose initials they are. The key lists the initials the piles show, with the organisations'
names, beside the why-critical legend and on under it when one line is not enough, in the footers' type;
never over the cards (the wall grows by the lines the legend's band cannot hold). It is drawn where the
footers are (the far view: presentation mode, the projector, `cardwall picture`), and not at all when no
pile shows initials.
"""

from __future__ import annotations

from PySide6.QtCore import QPointF, QRectF, Qt
from PySide6.QtGui import QColor, QFontMetricsF, QPen
from PySide6.QtWidgets import QGraphicsItem

from cardwall.model import Session
from cardwall.wall import organizations
from ui.wall.style import MIN_SCREEN_TEXT_PX, font
from ui.wall.tally import short_name

TITLE = "Named by:"
ENTRY_GAP = 1.6  # em between two entries of the key ("MCRH Mesa … Hospital    GVCC Grand …")
LINE_GAP = 0.2  # em between the key's lines


def shown_initials(session: Session, pile, item) -> tuple[tuple[str, str], ...]:
    """The (initials, organisation) pairs a pile's far footer shows ("+2" names no one)."""
    if item is None or len(pile) < 2:
        return ()
    foot = item.far_footer()
    if not foot.px:
        return ()
    shown = set((foot.beside or foot.above).split())
    return tuple((short, name) for name in organizations(session, pile) if (short := short_name(name)) in shown)


def key_entries(pairs) -> list[tuple[str, str]]:
    """One entry per initials, in alphabetical order; initials two organisations share name both."""
    names: dict[str, list[str]] = {}
    for short, name in pairs:
        if name not in names.setdefault(short, []):
            names[short].append(name)
    return [(short, " / ".join(names[short])) for short in sorted(names, key=str.casefold)]


class NamersKeyItem(QGraphicsItem):
    """The key as laid out for its place: a block in the wall's bottom right corner, each line ending at
    `width` (the wall's right edge), the first beside the legend (starting no nearer than `indent`)."""

    def __init__(self) -> None:
        super().__init__()
        self.entries: list[tuple[str, str]] = []
        self.runs: list[tuple[QPointF, str]] = []  # (baseline origin, text): "Named by:", "MCRH", "Mesa …", …
        self.rect = QRectF()
        self.px = 0.0
        self.show_px = 0.0  # the largest type the piles show their initials in: drawn when that is readable
        self.far_below = 0.0
        self.colour = QColor("#ffffff")
        self._placed: tuple = ()
        self.setZValue(5)

    def set_key(
        self,
        entries: list[tuple[str, str]],
        *,
        px: float,
        least_px: float,
        band: float,
        show_px: float,
        colour: str,
        far_below: float,
        indent: float,
        width: float,
    ) -> None:
        """Lay the key out in the legend's band (`band` high): in type up to `px`, down to `least_px` where
        that keeps it in the band; a key the band cannot hold even so takes lines below it at `px`."""
        placed = (tuple(entries), px, least_px, band, show_px, colour, far_below, indent, width)
        if placed == self._placed:
            return
        self._placed = placed
        self.prepareGeometryChange()
        self.entries, self.show_px, self.far_below = list(entries), show_px, far_below
        self.colour = QColor(colour)
        self.runs, self.rect, self.px = [], QRectF(), px
        size = px
        while entries:
            runs, rect = self._lay_out(size, indent, width)
            if rect.height() <= band:
                self.runs, self.rect, self.px = runs, rect, size
                break
            if size <= least_px:  # the band cannot hold it: the wall grows by the lines it needs
                self.runs, self.rect = self._lay_out(px, indent, width)
                break
            size = max(least_px, size - 1)
        self.setVisible(bool(entries))
        self.update()

    def _lay_out(self, px: float, indent: float, width: float) -> tuple[list, QRectF]:
        # Bold like the legend: the room reads it, and so does the OCR of the picture (thin letters beside
        # the cards cost it a whole card's words).
        metrics = QFontMetricsF(font(px, bold=True))
        line_h = metrics.height() * (1 + LINE_GAP)
        gap = metrics.horizontalAdvance("M") * ENTRY_GAP
        placed: list[tuple[int, float, str]] = []  # (line, x, text)
        ends = [0.0]  # where each line's last entry ends
        x = indent
        for n, (short, name) in enumerate([(TITLE, ""), *self.entries]):
            short_w = metrics.horizontalAdvance(short + " ")
            name_w = metrics.horizontalAdvance(name)
            if n and x > 0 and short_w + name_w > width - x:  # on to the next line, whole
                x = 0.0
                ends.append(0.0)
            if short_w + name_w > width - x:  # a name longer than a whole line: shortened, never off the wall
                name = metrics.elidedText(name, Qt.ElideRight, max(0.0, width - x - short_w))
                name_w = metrics.horizontalAdvance(name)
            placed.append((len(ends) - 1, x, short))
            if name:
                placed.append((len(ends) - 1, x + short_w, name))
            x += short_w + name_w + gap
            ends[-1] = x - gap
        # Every line ends at the wall's right edge: one block in the corner, the legend's start left clear.
        runs = [(QPointF(x + width - ends[line], line * line_h + metrics.ascent()), text) for line, x, text in placed]
        left = min(point.x() for point, _text in runs)
        return runs, QRectF(left, 0, width - left, (len(ends) - 1) * line_h + metrics.height())

    def lines(self) -> int:
        return len({round(point.y()) for point, _text in self.runs})

    def text(self) -> str:
        """The key as the room reads it, line by line (for tests and screen readers)."""
        rows: dict[int, list[str]] = {}
        for point, text in self.runs:
            rows.setdefault(round(point.y()), []).append(text)
        return "\n".join(" ".join(words) for _y, words in sorted(rows.items()))

    def boundingRect(self) -> QRectF:
        return self.rect

    def paint(self, painter, option, widget=None) -> None:
        lod = option.levelOfDetailFromTransform(painter.worldTransform())
        # Where the footers show their initials (the far view, large enough to read), and only there.
        if lod >= self.far_below or min(self.px, self.show_px) * lod < MIN_SCREEN_TEXT_PX:
            return
        painter.setPen(QPen(self.colour))
        painter.setFont(font(self.px, bold=True))
        for point, text in self.runs:
            painter.drawText(point, text)
