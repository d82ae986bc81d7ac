"""``main.py screenshots DIR``: a complete demo discharge offscreen, one PNG per screen, in order.

Two discharges with a demo nurse and demo patients, one per shipped procedure: the first walks every screen
(with one wrong answer and the "Are you still there?" warning), the second answers "Nobody is staying with me"
so the nurse records a reason. Everything runs for real (records in a throw-away data folder, the sheet, the
print service: the ``KioskPDF`` test printer when CUPS has it, else the outbox only); nothing touches the ward's
own data. Used for the README and for reviewing every screen after a change. The demo, its data and the window
driver are ``kiosk.demo`` (imported only when the command runs: listing commands must not load Qt).

``--real-window`` takes the pictures from a real full-screen window on the xcb platform with the Qt Virtual
Keyboard, as a patient sees the tablet: the screens with text fields are shot with a field focused and the keyboard
open. It uses ``DISPLAY`` if set, else a private Xvfb of ``--size`` that it starts and stops itself.
"""

from __future__ import annotations

import argparse
import os
import sys
import tempfile
from pathlib import Path

NAME = "screenshots"
HELP = "run a demo discharge offscreen and save a PNG of every screen (01-start.png, ...)"


def add_arguments(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("folder", metavar="DIR", type=Path, help="where the PNG files go (created if missing)")
    parser.add_argument(
        "--printer",
        metavar="QUEUE",
        default=None,
        help="CUPS queue for the demo sheets (default: the KioskPDF test queue if it is ready, else outbox only)",
    )
    parser.add_argument(
        "--text-size",
        choices=("normal", "large", "largest"),
        default="",
        help="the text size both demo patients choose on the welcome screen (default: normal, then large)",
    )
    parser.add_argument(
        "--language",
        choices=("en", "pl", "ro", "pa", "ur", "ar"),
        default="",
        help="the patients' language: the nurse presets it for the first, the second taps it on the welcome screen",
    )
    parser.add_argument("--size", default="1280x800", help="screen size in pixels, WIDTHxHEIGHT (default 1280x800)")
    parser.add_argument(
        "--real-window",
        action="store_true",
        help="a real X window with the on-screen keyboard open on screens with text fields (Xvfb if no DISPLAY)",
    )


def run(args: argparse.Namespace) -> int:
    try:
        width, height = (int(part) for part in str(args.size).lower().split("x"))
    except ValueError:
        print(f"screenshots: --size must look like 1280x800, not {args.size!r}", file=sys.stderr)
        return 2
    if not args.real_window:
        os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
        return _shoot(args, width, height)
    from kiosk.xvfb import have_xvfb, start_xvfb

    if os.environ.get("DISPLAY"):
        os.environ["QT_QPA_PLATFORM"] = "xcb"
        os.environ["QT_IM_MODULE"] = "qtvirtualkeyboard"
        return _shoot(args, width, height)
    if not have_xvfb():
        print("screenshots: --real-window needs a DISPLAY or Xvfb (apt install xvfb)", file=sys.stderr)
        return 2
    # The pictures are taken in a child on the private display: Qt must be gone before its X server is stopped.
    import subprocess

    server = start_xvfb(width, height)
    try:
        command = [sys.executable, "-m", "kiosk.cli", NAME, str(args.folder), "--real-window", "--size", args.size]
        if args.language:
            command += ["--language", args.language]
        if args.text_size:
            command += ["--text-size", args.text_size]
        if args.printer is not None:
            command += ["--printer", args.printer]
        return subprocess.run(command, env={**os.environ, "DISPLAY": server.display}, check=False).returncode
    finally:
        server.stop()


def _shoot(args: argparse.Namespace, width: int, height: int) -> int:
    folder: Path = args.folder
    folder.mkdir(parents=True, exist_ok=True)
    for old in folder.glob("[0-9][0-9]-*.png"):
        old.unlink()
    saved_data_dir = os.environ.get("KIOSK_DATA_DIR")
    with tempfile.TemporaryDirectory(prefix="kiosk-demo-") as scratch:
        # The demo's records, sheets and preview live in a throw-away data folder, never the ward's.
        os.environ["KIOSK_DATA_DIR"] = scratch
        try:
            from kiosk.demo import DemoRun
            from kiosk.qt_log import route_qt_messages_to_log

            qt_log = route_qt_messages_to_log()
            try:
                count = DemoRun(
                    folder,
                    (width, height),
                    args.printer,
                    real_window=args.real_window,
                    text_size=args.text_size,
                    language=args.language,
                ).run()
            finally:
                qt_log.stop()
        finally:
            if saved_data_dir is None:
                os.environ.pop("KIOSK_DATA_DIR", None)
            else:
                os.environ["KIOSK_DATA_DIR"] = saved_data_dir
    print(f"saved {count} screenshots in {folder}")
    if args.real_window:
        # The on-screen keyboard's QML view outlives Python's QApplication at interpreter exit and aborts the
        # process (QPixmap without an application): end here, every picture is saved and flushed.
        sys.stdout.flush()
        sys.stderr.flush()
        os._exit(0)
    return 0
