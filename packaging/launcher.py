"""Entry point of the bundled app: the same as the `drafter` command."""

import sys

from drafter.cli import main

if __name__ == "__main__":
    sys.exit(main())
