"""soc_suggest_ms: SOC suggestions for a typed title with the data loaded; plus how soon a fresh process answers.

Extra figures (reported, no target): soc_suggest_p95_ms, soc_first_suggestion_s (a fresh
`cardwall soc` process, start to printed answer), soc_data_load_s (open the bundled data and
build the matcher, cold, in a fresh process: what the app does off the UI thread on first use).
"""

from __future__ import annotations

import statistics
import subprocess
import sys
import time
from pathlib import Path

KEYS = {"soc_suggest_ms", "soc_suggest_p95_ms", "soc_first_suggestion_s", "soc_data_load_s"}

# What people type on cards, including the prefixes a keystroke-by-keystroke search sees.
QUERIES = [
    "CNC guy",
    "CDL-A driver",
    "forklift op",
    "maint tech",
    "Machinists",
    "forklift driver",
    "welder",
    "Tool and die maker",
    "Quality inspector",
    "Production supervisor",
    "Registered nurse",
    "electrician",
    "Process engineer",
    "Technical sales rep",
    "Controls / PLC technician",
    "Press brake operator",
    "Production scheduler",
    "warehouse associate",
    "CAD designer / drafter",
    "Plant manager",
    "m",
    "ma",
    "mac",
    "mach",
    "machi",
    "machin",
    "machini",
    "machinis",
    "machinist",
    "Welder (stainless TIG)",
    "xyzzy",
    "Electronics assembler",
    "Mold & die maker",
    "HVAC tech",
    "software developer",
    "Customer service rep",
    # company-style titles, shorthand and slips: the styles the accuracy sets measure
    "CNC Operator II - Nights",
    "Sr. Maint Tech III - 2nd Shift (PRN)",
    "Welder-Fitter",
    "Machinest",
    "Phleb",
    "RN - Med/Surg - Nights",
    "Carpenter foreman",
    "Database admin",
    "Shipping/Receiving Clerk",
    "Staffing coordinator",
]

_COLD = (
    "import time; t = time.perf_counter(); from storage.labor import bundled; d = bundled(); "
    "d.suggest('CNC machinist', area_code='0800000'); print(time.perf_counter() - t)"
)


def measure(only: set[str]) -> dict[str, float]:
    if only and not (only & KEYS):
        return {}
    from storage.labor import bundled

    out: dict[str, float] = {}
    root = Path(__file__).resolve().parents[1]
    cardwall = Path(sys.executable).parent / "cardwall"
    runs = []
    for _ in range(5):
        started = time.perf_counter()
        command = [str(cardwall)] if cardwall.exists() else [sys.executable, "-m", "ui.cli"]
        subprocess.run([*command, "soc", "CNC machinist", "--area", "Colorado"], capture_output=True, cwd=root)
        runs.append(time.perf_counter() - started)
    out["soc_first_suggestion_s"] = round(statistics.median(runs), 3)
    loads = []
    for _ in range(3):
        done = subprocess.run([sys.executable, "-c", _COLD], capture_output=True, text=True, cwd=root)
        loads.append(float(done.stdout.strip() or "nan"))
    out["soc_data_load_s"] = round(statistics.median(loads), 3)

    data = bundled()
    data.suggest("warm up", area_code="0800000")
    times = []
    for _round in range(5):
        for query in QUERIES:
            started = time.perf_counter()
            data.suggest(query, area_code="0800000", limit=8)
            times.append((time.perf_counter() - started) * 1000)
    times.sort()
    out["soc_suggest_ms"] = round(statistics.median(times), 3)
    out["soc_suggest_p95_ms"] = round(times[int(len(times) * 0.95) - 1], 3)
    return out
