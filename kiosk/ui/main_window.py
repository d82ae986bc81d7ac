"""The kiosk window: full screen, frameless, one stack of screens, and no way out without a nurse's PIN.

Closing (window manager close, Alt+F4) and Escape do not close the kiosk: they emit ``close_requested`` and the
controller asks for a PIN; only after that does it call ``allow_close()`` and ``close()``. The screens live in
``stack``; the controller decides which one shows.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6 import QtCore
from PySide6.QtCore import Signal
from PySide6.QtGui import QCloseEvent, QGuiApplication, QKeyEvent
from PySide6.QtWidgets import QMainWindow, QStackedWidget, QWidget

from kiosk.config import WardConfig
from kiosk.ui.enum_properties import set_enum
from kiosk.ui.screens.start import StartScreen
from kiosk.ui.widgets import drop_button_focus

if TYPE_CHECKING:
    from kiosk.ui.keyboard_fit import KeyboardFit

FRAMELESS_FLAGS = (
    "Window|WindowTitleHint|WindowSystemMenuHint|WindowMinMaxButtonsHint|WindowCloseButtonHint"
    "|WindowFullscreenButtonHint|FramelessWindowHint"
)
"""The kiosk window's flags: a main window's own (what Qt gives a top-level window with no hints of its own) and
frameless, exactly what ``setWindowFlag(Qt.WindowType.FramelessWindowHint, True)`` gave it
(``tests/ui/test_start_screen.py`` compares the two)."""


class KioskWindow(QMainWindow):
    close_requested = Signal()

    def __init__(self, config: WardConfig, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle(f"Discharge Kiosk - {config.ward_name}")
        # Frameless from its first show, without ``Qt`` before the start screen's first paint (issue 19,
        # ``kiosk.ui.enum_properties``): the native window is made now, hidden, and its QWindow is given the flags by
        # name; the window system reads them when the window is first shown. The widget's own copy of its flags
        # follows after the paint (``record_flags``).
        self.winId()
        handle = self.windowHandle()
        assert handle is not None  # a top-level widget has its QWindow once winId() has made it
        set_enum(handle, "flags", FRAMELESS_FLAGS)
        self._flags_recorded = False
        self._may_close = False
        self.stack = QStackedWidget()
        self.stack.setObjectName("stack")
        # The stack would be as tall as its tallest screen, and the window with it (beyond the screen itself when
        # the on-screen keyboard takes the bottom half): each screen fits itself in the space there is instead.
        self.stack.setMinimumSize(1, 1)
        self.setCentralWidget(self.stack)
        self.start_screen = StartScreen(config.ward_name, config.trust_name)
        self.stack.addWidget(self.start_screen)
        self.stack.setCurrentWidget(self.start_screen)
        # The on-screen keyboard's fit is made with the first screen shown after this one (``show_screen``): the
        # start screen has no text field, so its first paint does without it (issue 19).
        self.keyboard_fit: KeyboardFit | None = None
        # The stack holds the focus when nothing else should (no ring on it): see ``show_screen``.
        set_enum(self.stack, "focusPolicy", "NoFocus")
        self.stack.setFocus()

    def show_kiosk(self, full_screen: bool = True) -> None:
        if full_screen:
            # Full screen is only a request to the window manager, and a kiosk often runs with none (plain X, as
            # under Xvfb): cover the whole screen ourselves as well, or the window opens at its size hint.
            screen = self.screen() or QGuiApplication.primaryScreen()
            if screen is not None:
                self.setGeometry(screen.geometry())
            self.showFullScreen()
        else:
            self.resize(1280, 800)
            self.show()

    def show_screen(self, screen: QWidget) -> None:
        self.fit_keyboard()
        self.record_flags()
        if self.stack.indexOf(screen) < 0:
            self.stack.addWidget(screen)
        self.stack.setCurrentWidget(screen)
        drop_button_focus(self, self.stack)

    def fit_keyboard(self) -> KeyboardFit:
        """The window's ``KeyboardFit`` (the on-screen keyboard never hides the focused field), made on first use."""
        if self.keyboard_fit is None:
            from kiosk.ui.keyboard_fit import KeyboardFit

            self.keyboard_fit = KeyboardFit(self)
        return self.keyboard_fit

    def record_flags(self) -> None:
        """The widget's own copy of its window flags made to say what its QWindow was given (frameless), once, with
        the first screen shown after the start screen (it needs ``Qt``, so not before the first paint). Nothing is
        sent to the window system: the flags are the QWindow's already. ``windowFlags()`` answers from this copy,
        and Qt gives it to a new QWindow if it ever makes the native window again."""
        handle = self.windowHandle()
        if not self._flags_recorded and handle is not None:
            self.overrideWindowFlags(handle.flags())
            self._flags_recorded = True

    def add_hidden_screen(self, screen: QWidget) -> None:
        """Put a screen in the stack without showing it, polished and laid out at the stack's size, so showing
        it later costs only its paint (the print screen, prepared after the start: issue 19)."""
        if self.stack.indexOf(screen) < 0:
            self.stack.addWidget(screen)
        screen.ensurePolished()  # the widget and all its children
        screen.resize(self.stack.size())
        layout = screen.layout()
        if layout is not None:
            layout.activate()

    def current_screen(self) -> QWidget | None:
        return self.stack.currentWidget()

    def remove_screen(self, screen: QWidget) -> None:
        """Take a screen out of the stack and free it (its texts should already be cleared)."""
        self.stack.removeWidget(screen)
        screen.hide()
        screen.deleteLater()

    def allow_close(self) -> None:
        """After a nurse's PIN: the next close really closes."""
        self._may_close = True

    def closeEvent(self, event: QCloseEvent) -> None:
        if self._may_close:
            event.accept()
            return
        event.ignore()
        self.close_requested.emit()

    def keyPressEvent(self, event: QKeyEvent) -> None:
        if event.key() == QtCore.Qt.Key.Key_Escape:
            self.close_requested.emit()
            return
        super().keyPressEvent(event)
