"""Who is in the room: role labels, employers versus partners, and what an e-mail address is.

One place for these so the wall, the matrix, the exports, the importer and the
room's devices agree on them.
"""

from __future__ import annotations

import re
from collections.abc import Iterable

from cardwall.model import EMPLOYER_ROLES, ROLES, Participant

# The words for each role, as they read inside a sentence ("Ana Ruiz (hiring authority)").
ROLE_LABELS = {
    "employer": "employer",
    "hiring-authority": "hiring authority",
    "employee": "employee",
    "partner": "partner",
}
assert set(ROLE_LABELS) == set(ROLES)

# An address a mail client can send to: no spaces, quotes, brackets or separators, a dotted domain
# with a real top-level part. The draft e-mail uses the same test, so what the app keeps it can send.
_EMAIL = re.compile(r"^[^@\s<>(),;:\"\[\]\\]+@[A-Za-z0-9](?:[A-Za-z0-9.-]*[A-Za-z0-9])?\.[A-Za-z]{2,}$")


def role_label(role: str) -> str:
    return ROLE_LABELS.get(role, role.replace("-", " "))


def speaks_for_employers(person: Participant) -> bool:
    return person.role in EMPLOYER_ROLES


def employers(people: Iterable[Participant]) -> list[Participant]:
    """The employers' side of the table (employers, hiring authorities, employees), in the order given."""
    return [p for p in people if speaks_for_employers(p)]


def partners(people: Iterable[Participant]) -> list[Participant]:
    """The public partners, who listen: workforce boards, colleges, K-12, economic development."""
    return [p for p in people if not speaks_for_employers(p)]


def is_email(text: str) -> bool:
    return bool(_EMAIL.match(text))
