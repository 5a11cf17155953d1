"""Maps and the command line."""

from maps.build import build_map

__all__ = ["build_map"]
