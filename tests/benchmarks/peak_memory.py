"""Run a Python script (``peak_memory.py SCRIPT ARGS...``) and print its peak resident memory as the last line.

The peak is the process's own ``VmHWM`` after the script ends: unlike ``ru_maxrss`` (kept across ``exec``), it
does not include the parent's memory that the child held between ``fork`` and ``exec``.
"""

from __future__ import annotations

import runpy
import sys
from pathlib import Path


def peak_kib() -> int:
    for line in Path("/proc/self/status").read_text(encoding="ascii").splitlines():
        if line.startswith("VmHWM:"):
            return int(line.split()[1])
    raise RuntimeError("no VmHWM in /proc/self/status")


def main() -> int:
    script, *args = sys.argv[1:]
    sys.argv = [script, *args]
    sys.path[0] = str(Path(script).resolve().parent)  # as `python SCRIPT` would have it
    code: object = 0
    try:
        runpy.run_path(script, run_name="__main__")
    except SystemExit as done:
        code = done.code
    sys.stdout.flush()
    print(f"\npeak-kib {peak_kib()}")
    return code if isinstance(code, int) else (0 if code is None else 1)


if __name__ == "__main__":
    sys.exit(main())
