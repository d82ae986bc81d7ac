"""A readability gate for what patients read: long sentences, long headings, hard text, each with its line.

Patients read this just after a spinal injection, often in pain, often without their glasses, some with little
English. NHS guidance for patient information is a reading age of about 9 to 11; the gate warns (it never
refuses a file) when a text is above reading age 11, so the author sees it while writing and the approver sees
the same warnings.

The formula is Flesch-Kincaid grade level, chosen because it is the one most patient-information teams already
use (Word, Hemingway and the NHS content style guide all report it), so an author can compare:

    grade = 0.39 * (words / sentences) + 11.8 * (syllables / words) - 15.59

A US school grade plus 5 is a reading age, so "above reading age 11" is "grade above 6". Syllables are counted
with the usual vowel-group rule (a silent final "e" not counted), which is what those tools do too. The grade is
an estimate that swings widely on a single short text (one "anaesthetic" in a 15-word answer), so it is judged on
all the patient's text of a file together, as those tools judge a document; the warning names the line of the
hardest text, where rewording helps most. Long sentences (over 20 words) and long headings (over 6 words, numbers
not counted) are judged on every text.
"""

from __future__ import annotations

import re
from collections.abc import Iterator

from yaml.nodes import MappingNode, Node, ScalarNode, SequenceNode

from kiosk.content.problems import Collector

MAX_SENTENCE_WORDS = 20
MAX_HEADING_WORDS = 6
MAX_GRADE = 6.0  # Flesch-Kincaid grade 6 = reading age 11

# The keys whose text a patient reads as sentences, and the keys that are headings.
PROSE_KEYS = frozenset(
    {
        "text",
        "sign",
        "question",
        "explanation",
        "what_it_is",
        "why",
        "what_happened",
        "red_flag_advice",
        "when",
        # schema version 2
        "advice",
        "when_to_call",
        "and_until",
    }
)
HEADING_KEYS = frozenset({"heading"})

_WORD = re.compile(r"[A-Za-z][A-Za-z'’-]*")
_SENTENCE_END = re.compile(r"(?<=[.!?])\s+")
_VOWEL_GROUP = re.compile(r"[aeiouy]+")


def words(text: str) -> list[str]:
    """The words of a text (numbers and phone numbers are not words here: they are read, not decoded)."""
    return _WORD.findall(text)


def sentences(text: str) -> list[str]:
    """Sentences split at '.', '!' or '?' followed by a space; a text without a full stop is one sentence."""
    return [part for part in _SENTENCE_END.split(text.strip()) if words(part)]


def syllables(word: str) -> int:
    """An estimate by vowel groups, at least 1: 'injection' 3, 'rest' 1, 'came' 1, 'little' 2."""
    lowered = word.lower().strip("'’-")
    count = len(_VOWEL_GROUP.findall(lowered))
    if lowered.endswith("e") and not lowered.endswith(("le", "ee", "ye")) and count > 1:
        count -= 1
    return max(1, count)


def grade(text: str) -> float:
    """Flesch-Kincaid grade level of a text; 0.0 for a text with no words."""
    found = words(text)
    if not found:
        return 0.0
    count = max(1, len(sentences(text)))
    return 0.39 * (len(found) / count) + 11.8 * (sum(map(syllables, found)) / len(found)) - 15.59


def check(root: Node, collector: Collector) -> None:
    """Warn, at its line, about every patient text that is too long, and about a file too hard to read."""
    prose: list[tuple[str, int, str]] = []  # (key path, line, text)
    for key, path, node in _texts(root, ""):
        line = int(node.start_mark.line) + 1
        text = " ".join(str(node.value).split())
        if key in HEADING_KEYS:
            count = len(words(text))
            if count > MAX_HEADING_WORDS:
                collector.warning(
                    line,
                    path,
                    f"this heading has {count} words; a heading should have at most {MAX_HEADING_WORDS}",
                    "say it in a few words (e.g. 'Do not drive today'); the detail goes in the text below it",
                )
            continue
        prose.append((path, line, text))
        for sentence in sentences(text):
            count = len(words(sentence))
            if count > MAX_SENTENCE_WORDS:
                collector.warning(
                    line,
                    path,
                    f"a sentence here has {count} words (from '{_start(sentence)}'); keep sentences to "
                    f"{MAX_SENTENCE_WORDS} words or fewer",
                    "split it into two sentences: one idea per sentence",
                )
    level = grade(" ".join(text for _, _, text in prose))
    if prose and level > MAX_GRADE:
        path, line, _ = max(prose, key=lambda item: grade(item[2]) * len(words(item[2])))
        collector.warning(
            line,
            path,
            f"the patient's text in this file reads above age 11 (Flesch-Kincaid grade {level:.1f}; at most "
            f"{MAX_GRADE:g}); this text is the hardest to read",
            "use shorter sentences and everyday words (e.g. 'numb' for 'anaesthetised'), starting here",
        )


def _start(sentence: str, count: int = 4) -> str:
    return " ".join(sentence.split()[:count]) + " ..."


def _texts(node: Node, path: str) -> Iterator[tuple[str, str, ScalarNode]]:
    """(key, key path, node) of every prose or heading text in the tree, in file order."""
    if isinstance(node, MappingNode):
        for key_node, value in node.value:
            if not isinstance(key_node, ScalarNode):
                continue
            key = str(key_node.value)
            child_path = f"{path}.{key}" if path else key
            if isinstance(value, ScalarNode) and isinstance(value.value, str):
                if key in PROSE_KEYS or key in HEADING_KEYS:
                    yield key, child_path, value
            else:
                yield from _texts(value, child_path)
    elif isinstance(node, SequenceNode):
        for index, item in enumerate(node.value, 1):
            yield from _texts(item, f"{path}[{index}]")
