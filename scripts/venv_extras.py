"""Print the installed distributions that a lock file does not name, so the set-up can remove them.

Why: "installed from the lock" must mean "exactly the lock"; an old editable install or a package added by hand
would otherwise stay and hide a missing pin. pip, setuptools and wheel belong to the venv itself, not the lock.
"""

from __future__ import annotations

import re
import sys
from importlib import metadata
from pathlib import Path

_VENV_OWN = {"pip", "setuptools", "wheel"}


def normalise(name: str) -> str:
    """PEP 503 form: ``PySide6_Addons`` and ``pyside6-addons`` are one package."""
    return re.sub(r"[-_.]+", "-", name).lower()


def locked_names(lock: Path) -> set[str]:
    """Every package the lock pins (lines ``name==version ...``)."""
    pins = re.findall(r"^([A-Za-z0-9][A-Za-z0-9._-]*)==", lock.read_text(encoding="utf-8"), flags=re.MULTILINE)
    return {normalise(name) for name in pins}


def main() -> None:
    locked = locked_names(Path(sys.argv[1]))
    installed = {normalise(dist.metadata["Name"]) for dist in metadata.distributions()}
    print(" ".join(sorted(installed - locked - _VENV_OWN)))


if __name__ == "__main__":
    main()
