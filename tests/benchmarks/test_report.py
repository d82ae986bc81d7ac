"""The goal table: a ratio goal is judged on the upper quartile of its paired ratios, and misses are flagged."""

from __future__ import annotations

import time
from typing import Any

from tests.benchmarks.paired import Paired, alternate
from tests.benchmarks.report import table


def bench(group: str, role: str, median_s: float, **extra: Any) -> dict[str, Any]:
    return {"group": group, "extra_info": {"role": role, **extra}, "stats": {"median": median_s}}


def pair(group: str, floors: list[float], measures: list[float], **extra: Any) -> dict[str, Any]:
    info = Paired(tuple(floors), tuple(measures)).info()
    return {"group": group, "extra_info": {**info, **extra}, "stats": {"median": 1.0}}


def line_for(text: str, title_start: str) -> str:
    return next(line for line in text.splitlines() if line.startswith(title_start))


def test_a_goal_holds_only_when_the_upper_quartile_of_the_paired_ratios_is_within_it() -> None:
    text = table(
        {
            "benchmarks": [
                pair("records", [1.0, 1.0, 1.0, 1.0, 1.0], [1.2, 1.3, 1.3, 1.4, 1.4]),
                # median 1.4 is within 1.5x, but a quarter of the pairs are above it: not held
                pair("content", [1.0] * 5, [1.2, 1.4, 1.4, 1.6, 1.6]),
            ]
        }
    )
    records = line_for(text, "one committed confirmation")
    assert "1.30x [1.20-1.40] q3 1.40" in records and "5 pairs" in records
    assert records.rstrip().endswith("yes")
    content = line_for(text, "load + validate 500")
    assert "1.40x" in content and "q3 1.60" in content
    assert content.rstrip().endswith("NO")


def test_paired_ratios_and_quartiles() -> None:
    paired = Paired((2.0, 1.0, 4.0, 1.0), (2.0, 3.0, 4.0, 2.0))
    assert paired.ratios == (1.0, 3.0, 1.0, 2.0)
    assert paired.quartiles() == (1.0, 1.5, 2.25)
    assert Paired((1.0,), (2.0,)).quartiles() == (2.0, 2.0, 2.0)


def test_missing_or_unpaired_measurements_are_reported_not_hidden() -> None:
    text = table({"benchmarks": [bench("records", "measured", 0.001)]})
    assert line_for(text, "one committed confirmation").rstrip().endswith("NOT PAIRED")
    assert line_for(text, "load + validate 500").rstrip().endswith("NOT RUN")


def test_absolute_goals() -> None:
    text = table(
        {
            "benchmarks": [
                bench("ui-step", "measured", 0.020),
                bench("ui-memory", "measured", 1.0, mb=4.5),
                bench("verify-memory", "measured", 1.0, mb=24.6, floor_mb=19.4),
            ]
        }
    )
    assert line_for(text, "step-to-step").rstrip().endswith("NO")
    assert "4.5 MB" in line_for(text, "RSS growth")
    assert line_for(text, "RSS growth").rstrip().endswith("yes")
    assert "19.4 MB" in line_for(text, "records verify peak RSS")


def test_the_growth_table_lists_each_history_size_in_order() -> None:
    big = pair("purge", [1.0], [1.5], growth="purge", discharges=100_000, audit_rows=1_100_000)
    small = pair("", [0.01], [0.012], growth="purge", discharges=100, audit_rows=1_100)
    text = table({"benchmarks": [big, small]})
    lines = [line for line in text.splitlines() if "discharges /" in line]
    assert [line.split("|")[1].strip() for line in lines] == [
        "100 discharges / 1,100 audit rows",
        "100,000 discharges / 1,100,000 audit rows",
    ]
    assert "1.50x" in lines[1]


def test_an_ms_goal_timed_in_a_child_process_is_judged_on_its_own_figure() -> None:
    """The first preview is timed inside its process: the benchmark's own time (the whole processes) is not it."""
    within = table({"benchmarks": [bench("ui-first-preview", "measured", 9.0, ms=80.0)]})
    assert line_for(within, "sign-off PIN to the first preview").rstrip().endswith("yes")
    beyond = table({"benchmarks": [bench("ui-first-preview", "measured", 0.001, ms=120.0)]})
    assert "120.00 ms" in line_for(beyond, "sign-off PIN to the first preview")
    assert line_for(beyond, "sign-off PIN to the first preview").rstrip().endswith("NO")


def test_a_block_keeps_each_sides_median_of_its_alternations() -> None:
    """One stalled call (a floor call of 200 ms among 2 ms ones) moves no pair's ratio: each side's median of its
    block is kept, and the calls still alternate one by one."""
    floors = iter([0.002, 0.200, 0.002, 0.002, 0.002, 0.002])
    order: list[str] = []

    def floor() -> None:
        order.append("A")
        time.sleep(next(floors))

    def measured() -> None:
        order.append("B")
        time.sleep(0.020)

    result = alternate(floor, measured, 2, warmup=0, block=3)
    assert order == ["A", "B"] * 6
    assert max(result.floor_s) < 0.100  # the stall is not a pair's floor
    assert all(ratio > 1.0 for ratio in result.ratios)
    assert result.info()["block"] == 3
    text = table({"benchmarks": [{"group": "records", "extra_info": result.info(), "stats": {"median": 1.0}}]})
    assert "2 pairs of 3 alternations" in line_for(text, "one committed confirmation")
