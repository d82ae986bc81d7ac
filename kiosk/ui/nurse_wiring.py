"""The controller's nurse half: builds each nurse screen, connects its signals to the session, fills it.

Kept apart from ``controller.py`` only for size; it is still the one place nurse screens are connected. The
screens themselves (``kiosk.ui.nurse``) take data in through methods and report intent through signals.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtWidgets import QWidget

from kiosk.discharge.session import Stage
from kiosk.ui.widgets import as_screen

if TYPE_CHECKING:
    from kiosk.ui.controller import Flow


def make_screen(flow: Flow, stage: Stage) -> QWidget:
    session = flow.session
    if stage is Stage.FIRST_NURSE:
        from kiosk.ui.nurse.first_nurse import FirstNurseScreen

        first = FirstNurseScreen()
        # A wrong set-up code or a taken name is said on the set-up screen itself, which stays (F1): show_message.
        first.nurse_created.connect(flow.slot(session.first_nurse_created))
        return first
    if stage is Stage.NEW_PIN:
        from kiosk.ui.nurse.new_pin import NewPinScreen

        new_pin = NewPinScreen()
        new_pin.pin_chosen.connect(flow.slot(session.new_pin_chosen))
        new_pin.cancelled.connect(flow.slot(session.new_pin_cancelled))
        return new_pin
    if stage is Stage.NURSE_HOME:
        from kiosk.ui.nurse.home import NurseHomeScreen

        home = NurseHomeScreen()
        home.new_discharge.connect(flow.slot(session.new_discharge))
        home.resume.connect(flow.slot(session.resume))
        home.reprint.connect(flow.slot(session.reprint_requested))
        home.abandon_requested.connect(flow.slot(session.abandon_requested))
        home.lock.connect(flow.slot(session.lock))
        home.close_kiosk.connect(flow.slot(session.close_requested))
        home.unlock_colleague.connect(flow.slot(session.unlock_colleague))
        return home
    if stage is Stage.NEW_DISCHARGE:
        from kiosk.ui.nurse.new_discharge import NewDischargeScreen

        form = NewDischargeScreen()
        form.localise = session.localise
        form.submitted.connect(flow.slot(session.discharge_submitted))
        form.cancelled.connect(flow.slot(session.new_discharge_cancelled))
        return form
    if stage is Stage.REASON:
        from kiosk.ui.nurse.reason import ReasonScreen

        reason = ReasonScreen()
        reason.reason_given.connect(flow.slot(session.reason_given))
        reason.cancelled.connect(flow.slot(session.reason_cancelled))
        return reason
    if stage is Stage.REVIEW:
        from kiosk.ui.nurse.review import ReviewScreen

        review = ReviewScreen()
        review.sign_off_requested.connect(flow.slot(session.sign_off_requested))
        review.back.connect(flow.slot(session.review_back))
        review.gone_over.connect(flow.slot(session.question_gone_over))
        return review
    if stage is Stage.PRINT:
        from kiosk.ui.nurse.printing import PrintScreen

        printing = PrintScreen()
        printing.print_requested.connect(flow.slot(flow.start_print))
        printing.retry.connect(flow.slot(flow.retry_print))
        printing.cancel_job.connect(flow.slot(flow.cancel_print))
        printing.sheet_in_hand.connect(flow.slot(flow.sheet_in_hand))
        printing.finish.connect(flow.slot(session.print_finished))
        return printing
    raise ValueError(f"no nurse screen for {stage}")


def fill_screen(flow: Flow, stage: Stage, screen: QWidget) -> None:
    """Give the screen what it shows, fresh from the store each time (never from a previous screen)."""
    session = flow.session
    if stage is Stage.NURSE_HOME:
        from kiosk.ui.nurse.home import NurseHomeScreen

        home = as_screen(screen, NurseHomeScreen)
        home.show_discharges(session.today_discharges(), session.procedure_titles(), flow.clock.today())
        home.show_locked(session.locked_colleagues())
        home.show_central_warning(flow.central_warning())
    elif stage is Stage.NEW_DISCHARGE:
        from kiosk.ui.nurse.new_discharge import NewDischargeScreen

        as_screen(screen, NewDischargeScreen).load(session.library(), flow.clock.now(), flow.config.allow_drafts)
    elif stage is Stage.REASON:
        from kiosk.discharge.session import ReasonPurpose
        from kiosk.ui.nurse.reason import ABANDON_REASONS, NO_ESCORT_REASONS, ReasonScreen

        title, prompt = session.reason_prompt()
        picks = NO_ESCORT_REASONS if session.reason_purpose is ReasonPurpose.NO_ESCORT else ABANDON_REASONS
        as_screen(screen, ReasonScreen).ask(title, prompt, picks)
    elif stage is Stage.REVIEW:
        assert session.procedure is not None
        from kiosk.ui.nurse.review import ReviewScreen

        as_screen(screen, ReviewScreen).load(session.record(), session.procedure)
    elif stage is Stage.PRINT:
        flow.open_print_stage()
