"""Rows of development articles *when first seen*, for fitting ``confidence``.

Run with ``python tests/benchmarks/first_runs.py`` (from a git clone with its history;
it takes about ten minutes).  Each wave of new real articles arrived at a known commit
and was scored there before any rule was written from it.  For every wave this script
checks that commit out in a temporary git worktree, runs the extractor of that commit
on the wave's development articles (never the test split), computes the confidence
features of the *current* code (:func:`incidents._extract_confidence.features`, loaded
from this tree) on the rows that old code made, scores them with this tree's scorer and
writes one JSON line per scored row to ``tests/benchmarks/data/first_runs.jsonl``:
``wave``, ``commit``, ``id``, ``status`` (``tp``, ``optional``, ``coarser``,
``background``, ``fp``) and ``features``.  ``score_extract.py --fit`` fits the weights
on these rows and the development rows of the current code.
"""

from __future__ import annotations

import json
import re
import shutil
import subprocess
import sys
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
OUT = ROOT / "tests" / "benchmarks" / "data" / "first_runs.jsonl"
ARTICLES = ROOT / "tests" / "incidents" / "data" / "articles.jsonl"

#: (wave, commit the wave was first scored at, batch id prefixes of its articles)
WAVES: tuple[tuple[str, str, str], ...] = (
    ("20", "adc9cd1", "CH CI CJ CK"),
    ("21", "93d9158", "CL CM CN CO"),
    ("22", "9e5514d", "CP CQ CR CS"),
    ("23", "6e029f0", "CT CU CV CW"),
    ("24", "d35c9e1", "CX CY CZ DA"),
    ("25", "4605dbf", "DB DC DD DE"),
    ("26", "b1ced46", "DF DG DH DI"),
    ("27", "3a548f7", "DJ DK DL DM"),
    ("28", "6f4df04", "DN DO DP DQ"),
    ("29", "33c95ad", "DR DS DT DU DV DW"),
    ("30", "627d6dc", "DX DY DZ EA EB EC"),
    ("31", "a4a8755", "ED EE EF EG EH EI"),
    ("32", "e19faa0", "EJ EK EL EM EN EO"),
    ("33", "92368c8", "EP EQ ER ES ET EU"),
    ("34", "89ebe6f", "EV EW EX EY EZ FA"),
    ("35", "c2be618", "FB FC FD FE FF FG"),
    ("36", "e07e6c7", "FH FI FJ FK FL FM"),
    ("37", "b286d23", "FN FO FP FQ FR FS"),
    ("38", "60fb9e8", "FT FU FV FW FX FY"),
    ("39", "f6303ae", "FZ GA GB GC GD GE"),
    ("40", "00c9434", "GF GG GH GI GJ GK"),
    ("41", "e5b1942", "GL GM GN GO GP GQ"),
    ("42", "4c95917", "GR GS GT GU GV GW"),
    ("43", "049093f", "GX GY GZ HA HB HC"),
    ("44", "f5f3dd2", "HD HE HF HG HH HI"),
    ("45", "44cba0f", "HJ HK HL HM HN HO"),
    ("46", "4cf0971", "HP HQ HR HS HT HU"),
    ("47", "1d74f1c", "HV HW HX HY HZ IA"),
    ("48", "f04ac58", "IB IC ID IE IF IG"),
    ("49", "a2e4d04", "IH II IJ IK"),
    ("50", "c07e1fc", "IL IM IN IO IP IQ"),
    ("51", "832524c", "IR IS IT IU IV IW"),
    ("52", "5925fc5", "IX IY IZ JA JB JC"),
    ("53", "fec1b7b", "JD JE JF JG JH JI"),
    ("54", "2ff72a4", "JJ JK JL JM JN JO"),
    ("55", "9006c4b", "JP JQ JR JS JT JU"),
    ("56", "212fdf3", "JV JW JX JY JZ KA"),
    ("57", "be72790", "KB KC KD KE KF KG"),
    ("58", "1056ce0", "KH KI KL KM"),
    ("59", "7723bf0", "KR KS KT KU KV"),
    ("60", "9e035b0", "KW KY KZ LA LB"),
    ("61", "f9b6442", "LC LD LE LF LG"),
    ("62", "66f837d", "LH LI LJ LK LL"),
    ("63", "bed2fe4", "LM LN LO LP LQ"),
    ("64", "f37dcfc", "LR LS LT LU LV"),
    ("65", "5394830", "LW LX LY LZ MA"),
    ("66", "f228326", "MB MC MD ME MF"),
    ("67", "93e6cde", "MG MH MI MJ MK"),
    ("68", "f539815", "ML MM MN MO MP"),
    ("69", "b580518", "MQ MR MS MT MU"),
    ("70", "f6cc5a0", "MV MW MX MY MZ"),
    ("71", "f39fdb7", "NA NB NC ND NE"),
    ("72", "56a0b44", "NF NG NH NI NJ"),
    ("73", "5e51759", "NK NL NM NN NO"),
    ("74", "13d183b", "NP NQ NR NS NT"),
    ("75", "579bd55", "NU NV NW NX NY"),
    ("76", "c5f070d", "NZ OA OB OC OD"),
    ("77", "0270b87", "OE OF OG OH OI"),
    ("78", "f8948b6", "OJ OK OL OM ON"),
    ("79", "1a3a021", "OO OP OQ OR OS"),
    ("80", "d3d59df", "OT OU OV OW OX"),
    ("81", "96065f6", "OY OZ PA PB PC"),
    ("82", "e20695d", "PD PE PF PG PH"),
    ("83", "ee20646", "PI PJ PK PL PM"),
    ("84", "38f2f35", "PN PO PP PQ PR"),
    ("85", "8a90773", "PS PT PU PV PW"),
    ("86", "0a2a379", "PX PY PZ QA QB"),
    ("87", "d5c6077", "QC QD QE QF QG"),
)

# The feature call of the code of a wave (before or after session 19), replaced by
# the current feature function.
_OLD_CALLS = (
    "        c.features = features(c)\n",
    "        c.features = features(c, rows=cands, texts=texts, ref=ref)\n",
)
_NEW_CALL = (
    "        import importlib.util as _u, sys as _sys\n"
    "        if '_current_features' not in _sys.modules:\n"
    "            _s = _u.spec_from_file_location('_current_features', {path!r})\n"
    "            _sys.modules['_current_features'] = _u.module_from_spec(_s)\n"
    "            _s.loader.exec_module(_sys.modules['_current_features'])\n"
    "        c.features = _sys.modules['_current_features'].features(\n"
    "            c, rows=cands, texts=texts, ref=ref\n"
    "        )\n"
)

_RUN = """
import json, sys
sys.path.insert(0, "tests/benchmarks")
import score_extract as se
ids = set(sys.argv[1].split(","))
for a in se.load():
    if a["split"] != "dev" or a["id"] not in ids:
        continue
    res = se.score_article(a)
    for r in res["rows_all"]:
        print(json.dumps({"id": a["id"], "status": r["status"], "features": r.get("features")}))
"""


def _dev_ids(prefixes: str, records: list[dict]) -> list[str]:
    pat = re.compile(r"(?:" + "|".join(prefixes.split()) + r")\d+")
    return [r["id"] for r in records if r["split"] == "dev" and pat.fullmatch(r["id"])]


def main() -> None:
    records = [json.loads(line) for line in ARTICLES.read_text(encoding="utf-8").splitlines()]
    current = ROOT / "incidents" / "_extract_confidence.py"
    lines: list[str] = []
    with tempfile.TemporaryDirectory() as tmp:
        tree = Path(tmp) / "tree"
        for wave, commit, prefixes in WAVES:
            subprocess.run(
                ["git", "-C", str(ROOT), "worktree", "add", "-q", "--detach", str(tree), commit],
                check=True,
            )
            try:
                shutil.copy(ARTICLES, tree / "tests" / "incidents" / "data" / "articles.jsonl")
                shutil.copy(
                    ROOT / "tests" / "benchmarks" / "score_extract.py",
                    tree / "tests" / "benchmarks",
                )
                code = tree / "incidents" / "extract.py"
                text = code.read_text(encoding="utf-8")
                call = next((c for c in _OLD_CALLS if c in text), None)
                if call is None:
                    sys.exit(f"wave {wave}: no known feature call in {commit}: {_OLD_CALLS}")
                code.write_text(text.replace(call, _NEW_CALL.format(path=str(current))))
                ids = _dev_ids(prefixes, records)
                out = subprocess.run(
                    [sys.executable, "-c", _RUN, ",".join(ids)],
                    cwd=tree,
                    env={"PYTHONPATH": str(tree), "PATH": "/usr/bin:/bin"},
                    capture_output=True,
                    text=True,
                    check=True,
                ).stdout
                rows = [json.loads(x) for x in out.splitlines() if x.startswith("{")]
                lines += [json.dumps({"wave": wave, "commit": commit, **r}) for r in rows]
                print(f"wave {wave} ({commit}): {len(ids)} dev articles, {len(rows)} rows")
            finally:  # (never hide the error that brought us here)
                subprocess.run(
                    ["git", "-C", str(ROOT), "worktree", "remove", "--force", str(tree)],
                    check=False,
                )
                subprocess.run(["git", "-C", str(ROOT), "worktree", "prune"], check=False)
    OUT.parent.mkdir(parents=True, exist_ok=True)
    OUT.write_text("\n".join(lines) + "\n", encoding="utf-8")
    print(f"{len(lines)} rows -> {OUT}")


if __name__ == "__main__":
    main()
