"""Everything one sheet is built from, gathered once, so the section functions stay small and agree.

The sheet is built only from the discharge record and the procedure content it names (hazard H1); this is where
the two meet: the steps that apply to this patient, the timeline in clock times, the review state on the day
of printing.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, datetime

from kiosk.config import WardConfig
from kiosk.content.model import Procedure, ReviewState, Step
from kiosk.record import timeline as tl
from kiosk.record.model import DischargeRecord
from kiosk.sheet.styles import SheetStyles
from kiosk.sheet.wording import ENGLISH_WORDING, Wording


@dataclass(frozen=True)
class SheetContext:
    record: DischargeRecord
    procedure: Procedure
    config: WardConfig
    printed_at: datetime
    reprint: bool
    styles: SheetStyles
    steps: tuple[Step, ...]
    # The sheet's language: ``procedure`` is then the translated content (same ids and hash) and ``english`` the
    # English content, for the warning box and numbers that every translated sheet also prints in English.
    words: Wording = ENGLISH_WORDING
    english: Procedure | None = None
    english_styles: SheetStyles | None = None  # left to right, for the English part of a right-to-left sheet

    @property
    def translated(self) -> bool:
        return self.english is not None and self.words.language != "en"

    @property
    def year(self) -> int:
        """The procedure's year: dates in it are printed without a year, others with one."""
        return self.ended.year

    @property
    def ended(self) -> datetime:
        """When the procedure ended, on the ward's clock."""
        return self.record.procedure_ended.astimezone(self.config.zone)

    @property
    def printed(self) -> datetime:
        """When this copy was printed, on the ward's clock."""
        return self.printed_at.astimezone(self.config.zone)

    @property
    def timeline(self) -> tuple[tl.TimelineEntry, ...]:
        return tl.timeline(self.procedure, self.record.procedure_ended, self.record.factors, self.config.zone)

    @property
    def escort_until(self) -> datetime:
        return tl.escort_until(self.procedure, self.record.procedure_ended, self.config.zone)

    @property
    def follow_up_window(self) -> tuple[date, date] | None:
        return tl.follow_up_window(self.procedure, self.record.procedure_ended, self.config.zone)

    @property
    def review_overdue(self) -> bool:
        return self.procedure.review_state(self.printed.date()) is ReviewState.EXPIRED

    @property
    def language(self) -> str:
        """The language of this part of the sheet (English for the English copy of a translated sheet)."""
        return self.words.language

    def clock(self, at: datetime) -> str:
        """ "14:30 Sat 22 Nov" with this sheet's day and month names (``content.phrasebook``, as on screen)."""
        return tl.format_clock(at, self.year, self.config.zone, self.language)

    def day(self, d: date) -> str:
        return tl.format_day(d, self.year, self.language)
