"""The on-screen keyboard never hides the focused field or the screen's way on (issue 12, item 2).

The Qt Virtual Keyboard is a separate window over the bottom of the screen (400 px of 800). While it is open the
kiosk window keeps its own contents above it: the window's bottom margin becomes the keyboard's height, so every
screen lays itself out in the space that is left, its footer (Back and the main action) just above the keys and
its scrolling body smaller; then the focused field is scrolled into view. The keyboard's Enter moves to the
screen's next text field, and after the last one closes the keyboard (the field's own ``returnPressed`` still
runs, e.g. "Save" on the reason screen).
"""

from __future__ import annotations

import weakref

from PySide6.QtCore import QEvent, QObject, QPoint, QRect, Qt, QTimer
from PySide6.QtGui import QGuiApplication, QKeyEvent
from PySide6.QtWidgets import QApplication, QLineEdit, QMainWindow, QScrollArea, QWidget
from shiboken6 import isValid

from kiosk.ui.app_scoped import one_per_application

REVEAL_MARGIN = 24
ENTER_KEYS = (Qt.Key.Key_Return, Qt.Key.Key_Enter)
ENTER_WATCHED = "keyboard-fit-enter"
"""The property set on a text field once this window's fit filters its key presses."""


def keyboard_overlap(window: QRect, keyboard: QRect) -> int:
    """How many pixels of the bottom of ``window`` the keyboard covers (both in screen coordinates)."""
    if keyboard.isEmpty() or not window.intersects(keyboard):
        return 0
    return max(0, window.bottom() - keyboard.top() + 1)


def text_fields(screen: QWidget) -> list[QLineEdit]:
    """The screen's visible, editable text fields in focus (tab) order."""
    fields = [f for f in screen.findChildren(QLineEdit) if f.isVisible() and f.isEnabled() and not f.isReadOnly()]
    if not fields:
        return []
    ordered: list[QLineEdit] = []
    widget: QWidget | None = fields[0]
    for _ in range(10_000):  # the focus chain is a ring; bounded in case it is not
        if isinstance(widget, QLineEdit) and widget in fields and widget not in ordered:
            ordered.append(widget)
        widget = widget.nextInFocusChain() if widget is not None else None
        if widget is None or widget is fields[0]:
            break
    return ordered + [f for f in fields if f not in ordered]


def next_field(current: QLineEdit, screen: QWidget) -> QLineEdit | None:
    """The field after ``current`` on ``screen``, or None after the last (no wrapping to the first)."""
    fields = text_fields(screen)
    if current not in fields:
        return None
    index = fields.index(current)
    return fields[index + 1] if index + 1 < len(fields) else None


class _Signals(QObject):
    """The application's one listener to the input method and to focus changes, handing each to every live
    ``KeyboardFit``.

    A fit connected to those application-wide signals itself could be called after its Python half was gone: when a
    window whose focused field is inside is freed from Python, PySide invalidates the window's Python objects first,
    then Qt deletes the widgets, and the focus moving off the dying field emits ``focusChanged`` into the fit
    ("AttributeError: Slot 'KeyboardFit::' not found", seen in the suite). This object lives as long as the
    application, and asks each fit whether it is still valid before calling it."""

    def __init__(self, app: QApplication) -> None:
        super().__init__(app)
        self.fits: weakref.WeakSet[KeyboardFit] = weakref.WeakSet()
        method = QGuiApplication.inputMethod()
        method.visibleChanged.connect(self._keyboard_changed)
        method.keyboardRectangleChanged.connect(self._keyboard_changed)
        app.focusChanged.connect(self._focus_changed)

    def _live(self) -> list[KeyboardFit]:
        return [fit for fit in list(self.fits) if isValid(fit) and isValid(fit.window)]

    def _keyboard_changed(self) -> None:
        for fit in self._live():
            fit.update()

    def _focus_changed(self, old: QWidget | None, new: QWidget | None) -> None:
        for fit in self._live():
            fit._focus_changed(old, new)


class KeyboardFit(QObject):
    """Installed once on the kiosk window; follows the input method and the application's focus.

    Enter is watched on each text field of the window as it takes the focus, not by a filter on the whole
    application: that one ran Python for every event of every object, and the first event of an object whose class
    PySide does not wrap (Qt's own internals, at the first paint) made PySide create every class of QtCore, QtGui and
    QtWidgets with all their enums (171 enum classes, about 20 ms of the cold start; issue 19)."""

    def __init__(self, window: QMainWindow) -> None:
        super().__init__(window)
        self.window = window
        app = QApplication.instance()
        if isinstance(app, QApplication):
            one_per_application(app, _Signals, lambda: _Signals(app)).fits.add(self)

    def overlap(self) -> int:
        method = QGuiApplication.inputMethod()
        if not method.isVisible():
            return 0
        area = QRect(self.window.mapToGlobal(QPoint(0, 0)), self.window.size())
        return keyboard_overlap(area, method.keyboardRectangle().toAlignedRect())

    def update(self) -> None:
        bottom = self.overlap()
        if self.window.contentsMargins().bottom() != bottom:
            self.window.setContentsMargins(0, 0, 0, bottom)
            layout = self.window.layout()
            if layout is not None:
                layout.activate()
        if bottom:
            self.reveal_focus()
            # Once more after the screens' own layouts have used the new space (posted layout requests).
            QTimer.singleShot(0, self, self.reveal_focus)

    def reveal_focus(self) -> None:
        focus = QApplication.focusWidget()
        if focus is None or focus.window() is not self.window:
            return
        parent = focus.parentWidget()
        while parent is not None and not isinstance(parent, QScrollArea):
            parent = parent.parentWidget()
        content = parent.widget() if isinstance(parent, QScrollArea) else None
        if isinstance(parent, QScrollArea) and content is not None:
            # The whole field, not ``ensureWidgetVisible`` (which shows only a line edit's text cursor).
            top_left = focus.mapTo(content, QPoint(0, 0))
            half = focus.height() // 2
            parent.ensureVisible(top_left.x(), top_left.y() + half, 0, half + REVEAL_MARGIN)
            self._follow(parent)

    def _follow(self, area: QScrollArea) -> None:
        """The page's body may change size after the keyboard opened (its own layout runs later): reveal again."""
        if area.property("keyboard-fit"):
            return
        area.setProperty("keyboard-fit", True)
        area.verticalScrollBar().rangeChanged.connect(self._range_changed)

    def _range_changed(self) -> None:
        if self.overlap():
            self.reveal_focus()

    def _focus_changed(self, old: QWidget | None, new: QWidget | None) -> None:
        if isinstance(new, QLineEdit) and new.window() is self.window and not new.property(ENTER_WATCHED):
            new.setProperty(ENTER_WATCHED, True)
            new.installEventFilter(self)  # the keys typed into a field go to the field: see eventFilter
        if new is not None and self.overlap():
            self.reveal_focus()
            QTimer.singleShot(0, self, self.reveal_focus)

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if (
            event.type() == QEvent.Type.KeyPress
            and isinstance(watched, QLineEdit)
            and isinstance(event, QKeyEvent)
            and event.key() in ENTER_KEYS
            and watched.window() is self.window
        ):
            QTimer.singleShot(0, self, lambda field=watched: self.enter_pressed(field))
        return False

    def enter_pressed(self, field: QLineEdit) -> None:
        """Enter on a field: on to the next field of its screen, or (after the last) the keyboard closes."""
        if not isValid(field):
            return  # Enter also saved the form and its screen is gone
        screen = self._screen_of(field)
        following = next_field(field, screen) if screen is not None else None
        if following is not None:
            following.setFocus(Qt.FocusReason.TabFocusReason)
            QGuiApplication.inputMethod().show()
        else:
            QGuiApplication.inputMethod().hide()

    def _screen_of(self, widget: QWidget) -> QWidget | None:
        """The screen (page of the window's stack) that holds ``widget``."""
        stack = self.window.centralWidget()
        parent: QWidget | None = widget
        while parent is not None and parent.parentWidget() is not stack:
            parent = parent.parentWidget()
        return parent
