"""The procedure file's schema (version 1), as data: which headings exist, what each holds, what is required.

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
    Date,
    Factors,
    Field,
    Identifier,
    ListOf,
    Number,
    PhoneNumber,
    Record,
    Reference,
    Text,
    Walk,
    WholeNumber,
    YesNo,
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


def _check_condition(walk: Walk, values: dict[str, Any], nodes: dict[str, Node], node: Node, path: str) -> bool:
    all_of, none_of = values.get("all_of"), values.get("none_of")
    if all_of is None or none_of is None:
        return True
    if not all_of and not none_of:
        walk.error(node, path, "the condition names no patient factor", "add all_of or none_of, or remove it")
        return False
    both = all_of & none_of
    if both:
        names = ", ".join(sorted(factor.value for factor in both))
        walk.error(
            node,
            path,
            f"{names} is in both all_of and none_of, so this never applies",
            "keep each factor in one of them",
        )
        return False
    return True


CONDITION = Record(
    "a condition",
    [
        Field("all_of", Factors(), "patient factors that must ALL be present", required=False, default=frozenset()),
        Field("none_of", Factors(), "patient factors that must ALL be absent", required=False, default=frozenset()),
    ],
    build=model.Condition,
    check=_check_condition,
)


def _check_timing(walk: Walk, values: dict[str, Any], nodes: dict[str, Node], node: Node, path: str) -> bool:
    ok = True
    next_morning = values.get("until_next_morning")
    # Only when 'hours' is not written at all: a bad value has its own problem already, on its own line.
    if "hours" not in nodes and values.get("hours") is None and next_morning is False:
        walk.error(
            node,
            f"{path}.hours",
            "the timing needs a number of hours (or until_next_morning: yes)",
            "add e.g. 'hours: 24': the time is counted from the end of the procedure",
        )
        ok = False
    label = values.get("label")
    if label and label[-1] in ".:;,!?":
        walk.error(
            nodes["label"],
            f"{path}.label",
            "the label must lead into a time, so it cannot end with a full stop or colon",
            "write it like 'Do not drive until': the sheet adds the time after it",
        )
        ok = False
    return ok


def _build_timing(hours: float | None, label: str, until_next_morning: bool) -> model.Timing:
    return model.Timing(hours=hours or 0.0, label=label, until_next_morning=until_next_morning)


TIMING = Record(
    "a timing",
    [
        Field("hours", Number("a number of hours", 0.25, MAX_TIMING_HOURS), "hours after the end", required=False),
        Field("label", Text(), "words that lead into the clock time, e.g. 'Do not drive until'"),
        Field(
            "until_next_morning",
            YesNo(),
            "yes for 'not on the day': the time is 8am the next morning",
            required=False,
            default=False,
        ),
    ],
    build=_build_timing,
    check=_check_timing,
)

STEP = Record(
    "a step",
    [
        Field("id", Identifier(), "a short id that never changes, e.g. no-driving"),
        Field("heading", Text(), "a short heading, e.g. Do not drive today"),
        Field("text", Text(), "what the patient must know or do, in plain words"),
        Field("condition", CONDITION, "when this step applies", required=False, default=model.ALWAYS),
        Field("timing", TIMING, "a time after the procedure to show as a clock time", required=False),
    ],
    build=model.Step,
)

EXPECTATION = Record(
    "an expectation",
    [
        Field("heading", Text(), "a short heading, e.g. A numb or heavy leg"),
        Field("text", Text(), "what is normal, and for how long"),
    ],
    build=model.Expectation,
)

CONTACT = Record(
    "a contact",
    [
        Field("id", Identifier(), "a short id that red flags use to name it, e.g. nhs-111"),
        Field("name", Text(), "who to call or where to go, e.g. Pain Clinic"),
        Field("number", PhoneNumber(), "the phone number, digits and spaces", required=False),
        Field("hours", Text(may_be_empty=True), "when it is open, e.g. office hours", required=False, default=""),
        Field("when", Text(may_be_empty=True), "when to use it", required=False, default=""),
    ],
    build=model.Contact,
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
    ],
    build=model.RedFlag,
)

RISK = Record(
    "a risk",
    [
        Field("name", Text(), "the risk in plain words, e.g. Infection"),
        Field("one_in", WholeNumber("a whole number", 2, 10_000_000, 2000), "how often: 2000 means about 1 in 2000"),
        Field("text", Text(may_be_empty=True), "what it means for the patient", required=False, default=""),
    ],
    build=model.Risk,
)

MEDICINE = Record(
    "a medicine",
    [
        Field("name", Text(), "the medicine, e.g. Kenalog (a steroid)"),
        Field("purpose", Text(), "why it is given, in plain words"),
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

RESPONSIBLE_ADULT = Record(
    "the responsible adult",
    [
        Field("hours", WholeNumber("a number of hours", 1, 168, 24), "how long an adult must stay, e.g. 24"),
        Field("must_not_drive_home", YesNo(), "yes if the patient must not drive themselves home"),
        Field("text", Text(), "what the patient and their escort must know"),
    ],
    build=model.ResponsibleAdult,
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
)


def _check_procedure(walk: Walk, values: dict[str, Any], nodes: dict[str, Node], node: Node, path: str) -> bool:
    """References between lists: every red flag calls contacts listed under ``contacts``."""
    contacts = nodes.get("contacts")
    if not isinstance(contacts, SequenceNode):
        return True  # the contacts are missing or unreadable, which is already reported
    # Ids as written, also of contacts with other mistakes, so one bad contact does not make every
    # red flag that calls it look wrong too.
    known = {_written_id(item) for item in contacts.value} - {""}
    ok = True
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
        ),
        Field("red_flag_advice", Text(), "what to do if a red flag happens, shown above the list"),
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
