"""Problems found in procedure files, worded for the leaflet author who has to fix them.

A problem always says which file, which line and which heading (key path), what is wrong in plain words, and a
hint on how to fix it. The validator collects every problem in a file before giving up, so an author fixes
them all in one go instead of one per run.
"""

from __future__ import annotations

from dataclasses import dataclass
from enum import StrEnum

from kiosk.errors import KioskError


class Severity(StrEnum):
    """An error stops the file from being used; a warning (e.g. review date passed) does not."""

    ERROR = "error"
    WARNING = "warning"


@dataclass(frozen=True)
class Problem:
    """One thing wrong with one procedure file (or the folder), with where it is and how to fix it.

    ``line`` is 1-based, as an editor shows it; None when the problem is about the whole file or folder.
    ``key_path`` names the heading, e.g. ``steps[3].condition.all_of`` (list items counted from 1, like lines).
    """

    file: str
    line: int | None
    key_path: str
    message: str
    hint: str = ""
    severity: Severity = Severity.ERROR

    @property
    def is_error(self) -> bool:
        return self.severity is Severity.ERROR

    @property
    def location(self) -> str:
        return f"{self.file}:{self.line}" if self.line is not None else self.file

    def __str__(self) -> str:
        """One line for the terminal or the nurse's list; a YAML key or value quoted in the message cannot hide
        a control or text-direction character in it (issue 13 F8)."""
        from kiosk.text import shown

        text = f"{self.location}: "
        if self.key_path:
            text += f"{self.key_path}: "
        if self.severity is Severity.WARNING:
            text += "warning: "
        text += self.message
        if self.hint:
            text += f" ({self.hint})"
        return shown(text, limit=None)


def count_label(problems: tuple[Problem, ...] | list[Problem]) -> str:
    """ "ok", "1 warning", "2 errors, 1 warning": how the check command and the app summarise one file."""
    errors = sum(1 for p in problems if p.is_error)
    warnings = len(problems) - errors
    parts = []
    if errors:
        parts.append(f"{errors} error{'s' if errors != 1 else ''}")
    if warnings:
        parts.append(f"{warnings} warning{'s' if warnings != 1 else ''}")
    return ", ".join(parts) if parts else "ok"


class ContentError(KioskError):
    """A procedure file that cannot be used; ``problems`` lists everything wrong with it, in file order.

    ``hint`` is the first error in full, so a one-line display still says where to start.
    """

    def __init__(self, file: str, problems: tuple[Problem, ...]) -> None:
        errors = [p for p in problems if p.is_error]
        first = errors[0] if errors else (problems[0] if problems else None)
        title = f"{file} cannot be used: {count_label(problems)}"
        hint = str(first) if first else ""
        super().__init__(title, hint)
        self.file = file
        self.problems = problems


class Collector:
    """Gathers the problems of one file while the validator walks it.

    Passed down the walk instead of raising, so one mistake does not hide the next.
    """

    __slots__ = ("file", "problems")

    def __init__(self, file: str) -> None:
        self.file = file
        self.problems: list[Problem] = []

    def error(self, line: int | None, key_path: str, message: str, hint: str = "") -> None:
        self.problems.append(Problem(self.file, line, key_path, message, hint, Severity.ERROR))

    def warning(self, line: int | None, key_path: str, message: str, hint: str = "") -> None:
        self.problems.append(Problem(self.file, line, key_path, message, hint, Severity.WARNING))

    @property
    def has_errors(self) -> bool:
        return any(p.is_error for p in self.problems)

    def sorted(self) -> tuple[Problem, ...]:
        """In file order (line), file-wide problems first, so the author can work down the file."""
        return tuple(sorted(self.problems, key=lambda p: (p.line or 0, p.key_path)))
