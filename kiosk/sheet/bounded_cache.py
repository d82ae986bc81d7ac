"""A small cache of the sheet's fixed PDF pieces: bounded, least recently used out first, shared by threads.

Why one class: the font subsets (``subsets``) and the PDF object templates (``templated``) are each kept across
sheets, and a sheet is built ahead on the records lane while another may be built elsewhere. The lookup with its
move to the end, and the insertion with its eviction, are each one step under the cache's lock, so one thread never
evicts the key another is moving. What is built on a miss is built outside the lock (two threads may build the same
piece; both are the same bytes).
"""

from __future__ import annotations

import threading
from collections import OrderedDict
from collections.abc import Hashable, Iterator
from typing import Generic, TypeVar

K = TypeVar("K", bound=Hashable)
V = TypeVar("V")


class BoundedCache(Generic[K, V]):
    def __init__(self, limit: int) -> None:
        self._limit = limit
        self._entries: OrderedDict[K, V] = OrderedDict()
        self._lock = threading.Lock()

    def get(self, key: K) -> V | None:
        with self._lock:
            found = self._entries.get(key)
            if found is not None:
                self._entries.move_to_end(key)
            return found

    def put(self, key: K, value: V) -> None:
        with self._lock:
            self._entries[key] = value
            while len(self._entries) > self._limit:
                self._entries.popitem(last=False)

    def clear(self) -> None:
        with self._lock:
            self._entries.clear()

    def __len__(self) -> int:
        return len(self._entries)

    def __iter__(self) -> Iterator[K]:
        """The keys kept, oldest first (tests: what a cache holds)."""
        with self._lock:
            return iter(list(self._entries))

    def values(self) -> list[V]:
        with self._lock:
            return list(self._entries.values())
