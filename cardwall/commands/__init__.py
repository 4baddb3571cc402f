"""Every change a user can make, as a command with apply and revert.

`from cardwall.commands import AddCard` loads the module that defines it (commands/wall.py) and what
that needs, not all fifteen: the app's first window, `cardwall check` and `cardwall soc` use a few,
and each module costs its import at every start. Every name is listed once, below, by its module.
"""

from __future__ import annotations

_MODULES = {
    "actions": ("AddAction", "DeleteAction", "EditAction", "MoveAction", "gaps_to_actions"),
    "assets": (
        "AddGapRow",
        "AddLink",
        "AddProgram",
        "DeleteGapRow",
        "EditGapRow",
        "EditProgram",
        "MarkServes",
        "RemoveLink",
        "add_programs",
        "import_programs",
        "seed_gap_matrix",
    ),
    "base": ("Batch", "Change", "Command", "DomainError", "new_id"),
    "details": ("EditTaskDetail", "parse_ksa_line"),
    "dots": ("CastDot", "RemoveDot", "SetTally"),
    "labor": ("ImportFigures",),
    "meetings": ("CarryPanel",),
    "notes": ("AddNextStep", "AddNote", "DeleteNextStep", "DeleteNote", "EditNextStep", "MoveNextStep", "SetStepNote"),
    "panel": (
        "AddFunction",
        "AddPanel",
        "AddTask",
        "DeleteFunction",
        "DeletePanel",
        "DeleteTask",
        "EditPanel",
        "EditTask",
        "MoveFunction",
        "MoveTask",
        "RenameFunction",
    ),
    "participants": ("AddParticipant", "DeleteParticipant", "EditParticipant"),
    "resources": ("AddResource", "DeleteResource", "EditResource"),
    "sessions": ("AddSession", "DeleteSession", "EditPartnership", "EditSession"),
    "steps": ("AddLevelStep", "DeleteLevelStep", "DraftLevelSteps", "EditLevelStep"),
    "structure": (
        "AddCategory",
        "AddLevel",
        "DeleteCategory",
        "DeleteLevel",
        "EditCategory",
        "MoveCategory",
        "MoveLevel",
        "RenameLevel",
    ),
    "wall": ("AddCard", "DeleteCards", "EditCard", "MoveCards", "SplitStack", "StackCards", "UnstackCard"),
}
_WHERE = {name: module for module, names in _MODULES.items() for name in names}

__all__ = sorted(_WHERE)


def __getattr__(name: str):
    module = _WHERE.get(name)
    if module is None:
        raise AttributeError(f"module {__name__!r} has no attribute {name!r}")
    # __import__, not importlib.import_module: `python -X importtime` (how the start is audited) lists it.
    value = getattr(__import__(f"{__name__}.{module}", fromlist=[name]), name)
    globals()[name] = value  # the next look-up is a plain one
    return value


def __dir__() -> list[str]:
    return sorted({*globals(), *_WHERE})
