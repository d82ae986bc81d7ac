"""Whether a patient has had the last warning sign in front of them (issue 15; hazard H10).

"I understand" on the warning-signs screen is a confirmation that is saved and shown to the nurse, so it must
not be possible before the patient could have read every sign: at a large text size, or on a screen turned to
portrait, the last signs (often the most urgent ones' contacts, or the 999 line) sit below the fold. The rule is
plain geometry, kept here without Qt so it is tested on its own: the last sign counts as seen once its bottom
edge has been inside the visible part of the page, by scrolling or because the screen shows everything at once.
It stays seen for that showing of the screen (scrolling back up to re-read does not take it away).
"""

from __future__ import annotations

from dataclasses import dataclass

SLACK_PX = 2
"""Rounding in Qt's layout can leave the bottom edge a pixel or two below a page scrolled fully down."""


def bottom_in_view(item_bottom: int, view_top: int, view_height: int) -> bool:
    """True when an item whose bottom edge is at ``item_bottom`` (page coordinates) is visible in a viewport
    ``view_height`` tall that shows the page from ``view_top`` down."""
    return view_height > 0 and item_bottom <= view_top + view_height + SLACK_PX


@dataclass
class ReadToEnd:
    """One showing of the warning signs: ``seen`` once the last sign's bottom edge has been in view."""

    seen: bool = False

    def look(self, item_bottom: int, view_top: int, view_height: int) -> bool:
        """Record what is in view now; returns whether the last sign has been seen (it never goes back)."""
        if not self.seen and bottom_in_view(item_bottom, view_top, view_height):
            self.seen = True
        return self.seen

    def reset(self) -> None:
        """A new showing of the screen (other signs, or the patient came back with Back)."""
        self.seen = False
