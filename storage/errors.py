"""What can go wrong with a workspace file, each with a message for the user."""

from __future__ import annotations


class StorageError(Exception):
    """The file could not be opened or written; the message says why, for a person."""


class NotAWorkspaceError(StorageError):
    pass


class DamagedFileError(StorageError):
    pass


class NewerVersionError(StorageError):
    pass


class ReadOnlyError(StorageError):
    pass
