"""Keep the UI catalogues in step with the source: ``update`` lists every marked text in each ``.ts``,
``compile`` builds the ``.qm`` files the kiosk loads. See docs/TRANSLATION.md.

    .venv/bin/python scripts/translations.py update    # after changing a translatable text in kiosk/
    .venv/bin/python scripts/translations.py compile   # after a translator changed a .ts (commit both)

Both use the Qt tools shipped in the PySide6 wheel (``pyside6-lupdate``, ``pyside6-lrelease``), so nothing is
installed for it. ``update`` keeps existing translations (a changed English text becomes a new, untranslated
message and the old one is dropped: ``-no-obsolete``), and writes no line numbers, so moving code does not
touch the catalogues.
"""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from kiosk.languages import LANGUAGES  # noqa: E402 - after the path is set

CATALOGUES = ROOT / "resources" / "translations"


def tool(name: str) -> str:
    """The Qt tool beside the running Python (the project's .venv), else on PATH."""
    beside = Path(sys.executable).with_name(name)
    return str(beside) if beside.exists() else name


def sources() -> list[str]:
    """Every Python file of the app, in a fixed order (the catalogues do not depend on the file system's)."""
    return sorted(str(path.relative_to(ROOT)) for path in (ROOT / "kiosk").rglob("*.py"))


def catalogue(code: str) -> Path:
    return CATALOGUES / f"{LANGUAGES[code].ui_catalogue}.ts"


def update() -> None:
    CATALOGUES.mkdir(parents=True, exist_ok=True)
    for code, lang in LANGUAGES.items():
        if not lang.ui_catalogue:
            continue
        subprocess.run(
            [tool("pyside6-lupdate"), "-silent", "-locations", "none", "-no-obsolete", "-source-language", "en_GB",
             "-target-language", code, *sources(), "-ts", str(catalogue(code))],
            cwd=ROOT,
            check=True,
        )  # fmt: skip


def compile_catalogues(out: Path = CATALOGUES) -> list[Path]:
    """Build each ``.qm`` into ``out`` (the test builds into a temporary folder and compares)."""
    built: list[Path] = []
    for code, lang in LANGUAGES.items():
        if not lang.ui_catalogue:
            continue
        qm = out / f"{lang.ui_catalogue}.qm"
        subprocess.run(
            [tool("pyside6-lrelease"), "-silent", str(catalogue(code)), "-qm", str(qm)], cwd=ROOT, check=True
        )
        built.append(qm)
    return built


def main(argv: list[str]) -> int:
    if argv == ["update"]:
        update()
    elif argv == ["compile"]:
        compile_catalogues()
    else:
        print(__doc__)
        return 2
    return 0


if __name__ == "__main__":
    raise SystemExit(main(sys.argv[1:]))
