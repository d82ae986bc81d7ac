"""``main.py nurses``: manage the nurse accounts that sign in to the kiosk's nurse screens.

The PIN is never an argument (it would be in the shell history and in ``ps``): it is asked for without echo on
a terminal, or read from the first line of standard input otherwise (``printf '482915\\n' | main.py nurses add
"Sam Patel"``), so set-up scripts work too.
"""

from __future__ import annotations

import argparse
import getpass
import sys
from typing import TYPE_CHECKING, TextIO

if TYPE_CHECKING:
    from kiosk.records import NurseAccounts

NAME = "nurses"
HELP = "manage nurse accounts: add, list, disable, enable, unlock, set-pin (PINs are asked for, never typed here)"
ACTIONS = ("add", "list", "disable", "enable", "unlock", "set-pin")
_DONE = {"disable": "disabled", "enable": "enabled", "unlock": "unlocked"}


def add_arguments(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("action", choices=ACTIONS, help="what to do")
    parser.add_argument("name", nargs="?", help="the nurse's name as they will pick it at sign-in")


def read_pin(stdin: TextIO | None = None) -> str:
    """The new PIN: twice without echo at a terminal, else the first line of standard input."""
    stream = stdin or sys.stdin
    if stream.isatty():
        first = getpass.getpass("New PIN (6 to 8 digits, not shown): ")
        if getpass.getpass("The same PIN again: ") != first:
            raise SystemExit("nurses: the two PINs differ; nothing was changed")
        return first
    return stream.readline().strip()


def run(args: argparse.Namespace) -> int:
    from kiosk.config import ward_clock
    from kiosk.errors import KioskError
    from kiosk.records import NurseAccounts, RecordStore
    from kiosk.text import shown

    if args.action != "list" and not args.name:
        print(f'nurses {args.action}: give the nurse\'s name, e.g. nurses {args.action} "Sam Patel"', file=sys.stderr)
        return 2
    try:
        with RecordStore.open(clock=ward_clock()) as store:
            accounts = NurseAccounts(store)
            if args.action == "list":
                return _list(accounts)
            if args.action in ("add", "set-pin"):
                pin = read_pin()
                (accounts.add if args.action == "add" else accounts.set_pin)(args.name, pin)
                print(f"{'added' if args.action == 'add' else 'new PIN set for'} {shown(args.name)}")
            else:
                getattr(accounts, args.action)(args.name)
                print(f"{_DONE[args.action]} {shown(args.name)}")
    except KioskError as exc:
        print(f"nurses {args.action}: {exc.title}", file=sys.stderr)
        if exc.hint:
            print(f"  {exc.hint}", file=sys.stderr)
        return 2
    return 0


def _list(accounts: NurseAccounts) -> int:
    nurses = accounts.list()
    if not nurses:
        print("no nurse accounts yet: add one with  main.py nurses add NAME")
        return 0
    for nurse in nurses:
        status = "disabled" if nurse.disabled else "active"
        if nurse.locked_out:
            status += ", locked after too many wrong PINs (nurses unlock NAME)"
        elif nurse.locked_until is not None:
            status += f", locked until {nurse.locked_until:%Y-%m-%d %H:%M}"
        print(f"{nurse.name}\t{status}\tadded {nurse.created_at:%Y-%m-%d}")
    return 0
