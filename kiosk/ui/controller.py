"""The Qt ``Flow``: shows the screen for the session's stage and turns what people touch into session calls.

All of the window's connections are made here, in one place (qutebrowser's ``_connect_signals``). The order of
screens and every rule live in plain Python (``kiosk.discharge.session`` and ``flow``); this module only builds,
fills, shows and throws away widgets.

Screens that show a patient's details exist only while they are needed: the patient screens for one walk, each
nurse screen while its stage lasts. On every lock, idle timeout, error or end of a discharge they are cleared and
deleted, the clipboard is emptied, the theme goes back to the default and the session forgets the record (H3).
"""

from __future__ import annotations

import functools
import logging
import math
import os
import time
from collections.abc import Callable
from pathlib import Path
from typing import TYPE_CHECKING, Any, TypeVar

from PySide6.QtCore import QObject, QTimer
from PySide6.QtGui import QGuiApplication
from PySide6.QtWidgets import QApplication, QWidget

from kiosk.clock import Clock
from kiosk.config import WardConfig
from kiosk.db_wait import RecordWrites
from kiosk.discharge.flow import PatientWalk, ScreenKind
from kiosk.discharge.session import NURSE_STAGES, PATIENT_STAGES, PIN_TITLES, KioskSession, PinPurpose, Stage
from kiosk.errors import KioskError
from kiosk.ui import memory, theme
from kiosk.ui.idle import IdleWatcher
from kiosk.ui.input_panel import set_keyboard_locale, uses_virtual_keyboard
from kiosk.ui.language import ScreenLanguage
from kiosk.ui.main_window import KioskWindow
from kiosk.ui.notice import MessagePlace, NoticeBar
from kiosk.ui.patient.base import PatientPage
from kiosk.ui.patient.simple import ErrorScreen, RecordsStoppedScreen
from kiosk.ui.posting import Workers
from kiosk.ui.widgets import as_screen, retranslate
from kiosk.workers import Outcome, Result

if TYPE_CHECKING:
    from kiosk.printing.service import PrintService
    from kiosk.printing.stage import PrintStage
    from kiosk.printing.status import PrintJob
    from kiosk.records.central.status import SenderStatus
    from kiosk.records.nurses import SignInResult
    from kiosk.sheet.ahead import SheetAhead
    from kiosk.ui.help_alert import HelpAlert
    from kiosk.ui.patient.help_screen import HelpScreen
    from kiosk.ui.read_aloud import ReadAloud

log = logging.getLogger(__name__)

# Nurse screens kept for the life of the kiosk and wiped with ``clear()`` instead of rebuilt for each discharge:
# every new QPdfView that shows a PDF keeps about 36 KB inside QtPdf after it is deleted, which over weeks of
# discharges was most of the kiosk's memory growth (tests/benchmarks/test_bench_ui.py measures it).
KEPT_NURSE_STAGES = frozenset({Stage.PRINT})

PIN_CHECK_SECONDS = 30.0
"""The PIN check (scrypt, about 0.3 s of CPU) runs on the records lane; past this the nurse is asked to try again."""
SHEET_AHEAD_SECONDS = 30.0  # the sheet built ahead (past this it is simply built again at the sign-off)

# The nurse's own screens outside NURSE_STAGES: a KioskError there is said on the screen too, never "please ask a
# nurse" (she is the nurse, and what she typed is kept).
NURSE_SIGN_IN_STAGES = frozenset({Stage.PIN, Stage.FIRST_NURSE, Stage.NEW_PIN})

F = TypeVar("F", bound=Callable[..., Any])
T = TypeVar("T")


def nurse_text(exc: KioskError) -> str:
    """How a ``KioskError`` reads on the nurse's screen: the title, then the hint, as one sentence or two."""
    if not exc.hint:
        return exc.title
    joined = f"{exc.title} {exc.hint}" if exc.title.endswith((".", "!", "?")) else f"{exc.title}: {exc.hint}"
    return joined if joined.endswith((".", "!", "?", ")")) else f"{joined}."


def run_guarded(flow: Flow, action: Callable[..., Any], *args: Any) -> Any:
    """The one slot guard: an exception never escapes to Qt; ``flow.handle_error`` shows it and logs it."""
    try:
        return action(*args)
    except Exception as exc:
        flow.handle_error(exc)
        return None


def guarded(method: F) -> F:
    """``run_guarded`` as a decorator for the controller's own slots."""

    @functools.wraps(method)
    def wrapper(self: Flow, *args: Any) -> Any:
        return run_guarded(self, method, self, *args)

    return wrapper  # type: ignore[return-value]  # functools.wraps keeps the signature; mypy cannot see it


class Flow(QObject):
    """Drives ``window`` from ``session``. ``monotonic`` is the idle clock (a fake one in tests)."""

    def __init__(
        self,
        window: KioskWindow,
        session: KioskSession,
        config: WardConfig,
        clock: Clock,
        *,
        monotonic: Callable[[], float] = time.monotonic,
        print_service: PrintService | None = None,
        read_aloud: ReadAloud | None = None,
        print_server: str | None = None,
    ) -> None:
        super().__init__(window)
        self.window = window
        self.session = session
        self.config = config
        self.clock = clock
        self._monotonic = monotonic
        self._print_service = print_service
        self._print_server = print_server
        self.theme_choice = theme.ThemeChoice()
        # The patient's screens speak the walk's language; every other screen is English (``_use_language``).
        self.screen_language = ScreenLanguage()
        self.patient_screens: dict[ScreenKind | str, PatientPage] = {}
        self._page_keys: dict[ScreenKind, str] = {}
        self.nurse_screens: dict[Stage, QWidget] = {}
        self._cleared_nurse_stages: set[Stage] = set()
        self._records_stopped: RecordsStoppedScreen | None = None
        self._print_stage: PrintStage | None = None
        self._shown_sheet: Path | bytes | None = None
        self._ahead_sheet: SheetAhead | None = None  # built during the review and the sign-off PIN (issue 19)
        self.workers = Workers(self)
        self.writes = RecordWrites(session.store, self.workers.records)
        self._checking_pin = False
        self._last_stage = Stage.LOCKED
        self._themed_walk: object | None = None
        self._content_source: tuple[object, str, object] | None = None
        self.read_aloud = read_aloud
        if read_aloud is not None:
            read_aloud.available_changed.connect(self._show_read_aloud)
            read_aloud.speaking_changed.connect(self._show_read_aloud)
        # The central sender's status (kiosk.records.central), when records also go to a central store.
        self.central_status: Callable[[], SenderStatus] | None = None

        self.notice = NoticeBar(window)
        self.help_screen: HelpScreen | None = None
        self.help_alert: HelpAlert | None = None
        self.error_screen = ErrorScreen()
        self.error_screen.action.connect(self._nurse_button)
        from kiosk.ui.nurse.pin import PinScreen

        self.pin_screen = PinScreen()
        self.pin_screen.pin_entered.connect(self._pin_entered)
        self.pin_screen.cancelled.connect(self._pin_cancelled)

        self.idle = IdleWatcher(clock=monotonic, parent=self)
        self.idle.timed_out.connect(self._idle_timed_out)
        app = QApplication.instance()
        if app is not None:
            self.idle.watch(app)
        self.countdown = QTimer(self)
        self.countdown.setInterval(1000)
        self.countdown.timeout.connect(self.tick_countdown)
        self._warned_at: float | None = None
        self.poll_timer = QTimer(self)
        self.poll_timer.setInterval(1000)
        self.poll_timer.timeout.connect(self.poll_job)

        window.start_screen.nurse_requested.connect(self._nurse_button)
        window.close_requested.connect(self._close_requested)
        session.on_change = self._render
        self._render()

    # == rendering ===============================================================================================
    @guarded
    def _render(self) -> None:
        stage = self.session.stage
        self.notice.clear()
        self._set_idle_limit(stage)
        if stage in (Stage.LOCKED, Stage.ERROR, Stage.CLOSED):
            self.wipe()
        if self.session.walk is None:
            self._drop_patient_screens()
        if stage is not Stage.PIN:
            self._drop_nurse_screens(keep=stage)
        if stage not in (Stage.PRINT, Stage.PIN):
            self._stop_printing()
        back_from_pin = self._last_stage is Stage.PIN
        self._last_stage = stage
        walk = self.session.walk
        patient_facing = stage in (Stage.PATIENT, Stage.NO_ESCORT, Stage.HELP) and walk is not None
        self._use_language(walk.language if patient_facing and walk is not None else "en")
        self._show_help_alert(self.session.help_pending)
        show = self.window.show_screen
        if stage is Stage.LOCKED:
            show(self.window.start_screen)
        elif stage is Stage.ERROR:
            show(self.error_screen)
        elif stage is Stage.PIN:
            self.pin_screen.prompt(PIN_TITLES[self.session.pin_purpose], self.session.nurse_names())
            show(self.pin_screen)
        elif stage is Stage.PATIENT:
            if not (back_from_pin and self.session.pin_purpose is PinPurpose.HELP and self._back_to_patient_page()):
                self.show_patient_screen()
        elif stage is Stage.HELP:
            if self.read_aloud is not None:
                self.read_aloud.stop()  # the screen it was reading is gone; the patient waits for a nurse
            show(self._help_page())
        elif stage is Stage.NO_ESCORT:
            show(self._patient_page("no-escort"))
        elif stage is Stage.CLOSED:
            # The last window closing ends the app's event loop (run_kiosk returns).
            self.window.allow_close()
            self.window.close()
        else:
            self._show_nurse_stage(stage, refill=not back_from_pin)
        if stage is Stage.REVIEW or (stage is Stage.PIN and self.session.pin_purpose is PinPurpose.SIGN_OFF):
            self._build_ahead()
        elif stage is not Stage.PRINT:
            self._forget_ahead()

    def _set_idle_limit(self, stage: Stage) -> None:
        self.countdown.stop()
        self._warned_at = None
        if stage in PATIENT_STAGES:
            self.idle.set_timeout(self.config.patient_idle_seconds)
        elif stage in NURSE_STAGES or stage in (Stage.PIN, Stage.FIRST_NURSE, Stage.NEW_PIN):
            self.idle.set_timeout(self.config.nurse_idle_seconds)
        else:
            self.idle.set_timeout(None)

    # == the patient's screens ===================================================================================
    def _patient_page(self, kind: ScreenKind | str) -> PatientPage:
        page = self.patient_screens.get(kind)
        if page is None:
            page = self._make_patient_page(kind)
            walk = self.session.walk
            if walk is not None:
                page.set_procedure(walk.shown.title)
            elif self.session.procedure is not None:
                page.set_procedure(self.session.procedure.title)
            page.help_requested.connect(self._help)
            page.read_requested.connect(self._read_aloud)
            self.screen_language.apply_to(page)
            self._show_read_aloud_on(page)
            self.patient_screens[kind] = page
        return page

    def _make_patient_page(self, kind: ScreenKind | str) -> PatientPage:
        from kiosk.ui.patient import escort, idle_warning, question, simple, step, warning_signs, welcome

        page: PatientPage
        if kind is ScreenKind.WELCOME:
            page = welcome_page = welcome.WelcomeScreen()
            welcome_page.start_requested.connect(self._begin)
            welcome_page.language_chosen.connect(self._language_chosen)
            welcome_page.text_size_chosen.connect(self._text_size)
            welcome_page.high_contrast_toggled.connect(self._contrast)
        elif kind is ScreenKind.STEP or kind is ScreenKind.WARNING_SIGNS:
            page = step.StepScreen() if kind is ScreenKind.STEP else warning_signs.WarningSignsScreen()
            page.understood.connect(functools.partial(self._understood, kind))
            page.back_requested.connect(self._back)
        elif kind is ScreenKind.QUESTION:
            page = question.QuestionScreen()
            page.answered.connect(self._answered)
            page.next_requested.connect(self._after_answer)
            page.back_requested.connect(self._back)
        elif kind is ScreenKind.ESCORT:
            page = escort.EscortScreen()
            page.escort_given.connect(self._escort_given)
            page.nobody.connect(self._nobody)
            page.back_requested.connect(self._back)
        elif kind is ScreenKind.THANK_YOU:
            page = simple.ThankYouScreen()
            page.action.connect(self._nurse_button)
        elif kind == "no-escort":
            page = simple.NoEscortScreen()
            page.action.connect(self._nurse_button)
        elif kind == "idle":
            page = idle_warning.IdleWarningScreen()
            page.still_here.connect(self._still_here)
        else:
            raise ValueError(f"no patient screen {kind!r}")
        return page

    def show_patient_screen(self) -> None:
        """Fill and show the screen for where the patient is in their walk."""
        from kiosk.record import timeline
        from kiosk.ui.patient import escort, question, simple, step, warning_signs, welcome

        walk = self.session.walk
        assert walk is not None and self.session.procedure is not None
        self._show_content_of(walk)
        procedure = walk.shown  # the procedure in the patient's language where a translation is shown
        if self.read_aloud is not None:
            self.read_aloud.stop()  # a new screen: what was being read is not on it any more
        if walk is not self._themed_walk:
            # A patient the nurse marked for large print starts with bigger text (they can still change it).
            self._themed_walk = walk
            size = theme.TextSize.LARGE if walk.large_print else theme.TextSize.NORMAL
            self._set_theme(theme.ThemeChoice(size, theme.Palette.STANDARD))
        screen = walk.current
        page = self._patient_page(screen.kind)
        if screen.kind is ScreenKind.WELCOME:
            steps = sum(1 for s in walk.screens if s.kind is ScreenKind.STEP)
            questions = sum(1 for s in walk.screens if s.kind is ScreenKind.QUESTION)
            about = " ".join(f"{procedure.what_it_is} {procedure.why}".split())
            welcome_page = as_screen(page, welcome.WelcomeScreen)
            welcome_page.show_welcome(
                walk.first_name, welcome.minutes_for(steps, questions), walk.resumed, procedure.short_name, about
            )
            welcome_page.show_choice(self.theme_choice.size, self._high_contrast, walk.language)
        elif screen.kind is ScreenKind.STEP:
            assert screen.step is not None
            # Every timing of the step that applies to this patient, each with its label and "and until ...".
            entries = timeline.step_entries(screen.step, walk.procedure_ended, self.clock.zone, walk.factors)
            timing = "\n".join(self.screen_language.timing(entry) for entry in entries)
            as_screen(page, step.StepScreen).show_step(
                screen.progress, screen.step.heading, screen.step.text, timing, walk.can_go_back
            )
        elif screen.kind is ScreenKind.QUESTION:
            assert screen.question is not None
            as_screen(page, question.QuestionScreen).show_question(
                screen.progress, screen.question.question, screen.question.options, walk.can_go_back
            )
        elif screen.kind is ScreenKind.WARNING_SIGNS:
            as_screen(page, warning_signs.WarningSignsScreen).show_signs(walk.shown, self.screen_language.current.code)
        elif screen.kind is ScreenKind.ESCORT:
            until = timeline.escort_until(procedure, walk.procedure_ended, self.clock.zone, walk.factors)
            adult = walk.shown.responsible_adult  # this patient's hours and words (escort rules applied)
            as_screen(page, escort.EscortScreen).show_escort(
                self.screen_language.clock(until),
                adult.hours,
                advice=adult.text,
            )
        elif screen.kind is ScreenKind.THANK_YOU:
            as_screen(page, simple.ThankYouScreen).show_thanks(walk.first_name)
        self._page_keys[screen.kind] = screen.key
        self.window.show_screen(page)

    # == read aloud ===============================================================================================
    @guarded
    def _read_aloud(self) -> None:
        """Speak the patient screen showing now (or stop, if it is being read)."""
        from kiosk.discharge.speech import SpokenIdentity

        page = self.window.current_screen()
        if self.read_aloud is None or not isinstance(page, PatientPage):
            return
        patient = self.session.record().patient if self.session.record_id is not None else None
        identity = (
            SpokenIdentity.from_name(
                patient.name, patient.date_of_birth, patient.hospital_number, patient.nhs_number or ""
            )
            if patient is not None
            else None
        )
        self.read_aloud.read(page, identity)

    def _show_read_aloud(self, _changed: bool = False) -> None:
        for page in self.patient_screens.values():
            self._show_read_aloud_on(page)

    def _show_read_aloud_on(self, page: PatientPage) -> None:
        speech = self.read_aloud
        page.banner.show_read_aloud(speech is not None and speech.available, speech is not None and speech.speaking)

    @property
    def _high_contrast(self) -> bool:
        return self.theme_choice.palette is theme.Palette.HIGH_CONTRAST

    def _walk(self) -> Any:
        walk = self.session.walk
        if walk is None or self.session.stage is not Stage.PATIENT:
            raise RuntimeError("no patient walk is open")
        return walk

    def _shown_key(self, kind: ScreenKind) -> str:
        """The walk screen (``PatientScreen.key``) that the page for ``kind`` is showing: a tap on that page is
        meant for it, and the walk ignores it if the patient is somewhere else by now (H10)."""
        return self._page_keys.get(kind, "")

    @guarded
    def _begin(self) -> None:
        self._walk().begin(self._shown_key(ScreenKind.WELCOME))
        self.show_patient_screen()

    def _save_then(
        self,
        save: Callable[[], T],
        then: Callable[[T], None],
        failed: Callable[[BaseException], None] | None = None,
    ) -> None:
        """A patient's tap that writes to the record: committed now, or, while another program holds the
        database's write lock, once it clears (``kiosk.db_wait``). The screen waits, disabled, and never freezes;
        it moves on only after the commit (H6). A walk that ended meanwhile (idle, lock) is not written to."""
        walk = self.session.walk
        page = self.window.stack.currentWidget()

        def still_open() -> bool:
            return walk is not None and self.session.walk is walk and self.session.stage is Stage.PATIENT

        def attempt() -> tuple[bool, T | None]:
            if not still_open():
                return False, None
            return True, save()

        def done(result: tuple[bool, T | None]) -> None:
            opened, value = result
            if opened and still_open():
                run_guarded(self, then, value)

        def waiting(on: bool) -> None:
            if page is not None and still_open():
                try:
                    page.setEnabled(not on)
                except RuntimeError:  # the page was deleted meanwhile
                    pass

        self.writes.run(attempt, done, failed or self.handle_error, waiting=waiting)

    def slot(self, action: Callable[..., Any]) -> Callable[..., None]:
        """``action`` as a slot for a screen's signal, behind the one guard (``run_guarded``)."""

        @functools.wraps(action)
        def run(*args: Any) -> None:
            run_guarded(self, action, *args)

        return run

    @guarded
    def _understood(self, kind: ScreenKind) -> None:
        walk = self._walk()
        key = self._shown_key(kind)
        self._save_then(lambda: walk.understand(key), lambda _: self.show_patient_screen())

    @guarded
    def _back(self) -> None:
        self._walk().back()
        self.show_patient_screen()

    @guarded
    def _answered(self, chosen: int) -> None:
        walk = self._walk()
        key = self._shown_key(ScreenKind.QUESTION)

        def show(outcome: Any) -> None:
            if outcome is None:
                return  # a tap for a screen no longer shown
            from kiosk.ui.patient.question import QuestionScreen

            page = as_screen(self.patient_screens[ScreenKind.QUESTION], QuestionScreen)
            page.show_outcome(chosen, outcome.correct, outcome.explanation, outcome.ask_again, outcome.right_option)

        self._save_then(lambda: walk.answer(key, chosen), show)

    @guarded
    def _after_answer(self) -> None:
        self._walk().after_answer(self._shown_key(ScreenKind.QUESTION))
        self.show_patient_screen()

    @guarded
    def _escort_given(self, name: str, relationship: str, phone: str) -> None:
        from kiosk.record import timeline
        from kiosk.text import ValidationError

        walk = self._walk()
        assert self.session.procedure is not None
        until = timeline.escort_until(self.session.procedure, walk.procedure_ended, self.clock.zone, walk.factors)

        def refused(exc: BaseException) -> None:
            if isinstance(exc, ValidationError):
                from kiosk.ui.patient.escort import EscortScreen
                from kiosk.ui.patient_text import patient_error

                # In the patient's language (the checks write English for the nurse and the log).
                as_screen(self.patient_screens[ScreenKind.ESCORT], EscortScreen).show_error(patient_error(exc))
            else:
                self.handle_error(exc)

        key = self._shown_key(ScreenKind.ESCORT)
        self._save_then(
            lambda: walk.record_escort(key, name, relationship, phone, until),
            lambda _: self.show_patient_screen(),
            refused,
        )

    @guarded
    def _nobody(self) -> None:
        walk = self._walk()
        key = self._shown_key(ScreenKind.ESCORT)

        def then(recorded: bool) -> None:
            if recorded:
                self.session.patient_nobody()

        self._save_then(lambda: walk.nobody(key), then)

    @guarded
    def _language_chosen(self, code: str) -> None:
        """The patient tapped a language on the welcome screen: saved (with its audit row), then every screen is
        retranslated where it stands; nothing the patient chose or typed is lost (the walk keeps it)."""
        walk = self._walk()

        def shown(changed: bool) -> None:
            if changed:
                self._use_language(walk.language)
            self.show_patient_screen()

        self._save_then(lambda: walk.choose_language(code), shown)

    def _show_content_of(self, walk: PatientWalk) -> None:
        """The walk shows the procedure in its language where there is a usable translation (a draft one only with
        the nurse's reason: ``content_language``), else the English; the banners follow it."""
        from kiosk.discharge.content_language import audit_facts, content_for_walk, numbers_in_order

        localised = content_for_walk(
            self.session.localise,
            walk.procedure,
            walk.language,
            allow_drafts=self.config.allow_drafts,
            draft_reason_given=walk.draft_reason_given,
        )
        # The loader gives a new Procedure on each call, from a checked translation it keeps while the file is the
        # same: the walk's screens are rebuilt only when the language or that translation changed.
        source = (walk, localised.language, localised.translation)
        if source == self._content_source:
            return
        self._content_source = source
        # Phone numbers in a right-to-left text drawn in their own order (the texts of English content unchanged).
        shown = numbers_in_order(localised.procedure) if localised.is_translated else localised.procedure
        walk.content_facts = audit_facts(localised)
        walk.show_content(shown)
        for page in self.patient_screens.values():
            page.set_procedure(shown.title)

    def _use_language(self, code: str) -> None:
        """Install ``code``'s catalogue; if it changed, retranslate every screen in the window and lay the
        patient's screens out in its direction and font (the screen showing is filled again by the caller)."""
        if not self.screen_language.use(code):
            return
        retranslate(self.window)
        if self.read_aloud is not None:
            # The voice follows the words: the button hides where no voice speaks the language (docs/READ_ALOUD.md).
            self.read_aloud.set_language(self.screen_language.current.voice)
        for page in self.patient_screens.values():
            self.screen_language.apply_to(page)
            self._show_read_aloud_on(page)
        if uses_virtual_keyboard(os.environ.get("QT_IM_MODULE")):
            # The keyboard's layout too, where Qt ships one (pl_PL, ro_RO, ar_AR); else the British one.
            set_keyboard_locale(self.screen_language.current.keyboard_locale or "en_GB")
        log.info("screens in %s", self.screen_language.current.english_name)

    @guarded
    def _text_size(self, size: str) -> None:
        self._set_theme(theme.ThemeChoice(theme.TextSize(size), self.theme_choice.palette))

    @guarded
    def _contrast(self, on: bool) -> None:
        palette = theme.Palette.HIGH_CONTRAST if on else theme.Palette.STANDARD
        self._set_theme(theme.ThemeChoice(self.theme_choice.size, palette))

    def _set_theme(self, choice: theme.ThemeChoice) -> None:
        if choice == self.theme_choice:
            return
        self.theme_choice = choice
        app = QApplication.instance()
        if isinstance(app, QApplication):
            with self.idle.paused():
                theme.apply(app, choice)

    # == idle ====================================================================================================
    @guarded
    def _idle_timed_out(self) -> None:
        stage = self.session.stage
        if stage in PATIENT_STAGES:
            self.idle.set_timeout(None)
            self._warned_at = self._monotonic()
            from kiosk.ui.patient.idle_warning import IdleWarningScreen

            page = self._patient_page("idle")
            as_screen(page, IdleWarningScreen).show_seconds(self.config.idle_countdown_seconds)
            self.window.show_screen(page)
            self.countdown.start()
        elif stage not in (Stage.LOCKED, Stage.CLOSED):
            log.info("nurse screen idle: locking (a PIN pad for a call for help goes back to the call)")
            self.session.nurse_idle()

    @guarded
    def central_warning(self) -> str | None:
        """The nurse's "records not sent since" line: from the sender's in-memory status, so no I/O here."""
        if self.central_status is None:
            return None
        return self.central_status().unsent_warning(self.clock.now(), self.config.unsent_warning_minutes)

    def tick_countdown(self) -> None:
        """Once a second while "Are you still there?" shows; at zero the patient's details are wiped."""
        if self._warned_at is None:
            self.countdown.stop()
            return
        left = self.config.idle_countdown_seconds - (self._monotonic() - self._warned_at)
        from kiosk.ui.patient.idle_warning import IdleWarningScreen

        page = self.patient_screens.get("idle")
        if page is not None:
            as_screen(page, IdleWarningScreen).show_seconds(math.ceil(max(0.0, left)))
        if left <= 0:
            log.info("patient idle: wiping the screen and locking")
            self.session.lock()

    @guarded
    def _still_here(self) -> None:
        self._render()

    # == nurse sign-in, close, errors ============================================================================
    # == "I need help" (issue 12 item 7; the logic is kiosk.discharge.help_call) ================================
    @guarded
    def _help(self) -> None:
        """ "A nurse is on the way" shows at once; the call is saved on the discharge like a walk tap (through
        ``kiosk.db_wait``: another program's lock makes it wait on a worker, never freezes the alert)."""
        call = self.session.help_requested()
        if call is None:
            return
        record_id, at = call
        help_call = self.session.help
        self.writes.run(lambda: help_call.save_request(record_id, at), lambda _: None, self.handle_error)

    def _help_page(self) -> QWidget:
        if self.help_screen is None:
            from kiosk.ui.help_alert import HelpAlert
            from kiosk.ui.patient.help_screen import HelpScreen

            self.help_screen = HelpScreen()
            self.help_screen.nurse_here.connect(self._nurse_button)
            self.help_alert = HelpAlert(self.config.help_sound, parent=self)
            self.help_alert.flashed.connect(self.help_screen.flash)
            self.help_alert.sound_changed.connect(self.help_screen.show_sound)
        return self.help_screen

    def _show_help_alert(self, on: bool) -> None:
        """The alert runs from the patient's tap until a nurse's PIN clears it: under the PIN pad too (a patient who
        taps the nurse's button does not silence it; the flashing is on the "A nurse is on the way" screen)."""
        if on:
            self._help_page()
            assert self.help_alert is not None
            self.help_alert.start()
            assert self.help_screen is not None
            self.help_screen.show_sound(self.help_alert.sound.value)
        elif self.help_alert is not None:
            self.help_alert.stop()

    def _back_to_patient_page(self) -> bool:
        """After a call for help: the page the patient left, as they left it (typed text, an answer's feedback)."""
        walk = self.session.walk
        page = self.patient_screens.get(walk.current.kind) if walk is not None else None
        if page is None:
            return False
        self.window.show_screen(page)
        return True

    @guarded
    def _nurse_button(self) -> None:
        self.session.nurse_requested()

    @guarded
    def _close_requested(self) -> None:
        self.session.close_requested()

    @guarded
    def _pin_entered(self, name: str, pin: str) -> None:
        """The PIN is checked off the GUI thread (scrypt takes about 0.3 s) on the records lane; the pad waits."""
        if self._checking_pin:
            return
        self._checking_pin = True
        self.pin_screen.set_checking(True)
        verify = self.session.accounts.verify
        self.workers.records.submit(lambda: verify(name, pin), PIN_CHECK_SECONDS, self._pin_answer)

    @property
    def checking_pin(self) -> bool:
        return self._checking_pin

    def _pin_answer(self, result: Result[SignInResult]) -> None:
        if result.outcome.late:
            return  # the nurse was told to try again
        self._checking_pin = False
        self.pin_screen.set_checking(False)
        if result.outcome is Outcome.DONE:
            assert result.value is not None
            run_guarded(self, self._pin_checked, result.value)
        elif result.outcome is Outcome.FAILED:
            assert result.error is not None
            self.handle_error(result.error)
        else:
            self.handle_error(KioskError("Checking the PIN is taking too long", "try again in a moment"))

    def _pin_checked(self, result: SignInResult) -> None:
        self.session.sign_in_result(result)  # a wrong or locked PIN raises PinRefused: see handle_error

    @guarded
    def _pin_cancelled(self) -> None:
        self.session.pin_cancelled()

    def handle_error(self, exc: BaseException) -> None:
        """An error in a slot. On a nurse screen a ``KioskError`` (title + hint) is shown in the notice bar; anything
        else, and anything on a patient screen, is logged and the error screen says "please ask a nurse".
        What was confirmed is already in the store."""
        stage = self.session.stage
        stopped = getattr(self.session.store, "stopped", None)
        if isinstance(stopped, KioskError):
            # The records file is damaged or lost its journal: nothing more can be saved (issue 13 F2, F5).
            log.critical("records stopped on the %s screen: %s", stage.value, stopped.title, exc_info=exc)
            self.session.failed()
            if self._records_stopped is None:
                self._records_stopped = RecordsStoppedScreen()
            self._records_stopped.show_reason(stopped.title, stopped.hint)
            self.window.show_screen(self._records_stopped)
            return
        nurse_side = stage in NURSE_STAGES or stage in NURSE_SIGN_IN_STAGES
        if isinstance(exc, KioskError) and nurse_side:
            # The nurse can act on it (a wrong PIN, a changed leaflet, a full disk): say so and stay on the screen.
            self.show_nurse_message(exc)
            return
        log.error("unexpected error on the %s screen", stage.value, exc_info=exc)
        try:
            self.session.failed()
        except Exception:
            log.exception("could not reset the session after an error")
            self.wipe()
            self.window.show_screen(self.error_screen)

    def show_nurse_message(self, exc: KioskError) -> None:
        """The one way the logic's word for the nurse (a ``KioskError`` raised in a slot: title and hint) reaches
        the screen: on the screen's own message line when it has one (the PIN pads: a wrong PIN, a wrong set-up
        code, said beside the digits, which start again), else in the notice bar."""
        log.warning("shown to the nurse: %s", exc)
        self._message_place().show_message(nurse_text(exc))

    def _message_place(self) -> MessagePlace:
        stage = self.session.stage
        screen = self.pin_screen if stage is Stage.PIN else self.nurse_screens.get(stage)
        return screen if isinstance(screen, MessagePlace) else self.notice

    # == wiping ==================================================================================================
    def wipe(self) -> None:
        """Remove every patient detail from every widget, the clipboard and the theme (the session wipes itself)."""
        if self.read_aloud is not None:
            self.read_aloud.stop()
        self._drop_patient_screens()
        self._drop_nurse_screens(keep=None)
        self._stop_printing()
        self._forget_ahead()
        self.pin_screen.clear()
        clipboard = QGuiApplication.clipboard()
        if clipboard is not None:
            clipboard.clear()
        self._set_theme(theme.ThemeChoice())
        memory.release_after_wipe()  # the freed screens' memory back to the system (kiosk/ui/memory.py)

    def _drop_patient_screens(self) -> None:
        for page in self.patient_screens.values():
            page.clear()
            self.window.remove_screen(page)
        self.patient_screens.clear()
        self._page_keys.clear()
        if self.session.walk is None:
            self._themed_walk = None
            self._set_theme(theme.ThemeChoice())

    def _drop_nurse_screens(self, keep: Stage | None) -> None:
        for stage in [s for s in self.nurse_screens if s is not keep]:
            screen = self.nurse_screens[stage]
            clear = getattr(screen, "clear", None)
            if callable(clear):
                clear()
            if stage in KEPT_NURSE_STAGES:
                self._cleared_nurse_stages.add(stage)
                continue
            del self.nurse_screens[stage]
            self.window.remove_screen(screen)

    # == nurse screens ===========================================================================================
    def _show_nurse_stage(self, stage: Stage, refill: bool = True) -> None:
        """Show the nurse screen for ``stage``; one left for a PIN prompt and cancelled keeps what was on it."""
        from kiosk.ui import nurse_wiring

        screen = self.nurse_screens.get(stage)
        if screen is None:
            screen = nurse_wiring.make_screen(self, stage)
            self.nurse_screens[stage] = screen
            refill = True
        if stage in self._cleared_nurse_stages:
            self._cleared_nurse_stages.discard(stage)
            refill = True  # a kept screen wiped since it was last filled: never show it empty
        if refill:
            nurse_wiring.fill_screen(self, stage, screen)
        self.window.show_screen(screen)

    def prepare_print_screen(self) -> None:
        """Build the print screen before the first sign-off needs it (the warm-up calls this after the start).

        Issue 19: building it at the first sign-off (its widgets, the PDF view, the style sheet's polish of each)
        took about 25 ms of the GUI thread between the PIN and the preview, once per start; the screen is kept
        for good once built (``KEPT_NURSE_STAGES``), so it is built here, empty, polished and laid out at the
        window's size but not shown. It holds no patient detail, and is marked cleared so the sign-off fills it.
        The print stage and its service are made here too: the service's journal opens its own connection to
        the record store (schema checked), which the first sign-off did on the GUI thread. Neither asks CUPS.
        """
        self.print_stage()
        if Stage.PRINT in self.nurse_screens or self.session.stage is Stage.PRINT:
            return
        from kiosk.ui import nurse_wiring

        screen = nurse_wiring.make_screen(self, Stage.PRINT)
        self.nurse_screens[Stage.PRINT] = screen
        self._cleared_nurse_stages.add(Stage.PRINT)
        self.window.add_hidden_screen(screen)

    # == printing ================================================================================================
    # The print stage (``kiosk.printing.stage``) owns the job, polling, retry, cancel, resume and "sheet in hand";
    # here it is only built, fed the session's record, shown, and polled once a second while a job is live.
    def print_service(self) -> PrintService:
        if self._print_service is None:
            from kiosk.printing import stage
            from kiosk.printing.service import PrintService
            from kiosk.records.store import RecordStore

            store = self.session.store
            # The service writes CUPS' news from the cups lane: on its own connection, so a write waiting for
            # another program's lock never holds the GUI's connection (and so the GUI thread) with it.
            journal = RecordStore(store.path, store.clock)
            self._print_service = PrintService(
                self.config.printer_queue,
                journal,
                self.clock,
                self.config.job_deadline_seconds,
                server=self._print_server,
                answer_seconds=stage.ANSWER_SECONDS,
            )
        return self._print_service

    def print_stage(self) -> PrintStage:
        if self._print_stage is None:
            from kiosk.printing import stage

            self._print_stage = stage.PrintStage(
                self.print_service(),
                self.workers.cups,
                self.workers.records,
                self.writes,
                self.session.store,
                self.clock,
                changed=self._print_changed,
                finished=self._sheet_handed_over,
                failed=self.handle_error,
                call_deadline=stage.CALL_DEADLINE_SECONDS,
            )
        return self._print_stage

    @property
    def job(self) -> PrintJob | None:
        """The sheet's job as the print stage knows it now (None before Print)."""
        return self._print_stage.job if self._print_stage is not None else None

    @property
    def _ahead(self) -> SheetAhead:
        """Made at the first review (importing the sheet package then, never on the start's path)."""
        if self._ahead_sheet is None:
            from kiosk.sheet.ahead import SheetAhead

            self._ahead_sheet = SheetAhead()
        return self._ahead_sheet

    def _forget_ahead(self) -> None:
        if self._ahead_sheet is not None:
            self._ahead_sheet.clear()

    def _build_ahead(self) -> None:
        """On the review and the sign-off PIN: build the sheet the sign-off will print now, on the records lane,
        so the print screen opens with it (``kiosk.sheet.ahead``). Asked again when the PIN screen shows: a
        review that crossed a minute (the sheet prints its minute) or changed the record is built again then,
        seconds before the PIN; nothing is built when the inputs are unchanged."""
        procedure = self.session.procedure
        if self.session.record_id is None or procedure is None or self.session.reprint:
            return
        from kiosk.sheet.ahead import sheet_inputs

        record = self.session.record()
        made_at, config = self.clock.now(), self.config
        ticket = self._ahead.begin(sheet_inputs(record, procedure, config, made_at, reprint=False))
        if ticket is None:
            return

        def build() -> bytes:
            from kiosk.sheet.builder import build_sheet

            return build_sheet(record, procedure, config, made_at)

        def built(result: Result[bytes]) -> None:
            if result.outcome is Outcome.DONE and result.value is not None:
                self._ahead.offer(ticket, result.value)  # a failure is only a slower preview: built again then

        self.workers.records.submit(build, SHEET_AHEAD_SECONDS, built)

    def open_print_stage(self) -> None:
        """Entering the print screen: the stage follows a sheet already sent, or builds one to print (or takes
        the one built ahead, when it was built from exactly this record, procedure, settings and minute)."""
        record_id = self.session.record_id
        assert record_id is not None and self.session.procedure is not None
        record = self.session.record()
        procedure = self.session.procedure
        reprint = self.session.reprint
        printed_at = self.clock.now()
        config = self.config
        from kiosk.sheet.ahead import sheet_inputs

        ready = self._ahead.take(sheet_inputs(record, procedure, config, printed_at, reprint))

        def build() -> bytes:
            """On the records lane: the sheet from the record (H1: never from what is on screen), kept in memory
            for the preview (no patient PDF on disk until Print saves it in the outbox: issue 13 F7)."""
            from kiosk.sheet.builder import build_sheet

            return build_sheet(record, procedure, config, printed_at, reprint=reprint)

        self._shown_sheet = None
        self.print_stage().open(record_id, reprint, self.session.store.print_events(record_id), build, ready=ready)

    @guarded
    def _print_changed(self) -> None:
        """Show the stage's state on the print screen; poll while a job is live."""
        stage = self._print_stage
        if stage is None or self.session.stage is not Stage.PRINT:
            return
        if stage.wants_polling:
            if not self.poll_timer.isActive():
                self.poll_timer.start()
        else:
            self.poll_timer.stop()
        from kiosk.ui.nurse.printing import PrintScreen

        shown = self.nurse_screens.get(Stage.PRINT)
        if shown is None:
            return
        screen = as_screen(shown, PrintScreen)
        if stage.sheet is not None and stage.sheet is not self._shown_sheet:
            self._shown_sheet = stage.sheet
            screen.show_sheet(stage.sheet)
        view = stage.view
        screen.show_status(
            view.message, view.state, can_retry=view.can_retry, can_cancel=view.can_cancel, can_confirm=view.can_confirm
        )

    def start_print(self) -> None:
        self.print_stage().print_sheet()

    def retry_print(self) -> None:
        self.print_stage().retry()

    def cancel_print(self) -> None:
        self.print_stage().cancel()

    @guarded
    def poll_job(self) -> None:
        """Ask CUPS how the job is doing (the timer calls this every second; the answer comes back later)."""
        if self._print_stage is None or self.session.stage is not Stage.PRINT or not self._print_stage.wants_polling:
            self.poll_timer.stop()
            return
        self._print_stage.poll()

    def sheet_in_hand(self) -> None:
        self.print_stage().sheet_in_hand(self.session.nurse or "")

    @guarded
    def _sheet_handed_over(self) -> None:
        if self.session.stage is Stage.PRINT:
            self.session.print_finished()

    def _stop_printing(self) -> None:
        self.poll_timer.stop()
        if self._print_stage is not None:
            self._print_stage.close()
        self._shown_sheet = None
