"""The environment for a benchmark's child processes: the kiosk's bytecode cached, as on a ward.

Python writes a module's bytecode the first time it imports it (in ``__pycache__`` beside it), so every start
of the kiosk after its first reads it; the floors' libraries (PySide6, reportlab) were compiled by pip. A shell
that sets ``PYTHONDONTWRITEBYTECODE`` (some CI and sandbox shells do) would make every timed child compile the
kiosk's modules from source, a cost no start on the ward pays and the floor never does (issue 19: the cold start and
the first preview looked slower than they are).
"""

from __future__ import annotations

import compileall
import os

from kiosk import paths


def ward_env(**extra: str) -> dict[str, str]:
    """``os.environ`` with ``extra``, bytecode written and read, after compiling the kiosk and its tests."""
    for folder in ("kiosk", "tests"):
        compileall.compile_dir(paths.PROJECT_ROOT / folder, quiet=1)
    env = dict(os.environ, **extra)
    env.pop("PYTHONDONTWRITEBYTECODE", None)
    return env
