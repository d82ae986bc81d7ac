"""The on-screen keyboard's view is built at start-up, while only the start screen is showing.

Qt Virtual Keyboard builds its QML view the first time a text field gets the focus. Building it loads QML
plugins on the QML loader thread while the GUI thread waits; doing that in the middle of a screen change (a
screen that focuses its first field) is where the kiosk froze (issue 12). Here a throw-away field takes the focus
once, before the controller exists, so no screen is ever the first to focus a field.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from PySide6.QtWidgets import QWidget

VIRTUAL_KEYBOARD = "qtvirtualkeyboard"


def uses_virtual_keyboard(im_module: str | None) -> bool:
    return (im_module or "").startswith(VIRTUAL_KEYBOARD)


def create_input_panel(window: QWidget) -> None:
    """Give a hidden-away field the focus for a moment, so the keyboard builds its view now, not later.

    Qt's classes are imported here, after the first paint: the start screen does not need them (issue 19)."""
    from PySide6.QtCore import Qt
    from PySide6.QtGui import QGuiApplication
    from PySide6.QtWidgets import QApplication, QLineEdit

    window.activateWindow()
    probe = QLineEdit(window)
    probe.setObjectName("input-panel-warm-up")
    probe.setGeometry(0, 0, 1, 1)
    probe.setAttribute(Qt.WidgetAttribute.WA_InputMethodEnabled, True)
    probe.show()
    probe.setFocus(Qt.FocusReason.OtherFocusReason)
    QApplication.processEvents()
    probe.clearFocus()
    probe.hide()
    probe.deleteLater()
    QGuiApplication.inputMethod().hide()
    QApplication.processEvents()
