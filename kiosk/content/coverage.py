"""Conditional content, checked for every patient the nurse's ticks can describe (hazard H1).

A condition decides what one patient is shown. The worst failure is a warning sign hidden from a patient it
applies to, or shown without anyone to call. A condition on its own cannot show that: it depends on the other
conditions in the file (a sign for everyone that calls a contact given only after sedation). So the finished
procedure is narrowed (as ``Procedure.for_patient`` narrows it) for every combination of the factors it uses (at
most 2^6 = 64, leaving out combinations no patient has) and each one is checked:

- every patient is shown at least one warning sign;
- every warning sign shown has at least one contact shown with it, and so has the escort's part;
- a contact's ``otherwise`` (where to ring when it is closed) is shown whenever the contact is, and routes
  never go round in a circle.

The problems point at the item's line (``Walk.where``) and name the patients: "patients with sedation".
"""

from __future__ import annotations

from itertools import combinations

from yaml.nodes import MappingNode, Node, ScalarNode

from kiosk.content.kinds import Walk, line_of
from kiosk.content.model import Factor, Procedure
from kiosk.content.schema import EXCLUSIVE_FACTORS


def patients(procedure: Procedure) -> list[frozenset[Factor]]:
    """Every combination of the procedure's factors a patient can have, the empty one first."""
    used = sorted(procedure.factors_used(), key=list(Factor).index)
    found: list[frozenset[Factor]] = []
    for size in range(len(used) + 1):
        for combo in combinations(used, size):
            factors = frozenset(combo)
            if not any(exclusive <= factors for exclusive in EXCLUSIVE_FACTORS):
                found.append(factors)
    return found


def describe(factors: frozenset[Factor]) -> str:
    """ "patients with sedation and diabetic", or "patients with none of the factors"."""
    if not factors:
        return "patients with none of the factors"
    names = sorted((factor.value for factor in factors), key=[f.value for f in Factor].index)
    return "patients with " + (names[0] if len(names) == 1 else ", ".join(names[:-1]) + " and " + names[-1])


def _line(root: Node, *keys: str) -> int | None:
    """The line of the value under ``keys`` (top-level heading first), or None."""
    node: Node | None = root
    for key in keys:
        if not isinstance(node, MappingNode):
            return None
        node = next((v for k, v in node.value if isinstance(k, ScalarNode) and k.value == key), None)
    return line_of(node)


def check(procedure: Procedure, walk: Walk, root: Node) -> bool:
    """Record every problem found (each once, for the first combination that shows it); True when none.

    Only the signs, contacts and escort calls matter here, so they are narrowed directly (the same
    ``Condition.applies`` as ``Procedure.for_patient``), and a file whose signs and contacts have no conditions
    (every version-1 file) costs nothing but the loop check.
    """
    signs = procedure.red_flags
    contacts = procedure.contacts
    if all(flag.condition.is_always for flag in signs) and all(c.condition.is_always for c in contacts):
        return _check_loops(procedure, walk)
    reported: set[tuple[str, str]] = set()

    def error(key: tuple[str, str], line: int | None, path: str, message: str, hint: str) -> None:
        if key not in reported:
            reported.add(key)
            walk.collector.error(line, path, message, hint)

    signs_path = "warning_signs" if procedure.has_urgency_groups else "red_flags"
    escort_calls = procedure.escort.call if procedure.escort is not None else None
    for factors in patients(procedure):
        who = describe(factors)
        kept = {contact.id for contact in contacts if contact.condition.applies(factors)}
        shown = [flag for flag in signs if flag.condition.applies(factors)]
        if not shown:
            error(
                ("no-signs", ""),
                _line(root, signs_path),
                signs_path,
                f"{who} are shown no warning sign",
                "every patient must be told when to get help: give at least one sign without a condition",
            )
        for flag in shown:
            if not kept.intersection(flag.call):
                line, path = walk.where.get(_sign_key(procedure, flag.id), (None, signs_path))
                error(
                    ("sign", flag.id),
                    line,
                    path,
                    f"{who} are shown this warning sign with nobody to call: every contact it calls has a condition",
                    "add a contact without a condition (e.g. NHS 111 or 999) to its 'call' list",
                )
        if escort_calls is not None and not kept.intersection(escort_calls):
            error(
                ("escort", ""),
                _line(root, "escort", "call"),
                "escort.call",
                f"the escort of {who} is given nobody to call: every contact it calls has a condition",
                "add a contact without a condition (e.g. NHS 111 or 999) to the escort's 'call' list",
            )
        for contact in contacts:
            if contact.id in kept and contact.otherwise and contact.otherwise not in kept:
                line, path = walk.where.get(("a contact", contact.id), (None, "contacts"))
                error(
                    ("otherwise", contact.id),
                    line,
                    f"{path}.otherwise",
                    f"{who} are sent to '{contact.otherwise}' when '{contact.id}' is closed, but are not given it",
                    "remove the condition from the contact named under 'otherwise'",
                )
    return _check_loops(procedure, walk) and not reported


def _sign_key(procedure: Procedure, sign_id: str) -> tuple[str, str]:
    return ("a warning sign" if procedure.has_urgency_groups else "a red flag", sign_id)


def _check_loops(procedure: Procedure, walk: Walk) -> bool:
    """Each circle of ``otherwise`` routes reported once, at the first contact in it."""
    ok = True
    by_id = {contact.id: contact for contact in procedure.contacts}
    circled: set[str] = set()
    for contact in procedure.contacts:
        if contact.id in circled:
            continue
        seen = [contact.id]
        current = contact
        while current.otherwise and current.otherwise in by_id:
            current = by_id[current.otherwise]
            if current.id in seen:
                if current.id == contact.id:
                    circled.update(seen)
                    line, path = walk.where.get(("a contact", contact.id), (None, "contacts"))
                    walk.collector.error(
                        line,
                        f"{path}.otherwise",
                        "'otherwise' goes round in a circle: " + " -> ".join([*seen, current.id]),
                        "end the chain at a contact that answers at any time, e.g. NHS 111",
                    )
                    ok = False
                break
            seen.append(current.id)
    return ok
