"""`python -m ui [FILE] [--base BASE] [--view …] [--screenshot OUT.png]`: the app, as `drafter gui` runs it."""

from __future__ import annotations

import argparse
import logging
import os
import sys

from ui.app import add_arguments, run

if __name__ == "__main__":
    parser = argparse.ArgumentParser(prog="python -m ui")
    add_arguments(parser)
    arguments = parser.parse_args()
    if arguments.screenshot:
        os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
    logging.basicConfig(level=logging.WARNING)
    sys.exit(run(arguments))
