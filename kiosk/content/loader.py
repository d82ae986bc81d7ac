"""Loading procedure files into ``Procedure`` objects, and the library of all of them.

One pass: the file's bytes are hashed and composed once (``yamlread``), then the schema (``schema``) reads the
node tree straight into the frozen model, collecting every problem on the way. Nothing is deep-copied and no
intermediate Python objects are constructed, which keeps loading a large library close to the cost of
parsing it.

The app starts with whatever loads: a bad file becomes problems in ``Library.problems`` (shown to the nurse and
by ``main.py check``), never an exception that stops the kiosk.
"""

from __future__ import annotations

import hashlib
from dataclasses import dataclass
from datetime import date
from pathlib import Path
from typing import Any

from yaml.nodes import MappingNode, Node, ScalarNode

from kiosk import paths
from kiosk.content import coverage
from kiosk.content.kinds import IDENTIFIER, INVALID, Walk
from kiosk.content.model import SCHEMA_VERSION, SUPPORTED_VERSIONS, DocumentControl, Procedure, ReviewState
from kiosk.content.problems import Collector, ContentError, Problem, Severity, count_label
from kiosk.content.schema import DOCUMENT, PROCEDURE
from kiosk.content.yamlread import compose

__all__ = [
    "ContentError",
    "FileReport",
    "Library",
    "Problem",
    "Severity",
    "check_file",
    "load_library",
    "load_procedure",
]

SUFFIX = ".yaml"


@dataclass(frozen=True)
class FileReport:
    """What became of one file: its procedure (None if it has errors) and every problem found in it."""

    file: str
    procedure: Procedure | None
    problems: tuple[Problem, ...]

    @property
    def errors(self) -> tuple[Problem, ...]:
        return tuple(p for p in self.problems if p.is_error)

    @property
    def warnings(self) -> tuple[Problem, ...]:
        return tuple(p for p in self.problems if not p.is_error)

    @property
    def summary(self) -> str:
        """ "ok", "1 warning", "3 errors"."""
        return count_label(self.problems)


@dataclass(frozen=True)
class Library:
    """Every procedure that loaded, sorted by title, and every problem found (errors and warnings)."""

    directory: str
    procedures: tuple[Procedure, ...]
    problems: tuple[Problem, ...]
    reports: tuple[FileReport, ...] = ()

    def get(self, procedure_id: str) -> Procedure:
        for procedure in self.procedures:
            if procedure.id == procedure_id:
                return procedure
        raise KeyError(procedure_id)

    def ids(self) -> tuple[str, ...]:
        return tuple(procedure.id for procedure in self.procedures)

    @property
    def has_errors(self) -> bool:
        return any(problem.is_error for problem in self.problems)


def load_procedure(path: Path, today: date | None = None) -> Procedure:
    """The procedure in ``path``; raises ``ContentError`` listing every problem if the file has any error.

    Warnings (a review date that has passed or is near) do not stop it loading: ask ``Procedure.review_state``.
    """
    report = check_file(path, today)
    if report.procedure is None:
        raise ContentError(report.file, report.problems)
    return report.procedure


def load_library(directory: Path | None = None, today: date | None = None, *, readability: bool = False) -> Library:
    """Every ``*.yaml`` file in ``directory`` (default: the shipped or configured library). Never raises.

    ``readability`` adds the authors' readability warnings (``main.py check``); the kiosk itself skips them.
    """
    folder = Path(directory) if directory is not None else paths.procedures_dir()
    if not folder.is_dir():
        problem = Problem(
            str(folder),
            None,
            "",
            "the procedures folder does not exist",
            "check the folder name; procedure files are kept in the 'procedures' folder of the kiosk",
        )
        return Library(str(folder), (), (problem,))
    files, ignored = _procedure_files(folder)
    reports = [check_file(path, today, readability=readability) for path in files]
    problems = [problem for report in reports for problem in report.problems]
    procedures = [report.procedure for report in reports if report.procedure is not None]
    # A file's warnings about the library belong to that file's report too, so its summary counts them.
    same_titles = _same_titles(procedures)
    reports = [_with_problems(report, [p for p in same_titles if p.file == report.file]) for report in reports]
    problems.extend(same_titles)
    problems.extend(ignored)
    if not files:
        problems.append(
            Problem(
                str(folder),
                None,
                "",
                f"there are no procedure files (*{SUFFIX}) in this folder",
                "copy a procedure file here, or point the kiosk at the folder that has them",
            )
        )
    procedures.sort(key=lambda p: (p.title.casefold(), p.id))
    return Library(str(folder), tuple(procedures), tuple(problems), tuple(reports))


def _procedure_files(folder: Path) -> tuple[list[Path], list[Problem]]:
    files: list[Path] = []
    ignored: list[Problem] = []
    for path in sorted(folder.iterdir()):
        name = path.name
        if name.startswith((".", "~")) or name.endswith("~") or not path.is_file():
            continue  # hidden files, editor backups and lock files, sub-folders
        if path.suffix == SUFFIX:
            files.append(path)
        elif (problem := not_loaded_by_name(path)) is not None:
            ignored.append(problem)
    return files, ignored


def not_loaded_by_name(path: Path) -> Problem | None:
    """The warning for a YAML file the kiosk skips because of its name (``.yml``, ``.YAML``), else None.

    Also given when such a file is checked on its own, so "ok" never means "ok, but never offered to nurses".
    """
    if path.suffix == SUFFIX or path.suffix.lower() not in (".yaml", ".yml"):
        return None
    return Problem(
        str(path),
        None,
        "",
        "this file is not loaded because its name does not end in '.yaml'",
        f"rename it to {path.stem.lower()}{SUFFIX}",
        Severity.WARNING,
    )


def _with_problems(report: FileReport, extra: list[Problem]) -> FileReport:
    if not extra:
        return report
    problems = tuple(sorted((*report.problems, *extra), key=lambda p: (p.line or 0, p.key_path)))
    return FileReport(report.file, report.procedure, problems)


def _key_line(path: str, key: str) -> int | None:
    """The line where a top-level heading is written, read back from the file (the model keeps no lines)."""
    try:
        lines = Path(path).read_text(encoding="utf-8").splitlines()
    except (OSError, UnicodeDecodeError):
        return None
    return next((number for number, line in enumerate(lines, 1) if line.startswith(f"{key}:")), None)


def _same_titles(procedures: list[Procedure]) -> list[Problem]:
    """Two procedures with one title could be confused when the nurse picks one (hazard H1)."""
    by_title: dict[str, list[Procedure]] = {}
    for procedure in procedures:
        by_title.setdefault(procedure.title.casefold(), []).append(procedure)
    problems = []
    for same in by_title.values():
        if len(same) > 1:
            names = ", ".join(Path(p.source_path).name for p in same)
            for procedure in same:
                problems.append(
                    Problem(
                        procedure.source_path,
                        _key_line(procedure.source_path, "title"),
                        "title",
                        f"the title '{procedure.title}' is used by more than one file ({names})",
                        "give each procedure its own title, so a nurse cannot pick the wrong one",
                        Severity.WARNING,
                    )
                )
    return problems


def check_file(path: Path, today: date | None = None, *, readability: bool = False) -> FileReport:
    """Validate one file and report everything about it; the procedure is None when there is any error.

    ``readability`` also warns about long sentences and headings and hard text (``kiosk.content.readability``):
    for authors, in ``main.py check``; the kiosk does not need it to load a file, so it does not pay for it.
    """
    path = Path(path)
    file = str(path)
    collector = Collector(file)
    try:
        data = path.read_bytes()
    except OSError as exc:
        reason = exc.strerror or str(exc)
        collector.error(None, "", f"the file cannot be read ({reason})", "check it exists and the kiosk may read it")
        return FileReport(file, None, collector.sorted())
    if not IDENTIFIER.fullmatch(path.stem):
        collector.error(
            None,
            "",
            f"the file name '{path.name}' cannot be used: it is the procedure's id",
            "name it in lowercase letters, digits and hyphens, e.g. nerve-root-block.yaml",
        )
    root = compose(data, collector)
    version = _schema_version(root, collector) if root is not None else None
    if root is None or version is None:
        return FileReport(file, None, collector.sorted())
    walk = Walk(collector, version)
    values = PROCEDURE.read(root, walk, "")
    if readability:
        from kiosk.content import readability as reading_age

        reading_age.check(root, collector)
    today = today or date.today()
    if values is INVALID or collector.has_errors:
        # Still tell the author about the review date, so one run shows everything.
        document_node = _value_node(root, "document")
        if document_node is not None:
            document = DOCUMENT.read(document_node, Walk(Collector(file)), "document")
            if document is not INVALID:
                _review_warnings(document, root, collector, today)
        return FileReport(file, None, collector.sorted())
    procedure = Procedure(
        id=path.stem,
        content_hash=hashlib.sha256(data).hexdigest(),
        source_path=file,
        **_model_values(values),
    )
    covered = coverage.check(procedure, walk, root)
    _review_warnings(procedure.document, root, collector, today)
    return FileReport(file, procedure if covered else None, collector.sorted())


def _model_values(values: dict[str, Any]) -> dict[str, Any]:
    """The file's values as ``Procedure`` fields. Version 2's groups are kept most urgent first, and their signs
    are also the flat ``red_flags`` (each calling its group's contacts), so version-1 code shows them all."""
    values = dict(values)
    groups = tuple(sorted(values.pop("warning_signs", ()) or (), key=lambda group: group.urgency.rank))
    if groups:
        values["red_flags"] = tuple(sign for group in groups for sign in group.signs)
        values["red_flag_advice"] = ""
    values["warning_groups"] = groups
    return values


def _value_node(mapping: Node, key: str) -> Node | None:
    if isinstance(mapping, MappingNode):
        for key_node, value_node in mapping.value:
            if isinstance(key_node, ScalarNode) and key_node.value == key:
                value: Node = value_node
                return value
    return None


def _schema_version(root: Node, collector: Collector) -> int | None:
    """The file's schema version (1 when it is missing or unreadable: that is reported by the schema itself),
    or None for a file written for a version this kiosk does not read: its other problems would only be noise."""
    node = _value_node(root, "schema_version")
    if isinstance(node, ScalarNode) and node.value.strip().isdigit():
        version = int(node.value)
        if version not in SUPPORTED_VERSIONS:
            readable = " and ".join(str(v) for v in SUPPORTED_VERSIONS)
            collector.error(
                int(node.start_mark.line) + 1,
                "schema_version",
                f"this file is written for schema version {version}, but this kiosk reads versions {readable}",
                "update the kiosk, or write the file for version "
                f"{SCHEMA_VERSION} as described in procedures/README.md",
            )
            return None
        return version
    return 1


def _review_warnings(document: DocumentControl, root: Node, collector: Collector, today: date) -> None:
    state = document.review_state(today)
    if state is ReviewState.CURRENT:
        return
    review = document.review
    node = _value_node(_value_node(root, "document") or root, "review")
    line = int(node.start_mark.line) + 1 if node is not None else None
    when = f"{review.day} {review:%B %Y}"
    if state is ReviewState.EXPIRED:
        collector.warning(
            line,
            "document.review",
            f"the review date ({when}) has passed: this leaflet is out of date (EXPIRED)",
            "it still loads, but the nurse must give a reason each time it is used; "
            "review the content and set a new review date",
        )
    else:
        days = (review - today).days
        collector.warning(
            line,
            "document.review",
            f"the review date ({when}) is {'today' if days == 0 else f'in {days} days'} (due soon)",
            "plan the review now, before the leaflet expires",
        )
