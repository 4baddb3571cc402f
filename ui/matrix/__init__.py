"""The skill-panel page: the function/task matrix, dot voting and what follows the vote."""
