"""``main.py preview FILE [--out DIR]``: what each patient gets from one procedure file, as pictures.

For a leaflet author proofing a draft: the file need not be in the live procedures folder, and nothing of the
ward's is touched (records go to a throw-away data folder). For each combination of the factors the file's
conditions use, a sub-folder with a PNG of every patient screen in walk order and the sheet (PDF and a PNG per
page); ``index.html`` (and ``README.txt``) list them per combination. The pictures come from ``kiosk.proof``.
"""

from __future__ import annotations

import argparse
import os
import sys
import tempfile
from pathlib import Path

NAME = "preview"
HELP = "render every patient screen and the sheet of one procedure file, for each combination of its factors"


def add_arguments(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("file", metavar="FILE", type=Path, help="the procedure file (.yaml), anywhere")
    parser.add_argument(
        "--out",
        metavar="DIR",
        type=Path,
        default=None,
        help="where the pictures go (created if missing; default: preview-<file name> in the current folder)",
    )
    parser.add_argument(
        "--text-size",
        choices=("normal", "large", "largest"),
        default="",
        help="the text size the made-up patients choose on the welcome screen (default: normal)",
    )
    parser.add_argument(
        "--only",
        action="append",
        default=[],
        metavar="FACTORS",
        help='just this patient: the factors ticked joined by "+" (e.g. sedation+diabetic), or "none"; repeatable',
    )
    parser.add_argument("--size", default="1280x800", help="screen size in pixels, WIDTHxHEIGHT (default 1280x800)")


def _fail(message: str, code: int = 2) -> int:
    print(f"main.py preview: {message}", file=sys.stderr)
    return code


def run(args: argparse.Namespace) -> int:
    from kiosk.content.loader import load_procedure
    from kiosk.content.problems import ContentError

    try:
        width, height = (int(part) for part in str(args.size).lower().split("x"))
    except ValueError:
        return _fail(f"--size must look like 1280x800, not {args.size!r}")
    source: Path = args.file.expanduser()
    if not source.is_file():
        return _fail(f"there is no file {source}")
    try:
        procedure = load_procedure(source.resolve())
    except ContentError as exc:
        errors = [p for p in exc.problems if p.is_error]
        for problem in errors[:10]:
            print(f"  {problem}", file=sys.stderr)
        return _fail(f"{source} has errors, so no patient would get it: fix them first (main.py check {source})", 1)
    from kiosk.proof.plan import combinations, write_index, write_listing
    from kiosk.proof.run import safe_name

    try:
        chosen = combinations(procedure, args.only)
    except ValueError as exc:
        return _fail(str(exc))
    out: Path = args.out if args.out is not None else Path.cwd() / f"preview-{safe_name(source.stem)}"
    out.mkdir(parents=True, exist_ok=True)
    os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
    saved_data_dir = os.environ.get("KIOSK_DATA_DIR")
    with tempfile.TemporaryDirectory(prefix="kiosk-preview-") as scratch:
        os.environ["KIOSK_DATA_DIR"] = scratch  # the made-up discharges never reach the ward's records
        try:
            from kiosk.proof.run import PreviewRun
            from kiosk.qt_log import route_qt_messages_to_log

            qt_log = route_qt_messages_to_log()
            try:
                made = PreviewRun(procedure, out, (width, height), args.text_size, chosen).run_all()
            finally:
                qt_log.stop()
        finally:
            if saved_data_dir is None:
                os.environ.pop("KIOSK_DATA_DIR", None)
            else:
                os.environ["KIOSK_DATA_DIR"] = saved_data_dir
    index = write_index(out, procedure, source, made)
    write_listing(out, made)
    screens = sum(len(shots.screens) for shots in made)
    print(f"{procedure.title}: {len(made)} patient(s), {screens} screens and {len(made)} sheets in {out}")
    for shots in made:
        print(f"  {shots.combination.slug}/  {shots.combination.title}")
    print(f"Open {index} to see them side by side.")
    return 0
