"""The SOUP list names every runtime package the kiosk is installed with, at the version the lock installs.

In medical software the list of third-party components is a controlled document: a lock upgrade that moves a
runtime package must show up in docs/DEPENDENCIES.md too, or this fails and says which row to change.
"""

from __future__ import annotations

import re
from pathlib import Path

from packaging.markers import Marker

from scripts.venv_extras import locked_names, normalise

ROOT = Path(__file__).resolve().parents[1]
RUNTIME_LOCK = ROOT / "requirements" / "runtime.lock"
TEST_LOCK = ROOT / "requirements" / "test.lock"
SOUP = ROOT / "docs" / "DEPENDENCIES.md"


def locked_versions(lock: Path, *, this_machine: bool = False) -> dict[str, str]:
    """``{normalised name: version}`` for every ``name==version`` pin in a lock file.

    The lock is universal, so some pins carry a marker (``colorama ... ; sys_platform == 'win32'``); with
    ``this_machine`` only the pins whose marker holds here are kept, i.e. what pip installs on this machine.
    """
    pins = re.findall(
        r"^([A-Za-z0-9][A-Za-z0-9._-]*)==([^\s;\\]+)(?: ; ([^\\\n]+))?", lock.read_text(encoding="utf-8"), re.MULTILINE
    )
    return {
        normalise(name): version
        for name, version, marker in pins
        if not (this_machine and marker and not Marker(marker.strip()).evaluate())
    }


def documented_runtime_versions() -> dict[str, str]:
    """The rows of the "Runtime (Python)" table: ``{normalised name: version}``."""
    text = SOUP.read_text(encoding="utf-8")
    section = text.split("## Runtime (Python)", 1)[1].split("\n## ", 1)[0]
    rows = re.findall(r"^\| ([A-Za-z0-9._-]+) \| ([^|]+?) \|", section, re.MULTILINE)
    return {normalise(name): version.strip() for name, version in rows if name != "package" and name.strip("-")}


def test_every_locked_runtime_package_is_documented_at_its_locked_version() -> None:
    locked = locked_versions(RUNTIME_LOCK)
    documented = documented_runtime_versions()
    missing = sorted(set(locked) - set(documented))
    assert not missing, f"runtime packages in the lock but not in docs/DEPENDENCIES.md: {missing}"
    wrong = {name: (documented[name], version) for name, version in locked.items() if documented[name] != version}
    assert not wrong, f"docs/DEPENDENCIES.md (documented, locked) versions differ: {wrong}"


def test_the_soup_list_names_nothing_the_kiosk_is_not_installed_with() -> None:
    stale = sorted(set(documented_runtime_versions()) - set(locked_versions(RUNTIME_LOCK)))
    assert not stale, f"docs/DEPENDENCIES.md lists runtime packages the lock does not install: {stale}"


def test_runtime_and_test_locks_agree_on_every_runtime_version() -> None:
    """Tests run the very versions a ward runs."""
    runtime, test = locked_versions(RUNTIME_LOCK), locked_versions(TEST_LOCK)
    assert {name: test.get(name) for name in runtime} == runtime


def test_every_pin_carries_hashes() -> None:
    for lock in (RUNTIME_LOCK, TEST_LOCK):
        blocks = re.split(r"\n(?=[A-Za-z0-9])", lock.read_text(encoding="utf-8"))
        pins = [block for block in blocks if "==" in block.split("\n", 1)[0]]
        assert pins and len(pins) == len(locked_names(lock))
        assert all("--hash=sha256:" in block for block in pins), lock.name


def test_the_test_environment_is_exactly_the_test_lock() -> None:
    """What `./kiosk.sh test` installed is the lock and nothing else (pip's own tools aside)."""
    import subprocess
    import sys

    frozen = subprocess.run(
        [sys.executable, "-m", "pip", "freeze", "--disable-pip-version-check"],
        capture_output=True,
        text=True,
        check=True,
    ).stdout
    installed = dict(
        (normalise(name), version) for name, version in re.findall(r"^([^=\s#@]+)==(\S+)$", frozen, re.MULTILINE)
    )
    other_lines = [line for line in frozen.splitlines() if line and "==" not in line]
    assert not other_lines, f"installed but not from the lock: {other_lines}"
    assert installed == locked_versions(TEST_LOCK, this_machine=True)
