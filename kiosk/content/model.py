"""The procedure content as immutable typed objects.

Every screen and every printed sheet is built from these, never from raw YAML, so a loaded procedure is
complete, validated and cannot change underneath a discharge. The loader (``kiosk.content.loader``) makes them;
``docs`` for authors is ``procedures/README.md``.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, timedelta
from enum import StrEnum

SCHEMA_VERSION = 1
DUE_SOON_DAYS = 30


class Factor(StrEnum):
    """The fixed vocabulary of patient factors a condition may name (documented in procedures/README.md)."""

    DIABETIC = "diabetic"
    BLOOD_THINNERS = "blood-thinners"
    SEDATION = "sedation"
    STEROID_GIVEN = "steroid-given"


FACTOR_LABELS: dict[Factor, str] = {
    Factor.DIABETIC: "Diabetic",
    Factor.BLOOD_THINNERS: "Takes blood thinners (e.g. warfarin, clopidogrel, rivaroxaban, dabigatran)",
    Factor.SEDATION: "Sedation given",
    Factor.STEROID_GIVEN: "Steroid given in the injection",
}


class ReviewState(StrEnum):
    CURRENT = "current"
    DUE_SOON = "due-soon"
    EXPIRED = "expired"


@dataclass(frozen=True)
class Condition:
    """When a step or question applies: every factor in ``all_of`` present and none of ``none_of``."""

    all_of: frozenset[Factor] = frozenset()
    none_of: frozenset[Factor] = frozenset()

    def applies(self, factors: frozenset[Factor]) -> bool:
        return self.all_of <= factors and not (self.none_of & factors)


ALWAYS = Condition()


@dataclass(frozen=True)
class Timing:
    """A moment relative to the end of the procedure, which the sheet turns into a clock time.

    ``label`` completes a sentence before the time: "Do not drive until" -> "Do not drive until 14:30 Sat 22 Nov".
    ``until_next_morning`` is for "not on the day": the moment is 08:00 on the day after the procedure.
    """

    hours: float
    label: str
    until_next_morning: bool = False

    @property
    def delta(self) -> timedelta:
        return timedelta(hours=self.hours)


@dataclass(frozen=True)
class Step:
    """One aftercare step: one patient screen, one item on the sheet."""

    id: str
    heading: str
    text: str
    condition: Condition = ALWAYS
    timing: Timing | None = None


@dataclass(frozen=True)
class Expectation:
    """Something normal to expect afterwards (numb leg, pain flare, when relief starts...)."""

    heading: str
    text: str


@dataclass(frozen=True)
class Contact:
    id: str
    name: str
    number: str | None
    hours: str
    when: str = ""


@dataclass(frozen=True)
class RedFlag:
    """A warning sign that needs urgent help, and whom to call (ids into ``Procedure.contacts``, in order)."""

    id: str
    sign: str
    call: tuple[str, ...]


@dataclass(frozen=True)
class Risk:
    name: str
    one_in: int
    text: str = ""

    @property
    def frequency(self) -> str:
        return f"about 1 in {self.one_in:,}"


@dataclass(frozen=True)
class Medicine:
    name: str
    purpose: str


@dataclass(frozen=True)
class FollowUp:
    """An appointment expected between ``earliest_days`` and ``latest_days`` after the procedure."""

    with_whom: str
    earliest_days: int
    latest_days: int
    text: str = ""


@dataclass(frozen=True)
class ResponsibleAdult:
    hours: int
    must_not_drive_home: bool
    text: str


@dataclass(frozen=True)
class CheckQuestion:
    """A teach-back question; ``answer`` is the index of the right option in ``options``."""

    id: str
    question: str
    options: tuple[str, ...]
    answer: int
    explanation: str
    condition: Condition = ALWAYS

    @property
    def right_option(self) -> str:
        return self.options[self.answer]


@dataclass(frozen=True)
class DocumentControl:
    source: str
    reference: str
    version: str
    issued: date
    review: date
    approved_by: str
    # Whether the content is approved for use on a ward, and on which day. A file that does not say is a draft
    # (files written before these headings existed load unchanged, as drafts: hazard H2).
    approved: bool = False
    approved_on: date | None = None

    @property
    def is_draft(self) -> bool:
        return not self.approved

    @property
    def approval(self) -> str:
        """ "Approved by X on 1 Aug 2023" or "DRAFT - not yet approved (X)", for the nurse and the sheet."""
        if self.approved and self.approved_on is not None:
            when = f"{self.approved_on.day} {self.approved_on:%b %Y}"
            return f"Approved by {self.approved_by} on {when}"
        return f"DRAFT - not yet approved ({self.approved_by})" if self.approved_by else "DRAFT - not yet approved"

    def review_state(self, today: date) -> ReviewState:
        if today > self.review:
            return ReviewState.EXPIRED
        if (self.review - today).days <= DUE_SOON_DAYS:
            return ReviewState.DUE_SOON
        return ReviewState.CURRENT


@dataclass(frozen=True)
class Procedure:
    """One procedure's complete, validated content, plus where it came from and a hash of its exact bytes."""

    id: str
    title: str
    short_name: str
    specialty: str
    trust: str
    department: str
    document: DocumentControl
    what_it_is: str
    why: str
    what_happened: str
    asks_side_and_level: bool
    medicines: tuple[Medicine, ...]
    steps: tuple[Step, ...]
    expectations: tuple[Expectation, ...]
    red_flags: tuple[RedFlag, ...]
    red_flag_advice: str
    risks: tuple[Risk, ...]
    follow_up: FollowUp | None
    responsible_adult: ResponsibleAdult
    questions: tuple[CheckQuestion, ...]
    contacts: tuple[Contact, ...]
    content_hash: str = ""
    source_path: str = ""
    schema_version: int = SCHEMA_VERSION

    def contact(self, contact_id: str) -> Contact:
        for contact in self.contacts:
            if contact.id == contact_id:
                return contact
        raise KeyError(contact_id)

    def review_state(self, today: date) -> ReviewState:
        return self.document.review_state(today)
