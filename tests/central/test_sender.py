"""The background sender against a real PostgreSQL server: in order, exactly once, never on the tap's path."""

from __future__ import annotations

import sqlite3
import time
from datetime import UTC, date, datetime, timedelta, timezone
from pathlib import Path

import pytest

from kiosk.clock import FakeClock
from kiosk.record.model import Patient
from kiosk.records import RecordStore
from kiosk.records.central import server
from kiosk.records.central.problems import CentralProblem
from kiosk.records.central.sender import CentralSender
from kiosk.records.central.settings import CentralSettings
from kiosk.records.central.status import SenderStatus
from tests.central.fixtures import CentralDb
from tests.central.kiosk_child import FACTS_PER_DISCHARGE, one_discharge
from tests.central.pg_server import PrivatePostgres
from tests.central.support import local_facts, sent_mark, server_facts, wait_until
from tests.records.factories import START, make_procedure, start


@pytest.fixture
def clock() -> FakeClock:
    return FakeClock(START)


@pytest.fixture
def db(data_dir: Path) -> Path:
    data_dir.mkdir(parents=True, exist_ok=True)
    return data_dir / "records.sqlite3"


def test_every_fact_reaches_the_server_in_order_and_verifies_there(
    central: CentralDb, db: Path, clock: FakeClock
) -> None:
    settings = central.add_kiosk("A1")
    with RecordStore(db, clock, kiosk_id="A1") as store:
        rid = one_discharge(store, clock, "A", 1)
        local_head = store.verify_audit().head_hash
        sender = CentralSender(db, settings, clock)
        try:
            assert sender.send_pending() == FACTS_PER_DISCHARGE
            assert sender.send_pending() == 0
        finally:
            sender.stop()
    assert rid == "DK-20261121-0001-A1"
    assert server_facts(central, "A1") == local_facts(db)
    assert sent_mark(db) == FACTS_PER_DISCHARGE
    with central.admin() as conn:
        (chain,) = server.verify_all(conn)
        state = conn.execute("SELECT state FROM discharges WHERE record_id = %s", (rid,)).fetchone()
    assert chain.report.ok, chain.summary()
    assert (chain.kiosk_id, chain.ward, chain.report.rows, chain.report.head_hash) == (
        "A1",
        "ward-5",
        FACTS_PER_DISCHARGE,
        local_head,
    )
    assert state == ("completed",)
    # The local copy stays (the journal is the kiosk's record as before); only the mark moved.
    assert len(local_facts(db)) == FACTS_PER_DISCHARGE


def test_a_batch_resent_after_a_crash_lands_once(central: CentralDb, db: Path, clock: FakeClock) -> None:
    """The server committed but the kiosk died before moving its mark: the resend is refused as a duplicate
    and counted as delivered (this fails if the sender treats the server's refusal as an error)."""
    settings = central.add_kiosk("A1")
    with RecordStore(db, clock, kiosk_id="A1") as store:
        one_discharge(store, clock, "A", 1)
        sender = CentralSender(db, settings, clock, batch_size=5)
        sender.send_pending()
        with sqlite3.connect(db) as conn:
            conn.execute("UPDATE central_sent SET sent_seq = 3")  # as if the last marks never reached the disk
        conn.close()
        one_discharge(store, clock, "A", 2)
        assert sender.send_pending() == 2 * FACTS_PER_DISCHARGE - 3
        sender.stop()
    assert server_facts(central, "A1") == local_facts(db)
    assert central.count("SELECT count(*) FROM confirmations") == 4
    assert central.count("SELECT count(*) FROM print_events") == 6


class _Cut(Exception):
    pass


def test_a_resent_start_the_server_already_has_still_gets_its_later_state(
    central: CentralDb, db: Path, clock: FakeClock
) -> None:
    """The server committed a discharge's first facts, the kiosk died before its mark: the resend carries the
    start (refused as a duplicate) and the later states, and the server's discharge must still end "completed"
    (a discharge inserted with its batch's last state must not skip the update when the insert was refused)."""
    settings = central.add_kiosk("A1")
    with RecordStore(db, clock, kiosk_id="A1") as store:
        rid = one_discharge(store, clock, "A", 1)

    def cut(seq: int) -> None:
        raise _Cut(seq)

    first = CentralSender(db, settings, clock, batch_size=5, after_batch=cut)
    with pytest.raises(_Cut):
        first.send_pending()  # the server has facts 1-5: the discharge, "with patient"
    first.stop()
    with sqlite3.connect(db) as conn:
        conn.execute("UPDATE central_sent SET sent_seq = 0")  # the mark never reached the disk
    conn.close()
    assert central.count("SELECT count(*) FROM discharges WHERE state = 'with-patient'") == 1
    again = CentralSender(db, settings, clock)
    try:
        assert again.send_pending() == FACTS_PER_DISCHARGE
    finally:
        again.stop()
    with central.admin() as conn:
        assert conn.execute("SELECT state FROM discharges WHERE record_id = %s", (rid,)).fetchone() == ("completed",)
        (chain,) = server.verify_all(conn)
    assert chain.report.ok, chain.summary()
    assert server_facts(central, "A1") == local_facts(db)


def test_a_second_kiosk_with_the_same_id_is_refused_loudly(
    central: CentralDb, db: Path, clock: FakeClock, tmp_path: Path
) -> None:
    """A reinstalled tablet (fresh journal, same kiosk id) must not have its facts dropped as "duplicates"."""
    settings = central.add_kiosk("A1")
    with RecordStore(db, clock, kiosk_id="A1") as store:
        one_discharge(store, clock, "A", 1)
    first = CentralSender(db, settings, clock)
    first.send_pending()
    first.stop()
    other = tmp_path / "other.sqlite3"
    with RecordStore(other, clock, kiosk_id="A1") as store:
        one_discharge(store, clock, "B", 1)
    sender = CentralSender(other, settings, clock)
    with pytest.raises(CentralProblem, match="already holds different records under kiosk id 'A1'") as raised:
        sender.send_pending()
    assert raised.value.stop
    assert sender.status().unsent == FACTS_PER_DISCHARGE and sent_mark(other) == 0
    sender.stop()


@pytest.mark.parametrize("how", ["no login", "wrong password"])
def test_a_refused_role_is_named_and_the_journal_goes_on(
    central: CentralDb, db: Path, clock: FakeClock, how: str
) -> None:
    settings = central.add_kiosk("A1", login=how != "no login")
    if how == "wrong password":
        Path(settings.password_file).write_text("not the password\n", encoding="utf-8")
    sender = CentralSender(db, settings, clock, poll_seconds=0.05, retry_seconds=0.05)
    with RecordStore(db, clock, kiosk_id="A1") as store:
        store.add_commit_listener(sender.wake)
        sender.start()
        try:
            one_discharge(store, clock, "A", 1)
            wait_until(lambda: sender.status().problem != "", what="the sender to report the refusal")
            status = sender.status()
            assert f"refused this kiosk's login as '{settings.user}'" in status.problem
            assert "Records are kept on this kiosk" in status.problem
            one_discharge(store, clock, "A", 2)  # the kiosk goes on recording
            assert store.verify_audit().ok
        finally:
            sender.stop()
    assert sent_mark(db) == 0
    assert central.count("SELECT count(*) FROM audit") == 0


def test_an_unreachable_server_is_named(db: Path, clock: FakeClock) -> None:
    settings = CentralSettings("A1", "127.0.0.1", 9, "nowhere", "kiosk_a1", sslmode="disable")
    with RecordStore(db, clock, kiosk_id="A1") as store:
        one_discharge(store, clock, "A", 1)
    sender = CentralSender(db, settings, clock)
    with pytest.raises(CentralProblem, match=r"Cannot reach the central records server \(127.0.0.1:9/nowhere\)"):
        sender.send_pending()
    assert sender.status().unsent == FACTS_PER_DISCHARGE
    sender.stop()


def test_postgresql_stopped_mid_discharge_loses_and_doubles_nothing(
    central: CentralDb, pg_server: PrivatePostgres, db: Path, clock: FakeClock
) -> None:
    settings = central.add_kiosk("A1")
    sender = CentralSender(db, settings, clock, poll_seconds=0.1, retry_seconds=0.2)
    slowest = 0.0
    with RecordStore(db, clock, kiosk_id="A1") as store:
        store.add_commit_listener(sender.wake)
        sender.start()
        try:
            one_discharge(store, clock, "A", 1)
            wait_until(lambda: sent_mark(db) == FACTS_PER_DISCHARGE, what="the first discharge to be sent")
            taps = 0

            def tap() -> None:
                nonlocal taps, slowest
                taps += 1
                if taps == 4:
                    pg_server.stop()  # the server goes away in the middle of the discharge
                clock.advance(minutes=2)

            started = time.perf_counter()
            last = [started]

            def timed_tap() -> None:
                nonlocal slowest
                now = time.perf_counter()
                slowest = max(slowest, now - last[0])
                tap()
                last[0] = time.perf_counter()

            one_discharge(store, clock, "A", 2, between=timed_tap)
            wait_until(lambda: sender.status().problem != "", what="the sender to notice the server is gone")
            status = sender.status()
            assert "Cannot reach the central records server" in status.problem
            assert status.unsent > 0
            warning = status.unsent_warning(clock.now(), limit_minutes=15)
            assert warning is not None and warning.startswith("Records not sent to the central store since ")
            pg_server.start()
            wait_until(lambda: sent_mark(db) == 2 * FACTS_PER_DISCHARGE, what="the backlog to drain")
            wait_until(lambda: sender.status().problem == "", what="the sender to recover")
            assert sender.status().unsent == 0
            assert sender.status().unsent_warning(clock.now(), 15) is None
        finally:
            sender.stop()
    assert server_facts(central, "A1") == local_facts(db)
    with central.admin() as conn:
        (chain,) = server.verify_all(conn)
    assert chain.report.ok and chain.report.rows == 2 * FACTS_PER_DISCHARGE, chain.summary()
    # Each store call is a local commit only: the stopped server never held a tap up.
    assert slowest < 1.0, f"a tap took {slowest:.2f} s while the server was away"


def test_the_warning_gives_the_wall_clock_time_across_the_autumn_change() -> None:
    """25 Oct 2026: 01:30 BST is followed, 50 minutes later, by 01:20 GMT. The nurse reads the time the kiosk
    showed when the oldest record was made (01:30), and the age is real time (50 min), not wall-clock (-10 min)."""
    bst, gmt = timezone(timedelta(hours=1)), UTC
    oldest = datetime(2026, 10, 25, 1, 30, tzinfo=bst)
    status = SenderStatus(unsent=3, oldest_unsent_at=oldest)
    now = datetime(2026, 10, 25, 1, 20, tzinfo=gmt)
    assert status.unsent_warning(now, limit_minutes=45) == "Records not sent to the central store since 01:30"
    assert status.unsent_warning(now, limit_minutes=60) is None
    assert SenderStatus().unsent_warning(now, 0) is None


def test_the_unconfirmed_sheets_list_covers_every_kiosk_of_the_ward(
    central: CentralDb, tmp_path: Path, clock: FakeClock
) -> None:
    """A sheet printed on kiosk A2 and never confirmed in the patient's hand shows on the list A1 sees (H5)."""
    import psycopg

    from kiosk.record.model import PrintEvent, PrintEventKind

    printed: list[str] = []
    for kiosk_id, ward in (("A1", "ward-5"), ("A2", "ward-5"), ("B1", "ward-9")):
        settings = central.add_kiosk(kiosk_id, ward=ward)
        db = tmp_path / f"{kiosk_id}.sqlite3"
        with RecordStore(db, clock, kiosk_id=kiosk_id) as store:
            one_discharge(store, clock, kiosk_id, 1)  # handed over: not on the list
            rid = one_discharge(store, clock, kiosk_id, 2)
            store.record_print_event(rid, PrintEvent(PrintEventKind.SUBMITTED, clock.now(), job_id=9, reprint=True))
            printed.append(rid)
        sender = CentralSender(db, settings, clock)
        sender.send_pending()
        sender.stop()
    a1 = central.add_kiosk("A9")  # a kiosk of ward 5 that has sent nothing itself
    with psycopg.connect(**a1.connect_kwargs()) as conn:
        listed = server.unconfirmed_sheets(conn)
    assert sorted(record.record_id for record in listed) == sorted(printed[:2])
    with central.admin() as conn:
        everywhere = server.unconfirmed_sheets(conn)
        ward_9 = server.unconfirmed_sheets(conn, ward="ward-9")
    assert len(everywhere) == 3 and [r.record_id for r in ward_9] == [printed[2]]


def test_a_role_registered_for_another_kiosk_id_is_named(central: CentralDb, db: Path, clock: FakeClock) -> None:
    from dataclasses import replace

    settings = replace(central.add_kiosk("A1"), kiosk_id="A2")  # config.toml says A2, IT registered A1
    with RecordStore(db, clock, kiosk_id="A2") as store:
        one_discharge(store, clock, "A", 1)
    sender = CentralSender(db, settings, clock)
    with pytest.raises(CentralProblem, match=r"does not know role '.*' as kiosk 'A2' of a ward \(it has 'A1'\)"):
        sender.send_pending()
    sender.stop()
    assert central.count("SELECT count(*) FROM audit") == 0


def test_old_record_ids_that_clash_across_kiosks_are_refused_not_merged(
    central: CentralDb, tmp_path: Path, clock: FakeClock
) -> None:
    """Two kiosks switched to the central store with records made before they had kiosk ids: both have a
    DK-20261121-0001. The second must not be dropped as a "duplicate" or have its facts attached to the first's."""
    results: list[str] = []
    for kiosk_id in ("A1", "A2"):
        settings = central.add_kiosk(kiosk_id)
        db = tmp_path / f"{kiosk_id}.sqlite3"
        with RecordStore(db, clock) as store:  # no kiosk id yet: DK-20261121-0001
            one_discharge(store, clock, kiosk_id, 1)
        sender = CentralSender(db, settings, clock)
        try:
            sender.send_pending()
            results.append("sent")
        except CentralProblem as problem:
            results.append(problem.message)
            assert problem.stop
        finally:
            sender.stop()
    assert results[0] == "sent"
    assert "already holds another kiosk's discharge under a record id of this kiosk" in results[1]
    assert central.count("SELECT count(*) FROM audit WHERE kiosk_id = 'A2'") == 0
    assert central.count("SELECT count(*) FROM confirmations") == 2  # A1's two, nothing of A2's attached


def test_the_server_reads_back_every_record_exactly_as_the_kiosk_does(
    central: CentralDb, db: Path, clock: FakeClock
) -> None:
    """The central store keeps the kiosk's exact values: every kind of fact, read back on the server with the
    kiosk's own reader, gives records equal to the kiosk's own (names with accents, nobody as escort, an
    override, an abandon, a reprint, a call for help answered)."""
    from datetime import date

    from kiosk.record.model import DischargeState, Patient, PrintEvent, PrintEventKind
    from tests.records.factories import escort, make_procedure, start

    settings = central.add_kiosk("A1")
    procedure = make_procedure()
    with RecordStore(db, clock, kiosk_id="A1") as store:
        full = one_discharge(store, clock, "A", 1)
        store.record_print_event(full, PrintEvent(PrintEventKind.SUBMITTED, clock.now(), job_id=4, reprint=True))
        nobody = start(store, Patient("Zoë Marchetti-Okafor", date(1950, 3, 14), "RJ123456"), procedure).record_id
        store.set_state(nobody, DischargeState.WITH_PATIENT)
        store.record_escort(nobody, escort())
        store.record_no_escort(nobody)
        store.record_override(nobody, "no-escort", "Daughter collects at 4pm", "Sam Patel")
        store.record_help(nobody, "requested")  # issue 12 item 7: central version 2 keeps calls for help
        store.record_help(nobody, "answered", "Sam Patel")
        gone = start(store, Patient("Ann Other", date(1960, 1, 1), "RJ000002"), procedure, large_print=True)
        store.abandon(gone.record_id, "Patient unwell", "Sam Patel")
        local = store.list_discharges()
        sender = CentralSender(db, settings, clock)
        try:
            sender.send_pending()
        finally:
            sender.stop()
    with central.admin() as conn:
        remote = server.discharges(conn)
    assert [r.record_id for r in remote] == [r.record_id for r in local]
    assert remote == local
    states = {DischargeState.COMPLETED, DischargeState.WITH_PATIENT, DischargeState.ABANDONED}
    assert {r.state for r in remote} == states
    (helped,) = [r for r in remote if r.record_id == nobody]
    assert [(h.kind, h.nurse_name) for h in helped.help_calls] == [("requested", ""), ("answered", "Sam Patel")]
    with central.admin() as conn:
        (chain,) = server.verify_all(conn)
    assert chain.report.ok, chain.summary()


def test_the_sender_applies_the_wards_retention_on_the_server_daily(
    central: CentralDb, db: Path, clock: FakeClock
) -> None:
    """Records of 21 Nov 2026 are past a 0-day retention on the server's clock (the run is later than that)."""
    settings = central.add_kiosk("A1")
    with RecordStore(db, clock, kiosk_id="A1") as store:
        one_discharge(store, clock, "A", 1)
        sender = CentralSender(db, settings, clock, retention_days=0)
        try:
            sender.send_pending()
            assert central.count("SELECT count(*) FROM discharges") == 0
            assert central.count("SELECT count(*) FROM audit") == FACTS_PER_DISCHARGE  # the trail stays
            one_discharge(store, clock, "A", 2)
            sender.send_pending()  # the same day: no second purge
            assert central.count("SELECT count(*) FROM discharges") == 1
            clock.advance(days=1)
            sender.send_pending()
            assert central.count("SELECT count(*) FROM discharges") == 0
        finally:
            sender.stop()
    assert central.count("SELECT count(*) FROM purges") == 2


def test_a_missing_password_file_is_named(central: CentralDb, db: Path, clock: FakeClock) -> None:
    from dataclasses import replace

    settings = replace(central.add_kiosk("A1"), password_file=str(db.parent / "no-such.pass"))
    with RecordStore(db, clock, kiosk_id="A1") as store:
        one_discharge(store, clock, "A", 1)
    sender = CentralSender(db, settings, clock)
    with pytest.raises(CentralProblem, match=r"Cannot read the central store's password file .*no-such.pass"):
        sender.send_pending()
    assert "Records are kept on this kiosk" in sender.status().problem
    assert sender.status().unsent == FACTS_PER_DISCHARGE
    sender.stop()


def test_a_following_sender_waits_while_the_store_writes(central: CentralDb, db: Path, clock: FakeClock) -> None:
    """``follow``: the sender keeps out of the store's writes (a tap's commit never shares its moment with a
    send, issue 19). Here the store's write lock is held as a long write would hold it: the woken sender sends
    nothing until it is let go, then sends at once; a write held past the gate's timeout does not hold sending
    up for good."""
    settings = central.add_kiosk("A1")
    sender = CentralSender(db, settings, clock, poll_seconds=5.0, settle_seconds=0.05)
    with RecordStore(db, clock, kiosk_id="A1") as store:
        sender.follow(store)
        sender.start()
        try:
            rid = start(store, Patient("Ola Nowak", date(1961, 7, 2), "rj654321"), make_procedure()).record_id
            wait_until(lambda: sent_mark(db) == 1, what="the discharge's start to be sent")
            with store.db.lock:  # a write under way: the commit before it has just woken the sender
                store.confirm_step(rid, "rest")  # commits and wakes the sender
                time.sleep(0.5)  # ten times the settling pause
                assert sent_mark(db) == 1, "the sender sent during the store's write"
            wait_until(lambda: sent_mark(db) == 2, seconds=2, what="the send after the write")
            with store.db.lock:
                store.confirm_step(rid, "drive")
                wait_until(lambda: sent_mark(db) == 3, seconds=3, what="the gate's timeout")
        finally:
            sender.stop()
    assert server_facts(central, "A1") == local_facts(db)
