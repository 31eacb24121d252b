"""Run graphbuild as ``python -m graphbuild``."""

import sys

from graphbuild.cli import main

sys.exit(main())
