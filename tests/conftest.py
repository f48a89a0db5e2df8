"""Shared test fixtures: where the real bank exports are, and LibreOffice as the formula oracle.

Tests that need LibreOffice or ../shared/bankfeeds skip on a developer machine without them, but
FAIL when the environment variable CI is set: CI must never go green by skipping the proof.
"""

from __future__ import annotations

import contextlib
import os
import shutil
import threading
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]
# ../shared beside the checkout; XLCAPITAL_SHARED names it for a copy of the project elsewhere (scripts/mutation.py
# runs the tests in copies under build/mutation/, which would otherwise skip every test of a real export)
SHARED = Path(os.environ.get("XLCAPITAL_SHARED") or ROOT.parent / "shared")
BANKFEEDS = SHARED / "bankfeeds"
DATA = Path(__file__).resolve().parent / "data"
IN_CI = bool(os.environ.get("CI"))


def need(condition: bool, why: str) -> None:
    """Skip when ``condition`` is false, or fail under CI."""
    if condition:
        return
    if IN_CI:
        pytest.fail(f"{why} (CI is set: this test must run)")
    pytest.skip(why)


@pytest.fixture(scope="session")
def bankfeeds() -> Path:
    """The folder of real bank exports (../shared/bankfeeds)."""
    need(BANKFEEDS.is_dir(), f"{BANKFEEDS} is absent")
    return BANKFEEDS


@pytest.fixture(scope="session")
def soffice() -> str:
    """The LibreOffice executable."""
    exe = shutil.which("soffice") or shutil.which("libreoffice")
    need(exe is not None, "LibreOffice (soffice) is not installed")
    return exe


@pytest.fixture(scope="session")
def libreoffice(soffice, tmp_path_factory):
    """A :class:`tests.libreoffice.LibreOffice` with its own profile for this test session."""
    from tests.libreoffice import LibreOffice

    return LibreOffice(soffice, tmp_path_factory.mktemp("lo-profile"))


@contextlib.contextmanager
def fifo_nobody_writes(path: Path, seconds: float = 5.0):
    """A FIFO at ``path`` that nobody writes to, for a test that code refuses it without waiting. Should the
    code open it and wait for a writer (the bug the test looks for), a writer comes after ``seconds``
    and the block fails instead of hanging the run for ever: a wait uses no CPU, so neither pytest nor
    mutmut's CPU-time limit would end it."""
    os.mkfifo(path)
    finished, freed = threading.Event(), threading.Event()

    def free_a_stuck_reader() -> None:
        if finished.wait(seconds):
            return
        freed.set()
        try:  # succeeds only while a reader has it open (or waits in open): the waiting open then returns
            os.close(os.open(path, os.O_WRONLY | os.O_NONBLOCK))
        except OSError:
            pass

    watchdog = threading.Thread(target=free_a_stuck_reader, daemon=True)
    watchdog.start()
    try:
        yield path
    finally:
        finished.set()
        watchdog.join()
    assert not freed.is_set(), f"{path}: opened and waited {seconds} s for a writer instead of being refused"


# Scripts run by Debian's /usr/bin/python3 (they import LibreOffice's `uno`), not by pytest.
collect_ignore_glob = ["lo_*worker*.py"]
