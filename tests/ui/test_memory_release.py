"""Freed heap goes back to the system after a discharge (kiosk/ui/memory.py): RSS falls, not only the heap."""

from __future__ import annotations

import ctypes
import ctypes.util
import os

import pytest
from pytestqt.qtbot import QtBot

from kiosk.ui import memory


def rss_mb() -> float:
    with open("/proc/self/statm", encoding="ascii") as statm:
        return int(statm.read().split()[1]) * os.sysconf("SC_PAGE_SIZE") / 1_048_576


def test_freed_heap_pinned_by_one_live_block_is_handed_back() -> None:
    """What the themed screens leave: many small blocks freed, one still live above them, so the heap's top
    cannot shrink by itself; only malloc_trim returns the free pages in between."""
    libc = ctypes.CDLL(ctypes.util.find_library("c"))
    libc.malloc.restype = ctypes.c_void_p
    libc.malloc.argtypes = [ctypes.c_size_t]
    libc.free.argtypes = [ctypes.c_void_p]
    blocks = [libc.malloc(2048) for _ in range(40_000)]  # about 80 MB of small blocks (below the mmap threshold)
    for block in blocks:
        ctypes.memset(block, 1, 2048)
    pin = libc.malloc(2048)
    for block in blocks:
        libc.free(block)
    before = rss_mb()
    try:
        assert memory.release_freed_memory()
        assert before - rss_mb() > 40
    finally:
        libc.free(pin)


def test_the_release_runs_after_the_wipe(qtbot: QtBot, monkeypatch: pytest.MonkeyPatch) -> None:
    calls: list[bool] = []
    original = memory.release_freed_memory

    def counted() -> bool:
        calls.append(True)
        return original()

    monkeypatch.setattr(memory, "release_freed_memory", counted)
    monkeypatch.setattr(memory, "AFTER_WIPE_MS", 10)
    memory.release_after_wipe()
    assert calls == []  # not at once: the dropped screens are deleted first
    qtbot.waitUntil(lambda: calls == [True], timeout=2000)


def test_malloc_trim_is_found_without_a_subprocess(monkeypatch: pytest.MonkeyPatch) -> None:
    """``ctypes.util.find_library`` runs ``ldconfig -p`` in a subprocess (about 10 ms of fork and exec on the
    GUI thread, in the first sign-off after a start: issue 19); the loaded libc is asked instead."""

    def no_search(name: str) -> str | None:
        raise AssertionError(f"searched for lib{name}")

    monkeypatch.setattr(ctypes.util, "find_library", no_search)
    memory._malloc_trim.cache_clear()
    try:
        assert memory.release_freed_memory()
    finally:
        memory._malloc_trim.cache_clear()
