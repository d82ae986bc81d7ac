#!/usr/bin/env bash
# Re-resolve the hash-pinned locks from the ranges in pyproject.toml: `./kiosk.sh lock` (or `bash scripts/lock.sh`).
#
#   requirements/test.lock     runtime + test packages (what `./kiosk.sh test` installs)
#   requirements/runtime.lock  runtime packages only (what `./kiosk.sh run` installs), at the same versions
#
# After an upgrade: update docs/DEPENDENCIES.md to the new runtime versions (tests/test_dependencies.py says which
# rows differ), then run `./kiosk.sh test` and `./kiosk.sh bench`, and commit the locks with the docs.
# Pass --upgrade-package NAME to move one package only; with no argument every package goes to its newest allowed.
set -euo pipefail
here="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
cd "$here"
uv="$here/.venv/bin/uv"
[ -x "$uv" ] || { echo "run ./kiosk.sh test once first (it installs uv from the lock)" >&2; exit 1; }
common=(--quiet --generate-hashes --python-version 3.11 --universal --no-header)
upgrade=(--upgrade)
[ $# -gt 0 ] && upgrade=("$@")
"$uv" pip compile "${common[@]}" "${upgrade[@]}" --extra test pyproject.toml -o requirements/test.lock
# The runtime lock takes its versions from the test lock, so both environments run the same code.
"$uv" pip compile "${common[@]}" --constraint requirements/test.lock pyproject.toml -o requirements/runtime.lock
echo "locks written: requirements/test.lock, requirements/runtime.lock"
