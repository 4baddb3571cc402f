"""Nothing outside storage/ gets the workspace's raw connection: views ask `WorkspaceFile` for what they need."""

from __future__ import annotations

import ast
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]


def test_no_module_outside_storage_touches_the_connection():
    reaching = []
    for package in ("ui", "exporters", "cardwall", "bench"):
        for path in sorted((ROOT / package).rglob("*.py")):
            for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
                if isinstance(node, ast.Attribute) and node.attr == "conn":
                    reaching.append(f"{path.relative_to(ROOT)}:{node.lineno}")
    assert reaching == []
