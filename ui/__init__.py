"""The faces of Cardwall: the command line, and the PySide6 app (imported only when a window opens)."""
