"""The nurse's screens: sign-in, first nurse, today's discharges, new discharge, reason, review, printing."""
