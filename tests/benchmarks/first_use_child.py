"""The first sheet and the first preview in a fresh process, after the start's warm-up (issue 19).

``python -m tests.benchmarks.first_use_child sheet`` prints one JSON line: the first ``build_sheet`` of the
benchmark's record after the warm-up ``run_kiosk`` does (``kiosk.sheet.warm.warm_up`` for each procedure,
as ``kiosk.ui.warm_up.WarmUp`` calls it), and the median of the warm ones after it.

``python -m tests.benchmarks.first_use_child preview DATA_DIR [--no-warm-up]``: the kiosk set up as
``run_kiosk`` does (``memory_child``'s set-up, plus ``WarmUp``), then two discharges; for each, the time from
the nurse's sign-off PIN (its digits and OK) to the print screen's preview holding the sheet, painted.
"""

from __future__ import annotations

import argparse
import json
import os
import statistics
import sys
import time
from pathlib import Path

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")


def sheet() -> dict[str, float]:
    from kiosk.content.loader import load_library
    from kiosk.sheet.builder import build_sheet
    from kiosk.sheet.warm import warm_up
    from tests.benchmarks.test_bench_sheet import CONFIG, PRINTED, record

    library = load_library()
    for procedure in library.procedures:  # what the kiosk's warm-up does just after its start
        warm_up(procedure, CONFIG, PRINTED)
    procedure = library.get("nerve-root-block")
    patient = record(procedure, large_print=False)
    began = time.perf_counter()
    build_sheet(patient, procedure, CONFIG, PRINTED)
    first = time.perf_counter() - began
    warm = []
    for _ in range(7):
        began = time.perf_counter()
        build_sheet(patient, procedure, CONFIG, PRINTED)
        warm.append(time.perf_counter() - began)
    return {"first_s": first, "warm_s": statistics.median(warm)}


def preview(data_dir: Path, warm: bool) -> dict[str, float]:
    os.environ["KIOSK_DATA_DIR"] = str(data_dir)
    from PySide6.QtWidgets import QCheckBox

    from kiosk.app import build_flow, build_window, create_application, library_loader
    from kiosk.discharge.session import Stage
    from kiosk.logs import configure_logging
    from kiosk.qt_log import route_qt_messages_to_log
    from kiosk.records.nurses import NurseAccounts
    from kiosk.ui.warm_up import WarmUp
    from tests.benchmarks.memory_child import Bot
    from tests.discharge_support import INJECTION, PATIENT_A, make_clock, make_store
    from tests.pins import TEST_COST
    from tests.ui.driver import CONFIG, NURSE, PIN, Kiosk, Ticks

    route_qt_messages_to_log()
    configure_logging()
    app = create_application()
    window = build_window(CONFIG)
    window.resize(1280, 800)
    window.show()
    clock, ticks = make_clock(), Ticks()
    store = make_store(data_dir, clock)
    accounts = NurseAccounts(store, TEST_COST)
    accounts.add(NURSE, PIN)
    library = library_loader(clock)
    flow = build_flow(window, CONFIG, clock, store, library, ticks, accounts=accounts)
    bot = Bot()
    kiosk = Kiosk.around(bot, window, flow, clock, ticks, store)
    if warm:
        done: list[int] = []
        warm_up = WarmUp(library, CONFIG, clock, app, prepare=flow.prepare_print_screen)  # as run_kiosk does
        warm_up.finished.connect(done.append)
        warm_up.start(0)
        bot.waitUntil(lambda: bool(done), timeout=60_000)
    times = []
    for _ in range(2):
        clock.advance(minutes=30)
        kiosk.sign_in()
        kiosk.click("home-new")
        kiosk.fill_new_discharge(INJECTION, PATIENT_A, expired_reason="Training kiosk: the Sheffield draft")
        kiosk.walk_patient()
        kiosk.take_back()
        for box in kiosk.screen.findChildren(QCheckBox):
            if box.objectName().startswith("check-") and not box.isChecked():
                kiosk.click(box)
        kiosk.click("review-sign-off")
        began = time.perf_counter()
        kiosk.type_pin()
        bot.waitUntil(lambda: kiosk.screen.preview.page_count >= 1, timeout=10_000)  # type: ignore[attr-defined]
        kiosk.screen.preview.repaint()  # type: ignore[attr-defined]
        times.append(time.perf_counter() - began)
        assert kiosk.session.stage is Stage.PRINT
        kiosk.print_and_hand_over()
    return {"first_s": times[0], "second_s": times[1]}


def main(argv: list[str]) -> int:
    parser = argparse.ArgumentParser()
    parser.add_argument("what", choices=("sheet", "preview"))
    parser.add_argument("data_dir", type=Path, nargs="?")
    parser.add_argument("--no-warm-up", action="store_true")
    args = parser.parse_args(argv)
    if args.what == "sheet":
        result = sheet()
    else:
        assert args.data_dir is not None
        result = preview(args.data_dir, warm=not args.no_warm_up)
    print(json.dumps(result))
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
