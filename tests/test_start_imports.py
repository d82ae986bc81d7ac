"""The cold start imports only what the start screen's first paint needs (issue 19: within 1.3x a bare window).

A real process runs ``main.py run --exit-after-paint`` offscreen and reports the modules loaded when the start
screen has been painted. Everything the nurse or the patient needs later (content, records, the sheet, printing,
speech, the keyboard's QML) is imported after that paint, off its path.
"""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path
from typing import Any

from kiosk.cli import COMMANDS, RUN

ROOT = Path(__file__).resolve().parents[1]

CHILD = """
import gc, json, sys
import kiosk.commands.run as run_command
from kiosk.cli import main
before = []
def counted(args, run=run_command.run):
    before.extend(generation["collections"] for generation in gc.get_stats())  # as the kiosk's start begins
    return run(args)
run_command.run = counted
code = main(["run", "--exit-after-paint"])
collections = [generation["collections"] - was for generation, was in zip(gc.get_stats(), before)]
qt = {name: sorted(vars(sys.modules[name])) for name in ("PySide6.QtCore", "PySide6.QtGui", "PySide6.QtWidgets")}
report = {"code": code, "modules": sorted(sys.modules), "order": list(sys.modules), "qt": qt}
print(json.dumps({**report, "collections": collections, "frozen": gc.get_freeze_count()}))
"""

# Each was on the start path once, or is heavy enough that it must never creep onto it.
NOT_BEFORE_FIRST_PAINT = (
    "kiosk.content.model",  # 8 ms of dataclasses and enums, pulled in by the sheet command's --factor choices
    "kiosk.content.loader",
    "yaml",
    "reportlab",
    "kiosk.sheet",
    "kiosk.records.store",
    "sqlite3",
    "cups",
    "kiosk.printing",
    "PySide6.QtPdf",
    "PySide6.QtQml",
    "PySide6.QtTextToSpeech",
    "phonenumbers",
    # Every other command's module: ``main.py run`` is parsed by the run command alone (12 ms, issue 19).
    *(command for command in COMMANDS if command != RUN),
    "logging.handlers",  # 5 ms with sockets and pickle: the log rotates from just after the paint (kiosk.logs)
    # The start screen has no wrapping button, no scroll area and no text field (issue 19, fifth session):
    "kiosk.ui.flow_layout",  # with QSizePolicy and QPalette, about 12 million instructions
    "kiosk.ui.drag_scroll",
    "kiosk.ui.input_panel",  # the keyboard's warm-up runs after the paint
    "kiosk.ui.keyboard_fit",  # made with the first screen after the start screen (KioskWindow.show_screen)
    # The settings' time zone is checked just after the paint (issue 19, fifth session; tests/test_start_zone.py):
    "zoneinfo",  # with sysconfig and its config vars, about 12 million instructions
    "sysconfig",
    "kiosk.clock",
)

# PySide creates a Qt class (and its enum classes) when it is first used. Python called with an object of a class
# PySide does not wrap (an application-wide event filter sees Qt's internal objects) made it create every class of
# the three modules at the first paint: 171 enum classes, about 20 ms (issue 19). None of these is on the start path.
# ``Qt``: the namespace's 93 enum classes, about 120 million instructions, made together at its first touch; the
# start screen sets what it needs of them by name (``kiosk.ui.enum_properties``, issue 19, sixth session).
NOT_CREATED_BEFORE_FIRST_PAINT = {
    "PySide6.QtCore": ("QAbstractAnimation", "QProcess", "QSharedMemory", "QSettings", "Qt"),
    # QIcon: ``QPushButton(text, parent)`` made it (151 theme icon names) trying the icon constructor first.
    "PySide6.QtGui": ("QMovie", "QPdfWriter", "QTextDocument", "QIcon", "QPalette"),
    "PySide6.QtWidgets": ("QFileDialog", "QCalendarWidget", "QMessageBox", "QSizePolicy"),
}


def first_paint(tmp_path: Path) -> dict[str, Any]:
    """What a real ``main.py run --exit-after-paint`` had loaded when its start screen was painted: an ordinary
    start, the second in its data folder (the first writes the ward's config file)."""
    env = {**os.environ, "QT_QPA_PLATFORM": "offscreen", "KIOSK_DATA_DIR": str(tmp_path / "ward")}
    env["PYTHONPATH"] = str(ROOT)
    for _ in range(2):
        done = subprocess.run(
            [sys.executable, "-c", CHILD], capture_output=True, text=True, timeout=120, env=env, cwd=ROOT, check=False
        )
        assert done.returncode == 0, done.stderr[-3000:]
    report: dict[str, Any] = json.loads(done.stdout.strip().splitlines()[-1])
    assert report["code"] == 0
    return report


def test_the_first_paint_imports_none_of_the_later_parts(tmp_path: Path) -> None:
    report = first_paint(tmp_path)
    modules = set(report["modules"])
    assert "kiosk.ui.main_window" in modules  # the start screen was built in this process
    early = sorted(m for m in modules if any(m == name or m.startswith(name + ".") for name in NOT_BEFORE_FIRST_PAINT))
    assert early == []


def test_the_first_paint_creates_only_the_qt_classes_it_uses(tmp_path: Path) -> None:
    created = first_paint(tmp_path)["qt"]
    assert "QMainWindow" in created["PySide6.QtWidgets"]  # what it does use is there
    early = {
        module: sorted(set(names) & set(created[module])) for module, names in NOT_CREATED_BEFORE_FIRST_PAINT.items()
    }
    assert early == {module: [] for module in NOT_CREATED_BEFORE_FIRST_PAINT}


def test_no_garbage_collection_runs_from_the_start_to_the_first_paint(tmp_path: Path) -> None:
    """Importing Qt and the start screen makes no garbage: a collection there only walks every new object again
    (``kiosk.commands.run`` turns the automatic collector off; ``kiosk.ui.collector`` runs it after that)."""
    assert first_paint(tmp_path)["collections"] == [0, 0, 0]


def test_what_the_start_made_is_frozen_once_the_start_screen_is_painted(tmp_path: Path) -> None:
    """The modules, the theme and the start screen leave every later collection (``collector.freeze_start``): the
    exit's last collection walked them all again, 15-21 ms of the cold start (issue 19)."""
    assert first_paint(tmp_path)["frozen"] > 10_000


# Imported before PySide6 (``kiosk.commands.run``): once PySide6 is loaded, its import hook reads the source of each
# module an import statement names, and the settings' and the log's modules cost about 13 million instructions more
# after it than before it (issue 19, fifth session).
BEFORE_PYSIDE = (
    "tomllib",
    "dataclasses",
    "kiosk.config",
    "kiosk.text",
    "kiosk.startup",
    "kiosk.logs",
    "kiosk.ui.theme_sheet",
)


def test_the_settings_modules_are_imported_before_pyside(tmp_path: Path) -> None:
    order = first_paint(tmp_path)["order"]
    late = [name for name in BEFORE_PYSIDE if order.index(name) > order.index("PySide6")]
    assert late == []
