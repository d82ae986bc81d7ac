"""The controller's nurse half: builds each nurse screen, connects its signals to the session, fills it.

Kept apart from ``controller.py`` only for size; it is still the one place nurse screens are connected. The
screens themselves (``kiosk.ui.nurse``) take data in through methods and report intent through signals.
"""

from __future__ import annotations

import functools
from collections.abc import Callable
from typing import TYPE_CHECKING, Any

from PySide6.QtWidgets import QWidget

from kiosk.discharge.session import Stage

if TYPE_CHECKING:
    from kiosk.printing.status import PrintJob
    from kiosk.ui.controller import Flow


def _slot(flow: Flow, action: Callable[..., Any]) -> Callable[..., None]:
    """Run ``action`` as a slot: errors go to ``flow.handle_error`` (never to Qt, never a traceback on screen)."""

    @functools.wraps(action)
    def run(*args: Any) -> None:
        try:
            action(*args)
        except Exception as exc:
            flow.handle_error(exc)

    return run


def _create_first_nurse(flow: Flow, screen: QWidget, name: str, pin: str, code: str) -> None:
    """A wrong set-up code or a taken name is said on the set-up screen itself, which stays (F1)."""
    from kiosk.errors import KioskError

    try:
        flow.session.first_nurse_created(name, pin, code)
    except KioskError as exc:
        screen.show_error(f"{exc.title}. {exc.hint}" if exc.hint else exc.title)  # type: ignore[attr-defined]


def make_screen(flow: Flow, stage: Stage) -> QWidget:
    session = flow.session
    if stage is Stage.FIRST_NURSE:
        from kiosk.ui.nurse.first_nurse import FirstNurseScreen

        first = FirstNurseScreen()
        first.nurse_created.connect(_slot(flow, functools.partial(_create_first_nurse, flow, first)))
        return first
    if stage is Stage.NEW_PIN:
        from kiosk.ui.nurse.new_pin import NewPinScreen

        new_pin = NewPinScreen()
        new_pin.pin_chosen.connect(_slot(flow, session.new_pin_chosen))
        new_pin.cancelled.connect(_slot(flow, session.new_pin_cancelled))
        return new_pin
    if stage is Stage.NURSE_HOME:
        from kiosk.ui.nurse.home import NurseHomeScreen

        home = NurseHomeScreen()
        home.new_discharge.connect(_slot(flow, session.new_discharge))
        home.resume.connect(_slot(flow, session.resume))
        home.reprint.connect(_slot(flow, session.reprint_requested))
        home.abandon_requested.connect(_slot(flow, session.abandon_requested))
        home.lock.connect(_slot(flow, session.lock))
        home.close_kiosk.connect(_slot(flow, session.close_requested))
        home.unlock_colleague.connect(_slot(flow, session.unlock_colleague))
        return home
    if stage is Stage.NEW_DISCHARGE:
        from kiosk.ui.nurse.new_discharge import NewDischargeScreen

        form = NewDischargeScreen()
        form.submitted.connect(_slot(flow, session.discharge_submitted))
        form.cancelled.connect(_slot(flow, session.new_discharge_cancelled))
        return form
    if stage is Stage.REASON:
        from kiosk.ui.nurse.reason import ReasonScreen

        reason = ReasonScreen()
        reason.reason_given.connect(_slot(flow, session.reason_given))
        reason.cancelled.connect(_slot(flow, session.reason_cancelled))
        return reason
    if stage is Stage.REVIEW:
        from kiosk.ui.nurse.review import ReviewScreen

        review = ReviewScreen()
        review.sign_off_requested.connect(_slot(flow, session.sign_off_requested))
        review.back.connect(_slot(flow, session.review_back))
        review.gone_over.connect(_slot(flow, session.question_gone_over))
        return review
    if stage is Stage.PRINT:
        from kiosk.ui.nurse.printing import PrintScreen

        printing = PrintScreen()
        printing.print_requested.connect(_slot(flow, flow.start_print))
        printing.retry.connect(_slot(flow, flow.retry_print))
        printing.cancel_job.connect(_slot(flow, flow.cancel_print))
        printing.sheet_in_hand.connect(_slot(flow, flow.sheet_in_hand))
        printing.finish.connect(_slot(flow, session.print_finished))
        return printing
    raise ValueError(f"no nurse screen for {stage}")


def fill_screen(flow: Flow, stage: Stage, screen: QWidget) -> None:
    """Give the screen what it shows, fresh from the store each time (never from a previous screen)."""
    session = flow.session
    if stage is Stage.NURSE_HOME:
        screen.show_discharges(  # type: ignore[attr-defined]
            session.today_discharges(), session.procedure_titles(), flow.clock.today()
        )
        screen.show_locked(session.locked_colleagues())  # type: ignore[attr-defined]
        screen.show_central_warning(flow.central_warning())  # type: ignore[attr-defined]
    elif stage is Stage.NEW_DISCHARGE:
        screen.load(session.library(), flow.clock.now(), flow.config.allow_drafts)  # type: ignore[attr-defined]
    elif stage is Stage.REASON:
        from kiosk.discharge.session import ReasonPurpose
        from kiosk.ui.nurse.reason import ABANDON_REASONS, NO_ESCORT_REASONS

        title, prompt = session.reason_prompt()
        picks = NO_ESCORT_REASONS if session.reason_purpose is ReasonPurpose.NO_ESCORT else ABANDON_REASONS
        screen.ask(title, prompt, picks)  # type: ignore[attr-defined]
    elif stage is Stage.REVIEW:
        assert session.procedure is not None
        screen.load(session.record(), session.procedure)  # type: ignore[attr-defined]
    elif stage is Stage.PRINT:
        if flow.job is None:
            resumed = flow.resume_print_job()
            if resumed is not None:
                # The sheet that was sent, not a new one: the nurse checks what is (or was) on the printer.
                path = resumed.pdf_path if resumed.pdf_path.is_file() else flow.prepare_sheet()
                screen.show_sheet(path)  # type: ignore[attr-defined]
                flow.follow_job()
                return
            path = flow.prepare_sheet()
            screen.show_sheet(path)  # type: ignore[attr-defined]
            status = flow.print_service().check_queue()
            screen.show_status(  # type: ignore[attr-defined]
                status.message, status.state.value, can_retry=False, can_cancel=False, can_confirm=False
            )


def show_job(screen: QWidget, job: PrintJob) -> None:
    from kiosk.printing.status import JobStatus

    screen.show_status(  # type: ignore[attr-defined]
        job.nurse_message,
        job.status.value,
        can_retry=job.can_retry,
        can_cancel=not job.finished,
        can_confirm=job.status in (JobStatus.COMPLETED, JobStatus.OUTBOX_ONLY),
    )
