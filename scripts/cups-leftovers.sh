#!/usr/bin/env bash
# Remove throw-away `KioskTest_*` queues that a killed test run left behind, and ONLY those: a queue younger
# than KIOSK_LEFTOVER_AGE seconds (default 3600) may belong to a test run still going on this machine (a bench
# and a test run, or two helpers, share one scheduler), so it is kept.
#
# A queue's age: the test suite names its queues `KioskTest_<unix seconds>_<random>` (tests/printing/
# cups_helpers.py), so the name says when it was made. A name without that stamp (made before the stamp
# existed) is aged by its PPD's modification time in CUPS_PPD_DIR (default /etc/cups/ppd); with neither, the
# queue is kept. The scheduler is the one `lpstat` finds (CUPS_SERVER is honoured, as by every CUPS client).
set -euo pipefail

max_age="${KIOSK_LEFTOVER_AGE:-3600}"
ppd_dir="${CUPS_PPD_DIR:-/etc/cups/ppd}"
now="$(date +%s)"

if [ "$(id -u)" -ne 0 ]; then sudo="sudo -n"; else sudo=""; fi
host=()  # sudo drops the environment: name the scheduler on the admin commands' line
if [ -n "${CUPS_SERVER:-}" ]; then host=(-h "$CUPS_SERVER"); fi
say() { printf '\033[1m[cups]\033[0m %s\n' "$*"; }

made_at() {  # prints the queue's creation time (unix seconds), or nothing when it cannot be told
    local name="$1" stamp
    stamp="${name#KioskTest_}"
    stamp="${stamp%%_*}"
    if [[ "$name" =~ ^KioskTest_[0-9]{9,11}_ ]]; then
        printf '%s\n' "$stamp"
    elif [ -e "$ppd_dir/$name.ppd" ]; then
        stat -c %Y "$ppd_dir/$name.ppd"
    fi
}

for queue in $(lpstat -p 2>/dev/null | awk '$1 == "printer" && $2 ~ /^KioskTest_/ {print $2}'); do
    made="$(made_at "$queue")"
    if [ -z "$made" ]; then
        say "keeping test queue $queue (its age cannot be told)"
        continue
    fi
    age=$((now - made))
    if [ "$age" -lt "$max_age" ]; then
        say "keeping test queue $queue (${age}s old: a test run may still use it)"
        continue
    fi
    say "removing leftover test queue $queue (${age}s old)"
    $sudo cancel "${host[@]}" -a "$queue" 2>/dev/null || true
    $sudo lpadmin "${host[@]}" -x "$queue" || true
done
