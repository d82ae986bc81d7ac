"""Small building blocks every screen uses, so sizes and roles come from the theme in one way."""

from __future__ import annotations

import re
from collections.abc import Callable
from typing import TypeVar

from PySide6 import QtCore
from PySide6.QtGui import QMouseEvent
from PySide6.QtWidgets import (
    QAbstractScrollArea,
    QApplication,
    QFrame,
    QLabel,
    QLineEdit,
    QPushButton,
    QScrollArea,
    QWidget,
)

from kiosk.i18n import UiText, translate_again
from kiosk.ui.enum_properties import set_enum

# ``QtCore.Qt`` is looked up only inside functions that run after the start screen's first paint: the start screen's
# labels and buttons are made before it, and set their enum properties by name (``kiosk.ui.enum_properties``).

# The property a widget keeps its translatable text's context and English source in ("context\x1fsource").
_SOURCE = "ui-text"
_PLACEHOLDER = "ui-placeholder"


def remember_text(widget: QWidget, text: str, prop: str = _SOURCE) -> None:
    """Keep where ``text`` came from (a ``UiText``) on ``widget``, so ``retranslate`` can set it again in another
    language; plain text (a name, content) forgets any earlier source."""
    widget.setProperty(prop, f"{text.context}\x1f{text.source}" if isinstance(text, UiText) else None)


def ui_text(widget: QLabel | QPushButton, text: str) -> None:
    """``widget.setText(text)``, remembering the source of a translated text (see ``remember_text``)."""
    widget.setText(text)
    remember_text(widget, text)


def placeholder(edit: QLineEdit, text: str) -> None:
    """``edit.setPlaceholderText(text)``, remembering the source of a translated text."""
    edit.setPlaceholderText(text)
    remember_text(edit, text, _PLACEHOLDER)


def retranslate(root: QWidget) -> int:
    """Set every remembered text under ``root`` again in the language now installed; returns how many.

    Texts made from values (a greeting with the first name) are not remembered: the screen's ``show_...`` call
    fills them again (the controller re-renders the screen after this)."""
    count = 0
    for widget in (root, *root.findChildren(QWidget)):
        for prop in (_SOURCE, _PLACEHOLDER):
            kept = widget.property(prop)
            if not kept:
                continue
            context, _, source = str(kept).partition("\x1f")
            text = translate_again(UiText(source, context, source))
            if prop == _PLACEHOLDER and isinstance(widget, QLineEdit):
                widget.setPlaceholderText(text)
            elif isinstance(widget, (QLabel, QPushButton)):
                widget.setText(text)
            count += 1
    return count


def label(text: str = "", role: str = "", *, wrap: bool = True, parent: QWidget | None = None) -> QLabel:
    """A label styled by its theme ``role`` (title, subtitle, small, warning...), never as rich text.

    Plain text format: a patient name such as ``<b>`` must show as typed, not as markup.
    """
    widget = QLabel(text, parent)
    remember_text(widget, text)
    set_enum(widget, "textFormat", "PlainText")
    widget.setWordWrap(wrap)
    if role:
        widget.setProperty("role", role)
    return widget


ZERO_WIDTH_SPACE = "\u200b"
_LONG_RUN = re.compile(r"\S{17,}")
_SEPARATOR = re.compile(r"([/\\._-])")


def breakable(text: str) -> str:
    """``text`` with an invisible break chance after each / \\ . _ - inside a run of 17 or more characters.

    Qt wraps a label only at word boundaries, and the Unicode rules forbid a break between a hyphen and a digit,
    so a saved sheet's path (``.../outbox/DK-20261201-0001-B3-sheet.pdf``) stuck out of a narrow column at a
    large text size. Shown text only: whoever reads the message back uses the text it was given.
    """
    return _LONG_RUN.sub(lambda run: _SEPARATOR.sub(rf"\1{ZERO_WIDTH_SPACE}", run.group(0)), text)


class _LastCommit:
    """When (event time, ms) the last press on any committing button was taken; one for the whole kiosk."""

    at: int | None = None


class CommitButton(QPushButton):
    """A button that moves the patient on ("Start", "I understand", an answer, "Next", the escort's decision).

    A press released within the double-click interval of the last committing press, on this button or any other
    (the next screen's button is often in the same place), is ignored: a double tap confirms one step, not two
    (H10). Times are the input events' own (X server or touch) times, so a busy GUI thread that handles both
    taps late still sees them 50 ms apart.
    """

    def mouseReleaseEvent(self, event: QMouseEvent) -> None:
        if not second_commit(self, event):
            super().mouseReleaseEvent(event)


def second_commit(widget: QPushButton, event: QMouseEvent) -> bool:
    """True (and the press dropped) for a release within the double-click interval of the last commit."""
    if event.button() == QtCore.Qt.MouseButton.LeftButton and widget.isDown():
        stamp = int(event.timestamp())
        last = _LastCommit.at
        if stamp and last is not None and 0 <= stamp - last < QApplication.doubleClickInterval():
            widget.setDown(False)
            event.accept()
            return True
        if widget.hitButton(event.position().toPoint()):
            _LastCommit.at = stamp
    return False


def button(
    text: str, role: str = "", *, name: str = "", commit: bool = False, parent: QWidget | None = None
) -> QPushButton:
    """A themed push button; ``commit=True`` for one that moves the patient on (see ``CommitButton``). One whose
    text wraps is ``flow_layout.wrap_button``.

    It takes the focus only from the keyboard (Tab), never from a tap: so the focus ring appears only after
    keyboard navigation, and a tapped button does not keep a ring that reads as "selected"."""
    # Made without its text, which is set next: ``QPushButton(text, parent)`` has PySide try the (icon, text,
    # parent) constructor first, and that makes the QIcon class with its enums (151 theme icon names, 1 ms of
    # the cold start: issue 19), which a button without an icon never needs.
    made = themed(CommitButton(parent) if commit else QPushButton(parent), role, name)
    made.setText(text)
    remember_text(made, text)
    return made


ButtonT = TypeVar("ButtonT", bound=QPushButton)


def themed(widget: ButtonT, role: str, name: str) -> ButtonT:
    """The theme's role and the object name tests and the demo find it by; focus by Tab only (see ``button``)."""
    if role:
        widget.setProperty("role", role)
    if name:
        widget.setObjectName(name)
    set_enum(widget, "focusPolicy", "TabFocus")
    return widget


def drop_button_focus(window: QWidget, neutral: QWidget) -> None:
    """A screen just shown must not start with the focus on a button (an answer, "Nobody is staying with me",
    "Finish"): Qt hands the focus to the new page's first control when the old page had it. A text field may
    keep it (that is where typing goes). The focus goes to ``neutral`` (which draws no ring), not to nothing:
    with no focus widget, activating the window would hand it to the first button again."""
    from PySide6.QtWidgets import QAbstractButton, QApplication

    focused = QApplication.focusWidget()
    if focused is None or (isinstance(focused, QAbstractButton) and focused.window() is window):
        neutral.setFocus(QtCore.Qt.FocusReason.OtherFocusReason)


def keep_viewport_out_of_style_caches(area: QAbstractScrollArea) -> None:
    """Let the theme draw ``area``'s background through its viewport, so Qt keeps no rules for a dead viewport.

    Issue 19: ``QStyleSheetStyle`` caches each widget's rules in global tables keyed by the widget's address and
    empties them when the widget is destroyed, but it listens for that only on widgets it styles, and a scroll
    area's viewport is not one of those (the area stands for it). When the theme gives the area a background,
    polishing the area turns the viewport's own background fill off and has the style sheet draw it instead,
    and drawing it entered the viewport in the render-rule table, never to be removed: under the kiosk's theme
    every page's scroll area deleted left about 700 bytes behind (``tests/ui/test_viewport_style_heap.py``),
    and glibc keeps the pages around such blocks. A viewport that does not fill its background is left alone by
    the polish: it is transparent, and the area draws the theme's background behind it (every screen's
    screenshot is pixel-identical). Giving the viewport a style sheet of its own that styles nothing fixed the
    leak as well, but made building each page a few milliseconds slower.
    """
    area.viewport().setAutoFillBackground(False)


def touch_scroll_area(content: QWidget) -> QScrollArea:
    """A vertical scroll area a finger can drag: no scroll bar to aim at, nothing that needs a hover."""
    area = QScrollArea()
    area.setObjectName("page-scroll")
    area.setWidgetResizable(True)
    area.setFrameShape(QFrame.Shape.NoFrame)
    area.setHorizontalScrollBarPolicy(QtCore.Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
    area.setWidget(content)
    # It may shrink to nothing: the page's header and footer must fit above the on-screen keyboard (issue 12).
    area.setMinimumHeight(1)
    keep_viewport_out_of_style_caches(area)
    from kiosk.ui.drag_scroll import DragScroll  # not at import: the start screen scrolls nothing (issue 19)

    DragScroll(area)
    return area


def limit_text(edit: QLineEdit, max_length: int, show: Callable[[str], None], *, patient: bool = False) -> None:
    """A line edit that says when its text reaches ``max_length`` and never cuts pasted text to fit silently (F8).

    Qt's own limit is one character more than allowed, so pasting 10,000 characters leaves a text that is too
    long, which the field says at once and validation refuses, instead of a quietly shortened name.
    """
    from kiosk.text import length_note, length_note_parts  # not at import: the start screen does not need them

    edit.setMaxLength(max_length + 1)
    if patient:  # a patient's field: the note in the patient's language
        from kiosk.ui.patient_text import patient_text

        edit.textChanged.connect(lambda text: show(patient_text(*length_note_parts(text, max_length))))
    else:
        edit.textChanged.connect(lambda text: show(length_note(text, max_length)))


ScreenT = TypeVar("ScreenT", bound=QWidget)


def as_screen(widget: QWidget | None, kind: type[ScreenT]) -> ScreenT:
    """``widget`` as the screen class its stage or walk screen says it is, so the controller's calls on it are
    type-checked; a mismatch is a bug in the wiring, said as such rather than as a missing attribute."""
    if not isinstance(widget, kind):
        raise TypeError(f"expected a {kind.__name__}, got {type(widget).__name__}")
    return widget
