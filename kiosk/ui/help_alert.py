"""The visible and audible alert while a patient waits for a nurse: a flashing screen and a repeating chime.

The chime is ``resources/sounds/help-chime.wav`` (made by ``scripts/make_help_chime.py``) looped by a
``QSoundEffect``, created only when a call first starts, so QtMultimedia is loaded then, never at start-up. Its
messages from its own threads (PulseAudio not reachable, for one) reach the kiosk log through ``kiosk.qt_log``
like every Qt message; no Python runs on those threads.

The flashing never depends on the sound. A tablet with no audio output (no sound server, a dead speaker driver)
or a chime that cannot play gives ``SoundState.UNAVAILABLE``: the alert goes on visible only, the log says why,
and "A nurse is on the way" says so on screen, so the nurse who answers knows to tell IT. The ward turns the
sound off with ``[help] sound = false`` (``SoundState.OFF``).
"""

from __future__ import annotations

import logging
from enum import StrEnum
from typing import TYPE_CHECKING

from PySide6.QtCore import QObject, QTimer, QUrl, Signal

from kiosk import paths

if TYPE_CHECKING:
    from PySide6.QtMultimedia import QSoundEffect

log = logging.getLogger(__name__)

FLASH_MS = 700
CHIME = ("sounds", "help-chime.wav")


class SoundState(StrEnum):
    ON = "on"  # the chime is playing (or loading) on the tablet's audio output
    OFF = "off"  # the ward turned it off in config.toml
    UNAVAILABLE = "unavailable"  # wanted, but the tablet cannot play it: the alert is visible only


class HelpAlert(QObject):
    """Flashes (``flashed``) and chimes while ``start``-ed; ``sound_changed`` says whether the chime is heard."""

    flashed = Signal(bool)
    sound_changed = Signal(str)

    def __init__(self, sound: bool, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.sound_enabled = sound
        self.effect: QSoundEffect | None = None  # made on first use
        self.sound = SoundState.ON if sound else SoundState.OFF
        self._bright = False
        self.timer = QTimer(self)
        self.timer.setInterval(FLASH_MS)
        self.timer.timeout.connect(self._flash)

    @property
    def running(self) -> bool:
        return self.timer.isActive()

    def start(self) -> None:
        if self.running:
            return
        self.timer.start()
        self._flash()
        if self.sound_enabled:
            effect = self._chime()
            if effect is not None:
                effect.play()

    def stop(self) -> None:
        self.timer.stop()
        self._bright = False
        self.flashed.emit(False)
        if self.effect is not None:
            self.effect.stop()

    def _flash(self) -> None:
        self._bright = not self._bright
        self.flashed.emit(self._bright)

    def _chime(self) -> QSoundEffect | None:
        """The looping chime, or None when the tablet has no audio output (then the alert is visible only)."""
        if self.sound is SoundState.UNAVAILABLE:
            return None
        if self.effect is None:
            from PySide6.QtMultimedia import QMediaDevices, QSoundEffect

            if not QMediaDevices.audioOutputs():
                self._unavailable("the tablet has no audio output (no sound server or speaker)")
                return None
            effect = QSoundEffect(self)
            effect.statusChanged.connect(self._status_changed)
            effect.setSource(QUrl.fromLocalFile(str(paths.resource(*CHIME))))
            effect.setLoopCount(QSoundEffect.Loop.Infinite.value)
            effect.setVolume(1.0)
            self.effect = effect
        return self.effect

    def _status_changed(self) -> None:
        from PySide6.QtMultimedia import QSoundEffect

        if self.effect is not None and self.effect.status() is QSoundEffect.Status.Error:
            self.effect.stop()
            self._unavailable(f"the chime {paths.resource(*CHIME)} could not be played")

    def _unavailable(self, why: str) -> None:
        log.warning("call for help: no sound, the alert is visible only: %s", why)
        self.sound = SoundState.UNAVAILABLE
        self.sound_changed.emit(self.sound.value)
