"""Benchmark of :func:`incidents.extract.extract`.

Run with ``python tests/benchmarks/bench_extract.py [--articles N] [--naive K]``.

Uses the wire-style test articles of ``tests/incidents/test_extract.py``, each
made distinct by a suffix so no cache sees the same article twice, and reports

* the gazetteer load (cold, once per process),
* articles/s of ``extract`` over ``--articles`` articles, one call each,
* one call on all of them concatenated (the long-input path: linear time),
* one article telling 250, 1,000 and 2,000 distinct incidents (linear in rows),
* a naive baseline in the same run: every capitalised 1-3-word n-gram of an
  article resolved with a fresh, uncached :meth:`Geocoder.resolve` (what a
  "find every name, geocode it" pipeline does), over ``--naive`` articles, and
  the speed ratio.
"""

from __future__ import annotations

import argparse
import json
import re
import sys
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1] / "incidents"))

_CAP = re.compile(r"\b[A-Z][\w'’-]*(?:\s+[A-Z][\w'’-]*){0,2}")


def naive(text: str, gc) -> int:
    """Resolve every capitalised n-gram (1-3 words) through the uncached path."""
    n = 0
    for m in _CAP.finditer(text):
        words = m.group(0).split()
        for i in range(len(words)):
            for j in range(i + 1, min(i + 3, len(words)) + 1):
                gc._resolve(" ".join(words[i:j]), None, None, None)
                n += 1
    return n


def many_incidents(n: int) -> str:
    """One article telling ``n`` incidents at districts of both countries on
    different days, each told twice (the day, then how the clash began)."""
    import datetime as dt

    from geo import reference

    units = reference.admin2()
    names, provinces = units["admin2"].tolist(), units["admin1"].tolist()
    lines = []
    for i in range(n):
        d = dt.date(2025, 1, 1) + dt.timedelta(days=i % 300)
        k = (i * 7) % len(names)
        lines.append(
            f"On {d:%B} {d.day}, {d.year}, {i % 7 + 2} soldiers were killed when militants "
            f"attacked a post in {names[k]} district of {provinces[k]}. Officials said the "
            f"clash began when fighters fired on the post in {names[k]} district."
        )
    return "\n".join(lines)


def main(argv: list[str] | None = None) -> None:
    p = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    p.add_argument("--articles", type=int, default=2000)
    p.add_argument("--naive", type=int, default=50)
    args = p.parse_args(argv)

    import os

    import test_extract as T  # the articles

    from incidents._gazetteer import Gazetteer
    from incidents.extract import extract
    from incidents.geocode import Geocoder

    print(f"load average at start (1, 5, 15 min): {os.getloadavg()}")
    t0 = time.perf_counter()
    gaz = Gazetteer.load()
    print(f"gazetteer load: {time.perf_counter() - t0:.2f} s ({gaz.n:,} places)")

    base = [(text, date) for text, date, _ in T.ARTICLES.values()]
    arts = [
        (f"{text}Reporting by desk {i}; editing by staff {i}.\n", date)
        for i, (text, date) in enumerate((base * (args.articles // len(base) + 1))[: args.articles])
    ]
    chars = sum(len(t) for t, _ in arts) / len(arts)
    gc = Geocoder(gaz)
    extract(arts[0][0], article_date=arts[0][1], geocoder=gc)  # frontier line, regex compile

    t0, c0 = time.perf_counter(), time.process_time()
    found = sum(len(extract(t, article_date=d, geocoder=gc)) for t, d in arts)
    s, cpu = time.perf_counter() - t0, time.process_time() - c0
    rate = len(arts) / s
    print(
        f"extract: {len(arts):,} articles (~{chars:,.0f} chars) in {s:.2f} s -> {rate:,.0f} "
        f"articles/s ({1000 * s / len(arts):.2f} ms each), {found:,} candidates; "
        f"CPU time {cpu:.2f} s -> {len(arts) / cpu:,.0f} articles per CPU-second "
        "(wall time counts the other processes sharing the 2 cores)"
    )

    long_text = "\n".join(t for t, _ in arts[:500])
    t0 = time.perf_counter()
    df = extract(long_text, article_date="2025-10-20", geocoder=gc)
    s_long = time.perf_counter() - t0
    print(
        f"long input: {len(long_text) / 1e6:.2f} MB in one call, {s_long:.2f} s "
        f"({500 / s_long:,.0f} articles/s), {len(df):,} candidates after merging"
    )

    # The real-article set (tests/incidents/data/articles.jsonl), made distinct the same way.
    real_path = Path(__file__).resolve().parents[1] / "incidents" / "data" / "articles.jsonl"
    real = [json.loads(line) for line in real_path.read_text(encoding="utf-8").splitlines()]
    reps = max(1, args.articles // len(real))
    texts = [
        ("\n".join(a["text"]) + f"\nReporting by desk {i}.\n", a["published"])
        for i in range(reps)
        for a in real
    ]
    t0, c0 = time.perf_counter(), time.process_time()
    for t, d in texts:
        extract(t, article_date=d, geocoder=gc)
    s_real, cpu_real = time.perf_counter() - t0, time.process_time() - c0
    print(
        f"real articles: {len(texts):,} calls (~{sum(len(t) for t, _ in texts) / len(texts):,.0f}"
        f" chars) in {s_real:.2f} s -> {len(texts) / s_real:,.0f} articles/s, "
        f"{len(texts) / cpu_real:,.0f} per CPU-second"
    )

    # Linear in text size: time per character of 1x, 4x and 16x concatenations.
    one = "\n".join(t for t, _ in arts[:20])
    per = []
    for k in (1, 4, 16):
        t0 = time.perf_counter()
        extract("\n".join([one] * k), article_date="2025-10-20", geocoder=gc)
        per.append((time.perf_counter() - t0) / (k * len(one)) * 1e6)
    print(
        "linearity (us per char at 1x, 4x, 16x): "
        + ", ".join(f"{p:.1f}" for p in per)
        + f" (16x/1x = {per[2] / per[0]:.2f})"
    )

    # Linear in the number of incidents: one article telling n distinct incidents
    # (n districts, n dates), each told twice (its day, then how it began).
    per_row = []
    for n in (250, 1000, 2000):
        text = many_incidents(n)
        c0 = time.process_time()
        rows = len(extract(text, article_date="2025-12-31", geocoder=gc))
        per_row.append((time.process_time() - c0) / n * 1e3)
        print(f"one article of {n:,} incidents: {rows:,} rows, {per_row[-1]:.2f} ms CPU each")
    print(f"ms per incident at 2,000 / at 250 = {per_row[-1] / per_row[0]:.2f}")

    fresh = Geocoder(gaz)
    sample = arts[: args.naive]
    t0 = time.perf_counter()
    calls = sum(naive(t, fresh) for t, _ in sample)
    s_naive = time.perf_counter() - t0
    naive_rate = len(sample) / s_naive
    print(
        f"naive baseline (every capitalised n-gram -> uncached resolve): {len(sample)} articles, "
        f"{calls:,} lookups in {s_naive:.2f} s -> {naive_rate:,.1f} articles/s; "
        f"extract is {rate / naive_rate:,.0f}x faster"
    )
    print(f"load average at end (1, 5, 15 min): {os.getloadavg()}")


if __name__ == "__main__":
    main()
