"""A Polish and an Urdu patient from welcome to thank you reading the procedure's own text in their language, and
hearing each screen in it (issue 17's "Done when", the screens' side).

Real procedures and translation files, the real loader (``kiosk.content.localised``, wired by ``build_flow``),
real widgets. What each screen shows is compared with the translation file itself, not with the loader's output.
Read aloud uses Qt's mock engine (as the suite does): it has voices for English, Norwegian and Finnish only
(en_GB, en_US, nb_NO, nn_NO, fi_FI), so the test hands it the British voice to carry the Polish and Urdu words.
"""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import replace
from pathlib import Path
from typing import Any

import pytest
import shiboken6
import yaml
from PySide6.QtWidgets import QAbstractButton, QLabel
from pytestqt.qtbot import QtBot

from kiosk.discharge.flow import ScreenKind
from kiosk.discharge.new_discharge import NewDischarge
from kiosk.ui.read_aloud import ReadAloud
from tests.discharge_support import BLOCK, INJECTION, new_discharge
from tests.ui.bidi_layout import x_of
from tests.ui.driver import Kiosk

TRANSLATIONS = Path(__file__).parents[2] / "procedures" / "translations"
REASON = "Interpreter agreed the draft translation with the patient"
FSI, PDI, LRI = "\u2068", "\u2069", "\u2066"
ENGLISH_NAMES = set("Mon Tue Wed Thu Fri Sat Sun Jan Feb Mar Apr May Jun Jul Aug Sep Oct Nov Dec".split())


def translation(procedure_id: str, code: str) -> Any:
    return yaml.safe_load((TRANSLATIONS / f"{procedure_id}.{code}.yaml").read_text(encoding="utf-8"))["text"]


def shown_texts(kiosk: Kiosk) -> list[str]:
    """Every text a patient can see on the screen now: labels and buttons (bidi isolates taken out)."""
    page = kiosk.screen
    widgets = [w for w in page.findChildren(QLabel) if w.isVisibleTo(page)]
    texts = [w.text() for w in widgets] + [b.text() for b in page.findChildren(QAbstractButton) if b.isVisibleTo(page)]
    return [t.replace(FSI, "").replace(PDI, "").replace(LRI, "") for t in texts if t.strip()]


def label_text(kiosk: Kiosk, name: str) -> str:
    found = kiosk.screen.findChild(QLabel, name)
    assert found is not None, name
    return found.text().replace(FSI, "").replace(PDI, "").replace(LRI, "")


def on_screen(kiosk: Kiosk, text: str) -> bool:
    return any(text in shown for shown in shown_texts(kiosk))


# (language, procedure, how the language is chosen, the nurse's form)
POLISH = (
    "pl",
    BLOCK,
    "preset",
    replace(new_discharge(BLOCK), language="pl", expired_reason=REASON, draft_translation=True),
)
# The Sheffield content is itself a DRAFT: the nurse's reason for it covers a draft translation too (H2).
URDU = ("ur", INJECTION, "welcome", new_discharge(INJECTION, expired_reason=REASON))


def walk(kiosk: Kiosk, text: Any, visit: Any = None) -> list[ScreenKind]:
    """From the welcome screen to thank you, checking each screen's content against the translation ``text``
    (one wrong answer on each question, for its feedback); ``visit(kind)`` runs on every screen first."""
    seen: list[ScreenKind] = []
    assert kiosk.screen.banner.title.text() == text["title"]  # type: ignore[attr-defined]
    if visit is not None:
        visit(ScreenKind.WELCOME)
    kiosk.click("start")
    while True:
        walk_ = kiosk.session.walk
        assert walk_ is not None
        screen = walk_.current
        kind = screen.kind
        seen.append(kind)
        if visit is not None:
            visit(kind)
        if kind is ScreenKind.STEP:
            assert screen.step is not None
            wanted = text["steps"][screen.step.id]
            assert label_text(kiosk, "step-heading") == wanted["heading"]
            assert label_text(kiosk, "step-text") == wanted["text"]
            if "timing" in wanted:
                timing = kiosk.screen.findChild(QLabel, "step-timing").text()
                assert timing.startswith(wanted["timing"]["label"]), timing
                # The clock time in the patient's language too, not the sheet's English "Tue 24 Nov".
                assert not set(timing.replace(FSI, " ").replace(PDI, " ").split()) & ENGLISH_NAMES, timing
            kiosk.understand()
        elif kind is ScreenKind.QUESTION:
            assert screen.question is not None
            wanted = text["questions"][screen.question.id]
            assert label_text(kiosk, "question") == wanted["question"]
            for index, option in enumerate(wanted["options"]):
                assert kiosk.button(f"option-{index}").text().replace(LRI, "").replace(PDI, "") == option
            wrong = next(i for i in range(len(wanted["options"])) if i != screen.question.answer)
            kiosk.click(f"option-{wrong}")
            assert on_screen(kiosk, wanted["explanation"]), shown_texts(kiosk)  # the feedback
            kiosk.click("next")  # try again
            kiosk.click(f"option-{screen.question.answer}")
            kiosk.click("next")
        elif kind is ScreenKind.WARNING_SIGNS:
            for sign in text["red_flags"].values():
                assert on_screen(kiosk, sign["sign"]), (sign, shown_texts(kiosk))
            assert on_screen(kiosk, text["red_flag_advice"])
            kiosk.understand()
        elif kind is ScreenKind.ESCORT:
            assert on_screen(kiosk, text["responsible_adult"]["text"]), shown_texts(kiosk)
            kiosk.fill_escort()
            kiosk.click("confirm-escort")
        elif kind is ScreenKind.THANK_YOU:
            return seen


def hand_over(kiosk: Kiosk, code: str, how: str, new: NewDischarge) -> None:
    kiosk.hand_over(new)
    if how == "welcome":
        kiosk.click(f"language-{code}")
    assert kiosk.session.walk is not None and kiosk.session.walk.language == code


@pytest.mark.parametrize(("code", "procedure_id", "how", "new"), [POLISH, URDU], ids=["pl-preset", "ur-welcome"])
def test_every_screen_shows_the_procedure_from_its_translation_file(
    qtbot: QtBot, tmp_path: Path, code: str, procedure_id: str, how: str, new: NewDischarge
) -> None:
    kiosk = Kiosk(qtbot, tmp_path)
    hand_over(kiosk, code, how, new)
    seen = walk(kiosk, translation(procedure_id, code))
    assert {ScreenKind.STEP, ScreenKind.QUESTION, ScreenKind.WARNING_SIGNS, ScreenKind.ESCORT} <= set(seen)
    assert seen[-1] is ScreenKind.THANK_YOU
    assert on_screen(kiosk, kiosk.session.record().patient.first_name)


@pytest.fixture
def mock_voice(qtbot: QtBot) -> Iterator[ReadAloud]:
    speech = ReadAloud("mock")
    qtbot.waitUntil(lambda: speech.available, timeout=5000)
    yield speech
    speech.shut_down()
    shiboken6.delete(speech)


@pytest.mark.parametrize(("code", "procedure_id", "how", "new"), [POLISH, URDU], ids=["pl-preset", "ur-welcome"])
def test_read_aloud_speaks_every_screen_in_the_patients_language_and_no_identifier(
    qtbot: QtBot, tmp_path: Path, mock_voice: ReadAloud, code: str, procedure_id: str, how: str, new: NewDischarge
) -> None:
    """Every screen's "Read this to me" sends its words in the patient's language, from the translation file, with
    the first name and nothing else that identifies the patient; the next tap stops it. The mock engine has no
    Polish or Urdu voice (the button hides: test_read_aloud), so here its British voice carries the words; that
    espeak-ng really speaks a translated screen is test_speech_wav's."""
    kiosk = Kiosk(qtbot, tmp_path, read_aloud=mock_voice)
    hand_over(kiosk, code, how, new)
    assert not mock_voice.available  # no Polish or Urdu voice in the mock engine: the button is hidden
    mock_voice.set_language("en_GB")
    text = translation(procedure_id, code)
    patient = kiosk.session.record().patient
    spoken: dict[ScreenKind, str] = {}

    def listen(kind: ScreenKind) -> None:
        assert kiosk.button("banner-read-aloud").isVisible(), f"no voice for {code} on the {kind} screen"
        with qtbot.waitSignal(mock_voice.spoken) as said:
            kiosk.click("banner-read-aloud")
        words = str(said.args[0])
        spoken.setdefault(kind, words)
        assert patient.name.split()[-1] not in words and patient.hospital_number not in words
        kiosk.click("banner-read-aloud")  # the next tap stops it
        assert not mock_voice.speaking

    walk(kiosk, text, listen)
    first_step = next(iter(text["steps"].values()))
    first_question = next(iter(text["questions"].values()))
    first_sign = next(iter(text["red_flags"].values()))["sign"]
    assert first_step["heading"] in spoken[ScreenKind.STEP]
    assert first_question["question"] in spoken[ScreenKind.QUESTION]
    assert first_sign in spoken[ScreenKind.WARNING_SIGNS]
    assert text["responsible_adult"]["text"] in spoken[ScreenKind.ESCORT]
    assert patient.first_name in spoken[ScreenKind.WELCOME] and patient.first_name in spoken[ScreenKind.THANK_YOU]


def _lines(text: str, width: float) -> list[str]:
    """``text`` as Qt wraps it in a box ``width`` pixels wide (a QLabel with word wrap)."""
    from PySide6.QtGui import QFont, QTextLayout, QTextOption

    layout = QTextLayout(text, QFont("DejaVu Sans", 20))
    option = QTextOption()
    option.setWrapMode(QTextOption.WrapMode.WordWrap)
    layout.setTextOption(option)
    layout.beginLayout()
    lines = []
    while (line := layout.createLine()).isValid():
        line.setLineWidth(width)
        lines.append(text[line.textStart() : line.textStart() + line.textLength()])
    layout.endLayout()
    return lines


def test_a_phone_number_in_a_wrapped_contact_line_stays_on_one_line(qapp: object) -> None:
    """Seen on the Urdu warning signs at 1280x800: "0114" ended one line and "263 2115" began the next."""
    from kiosk.ui.patient.warning_signs import group_text
    from tests.discharge_support import procedure

    english = procedure(INJECTION)
    box = group_text(english, "", ["sign"], "", ("spinal-service",))
    line = next(text for text in box.splitlines() if "2115" in text)
    assert "0114\u00a0263\u00a02115" in line
    number = "0114 263 2115"
    for width in range(200, 900, 10):
        assert any("0114\u00a0263\u00a02115" in wrapped for wrapped in _lines(line, width)), width
    # Without the no-break spaces, some widths split it (what the screen did).
    assert any(
        not any(number in wrapped for wrapped in _lines(line.replace("\u00a0", " "), width))
        for width in range(200, 900, 10)
    )


def test_a_phone_number_in_translated_urdu_text_is_drawn_in_its_own_order(qtbot: QtBot, tmp_path: Path) -> None:
    """Seen on the Urdu feedback screen: "01752 437706" in the translated explanation drawn "437706 01752" (the
    space between the groups takes the sentence's direction). The screens isolate each grouped number."""
    kiosk = Kiosk(qtbot, tmp_path)
    code, _, how, new = URDU
    hand_over(kiosk, code, how, new)
    walk_ = kiosk.session.walk
    assert walk_ is not None
    kiosk.click("start")
    while (screen := walk_.current).kind is not ScreenKind.QUESTION or "0114" not in (
        screen.question.explanation if screen.question else ""
    ):
        if screen.kind is ScreenKind.QUESTION:
            assert screen.question is not None
            kiosk.click(f"option-{screen.question.answer}")
            kiosk.click("next")
        else:
            kiosk.understand()
    assert screen.question is not None
    kiosk.click(f"option-{1 - screen.question.answer}")
    shown = label_raw(kiosk, "explanation")
    assert f"{LRI}0114 263 2115{PDI}" in shown
    # Inside each group (two characters in), not at its edge, where a cursor between two runs is ambiguous.
    assert x_of(shown, shown.index("0114") + 2) < x_of(shown, shown.index("2115") + 2), "drawn left to right"
    bare = shown.replace(LRI, "").replace(PDI, "")
    assert x_of(bare, bare.index("0114") + 2) > x_of(bare, bare.index("2115") + 2), "without it, they swap"
    # The record and what is dialled are untouched: the walk's ids and the contact's number are the English file's.
    assert walk_.content.contact("spinal-service").number == walk_.procedure.contact("spinal-service").number


def label_raw(kiosk: Kiosk, name: str) -> str:
    found = kiosk.screen.findChild(QLabel, name)
    assert found is not None, name
    return found.text()
