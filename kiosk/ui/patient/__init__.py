"""The patient's screens: one module per screen, each with the procedure banner (H1) and big touch targets.

Screens display what ``kiosk.discharge.flow`` decided and emit what the patient chose; they never save anything.
Every screen has ``clear()``, which removes every patient detail it shows (the idle wipe calls it, H3).
"""
