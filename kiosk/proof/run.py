"""``main.py preview``'s pictures: every patient screen and the sheet of one procedure file, per combination.

Each combination (``kiosk.proof.plan``) is a made-up patient handed the tablet on a real kiosk window (offscreen),
with the real controller, a throw-away record store and a library holding only the author's file. The walk
presses the real buttons as the demo does (``kiosk.demo.DemoRun``: its pictures, presses and keypad): every step,
every question answered right, the warning signs read to the end, an escort named, thank you. The sheet is then
built from that saved record, exactly as the print screen builds it, and each page drawn to PNG with QtPdf (no
poppler needed on an author's machine).
"""

from __future__ import annotations

import re
from datetime import timedelta
from pathlib import Path

from PySide6.QtCore import QEvent, QSize
from PySide6.QtWidgets import QApplication

from kiosk.clock import FakeClock
from kiosk.config import WardConfig
from kiosk.content.loader import Library
from kiosk.content.model import Procedure
from kiosk.demo import DEMO_NOW, DEMO_NURSE, DEMO_PEOPLE, DemoRun, Ticks
from kiosk.discharge.flow import ScreenKind
from kiosk.discharge.session import Stage
from kiosk.proof.plan import Combination, Shots, combinations

SHEET_DPI = 110
PREVIEW_REASON = "Author's preview of a leaflet file (main.py preview)"
ENDED_AGO = timedelta(minutes=40)


class PreviewRun(DemoRun):
    """One procedure, every combination of its factors, one sub-folder each."""

    def __init__(
        self,
        procedure: Procedure,
        folder: Path,
        size: tuple[int, int],
        text_size: str = "",
        only: tuple[Combination, ...] | None = None,
    ) -> None:
        super().__init__(folder, size, printer="", text_size=text_size)
        self.procedure = procedure
        self.only = only
        self.root = folder

    def run_all(self) -> list[Shots]:
        from kiosk.app import create_application
        from kiosk.records.store import RecordStore

        create_application()
        self.config = WardConfig(
            ward_name="Ward 5 Day Case Unit",
            trust_name=self.procedure.trust or "Example NHS Trust",
            ward_phone="0114 000 0000",
            printer_queue="",
            allow_drafts=True,  # an author's file is usually a draft: shown, marked DRAFT, as on a training kiosk
        )
        self.clock = FakeClock(DEMO_NOW)
        self.ticks = Ticks()
        self.store = RecordStore.open(clock=self.clock)
        made: list[Shots] = []
        try:
            for combination in self.only if self.only is not None else combinations(self.procedure):
                made.append(self._one(combination))
        finally:
            self.store.close()
        return made

    # -- one made-up patient -----------------------------------------------------------------------------------
    def _one(self, combination: Combination) -> Shots:
        from kiosk.app import build_flow
        from kiosk.ui.main_window import KioskWindow

        self.folder = self.root / combination.slug
        self.folder.mkdir(parents=True, exist_ok=True)
        for old in (*self.folder.glob("[0-9][0-9]-*.png"), *self.folder.glob("sheet*")):
            old.unlink()
        self.count = 0
        shots = Shots(combination)
        self.window = KioskWindow(self.config)
        self.window.resize(*self.size)
        self.window.show()
        library = Library(str(Path(self.procedure.source_path).parent), (self.procedure,), ())
        self.flow = build_flow(self.window, self.config, self.clock, self.store, lambda: library, self.ticks)
        self.session = self.flow.session
        try:
            record_id = self._hand_over(combination)
            self._walk_every_screen()
            shots.screens = sorted(self.folder.glob("[0-9][0-9]-*.png"))
            shots.sheet_pdf, shots.sheet_pages = self._sheet(record_id)
        finally:
            self.window.allow_close()
            self.window.close()
            self.window.deleteLater()
            QApplication.sendPostedEvents(None, QEvent.Type.DeferredDelete)
        return shots

    def _hand_over(self, combination: Combination) -> str:
        from kiosk.discharge.new_discharge import NewDischarge, needs_reason, prefilled_medicines
        from kiosk.record.model import Patient

        name, born, hospital, nhs = DEMO_PEOPLE[0]
        procedure = self.procedure
        new = NewDischarge(
            procedure_id=procedure.id,
            patient=Patient(name=name, date_of_birth=born, hospital_number=hospital, nhs_number=nhs or None),
            procedure_ended=self.clock.now() - ENDED_AGO,
            side_level="Left L5" if procedure.asks_side_and_level else "",
            medicines=prefilled_medicines(procedure, combination.ticked),
            factors=combination.ticked,
            expired_reason=PREVIEW_REASON if needs_reason(procedure, self.clock.now().date()) else None,
        )
        self.session.nurse = DEMO_NURSE
        self.session.discharge_submitted(new)
        if self.session.stage is not Stage.PATIENT or self.session.record_id is None:
            raise RuntimeError(f"preview: the made-up discharge did not reach the patient ({self.session.stage})")
        return self.session.record_id

    def _walk_every_screen(self) -> None:
        walk = self.session.walk
        assert walk is not None
        if self.text_size:
            self.press(f"size-{self.text_size}")
        self.shot("welcome")
        self.press("start")
        while True:
            screen = walk.current
            if screen.kind is ScreenKind.STEP:
                assert screen.step is not None
                self.shot(f"step {screen.number} {screen.step.id}")
                self.press("understand")
            elif screen.kind is ScreenKind.QUESTION:
                assert screen.question is not None
                self.shot(f"question {screen.number} {screen.question.id}")
                self.press(f"option-{screen.question.answer}")
                self.shot(f"question {screen.number} answered")
                self.press("next")
            elif screen.kind is ScreenKind.WARNING_SIGNS:
                self.confirm_warning_signs()
            elif screen.kind is ScreenKind.ESCORT:
                self.name_the_escort()
            elif screen.kind is ScreenKind.THANK_YOU:
                self.shot("thank you")
                return

    def _sheet(self, record_id: str) -> tuple[Path, list[Path]]:
        from kiosk.sheet import build_sheet

        record = self.store.get(record_id)
        pdf = self.folder / "sheet.pdf"
        pdf.write_bytes(build_sheet(record, self.procedure, self.config, printed_at=self.clock.now()))
        return pdf, render_pages(pdf, self.folder, "sheet-page")


def render_pages(pdf: Path, folder: Path, stem: str, dpi: int = SHEET_DPI) -> list[Path]:
    """Each page of ``pdf`` as ``<stem>-N.png`` in ``folder`` (QtPdf, so an author needs no poppler)."""
    from PySide6.QtPdf import QPdfDocument

    document = QPdfDocument()
    error = document.load(str(pdf))
    if error != QPdfDocument.Error.None_:
        raise RuntimeError(f"preview: cannot read back {pdf}: {error}")
    pages = []
    for index in range(document.pageCount()):
        points = document.pagePointSize(index)
        size = QSize(round(points.width() * dpi / 72), round(points.height() * dpi / 72))
        image = document.render(index, size)
        path = folder / f"{stem}-{index + 1}.png"
        if not image.save(str(path)):
            raise RuntimeError(f"preview: cannot write {path}")
        pages.append(path)
    document.close()
    return pages


def safe_name(text: str) -> str:
    """A folder name from a procedure id or file stem."""
    return re.sub(r"[^A-Za-z0-9._-]+", "-", text).strip("-") or "procedure"
