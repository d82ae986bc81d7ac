"""The test suite's cheap PIN hash: the one seam ``NurseAccounts(store, cost=...)`` documents.

scrypt at the production cost takes about 0.3 s and 128 MiB a hash; the suite signs in thousands of times, so
everywhere but ``test_the_production_hash_costs_at_least_100_ms`` it passes this tiny cost. The app never does.
"""

from __future__ import annotations

from kiosk.records.nurses import NurseAccounts, ScryptCost
from kiosk.records.store import RecordStore

TEST_COST = ScryptCost(n=16, r=1, p=1)


def accounts(store: RecordStore) -> NurseAccounts:
    return NurseAccounts(store, TEST_COST)
