"""The touch-friendly pieces of the new-discharge form: end-time stepper, side and level, medicines, tick rows.

Each piece is a plain widget with ``value()``-style getters and a ``clear()``; the rules (limits, grid, what
is valid) live in ``kiosk.discharge.new_discharge``. Nothing here needs a fiddly spinbox, a long press or a
hover: every change is one tap on a big button.
"""

from __future__ import annotations

from collections.abc import Sequence
from datetime import datetime

from PySide6.QtCore import QSize, Qt, Signal
from PySide6.QtGui import QMouseEvent
from PySide6.QtWidgets import (
    QButtonGroup,
    QCheckBox,
    QFrame,
    QHBoxLayout,
    QLayout,
    QLineEdit,
    QPushButton,
    QSizePolicy,
    QVBoxLayout,
    QWidget,
)

from kiosk.discharge.new_discharge import (
    COMMON_LEVELS,
    MAX_LEVEL_LENGTH,
    MAX_MEDICINE_LENGTH,
    MAX_MEDICINES,
    Side,
    default_ended,
    describe_ended,
    ended_limits,
    step_ended,
)
from kiosk.i18n import translate
from kiosk.ui.flow_layout import FlowLayout
from kiosk.ui.nurse.base import GAP
from kiosk.ui.widgets import button, label

STEPS = ((-60, "−1 h"), (-5, "−5 min"), (5, "+5 min"), (60, "+1 h"))


class EndTimePicker(QWidget):
    """When the procedure ended: a big clock-time label, −1 h / −5 min / +5 min / +1 h and "Now" buttons."""

    changed = Signal()

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._now: datetime | None = None
        self._ended: datetime | None = None
        self.display = label("", "value")
        self.display.setObjectName("ended-display")
        self.step_buttons: dict[int, QPushButton] = {}
        # The five buttons wrap onto a second row in a narrow column rather than overlapping.
        row = FlowLayout(spacing=GAP)
        for minutes, text in STEPS:
            step = button(text, "step", name=f"ended-{'minus' if minutes < 0 else 'plus'}-{abs(minutes)}")
            step.clicked.connect(lambda _=False, m=minutes: self.step(m))
            self.step_buttons[minutes] = step
            row.addWidget(step)
        self.now_button = button(translate("nurse", "Now"), "step", name="ended-now")
        self.now_button.clicked.connect(self._to_now)
        row.addWidget(self.now_button)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.setSpacing(GAP // 2)
        layout.addWidget(self.display)
        layout.addLayout(row)

    def start(self, now: datetime) -> None:
        self._now = now
        self._ended = default_ended(now)
        self._refresh()

    def set_now(self, now: datetime) -> None:
        """Move "now" on (a form left open for a while) without changing the chosen time."""
        self._now = now
        self._refresh()

    def value(self) -> datetime | None:
        return self._ended

    def step(self, minutes: int) -> None:
        if self._now is None or self._ended is None:
            return
        self._ended = step_ended(self._ended, minutes, self._now)
        self._refresh()
        self.changed.emit()

    def clear(self) -> None:
        self._now = None
        self._ended = None
        self._refresh()

    def _to_now(self) -> None:
        if self._now is not None:
            self._ended = default_ended(self._now)
            self._refresh()
            self.changed.emit()

    def _refresh(self) -> None:
        if self._now is None or self._ended is None:
            self.display.setText("")
            for step in self.step_buttons.values():
                step.setEnabled(False)
            return
        self.display.setText(describe_ended(self._ended, self._now))
        earliest, latest = ended_limits(self._now)
        for minutes, step in self.step_buttons.items():
            step.setEnabled(self._ended > earliest if minutes < 0 else self._ended < latest)


class LanguagePicker(QWidget):
    """The patient's language, preset by the nurse: one toggle per language, each named in its own script (and in
    English, for the nurse). English is chosen until another is tapped; the patient can still change it."""

    changed = Signal()

    def __init__(self, parent: QWidget | None = None) -> None:
        from kiosk.languages import DEFAULT_LANGUAGE, LANGUAGES
        from kiosk.ui.flow_layout import FlowLayout

        super().__init__(parent)
        self.buttons: dict[str, QPushButton] = {}
        self._group = QButtonGroup(self)
        self._group.setExclusive(True)
        row = FlowLayout(self, spacing=GAP // 2)
        for code, lang in LANGUAGES.items():
            text = lang.native_name if code == DEFAULT_LANGUAGE else f"{lang.native_name} ({lang.english_name})"
            choice = button(text, "choice", name=f"preset-language-{code}")
            choice.setCheckable(True)
            choice.clicked.connect(self.changed)
            self._group.addButton(choice)
            self.buttons[code] = choice
            row.addWidget(choice)
        self._default = DEFAULT_LANGUAGE
        self.clear()

    def language(self) -> str:
        return next((code for code, choice in self.buttons.items() if choice.isChecked()), self._default)

    def set_language(self, code: str) -> None:
        self.buttons[code].setChecked(True)

    def clear(self) -> None:
        self.set_language(self._default)


class SideLevelPicker(QWidget):
    """Side as three big toggles (Left / Right / Both sides); level typed or tapped from the common ones."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.side_buttons: dict[str, QPushButton] = {}
        self._sides = QButtonGroup(self)
        sides = QHBoxLayout()
        sides.setSpacing(GAP)
        for side in Side:
            choice = button(side.value, "choice", name=f"side-{side.name.lower()}")
            choice.setCheckable(True)
            self._sides.addButton(choice)
            self.side_buttons[side.value] = choice
            sides.addWidget(choice)

        self.level_edit = QLineEdit()
        self.level_edit.setObjectName("level")
        self.level_edit.setMaxLength(MAX_LEVEL_LENGTH + 10)
        self.level_edit.setPlaceholderText(translate("nurse", "e.g. L5"))
        self.level_buttons: dict[str, QPushButton] = {}
        levels = QHBoxLayout()
        levels.setSpacing(GAP)
        levels.addWidget(self.level_edit, 2)
        for level in COMMON_LEVELS:
            chip = button(level, "step", name=f"level-{level}")
            chip.clicked.connect(lambda _=False, text=level: self.level_edit.setText(text))
            self.level_buttons[level] = chip
            levels.addWidget(chip, 1)

        self.side_row = QWidget()
        self.side_row.setLayout(sides)
        sides.setContentsMargins(0, 0, 0, 0)
        self.level_row = QWidget()
        self.level_row.setLayout(levels)
        levels.setContentsMargins(0, 0, 0, 0)

    def side(self) -> str:
        for text, choice in self.side_buttons.items():
            if choice.isChecked():
                return text
        return ""

    def level(self) -> str:
        return self.level_edit.text()

    def clear(self) -> None:
        self._sides.setExclusive(False)
        for choice in self.side_buttons.values():
            choice.setChecked(False)
        self._sides.setExclusive(True)
        self.level_edit.clear()


class MedicinesEditor(QWidget):
    """The medicines given: one editable line each (prefilled from the procedure), Remove, and Add."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.lines: list[QLineEdit] = []
        self._rows: list[QWidget] = []
        self.rows_box = QVBoxLayout()
        self.rows_box.setSpacing(GAP // 2)
        self.add_button = button(translate("nurse", "Add a medicine"), name="medicine-add")
        self.add_button.clicked.connect(lambda: self.add("", focus=True))
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.setSpacing(GAP // 2)
        layout.addLayout(self.rows_box)
        layout.addWidget(self.add_button, 0, Qt.AlignmentFlag.AlignLeft)

    def set_medicines(self, medicines: Sequence[str]) -> None:
        self.clear()
        for medicine in medicines:
            self.add(medicine)

    def medicines(self) -> tuple[str, ...]:
        return tuple(line.text() for line in self.lines)

    def add(self, text: str = "", focus: bool = False) -> QLineEdit:
        row = QWidget()
        line = QLineEdit(text)
        line.setObjectName(f"medicine-{len(self.lines)}")
        line.setMaxLength(MAX_MEDICINE_LENGTH + 20)
        line.setPlaceholderText(translate("nurse", "Medicine given"))
        remove = button(translate("nurse", "Remove"), name=f"medicine-remove-{len(self.lines)}")
        remove.clicked.connect(lambda _=False, r=row, ln=line: self._remove(r, ln))
        box = QHBoxLayout(row)
        box.setContentsMargins(0, 0, 0, 0)
        box.setSpacing(GAP)
        box.addWidget(line, 1)
        box.addWidget(remove)
        self.rows_box.addWidget(row)
        self.lines.append(line)
        self._rows.append(row)
        self.add_button.setEnabled(len(self.lines) < MAX_MEDICINES)
        if focus:
            line.setFocus()
        return line

    def remove_buttons(self) -> list[QPushButton]:
        found = [row.findChild(QPushButton) for row in self._rows]
        return [button for button in found if button is not None]

    def clear(self) -> None:
        for row in self._rows:
            self.rows_box.removeWidget(row)
            row.setParent(None)  # out of the widget tree at once: no medicine text left behind
            row.deleteLater()
        self._rows = []
        self.lines = []
        self.add_button.setEnabled(True)

    def _remove(self, row: QWidget, line: QLineEdit) -> None:
        if row in self._rows:
            self._rows.remove(row)
            self.lines.remove(line)
            self.rows_box.removeWidget(row)
            row.setParent(None)
            row.deleteLater()
        self.add_button.setEnabled(len(self.lines) < MAX_MEDICINES)


class TickRow(QFrame):
    """A tick box with a label that wraps; a tap anywhere on the row ticks or unticks it.

    (A QCheckBox's own text does not wrap, and long factor labels would push the form off the screen.)
    """

    toggled = Signal(bool)

    def __init__(self, text: str, name: str = "", parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setProperty("role", "tick-row")
        self.checkbox = QCheckBox()
        if name:
            self.checkbox.setObjectName(name)
        self.checkbox.setAccessibleName(text)
        self.checkbox.toggled.connect(self.toggled)
        self.text = label(text)
        row = QHBoxLayout(self)
        row.setContentsMargins(0, 0, 0, 0)
        row.setSpacing(GAP)
        row.addWidget(self.checkbox, 0, Qt.AlignmentFlag.AlignTop)
        row.addWidget(self.text, 1)

    def isChecked(self) -> bool:
        return self.checkbox.isChecked()

    def setChecked(self, checked: bool) -> None:
        self.checkbox.setChecked(checked)

    def mouseReleaseEvent(self, event: QMouseEvent) -> None:
        if event.button() == Qt.MouseButton.LeftButton and self.rect().contains(event.position().toPoint()):
            self.checkbox.toggle()
        super().mouseReleaseEvent(event)


class CardButton(QPushButton):
    """A big checkable button whose lines wrap to its width (a QPushButton's own text never wraps).

    The first line is the heading (bold), the rest are details. Used where cutting text off would hide
    something that matters: a procedure's version and review state (H1, H2), a quick-pick reason.
    """

    def __init__(self, lines: Sequence[str], *, name: str = "", parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setProperty("role", "card")
        if name:
            self.setObjectName(name)
        self.setCheckable(True)
        self.setFocusPolicy(Qt.FocusPolicy.TabFocus)
        self.lines = [label(text, "card-title" if index == 0 else "card-line") for index, text in enumerate(lines)]
        box = QVBoxLayout(self)
        box.setContentsMargins(20, 10, 20, 10)
        box.setSpacing(2)
        for line in self.lines:
            line.setAttribute(Qt.WidgetAttribute.WA_TransparentForMouseEvents)
            box.addWidget(line)
        policy = QSizePolicy(QSizePolicy.Policy.Preferred, QSizePolicy.Policy.Preferred)
        policy.setHeightForWidth(True)
        self.setSizePolicy(policy)
        self.setAccessibleName(" ".join(lines))
        self.toggled.connect(self._restyle)

    def text_lines(self) -> list[str]:
        return [line.text() for line in self.lines]

    def _own_layout(self) -> QLayout:
        layout = self.layout()
        assert layout is not None, "a TickRow always has its layout (set in __init__)"
        return layout

    def sizeHint(self) -> QSize:
        return self._own_layout().sizeHint().expandedTo(self.minimumSize())

    def minimumSizeHint(self) -> QSize:
        return self._own_layout().minimumSize()

    def hasHeightForWidth(self) -> bool:
        return True

    def heightForWidth(self, width: int) -> int:
        return max(self.minimumHeight(), self._own_layout().totalHeightForWidth(width))

    def _restyle(self, checked: bool) -> None:
        for line in self.lines:
            line.setProperty("checked", checked)
            line.style().unpolish(line)
            line.style().polish(line)
