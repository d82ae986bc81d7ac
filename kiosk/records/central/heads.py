"""Is the central store's copy of this kiosk's records the kiosk's own? ``records verify --central`` on a kiosk.

Each chain is checked on the server by ``server.verify_all``; that cannot see a server copy that is merely
short (facts not sent yet) or that parted from the kiosk's own trail (a kiosk restored from an old backup, a
second tablet under the same id, a row changed on one side). This compares the server's rows of one kiosk with
the kiosk's own: the head file beside its database (``durability.HeadFile``: the last row it committed, kept
outside the database) and its audit rows, row by row by hash. The verdict is in a ward manager's words.
"""

from __future__ import annotations

import sqlite3
from collections.abc import Iterable
from dataclasses import dataclass
from datetime import datetime
from enum import Enum
from pathlib import Path
from typing import Any

import psycopg

from kiosk.records.durability import HeadFile


class Standing(Enum):
    IN_STEP = "in step"
    BEHIND = "behind"  # the server has a true beginning of the kiosk's trail: the rest is waiting to be sent
    DIVERGED = "diverged"  # the two trails differ at a row both have
    KIOSK_SHORT = "kiosk short"  # the server has rows the kiosk no longer has


@dataclass(frozen=True)
class HeadComparison:
    kiosk_id: str
    standing: Standing
    kiosk_rows: int
    server_rows: int
    first_difference: int | None = None  # the first row (seq) where the two differ
    waiting_since: datetime | None = None  # when the oldest record the server lacks was made (BEHIND)

    @property
    def ok(self) -> bool:
        """Behind is not a fault (the sender catches up); a difference or a kiosk shorter than the server is."""
        return self.standing in (Standing.IN_STEP, Standing.BEHIND)

    def summary(self) -> str:
        me = f"this kiosk ({self.kiosk_id})"
        if self.standing is Standing.IN_STEP:
            return f"{me}: the central store has all {self.kiosk_rows} of its audit rows, the same as the kiosk's"
        if self.standing is Standing.BEHIND:
            missing = self.kiosk_rows - self.server_rows
            since = f" (waiting since {self.waiting_since:%d %b %Y %H:%M})" if self.waiting_since else ""
            return (
                f"{me}: the central store is behind: it has {self.server_rows} of this kiosk's {self.kiosk_rows} "
                f"audit rows. The other {missing} are kept on this kiosk and not sent yet{since}; if this lasts, "
                "the kiosk cannot reach the central store: tell IT"
            )
        if self.standing is Standing.DIVERGED:
            return (
                f"{me}: the central store's copy of this kiosk's records differs from the kiosk's own from audit "
                f"row {self.first_difference} on: one of the two was changed after it was recorded, or another "
                "tablet sends under the same kiosk id: tell IT"
            )
        return (
            f"{me}: the central store has {self.server_rows} of this kiosk's audit rows but the kiosk only "
            f"{self.kiosk_rows}: records were lost on this kiosk (its database was replaced or restored from an "
            "older copy). The central store still has them: tell IT"
        )


def _walk(
    server: Iterable[tuple[int, str]], local: Iterable[tuple[int, str]], head: tuple[int, str]
) -> tuple[int | None, int]:
    """The first row where the server's trail is not the kiosk's (its rows, and the head file's last row), or None;
    and how many rows the server has."""
    counted, difference = 0, None
    local_rows = iter(local)
    for row in server:
        counted += 1
        if difference is not None:
            continue  # only counting now
        mine = next(local_rows, None)
        if (mine is not None and mine != row) or (row[0] == head[0] and row[1] != head[1]):
            difference = row[0]
        elif mine is None:
            difference = row[0]  # the server has a row the kiosk's database does not
    return difference, counted


def compare(pg: psycopg.Connection[Any], kiosk_id: str, database: Path) -> HeadComparison:
    """The server's rows of ``kiosk_id`` against the kiosk's own at ``database`` (and its head file).

    The server's snapshot is taken first (the cursor's query), the kiosk's after it: whatever the server has was
    committed on the kiosk before, so a kiosk that goes on recording and sending meanwhile never looks short."""
    conn = sqlite3.connect(f"file:{database}?mode=ro", uri=True, isolation_level=None)
    try:
        # A server-side cursor: years of rows streamed, not held.
        with pg.transaction(), pg.cursor(name="kiosk_trail") as cur:
            cur.execute("SELECT seq, hash FROM audit WHERE kiosk_id = %s ORDER BY seq", (kiosk_id,))
            conn.execute("BEGIN")  # the kiosk's snapshot, from here on
            head = HeadFile(database).head
            kiosk_rows = int(conn.execute("SELECT seq FROM audit_head WHERE id = 1").fetchone()[0])
            local = ((int(seq), str(h)) for seq, h in conn.execute("SELECT seq, hash FROM audit ORDER BY seq"))
            server = ((int(seq), str(h)) for seq, h in cur)
            difference, server_rows = _walk(server, local, (head.seq, head.hash))
        if difference is not None:
            standing = Standing.KIOSK_SHORT if difference > kiosk_rows else Standing.DIVERGED
            return HeadComparison(kiosk_id, standing, kiosk_rows, server_rows, difference)
        if server_rows == kiosk_rows:
            return HeadComparison(kiosk_id, Standing.IN_STEP, kiosk_rows, server_rows)
        oldest = conn.execute("SELECT at FROM audit WHERE seq = ?", (server_rows + 1,)).fetchone()
        since = datetime.fromisoformat(oldest[0]) if oldest else None
        return HeadComparison(kiosk_id, Standing.BEHIND, kiosk_rows, server_rows, waiting_since=since)
    finally:
        conn.close()
