"""The kiosk's log: a private file from the first line, rotating once the start screen is painted (issue 19)."""

from __future__ import annotations

import logging
import logging.handlers
import stat
from collections.abc import Iterator
from pathlib import Path

import pytest

from kiosk.log_rotation import PrivateRotatingFileHandler
from kiosk.logs import BACKUP_COUNT, MAX_BYTES, PrivateFileHandler, configure_logging, start_rotating


@pytest.fixture
def root_handlers() -> Iterator[None]:
    """The test's handlers go again, whatever it added."""
    before = list(logging.getLogger().handlers)
    level = logging.getLogger().level
    yield
    root = logging.getLogger()
    for handler in [h for h in root.handlers if h not in before]:
        root.removeHandler(handler)
        handler.close()
    root.setLevel(level)


def file_handlers() -> list[logging.FileHandler]:
    """The root's handlers writing the kiosk's log (pytest has handlers of its own)."""
    return [
        h
        for h in logging.getLogger().handlers
        if isinstance(h, logging.FileHandler) and h.baseFilename.endswith("kiosk.log")
    ]


def test_the_start_logs_to_the_private_file_and_then_rotates_it_with_no_line_lost(
    data_dir: Path, root_handlers: None
) -> None:
    path = configure_logging(rotating=False)
    assert path is not None
    [plain] = file_handlers()
    assert type(plain) is PrivateFileHandler
    logging.getLogger("kiosk.test").info("before the first paint")
    start_rotating()
    [rotating] = file_handlers()
    assert isinstance(rotating, PrivateRotatingFileHandler)
    assert Path(rotating.baseFilename) == path
    assert (rotating.maxBytes, rotating.backupCount) == (MAX_BYTES, BACKUP_COUNT)
    assert rotating.formatter is not None and rotating.formatter._fmt == plain.formatter._fmt  # type: ignore[union-attr]
    logging.getLogger("kiosk.test").info("after the first paint")
    rotating.flush()
    lines = path.read_text(encoding="utf-8").splitlines()
    assert [line.split(": ", 1)[1] for line in lines] == ["before the first paint", "after the first paint"]
    assert stat.S_IMODE(path.stat().st_mode) == 0o600
    start_rotating()  # again: nothing more to do
    assert file_handlers() == [rotating]


def test_a_rolled_over_log_file_is_private_too(data_dir: Path, root_handlers: None) -> None:
    path = configure_logging()
    assert path is not None
    [handler] = file_handlers()
    assert isinstance(handler, logging.handlers.RotatingFileHandler)
    handler.maxBytes = 200
    for number in range(20):
        logging.getLogger("kiosk.test").warning("line %d of a long log", number)
    assert path.with_name("kiosk.log.1").exists()
    for file in path.parent.glob("kiosk.log*"):
        assert stat.S_IMODE(file.stat().st_mode) == 0o600, file.name
