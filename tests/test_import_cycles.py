"""No new import cycles in ``kiosk/``: between modules, and between the packages directly under ``kiosk``.

Read from the source with ``ast`` (nothing is imported): every ``import`` counts, also one inside a function
(a lazy import still ties the two modules together), except those under ``if TYPE_CHECKING:``. A cycle found
here that is not in ``KNOWN`` fails the test; so does a known one that has gone (take it off the list).
"""

from __future__ import annotations

import ast
import re
from collections.abc import Iterator
from pathlib import Path

from kiosk import paths

KIOSK = paths.PROJECT_ROOT / "kiosk"

KNOWN_MODULE_CYCLES: set[frozenset[str]] = set()
KNOWN_PACKAGE_CYCLES: set[frozenset[str]] = set()


def module_name(path: Path) -> str:
    parts = path.relative_to(KIOSK.parent).with_suffix("").parts
    return ".".join(parts[:-1] if parts[-1] == "__init__" else parts)


def imported(path: Path, name: str, known: set[str]) -> set[str]:
    """The kiosk modules ``path`` imports (``from a import b`` counts ``a.b`` when that is a module)."""
    package = name if path.name == "__init__.py" else name.rpartition(".")[0]
    found: set[str] = set()

    def visit(node: ast.AST) -> None:
        for child in ast.iter_child_nodes(node):
            if isinstance(child, ast.If) and "TYPE_CHECKING" in ast.unparse(child.test):
                continue
            if isinstance(child, ast.Import):
                found.update(alias.name for alias in child.names)
            elif isinstance(child, ast.ImportFrom):
                if child.level:
                    base = package.split(".")[: len(package.split(".")) - child.level + 1]
                    module = ".".join([*base, *([child.module] if child.module else [])])
                else:
                    module = child.module or ""
                found.add(module)
                found.update(f"{module}.{alias.name}" for alias in child.names)
            visit(child)

    visit(ast.parse(path.read_text(encoding="utf-8")))
    return {module for module in found if module in known and module != name}


def import_graph() -> dict[str, set[str]]:
    files = {module_name(path): path for path in KIOSK.rglob("*.py")}
    return {name: imported(path, name, set(files)) for name, path in files.items()}


def cycles(graph: dict[str, set[str]]) -> set[frozenset[str]]:
    """The strongly connected components with more than one member (Tarjan, iterative)."""
    index: dict[str, int] = {}
    low: dict[str, int] = {}
    stack: list[str] = []
    on_stack: set[str] = set()
    found: set[frozenset[str]] = set()
    counter = 0

    def strongconnect(root: str) -> None:
        nonlocal counter
        work: list[tuple[str, Iterator[str]]] = [(root, iter(sorted(graph.get(root, ()))))]
        index[root] = low[root] = counter
        counter += 1
        stack.append(root)
        on_stack.add(root)
        while work:
            node, children = work[-1]
            for child in children:
                if child not in index:
                    index[child] = low[child] = counter
                    counter += 1
                    stack.append(child)
                    on_stack.add(child)
                    work.append((child, iter(sorted(graph.get(child, ())))))
                    break
                if child in on_stack:
                    low[node] = min(low[node], index[child])
            else:
                work.pop()
                if work:
                    low[work[-1][0]] = min(low[work[-1][0]], low[node])
                if low[node] == index[node]:
                    component = set()
                    while True:
                        member = stack.pop()
                        on_stack.discard(member)
                        component.add(member)
                        if member == node:
                            break
                    if len(component) > 1:
                        found.add(frozenset(component))

    for node in sorted(graph):
        if node not in index:
            strongconnect(node)
    return found


def package_graph(graph: dict[str, set[str]]) -> dict[str, set[str]]:
    def top(module: str) -> str:
        return ".".join(module.split(".")[:2])

    packages: dict[str, set[str]] = {}
    for module, targets in graph.items():
        for target in targets:
            if top(module) != top(target):
                packages.setdefault(top(module), set()).add(top(target))
    return packages


def describe(found: set[frozenset[str]]) -> str:
    return "; ".join(" <-> ".join(sorted(cycle)) for cycle in sorted(found, key=sorted))


def test_the_cycle_finder_finds_a_cycle() -> None:
    assert cycles({"a": {"b"}, "b": {"c"}, "c": {"a"}, "d": {"a"}}) == {frozenset({"a", "b", "c"})}
    assert cycles({"a": {"b"}, "b": set()}) == set()


def test_no_new_import_cycle_between_modules() -> None:
    found = cycles(import_graph())
    assert found - KNOWN_MODULE_CYCLES == set(), f"new import cycle(s): {describe(found - KNOWN_MODULE_CYCLES)}"
    assert KNOWN_MODULE_CYCLES - found == set(), f"gone, take off KNOWN: {describe(KNOWN_MODULE_CYCLES - found)}"


def test_no_new_import_cycle_between_packages() -> None:
    found = cycles(package_graph(import_graph()))
    assert found - KNOWN_PACKAGE_CYCLES == set(), f"new package cycle(s): {describe(found - KNOWN_PACKAGE_CYCLES)}"
    assert KNOWN_PACKAGE_CYCLES - found == set(), f"gone, take off KNOWN: {describe(KNOWN_PACKAGE_CYCLES - found)}"


# ----- the package drawing in docs/ARCHITECTURE.md -----

ARCHITECTURE = paths.PROJECT_ROOT / "docs" / "ARCHITECTURE.md"
TABLE_ROW = re.compile(r"^\| (\d+|\?) \| `([a-z_][a-z0-9_]*)` \| (.*) \|$")
DRAWING_ROW = re.compile(r"^ ?(\d+)  (.*)$")


def short(package: str) -> str:
    return package.removeprefix("kiosk.")


def real_packages() -> dict[str, set[str]]:
    """Each package (or top-level module) under ``kiosk`` and the ones it imports; ``kiosk/__init__`` left out."""
    graph = import_graph()
    tops = {".".join(module.split(".")[:2]) for module in graph} - {"kiosk"}
    edges = package_graph(graph)
    return {short(top): {short(target) for target in edges.get(top, set()) if target != "kiosk"} for top in tops}


def documented() -> tuple[dict[str, int], dict[str, set[str]], dict[str, int]]:
    """From "## Package dependencies": the table's layers and imports, and the drawing's layers (its package
    names come before a gap of 8 spaces or more; what follows is the description)."""
    text = ARCHITECTURE.read_text(encoding="utf-8")
    section = text[text.index("## Package dependencies") :]
    section = section[: section.index("\n## ", 1)]
    drawing = section[section.index("```") + 3 : section.index("```", section.index("```") + 3)]
    table_layers: dict[str, int] = {}
    table_imports: dict[str, set[str]] = {}
    for line in section.splitlines():
        match = TABLE_ROW.match(line)
        if match:
            table_layers[match.group(2)] = int(match.group(1)) if match.group(1).isdigit() else -1
            table_imports[match.group(2)] = set(re.findall(r"`([a-z_][a-z0-9_]*)`", match.group(3)))
    drawn: dict[str, int] = {}
    for line in drawing.splitlines():
        match = DRAWING_ROW.match(line)
        if match:
            for name in re.split(r" {8,}", match.group(2).strip())[0].split():
                drawn[name] = int(match.group(1))
    return table_layers, table_imports, drawn


def expected_rows(real: dict[str, set[str]], layers: dict[str, int]) -> str:
    rows = []
    for package in sorted(real, key=lambda name: (-layers.get(name, -1), name)):
        imports = ", ".join(f"`{name}`" for name in sorted(real[package])) or "-"
        rows.append(f"| {layers.get(package, '?')} | `{package}` | {imports} |")
    return "\n".join(rows)


def test_the_architecture_table_is_the_package_graph() -> None:
    """The drawing and the table agree, each package imports only lower layers, and the table lists every import
    the code makes (and no other)."""
    real = real_packages()
    layers, imports, drawn = documented()
    wrong = [
        f"{package}: the table says {sorted(imports[package]) if package in imports else 'nothing (no row)'}, "
        f"the code {sorted(real[package])}"
        for package in sorted(real)
        if imports.get(package) != real[package]
    ]
    wrong += [f"{package}: in the table, not in kiosk/" for package in sorted(set(imports) - set(real))]
    wrong += [
        f"{package}: layer {layers.get(package, '?')} in the table, {drawn.get(package, '?')} in the drawing"
        for package in sorted(set(real) | set(drawn))
        if layers.get(package) != drawn.get(package)
    ]
    wrong += [
        f"{package} (layer {layers[package]}) imports {target} (layer {layers[target]}): not a lower layer"
        for package in sorted(real)
        for target in sorted(real[package])
        if package in layers and target in layers and layers[target] >= layers[package]
    ]
    assert not wrong, (
        "docs/ARCHITECTURE.md, Package dependencies, is out of date:\n"
        + "\n".join(wrong)
        + "\nThe table's rows as the code is now (set each ? and move the package in the drawing by hand):\n"
        + expected_rows(real, layers)
    )
