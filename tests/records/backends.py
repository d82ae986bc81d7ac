"""The record store's two backends for its own tests: SQLite alone, and SQLite forwarding to PostgreSQL.

A module opts in with ``BOTH_BACKENDS = True``; then each of its tests that uses the ``store`` fixture runs twice
(``backend`` = "sqlite", "postgresql"). The postgresql variant is the kiosk as configured with a central store:
the same ``RecordStore`` on its SQLite journal, with the real ``CentralSender`` forwarding every commit to the
real PostgreSQL server the session started, and every read that ``records`` and the nurse's screens make
(``get``, ``list_discharges``, ``nurse_home``, ``unconfirmed_sheets``, ``print_events``, ``verify_audit``,
``export_csv``) made twice: on the kiosk, and on the server through ``CentralReader`` as the kiosk's own role
(row security applies). The two must agree, or the read raises ``CentralDisagrees``; the test's own assertions
then run on the kiosk's answer, which is the server's too. ``purge`` runs the server's retention as well, with
the same cutoff day, so retention is compared too.

The sender is run at each commit, on the committing thread, so the server has every fact before the next line
of the test: the test then knows exactly what the server holds (the kiosk itself runs the sender on a thread of
its own, tested in tests/central).
"""

from __future__ import annotations

from datetime import date, timedelta
from pathlib import Path
from typing import Any

import psycopg

from kiosk.clock import Clock
from kiosk.record.model import DischargeRecord, DischargeState, PrintEvent
from kiosk.records import AuditReport, RecordStore
from kiosk.records.central import facts
from kiosk.records.central.sender import CentralSender
from kiosk.records.central.server import CentralReader, purge_ward
from kiosk.records.central.settings import CentralSettings

BACKENDS = ("sqlite", "postgresql")


class CentralDisagrees(AssertionError):
    """The central server read back something other than the kiosk's own journal."""


def _ids(items: list[Any]) -> str:
    return ", ".join(str(getattr(item, "record_id", item)) for item in items)


class _Outcome:
    """What a read gave: its value, or the error it raised (the same refusal on both sides is agreement)."""

    def __init__(self, call: Any, *args: Any) -> None:
        self.value: Any = None
        self.error: Exception | None = None
        try:
            self.value = call(*args)
        except Exception as exc:
            self.error = exc

    @property
    def seen(self) -> tuple[Any, ...]:
        return ("value", self.value) if self.error is None else ("error", type(self.error), str(self.error))

    def differs(self, other: _Outcome) -> str:
        """Where the two outcomes part, briefly (whole discharge lists would fill the screen)."""
        if self.error is not None or other.error is not None or not isinstance(self.value, list):
            return f"the kiosk read {self.seen!r:.600}, the central server {other.seen!r:.600}"
        mine, theirs = self.value, other.value
        if len(mine) != len(theirs):
            return f"the kiosk read {len(mine)} items ({_ids(mine)}), the central server {len(theirs)} ({_ids(theirs)})"
        index = next(i for i, (a, b) in enumerate(zip(mine, theirs, strict=True)) if a != b)
        return f"item {index} differs: the kiosk read {mine[index]!r:.600}, the central server {theirs[index]!r:.600}"

    def result(self) -> Any:
        if self.error is not None:
            raise self.error
        return self.value


class CheckedStore(RecordStore):
    """A ``RecordStore`` whose facts reach the central server and whose reads are checked against it."""

    def __init__(self, path: Path, clock: Clock, settings: CentralSettings) -> None:
        super().__init__(path, clock)
        self.settings = settings
        self.sender = CentralSender(path, settings, clock)
        self.pg: psycopg.Connection[Any] = psycopg.connect(**settings.connect_kwargs())
        self.reader = CentralReader(self.pg, kiosk_id=settings.kiosk_id)
        self.add_commit_listener(self.sender.send_pending)

    def close(self) -> None:
        self.sender.stop()
        self.pg.close()
        super().close()

    def _both(self, name: str, *args: Any) -> Any:
        """``name`` read on the kiosk and on the server: the same value, or the same refusal."""
        local = _Outcome(getattr(super(), name), *args)
        central = _Outcome(getattr(self.reader, name), *args)
        if local.seen != central.seen:
            raise CentralDisagrees(f"{name}{args}: {local.differs(central)}")
        return local.result()

    def get(self, record_id: str) -> DischargeRecord:
        result: DischargeRecord = self._both("get", record_id)
        return result

    def list_discharges(
        self, on: date | None = None, states: frozenset[DischargeState] | None = None
    ) -> list[DischargeRecord]:
        result: list[DischargeRecord] = self._both("list_discharges", on, states)
        return result

    def nurse_home(self, day: date) -> list[DischargeRecord]:
        result: list[DischargeRecord] = self._both("nurse_home", day)
        return result

    def unconfirmed_sheets(self) -> list[DischargeRecord]:
        result: list[DischargeRecord] = self._both("unconfirmed_sheets")
        return result

    def print_events(self, record_id: str) -> list[PrintEvent]:
        result: list[PrintEvent] = self._both("print_events", record_id)
        return result

    def verify_audit(self) -> AuditReport:
        """The kiosk's verdict; the server's copy of the chain must verify whatever happened to the kiosk's file
        (that is what the central copy is for), and agree with the kiosk's chain while that one is sound."""
        local = super().verify_audit()
        central = self.reader.verify_audit()
        sent = facts.sent_seq(self.connection)
        if not central.ok or central.rows != sent:
            raise CentralDisagrees(f"the server's chain ({central.summary()}) is not the {sent} rows sent")
        if local.ok and (local.rows, local.head_hash) != (central.rows, central.head_hash):
            raise CentralDisagrees(f"the kiosk's chain ({local.summary()}) is not the server's ({central.summary()})")
        return local

    def export_csv(self, start: date, end: date, out: Path) -> int:
        copy = out.with_name(out.name + ".central")
        local = _Outcome(super().export_csv, start, end, out)
        central = _Outcome(self.reader.export_csv, start, end, copy)
        if local.seen != central.seen:
            raise CentralDisagrees(f"export: {local.differs(central)}")
        if local.error is None and out.read_bytes() != copy.read_bytes():
            raise CentralDisagrees("export: the kiosk's CSV is not the central server's")
        copy.unlink(missing_ok=True)
        count: int = local.result()
        return count

    def purge(self, retention_days: int, *, keep_unsent: bool = False) -> int:
        """The kiosk's retention, then the server's with the same cutoff day (the server counts from its own
        date); both must remove the same discharges."""
        removed = super().purge(retention_days, keep_unsent=keep_unsent)
        cutoff = self.clock.today() - timedelta(days=retention_days)
        with self.pg.transaction():
            row = self.pg.execute("SELECT current_date").fetchone()
        server_days = (row[0] - cutoff).days if row else -1
        if server_days < 0:
            raise CentralDisagrees(f"the test clock's cutoff {cutoff} is after the server's date: cannot compare")
        on_server = purge_ward(self.pg, server_days)
        if on_server != removed:
            raise CentralDisagrees(f"retention removed {removed} discharges on the kiosk, {on_server} on the server")
        return removed
