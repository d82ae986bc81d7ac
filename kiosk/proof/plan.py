"""What ``main.py preview`` shows an author: one set of pictures per combination of the factors a file uses.

A leaflet written with conditions gives different patients different advice; the author can only check that by
seeing each patient's version. The factors that matter are those the file's conditions name
(``Procedure.factors_used``), so a file with sedation and diabetic gets four patients: neither, each one alone,
and both. Plain Python (names, folders, the index page); the pictures are taken by ``kiosk.proof.run``.
"""

from __future__ import annotations

import html
import itertools
from collections.abc import Sequence
from dataclasses import dataclass, field
from pathlib import Path

from kiosk.content.model import FACTOR_LABELS, Factor, Procedure

MAX_COMBINATIONS = 64
"""Six factors (every one the kiosk knows) make 64 patients: the most a file can ask for."""


@dataclass(frozen=True)
class Combination:
    """One made-up patient: the factors the nurse ticked for them, out of those the file uses."""

    ticked: frozenset[Factor]
    used: tuple[Factor, ...]

    @property
    def slug(self) -> str:
        """The folder name: ``no-factors``, ``sedation``, ``diabetic+sedation`` (in the form's order)."""
        names = [factor.value for factor in self.used if factor in self.ticked]
        return "+".join(names) if names else "no-factors"

    @property
    def title(self) -> str:
        """ "Sedation given: yes · Diabetic: no" (or "Every patient" for a file without conditions)."""
        if not self.used:
            return "Every patient (this file has no conditions)"
        return " · ".join(
            f"{FACTOR_LABELS[factor].split(' (')[0]}: {'yes' if factor in self.ticked else 'no'}"
            for factor in self.used
        )


def combinations(procedure: Procedure, only: Sequence[str] = ()) -> tuple[Combination, ...]:
    """Every combination of the factors ``procedure`` uses, fewest ticks first, in the form's order.

    ``only``: just these, each written as the factors ticked joined by "+" in any order ("sedation",
    "diabetic+sedation") or "none"; a file using all six factors has 64 patients, more than an author may want
    to look through at once. Raises ``ValueError`` naming a factor the file does not use.
    """
    used = tuple(factor for factor in FACTOR_LABELS if factor in procedure.factors_used())
    found = [
        Combination(frozenset(ticked), used)
        for size in range(len(used) + 1)
        for ticked in itertools.combinations(used, size)
    ][:MAX_COMBINATIONS]
    if not only:
        return tuple(found)
    wanted: list[frozenset[Factor]] = []
    for text in only:
        names = [] if text.strip() in ("none", "no-factors", "") else [n.strip() for n in text.split("+")]
        unknown = [n for n in names if n not in {f.value for f in used}]
        if unknown:
            offered = ", ".join(f.value for f in used) or "none (the file has no conditions)"
            raise ValueError(f"'{unknown[0]}' is not a factor this file uses (it uses: {offered})")
        wanted.append(frozenset(Factor(n) for n in names))
    return tuple(c for c in found if c.ticked in wanted)


@dataclass
class Shots:
    """What was made for one combination: screen PNGs in walk order, the sheet PDF and its page PNGs."""

    combination: Combination
    screens: list[Path] = field(default_factory=list)
    sheet_pdf: Path | None = None
    sheet_pages: list[Path] = field(default_factory=list)


def write_index(folder: Path, procedure: Procedure, source: Path, made: list[Shots]) -> Path:
    """``index.html``: per combination, its screens and its sheet, each picture linked to its file."""

    def rel(path: Path) -> str:
        return html.escape(path.relative_to(folder).as_posix(), quote=True)

    parts = [
        "<!doctype html>",
        '<html lang="en"><head><meta charset="utf-8">',
        f"<title>Preview: {html.escape(procedure.title)}</title>",
        "<style>body{font-family:sans-serif;margin:2em}img{width:320px;border:1px solid #888;margin:4px}"
        "figure{display:inline-block;margin:0 8px 8px 0;vertical-align:top}figcaption{font-size:80%}"
        "h2{margin-top:2em;border-top:2px solid #333;padding-top:.5em}</style></head><body>",
        f"<h1>{html.escape(procedure.title)}</h1>",
        f"<p>From <code>{html.escape(str(source))}</code>, version {html.escape(procedure.document.version)}, "
        f"{html.escape(procedure.document.approval)}. {len(made)} patient(s): one for each combination of the "
        "factors this file's conditions use.</p>",
        "<ul>",
        *(
            f'<li><a href="#{html.escape(s.combination.slug)}">{html.escape(s.combination.title)}</a></li>'
            for s in made
        ),
        "</ul>",
    ]
    for shots in made:
        parts.append(f'<h2 id="{html.escape(shots.combination.slug)}">{html.escape(shots.combination.title)}</h2>')
        parts.append("<h3>Screens</h3>")
        parts += [
            f'<figure><a href="{rel(p)}"><img src="{rel(p)}" alt="{html.escape(p.stem)}"></a>'
            f"<figcaption>{html.escape(p.stem)}</figcaption></figure>"
            for p in shots.screens
        ]
        parts.append("<h3>Sheet</h3>")
        if shots.sheet_pdf is not None:
            parts.append(f'<p><a href="{rel(shots.sheet_pdf)}">{html.escape(shots.sheet_pdf.name)}</a></p>')
        parts += [
            f'<figure><a href="{rel(p)}"><img src="{rel(p)}" alt="{html.escape(p.stem)}"></a>'
            f"<figcaption>{html.escape(p.stem)}</figcaption></figure>"
            for p in shots.sheet_pages
        ]
    parts.append("</body></html>")
    index = folder / "index.html"
    index.write_text("\n".join(parts) + "\n", encoding="utf-8")
    return index


def write_listing(folder: Path, made: list[Shots]) -> Path:
    """``README.txt``: the same as the index as plain text, for a terminal or a file manager."""
    lines = []
    for shots in made:
        lines.append(f"{shots.combination.slug}/  {shots.combination.title}")
        lines += [f"    {p.relative_to(folder).as_posix()}" for p in (*shots.screens, *shots.sheet_pages)]
        if shots.sheet_pdf is not None:
            lines.append(f"    {shots.sheet_pdf.relative_to(folder).as_posix()}")
    listing = folder / "README.txt"
    listing.write_text("\n".join(lines) + "\n", encoding="utf-8")
    return listing
