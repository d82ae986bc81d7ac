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
