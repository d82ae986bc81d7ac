"""Write resources/sounds/help-chime.wav: the repeating chime of "I need help" (issue 12 item 7).

Generated here from sine waves, so it holds no third-party material: two soft bell tones (880 Hz then 660 Hz,
each fading out) and a pause, two seconds in all; the kiosk loops it while a patient waits for a nurse.
Run: python scripts/make_help_chime.py [OUT] (OUT: another file, as tests/ui/test_help_sound.py does to check
that the shipped file is exactly what this writes)
"""

from __future__ import annotations

import math
import struct
import sys
import wave
from pathlib import Path

RATE = 22050
OUT = Path(__file__).resolve().parent.parent / "resources" / "sounds" / "help-chime.wav"


def tone(freq: float, seconds: float, volume: float = 0.45) -> list[float]:
    count = int(RATE * seconds)
    attack = int(RATE * 0.01)
    samples = []
    for n in range(count):
        envelope = min(1.0, n / attack) * math.exp(-4.0 * n / count)
        samples.append(
            volume
            * envelope
            * (math.sin(2 * math.pi * freq * n / RATE) + 0.3 * math.sin(4 * math.pi * freq * n / RATE))
        )
    return samples


def main() -> None:
    target = Path(sys.argv[1]) if len(sys.argv) > 1 else OUT
    samples = tone(880.0, 0.45) + tone(660.0, 0.6) + [0.0] * int(RATE * 0.95)
    target.parent.mkdir(parents=True, exist_ok=True)
    with wave.open(str(target), "wb") as out:
        out.setnchannels(1)
        out.setsampwidth(2)
        out.setframerate(RATE)
        out.writeframes(b"".join(struct.pack("<h", int(max(-1.0, min(1.0, s)) * 32000)) for s in samples))
    print(f"wrote {target} ({len(samples) / RATE:.2f} s)")


if __name__ == "__main__":
    main()
