"""The personalised discharge sheet: ``build_sheet(record, procedure, config, printed_at, reprint) -> bytes``."""

from kiosk.sheet.builder import SheetError, build_sheet

__all__ = ["SheetError", "build_sheet"]
