"""Maps, figures and the command line.

``build_map`` (folium) and the figures (matplotlib) load on first use, so that the
``frontier`` command starts fast.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from maps._fig_map import static_map
    from maps._fig_profile import profile
    from maps._fig_spacetime import spacetime
    from maps.build import build_map

__all__ = ["build_map", "profile", "spacetime", "static_map"]


def __getattr__(name: str) -> Any:
    # folium and matplotlib load on first use only
    if name == "build_map":
        from maps.build import build_map

        return build_map
    if name == "spacetime":
        from maps._fig_spacetime import spacetime

        return spacetime
    if name == "profile":
        from maps._fig_profile import profile

        return profile
    if name == "static_map":
        from maps._fig_map import static_map

        return static_map
    raise AttributeError(f"module 'maps' has no attribute {name!r}")
