"""``main.py check [DIR]``: the leaflet author's tool. Checks procedure files and says what to fix, in plain words.

Prints one line per file (ok / N warnings / N errors), each problem under it as ``file:line: ...`` so an editor
or terminal can jump to it, then a summary. Exit code 0 when every file can be used (a passed review date is
only a warning), 1 when any file has an error, 2 when the folder does not exist.
"""

from __future__ import annotations

import argparse
import sys
from dataclasses import replace
from datetime import date
from pathlib import Path
from typing import TYPE_CHECKING

# Shared with the translations part of the check (a module of its own, cheap to import).
from kiosk.commands.check_translations import shown_path as _shown

if TYPE_CHECKING:
    from kiosk.content.loader import FileReport, Library, Problem

NAME = "check"
HELP = "check procedure files for mistakes (for leaflet authors); default: the kiosk's procedures folder"


def _date(text: str) -> date:
    try:
        return date.fromisoformat(text)
    except ValueError:
        raise argparse.ArgumentTypeError(f"'{text}' is not a date written as year-month-day, e.g. 2026-01-31") from None


def add_arguments(parser: argparse.ArgumentParser) -> None:
    parser.add_argument(
        "folder",
        nargs="?",
        metavar="DIR",
        help="a folder of procedure files, or one file (default: the procedures folder the kiosk uses)",
    )
    parser.add_argument(
        "--today",
        type=_date,
        metavar="YYYY-MM-DD",
        help="check review dates as on this day instead of today (to see what will expire)",
    )


def _print_file(report: FileReport, extra: list[Problem]) -> None:
    from kiosk.content.problems import count_label

    problems = sorted((*report.problems, *extra), key=lambda p: (not p.is_error, p.line or 0))
    print(f"{Path(report.file).name}: {count_label(problems)}")
    for problem in problems:
        print(f"  {replace(problem, file=_shown(problem.file))}")
    if report.procedure is not None:
        # H2: approval is stated for every procedure; a ward kiosk refuses a DRAFT unless config.toml allows it.
        print(f"  {report.procedure.document.approval}")


def _print_library(library: Library, today: date) -> int:
    print(f"Checking {_shown(library.directory)} (review dates as on {today.day} {today:%B %Y})")
    print()
    by_file: dict[str, list[Problem]] = {}
    for problem in library.problems:
        by_file.setdefault(problem.file, []).append(problem)
    for report in library.reports:
        own = set(report.problems)
        _print_file(report, [p for p in by_file.pop(report.file, []) if p not in own])
    for problems in by_file.values():  # about the folder, or files that were not loaded at all
        for problem in problems:
            print(f"  {replace(problem, file=_shown(problem.file))}")
    return _summary(library.reports, library.problems)


def _summary(reports: tuple[FileReport, ...], problems: tuple[Problem, ...]) -> int:
    usable = sum(1 for report in reports if report.procedure is not None)
    with_warnings = sum(1 for report in reports if report.procedure is not None and report.warnings)
    broken = len(reports) - usable
    print()
    files = f"{len(reports)} file{'s' if len(reports) != 1 else ''} checked"
    warned = f" ({with_warnings} with warnings)" if with_warnings else ""
    print(f"{files}: {usable} can be used{warned}, {broken} {'has' if broken == 1 else 'have'} errors.")
    if any(problem.is_error for problem in problems):
        print("Fix the errors above: a file with errors is not offered to nurses.")
        return 1
    return 0


def run(args: argparse.Namespace) -> int:
    from kiosk import paths
    from kiosk.content.loader import check_file, load_library, not_loaded_by_name

    today = args.today or date.today()
    target = Path(args.folder) if args.folder else paths.procedures_dir()
    if target.is_file() and target.parent.name == "translations":
        from kiosk.commands.check_translations import check_one

        return check_one(target, today)
    if target.is_file():
        report = check_file(target, today, readability=True)
        print(f"Checking {_shown(str(target))} (review dates as on {today.day} {today:%B %Y})")
        print()
        skipped = not_loaded_by_name(target)
        extra = [skipped] if skipped is not None else []
        _print_file(report, extra)
        return _summary((report,), (*report.problems, *extra))
    if not target.is_dir():
        print(
            f"There is no folder called {target}.\n"
            "Give the folder that holds the procedure files, e.g.  python main.py check procedures",
            file=sys.stderr,
        )
        return 2
    from kiosk.startup import StartupProblem, check_procedures_folder

    try:
        check_procedures_folder(target)
    except StartupProblem as problem:
        print(f"{problem.title}.\n{problem.hint.removeprefix('IT: ')}", file=sys.stderr)
        return 2
    library = load_library(target, today, readability=True)
    status = _print_library(library, today)
    from kiosk.commands.check_translations import check_folder

    return max(status, check_folder(library, target))
