"""Shared test fixtures: where the real bank exports are, and LibreOffice as the formula oracle.

Tests that need LibreOffice or ../shared/bankfeeds skip on a developer machine without them, but
FAIL when the environment variable CI is set: CI must never go green by skipping the proof.
"""

from __future__ import annotations

import os
import shutil
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

# Scripts run by Debian's /usr/bin/python3 (they import LibreOffice's `uno`), not by pytest.
collect_ignore_glob = ["lo_*worker*.py"]
