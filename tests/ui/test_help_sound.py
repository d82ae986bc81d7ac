"""The call for help's chime, heard: the kiosk's own HelpAlert plays on a real PulseAudio server (a null sink,
started here, recorded from its monitor), and on a tablet with no sound server it says it cannot.

The suite's own process has no sound server (tests/conftest.py), so the chime runs in a child process
(tests/ui/help_sound_child.py) pointed at this test's server.
"""

from __future__ import annotations

import array
import json
import math
import os
import shutil
import subprocess
import sys
import time
import wave
from collections.abc import Iterator
from pathlib import Path

import pytest

from kiosk import paths

ROOT = Path(__file__).resolve().parents[2]
CHILD = Path(__file__).with_name("help_sound_child.py")
RATE = 22050
TOOLS = ("pulseaudio", "parec")


@pytest.fixture
def sound_server(tmp_path: Path) -> Iterator[dict[str, str]]:
    """A private PulseAudio with one null sink ("kiosk"); the environment that points a client at it."""
    missing = [tool for tool in TOOLS if shutil.which(tool) is None]
    if missing:
        pytest.fail(f"the chime test needs {', '.join(missing)} (pulseaudio in TEST_APT, kiosk.sh)", pytrace=False)
    home = tmp_path / "pulse"
    home.mkdir()
    socket = home / "native"
    env = {**os.environ, "HOME": str(home), "XDG_RUNTIME_DIR": str(home), "PULSE_SERVER": f"unix:{socket}"}
    env.pop("DBUS_SESSION_BUS_ADDRESS", None)
    log = home / "pulseaudio.log"
    with log.open("wb") as log_file:
        server = subprocess.Popen(
            [
                "pulseaudio",
                "-n",
                "--daemonize=no",
                "--exit-idle-time=-1",
                "--disallow-exit",
                "--use-pid-file=no",
                "-L",
                "module-null-sink sink_name=kiosk",
                "-L",
                f"module-native-protocol-unix socket={socket} auth-anonymous=1",
            ],
            env=env,
            stdout=subprocess.DEVNULL,
            stderr=log_file,
        )
    try:
        deadline = time.monotonic() + 15
        while not socket.exists():
            if server.poll() is not None or time.monotonic() > deadline:
                pytest.fail(f"pulseaudio did not start: {log.read_text(errors='replace')[-2000:]}", pytrace=False)
            time.sleep(0.05)
        yield env
    finally:
        server.terminate()
        try:
            server.wait(timeout=10)
        except subprocess.TimeoutExpired:
            server.kill()
            server.wait()


def _record(env: dict[str, str], seconds: float, deadline: float = 30.0) -> array.array[int]:
    """``seconds`` of what the null sink played (16-bit mono), read from its monitor.

    Counted in samples, not by the clock: under load parec can take seconds to start its stream, and a recording
    timed by the clock then held less than asked (the chime test once heard 0.7 s of a 4.2 s window)."""
    command = ["parec", "-d", "kiosk.monitor", "--raw", "--format=s16le", "--channels=1", f"--rate={RATE}"]
    recorder = subprocess.Popen(command, env=env, stdout=subprocess.PIPE, stderr=subprocess.DEVNULL)
    assert recorder.stdout is not None
    wanted = int(seconds * RATE) * 2
    data = b""
    give_up = time.monotonic() + deadline
    while len(data) < wanted and time.monotonic() < give_up:
        chunk = os.read(recorder.stdout.fileno(), wanted - len(data))
        if not chunk:
            break
        data += chunk
    recorder.terminate()
    recorder.communicate(timeout=10)
    samples = array.array("h")
    samples.frombytes(data[: len(data) // 2 * 2])
    return samples


def _loudness(samples: array.array[int]) -> float:
    return math.sqrt(sum(s * s for s in samples) / len(samples)) if samples else 0.0


def _child(env: dict[str, str], seconds: float) -> tuple[subprocess.Popen[str], dict[str, object]]:
    child = subprocess.Popen(
        [sys.executable, str(CHILD), str(seconds)],
        env={**env, "PYTHONPATH": str(ROOT)},
        cwd=ROOT,
        stdin=subprocess.PIPE,
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
    )
    assert child.stdout is not None
    line = child.stdout.readline()
    assert line, child.communicate(timeout=30)[1][-3000:]
    return child, json.loads(line)


def test_the_chime_is_heard_and_repeats_on_a_real_sound_server(sound_server: dict[str, str]) -> None:
    quiet = _loudness(_record(sound_server, 1.0))
    child, report = _child(sound_server, 60.0)  # plays until the recording is made (stdin closed)
    try:
        assert report == {
            "sound": "on",
            "playing": True,
            "loops": -2,  # QSoundEffect.Loop.Infinite
            "source": str(paths.resource("sounds", "help-chime.wav")),
        }
        heard = _record(sound_server, 4.2)
    finally:
        child.communicate(timeout=30)  # closes its standard input: it stops the chime and ends
    assert child.returncode == 0
    assert quiet < 50, "the sink is silent before the call"
    # The chime is 2 s: two bell tones (1.05 s), then a pause. It repeats when two loud tenths of a second lie more
    # than 1.6 s apart (one chime's tones span 1.05 s), with a quiet tenth between them (a chime, not a drone).
    # The recording is 4.2 s of sound, however late parec started.
    assert len(heard) >= int(4.2 * RATE), f"parec recorded {len(heard) / RATE:.1f} s in 30 s"
    tenth = RATE // 10
    windows = [_loudness(heard[start : start + tenth]) for start in range(0, len(heard) - tenth + 1, tenth)]
    loud = [index for index, level in enumerate(windows) if level > 1000]
    assert loud, (quiet, max(windows, default=0.0))
    assert (loud[-1] - loud[0]) / 10 > 1.6, ("one chime only", [round(level) for level in windows])
    assert min(windows[loud[0] : loud[-1]]) < 200, ("no pause between chimes", [round(level) for level in windows])


def test_no_sound_server_gives_a_visible_only_alert_that_says_so(tmp_path: Path) -> None:
    env = {**os.environ, "PULSE_SERVER": f"unix:{tmp_path / 'nothing-here'}"}
    child, report = _child(env, 0.1)
    _, err = child.communicate(timeout=30)
    assert child.returncode == 0, err
    assert report["sound"] == "unavailable" and report["playing"] is False and report["source"] is None
    assert "no sound, the alert is visible only" in err


def test_the_chime_file_is_the_generator_s_and_not_silent(tmp_path: Path) -> None:
    """resources/sounds/help-chime.wav is exactly what scripts/make_help_chime.py writes: 2 s, 22050 Hz mono,
    two tones well above silence, then a pause."""
    shipped = paths.resource("sounds", "help-chime.wav")
    out = tmp_path / "chime.wav"
    done = subprocess.run(
        [sys.executable, str(ROOT / "scripts" / "make_help_chime.py"), str(out)],
        capture_output=True,
        text=True,
        timeout=60,
    )
    assert done.returncode == 0, done.stderr
    assert out.read_bytes() == shipped.read_bytes()
    with wave.open(str(shipped)) as chime:
        assert (chime.getnchannels(), chime.getsampwidth(), chime.getframerate()) == (1, 2, RATE)
        assert abs(chime.getnframes() - 2 * RATE) < 10
        samples = array.array("h")
        samples.frombytes(chime.readframes(chime.getnframes()))
    tones, pause = samples[:RATE], samples[int(1.1 * RATE) :]
    assert _loudness(tones) > 3000
    assert _loudness(pause) < 10
