"""The on-screen sheet: the real PDF, readable at the tablet's width, page buttons a finger can hit, no CPU spin."""

from __future__ import annotations

import time
from pathlib import Path

import pytest
from PySide6.QtCore import Qt
from PySide6.QtGui import QImage
from PySide6.QtPdf import QPdfDocument
from PySide6.QtPdfWidgets import QPdfView
from PySide6.QtWidgets import QApplication
from pytestqt.qtbot import QtBot

from kiosk.app import create_application
from kiosk.ui.preview import DAMAGED_TEXT, EMPTY_TEXT, SheetPreview
from tests.printing.conftest import RealSheet, simple_sheet

pytestmark = pytest.mark.gui


@pytest.fixture(scope="session")
def qapp(qapp_args: list[str]) -> QApplication:
    """The kiosk's own application (theme and fonts), as on the ward tablet."""
    return create_application(qapp_args)


@pytest.fixture
def preview(qtbot: QtBot) -> SheetPreview:
    widget = SheetPreview()
    qtbot.addWidget(widget)
    widget.resize(760, 700)  # the preview column of the 1280x800 tablet
    widget.show()
    return widget


def dark_fraction(image: QImage, top: int, bottom: int) -> float:
    """Share of sampled pixels that are dark (text) in a band of the image."""
    dark = total = 0
    for y in range(top, bottom, 3):
        for x in range(0, image.width(), 3):
            total += 1
            dark += image.pixelColor(x, y).lightness() < 100
    return dark / max(total, 1)


def test_the_real_sheet_shows_at_full_width_from_its_first_page(
    preview: SheetPreview, qtbot: QtBot, real_sheet: RealSheet, tmp_path: Path
) -> None:
    """The nurse sees page 1 of 2 of the sheet itself, text rendered (not a blank page), fitted to the width."""
    path = tmp_path / "sheet.pdf"
    path.write_bytes(real_sheet.pdf)
    preview.show_pdf(path)
    qtbot.wait(600)  # QtPdf renders pages in the background
    assert (preview.page_count, preview.current_page, preview.path) == (2, 1, path)
    view = preview.findChild(QPdfView)
    assert view.zoomMode() is QPdfView.ZoomMode.FitToWidth
    image = preview.grab().toImage()
    image.save(str(tmp_path / "preview.png"))
    assert dark_fraction(image, 20, 300) > 0.01, "the top of the sheet shows no text"


def test_page_buttons_move_between_pages_and_are_big_enough_to_touch(
    preview: SheetPreview, qtbot: QtBot, tmp_path: Path
) -> None:
    path = tmp_path / "two.pdf"
    path.write_bytes(simple_sheet("Ann Lee", "DK-20261121-0002", pages=2))
    preview.show_pdf(path)
    previous = preview.findChild(type(preview._previous), "preview-previous")
    after = preview.findChild(type(preview._next), "preview-next")
    assert previous.height() >= 48 and after.height() >= 48 and after.width() >= 48
    assert not previous.isEnabled() and after.isEnabled()
    with qtbot.waitSignal(preview.page_changed):
        qtbot.mouseClick(after, Qt.MouseButton.LeftButton)
    assert preview.current_page == 2 and previous.isEnabled() and not after.isEnabled()
    qtbot.mouseClick(previous, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: preview.current_page == 1)


def test_a_one_page_sheet_has_no_page_buttons(preview: SheetPreview, tmp_path: Path) -> None:
    path = tmp_path / "one.pdf"
    path.write_bytes(simple_sheet("Ann Lee", "DK-20261121-0003"))
    preview.show_pdf(path)
    assert preview.page_count == 1 and not preview._next.isVisible() and not preview._previous.isVisible()


def test_clear_leaves_nothing_of_the_patient(preview: SheetPreview, qtbot: QtBot, tmp_path: Path) -> None:
    """After clear() the document is closed and only the empty message shows (hazard H3)."""
    path = tmp_path / "one.pdf"
    path.write_bytes(simple_sheet("Ann Lee", "DK-20261121-0004"))
    preview.show_pdf(path)
    preview.clear()
    assert preview.page_count == 0 and preview.path is None and preview.current_page == 0
    assert preview.findChild(QPdfDocument).status() is QPdfDocument.Status.Null
    assert preview._placeholder.isVisible() and preview._placeholder.text() == EMPTY_TEXT
    qtbot.wait(100)
    assert dark_fraction(preview.grab().toImage(), 0, 200) < 0.001


def test_a_damaged_or_missing_file_shows_a_message_not_an_error(preview: SheetPreview, tmp_path: Path) -> None:
    broken = tmp_path / "broken.pdf"
    broken.write_bytes(b"%PDF-1.4 this is not really a pdf")
    preview.show_pdf(broken)
    assert preview.page_count == 0 and preview._placeholder.text() == DAMAGED_TEXT
    preview.show_pdf(tmp_path / "missing.pdf")
    assert preview.page_count == 0 and preview._placeholder.text() == DAMAGED_TEXT


@pytest.mark.parametrize("size", [(760, 700), (850, 1202), (900, 1277), (800, 1136)])
def test_the_preview_never_spins_the_cpu(qtbot: QtBot, tmp_path: Path, size: tuple[int, int]) -> None:
    """QPdfView's fit-to-width can loop forever when a scroll bar comes and goes; with both scroll bars off it
    sits idle. The odd sizes are ones where a fit-to-width view with scroll bars as needed does spin here."""
    path = tmp_path / "one.pdf"
    path.write_bytes(simple_sheet("Ann Lee", "DK-20261121-0005"))
    preview = SheetPreview()
    qtbot.addWidget(preview)
    preview.resize(*size)
    preview.show()
    preview.show_pdf(path)
    view = preview.findChild(QPdfView)
    assert view.verticalScrollBarPolicy() is Qt.ScrollBarPolicy.ScrollBarAlwaysOff
    assert view.horizontalScrollBarPolicy() is Qt.ScrollBarPolicy.ScrollBarAlwaysOff
    qtbot.wait(300)  # first render
    started = time.process_time()
    qtbot.wait(700)
    assert time.process_time() - started < 0.25
