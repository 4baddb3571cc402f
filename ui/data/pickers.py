"""Type-to-filter pickers for a partnership's region (OEWS areas) and industry (OEWS industries).

Each is a line edit with a completer that matches anywhere in the name
("denver" finds "Denver-Aurora-Centennial, CO"). A picked name carries its
code; free text is kept as typed, with no code.
"""

from __future__ import annotations

from PySide6.QtCore import QStringListModel, Qt
from PySide6.QtWidgets import QCompleter, QLineEdit

from ui.data.loader import when_loaded


class _Picker(QLineEdit):
    placeholder = ""

    def __init__(self, text: str = "", code: str = "", parent=None) -> None:
        super().__init__(text, parent)
        self._original = (text, code)
        self._codes: dict[str, str] = {}
        self.setPlaceholderText(self.placeholder)
        self.model = QStringListModel(self)
        completer = QCompleter(self.model, self)
        completer.setCaseSensitivity(Qt.CaseInsensitive)
        completer.setFilterMode(Qt.MatchContains)
        completer.setMaxVisibleItems(12)
        self.setCompleter(completer)
        when_loaded(self, self._fill)

    def _fill(self, data) -> None:
        self._codes = self.choices(data)
        self.model.setStringList(list(self._codes))

    def choices(self, data) -> dict[str, str]:  # label -> code
        raise NotImplementedError

    def code(self) -> str:
        """The code of the picked name; the code it had if the text is unchanged; "" for free text."""
        text = " ".join(self.text().split())
        if text in self._codes:
            return self._codes[text]
        folded = {k.casefold(): v for k, v in self._codes.items()}
        if text.casefold() in folded:
            return folded[text.casefold()]
        if text == self._original[0] and self._original[1]:
            return self._original[1]
        # "Manufacturing" is the sector "Sectors 31, 32, and 33 - Manufacturing": one name ending so.
        tails = [v for k, v in folded.items() if text and k.rsplit(" - ", 1)[-1] == text.casefold() and " - " in k]
        return tails[0] if len(tails) == 1 else ""


class AreaPicker(_Picker):
    placeholder = "Type to find: National, a state or a metro area"

    def choices(self, data) -> dict[str, str]:
        out = {"National": "0000000"}
        for area in sorted(data.areas.values(), key=lambda a: (a.type != "state", a.name)):
            if area.type != "national":
                out[area.name] = area.code
        return out


class IndustryPicker(_Picker):
    placeholder = "Type to find an industry, e.g. machinery manufacturing"

    def choices(self, data) -> dict[str, str]:
        out = {"All industries": "000000"}
        for industry in data.industries.values():
            if industry.code != "000000":
                out[industry.name] = industry.code
        return out
