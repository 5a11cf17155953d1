"""Blank rows are not records: skipped, and said on stderr by every command that reads."""

from __future__ import annotations

import pytest

from maps.cli import main


@pytest.mark.parametrize("command", ["geocode", "aggregate"])
def test_blank_rows_skipped_are_said(tmp_path, capsys, command):
    src = tmp_path / "blanks.csv"
    src.write_text(
        "id,date,location,latitude,longitude\n"
        "1,2025-10-12,Torkham,34.11472,71.08472\n"
        ",,,,\n"
        "\n"
        " , ,,,\n"
        "2,2025-10-12,Chaman,30.91,66.45\n"
    )
    out = tmp_path / "out.csv"
    argv = [command, str(src), "-o", str(out)]
    argv += ["--by", "admin1"] if command == "aggregate" else []
    assert main(argv) == 0
    captured = capsys.readouterr()
    assert "3 blank row(s) (every cell empty) were skipped" in captured.err
    if command == "geocode":
        assert "2 rows read" in captured.out
