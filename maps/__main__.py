import sys

from maps.cli import main

sys.exit(main())
