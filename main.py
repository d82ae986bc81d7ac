#!/usr/bin/env python3
"""Start the Discharge Kiosk (or one of its tools: ``python main.py --help``)."""

import sys

from kiosk.cli import main

if __name__ == "__main__":
    sys.exit(main())
