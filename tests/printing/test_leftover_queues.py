"""`scripts/cups-leftovers.sh` (run by setup-cups.sh) removes only test queues older than an hour.

A bench or a second test run sharing the machine runs the set-up while this run's throw-away queues are in use:
deleting those would break the running tests. The script runs here against a private scheduler (CUPS_SERVER),
so the system one and other runs' queues are never touched.
"""

from __future__ import annotations

import os
import subprocess
import time
import uuid

import pytest

from kiosk import paths
from tests.printing import cups_helpers

pytestmark = pytest.mark.cups

SCRIPT = paths.PROJECT_ROOT / "scripts" / "cups-leftovers.sh"


def queues(server: str) -> set[str]:
    listing = subprocess.run(["lpstat", "-h", server, "-p"], capture_output=True, text=True, timeout=10).stdout
    return {line.split()[1] for line in listing.splitlines() if line.startswith("printer ")}


def test_only_queues_older_than_an_hour_are_removed(private_cupsd: cups_helpers.PrivateCupsd) -> None:
    server = str(private_cupsd.socket)
    now = int(time.time())
    fresh = cups_helpers.unique_name("KioskTest")  # what a running test makes: stamped now
    almost = f"KioskTest_{now - 3000}_{uuid.uuid4().hex[:10]}"  # 50 minutes: may still be in use
    stale = f"KioskTest_{now - 7200}_{uuid.uuid4().hex[:10]}"  # a killed run's, two hours ago
    unstamped_old = f"KioskTest_{uuid.uuid4().hex[:10]}"  # the old naming: aged by its PPD
    unstamped_new = f"KioskTest_{uuid.uuid4().hex[:10]}"
    for name in (fresh, almost, stale, unstamped_old, unstamped_new):
        cups_helpers.add_queue(name, "cups-pdf:/", server=server)
    ppd = private_cupsd.root / "etc" / "ppd" / f"{unstamped_old}.ppd"
    os.utime(ppd, (now - 7200, now - 7200))

    env = {**os.environ, "CUPS_SERVER": server, "CUPS_PPD_DIR": str(private_cupsd.root / "etc" / "ppd")}
    result = subprocess.run(["bash", str(SCRIPT)], capture_output=True, text=True, timeout=60, env=env)

    assert result.returncode == 0, result.stderr
    left = queues(server)
    assert {fresh, almost, unstamped_new, private_cupsd.queue} <= left, result.stdout
    assert stale not in left and unstamped_old not in left, result.stdout
