"""``main.py records verify|export|purge|migrate --central`` as ward IT runs them, against the real server."""

from __future__ import annotations

import csv
import subprocess
from pathlib import Path

import pytest

from kiosk.clock import FakeClock
from kiosk.records import RecordStore
from kiosk.records.central.sender import CentralSender
from kiosk.records.central.settings import CentralSettings
from tests.central.fixtures import CentralDb
from tests.central.kiosk_child import one_discharge
from tests.central.pg_server import PrivatePostgres
from tests.central.support import kiosk_folder, records
from tests.records.factories import START


def fill(central: CentralDb, folder: Path, settings: CentralSettings, count: int, first: int = 0) -> list[str]:
    """``count`` whole discharges on the kiosk at ``folder`` (patients numbered from ``first``), all sent."""
    clock = FakeClock(START)
    db = folder / "records.sqlite3"
    with RecordStore(db, clock, kiosk_id=settings.kiosk_id) as store:
        ids = [one_discharge(store, clock, settings.kiosk_id, n) for n in range(first, first + count)]
    sender = CentralSender(db, settings, clock)
    try:
        sender.send_pending()
    finally:
        sender.stop()
    return ids


def failed_verify(folder: Path) -> subprocess.CompletedProcess[str]:
    """``records verify --central`` run on the kiosk at ``folder``, which must report a fault (exit 1)."""
    verified = records(folder, "verify", "--central")
    assert verified.returncode == 1, (verified.stdout, verified.stderr)
    return verified


@pytest.fixture
def ward(central: CentralDb, tmp_path: Path) -> tuple[Path, Path, list[str]]:
    a1, a2 = central.add_kiosk("A1"), central.add_kiosk("A2")
    f1, f2 = kiosk_folder(tmp_path, a1), kiosk_folder(tmp_path, a2)
    ids = fill(central, f1, a1, 2) + fill(central, f2, a2, 3)
    return f1, f2, ids


def test_verify_and_export_cover_every_kiosk_of_the_ward(
    central: CentralDb, ward: tuple[Path, Path, list[str]], tmp_path: Path
) -> None:
    f1, _, ids = ward
    verified = records(f1, "verify", "--central")
    assert verified.returncode == 0, verified.stderr
    assert verified.stdout.splitlines()[0].startswith("kiosk A1 (ward-5): ok: 24 rows")
    assert verified.stdout.splitlines()[1].startswith("kiosk A2 (ward-5): ok: 36 rows")
    # Run on kiosk A1, it also compares the server's copy of A1's trail with A1's own.
    assert verified.stdout.splitlines()[2] == (
        "this kiosk (A1): the central store has all 24 of its audit rows, the same as the kiosk's"
    )
    out = tmp_path / "ward.csv"
    exported = records(f1, "export", "--central", "--from", "2026-11-01", "--to", "2026-11-30", "--csv", str(out))
    assert exported.returncode == 0, exported.stderr
    assert "exported 5 discharges of every kiosk" in exported.stdout
    with out.open(encoding="utf-8-sig", newline="") as handle:
        rows = list(csv.DictReader(handle))
    assert sorted(row["record_id"] for row in rows) == sorted(ids)
    assert "Central" not in out.read_text(encoding="utf-8-sig")  # no patient names in the audit export


def test_verify_central_finds_a_record_changed_on_the_server(
    central: CentralDb, ward: tuple[Path, Path, list[str]]
) -> None:
    f1, _, ids = ward
    with central.admin() as conn:
        conn.execute("UPDATE escorts SET phone = '07700 900999' WHERE record_id = %s", (ids[-1],))
    verified = records(f1, "verify", "--central")
    assert verified.returncode == 1
    assert f"the escort details of {ids[-1]} was changed after it was recorded" in verified.stderr
    assert "kiosk A1 (ward-5): ok" in verified.stdout  # the other kiosk's chain is still fine


def test_purge_central_removes_the_wards_old_discharges_only(
    central: CentralDb, ward: tuple[Path, Path, list[str]], tmp_path: Path
) -> None:
    f1, _, _ = ward
    other = central.add_kiosk("B1", ward="ward-9")
    fill(central, kiosk_folder(tmp_path, other), other, 1)
    kept = records(f1, "purge", "--central", "--days", "3650")
    assert kept.returncode == 0 and "purged 0 discharges" in kept.stdout, kept.stderr
    purged = records(f1, "purge", "--central", "--days", "0")  # the records are from 21 Nov 2026: all old
    assert purged.returncode == 0, purged.stderr
    assert "purged 5 discharges of this ward" in purged.stdout
    assert central.count("SELECT count(*) FROM discharges") == 1  # ward 9's
    assert central.count("SELECT count(*) FROM escorts WHERE ward = 'ward-5'") == 0
    assert central.count("SELECT count(*) FROM audit WHERE ward = 'ward-5'") == 60  # the trail stays
    assert central.count("SELECT cardinality(records) FROM purges") == 5
    verified = records(f1, "verify", "--central")
    assert verified.returncode == 0, verified.stderr


def test_a_refused_role_is_explained(central: CentralDb, tmp_path: Path) -> None:
    settings = central.add_kiosk("A1", login=False)
    done = records(kiosk_folder(tmp_path, settings), "verify", "--central")
    assert done.returncode == 2
    assert f"refused this kiosk's login as '{settings.user}'" in done.stderr


def test_migrate_needs_the_owner_and_runs_once(central: CentralDb, pg_server: PrivatePostgres, tmp_path: Path) -> None:
    folder = kiosk_folder(tmp_path, central.add_kiosk("A1"))
    refused = records(folder, "migrate", "--central")
    assert refused.returncode == 2 and "give --dsn" in refused.stderr
    done = records(folder, "migrate", "--central", "--dsn", central.admin_dsn)
    assert done.returncode == 0 and "schema version 2" in done.stdout, done.stderr


def test_add_kiosk_makes_a_role_that_can_send(
    central: CentralDb, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    role = f"{central.name}_c7"
    central.roles.append(role)
    folder = tmp_path / "it"
    folder.mkdir()
    monkeypatch.setenv("KIOSK_CENTRAL_PASSWORD", "a long ward password")
    argv = ("add-kiosk", "--central", "--dsn", central.admin_dsn, "--role", role, "--ward", "ward-5", "--kiosk-id")
    assert "should be 1 to 8 capital letters" in records(folder, *argv, "c7").stderr
    done = records(folder, *argv, "C7")
    assert done.returncode == 0, done.stderr
    assert f"kiosk C7 of ward-5 may now send records as role {role}" in done.stdout
    settings = CentralSettings("C7", central.server.host, central.server.port, central.name, role, sslmode="disable")
    db = tmp_path / "c7.sqlite3"
    clock = FakeClock(START)
    with RecordStore(db, clock, kiosk_id="C7") as store:
        one_discharge(store, clock, "C", 1)
    sender = CentralSender(db, settings, clock)
    try:
        assert sender.send_pending() == 12
    finally:
        sender.stop()


def test_verify_central_on_a_kiosk_says_the_server_is_behind(
    central: CentralDb, ward: tuple[Path, Path, list[str]]
) -> None:
    """Records not sent yet are not a fault (exit 0), but the ward manager reads how many and since when."""
    f1, _, _ = ward
    clock = FakeClock(START.replace(hour=14, minute=5))
    with RecordStore(f1 / "records.sqlite3", clock, kiosk_id="A1") as store:
        one_discharge(store, clock, "A1", 9)  # recorded, never sent
    verified = records(f1, "verify", "--central")
    assert verified.returncode == 0, verified.stderr
    assert (
        "this kiosk (A1): the central store is behind: it has 24 of this kiosk's 36 audit rows. The other 12 are "
        "kept on this kiosk and not sent yet (waiting since 21 Nov 2026 14:05)"
    ) in verified.stdout


def test_verify_central_on_a_reinstalled_kiosk_says_the_trails_differ(
    central: CentralDb, ward: tuple[Path, Path, list[str]]
) -> None:
    """A tablet reinstalled under the same kiosk id (a fresh journal): its rows are not the ones the server has."""
    f1, _, _ = ward
    for old in f1.glob("records.sqlite3*"):
        old.unlink()
    clock = FakeClock(START)
    with RecordStore(f1 / "records.sqlite3", clock, kiosk_id="A1") as store:
        one_discharge(store, clock, "A1", 5)
    assert (
        "this kiosk (A1): the central store's copy of this kiosk's records differs from the kiosk's own from audit "
        "row 1 on"
    ) in failed_verify(f1).stderr


def test_verify_central_on_a_kiosk_restored_from_an_old_copy_says_records_were_lost_there(
    central: CentralDb, tmp_path: Path
) -> None:
    settings = central.add_kiosk("A1")
    folder = kiosk_folder(tmp_path, settings)
    fill(central, folder, settings, 1)
    backup = tmp_path / "backup"
    backup.mkdir()
    for part in folder.glob("records.sqlite3*"):
        (backup / part.name).write_bytes(part.read_bytes())
    fill(central, folder, settings, 1, first=2)  # the next day's discharge, sent
    assert central.count("SELECT count(*) FROM audit") == 24
    for part in backup.iterdir():  # IT restores last night's copy of the tablet, head file and all
        (folder / part.name).write_bytes(part.read_bytes())
    verified = failed_verify(folder)
    assert (
        "this kiosk (A1): the central store has 24 of this kiosk's audit rows but the kiosk only 12: records were "
        "lost on this kiosk"
    ) in verified.stderr
    assert "kiosk A1 (ward-5): ok: 24 rows" in verified.stdout  # the server's own copy is sound
