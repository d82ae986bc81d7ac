"""Checking a translation against the English file it translates (``main.py check``, and before any use).

Three things make a translation safe to show a patient who cannot read the English (hazard H13):

1. **Exactly the English file's texts**: every text the English procedure has is translated (none missing, so no
   advice is dropped) and there is nothing else (no invented step, no typing mistake in an id that would leave
   the English text in place unnoticed).
2. **Facts unchanged**: in each text, every number, phone number, clock time and drug name of the English text
   appears unchanged, and the translation adds none of its own. Durations are checked through their numbers
   ("24 hours" -> 24; the word for hours is the translator's). Numbers are written with the digits 0-9, as in
   the English: Arabic-Indic digits are refused, so one set of digits is checked and printed.
   Drug names are the names in ``drug-names.txt`` in the translations folder (one a line), found in the English
   text as whole words, ignoring case; the translation must write them exactly as the English does.
3. **Translating this English file**: ``source_sha256`` is the SHA-256 of the English file's bytes. When the
   English file changes, every translation of it is "out of date" until a translator has brought it up to date
   and set the new hash.

An unapproved translation is a DRAFT, exactly like unapproved content: ``localised`` marks the procedure's
document unapproved, so the nurse gives a reason, each sheet page says DRAFT, and a ward kiosk refuses it.
"""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Mapping
from datetime import date
from pathlib import Path
from typing import Any

from kiosk.content.model import Procedure
from kiosk.content.problems import Collector, Problem
from kiosk.content.translation import (
    FOLDER,
    TRANSLATION_VERSION,
    Located,
    Texts,
    Translation,
    TranslationFile,
    plain_texts,
    read_file,
    source_texts,
)

DRUG_NAMES = "drug-names.txt"
HEADINGS = (
    "translation_version",
    "procedure",
    "language",
    "source_sha256",
    "translator",
    "reviewer",
    "approved",
    "approved_on",
    "note",
    "text",
)
REQUIRED = ("translation_version", "procedure", "language", "source_sha256", "translator", "text")
_NAME = re.compile(r"(?P<procedure>[a-z0-9]+(?:-[a-z0-9]+)*)\.(?P<language>[a-z]{2,3})\.yaml")
_SHA256 = re.compile(r"[0-9a-f]{64}")
_YES = {"yes", "true", "on"}
_NO = {"no", "false", "off", ""}

# Facts that must be carried over unchanged, most specific first: a phone number is not also three numbers.
# UK numbers as the content writes them (01752 437706, 0114 263 2115, 020 7946 0000); the spaces may be
# no-break spaces in a translation (they keep the number on one line).
_PHONE = re.compile(r"(?<![0-9])0[0-9]{2,4}(?:[ \u00a0][0-9]{3,8}){1,2}(?![0-9])")
_CLOCK = re.compile(r"(?<![0-9])(?:[01]?[0-9]|2[0-3]):[0-5][0-9](?![0-9])")
_NUMBER = re.compile(r"(?<![0-9])[0-9]+(?:[.,][0-9]+)*(?![0-9])")


def facts(text: str, drug_names: frozenset[str]) -> Counter[tuple[str, str]]:
    """The facts a text states, counted: ("phone number", "01752 437706"), ("clock time", "08:00"), ("number",
    "24"), ("drug name", "Kenalog"). A translation's facts must equal its English text's."""
    found: Counter[tuple[str, str]] = Counter()
    rest = text
    for kind, pattern in (("phone number", _PHONE), ("clock time", _CLOCK)):
        for match in pattern.finditer(rest):
            found[(kind, match.group().replace("\u00a0", " "))] += 1
        rest = pattern.sub(" ", rest)
    for match in _NUMBER.finditer(rest):
        found[("number", match.group())] += 1
    for name in drug_names:
        for match in re.finditer(rf"(?<!\w){re.escape(name)}(?!\w)", text, re.IGNORECASE):
            found[("drug name", match.group())] += 1
    return found


def other_digits(text: str) -> str:
    """The digits in ``text`` that are not 0-9, e.g. '٢٤' (empty when there are none)."""
    return "".join(ch for ch in text if ch.isdecimal() and not "0" <= ch <= "9")


def read_drug_names(folder: Path) -> frozenset[str] | None:
    """The drug names in ``folder/drug-names.txt`` (``#`` starts a comment), or None when there is no list."""
    try:
        lines = (folder / DRUG_NAMES).read_text(encoding="utf-8").splitlines()
    except (OSError, UnicodeDecodeError):
        return None
    return frozenset(name for line in lines if (name := line.split("#", 1)[0].strip()))


def check_translation(
    path: Path, procedure: Procedure, drug_names: frozenset[str] | None = None
) -> tuple[Translation | None, tuple[Problem, ...]]:
    """Check one translation file against the loaded English ``procedure``; the Translation is None on any error.

    ``drug_names`` default: ``drug-names.txt`` in the translation's folder (a warning when there is none).
    """
    path = Path(path)
    collector = Collector(str(path))
    match = _NAME.fullmatch(path.name)
    if match is None:
        collector.error(
            None,
            "",
            f"the file name '{path.name}' is not <procedure id>.<language>.yaml",
            f"name it after the English file and the language code, e.g. {procedure.id}.pl.yaml",
        )
    elif match["procedure"] != procedure.id:
        collector.error(None, "", f"this file is named for '{match['procedure']}', not '{procedure.id}'")
    file = read_file(path, collector)
    if file is None:
        return None, collector.sorted()
    if drug_names is None:
        drug_names = read_drug_names(path.parent)
        if drug_names is None:
            collector.warning(
                None,
                "",
                f"there is no {DRUG_NAMES} beside this file, so drug names are not checked",
                f"list every drug name the procedures use in {path.parent / DRUG_NAMES}, one a line",
            )
            drug_names = frozenset()
    headings = _check_headings(file, procedure, match["language"] if match else None, collector)
    texts = file.texts
    if isinstance(texts, dict):
        _compare(source_texts(procedure), texts, "text", collector, drug_names, file.headings["text"].line)
    elif "text" in file.headings:
        collector.error(file.headings["text"].line, "text", "should be the translated texts, under headings")
    if collector.has_errors or headings is None:
        return None, collector.sorted()
    translation = Translation(path=str(path), texts=_as_texts(plain_texts(texts)), sha256=file.sha256, **headings)
    return translation, collector.sorted()


def _as_texts(texts: Texts) -> Mapping[str, Texts]:
    return texts if isinstance(texts, Mapping) else {}


def _check_headings(
    file: TranslationFile, procedure: Procedure, language: str | None, collector: Collector
) -> dict[str, Any] | None:
    h = file.headings
    for key, located in h.items():
        if key not in HEADINGS:
            collector.error(
                located.line,
                key,
                f"'{key}' is not a heading a translation file can have",
                f"use only: {', '.join(HEADINGS)}",
            )
    for key in REQUIRED:
        if key not in h:
            collector.error(1, key, f"'{key}' is missing from the translation file", "see procedures/README.md")
    if collector.has_errors:
        return None

    def text(key: str) -> str:
        value = h[key].value if key in h else ""
        return str(value).strip() if value is not None else ""

    if text("translation_version") != str(TRANSLATION_VERSION):
        collector.error(
            h["translation_version"].line,
            "translation_version",
            f"this file is written for translation format {text('translation_version')!r}, "
            f"but this kiosk reads format {TRANSLATION_VERSION}",
        )
    if text("procedure") != procedure.id:
        collector.error(
            h["procedure"].line, "procedure", f"says it translates '{text('procedure')}', not '{procedure.id}'"
        )
    if language is not None and text("language") != language:
        collector.error(
            h["language"].line, "language", f"says '{text('language')}', but the file name says '{language}'"
        )
    source = text("source_sha256").lower()
    english = Path(procedure.source_path).name or f"{procedure.id}.yaml"
    if not _SHA256.fullmatch(source):
        collector.error(
            h["source_sha256"].line,
            "source_sha256",
            "should be the SHA-256 of the English file (64 hexadecimal digits)",
            f"sha256sum {english}",
        )
    elif source != procedure.content_hash:
        collector.error(
            h["source_sha256"].line,
            "source_sha256",
            f"out of date: this translates another version of {english} (the English file has changed since)",
            "compare the English file with this translation, bring every changed text up to date, then set "
            f"source_sha256 to {procedure.content_hash}",
        )
    if not text("translator"):
        collector.error(h["translator"].line, "translator", "should say who translated it")
    approved_text = text("approved").lower()
    if approved_text not in _YES | _NO:
        collector.error(h["approved"].line, "approved", f"should be yes or no, but is {text('approved')!r}")
    approved = approved_text in _YES
    approved_on: date | None = None
    if text("approved_on"):
        try:
            approved_on = date.fromisoformat(text("approved_on"))
        except ValueError:
            collector.error(
                h["approved_on"].line, "approved_on", f"{text('approved_on')!r} is not a date written as 2026-01-31"
            )
    if approved and approved_on is None and "approved_on" not in h:
        collector.error(h["approved"].line, "approved", "an approved translation needs approved_on (the day)")
    if approved and not text("reviewer"):
        collector.error(
            h["approved"].line, "approved", "an approved translation needs its reviewer", "add reviewer: NAME"
        )
    return {
        "procedure_id": procedure.id,
        "language": text("language"),
        "source_sha256": source,
        "translator": text("translator"),
        "reviewer": text("reviewer"),
        "approved": approved,
        "approved_on": approved_on,
        "note": text("note"),
    }


def _compare(
    english: Mapping[str, Texts], tree: dict[str, Any], where: str, c: Collector, drugs: frozenset[str], line: int
) -> None:
    """Walk the English texts and the translation's side by side: same keys, and each text's facts kept.

    ``line`` is the line of the heading the tree is under: where a missing text is reported.
    """
    lines: dict[str, int] = tree.get("\0lines", {})
    for duplicate in tree.get("\0duplicates", []):
        c.error(duplicate.line, f"{where}.{duplicate.value}", f"'{duplicate.value}' is given twice")
    for key, source in english.items():
        path = f"{where}.{key}"
        if key not in tree:
            shown = source if isinstance(source, str) else "its texts"
            c.error(
                line,
                path,
                f"'{key}' is missing: the English file has {_quote(shown)} here",
                "translate it; every text of the English file must be in the translation",
            )
            continue
        _compare_value(source, tree[key], path, lines.get(key, line), c, drugs)
    for key in tree:
        if key.startswith("\0") or key in english:
            continue
        c.error(
            lines.get(key, line),
            f"{where}.{key}",
            f"'{key}' is not in the English file",
            "keep the English file's headings and ids exactly; translate only the texts after them",
        )


def _compare_value(source: Texts, value: Any, path: str, line: int, c: Collector, drugs: frozenset[str]) -> None:
    if isinstance(source, Mapping):
        if isinstance(value, dict):
            _compare(source, value, path, c, drugs, line)
        else:
            c.error(line, path, "should be headings with texts under them, as in the English file")
        return
    if isinstance(source, tuple):
        items = value.value if isinstance(value, Located) and isinstance(value.value, tuple) else None
        if items is None:
            c.error(line, path, f"should be a list of {len(source)} answers, as in the English file")
            return
        if len(items) != len(source):
            c.error(
                value.line,
                path,
                f"has {len(items)} answers, but the English has {len(source)}",
                "keep the answers in the English order: the right answer is found by its place",
            )
            return
        for number, (english, item) in enumerate(zip(source, items, strict=True), 1):
            _compare_text(english, item, f"{path}[{number}]", value.line, c, drugs)
        return
    _compare_text(source, value, path, line, c, drugs)


def _compare_text(english: str, value: Any, path: str, line: int, c: Collector, drugs: frozenset[str]) -> None:
    if not isinstance(value, Located) or not isinstance(value.value, str):
        c.error(line, path, "should be a translated text")
        return
    text, line = value.value, value.line
    if not text.strip():
        c.error(line, path, "is empty", f"translate {_quote(english)}")
        return
    odd = other_digits(text)
    if odd:
        c.error(line, path, f"writes numbers with the digits {odd!r}", "write numbers with 0-9, as the English does")
    want, have = facts(english, drugs), facts(text, drugs)
    for (kind, fact), count in sorted((want - have).items()):
        c.error(
            line,
            path,
            f"the {kind} {fact!r} of the English text is not in the translation"
            + (f" ({count} times)" if count > 1 else ""),
            f"write it exactly as the English does: {_quote(english)}",
        )
    for kind, fact in sorted(have - want):
        c.error(
            line,
            path,
            f"the translation has the {kind} {fact!r}, which the English text does not",
            f"a translation may not add or change a {kind}: {_quote(english)}",
        )


def _quote(text: str, limit: int = 80) -> str:
    text = " ".join(text.split())
    return repr(text if len(text) <= limit else text[: limit - 3] + "...")


def translations_folder(procedures_folder: Path) -> Path:
    return procedures_folder / FOLDER
