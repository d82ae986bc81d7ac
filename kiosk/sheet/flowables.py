"""A flowable for the red-flag box: a thick black frame with a white-on-black title, kept on one page.

A platypus Table inside a KeepTogether did the same at about a quarter of the whole sheet's build time (the
cell is measured and wrapped several times); this wraps its contents once. It moves to the next page rather
than split, unless it is taller than a whole page, and then it continues in a second box.
"""

from __future__ import annotations

from reportlab.lib.colors import Color
from reportlab.pdfgen.canvas import Canvas
from reportlab.platypus import Flowable

from kiosk.sheet.styles import INK


class AlertBox(Flowable):
    def __init__(
        self,
        title: Flowable,
        body: list[Flowable],
        border: float = 3,
        padding: float = 8,
        continued_title: Flowable | None = None,
        title_fill: Color | None = INK,
        dash: tuple[float, float] | None = None,
    ) -> None:
        """``title_fill`` is the title bar's colour (None: no bar); ``dash`` draws the frame dashed (on, off).
        The warning-sign boxes use these to give each urgency its own shape, not only its own words."""
        super().__init__()
        self.title_fill = title_fill
        self.dash = dash
        self.title = title
        self.body = body
        self.border = border
        self.padding = padding
        self.continued_title = continued_title
        self._heights: list[float] = []
        self._title_height = 0.0

    def _inner(self, width: float) -> float:
        return width - 2 * self.padding

    def wrap(self, availWidth: float, availHeight: float) -> tuple[float, float]:
        inner = self._inner(availWidth)
        pad = self.padding
        _, title_height = self.title.wrap(inner, availHeight)
        self._title_height = title_height + pad
        self._heights = []
        total = 0.0
        for index, flowable in enumerate(self.body):
            _, height = flowable.wrap(inner, availHeight)
            space = flowable.getSpaceAfter() if index < len(self.body) - 1 else 0
            self._heights.append(height + space)
            total += height + space
        self.width = availWidth
        self.height = self._title_height + pad * 0.75 + total + pad
        return self.width, self.height

    def split(self, availWidth: float, availHeight: float) -> list[Flowable]:
        self.wrap(availWidth, availHeight)
        if _fits_on_a_fresh_page(self, availHeight):
            return []  # fits on a fresh page: move there whole, so the red flags are never split
        room = availHeight - self._title_height - self.padding * 1.75
        used = 0.0
        count = 0
        for height in self._heights:
            if used + height > room:
                break
            used += height
            count += 1
        if count == 0 or count == len(self.body):
            return []
        rest_title = self.continued_title or self.title
        fill, dash = self.title_fill, self.dash
        return [
            AlertBox(self.title, self.body[:count], self.border, self.padding, self.continued_title, fill, dash),
            AlertBox(rest_title, self.body[count:], self.border, self.padding, self.continued_title, fill, dash),
        ]

    def draw(self) -> None:
        canvas: Canvas = self.canv
        pad, border = self.padding, self.border
        top = self.height
        canvas.saveState()
        if self.title_fill is not None:
            canvas.setFillColor(self.title_fill)
            canvas.rect(0, top - self._title_height, self.width, self._title_height, stroke=0, fill=1)
        canvas.setStrokeColor(INK)
        canvas.setLineWidth(border)
        if self.dash is not None:
            canvas.setDash(*self.dash)
        canvas.rect(border / 2, border / 2, self.width - border, self.height - border, stroke=1, fill=0)
        canvas.restoreState()
        self.title.drawOn(canvas, pad, top - self._title_height + pad * 0.5)
        y = top - self._title_height - pad * 0.75
        for flowable, height in zip(self.body, self._heights, strict=True):
            space = height - flowable.height
            y -= height
            flowable.drawOn(canvas, pad, y + space)


class Group(Flowable):
    """Flowables kept on one page, e.g. a heading and the text under it (no heading alone at a page's foot).

    Platypus's ``keepWithNext`` does the same through a KeepTogether that copies the frame for every measure;
    this measures its contents once. Taller than a page, it hands its contents to the frame one by one.
    """

    def __init__(self, flowables: list[Flowable]) -> None:
        super().__init__()
        self.flowables = flowables
        self._heights: list[float] = []

    def getSpaceBefore(self) -> float:
        return self.flowables[0].getSpaceBefore() if self.flowables else 0

    def getSpaceAfter(self) -> float:
        return self.flowables[-1].getSpaceAfter() if self.flowables else 0

    def wrap(self, availWidth: float, availHeight: float) -> tuple[float, float]:
        self._heights = []
        last = len(self.flowables) - 1
        for index, flowable in enumerate(self.flowables):
            _, height = flowable.wrap(availWidth, availHeight)
            between = 0.0
            if index < last:
                between = max(flowable.getSpaceAfter(), self.flowables[index + 1].getSpaceBefore())
            self._heights.append(height + between)
        self.width = availWidth
        self.height = sum(self._heights)
        return self.width, self.height

    def split(self, availWidth: float, availHeight: float) -> list[Flowable]:
        self.wrap(availWidth, availHeight)
        if _fits_on_a_fresh_page(self, availHeight):
            return []
        if len(self.flowables) > 1:
            # Taller than a page: the first part stays here only with a piece of the second (a heading never
            # ends a page alone, and never fails to fit); otherwise the whole group starts the next page.
            first, second, *rest = self.flowables
            room = availHeight - self._heights[0]
            pieces = second.split(availWidth, room) if room > 0 else []
            if not pieces:
                if second.height <= room:
                    return list(self.flowables)
                return []
            return [first, *pieces, *rest]
        return list(self.flowables)

    def draw(self) -> None:
        y = self.height
        for flowable, height in zip(self.flowables, self._heights, strict=True):
            y -= height
            flowable.drawOn(self.canv, 0, y + (height - flowable.height))


def _fits_on_a_fresh_page(flowable: Flowable, availHeight: float) -> bool:
    """True when the wrapped flowable would fit whole at the top of a new page and is not already there."""
    frame = flowable._doctemplateAttr("frame")  # type: ignore[attr-defined]  # reportlab's private API, not in its stubs
    if frame is None or getattr(frame, "_atTop", False):
        return False
    return bool(flowable.height <= getattr(frame, "_aH", availHeight))


class CutLine(Flowable):
    """A dashed line across the page with a pair of scissors: where the escort's slip is torn or cut off, so the
    adult staying with the patient can keep their part on them. The words under it are a paragraph of their own
    (``sections.escort_slip``), so they are shaped and printed in any script like the rest of the sheet."""

    SCISSORS = "✂"

    def __init__(self, font: str, size: float) -> None:
        super().__init__()
        self.font = font
        self.size = size

    def wrap(self, availWidth: float, availHeight: float) -> tuple[float, float]:
        self.width = availWidth
        self.height = self.size * 1.6
        return self.width, self.height

    def draw(self) -> None:
        canvas: Canvas = self.canv
        middle = self.height / 2
        label_width = canvas.stringWidth(self.SCISSORS, self.font, self.size)
        canvas.saveState()
        canvas.setStrokeColor(INK)
        canvas.setLineWidth(0.8)
        canvas.setDash(4, 3)
        start = self.size * 0.6
        canvas.line(0, middle, start, middle)
        canvas.line(start + label_width + self.size, middle, self.width, middle)
        canvas.setFillColor(INK)
        canvas.setFont(self.font, self.size)
        canvas.drawString(start + self.size * 0.5, middle - self.size * 0.35, self.SCISSORS)
        canvas.restoreState()
