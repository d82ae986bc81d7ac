"""'Read this to me' on the real patient screens, with Qt's mock speech engine (the real voice: test_speech_wav)."""

from __future__ import annotations

import shutil
import time
from collections.abc import Iterator
from pathlib import Path

import pytest
import shiboken6
from PySide6.QtCore import QEvent, Qt, QTimer
from PySide6.QtWidgets import QApplication, QPushButton
from pytestqt.qtbot import QtBot

from kiosk.discharge.flow import ScreenKind
from kiosk.ui.read_aloud import ReadAloud
from tests.discharge_support import BLOCK, new_discharge
from tests.ui.driver import Kiosk
from tests.ui.filter_spy import spy_on_filter

_STARTED: list[ReadAloud] = []


@pytest.fixture(autouse=True)
def _end_speaking_processes() -> Iterator[None]:
    """Every speaking process a test started ends with the test, even one that failed half-way."""
    yield
    while _STARTED:
        speech = _STARTED.pop()
        speech.shut_down()
        shiboken6.delete(speech)  # gone now, not whenever a garbage collection reaches its reference cycle


def _kiosk(qtbot: QtBot, tmp_path: Path, engine: str = "mock") -> tuple[Kiosk, ReadAloud]:
    speech = ReadAloud(engine)
    _STARTED.append(speech)
    kiosk = Kiosk(qtbot, tmp_path, read_aloud=speech)
    kiosk.hand_over(new_discharge(BLOCK))
    if engine:
        qtbot.waitUntil(lambda: speech.available, timeout=5000)
    return kiosk, speech


def test_the_button_reads_the_screen_with_the_first_name_only(qtbot: QtBot, tmp_path: Path) -> None:
    kiosk, speech = _kiosk(qtbot, tmp_path)
    patient = kiosk.session.record().patient
    with qtbot.waitSignal(speech.spoken) as said:
        kiosk.click("banner-read-aloud")
    words = str(said.args[0])
    assert patient.first_name in words
    surname = patient.name.split()[-1]
    assert surname not in words and patient.hospital_number not in words
    assert "Read this to me" not in words, "the banner's own buttons are not read"
    assert kiosk.button("banner-read-aloud").text() == "Stop reading"


def test_the_next_tap_anywhere_stops_the_reading(qtbot: QtBot, tmp_path: Path) -> None:
    kiosk, speech = _kiosk(qtbot, tmp_path)
    kiosk.click("banner-read-aloud")
    assert speech.speaking
    qtbot.mousePress(kiosk.screen, Qt.MouseButton.LeftButton)
    assert not speech.speaking
    assert kiosk.button("banner-read-aloud").text() == "Read this to me"


def test_only_a_reading_screen_puts_every_event_through_read_aloud(qtbot: QtBot, tmp_path: Path) -> None:
    """The filter that stops the voice on the next tap is on the application's events only while it speaks: when
    silent, a paint, a timer or a text-size change's thousands of events make no call into Python for it."""
    kiosk, speech = _kiosk(qtbot, tmp_path)
    seen = spy_on_filter(speech)
    kiosk.click("size-large")
    assert seen == [], "silent: not on the application's events"
    kiosk.click("banner-read-aloud")
    assert speech.speaking
    QApplication.sendEvent(kiosk.screen, QEvent(QEvent.Type.LayoutRequest))
    assert seen, "speaking: it sees the application's events (the spy itself works)"
    qtbot.mousePress(kiosk.screen, Qt.MouseButton.LeftButton)
    assert not speech.speaking
    seen.clear()
    kiosk.click("size-largest")
    assert seen == [], "stopped: off the application's events again"


def test_a_voice_that_dies_while_speaking_leaves_the_screen_as_before(qtbot: QtBot, tmp_path: Path) -> None:
    """The speaking process ends in the middle of a reading (a crash, a killed engine): the button goes, and
    read-aloud is off the application's events again, as when it stops normally."""
    kiosk, speech = _kiosk(qtbot, tmp_path)
    kiosk.click("banner-read-aloud")
    assert speech.speaking
    process = speech._process
    assert process is not None
    with qtbot.waitSignal(speech.available_changed, timeout=5000):
        process.kill()
    assert not speech.speaking and not speech.available
    seen = spy_on_filter(speech)
    QApplication.sendEvent(kiosk.screen, QEvent(QEvent.Type.LayoutRequest))
    assert seen == [], "off the application's events"
    button = kiosk.screen.findChild(QPushButton, "banner-read-aloud")
    assert button is not None and not button.isVisible()


def test_the_button_a_second_time_stops_it(qtbot: QtBot, tmp_path: Path) -> None:
    kiosk, speech = _kiosk(qtbot, tmp_path)
    kiosk.click("banner-read-aloud")
    assert speech.speaking
    kiosk.click("banner-read-aloud")
    assert not speech.speaking


def test_moving_to_the_next_screen_stops_the_reading(qtbot: QtBot, tmp_path: Path) -> None:
    kiosk, speech = _kiosk(qtbot, tmp_path)
    kiosk.click("start")
    assert kiosk.walk_kind() is ScreenKind.STEP
    with qtbot.waitSignal(speech.spoken) as said:
        kiosk.click("banner-read-aloud")
    assert "Step 1 of" in str(said.args[0])
    kiosk.flow._understood()  # the screen changes (as by "I understand") while it is still reading
    assert not speech.speaking


def test_i_need_help_stops_the_reading(qtbot: QtBot, tmp_path: Path) -> None:
    """A call for help stops the reading even without a tap on the screen (a key, a switch: click() here), as
    "A nurse is on the way" is not what it was reading (issue 12 item 7)."""
    kiosk, speech = _kiosk(qtbot, tmp_path)
    kiosk.click("banner-read-aloud")
    assert speech.speaking
    kiosk.button("help").click()
    assert kiosk.session.stage.value == "help"
    assert not speech.speaking


def test_no_engine_no_button(qtbot: QtBot, tmp_path: Path) -> None:
    """The ward turned speech off (engine = ""), or no voice speaks the language: the button is not shown."""
    kiosk, speech = _kiosk(qtbot, tmp_path, engine="")
    assert not speech.available
    assert not kiosk.screen.findChild(QPushButton, "banner-read-aloud").isVisible()


def test_a_language_without_a_voice_hides_the_button(qtbot: QtBot, tmp_path: Path) -> None:
    kiosk, speech = _kiosk(qtbot, tmp_path)
    assert kiosk.button("banner-read-aloud").isVisible()
    speech.set_language("ur")  # the mock engine has no Urdu voice
    button = kiosk.screen.findChild(QPushButton, "banner-read-aloud")
    assert button is not None and not button.isVisible()
    speech.set_language("en_GB")
    assert kiosk.button("banner-read-aloud").isVisible()


@pytest.mark.slow
@pytest.mark.skipif(shutil.which("speech-dispatcher") is None, reason="speech-dispatcher is not installed")
def test_the_real_engine_starts_without_stalling_the_screen(qtbot: QtBot) -> None:
    """speechd takes seconds to list its voices (and a hung dispatcher never answers): never on the GUI thread."""
    stalls: list[float] = []
    last = [time.perf_counter()]

    def beat() -> None:
        now = time.perf_counter()
        stalls.append(now - last[0])
        last[0] = now

    timer = QTimer()
    timer.setInterval(10)
    timer.timeout.connect(beat)
    timer.start()
    speech = ReadAloud("speechd")
    _STARTED.append(speech)
    qtbot.waitUntil(lambda: speech.available, timeout=30_000)
    timer.stop()
    speech.set_language("pl")
    assert speech.available, "a Polish voice is there"
    speech.shut_down()
    # 250 ms: far below the 2.5 s the engine blocked for on the GUI side, above scheduling noise on a loaded VM.
    assert max(stalls) < 0.25, f"the event loop stalled {max(stalls) * 1000:.0f} ms while the engine started"


def test_choosing_a_language_without_a_voice_on_the_welcome_screen_hides_the_button(
    qtbot: QtBot, tmp_path: Path
) -> None:
    """The voice follows the patient's choice (issue 17): Qt's mock engine speaks English but no Polish, so the
    button goes when Polish is chosen and comes back with English."""
    kiosk, speech = _kiosk(qtbot, tmp_path)
    kiosk.click("language-pl")
    button = kiosk.screen.findChild(QPushButton, "banner-read-aloud")
    assert button is not None and not button.isVisible()
    kiosk.click("language-en")
    assert kiosk.button("banner-read-aloud").isVisible()
    with qtbot.waitSignal(speech.spoken):
        kiosk.click("banner-read-aloud")
    assert kiosk.button("banner-read-aloud").text() == "Stop reading"
