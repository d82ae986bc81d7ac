"""The real-window scenarios, run one per child process by ``agent.py`` (Qt on ``xcb`` with the virtual keyboard).

Each returns plain data (JSON) for the test to check; nothing here asserts, so a failure is reported by the test
with the measured figures.
"""

from __future__ import annotations

import io
import time
from collections.abc import Callable
from pathlib import Path
from typing import Any

from PySide6.QtCore import Qt
from PySide6.QtGui import QGuiApplication
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QApplication, QLineEdit, QScrollArea, QWidget

from kiosk import paths
from tests.display import realwin
from tests.ui.driver import CONFIG, NURSE, PIN, Kiosk, Ticks


class _Bot:
    """What ``tests.ui.driver.Kiosk`` asks of pytest-qt's bot, without pytest in this process."""

    def mouseClick(self, widget: QWidget, button: Qt.MouseButton) -> None:
        QTest.mouseClick(widget, button)

    def wait(self, ms: int) -> None:
        realwin.settle(ms)

    def waitUntil(self, condition: Callable[[], object], timeout: int = 5000) -> None:
        if not realwin.wait_until(lambda: bool(condition()), timeout / 1000):
            raise TimeoutError(f"waited {timeout} ms")


class RealKiosk(Kiosk):
    """The test driver's kiosk, full screen on the real display, keyboard created as ``run_kiosk`` does."""

    def __init__(self, nurse: bool = True, read_aloud: Any = None) -> None:
        from kiosk.app import build_flow, create_application
        from kiosk.records.first_nurse import FirstNurseSetup
        from kiosk.records.nurses import NurseAccounts
        from kiosk.ui.input_panel import create_input_panel
        from kiosk.ui.main_window import KioskWindow
        from tests.discharge_support import library, make_clock, make_store

        create_application()
        self.qtbot = _Bot()  # type: ignore[assignment]
        self.clock = make_clock()
        self.ticks = Ticks()
        self.store = make_store(paths.data_dir(), self.clock)
        if nurse:
            NurseAccounts(self.store).add(NURSE, PIN)
        self.window = KioskWindow(CONFIG)
        self.window.show_kiosk(full_screen=True)
        realwin.wait_until(lambda: self.window.isVisible() and self.window.windowHandle().isExposed())
        create_input_panel(self.window)
        self.flow = build_flow(self.window, CONFIG, self.clock, self.store, library, self.ticks, read_aloud=read_aloud)
        self.session = self.flow.session
        # A never-used kiosk asks for IT's one-time code (issue 13 F1); the test reads it as IT would.
        setup = FirstNurseSetup(self.store, console=io.StringIO())
        self.session.first_nurse = setup
        self.first_nurse_code = setup.issue() or ""


def real_start(then: Callable[[Any], Any]) -> Any:
    """``main.py run`` as the ward starts it (``kiosk.app.run_kiosk``); ``then(flow)`` runs once it is built."""
    from PySide6.QtCore import QTimer

    import kiosk.app

    result: list[Any] = []
    build = kiosk.app.build_flow

    def build_and_go(*args: Any, **kwargs: Any) -> Any:
        flow = build(*args, **kwargs)

        def go() -> None:
            try:
                result.append(then(flow))
            except Exception:
                import traceback

                result.append({"error": traceback.format_exc()})
            QApplication.exit(0)

        QTimer.singleShot(0, go)
        return flow

    kiosk.app.build_flow = build_and_go
    kiosk.app.run_kiosk(full_screen=True)
    return result[0] if result else {"error": "the kiosk ended before the scenario ran"}


# -- scenarios ---------------------------------------------------------------------------------------------------
def first_use() -> Any:
    """Fresh data folder, ``main.py run``'s start, a real tap on "Nurse: start or resume": how long until the
    first-nurse screen is up (issue 12: the kiosk froze here for good)."""
    from kiosk.ui.nurse.first_nurse import FirstNurseScreen

    def then(flow: Any) -> Any:
        window = flow.window
        nurse_button = window.start_screen.nurse_button
        realwin.wait_until(lambda: nurse_button.isVisible() and window.windowHandle().isExposed())
        started = time.monotonic()
        realwin.tap_widget(nurse_button)

        def shown() -> bool:
            current = window.stack.currentWidget()
            return isinstance(current, FirstNurseScreen) and current.isVisible()

        up = realwin.wait_until(shown, timeout=5.0)
        seconds = time.monotonic() - started
        realwin.settle(50)  # painted
        focus = QApplication.focusWidget()
        return {
            "shown": up,
            "seconds": round(seconds, 3),
            "screen": type(window.stack.currentWidget()).__name__,
            "focus": focus.objectName() if focus is not None else "",
        }

    return real_start(then)


# -- the keyboard over the fields ----------------------------------------------------------------------------------
def _footer_buttons(page: QWidget) -> list[QWidget]:
    footer = getattr(page, "footer", None)
    if footer is None:
        return []
    widgets = (footer.itemAt(i).widget() for i in range(footer.count()))
    return [w for w in widgets if w is not None and w.isVisible()]


def _where(field: QWidget, buttons: list[QWidget]) -> object:
    """The keyboard, the field and the footer buttons on screen: stable once the page has made room."""
    return realwin.keyboard_rect(), realwin.visible_rect(field), [realwin.screen_rect(b) for b in buttons]


def measure_fields(kiosk: RealKiosk, where: str, sizes: list[str], shots: str) -> list[dict[str, Any]]:
    """Every text field of the current screen, at each text size: tapped for real, keyboard open, measured."""
    from kiosk.ui import theme
    from kiosk.ui.keyboard_fit import text_fields

    page = kiosk.screen
    found: list[dict[str, Any]] = []
    palette = kiosk.flow.theme_choice.palette
    for size in sizes:
        kiosk.flow._set_theme(theme.ThemeChoice(theme.TextSize(size), palette))
        realwin.settle(50)
        for field in text_fields(page):
            scroll = page.findChild(QScrollArea, "page-scroll")
            if scroll is not None:
                scroll.ensureWidgetVisible(field)  # the patient scrolls to it first
                realwin.settle(30)
            realwin.tap_widget(field)
            opened = realwin.wait_until(realwin.keyboard_visible, 3.0)
            buttons = _footer_buttons(page)
            realwin.wait_stable(lambda f=field, bs=buttons: _where(f, bs))
            if shots and size == sizes[-1]:
                realwin.screenshot(Path(shots) / f"{where}-{field.objectName()}-{size}.png")
            found.append(
                {
                    "screen": where,
                    "field": field.objectName(),
                    "size": size,
                    "opened": opened,
                    "focused": QApplication.focusWidget() is field,
                    "keyboard": realwin.keyboard_rect(),
                    "window": realwin.screen_rect(kiosk.window),
                    "page_min": page.minimumSizeHint().height(),
                    "parts_min": [
                        (type(w).__name__, w.minimumSizeHint().height(), w.sizeHint().height())
                        for w in page.findChildren(QWidget, options=Qt.FindChildOption.FindDirectChildrenOnly)
                        if w.isVisible()
                    ],
                    "field_rect": realwin.screen_rect(field),
                    "field_seen": realwin.visible_rect(field),
                    "clipped_by": realwin.clipped_by(field),
                    "scroll": [
                        scroll.verticalScrollBar().value(),
                        scroll.verticalScrollBar().maximum(),
                        scroll.widget().height(),
                        scroll.viewport().height(),
                        field.mapTo(scroll.widget(), field.rect().topLeft()).y(),
                    ]
                    if scroll is not None
                    else [],
                    "footer": [
                        {"name": b.objectName(), "rect": realwin.screen_rect(b), "seen": realwin.visible_rect(b)}
                        for b in buttons
                    ],
                }
            )
            QGuiApplication.inputMethod().hide()
            realwin.wait_until(lambda: not QGuiApplication.inputMethod().isVisible(), 2.0)
            realwin.settle(50)
    kiosk.flow._set_theme(theme.ThemeChoice(theme.TextSize.NORMAL, palette))
    return found


def fields_with_keyboard(sizes: list[str], shots: str = "") -> Any:
    """First nurse, new discharge, escort and reason screens: every text field with the keyboard open."""
    from tests.discharge_support import BLOCK, PATIENT_A

    kiosk = RealKiosk(nurse=False)
    out: list[dict[str, Any]] = []
    kiosk.click(kiosk.window.start_screen.nurse_button)
    out += measure_fields(kiosk, "first-nurse", sizes, shots)
    kiosk.type_text(kiosk.screen.code_edit, kiosk.first_nurse_code)  # type: ignore[attr-defined]
    name = kiosk.screen.findChild(QLineEdit, "nurse-name")
    kiosk.type_text(name, NURSE)
    pad = kiosk.screen.keypad  # type: ignore[attr-defined]
    for _ in range(2):
        for digit in PIN:
            kiosk.click(pad.keys[digit])
        kiosk.click(pad.ok_key)
    kiosk.click("home-new")
    kiosk.click(f"procedure-{BLOCK}")
    out += measure_fields(kiosk, "new-discharge", sizes, shots)
    expired = kiosk.screen.findChild(QLineEdit, "expired-reason")
    reason = "Checked with the consultant" if expired is not None and expired.isVisible() else ""
    kiosk.fill_new_discharge(BLOCK, PATIENT_A, expired_reason=reason)
    kiosk.walk_to_escort()
    out += measure_fields(kiosk, "escort", sizes, shots)
    kiosk.click("nobody")
    kiosk.click("action")
    kiosk.type_pin()
    out += measure_fields(kiosk, "reason", sizes, shots)
    return out


# -- double taps -------------------------------------------------------------------------------------------------
def _walk_state(kiosk: RealKiosk) -> dict[str, Any]:
    walk = kiosk.session.walk
    assert walk is not None
    record = kiosk.store.get(walk.record_id)
    return {"on": walk.current.key, "confirmed": sorted(record.confirmed_step_ids)}


def double_taps(gap_ms: int) -> Any:
    """Real double clicks (X events ``gap_ms`` apart) on Start and on "I understand", then two touch taps on
    "I understand": what the walk is on and which steps the record says were confirmed after each."""
    from tests.discharge_support import new_discharge

    kiosk = RealKiosk()
    kiosk.hand_over(new_discharge())
    realwin.settle(100)
    out: dict[str, Any] = {"steps": [s.key for s in kiosk.session.walk.screens if s.key.startswith("step:")]}  # type: ignore[union-attr]

    def double_click(name: str) -> None:
        x, y = realwin.centre(realwin.visible_rect(kiosk.button(name)))
        realwin.xdotool("mousemove", str(x), str(y))
        realwin.settle(50)
        realwin.xdotool("click", "--repeat", "2", "--delay", str(gap_ms), "1")
        realwin.settle(700)

    double_click("start")
    out["after_start"] = _walk_state(kiosk)
    double_click("understand")
    out["after_understand"] = _walk_state(kiosk)

    device = QTest.createTouchDevice()
    target = kiosk.button("understand")
    point = target.mapTo(kiosk.window, target.rect().center())
    for _ in range(2):
        QTest.touchEvent(kiosk.window, device).press(0, point, kiosk.window).commit()
        QTest.touchEvent(kiosk.window, device).release(0, point, kiosk.window).commit()
        realwin.settle(gap_ms)
    realwin.settle(700)
    out["after_touch"] = _walk_state(kiosk)
    return out


# -- the number pad ------------------------------------------------------------------------------------------------
def _pad_places(overlay: Any) -> dict[str, list[int]]:
    """Every visible key of the pad (and Done, Cancel, the display) on screen."""
    pad = overlay.keypad
    widgets: dict[str, QWidget] = {name: key for name, key in pad.keys.items() if key.isVisible()}
    widgets.update(ok=pad.ok_key, cancel=overlay.cancel_button, display=pad.display)
    return {name: list(realwin.screen_rect(widget)) for name, widget in widgets.items()}


def keypad_taps(sizes: list[str], digits: str, shots: str = "") -> Any:
    """The escort's phone pad at each text size: every key's place, then ``digits`` tapped for real where the
    keys were at the start, then every key's place again and what the pad got."""
    from kiosk.ui import theme
    from kiosk.ui.keypad import KeypadOverlay
    from tests.discharge_support import new_discharge

    kiosk = RealKiosk()
    kiosk.hand_over(new_discharge())
    kiosk.walk_to_escort()
    out = []
    for size in sizes:
        kiosk.flow._set_theme(theme.ThemeChoice(theme.TextSize(size), kiosk.flow.theme_choice.palette))
        realwin.settle(50)
        kiosk.click("escort-phone")
        realwin.settle(150)
        overlay = [o for o in kiosk.window.findChildren(KeypadOverlay) if o.isVisible()][-1]
        pad = overlay.keypad

        before = _pad_places(overlay)
        for char in digits:
            realwin.tap(*realwin.centre(tuple(before[{"+": "plus", " ": "space"}.get(char, char)])))  # type: ignore[arg-type]
        realwin.settle(100)
        if shots and size == sizes[-1]:
            realwin.screenshot(Path(shots) / f"keypad-{size}.png")
        shown = pad.display
        fits = shown.fontMetrics().horizontalAdvance(shown.text()) <= shown.contentsRect().width()
        out.append(
            {"size": size, "before": before, "after": _pad_places(overlay), "typed": pad.text(), "text_fits": fits}
        )
        kiosk.click(overlay.cancel_button)
        realwin.settle(50)
    return out


# -- a whole discharge, the escort typed on the on-screen keyboard ---------------------------------------------------
def _type_on_keyboard(text: str) -> None:
    """Tap each character's key on the Qt Virtual Keyboard's own panel (real X clicks on its window)."""
    for char in text:
        keys = realwin.keyboard_keys()
        realwin.tap(*realwin.centre(keys[char]))


def discharge_with_keyboard(shots: str = "") -> Any:
    """Nurse's form, the patient's walk, the escort's name and relationship tapped on the on-screen keyboard
    (Enter to go on), the phone on the pad, review, sign-off, print (outbox), sheet in hand."""
    from kiosk.discharge.session import Stage
    from tests.discharge_support import INJECTION, PATIENT_A

    kiosk = RealKiosk()
    kiosk.sign_in()
    kiosk.click("home-new")
    kiosk.fill_new_discharge(INJECTION, PATIENT_A, expired_reason="Training kiosk: the Sheffield draft")
    record_id = kiosk.session.record_id
    assert record_id is not None
    kiosk.walk_to_escort()
    out: dict[str, Any] = {}
    name_edit = kiosk.screen.findChild(QLineEdit, "escort-name")
    relationship_edit = kiosk.screen.findChild(QLineEdit, "escort-relationship")
    assert name_edit is not None and relationship_edit is not None
    realwin.tap_widget(name_edit)
    out["keyboard_opened"] = realwin.wait_until(realwin.keyboard_visible, 5.0)
    realwin.settle(200)
    _type_on_keyboard("ade smith")
    if shots:
        realwin.screenshot(Path(shots) / "escort-typing.png")
    _type_on_keyboard("\n")
    realwin.settle(150)
    focus = QApplication.focusWidget()
    out["after_first_enter"] = {
        "focus": focus.objectName() if focus is not None else "",
        "keyboard": QGuiApplication.inputMethod().isVisible(),
    }
    _type_on_keyboard("son\n")
    realwin.wait_until(lambda: not QGuiApplication.inputMethod().isVisible(), 2.0)
    out["after_last_enter"] = {"keyboard": QGuiApplication.inputMethod().isVisible()}
    out["typed"] = [name_edit.text(), relationship_edit.text()]

    from kiosk.ui.keypad import KeypadOverlay

    realwin.tap_widget(kiosk.button("escort-phone"))
    overlay = [o for o in kiosk.window.findChildren(KeypadOverlay) if o.isVisible()][-1]
    for digit in "07700900123":
        realwin.tap_widget(overlay.keypad.keys[digit])
    realwin.tap_widget(overlay.keypad.ok_key)
    realwin.settle(100)
    realwin.tap_widget(kiosk.button("confirm-escort"))
    realwin.settle(100)
    out["after_escort"] = kiosk.walk_kind().value
    kiosk.take_back()
    kiosk.review_and_sign_off()
    kiosk.print_and_hand_over()
    record = kiosk.store.get(record_id)
    escort = record.escort
    out["locked"] = kiosk.session.stage is Stage.LOCKED
    out["record"] = {
        "state": record.state.value,
        "escort": None if escort is None else [escort.name, escort.relationship, escort.phone],
    }
    return out


# -- the warning signs read to the end -----------------------------------------------------------------------------
def _drag_up(area: QScrollArea) -> None:
    """A finger drag up the page (real X button down, moves, up), as a patient scrolls on to read more."""
    x, y, w, h = realwin.visible_rect(area.viewport())
    column = x + w // 2
    realwin.xdotool("mousemove", str(column), str(y + h - 60))
    realwin.settle(60)
    realwin.xdotool("mousedown", "1")
    for step in range(1, 9):
        realwin.xdotool("mousemove", str(column), str(y + h - 60 - step * (h - 160) // 8))
        realwin.settle(20)
    realwin.xdotool("mouseup", "1")
    realwin.settle(150)


def warning_signs_by_drag(shots: str = "") -> Any:
    """Largest text on a portrait screen: is "I understand" on the warning signs offered before a finger has
    dragged the last sign into view, does a tap on it then confirm anything, and after how many drags is it
    offered (issue 15, H10)."""
    from kiosk.discharge.flow import ScreenKind
    from kiosk.ui.patient.warning_signs import WarningSignsScreen
    from tests.discharge_support import new_discharge

    kiosk = RealKiosk()
    kiosk.hand_over(new_discharge())
    realwin.settle(100)
    realwin.tap_widget(kiosk.button("size-largest"))
    realwin.tap_widget(kiosk.button("start"))
    while kiosk.walk_kind() is not ScreenKind.WARNING_SIGNS:
        if kiosk.walk_kind() is ScreenKind.QUESTION:
            question = kiosk.session.walk.current.question  # type: ignore[union-attr]
            kiosk.click(f"option-{question.answer}")
            kiosk.click("next")
        else:
            kiosk.click("understand")
    realwin.settle(300)
    screen = kiosk.screen
    assert isinstance(screen, WarningSignsScreen)
    button = kiosk.button("understand")
    hint = screen.scroll_hint
    out: dict[str, Any] = {
        "screen": [kiosk.window.width(), kiosk.window.height()],
        "scroll_max": screen.scroll_area.verticalScrollBar().maximum(),
        "offered_at_first": button.isEnabled(),
        "hint_at_first": hint.isVisible(),
        "hint_clear_of_footer": realwin.visible_rect(hint)[1] + hint.height() <= realwin.visible_rect(button)[1],
    }
    if shots:
        realwin.screenshot(Path(shots) / "warning-signs-top.png")
    realwin.tap_widget(button)
    realwin.settle(400)
    out["after_early_tap"] = _walk_state(kiosk)
    offered_after = []
    for _ in range(12):
        _drag_up(screen.scroll_area)
        offered_after.append(button.isEnabled())
        if button.isEnabled():
            break
    out["offered_after_drags"] = offered_after
    out["hint_after"] = hint.isVisible()
    if shots:
        realwin.screenshot(Path(shots) / "warning-signs-end.png")
    realwin.settle(700)  # past the double-tap interval of the last real press
    realwin.tap_widget(button)
    realwin.settle(400)
    out["after_tap"] = _walk_state(kiosk)
    return out


# -- "I need help" ---------------------------------------------------------------------------------------------------
def help_call(gap_ms: int, shots: str = "") -> Any:
    """On step 2, a real double tap on the banner's "I need help": what shows (full screen? flashing? a PIN pad?)
    and what the record holds; then a real tap on the nurse's button and the PIN tapped on the pad: where the
    patient is, and whether the alert stopped. (Issue 12 item 7: the old banner button opened a PIN pad.)"""
    from kiosk.discharge.session import Stage
    from kiosk.ui.patient.help_screen import HelpScreen
    from tests.discharge_support import new_discharge

    kiosk = RealKiosk()
    kiosk.hand_over(new_discharge())
    realwin.settle(100)
    realwin.tap_widget(kiosk.button("start"))
    realwin.settle(300)
    realwin.tap_widget(kiosk.button("understand"))
    realwin.settle(300)
    walk = kiosk.session.walk
    assert walk is not None
    out: dict[str, Any] = {"step": walk.current.key}
    page = kiosk.window.stack.currentWidget()
    help_button = kiosk.button("help")
    out["button"] = {"text": help_button.text(), "visible": help_button.isVisible()}
    x, y = realwin.centre(realwin.visible_rect(help_button))
    realwin.xdotool("mousemove", str(x), str(y))
    realwin.settle(50)
    realwin.xdotool("click", "--repeat", "2", "--delay", str(gap_ms), "1")
    realwin.settle(400)
    screen = kiosk.window.stack.currentWidget()
    flashes = set()
    for _ in range(6):
        flashes.add(bool(screen.property("bright")))
        realwin.settle(400)
    alert = kiosk.flow.help_alert
    out["alert"] = {
        "stage": kiosk.session.stage.value,
        "help_screen": isinstance(screen, HelpScreen) and screen.isVisible(),
        "rect": list(realwin.screen_rect(screen)),
        "window": list(realwin.screen_rect(kiosk.window)),
        "screen": list(kiosk.window.screen().geometry().getRect()),
        "title": screen.title.text() if isinstance(screen, HelpScreen) else "",
        "flashes": sorted(flashes),
        "running": bool(alert is not None and alert.running),
        "sound": alert.sound.value if alert is not None else "",
        "calls": [h.kind for h in kiosk.store.get(walk.record_id).help_calls],
    }
    if shots:
        realwin.screenshot(Path(shots) / "help-alert.png")
    realwin.tap_widget(kiosk.button("help-answer"))
    realwin.settle(300)
    out["pin"] = {"stage": kiosk.session.stage.value, "running": bool(alert is not None and alert.running)}
    if shots:
        realwin.screenshot(Path(shots) / "help-pin.png")
    pad = kiosk.flow.pin_screen.keypad
    for digit in PIN:
        realwin.tap_widget(pad.keys[digit])
    realwin.tap_widget(pad.ok_key)
    realwin.wait_until(lambda: kiosk.session.stage is not Stage.PIN, timeout=10)
    realwin.settle(300)
    current = kiosk.session.walk
    out["after"] = {
        "stage": kiosk.session.stage.value,
        "step": current.current.key if current is not None else "",
        "same_page": kiosk.window.stack.currentWidget() is page,
        "running": bool(alert is not None and alert.running),
        "nurse_signed_in": kiosk.session.nurse is not None,
        "calls": [(h.kind, h.nurse_name) for h in kiosk.store.get(walk.record_id).help_calls],
    }
    if shots:
        realwin.screenshot(Path(shots) / "help-after.png")
    return out


# -- a discharge in the patient's language (issue 17) ----------------------------------------------------------------
def _screen_facts(kiosk: RealKiosk) -> dict[str, Any]:
    from PySide6.QtWidgets import QAbstractButton, QLabel

    page = kiosk.screen
    labels = [w.text() for w in page.findChildren(QLabel) if w.isVisible() and w.text().strip()]
    return {
        "rtl": page.layoutDirection() is Qt.LayoutDirection.RightToLeft,
        "texts": labels,
        "buttons": {b.objectName(): b.text() for b in page.findChildren(QAbstractButton) if b.isVisible()},
    }


def _content_facts(kiosk: RealKiosk) -> dict[str, Any]:
    """The procedure's own texts on the screen showing now, read from its widgets (bidi isolates taken out)."""
    from PySide6.QtWidgets import QLabel

    from kiosk.discharge.flow import ScreenKind
    from kiosk.ui.patient.warning_signs import WarningSignsScreen

    def text(name: str) -> str:
        found = kiosk.screen.findChild(QLabel, name)
        return found.text().translate(dict.fromkeys((0x2066, 0x2068, 0x2069))) if found is not None else ""

    walk = kiosk.session.walk
    assert walk is not None
    screen = walk.current
    if screen.kind is ScreenKind.STEP:
        return {"step": screen.key, "heading": text("step-heading"), "text": text("step-text")}
    if screen.kind is ScreenKind.QUESTION:
        count = len(screen.question.options)  # type: ignore[union-attr]
        options = [kiosk.button(f"option-{i}").text().translate(dict.fromkeys((0x2066, 0x2069))) for i in range(count)]
        return {"question": screen.key, "text": text("question"), "options": options}
    if screen.kind is ScreenKind.WARNING_SIGNS:
        page = kiosk.screen
        assert isinstance(page, WarningSignsScreen)
        marks = dict.fromkeys((0x2066, 0x2068, 0x2069))
        return {"signs": [box.text().replace("\u00a0", " ").translate(marks) for box in page.signs]}
    return {}


def discharge_in_language(code: str, preset: bool, procedure: str = "", shots: str = "") -> Any:
    """The nurse's form (the language preset there, or else tapped on the welcome screen by the patient; the
    nurse's reason for draft content given, so the draft translation is shown), the walk from welcome to thank you
    with real taps and "Read this to me" tapped (and tapped again to stop) on every screen, the escort's name
    typed on the on-screen keyboard in the patient's language, then the nurse's review in English. What each
    step, question and warning-signs screen shows is read from its widgets. Screenshots of welcome, a step, a
    question, the warning signs, the escort (keyboard open) and thank you.

    Read aloud runs on Qt's mock engine, whose voices are English, Norwegian and Finnish: for Polish and Urdu it
    hides the button (as the kiosk must without a voice), so the scenario hands it the British voice to carry the
    patient's words (what is sent is what the test checks)."""
    from kiosk.discharge.flow import ScreenKind
    from kiosk.ui.read_aloud import ReadAloud
    from tests.discharge_support import BLOCK, PATIENT_A

    def tap(name: str) -> None:
        """A real tap, then longer than a double click: the kiosk takes a second tap that soon as a double tap
        and ignores it (H10)."""
        realwin.tap_widget(kiosk.button(name))
        realwin.settle(QApplication.doubleClickInterval() + 150)

    def shot(name: str) -> None:
        if shots:
            realwin.screenshot(Path(shots) / f"{code}-{name}.png")

    from kiosk.app import create_application

    create_application()  # the one RealKiosk uses: the speaking process needs its event loop
    speech = ReadAloud("mock")
    realwin.wait_until(lambda: speech.available, 10.0)
    spoken: list[str] = []
    speech.spoken.connect(spoken.append)
    read: dict[str, str] = {}

    def read_aloud(where: str) -> None:
        """ "Read this to me", then the next tap on it stops the reading."""
        before = len(spoken)
        tap("banner-read-aloud")
        read[where] = spoken[before] if len(spoken) > before else ""
        tap("banner-read-aloud")

    kiosk = RealKiosk(read_aloud=speech)
    kiosk.sign_in()
    kiosk.click("home-new")
    kiosk.fill_new_discharge(
        procedure or BLOCK,
        PATIENT_A,
        expired_reason="Interpreter agreed the draft translation with the patient",
        language=code if preset else "",
    )
    record_id = kiosk.session.record_id
    assert record_id is not None
    out: dict[str, Any] = {"preset": kiosk.store.get(record_id).language, "content": [], "speech_hidden": []}
    if not preset:
        tap(f"language-{code}")
    # No Polish or Urdu voice in the mock engine: the button is hidden; then the British voice carries the words.
    out["speech_hidden"] = not kiosk.screen.findChild(QWidget, "banner-read-aloud").isVisible()
    speech.set_language("en_GB")
    realwin.settle(100)
    out["welcome"] = _screen_facts(kiosk)
    read_aloud("welcome")
    shot("welcome")
    tap("start")
    out["step"] = _screen_facts(kiosk)
    shot("step")
    while kiosk.walk_kind() is not ScreenKind.ESCORT:
        assert kiosk.session.walk is not None
        where = kiosk.session.walk.current.key
        out["content"].append(_content_facts(kiosk))
        read_aloud(where)
        if kiosk.walk_kind() is ScreenKind.QUESTION:
            question = kiosk.session.walk.current.question
            assert question is not None
            if "question" not in out:
                out["question"] = _screen_facts(kiosk)
                shot("question")
            tap(f"option-{question.answer}")
            tap("next")
        else:
            if kiosk.walk_kind() is ScreenKind.WARNING_SIGNS:
                shot("warning-signs")
                kiosk.read_signs()  # "I understand" is offered once the last sign has been in view (H10)
            tap("understand")
    read_aloud("escort")
    name_edit = kiosk.screen.findChild(QLineEdit, "escort-name")
    relationship_edit = kiosk.screen.findChild(QLineEdit, "escort-relationship")
    assert name_edit is not None and relationship_edit is not None
    realwin.tap_widget(name_edit)
    out["keyboard_opened"] = realwin.wait_until(realwin.keyboard_visible, 5.0)
    realwin.settle(300)
    out["keyboard_locale"] = realwin.keyboard_locale()
    _type_on_keyboard("ade")
    out["escort"] = _screen_facts(kiosk)
    shot("escort")
    _type_on_keyboard("\n")
    realwin.settle(150)
    kiosk.type_text(relationship_edit, "Son")
    QGuiApplication.inputMethod().hide()
    realwin.tap_widget(kiosk.button("escort-phone"))
    from kiosk.ui.keypad import KeypadOverlay

    overlay = [o for o in kiosk.window.findChildren(KeypadOverlay) if o.isVisible()][-1]
    for digit in "07700900123":
        realwin.tap_widget(overlay.keypad.keys[digit])
    realwin.tap_widget(overlay.keypad.ok_key)
    realwin.settle(100)
    tap("confirm-escort")
    out["thank_you"] = _screen_facts(kiosk)
    out["end"] = kiosk.walk_kind().value
    read_aloud("thank-you")
    out["read"] = read
    out["surname"] = PATIENT_A.name.split()[-1]
    out["first_name"] = PATIENT_A.first_name
    out["hospital_number"] = PATIENT_A.hospital_number
    shot("thank-you")
    kiosk.take_back()
    out["review"] = _screen_facts(kiosk)
    out["review_direction_rtl"] = out["review"]["rtl"]
    record = kiosk.store.get(record_id)
    out["record"] = {"language": record.language, "escort": record.escort.name if record.escort else None}
    audit = kiosk.store.connection.execute(
        "SELECT event, detail FROM audit WHERE record_id = ? ORDER BY seq", (record_id,)
    ).fetchall()
    out["audit"] = [[str(event), str(detail)] for event, detail in audit]
    speech.shut_down()
    return out
