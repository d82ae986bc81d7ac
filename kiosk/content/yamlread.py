"""Turning a file's bytes into a YAML node tree, safely, or saying in plain words why not.

Only the C safe composer runs (``yaml.compose`` with ``CSafeLoader``): it builds nodes with line numbers and
never constructs Python objects, so a ``!!python/object`` tag cannot run anything; such tags are reported.
Three things could still hurt the kiosk and are refused before or right after composing:

- a huge file (a procedure is a few kilobytes; the limit is far above that);
- very deep nesting, which overflows the C stack inside libyaml and kills the process (about 20,000 levels
  here): a cheap upper bound on the depth is computed from the bytes, and only a file that could be deep is
  measured exactly, with the event parser, which does not recurse;
- an "alias bomb" (anchors ``&`` and aliases ``*`` that repeat each other a billion times): composing shares
  the repeated nodes, so it is quick, and the expanded size is counted once per distinct node before anyone
  walks the tree.
"""

from __future__ import annotations

import yaml
from yaml.nodes import MappingNode, Node, ScalarNode, SequenceNode

from kiosk.content.problems import Collector

MAX_FILE_BYTES = 512 * 1024
MAX_DEPTH = 40
MAX_EXPANDED_NODES = 20_000
# Above this bound on the nesting depth, the exact depth is measured (see _depth_bound).
_DEPTH_PRECHECK = 400

_YAML = "tag:yaml.org,2002:"
MAP_TAG = _YAML + "map"
SEQ_TAG = _YAML + "seq"
STR_TAG = _YAML + "str"
NULL_TAG = _YAML + "null"
BOOL_TAG = _YAML + "bool"
INT_TAG = _YAML + "int"
FLOAT_TAG = _YAML + "float"
TIMESTAMP_TAG = _YAML + "timestamp"
MERGE_TAG = _YAML + "merge"
# The tags plain YAML text resolves to. Anything else was written on purpose (!!python/object, !!binary, !foo).
STANDARD_TAGS = frozenset(
    {MAP_TAG, SEQ_TAG, STR_TAG, NULL_TAG, BOOL_TAG, INT_TAG, FLOAT_TAG, TIMESTAMP_TAG, _YAML + "value"}
)

# libyaml's wording -> a hint an author can act on. Matched as substrings of the problem, first match wins.
_SYNTAX_HINTS: tuple[tuple[str, str], ...] = (
    ("mapping values are not allowed", "put a text that contains ': ' in quotes, or check this line's indentation"),
    ("could not find expected ':'", "each heading needs a ':' after it; check this line and the one before"),
    ("did not find expected key", "this line is not lined up with the headings around it: check its indentation"),
    ("did not find expected '-'", "this list item is not lined up with the items above it"),
    ("expected <block end>", "this line is not lined up with the lines around it: check its indentation"),
    ("found undefined alias", "a text that starts with '*' must be put in quotes"),
    ("found character that cannot start any token", "a text that starts with @, ` or % must be put in quotes"),
    ("end of stream", "a quote or bracket is opened but never closed"),
    (
        "expected ',' or ']'",
        "a '[' on this line is never closed: add the ']' at the end of the list, or quote the text",
    ),
    ("expected ',' or '}'", "a '{' on this line is never closed: add the '}', or quote the text"),
    ("expected a single document", "remove the extra '---' line: one procedure per file"),
    ("found duplicate anchor", "each '&name' may be used only once"),
)
_DEFAULT_SYNTAX_HINT = "check the spacing and indentation of this line and the line before it"


def _line(node: Node) -> int:
    return int(node.start_mark.line) + 1


def compose(data: bytes, collector: Collector) -> Node | None:
    """The file's node tree, or None after recording why it cannot be used."""
    if len(data) > MAX_FILE_BYTES:
        collector.error(
            None,
            "",
            f"the file is too big ({len(data) // 1024} KB; a procedure file is a few KB)",
            f"a procedure file may be at most {MAX_FILE_BYTES // 1024} KB: is this the right file?",
        )
        return None
    if not data.strip():
        collector.error(None, "", "the file is empty", "start from an existing procedure file and change it")
        return None
    if _depth_bound(data) > _DEPTH_PRECHECK:
        deepest_line = _too_deep(data)
        if deepest_line is not None:
            collector.error(
                deepest_line,
                "",
                f"lists and headings are nested more than {MAX_DEPTH} levels deep",
                "a procedure file needs only a few levels: check the indentation and the brackets",
            )
            return None
    try:
        root = yaml.compose(data, Loader=yaml.CSafeLoader)
    except yaml.MarkedYAMLError as exc:
        _syntax_error(exc, data, collector)
        return None
    except yaml.reader.ReaderError as exc:
        line = data[: exc.position].count(b"\n") + 1 if isinstance(exc.position, int) else None
        collector.error(
            line,
            "",
            f"the file is not plain text saved as UTF-8 ({exc.reason})",
            "save it from your editor as 'UTF-8' text; a word-processor document cannot be used",
        )
        return None
    except yaml.YAMLError as exc:
        collector.error(None, "", f"this is not valid YAML: {exc}", _DEFAULT_SYNTAX_HINT)
        return None
    if root is None:
        collector.error(None, "", "the file has no content, only comments", "start from an existing procedure file")
        return None
    # An alias is written with '*' and a merge key with '<<'; a tag needs '!'. Without those bytes the
    # tree is a plain tree with standard tags, and the extra walks below are skipped.
    if b"*" in data and not _alias_size_ok(root, collector):
        return None
    if b"!" in data or b"<<" in data:
        _report_tags(root, collector)
    return root


def _syntax_error(exc: yaml.MarkedYAMLError, data: bytes, collector: Collector) -> None:
    mark = exc.problem_mark or exc.context_mark
    problem = " ".join(part for part in (exc.context, exc.problem) if part) or "unreadable"
    hint = next((h for pattern, h in _SYNTAX_HINTS if pattern in problem), _DEFAULT_SYNTAX_HINT)
    line = int(mark.line) + 1 if mark is not None else None
    last_line = max(1, len(data.splitlines()))
    if line is not None and line > last_line:
        # libyaml found the problem at the end of the file, one line past the last (an unclosed bracket or
        # quote): point where the unfinished part starts, or else at the last line, never past the end.
        opened = exc.context_mark
        line = int(opened.line) + 1 if opened is not None and opened.line < last_line else last_line
    if line is not None and b"\t" in (data.splitlines()[line - 1 : line] or [b""])[0]:
        hint = "indent with spaces, not tabs: this line has a tab in it"
    elif line is not None and (owner := _list_item_among_headings(data, line)) is not None:
        # A '- ' item written among headings: most often a second timing added under 'timing', which libyaml
        # can only call a mapping that "did not find expected key" (an indentation error to the author).
        if owner == "timing":
            collector.error(
                line,
                "",
                "a second timing cannot be added as a list item under 'timing'",
                "for several timings write 'timings:' (with an s, schema version 2) and start every timing with "
                "'- ', lined up: see 'Timings' in procedures/README.md",
            )
            return
        hint = (
            f"this line starts a list item ('- '), but '{owner}' above it holds headings, not a list: "
            "check its indentation, or put the list under a heading of its own"
        )
    collector.error(line, "", f"this is not valid YAML here: {problem}", hint)


def _list_item_among_headings(data: bytes, line: int) -> str | None:
    """The heading that owns the block a stray '- ' line (``line``, 1-based) follows, or None.

    Walking up from the line past deeper lines and sibling headings, the first heading with nothing after its
    colon (the start of a block) is the owner; a list item lined up with the line means it is a list, not this.
    """
    lines = data.decode("utf-8", "replace").splitlines()
    if not 1 <= line <= len(lines):
        return None
    text = lines[line - 1]
    if not text.lstrip().startswith("- "):
        return None
    indent = len(text) - len(text.lstrip())
    for above in reversed(lines[: line - 1]):
        stripped = above.split(" #", 1)[0].strip()
        depth = len(above) - len(above.lstrip())
        if not stripped or stripped.startswith("#") or depth > indent:
            continue
        if stripped.startswith("- "):
            if depth == indent:
                return None
            stripped = stripped[2:].strip()
        if stripped.endswith(":") and " " not in stripped[:-1]:
            return stripped[:-1]
        if depth < indent:
            return None
    return None


def _depth_bound(data: bytes) -> int:
    """An upper bound on how deeply the YAML in ``data`` can nest, computed without parsing.

    Block nesting needs more indentation per level (at most two levels per column: a mapping's list may sit at
    the mapping's own column), and flow nesting needs an opening bracket per level.
    """
    longest = max(map(len, data.splitlines()), default=0)
    return 2 * longest + 2 + data.count(b"[") + data.count(b"{")


def _too_deep(data: bytes) -> int | None:
    """The 1-based line where nesting first exceeds MAX_DEPTH, or None.

    This runs PyYAML's pure-Python event parser, not libyaml: it does not recurse, stops at the first level past
    MAX_DEPTH (so it reads only the start of a deep file), and has no nesting limit of its own. libyaml does, in
    some releases (0.2.5 as bundled with PyYAML 6.0.4: "exceeded maximum nesting depth"), so measuring with it
    would make the author's message depend on which PyYAML was installed that day.
    """
    depth = 0
    try:
        for event in yaml.parse(data, Loader=yaml.SafeLoader):
            if isinstance(event, yaml.CollectionStartEvent):
                depth += 1
                if depth > MAX_DEPTH:
                    return None if event.start_mark is None else int(event.start_mark.line) + 1
            elif isinstance(event, yaml.CollectionEndEvent):
                depth -= 1
    except yaml.YAMLError:
        return None  # composing will report the syntax error, at its line, before it gets deep
    return None


def _children(node: Node) -> list[Node]:
    if isinstance(node, MappingNode):
        return [child for pair in node.value for child in pair]
    if isinstance(node, SequenceNode):
        return list(node.value)
    return []


def _alias_size_ok(root: Node, collector: Collector) -> bool:
    """Refuse a tree whose aliases expand it beyond MAX_EXPANDED_NODES, or that contains itself.

    Sizes are memoised per distinct node, so a billion-laughs file costs a few hundred steps, not a billion.
    Iterative, so a long chain of aliases cannot exhaust Python's recursion limit.
    """
    sizes: dict[int, int] = {}
    in_progress: set[int] = set()
    stack: list[tuple[Node, bool]] = [(root, False)]
    while stack:
        node, finished = stack.pop()
        key = id(node)
        if finished:
            in_progress.discard(key)
            size = 1 + sum(sizes[id(child)] for child in _children(node))
            if size > MAX_EXPANDED_NODES:
                collector.error(
                    _line(node),
                    "",
                    f"anchors (&) and aliases (*) here repeat parts of the file into more than "
                    f"{MAX_EXPANDED_NODES:,} entries",
                    "write the text out in full instead of using & and *; a procedure file never needs them",
                )
                return False
            sizes[key] = size
            continue
        if key in sizes:
            continue
        if key in in_progress:
            collector.error(
                _line(node),
                "",
                "an alias (*) here refers to the list or heading that contains it, so it never ends",
                "write the text out in full instead of using & and *",
            )
            return False
        in_progress.add(key)
        stack.append((node, True))
        stack.extend((child, False) for child in _children(node) if id(child) not in sizes)
    return True


def tag_name(tag: str) -> str:
    """``tag:yaml.org,2002:python/object:os.system`` -> ``!!python/object:os.system``, as the author wrote it."""
    return "!!" + tag[len(_YAML) :] if tag.startswith(_YAML) else tag


def _report_tags(root: Node, collector: Collector) -> None:
    """Report every node with a tag that plain YAML would not give it; the validator then skips such nodes."""
    seen: set[int] = set()
    stack: list[Node] = [root]
    while stack:
        node = stack.pop()
        if id(node) in seen:
            continue
        seen.add(id(node))
        if node.tag not in STANDARD_TAGS:
            if node.tag == MERGE_TAG:
                collector.error(
                    _line(node),
                    "",
                    "'<<' (merging one heading's contents into another) is not supported",
                    "write the headings out in full",
                )
            else:
                collector.error(
                    _line(node),
                    "",
                    f"the YAML tag '{tag_name(node.tag)}' is not allowed",
                    "remove it: a procedure file holds only text, numbers, dates, yes/no, lists and headings",
                )
        if not isinstance(node, ScalarNode):
            stack.extend(_children(node))
