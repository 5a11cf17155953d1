"""Draw the shipped frontier's distance-band polygons once and ship them.

Run from the project root after any change to the frontier line, the country
polygons, :data:`geo.DISTANCE_BANDS_KM` or the drawing itself (then bump
:data:`geo.bands.CORRIDOR_VERSION`)::

    python -m geo.data.derive_corridors

It writes ``geo/data/corridors.parquet``: for the default frontier and bands,
with and without the open band beyond, the rows :meth:`geo.Frontier.corridor`
draws (``side``, ``km_min``, ``km_max``, ``band``, geometry as WKB, exact
float64) under their content key (:func:`geo.bands.corridor_key`).  The
installed package reads the file and never runs this module.
"""

from __future__ import annotations

from pathlib import Path

import pyarrow as pa
import pyarrow.parquet as pq
import shapely

from geo import DISTANCE_BANDS_KM, Frontier
from geo.bands import CORRIDORS_FILE, check_bands, corridor_key

OUT = Path(__file__).resolve().parent / CORRIDORS_FILE


def main() -> None:
    frontier = Frontier.default()
    edges = check_bands(DISTANCE_BANDS_KM)
    parts = []
    for beyond in (True, False):
        key = corridor_key(frontier.line, frontier.countries, edges, beyond)
        cor = frontier._build_corridor(edges, beyond)
        parts.append(
            pa.table(
                {
                    "key": [key] * len(cor),
                    "side": cor["side"].astype(str).tolist(),
                    "km_min": cor["km_min"].astype(float).to_numpy(),
                    "km_max": cor["km_max"].astype(float).to_numpy(),
                    "band": cor["band"].astype(str).tolist(),
                    "geometry": shapely.to_wkb(cor.geometry.values, output_dimension=2),
                }
            )
        )
    OUT.unlink(missing_ok=True)
    pq.write_table(pa.concat_tables(parts), OUT, compression="zstd")
    print(
        f"{OUT.name}: {sum(p.num_rows for p in parts)} polygons, {OUT.stat().st_size / 1e6:.2f} MB"
    )


if __name__ == "__main__":
    main()
