"""Floor and measurement alternated in rounds (A B A B ...), judged on the paired ratios' upper quartile.

Timing the floor in one block and the measurement in another lets a neighbour's load land on one side only:
two runs then disagree (the issue saw 10.9x and 1.9x back to back). Alternating puts both sides of each pair
under the same load, and the ratio of each pair cancels most of it. A goal holds only when the upper quartile
of the ratios is within its limit, so one lucky median cannot pass it and one unlucky round cannot fail it.
"""

from __future__ import annotations

import statistics
import time
from collections.abc import Callable
from dataclasses import dataclass
from typing import Any


@dataclass(frozen=True)
class Paired:
    floor_s: tuple[float, ...]
    measured_s: tuple[float, ...]
    block: int = 1  # alternations per pair, each side's median kept (``alternate``)

    @property
    def ratios(self) -> tuple[float, ...]:
        return tuple(m / f for f, m in zip(self.floor_s, self.measured_s, strict=True))

    def quartiles(self) -> tuple[float, float, float]:
        """(lower quartile, median, upper quartile) of the ratios; with one pair, that ratio three times."""
        ratios = sorted(self.ratios)
        if len(ratios) == 1:
            return ratios[0], ratios[0], ratios[0]
        q1, q2, q3 = statistics.quantiles(ratios, n=4, method="inclusive")
        return q1, q2, q3

    def info(self) -> dict[str, Any]:
        """What the goal table reads (pytest-benchmark's extra_info is saved with the run's JSON)."""
        q1, median, q3 = self.quartiles()
        return {
            "role": "paired",
            "rounds": len(self.floor_s),
            "block": self.block,
            "floor_ms": round(statistics.median(self.floor_s) * 1000, 3),
            "measured_ms": round(statistics.median(self.measured_s) * 1000, 3),
            "ratio_median": round(median, 3),
            "ratio_q1": round(q1, 3),
            "ratio_q3": round(q3, 3),
            "ratio_min": round(min(self.ratios), 3),
            "ratio_max": round(max(self.ratios), 3),
        }


def _timed(action: Callable[[], object], setup: Callable[[], object] | None) -> float:
    if setup is not None:
        setup()
    began = time.perf_counter()
    action()
    return time.perf_counter() - began


def alternate(
    floor: Callable[[], object],
    measured: Callable[[], object],
    rounds: int,
    *,
    warmup: int = 1,
    floor_setup: Callable[[], object] | None = None,
    measured_setup: Callable[[], object] | None = None,
    repeat: int = 1,
    block: int = 1,
) -> Paired:
    """``rounds`` pairs, floor then measurement, after ``warmup`` untimed pairs; each side's setup is untimed.

    ``repeat`` runs each side that many times back to back within its turn (for actions of a few microseconds,
    where one call is below the clock's resolution); the time is per call.

    ``block`` makes each pair ``block`` alternations (A B A B ...) and keeps each side's median of them: for an
    action whose single timings wander far more than the difference being measured (an fsync on a shared VM
    disk: one commit can take 20 times the next), one pair of single timings is mostly noise, so a quarter of
    the pairs could sit above a limit the two sides are well within. The median of a block keeps the
    alternation (both sides see the same load) and drops the odd stalled flush.
    """
    for _ in range(warmup):
        _timed(floor, floor_setup)
        _timed(measured, measured_setup)
    floors: list[float] = []
    measures: list[float] = []
    for _ in range(rounds):
        floor_times: list[float] = []
        measured_times: list[float] = []
        for _ in range(block):
            floor_times.append(sum(_timed(floor, floor_setup) for _ in range(repeat)) / repeat)
            measured_times.append(sum(_timed(measured, measured_setup) for _ in range(repeat)) / repeat)
        floors.append(statistics.median(floor_times))
        measures.append(statistics.median(measured_times))
    return Paired(tuple(floors), tuple(measures), block)


def run(
    benchmark: Any,
    quick: bool,
    floor: Callable[[], object],
    measured: Callable[[], object],
    rounds: int,
    **options: Any,
) -> Paired:
    """One goal's alternation as one pytest-benchmark entry; in the normal test run, one pair for correctness."""
    if quick:
        options["warmup"] = 0
        options["block"] = 1
    holder: list[Paired] = []

    def pairs() -> None:
        holder.append(alternate(floor, measured, 1 if quick else rounds, **options))

    benchmark.pedantic(pairs, rounds=1, iterations=1)
    benchmark.extra_info.update(holder[0].info())
    return holder[0]
