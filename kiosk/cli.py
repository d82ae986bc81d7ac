"""``main.py``: the kiosk (default) and the tools for authors, nurses and IT, as subcommands."""

from __future__ import annotations

import argparse
import importlib
import os
import sys
from collections.abc import Sequence
from pathlib import Path
from types import ModuleType

from kiosk import __version__, paths, private

# Listed in the order --help shows them. See kiosk/commands/__init__.py for what a module provides.
COMMANDS: tuple[str, ...] = (
    "kiosk.commands.run",
    "kiosk.commands.nurses",
    "kiosk.commands.records",
    "kiosk.commands.check",
    "kiosk.commands.sheet",
    "kiosk.commands.screenshots",
    "kiosk.commands.preview",
)


def _folder_options(parser: argparse.ArgumentParser, default: object) -> None:
    """``--data-dir`` and ``--procedures``, on the main parser and on every subcommand (see ``build_parser``)."""
    parser.add_argument(
        "--data-dir",
        metavar="DIR",
        default=default,
        help=f"the ward's data folder (records, outbox, config); default: ${paths.DATA_DIR_ENV} "
        "or the per-user data folder",
    )
    parser.add_argument(
        "--procedures",
        metavar="DIR",
        default=default,
        help=f"the folder of procedure files to use instead of the live one (e.g. an author's drafts); "
        f"default: ${paths.PROCEDURES_DIR_ENV} or the shipped procedures/",
    )


def build_parser() -> tuple[argparse.ArgumentParser, dict[str, ModuleType]]:
    parser = argparse.ArgumentParser(
        prog="main.py",
        description="Discharge Kiosk: touchscreen discharge instructions for a day-case ward. "
        "With no subcommand, starts the kiosk.",
    )
    parser.add_argument("--version", action="version", version=f"Discharge Kiosk {__version__}")
    _folder_options(parser, default=None)
    subparsers = parser.add_subparsers(dest="command", metavar="COMMAND")
    modules: dict[str, ModuleType] = {}
    for module_name in COMMANDS:
        module = importlib.import_module(module_name)
        sub = subparsers.add_parser(module.NAME, help=module.HELP, description=module.HELP)
        # SUPPRESS: a --data-dir given before the subcommand is not overwritten by the subparser's default.
        _folder_options(sub, default=argparse.SUPPRESS)
        module.add_arguments(sub)
        modules[module.NAME] = module
    return parser, modules


def main(argv: Sequence[str] | None = None) -> int:
    parser, modules = build_parser()
    argv = list(sys.argv[1:] if argv is None else argv)
    args = parser.parse_args(argv)
    if args.command is None:
        # No subcommand means "run": parse again so the run command's own options get their defaults.
        args = parser.parse_args([*argv, "run"])
    if args.data_dir:
        # Every part of the app reads the data folder through kiosk.paths, which reads this variable.
        os.environ[paths.DATA_DIR_ENV] = str(args.data_dir)
    if args.procedures:
        # Likewise the procedure library: check, sheet and screenshots then proof a draft folder, never the live one.
        os.environ[paths.PROCEDURES_DIR_ENV] = str(Path(args.procedures).expanduser().resolve())
    # Before anything is written: the data folder and everything in it private to the kiosk's user (H8).
    private.restrict_umask()
    folder = paths.data_dir(create=False)
    if folder.is_dir():  # a folder not made yet is made 0700 by whoever first needs it
        private.secure_tree(folder)
    result: int = modules[args.command].run(args)
    return result


if __name__ == "__main__":
    sys.exit(main())
