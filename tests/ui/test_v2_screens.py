"""Schema version 2 on the patient's screens, with the README's worked example (a caudal epidural that may be done
under sedation): each patient is shown only what applies to them (issue 15)."""

from __future__ import annotations

from dataclasses import replace
from datetime import timedelta
from functools import cache
from pathlib import Path

import pytest
from PySide6.QtWidgets import QLabel
from pytestqt.qtbot import QtBot

from kiosk import paths
from kiosk.advice_text import contact_line, group_title, route_text
from kiosk.content.loader import Library, load_procedure
from kiosk.content.model import Factor, Procedure
from kiosk.discharge.flow import ScreenKind
from kiosk.discharge.new_discharge import NewDischarge, prefilled_medicines
from kiosk.languages import language
from kiosk.ui.patient.warning_signs import WarningSignsScreen
from tests.discharge_support import PATIENT_A, START
from tests.ui.driver import Kiosk
from tests.ui.test_fit import SCREEN_SIZES, FitCheck

EXAMPLE = paths.PROJECT_ROOT / "tests" / "content" / "examples" / "caudal-epidural.yaml"
SEDATION = frozenset({Factor.SEDATION})


@cache
def example() -> Procedure:
    return load_procedure(EXAMPLE)


def kiosk_with_example(qtbot: QtBot, tmp_path: Path, factors: frozenset[Factor]) -> Kiosk:
    kiosk = Kiosk(qtbot, tmp_path)
    library = Library(str(EXAMPLE.parent), (example(),), ())
    kiosk.session._library = lambda: library  # the kiosk under test reads only the example
    kiosk.hand_over(
        NewDischarge(
            procedure_id=example().id,
            patient=PATIENT_A,
            procedure_ended=START - timedelta(minutes=40),  # 13:50 on Sat 21 Nov
            side_level="",
            medicines=prefilled_medicines(example(), factors),
            factors=factors,
            expired_reason="Training kiosk: the worked example",
        )
    )
    return kiosk


def walk_to(kiosk: Kiosk, wanted: ScreenKind) -> None:
    kiosk.click("start")
    while kiosk.walk_kind() is not wanted:
        if kiosk.walk_kind() is ScreenKind.QUESTION:
            question = kiosk.session.walk.current.question  # type: ignore[union-attr]
            kiosk.click(f"option-{question.answer}")
            kiosk.click("next")
        else:
            kiosk.understand()


def step_timings(kiosk: Kiosk) -> dict[str, str]:
    """Step id -> the timing text its screen shows, over the whole walk."""
    found: dict[str, str] = {}
    kiosk.click("start")
    while kiosk.walk_kind() is ScreenKind.STEP:
        step = kiosk.session.walk.current.step  # type: ignore[union-attr]
        timing = kiosk.screen.findChild(QLabel, "step-timing")
        assert step is not None and timing is not None
        found[step.id] = timing.text() if timing.isVisible() else ""
        kiosk.understand()
    return found


def test_each_step_shows_every_timing_that_applies_with_its_label_and_qualifier(qtbot: QtBot, tmp_path: Path) -> None:
    plain = step_timings(kiosk_with_example(qtbot, tmp_path / "a", frozenset()))
    sedated = step_timings(kiosk_with_example(qtbot, tmp_path / "b", SEDATION))
    numb = "and until the numbness in your legs has gone"
    assert plain["no-driving"] == f"Do not drive until 08:00 Sun 22 Nov {numb}"
    assert sedated["no-driving"] == f"Do not drive until 13:50 Sun 22 Nov {numb}"
    assert (
        plain["plaster"]
        == sedated["plaster"]
        == ("You can take the plaster off after 13:50 Sun 22 Nov\nDo not have a bath or swim until 13:50 Mon 23 Nov")
    )
    assert "after-sedation" in sedated and "after-sedation" not in plain
    assert sedated["after-sedation"] == "No alcohol until 13:50 Sun 22 Nov"
    assert "going-home" in plain and "going-home" not in sedated


def box_texts(kiosk: Kiosk) -> list[tuple[str, str]]:
    walk_to(kiosk, ScreenKind.WARNING_SIGNS)
    screen = kiosk.screen
    assert isinstance(screen, WarningSignsScreen)
    # A phone number's spaces are no-break spaces on screen (it never wraps in two): read as plain spaces here.
    return [(str(box.property("role")), box.text().replace("\u00a0", " ")) for box in screen.signs]


def test_warning_signs_are_grouped_by_urgency_most_urgent_first_each_with_its_own_shape_and_contacts(
    qtbot: QtBot, tmp_path: Path
) -> None:
    plain = box_texts(kiosk_with_example(qtbot, tmp_path / "a", frozenset()))
    sedated = box_texts(kiosk_with_example(qtbot, tmp_path / "b", SEDATION))
    for boxes in (plain, sedated):
        roles = [role for role, _ in boxes]
        assert roles == ["warning-emergency", "warning", "warning-office"], "one shape per urgency, in order"
        titles = [text.splitlines()[0] for _, text in boxes]
        assert titles == [
            "⚠ EMERGENCY: Call 999 or go to A&E now",
            "URGENT: Get urgent advice today",
            "NOT URGENT: Ring in office hours",
        ]
        emergency, urgent, office = (text for _, text in boxes)
        assert "Emergency ambulance 999 (any time)" in emergency and "Pain Clinic" not in emergency
        assert "Pain Clinic, Example Hospital 01234 567890 ext 4321" in urgent
        assert "at other times: NHS 111" in urgent and "NHS 111 (any time, day or night)" in urgent
        assert "Your GP surgery" in office and "Your GP surgery" not in urgent
    assert "Slow or shallow breathing" in sedated[0][1]
    assert "Slow or shallow breathing" not in plain[0][1]
    assert "rash" not in plain[2][1], "the contrast-dye sign is only for a patient who had the dye"


def test_the_escort_screen_gives_this_patients_hours(qtbot: QtBot, tmp_path: Path) -> None:
    for factors, hours, until in ((frozenset(), 12, "01:50 Sun 22 Nov"), (SEDATION, 24, "13:50 Sun 22 Nov")):
        kiosk = kiosk_with_example(qtbot, tmp_path / str(hours), factors)
        walk_to(kiosk, ScreenKind.ESCORT)
        texts = " ".join(label.text() for label in kiosk.visible_labels())
        assert f"stay with you for {hours} hours: until {until}" in texts, texts
        kiosk.fill_escort()
        kiosk.click("confirm-escort")
        record = kiosk.store.get(kiosk.session.record_id)  # type: ignore[arg-type]
        assert record.escort is not None and f"{record.escort.stays_until:%H:%M}" == until[:5]


def test_a_contact_line_has_its_extension_hours_and_where_to_ring_when_closed() -> None:
    procedure = example()
    assert contact_line(procedure, "pain-clinic") == (
        "Pain Clinic, Example Hospital 01234 567890 ext 4321 (Mon to Fri, 08:30 to 17:00 (not bank holidays); "
        "at other times: NHS 111)"
    )
    assert contact_line(procedure, "nhs-111") == "NHS 111 (any time, day or night)"
    assert contact_line(procedure, "gp") == (
        "Your GP surgery (ring your surgery on its usual number, Mon to Fri, 08:00 to 18:30; at other times: NHS 111)"
    )
    narrowed = procedure.for_patient(frozenset())
    assert "day-unit" not in {c.id for c in narrowed.contacts}
    # A route to a contact narrowed away for this patient is not printed (never a number they were not given).
    assert route_text(narrowed, replace(narrowed.contact("gp"), otherwise="day-unit")) == ""


@pytest.mark.parametrize("size", SCREEN_SIZES, ids=lambda s: f"{s[0]}x{s[1]}")
def test_every_v2_patient_screen_fits_at_every_text_size(qtbot: QtBot, tmp_path: Path, size: tuple[int, int]) -> None:
    """The worked example with every factor ticked (the most text: every sign, timing and contact) fits as the
    shipped files do (``tests/ui/test_fit.py``): urgency boxes, long contact lines and several timings wrap."""
    kiosk = kiosk_with_example(qtbot, tmp_path, frozenset(Factor))
    kiosk.window.resize(*size)
    check = FitCheck(kiosk)
    check("welcome")
    kiosk.click("start")
    while kiosk.walk_kind() is not ScreenKind.THANK_YOU:
        screen = kiosk.session.walk.current  # type: ignore[union-attr]
        check(f"{screen.kind.value} {screen.key}")
        if screen.kind is ScreenKind.QUESTION:
            assert screen.question is not None
            kiosk.click(f"option-{screen.question.answer}")
            kiosk.click("next")
        elif screen.kind is ScreenKind.ESCORT:
            kiosk.fill_escort()
            kiosk.click("confirm-escort")
        else:
            kiosk.understand()
    assert any(s.startswith("warning-signs") for s in check.screens)
    assert check.problems == []


@pytest.mark.parametrize("code", ["pl", "ur"])
def test_the_warning_signs_screen_says_urgency_hours_and_routes_in_the_sheets_words(qtbot: QtBot, code: str) -> None:
    """One phrasebook for screen and sheet (``kiosk.content.phrasebook``): the level words, the route when the
    clinic is closed and the opening hours on the screen are the sheet's, in the patient's language (they were the
    English ones on every screen)."""
    procedure = example().for_patient(frozenset())
    screen = WarningSignsScreen()
    qtbot.addWidget(screen)
    screen.show_signs(procedure, code)
    texts = [box.text().replace("\u00a0", " ") for box in screen.signs]
    groups = procedure.warning_groups
    for text, group in zip(texts, groups, strict=True):
        assert text.splitlines()[0] == group_title(group, code)
        assert "EMERGENCY" not in text and "URGENT" not in text
    clinic = procedure.contact("pain-clinic")
    route = route_text(procedure, clinic, code)
    assert route and route != route_text(procedure, clinic)  # the clinic's "at other times" in the language
    assert any(route in text for text in texts)
    assert any(clinic.hours_in(code) in text for text in texts)


@pytest.mark.parametrize("code", ["en", "pl", "ur", "ar"])
def test_screen_clock_times_are_the_sheets(code: str) -> None:
    from datetime import datetime
    from zoneinfo import ZoneInfo

    from kiosk.record import timeline
    from kiosk.ui.language import ScreenLanguage

    screen_language = ScreenLanguage()
    screen_language.current = language(code)
    for moment in (datetime(2026, 3, 29, 8, 0, tzinfo=ZoneInfo("Europe/London")),
                   datetime(2026, 10, 25, 13, 30, tzinfo=ZoneInfo("Europe/London"))):  # fmt: skip
        assert screen_language.clock(moment) == timeline.format_clock(moment, language=code)
