"""The printed sheet, read back from the real PDF: what the patient and their escort must be able to see."""

from __future__ import annotations

import io
import re
from collections.abc import Callable
from dataclasses import replace
from datetime import date

import pypdf
import pytest

from kiosk.config import WardConfig
from kiosk.content.model import Factor, Procedure
from kiosk.record.model import DischargeRecord, Patient
from kiosk.sheet import SheetError, build_sheet
from kiosk.sheet.styles import sheet_styles

from .conftest import PRINTED, make_record

Pages = Callable[[bytes], list[str]]


def test_every_page_names_the_patient_the_record_and_the_procedure(
    record: DischargeRecord, procedure: Procedure, config: WardConfig, pages: Pages
) -> None:
    """A loose page can never be mistaken for another patient's or another procedure's (H1, H3)."""
    text = pages(build_sheet(record, procedure, config, PRINTED))
    assert len(text) >= 2
    for number, page in enumerate(text, start=1):
        assert "Margaret Anne Thompson" in page
        assert "Born 3 Mar 1948" in page
        assert "Hospital no. RK123456" in page
        assert "Record D-2025-11-21-0007" in page
        assert procedure.title in page
        assert "Day Case Unit · Example NHS Trust" in page
        assert "Your discharge information" in page
        assert f"Page {number} of {len(text)}" in page


def test_a_typical_sheet_is_two_pages(
    record: DischargeRecord, procedure: Procedure, config: WardConfig, pages: Pages
) -> None:
    text = pages(build_sheet(record, procedure, config, PRINTED))
    assert len(text) == 2
    assert "Page 2 of 2" in text[1]


def test_what_was_done_shows_procedure_side_time_and_medicines(
    record: DischargeRecord, procedure: Procedure, config: WardConfig, pages: Pages
) -> None:
    whole = " ".join(pages(build_sheet(record, procedure, config, PRINTED)))
    assert "Finished at 14:30 on Fri 21 Nov 2025 · Side and level Left L5" in whole
    assert "Local anaesthetic: numbs the nerve for a few hours" in whole
    assert "Steroid: calms the swelling around the nerve" in whole


def test_the_next_hours_are_clock_times(
    record: DischargeRecord, procedure: Procedure, config: WardConfig, pages: Pages
) -> None:
    """Times computed from when the procedure ended (14:30 Fri 21 Nov), not durations to work out at night."""
    whole = " ".join(pages(build_sheet(record, procedure, config, PRINTED)))
    assert "Do not drive until 08:00 Sat 22 Nov" in whole
    assert "Someone must stay with you until 14:30 Sat 22 Nov" in whole
    assert "You can take the dressing off after 14:30 Sat 22 Nov" in whole
    assert "Follow-up appointment with the pain clinic: between 5 Dec and 16 Jan 2026" in whole


def test_red_flags_and_the_numbers_to_call_are_on_the_sheet(
    record: DischargeRecord, procedure: Procedure, config: WardConfig, pages: Pages
) -> None:
    whole = " ".join(pages(build_sheet(record, procedure, config, PRINTED)))
    assert "Get help urgently if you have any of these" in whole
    for flag in procedure.red_flags:
        assert flag.sign in whole
    assert "111 NHS 111 (Any time, day or night)" in whole
    assert "01752 437706 Pain Clinic (Monday to Friday, office hours)" in whole
    assert "Derriford Emergency Department (Go there if you cannot get through, Any time)" in whole


def test_red_flags_are_never_split_across_pages(
    record: DischargeRecord, procedure: Procedure, config: WardConfig, pages: Pages
) -> None:
    for large_print in (False, True):
        text = pages(build_sheet(replace(record, large_print=large_print), procedure, config, PRINTED))
        holding = [page for page in text if "Get help urgently" in page]
        assert len(holding) == 1
        assert all(flag.sign in holding[0] for flag in procedure.red_flags)
        assert "01752 437706" in holding[0]


def test_the_escort_is_named_with_relationship_phone_and_time(
    record: DischargeRecord, procedure: Procedure, config: WardConfig, pages: Pages
) -> None:
    whole = " ".join(pages(build_sheet(record, procedure, config, PRINTED)))
    assert "Name David Thompson (Son)" in whole
    assert "Phone 07700 900123" in whole
    assert "Stays until 14:30 Sat 22 Nov" in whole


def test_without_an_escort_the_sheet_says_so_with_the_reason(
    record: DischargeRecord, procedure: Procedure, config: WardConfig, pages: Pages
) -> None:
    alone = replace(record, escort=None, no_escort_reason="Husband arriving at 17:00")
    whole = " ".join(pages(build_sheet(alone, procedure, config, PRINTED)))
    assert "Nobody was named to stay with you (the nurse noted: Husband arriving at 17:00)." in whole
    assert "You should not be on your own until 14:30 Sat 22 Nov" in whole


def test_a_diabetic_gets_the_blood_sugar_advice_and_others_do_not(
    record: DischargeRecord, procedure: Procedure, config: WardConfig, pages: Pages
) -> None:
    diabetic = replace(record, factors=frozenset({Factor.DIABETIC}))
    assert "Check your blood sugar" in " ".join(pages(build_sheet(diabetic, procedure, config, PRINTED)))
    assert "Check your blood sugar" not in " ".join(pages(build_sheet(record, procedure, config, PRINTED)))


def test_only_the_steps_that_apply_are_printed(
    record: DischargeRecord, procedure: Procedure, config: WardConfig, pages: Pages
) -> None:
    thinners = replace(record, factors=frozenset({Factor.BLOOD_THINNERS}))
    whole = " ".join(pages(build_sheet(thinners, procedure, config, PRINTED)))
    assert "Restart your blood thinner" in whole
    assert "Check your blood sugar" not in whole
    for heading in ("Go home with an adult", "No driving today", "The small dressing", "Move a little more each day"):
        assert heading in whole


def test_what_is_normal_risks_and_contacts(
    record: DischargeRecord, procedure: Procedure, config: WardConfig, pages: Pages
) -> None:
    whole = " ".join(pages(build_sheet(record, procedure, config, PRINTED)))
    assert "What is normal afterwards" in whole
    assert "A numb or heavy leg. This is common and wears off within a few hours." in whole  # run-in heading
    assert "Infection: about 1 in 2,000." in whole
    assert "Dural tear: about 1 in 3,000. a tear in the lining around the nerve" in whole
    assert "Worse symptoms at first: about 1 in 20." in whole
    assert "01752 430000 Day Case Unit (Monday to Friday, 8am to 6pm)" in whole


def test_the_footer_gives_source_version_review_date_and_printing_time(
    record: DischargeRecord, procedure: Procedure, config: WardConfig, pages: Pages
) -> None:
    for page in pages(build_sheet(record, procedure, config, PRINTED)):
        assert "Source: University Hospitals Plymouth: Nerve Root Block" in page
        assert "Ref B-465/Pain Management/Nerve Root Block v3 · Version 3 · Review date 31 Aug 2025" in page
        assert "Printed 15:05 Fri 21 Nov 2025" in page
        assert "REVIEW OVERDUE" in page  # the leaflet's review date had passed when it was printed
        assert "REPRINT" not in page


def test_a_leaflet_within_its_review_date_is_not_marked(
    record: DischargeRecord, procedure: Procedure, config: WardConfig, pages: Pages
) -> None:
    current = replace(procedure, document=replace(procedure.document, review=date(2027, 8, 31)))
    for page in pages(build_sheet(record, current, config, PRINTED)):
        assert "Review date 31 Aug 2027" in page
        assert "OVERDUE" not in page


def test_a_reprint_says_so_on_every_page(
    record: DischargeRecord, procedure: Procedure, config: WardConfig, pages: Pages
) -> None:
    text = pages(build_sheet(record, procedure, config, PRINTED, reprint=True))
    for page in text:
        assert page.count("REPRINT") == 2  # stamped in the header and in the footer


def test_large_print_has_the_same_content_on_more_pages(
    record: DischargeRecord, procedure: Procedure, config: WardConfig, pages: Pages
) -> None:
    normal = pages(build_sheet(record, procedure, config, PRINTED))
    large = pages(build_sheet(replace(record, large_print=True), procedure, config, PRINTED))
    assert len(large) > len(normal)
    whole = " ".join(large)
    for expected in (
        "Do not drive until 08:00 Sat 22 Nov",
        "Someone must stay with you until 14:30 Sat 22 Nov",
        "01752 437706",
        "Name David Thompson",
        "Infection: about 1 in 2,000.",
        f"Page {len(large)} of {len(large)}",
    ):
        assert expected in whole
    for page in large:
        assert "Margaret Anne Thompson" in page and "Record D-2025-11-21-0007" in page


def test_large_print_body_text_is_16_to_18_points() -> None:
    assert 16 <= sheet_styles(True).body.fontSize <= 18
    assert sheet_styles(False).body.fontSize < 16


def _font_names(pdf: bytes) -> set[str]:
    names: set[str] = set()
    for page in pypdf.PdfReader(io.BytesIO(pdf)).pages:
        fonts = page["/Resources"]["/Font"]
        for ref in fonts.values():
            names.add(str(ref.get_object()["/BaseFont"]))
        for xobject in page["/Resources"].get("/XObject", {}).values():
            for ref in xobject.get_object()["/Resources"]["/Font"].values():
                names.add(str(ref.get_object()["/BaseFont"]))
    return names


def test_every_font_is_the_embedded_unicode_font(
    record: DischargeRecord, procedure: Procedure, config: WardConfig
) -> None:
    """No text falls back to reportlab's Latin-1 Helvetica, which cannot print most of the world's names (H7)."""
    names = _font_names(build_sheet(record, procedure, config, PRINTED))
    assert names
    assert all("DejaVuSans" in name for name in names), names


def test_the_sheet_refuses_another_procedures_content(
    record: DischargeRecord, procedure: Procedure, config: WardConfig
) -> None:
    """H1: never print advice from a procedure other than the one the record names."""
    other = replace(procedure, id="nerve-root-injection", title="Nerve root injection")
    with pytest.raises(SheetError, match="is for procedure 'nerve-root-block', not 'nerve-root-injection'"):
        build_sheet(record, other, config, PRINTED)


def test_the_sheet_refuses_content_that_changed_since_the_discharge(
    record: DischargeRecord, procedure: Procedure, config: WardConfig
) -> None:
    """H1: the same procedure edited after the patient saw it must not be printed as if they had seen it."""
    edited = replace(procedure, content_hash="0" * 64)
    with pytest.raises(SheetError, match="has changed since record D-2025-11-21-0007 was made"):
        build_sheet(record, edited, config, PRINTED)
    with pytest.raises(SheetError):
        build_sheet(replace(record, content_hash=""), replace(procedure, content_hash=""), config, PRINTED)


def test_markup_in_names_is_printed_as_typed(procedure: Procedure, config: WardConfig, pages: Pages) -> None:
    """A name is text, never instructions to the PDF: no bigger font, no image, no error."""
    name = '<font size="40">Bob</font> <img src="x.png"/> & Sons'
    patient = Patient(name=name, date_of_birth=date(1950, 1, 1), hospital_number="<b>H1</b>")
    text = pages(build_sheet(make_record(procedure, patient=patient), procedure, config, PRINTED))
    for page in text:
        assert name in page
        assert "Hospital no. <b>H1</b>" in page


def test_the_pdf_is_the_same_for_the_same_record(
    record: DischargeRecord, procedure: Procedure, config: WardConfig
) -> None:
    """A reprint of a record differs only by its stamp; caching content between sheets changes nothing."""
    first = build_sheet(record, procedure, config, PRINTED)
    other = make_record(procedure, patient=Patient("Someone Else", date(1960, 2, 2), "ZZ9"))
    build_sheet(other, procedure, config, PRINTED)
    assert build_sheet(record, procedure, config, PRINTED) == first


def test_nothing_about_a_patient_is_kept_between_sheets(
    record: DischargeRecord, procedure: Procedure, config: WardConfig
) -> None:
    """H3: content is cached between sheets for speed; the patient's and escort's details never are."""
    from kiosk.sheet import paragraphs

    build_sheet(replace(record, no_escort_reason=None), procedure, config, PRINTED)
    kept = " ".join(key[0] for key in paragraphs._shared_frags) + " ".join(key[0] for key in paragraphs._shared_lines)
    assert procedure.steps[0].heading in kept
    for detail in ("Margaret", "Thompson", "RK123456", "D-2025-11-21-0007", "1948", "07700", "David", "Left L5"):
        assert detail not in kept


def test_content_longer_than_a_page_still_flows_onto_more_pages(
    record: DischargeRecord, procedure: Procedure, config: WardConfig, pages: Pages
) -> None:
    """A red-flag list or a step taller than a whole page continues on the next page instead of failing."""
    flags = tuple(replace(procedure.red_flags[0], id=f"flag-{n}", sign=f"Warning sign number {n}") for n in range(40))
    long_step = replace(procedure.steps[0], text="A very long step. " * 400)
    huge = replace(procedure, red_flags=flags, steps=(long_step, *procedure.steps[1:]))
    text = pages(build_sheet(replace(record, large_print=True), huge, config, PRINTED))
    whole = " ".join(text)
    assert "Get help urgently (continued)" in whole
    for n in range(40):
        assert f"Warning sign number {n}" in whole
    assert len(re.findall(r"\bvery\b", whole)) == 400  # every word of the step, whichever page it fell on
    assert f"Page {len(text)} of {len(text)}" in text[-1]
