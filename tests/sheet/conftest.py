"""Fixtures for the sheet: a realistic procedure (modelled on the Plymouth nerve root block leaflet), a record
for it, and helpers that read a built PDF back as text, page by page."""

from __future__ import annotations

import io
import re
import unicodedata
from collections.abc import Callable
from datetime import date, datetime, timedelta, timezone
from typing import Any

import pypdf
import pytest

from kiosk.config import WardConfig
from kiosk.content.model import (
    Condition,
    Contact,
    DocumentControl,
    Expectation,
    Factor,
    FollowUp,
    Medicine,
    Procedure,
    RedFlag,
    ResponsibleAdult,
    Risk,
    Step,
    Timing,
)
from kiosk.record.model import DischargeRecord, Escort, Patient

UK = timezone(timedelta(hours=0), "GMT")
ENDED = datetime(2025, 11, 21, 14, 30, tzinfo=UK)  # a Friday
PRINTED = datetime(2025, 11, 21, 15, 5, tzinfo=UK)


def nerve_root_block() -> Procedure:
    """A procedure as the loader would make it, with the facts of the Plymouth leaflet (seed 001)."""
    return Procedure(
        id="nerve-root-block",
        title="Nerve root block (spinal nerve root injection)",
        short_name="Nerve root block",
        specialty="Pain management",
        trust="University Hospitals Plymouth NHS Trust",
        department="Pain Management",
        document=DocumentControl(
            source="University Hospitals Plymouth: Nerve Root Block",
            reference="B-465/Pain Management/Nerve Root Block v3",
            version="3",
            issued=date(2023, 8, 1),
            review=date(2025, 8, 31),
            approved_by="Pain Management",
        ),
        what_it_is="An injection of local anaesthetic, with or without steroid, next to a nerve in your lower back.",
        why="To find which nerve causes your leg pain, and to ease it.",
        what_happened="The doctor numbed your skin and, using x-ray, injected medicine next to the nerve.",
        asks_side_and_level=True,
        medicines=(
            Medicine("Local anaesthetic", "numbs the nerve for a few hours"),
            Medicine("Steroid", "calms the swelling around the nerve; it takes a few days to work"),
        ),
        steps=(
            Step(
                "home",
                "Go home with an adult",
                "You must not drive yourself home. An adult must take you home and stay with you for 24 hours.",
            ),
            Step(
                "driving",
                "No driving today",
                "Your leg may be numb or weak. Do not drive or ride a bike until tomorrow morning.",
                timing=Timing(hours=0, label="Do not drive until", until_next_morning=True),
            ),
            Step(
                "dressing",
                "The small dressing",
                "Leave the dressing on your back for 24 hours. Do not worry if it falls off sooner.",
                timing=Timing(hours=24, label="You can take the dressing off after"),
            ),
            Step(
                "painkillers",
                "Your usual painkillers",
                "Keep taking your usual painkillers if you need them.\n\n- Take them as the label says.\n"
                "- Do not take extra doses.",
            ),
            Step(
                "blood-sugar",
                "Check your blood sugar",
                "The steroid can raise your blood sugar. Check it more often than usual for the next 2 days.",
                condition=Condition(all_of=frozenset({Factor.DIABETIC})),
            ),
            Step(
                "bleeding",
                "Blood thinners",
                "Restart your blood thinner as the doctor told you. Watch for bleeding or new swelling at the "
                "injection site.",
                condition=Condition(all_of=frozenset({Factor.BLOOD_THINNERS})),
            ),
            Step(
                "moving",
                "Move a little more each day",
                "Slowly increase how much you move over the next few weeks.",
            ),
        ),
        expectations=(
            Expectation("A numb or heavy leg", "This is common and wears off within a few hours."),
            Expectation("Bruised feeling in your back", "The injection site may feel bruised for a few days."),
            Expectation(
                "More pain for a few days",
                "Your pain may get worse for a few days, sometimes up to a week. Keep taking your usual painkillers.",
            ),
        ),
        red_flags=(
            RedFlag("weakness", "New weakness in your leg", ("gp", "nhs111", "pain-clinic", "ed")),
            RedFlag(
                "bowel-bladder",
                "New problems controlling your bowel or bladder, with new back pain",
                ("gp", "nhs111", "pain-clinic", "ed"),
            ),
            RedFlag("fever", "A fever (a high temperature, hot and shivery)", ("gp", "nhs111", "pain-clinic", "ed")),
        ),
        red_flag_advice="Do not wait until the morning. Call one of these:",
        risks=(
            Risk("Infection", 2000),
            Risk("Nerve injury", 5000, "some pain and weakness in the leg"),
            Risk("Dural tear", 3000, "a tear in the lining around the nerve; may need bed rest"),
            Risk("Worse symptoms at first", 20, "for a few days"),
        ),
        follow_up=FollowUp("the pain clinic", 14, 56, "If you have not heard from us by then, please ring us."),
        responsible_adult=ResponsibleAdult(
            hours=24, must_not_drive_home=True, text="An adult must take you home and stay with you for 24 hours."
        ),
        questions=(),
        contacts=(
            Contact("gp", "Your GP", None, "Surgery hours"),
            Contact("nhs111", "NHS 111", "111", "Any time, day or night"),
            Contact("pain-clinic", "Pain Clinic", "01752 437706", "Monday to Friday, office hours"),
            Contact("ed", "Derriford Emergency Department", None, "Any time", "Go there if you cannot get through"),
        ),
        content_hash="3e9b9e77ef27dea8" * 4,
        source_path="procedures/nerve-root-block.yaml",
    )


def make_record(procedure: Procedure, **changes: Any) -> DischargeRecord:
    """The suite's one made-up discharge for a sheet (Margaret, escorted by her son David); ``changes`` replace
    fields. Its creation and the escort's stay follow ``procedure_ended`` when that is given."""
    patient = changes.pop(
        "patient", Patient(name="Margaret Anne Thompson", date_of_birth=date(1948, 3, 3), hospital_number="RK123456")
    )
    ended: datetime = changes.get("procedure_ended", ENDED)
    escort = Escort(
        name="David Thompson",
        relationship="Son",
        phone="+447700900123",
        phone_display="07700 900123",
        stays_until=ended + timedelta(hours=24),
    )
    values: dict[str, Any] = {
        "record_id": "D-2025-11-21-0007",
        "created_at": ended - timedelta(hours=3),
        "patient": patient,
        "procedure_id": procedure.id,
        "procedure_version": procedure.document.version,
        "content_hash": procedure.content_hash,
        "procedure_ended": ended,
        "side_level": "Left L5",
        "medicines": ("Local anaesthetic", "Steroid"),
        "escort": escort,
    }
    values.update(changes)
    return DischargeRecord(**values)


@pytest.fixture
def procedure() -> Procedure:
    return nerve_root_block()


@pytest.fixture
def record(procedure: Procedure) -> DischargeRecord:
    return make_record(procedure)


@pytest.fixture
def config() -> WardConfig:
    return WardConfig(ward_name="Day Case Unit", trust_name="Example NHS Trust", ward_phone="01752 430000")


def pdf_pages(pdf: bytes) -> list[str]:
    """The text of each page, as a PDF reader extracts it."""
    return [page.extract_text() for page in pypdf.PdfReader(io.BytesIO(pdf)).pages]


def flat(text: str) -> str:
    """Text with line breaks and runs of spaces made single spaces, and presentation forms undone (NFKC)."""
    return re.sub(r"\s+", " ", unicodedata.normalize("NFKC", text)).strip()


@pytest.fixture
def pages() -> Callable[[bytes], list[str]]:
    return lambda pdf: [flat(page) for page in pdf_pages(pdf)]
