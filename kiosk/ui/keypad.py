"""A large on-screen number pad for PINs, phone numbers, NHS numbers and dates of birth.

Touch first: every key is at least 120 x 72 px with gaps between, so a shaky finger or a gloved one hits the
key it aims at; nothing needs a long press or a double tap. A physical keyboard works too (ward PCs).

The pad's geometry is fixed for the text size in use: every key's size comes from the widest key label in the
key font, the display's from the largest digits, never from what has been typed. So no key moves under the finger
while typing (issue 12: the pad shrank after the first digit and taps landed on other keys), and at the largest
text size the keys keep their full height instead of being squeezed into each other.
``KeypadField`` is a form field that opens the pad over the screen when tapped, for forms with several numbers.
"""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import QEvent, QObject, Qt, QTimer, Signal
from PySide6.QtGui import QKeyEvent, QShowEvent
from PySide6.QtWidgets import QFrame, QGridLayout, QHBoxLayout, QPushButton, QSizePolicy, QVBoxLayout, QWidget

from kiosk.i18n import translate, translate_again
from kiosk.ui.widgets import button, label, ui_text

KEY_GAP = 12
KEY_MIN_WIDTH = 120
KEY_MIN_HEIGHT = 72
# Room around a key's label: the theme's padding, border and a little air.
KEY_TEXT_MARGIN_X = 32
KEY_TEXT_MARGIN_Y = 16
DISPLAY_MARGIN_Y = 20
MASK = "●"


class NumericKeypad(QWidget):
    """Digits 0-9, Delete, Clear and OK, with a display of what has been typed (dots for a PIN).

    Signals: ``digits_changed(str)`` after every key, ``submitted(str)`` on OK (or Enter) when not empty.
    In phone mode "+" (first character only) and a space key are added.
    """

    digits_changed = Signal(str)
    submitted = Signal(str)

    def __init__(self, ok_text: str = "", parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("keypad")
        self.setFocusPolicy(Qt.FocusPolicy.StrongFocus)
        self._text = ""
        self._masked = False
        self._phone = False
        self._max_length = 20
        self._placeholder = ""
        self._formatter: Callable[[str], str] | None = None
        self._display_height = 0
        self._fix_pending = False

        self.display = label("", "keypad-display", wrap=False)
        self.display.setObjectName("keypad-display")
        self.display.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.display.setTextInteractionFlags(Qt.TextInteractionFlag.NoTextInteraction)
        # What is typed never sizes the pad (a longer placeholder or number would move every key).
        self.display.setSizePolicy(QSizePolicy.Policy.Ignored, QSizePolicy.Policy.Fixed)

        self.keys: dict[str, QPushButton] = {}
        grid = QGridLayout()
        grid.setSpacing(KEY_GAP)
        for index, digit in enumerate("123456789"):
            grid.addWidget(self._key(digit, digit), index // 3, index % 3)
        self.plus_key = self._key("+", "plus")
        self.space_key = self._key(translate("patient", "Space"), "space")
        self.clear_key = self._key(translate("patient", "Clear"), "clear")
        self.delete_key = self._key(translate("patient", "Delete"), "delete")
        grid.addWidget(self.clear_key, 3, 0)
        grid.addWidget(self._key("0", "0"), 3, 1)
        grid.addWidget(self.delete_key, 3, 2)
        grid.addWidget(self.plus_key, 4, 0)
        grid.addWidget(self.space_key, 4, 1, 1, 2)
        for column in range(3):
            grid.setColumnStretch(column, 1)
        self.ok_key = button(ok_text or translate("patient", "OK"), "primary", name="key-ok")
        self.ok_key.setProperty("key", True)
        self.ok_key.clicked.connect(self._submit)
        self.action_row = QHBoxLayout()
        self.action_row.setSpacing(KEY_GAP)
        self.action_row.addWidget(self.ok_key, 1)

        self.plus_key.clicked.connect(lambda: self._type("+"))
        self.space_key.clicked.connect(lambda: self._type(" "))
        self.clear_key.clicked.connect(self.clear)
        self.delete_key.clicked.connect(self._delete)

        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.setSpacing(KEY_GAP)
        layout.addWidget(self.display)
        layout.addLayout(grid)
        layout.addLayout(self.action_row)
        self.set_phone_mode(False)
        self._refresh()
        self.fix_geometry()

    def _key(self, text: str, name: str) -> QPushButton:
        key = button(text, "key", name=f"key-{name}")
        key.setFocusPolicy(Qt.FocusPolicy.NoFocus)
        key.setAutoRepeat(False)
        key.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Fixed)
        key.setProperty("word", not text.isdigit() and text != "+")
        if text.isdigit():
            key.clicked.connect(lambda: self._type(text))
        self.keys[name] = key
        return key

    # -- geometry --------------------------------------------------------------------------------------------
    def fix_geometry(self) -> None:
        """Size every key and the display for the current theme (text size), whatever is typed."""
        items = (self.action_row.itemAt(i) for i in range(self.action_row.count()))
        actions = [item.widget() for item in items if item is not None]
        keys = [*self.keys.values(), *(w for w in actions if w is not None)]
        for key in keys:
            key.ensurePolished()
        self.display.ensurePolished()
        widest = max(key.fontMetrics().horizontalAdvance(key.text()) for key in self.keys.values())
        tallest = max(key.fontMetrics().height() for key in keys)
        key_width = max(KEY_MIN_WIDTH, widest + KEY_TEXT_MARGIN_X)
        key_height = max(KEY_MIN_HEIGHT, tallest + KEY_TEXT_MARGIN_Y)
        for key in keys:
            key.setFixedHeight(key_height)
        for key in self.keys.values():
            key.setMinimumWidth(key_width)
        self._display_height = 0
        self._display_height = max(KEY_MIN_HEIGHT, self._display_text_height())
        self.display.setFixedHeight(self._display_height)

    def _display_text_height(self) -> int:
        """The display's height in the taller of its two looks (the theme's placeholder and digits fonts)."""
        empty = self.display.property("empty")
        heights = []
        for state in (True, False):
            self._polish_display(state)
            self.display.setMinimumHeight(0)
            self.display.setMaximumHeight(16_777_215)
            heights.append(
                max(self.display.sizeHint().height(), self.display.fontMetrics().height() + DISPLAY_MARGIN_Y)
            )
        self._polish_display(bool(empty))
        return max(heights)

    def _polish_display(self, empty: bool, long: bool = False) -> None:
        self.display.setProperty("empty", empty)
        self.display.setProperty("long", long)
        self.display.style().unpolish(self.display)
        self.display.style().polish(self.display)
        if self._display_height:
            # Polishing applies the theme's min-height again: the display keeps the pad's fixed height.
            self.display.setFixedHeight(self._display_height)

    def changeEvent(self, event: QEvent) -> None:
        super().changeEvent(event)
        if event.type() in (QEvent.Type.StyleChange, QEvent.Type.FontChange) and not self._fix_pending:
            # The keys take their new fonts from the theme after this widget: measure once they have.
            self._fix_pending = True
            QTimer.singleShot(0, self, self._fix_later)

    def _fix_later(self) -> None:
        self._fix_pending = False
        self.fix_geometry()

    def showEvent(self, event: QShowEvent) -> None:
        super().showEvent(event)
        self.fix_geometry()

    # -- public API ------------------------------------------------------------------------------------------
    def text(self) -> str:
        return self._text

    def set_text(self, text: str) -> None:
        """Start from ``text`` (e.g. a value being edited); characters the pad could not type are dropped."""
        self._text = ""
        for char in text:
            self._accept(char)
        self._refresh()

    def clear(self) -> None:
        """Wipe what was typed (and the display): nothing typed survives an idle wipe (H3, H8)."""
        self._text = ""
        self._refresh()

    def set_masked(self, masked: bool) -> None:
        self._masked = masked
        self._refresh()

    def set_max_length(self, length: int) -> None:
        self._max_length = max(1, length)
        self._text = self._text[: self._max_length]
        self._refresh()

    def set_phone_mode(self, phone: bool) -> None:
        self._phone = phone
        self.plus_key.setVisible(phone)
        self.space_key.setVisible(phone)

    def set_placeholder(self, text: str) -> None:
        """What the display says while nothing is typed ("Enter your PIN")."""
        self._placeholder = text
        self._refresh()

    def set_formatter(self, formatter: Callable[[str], str] | None) -> None:
        """How typed digits are displayed, e.g. ``01021950`` as ``01/02/1950`` for a date."""
        self._formatter = formatter
        self._refresh()

    def set_ok_text(self, text: str) -> None:
        ui_text(self.ok_key, text)

    # -- typing ----------------------------------------------------------------------------------------------
    def _accept(self, char: str) -> bool:
        if len(self._text) >= self._max_length:
            return False
        if char.isdigit() and char.isascii():
            self._text += char
            return True
        if not self._phone:
            return False
        if char == "+" and not self._text:
            self._text = "+"
            return True
        if char == " " and self._text and not self._text.endswith(" "):
            self._text += " "
            return True
        return False

    def _type(self, char: str) -> None:
        if self._accept(char):
            self._refresh()
            self.digits_changed.emit(self._text)

    def _delete(self) -> None:
        if self._text:
            self._text = self._text[:-1]
            self._refresh()
            self.digits_changed.emit(self._text)

    def _submit(self) -> None:
        text = self._text.strip()
        if text:
            self.submitted.emit(text)

    def _refresh(self) -> None:
        if not self._text:
            shown = self._placeholder
        elif self._masked:
            shown = " ".join(MASK * len(self._text))
        elif self._formatter is not None:
            shown = self._formatter(self._text)
        else:
            shown = self._text
        self.display.setText(shown)
        self._polish_display(not self._text)
        room = self.display.contentsRect().width()
        if room > 0 and self.display.fontMetrics().horizontalAdvance(shown) > room:
            self._polish_display(not self._text, long=True)
        self.ok_key.setEnabled(bool(self._text.strip()))
        self.delete_key.setEnabled(bool(self._text))
        self.clear_key.setEnabled(bool(self._text))

    def keyPressEvent(self, event: QKeyEvent) -> None:
        key = event.key()
        if key in (Qt.Key.Key_Return, Qt.Key.Key_Enter):
            self._submit()
        elif key == Qt.Key.Key_Backspace:
            self._delete()
        elif key == Qt.Key.Key_Escape:
            self.clear()
        elif event.text() and self._accept(event.text()):
            self._refresh()
            self.digits_changed.emit(self._text)
        else:
            super().keyPressEvent(event)


class KeypadOverlay(QFrame):
    """The pad shown over the whole window for one ``KeypadField``: a title, the pad, and Cancel."""

    accepted = Signal(str)
    cancelled = Signal()

    def __init__(self, title: str, host: QWidget) -> None:
        super().__init__(host)
        self.setObjectName("keypad-overlay")
        self.panel = QFrame()
        self.panel.setObjectName("keypad-panel")
        self.title = label(title, "subtitle")
        self.title.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.keypad = NumericKeypad(translate("patient", "Done"))
        self.cancel_button = button(translate("patient", "Cancel"), name="keypad-cancel")
        self.keypad.submitted.connect(self.accepted)
        self.cancel_button.clicked.connect(self.cancelled)
        # Cancel beside Done, not under it: at the largest text size a phone pad must fit 800 px.
        self.cancel_button.setProperty("key", True)
        self.keypad.action_row.insertWidget(0, self.cancel_button, 1)
        self.keypad.fix_geometry()

        inner = QVBoxLayout(self.panel)
        inner.setContentsMargins(32, 24, 32, 24)
        inner.setSpacing(KEY_GAP)
        inner.addStretch(1)  # the title sits on the pad, the pad in the middle of a tall (portrait) screen
        inner.addWidget(self.title)
        inner.addWidget(self.keypad)
        inner.addStretch(1)
        outer = QHBoxLayout(self)
        outer.addStretch(1)
        outer.addWidget(self.panel)
        outer.addStretch(1)
        host.installEventFilter(self)
        self.setGeometry(host.rect())

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if event.type() == QEvent.Type.Resize and isinstance(watched, QWidget):
            self.setGeometry(watched.rect())
        return False


class KeypadField(QWidget):
    """A form field for a number: shows the value, and opens the pad over its screen when tapped.

    ``value_changed(str)`` fires when the pad's Done is pressed. ``clear()`` wipes the value and closes the pad.
    """

    value_changed = Signal(str)

    def __init__(
        self,
        title: str,
        *,
        placeholder: str = "",
        max_length: int = 20,
        formatter: Callable[[str], str] | None = None,
        phone: bool = False,
        name: str = "",
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self._title = title
        self._placeholder = placeholder or translate("patient", "Tap to enter")
        self._max_length = max_length
        self._formatter = formatter
        self._phone = phone
        self._value = ""
        self.overlay: KeypadOverlay | None = None
        self.button = button(self._placeholder, "field", name=name)
        self.button.clicked.connect(self.open_keypad)
        layout = QHBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.button)
        self._refresh()

    def value(self) -> str:
        return self._value

    def set_value(self, value: str) -> None:
        self._value = value
        self._refresh()

    def clear(self) -> None:
        self._value = ""
        self.close_keypad()
        self._refresh()

    def open_keypad(self) -> None:
        self.close_keypad()
        overlay = KeypadOverlay(translate_again(self._title), self._host())
        overlay.keypad.set_max_length(self._max_length)
        overlay.keypad.set_phone_mode(self._phone)
        overlay.keypad.set_formatter(self._formatter)
        overlay.keypad.set_placeholder(translate_again(self._placeholder))
        overlay.keypad.set_text(self._value)
        overlay.accepted.connect(self._accept)
        overlay.cancelled.connect(self.close_keypad)
        self.overlay = overlay
        # If the field goes (its screen is deleted on an idle wipe), the pad and its digits go with it (H3).
        self.destroyed.connect(overlay.deleteLater)
        overlay.show()
        overlay.raise_()
        overlay.keypad.setFocus()

    def _host(self) -> QWidget:
        """The screen the field is on (the pad hides and goes with it), else the window."""
        widget: QWidget | None = self
        while widget is not None:
            if widget.objectName() == "screen":
                return widget
            widget = widget.parentWidget()
        return self.window()

    def close_keypad(self) -> None:
        if self.overlay is not None:
            overlay, self.overlay = self.overlay, None
            overlay.keypad.clear()
            overlay.hide()
            host = overlay.parentWidget()
            if host is not None:
                host.removeEventFilter(overlay)
            overlay.deleteLater()

    def _accept(self, text: str) -> None:
        self._value = text
        self.close_keypad()
        self._refresh()
        self.value_changed.emit(text)

    def _refresh(self) -> None:
        if self._value:
            shown = self._formatter(self._value) if self._formatter else self._value
        else:
            shown = translate_again(self._placeholder)
        ui_text(self.button, shown)
        self.button.setProperty("empty", not self._value)
        self.button.style().unpolish(self.button)
        self.button.style().polish(self.button)
