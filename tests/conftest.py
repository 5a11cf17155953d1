import sys
from pathlib import Path

# shared test helpers (tests/geo/truth.py) are importable by name
sys.path.insert(0, str(Path(__file__).parent / "geo"))
