#!/usr/bin/env bash
# Discharge Kiosk: the two set-up commands (and the benchmark run).
#
#   ./kiosk.sh run [ARGS...]     install what the app needs, then launch it (extra args go to main.py)
#   ./kiosk.sh test [PYTEST...]  install what the tests need (CUPS test queue too), then ruff, mypy and the whole suite
#   ./kiosk.sh bench             install the test set-up, run the benchmarks, print the goal table
#   ./kiosk.sh lock [UV ARGS]    re-resolve requirements/*.lock from pyproject.toml (see scripts/lock.sh)
#
# Every step says what it does and skips work already done, so a second run is quick.
set -euo pipefail

here="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
cd "$here"
venv="$here/.venv"

say() { printf '\033[1m[kiosk]\033[0m %s\n' "$*"; }
die() { printf '\033[1;31m[kiosk] error:\033[0m %s\n' "$*" >&2; exit 1; }

# Debian packages. Runtime: what Qt needs for a real window (xcb), the virtual keyboard and speech (libpulse0),
# the CUPS client library and the compiler bits pycups builds against, the voices "Read this to me" uses
# (speech-dispatcher with espeak-ng: Qt Text to Speech's "speechd" engine), and the fonts for every script a
# ward meets (found through fontconfig by the sheet and by Qt; see docs/DEPENDENCIES.md).
RUNTIME_APT=(python3-venv python3-dev gcc libcups2-dev cups-client
             libxcb-icccm4 libxcb-keysyms1 libxcb-cursor0 libxkbcommon-x11-0 libegl1 libgl1 libpulse0
             libfontconfig1 libdbus-1-3 fontconfig
             espeak-ng speech-dispatcher speech-dispatcher-espeak-ng
             fonts-noto-core fonts-noto-cjk fonts-droid-fallback fonts-nanum)
# Tests: a real CUPS scheduler with the cups-pdf printer, poppler for PDF to PNG, Xvfb and xdotool for real
# windows, PostgreSQL for the central store (the tests start a private server of their own), PulseAudio to hear
# the call-for-help chime on a null sink (tests/ui/test_help_sound.py starts a private server of its own).
TEST_APT=(cups printer-driver-cups-pdf poppler-utils xvfb xauth xdotool x11-utils postgresql pulseaudio pulseaudio-utils)

missing_apt() {
    local pkg
    for pkg in "$@"; do
        dpkg-query -W -f='${Status}' "$pkg" 2>/dev/null | grep -q "install ok installed" || printf '%s ' "$pkg"
    done
}

ensure_apt() {
    command -v dpkg-query >/dev/null 2>&1 || { say "not a Debian system: skipping system packages"; return; }
    local missing
    missing="$(missing_apt "$@")"
    if [ -z "$missing" ]; then
        say "system packages: all present"
        return
    fi
    local sudo=""
    if [ "$(id -u)" -ne 0 ]; then
        if command -v sudo >/dev/null 2>&1 && sudo -n true 2>/dev/null; then
            sudo="sudo"
        else
            die "missing system packages: $missing- install them as root: apt-get install $missing"
        fi
    fi
    say "installing system packages: $missing"
    $sudo apt-get update -qq
    # shellcheck disable=SC2086
    DEBIAN_FRONTEND=noninteractive $sudo apt-get install -y -qq --no-install-recommends $missing >/dev/null
}

find_python() {
    local candidate
    for candidate in python3.13 python3.12 python3.11 python3; do
        if command -v "$candidate" >/dev/null 2>&1 &&
            "$candidate" -c 'import sys; sys.exit(sys.version_info < (3, 11))' 2>/dev/null; then
            command -v "$candidate"
            return
        fi
    done
    die "Python 3.11 or newer is needed (found none on PATH)"
}

# $1: which lock to install: "runtime" (the app) or "test" (the app and the suite's tools).
# Packages come only from requirements/$1.lock, every one pinned with its hashes (pip refuses anything else),
# so every machine runs the same versions. The project itself is not installed: main.py and pytest run from here.
ensure_venv() {
    local kind="$1" python stamp want lock="requirements/$1.lock"
    python="$(find_python)"
    if [ ! -x "$venv/bin/python" ]; then
        say "creating virtual environment in .venv (with $python)"
        "$python" -m venv "$venv"
    fi
    want="$(sha256sum "$lock" | cut -c1-16)-$kind"
    stamp="$venv/.kiosk-installed"
    if [ -f "$stamp" ] && grep -qx -- "$want" "$stamp"; then
        say "python packages: up to date ($lock)"
        return
    fi
    say "installing python packages from $lock into .venv (hashes checked)"
    "$venv/bin/python" -m pip install -q --disable-pip-version-check --require-hashes --no-deps -r "$lock"
    # Anything not in the lock (an older install, a package added by hand) goes, so the venv is exactly the lock.
    local extra
    extra="$("$venv/bin/python" scripts/venv_extras.py "$lock")"
    if [ -n "$extra" ]; then
        say "removing python packages that are not in $lock: $extra"
        # shellcheck disable=SC2086
        "$venv/bin/python" -m pip uninstall -q -y $extra
    fi
    # Remember what is installed; the test lock holds the runtime one at the same versions.
    { echo "$want"; [ "$kind" = test ] && echo "$(sha256sum requirements/runtime.lock | cut -c1-16)-runtime"; } \
        >"$stamp.new"
    mv "$stamp.new" "$stamp"
}

cmd_run() {
    ensure_apt "${RUNTIME_APT[@]}"
    ensure_venv runtime
    if [ -z "${DISPLAY:-}${WAYLAND_DISPLAY:-}${QT_QPA_PLATFORM:-}" ]; then
        say "no display found: main.py will explain how to run offscreen or under Xvfb"
    fi
    say "launching the kiosk: .venv/bin/python main.py $*"
    exec "$venv/bin/python" main.py "$@"
}

prepare_tests() {
    ensure_apt "${RUNTIME_APT[@]}" "${TEST_APT[@]}"
    ensure_venv test
    bash "$here/scripts/setup-cups.sh"
}

cmd_test() {
    prepare_tests
    say "ruff check"
    "$venv/bin/ruff" check .
    say "ruff format --check"
    "$venv/bin/ruff" format --check .
    say "mypy --strict (kiosk, main.py, scripts)"
    "$venv/bin/mypy"
    say "pytest (offscreen Qt, real SQLite, real CUPS)"
    QT_QPA_PLATFORM=offscreen "$venv/bin/python" -m pytest "$@"
}

cmd_bench() {
    prepare_tests
    run_dir="$(mktemp -d)"
    trap 'rm -rf "$run_dir"' EXIT
    say "benchmarks: every goal and its floor, timed in this one run"
    QT_QPA_PLATFORM=offscreen "$venv/bin/python" -m pytest tests/benchmarks -q -p no:cacheprovider \
        --benchmark-enable --benchmark-only --benchmark-json="$run_dir/run.json" "$@"
    say "goal table"
    "$venv/bin/python" -m tests.benchmarks.report "$run_dir/run.json"
}

case "${1:-}" in
    run) shift; cmd_run "$@" ;;
    test) shift; cmd_test "$@" ;;
    bench) shift; cmd_bench "$@" ;;
    lock) shift; ensure_venv test; exec bash "$here/scripts/lock.sh" "$@" ;;
    *)
        echo "usage: ./kiosk.sh run [ARGS...] | ./kiosk.sh test [PYTEST ARGS...] | ./kiosk.sh bench | ./kiosk.sh lock" >&2
        exit 2
        ;;
esac
