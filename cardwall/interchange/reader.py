"""Reading a session file's JSON: typed values with the path of each, and commands run at that path."""

from __future__ import annotations

from cardwall.commands.base import Command, DomainError
from cardwall.model import Workspace

FORMAT = "cardwall-session/1"


class FormatError(DomainError):
    """The file is not a session this version can read; says where and why."""


def _kind(value) -> str:
    return {dict: "an object", list: "a list", str: "text", bool: "true/false", type(None): "null"}.get(
        type(value), "a number" if isinstance(value, int | float) else type(value).__name__
    )


class FieldReader:
    """Typed access to a JSON object with the path of each value, for error messages."""

    def __init__(self, data, path: str) -> None:
        self.data, self.path = data, path
        if not isinstance(data, dict):
            raise FormatError(f"{path or 'the file'}: expected an object, found {_kind(data)}.")

    def fail(self, name: str, reason: str):
        raise FormatError(f"{self.at(name)}: {reason}")

    def at(self, name: str) -> str:
        if not name:
            return self.path or "the file"
        return f"{self.path}.{name}" if self.path else name

    def text(self, name: str, *, required: bool = False, default: str = "") -> str:
        value = self.data.get(name)
        if value is None:
            if required:
                self.fail(name, "is missing.")
            return default
        if isinstance(value, bool) or not isinstance(value, str | int | float):
            self.fail(name, f"expected text, found {_kind(value)}.")
        return str(value)

    def id(self, name: str, *, required: bool = True) -> str | None:
        value = self.text(name, required=required)
        if value == "" and not required:
            return None
        if not value or len(value) > 100:
            self.fail(name, "an id is 1 to 100 characters.")
        return value

    def integer(self, name: str, default: int | None, *, low: int, high: int) -> int | None:
        value = self.data.get(name)
        if value is None:
            return default
        if isinstance(value, bool) or not isinstance(value, int) or not low <= value <= high:
            self.fail(name, f"expected a whole number from {low} to {high}, found {value!r}.")
        return value

    def number(self, name: str) -> float | None:
        value = self.data.get(name)
        if value is None:
            return None
        if isinstance(value, bool) or not isinstance(value, int | float) or value != value:
            self.fail(name, f"expected a number, found {_kind(value)}.")
        return float(value)

    def flag(self, name: str, default: bool) -> bool:
        value = self.data.get(name)
        if value is None:
            return default
        if not isinstance(value, bool):
            self.fail(name, f"expected true or false, found {value!r}.")
        return value

    def items(self, name: str) -> list[FieldReader]:
        value = self.data.get(name)
        if value is None:
            return []
        if not isinstance(value, list):
            self.fail(name, f"expected a list, found {_kind(value)}.")
        return [FieldReader(x, f"{self.at(name)}[{i}]") for i, x in enumerate(value)]

    def texts(self, name: str) -> list[str]:
        value = self.data.get(name)
        if value is None:
            return []
        if not isinstance(value, list) or not all(isinstance(x, str) for x in value):
            self.fail(name, "expected a list of texts.")
        return value

    def child(self, name: str, *, required: bool = False) -> FieldReader:
        value = self.data.get(name)
        if value is None:
            if required:
                self.fail(name, "is missing.")
            value = {}
        return FieldReader(value, self.at(name))


class Builder:
    """Applies the domain's commands to a scratch workspace, naming the file's field when one refuses.

    `names` maps a command's field names to the file's (`author_id` -> `author`); a command
    refusing about a field the file spells differently still points at the right place.
    """

    NAMES = {
        "author_id": "author",
        "category_id": "category",
        "level_id": "level",
        "panel_id": "panel",
        "paths_into": "paths.into",
        "paths_from": "paths.from",
        "top_added": "top_tasks.added",
        "top_dropped": "top_tasks.dropped",
        "source_card_id": "source_card",
        "several_dots_per_task": "several_dots_per_task",
    }

    def __init__(self, ws: Workspace) -> None:
        self.ws = ws

    def run(self, reader: FieldReader, command: Command, *, field: str | None = None) -> None:
        """Apply `command`; a refusal becomes a FormatError at `reader`'s path (and its field)."""
        try:
            command.apply(self.ws)
        except FormatError:
            raise
        except DomainError as exc:
            name = field if field is not None else self.NAMES.get(exc.field, exc.field) or ""
            reader.fail(name, str(exc))
