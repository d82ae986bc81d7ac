"""Procedure content in the patient's language: the translation file format, and putting it over the English.

A translation is one file per procedure and language, beside the English files:
``procedures/translations/<procedure-id>.<language>.yaml`` (format: procedures/README.md, "Translations").
It holds only text, each keyed by where it is in the English file (``steps`` -> the step's id -> ``heading``),
so a translator cannot change an id, a condition, a timing, an answer's position or a phone number: those
always come from the English file. Which texts a translation must have is worked out from the loaded English
``Procedure`` itself (``source_texts``), by walking its dataclasses: every ``str`` field is patient text except
the ids, numbers and references named in ``NOT_TEXT``; a list of items is keyed by each item's ``id``, or by its
position (1, 2, ...) when it has none. A new text field in the model is therefore asked of every translation
without a change here.

Nothing here checks a translation: ``translation_check`` does (ids, numbers, drug names, source hash). The
loader ``localise`` uses a translation only when that check finds no error, and falls back to English with a
reason otherwise (hazard H13).
"""

from __future__ import annotations

import dataclasses
import hashlib
from collections.abc import Mapping
from dataclasses import dataclass
from datetime import date
from enum import Enum
from pathlib import Path
from typing import Any, TypeAlias

from yaml.nodes import MappingNode, Node, ScalarNode, SequenceNode

from kiosk.content.model import Procedure
from kiosk.content.phrasebook import day_month_year
from kiosk.content.problems import Collector
from kiosk.content.yamlread import compose

TRANSLATION_VERSION = 1  # unchanged by asking a version-2 file's signs once: a version-1 file never asked twice
FOLDER = "translations"
ENGLISH = "en"

# String fields of the model that are not patient text: ids, references between parts, numbers as dialled,
# and where the content came from. ``document`` (document control) is the English file's, as a whole.
NOT_TEXT = frozenset(
    {
        "id",
        "number",
        "extension",
        "otherwise",
        "call",
        "content_hash",
        "source_path",
        "document",
        "specialty",
        "trust",
        "department",
        "personalised_for",
    }
)
# Lists of strings that are text (the rest, e.g. ``call``, are lists of ids).
TEXT_LISTS = frozenset({"options"})

# The tree of texts: a text, a list of texts (a question's options) or a mapping of names to subtrees.
Texts: TypeAlias = "str | tuple[str, ...] | Mapping[str, Texts]"


# In a version-2 file the warning signs are written once, in their urgency groups; ``Procedure.red_flags`` holds
# the same signs again (flattened, for code written for version 1). A translation gives each sign once, under
# ``warning_groups``, and the flattened list is made from it (``apply_texts``).
DERIVED_IN_V2 = "red_flags"


def source_texts(procedure: Procedure) -> dict[str, Texts]:
    """Every text of the English procedure a translation must give, as the tree the translation file mirrors."""
    texts = _texts_of(procedure)
    if procedure.has_urgency_groups:
        texts.pop(DERIVED_IN_V2, None)
    return texts


def _texts_of(obj: Any) -> dict[str, Texts]:
    tree: dict[str, Texts] = {}
    for field in dataclasses.fields(obj):
        if field.name in NOT_TEXT:
            continue
        value = getattr(obj, field.name)
        sub = _texts_of_value(field.name, value)
        if sub is not None:
            tree[field.name] = sub
    return tree


def _texts_of_value(name: str, value: Any) -> Texts | None:
    if isinstance(value, Enum):
        return None  # a fixed choice (urgency, ...) written in English in every file, not text
    if isinstance(value, str):
        return value if value.strip() else None
    if dataclasses.is_dataclass(value) and not isinstance(value, type):
        return _texts_of(value) or None
    if isinstance(value, tuple) and value:
        if all(isinstance(item, str) for item in value):
            return tuple(value) if name in TEXT_LISTS else None
        items: dict[str, Texts] = {}
        for position, item in enumerate(value, 1):
            if dataclasses.is_dataclass(item) and not isinstance(item, type):
                sub = _texts_of(item)
                if sub:
                    items[item_key(item, position)] = sub
        return items or None
    return None


def item_key(item: Any, position: int) -> str:
    """How a list item is keyed in a translation: its id when it has one, else its position from 1."""
    item_id = getattr(item, "id", None)
    return item_id if isinstance(item_id, str) and item_id else str(position)


def apply_texts(procedure: Procedure, texts: Mapping[str, Texts]) -> Procedure:
    """The procedure with each text replaced by the translation's; anything the translation lacks stays English.

    Ids, conditions, timings' hours, answers (by position), numbers and the content hash are the English
    procedure's, so a record made with the English content matches the translated one (``has_content_of``).
    """
    result: Procedure = _apply(procedure, texts)
    if result.has_urgency_groups:
        # Version 2: each sign was translated once, in its group; the flattened list takes the same words.
        signs = {flag.id: flag.sign for group in result.warning_groups for flag in group.signs}
        flags = tuple(dataclasses.replace(flag, sign=signs.get(flag.id, flag.sign)) for flag in result.red_flags)
        result = dataclasses.replace(result, red_flags=flags)
    return result


def _apply(obj: Any, texts: Mapping[str, Texts]) -> Any:
    changes: dict[str, Any] = {}
    for field in dataclasses.fields(obj):
        if field.name in NOT_TEXT or field.name not in texts:
            continue
        value = getattr(obj, field.name)
        new = _apply_value(field.name, value, texts[field.name])
        if new is not value:
            changes[field.name] = new
    return dataclasses.replace(obj, **changes) if changes else obj


def _apply_value(name: str, value: Any, texts: Texts) -> Any:
    if isinstance(value, Enum):
        return value
    if isinstance(value, str):
        return texts if isinstance(texts, str) else value
    if dataclasses.is_dataclass(value) and not isinstance(value, type):
        return _apply(value, texts) if isinstance(texts, Mapping) else value
    if isinstance(value, tuple) and value:
        if all(isinstance(item, str) for item in value):
            ok = name in TEXT_LISTS and isinstance(texts, tuple) and len(texts) == len(value)
            return texts if ok else value
        if not isinstance(texts, Mapping):
            return value
        return tuple(
            _apply(item, sub) if isinstance(sub := texts.get(item_key(item, position)), Mapping) else item
            for position, item in enumerate(value, 1)
        )
    return value


# --- Reading a translation file ------------------------------------------------------------------------------


@dataclass(frozen=True)
class Located:
    """A value read from a translation file and the line it is on (1-based), for problems with a line."""

    value: Any
    line: int


@dataclass(frozen=True)
class TranslationFile:
    """A translation file as read: its headings (with lines) and its ``text`` tree, before any check."""

    path: str
    sha256: str
    headings: Mapping[str, Located]
    texts: Any  # the ``text`` tree as read: Located leaves inside dicts (and tuples for lists); None if absent
    root_line: int = 1


def read_file(path: Path, collector: Collector) -> TranslationFile | None:
    """Parse a translation file safely (the same YAML reader, limits and refusals as procedure files)."""
    try:
        data = path.read_bytes()
    except OSError as exc:
        collector.error(None, "", f"the file cannot be read ({exc.strerror or exc})", "check it exists")
        return None
    root = compose(data, collector)
    if root is None:
        return None
    if not isinstance(root, MappingNode):
        collector.error(_line(root), "", "a translation file must be a list of headings", "see procedures/README.md")
        return None
    headings: dict[str, Located] = {}
    texts: Any = None
    for key_node, value_node in root.value:
        key = str(key_node.value) if isinstance(key_node, ScalarNode) else "?"
        if key == "text":
            texts = _tree(value_node)
            headings[key] = Located(None, _line(key_node))
        else:
            headings[key] = Located(_plain(value_node), _line(key_node))
    return TranslationFile(str(path), hashlib.sha256(data).hexdigest(), headings, texts)


def _line(node: Node) -> int:
    return int(node.start_mark.line) + 1


def _plain(node: Node) -> Any:
    if isinstance(node, ScalarNode):
        return node.value
    return None


def _tree(node: Node) -> Any:
    """The ``text`` tree: dict of key -> subtree for mappings, tuple for lists, Located for scalars."""
    if isinstance(node, MappingNode):
        out: dict[str, Any] = {}
        lines: dict[str, int] = {}
        for key_node, value_node in node.value:
            key = str(key_node.value) if isinstance(key_node, ScalarNode) else "?"
            if key in out:
                out.setdefault("\0duplicates", []).append(Located(key, _line(key_node)))
                continue
            out[key] = _tree(value_node)
            lines[key] = _line(key_node)
        out["\0lines"] = lines
        out["\0line"] = _line(node)
        return out
    if isinstance(node, SequenceNode):
        return Located(tuple(_tree(item) for item in node.value), _line(node))
    if isinstance(node, ScalarNode):
        return Located(node.value, _line(node))
    return Located(None, _line(node))


def plain_texts(tree: Any) -> Texts:
    """The ``text`` tree without lines: what ``apply_texts`` takes."""
    if isinstance(tree, dict):
        return {key: plain_texts(value) for key, value in tree.items() if not key.startswith("\0")}
    if isinstance(tree, Located):
        if isinstance(tree.value, tuple):
            return tuple(str(item.value) if isinstance(item, Located) else "" for item in tree.value)
        return str(tree.value) if tree.value is not None else ""
    return ""


# --- The translation, checked, and the procedure in a language ---------------------------------------------


@dataclass(frozen=True)
class Translation:
    """A translation file that passed its check against the current English file."""

    path: str
    procedure_id: str
    language: str
    source_sha256: str
    translator: str
    reviewer: str
    approved: bool
    approved_on: date | None
    note: str
    texts: Mapping[str, Texts]
    sha256: str = ""  # of the translation file's own bytes, as checked: for the audit of what a patient read

    @property
    def is_draft(self) -> bool:
        return not self.approved

    @property
    def approval(self) -> str:
        """ "Translation approved by X on ..." or "Translation DRAFT - not yet approved", for the nurse and sheet."""
        if self.approved and self.approved_on is not None:
            return f"Translation approved by {self.reviewer} on {day_month_year(self.approved_on)}"
        return "Translation DRAFT - not yet approved"


def template(procedure: Procedure, language: str, translator: str = "", note: str = "") -> str:
    """A new translation file for ``procedure``: the headings, and every English text in place to be translated.

    The translator replaces each text and keeps every key; ``main.py check`` then compares it with the English.
    """
    import yaml

    header = {
        "translation_version": TRANSLATION_VERSION,
        "procedure": procedure.id,
        "language": language,
        "source_sha256": procedure.content_hash,
        "translator": translator,
        "reviewer": "",
        "approved": False,
        "note": note,
    }
    texts = _plain_tree(source_texts(procedure))
    body = yaml.safe_dump({**header, "text": texts}, allow_unicode=True, sort_keys=False, width=110)
    english = Path(procedure.source_path).name
    return (
        f"# Translation of {english} into '{language}'. Translate the texts only: keep every heading and id.\n"
        f"# The format is in procedures/README.md (Translations). Check with: python main.py check\n{body}"
    )


def _plain_tree(texts: Texts) -> Any:
    if isinstance(texts, Mapping):
        return {key: _plain_tree(value) for key, value in texts.items()}
    if isinstance(texts, tuple):
        return list(texts)
    return texts
