"""Qt enum properties set by their key names (``kiosk.ui.enum_properties``): the start screen's way round the
``Qt`` namespace before its first paint (issue 19)."""

from __future__ import annotations

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QLabel, QPushButton
from pytestqt.qtbot import QtBot

from kiosk.ui.enum_properties import set_enum


def test_keys_set_the_same_values_as_the_typed_calls(qtbot: QtBot) -> None:
    by_name, typed = QLabel("x"), QLabel("x")
    qtbot.addWidget(by_name)
    qtbot.addWidget(typed)
    set_enum(by_name, "alignment", "AlignRight|AlignBottom")
    typed.setAlignment(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignBottom)
    set_enum(by_name, "textFormat", "PlainText")
    typed.setTextFormat(Qt.TextFormat.PlainText)
    assert by_name.alignment() == typed.alignment()
    assert by_name.textFormat() is typed.textFormat() is Qt.TextFormat.PlainText
    button = QPushButton("y")
    qtbot.addWidget(button)
    set_enum(button, "focusPolicy", "TabFocus")
    assert button.focusPolicy() is Qt.FocusPolicy.TabFocus


@pytest.mark.parametrize(
    ("name", "keys"), [("alignment", "AlignCentre"), ("textFormat", "Plain"), ("no-such", "PlainText")]
)
def test_an_unknown_key_or_property_is_refused(qtbot: QtBot, name: str, keys: str) -> None:
    """A misspelt key must not leave the property silently as it was."""
    label = QLabel("x")
    qtbot.addWidget(label)
    label.setTextFormat(Qt.TextFormat.RichText)
    with pytest.raises(ValueError, match="Qt refused"):
        set_enum(label, name, keys)
    assert label.textFormat() is Qt.TextFormat.RichText
