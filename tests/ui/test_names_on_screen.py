"""Names in every script on the screens: "Hello, 王秀英" on the welcome screen and in the nurse's list are drawn
with real glyphs from a font that has them (the Noto fonts through fontconfig, after DejaVu Sans), never as
empty boxes; and the nurse is warned on the new-discharge form when the sheet cannot print a name.

Each label's text is laid out with the label's own (stylesheet) font, as Qt paints it; every glyph run must come
from a font other than DejaVu Sans for these names, and no glyph may be 0 (.notdef, the empty box).
"""

from __future__ import annotations

from PySide6.QtGui import QTextLayout
from PySide6.QtWidgets import QLabel
from pytestqt.qtbot import QtBot

from kiosk.record.model import DischargeState
from kiosk.ui.nurse.home import NurseHomeScreen
from kiosk.ui.nurse.new_discharge import NewDischargeScreen
from kiosk.ui.patient.welcome import WelcomeScreen
from tests.ui.nurse.records import NOW, record

NAMES = ["王秀英", "राम शर्मा", "ਗੁਰਪ੍ਰੀਤ ਸਿੰਘ", "সুমন রায়", "ભાવેશ પટેલ", "முருகன்", "สมชาย ใจดี", "عائشہ خان", "김민준"]


def _families_drawing(label: QLabel) -> set[str]:
    """The font families Qt draws the label's text with; fails on any .notdef glyph or unsupported character."""
    label.ensurePolished()
    layout = QTextLayout(label.text(), label.font())
    layout.beginLayout()
    while layout.createLine().isValid():
        pass
    layout.endLayout()
    families: set[str] = set()
    for run in layout.glyphRuns():
        raw = run.rawFont()
        assert 0 not in run.glyphIndexes(), f"an empty box in {label.text()!r} ({raw.familyName()})"
        families.add(raw.familyName())
    glyphs = sum(len(run.glyphIndexes()) for run in layout.glyphRuns())
    letters = sum(1 for ch in label.text() if not ch.isspace())
    assert glyphs >= letters // 2  # shaped scripts join letters into fewer glyphs, never into none
    return families


def test_hello_in_chinese_on_the_welcome_screen_is_drawn_with_real_glyphs(qtbot: QtBot) -> None:
    screen = WelcomeScreen()
    qtbot.addWidget(screen)
    screen.show()
    for name in NAMES:
        screen.show_welcome(name, 4)
        assert screen.greeting.text() == f"Hello, {name}"
        families = _families_drawing(screen.greeting)
        assert families - {"DejaVu Sans"}, f"{name}: drawn only in DejaVu Sans, which lacks it"


def test_a_chinese_name_in_the_nurses_list_is_drawn_with_real_glyphs(qtbot: QtBot) -> None:
    screen = NurseHomeScreen()
    qtbot.addWidget(screen)
    screen.show()
    screen.show_discharges(
        [record(1, "王秀英", DischargeState.WITH_PATIENT), record(2, "ਗੁਰਪ੍ਰੀਤ ਸਿੰਘ", DischargeState.PRINTED)],
        {"nerve-root-injection": "Nerve root injection"},
        today=NOW.date(),
    )
    for row in screen.rows:
        assert _families_drawing(row.patient) - {"DejaVu Sans"}


def test_the_nurse_is_warned_when_the_sheet_cannot_print_a_name(qtbot: QtBot) -> None:
    screen = NewDischargeScreen()
    qtbot.addWidget(screen)
    screen.resize(1280, 800)
    screen.show()
    qtbot.waitExposed(screen)
    warning = screen.name_warning
    screen.name_edit.setFocus()
    qtbot.keyClicks(screen.name_edit, "Margaret Smith")
    assert not warning.isVisible()
    screen.name_edit.setText("王秀英 Wang")  # Chinese prints on the sheet now: no warning
    assert not warning.isVisible()
    screen.name_edit.setText("Nefer 𓀀𓁐 Ahmose")  # Egyptian hieroglyphs: no font of the sheet has them
    assert warning.isVisible()
    assert "𓀀" in warning.text() and "empty boxes" in warning.text()
    screen.clear()
    assert not warning.isVisible() and warning.text() == ""
