"""Print the goal table and the growth table from the JSON that pytest-benchmark wrote in the run just finished.

``./kiosk.sh bench`` runs the benchmarks into a fresh temporary file and then this, so every figure comes from
that one run. A ratio goal is one benchmark that alternated floor and measurement (``paired.py``): the table
shows the median of the paired ratios with their range, and the goal holds only when the ratios' upper quartile
is within the limit. The growth table shows the history benchmarks at each size, so cost against history shows.
"""

from __future__ import annotations

import json
import sys
from pathlib import Path
from typing import Any

from tests.benchmarks.goals import GOALS, Goal

Row = tuple[str, str, str, str, str]


def _found(data: dict[str, Any]) -> dict[tuple[str, str], dict[str, Any]]:
    found: dict[tuple[str, str], dict[str, Any]] = {}
    for bench in data.get("benchmarks", []):
        role = bench.get("extra_info", {}).get("role", "")
        found[(bench.get("group") or "", role)] = bench
    return found


def _ms(value: float) -> str:
    return f"{value:.2f} ms" if value < 1000 else f"{value / 1000:.2f} s"


def _median_ms(bench: dict[str, Any] | None) -> str:
    return _ms(bench["stats"]["median"] * 1000) if bench else "-"


def _yes(holds: bool) -> str:
    return "yes" if holds else "NO"


def row(goal: Goal, found: dict[tuple[str, str], dict[str, Any]]) -> Row:
    pair = found.get((goal.id, "paired"))
    if goal.kind == "ratio" and pair is not None:
        info = pair["extra_info"]
        q3 = float(info["ratio_q3"])
        ratio = f"{info['ratio_median']:.2f}x [{info['ratio_min']:.2f}-{info['ratio_max']:.2f}] q3 {q3:.2f}"
        block = int(info.get("block", 1))
        pairs = f"{info['rounds']} pairs" + (f" of {block} alternations" if block > 1 else "")
        figure = f"{ratio} (<= {goal.limit:g}x, {pairs})"
        return goal.title, _ms(info["floor_ms"]), _ms(info["measured_ms"]), figure, _yes(q3 <= goal.limit)
    floor = found.get((goal.id, "floor"))
    measured = found.get((goal.id, "measured"))
    if measured is None:
        return goal.title, _median_ms(floor), "-", "-", "NOT RUN"
    if goal.kind == "mb":
        mb = float(measured["extra_info"]["mb"])
        floor_mb = measured["extra_info"].get("floor_mb")
        shown = "-" if floor_mb is None else f"{float(floor_mb):.1f} MB"
        return goal.title, shown, f"{mb:.1f} MB", f"<= {goal.limit:g} MB", _yes(mb <= goal.limit)
    median_ms = float(measured["extra_info"].get("ms", measured["stats"]["median"] * 1000))
    if goal.kind == "ms":
        return goal.title, _median_ms(floor), _ms(median_ms), f"<= {goal.limit:g} ms", _yes(median_ms <= goal.limit)
    return goal.title, _median_ms(floor), _ms(median_ms), "-", "NOT PAIRED"


def _render(rows: list[tuple[str, ...]]) -> list[str]:
    widths = [max(len(r[i]) for r in rows) for i in range(len(rows[0]))]
    lines = [" | ".join(cell.ljust(widths[i]) for i, cell in enumerate(r)).rstrip() for r in rows]
    lines.insert(1, "-+-".join("-" * w for w in widths))
    return lines


def growth_rows(data: dict[str, Any]) -> list[tuple[str, ...]]:
    """One line per history figure and size: measured, floor and ratio (or MB) as the history grows."""
    lines: list[tuple[str, ...]] = []
    for bench in data.get("benchmarks", []):
        info = bench.get("extra_info", {})
        if "growth" not in info:
            continue
        size = f"{info['discharges']:,} discharges / {info['audit_rows']:,} audit rows"
        if "mb" in info:
            cells = (f"{info['mb']:.1f} MB", f"{info.get('floor_mb', 0):.1f} MB", "-")
        else:
            cells = (_ms(info["measured_ms"]), _ms(info["floor_ms"]), f"{info['ratio_median']:.2f}x")
        lines.append((info["growth"], size, *cells))
    lines.sort(key=lambda line: (line[0], int(line[1].split()[0].replace(",", ""))))
    return lines


def table(data: dict[str, Any]) -> str:
    found = _found(data)
    header: Row = ("goal", "floor (median)", "measured (median)", "ratio: median [range] upper quartile", "holds")
    lines = _render([header, *(row(goal, found) for goal in GOALS)])
    grown = growth_rows(data)
    if grown:
        lines += ["", *_render([("history", "size", "measured", "floor", "ratio"), *grown])]
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
