"""The performance goals: each names its floor and its measurement, both benchmarked in the same run.

A benchmark joins a goal through its pytest-benchmark group (``@pytest.mark.benchmark(group=GOAL_ID)``). A ratio
goal is one benchmark alternating floor and measurement (``paired.run``, role "paired"); an absolute goal's
benchmark says ``benchmark.extra_info["role"] = "measured"`` (and "floor" for one shown for scale).
"""

from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True)
class Goal:
    id: str
    title: str
    limit: float
    # "ratio": floor and measurement alternated in pairs (paired.py); the upper quartile of the paired ratios
    # (measured / floor) must be <= limit.
    # "ms": the measured median in milliseconds must be <= limit (the floor is shown for scale); a figure timed
    # inside a child process is extra_info["ms"] of the measured run instead.
    # "mb": extra_info["mb"] of the measured run must be <= limit.
    kind: str = "ratio"


GOALS: tuple[Goal, ...] = (
    Goal("content", "load + validate 500 procedure files vs CSafeLoader parse", 1.5),
    Goal("records", "one committed confirmation vs bare sqlite3 insert+commit", 1.5),
    Goal("sheet-normal", "normal 2-page sheet vs one-line reportlab canvas", 3.0),
    Goal("sheet-large", "large-print sheet vs one-line reportlab canvas", 5.0),
    Goal("sheet-first", "first sheet in a fresh process (after the start's warm-up) vs a warm one", 2.0),
    Goal("printing", "Print to job accepted by CUPS vs lp of the same PDF", 1.5),
    Goal("ui-start", "cold start to start screen painted vs bare PySide6 window", 1.3),
    Goal("ui-step", "step-to-step screen change (ms, one frame)", 16.0, kind="ms"),
    Goal("ui-first-preview", "sign-off PIN to the first preview painted, fresh kiosk (ms)", 100.0, kind="ms"),
    Goal("ui-memory", "RSS growth over 500 discharges, kiosk as run_kiosk sets it up (MB)", 5.0, kind="mb"),
    Goal("central-confirm", "confirmation while the central sender runs vs SQLite only", 1.5),
    Goal("central-drain", "drain 1200 facts to PostgreSQL vs bare psycopg insert loop", 3.0),
    Goal("purge", "purge of 100k past discharges vs bare DELETE of the same rows", 2.0),
    Goal("lists", "nurse's home with 100k past discharges vs bare indexed SELECTs of the day", 3.0),
    Goal("verify", "records verify of 1.1M audit rows vs reading and hashing each row once", 1.5),
    Goal("verify-memory", "records verify peak RSS, whole process, 1.76M audit rows (MB)", 50.0, kind="mb"),
)


def goal(goal_id: str) -> Goal:
    for item in GOALS:
        if item.id == goal_id:
            return item
    raise KeyError(goal_id)
