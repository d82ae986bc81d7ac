"""The goal table: ratios come from the floor and the measurement of the same run, and misses are flagged."""

from __future__ import annotations

from typing import Any

from tests.benchmarks.report import table


def bench(group: str, role: str, median_s: float, **extra: Any) -> dict[str, Any]:
    return {"group": group, "extra_info": {"role": role, **extra}, "stats": {"median": median_s}}


def line_for(text: str, title_start: str) -> str:
    return next(line for line in text.splitlines() if line.startswith(title_start))


def test_ratio_is_measured_over_floor_and_judged_against_the_limit() -> None:
    text = table(
        {
            "benchmarks": [
                bench("records", "floor", 0.002),
                bench("records", "measured", 0.0026),
                bench("sheet-normal", "floor", 0.003),
                bench("sheet-normal", "measured", 0.030),
            ]
        }
    )
    assert "1.30x (<= 1.5x)" in line_for(text, "one committed confirmation")
    assert line_for(text, "one committed confirmation").rstrip().endswith("yes")
    assert "10.00x" in line_for(text, "normal 2-page sheet")
    assert line_for(text, "normal 2-page sheet").rstrip().endswith("NO")


def test_missing_measurements_are_reported_not_hidden() -> None:
    text = table({"benchmarks": [bench("records", "measured", 0.001)]})
    assert line_for(text, "one committed confirmation").rstrip().endswith("NO FLOOR")
    assert line_for(text, "load + validate 500").rstrip().endswith("NOT RUN")


def test_absolute_goals() -> None:
    text = table(
        {
            "benchmarks": [
                bench("ui-step", "measured", 0.020),
                bench("ui-memory", "measured", 1.0, mb=4.5),
            ]
        }
    )
    assert line_for(text, "step-to-step").rstrip().endswith("NO")
    assert "4.5 MB" in line_for(text, "RSS growth")
    assert line_for(text, "RSS growth").rstrip().endswith("yes")
