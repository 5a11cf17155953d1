"""Maps and the command line."""

from maps.build import build_map

__all__ = ["build_map"]


def __getattr__(name: str):
    # the figures import matplotlib: load them on first use only
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
