"""The records package's layering: its modules talk to each other through public names only.

The store's private transaction and audit methods used to be the database API of its siblings (nurse accounts,
retention, the export: 23 uses, issue 16). ``kiosk/records/db.py`` is that API now; this test keeps it so, read
from the source with ``ast``: ``self._x`` and ``cls._x`` are a class's own business, ``other._x`` is not.
"""

from __future__ import annotations

import ast

from kiosk import paths

RECORDS = paths.PROJECT_ROOT / "kiosk" / "records"


def private_reaches(source: str, name: str) -> list[str]:
    """Each ``something._name`` in ``source`` where ``something`` is not ``self`` or ``cls``, as "name:line expr"."""
    found: list[str] = []
    for node in ast.walk(ast.parse(source)):
        if not isinstance(node, ast.Attribute) or not node.attr.startswith("_") or node.attr.startswith("__"):
            continue
        if isinstance(node.value, ast.Name) and node.value.id in ("self", "cls"):
            continue
        found.append(f"{name}:{node.lineno} {ast.unparse(node)}")
    return found


def test_the_finder_finds_a_private_reach() -> None:
    source = "def f(self, store):\n    self._ok = 1\n    with store._transaction():\n        store.__class__\n"
    assert private_reaches(source, "sample.py") == ["sample.py:3 store._transaction"]


def test_no_records_module_uses_another_objects_private_members() -> None:
    found = [
        reach
        for path in sorted(RECORDS.rglob("*.py"))
        for reach in private_reaches(path.read_text(encoding="utf-8"), str(path.relative_to(paths.PROJECT_ROOT)))
    ]
    assert found == [], "use the public API (kiosk/records/db.py for the database):\n" + "\n".join(found)
