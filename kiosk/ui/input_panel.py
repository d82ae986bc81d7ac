"""The on-screen keyboard's view is built at start-up, while only the start screen is showing.

Qt Virtual Keyboard builds its QML view the first time a text field gets the focus. Building it loads QML
plugins on the QML loader thread while the GUI thread waits; doing that in the middle of a screen change (a
screen that focuses its first field) is where the kiosk froze (issue 12). Here a throw-away field takes the focus
once, before the controller exists, so no screen is ever the first to focus a field.
"""

from __future__ import annotations

import logging

from PySide6.QtCore import Qt
from PySide6.QtGui import QGuiApplication
from PySide6.QtWidgets import QApplication, QLineEdit, QWidget

VIRTUAL_KEYBOARD = "qtvirtualkeyboard"

log = logging.getLogger(__name__)


def uses_virtual_keyboard(im_module: str | None) -> bool:
    return (im_module or "").startswith(VIRTUAL_KEYBOARD)


def create_input_panel(window: QWidget) -> None:
    """Give a hidden-away field the focus for a moment, so the keyboard builds its view now, not later.

    Qt's classes are imported here, after the first paint: the start screen does not need them (issue 19)."""
    from PySide6.QtGui import QGuiApplication

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


_SET_LOCALE = b"""import QtQuick
import QtQuick.VirtualKeyboard.Settings
QtObject { property string locale: ""; Component.onCompleted: VirtualKeyboardSettings.locale = locale }
"""


def set_keyboard_locale(locale: str) -> bool:
    """Switch the on-screen keyboard to ``locale``'s layout ("pl_PL", "ar_AR"; "" for the default, English).

    The keyboard's settings live in its own QML engine (the panel's window, built by ``create_input_panel``), so
    the locale is set there, through ``VirtualKeyboardSettings``. Returns False when there is no keyboard window
    (no virtual keyboard in use, or it has not been built yet): nothing to switch."""
    from PySide6.QtCore import QObject, QUrl
    from PySide6.QtQml import QQmlComponent, qmlEngine
    from PySide6.QtQuick import QQuickItem, QQuickWindow

    def items(item: QQuickItem) -> list[QQuickItem]:
        found = [item]
        for child in item.childItems():
            found += items(child)
        return found

    for window in QGuiApplication.topLevelWindows():
        if not isinstance(window, QQuickWindow):
            continue
        engine = next((e for e in map(qmlEngine, items(window.contentItem())) if e is not None), None)
        if engine is None:
            continue
        component = QQmlComponent(engine)
        component.setData(_SET_LOCALE, QUrl())
        setter: QObject | None = component.createWithInitialProperties({"locale": locale})
        if setter is None:  # the stubs say it never is; it is when the QML does not compile
            log.warning("the keyboard's language cannot be set: %s", [e.toString() for e in component.errors()])
            return False
        setter.deleteLater()
        return True
    return False
