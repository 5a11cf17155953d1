"""Maps, exports and the command line."""

from maps.build import build_map
from maps.export import to_geojson_dict, write

__all__ = ["build_map", "to_geojson_dict", "write"]
