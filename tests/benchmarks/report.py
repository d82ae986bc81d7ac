"""Print the goal table from the JSON that pytest-benchmark wrote in the run that just finished.

``./kiosk.sh bench`` runs the benchmarks into a fresh temporary file and then this, so every figure in the
table comes from that one run, floors and measurements side by side.
"""

from __future__ import annotations

import json
import sys
from pathlib import Path
from typing import Any

from tests.benchmarks.goals import GOALS, Goal


def _medians(data: dict[str, Any]) -> dict[tuple[str, str], dict[str, Any]]:
    found: dict[tuple[str, str], dict[str, Any]] = {}
    for bench in data.get("benchmarks", []):
        role = bench.get("extra_info", {}).get("role", "")
        found[(bench.get("group") or "", role)] = bench
    return found


def _ms(bench: dict[str, Any] | None) -> str:
    return f"{bench['stats']['median'] * 1000:.2f} ms" if bench else "-"


def row(goal: Goal, found: dict[tuple[str, str], dict[str, Any]]) -> tuple[str, str, str, str, str]:
    floor = found.get((goal.id, "floor"))
    measured = found.get((goal.id, "measured"))
    if measured is None:
        return goal.title, _ms(floor), "-", "-", "NOT RUN"
    if goal.kind == "mb":
        mb = float(measured["extra_info"]["mb"])
        return goal.title, "-", f"{mb:.1f} MB", f"<= {goal.limit:g} MB", "yes" if mb <= goal.limit else "NO"
    median_ms = measured["stats"]["median"] * 1000
    if goal.kind == "ms":
        holds = median_ms <= goal.limit
        return goal.title, _ms(floor), f"{median_ms:.2f} ms", f"<= {goal.limit:g} ms", "yes" if holds else "NO"
    if floor is None:
        return goal.title, "-", f"{median_ms:.2f} ms", "-", "NO FLOOR"
    ratio = measured["stats"]["median"] / floor["stats"]["median"]
    return (
        goal.title,
        _ms(floor),
        f"{median_ms:.2f} ms",
        f"{ratio:.2f}x (<= {goal.limit:g}x)",
        ("yes" if ratio <= goal.limit else "NO"),
    )


def table(data: dict[str, Any]) -> str:
    found = _medians(data)
    header = ("goal", "floor (median)", "measured (median)", "ratio", "holds")
    rows = [header, *(row(goal, found) for goal in GOALS)]
    widths = [max(len(r[i]) for r in rows) for i in range(len(header))]
    lines = [" | ".join(cell.ljust(widths[i]) for i, cell in enumerate(r)) for r in rows]
    lines.insert(1, "-+-".join("-" * w for w in widths))
    machine = data.get("machine_info", {})
    lines.append("")
    lines.append(f"machine: {machine.get('cpu', {}).get('brand_raw', '?')}, python {machine.get('python_version')}")
    return "\n".join(lines)


def main(argv: list[str]) -> int:
    data = json.loads(Path(argv[1]).read_text(encoding="utf-8"))
    print(table(data))
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv))
