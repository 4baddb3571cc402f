"""Display settings for the room: a minimum readable type size and high contrast.

Applied at once to the page in front (`page.set_min_type_size(pt)`,
`page.set_high_contrast(bool)` when it has them) and kept in
QSettings("Cardwall", "Cardwall") for the next start.
"""

from __future__ import annotations

from dataclasses import dataclass, replace

from PySide6.QtCore import QSettings
from PySide6.QtWidgets import QCheckBox, QDialog, QDialogButtonBox, QFormLayout, QLabel, QSpinBox, QWidget

MIN_TYPE_KEY = "display/min_type_pt"
HIGH_CONTRAST_KEY = "display/high_contrast"
DEFAULT_MIN_TYPE_PT = 12
TYPE_RANGE = (8, 48)


@dataclass(frozen=True)
class DisplaySettings:
    min_type_pt: int = DEFAULT_MIN_TYPE_PT
    high_contrast: bool = False


def _settings() -> QSettings:
    return QSettings("Cardwall", "Cardwall")


def load_display_settings() -> DisplaySettings:
    store = _settings()
    try:
        size = int(store.value(MIN_TYPE_KEY, DEFAULT_MIN_TYPE_PT))
    except (TypeError, ValueError):
        size = DEFAULT_MIN_TYPE_PT
    contrast = store.value(HIGH_CONTRAST_KEY, False)
    if isinstance(contrast, str):  # QSettings' ini backend gives "true"/"false"
        contrast = contrast.lower() == "true"
    return DisplaySettings(min_type_pt=max(TYPE_RANGE[0], min(TYPE_RANGE[1], size)), high_contrast=bool(contrast))


def save_display_settings(settings: DisplaySettings) -> None:
    store = _settings()
    store.setValue(MIN_TYPE_KEY, settings.min_type_pt)
    store.setValue(HIGH_CONTRAST_KEY, settings.high_contrast)
    store.sync()


def save_high_contrast(on: bool) -> None:
    """One switch changed (the Wall menu's toggle): the same key the dialog writes, the rest kept."""
    save_display_settings(replace(load_display_settings(), high_contrast=bool(on)))


def apply_display_settings(page, settings: DisplaySettings) -> None:
    """Hand the settings to a page that knows them (a page without them is left as it is)."""
    if page is None:
        return
    if hasattr(page, "set_min_type_size"):
        page.set_min_type_size(settings.min_type_pt)
    if hasattr(page, "set_high_contrast"):
        page.set_high_contrast(settings.high_contrast)


class SettingsDialog(QDialog):
    """Changes show on the page at once and are saved; Cancel puts back what was there."""

    def __init__(self, page=None, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle("Display settings")
        self.page = page
        self.original = load_display_settings()

        self.min_type = QSpinBox()
        self.min_type.setRange(*TYPE_RANGE)
        self.min_type.setSuffix(" pt")
        self.min_type.setValue(self.original.min_type_pt)
        self.min_type.setAccessibleName("Minimum readable type size")
        self.high_contrast = QCheckBox("High contrast (for a washed-out projector)")
        self.high_contrast.setChecked(self.original.high_contrast)
        self.min_type.valueChanged.connect(self._apply)
        self.high_contrast.toggled.connect(self._apply)

        buttons = QDialogButtonBox(QDialogButtonBox.Ok | QDialogButtonBox.Cancel)
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        form = QFormLayout(self)
        form.addRow(QLabel("Text on the wall is never drawn smaller than this, so the back of the room can read it."))
        form.addRow("Minimum type size", self.min_type)
        form.addRow("", self.high_contrast)
        form.addRow(buttons)

    def values(self) -> DisplaySettings:
        return DisplaySettings(min_type_pt=self.min_type.value(), high_contrast=self.high_contrast.isChecked())

    def _apply(self, *_args) -> None:
        settings = self.values()
        save_display_settings(settings)
        apply_display_settings(self.page, settings)

    def reject(self) -> None:
        save_display_settings(self.original)
        apply_display_settings(self.page, self.original)
        super().reject()
