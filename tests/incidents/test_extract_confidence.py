"""The features and the fitted model behind an extracted row's ``confidence``."""

from __future__ import annotations

import datetime as dt
import json
import re
from pathlib import Path
from types import SimpleNamespace

import pytest

from incidents._extract_confidence import FEATURES, WEIGHTS, confidence, features
from incidents.extract import extract

ROOT = Path(__file__).resolve().parents[2]
REF = dt.date(2025, 10, 20)


def _row(
    evidence: str,
    *,
    kind: str = "air_strike",
    method: str = "gazetteer",
    role: str = "place",
    name: str = "Barmal",
    sentence: int = 1,
    last: dt.date | None = REF,
) -> SimpleNamespace:
    match = SimpleNamespace(method=method, ambiguous=False)
    place = SimpleNamespace(text=name, match=match, role=role, fallback=False, notes=[])
    return SimpleNamespace(
        place=place,
        first=last,
        last=last,
        date_how="absolute",
        evidence=evidence,
        kind=kind,
        sentence=sentence,
        counts=[],
        fatalities=None,
        actor1=None,
        merged=0,
        flags=[],
        old=False,
    )


TEXTS = ["Jets strike Barmal", "s1", "s2", "s3", "s4", "s5"]

# (evidence, options, features that must be 1, features that must be 0)
CASES = [
    ("Jets struck Barmal, officials said.", {}, ["speech", "air_strike", "days_0_2"], ["cue_past"]),
    (
        "Since 2021 jets have struck Barmal several times.",
        {},
        ["cue_past", "old_year"],
        ["speech", "modal"],
    ),
    ("Pakistan would strike Barmal again, he warned.", {}, ["modal"], ["negation"]),
    ("The army denied that it had targeted Barmal.", {}, ["negation", "pluperfect"], []),
    ("Jets struck Barmal.", {"sentence": 0}, ["headline", "lead"], ["in_headline", "late"]),
    ("Jets struck Barmal.", {"sentence": 5}, ["late", "in_headline"], ["headline", "lead"]),
    ("Jets struck Barmal.", {"last": REF - dt.timedelta(days=9)}, ["days_3_14"], ["days_0_2"]),
    ("Jets struck Barmal.", {"last": REF - dt.timedelta(days=40)}, ["days_15p"], ["days_3_14"]),
    ("The border was closed.", {"kind": "border_closure"}, ["border_closure", "strategic"], []),
    ("x" * 301, {}, ["long_sentence"], []),
]


@pytest.mark.parametrize(("evidence", "options", "on", "off"), CASES)
def test_sentence_features(evidence: str, options: dict, on: list[str], off: list[str]) -> None:
    row = _row(evidence, **options)
    f = features(row, rows=[row], texts=TEXTS, ref=REF)
    assert set(f) == set(FEATURES)
    assert all(f[k] == 1.0 for k in on), {k: f[k] for k in on}
    assert all(f[k] == 0.0 for k in off), {k: f[k] for k in off}


def test_article_features() -> None:
    """A province row beside a finer row of its days; five rows; a repeated kind."""
    fine = _row("Jets struck Barmal.")
    coarse = _row("Jets also hit Paktika.", method="admin1", name="Paktika", sentence=2)
    others = [_row("Jets struck Urgun.", name="Urgun", sentence=k) for k in (3, 4, 5)]
    rows = [fine, coarse, *others]
    f = features(coarse, rows=rows, texts=TEXTS, ref=REF)
    assert f["coarse_beside_fine"] == 1.0 and f["province"] == 1.0
    assert f["many_rows"] == 1.0 and f["kind_repeated"] == 1.0 and f["lone_row"] == 0.0
    g = features(fine, rows=rows, texts=TEXTS, ref=REF)
    assert g["coarse_beside_fine"] == 0.0  # the fine row is not coarse
    alone = features(coarse, rows=[coarse], texts=TEXTS, ref=REF)
    assert alone["coarse_beside_fine"] == 0.0 and alone["lone_row"] == 1.0


def test_model_shape_and_range() -> None:
    assert len(WEIGHTS) == len(FEATURES) + 1
    row = _row("Jets struck Barmal, officials said.")
    p = confidence(features(row, rows=[row], texts=TEXTS, ref=REF))
    assert 0.0 < p < 1.0


def test_extracted_rows_carry_the_features() -> None:
    df = extract(
        "Pakistani jets struck Barmal district of Paktika on Sunday, killing eight, "
        "officials said.",
        article_date="2025-10-20",
    )
    assert len(df) == 1
    f = df.attrs["confidence_features"][0]
    assert set(f) == set(FEATURES) and f["speech"] == 1.0 and f["lone_row"] == 1.0
    assert df["confidence"].iloc[0] == confidence(f)


def test_first_runs_file_matches_the_features_and_the_waves() -> None:
    """The rows the weights were fitted on carry today's features (regenerate them with
    ``tests/benchmarks/first_runs.py`` after changing :data:`FEATURES`) and come from the
    waves that script lists, development articles only."""
    rows = [
        json.loads(line)
        for line in (ROOT / "tests" / "benchmarks" / "data" / "first_runs.jsonl")
        .read_text(encoding="utf-8")
        .splitlines()
    ]
    assert len(rows) > 500
    assert all(set(r["features"]) == set(FEATURES) for r in rows)
    assert {r["status"] for r in rows} <= {"tp", "optional", "coarser", "background", "fp"}
    script = (ROOT / "tests" / "benchmarks" / "first_runs.py").read_text(encoding="utf-8")
    waves = dict(re.findall(r'\("(\d+)", "([0-9a-f]{7})"', script))
    assert {(r["wave"], r["commit"]) for r in rows} <= set(waves.items())
    split = {
        json.loads(line)["id"]: json.loads(line)["split"]
        for line in (ROOT / "tests" / "incidents" / "data" / "articles.jsonl")
        .read_text(encoding="utf-8")
        .splitlines()
    }
    assert {split[r["id"]] for r in rows} == {"dev"}
