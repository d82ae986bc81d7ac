"""``main.py records ACTION --central``: the same records tools, run against the central PostgreSQL store.

By default they connect as this kiosk's role (``config.toml`` ``[records]``, the password from its file or
``KIOSK_CENTRAL_PASSWORD``), so they see this kiosk's ward: every kiosk of it. IT passes ``--dsn`` (a libpq
connection string; the password from ``PGPASSWORD`` or ``~/.pgpass``) to connect as the store's owner instead:
``migrate`` needs that, and ``verify``/``export`` then cover every ward (``--ward`` narrows the export).
"""

from __future__ import annotations

import argparse
import sqlite3
import sys
from typing import Any


def _connect(args: argparse.Namespace) -> Any:
    import psycopg

    if args.dsn:
        return psycopg.connect(args.dsn)
    from kiosk.config import load_config
    from kiosk.records.central.settings import CentralSettings

    return psycopg.connect(**CentralSettings.from_config(load_config()).connect_kwargs())


def _why(exc: BaseException, args: argparse.Namespace) -> str:
    """The sender's own words for a kiosk connection; the server's for IT's ``--dsn``."""
    if args.dsn:
        return str(exc).strip().splitlines()[0]
    from kiosk.config import load_config
    from kiosk.records.central.problems import explain
    from kiosk.records.central.settings import CentralSettings

    return explain(exc, CentralSettings.from_config(load_config())).message


def _add_kiosk(conn: Any, args: argparse.Namespace, where: str) -> int:
    """A login role for one kiosk; the password comes from the environment, never the command line (``ps``)."""
    import os

    from kiosk.config import KIOSK_ID
    from kiosk.records.central import schema
    from kiosk.records.central.settings import PASSWORD_ENV

    password = os.environ.get(PASSWORD_ENV, "")
    if not (args.role and args.ward and args.kiosk_id) or not password:
        print(f"{where}: give --role, --ward and --kiosk-id, and the password in {PASSWORD_ENV}", file=sys.stderr)
        return 2
    if not KIOSK_ID.match(args.kiosk_id):
        print(f"{where}: --kiosk-id should be 1 to 8 capital letters or digits, as in config.toml", file=sys.stderr)
        return 2
    schema.add_kiosk_role(conn, args.role, password, args.ward, args.kiosk_id)
    conn.commit()
    print(f"kiosk {args.kiosk_id} of {args.ward} may now send records as role {args.role}")
    return 0


def _compare_with_this_kiosk(conn: Any) -> bool:
    """Run on a kiosk: is the server's copy of this kiosk's trail its own (in step, or only behind)?"""
    from kiosk import paths
    from kiosk.config import load_config
    from kiosk.records.central import heads

    config = load_config()
    database = paths.database_path()
    if not (config.central and config.kiosk_id and database.exists()):
        return True  # not run on a kiosk of the central store: there is no local trail to compare
    try:
        comparison = heads.compare(conn, config.kiosk_id, database)
    except sqlite3.Error as exc:
        print(f"cannot read this kiosk's own records to compare ({exc}): run `records verify` here", file=sys.stderr)
        return False
    print(comparison.summary(), file=sys.stdout if comparison.ok else sys.stderr)
    return comparison.ok


def run_central(args: argparse.Namespace) -> int:
    import psycopg

    from kiosk.errors import KioskError
    from kiosk.records.central import schema, server

    where = f"records {args.action} --central"
    try:
        with _connect(args) as conn:
            if args.action in ("migrate", "add-kiosk") and not args.dsn:
                print(f"{where}: give --dsn: this runs as the store's owner, not as a kiosk", file=sys.stderr)
                return 2
            if args.action == "migrate":
                reached = schema.migrate(conn)
                print(f"central store at schema version {reached}")
                return 0
            if args.action == "add-kiosk":
                return _add_kiosk(conn, args, where)
            if args.action == "verify":
                chains = server.verify_all(conn)
                if not chains:
                    print("no kiosk has sent records to the central store yet")
                for chain in chains:
                    print(chain.summary(), file=sys.stdout if chain.report.ok else sys.stderr)
                ok = all(chain.report.ok for chain in chains)
                return 0 if _compare_with_this_kiosk(conn) and ok else 1
            if args.action == "export":
                count = server.export_ward(conn, args.start, args.end, args.csv, ward=args.ward)
                print(f"exported {count} discharges of every kiosk from {args.start} to {args.end} to {args.csv}")
                return 0
            from kiosk.config import load_config

            keep = args.days if args.days is not None else load_config().retention_days
            removed = server.purge_ward(conn, keep)
            print(f"purged {removed} discharges of this ward from the central store (keeping {keep} days)")
            return 0
    except (psycopg.Error, schema.CentralSchemaError) as exc:
        print(f"{where}: {_why(exc, args)}", file=sys.stderr)
        return 2
    except (KioskError, ValueError) as exc:
        from kiosk.commands.failure import print_failure

        return print_failure(where, exc)
