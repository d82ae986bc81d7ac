"""'Read this to me': the patient screen spoken by Qt Text to Speech, in a process of its own.

The engine runs in ``kiosk.ui.speech_process``, started with ``QProcess``: starting speech-dispatcher takes about
3 s here and a hung dispatcher never answers, and Qt for Python holds Python's lock through that call, so even a
thread of the kiosk's own froze the screen for 2.5 s (measured). The process answers when it answers; until it
says it is ready (or if it never does) the button is simply not shown, and nothing a patient taps waits for it.

The words come from the screen itself (its visible labels and buttons, in layout order) through
``kiosk.discharge.speech.script``, which removes everything that identifies the patient but the first name.
The next tap anywhere stops the reading (an application event filter), as a person reading aloud would stop.
"""

from __future__ import annotations

import json
import logging
import sys

from PySide6.QtCore import QEvent, QObject, QProcess, Signal, Slot
from PySide6.QtTextToSpeech import QTextToSpeech
from PySide6.QtWidgets import QAbstractButton, QApplication, QLabel, QWidget

from kiosk import paths
from kiosk.discharge.speech import SpokenIdentity, choose_locale, script

log = logging.getLogger(__name__)

# How long the kiosk waits for the speaking process to end when it closes, in ms, before killing it.
STOP_WAIT_MS = 1000

_TAPS = frozenset({QEvent.Type.MouseButtonPress, QEvent.Type.TouchBegin, QEvent.Type.KeyPress})


class ReadAloud(QObject):
    """The kiosk's side: is a voice there for this language, speak this screen, stop on the next tap.

    ``engine`` is a Qt Text to Speech engine name ("speechd" on a ward, "mock" in tests) or "" for none (the
    ward turned it off in config.toml). ``available_changed`` tells screens to show or hide their button.
    """

    available_changed = Signal(bool)
    speaking_changed = Signal(bool)
    spoken = Signal(str)  # the words sent to the voice (for tests; never logged: they hold the first name)

    def __init__(self, engine: str, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._locales: list[str] = []
        self._language = "en_GB"
        self._speaking = False
        self._buffer = b""
        self._process: QProcess | None = None
        if not engine:
            return
        if engine not in QTextToSpeech.availableEngines():
            log.warning("speech engine %r is not installed: 'Read this to me' is off", engine)
            return
        process = QProcess(self)
        process.setProgram(sys.executable)
        process.setArguments(["-m", "kiosk.ui.speech_process", engine])
        process.setWorkingDirectory(str(paths.PROJECT_ROOT))
        process.setProcessChannelMode(QProcess.ProcessChannelMode.SeparateChannels)
        process.readyReadStandardOutput.connect(self._read_answers)
        process.finished.connect(self._process_ended)
        self._process = process
        app = QApplication.instance()
        if app is not None:
            app.aboutToQuit.connect(self.shut_down)
        process.start()

    # == what screens ask =======================================================================================
    def set_language(self, language: str) -> None:
        """The patient's language ("en_GB", "pl"); the button hides where no voice speaks it."""
        was = self.available
        self._language = language
        if self.available != was:
            self.available_changed.emit(self.available)

    @property
    def available(self) -> bool:
        return choose_locale(self._language, self._locales) is not None

    @property
    def speaking(self) -> bool:
        return self._speaking

    def read(self, screen: QWidget, identity: SpokenIdentity | None) -> str:
        """Speak ``screen`` (or stop, if it is being read now). Returns the words sent to the voice."""
        locale = choose_locale(self._language, self._locales)
        if self._speaking or locale is None:
            self.stop()
            return ""
        words = script(visible_texts(screen), identity)
        if words:
            self._set_speaking(True)  # at once, so a second tap on the button stops it before the engine says so
            self._send({"say": words, "locale": locale})
            self.spoken.emit(words)
        return words

    def stop(self) -> None:
        if self._speaking:
            self._send({"stop": True})
            self._set_speaking(False)

    def _set_speaking(self, speaking: bool) -> None:
        """On the application's events only while a voice speaks: the next tap anywhere stops it.

        Filtering all the time would make every event the application handles a call into Python (a paint, a
        timer, each of the 5,000 a text-size change sends), for the rare minutes a screen is being read.
        """
        if speaking == self._speaking:
            return
        self._speaking = speaking
        app = QApplication.instance()
        if app is not None:
            if speaking:
                app.installEventFilter(self)
            else:
                app.removeEventFilter(self)
        self.speaking_changed.emit(speaking)

    @Slot()
    def shut_down(self) -> None:
        """End the speaking process; one that does not end at once (a hung engine) is killed."""
        app = QApplication.instance()
        if app is not None:
            # Off the application's event filters now, not when a garbage collection gets to this object: a
            # collection clears its attributes first (eventFilter then raised AttributeError for every event) and
            # may delete it in the middle of Qt's delivery of an event (a segmentation fault in the suite).
            app.removeEventFilter(self)
        process, self._process = self._process, None
        if process is None:
            return
        self._speaking = False
        process.closeWriteChannel()
        if not process.waitForFinished(STOP_WAIT_MS):
            process.kill()
            process.waitForFinished(STOP_WAIT_MS)

    # == the process's answers ==================================================================================
    def _send(self, message: dict[str, object]) -> None:
        if self._process is not None and self._process.state() is QProcess.ProcessState.Running:
            self._process.write((json.dumps(message) + "\n").encode())

    def _read_answers(self) -> None:
        if self._process is None:
            return
        self._buffer += bytes(self._process.readAllStandardOutput().data())
        *lines, self._buffer = self._buffer.split(b"\n")
        for line in lines:
            try:
                answer = json.loads(line)
            except ValueError:
                continue
            if "ready" in answer:
                was = self.available
                self._locales = [str(name) for name in answer["ready"]]
                log.info("speech ready: %d voices' locales", len(self._locales))
                if self.available != was:
                    self.available_changed.emit(self.available)
            elif "speaking" in answer:
                speaking = bool(answer["speaking"])
                self._set_speaking(speaking)
            elif "failed" in answer:
                log.warning("speech engine did not start: %s", answer["failed"])

    def _process_ended(self, code: int, _status: QProcess.ExitStatus) -> None:
        if self._process is not None:
            log.warning("the speaking process ended (exit %s): 'Read this to me' is off", code)
        was = self.available
        self._locales = []
        self._set_speaking(False)  # off the application's events too; the button says "Read this to me" again
        if was:
            self.available_changed.emit(False)

    # == the next tap stops it ===================================================================================
    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if self._speaking and event.type() in _TAPS and not _is_read_button(watched):
            self.stop()
        return False


def _is_read_button(watched: QObject) -> bool:
    """A tap on 'Stop reading' itself is the button's own business (it stops), not a second stop."""
    return isinstance(watched, QAbstractButton) and watched.objectName() == "banner-read-aloud"


def visible_texts(screen: QWidget) -> list[str]:
    """The texts a sighted patient sees on ``screen``: visible labels and buttons, top to bottom, left to right.

    Text fields are left out (what the patient typed is theirs), and so are the banner's own buttons.
    """
    found: list[tuple[int, int, str]] = []
    for widget in screen.findChildren(QWidget):
        if not widget.isVisibleTo(screen) or widget.objectName().startswith("banner-"):
            continue
        if isinstance(widget, QLabel):
            text = widget.text()
        elif isinstance(widget, QAbstractButton):
            text = widget.text()
        else:
            continue
        if text.strip():
            where = widget.mapTo(screen, widget.rect().topLeft())
            found.append((where.y(), where.x(), text))
    return [text for _, _, text in sorted(found)]
