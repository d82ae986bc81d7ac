"""The sheet's sections, one small function each, in the order the patient reads them.

Each takes the ``SheetContext`` and returns its flowables. Every piece of patient or content text passes through
``fonts.markup`` (a patient's details: kept nowhere) or ``fonts.content_markup`` (content and fixed wording:
cached) before it becomes Paragraph markup; only the fixed wording written
here uses markup tags directly. Content paragraphs are made with ``shared=True`` (see ``paragraphs``); anything
holding patient details is not.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable
from dataclasses import replace

from reportlab.pdfbase.pdfmetrics import stringWidth
from reportlab.platypus import Flowable, Spacer

from kiosk.advice_text import contact_details, group_title
from kiosk.content.model import Contact, Urgency, WarningGroup
from kiosk.record.timeline import ESCORT_LABEL, TimelineEntry, format_date
from kiosk.sheet.context import SheetContext
from kiosk.sheet.flowables import AlertBox, CutLine, Group
from kiosk.sheet.fonts import BOLD, REGULAR, clean, content_markup, markup
from kiosk.sheet.page import nbsp
from kiosk.sheet.paragraphs import para
from kiosk.sheet.styles import INK, SHADE
from kiosk.sheet.wording import IN_ENGLISH

Section = Callable[[SheetContext], list[Flowable]]
BULLET = "•"


def _heading(ctx: SheetContext, text: str) -> Flowable:
    return para(content_markup(text), ctx.styles.section, shared=True)


def text_blocks(ctx: SheetContext, text: str, lead_in: str = "") -> list[Flowable]:
    """Content text as paragraphs: a blank line starts a new paragraph, a line starting "- " is a bullet.

    ``lead_in`` (markup) starts the first paragraph, e.g. a bold run-in heading.
    """
    st = ctx.styles
    out: list[Flowable] = []
    first = lead_in
    for block in text.strip().split("\n\n"):
        prose: list[str] = []
        for line in (line.strip() for line in block.splitlines()):
            if not line:
                continue
            if line.startswith(("- ", "* ", "• ")):
                if prose or first:
                    out.append(para(first + content_markup(" ".join(prose)), st.body, shared=True))
                    prose, first = [], ""
                out.append(para(content_markup(line[2:]), st.bullet, BULLET, shared=True))
            else:
                prose.append(line)
        if prose or first:
            out.append(para(first + content_markup(" ".join(prose)), st.body, shared=True))
            first = ""
    return out


def _item(ctx: SheetContext, heading: str, text: str) -> list[Flowable]:
    """A bold run-in heading and its text ("<b>Your dressing.</b> You have a small dressing..."): a line less
    per item than a heading on its own line, which is what keeps the normal sheet to two pages."""
    stop = "" if heading.rstrip()[-1:] in ".?!:।۔؟" else content_markup(ctx.words["full_stop"])
    return text_blocks(ctx, text, lead_in=f"<b>{content_markup(heading.rstrip())}{stop}</b> ")


def _kept_with_next(first: Flowable, rest: list[Flowable]) -> list[Flowable]:
    return [Group([first, rest[0]]), *rest[1:]] if rest else [first]


def _section(ctx: SheetContext, title: str, flowables: list[Flowable]) -> list[Flowable]:
    """A section heading and its content, the heading kept with the first part of it."""
    return _kept_with_next(_heading(ctx, title), flowables) if flowables else []


def _labelled(ctx: SheetContext, label: str, value: str, shared: bool = False) -> Flowable:
    """ "Label   value" in two columns; ``label`` is fixed wording, ``value`` is markup.

    A translated label is printed in the line itself (bold), not in the column: the column is a bullet, which
    reportlab prints in one font, without the fallback fonts a Gurmukhi or Urdu word needs.
    """
    if ctx.translated:
        return para(f"<b>{content_markup(label)}</b>&nbsp;&nbsp; {value}", ctx.styles.body, shared=shared)
    return para(value, ctx.styles.labelled, label, shared=shared)


def what_was_done(ctx: SheetContext) -> list[Flowable]:
    record, procedure = ctx.record, ctx.procedure
    # The procedure's title is in every page's header; here, what was done to this patient.
    ended = ctx.ended
    say = ctx.words.say
    when = nbsp(_shown_date(format_date(ended.date(), ctx.language)))
    finished = say("finished", time=f"<b>{ended:%H:%M}</b>", date=when)
    if record.side_level:
        finished += f" &nbsp;·&nbsp; {say('side_level')} <b>{markup(record.side_level)}</b>"
    out: list[Flowable] = [_labelled(ctx, ctx.words["finished_at"], finished)]
    # The nurse records the medicines by their English names: a translated sheet finds each one's translated
    # name and purpose through the English list (same order).
    english = ctx.english or procedure
    by_name = {
        medicine.name.casefold(): translated
        for medicine, translated in zip(english.medicines, procedure.medicines, strict=False)
    }
    medicines = []
    for name in record.medicines:
        found = by_name.get(name.casefold())
        shown = found.name if found is not None and ctx.translated else name
        purpose = found.purpose.rstrip(".۔।") if found is not None else ""
        medicines.append(f"<b>{markup(shown)}</b>" + (f": {content_markup(purpose)}" if purpose else ""))
    # One full-width paragraph: in the labelled column four medicines with their purposes took eight lines.
    stop = content_markup(ctx.words["full_stop"])
    given = f"{stop} ".join(medicines) + stop if medicines else say("none_recorded")
    out.append(para(f"<b>{say('medicines_given')}</b> {given}", ctx.styles.body))
    # What happened during it, as procedures/README.md promises (the patient may not remember, or was sedated).
    out.extend(text_blocks(ctx, procedure.what_happened))
    return _section(ctx, ctx.words["done"], out)


def _shown_date(text: str) -> str:
    """A date or time as markup: its day and month names may be in another script (``content.phrasebook``)."""
    return markup(text)


def _entry_label(ctx: SheetContext, entry: TimelineEntry) -> str:
    """The timeline's own escort line is the sheet's wording; a step's label is the (translated) content's."""
    return ctx.words["escort_until"] if entry.label == ESCORT_LABEL else entry.label


def next_24_hours(ctx: SheetContext) -> list[Flowable]:
    """The timeline in clock times: what a patient can act on at 2 a.m. without arithmetic."""
    st = ctx.styles
    lines = [
        f"{content_markup(_entry_label(ctx, entry))} <b>{nbsp(_shown_date(ctx.clock(entry.at)))}</b>"
        + (f" {content_markup(entry.qualifier_in(ctx.language))}" if entry.and_until else "")
        for entry in ctx.timeline
    ]
    window = ctx.follow_up_window
    follow_up = ctx.procedure.follow_up
    if window is not None and follow_up is not None:
        first, last = window
        lines.append(
            ctx.words.say(
                "follow_up",
                who=content_markup(follow_up.with_whom),
                first=f"<b>{nbsp(_shown_date(ctx.day(first)))}</b>",
                last=f"<b>{nbsp(_shown_date(ctx.day(last)))}</b>",
            )
        )
    out: list[Flowable] = [para("<br/>".join(lines), st.time_box)]
    if follow_up is not None and follow_up.text:
        out.extend(text_blocks(ctx, follow_up.text))
    return _section(ctx, ctx.words["times"], out)


def aftercare(ctx: SheetContext) -> list[Flowable]:
    """Only the steps that apply to this patient, as confirmed on the tablet."""
    out: list[Flowable] = []
    for step in ctx.steps:
        out.extend(_item(ctx, step.heading, step.text))
    return _section(ctx, ctx.words["aftercare"], out)


def what_is_normal(ctx: SheetContext) -> list[Flowable]:
    out: list[Flowable] = []
    for expectation in ctx.procedure.expectations:
        out.extend(_item(ctx, expectation.heading, expectation.text))
    return _section(ctx, ctx.words["normal"], out)


def _contact_lines(ctx: SheetContext, contacts: Iterable[Contact]) -> list[Flowable]:
    """Each contact as a line with its number large in the left column. A number too wide for the column (an
    international number, say) goes on the line itself, never over the text."""
    st = ctx.styles
    column = st.number.leftIndent - st.sizes.number * 0.6
    out: list[Flowable] = []
    for contact in contacts:
        text = f"<b>{content_markup(contact.name)}</b>"
        # When to use it, its hours, and where to ring when it is closed: the same words as the screen's.
        details = content_markup(contact_details(ctx.procedure, contact, ctx.language))
        if details:
            text += f" ({details})"
        number = clean(contact.dial)
        # Right to left, the number goes on a line of its own above the name: beside it, a number such as 111
        # would run into "NHS 111", both read left to right.
        if number and (ctx.words.rtl or not number.isascii() or stringWidth(number, BOLD, st.sizes.number) > column):
            text = f'<font size="{st.sizes.number}"><b>{content_markup(number)}</b></font><br/>{text}'
            number = ""
        out.append(para(text, st.number, number or None, shared=True))
    return out


def _red_flag_contact_ids(ctx: SheetContext) -> list[str]:
    calls: list[str] = []
    for flag in ctx.procedure.red_flags:
        calls.extend(contact_id for contact_id in flag.call if contact_id not in calls)
    for group in ctx.procedure.groups:
        calls.extend(contact_id for contact_id in group.call if contact_id not in calls)
    return calls


# Each urgency has its own shape on paper as on screen (and its own words first): the emergency box has a thick
# frame and a black title bar, the urgent one a grey title bar in a thinner frame, the office-hours one a dashed
# frame with no bar. Readable on a black-and-white printer, and not by colour alone.
_BOX_SHAPES: dict[Urgency, tuple[float, bool, tuple[float, float] | None]] = {
    Urgency.EMERGENCY: (4.0, True, None),
    Urgency.URGENT: (2.0, False, None),
    Urgency.OFFICE_HOURS: (1.5, False, (5.0, 3.0)),
}


def _group_box(ctx: SheetContext, group: WarningGroup) -> Flowable:
    st = ctx.styles
    procedure = ctx.procedure
    border, black_bar, dash = _BOX_SHAPES[group.urgency]
    body: list[Flowable] = [para(content_markup(flag.sign), st.alert_body, BULLET, shared=True) for flag in group.signs]
    body.append(Spacer(1, st.sizes.body * 0.4))
    if group.advice:
        body.append(para(content_markup(group.advice), st.body, shared=True))
    body.extend(_contact_lines(ctx, (procedure.contact(contact_id) for contact_id in group.call)))
    title = content_markup(group_title(group, ctx.language))
    if ctx.words is IN_ENGLISH:  # the English copy on a translated sheet says what it is, as version 1's does
        title = f"{content_markup(IN_ENGLISH['in_english'])} {title}"
    title_style = st.alert_title if black_bar else st.alert_title_dark
    return AlertBox(
        para(title, title_style, shared=True),
        body,
        border=border,
        continued_title=para(ctx.words.say("continued", title=title), title_style, shared=True),
        title_fill=INK if black_bar else (SHADE if dash is None else None),
        dash=dash,
    )


def get_help_urgently(ctx: SheetContext) -> list[Flowable]:
    """The red flags in a thick black box, white-on-black title, numbers large: found in seconds at night."""
    st = ctx.styles
    procedure = ctx.procedure
    if procedure.has_urgency_groups:
        # Version 2: one box per urgency, the most urgent first, each with its own contacts.
        out: list[Flowable] = [Spacer(1, st.sizes.body * 0.9)]
        for group in procedure.groups:
            out += [_group_box(ctx, group), Spacer(1, st.sizes.body * 0.5)]
        return out
    same_calls = len({flag.call for flag in procedure.red_flags}) <= 1
    body: list[Flowable] = []
    for flag in procedure.red_flags:
        text = content_markup(flag.sign)
        if not same_calls:
            names = ", ".join(content_markup(procedure.contact(contact_id).name) for contact_id in flag.call)
            text += f"<br/>{content_markup(ctx.words['call'])} {names}"
        body.append(para(text, st.alert_body, BULLET, shared=True))
    body.append(Spacer(1, st.sizes.body * 0.5))
    if procedure.red_flag_advice:
        body.append(para(content_markup(procedure.red_flag_advice), st.body, shared=True))
    body.extend(_contact_lines(ctx, (procedure.contact(contact_id) for contact_id in _red_flag_contact_ids(ctx))))
    box = AlertBox(
        para(content_markup(ctx.words["help"]), st.alert_title, shared=True),
        body,
        continued_title=para(content_markup(ctx.words["help_continued"]), st.alert_title, shared=True),
    )
    return [Spacer(1, st.sizes.body * 0.9), box]


def _in_english(ctx: SheetContext) -> SheetContext | None:
    """The context for printing part of a translated sheet in English; None on an English sheet."""
    if not ctx.translated or ctx.english is None:
        return None
    return replace(
        ctx,
        procedure=ctx.english,
        english=None,
        words=IN_ENGLISH,
        styles=ctx.english_styles or ctx.styles,
    )


def warning_boxes(ctx: SheetContext) -> list[Flowable]:
    """The warning box; on a translated sheet, the same box in English straight after it, so the escort,
    the GP or an NHS 111 call handler can read the signs and the numbers too (hazard H13)."""
    out = get_help_urgently(ctx)
    english = _in_english(ctx)
    if english is not None:
        out.extend(get_help_urgently(english))
    return out


def contacts_in_english(ctx: SheetContext) -> list[Flowable]:
    """On a translated sheet, the other contacts again in English: every phone number is on it in English."""
    english = _in_english(ctx)
    return contacts(english) if english is not None else []


def who_is_looking_after_you(ctx: SheetContext) -> list[Flowable]:
    st = ctx.styles
    record = ctx.record
    until = f"<b>{nbsp(_shown_date(ctx.clock(ctx.escort_until)))}</b>"
    escort = record.escort
    lines: list[Flowable]
    if escort is not None:
        lines = [
            _labelled(ctx, ctx.words["name"], f"<b>{markup(escort.name)}</b> ({markup(escort.relationship)})"),
            _labelled(ctx, ctx.words["phone"], f"<b>{nbsp(markup(escort.phone_display))}</b>"),
            _labelled(ctx, ctx.words["stays_until"], until),
        ]
    else:
        noted = record.escort_reason
        reason = ctx.words.say("nurse_noted", reason=markup(noted)) if noted else ""
        lines = [
            para(f"<b>{content_markup(ctx.words['nobody'])}</b>{reason}.", st.body),
            para(ctx.words.say("not_alone", until=until), st.body),
        ]
    return [Group([_heading(ctx, ctx.words["escort"]), *lines])]


def risks(ctx: SheetContext) -> list[Flowable]:
    st = ctx.styles
    if not ctx.procedure.risks:
        return []
    out: list[Flowable] = []
    for risk in ctx.procedure.risks:
        frequency = content_markup(risk.frequency_in(ctx.language))
        text = f"<b>{content_markup(risk.name)}: {nbsp(frequency)}{content_markup(ctx.words['full_stop'])}</b>"
        if risk.text:
            text += f" {content_markup(risk.text)}"
        out.append(para(text, st.bullet, BULLET, shared=True))
    return _section(ctx, ctx.words["risks"], out)


def contacts(ctx: SheetContext) -> list[Flowable]:
    """The ward's number and the procedure's other contacts, with their hours. Those already in the red-flag box
    are not repeated: there is one place to look for an urgent number."""
    config = ctx.config
    in_box = set(_red_flag_contact_ids(ctx))
    listed = [contact for contact in ctx.procedure.contacts if contact.id not in in_box]
    if config.ward_phone:
        ward = Contact(id="ward", name=config.ward_name, number=config.ward_phone, hours=config.ward_phone_hours)
        listed.insert(0, ward)
    if not listed:
        return []
    return [Group([_heading(ctx, ctx.words["other_contacts"]), *_contact_lines(ctx, listed)])]


def escort_slip(ctx: SheetContext) -> list[Flowable]:
    """The escort's own part, after a cut line: their name, until when they stay, the times, what to watch for
    tonight and whom to call (only what applies to this patient). Nothing for content without escort advice.
    In the sheet's language: the escort may read only the patient's language, or only English (then the
    English warning box, printed on every translated sheet, is theirs)."""
    advice = ctx.procedure.escort
    if advice is None:
        return []
    st = ctx.styles
    say = ctx.words.say
    record = ctx.record
    first = markup(record.patient.first_name)
    escort = record.escort
    who = (
        say("slip_for", escort=markup(escort.name), patient=first) if escort else say("slip_for_anyone", patient=first)
    )
    until = f"<b>{nbsp(_shown_date(ctx.clock(ctx.escort_until)))}</b>"
    body: list[Flowable] = [para(say("slip_stay", patient=first, until=until), st.body)]
    stop = content_markup(ctx.words["full_stop"])
    times = [
        f"{content_markup(entry.label)} <b>{nbsp(_shown_date(ctx.clock(entry.at)))}</b>"
        + (f" {content_markup(entry.qualifier_in(ctx.language))}" if entry.and_until else "")
        for entry in ctx.timeline
        if entry.step_id is not None
    ]
    if times:
        body.append(para(f"<b>{say('slip_times', patient=first)}</b> " + f"{stop} ".join(times) + stop, st.body))
    body.extend(text_blocks(ctx, advice.text))
    if advice.watch_for:
        body.append(para(f"<b>{say('slip_watch')}</b>", st.body, shared=True))
        body += [para(content_markup(sign.sign), st.alert_body, BULLET, shared=True) for sign in advice.watch_for]
        body.append(Spacer(1, st.sizes.body * 0.4))
    if advice.when_to_call:
        body.extend(text_blocks(ctx, advice.when_to_call, lead_in=f"<b>{say('slip_when')}</b> "))
    body.extend(_contact_lines(ctx, (ctx.procedure.contact(contact_id) for contact_id in advice.call)))
    box = AlertBox(
        para(who, st.alert_title_dark),
        body,
        border=1.5,
        continued_title=para(say("continued", title=who), st.alert_title_dark),
        title_fill=SHADE,
    )
    cut = CutLine(REGULAR, st.sizes.small * 1.4)
    return [Spacer(1, st.sizes.body * 0.6), Group([cut, para(content_markup(ctx.words["cut_here"]), st.body), box])]


# Page 1 is the one that goes on the fridge: the patient's own times, then the warning signs with whom to
# call, then who is staying with them. Both boxes come first so that no length of content can push them
# to a later page; what was done and the longer advice follow.
SECTIONS: tuple[Section, ...] = (
    next_24_hours,
    warning_boxes,
    who_is_looking_after_you,
    aftercare,
    what_is_normal,
    what_was_done,
    risks,
    contacts,
    contacts_in_english,
    escort_slip,
)
