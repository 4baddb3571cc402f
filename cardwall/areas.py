"""OEWS area codes as the partnership stores them: seven digits, leading zeros kept.

People type "28140" for Kansas City (0028140); spreadsheets drop leading
zeros. A code that is not the seven-digit form finds no area, and the figures then
fell back to the national label, so every door that takes an area code (the app,
imports, `check`) passes it through `normal_area_code` first.
"""

from __future__ import annotations

from cardwall.commands.base import DomainError

NATIONAL_AREA = "0000000"
AREA_DIGITS = 7


def normal_area_code(text: object) -> str:
    """'28140' -> '0028140', '08-00000' -> '0800000', '' -> '' (national). Refuses anything else."""
    raw = " ".join(str(text or "").split())
    if not raw:
        return ""
    digits = raw.replace("-", "").replace(" ", "")
    if not digits.isdigit() or len(digits) > AREA_DIGITS:
        raise DomainError(f"{raw!r} is not an OEWS area code (up to seven digits, e.g. 0028140 for Kansas City).")
    return digits.zfill(AREA_DIGITS)


def area_code_problem(code: str) -> str:
    """Why a stored area code is not in its seven-digit form ('' when it is, or when none is set)."""
    if not code:
        return ""
    try:
        normal = normal_area_code(code)
    except DomainError as exc:
        return str(exc)
    if normal != code:
        return f"area code {code!r} lacks its leading zeros; it means {normal!r}."
    return ""
