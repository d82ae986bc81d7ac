"""``main.py run`` (the default): start the kiosk on this machine's display."""

from __future__ import annotations

import argparse
import gc
import os
import sys

NAME = "run"
HELP = "start the kiosk (the default when no command is given)"

NO_DISPLAY_MESSAGE = """\
Discharge Kiosk: there is no display to open the kiosk on.

  - On the ward tablet, start it from the desktop session (DISPLAY or WAYLAND_DISPLAY must be set).
  - To run it on a virtual screen:   xvfb-run -s "-screen 0 1280x800x24" python main.py
  - To run it with no screen at all: QT_QPA_PLATFORM=offscreen python main.py
"""


def add_arguments(parser: argparse.ArgumentParser) -> None:
    parser.add_argument(
        "--windowed", action="store_true", help="open in a normal window instead of full screen (development)"
    )
    parser.add_argument(
        "--exit-after-paint",
        action="store_true",
        help="quit as soon as the start screen has been painted (start-up benchmark and smoke test)",
    )


def display_problem(environ: dict[str, str] | os._Environ[str] = os.environ, platform: str = sys.platform) -> str:
    """Why Qt could not open a window here, or "" if it can.

    Without this, Qt aborts the process (exit 134) and the message is easy to miss.
    """
    if not platform.startswith("linux"):
        return ""
    qpa = environ.get("QT_QPA_PLATFORM", "")
    if qpa and not qpa.startswith(("xcb", "wayland")):
        return ""  # offscreen, minimal, vnc, eglfs, linuxfb...: no display server needed
    has_x = bool(environ.get("DISPLAY"))
    has_wayland = bool(environ.get("WAYLAND_DISPLAY"))
    if qpa.startswith("xcb") and not has_x:
        return NO_DISPLAY_MESSAGE
    if qpa.startswith("wayland") and not has_wayland:
        return NO_DISPLAY_MESSAGE
    if not (has_x or has_wayland):
        return NO_DISPLAY_MESSAGE
    return ""


def run(args: argparse.Namespace) -> int:
    problem = display_problem()
    if problem:
        print(problem, file=sys.stderr, end="")
        return 2
    # The automatic garbage collector stays off from here: importing Qt and the start screen makes tens of
    # thousands of objects and no garbage, and each collection walked them all again (a tenth of the kiosk's
    # extra instructions before its first paint, issue 19). Once the application exists ``kiosk.ui.collector``
    # runs the interpreter's own schedule on the GUI thread, as it always has.
    gc.disable()
    # The settings' modules (tomllib, dataclasses, the checks), the log's and the theme's plain-Python half are
    # imported before PySide6: once PySide6 is loaded its import hook reads the source of every module an import
    # statement names, and these took about 18 million instructions more after it than before it (issue 19).
    # Nothing is run here; the kiosk reads its settings and applies its theme in ``run_kiosk`` as before.
    import kiosk.logs
    import kiosk.startup
    import kiosk.ui.theme_sheet

    # The data folder's check (its fsync waits for the disk) runs while PySide6 is imported; ``prepare`` takes its
    # answer before anything else, as before.
    data_check = kiosk.startup.DataFolderCheck()
    from kiosk.app import run_kiosk

    return run_kiosk(full_screen=not args.windowed, exit_after_paint=args.exit_after_paint, data_check=data_check)
