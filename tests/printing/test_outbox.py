"""The outbox keeps every sheet durably, named by record id, until retention removes it."""

from __future__ import annotations

import gc
import os
import re
import stat
from pathlib import Path

import pytest

from kiosk import paths
from kiosk.errors import EnvironmentProblem
from kiosk.printing import Outbox
from tests.printing.conftest import simple_sheet

RECORD = "DK-20261121-0007"


def test_a_sheet_is_saved_in_the_data_folder_under_its_record_id() -> None:
    """The first print is <record id>-sheet.pdf in the ward's outbox folder, byte for byte."""
    pdf = simple_sheet("Ann Lee", RECORD)
    path = Outbox().save(RECORD, pdf)
    assert path == paths.outbox_dir() / f"{RECORD}-sheet.pdf"
    assert path.read_bytes() == pdf
    assert Outbox().latest(RECORD) == path


def test_sheets_are_private_to_the_kiosk_user(tmp_path: Path) -> None:
    """Sheets hold patient data: the folder and files are not readable by other users of the machine."""
    outbox = Outbox(tmp_path / "outbox")
    path = outbox.save(RECORD, simple_sheet("Ann Lee", RECORD))
    assert stat.S_IMODE(path.stat().st_mode) == 0o600
    assert stat.S_IMODE(outbox.folder.stat().st_mode) == 0o700


def test_reprints_are_numbered_and_kept_alongside_the_first_print(tmp_path: Path) -> None:
    """Each reprint is a new file (-reprint-2, -reprint-3); the newest is the one to show and print."""
    outbox = Outbox(tmp_path)
    first = outbox.save(RECORD, simple_sheet("Ann Lee", RECORD))
    second = outbox.save(RECORD, simple_sheet("Ann Lee", RECORD), reprint=True)
    third = outbox.save(RECORD, simple_sheet("Ann Lee", RECORD), reprint=True)
    assert (second.name, third.name) == (f"{RECORD}-reprint-2.pdf", f"{RECORD}-reprint-3.pdf")
    assert outbox.sheets(RECORD) == [first, second, third]
    assert outbox.latest(RECORD) == third
    # Saving the first print again (the sheet was rebuilt before printing) replaces it, not the reprints.
    assert outbox.save(RECORD, simple_sheet("Ann Lee", RECORD)) == first
    assert len(outbox.sheets(RECORD)) == 3


def test_one_record_never_picks_up_another_records_sheets(tmp_path: Path) -> None:
    """DK-...-0001 and DK-...-00011 are different discharges, even though one id starts with the other."""
    outbox = Outbox(tmp_path)
    outbox.save("DK-20261121-00011", simple_sheet("Bob Ray", "DK-20261121-00011"))
    assert outbox.latest("DK-20261121-0001") is None
    assert outbox.delete("DK-20261121-0001") == 0
    assert outbox.latest("DK-20261121-00011") is not None


def test_delete_removes_every_copy_of_one_discharge(tmp_path: Path) -> None:
    outbox = Outbox(tmp_path)
    outbox.save(RECORD, simple_sheet("Ann Lee", RECORD))
    outbox.save(RECORD, simple_sheet("Ann Lee", RECORD), reprint=True)
    other = outbox.save("DK-20261121-0008", simple_sheet("Bob Ray", "DK-20261121-0008"))
    assert outbox.delete(RECORD) == 2
    assert outbox.latest(RECORD) is None and other.exists()


def test_half_written_sheets_from_a_crash_are_cleaned_at_start(tmp_path: Path) -> None:
    """A temporary file left by a power cut mid-write is removed; complete sheets and other files are not."""
    outbox = Outbox(tmp_path)
    kept = outbox.save(RECORD, simple_sheet("Ann Lee", RECORD))
    (tmp_path / f".tmp-{RECORD}-sheet-abc123.part").write_bytes(b"%PDF-1.4 trunc")
    (tmp_path / "notes.txt").write_text("IT notes")
    assert outbox.clean_temp_files() == 1
    assert sorted(p.name for p in tmp_path.iterdir()) == sorted([kept.name, "notes.txt"])


def test_a_failed_write_leaves_no_partial_sheet_and_says_what_to_do(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """If the disk fails mid-save, neither a partial sheet nor a temporary file is left, and IT is asked to look."""
    outbox = Outbox(tmp_path)

    def disk_full(fd: int) -> None:
        raise OSError(28, "No space left on device")

    monkeypatch.setattr(os, "fsync", disk_full)
    with pytest.raises(EnvironmentProblem, match="Cannot save the sheet") as caught:
        outbox.save(RECORD, simple_sheet("Ann Lee", RECORD))
    assert "No space left" in caught.value.hint
    assert list(tmp_path.iterdir()) == []


@pytest.mark.parametrize("bad", ["../etc/passwd", "DK/1", "", ".hidden", "DK 1", "x" * 80])
def test_a_record_id_can_never_name_a_file_outside_the_outbox(tmp_path: Path, bad: str) -> None:
    with pytest.raises(ValueError, match="record id"):
        Outbox(tmp_path).save(bad, simple_sheet("Ann Lee", "x"))


def test_only_pdf_bytes_are_accepted(tmp_path: Path) -> None:
    with pytest.raises(ValueError, match="not a PDF"):
        Outbox(tmp_path).save(RECORD, b"<html>")


def test_looking_up_many_discharges_compiles_no_pattern_per_record(tmp_path: Path) -> None:
    """Every lookup used to compile a pattern for its record id, which re's cache then kept: one more
    compiled pattern per discharge, up to 512 (issue 19, the kiosk's memory growth)."""
    outbox = Outbox(tmp_path)
    pdf = simple_sheet("Ann Lee", RECORD)
    outbox.save(RECORD, pdf)

    def patterns() -> int:
        gc.collect()
        return sum(1 for thing in gc.get_objects() if isinstance(thing, re.Pattern))

    before = patterns()
    for number in range(100):
        record_id = f"DK-20261202-{number:04d}"
        outbox.save(record_id, pdf)
        outbox.save(record_id, pdf, reprint=True)
        assert [path.name for path in outbox.sheets(record_id)] == [
            f"{record_id}-sheet.pdf",
            f"{record_id}-reprint-2.pdf",
        ]
    assert patterns() - before < 10
