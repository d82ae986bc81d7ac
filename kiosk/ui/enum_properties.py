"""Qt enum and flag properties set by their C++ key names, so the start screen's first paint needs no ``Qt``.

Why (issue 19, the cold start): PySide creates the Python classes of all 93 enums of Qt's ``Qt`` namespace at
once, the first time anything touches ``PySide6.QtCore.Qt`` (``from PySide6.QtCore import Qt`` is enough): about
120 million instructions, more than a tenth of the kiosk's start and more than its whole margin to the goal. The
bare window it is measured against never touches ``Qt``. PySide refuses a plain int where it expects a ``Qt``
value, but Qt's meta-object system does not need Python's enums at all: a ``Q_PROPERTY`` of an enum or flags type
can be written with a string of its key names (``"AlignCenter"``, ``"Window|FramelessWindowHint"``), which Qt
converts with the enum's own ``QMetaEnum``, exactly as a ``.ui`` file or QML sets them.

So what the start screen needs before its paint (a label's alignment and text format, a button's focus policy,
the window's frameless flag on its ``QWindow``) is set through ``set_enum``; code that runs after the paint may use
``Qt`` as usual. ``tests/test_start_imports.py`` fails if the ``Qt`` namespace exists at the first paint.
"""

from __future__ import annotations

from PySide6.QtCore import QObject


def set_enum(target: QObject, name: str, keys: str) -> None:
    """``target.name = keys`` through Qt's meta-object system; ``keys`` are the C++ enum's key names, several joined
    by ``|`` for flags. A property or key Qt does not know raises ``ValueError``: nothing is silently left unset."""
    if not target.setProperty(name, keys):
        raise ValueError(f"Qt refused {type(target).__name__}.{name} = {keys!r}")
