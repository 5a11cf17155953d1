"""Static figures: the space-time chart, the frontier profile, the static map and the CLI."""

from __future__ import annotations

import os
import re
from collections import Counter
from pathlib import Path

import matplotlib
import numpy as np
import pandas as pd
import pyproj
import pytest
from positioned_tables import synthetic_incidents

matplotlib.use("Agg")  # tests draw to files; the library itself never picks a backend

import matplotlib.dates as mdates
from matplotlib.figure import Figure

import maps
from incidents import aggregate, prepare, write
from incidents.bundled import oct2025_path
from maps.cli import main

PNG = b"\x89PNG\r\n\x1a\n"


@pytest.fixture(scope="module")
def bundled() -> pd.DataFrame:
    """The October-November 2025 clashes, geocoded and positioned."""
    return prepare(oct2025_path())


@pytest.fixture(scope="module")
def bundled_file(bundled, tmp_path_factory) -> Path:
    path = tmp_path_factory.mktemp("figures") / "oct2025.parquet"
    write(bundled, path)
    return path


@pytest.fixture
def mixed() -> pd.DataFrame:
    """3,000 synthetic incidents with every reason not to be drawn mixed in."""
    t = synthetic_incidents(3000, seed=7)
    rng = np.random.default_rng(3)
    idx = rng.permutation(len(t))
    coarse3, coarse2, undated, other, unloc = np.split(idx[:500], 5)
    t["geo_precision"] = t["geo_precision"].astype("Int64")
    t.loc[coarse3, "geo_precision"] = 3
    t.loc[coarse3, "uncertainty_km"] = 120.0
    t.loc[coarse2, "geo_precision"] = 2
    t.loc[coarse2, "uncertainty_km"] = 80.0  # wider than a 50-km segment
    t.loc[undated, "date"] = pd.NaT
    t.loc[other, "side"] = "other"
    t.loc[unloc, ["latitude", "longitude", "frontier_km"]] = np.nan
    t.loc[unloc, "side"] = pd.NA
    t.loc[unloc, "geometry"] = None
    t.loc[idx[500:700], "fatalities"] = rng.integers(0, 80, 200)
    return t


def _offsets(fig: Figure, prefix: str) -> np.ndarray:
    pts = [
        c.get_offsets()
        for ax in fig.axes
        for c in ax.collections
        if (c.get_gid() or "").startswith(prefix)
    ]
    return np.vstack(pts) if pts else np.zeros((0, 2))


# ---------------------------------------------------------------- space-time
def test_spacetime_marks_equal_aggregate_per_segment_and_week(mixed):
    fig = maps.spacetime(mixed, km=50, period="week")
    agg = aggregate(mixed, by="segment", km=50, period="week")
    for side in ("AF", "PK"):
        xy = _offsets(fig, f"incidents-{side}")
        days = pd.to_datetime([d.replace(tzinfo=None) for d in mdates.num2date(xy[:, 1])])
        week = (days - pd.to_timedelta(days.day_of_week, unit="D")).normalize()
        seg = np.floor(xy[:, 0] / 50).astype(int)
        drawn = Counter(zip(seg.tolist(), week, strict=True))
        rows = agg[(agg["side"] == side) & (agg["unit"] != "unassigned") & agg["period"].notna()]
        expected = {
            (int(r.segment_id), pd.Timestamp(r.period)): int(r.incidents) for r in rows.itertuples()
        }
        assert dict(drawn) == expected
        assert sum(expected.values()) > 1000
    # what is not drawn is counted, by reason, from the table itself
    s = fig.frontier_summary
    prec = mixed["geo_precision"].astype("Float64").fillna(1).to_numpy(float)
    unc = mixed["uncertainty_km"].fillna(0).to_numpy(float)
    located = mixed["frontier_km"].notna().to_numpy()
    coarse = located & ((prec >= 3) | ((prec == 2) & (unc > 50)))
    assert s["coarse"] == int(coarse.sum()) == 200
    assert s["unlocated"] == 100
    assert s["other_side"] == 100
    assert s["undated"] == 100
    assert sum(s.values()) == len(mixed)


def test_spacetime_low_precision_is_hollow_with_an_uncertainty_bar(bundled):
    fig = maps.spacetime(bundled)
    low = [c for a in fig.axes for c in a.collections if "-low" in (c.get_gid() or "")]
    assert low and all(
        np.allclose(c.get_facecolors()[:, 3], 0) or len(c.get_facecolors()) == 0 for c in low
    )
    bars = [c for a in fig.axes for c in a.collections if (c.get_gid() or "").startswith("unc")]
    seg = np.array([s for c in bars for s in c.get_segments()])
    widths = np.sort(np.round((seg[:, 1, 0] - seg[:, 0, 0]) / 2, 6))
    prec = bundled["geo_precision"].astype("Float64")
    unc = bundled["uncertainty_km"]
    want = unc[(prec == 2) & (unc <= 50) & bundled["side"].isin(["AF", "PK"])].to_numpy(float)
    np.testing.assert_allclose(widths, np.sort(np.round(want, 6)))


def test_spacetime_draws_into_given_axes(bundled):
    fig = Figure()
    ax = fig.add_subplot(1, 2, 1)
    out = maps.spacetime(bundled, ax=ax)
    assert out is fig
    assert len(fig.axes) >= 2 and ax not in fig.axes
    pair = Figure().subplots(2, 1)
    assert maps.spacetime(bundled, ax=tuple(pair)) is pair[0].figure


def test_spacetime_rejects_bad_options(bundled):
    with pytest.raises(ValueError, match="period must be"):
        maps.spacetime(bundled, period="fortnight")
    with pytest.raises(ValueError, match="km must be"):
        maps.spacetime(bundled, km=0)
    with pytest.raises(ValueError, match="not positioned"):
        maps.spacetime(bundled.drop(columns=["frontier_km"]))


# ------------------------------------------------------------------ profile
def test_profile_bars_count_segments_per_side(mixed):
    fig = maps.profile(mixed, km=100)
    prec = mixed["geo_precision"].astype("Float64").fillna(1).to_numpy(float)
    unc = mixed["uncertainty_km"].fillna(0).to_numpy(float)
    ok = mixed["frontier_km"].notna().to_numpy() & ~((prec >= 3) | ((prec == 2) & (unc > 100)))
    ax = fig.axes[0]
    for side, sign in (("AF", 1), ("PK", -1)):
        bars = [p for p in ax.patches if p.get_gid() == f"bar-{side}"]
        got = {round(p.get_x() / 100): sign * p.get_height() for p in bars if p.get_height()}
        rows = mixed[ok & (mixed["side"] == side).fillna(False).to_numpy()]
        want = (rows["frontier_km"] // 100).astype(int).value_counts().to_dict()
        assert got == {k: float(v) for k, v in want.items()}


def test_profile_compares_two_periods(bundled):
    fig = maps.profile(
        bundled, between=("2025-10-01", "2025-10-12"), compare=("2025-10-13", "2025-11-30")
    )
    prof = fig.frontier_profile
    dates = pd.to_datetime(bundled["date"])
    first = (dates <= "2025-10-12").sum()
    assert prof["main"].attrs["rows"] == first
    assert prof["compare"].attrs["rows"] == len(bundled) - first
    assert any((c.get_gid() or "").startswith("compare-") for c in fig.axes[0].patches)
    with pytest.raises(ValueError, match="first <= last"):
        maps.profile(bundled, between=("2025-11-01", "2025-10-01"))


# --------------------------------------------------------------- static map
def test_map_draws_only_points_of_honest_precision(bundled):
    fig = maps.static_map(bundled)
    s = fig.frontier_summary
    prec = bundled["geo_precision"].astype("Float64")
    assert s["coarse"] == int((prec == 3).sum())
    assert s["unlocated"] == int(bundled["latitude"].isna().sum())
    assert sum(s.values()) == len(bundled)
    assert len(_offsets(fig, "incidents")) == s["drawn"]
    # every precision-2 mark sits in a circle of its radius
    circles = [c for c in fig.axes[0].collections if c.get_gid() == "uncertainty"]
    assert circles and len(circles[0].get_offsets()) == len(_offsets(fig, "incidents-low"))


def test_map_scale_bar_is_geodesically_true(bundled):
    from geo import Frontier

    fig = maps.static_map(bundled)
    ax = fig.axes[0]
    (bar,) = [ln for ln in ax.lines if ln.get_gid() == "scalebar"]
    (x0, x1), (y0, y1) = bar.get_xdata(), bar.get_ydata()
    label = next(t.get_text() for t in ax.texts if t.get_text().endswith(" km"))
    km = float(label.replace(",", "").split()[0])
    to_ll = pyproj.Transformer.from_crs(Frontier.default().local_crs, 4326, always_xy=True)
    lon, lat = to_ll.transform([x0, x1], [y0, y1])
    _, _, d = pyproj.Geod(ellps="WGS84").inv(lon[0], lat[0], lon[1], lat[1])
    assert d / 1000 == pytest.approx(km, rel=1e-3)


@pytest.mark.parametrize("by", ["admin2", "segment", "hex", "band"])
def test_map_choropleth_from_aggregate(bundled, by):
    fig = maps.static_map(bundled, choropleth=by)
    texts = [t.get_text() for t in fig.legends[0].get_texts()]
    agg = aggregate(bundled, by=by)
    un = int(agg.loc[agg["unit"] == "unassigned", "incidents"].sum())
    if un:
        assert any(t.startswith(f"{un:,} incidents too coarse") for t in texts)
    cbar_max = max(ax.get_ylim()[1] for ax in fig.axes[1:])
    units = agg[agg["unit"] != "unassigned"]
    assert cbar_max == pytest.approx(max(units["incidents"].max(), 1))


def test_map_labels_do_not_overlap(bundled):
    fig = maps.static_map(bundled, towns=60)
    fig.draw_without_rendering()
    ax = fig.axes[0]
    boxes = [t.get_window_extent() for t in ax.texts if t.get_text() and "km" not in t.get_text()]
    assert len(boxes) > 10
    for i, a in enumerate(boxes):
        assert not any(a.overlaps(b) for b in boxes[i + 1 :])


# ---------------------------------------------------------------------- CLI
def _png_pixels(path: Path) -> np.ndarray:
    import matplotlib.image as mpimg

    return mpimg.imread(path)


@pytest.mark.parametrize("kind", ["map", "spacetime", "profile"])
@pytest.mark.parametrize("fmt", ["png", "svg", "pdf"])
def test_cli_writes_valid_files(bundled_file, tmp_path, kind, fmt, capsys):
    out = tmp_path / f"{kind}.{fmt}"
    argv = ["figure", str(bundled_file), "-o", str(out), "--kind", kind, "--dpi", "60"]
    assert main([*argv, "--width", "11", "--height", "7"]) == 0
    assert "frontier figure:" in capsys.readouterr().out
    data = out.read_bytes()
    assert [p.name for p in tmp_path.iterdir()] == [out.name]  # atomic: no temp file left
    umask = os.umask(0)
    os.umask(umask)
    assert out.stat().st_mode & 0o777 == 0o666 & ~umask
    if fmt == "png":
        assert data.startswith(PNG)
        img = _png_pixels(out)
        assert img.shape[:2] == (7 * 60, 11 * 60)
        rgb = img[..., :3].reshape(-1, 3)
        assert rgb.std() > 0.05  # not blank
        assert len(np.unique((rgb * 255).astype(int), axis=0)) > 50
    elif fmt == "pdf":
        assert data.startswith(b"%PDF-") and data.rstrip().endswith(b"%%EOF")
        assert len(data) > 10_000
    else:
        text = data.decode("utf-8")
        assert text.lstrip().startswith("<?xml") and "<svg" in text
        words = re.findall(r"<text[^>]*>([^<]*)</text>", text)
        legend = "Afghanistan side" if kind == "profile" else "Battles"
        assert any(legend in w for w in words)  # legend text stays text
        assert any("OpenStreetMap" in w for w in words)


def test_cli_geocodes_a_raw_file_and_filters(tmp_path, capsys):
    out = tmp_path / "st.png"
    argv = ["figure", oct2025_path(), "-o", str(out), "--kind", "spacetime", "--dpi", "40"]
    assert main([*argv, "--from", "2025-10-11", "--to", "2025-10-11"]) == 0
    msg = capsys.readouterr().out
    raw = pd.read_csv(oct2025_path())
    assert "of 41 incidents after filters" in msg
    n = int(re.search(r"spacetime: ([\d,]+) of", msg).group(1))
    assert 0 < n < len(raw) + 10
    assert main([*argv, "--where", "event_type=Battles", "--title", "Battles"]) == 0
    msg = capsys.readouterr().out
    t = prepare(oct2025_path())
    assert f"{int((t['event_type'] == 'Battles').sum())} of 41" in msg


@pytest.mark.parametrize(
    "extra, message",
    [
        (["--kind", "pie"], "unknown --kind"),
        (["--kind", "map", "--where", "nope=1"], "no column 'nope'"),
        (["--kind", "map", "--where", "event_type"], "COLUMN OP VALUE"),
        (["--kind", "map", "--from", "yesterday"], "expected a date like"),
        (["--kind", "map", "--from", "2030-01-01"], "no incidents left"),
        (["--kind", "spacetime", "--choropleth", "hex"], "--kind map only"),
    ],
)
def test_cli_bad_input_is_one_line(bundled_file, tmp_path, capsys, extra, message):
    out = tmp_path / "x.png"
    assert main(["figure", str(bundled_file), "-o", str(out), *extra]) == 2
    err = capsys.readouterr().err
    assert err.startswith("frontier figure: error:") and message in err
    assert len(err.strip().splitlines()) == 1
    assert not out.exists()


def test_cli_rejects_unknown_output_format(bundled_file, tmp_path, capsys):
    assert main(["figure", str(bundled_file), "-o", str(tmp_path / "x.jpg"), "--kind", "map"]) == 2
    assert ".png, .svg, .pdf" in capsys.readouterr().err


def test_library_never_sets_a_backend():
    import subprocess
    import sys

    code = (
        "import maps, matplotlib; maps.spacetime; maps.profile; maps.static_map; "
        "print(matplotlib.rcParams._get_backend_or_none())"
    )
    res = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, timeout=120)
    assert res.returncode == 0, res.stderr
    assert res.stdout.strip() == "None"
