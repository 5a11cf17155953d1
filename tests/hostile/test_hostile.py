"""Every hostile input through every command that reads a file (issue 12).

For each case of :mod:`make_corpus` and each command: no traceback; exit status 0
or 2; on 0, rows out == rows in (the counts are written by hand in the corpus);
on 2, one line naming the problem and the previous output untouched; no CSV cell
written that a spreadsheet would run as a formula.  Then real write failures: a
file-size limit (``RLIMIT_FSIZE``, a full disk as the process sees it) in a
subprocess must leave the previous output (and the input) intact.
"""

from __future__ import annotations

import argparse
import csv
import io
import re
import resource
import subprocess
import sys
from pathlib import Path

import pytest
from make_corpus import Case, cases, write_corpus

from maps import cli

CASES = cases()
csv.field_size_limit(2**31 - 1)  # aggregate outputs hold long WKT polygons
SENTINEL = b"previous output, must survive a failed run\n"
_NUMBER = re.compile(r"^[+-]?(?:\d+\.?\d*|\.\d+)(?:[eE][+-]?\d+)?$")


#: Commands whose output the test knows how to count (rows out == rows in).
KNOWN = {"geocode": "out.csv", "aggregate": "agg.csv", "map": "map.html", "extract": "e.csv"}


def _file_commands() -> dict[str, bool]:
    """Sub-commands of ``frontier`` that take an input file -> whether they take ``-o``."""
    parser = cli._parser()
    sub = next(a for a in parser._actions if isinstance(a, argparse._SubParsersAction))
    out = {}
    for name, p in sub.choices.items():
        if any(not a.option_strings for a in p._actions if a.dest != "help"):
            out[name] = any("-o" in a.option_strings for a in p._actions)
    return out


COMMANDS = sorted(_file_commands())
OUTPUT = {c: KNOWN.get(c, "out.csv") for c in COMMANDS}


def _argv(command: str, path: Path, out: Path) -> list[str]:
    """How the test runs each command that reads a file (any new one: INPUT -o out.csv)."""
    known = {
        "geocode": ["geocode", str(path), "-o", str(out / OUTPUT["geocode"])],
        "aggregate": ["aggregate", str(path), "--by", "band", "-o", str(out / OUTPUT["aggregate"])],
        "map": ["map", str(path), "-o", str(out / OUTPUT["map"]), "--tiles", "none"],
        "extract": ["extract", str(path), "-o", str(out / OUTPUT["extract"])],
    }
    if command in known:
        return known[command]
    has_output = _file_commands()[command]
    return [command, str(path), *(["-o", str(out / OUTPUT[command])] if has_output else [])]


def test_the_commands_that_read_files_are_all_run():
    assert set(KNOWN) <= set(COMMANDS)


def test_corpus_is_large_and_covers_refusals_and_successes():
    assert len(CASES) >= 100
    assert sum(c.rows is None for c in CASES) >= 20
    assert sum(bool(c.rows) for c in CASES) >= 60


@pytest.fixture(scope="module")
def corpus(tmp_path_factory) -> dict[str, Path]:
    folder = tmp_path_factory.mktemp("corpus")
    return {case.name: path for case, path in write_corpus(folder)}


def _formula_cells(path: Path) -> list[str]:
    text = path.read_text(encoding="utf-8", errors="replace")
    bad = []
    for row in csv.reader(io.StringIO(text, newline="")):
        for cell in [*row]:
            if cell[:1] in ("=", "+", "-", "@", "\t", "\r") and not _NUMBER.match(cell):
                bad.append(cell)
    return bad


def _csv_rows(path: Path) -> int:
    with open(path, encoding="utf-8", newline="") as fh:
        return sum(1 for _ in csv.reader(fh)) - 1


def _check(case: Case, command: str, code: int, out: str, err: str, output: Path) -> None:
    assert "Traceback" not in err and "Traceback" not in out
    assert code in (0, 2), err
    if command not in KNOWN:  # a command added later: no traceback, no damage
        assert code == 0 or output.read_bytes() == SENTINEL
        return
    if code == 2:
        assert err.count("\n") == 1 and err.startswith(f"frontier {command}: error: "), err
        assert output.read_bytes() == SENTINEL, "a failed run changed the previous output"
        if command == "geocode" or (case.rows and command != "extract"):
            assert case.rows is None, f"refused a readable file: {err}"
        return
    if command != "extract":
        assert case.rows is not None, f"{command} accepted a file it must refuse: {out}"
    if command == "geocode":
        assert _csv_rows(output) == case.rows
        assert re.search(rf"\b{case.rows:,} rows read", out), out
    elif command == "aggregate":
        m = re.search(
            r"([\d,]+) located incidents .*\(([\d,]+) unassigned .*, ([\d,]+) not located", out
        )
        assert m, out
        located, unlocated = (int(m.group(i).replace(",", "")) for i in (1, 3))
        assert located + unlocated == case.rows
    elif command == "map":
        m = re.search(r"([\d,]+) of ([\d,]+) incidents mapped", out)
        assert m and int(m.group(2).replace(",", "")) == case.rows, out
    if output.suffix == ".csv":
        assert _formula_cells(output) == []


@pytest.mark.parametrize("command", COMMANDS)
@pytest.mark.parametrize("case", CASES, ids=[c.name for c in CASES])
def test_hostile_input(case: Case, command: str, corpus, tmp_path, capsys):
    output = tmp_path / OUTPUT[command]
    output.write_bytes(SENTINEL)
    try:
        code = cli.main(_argv(command, corpus[case.name], tmp_path))
    except SystemExit as exc:  # argparse: options a later command needs
        code = int(exc.code or 0)
    captured = capsys.readouterr()
    _check(case, command, code, captured.out, captured.err, output)
    leftovers = [p.name for p in tmp_path.iterdir() if p.name.endswith(".tmp")]
    assert leftovers == []


# ---------------------------------------------------------------- a full disk
def _limit_file_size(nbytes: int):
    def apply() -> None:
        resource.setrlimit(resource.RLIMIT_FSIZE, (nbytes, nbytes))

    return apply


def _run_limited(argv: list[str], *, limit: int = 8 * 1024) -> subprocess.CompletedProcess:
    return subprocess.run(
        [sys.executable, "-m", "maps", *argv],
        capture_output=True,
        text=True,
        timeout=300,
        preexec_fn=_limit_file_size(limit),
    )


@pytest.fixture(scope="module")
def big_input(corpus) -> Path:
    return corpus["rows_2000"]


@pytest.mark.parametrize(
    ("command", "name"),
    [
        ("geocode", "out.csv"),
        ("geocode", "out.geojson"),
        ("geocode", "out.gpkg"),
        ("geocode", "out.parquet"),
        ("map", "map.html"),
    ],
)
def test_full_disk_leaves_previous_output_intact(command, name, big_input, tmp_path):
    output = tmp_path / name
    output.write_bytes(SENTINEL)
    argv = [command, str(big_input), "-o", str(output)]
    if command == "map":
        argv += ["--tiles", "none"]
    res = _run_limited(argv)
    assert res.returncode == 2, res.stderr
    assert "Traceback" not in res.stderr and res.stderr.count("\n") == 1, res.stderr
    assert output.read_bytes() == SENTINEL
    assert sorted(p.name for p in tmp_path.iterdir()) == [name]


def test_full_disk_with_force_keeps_the_input(big_input, tmp_path):
    target = tmp_path / "big.csv"
    target.write_bytes(big_input.read_bytes())
    before = target.read_bytes()
    res = _run_limited(["geocode", str(target), "-o", str(target), "--force"])
    assert res.returncode == 2, res.stderr
    assert target.read_bytes() == before
    assert sorted(p.name for p in tmp_path.iterdir()) == ["big.csv"]


# ---------------------------------------------------------------- extract's encodings
ARTICLE = Path(__file__).parents[2] / "notebooks" / "data" / "example_article.txt"


@pytest.mark.parametrize("codec", ["utf-16", "utf-16-le", "cp1252", "utf-8-sig"])
def test_extract_reads_articles_in_any_encoding(tmp_path, capsys, codec):
    text = ARTICLE.read_text(encoding="utf-8").replace("\u2019", "'")
    text += "\nQuoted: \u201cTorkham\u201d \u2013 closed.\n"
    plain = tmp_path / "plain.txt"
    plain.write_text(text, encoding="utf-8")
    other = tmp_path / f"{codec}.txt"
    other.write_bytes(text.encode(codec))
    assert cli.main(["extract", str(plain), "--date", "2025-10-16"]) == 0
    want = capsys.readouterr().out
    assert cli.main(["extract", str(other), "--date", "2025-10-16"]) == 0
    got = capsys.readouterr().out
    assert got == want and len(want.splitlines()) > 1
