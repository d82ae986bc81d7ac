"""The sheet's layout, read back from the real PDF for both shipped procedures (issue 14).

Page 1 is the one that goes on the fridge: it holds the warning box and the patient's own times, in both print
sizes. Normal print is 2 pages for the README's sample patient (``main.py sheet``'s defaults), a reprint and a
300-character name; large print at most 4. No last page holds only a line or two. Body text is at least 12 pt
(RNIB clear print) and 16 pt in large print. On main the box was mid-page 2 (page 4 of 5 in large print), the
sheet ran to 3 pages and the body was 11.5 pt.
"""

from __future__ import annotations

import argparse
import io
from dataclasses import replace
from datetime import datetime
from functools import cache
from zoneinfo import ZoneInfo

import pypdf
import pytest

from kiosk.commands import sheet as sheet_command
from kiosk.config import WardConfig
from kiosk.content.loader import Library, load_library
from kiosk.content.model import Procedure
from kiosk.sheet import build_sheet

LONDON = ZoneInfo("Europe/London")
NOW = datetime(2026, 11, 21, 16, 0, tzinfo=LONDON)
LONG_NAME = " ".join(["Bartholomew-Maximilian Fitzwilliam-Throckmorton"] * 6) + " " + "X" * 12
PROCEDURES = ["nerve-root-block", "nerve-root-injection"]
BOX = "Get help urgently"
CONFIG = WardConfig(ward_name="Day Case Unit", trust_name="Example NHS Trust", ward_phone="0114 000 0000")


@cache
def library() -> Library:
    return load_library(today=NOW.date())


def _args(*extra: str) -> argparse.Namespace:
    """The ``main.py sheet`` command's own options, as the README's example patient gets them."""
    parser = argparse.ArgumentParser()
    sheet_command.add_arguments(parser)
    return parser.parse_args(
        [
            "--procedure",
            "x",
            "--out",
            "x.pdf",
            "--ended",
            "2026-11-21 14:30",
            "--escort-name",
            "David Thompson",
            "--escort-phone",
            "07700 900123",
            "--side-level",
            "Left L5",
            *extra,
        ]
    )


def _pdf(procedure: Procedure, *extra: str) -> pypdf.PdfReader:
    args = _args(*extra)
    record = sheet_command.sample_record(args, procedure, NOW)
    record = replace(record, procedure_ended=record.procedure_ended.replace(tzinfo=LONDON))
    pdf = build_sheet(record, procedure, CONFIG, NOW, reprint=args.reprint)
    return pypdf.PdfReader(io.BytesIO(pdf))


def _texts(reader: pypdf.PdfReader) -> list[str]:
    return [page.extract_text() for page in reader.pages]


ALL_FACTORS = ("--factor", "diabetic", "--factor", "blood-thinners", "--factor", "sedation")
NORMAL_CASES = {
    "sample": (),
    "reprint": ("--reprint",),
    "long-name": ("--name", LONG_NAME),
    "every-factor": ALL_FACTORS,
}
# A 300-character name on a reprint with every factor may take a third page, but never a near-empty one.
WORST = ("--name", LONG_NAME, "--reprint", *ALL_FACTORS)


@pytest.mark.parametrize("case", list(NORMAL_CASES))
@pytest.mark.parametrize("procedure_id", PROCEDURES)
def test_normal_print_is_two_pages_with_the_box_and_times_on_page_1(procedure_id: str, case: str) -> None:
    pages = _texts(_pdf(library().get(procedure_id), *NORMAL_CASES[case]))
    assert len(pages) == 2, f"{procedure_id} {case}: {len(pages)} pages"
    assert BOX in pages[0]
    assert "Someone must stay with you until" in pages[0]
    assert "Do not drive until" in pages[0]


@pytest.mark.parametrize("extra", [(), WORST], ids=["sample", "worst"])
@pytest.mark.parametrize("procedure_id", PROCEDURES)
def test_large_print_is_at_most_four_pages_with_the_box_on_page_1(procedure_id: str, extra: tuple[str, ...]) -> None:
    pages = _texts(_pdf(library().get(procedure_id), "--large-print", *extra))
    assert len(pages) <= 4
    assert BOX in pages[0]
    assert "Someone must stay with you until" in pages[0]


def _body_lines(pages: list[str]) -> list[str]:
    """The last page's own lines: without the header and footer lines every page repeats, and "Page X of Y"."""
    repeated = set(pages[0].splitlines())
    return [line for line in pages[-1].splitlines() if line.strip() and line not in repeated and "Page " not in line]


@pytest.mark.parametrize("large", [False, True], ids=["normal", "large"])
@pytest.mark.parametrize("procedure_id", PROCEDURES)
def test_no_last_page_holds_only_a_line_or_two(procedure_id: str, large: bool) -> None:
    extra = ("--large-print",) if large else ()
    for case in (*NORMAL_CASES.values(), WORST):
        pages = _texts(_pdf(library().get(procedure_id), *extra, *case))
        assert len(pages) == 1 or len(_body_lines(pages)) >= 6, f"{procedure_id} {case}: {_body_lines(pages)}"


def _sizes_of(reader: pypdf.PdfReader, wanted: list[str]) -> dict[str, float]:
    """The font size each wanted text was drawn at (the first run that starts it)."""
    found: dict[str, float] = {}

    def visit(text: str, cm: list[float], tm: list[float], font: object, size: float) -> None:
        for want in wanted:
            if want not in found and text.strip() and want.startswith(text.strip()[:15]):
                found[want] = size * abs(tm[3]) * abs(cm[3])

    for page in reader.pages:
        page.extract_text(visitor_text=visit)
    return found


@pytest.mark.parametrize(("large", "minimum"), [(False, 12), (True, 16)], ids=["normal", "large"])
@pytest.mark.parametrize("procedure_id", PROCEDURES)
def test_body_text_is_at_least_12_pt_and_16_pt_in_large_print(procedure_id: str, large: bool, minimum: int) -> None:
    procedure = library().get(procedure_id)
    reader = _pdf(procedure, *(("--large-print",) if large else ()))
    wanted = [flag.sign for flag in procedure.red_flags] + [e.text.split(".")[0] for e in procedure.expectations]
    sizes = _sizes_of(reader, wanted)
    assert len(sizes) >= len(wanted) // 2, sizes
    assert min(sizes.values()) >= minimum, sizes


def test_a_much_longer_procedure_still_has_the_box_on_page_1() -> None:
    """Content written to the schema with three times the steps and expectations (on main: page 4 of 5)."""
    procedure = library().get("nerve-root-block")
    longer = replace(
        procedure,
        steps=tuple(replace(step, id=f"{step.id}-{n}") for n in range(3) for step in procedure.steps),
        expectations=procedure.expectations * 3,
        content_hash="x" * 64,
    )
    for extra in ((), ("--large-print",)):
        pages = _texts(_pdf(longer, *extra))
        assert BOX in pages[0]
        assert "Someone must stay with you until" in pages[0]
