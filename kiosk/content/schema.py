"""The procedure file's schema (versions 1 and 2), as data: which headings exist, what each holds, what is required.

Version 2 only adds: every heading it brings has ``since=2``, so a version-1 file reads exactly as before, and
one that uses a version-2 heading is told to say ``schema_version: 2`` (not "did you mean ...?").

``procedures/README.md`` documents the same headings for leaflet authors (a test keeps the two in step).
The keys are the attribute names of ``kiosk.content.model`` wherever possible, so the file reads like the
model. Checks that involve more than one field (review after issue, the right answer among the options, red
flags calling listed contacts) live here too, next to the fields they check.
"""

from __future__ import annotations

from typing import Any

from yaml.nodes import MappingNode, Node, ScalarNode, SequenceNode

from kiosk.content import model
from kiosk.content.kinds import (
    INVALID,
    Choice,
    ClockTime,
    Date,
    Extension,
    Factors,
    Field,
    HowOften,
    Identifier,
    ListOf,
    Number,
    PhoneNumber,
    Record,
    Reference,
    Text,
    Walk,
    Weekdays,
    WholeNumber,
    YesNo,
    line_of,
    suggestion,
)

MAX_TIMING_HOURS = 24 * 90


def _check_document(walk: Walk, values: dict[str, Any], nodes: dict[str, Node], node: Node, path: str) -> bool:
    if values.get("approved") and values.get("approved_on") is None:
        walk.error(
            nodes["approved"],
            f"{path}.approved_on",
            "approved: yes needs the day it was approved (approved_on)",
            "add e.g. 'approved_on: 2026-01-15', or write 'approved: no' until it is approved",
        )
        return False
    issued, review = values.get("issued"), values.get("review")
    if issued is not None and review is not None and review <= issued:
        walk.error(
            nodes["review"],
            f"{path}.review",
            f"the review date ({review.isoformat()}) is not after the issue date ({issued.isoformat()})",
            "check both dates: the review date is when the leaflet must next be checked, after it was issued",
        )
        return False
    return True


DOCUMENT = Record(
    "the document details",
    [
        Field("source", Text(), "where the content comes from: the leaflet's title and where it was published"),
        Field("reference", Text(), "the leaflet's reference number, or the web page title if it has none"),
        Field("version", Text(), "the leaflet's version, e.g. 3"),
        Field("issued", Date(), "the date the leaflet was issued, e.g. 2023-08-01"),
        Field("review", Date(), "the date it must be reviewed by, e.g. 2025-08-31"),
        Field("approved_by", Text(), "who approved the content for use (or who is to approve it)"),
        Field(
            "approved",
            YesNo(),
            "yes once the content is approved for use on a ward; no (a DRAFT) until then",
            required=False,
            default=False,
        ),
        Field("approved_on", Date(), "the day it was approved, e.g. 2026-01-15", required=False),
    ],
    build=model.DocumentControl,
    check=_check_document,
)


# Factors no patient has together: a general anaesthetic is not sedation (the nurse ticks one or the other).
# A condition that needs both can never be met by the nurse's ticks, so the checker warns (hazard H1).
EXCLUSIVE_FACTORS: tuple[frozenset[model.Factor], ...] = (
    frozenset({model.Factor.SEDATION, model.Factor.GENERAL_ANAESTHETIC}),
)


def _names(factors: frozenset[model.Factor]) -> str:
    return ", ".join(sorted(factor.value for factor in factors))


def _check_condition(walk: Walk, values: dict[str, Any], nodes: dict[str, Node], node: Node, path: str) -> bool:
    all_of, none_of, any_of = values.get("all_of"), values.get("none_of"), values.get("any_of", frozenset())
    if all_of is None or none_of is None or any_of is None or ("any_of" in nodes and walk.version < 2):
        return True  # a bad or too-new heading is already reported
    if not all_of and not none_of and not any_of:
        some = "all_of, any_of or none_of" if walk.version >= 2 else "all_of or none_of"
        hint = f"add {some}, or remove it"
        walk.error(node, path, "the condition names no patient factor", hint)
        return False
    both = all_of & none_of
    if both:
        walk.error(
            node,
            path,
            f"{_names(both)} is in both all_of and none_of, so this never applies",
            "keep each factor in one of them",
        )
        return False
    if any_of and any_of <= none_of:
        walk.error(
            node,
            path,
            f"every factor of any_of ({_names(any_of)}) is also in none_of, so this never applies",
            "keep each factor in one of them",
        )
        return False
    for exclusive in EXCLUSIVE_FACTORS:
        if exclusive <= all_of:
            walk.collector.warning(
                line_of(node),
                path,
                f"no patient has all of {_names(exclusive)}, so the nurse's ticks can never show this to anyone",
                "use any_of for 'either of them', or write it once for each",
            )
    return True


CONDITION = Record(
    "a condition",
    [
        Field("all_of", Factors(), "patient factors that must ALL be present", required=False, default=frozenset()),
        Field("none_of", Factors(), "patient factors that must ALL be absent", required=False, default=frozenset()),
        Field(
            "any_of",
            Factors(),
            "patient factors of which at least ONE must be present",
            required=False,
            default=frozenset(),
            since=2,
        ),
    ],
    build=model.Condition,
    check=_check_condition,
)


def _condition(what: str = "when this applies") -> Field:
    """The optional ``condition`` heading that version 2 allows on every kind of content."""
    return Field("condition", CONDITION, what, required=False, default=model.ALWAYS, since=2)


# (heading, problem, hint) for a timing text ending in punctuation: the sheet writes "<label> <time> and until
# <and_until>", so neither may end a sentence.
_TIMING_TEXTS = (
    (
        "label",
        "the label must lead into a time",
        "write it like 'Do not drive until': the sheet adds the time after it",
    ),
    (
        "and_until",
        "and_until follows the time",
        "write it like 'the numbness has gone': the sheet adds 'and until'",
    ),
)


def _check_timing(walk: Walk, values: dict[str, Any], nodes: dict[str, Node], node: Node, path: str) -> bool:
    ok = True
    next_morning = values.get("until_next_morning")
    # Only when 'hours' (or 'days') is not written at all: a bad value has its own problem already, on its line.
    if "hours" not in nodes and "days" not in nodes and next_morning is False:
        if walk.version >= 2:
            message = "the timing needs a number of hours or days (or until_next_morning: yes)"
        else:
            message = "the timing needs a number of hours (or until_next_morning: yes)"
        walk.error(
            node,
            f"{path}.hours",
            message,
            "add e.g. 'hours: 24': the time is counted from the end of the procedure",
        )
        ok = False
    if "hours" in nodes and "days" in nodes:
        walk.error(
            nodes["days"],
            f"{path}.days",
            "the timing gives both hours and days",
            "keep one of them: e.g. 'days: 2' or 'hours: 48'",
        )
        ok = False
    for key, message, lead in _TIMING_TEXTS:
        text = values.get(key)
        if text and text[-1] in ".:;,!?":
            walk.error(nodes[key], f"{path}.{key}", f"{message}, so it cannot end with a full stop or colon", lead)
            ok = False
    qualifier = values.get("and_until")
    if qualifier and qualifier.lower().startswith(("and until", "until", "and ")):
        walk.error(
            nodes["and_until"],
            f"{path}.and_until",
            "and_until starts with words the kiosk adds itself",
            "write only what comes after 'and until', e.g. 'the numbness has gone'",
        )
        ok = False
    return ok


def _build_timing(
    hours: float | None,
    label: str,
    until_next_morning: bool,
    days: int | None,
    and_until: str,
    condition: model.Condition,
) -> model.Timing:
    elapsed = float(days * 24) if days is not None else hours or 0.0
    return model.Timing(
        hours=elapsed,
        label=label,
        until_next_morning=until_next_morning,
        days=days,
        and_until=and_until,
        condition=condition,
    )


TIMING = Record(
    "a timing",
    [
        Field("hours", Number("a number of hours", 0.25, MAX_TIMING_HOURS), "hours after the end", required=False),
        Field(
            "days",
            WholeNumber("a number of days", 1, MAX_TIMING_HOURS // 24, 2),
            "days after the end (24 hours each)",
            required=False,
            since=2,
        ),
        Field("label", Text(), "words that lead into the clock time, e.g. 'Do not drive until'"),
        Field(
            "until_next_morning",
            YesNo(),
            "yes for 'not on the day': the time is 8am the next morning",
            required=False,
            default=False,
        ),
        Field(
            "and_until",
            Text(),
            "printed beside the time: 'and until ...', e.g. the numbness has gone",
            required=False,
            default="",
            since=2,
        ),
        _condition("when this timing applies"),
    ],
    build=_build_timing,
    check=_check_timing,
)


class OneTiming(Record):
    """``timing``: one timing. Written as a list, the author meant several: say how to write those."""

    def __init__(self) -> None:
        super().__init__(TIMING.what, list(TIMING.fields.values()), build=TIMING.build, check=TIMING.check)

    def wrong(self, node: Node, walk: Walk, path: str) -> Any:
        if isinstance(node, SequenceNode):
            if walk.version >= 2:
                hint = "write 'timings:' (with an s) for a list of timings, each starting with '- '"
            else:
                hint = (
                    "a step has one timing in schema version 1: for several, write 'schema_version: 2' and 'timings:'"
                )
            walk.error(node, path, "'timing' holds one timing, but this is a list", hint)
            return INVALID
        return super().wrong(node, walk, path)


def _check_step(walk: Walk, values: dict[str, Any], nodes: dict[str, Node], node: Node, path: str) -> bool:
    if "timing" in nodes and "timings" in nodes:
        walk.error(
            nodes["timings"],
            f"{path}.timings",
            "the step has both 'timing' and 'timings'",
            "put every timing under 'timings:', each starting with '- '",
        )
        return False
    return True


def _build_step(
    id: str,
    heading: str,
    text: str,
    condition: model.Condition,
    timing: model.Timing | None,
    timings: tuple[model.Timing, ...],
) -> model.Step:
    every = ((timing,) if timing is not None else ()) + timings
    return model.Step(
        id=id,
        heading=heading,
        text=text,
        condition=condition,
        timing=every[0] if every else None,
        more_timings=every[1:],
    )


STEP = Record(
    "a step",
    [
        Field("id", Identifier(), "a short id that never changes, e.g. no-driving"),
        Field("heading", Text(), "a short heading, e.g. Do not drive today"),
        Field("text", Text(), "what the patient must know or do, in plain words"),
        Field("condition", CONDITION, "when this step applies", required=False, default=model.ALWAYS),
        Field("timing", OneTiming(), "a time after the procedure to show as a clock time", required=False),
        Field(
            "timings",
            ListOf(TIMING, "a list of timings", min_items=1, noun="timing"),
            "several times after the procedure, each with its own label",
            required=False,
            default=(),
            since=2,
        ),
    ],
    build=_build_step,
    check=_check_step,
)

EXPECTATION = Record(
    "an expectation",
    [
        Field("heading", Text(), "a short heading, e.g. A numb or heavy leg"),
        Field("text", Text(), "what is normal, and for how long"),
        _condition("when this is normal (e.g. only after sedation)"),
    ],
    build=model.Expectation,
)


def _check_opening(walk: Walk, values: dict[str, Any], nodes: dict[str, Node], node: Node, path: str) -> bool:
    opens, closes = values.get("opens"), values.get("closes")
    if opens is not None and closes is not None and closes <= opens:
        walk.error(
            nodes["to"],
            f"{path}.to",
            f"it closes ({closes:%H:%M}) before it opens ({opens:%H:%M})",
            "write the opening time under 'from' and the closing time under 'to', e.g. from: 08:00, to: 17:00",
        )
        return False
    return True


def _build_opening(days: frozenset[int], opens: Any, closes: Any) -> model.OpeningHours:
    return model.OpeningHours(days=days, opens=opens, closes=closes)


OPENING = Record(
    "the opening hours",
    [
        Field("days", Weekdays(), "the days it answers, e.g. mon-fri"),
        Field("from", ClockTime(), "when it opens, e.g. 08:00", attr="opens"),
        Field("to", ClockTime(), "when it closes, e.g. 17:00", attr="closes"),
    ],
    build=_build_opening,
    check=_check_opening,
)


def _check_contact(walk: Walk, values: dict[str, Any], nodes: dict[str, Node], node: Node, path: str) -> bool:
    ok = True
    if "extension" in nodes and "number" in nodes and values.get("number") is None:
        walk.error(nodes["extension"], f"{path}.extension", "an extension needs a number", "add the 'number:'")
        ok = False
    elif "extension" in nodes and "number" not in nodes:
        walk.error(nodes["extension"], f"{path}.extension", "an extension needs a number", "add the 'number:'")
        ok = False
    if "otherwise" in nodes and "open" not in nodes:
        walk.error(
            nodes["otherwise"],
            f"{path}.otherwise",
            "'otherwise' is for when the contact is closed, but it has no opening hours",
            "add 'open:' with days, from and to, or remove 'otherwise'",
        )
        ok = False
    if values.get("otherwise") and values.get("otherwise") == values.get("id"):
        walk.error(
            nodes["otherwise"],
            f"{path}.otherwise",
            "the contact sends the patient to itself when it is closed",
            "name another contact, e.g. nhs-111",
        )
        ok = False
    return ok


CONTACT = Record(
    "a contact",
    [
        Field("id", Identifier(), "a short id that red flags use to name it, e.g. nhs-111"),
        Field("name", Text(), "who to call or where to go, e.g. Pain Clinic"),
        Field("number", PhoneNumber(), "the phone number, digits and spaces", required=False),
        Field("hours", Text(may_be_empty=True), "when it is open, e.g. office hours", required=False, default=""),
        Field("when", Text(may_be_empty=True), "when to use it", required=False, default=""),
        Field("extension", Extension(), 'the extension to ask for, e.g. "4321"', required=False, default="", since=2),
        Field("open", OPENING, "when it answers: days, from, to", required=False, since=2),
        Field(
            "otherwise",
            Reference("contacts"),
            "the contact to use when this one is closed, e.g. nhs-111",
            required=False,
            default="",
            since=2,
        ),
        _condition("when this contact is given (e.g. only after sedation)"),
    ],
    build=model.Contact,
    check=_check_contact,
    locate="id",
)

RED_FLAG = Record(
    "a red flag",
    [
        Field("id", Identifier(), "a short id, e.g. leg-weakness"),
        Field("sign", Text(), "the warning sign, in plain words"),
        Field(
            "call",
            ListOf(Reference("contacts"), "a list of contact ids", min_items=1, noun="contact to call"),
            "the ids of the contacts to call, in order, e.g. [gp, nhs-111]",
        ),
        _condition("when this warning sign applies (e.g. only after sedation)"),
    ],
    build=model.RedFlag,
    locate="id",
)

WARNING_SIGN = Record(
    "a warning sign",
    [
        Field("id", Identifier(), "a short id, e.g. leg-weakness"),
        Field("sign", Text(), "the warning sign, in plain words"),
        _condition("when this warning sign applies (e.g. only after sedation)"),
    ],
    build=None,
    locate="id",
)


def _build_group(
    urgency: model.Urgency, heading: str, advice: str, call: tuple[str, ...], signs: tuple[dict[str, Any], ...]
) -> model.WarningGroup:
    flags = tuple(
        model.RedFlag(id=sign["id"], sign=sign["sign"], call=call, condition=sign["condition"], urgency=urgency)
        for sign in signs
    )
    return model.WarningGroup(
        urgency=urgency, heading=heading or model.URGENCY_HEADINGS[urgency], advice=advice, call=call, signs=flags
    )


WARNING_GROUP = Record(
    "a group of warning signs",
    [
        Field("urgency", Choice(model.Urgency, "an urgency"), "how soon: emergency, urgent or office-hours"),
        Field(
            "heading",
            Text(),
            "the group's heading; without it, e.g. 'Call 999 or go to A&E now'",
            required=False,
            default="",
        ),
        Field("advice", Text(), "what to do, under the heading", required=False, default=""),
        Field(
            "call",
            ListOf(Reference("contacts"), "a list of contact ids", min_items=1, noun="contact to call"),
            "the ids of the contacts to call for these signs, in order, e.g. [nhs-999, ae]",
        ),
        Field(
            "signs",
            ListOf(WARNING_SIGN, "a list of warning signs", min_items=1, noun="warning sign"),
            "the warning signs of this urgency",
        ),
    ],
    build=_build_group,
)


def _check_groups(walk: Walk, node: Node, path: str, groups: tuple[model.WarningGroup, ...]) -> bool:
    seen: dict[model.Urgency, int] = {}
    ok = True
    ids: set[str] = set()
    items = node.value if isinstance(node, SequenceNode) else []
    if len(items) != len(groups):
        return True  # a bad group is already reported: its neighbours' lines would no longer match
    for index, (group, item) in enumerate(zip(groups, items, strict=True), 1):
        if group.urgency in seen:
            walk.error(
                item,
                f"{path}[{index}].urgency",
                f"there are two '{group.urgency.value}' groups (the first is group {seen[group.urgency]})",
                "put all the signs of one urgency in one group",
            )
            ok = False
        seen.setdefault(group.urgency, index)
        for sign in group.signs:
            if sign.id in ids:
                where = walk.where.get(("a warning sign", sign.id), (None, path))
                walk.collector.error(
                    where[0], where[1], f"warning sign id '{sign.id}' is used twice", "give each sign its own id"
                )
                ok = False
            ids.add(sign.id)
    return ok


def _check_risk(walk: Walk, values: dict[str, Any], nodes: dict[str, Node], node: Node, path: str) -> bool:
    if walk.version < 2:
        return True  # one_in is required, as it always was
    if "one_in" in nodes and "how_often" in nodes:
        walk.error(nodes["how_often"], f"{path}.how_often", "the risk gives both one_in and how_often", "keep one")
        return False
    if "one_in" not in nodes and "how_often" not in nodes:
        walk.error(
            node,
            f"{path}.how_often",
            "'how_often' is missing from a risk",
            "add e.g. 'how_often: 1 in 2000' (or less than 1 in 1000, 1 in 100 to 1 in 50, 5%)",
        )
        return False
    return True


RISK = Record(
    "a risk",
    [
        Field("name", Text(), "the risk in plain words, e.g. Infection"),
        Field(
            "one_in",
            WholeNumber("a whole number", 2, 10_000_000, 2000),
            "how often: 2000 means about 1 in 2000",
            default=0,
            optional_from=2,
        ),
        Field("text", Text(may_be_empty=True), "what it means for the patient", required=False, default=""),
        Field(
            "how_often",
            HowOften(),
            "how often, as figures: 1 in 2000, less than 1 in 1000, 1 in 100 to 1 in 50, 5%, 2% to 5%",
            required=False,
            since=2,
        ),
        _condition("when this risk applies (e.g. only with sedation)"),
    ],
    build=model.Risk,
    check=_check_risk,
)

MEDICINE = Record(
    "a medicine",
    [
        Field("name", Text(), "the medicine, e.g. Kenalog (a steroid)"),
        Field("purpose", Text(), "why it is given, in plain words"),
        _condition("when this medicine is usually given (e.g. midazolam only with sedation)"),
    ],
    build=model.Medicine,
)


def _check_follow_up(walk: Walk, values: dict[str, Any], nodes: dict[str, Node], node: Node, path: str) -> bool:
    earliest, latest = values.get("earliest_days"), values.get("latest_days")
    if earliest is not None and latest is not None and latest < earliest:
        walk.error(
            nodes["latest_days"],
            f"{path}.latest_days",
            f"latest_days ({latest}) is before earliest_days ({earliest})",
            "the appointment is expected between earliest_days and latest_days after the procedure",
        )
        return False
    return True


FOLLOW_UP = Record(
    "the follow-up",
    [
        Field("with_whom", Text(), "who the patient will see, e.g. your surgeon"),
        Field("earliest_days", WholeNumber("a number of days", 0, 730, 14), "earliest, in days after the procedure"),
        Field("latest_days", WholeNumber("a number of days", 0, 730, 56), "latest, in days after the procedure"),
        Field("text", Text(may_be_empty=True), "how the appointment is made", required=False, default=""),
    ],
    build=model.FollowUp,
    check=_check_follow_up,
)


def _check_rule(walk: Walk, values: dict[str, Any], nodes: dict[str, Node], node: Node, path: str) -> bool:
    if not {"hours", "must_not_drive_home", "text"} & set(nodes):
        walk.error(
            node,
            path,
            "the rule changes nothing",
            "add 'hours:' (a longer stay), 'must_not_drive_home: yes' or 'text:'",
        )
        return False
    return True


ESCORT_RULE = Record(
    "an escort rule",
    [
        Field("condition", CONDITION, "which patients the rule is for, e.g. all_of: [sedation]"),
        Field(
            "hours",
            WholeNumber("a number of hours", 1, 168, 24),
            "a longer stay for these patients, e.g. 24",
            required=False,
        ),
        Field(
            "must_not_drive_home",
            YesNo(),
            "yes if these patients must not drive themselves home",
            required=False,
            default=False,
        ),
        Field("text", Text(), "more for the patient and escort, after the main text", required=False, default=""),
    ],
    build=model.EscortRule,
    check=_check_rule,
)


def _check_adult(walk: Walk, values: dict[str, Any], nodes: dict[str, Node], node: Node, path: str) -> bool:
    hours, rules = values.get("hours"), values.get("rules") or ()
    rules_node = nodes.get("rules")
    ok = True
    if hours is None or not isinstance(rules_node, SequenceNode) or len(rules) != len(rules_node.value):
        return ok  # a bad rule is already reported: its neighbours' lines would no longer match
    for index, (rule, item) in enumerate(zip(rules, rules_node.value, strict=True), 1):
        if rule.hours is not None and rule.hours <= hours:
            walk.error(
                item,
                f"{path}.rules[{index}].hours",
                f"a rule can only make the stay longer, but {rule.hours} hours is not longer than the {hours} hours "
                "every patient gets",
                "give the shorter stay as the main 'hours' and the longer one in the rule",
            )
            ok = False
    return ok


RESPONSIBLE_ADULT = Record(
    "the responsible adult",
    [
        Field("hours", WholeNumber("a number of hours", 1, 168, 24), "how long an adult must stay, e.g. 24"),
        Field("must_not_drive_home", YesNo(), "yes if the patient must not drive themselves home"),
        Field("text", Text(), "what the patient and their escort must know"),
        Field(
            "rules",
            ListOf(ESCORT_RULE, "a list of escort rules", noun="rule"),
            "a longer stay for some patients, e.g. after sedation",
            required=False,
            default=(),
            since=2,
        ),
    ],
    build=model.ResponsibleAdult,
    check=_check_adult,
)

ESCORT_SIGN = Record(
    "something to watch for",
    [
        Field("sign", Text(), "what the escort must watch for, in plain words"),
        _condition("when to watch for it (e.g. only after sedation)"),
    ],
    build=model.EscortSign,
    locate="sign",
)

ESCORT = Record(
    "the escort's advice",
    [
        Field("text", Text(), "what the adult taking the patient home must do tonight"),
        Field(
            "watch_for",
            ListOf(ESCORT_SIGN, "a list of things to watch for", min_items=1, noun="thing to watch for"),
            "what to watch for tonight",
        ),
        Field("when_to_call", Text(), "what to do if they see any of them"),
        Field(
            "call",
            ListOf(Reference("contacts"), "a list of contact ids", min_items=1, noun="contact to call"),
            "the ids of the contacts the escort calls, in order, e.g. [ward, nhs-111, nhs-999]",
        ),
    ],
    build=model.EscortAdvice,
)


def _check_question(walk: Walk, values: dict[str, Any], nodes: dict[str, Node], node: Node, path: str) -> bool:
    options, answer = values.get("options"), values.get("answer")
    if options is None:
        return True
    if len(options) < 2:
        return False  # reported by the list
    seen: set[str] = set()
    for index, option in enumerate(options, 1):
        if option.casefold() in seen:
            walk.error(
                nodes["options"],
                f"{path}.options[{index}]",
                f"the option '{option}' is given twice",
                "each option must be different",
            )
            return False
        seen.add(option.casefold())
    if answer is not None and answer not in options:
        walk.error(
            nodes["answer"],
            f"{path}.answer",
            f"the answer '{answer}' is not one of the options",
            "copy the right option here exactly as it is written under options",
        )
        return False
    return True


def _build_question(
    id: str, question: str, options: tuple[str, ...], answer: str, explanation: str, condition: model.Condition
) -> model.CheckQuestion:
    return model.CheckQuestion(
        id=id,
        question=question,
        options=options,
        answer=options.index(answer),
        explanation=explanation,
        condition=condition,
    )


QUESTION = Record(
    "a check question",
    [
        Field("id", Identifier(), "a short id that never changes, e.g. drive-home"),
        Field("question", Text(), "the question, e.g. Can you drive yourself home today?"),
        Field(
            "options",
            ListOf(Text(), "a list of answers to choose from", min_items=2, max_items=4, noun="option"),
            "the answers the patient chooses from (2 to 4)",
        ),
        Field("answer", Text(), "the right option, copied exactly"),
        Field("explanation", Text(), "shown after a wrong answer: why the right answer is right"),
        Field("condition", CONDITION, "when to ask this question", required=False, default=model.ALWAYS),
    ],
    build=_build_question,
    check=_check_question,
    locate="id",
)


def _check_warning_signs(walk: Walk, values: dict[str, Any], nodes: dict[str, Node], node: Node) -> bool:
    """Version 2: the signs are written either as version 1's red_flags or as warning_signs groups, not both."""
    if walk.version < 2:
        return True
    if "red_flags" in nodes and "warning_signs" in nodes:
        walk.error(
            nodes["warning_signs"],
            "warning_signs",
            "the file has both red_flags and warning_signs",
            "write every warning sign under warning_signs, in its urgency group, and remove red_flags",
        )
        return False
    if "warning_signs" in nodes:
        ok = _check_groups(walk, nodes["warning_signs"], "warning_signs", values.get("warning_signs") or ())
        if "red_flag_advice" in nodes:
            walk.error(
                nodes["red_flag_advice"],
                "red_flag_advice",
                "red_flag_advice is not used with warning_signs",
                "put what to do in each group's 'advice' instead",
            )
            ok = False
        return ok
    if "red_flags" in nodes:
        if "red_flag_advice" not in nodes:
            walk.error(
                node,
                "red_flag_advice",
                "'red_flag_advice' is missing from a procedure file",
                "add 'red_flag_advice:' (what to do if a red flag happens, shown above the list)",
            )
            return False
        return True
    walk.error(
        node,
        "warning_signs",
        "'warning_signs' is missing from a procedure file",
        "add 'warning_signs:' (the warning signs in groups by urgency, each with whom to call)",
    )
    return False


def _check_procedure(walk: Walk, values: dict[str, Any], nodes: dict[str, Node], node: Node, path: str) -> bool:
    """References between lists: every red flag calls contacts listed under ``contacts``."""
    signs_ok = _check_warning_signs(walk, values, nodes, node)
    contacts = nodes.get("contacts")
    if not isinstance(contacts, SequenceNode):
        return signs_ok  # the contacts are missing or unreadable, which is already reported
    # Ids as written, also of contacts with other mistakes, so one bad contact does not make every
    # red flag that calls it look wrong too.
    known = {_written_id(item) for item in contacts.value} - {""}
    ok = signs_ok
    called: set[str] = set()
    for target, ref, line, ref_path in walk.refs:
        if target != "contacts":
            continue
        called.add(ref)
        if ref not in known:
            walk.collector.error(
                line,
                ref_path,
                f"'{ref}' is not one of the contacts listed under 'contacts'",
                f"{_known_ids(ref, known)} add it to 'contacts' or correct the id".lstrip(),
            )
            ok = False
    if walk.collector.has_errors:
        return ok  # a contact nobody calls is then most likely the effect of an error, already reported
    for index, item in enumerate(contacts.value, 1):
        contact_id = _written_id(item)
        if contact_id and contact_id not in called:
            # Still printed with the numbers, but a patient never learns when to ring it: usually a forgotten
            # 'call' on a warning sign, or a contact left over from an older version of the leaflet.
            walk.collector.warning(
                int(item.start_mark.line) + 1,
                f"contacts[{index}]",
                f"no warning sign says when to call '{contact_id}'",
                "add it to the 'call' list of the warning signs it is for, or remove the contact",
            )
    return ok


def _written_id(item: Node) -> str:
    if isinstance(item, MappingNode):
        for key, value in item.value:
            if isinstance(key, ScalarNode) and key.value == "id" and isinstance(value, ScalarNode):
                return str(value.value).strip()
    return ""


def _known_ids(ref: str, known: set[str]) -> str:
    return suggestion(ref, sorted(known)) or (f"the contact ids are: {', '.join(sorted(known))};" if known else "")


def _procedure_fields() -> list[Field]:
    return [
        Field(
            "schema_version",
            WholeNumber("a whole number", 1, 999, model.SCHEMA_VERSION),
            f"the schema version: {model.SCHEMA_VERSION}",
        ),
        Field("title", Text(), "the procedure's full name, as on the leaflet"),
        Field("short_name", Text(), "a short, patient-friendly name for screen headings"),
        Field("specialty", Text(), "the specialty or service, e.g. Pain management"),
        Field("trust", Text(), "the NHS trust (or organisation) that wrote the leaflet"),
        Field("department", Text(), "the department or clinic"),
        Field("document", DOCUMENT, "source, reference, version, issued, review, approved_by"),
        Field("what_it_is", Text(), "what the procedure is, in plain words"),
        Field("why", Text(), "why it is done"),
        Field("what_happened", Text(), "what happened during it, for the printed sheet"),
        Field(
            "asks_side_and_level",
            YesNo(),
            "yes if the nurse records the side and spinal level",
            required=False,
            default=False,
        ),
        Field(
            "medicines",
            ListOf(MEDICINE, "a list of medicines", noun="medicine"),
            "medicines usually given",
            required=False,
            default=(),
        ),
        Field(
            "steps",
            ListOf(STEP, "a list of steps", min_items=1, unique="id", noun="step"),
            "the aftercare steps, one screen each, in order",
        ),
        Field(
            "expectations",
            ListOf(EXPECTATION, "a list of expectations", noun="expectation"),
            "what is normal to expect afterwards",
            required=False,
            default=(),
        ),
        Field(
            "red_flags",
            ListOf(RED_FLAG, "a list of red flags", min_items=1, unique="id", noun="red flag"),
            "warning signs that need urgent help, and whom to call",
            optional_from=2,
        ),
        Field(
            "red_flag_advice",
            Text(),
            "what to do if a red flag happens, shown above the list",
            default="",
            optional_from=2,
        ),
        Field(
            "warning_signs",
            ListOf(WARNING_GROUP, "a list of groups of warning signs", min_items=1, noun="group"),
            "the warning signs in groups by urgency, each with whom to call",
            required=False,
            default=(),
            since=2,
        ),
        Field(
            "escort", ESCORT, "what the adult taking the patient home must watch for tonight", required=False, since=2
        ),
        Field(
            "risks",
            ListOf(RISK, "a list of risks", noun="risk"),
            "risks with how often they happen",
            required=False,
            default=(),
        ),
        Field("follow_up", FOLLOW_UP, "the follow-up appointment, if there is one", required=False),
        Field("responsible_adult", RESPONSIBLE_ADULT, "who must stay with the patient, and for how long"),
        Field(
            "questions",
            ListOf(QUESTION, "a list of check questions", min_items=1, unique="id", noun="question"),
            "teach-back questions the patient answers",
        ),
        Field(
            "contacts",
            ListOf(CONTACT, "a list of contacts", min_items=1, unique="id", noun="contact"),
            "whom to call: name, number, hours",
        ),
    ]


PROCEDURE = Record("a procedure file", _procedure_fields(), build=None, check=_check_procedure)
