"""The performance goals: each names its floor and its measurement, both benchmarked in the same run.

A benchmark joins a goal through its pytest-benchmark group (``@pytest.mark.benchmark(group=GOAL_ID)``) and
says which side it is with ``benchmark.extra_info["role"] = "floor"`` or ``"measured"``.
"""

from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True)
class Goal:
    id: str
    title: str
    limit: float
    # "ratio": measured median / floor median must be <= limit.
    # "ms": the measured median in milliseconds must be <= limit (the floor is shown for scale).
    # "mb": extra_info["mb"] of the measured run must be <= limit.
    kind: str = "ratio"


GOALS: tuple[Goal, ...] = (
    Goal("content", "load + validate 500 procedure files vs CSafeLoader parse", 1.5),
    Goal("records", "one committed confirmation vs bare sqlite3 insert+commit", 1.5),
    Goal("sheet-normal", "normal 2-page sheet vs one-line reportlab canvas", 5.0),
    Goal("sheet-large", "large-print sheet vs one-line reportlab canvas", 5.0),
    Goal("printing", "Print to job accepted by CUPS vs lp of the same PDF", 1.5),
    Goal("ui-start", "cold start to start screen painted vs bare PySide6 window", 1.5),
    Goal("ui-step", "step-to-step screen change (ms, one frame)", 16.0, kind="ms"),
    Goal("ui-memory", "RSS growth over 500 discharges (MB)", 20.0, kind="mb"),
    Goal("central-confirm", "confirmation while the central sender runs vs SQLite only", 1.5),
    Goal("central-drain", "drain 1200 facts to PostgreSQL vs bare psycopg insert loop", 3.0),
)


def goal(goal_id: str) -> Goal:
    for item in GOALS:
        if item.id == goal_id:
            return item
    raise KeyError(goal_id)
