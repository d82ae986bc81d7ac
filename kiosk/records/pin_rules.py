"""The one rule set for a new nurse PIN, used by the screens and by ``main.py nurses add`` / ``set-pin`` alike.

A PIN guards patient data on an unattended tablet (H8), and the account locks after a few wrong guesses, so what
matters is that the first guesses an attacker would try are never PINs: a new PIN has 6 to 8 digits (about
10**6 possibilities at the least) and is not all one digit, not a run up or down (``123456``, ``987654``), not a
short block repeated (``121212``, ``123123``, ``12341234``) and not one of the most common PINs in published
studies of leaked PIN and password lists. PINs set before these rules (4 or 5 digits) still sign in once, and the
nurse must then choose a new one (``must_change``).
"""

from __future__ import annotations

import itertools
import re

from kiosk.text import ValidationError

MIN_PIN_LENGTH = 6
MAX_PIN_LENGTH = 8
# What the sign-in accepts: older accounts may still have a 4- or 5-digit PIN until they change it.
_SIGN_IN_PIN = re.compile(r"^[0-9]{4,8}$")
_NEW_PIN = re.compile(rf"^[0-9]{{{MIN_PIN_LENGTH},{MAX_PIN_LENGTH}}}$")

# The most common 6- to 8-digit PINs in leaked PIN and password lists that the rules below do not already catch
# (dates, keypad shapes, famous numbers). Repeats, runs and repeated blocks are refused by rule, not listed.
COMMON_PINS = frozenset(
    {
        "159753", "147258", "258369", "789456", "456123", "123654", "520520", "159357", "753951", "147852",
        "741852", "963852", "951753", "102030", "112233", "110110", "131313", "123321", "654456", "100200",
        "696969", "199200", "198900", "200000", "101010", "292929", "142536", "135790", "246810", "369369",
        "1234567", "7654321", "8675309", "5201314", "1314520", "2580258",
        "12344321", "11223344", "13579246", "19921992", "20002000", "19901990", "20082008", "12369874",
        "14725836", "15975346", "25802580", "31415926", "74108520", "96385274", "12121995",
    }
)  # fmt: skip


def valid_sign_in_pin(pin: str) -> bool:
    """Whether ``pin`` could be anyone's PIN at all (new or from before the 6-digit rule)."""
    return isinstance(pin, str) and bool(_SIGN_IN_PIN.match(pin))


def must_change(pin: str) -> bool:
    """A PIN that signed in but is shorter than today's rule: the nurse must choose a new one now."""
    return len(pin) < MIN_PIN_LENGTH


def weakness(pin: str) -> str | None:
    """Why ``pin`` would be guessed early, in words for the nurse; None if it is not an obvious guess."""
    if len(set(pin)) == 1:
        return "Too easy to guess: a PIN cannot be one digit repeated, like 000000."
    steps = {(int(b) - int(a)) % 10 for a, b in itertools.pairwise(pin)}
    if steps in ({1}, {9}):
        return "Too easy to guess: avoid runs like 123456 or 987654."
    if any(len(pin) % size == 0 and pin == pin[:size] * (len(pin) // size) for size in range(2, len(pin) // 2 + 1)):
        return "Too easy to guess: avoid repeated patterns like 121212 or 123123."
    if pin in COMMON_PINS:
        return "Too easy to guess: that is one of the most common PINs. Choose another."
    return None


def validate_new_pin(pin: str) -> str:
    """The PIN if a new account or a PIN change may use it, else ``ValidationError`` saying why (field ``pin``)."""
    if not isinstance(pin, str) or not _NEW_PIN.match(pin):
        raise ValidationError(f"A PIN is {MIN_PIN_LENGTH} to {MAX_PIN_LENGTH} digits.", field="pin")
    problem = weakness(pin)
    if problem:
        raise ValidationError(problem, field="pin")
    return pin
