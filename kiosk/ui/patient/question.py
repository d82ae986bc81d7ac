"""Patient screen 5: a check question (teach-back). One big button per option; after a choice, the feedback.

A wrong answer shows the explanation and "Try again" (the flow decides whether to ask again); a right one says so.
The screen never judges the answer itself: the controller passes the flow's ``AnswerOutcome`` to ``show_outcome``,
and the words and marks come from ``kiosk.discharge.feedback``.

"Question N of M" and the question sit above the scrolling part, so they stay in view while the patient scrolls
down to the feedback at the largest text size. Nothing here takes the focus: the first option is never
pre-selected for a keyboard (nor drawn with a focus ring).
"""

from __future__ import annotations

from PySide6.QtCore import Qt, QTimer, Signal
from PySide6.QtWidgets import QLabel, QVBoxLayout, QWidget

from kiosk.discharge import feedback
from kiosk.i18n import translate
from kiosk.ui.flow_layout import WrapButton, wrap_button
from kiosk.ui.patient.base import PatientPage
from kiosk.ui.widgets import button, label, ui_text


class QuestionScreen(PatientPage):
    answered = Signal(int)
    next_requested = Signal()
    back_requested = Signal()

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.progress = label("", "progress")
        self.progress.setObjectName("progress")
        self.question = label("", "title")
        self.question.setObjectName("question")
        self.options_box = QVBoxLayout()
        self.options_box.setSpacing(20)
        self.option_buttons: list[WrapButton] = []
        self._options: tuple[str, ...] = ()
        self.verdict = label("", "verdict")
        self.verdict.setObjectName("verdict")
        # Both verdict styles have the same border and padding; set one now so the first polish sizes the box.
        self.verdict.setProperty("correct", False)
        self.explanation = label("", "explanation")
        self.explanation.setObjectName("explanation")
        self.pin_above_scroll(self.progress, self.question)
        self.body.addLayout(self.options_box)
        self.body.addWidget(self.verdict)
        self.body.addWidget(self.explanation)
        self.body.addStretch(1)

        self.back_button = button(translate("patient", "Back"), "", name="back")
        self.back_button.clicked.connect(self.back_requested)
        self.next_button = button(translate("patient", "Next"), "primary", name="next", commit=True)
        self.next_button.clicked.connect(self.next_requested)
        # Hidden until an answer is chosen, but keeps its place: Back must not grow into a big primary-sized bar.
        policy = self.next_button.sizePolicy()
        policy.setRetainSizeWhenHidden(True)
        self.next_button.setSizePolicy(policy)
        self.footer.addWidget(self.back_button, 1)
        self.footer.addWidget(self.next_button, 3)

    def show_question(self, progress: str, question: str, options: tuple[str, ...], can_go_back: bool = True) -> None:
        self.progress.setText(progress)
        self.question.setText(question)
        self._options = options
        while len(self.option_buttons) < len(options):
            index = len(self.option_buttons)
            choice = wrap_button("", "option", name=f"option-{index}", commit=True)
            choice.text_label.setAlignment(Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter)
            choice.clicked.connect(lambda _=False, i=index: self.answered.emit(i))
            self.options_box.addWidget(choice)
            self.option_buttons.append(choice)
        for index, choice in enumerate(self.option_buttons):
            shown = index < len(options)
            choice.setText(options[index] if shown else "")
            choice.setVisible(shown)
            choice.setEnabled(True)
            choice.setProperty("mark", feedback.Mark.NONE.value)
            _restyle(choice)
        self.verdict.clear()
        self.verdict.hide()
        self.explanation.clear()
        self.explanation.hide()
        self.next_button.hide()
        self.back_button.setEnabled(can_go_back)
        self.scroll_area.verticalScrollBar().setValue(0)

    def show_outcome(self, chosen: int, correct: bool, explanation: str, ask_again: bool, right_option: str) -> None:
        """The feedback after a choice: the options stay (no more taps), the right one highlighted and marked ✓, a
        wrong choice marked ✗; then the verdict and the explanation."""
        right = self._options.index(right_option) if right_option in self._options else chosen
        marks = feedback.option_marks(self._options, chosen, right)
        for index, choice in enumerate(self.option_buttons[: len(self._options)]):
            choice.setEnabled(False)
            choice.setProperty("mark", marks[index].value)
            choice.setText(feedback.marked_text(self._options[index], marks[index]))
            _restyle(choice)
        self.verdict.setText(feedback.verdict(correct, ask_again, right_option))
        self.verdict.setProperty("correct", correct)
        _restyle(self.verdict)
        self.explanation.setText(explanation)
        self.verdict.show()
        self.explanation.show()
        ui_text(self.next_button, translate("patient", "Try again") if ask_again else translate("patient", "Next"))
        self.next_button.show()
        # With long options or large text the feedback can fall below the fold: bring it into view once laid out.
        QTimer.singleShot(0, self, self._reveal_feedback)

    def _reveal_feedback(self) -> None:
        # The verdict's top first: the question is pinned above, so nothing the patient needs scrolls away.
        if self.explanation.isVisible():
            self.scroll_area.ensureWidgetVisible(self.explanation, 0, 24)
            self.scroll_area.ensureWidgetVisible(self.verdict, 0, 24)

    def clear(self) -> None:
        super().clear()
        for widget in (self.progress, self.question, self.verdict, self.explanation):
            widget.clear()
        for choice in self.option_buttons:
            choice.setText("")
        self._options = ()


def _restyle(widget: QWidget) -> None:
    """Re-apply the stylesheet after a dynamic property changed (Qt does not do it by itself), to the widget's
    labels too: their colours depend on the button's ``mark``."""
    for target in (widget, *widget.findChildren(QLabel)):
        style = target.style()
        style.unpolish(target)
        style.polish(target)
    widget.updateGeometry()
