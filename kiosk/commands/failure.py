"""How every command reports a failure a person can act on: the title, then the hint on its own line."""

from __future__ import annotations

import sys

from kiosk.errors import KioskError


def print_failure(where: str, exc: KioskError | ValueError) -> int:
    """Print ``exc`` to stderr after ``where`` (e.g. "records export"); the exit code for it (2)."""
    title = exc.title if isinstance(exc, KioskError) else str(exc)
    print(f"{where}: {title}", file=sys.stderr)
    if isinstance(exc, KioskError) and exc.hint:
        print(f"  {exc.hint}", file=sys.stderr)
    return 2
