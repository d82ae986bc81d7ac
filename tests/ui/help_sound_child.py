"""Child process of test_help_sound: the kiosk's own call-for-help alert on whatever audio server PULSE_SERVER
names. Prints one JSON line once the chime plays (or cannot), keeps it playing until its standard input closes (the
test has heard enough) or ``argv[1]`` seconds have passed, stops."""

from __future__ import annotations

import json
import os
import select
import sys
import time

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

from PySide6.QtGui import QGuiApplication

from kiosk.ui.help_alert import HelpAlert, SoundState


def _told_to_stop() -> bool:
    """Standard input at its end: the test closed it."""
    readable, _, _ = select.select([sys.stdin], [], [], 0)
    return bool(readable) and sys.stdin.read(1) == ""


def main() -> None:
    app = QGuiApplication(sys.argv[:1])
    alert = HelpAlert(sound=True)
    alert.start()
    deadline = time.monotonic() + 10
    while time.monotonic() < deadline and alert.sound is SoundState.ON:
        app.processEvents()
        if alert.effect is not None and alert.effect.isPlaying():
            break
        time.sleep(0.02)
    effect = alert.effect
    report = {
        "sound": alert.sound.value,
        "playing": bool(effect is not None and effect.isPlaying()),
        "loops": effect.loopCount() if effect is not None else None,
        "source": effect.source().toLocalFile() if effect is not None else None,
    }
    print(json.dumps(report), flush=True)
    until = time.monotonic() + float(sys.argv[1])
    while time.monotonic() < until and not _told_to_stop():
        app.processEvents()
        time.sleep(0.02)
    alert.stop()
    app.processEvents()


if __name__ == "__main__":
    main()
