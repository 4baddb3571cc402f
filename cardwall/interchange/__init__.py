"""The session interchange format, `cardwall-session/1` (docs/FORMAT.md): to and from plain dicts.

`session_to_dict` writes one session (`export.py`); `ImportSession` is the
command that turns such a dict into a new session through the same commands
a user issues (`session_import.py`, `panel_import.py`), refusing the whole
file with the path of the first bad field (`cards[3].level: ...`) and
changing nothing.
"""

from cardwall.interchange.export import session_to_dict
from cardwall.interchange.reader import FORMAT, FormatError
from cardwall.interchange.session_import import ImportSession

__all__ = ["FORMAT", "FormatError", "ImportSession", "session_to_dict"]
