"""The kiosk starts its sender when ``records.backend`` is "postgresql": each commit wakes it, facts arrive."""

from __future__ import annotations

from dataclasses import replace
from pathlib import Path

from pytestqt.qtbot import QtBot

from kiosk.app import start_central_sender
from kiosk.clock import FakeClock
from kiosk.config import WardConfig
from kiosk.records import RecordStore
from kiosk.records.central.sender import CentralSender
from tests.central.fixtures import CentralDb
from tests.central.kiosk_child import FACTS_PER_DISCHARGE, one_discharge
from tests.central.support import local_facts, server_facts
from tests.records.factories import START


def test_the_kiosk_sends_as_it_records(qtbot: QtBot, qapp: object, central: CentralDb, tmp_path: Path) -> None:
    settings = central.add_kiosk("A1")
    config = replace(
        WardConfig(),
        records_backend="postgresql",
        kiosk_id="A1",
        central_host=settings.host,
        central_port=settings.port,
        central_database=settings.database,
        central_user=settings.user,
        central_password_file=settings.password_file,
        central_sslmode="disable",
    )
    clock = FakeClock(START)
    db = tmp_path / "records.sqlite3"
    with RecordStore(db, clock, kiosk_id=config.kiosk_id) as store:
        status = start_central_sender(qapp, store, config, clock)  # type: ignore[arg-type]
        sender = status.__self__  # type: ignore[attr-defined]
        assert isinstance(sender, CentralSender) and sender.retention_days == config.retention_days
        try:
            rid = one_discharge(store, clock, "A", 1)
            # No send_pending here: only the commit listener wakes the sender (its poll is 5 s).
            qtbot.waitUntil(lambda: len(server_facts(central, "A1")) == FACTS_PER_DISCHARGE, timeout=4000)
        finally:
            sender.stop()
    assert rid.endswith("-A1")
    assert server_facts(central, "A1") == local_facts(db)
    assert status().problem == ""
