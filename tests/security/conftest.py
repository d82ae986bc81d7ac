"""The record store's fixtures (fake clock, a store on a real file) for the security tests too (SQLite only)."""

from tests.records.conftest import backend, clock, db_path, patient, procedure, store

__all__ = ["backend", "clock", "db_path", "patient", "procedure", "store"]
