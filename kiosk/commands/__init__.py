"""One module per ``main.py`` subcommand.

Each module defines ``NAME``, ``HELP``, ``add_arguments(parser)`` and ``run(args) -> int`` (the exit code), and
is listed in ``kiosk.cli.COMMANDS``. Modules import only the standard library at the top and the heavy parts
(Qt, reportlab, sqlite) inside ``run``, so ``--help`` and the kiosk's start stay quick. Two modules are not
subcommands: ``central_records`` (the ``records ... --central`` half) and ``failure`` (how a command reports a
failure).
"""
