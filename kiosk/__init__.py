"""Discharge Kiosk: touchscreen discharge instructions for a day-case ward."""

__version__ = "0.1.0"
