"""The app's own error types.

A person sees these: each carries a title and a hint they can act on. Problems of the environment (disk full,
printer off, database locked) are separate from bugs, which are logged and shown only as "please ask a nurse".
"""

from __future__ import annotations


class KioskError(Exception):
    """A problem a nurse, an author or IT can act on; ``hint`` says how."""

    def __init__(self, title: str, hint: str = "") -> None:
        super().__init__(title if not hint else f"{title} ({hint})")
        self.title = title
        self.hint = hint


class EnvironmentProblem(KioskError):
    """Something outside the program is wrong: disk full, folder read-only, printer off, database locked."""


class ConfigError(KioskError):
    """The ward's config file cannot be read or has a bad value."""
