"""Real CUPS for the printing tests: throw-away queues on the system scheduler, and a private scheduler.

The system scheduler's ``KioskPDF`` queue is shared with other tests, so tests that pause, reject or break a
printer make their own queue and delete it after. The "print system stopped" test needs a scheduler it may stop
and start again: it runs its own ``cupsd`` (own config, spool and port in a temporary folder) instead of
touching the system one.
"""

from __future__ import annotations

import os
import shutil
import socket
import subprocess
import time
import uuid
from pathlib import Path

CUPSD = Path("/usr/sbin/cupsd")
CUPS_PDF_PPD = "lsb/usr/cups-pdf/CUPS-PDF_opt.ppd"
CUPS_PDF_OUT = Path(os.environ.get("KIOSK_CUPS_PDF_OUT", "/var/spool/cups-pdf/kiosk"))
SYSTEM_QUEUE = os.environ.get("KIOSK_TEST_QUEUE", "KioskPDF")


def as_admin(*command: str, check: bool = True) -> subprocess.CompletedProcess[str]:
    """Run a CUPS admin command (lpadmin, cupsdisable...) as root, through sudo when the tests are not root."""
    prefix = [] if os.geteuid() == 0 else ["sudo", "-n"]
    result = subprocess.run([*prefix, *command], capture_output=True, text=True, timeout=30, check=False)
    if check and result.returncode != 0:
        raise RuntimeError(f"{' '.join(command)} failed ({result.returncode}): {result.stderr.strip()}")
    return result


def scheduler_running(server: str | None = None) -> bool:
    command = ["lpstat", "-r"] if server is None else ["lpstat", "-h", server, "-r"]
    result = subprocess.run(command, capture_output=True, text=True, timeout=10, check=False)
    return "is running" in result.stdout and "not running" not in result.stdout


def free_port() -> int:
    """A TCP port nothing listens on (bound and released at once): a printer that is 'not reachable'."""
    with socket.socket(socket.AF_INET, socket.SOCK_STREAM) as probe:
        probe.bind(("127.0.0.1", 0))
        return int(probe.getsockname()[1])


def unique_name(prefix: str) -> str:
    """``<prefix>_<unix seconds>_<random>``: the stamp lets scripts/cups-leftovers.sh keep a running test's queues."""
    return f"{prefix}_{int(time.time())}_{uuid.uuid4().hex[:10]}"


def add_queue(name: str, device: str, server: str | None = None) -> None:
    host = [] if server is None else ["-h", server]
    as_admin("lpadmin", *host, "-p", name, "-E", "-v", device, "-m", CUPS_PDF_PPD)


def delete_queue(name: str, server: str | None = None) -> None:
    host = [] if server is None else ["-h", server]
    as_admin("cancel", *host, "-a", name, check=False)
    as_admin("lpadmin", *host, "-x", name, check=False)


def find_output(title: str, job_id: int, timeout: float = 20.0) -> Path:
    """The file cups-pdf wrote for one job (named after the job title, ending in ``job_<id>.pdf``)."""
    deadline = time.monotonic() + timeout
    while True:
        found = sorted(CUPS_PDF_OUT.glob(f"{title}*job_{job_id}.pdf"))
        if found and found[0].stat().st_size > 0:
            time.sleep(0.2)  # cups-pdf renames into place, but let Ghostscript's last write settle
            return found[0]
        if time.monotonic() > deadline:
            raise AssertionError(f"cups-pdf wrote no file for job {job_id} ({title}) in {CUPS_PDF_OUT}")
        time.sleep(0.1)


def outputs_for(title: str) -> list[Path]:
    """Every cups-pdf file for a title: how many copies really came out."""
    return sorted(CUPS_PDF_OUT.glob(f"{title}*job_*.pdf"))


def pdf_text(path: Path) -> str:
    result = subprocess.run(["pdftotext", str(path), "-"], capture_output=True, text=True, timeout=30, check=True)
    return result.stdout


class PrivateCupsd:
    """A CUPS scheduler of the test's own, with one cups-pdf queue, that the test may stop and start."""

    def __init__(self, root: Path, queue: str = "PrivatePDF") -> None:
        self.root = root
        self.queue = queue
        self.port = free_port()
        self.server = f"127.0.0.1:{self.port}"
        self.socket = root / "cups.sock"
        self._process: subprocess.Popen[bytes] | None = None
        self._write_config()

    def _write_config(self) -> None:
        root = self.root
        for sub in ("etc/ppd", "spool/tmp", "state/certs", "cache", "log"):
            (root / sub).mkdir(parents=True, exist_ok=True)
        (root / "etc/cups-files.conf").write_text(
            f"ServerRoot {root}/etc\nRequestRoot {root}/spool\nTempDir {root}/spool/tmp\n"
            f"StateDir {root}/state\nCacheDir {root}/cache\nAccessLog {root}/log/access_log\n"
            f"ErrorLog {root}/log/error_log\nPageLog {root}/log/page_log\n"
            "ServerBin /usr/lib/cups\nDataDir /usr/share/cups\nSystemGroup root\nFileDevice No\n"
            f"Printcap {root}/printcap\n"
        )
        (root / "etc/cupsd.conf").write_text(
            f"Listen {self.server}\nListen {self.socket}\nLogLevel info\nBrowsing No\nWebInterface No\n"
            "ErrorPolicy retry-job\nDirtyCleanInterval 0\n"
            "<Location />\n  Order allow,deny\n  Allow from 127.0.0.1\n</Location>\n"
            "<Policy default>\n  JobPrivateAccess all\n  JobPrivateValues none\n"
            "  SubscriptionPrivateAccess all\n  SubscriptionPrivateValues none\n"
            "  <Limit All>\n    Order deny,allow\n  </Limit>\n</Policy>\n"
            # A queue set to this policy answers questions but wants a password to print: CUPS saying "no".
            "<Policy locked>\n  JobPrivateAccess all\n  JobPrivateValues none\n"
            "  SubscriptionPrivateAccess all\n  SubscriptionPrivateValues none\n"
            "  <Limit Print-Job Create-Job Send-Document>\n"
            "    AuthType Basic\n    Require user no-such-user\n  </Limit>\n"
            "  <Limit All>\n    Order deny,allow\n  </Limit>\n</Policy>\n"
        )
        # Filters run as the unprivileged 'lp' user: the spool and PPD folders must be reachable by it.
        for path, mode in (
            (root, 0o755),
            (root / "etc", 0o755),
            (root / "etc/ppd", 0o755),
            (root / "spool", 0o710),
            (root / "spool/tmp", 0o1770),
        ):
            path.chmod(mode)
            if path.name in ("spool", "tmp", "ppd"):
                if os.geteuid() == 0:
                    shutil.chown(path, group="lp")
                else:
                    as_admin("chgrp", "lp", str(path))
        for parent in root.parents:  # pytest's tmp folders are 0700; lp must be able to walk down to the spool
            if parent == Path("/tmp") or parent == Path("/"):
                break
            parent.chmod(parent.stat().st_mode | 0o111)

    def start(self) -> None:
        prefix = [] if os.geteuid() == 0 else ["sudo", "-n"]
        command = [
            *prefix,
            str(CUPSD),
            "-f",
            "-c",
            f"{self.root}/etc/cupsd.conf",
            "-s",
            f"{self.root}/etc/cups-files.conf",
        ]
        self._process = subprocess.Popen(command, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
        deadline = time.monotonic() + 15
        while not scheduler_running(self.server):
            if self._process.poll() is not None or time.monotonic() > deadline:
                error_log = self.root / "log/error_log"
                log = error_log.read_text(errors="replace")[-2000:] if error_log.exists() else ""
                raise RuntimeError(f"private cupsd did not start (exit {self._process.poll()}): {log}")
            time.sleep(0.05)

    def add_cups_pdf_queue(self) -> None:
        add_queue(self.queue, "cups-pdf:/", server=str(self.socket))

    def stop(self) -> None:
        """Stop the scheduler the way a crash or an admin would (SIGTERM), and wait until it is gone."""
        if self._process is None:
            return
        self._process.terminate()
        try:
            self._process.wait(timeout=15)
        except subprocess.TimeoutExpired:
            self._process.kill()
            self._process.wait(timeout=5)
        self._process = None

    @property
    def running(self) -> bool:
        return self._process is not None and self._process.poll() is None
