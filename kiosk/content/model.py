"""The procedure content as immutable typed objects.

Every screen and every printed sheet is built from these, never from raw YAML, so a loaded procedure is
complete, validated and cannot change underneath a discharge. The loader (``kiosk.content.loader``) makes them;
``docs`` for authors is ``procedures/README.md``.
"""

from __future__ import annotations

from dataclasses import dataclass, replace
from datetime import date, datetime, time, timedelta
from enum import StrEnum

from kiosk.content.phrasebook import ENGLISH_CODE, ENGLISH_DAYS, day_month_year, phrases

SCHEMA_VERSION = 2  # the newest version this kiosk reads
SUPPORTED_VERSIONS = (1, 2)  # version-1 files load exactly as they always did
DUE_SOON_DAYS = 30


class Factor(StrEnum):
    """The fixed vocabulary of patient factors a condition may name (documented in procedures/README.md)."""

    DIABETIC = "diabetic"
    BLOOD_THINNERS = "blood-thinners"
    SEDATION = "sedation"
    STEROID_GIVEN = "steroid-given"
    # Schema version 2 (why these and no others: procedures/README.md, "Patient factors").
    GENERAL_ANAESTHETIC = "general-anaesthetic"
    CONTRAST_DYE = "contrast-dye"


FACTOR_LABELS: dict[Factor, str] = {
    Factor.DIABETIC: "Diabetic",
    Factor.BLOOD_THINNERS: "Takes blood thinners (e.g. warfarin, clopidogrel, rivaroxaban, dabigatran)",
    Factor.SEDATION: "Sedation given",
    Factor.STEROID_GIVEN: "Steroid given in the injection",
    Factor.GENERAL_ANAESTHETIC: "General anaesthetic given",
    Factor.CONTRAST_DYE: "X-ray contrast dye given",
}


class ReviewState(StrEnum):
    CURRENT = "current"
    DUE_SOON = "due-soon"
    EXPIRED = "expired"


@dataclass(frozen=True)
class Condition:
    """When a part of the content applies to a patient, from the factors the nurse ticked.

    Every factor in ``all_of`` present, at least one of ``any_of`` (when it names any) and none of ``none_of``.
    ``ALWAYS`` (no factors named) applies to everyone. This one method decides for every kind of content, so
    the screens, the questions and the sheet cannot disagree about what a patient is shown.
    """

    all_of: frozenset[Factor] = frozenset()
    none_of: frozenset[Factor] = frozenset()
    any_of: frozenset[Factor] = frozenset()  # schema version 2

    def applies(self, factors: frozenset[Factor]) -> bool:
        return (
            self.all_of <= factors and not (self.none_of & factors) and (not self.any_of or bool(self.any_of & factors))
        )

    @property
    def factors(self) -> frozenset[Factor]:
        """Every factor this condition names: the ones whose tick can change what the patient sees."""
        return self.all_of | self.none_of | self.any_of

    @property
    def is_always(self) -> bool:
        return not self.factors

    def can_apply(self) -> bool:
        """False for a condition no combination of factors satisfies (the checker reports it)."""
        return not (self.all_of & self.none_of) and (not self.any_of or bool(self.any_of - self.none_of))


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
    # Schema version 2. ``days`` is kept as written (the sheet may say "for 2 days"); ``hours`` is then
    # days x 24 elapsed hours, like any other duration (hazard H9). ``and_until`` is printed beside the clock
    # time: "Do not drive until 14:30 Sat 22 Nov and until the numbness has gone".
    days: int | None = None
    and_until: str = ""
    condition: Condition = ALWAYS

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
    timing: Timing | None = None  # the first timing (the only one a version-1 file can have)
    more_timings: tuple[Timing, ...] = ()  # schema version 2: the second and later timings, in file order

    @property
    def timings(self) -> tuple[Timing, ...]:
        """Every timing of the step, in file order (conditions not applied: see ``timings_for``)."""
        return ((self.timing,) if self.timing is not None else ()) + self.more_timings

    def timings_for(self, factors: frozenset[Factor]) -> tuple[Timing, ...]:
        return tuple(timing for timing in self.timings if timing.condition.applies(factors))


@dataclass(frozen=True)
class Expectation:
    """Something normal to expect afterwards (numb leg, pain flare, when relief starts...)."""

    heading: str
    text: str
    condition: Condition = ALWAYS  # schema version 2


WEEKDAY_NAMES = ENGLISH_DAYS  # the day words a content file may use for opening hours


@dataclass(frozen=True)
class OpeningHours:
    """When a contact answers, on the ward's wall clock: weekdays (0 = Monday) from ``opens`` until ``closes``.

    Bank holidays are not known to the kiosk; the contact's ``hours`` text should say "not bank holidays".
    """

    days: frozenset[int]
    opens: time
    closes: time

    def is_open(self, at: datetime) -> bool:
        """``at`` is a wall-clock time in the ward's zone."""
        return at.weekday() in self.days and self.opens <= at.time() < self.closes

    @property
    def text(self) -> str:
        """ "Mon to Fri, 08:00 to 17:00": the figures the sheet prints when the author wrote no ``hours``."""
        return self.text_in(ENGLISH_CODE)

    def text_in(self, language: str) -> str:
        """``text`` with the day names and words of ``language`` (``phrasebook``); the times as figures."""
        words = phrases(language)
        days = sorted(self.days)
        if days == list(range(7)):
            span = words["every_day"]
        elif days == list(range(days[0], days[-1] + 1)) and len(days) > 2:
            span = words.say("day_span", first=words.days[days[0]], last=words.days[days[-1]])
        else:
            span = ", ".join(words.days[day] for day in days)
        return words.say("opening_hours", days=span, opens=f"{self.opens:%H:%M}", closes=f"{self.closes:%H:%M}")


@dataclass(frozen=True)
class Contact:
    id: str
    name: str
    number: str | None
    hours: str
    when: str = ""
    # Schema version 2.
    extension: str = ""  # digits, printed as "ext 4321" after the number
    open: OpeningHours | None = None  # when it answers; outside these hours the patient is sent to ``otherwise``
    otherwise: str = ""  # the id of the contact to use when this one is closed (e.g. nhs-111)
    condition: Condition = ALWAYS

    @property
    def hours_text(self) -> str:
        """What to print for its hours: the author's words, else the opening hours in figures, else ""."""
        return self.hours_in(ENGLISH_CODE)

    def hours_in(self, language: str) -> str:
        """``hours_text`` for a contact of content in ``language``: the author's (translated) words, else the
        opening hours in that language's day names."""
        if self.hours:
            return self.hours
        return self.open.text_in(language) if self.open is not None else ""

    @property
    def dial(self) -> str:
        """ "01752 437706 ext 4321", "111", or "" (a contact reached in person)."""
        if not self.number:
            return ""
        return f"{self.number} ext {self.extension}" if self.extension else self.number


class Urgency(StrEnum):
    """How soon a warning sign needs help. Listed most urgent first, the order of screen and sheet."""

    EMERGENCY = "emergency"  # call 999 or go to A&E now
    URGENT = "urgent"  # get urgent advice today
    OFFICE_HOURS = "office-hours"  # ring in office hours

    @property
    def rank(self) -> int:
        return list(Urgency).index(self)


URGENCY_HEADINGS: dict[Urgency, str] = {
    Urgency.EMERGENCY: "Call 999 or go to A&E now",
    Urgency.URGENT: "Get urgent advice today",
    Urgency.OFFICE_HOURS: "Ring in office hours",
}


@dataclass(frozen=True)
class RedFlag:
    """A warning sign that needs urgent help, and whom to call (ids into ``Procedure.contacts``, in order).

    In a version-2 file the sign is written in an urgency group and calls the group's contacts.
    """

    id: str
    sign: str
    call: tuple[str, ...]
    condition: Condition = ALWAYS  # schema version 2
    urgency: Urgency = Urgency.URGENT  # version-1 signs are all "get urgent advice"


@dataclass(frozen=True)
class WarningGroup:
    """Warning signs of one urgency, with what to do and whom to call, in that order (schema version 2).

    ``heading`` is the author's, or ``URGENCY_HEADINGS``; ``advice`` may be "" (the heading says it all).
    """

    urgency: Urgency
    heading: str
    advice: str
    call: tuple[str, ...]
    signs: tuple[RedFlag, ...]


class RiskForm(StrEnum):
    ONE_IN = "one-in"  # about 1 in N
    LESS_THAN = "less-than"  # less than 1 in N
    RANGE = "range"  # between 1 in N and 1 in M
    PERCENT = "percent"  # P%, or P% to Q%


@dataclass(frozen=True)
class Frequency:
    """How often a risk happens, in the form the leaflet gives it (schema version 2's ``how_often``).

    ``low`` and ``high`` are the "N" of "1 in N" (``high`` only for a range, the rarer end) or the percentages
    (``high`` only for a percentage range). Shown with ``format_risk``, always as figures.
    """

    form: RiskForm
    low: float
    high: float | None = None


def _figure(value: float) -> str:
    return f"{value:,.0f}" if value == int(value) else f"{value:,.10g}"


def format_risk(frequency: Frequency, language: str = ENGLISH_CODE) -> str:
    """The figures a patient reads, the same on screen and sheet: never "rare" or "common" on their own.

    "about 1 in 2,000"; "less than 1 in 1,000"; "between 1 in 100 and 1 in 50"; "about 5 in 100 (5%)";
    "between 2 and 5 in 100 (2% to 5%)"; "about 1 in 200 (0.5%)" for a percentage under 1. In another
    ``language`` the same forms in its words (``phrasebook``), the figures written as in English.
    """
    say = phrases(language).say
    form, low, high = frequency.form, frequency.low, frequency.high
    if form is RiskForm.ONE_IN:
        return say("risk_one_in", n=_figure(low))
    if form is RiskForm.LESS_THAN:
        return say("risk_less_than", n=_figure(low))
    if form is RiskForm.RANGE:
        rare, common = (max(low, high or low), min(low, high or low))
        return say("risk_range", rare=_figure(rare), common=_figure(common))
    if high is None:
        if low < 1:
            return say("risk_percent_small", n=_figure(round(100 / low)), p=_figure(low))
        return say("risk_percent", p=_figure(low))
    return say("risk_percent_range", low=_figure(low), high=_figure(high))


@dataclass(frozen=True)
class Risk:
    name: str
    one_in: int = 0  # version 1 ("one_in: 2000"); 0 when ``how_often`` is given instead
    text: str = ""
    how_often: Frequency | None = None  # schema version 2
    condition: Condition = ALWAYS  # schema version 2

    @property
    def chance(self) -> Frequency:
        return self.how_often if self.how_often is not None else Frequency(RiskForm.ONE_IN, self.one_in)

    @property
    def frequency(self) -> str:
        """ "about 1 in 2,000" and the other forms (``format_risk``)."""
        return format_risk(self.chance)

    def frequency_in(self, language: str) -> str:
        """``frequency`` in ``language``'s words, the figures unchanged."""
        return format_risk(self.chance, language)


@dataclass(frozen=True)
class Medicine:
    name: str
    purpose: str
    condition: Condition = ALWAYS  # schema version 2: e.g. midazolam only if sedation was given


@dataclass(frozen=True)
class FollowUp:
    """An appointment expected between ``earliest_days`` and ``latest_days`` after the procedure."""

    with_whom: str
    earliest_days: int
    latest_days: int
    text: str = ""


@dataclass(frozen=True)
class EscortRule:
    """A longer stay for some patients (schema version 2), e.g. 24 hours after sedation instead of 12.

    Rules can only lengthen the stay or forbid driving home, never shorten or allow it: when several apply, the
    longest hours win, so a mistake in a condition errs on the safe side.
    """

    condition: Condition
    hours: int | None = None
    must_not_drive_home: bool = False
    text: str = ""


@dataclass(frozen=True)
class ResponsibleAdult:
    hours: int
    must_not_drive_home: bool
    text: str
    rules: tuple[EscortRule, ...] = ()  # schema version 2

    def for_patient(self, factors: frozenset[Factor]) -> ResponsibleAdult:
        """The stay for this patient: the longest hours of the base and every rule that applies, no rules left.

        A rule's ``text`` is added after the base text.
        """
        applying = [rule for rule in self.rules if rule.condition.applies(factors)]
        hours = max([self.hours, *(rule.hours for rule in applying if rule.hours is not None)])
        no_drive = self.must_not_drive_home or any(rule.must_not_drive_home for rule in applying)
        text = " ".join([self.text, *(rule.text for rule in applying if rule.text)])
        return ResponsibleAdult(hours, no_drive, text)

    @property
    def longest_hours(self) -> int:
        """The longest stay any patient can be told: for an overview without factors (errs on the safe side)."""
        return max([self.hours, *(rule.hours for rule in self.rules if rule.hours is not None)])


@dataclass(frozen=True)
class EscortSign:
    """Something the adult taking the patient home must watch for tonight (schema version 2)."""

    sign: str
    condition: Condition = ALWAYS


@dataclass(frozen=True)
class EscortAdvice:
    """The escort's own part (schema version 2): printed as a slip for the adult who takes the patient home.

    ``text`` says what their job is tonight; ``watch_for`` what to look out for; ``when_to_call`` what to do if
    they see it, and ``call`` the contacts (ids into ``Procedure.contacts``, in order).
    """

    text: str
    watch_for: tuple[EscortSign, ...]
    when_to_call: str
    call: tuple[str, ...]

    def for_patient(self, factors: frozenset[Factor]) -> EscortAdvice:
        signs = tuple(sign for sign in self.watch_for if sign.condition.applies(factors))
        return EscortAdvice(self.text, signs, self.when_to_call, self.call)


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
            return f"Approved by {self.approved_by} on {day_month_year(self.approved_on)}"
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
    schema_version: int = 1
    # Schema version 2. ``warning_groups`` holds the signs by urgency, most urgent first; ``red_flags`` then holds
    # the same signs in the same order, each calling its group's contacts, so code written for version 1 still
    # shows every sign. ``escort`` is the escort's own part, None when the file has none.
    warning_groups: tuple[WarningGroup, ...] = ()
    escort: EscortAdvice | None = None
    # The factors this object was narrowed to by ``for_patient``; None for the whole procedure.
    personalised_for: frozenset[Factor] | None = None

    def contact(self, contact_id: str) -> Contact:
        for contact in self.contacts:
            if contact.id == contact_id:
                return contact
        raise KeyError(contact_id)

    @property
    def has_urgency_groups(self) -> bool:
        """True when the author grouped the signs by urgency (version 2); else render them as version 1 did."""
        return bool(self.warning_groups)

    @property
    def groups(self) -> tuple[WarningGroup, ...]:
        """The warning signs by urgency, most urgent first, for screen and sheet.

        A version-1 file gives one group: urgency URGENT, heading "", advice ``red_flag_advice``, its signs with
        their own ``call`` lists, and the group's ``call`` their contacts in order of first use.
        """
        if self.warning_groups:
            return self.warning_groups
        if not self.red_flags:
            return ()
        calls: list[str] = []
        for flag in self.red_flags:
            calls.extend(contact_id for contact_id in flag.call if contact_id not in calls)
        return (WarningGroup(Urgency.URGENT, "", self.red_flag_advice, tuple(calls), self.red_flags),)

    def factors_used(self) -> frozenset[Factor]:
        """Every factor any condition in this procedure names: the only ticks worth offering the nurse."""
        conditions: list[Condition] = [step.condition for step in self.steps]
        conditions += [timing.condition for step in self.steps for timing in step.timings]
        conditions += [question.condition for question in self.questions]
        conditions += [item.condition for item in self.expectations]
        conditions += [item.condition for item in self.medicines]
        conditions += [item.condition for item in self.red_flags]
        conditions += [item.condition for group in self.warning_groups for item in group.signs]
        conditions += [item.condition for item in self.risks]
        conditions += [item.condition for item in self.contacts]
        conditions += [rule.condition for rule in self.responsible_adult.rules]
        if self.escort is not None:
            conditions += [sign.condition for sign in self.escort.watch_for]
        found: set[Factor] = set()
        for condition in conditions:
            found |= condition.factors
        return frozenset(found)

    def for_patient(self, factors: frozenset[Factor]) -> Procedure:
        """This procedure as one patient gets it: only what applies to ``factors``, in file order.

        Steps keep only their timings that apply; the responsible adult's hours are the ones for this patient
        (``ResponsibleAdult.for_patient``); contacts whose condition does not hold are dropped, and so are their
        ids from every ``call`` list (the checker makes sure each sign shown keeps at least one contact).
        Screens and sheet render the result exactly as they render a version-1 procedure.
        """
        present = frozenset(Factor(factor) for factor in factors)
        contacts = tuple(contact for contact in self.contacts if contact.condition.applies(present))
        kept = {contact.id for contact in contacts}

        def calls(ids: tuple[str, ...]) -> tuple[str, ...]:
            return tuple(contact_id for contact_id in ids if contact_id in kept)

        def flags(signs: tuple[RedFlag, ...]) -> tuple[RedFlag, ...]:
            return tuple(replace(flag, call=calls(flag.call)) for flag in signs if flag.condition.applies(present))

        steps = []
        for step in self.steps:
            if step.condition.applies(present):
                timings = step.timings_for(present)
                steps.append(replace(step, timing=timings[0] if timings else None, more_timings=timings[1:]))
        groups = []
        for group in self.warning_groups:
            signs = flags(group.signs)
            if signs:
                groups.append(replace(group, call=calls(group.call), signs=signs))
        escort = self.escort
        if escort is not None:
            escort = replace(escort.for_patient(present), call=calls(escort.call))
        return replace(
            self,
            medicines=tuple(item for item in self.medicines if item.condition.applies(present)),
            steps=tuple(steps),
            expectations=tuple(item for item in self.expectations if item.condition.applies(present)),
            red_flags=flags(self.red_flags),
            risks=tuple(item for item in self.risks if item.condition.applies(present)),
            responsible_adult=self.responsible_adult.for_patient(present),
            questions=tuple(item for item in self.questions if item.condition.applies(present)),
            contacts=contacts,
            warning_groups=tuple(groups),
            escort=escort,
            personalised_for=present,
        )

    def route(self, contact_id: str, at: datetime) -> Contact:
        """Whom to ring at ``at`` (ward wall clock) for a contact: itself when open, else its ``otherwise``.

        Follows at most a few hops (the checker refuses loops), so a closed clinic sends the patient to 111.
        """
        contact = self.contact(contact_id)
        for _ in range(len(self.contacts)):
            if contact.open is None or contact.open.is_open(at) or not contact.otherwise:
                return contact
            contact = self.contact(contact.otherwise)
        return contact

    def review_state(self, today: date) -> ReviewState:
        return self.document.review_state(today)
