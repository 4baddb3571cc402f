"""Workspace files: SQLite, autosaved command by command, checked, backed up."""
