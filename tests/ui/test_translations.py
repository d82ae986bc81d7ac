"""The UI catalogues (docs/TRANSLATION.md): every text on a screen goes through ``translate``, every marked text is
in every catalogue, each patient text has a draft in every language that keeps its values, and the compiled
``.qm`` files are the ones the ``.ts`` files build."""

from __future__ import annotations

import ast
import re
import xml.etree.ElementTree as ET
from pathlib import Path

import pytest

from kiosk.languages import LANGUAGES
from scripts import translations

ROOT = Path(__file__).resolve().parents[2]
KIOSK = ROOT / "kiosk"
CODES = [code for code, lang in LANGUAGES.items() if lang.ui_catalogue]

# Calls whose text argument is shown on a screen: the function or method name, and which arguments are text
# (positions, keywords).
SHOWN: dict[str, tuple[tuple[int, ...], tuple[str, ...]]] = {
    "label": ((0,), ("text",)),
    "patient_label": ((0,), ("text",)),
    "button": ((0,), ("text",)),
    "wrap_button": ((0,), ("text",)),
    "QLabel": ((0,), ()),
    "QPushButton": ((0,), ()),
    "QCheckBox": ((0,), ()),
    "setText": ((0,), ()),
    "ui_text": ((1,), ()),
    "setPlaceholderText": ((0,), ()),
    "placeholder": ((1,), ()),
    "set_placeholder": ((0,), ()),
    "set_ok_text": ((0,), ()),
    "setToolTip": ((0,), ()),
    "NumericKeypad": ((0,), ("ok_text",)),
    "KeypadField": ((0,), ("placeholder",)),
    "TickRow": ((0,), ()),
    "MessagePage": ((0, 1, 2), ()),
    "FormField": ((0, 2), ("hint",)),
    "_field": ((1, 3), ("hint",)),
}


def _python_files() -> list[Path]:
    return sorted(KIOSK.rglob("*.py"))


def _name(call: ast.Call) -> str:
    func = call.func
    return func.attr if isinstance(func, ast.Attribute) else func.id if isinstance(func, ast.Name) else ""


def _has_words(node: ast.expr) -> bool:
    """A literal (or f-string) with a letter in it: words someone reads, not "+", "" or a digit."""
    if isinstance(node, ast.Constant) and isinstance(node.value, str):
        return re.search(r"[^\W\d_]", node.value) is not None
    if isinstance(node, ast.JoinedStr):
        return any(_has_words(part) for part in node.values if isinstance(part, ast.Constant))
    if isinstance(node, ast.IfExp):
        return _has_words(node.body) or _has_words(node.orelse)
    if isinstance(node, ast.BinOp):
        return _has_words(node.left) or _has_words(node.right)
    return False


def _worded(node: ast.expr) -> bool:
    """A literal with words, or a list or tuple with one in it."""
    if isinstance(node, ast.List | ast.Tuple):
        return any(_worded(element) for element in node.elts)
    return _has_words(node)


def _worded_names(function: ast.AST) -> set[str]:
    """Names in ``function`` that hold words written as bare literals: ``x = f"..."``, ``x += "..."``,
    ``lines = ["..."]``, ``lines.append(f"...")`` (a message built in a variable, then shown)."""
    names: set[str] = set()
    for node in ast.walk(function):
        if isinstance(node, ast.Assign) and _worded(node.value):
            names.update(target.id for target in node.targets if isinstance(target, ast.Name))
        elif isinstance(node, ast.AnnAssign | ast.AugAssign) and node.value is not None and _worded(node.value):
            if isinstance(node.target, ast.Name):
                names.add(node.target.id)
        elif (
            isinstance(node, ast.Call)
            and isinstance(node.func, ast.Attribute)
            and node.func.attr in ("append", "extend", "insert")
            and isinstance(node.func.value, ast.Name)
            and any(_worded(arg) for arg in node.args)
        ):
            names.add(node.func.value.id)
    return names


def _unwrapped(path: Path) -> list[str]:
    """Texts shown bare: a literal handed to a label or button, or a variable (in the same function) that was
    given words as a literal and then handed to one."""
    tree = ast.parse(path.read_text(encoding="utf-8"))
    found: dict[int, str] = {}
    functions = [n for n in ast.walk(tree) if isinstance(n, ast.FunctionDef | ast.AsyncFunctionDef)]
    for scope in [tree, *functions]:
        worded = _worded_names(scope) if scope is not tree else set()
        for node in ast.walk(scope):
            if not isinstance(node, ast.Call) or _name(node) not in SHOWN:
                continue
            positions, keywords = SHOWN[_name(node)]
            args = [node.args[i] for i in positions if i < len(node.args)]
            args += [k.value for k in node.keywords if k.arg in keywords]
            for arg in args:
                built = {n.id for n in ast.walk(arg) if isinstance(n, ast.Name)} & worded
                if _has_words(arg) or built:
                    found.setdefault(node.lineno, f"{path.name}:{node.lineno}: {ast.unparse(arg)[:70]}")
    return [found[line] for line in sorted(found)]


def _marked() -> tuple[set[tuple[str, str]], list[str]]:
    """Every (context, text) passed to ``translate``/``QT_TRANSLATE_NOOP`` in the app, and calls lupdate
    cannot read (an argument that is not a literal)."""
    marked: set[tuple[str, str]] = set()
    unreadable: list[str] = []
    for path in _python_files():
        text = path.read_text(encoding="utf-8")
        if path == KIOSK / "i18n.py" or not re.search(
            r"^from kiosk\.i18n import .*\b(translate|QT_TRANSLATE_NOOP)\b", text, re.M
        ):
            continue  # the module itself, or another ``translate`` (the records errors have one)
        for node in ast.walk(ast.parse(text)):
            if not isinstance(node, ast.Call) or _name(node) not in ("translate", "QT_TRANSLATE_NOOP"):
                continue
            literal = [isinstance(a, ast.Constant) and isinstance(a.value, str) for a in node.args[:2]]
            if len(literal) < 2 or not all(literal):
                unreadable.append(f"{path.relative_to(ROOT)}:{node.lineno}: {ast.unparse(node)[:70]}")
                continue
            context, source = (a.value for a in node.args[:2] if isinstance(a, ast.Constant))
            marked.add((str(context), str(source)))
    return marked, unreadable


def _catalogue(code: str) -> dict[tuple[str, str], tuple[str, str | None]]:
    """(context, source) -> (translation, its type) from ``code``'s .ts."""
    root = ET.parse(translations.catalogue(code)).getroot()
    messages: dict[tuple[str, str], tuple[str, str | None]] = {}
    for context in root.iter("context"):
        name = context.findtext("name") or ""
        for message in context.iter("message"):
            element = message.find("translation")
            assert element is not None
            messages[(name, message.findtext("source") or "")] = (element.text or "", element.get("type"))
    return messages


# The scripted demo types into fields as a person would (``setText`` on a line edit): what it types is input, not a
# text of the kiosk's.
TYPES_INPUT = {KIOSK / "demo.py"}


def test_every_text_shown_on_a_screen_goes_through_translate() -> None:
    """A literal handed to a label, a button or a field hint is a text no translator ever sees; so is a message
    built in a variable from literals and then shown."""
    found = [
        f"{path.parent.name}/{line}" for path in _python_files() if path not in TYPES_INPUT for line in _unwrapped(path)
    ]
    assert not found, "texts shown without translate(...):\n" + "\n".join(found)


def test_the_scan_finds_an_unwrapped_text(tmp_path: Path) -> None:
    """The check above can fail: a label, a button, a setText and an f-string, each left bare."""
    sample = tmp_path / "screen.py"
    sample.write_text(
        'label("Hello")\nbutton(f"Step {n}", "primary")\nw.setText("Bare")\nlabel(translate("patient", "Fine"))\n'
        'w.setText("+")\n',
        encoding="utf-8",
    )
    found = [line.split(": ", 1)[1] for line in _unwrapped(sample)]
    assert found == ["'Hello'", "f'Step {n}'", "'Bare'"]


def test_the_scan_finds_a_text_built_in_a_variable(tmp_path: Path) -> None:
    """A message built in a variable and then shown is as untranslated as a bare literal: the new-discharge form's
    draft and review-date notices were (``notices.append(f"This leaflet is a DRAFT ...")``, then ``setText``)."""
    sample = tmp_path / "form.py"
    sample.write_text(
        "def show(w, when):\n"
        "    notices = []\n"
        "    notices.append(f'Due for review on {when}')\n"
        "    w.notice.setText('\\n'.join(notices))\n"
        "    message = 'Nothing to do'\n"
        "    w.label.setText(message)\n"
        "    fine = translate('nurse', 'Fine {when}').format(when=when)\n"
        "    w.other.setText(fine)\n",
        encoding="utf-8",
    )
    found = [line.split(": ", 1)[1] for line in _unwrapped(sample)]
    assert found == ["'\\n'.join(notices)", "message"]


def test_translate_is_only_ever_called_with_literals() -> None:
    """lupdate reads the source; ``translate(context, some_variable)`` would be missing from every catalogue."""
    _, unreadable = _marked()
    assert not unreadable, "\n".join(unreadable)


@pytest.mark.parametrize("code", CODES)
def test_each_catalogue_lists_exactly_the_marked_texts(code: str) -> None:
    """Every marked text is in the catalogue (else it shows in English), and nothing else is (a stale message
    is a text no screen shows any more). ``scripts/translations.py update`` brings them in step."""
    marked, _ = _marked()
    listed = set(_catalogue(code))
    assert marked - listed == set(), "missing: run scripts/translations.py update"
    assert listed - marked == set(), "stale: run scripts/translations.py update"


@pytest.mark.parametrize("code", CODES)
def test_every_patient_text_has_a_draft_that_keeps_its_values(code: str) -> None:
    """Each patient text is translated (a draft, marked unfinished for the translator's review), with the same
    {fields} and the same numbers as the English: a lost "{until}" or a "24" that became "12" is a safety
    step said wrong."""
    for (context, source), (text, kind) in _catalogue(code).items():
        if context != "patient":
            continue
        assert text.strip(), f"{code}: no translation of {source!r}"
        assert kind == "unfinished", f"{code}: {source!r} is marked reviewed, but no translator has reviewed it"
        assert sorted(re.findall(r"\{\w+\}", text)) == sorted(re.findall(r"\{\w+\}", source)), (code, source)
        assert sorted(re.findall(r"\d+", text)) == sorted(re.findall(r"\d+", source)), (code, source)


def test_the_compiled_catalogues_are_built_from_the_ts_files(tmp_path: Path) -> None:
    """The .qm files are committed (the kiosk needs no Qt tools at run time); they must be what lrelease makes of
    the .ts files now, byte for byte: else run ``scripts/translations.py compile``."""
    built = translations.compile_catalogues(tmp_path)
    assert len(built) == len(CODES)
    for qm in built:
        shipped = ROOT / "resources" / "translations" / qm.name
        assert shipped.read_bytes() == qm.read_bytes(), f"{qm.name} is out of date"
