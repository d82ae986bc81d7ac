"""``main.py``: the kiosk (default) and the tools for authors, nurses and IT, as subcommands."""

from __future__ import annotations

import argparse
import importlib
import os
import sys
from collections.abc import Sequence
from pathlib import Path
from types import ModuleType
from typing import NoReturn

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
RUN = COMMANDS[0]


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


class NotOnlyRun(Exception):
    """The command line is not one the run-only parser can answer exactly as the whole one would."""


class RunOnlyParser(argparse.ArgumentParser):
    """A parser with only the ``run`` subcommand that gives up (``NotOnlyRun``) instead of answering.

    Its main options and its ``run`` options are the whole parser's, so a command line it parses means the same
    to both. Only an error (another command, a misspelt option: the whole parser's message lists every command)
    and the help (every command's) would differ, and for those it raises."""

    def error(self, message: str) -> NoReturn:
        raise NotOnlyRun(message)

    def print_help(self, file: object = None) -> NoReturn:
        raise NotOnlyRun("help")


def build_parser(
    commands: Sequence[str] = COMMANDS, parser_class: type[argparse.ArgumentParser] = argparse.ArgumentParser
) -> tuple[argparse.ArgumentParser, dict[str, ModuleType]]:
    parser = parser_class(
        prog="main.py",
        description="Discharge Kiosk: touchscreen discharge instructions for a day-case ward. "
        "With no subcommand, starts the kiosk.",
    )
    parser.add_argument("--version", action="version", version=f"Discharge Kiosk {__version__}")
    _folder_options(parser, default=None)
    subparsers = parser.add_subparsers(dest="command", metavar="COMMAND")
    modules: dict[str, ModuleType] = {}
    for module_name in commands:
        module = importlib.import_module(module_name)
        sub = subparsers.add_parser(module.NAME, help=module.HELP, description=module.HELP)
        # SUPPRESS: a --data-dir given before the subcommand is not overwritten by the subparser's default.
        _folder_options(sub, default=argparse.SUPPRESS)
        module.add_arguments(sub)
        modules[module.NAME] = module
    return parser, modules


def parse(parser: argparse.ArgumentParser, argv: list[str]) -> argparse.Namespace:
    args = parser.parse_args(argv)
    if args.command is None:
        # No subcommand means "run": parse again so the run command's own options get their defaults.
        args = parser.parse_args([*argv, "run"])
    return args


def parse_command_line(argv: list[str]) -> tuple[argparse.Namespace, ModuleType]:
    """The options and the command's module. The kiosk's own start (``main.py`` or ``main.py run``) is parsed
    with the ``run`` command alone: building every command's parser imports every command module, 12 ms of the
    cold start before the start screen (issue 19). Anything else is parsed by the whole parser."""
    try:
        parser, modules = build_parser((RUN,), RunOnlyParser)
        args = parse(parser, argv)
    except NotOnlyRun:
        parser, modules = build_parser()
        args = parse(parser, argv)
    return args, modules[args.command]


def main(argv: Sequence[str] | None = None) -> int:
    argv = list(sys.argv[1:] if argv is None else argv)
    args, command = parse_command_line(argv)
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
    result: int = command.run(args)
    return result


if __name__ == "__main__":
    sys.exit(main())
