"""A deleted page scroll area leaves nothing in Qt's style-sheet caches (issue 19), measured in the C heap.

``QStyleSheetStyle`` keeps per-widget caches keyed by the widget's address and empties them when the widget is
destroyed, but it listens for that only on widgets it styles, and a scroll area's viewport is not one of those
(the area stands for it). Under the kiosk's theme the page's viewport was drawn by the style sheet all the same
(the area's polish turns the viewport's own fill off for it) and so entered in the render-rule cache, and every
page scroll area deleted left an entry behind: 300 pages kept about 210 KB (about 700 bytes each) where the same
pages with a plain widget in place of the scroll area keep next to nothing.
``kiosk.ui.widgets.keep_viewport_out_of_style_caches`` leaves the viewport transparent, so it is not drawn by
the style sheet.

The pages are deleted a few rounds after they were shown, as the kiosk's screens are (other screens come
between), so a new viewport seldom lands at a dead one's address: at the same address it would find the old
entry again and hide the growth.
"""

from __future__ import annotations

from PySide6.QtCore import QEvent
from PySide6.QtWidgets import QApplication, QLabel, QStackedWidget, QVBoxLayout, QWidget
from pytestqt.qtbot import QtBot

from kiosk.ui.widgets import touch_scroll_area
from tests.ui.heap import floor_growth, growth

ROUNDS = 300
KEPT = 6  # pages alive at once: each is deleted six rounds after it was shown
BOUND = 60_000  # bytes over 300 rounds beyond the floor; the leak was about 210 KB (now about 2 KB)


def _page(scrolls: bool) -> QWidget:
    """A patient page's body as ``PatientPage`` builds it (``QWidget#page-body``), in a scroll area or not."""
    page = QWidget()
    content = QWidget()
    content.setObjectName("page-body")
    QVBoxLayout(content).addWidget(QLabel("Keep the dressing dry for 48 hours."))
    QVBoxLayout(page).addWidget(touch_scroll_area(content) if scrolls else content)
    return page


def _growth(stack: QStackedWidget, scrolls: bool) -> int:
    alive: list[QWidget] = []

    def round_() -> None:
        page = _page(scrolls)
        stack.addWidget(page)
        stack.setCurrentWidget(page)
        page.repaint()  # drawn under the theme, as a shown screen is
        QApplication.processEvents()  # and the loop runs (unprocessed events would pile up and hide the figure)
        stack.removeWidget(page)
        alive.append(page)
        if len(alive) > KEPT:
            alive.pop(0).deleteLater()
            QApplication.sendPostedEvents(None, QEvent.Type.DeferredDelete)

    return floor_growth(round_, ROUNDS) if not scrolls else growth(round_, ROUNDS)


def test_deleted_page_scroll_areas_leave_nothing_in_the_style_caches(qtbot: QtBot) -> None:
    stack = QStackedWidget()
    qtbot.addWidget(stack)
    stack.resize(800, 600)
    stack.show()
    floor = _growth(stack, scrolls=False)
    assert _growth(stack, scrolls=True) - floor < BOUND


def test_the_viewport_draws_the_page_background(qtbot: QtBot) -> None:
    """The viewport is transparent: below a short page body the theme's page background (the area's) still shows."""
    content = QWidget()
    content.setObjectName("page-body")
    QVBoxLayout(content).addWidget(QLabel("Short"))
    area = touch_scroll_area(content)
    area.setWidgetResizable(False)  # the body keeps its own small size: the viewport shows below it
    qtbot.addWidget(area)
    area.resize(400, 600)
    area.show()
    qtbot.waitExposed(area)
    image = area.grab().toImage()
    body = content.grab().toImage()
    assert content.height() < 500
    assert image.pixel(200, 590) == body.pixel(body.width() - 2, body.height() - 2)
