"""Maps and the command line.

``build_map`` loads on first use, so that the ``frontier`` command starts fast.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from maps.build import build_map

__all__ = ["build_map"]


def __getattr__(name: str) -> Any:
    if name == "build_map":
        from maps.build import build_map

        return build_map
    raise AttributeError(f"module 'maps' has no attribute {name!r}")
