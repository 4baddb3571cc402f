"""Files the app ships: demo sessions, templates, scripts, fonts, labor-market data."""

from pathlib import Path

ROOT = Path(__file__).resolve().parent


def path(*parts: str) -> Path:
    return ROOT.joinpath(*parts)
