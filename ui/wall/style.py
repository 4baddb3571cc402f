"""The look of the wall, shared by the scene, the picture and presentation mode.

Sizes are scene units (pixels at 1:1 zoom). A card is a 5x8 index card on
felt; the colours follow the room (yellow occupations, header cards of
another colour, a third colour for skills), and the kind is also written on
the card, so colour is never the only cue.
"""

from __future__ import annotations

from dataclasses import dataclass, replace
from functools import lru_cache

from PySide6.QtGui import QColor, QFont, QFontDatabase

import resources

CARD_W = 240.0
CARD_H = 150.0
GAP = 18.0  # between cards of a cell
CELL_PAD = 16.0  # inside a cell, around its cards
COLUMN_GAP = 14.0  # between category columns
HEADER_H = 96.0
LABEL_W = 240.0  # the level labels at the left ("Advanced" in the far view's type)
TRAY_COLS = 2  # the unsorted tray is two cards wide
MARGIN = 30.0
LEGEND_H = 40.0  # the line under the wall that says what the reason letters mean

KIND_LABELS = {"occupation": "OCCUPATION", "skill": "SKILL", "note": "NOTE", "program": "PROGRAM"}
REASON_LETTERS = {"volume": "V", "hard-to-fill": "H", "turnover": "T", "cost": "C", "growth": "G"}

# Text smaller than this on screen is noise, not words: skip it (at the normal size, below
# ~0.35 zoom), and well below that draw plain rectangles. 8 px keeps the words of a whole
# demo-sized wall fitted beside the docks on a 1280 px laptop (~0.25 zoom, far type).
MIN_SCREEN_TEXT_PX = 8.0
FAR_BELOW = 0.6  # below this zoom the wall is "seen from afar": bigger type, fewer details
LOD_PLAIN = 0.22


@dataclass(frozen=True)
class Look:
    """One consistent set of colours and type sizes."""

    felt: str = "#2f4a6d"  # the blue sticky wall
    cell: str = "#36557c"
    cell_alt: str = "#3b5c85"
    skills_cell: str = "#2b4465"
    tray: str = "#4a5568"
    grid_text: str = "#e8eef7"
    occupation: str = "#ffe47a"
    skill: str = "#b5e3b0"
    note: str = "#f7c3d4"
    program: str = "#a9d8f2"  # the asset map's program cards: a fourth colour
    prompt: str = "#e2e5ea"
    header: str = "#f2994a"
    card_text: str = "#1b1b1b"
    card_edge: str = "#7a6a2a"
    kind_text: str = "#5b5440"
    selection: str = "#00a2ff"
    drop: str = "#ff3d7f"
    badge: str = "#c0392b"
    badge_text: str = "#ffffff"
    edge_width: float = 1.2
    text_px: float = 23.0  # card text at 1:1
    small_px: float = 11.5  # kind label, SOC code, reasons
    header_px: float = 22.0
    label_px: float = 24.0
    bold_text: bool = False
    least_px: float = 0.0  # the minimum type size setting: card text never shrinks below it
    dim: float = 0.22  # opacity of cards a search does not match
    far_below: float = FAR_BELOW  # zoom below which type grows and details go

    def colour_of(self, kind: str, prompt: bool) -> str:
        if prompt:
            return self.prompt
        return {"occupation": self.occupation, "skill": self.skill, "program": self.program}.get(kind, self.note)

    def bigger(self, factor: float) -> Look:
        return replace(
            self,
            text_px=self.text_px * factor,
            small_px=self.small_px * min(factor, 1.25),
            header_px=self.header_px * factor,
            label_px=self.label_px * factor,
        )


NORMAL = Look()
HIGH_CONTRAST = Look(
    felt="#000000",
    cell="#141414",
    cell_alt="#1f1f1f",
    skills_cell="#0a0a2a",
    tray="#262626",
    grid_text="#ffffff",
    occupation="#fff200",
    skill="#7dff8a",
    note="#ffb3e6",
    program="#7fdfff",
    prompt="#ffffff",
    header="#ffffff",
    card_text="#000000",
    card_edge="#000000",
    kind_text="#000000",
    selection="#00e5ff",
    drop="#ff00aa",
    edge_width=3.0,
    bold_text=True,
    dim=0.3,
)
# The printed picture: white paper, the same cards, always in the large type of the far view
# (the page is the wall seen from afar; the PDF's tables carry the SOC codes and reasons).
PAPER = replace(
    NORMAL,
    felt="#ffffff",
    cell="#f1f4f8",
    cell_alt="#e9eef5",
    skills_cell="#e6ede3",
    tray="#eeeeee",
    grid_text="#1b2a3a",
    far_below=10.0,
)


PRESENTATION_TYPE = 1.3  # presentation mode: type this much larger
PRESENTING_FAR_BELOW = 10.0  # presentation mode keeps the far view's type up to a 10x zoom: always, in practice


def wall_look(*, high_contrast: bool = False, presenting: bool = False, min_type_pt: float = 0.0) -> Look:
    """The look the wall page shows (and the picture draws): contrast, presentation type, the minimum size."""
    look = HIGH_CONTRAST if high_contrast else NORMAL
    if presenting:
        # The projector is the wall seen from afar at any zoom: the large type, the reasons and who named
        # each card, not the laptop's SOC codes and marks in 9 px letters (a 1920 screen fits a demo wall
        # above FAR_BELOW).
        look = replace(look.bigger(PRESENTATION_TYPE), far_below=PRESENTING_FAR_BELOW)
    if min_type_pt:
        px = min_type_pt * 4 / 3  # points to pixels at 1:1
        look = replace(
            look,
            text_px=max(look.text_px, px),
            header_px=max(look.header_px, px),
            label_px=max(look.label_px, px),
            small_px=max(look.small_px, min(px * 0.6, 16.0)),
            least_px=px,
        )
    return look


def text_colour_on(background: str) -> QColor:
    """Black or white, whichever reads better on `background`."""
    c = QColor(background)
    luminance = 0.299 * c.red() + 0.587 * c.green() + 0.114 * c.blue()
    return QColor("#111111") if luminance > 150 else QColor("#ffffff")


@lru_cache(maxsize=1)
def font_family() -> str:
    """DejaVu Sans from resources/fonts: the same letters on every machine and in the PDF."""
    family = ""
    for name in ("DejaVuSans.ttf", "DejaVuSans-Bold.ttf"):
        font_id = QFontDatabase.addApplicationFont(str(resources.path("fonts", name)))
        families = QFontDatabase.applicationFontFamilies(font_id) if font_id >= 0 else []
        family = family or (families[0] if families else "")
    return family or "Sans Serif"


def fitted_font(text: str, width: float, height: float, px: float, *, bold: bool = False, least: float = 12.0) -> QFont:
    """The largest font up to `px` (and not below `least`) in which `text`, wrapped, fits the box."""
    from PySide6.QtCore import QRectF, Qt
    from PySide6.QtGui import QFontMetricsF

    size = px
    while True:
        f = font(size, bold=bold)
        box = QFontMetricsF(f).boundingRect(QRectF(0, 0, width, 10_000), Qt.TextWordWrap, text)
        if (box.width() <= width and box.height() <= height) or size <= least:
            return f
        size = max(least, size * 0.9)


def font(px: float, *, bold: bool = False) -> QFont:
    f = QFont(font_family())
    f.setPixelSize(max(1, round(px)))
    f.setBold(bold)
    return f
