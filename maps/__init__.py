"""Maps of positioned incidents."""

from maps.build import build_map

__all__ = ["build_map"]
