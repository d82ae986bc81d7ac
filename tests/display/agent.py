"""``python -m tests.display.agent NAME ARGS_JSON``: one real-window scenario, in its own process (see harness)."""

from __future__ import annotations

import json
import os
import sys
import traceback

from tests.display.harness import RESULT_MARK


def main(argv: list[str]) -> None:
    from tests.display import scenarios

    name, args = argv[1], json.loads(argv[2])
    try:
        result = getattr(scenarios, name)(**args)
    except Exception:
        result = {"error": traceback.format_exc()}
    print(RESULT_MARK + json.dumps(result), flush=True)
    sys.stderr.flush()
    os._exit(0)  # no Qt teardown with the window still up: the result is out, nothing else matters here


if __name__ == "__main__":
    main(sys.argv)
