"""Real-window tests: the kiosk on the real ``xcb`` platform under Xvfb, with the Qt Virtual Keyboard.

Every test here is marked ``display``. Qt runs in a child process (this pytest process is offscreen), see
``harness.py``; the X servers are started here, once per screen size, and shared by the whole session.
"""

from __future__ import annotations

from collections.abc import Callable, Iterator
from pathlib import Path

import pytest

from tests.display.xserver import XServer, missing_tools, start_xvfb

HERE = Path(__file__).parent


def pytest_collection_modifyitems(config: pytest.Config, items: list[pytest.Item]) -> None:
    for item in items:
        if HERE in Path(str(item.fspath)).parents:
            item.add_marker(pytest.mark.display)


@pytest.fixture(scope="session")
def xserver() -> Iterator[Callable[[int, int], XServer]]:
    """``xserver(width, height)``: a running Xvfb of that size (started on first use, stopped at the end)."""
    missing = missing_tools()
    if missing:
        pytest.fail(f"real-window tests need {', '.join(missing)} (TEST_APT in kiosk.sh)", pytrace=False)
    servers: dict[tuple[int, int], XServer] = {}

    def get(width: int, height: int) -> XServer:
        if (width, height) not in servers:
            servers[(width, height)] = start_xvfb(width, height)
        return servers[(width, height)]

    yield get
    for server in servers.values():
        server.stop()
