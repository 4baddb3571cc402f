"""Cardwall's domain: the sticky wall, skill panels and their rules, in plain Python."""

__version__ = "0.1.0"
