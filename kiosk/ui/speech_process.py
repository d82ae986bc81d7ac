"""The speaking process: Qt Text to Speech in a process of its own, driven by JSON lines on standard input.

Run as ``python -m kiosk.ui.speech_process ENGINE`` by ``kiosk.ui.read_aloud``. Why a process, not a thread:
starting the speech-dispatcher engine takes about 3 s (it lists every espeak-ng voice) and a hung dispatcher never
answers, and Qt for Python keeps Python's lock through that call, so even from another thread it froze the
kiosk's screen for 2.5 s (measured here). In a process of its own it has its own lock: the kiosk only reads its
answers when they come, and can end it at any time.

In (one JSON object a line): ``{"say": TEXT, "locale": "pl_PL"}``, ``{"stop": true}``.
Out: ``{"ready": [LOCALE, ...]}`` once, ``{"speaking": true|false}`` on each change, ``{"failed": REASON}``.
"""

from __future__ import annotations

import json
import sys
from typing import Any

from PySide6.QtCore import QCoreApplication, QLocale, QObject, QSocketNotifier
from PySide6.QtTextToSpeech import QTextToSpeech


def _send(message: dict[str, Any]) -> None:
    sys.stdout.write(json.dumps(message) + "\n")
    sys.stdout.flush()


class SpeechServer(QObject):
    def __init__(self, engine_name: str) -> None:
        super().__init__()
        self.engine = QTextToSpeech(engine_name, self)
        if self.engine.state() is QTextToSpeech.State.Error:
            _send({"failed": self.engine.errorString() or f"the {engine_name} speech engine did not start"})
            return
        self.engine.stateChanged.connect(self._state_changed)
        self.notifier = QSocketNotifier(sys.stdin.fileno(), QSocketNotifier.Type.Read, self)
        self.notifier.activated.connect(self._read_line)
        _send({"ready": [locale.name() for locale in self.engine.availableLocales()]})

    def _read_line(self) -> None:
        line = sys.stdin.readline()
        if not line:  # the kiosk went away
            QCoreApplication.exit(0)
            return
        try:
            message = json.loads(line)
        except ValueError:
            return
        if "say" in message:
            self.engine.stop()
            self.engine.setLocale(QLocale(str(message.get("locale", "en_GB"))))
            self.engine.say(str(message["say"]))
        elif message.get("stop"):
            self.engine.stop()

    def _state_changed(self, state: QTextToSpeech.State) -> None:
        _send({"speaking": state is QTextToSpeech.State.Speaking})


def main() -> int:
    app = QCoreApplication(sys.argv[:1])
    server = SpeechServer(sys.argv[1] if len(sys.argv) > 1 else "speechd")
    code = app.exec() if server.engine.state() is not QTextToSpeech.State.Error else 1
    return int(code)


if __name__ == "__main__":
    sys.exit(main())
