"""The ward's time zone when its settings name none, in a module of its own so that both the settings and the clock
can name it.

``kiosk.config`` reads the settings before the start screen's paint and must not import ``kiosk.clock``, whose
``zoneinfo`` imports ``sysconfig`` and reads its config vars (about 12 million instructions, issue 19); the clock
turns this name into its ``DEFAULT_ZONE``. One name in one place, so the two can never disagree.
"""

from __future__ import annotations

DEFAULT_ZONE_NAME = "Europe/London"
