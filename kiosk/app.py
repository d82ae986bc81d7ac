"""Builds the services and the window and connects them: the one place that knows every part.

Start-up is ordered for speed: the start screen is painted first (Qt, the theme and the font only), then the record
store, nurse accounts and controller are built; the procedure library (YAML), the sheet (reportlab) and printing
(pycups) are imported only when a nurse first needs them.
"""

from __future__ import annotations

import logging
import os
import sys
import threading
from collections.abc import Callable, Mapping
from pathlib import Path
from types import TracebackType
from typing import TYPE_CHECKING

from PySide6.QtCore import QEvent, QObject, QTimer
from PySide6.QtWidgets import QApplication, QWidget

from kiosk import paths
from kiosk.config import WardConfig, check_ward_zone
from kiosk.logs import configure_logging, start_rotating
from kiosk.qt_log import route_qt_messages_to_log
from kiosk.ui import collector, theme
from kiosk.ui.main_window import KioskWindow

if TYPE_CHECKING:
    from kiosk.clock import Clock
    from kiosk.content.loader import Library
    from kiosk.records.central.status import SenderStatus
    from kiosk.records.first_nurse import FirstNurseSetup
    from kiosk.records.nurses import NurseAccounts
    from kiosk.records.retention import PurgeResult
    from kiosk.records.store import RecordStore
    from kiosk.startup import DataFolderCheck
    from kiosk.ui.controller import Flow
    from kiosk.ui.read_aloud import ReadAloud
    from kiosk.workers import Lane, Result

log = logging.getLogger(__name__)

IM_MODULE = "qtvirtualkeyboard"
REAL_PLATFORMS = ("xcb", "wayland")


def virtual_keyboard_plugin() -> Path | None:
    """The Qt Virtual Keyboard input-context plugin shipped in pyside6-addons, if it is installed."""
    import PySide6

    folder = Path(PySide6.__file__).parent / "Qt" / "plugins" / "platforminputcontexts"
    found = sorted(folder.glob("*qtvirtualkeyboard*")) if folder.is_dir() else []
    return found[0] if found else None


def wants_virtual_keyboard(environ: Mapping[str, str], plugin: Path | None) -> bool:
    """Use the on-screen keyboard only on a real display (xcb/wayland) and only if its plugin is there.

    Offscreen (tests, screenshots) it would only slow things down and warn; an input method the ward's IT set on
    purpose (``QT_IM_MODULE`` already set) is left alone.
    """
    if plugin is None or environ.get("QT_IM_MODULE"):
        return False
    platform = environ.get("QT_QPA_PLATFORM", "")
    if platform:
        return platform.startswith(REAL_PLATFORMS)
    return bool(environ.get("DISPLAY") or environ.get("WAYLAND_DISPLAY"))


def create_application(argv: list[str] | None = None) -> QApplication:
    """The QApplication with the bundled font and the theme; reuses one that already exists (tests).

    Missing or damaged fonts or theme files raise ``StartupProblem`` (the application exists by then, so the
    failure screen can still be shown, in Qt's own font)."""
    existing = QApplication.instance()
    app = existing if isinstance(existing, QApplication) else QApplication(argv or sys.argv[:1])
    app.setApplicationName("Discharge Kiosk")
    collector.install(app)  # garbage (widgets included) freed on the GUI thread only, never in a worker
    try:
        theme.register_fonts()
        theme.apply(app)
    except (RuntimeError, OSError, ValueError) as exc:
        from kiosk.startup import StartupProblem

        raise StartupProblem(
            f"The kiosk's own files (fonts or theme in {paths.resource()}) are missing or damaged ({exc})",
            "IT: reinstall the kiosk from its release, then restart it.",
        ) from exc
    return app


def build_window(config: WardConfig) -> KioskWindow:
    return KioskWindow(config)


def library_loader(clock: Clock) -> Callable[[], Library]:
    """Loads the procedure library on first use and keeps it (it is read-only and checked as it loads).

    Thread-safe: the warm-up thread (``kiosk.ui.warm_up``) and the GUI thread may ask at the same time."""
    cache: list[Library] = []
    lock = threading.Lock()

    def get() -> Library:
        with lock:
            return _load_once()

    def _load_once() -> Library:
        if not cache:
            from kiosk.content.loader import load_library

            library = load_library(today=clock.today())
            for problem in library.problems:
                log.warning("procedure library: %s", problem)
            cache.append(library)
        return cache[0]

    return get


def build_flow(
    window: KioskWindow,
    config: WardConfig,
    clock: Clock,
    store: RecordStore,
    library: Callable[[], Library] | None = None,
    monotonic: Callable[[], float] | None = None,
    read_aloud: ReadAloud | None = None,
    accounts: NurseAccounts | None = None,
    first_nurse: FirstNurseSetup | None = None,
    *,
    print_server: str | None = None,
) -> Flow:
    """The controller with its session, store and nurse accounts (tests pass a fake clock and a tmp store, and
    accounts with the test suite's cheap PIN hash: the seam ``NurseAccounts`` documents).

    ``print_server`` is the CUPS server (``host:port``) when it is not the default one (tests use stand-ins)."""
    from kiosk.content.localised import localise
    from kiosk.discharge.session import KioskSession
    from kiosk.records.first_nurse import FirstNurseSetup
    from kiosk.records.nurses import NurseAccounts
    from kiosk.ui.controller import Flow

    nurses = accounts if accounts is not None else NurseAccounts(store)
    setup = first_nurse or FirstNurseSetup(store)
    session = KioskSession(store, nurses, library or library_loader(clock), clock.now, setup)
    # The procedure in the patient's language, from its checked translation file (kiosk.discharge.content_language).
    session.localise = localise
    if monotonic is None:
        return Flow(window, session, config, clock, read_aloud=read_aloud, print_server=print_server)
    return Flow(window, session, config, clock, monotonic=monotonic, read_aloud=read_aloud, print_server=print_server)


def install_excepthook(flow_ref: Callable[[], Flow | None]) -> None:
    """Any exception that reaches Qt's event loop is logged and shows "please ask a nurse", never a traceback."""

    def hook(kind: type[BaseException], value: BaseException, tb: TracebackType | None) -> None:
        if issubclass(kind, KeyboardInterrupt):
            sys.__excepthook__(kind, value, tb)
            return
        log.critical("unhandled exception", exc_info=(kind, value, tb))
        flow = flow_ref()
        if flow is not None:
            flow.handle_error(value)

    sys.excepthook = hook


START_FAILED = 3
"""``main.py run`` exits with this after showing "The kiosk cannot start" (with ``--exit-after-paint``)."""


def report_start_failure(exc: BaseException, log_path: Path | None) -> tuple[str, str]:
    """Log why the kiosk cannot start and return (reason, what IT should do) for the screen. A known problem
    (``KioskError``) is logged as one plain line; only an unexpected one carries its traceback (F6)."""
    from kiosk.errors import KioskError

    where = (
        f"the kiosk's log ({log_path})" if log_path is not None else "standard error (the log file cannot be written)"
    )
    if isinstance(exc, KioskError):
        log.error("the kiosk cannot start: %s. %s", exc.title, exc.hint)
        return exc.title, exc.hint or f"IT: see {where}."
    log.critical("the kiosk cannot start: unexpected error", exc_info=exc)
    return (
        "An unexpected problem stopped the kiosk",
        f"IT: the details are in {where}; restart the kiosk, and report it to the kiosk's maintainers if it "
        "happens again.",
    )


def show_start_failure(window: KioskWindow, exc: BaseException, log_path: Path | None = None) -> QWidget:
    """The kiosk cannot work: say so full screen, for the nurse and IT, with the reason and what to do."""
    from kiosk.ui.start_failure import StartFailureScreen

    reason, what_to_do = report_start_failure(exc, log_path)
    where = (
        f"Logged in {log_path}" if log_path is not None else "Logged on standard error (the log file cannot be written)"
    )
    screen = StartFailureScreen(reason, what_to_do, where)
    window.show_screen(screen)
    return screen


class QuitAfterPaint(QObject):
    """Ends the kiosk once the watched widget has been painted: cold start measured to a real paint.

    The first paint usually happens in the ``processEvents`` before ``exec`` (where ``quit`` is ignored), so the
    caller also checks ``painted`` before entering the event loop.
    """

    painted = False

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if event.type() == QEvent.Type.Paint and not self.painted:
            self.painted = True
            QApplication.quit()
        return False


def remove_old_preview() -> None:
    """Versions before issue 13 F7 left the last sheet preview as ``preview.pdf`` in the data folder; the preview
    is now held in memory only, so any such file is one patient's data at rest and goes."""
    from kiosk import paths

    try:
        (paths.data_dir() / "preview.pdf").unlink(missing_ok=True)
    except OSError:
        log.exception("could not remove an old preview.pdf")


PURGE_INTERVAL_MS = 24 * 60 * 60 * 1000


def start_central_sender(
    app: QApplication, store: RecordStore, config: WardConfig, clock: Clock
) -> Callable[[], SenderStatus]:
    """Records also go to the central store: the sender runs on its own thread, woken by each commit, and
    is stopped when the kiosk quits. Returns its status for the nurse's home screen."""
    from kiosk.records.central.sender import CentralSender
    from kiosk.records.central.settings import CentralSettings

    settings = CentralSettings.from_config(config)
    sender = CentralSender(store.path, settings, clock, retention_days=config.retention_days)
    sender.follow(store)
    app.aboutToQuit.connect(sender.stop)
    sender.start()
    log.info("central store: sending records to %s as kiosk %s", sender.settings.where, config.kiosk_id)
    return sender.status


PURGE_DEADLINE_SECONDS = 30 * 60.0
"""A purge of years of history takes seconds (100k discharges: about 2 s); past this it is logged as overdue and
its answer still arrives (``LATE_DONE``). No second purge starts while one is still running."""


class RetentionPurge:
    """Retention's purge (hazard H8) as calls on the workers' ``purge`` lane, one at a time.

    A purge of a long history (a ward lowering its retention, a kiosk that was off for months) takes seconds; on
    the GUI thread it would freeze the start screen or a nurse's screen. Each run opens its own connection to the
    same database: WAL lets the kiosk's connection keep reading meanwhile, and the purge deletes in batches
    (``retention.BATCH``) so a write from the kiosk waits for one batch at most (well inside the busy timeout).
    ``on_result`` gets the ``PurgeResult`` (or the error, also logged) on the thread the lane posts to.
    """

    def __init__(
        self,
        store: RecordStore,
        retention_days: int,
        lane: Lane,
        *,
        keep_unsent: bool = False,
        on_result: Callable[[Result[PurgeResult]], None] | None = None,
    ) -> None:
        self._path, self._clock, self._outbox = store.path, store.clock, store.outbox
        self._retention_days = retention_days
        self._keep_unsent = keep_unsent  # a central store: what the server has not got stays (hazard H6)
        self._lane = lane
        self._on_result = on_result
        self._idle = threading.Event()
        self._idle.set()

    @property
    def running(self) -> bool:
        return not self._idle.is_set()

    def start(self) -> bool:
        """Start a purge; False (and nothing started) if the previous one is still going."""
        if self.running:
            log.info("purge still running from before: not starting another")
            return False
        self._idle.clear()
        self._lane.submit(self._run, PURGE_DEADLINE_SECONDS, self._answer)
        return True

    def wait(self, timeout_s: float = 30.0) -> bool:
        """Let a running purge finish (at quit, before the store closes); True when none is left running."""
        return self._idle.wait(timeout_s)

    def _run(self) -> PurgeResult:
        from kiosk.records.retention import purge
        from kiosk.records.store import RecordStore

        try:
            with RecordStore(self._path, self._clock, outbox=self._outbox) as own:
                return purge(own, self._retention_days, keep_unsent=self._keep_unsent)
        except Exception:
            log.exception("retention purge failed; it will be tried again at the next one")
            raise
        finally:
            self._idle.set()

    def _answer(self, result: Result[PurgeResult]) -> None:
        from kiosk.workers import Outcome

        if result.outcome is Outcome.OVERDUE:
            if not result.started:
                self._idle.set()  # it never ran and never will (the lane was jammed)
                log.warning("retention purge could not start: the purge lane is busy; trying again at the next one")
            else:
                log.warning("retention purge still running after %.0f s", PURGE_DEADLINE_SECONDS)
            return
        self._idle.set()  # over (``_run`` set it already, unless the lane refused the call: closed)
        if self._on_result is not None:
            self._on_result(result)


def schedule_daily_purge(parent: QObject, purge: RetentionPurge) -> QTimer:
    """Apply retention every day, not only at start: a ward kiosk may run for weeks without a restart (H8).

    Only discharges older than the retention period go, so a discharge in progress is never touched; the purge
    runs on the purge lane, never the GUI thread; one that fails (disk, lock) is logged and tried again the next day.
    """
    timer = QTimer(parent)
    timer.setInterval(PURGE_INTERVAL_MS)
    timer.timeout.connect(purge.start)
    timer.start()
    return timer


def log_purge(result: Result[PurgeResult]) -> None:
    if result.value is not None:
        log.info("retention purge done: %d old discharges removed", result.value.discharges)


def run_kiosk(
    full_screen: bool = True, exit_after_paint: bool = False, data_check: DataFolderCheck | None = None
) -> int:
    """The kiosk until it quits; ``data_check`` is the data folder's check if ``main.py run`` started it early."""
    from kiosk.errors import KioskError
    from kiosk.startup import prepare

    # Qt's messages first: stderr becomes the log pipe, and Python's sys.stderr moves to where stderr was, so a
    # stderr fallback of the log (an unwritable data folder) writes to the console, never back into the pipe.
    route_qt_messages_to_log()
    log_path = configure_logging(rotating=False)  # rotating once the start screen is painted
    config, problem = prepare(data_check)  # data folder, settings, procedures: F6
    if wants_virtual_keyboard(os.environ, virtual_keyboard_plugin()):
        os.environ["QT_IM_MODULE"] = IM_MODULE
    try:
        app = create_application()
    except KioskError as exc:  # fonts or theme missing: the application exists, the screen can still be shown
        existing = QApplication.instance()
        assert isinstance(existing, QApplication)
        app, problem = existing, problem or exc
    window = build_window(config)
    quitter = QuitAfterPaint(app)
    if problem is not None:
        failure = show_start_failure(window, problem, log_path)
        if exit_after_paint:
            failure.installEventFilter(quitter)
        window.show_kiosk(full_screen=full_screen)
        app.processEvents()
        if quitter.painted:
            return START_FAILED
        QTimer.singleShot(0, start_rotating)  # a kiosk left showing why it cannot start still rotates its log
        return app.exec() or START_FAILED
    if exit_after_paint:
        window.start_screen.installEventFilter(quitter)
    window.show_kiosk(full_screen=full_screen)
    holder: list[Flow] = []
    install_excepthook(lambda: holder[0] if holder else None)

    def finish_start() -> None:
        from kiosk.printing.outbox import Outbox
        from kiosk.records.first_nurse import FirstNurseSetup
        from kiosk.records.store import RecordStore
        from kiosk.ui.input_panel import create_input_panel, uses_virtual_keyboard

        start_rotating()
        try:
            # First, before anything can start a discharge: the settings' time zone (checked here, not before
            # the paint, so zoneinfo is off the cold start's path; the start screen does nothing until the
            # controller below exists). A zone this kiosk does not know shows why it cannot start (F6, H9).
            check_ward_zone(config)
        except Exception as exc:
            show_start_failure(window, exc, log_path)
            return
        from kiosk.clock import SystemClock

        clock = SystemClock(config.zone)
        if uses_virtual_keyboard(os.environ.get("QT_IM_MODULE")):
            create_input_panel(window)
        try:
            store = RecordStore.open(clock=clock, kiosk_id=config.kiosk_id)
            purges: list[RetentionPurge] = []

            def close_records() -> None:
                for running in purges:
                    running.wait()  # a purge in progress finishes before the store closes
                store.close()

            app.aboutToQuit.connect(close_records)
            store.check_writable()  # records lost behind the head file (issue 13 F2)
            store.quick_check()  # a damaged file: stop before writing to it (issue 13 F5)
            Outbox().clean_temp_files()
            remove_old_preview()
            from kiosk.ui.read_aloud import ReadAloud

            setup = FirstNurseSetup(store)
            setup.issue()  # a never-used kiosk: IT's one-time code for the first nurse, on stderr (F1)
            # The speech engine starts in a process of its own (about 3 s); the button shows once it is ready.
            read_aloud = ReadAloud(config.speech_engine)
            library = library_loader(clock)
            flow = build_flow(window, config, clock, store, library, read_aloud=read_aloud, first_nurse=setup)
            purge = RetentionPurge(
                store, config.retention_days, flow.workers.purge, keep_unsent=config.central, on_result=log_purge
            )
            purges.append(purge)
            purge.start()  # on the purge lane: the start screen stays live whatever the history
            schedule_daily_purge(app, purge)
            from kiosk.ui.warm_up import WarmUp

            # The first preview after sign-off without the wait: sheets, PDF engine and the print screen ready.
            WarmUp(library, config, clock, app, prepare=flow.prepare_print_screen).start()
            if config.central:
                flow.central_status = start_central_sender(app, store, config, clock)
            holder.append(flow)
        except Exception as exc:
            show_start_failure(window, exc, log_path)
            return
        log.info("kiosk started for %s", config.ward_name)

    # The start screen is painted first; the store opens and the controller is built just after.
    app.processEvents()
    collector.freeze_start()  # what the start made lives as long as the kiosk: out of every later collection
    if quitter.painted:
        return 0  # like the store's checks, the zone's is after the paint: see finish_start
    QTimer.singleShot(0, finish_start)
    return app.exec()
