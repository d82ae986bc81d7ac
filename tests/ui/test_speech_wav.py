"""A real patient screen spoken by a real voice (espeak-ng, which the ward's speech-dispatcher uses), into a WAV.

The mock engine tests the button; this one shows the words a screen produces are speakable and come out as
sound of a plausible length, in English and in Polish.
"""

from __future__ import annotations

import shutil
import subprocess
import wave
from array import array
from pathlib import Path

import pytest
from pytestqt.qtbot import QtBot

from kiosk.discharge.speech import SpokenIdentity, script
from kiosk.ui.read_aloud import visible_texts
from tests.discharge_support import BLOCK, new_discharge
from tests.ui.driver import Kiosk

pytestmark = pytest.mark.skipif(shutil.which("espeak-ng") is None, reason="espeak-ng is not installed")


def speak_to_wav(words: str, voice: str, out: Path) -> tuple[float, float]:
    """(seconds, RMS of the samples) of ``words`` spoken by espeak-ng's ``voice`` into ``out``."""
    subprocess.run(["espeak-ng", "-v", voice, "-w", str(out), words], check=True, timeout=60)
    with wave.open(str(out)) as wav:
        assert wav.getsampwidth() == 2
        frames = wav.readframes(wav.getnframes())
        seconds = wav.getnframes() / wav.getframerate()
    samples = array("h", frames)
    rms = (sum(s * s for s in samples) / max(1, len(samples))) ** 0.5
    return seconds, rms


def test_a_real_step_screen_is_spoken_as_sound_of_plausible_length(qtbot: QtBot, tmp_path: Path) -> None:
    kiosk = Kiosk(qtbot, tmp_path)
    kiosk.hand_over(new_discharge(BLOCK))
    kiosk.click("start")
    patient = kiosk.session.record().patient
    words = script(visible_texts(kiosk.screen), SpokenIdentity.from_name(patient.name))
    count = len(words.split())
    assert count >= 8, words
    seconds, rms = speak_to_wav(words, "en-gb", tmp_path / "step.wav")
    # Speech runs at 2 to 4 words a second; espeak-ng's default is about 175 words a minute (2.9 a second).
    assert count / 4.5 <= seconds <= count / 1.5, (count, seconds)
    assert rms > 500, "not silent"


def test_polish_is_spoken_by_a_polish_voice(tmp_path: Path) -> None:
    words = "Nie prowadź samochodu przez dwadzieścia cztery godziny. Jeśli masz gorączkę, zadzwoń na oddział."
    seconds, rms = speak_to_wav(words, "pl", tmp_path / "pl.wav")
    count = len(words.split())
    assert count / 4.5 <= seconds <= count / 1.5
    assert rms > 500


@pytest.mark.parametrize(("code", "voice"), [("pl", "pl"), ("ur", "ur"), ("pa", "pa"), ("ro", "ro"), ("ar", "ar")])
def test_the_welcome_screen_in_the_patients_language_is_spoken_in_it(
    qtbot: QtBot, tmp_path: Path, code: str, voice: str
) -> None:
    """Issue 17: the screen the patient chose a language on, read in that language by its espeak-ng voice."""
    kiosk = Kiosk(qtbot, tmp_path)
    kiosk.hand_over(new_discharge(BLOCK))
    kiosk.click(f"language-{code}")
    patient = kiosk.session.record().patient
    words = script(visible_texts(kiosk.screen), SpokenIdentity.from_name(patient.name))
    english = script(visible_texts_in_english(qtbot, tmp_path), SpokenIdentity.from_name(patient.name))
    assert words != english and patient.first_name in words
    count = len(words.split())
    seconds, rms = speak_to_wav(words, voice, tmp_path / f"{code}.wav")
    # Scripts count words differently (Urdu and Panjabi write more, shorter words): a wide but real band.
    assert count / 6 <= seconds <= count / 1, (count, seconds)
    assert rms > 500, "not silent"


def visible_texts_in_english(qtbot: QtBot, tmp_path: Path) -> list[str]:
    from kiosk.ui.language import remove_catalogue

    remove_catalogue()
    kiosk = Kiosk(qtbot, tmp_path / "english")
    kiosk.hand_over(new_discharge(BLOCK))
    return visible_texts(kiosk.screen)


@pytest.mark.parametrize("code", ["pl", "ur"])
def test_a_translated_step_screen_is_spoken_by_the_languages_voice(qtbot: QtBot, tmp_path: Path, code: str) -> None:
    """Issue 17's Done when: the procedure's own text (from the Polish or Urdu translation file, not only the
    screens' words) read by espeak-ng's voice for that language as sound of a plausible length."""
    from dataclasses import replace

    import yaml

    kiosk = Kiosk(qtbot, tmp_path)
    reason = "Interpreter agreed the draft translation with the patient"
    kiosk.hand_over(replace(new_discharge(BLOCK, expired_reason=reason), language=code, draft_translation=True))
    kiosk.click("start")
    patient = kiosk.session.record().patient
    words = script(visible_texts(kiosk.screen), SpokenIdentity.from_name(patient.name))
    translation = Path(__file__).parents[2] / "procedures" / "translations" / f"{BLOCK}.{code}.yaml"
    step = yaml.safe_load(translation.read_text(encoding="utf-8"))["text"]["steps"]["someone-with-you"]
    assert step["heading"] in words and step["text"] in words, words
    count = len(words.split())
    seconds, rms = speak_to_wav(words, code, tmp_path / f"{code}-step.wav")
    assert count / 4.5 <= seconds <= count / 1.5, (count, seconds)
    assert rms > 500, "not silent"
