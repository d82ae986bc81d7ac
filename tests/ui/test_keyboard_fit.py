"""The keyboard-fit rules that need no on-screen keyboard (the real one is in tests/display)."""

from __future__ import annotations

from PySide6.QtCore import QRect
from PySide6.QtWidgets import QLineEdit, QPushButton, QVBoxLayout, QWidget
from pytestqt.qtbot import QtBot

from kiosk.ui.keyboard_fit import keyboard_overlap, next_field, text_fields


def test_overlap_is_the_part_of_the_window_the_keyboard_covers() -> None:
    window = QRect(0, 0, 1280, 800)
    assert keyboard_overlap(window, QRect(0, 400, 1280, 400)) == 400
    assert keyboard_overlap(window, QRect()) == 0
    assert keyboard_overlap(window, QRect(0, 800, 1280, 400)) == 0, "below the window"
    assert keyboard_overlap(QRect(0, 0, 800, 1280), QRect(0, 1000, 800, 280)) == 280


def test_enter_goes_to_the_next_visible_field_and_stops_after_the_last(qtbot: QtBot) -> None:
    screen = QWidget()
    qtbot.addWidget(screen)
    layout = QVBoxLayout(screen)
    name, hidden, button, relationship, read_only = (
        QLineEdit(),
        QLineEdit(),
        QPushButton("Friend"),
        QLineEdit(),
        QLineEdit(),
    )
    read_only.setReadOnly(True)
    for widget in (name, hidden, button, relationship, read_only):
        layout.addWidget(widget)
    screen.show()
    hidden.hide()
    qtbot.waitExposed(screen)
    assert text_fields(screen) == [name, relationship]
    assert next_field(name, screen) is relationship
    assert next_field(relationship, screen) is None


def test_a_window_freed_from_python_with_a_focused_field_calls_no_dead_fit(qtbot: QtBot) -> None:
    """The suite's "AttributeError: Slot 'KeyboardFit::' not found": a window in a reference cycle, its field
    focused, freed by the garbage collector; PySide invalidated the fit before Qt deleted the field, and the focus
    leaving it called the dead fit's slot."""
    import gc

    from PySide6.QtWidgets import QApplication, QMainWindow

    from kiosk.ui.keyboard_fit import KeyboardFit

    def window_in_a_cycle() -> None:
        window = QMainWindow()
        window.setProperty("fit", 1)
        fit = KeyboardFit(window)
        field = QLineEdit()
        window.setCentralWidget(field)
        window.show()
        window.activateWindow()
        field.setFocus()
        qtbot.waitUntil(lambda: QApplication.focusWidget() is field)
        holder: dict[str, object] = {"window": window, "fit": fit}
        holder["self"] = holder

    with qtbot.captureExceptions() as exceptions:
        window_in_a_cycle()
        gc.collect()
        qtbot.wait(10)
    assert [str(error[1]) for error in exceptions] == []


def test_enter_typed_into_a_field_of_the_window_moves_to_its_next_field(qtbot: QtBot) -> None:
    """The fit watches Enter on each field as it takes the focus (no application-wide filter: issue 19)."""
    from PySide6.QtCore import Qt
    from PySide6.QtTest import QTest
    from PySide6.QtWidgets import QApplication, QMainWindow, QStackedWidget

    from kiosk.ui.keyboard_fit import KeyboardFit

    window = QMainWindow()
    qtbot.addWidget(window)
    KeyboardFit(window)
    stack = QStackedWidget()
    window.setCentralWidget(stack)
    screen = QWidget()
    layout = QVBoxLayout(screen)
    first, second = QLineEdit(), QLineEdit()
    layout.addWidget(first)
    layout.addWidget(second)
    stack.addWidget(screen)
    window.show()
    window.activateWindow()
    qtbot.waitExposed(window)
    first.setFocus()
    qtbot.waitUntil(lambda: QApplication.focusWidget() is first)
    QTest.keyClick(first, Qt.Key.Key_Return)
    qtbot.waitUntil(lambda: QApplication.focusWidget() is second)
    QTest.keyClick(second, Qt.Key.Key_Enter)  # the last field: the keyboard closes, the focus stays
    qtbot.wait(20)
    assert QApplication.focusWidget() is second
