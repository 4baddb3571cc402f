"""`cardwall import` of broken, odd and hostile files: one line naming the file, row and problem; nothing changes.

Each file is imported by running the `cardwall` command as a process, as a user would, into the demo
workspace; the workspace is then reopened and compared with what it held before, and its bytes too.
OEWS and projections figures have no CLI: they are read in-process by exporters.labor_tables into the
command the Data menu runs.
"""

from __future__ import annotations

import hashlib
import io
import json
import re
import zipfile
from pathlib import Path

import pandas as pd
import pytest

import resources
from exporters.labor_tables import FiguresError, oews_command, projections_command
from storage.labor import bundled
from storage.workspace import WorkspaceFile
from tests.cli.test_cli import cardwall
from tests.helpers import reopen

DEMO_JSON = resources.path("demo", "critical-occupations.json").read_text(encoding="utf-8")
ONET_HEADER = "O*NET-SOC Code\tTitle\tTask ID\tTask\tTask Type\n"


def _json(change) -> bytes:
    data = json.loads(DEMO_JSON)
    change(data)
    return json.dumps(data, ensure_ascii=False).encode("utf-8")


def _set(path: str, value):
    """A change to the demo session's data: `path` like "cards.0.level"."""

    def change(data):
        *parents, last = path.split(".")
        for key in parents:
            data = data[int(key)] if isinstance(data, list) else data[key]
        data[int(last) if isinstance(data, list) else last] = value

    return change


def _zip_of_junk() -> bytes:
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w") as z:
        z.writestr("junk.bin", bytes(range(256)) * 4)
    return buffer.getvalue()


def _xlsx(frame: pd.DataFrame) -> bytes:
    buffer = io.BytesIO()
    frame.to_excel(buffer, index=False)
    return buffer.getvalue()


# (file name, its bytes, extra arguments, what the one line on stderr must say after "cardwall: NAME: ")
CASES = [
    # --- session JSON
    ("truncated.json", DEMO_JSON[: len(DEMO_JSON) // 2].encode(), (), r"not valid JSON \(line \d+, column \d+"),
    (
        "version.json",
        _json(_set("format", "cardwall-session/9")),
        (),
        r"format: this is 'cardwall-session/9'; Cardwall reads 'cardwall-session/1'",
    ),
    (
        "level.json",
        _json(_set("cards.0.level", "Stratosphere")),
        (),
        r"cards\[0\]\.level: 'Stratosphere' is not one of the levels",
    ),
    ("deep-array.json", b"[" * 100_000 + b"]" * 100_000, (), r"nested too deeply"),
    ("deep-object.json", b'{"a":' * 100_000 + b"1" + b"}" * 100_000, (), r"nested too deeply"),
    ("latin1.json", DEMO_JSON.replace("Mesa", "Méséta").encode("latin-1", "replace"), (), r"not UTF-8 text"),
    ("digits.json", DEMO_JSON.encode()[:-2] + b', "x": ' + b"9" * 5000 + b"}", (), r"a number thousands of digits"),
    (
        "surrogate.json",
        json.dumps(json.loads(DEMO_JSON)).replace('"Production"', '"\\ud800Production"', 1).encode(),
        (),
        r"categories\[0\]\.title holds a broken character",
    ),
    ("list.json", b"[]", (), r"the file: expected an object, found a list"),
    ("empty.json", b"", (), r"not valid JSON"),
    (
        "long-card.json",
        _json(_set("cards.0.text", "x" * 10_000)),
        (),
        r"cards\[0\]\.text: Card text is 10,000 characters",
    ),
    # --- cards CSV
    ("no-text.csv", b"Foo,Bar\n1,2\n", (), r"row 1 names no column Cardwall knows \(found 'Foo', 'Bar'\)"),
    ("empty.csv", b"", (), r"the file is empty"),
    ("header-only.csv", b"Occupation,Category,Level\n", (), r"row 1 is a header but no rows follow it"),
    ("latin1.csv", "Occupation,Category\nSoudeur élève,Production\n".encode("latin-1"), (), r"row 2 is not UTF-8"),
    ("binary.csv", bytes(range(256)) * 40, (), r"not a text table \(it holds binary data\)"),
    (
        "long-row.csv",
        b"Occupation,Category\n" + b"x" * 10_000 + b",Production\n",
        (),
        r"no row has card text \(row 2: the card is 10000 characters long; a card holds 500\)",
    ),
    (
        "all-too-long.csv",
        b"Occupation\n" + b"".join(bytes([97 + i]) * 600 + b"\n" for i in range(25)),
        (),
        r"no row has card text \(row 2: the card is 600 characters long; a card holds 500; 24 more rows skipped\)\.$",
    ),
    (
        "long-category.csv",
        b"Occupation,Category,Level\nWelder,Production,Entry\nMachinist," + b"c" * 300 + b",Mid\n",
        (),
        r"row 3: Category title is 300 characters long; the limit is 80\.$",
    ),
    (
        "long-notes.csv",
        b"Occupation,Notes\nWelder," + b"n" * 25_000 + b"\n",
        (),
        r"row 2: Card notes? is 25,000 characters long; the limit is 20,000\.$",
    ),
    ("ragged.csv", b"Occupation,Category\nWelder,Production\nMachinist,Production,x,y\n", (), r"row 3"),
    # --- task lists as XLSX
    ("junk-zip.xlsx", _zip_of_junk(), ("--session", "tdm"), r"not an Excel workbook Cardwall can read"),
    ("text.xlsx", b"Function,Task\nSafety,Locks out the press\n", ("--session", "tdm"), r"not an Excel workbook"),
    (
        "no-columns.xlsx",
        _xlsx(pd.DataFrame({"Step": [1, 2], "Who": ["Ann", "Bo"]})),
        ("--session", "tdm"),
        r"row 1 names no column Cardwall knows \(found 'Step', 'Who'\)",
    ),
    (
        "long-function.csv",
        b"Function,Task\n" + b"F" * 300 + b",Does things\n",
        ("--session", "tdm"),
        r"no row has a task to add \(row 2: the function title is 300 characters long; the limit is 200\)\.$",
    ),
    # --- O*NET Task Statements
    (
        "Task Statements.txt",
        (ONET_HEADER + "11-1011.00\tChief Executives\t1\tDirect the company.\tCore\n").encode(),
        ("--session", "tdm"),
        r"no tasks for SOC 51-4111 among its 1 rows",
    ),
    (
        "onet-long.txt",
        (ONET_HEADER + "51-4111.00\tTool and Die Makers\t1\t" + "y" * 10_000 + "\tCore\n").encode(),
        ("--session", "tdm"),
        r"every row for SOC 51-4111 was skipped \(row 2: ",
    ),
]


def _fingerprint(path: Path) -> tuple:
    """The workspace as a reopen shows it, and its bytes after a checkpoint (reopening checkpoints)."""
    ws = reopen(path)
    with WorkspaceFile.open(path, backup=False) as wf:
        wf.checkpoint()
    return ws, hashlib.sha256(path.read_bytes()).hexdigest()


@pytest.mark.parametrize(("name", "content", "extra", "problem"), CASES, ids=[c[0] for c in CASES])
def test_a_malformed_file_is_refused_in_one_line_and_changes_nothing(
    demo_path, tmp_path, name, content, extra, problem
):
    bad = tmp_path / "in" / name
    bad.parent.mkdir()
    bad.write_bytes(content)
    before, digest = _fingerprint(demo_path)
    result = cardwall("import", demo_path, bad, *extra)
    assert result.returncode == 1, (result.stdout, result.stderr)
    assert "Traceback" not in result.stderr and result.stdout == ""
    lines = result.stderr.splitlines()
    assert len(lines) == 1, result.stderr
    assert lines[0].startswith(f"cardwall: {name}: "), lines[0]
    assert re.search(problem, lines[0]), lines[0]
    after, digest_after = _fingerprint(demo_path)
    assert after == before
    assert digest_after == digest


def test_a_session_file_with_a_byte_order_mark_is_accepted(demo_path, tmp_path):
    bom = tmp_path / "from-excel.json"
    bom.write_bytes(b"\xef\xbb\xbf" + DEMO_JSON.encode("utf-8"))
    before = reopen(demo_path)
    result = cardwall("import", demo_path, bom)
    assert result.returncode == 0, result.stderr
    assert "39 cards" in result.stdout
    after = reopen(demo_path)
    (new,) = set(after.sessions) - set(before.sessions)
    assert len(after.sessions[new].cards) == 39


def test_a_missing_file_is_refused_in_one_line(demo_path, tmp_path):
    before = reopen(demo_path)
    result = cardwall("import", demo_path, tmp_path / "nowhere.json")
    assert result.returncode == 1 and "Traceback" not in result.stderr
    assert result.stderr.splitlines() == [f"cardwall: {tmp_path / 'nowhere.json'} does not exist."]
    assert reopen(demo_path) == before


def test_importing_into_a_file_that_is_not_a_workspace_leaves_it_alone(tmp_path):
    notes = tmp_path / "notes.cardwall"
    notes.write_bytes(b"my own notes, not a workspace\n")
    source = tmp_path / "session.json"
    source.write_text(DEMO_JSON, encoding="utf-8")
    result = cardwall("import", notes, source)
    assert result.returncode == 1 and "Traceback" not in result.stderr
    assert result.stderr.splitlines() == [f"cardwall: {notes} is not a Cardwall workspace (it is not a database file)."]
    assert notes.read_bytes() == b"my own notes, not a workspace\n"
    assert sorted(p.name for p in tmp_path.iterdir()) == ["notes.cardwall", "session.json"]


# --- OEWS and projections figures (the Data menu's importers) --------------------------------

OEWS_HEADER = "AREA,AREA_TITLE,OCC_CODE,OCC_TITLE,TOT_EMP,H_MEDIAN,A_MEDIAN\n"
PROJECTIONS_HEADER = "SOC code,Occupation title,Employment 2024,Employment 2034,Annual openings\n"

FIGURES = [
    ("oews", "junk-zip.xlsx", _zip_of_junk(), r"not an Excel workbook Cardwall can read"),
    ("oews", "text.xlsx", OEWS_HEADER.encode(), r"not an Excel workbook \(\.xlsx\), though its name says so"),
    ("oews", "header-only.csv", OEWS_HEADER.encode(), r"there are no rows below the header"),
    ("oews", "binary.csv", bytes(range(256)) * 8, r"not a text table \(it holds binary data\)"),
    ("oews", "no-code.xlsx", _xlsx(pd.DataFrame({"Title": ["Welders"], "Wage": [1]})), r"row 1 has no OCC_CODE"),
    (
        "oews",
        "long-code.csv",
        (OEWS_HEADER + "08,CO," + "5" * 10_000 + ",X,10,20,40000\n").encode(),
        r"row 2: OCC_CODE",
    ),
    ("oews", "ragged.csv", (OEWS_HEADER + "08,CO,51-4041,Machinists,10,20,40000,extra,cells\n").encode(), r"row \d"),
    ("oews", "formula.csv", (OEWS_HEADER + "08,CO,51-4041,Machinists,=cmd|' /C calc'!A0,20,40000\n").encode(), "row 2"),
    ("projections", "empty.csv", b"", r"the file is empty"),
    ("projections", "no-openings.csv", b"SOC code,Title,Base,Projected\n51-4041,M,1,2\n", r"no annual openings"),
    (
        "projections",
        "half-bad.csv",
        (PROJECTIONS_HEADER + "51-4041,Machinists,3.1,3.4,0.4\n53-7051,Forklift,9.0,n.a.,1.3\n").encode(),
        r"row 3: Employment 2034 is 'n.a.'",
    ),
    # One encoding policy for every table: not UTF-8 is refused, naming the row to save again as "CSV UTF-8".
    ("projections", "cp1252.txt", "SOC code\tTitle\n51-4041\tMéchanic\n".encode("cp1252"), r"row 2 is not UTF-8"),
]


@pytest.mark.parametrize(("kind", "name", "content", "problem"), FIGURES, ids=[f"{c[0]}-{c[1]}" for c in FIGURES])
def test_malformed_figures_are_refused_in_one_line_and_change_nothing(
    demo_path, tmp_path, kind, name, content, problem
):
    bad = tmp_path / "in" / name
    bad.parent.mkdir()
    bad.write_bytes(content)
    before, digest = _fingerprint(demo_path)
    with WorkspaceFile.open(demo_path) as wf:
        figures_before = wf.imported_figures(wf.ws.partnership.area_code)
        make = oews_command if kind == "oews" else projections_command
        with pytest.raises(FiguresError) as refused:
            wf.execute(make(bad, bundled(), area_code=wf.ws.partnership.area_code)[0])
        message = str(refused.value)
        assert wf.imported_figures(wf.ws.partnership.area_code) == figures_before
    assert "\n" not in message and message.startswith(f"{name}: "), message
    assert re.search(problem, message), message
    after, digest_after = _fingerprint(demo_path)
    assert after == before
    assert digest_after == digest
