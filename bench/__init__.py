"""`python -m bench`: every figure of DESIGN.md's performance table, measured on the real code."""
