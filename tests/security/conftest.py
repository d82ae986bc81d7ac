"""The record store's fixtures (fake clock, a store on a real file) for the security tests too."""

from tests.records.conftest import clock, db_path, patient, procedure, store

__all__ = ["clock", "db_path", "patient", "procedure", "store"]
