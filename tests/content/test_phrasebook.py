"""The words code writes (urgency titles, routes, opening hours, "and until", day and month names, risk
frequencies) in every language, from one table for screen and sheet (``kiosk.content.phrasebook``)."""

from __future__ import annotations

import re
from datetime import UTC, datetime, time
from zoneinfo import ZoneInfo

import pytest

from kiosk import paths
from kiosk.advice_text import contact_details, contact_line, group_title, level_word, route_text, sign_groups
from kiosk.content.loader import load_procedure
from kiosk.content.model import Frequency, OpeningHours, RiskForm, Timing, Urgency, WarningGroup, format_risk
from kiosk.content.phrasebook import ENGLISH, ENGLISH_CODE, fields, languages, phrases
from kiosk.languages import LANGUAGES
from kiosk.record.timeline import TimelineEntry, entry, format_clock, format_date, format_day

LONDON = ZoneInfo("Europe/London")
EXAMPLE = load_procedure(paths.PROJECT_ROOT / "tests" / "content" / "examples" / "caudal-epidural.yaml")
TRANSLATED = [code for code in LANGUAGES if code != ENGLISH_CODE]


def test_every_language_the_kiosk_offers_has_every_word_day_and_month_with_the_same_fields() -> None:
    """A language that lacks a word fails here (at run time it would print that word in English)."""
    assert set(languages()) == set(LANGUAGES)
    for code in languages():
        words = phrases(code)
        assert set(words.words) == set(ENGLISH), code
        for key, english in ENGLISH.items():
            assert words.words[key].strip(), (code, key)
            assert fields(words.words[key]) == fields(english), (code, key)
        assert len(words.days) == 7 and len(set(words.days)) == 7, code
        assert len(words.months) == 12 and len(set(words.months)) == 12, code
        assert all(name.strip() for name in words.days + words.months), code
        # No figures in the words: every number comes from the content or the clock, unchanged.
        assert not any(re.search(r"\d", word) for word in words.days + words.months), code
    for urgency in Urgency:
        assert urgency.value in ENGLISH, "an urgency without its word"


def test_right_to_left_brackets_hold_figures_only() -> None:
    """The sheet orders a right-to-left line word by word (``sheet.rtl``): "(5% سے 10%)" printed its brackets
    apart from each other, so in Urdu and Arabic a bracket holds no letters."""
    for code in ("ur", "ar"):
        for template in phrases(code).words.values():
            for inside in re.findall(r"\(([^)]*)\)", template):
                assert not re.search("[\u0600-\u06ff]", inside), (code, template)


def test_a_language_lacking_a_word_prints_the_english_word_not_a_blank() -> None:
    from dataclasses import replace

    words = replace(phrases("pl"), words={"urgent": "PILNE"})
    assert words["urgent"] == "PILNE" and words["every_day"] == "Every day"
    assert phrases("xx") is phrases(ENGLISH_CODE)


@pytest.mark.parametrize(
    ("frequency", "english"),
    [
        (Frequency(RiskForm.ONE_IN, 2000), "about 1 in 2,000"),
        (Frequency(RiskForm.LESS_THAN, 1000), "less than 1 in 1,000"),
        (Frequency(RiskForm.RANGE, 100, 50), "between 1 in 100 and 1 in 50"),
        (Frequency(RiskForm.PERCENT, 5), "about 5 in 100 (5%)"),
        (Frequency(RiskForm.PERCENT, 0.5), "about 1 in 200 (0.5%)"),
        (Frequency(RiskForm.PERCENT, 2, 5), "between 2 and 5 in 100 (2% to 5%)"),
    ],
)
def test_every_form_of_a_risk_is_said_in_every_language_with_the_same_figures(
    frequency: Frequency, english: str
) -> None:
    assert format_risk(frequency) == english
    figures = re.findall(r"[\d,.]+%?", english)
    for code in TRANSLATED:
        said = format_risk(frequency, code)
        assert said != english, code
        assert sorted(re.findall(r"[\d,.]+%?", said)) == sorted(figures), (code, said)
    assert format_risk(Frequency(RiskForm.LESS_THAN, 1000), "pl") == "mniej niż 1 na 1,000"
    assert format_risk(Frequency(RiskForm.PERCENT, 2, 5), "ur") == "100 میں سے 2 اور 5 کے درمیان (2%–5%)"


def test_every_risk_of_the_worked_example_has_its_translated_form() -> None:
    for risk in EXAMPLE.risks:
        assert risk.frequency_in("en") == risk.frequency
        assert risk.frequency_in("ro") != risk.frequency


@pytest.mark.parametrize(
    ("at", "english", "polish", "urdu"),
    [
        # 24 hours after 08:00 Sat 28 Mar 2026 is 09:00 Sun 29 Mar: the clocks went forward at 01:00 GMT.
        (datetime(2026, 3, 28, 8, 0, tzinfo=UTC), "09:00 Sun 29 Mar", "09:00 niedz. 29 mar", "09:00 اتوار 29 مارچ"),
        # 24 hours after 08:00 BST Sat 24 Oct 2026 is 07:00 GMT Sun 25 Oct: the clocks went back at 02:00 BST.
        (datetime(2026, 10, 24, 7, 0, tzinfo=UTC), "07:00 Sun 25 Oct", "07:00 niedz. 25 paź", "07:00 اتوار 25 اکتوبر"),
    ],
    ids=["spring-forward", "fall-back"],
)
def test_translated_times_across_both_2026_clock_changes_are_24_real_hours_on_the_wall_clock(
    at: datetime, english: str, polish: str, urdu: str
) -> None:
    timing = Timing(hours=24, label="Do not drive until")
    moment = entry(timing, at, LONDON, "no-driving")
    assert format_clock(moment.at, zone=LONDON) == english
    assert format_clock(moment.at, zone=LONDON, language="pl") == polish
    assert format_clock(moment.at, zone=LONDON, language="ur") == urdu
    assert (moment.at - at).total_seconds() == 24 * 3600
    arabic = format_clock(moment.at, zone=LONDON, language="ar")
    assert arabic.startswith(english[:5]) and "الأحد" in arabic


def test_next_morning_across_the_spring_change_is_08_00_in_every_language() -> None:
    ended = datetime(2026, 3, 28, 23, 30, tzinfo=UTC)  # 23:30 GMT Sat; next morning 08:00 BST Sun
    timing = Timing(hours=0, label="Nie prowadź samochodu do", until_next_morning=True, and_until="zniknie drętwienie")
    moment = entry(timing, ended, LONDON, "no-driving")
    assert moment.sentence_in("pl") == "Nie prowadź samochodu do 08:00 niedz. 29 mar i dopóki zniknie drętwienie"
    assert moment.sentence.endswith("08:00 Sun 29 Mar and until zniknie drętwienie")
    assert moment.qualifier_in("ar") == "وحتى zniknie drętwienie"


def test_days_and_dates_in_a_language() -> None:
    day = datetime(2026, 10, 25).date()
    assert format_day(day, language="ro") == "25 oct."
    assert format_day(day, year=2025, language="pa") == "25 ਅਕਤੂਬਰ 2026"
    assert format_date(day, "ar") == "الأحد 25 أكتوبر 2026"
    assert format_date(day) == "Sun 25 Oct 2026"


def test_an_entry_keeps_its_english_sentence_for_english_callers() -> None:
    at = datetime(2026, 3, 29, 8, 0, tzinfo=LONDON)
    item = TimelineEntry("Do not drive until", at, "no-driving", "the numbness has gone")
    assert item.sentence == "Do not drive until 08:00 Sun 29 Mar and until the numbness has gone"
    assert item.sentence_in("en") == item.sentence


def test_urgency_titles_in_every_language() -> None:
    group = WarningGroup(Urgency.EMERGENCY, "Zadzwoń pod 999", "", (), ())
    assert group_title(group) == "⚠ EMERGENCY: Zadzwoń pod 999"
    assert group_title(group, "pl") == "⚠ NAGŁY WYPADEK: Zadzwoń pod 999"
    for code in TRANSLATED:
        words = {level_word(urgency, code) for urgency in Urgency}
        assert len(words) == 3, code  # three levels, three words: never told apart by the shape alone
        assert level_word(Urgency.EMERGENCY, code) != level_word(Urgency.EMERGENCY), code
    titles = [title for title, *_ in sign_groups(EXAMPLE, "ar")]
    assert titles[0].startswith("⚠ طوارئ: ")


def test_opening_hours_and_the_route_when_closed_are_in_the_language() -> None:
    weekdays = OpeningHours(frozenset(range(5)), time(8, 0), time(17, 0))
    assert weekdays.text == "Mon to Fri, 08:00 to 17:00"
    assert weekdays.text_in("pl") == "pon.–pt., od 08:00 do 17:00"
    assert weekdays.text_in("ur") == "پیر سے جمعہ، 08:00 سے 17:00"
    every = OpeningHours(frozenset(range(7)), time(7, 0), time(21, 0))
    assert every.text_in("ro") == "În fiecare zi, de la 07:00 la 21:00"
    some = OpeningHours(frozenset({0, 2}), time(9, 0), time(12, 0))
    assert some.text_in("pa") == "ਸੋਮ, ਬੁੱਧ, 09:00 ਤੋਂ 12:00"
    routed = [contact for contact in EXAMPLE.contacts if contact.open is not None and contact.otherwise]
    assert routed, "the worked example has a contact with hours and a route"
    for contact in routed:
        assert route_text(EXAMPLE, contact).startswith("at other times: NHS 111")
        assert route_text(EXAMPLE, contact, "pl").startswith("w innych godzinach: NHS 111")
        polish = contact_details(EXAMPLE, contact, "pl")
        assert "at other times" not in polish  # (its ``hours`` are the author's words: the translation's)
        # The number is the English file's, unchanged, in every language.
        if contact.dial:
            assert contact.dial in contact_line(EXAMPLE, contact.id, language="ar")


def test_approval_review_and_birth_dates_share_one_formatter() -> None:
    """ "1 Aug 2023" for content approval, translation approval and date of birth alike, in English for staff
    (``%b`` followed the machine's locale)."""
    from dataclasses import replace

    from kiosk.content.phrasebook import day_month_year
    from kiosk.content.translation import Translation
    from kiosk.record.timeline import format_dob

    day = datetime(2023, 8, 1).date()
    assert day_month_year(day) == format_dob(day) == "1 Aug 2023"
    document = replace(EXAMPLE.document, approved=True, approved_on=day, approved_by="Pain Clinic")
    assert document.approval == "Approved by Pain Clinic on 1 Aug 2023"
    translation = Translation("x.pl.yaml", "x", "pl", "", "AI", "J. Nowak", True, day, "", {})
    assert translation.approval == "Translation approved by J. Nowak on 1 Aug 2023"
