"""Issue 13 F2 and F5 on screen: when the records file can no longer be written safely, whoever holds the tablet
is told what to do (discharge on paper, call IT, do not delete the file), not "Something went wrong"."""

from __future__ import annotations

import os
from pathlib import Path

from pytestqt.qtbot import QtBot

from kiosk.discharge.flow import ScreenKind
from kiosk.discharge.session import Stage
from kiosk.ui.patient.simple import RecordsStoppedScreen
from tests.discharge_support import PATIENT_A
from tests.ui.driver import Kiosk
from tests.ui.test_full_discharge import start_discharge


def test_a_wal_deleted_mid_walk_stops_the_kiosk_with_instructions(qtbot: QtBot, tmp_path: Path) -> None:
    kiosk = Kiosk(qtbot, tmp_path)
    start_discharge(kiosk, "nerve-root-injection", PATIENT_A)
    kiosk.click("start")
    assert kiosk.walk_kind() is ScreenKind.STEP
    os.unlink(tmp_path / "records.sqlite3-wal")
    kiosk.understand()
    assert kiosk.session.stage is Stage.ERROR
    screen = kiosk.screen
    assert isinstance(screen, RecordsStoppedScreen)
    kiosk.screen.grab().save(str(tmp_path / "records-stopped.png"))
    said = screen.message.text()
    assert "Discharge patients on paper and call IT" in said and "Do not delete any file" in said
    assert "write-ahead log (-wal) was deleted" in screen.detail.text()
    # Nothing more is saved: a nurse signing in (which is audited) gets the same screen.
    kiosk.session.lock()
    kiosk.click(kiosk.window.start_screen.nurse_button)
    kiosk.type_pin()
    assert isinstance(kiosk.screen, RecordsStoppedScreen)
