"""``canonical`` writes a flat object of strings itself (issue 19): the text must be the JSON encoder's exactly,
for every dict, or the audit trail's hashes would change."""

from __future__ import annotations

import json
from typing import Any

import pytest
from hypothesis import example, given, settings
from hypothesis import strategies as st

from kiosk.records.audit import canonical


def encoder_text(value: Any) -> str:
    return json.dumps(value, sort_keys=True, separators=(",", ":"), ensure_ascii=False)


class Text(str):
    """A str subclass: the encoder writes it as a string, and so must the direct path."""


scalars = st.none() | st.booleans() | st.integers() | st.text() | st.floats(allow_nan=False)
values = st.recursive(
    scalars, lambda inner: st.lists(inner, max_size=3) | st.dictionaries(st.text(), inner, max_size=3)
)


@settings(max_examples=400, deadline=None)
@given(st.dictionaries(st.text(), st.text(), max_size=6) | st.dictionaries(st.text(), values, max_size=4))
@example({})
@example({"row": "0" * 64})
@example({"b": '\u00e9\u0000"\\\n\u2028\ud83d\ude00', "a": "x", "": ""})
@example({"from": "started", "state": "with-patient"})
@example({"a": "x", "b": 1})
@example({"a": "x", "b": None})
@example({"a": "x", "b": True})
def test_the_text_is_the_encoders(value: dict[str, Any]) -> None:
    assert canonical(value) == encoder_text(value)


def test_keys_and_values_the_direct_path_does_not_write_go_to_the_encoder() -> None:
    for value in ({1: "a", 2: "b"}, {Text("k"): Text("v"), "a": "b"}, {"a": ["x"]}, {"a": {"b": "c"}}):
        assert canonical(value) == encoder_text(value)
    with pytest.raises(TypeError):
        canonical({1: "a", "b": "c"})  # unsortable keys: the encoder's own error
    assert canonical(["a", 1, None]) == encoder_text(["a", 1, None])
