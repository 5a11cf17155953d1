"""Every command and the Python example in README.md run as written."""

import re
import shlex
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).parents[1]
README = (ROOT / "README.md").read_text(encoding="utf-8")


def _console_commands() -> list[str]:
    blocks = re.findall(r"```console\n(.*?)```", README, flags=re.S)
    return [line[2:].strip() for b in blocks for line in b.splitlines() if line.startswith("$ ")]


def test_readme_has_the_two_commands():
    cmds = _console_commands()
    assert cmds[0] == "pip install . && frontier demo --out frontier-demo"
    assert cmds[1] == "bash .ci/run"
    ci = (ROOT / ".ci" / "run").read_text()
    # CI runs exactly the README's test command
    assert "python3 -m pytest" in README
    assert ci.strip().splitlines()[-1] == "python3 -m pytest"


@pytest.fixture(scope="module")
def workdir(tmp_path_factory):
    d = tmp_path_factory.mktemp("readme")
    shutil.copytree(ROOT / "notebooks" / "data", d / "notebooks" / "data")
    return d


def _frontier(cmd: str, cwd: Path) -> subprocess.CompletedProcess:
    args = shlex.split(cmd)
    assert args[0] == "frontier"
    return subprocess.run(
        [sys.executable, "-m", "maps", *args[1:]],
        cwd=cwd,
        capture_output=True,
        text=True,
        timeout=600,
    )


def test_every_cli_command_in_the_readme_runs(workdir):
    cmds = [c.split("&& ")[-1] for c in _console_commands() if "frontier " in c]
    assert len(cmds) >= 8
    # run the demo first: later examples read its output
    cmds.sort(key=lambda c: not c.startswith("frontier demo"))
    for cmd in cmds:
        res = _frontier(cmd, workdir)
        assert res.returncode == 0, f"{cmd}\n{res.stderr}"
        assert "Traceback" not in res.stderr
    for name in (
        "frontier-demo/frontier_map.html",
        "positioned.gpkg",
        "segments.geojson",
        "districts_weekly.csv",
        "map.html",
        "candidates.csv",
    ):
        assert (workdir / name).stat().st_size > 0, name
    info = _frontier("frontier info", workdir).stdout
    assert "length: 2,761.5 km" in info


def test_python_example_in_the_readme_runs(workdir, monkeypatch):
    code = re.findall(r"```python\n(.*?)```", README, flags=re.S)[0]
    monkeypatch.chdir(workdir)
    exec(compile(code, "README.md", "exec"), {})
    assert (workdir / "example_map.html").stat().st_size > 0
    assert (workdir / "incidents.geojson").stat().st_size > 0
