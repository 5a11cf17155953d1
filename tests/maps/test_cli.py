"""The ``frontier`` command itself: info, errors, and both ways of calling it."""

import shutil
import subprocess
import sys

import pytest

from maps.cli import main


def test_info(capsys):
    assert main(["info"]) == 0
    out = capsys.readouterr().out
    assert "length: 2,761.5 km" in out
    assert "37.03085 N, 74.56463 E" in out  # km 0, the China tripoint
    assert "29.85855 N, 60.87286 E" in out
    assert "vertices: 17,011" in out
    assert "OpenStreetMap" in out and "geoBoundaries" in out


def test_bad_input_is_one_line_not_a_traceback(capsys, tmp_path):
    assert main(["geocode", str(tmp_path / "missing.csv"), "-o", str(tmp_path / "o.csv")]) == 2
    err = capsys.readouterr().err
    assert err.startswith("frontier geocode: error:")
    assert len(err.strip().splitlines()) == 1


def test_unknown_command_lists_commands(capsys):
    with pytest.raises(SystemExit) as exc:
        main(["frobnicate"])
    assert exc.value.code == 2
    assert "info" in capsys.readouterr().err


@pytest.mark.parametrize(
    "argv",
    [[sys.executable, "-m", "maps", "info"], [shutil.which("frontier") or "frontier", "info"]],
    ids=["python -m maps", "console script"],
)
def test_entry_points(argv):
    res = subprocess.run(argv, capture_output=True, text=True, timeout=120)
    assert res.returncode == 0, res.stderr
    assert "length: 2,761.5 km" in res.stdout
