"""The X servers of the real-window tests (``kiosk.xvfb``) and the tools the tests need."""

from __future__ import annotations

import shutil

from kiosk.xvfb import XServer, start_xvfb

TOOLS = ("Xvfb", "xdotool", "xprop")

__all__ = ["TOOLS", "XServer", "missing_tools", "start_xvfb"]


def missing_tools() -> list[str]:
    return [tool for tool in TOOLS if shutil.which(tool) is None]
