"""Property-based tests: whatever a file holds, loading it gives a procedure or problems, never a crash."""

from __future__ import annotations

import copy
from datetime import date
from pathlib import Path
from typing import Any

import pytest
import yaml
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from kiosk.content.kinds import Record
from kiosk.content.loader import ContentError, check_file, load_procedure
from kiosk.content.model import Procedure
from kiosk.content.schema import PROCEDURE
from tests.content.conftest import SHIPPED

TODAY = date(2026, 6, 1)
GOOD = Path(__file__).parent / "good" / "minimal.yaml"


def _schema_keys(record: Record, found: set[str]) -> set[str]:
    for key, field in record.fields.items():
        found.add(key)
        kind = getattr(field.kind, "item", field.kind)
        if isinstance(kind, Record):
            _schema_keys(kind, found)
    return found


KEYS = sorted(_schema_keys(PROCEDURE, set()))
SETTINGS = settings(
    max_examples=100,
    deadline=None,
    suppress_health_check=[HealthCheck.function_scoped_fixture, HealthCheck.too_slow],
)

scalars = st.one_of(
    st.none(),
    st.booleans(),
    st.integers(min_value=-(10**12), max_value=10**12),
    st.floats(allow_nan=True, allow_infinity=True),
    st.text(max_size=20),
    st.dates(),
    st.sampled_from(["diabetic", "sedation", "gp", "ward", "24", "0114 263 2115", "2026-02-30", "yes", "", "No"]),
)
keys = st.one_of(st.sampled_from(KEYS), st.text(max_size=8))
values = st.recursive(
    scalars,
    lambda children: st.lists(children, max_size=4) | st.dictionaries(keys, children, max_size=5),
    max_leaves=25,
)


def _load(path: Path, text: str | bytes) -> Procedure | ContentError:
    path.write_bytes(text if isinstance(text, bytes) else text.encode("utf-8"))
    report = check_file(path, today=TODAY)
    for problem in report.problems:
        assert problem.message and problem.hint
        assert problem.line is None or problem.line >= 1
    try:
        return load_procedure(path, today=TODAY)
    except ContentError as error:
        assert error.problems == report.problems
        assert report.procedure is None
        return error


@pytest.fixture
def target(tmp_path: Path) -> Path:
    return tmp_path / "fuzz.yaml"


@SETTINGS
@given(document=st.dictionaries(keys, values, max_size=12))
def test_random_documents_only_give_problems(target: Path, document: dict[str, Any]) -> None:
    _load(target, yaml.safe_dump(document, allow_unicode=True))


def _paths(node: Any, prefix: tuple[Any, ...] = ()) -> list[tuple[Any, ...]]:
    found = [prefix]
    if isinstance(node, dict):
        for key, value in node.items():
            found += _paths(value, (*prefix, key))
    elif isinstance(node, list):
        for index, value in enumerate(node):
            found += _paths(value, (*prefix, index))
    return found


def _mutate(document: Any, path: tuple[Any, ...], action: str, value: Any) -> Any:
    if not path:
        return value
    parent = document
    for step in path[:-1]:
        parent = parent[step]
    if action == "delete":
        del parent[path[-1]]
    elif action == "duplicate" and isinstance(parent, list):
        parent.append(copy.deepcopy(parent[path[-1]]))
    else:
        parent[path[-1]] = value
    return document


SEEDS = [yaml.safe_load(GOOD.read_text()), yaml.safe_load((SHIPPED / "nerve-root-block.yaml").read_text())]


@SETTINGS
@given(data=st.data(), seed=st.sampled_from([0, 1]))
def test_mutated_procedures_load_or_give_problems(target: Path, data: st.DataObject, seed: int) -> None:
    """A real procedure with a few parts deleted, replaced or duplicated: a procedure, or problems."""
    document = copy.deepcopy(SEEDS[seed])
    for _ in range(data.draw(st.integers(min_value=1, max_value=4))):
        paths = _paths(document)
        path = data.draw(st.sampled_from(paths))
        action = data.draw(st.sampled_from(["replace", "delete", "duplicate"]))
        if not path and action != "replace":
            continue
        document = _mutate(document, path, action, data.draw(values))
    result = _load(target, yaml.safe_dump(document, allow_unicode=True, sort_keys=False))
    if isinstance(result, Procedure):
        assert result.steps and result.red_flags and result.questions and result.contacts
        known = {contact.id for contact in result.contacts}
        assert all(set(flag.call) <= known for flag in result.red_flags)


@SETTINGS
@given(text=st.text(alphabet=st.sampled_from(list("abc:-[]{}&*!|>'\"#%@`,? \n\t<")), max_size=200))
def test_yaml_like_noise_only_gives_problems(target: Path, text: str) -> None:
    result = _load(target, text)
    assert isinstance(result, ContentError)


@SETTINGS
@given(data=st.binary(max_size=300))
def test_random_bytes_only_give_problems(target: Path, data: bytes) -> None:
    assert isinstance(_load(target, data), ContentError)


@SETTINGS
@given(tag=st.sampled_from(["!!python/object:os.system", "!!binary", "!!set", "!custom", "!!python/name:os.system"]))
def test_every_unusual_tag_is_reported(target: Path, tag: str) -> None:
    """Wherever a tag sits (text, list, heading), it is an error that names it."""
    text = GOOD.read_text()
    for old in ("why: To test the loader.", "  - id: rest", "contacts:"):
        changed = text.replace(
            old, old.replace(":", f": {tag}", 1) if old != "  - id: rest" else f"  - {tag}\n    id: rest"
        )
        result = _load(target, changed)
        assert isinstance(result, ContentError)
        assert any("YAML tag" in problem.message for problem in result.problems), result.problems
