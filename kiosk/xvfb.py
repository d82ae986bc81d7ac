"""A private Xvfb display: for ``screenshots --real-window`` on a machine with no screen, and the real-window tests.

``-displayfd`` lets the X server pick a free display number and tell us which one, so parallel runs (CI jobs,
several developers on one machine) never clash over ``:99``. No Qt here: the display must exist before Qt starts.
"""

from __future__ import annotations

import os
import select
import shutil
import subprocess
import time
from dataclasses import dataclass

START_SECONDS = 15.0


def have_xvfb() -> bool:
    return shutil.which("Xvfb") is not None


@dataclass
class XServer:
    display: str
    size: tuple[int, int]
    process: subprocess.Popen[bytes]

    def stop(self) -> None:
        if self.process.poll() is None:
            self.process.terminate()
            try:
                self.process.wait(timeout=5)
            except subprocess.TimeoutExpired:
                self.process.kill()
                self.process.wait()


def start_xvfb(width: int, height: int) -> XServer:
    """An Xvfb of ``width`` x ``height`` (24-bit) on a display number it picks itself."""
    read_fd, write_fd = os.pipe()
    process = subprocess.Popen(
        ["Xvfb", "-displayfd", str(write_fd), "-screen", "0", f"{width}x{height}x24", "-nolisten", "tcp"],
        pass_fds=(write_fd,),
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
    )
    os.close(write_fd)
    number = b""
    deadline = time.monotonic() + START_SECONDS
    try:
        while not number.endswith(b"\n"):
            left = deadline - time.monotonic()
            ready, _, _ = select.select([read_fd], [], [], max(left, 0))
            chunk = os.read(read_fd, 16) if ready else b""
            if not chunk:
                process.kill()
                raise RuntimeError(f"Xvfb did not start within {START_SECONDS:.0f} s")
            number += chunk
    finally:
        os.close(read_fd)
    return XServer(f":{int(number)}", (width, height), process)
