"""Why facts are not reaching the central store, in words ward IT can act on.

``explain`` turns a psycopg error into the sender's own message, by PostgreSQL's error code (and, for the
connection errors libpq reports without one, by the server's text): unreachable, login refused, role not
allowed, kiosk id reused, record id clash, schema too old. Every message ends by saying the records are safe on
the kiosk.
"""

from __future__ import annotations

from psycopg import errors as pg_errors

from kiosk.records.central.schema import CentralSchemaError
from kiosk.records.central.settings import CentralSettings


class CentralProblem(Exception):
    """Why facts are not reaching the server, in words IT can act on; ``stop`` means retrying cannot help."""

    def __init__(self, message: str, *, stop: bool = False) -> None:
        super().__init__(message)
        self.message = message
        self.stop = stop


def explain(exc: BaseException, settings: CentralSettings) -> CentralProblem:
    """The sender's own message for a failure, by PostgreSQL's error code where it gives one."""
    first = str(exc).strip().splitlines()[0] if str(exc).strip() else type(exc).__name__
    kept = "Records are kept on this kiosk and will be sent once this is fixed."
    if isinstance(exc, CentralSchemaError):
        return CentralProblem(f"The central records server cannot take this kiosk's records: {exc}. {kept}")
    if isinstance(exc, pg_errors.UniqueViolation) and exc.diag.constraint_name == "discharges_pkey":
        return CentralProblem(
            f"The central records server already holds another kiosk's discharge under a record id of this kiosk "
            f"({first}). Records made before this kiosk had a kiosk id can clash with another kiosk's; sending has "
            f"stopped. Ask IT (docs/DEPLOYMENT.md, switching an existing kiosk). {kept}",
            stop=True,
        )
    if isinstance(exc, pg_errors.UniqueViolation):
        return CentralProblem(
            f"The central records server already holds different records under kiosk id {settings.kiosk_id!r}: "
            f"two kiosks (or a reinstalled kiosk) share one id ({first}). Sending has stopped; ask IT to give this "
            f"kiosk its own records.kiosk_id. {kept}",
            stop=True,
        )
    if isinstance(exc, (pg_errors.InsufficientPrivilege, pg_errors.InvalidAuthorizationSpecification)):
        return CentralProblem(
            f"The central records server refused role {settings.user!r}: {first}. Ask IT to make it a kiosk role of "
            f"this ward for kiosk {settings.kiosk_id!r}. {kept}"
        )
    text = first.lower()
    refused = (
        getattr(exc, "sqlstate", None) in ("28P01", "28000")
        or "authentication failed" in text
        or "not permitted to log in" in text
        or "no pg_hba.conf entry" in text
        or ("role" in text and "does not exist" in text)
        or "permission denied for database" in text
    )
    if refused:
        return CentralProblem(
            f"The central records server refused this kiosk's login as {settings.user!r}: {first}. Ask IT to check "
            f"the kiosk's central role and password. {kept}"
        )
    return CentralProblem(f"Cannot reach the central records server ({settings.where}): {first}. {kept}")
