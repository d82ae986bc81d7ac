"""A message the plain-Python checks wrote in English, on a patient's screen in the patient's language.

``kiosk.text`` and ``kiosk.record.fields`` raise ``ValidationError`` with an English template marked for the
``patient`` catalogue (``QT_TRANSLATE_NOOP``) and its values; some values are marked texts themselves ("the
name", "an invisible character"). The nurse's screens and the log show the English ``title``; a patient's screen
shows the template and each marked value translated, values bidi-isolated in a right-to-left language.
"""

from __future__ import annotations

from collections.abc import Mapping

from kiosk.i18n import fill, translate_marked
from kiosk.text import ValidationError


def patient_text(template: str, values: Mapping[str, str]) -> str:
    """``template`` filled with ``values``, both in the installed language ("" stays ""). A value that is no
    marked text (a typed character, a number) has no translation, so Qt gives it back as it is."""
    if not template:
        return ""
    return fill(translate_marked("patient", template), **{k: translate_marked("patient", v) for k, v in values.items()})


def patient_error(exc: ValidationError) -> str:
    return patient_text(exc.template, exc.values)
