"""Inside the scenario's process: real X input, the real keyboard's geometry, screenshots (Qt on ``xcb``).

Taps are real X events (xdotool moves the pointer and presses the button), so they reach the kiosk through the X
server, the xcb platform and the virtual keyboard exactly as a touchscreen's emulated mouse does. Geometry is read
from the live widgets and from the keyboard's own QML items, in screen coordinates.
"""

from __future__ import annotations

import os
import subprocess
import time
from collections.abc import Callable, Iterator
from pathlib import Path

from PySide6.QtCore import QEventLoop, QPoint, QPointF, QRect, QTimer
from PySide6.QtGui import QGuiApplication
from PySide6.QtQuick import QQuickItem, QQuickWindow
from PySide6.QtWidgets import QApplication, QWidget

Rect = tuple[int, int, int, int]


def settle(ms: int = 50) -> None:
    """Let Qt run for ``ms`` (paint, layout, input from the X server)."""
    loop = QEventLoop()
    QTimer.singleShot(ms, loop.quit)
    loop.exec()


def wait_until(condition: Callable[[], bool], timeout: float = 5.0, step_ms: int = 20) -> bool:
    deadline = time.monotonic() + timeout
    while not condition():
        if time.monotonic() > deadline:
            return False
        settle(step_ms)
    return True


def wait_stable(read: Callable[[], object], timeout: float = 3.0, step_ms: int = 60) -> bool:
    """Until ``read()`` gives the same answer twice in a row (a layout or an animation has settled)."""
    deadline = time.monotonic() + timeout
    last = read()
    while time.monotonic() < deadline:
        settle(step_ms)
        now = read()
        if now == last:
            return True
        last = now
    return False


def xdotool(*args: str) -> None:
    subprocess.run(["xdotool", *args], check=True, env=os.environ)


def press_at(x: int, y: int) -> None:
    """Pointer to (x, y), button down and up: what a finger's tap is to X without a touch driver."""
    xdotool("mousemove", str(x), str(y))
    settle(60)
    xdotool("mousedown", "1")
    settle(60)
    xdotool("mouseup", "1")


def tap(x: int, y: int) -> None:
    press_at(x, y)
    settle(80)


def centre(rect: Rect) -> tuple[int, int]:
    x, y, w, h = rect
    return x + w // 2, y + h // 2


def screen_rect(widget: QWidget) -> Rect:
    top_left = widget.mapToGlobal(QPoint(0, 0))
    return top_left.x(), top_left.y(), widget.width(), widget.height()


def visible_rect(widget: QWidget) -> Rect:
    """The part of ``widget`` not clipped by any ancestor (a scroll area's viewport, the window), on screen."""
    rect = QRect(widget.mapToGlobal(QPoint(0, 0)), widget.size())
    parent = widget.parentWidget()
    while parent is not None:
        rect = rect.intersected(QRect(parent.mapToGlobal(QPoint(0, 0)), parent.size()))
        parent = parent.parentWidget()
    return rect.x(), rect.y(), rect.width(), rect.height()


def clipped_by(widget: QWidget) -> str:
    """The first ancestor that cuts ``widget`` off (its class and object name), or "" (for failure messages)."""
    rect = QRect(widget.mapToGlobal(QPoint(0, 0)), widget.size())
    parent = widget.parentWidget()
    while parent is not None:
        if not QRect(parent.mapToGlobal(QPoint(0, 0)), parent.size()).contains(rect):
            return f"{type(parent).__name__}#{parent.objectName()} {parent.mapToGlobal(QPoint(0, 0)).toTuple()}"
        parent = parent.parentWidget()
    return ""


def tap_widget(widget: QWidget) -> None:
    tap(*centre(visible_rect(widget)))


def keyboard_visible() -> bool:
    return QGuiApplication.inputMethod().isVisible() and bool(keyboard_windows())


def keyboard_windows() -> list[QQuickWindow]:
    return [w for w in QGuiApplication.topLevelWindows() if isinstance(w, QQuickWindow) and w.isVisible()]


def keyboard_rect() -> Rect:
    """The keyboard panel on screen: the input method's rectangle, or the panel window's keyboard area."""
    rect = QGuiApplication.inputMethod().keyboardRectangle().toRect()
    return rect.x(), rect.y(), rect.width(), rect.height()


def _items(item: QQuickItem) -> Iterator[QQuickItem]:
    yield item
    for child in item.childItems():
        yield from _items(child)


def keyboard_keys() -> dict[str, Rect]:
    """Every visible key of the on-screen keyboard by its label (lower case), in screen coordinates."""
    keys: dict[str, Rect] = {}
    for window in keyboard_windows():
        for item in _items(window.contentItem()):
            if not item.isVisible() or item.width() < 4 or item.property("keyType") is None:
                continue
            text = item.property("displayText") or item.property("text") or ""
            key = item.property("key")
            name = str(text).lower() if text else f"key-{key}"
            top_left = window.mapToGlobal(item.mapToScene(QPointF(0, 0)).toPoint())
            keys.setdefault(name, (top_left.x(), top_left.y(), int(item.width()), int(item.height())))
    return keys


def inside(inner: Rect, outer: Rect) -> bool:
    x, y, w, h = inner
    ox, oy, ow, oh = outer
    return w > 0 and h > 0 and x >= ox and y >= oy and x + w <= ox + ow and y + h <= oy + oh


def overlaps(a: Rect, b: Rect) -> bool:
    ax, ay, aw, ah = a
    bx, by, bw, bh = b
    return ax < bx + bw and bx < ax + aw and ay < by + bh and by < ay + ah


def screenshot(path: Path) -> Path:
    """The whole X screen (the keyboard's own window included), as a patient sees it."""
    QApplication.processEvents()
    screen = QGuiApplication.primaryScreen()
    screen.grabWindow(0).save(str(path))
    return path


def keyboard_locale() -> str:
    """The on-screen keyboard's language now (``InputContext.locale`` in its own QML engine), "" with none."""
    from PySide6.QtCore import QUrl
    from PySide6.QtQml import QQmlComponent, qmlEngine

    for window in QGuiApplication.topLevelWindows():
        if not isinstance(window, QQuickWindow):
            continue
        engine = next((e for e in map(qmlEngine, _items(window.contentItem())) if e is not None), None)
        if engine is None:
            continue
        component = QQmlComponent(engine)
        component.setData(
            b"import QtQuick\nimport QtQuick.VirtualKeyboard\nQtObject { property string locale: InputContext.locale }",
            QUrl(),
        )
        reader = component.create()
        if reader is not None:
            locale = str(reader.property("locale"))
            reader.deleteLater()
            return locale
    return ""
