#!/usr/bin/env bash
# Start the real CUPS scheduler and make the `KioskPDF` test queue (cups-pdf), for the test suite.
# Idempotent: a running scheduler and an existing queue are left as they are (only re-enabled).
#
# The cups-pdf output folder is fixed so tests can find what was printed: KIOSK_CUPS_PDF_OUT (default below).
set -euo pipefail

queue="${KIOSK_TEST_QUEUE:-KioskPDF}"
out="${KIOSK_CUPS_PDF_OUT:-/var/spool/cups-pdf/kiosk}"
conf=/etc/cups/cups-pdf.conf

say() { printf '\033[1m[cups]\033[0m %s\n' "$*"; }

if [ "$(id -u)" -ne 0 ]; then
    sudo="sudo"
    sudo -n true 2>/dev/null || { say "not root and no sudo: skipping CUPS set-up (printing tests will skip)"; exit 0; }
else
    sudo=""
fi

if [ ! -x /usr/sbin/cupsd ]; then
    say "cupsd is not installed: skipping (printing tests will skip)"
    exit 0
fi

# cups-pdf writes to ${HOME}/PDF by default; tests need one known folder.
if ! grep -qx "Out $out" "$conf"; then
    say "cups-pdf output folder -> $out"
    $sudo sed -i -E 's|^#?Out .*|Out '"$out"'|' "$conf"
fi
$sudo mkdir -p "$out"
$sudo chmod 1777 "$out"

# No systemd here: `lpstat -r` exits 0 whether or not the scheduler runs, so read its words.
if lpstat -r 2>/dev/null | grep -q "is running"; then
    say "scheduler: already running"
else
    say "starting the CUPS scheduler (/usr/sbin/cupsd)"
    $sudo /usr/sbin/cupsd
    for _ in $(seq 1 50); do
        lpstat -r 2>/dev/null | grep -q "is running" && break
        sleep 0.1
    done
    lpstat -r | grep -q "is running" || { say "the scheduler did not start"; exit 1; }
fi

if lpstat -p "$queue" >/dev/null 2>&1; then
    say "queue $queue: exists"
else
    say "creating queue $queue (cups-pdf)"
    $sudo lpadmin -p "$queue" -E -v cups-pdf:/ -m lsb/usr/cups-pdf/CUPS-PDF_opt.ppd
fi
$sudo cupsenable "$queue"
$sudo cupsaccept "$queue"

# The printing tests make throw-away queues (KioskTest_<stamp>_<random>) and delete them; a killed run leaves
# some. Only those older than an hour go: a younger one may be in use by a test run still going.
bash "$(dirname "${BASH_SOURCE[0]}")/cups-leftovers.sh"
say "queue $queue: enabled and accepting; output in $out"
