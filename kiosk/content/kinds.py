"""The building blocks of the procedure schema: each kind reads one YAML node into one typed value.

The schema itself (``kiosk.content.schema``) is data made of these kinds, in the spirit of pre-commit's
``clientlib``: a ``Record`` lists its fields (key, kind, required or default, a line of help), and reading
reports missing, unknown, duplicated and wrongly typed keys for every field at once.

Every ``read`` returns the value, or ``INVALID`` after recording a problem, and never raises for bad content:
the validator walks the whole file, so the author sees every mistake in one run. Nodes carrying a non-standard
tag have already been reported by ``yamlread`` and are skipped silently here.
"""

from __future__ import annotations

import difflib
import re
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from datetime import date, time
from enum import StrEnum
from typing import Any, Final

from yaml.nodes import MappingNode, Node, ScalarNode, SequenceNode

from kiosk.content.model import SCHEMA_VERSION, WEEKDAY_NAMES, Factor, Frequency, RiskForm
from kiosk.content.problems import Collector
from kiosk.content.yamlread import (
    BOOL_TAG,
    INT_TAG,
    NULL_TAG,
    STANDARD_TAGS,
    STR_TAG,
    TIMESTAMP_TAG,
)


class _Invalid:
    """Marks a value that could not be read (its problem is already recorded)."""

    def __repr__(self) -> str:
        return "INVALID"


INVALID: Final = _Invalid()

_TEXT_TAGS = STANDARD_TAGS - {NULL_TAG}
# A sign is accepted here so that "-6" is reported as out of range (it is a number), not as "not a number".
_WHOLE_NUMBER = re.compile(r"[-+]?[0-9]+")
_NUMBER = re.compile(r"[-+]?[0-9]+(?:\.[0-9]+)?")
_DATE = re.compile(r"[0-9]{4}-[0-9]{2}-[0-9]{2}")
IDENTIFIER = re.compile(r"[a-z0-9]+(?:-[a-z0-9]+)*")
_PHONE = re.compile(r"\+?[0-9][0-9 ]*")
_TRUE = frozenset({"true", "yes", "on"})
_FALSE = frozenset({"false", "no", "off"})


# Factors a version-1 file may not name (a version-1 kiosk did not know them).
FACTOR_SINCE: dict[Factor, int] = {Factor.GENERAL_ANAESTHETIC: 2, Factor.CONTRAST_DYE: 2}


class Walk:
    """What one file's walk shares: the problems so far, references to check once everything is read, the
    file's schema version, and where the named items are (for checks made on the finished model)."""

    __slots__ = ("collector", "refs", "version", "where")

    def __init__(self, collector: Collector, version: int = SCHEMA_VERSION) -> None:
        self.collector = collector
        self.version = version
        # (what is referred to, e.g. "contacts"; the id; line; key path)
        self.refs: list[tuple[str, str, int, str]] = []
        # (what, e.g. "a red flag"; its id or text) -> (line, key path), for records that ask for it (``locate``)
        self.where: dict[tuple[str, str], tuple[int | None, str]] = {}

    def error(self, node: Node | None, path: str, message: str, hint: str = "") -> None:
        self.collector.error(line_of(node), path, message, hint)


def line_of(node: Node | None) -> int | None:
    return int(node.start_mark.line) + 1 if node is not None else None


def _shape(node: Node) -> str:
    if isinstance(node, MappingNode):
        return "a set of headings"
    if isinstance(node, SequenceNode):
        return "a list"
    if node.tag == NULL_TAG:
        return "empty"
    return f"'{_clip(node.value)}'"


def _clip(text: str, width: int = 40) -> str:
    text = " ".join(text.split())
    return text if len(text) <= width else text[: width - 3] + "..."


def suggestion(word: str, choices: Sequence[str]) -> str:
    """ "did you mean 'title'?" for a misspelt word, or ""."""
    close = difflib.get_close_matches(word, list(choices), n=1, cutoff=0.6)
    return f"did you mean '{close[0]}'?" if close else ""


class Kind:
    """Reads one node. ``what`` completes "should be ..." in messages; ``hint`` says how to write it."""

    what = "a value"
    hint = ""

    def read(self, node: Node, walk: Walk, path: str) -> Any:
        raise NotImplementedError

    def wrong(self, node: Node, walk: Walk, path: str) -> _Invalid:
        """Report a value of the wrong shape; one with a non-standard tag is already reported, so stay quiet."""
        if node.tag in STANDARD_TAGS:
            walk.error(node, path, f"should be {self.what}, but is {_shape(node)}", self.hint)
        return INVALID


class Text(Kind):
    """Patient or author text. Numbers, dates and yes/no are taken as the text they were written as."""

    def __init__(self, what: str = "some text", *, may_be_empty: bool = False, hint: str = "") -> None:
        self.what = what
        self.may_be_empty = may_be_empty
        self.hint = hint or "write the text after the colon; put it in quotes if it contains ': '"

    def read(self, node: Node, walk: Walk, path: str) -> Any:
        if type(node) is not ScalarNode:
            return self.wrong(node, walk, path)
        if node.tag not in _TEXT_TAGS:
            if node.tag == NULL_TAG:
                if self.may_be_empty:
                    return ""
                walk.error(node, path, "is empty", self.hint)
            return INVALID  # a non-standard tag, already reported
        value: str = node.value.strip()
        if not value and not self.may_be_empty:
            walk.error(node, path, "is empty", self.hint)
            return INVALID
        return self.check(value, node, walk, path)

    def check(self, value: str, node: Node, walk: Walk, path: str) -> Any:
        return value


class Identifier(Text):
    """A stable id: records and other parts of the file refer to it, so it must stay the same."""

    def __init__(self, what: str = "an id") -> None:
        super().__init__(what, hint="use lowercase letters, digits and hyphens, at most 40 characters, e.g. no-driving")

    def check(self, value: str, node: Node, walk: Walk, path: str) -> Any:
        if len(value) > 40 or not IDENTIFIER.fullmatch(value):
            walk.error(node, path, f"'{_clip(value)}' is not a usable id", self.hint)
            return INVALID
        return value


class Reference(Identifier):
    """The id of something listed elsewhere in the file (``target``); checked once the whole file is read."""

    def __init__(self, target: str) -> None:
        super().__init__(f"the id of one of the {target}")
        self.target = target

    def check(self, value: str, node: Node, walk: Walk, path: str) -> Any:
        result = super().check(value, node, walk, path)
        if result is not INVALID:
            walk.refs.append((self.target, value, int(node.start_mark.line) + 1, path))
        return result


class PhoneNumber(Text):
    """A number as it is dialled and printed: digits and spaces, optionally a leading +."""

    def __init__(self) -> None:
        super().__init__("a phone number", may_be_empty=True, hint="write digits and spaces only, e.g. 0114 263 2115")

    def check(self, value: str, node: Node, walk: Walk, path: str) -> Any:
        if not value:
            return None
        digits = sum(ch.isdigit() for ch in value)
        if not _PHONE.fullmatch(value) or not 3 <= digits <= 15:
            walk.error(node, path, f"'{_clip(value)}' is not a phone number", self.hint)
            return INVALID
        return value


class WholeNumber(Kind):
    def __init__(self, what: str, minimum: int, maximum: int, example: int) -> None:
        self.what = what
        self.minimum = minimum
        self.maximum = maximum
        self.hint = f"write a whole number from {minimum:,} to {maximum:,}, e.g. {example}"

    def read(self, node: Node, walk: Walk, path: str) -> Any:
        if type(node) is not ScalarNode or not _WHOLE_NUMBER.fullmatch(node.value.strip()):
            return self.wrong(node, walk, path)
        value = int(node.value)
        if not self.minimum <= value <= self.maximum:
            walk.error(node, path, f"{value:,} is out of range", self.hint)
            return INVALID
        return value


class Number(Kind):
    """A number of hours and the like: whole or with a decimal point (1.5)."""

    def __init__(self, what: str, minimum: float, maximum: float) -> None:
        self.what = what
        self.minimum = minimum
        self.maximum = maximum
        self.hint = f"write a number from {minimum:g} to {maximum:g}, e.g. 24 or 1.5"

    def read(self, node: Node, walk: Walk, path: str) -> Any:
        if type(node) is not ScalarNode or not _NUMBER.fullmatch(node.value.strip()):
            return self.wrong(node, walk, path)
        value = float(node.value)
        if not self.minimum <= value <= self.maximum:
            walk.error(node, path, f"{value:g} is out of range", self.hint)
            return INVALID
        return value


class YesNo(Kind):
    what = "yes or no"
    hint = "write yes or no (true or false also work)"

    def read(self, node: Node, walk: Walk, path: str) -> Any:
        if type(node) is ScalarNode and node.tag in (BOOL_TAG, STR_TAG):
            word = node.value.strip().lower()
            if word in _TRUE:
                return True
            if word in _FALSE:
                return False
        return self.wrong(node, walk, path)


class Date(Kind):
    what = "a date"
    hint = "write the date as year-month-day, e.g. 2025-08-31"

    def read(self, node: Node, walk: Walk, path: str) -> Any:
        if type(node) is not ScalarNode or node.tag not in (TIMESTAMP_TAG, STR_TAG, INT_TAG):
            return self.wrong(node, walk, path)
        text = node.value.strip()
        if not _DATE.fullmatch(text):
            return self.wrong(node, walk, path)
        try:
            return date.fromisoformat(text)
        except ValueError:
            walk.error(node, path, f"{text} is not a real date", self.hint)
            return INVALID


class Factors(Kind):
    """Patient factors from the fixed vocabulary (``Factor``): a list, or a single factor."""

    what = "a list of patient factors"
    hint = "use only: " + ", ".join(factor.value for factor in Factor)

    def read(self, node: Node, walk: Walk, path: str) -> Any:
        if type(node) is ScalarNode and node.tag in _TEXT_TAGS:
            items: list[Node] = [node]
        elif type(node) is SequenceNode:
            items = node.value
        else:
            return self.wrong(node, walk, path)
        found: set[Factor] = set()
        ok = True
        for index, item in enumerate(items, 1):
            item_path = path if item is node else f"{path}[{index}]"
            word = item.value.strip() if type(item) is ScalarNode else ""
            try:
                factor = Factor(word)
                if FACTOR_SINCE.get(factor, 1) > walk.version:
                    ok = False
                    walk.error(
                        item,
                        item_path,
                        f"the factor '{word}' needs schema version {FACTOR_SINCE[factor]}",
                        f"write 'schema_version: {FACTOR_SINCE[factor]}' at the top of the file to use it",
                    )
                    continue
                found.add(factor)
            except ValueError:
                ok = False
                if type(item) is ScalarNode:
                    message = f"'{_clip(word)}' is not a known patient factor"
                    usable = [f.value for f in Factor if FACTOR_SINCE.get(f, 1) <= walk.version]
                    listed = "use only: " + ", ".join(usable)
                    hint = " ".join(filter(None, (suggestion(word, usable), listed)))
                    walk.error(item, item_path, message, hint)
                elif item.tag in STANDARD_TAGS:
                    walk.error(item, item_path, f"should be a patient factor, but is {_shape(item)}", self.hint)
        return frozenset(found) if ok else INVALID


class ListOf(Kind):
    """A list of items of one kind; ``unique`` names an attribute (e.g. ``id``) that must differ per item.

    Returns the items that could be read (bad ones are reported), so checks across the list still run.
    """

    def __init__(
        self, item: Kind, what: str, *, min_items: int = 0, max_items: int = 0, unique: str = "", noun: str = ""
    ) -> None:
        self.item = item
        self.what = what
        self.min_items = min_items
        self.max_items = max_items
        self.unique = unique
        self.noun = noun or "item"
        self.hint = f"start each {self.noun} on its own line with '- '"

    def read(self, node: Node, walk: Walk, path: str) -> Any:
        if node.tag == NULL_TAG and type(node) is ScalarNode:
            items: list[Node] = []
        elif type(node) is SequenceNode:
            items = node.value
        else:
            return self.wrong(node, walk, path)
        if len(items) < self.min_items:
            walk.error(node, path, f"needs at least {self.min_items} {self.noun}", self.hint)
        elif self.max_items and len(items) > self.max_items:
            walk.error(
                node, path, f"has {len(items)} {self.noun}s; at most {self.max_items} fit", "leave out the least useful"
            )
        values = []
        first_line: dict[object, int | None] = {}
        for index, item in enumerate(items, 1):
            item_path = f"{path}[{index}]"
            value = self.item.read(item, walk, item_path)
            if value is INVALID:
                continue
            if self.unique:
                key = getattr(value, self.unique)
                if key in first_line:
                    walk.error(
                        item,
                        item_path,
                        f"{self.noun} {self.unique} '{key}' is used twice (first on line {first_line[key]})",
                        f"give each {self.noun} its own {self.unique}",
                    )
                    continue
                first_line[key] = line_of(item)
            values.append(value)
        return tuple(values)


@dataclass(frozen=True)
class Field:
    """One key of a record. ``attr`` is the model attribute (defaults to the key); ``doc`` helps the author."""

    key: str
    kind: Kind
    doc: str
    required: bool = True
    default: Any = None
    attr: str = ""
    # The schema version that introduced the heading: an older file that uses it gets a clear error (not a
    # "did you mean ...?" guess), and never gets it silently.
    since: int = 1
    # A required heading that becomes optional from this schema version (0: never), e.g. red_flags in version 2,
    # where warning_signs may replace it; the record's check then decides.
    optional_from: int = 0

    def required_in(self, version: int) -> bool:
        return self.required and not (self.optional_from and version >= self.optional_from)


# (walk, values read so far, the value nodes of the keys present, the record's node, its path) -> no problem?
# Values hold only the fields that could be read, so a check looks each one up and skips what is missing.
Check = Callable[[Walk, dict[str, Any], dict[str, Node], Node, str], bool]


class Record(Kind):
    """A set of headings (a YAML mapping) read into a model object with ``build(**values)``.

    ``check`` runs even when some fields are bad, so cross-field problems are reported in the same run.
    """

    def __init__(
        self,
        what: str,
        fields: Sequence[Field],
        build: Callable[..., Any] | None = None,
        check: Check | None = None,
        locate: str = "",
    ) -> None:
        self.what = what
        self.hint = "write each heading on its own line as 'heading: value', indented under this one"
        self.fields = {field.key: field for field in fields}
        self.build = build
        self.check = check
        self.locate = locate  # a field whose value names the item in ``walk.where`` (e.g. "id")

    def read(self, node: Node, walk: Walk, path: str) -> Any:
        if type(node) is not MappingNode:
            return self.wrong(node, walk, path)
        if node.tag != "tag:yaml.org,2002:map":
            return INVALID  # a non-standard tag, already reported
        fields = self.fields
        values: dict[str, Any] = {}
        nodes: dict[str, Node] = {}  # key -> value node, for checks
        key_nodes: dict[str, Node] = {}  # key -> key node; lines are worked out only for a problem
        complete = True
        known = 0  # how many of the fields are present: when all are, nothing can be missing
        prefix = f"{path}." if path else ""
        for key_node, value_node in node.value:
            if type(key_node) is not ScalarNode:
                walk.error(key_node, path, "a heading must be a single word followed by ':'", self.hint)
                complete = False
                continue
            key = key_node.value
            if key in key_nodes:
                walk.error(
                    key_node,
                    prefix + key,
                    f"'{_clip(key)}' appears twice here (first on line {line_of(key_nodes[key])})",
                    "keep one of them: the second would silently replace the first",
                )
                complete = False
                continue
            key_nodes[key] = key_node
            nodes[key] = value_node
            field = fields.get(key)
            if field is not None and field.since > walk.version:
                walk.error(
                    key_node,
                    prefix + key,
                    f"'{_clip(key)}' needs schema version {field.since}, but this file says "
                    f"schema_version: {walk.version}",
                    f"write 'schema_version: {field.since}' at the top of the file to use it; "
                    "see 'Schema versions' in procedures/README.md",
                )
                complete = False
                continue
            if field is None:
                if key_node.tag in STANDARD_TAGS:
                    usable = [name for name, item in fields.items() if item.since <= walk.version]
                    hint = suggestion(key, usable) or f"the headings here are: {', '.join(usable)}"
                    walk.error(key_node, prefix + key, f"'{_clip(key)}' is not a heading {self.what} can have", hint)
                complete = False
                continue
            known += 1
            value = field.kind.read(value_node, walk, prefix + key)
            if value is INVALID:
                complete = False
            else:
                values[field.attr or key] = value
        if known < len(fields):
            for key, field in fields.items():
                if key in key_nodes:
                    continue
                if field.required_in(walk.version):
                    walk.error(
                        node, prefix + key, f"'{key}' is missing from {self.what}", f"add '{key}:' ({field.doc})"
                    )
                    complete = False
                else:
                    values[field.attr or key] = field.default
        if self.check is not None and not self.check(walk, values, nodes, node, path):
            complete = False
        if self.locate and isinstance(values.get(self.locate), str):
            walk.where[(self.what, values[self.locate])] = (line_of(node), path)
        if not complete:
            return INVALID
        return values if self.build is None else self.build(**values)


class Choice(Kind):
    """One word from a fixed list (a ``StrEnum``), e.g. an urgency."""

    def __init__(self, choices: type[StrEnum], what: str) -> None:
        self.choices = choices
        self.what = what
        self.hint = "use one of: " + ", ".join(choice.value for choice in choices)

    def read(self, node: Node, walk: Walk, path: str) -> Any:
        if type(node) is not ScalarNode or node.tag not in _TEXT_TAGS:
            return self.wrong(node, walk, path)
        word = node.value.strip()
        try:
            return self.choices(word)
        except ValueError:
            close = suggestion(word, [choice.value for choice in self.choices])
            walk.error(node, path, f"'{_clip(word)}' is not {self.what}", " ".join(filter(None, (close, self.hint))))
            return INVALID


_CLOCK = re.compile(r"([01]?[0-9]|2[0-3]):([0-5][0-9])")


class ClockTime(Kind):
    """A time of day on the 24-hour clock, "08:00" (read as written: YAML would take 17:00 for a number)."""

    what = "a time of day"
    hint = "write it on the 24-hour clock with a colon, e.g. 08:00 or 17:30"

    def read(self, node: Node, walk: Walk, path: str) -> Any:
        if type(node) is not ScalarNode or node.tag not in _TEXT_TAGS:
            return self.wrong(node, walk, path)
        text = node.value.strip()
        if text in ("24:00", "24.00"):
            return time.max
        match = _CLOCK.fullmatch(text.replace(".", ":"))
        if match is None:
            walk.error(node, path, f"'{_clip(text)}' is not a time of day", self.hint)
            return INVALID
        return time(int(match.group(1)), int(match.group(2)))


_DAY_WORDS = {name.lower(): index for index, name in enumerate(WEEKDAY_NAMES)}
_DAY_WORDS.update(
    {
        full: index
        for index, full in enumerate(("monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday"))
    }
)
_EVERY_DAY = frozenset({"every day", "daily", "mon-sun", "monday to sunday", "mon to sun"})


class Weekdays(Kind):
    """The days a contact answers: "mon-fri", "every day", or a list of days ([mon, wed, fri])."""

    what = "some days of the week"
    hint = "write e.g. mon-fri, every day, or a list such as [mon, tue, thu]"

    def read(self, node: Node, walk: Walk, path: str) -> Any:
        if type(node) is ScalarNode and node.tag in _TEXT_TAGS:
            text = " ".join(node.value.strip().lower().split())
            if text in _EVERY_DAY:
                return frozenset(range(7))
            span = re.fullmatch(r"([a-z]+) ?(?:-|to) ?([a-z]+)", text)
            if span and span.group(1) in _DAY_WORDS and span.group(2) in _DAY_WORDS:
                first, last = _DAY_WORDS[span.group(1)], _DAY_WORDS[span.group(2)]
                if first <= last:
                    return frozenset(range(first, last + 1))
                walk.error(node, path, f"'{_clip(text)}' runs backwards", "write the first day first, e.g. mon-fri")
                return INVALID
            if text in _DAY_WORDS:
                return frozenset({_DAY_WORDS[text]})
            walk.error(node, path, f"'{_clip(text)}' is not a day or a span of days", self.hint)
            return INVALID
        if type(node) is SequenceNode:
            days: set[int] = set()
            for index, item in enumerate(node.value, 1):
                word = item.value.strip().lower() if type(item) is ScalarNode else ""
                if word not in _DAY_WORDS:
                    walk.error(item, f"{path}[{index}]", f"'{_clip(word)}' is not a day of the week", self.hint)
                    return INVALID
                days.add(_DAY_WORDS[word])
            if not days:
                walk.error(node, path, "names no day", self.hint)
                return INVALID
            return frozenset(days)
        return self.wrong(node, walk, path)


class Extension(Text):
    """A telephone extension: digits only, printed as "ext 4321" after the number."""

    def __init__(self) -> None:
        super().__init__("an extension number", hint='write the digits only, e.g. 4321 (put it in quotes: "4321")')

    def check(self, value: str, node: Node, walk: Walk, path: str) -> Any:
        if not value.isdigit() or not 1 <= len(value) <= 8:
            walk.error(node, path, f"'{_clip(value)}' is not an extension number", self.hint)
            return INVALID
        return value


_N = r"([0-9][0-9,]*(?:\.[0-9]+)?)"
_ONE_IN = re.compile(rf"(?:about |around )?1 in {_N}")
_LESS_THAN = re.compile(rf"(?:less than|fewer than|under) 1 in {_N}")
_RANGE = re.compile(rf"(?:between )?1 in {_N} (?:to|and) 1 in {_N}")
_PERCENT = re.compile(rf"(?:about |around )?{_N} ?%")
_PERCENT_RANGE = re.compile(rf"(?:between )?{_N} ?%? (?:to|and) {_N} ?%")


def _amount(text: str) -> float:
    return float(text.replace(",", ""))


class HowOften(Text):
    """How often a risk happens, as the leaflet gives it, read into a ``Frequency``."""

    def __init__(self) -> None:
        super().__init__(
            "how often the risk happens",
            hint="write '1 in 2000', 'less than 1 in 1000', '1 in 100 to 1 in 50', '5%' or '2% to 5%'",
        )

    def check(self, value: str, node: Node, walk: Walk, path: str) -> Any:
        text = " ".join(value.lower().split())
        frequency: Frequency | None = None
        if match := _ONE_IN.fullmatch(text):
            frequency = Frequency(RiskForm.ONE_IN, _amount(match.group(1)))
        elif match := _LESS_THAN.fullmatch(text):
            frequency = Frequency(RiskForm.LESS_THAN, _amount(match.group(1)))
        elif match := _RANGE.fullmatch(text):
            low, high = sorted((_amount(match.group(1)), _amount(match.group(2))))
            frequency = Frequency(RiskForm.RANGE, low, high)
        elif match := _PERCENT.fullmatch(text):
            frequency = Frequency(RiskForm.PERCENT, _amount(match.group(1)))
        elif match := _PERCENT_RANGE.fullmatch(text):
            low, high = sorted((_amount(match.group(1)), _amount(match.group(2))))
            frequency = Frequency(RiskForm.PERCENT, low, high)
        if frequency is None:
            walk.error(node, path, f"'{_clip(value)}' is not a figure the kiosk can show", self.hint)
            return INVALID
        if not _sensible(frequency):
            walk.error(node, path, f"'{_clip(value)}' is out of range", self.hint)
            return INVALID
        return frequency


def _sensible(frequency: Frequency) -> bool:
    values = [frequency.low] + ([frequency.high] if frequency.high is not None else [])
    if frequency.form is RiskForm.PERCENT:
        ok = all(0 < value <= 100 for value in values)
    else:
        ok = all(value >= 2 and value == int(value) and value <= 10_000_000 for value in values)
    return ok and (frequency.high is None or frequency.high > frequency.low)
