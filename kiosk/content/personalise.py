"""Which parts of a procedure apply to one patient, from the factors the nurse ticked.

Plain Python, so the order of screens, the questions asked and the printed sheet all come from the same
decision. File order is kept: authors put steps in the order a patient needs them.
"""

from __future__ import annotations

from collections.abc import Iterable

from kiosk.content.model import CheckQuestion, Factor, Procedure, Step


def _factors(factors: Iterable[Factor | str]) -> frozenset[Factor]:
    """Accept plain strings from a record as well as ``Factor``; an unknown name is a programming error."""
    return frozenset(Factor(factor) for factor in factors)


def applicable_steps(procedure: Procedure, factors: frozenset[Factor]) -> tuple[Step, ...]:
    """The aftercare steps whose condition holds for these factors, in file order."""
    present = _factors(factors)
    return tuple(step for step in procedure.steps if step.condition.applies(present))


def questions_for(procedure: Procedure, factors: frozenset[Factor]) -> tuple[CheckQuestion, ...]:
    """The check questions to ask this patient, in file order."""
    present = _factors(factors)
    return tuple(question for question in procedure.questions if question.condition.applies(present))


def conditional_factors(procedure: Procedure) -> frozenset[Factor]:
    """The factors that change anything in this procedure: the ones worth asking the nurse about.

    Every condition counts (steps, timings, questions, warning signs, medicines, contacts, escort rules...):
    ``Procedure.factors_used``.
    """
    return procedure.factors_used()


def for_patient(procedure: Procedure, factors: Iterable[Factor | str]) -> Procedure:
    """The procedure narrowed to what applies to this patient (``Procedure.for_patient``)."""
    return procedure.for_patient(_factors(factors))
