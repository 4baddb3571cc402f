"""Type-to-filter pickers for a partnership's region (OEWS areas) and industry (OEWS industries).

Each is a line edit with a completer that matches anywhere in the name
("denver" finds "Denver-Aurora-Centennial, CO"). A picked name carries its
code; free text is kept as typed, with no code. The region picker also takes
an OEWS area code as people type it ("28140", leading zeros dropped): it reads
as the area's name; a code no area has is said so under the field (`note`).
"""

from __future__ import annotations

from PySide6.QtCore import QStringListModel, Qt
from PySide6.QtWidgets import QCompleter, QLabel, QLineEdit

from cardwall.areas import normal_area_code
from cardwall.commands import DomainError
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
    placeholder = "Type to find: National, a state or a metro area, or its OEWS code"

    def __init__(self, text: str = "", code: str = "", parent=None) -> None:
        super().__init__(text, code, parent)
        # What the picker made of the text, in a line the dialog shows under the field.
        self.note = QLabel()
        self.note.setWordWrap(True)
        self.note.hide()
        self.editingFinished.connect(self._on_editing_finished)
        self.textEdited.connect(lambda _text: self.note.hide())

    def choices(self, data) -> dict[str, str]:
        out = {"National": "0000000"}
        for area in sorted(data.areas.values(), key=lambda a: (a.type != "state", a.name)):
            if area.type != "national":
                out[area.name] = area.code
        return out

    def _typed_code(self) -> str | None:
        """The seven-digit code when the text is an area code ("28140" -> "0028140"); None when it is a name."""
        text = "".join(self.text().split())
        if not text or not text.replace("-", "").isdigit():
            return None
        try:
            return normal_area_code(text)
        except DomainError:
            return None

    def code(self) -> str:
        typed = self._typed_code()
        if typed is not None:  # a known code, or any code before the list has loaded; never "" for "28140"
            return typed if not self._codes or typed in self._codes.values() else ""
        return super().code()

    def _on_editing_finished(self) -> None:
        text = " ".join(self.text().split())
        if not text or not self._codes:
            self.note.hide()
            return
        typed = self._typed_code()
        names = {v: k for k, v in self._codes.items()}
        if typed is not None and typed in names:
            self.setText(names[typed])
            self._say(f"{text} is the OEWS area code of {names[typed]} ({typed}).", "#2e6b34")
        elif text.replace("-", "").replace(" ", "").isdigit():
            self._say(
                f"No OEWS area has the code {text}: pick a state or metro area from the list, "
                "or the figures will be national.",
                "#b00020",
            )
        elif super().code() == "" and text != self._original[0]:
            self._say(
                f"{text!r} is not an OEWS area: it is kept as the region's name, with national figures. "
                "Pick a state or metro area from the list for regional figures.",
                "#8a5a00",
            )
        else:
            self.note.hide()

    def _say(self, text: str, colour: str) -> None:
        self.note.setText(text)
        self.note.setStyleSheet(f"color: {colour};")
        self.note.setVisible(self.note.parent() is not None)  # never a window of its own: only where a form put it


class IndustryPicker(_Picker):
    placeholder = "Type to find an industry, e.g. machinery manufacturing"

    def choices(self, data) -> dict[str, str]:
        out = {"All industries": "000000"}
        for industry in data.industries.values():
            if industry.code != "000000":
                out[industry.name] = industry.code
        return out
