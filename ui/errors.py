"""Errors the command line reports as one line, apart from `ui.cli` so the modules it runs need not import it."""

from __future__ import annotations


class UserError(Exception):
    """A problem with the user's input or file: printed as one line, exit 1."""
