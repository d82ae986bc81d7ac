"""The sheet built ahead, while the nurse reviews and types the sign-off PIN, used only if it is the very sheet.

Issue 19 (the first preview within 100 ms): building the sheet after the PIN (about 15 ms of CPU, sharing
Python's lock with the print screen being shown) was the largest part of the wait. The sheet prints nothing of
the sign-off (not the nurse, not its time, not the record's state: ``tests/sheet/test_sheet_ahead.py`` builds
both and compares the bytes), only the record's content, the procedure, the ward's settings, whether it is a
reprint and the minute it was made ("Printed 14:30 Sat 22 Nov 2026"). So it can be built before the sign-off.

Hazard (docs/HAZARDS.md, wrong or stale sheet): a sheet built before a change to the record (an escort edited,
a step confirmed, another patient) must never be shown or printed. ``SheetInputs`` holds everything the sheet is
built from, the record whole (only the sign-off and the state it moves taken out), and ``take`` hands a built
sheet over only when the inputs at sign-off are exactly equal; otherwise the sheet is built afresh, as before.
"""

from __future__ import annotations

from dataclasses import dataclass, replace
from datetime import datetime

from kiosk.config import WardConfig
from kiosk.content.model import Procedure
from kiosk.record.model import DischargeRecord, DischargeState


@dataclass(frozen=True, eq=False)
class SheetInputs:
    """What one sheet is built from, as far as it prints it."""

    record: DischargeRecord  # without its sign-off (which the sheet does not print)
    procedure: Procedure
    config: WardConfig
    minute: datetime  # when it was made, in the ward's zone, to the minute: all the sheet prints of that time
    reprint: bool

    def same_sheet(self, other: SheetInputs) -> bool:
        """Exactly the same inputs: the record compared field by field, the very same procedure object (the
        content loaded once; a reloaded library is a new object, so a rebuild)."""
        return (
            self.procedure is other.procedure
            and self.reprint == other.reprint
            and self.minute == other.minute
            and self.config == other.config
            and self.record == other.record
        )


def sheet_inputs(
    record: DischargeRecord, procedure: Procedure, config: WardConfig, made_at: datetime, reprint: bool
) -> SheetInputs:
    unsigned = replace(record, sign_off=None, state=DischargeState.STARTED)
    minute = made_at.astimezone(config.zone).replace(second=0, microsecond=0)
    return SheetInputs(unsigned, procedure, config, minute, reprint)


class SheetAhead:
    """At most one sheet built ahead, with its inputs. Used on the GUI thread only (the build runs on the records
    lane and its result is handed back through ``offer`` with the ticket ``begin`` gave)."""

    def __init__(self) -> None:
        self._ticket = 0
        self._wanted: SheetInputs | None = None  # being built, or built
        self._pdf: bytes | None = None

    def begin(self, inputs: SheetInputs) -> int | None:
        """A ticket for building the sheet for ``inputs``; None when it is already built or being built."""
        if self._wanted is not None and self._wanted.same_sheet(inputs):
            return None
        self.clear()
        self._wanted = inputs
        return self._ticket

    def offer(self, ticket: int, pdf: bytes) -> None:
        """The build for ``ticket`` finished; kept only if nothing was cleared or begun since."""
        if ticket == self._ticket and self._wanted is not None:
            self._pdf = pdf

    def take(self, inputs: SheetInputs) -> bytes | None:
        """The built sheet if it was built from exactly ``inputs``, else None; either way nothing is kept."""
        pdf = self._pdf if self._wanted is not None and self._wanted.same_sheet(inputs) else None
        self.clear()
        return pdf

    def clear(self) -> None:
        """Forget the sheet (a wipe: nothing of the patient stays in memory, H3) and ignore a build under way."""
        self._ticket += 1
        self._wanted = None
        self._pdf = None

    @property
    def ready(self) -> bool:
        return self._pdf is not None
