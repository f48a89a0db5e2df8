"""Fuzzing every bank reader: corrupted and truncated sample files raise only xlcapital's errors.

For each format in ``xlcapital.bank.FORMATS`` whose reader exists, hypothesis takes the sample files
of that format (the project's fixtures in tests/data/bank and the real exports in
../shared/bankfeeds), damages them (truncation, flipped bytes, inserted quotes/delimiters/line ends/
binary, deleted or repeated slices) and feeds them to :func:`xlcapital.bank.read_bytes`. The only
acceptable outcomes are statements or an :class:`~xlcapital.errors.XlcapitalError` with a message,
within a time limit (no hang).
"""

from __future__ import annotations

import signal
from datetime import date
from decimal import Decimal
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, note, settings
from hypothesis import strategies as st

from tests.conftest import BANKFEEDS, DATA, need
from xlcapital import bank
from xlcapital.errors import XlcapitalError

#: where the real exports of each format are
SHARED_FOLDERS = {"csv": "csv", "mt940": "mt940", "camt": "camt053", "ofx": "ofx"}
#: seconds one damaged file may take (a real sample reads in milliseconds)
TIME_LIMIT = 10


def available_formats() -> list[str]:
    found = []
    for name in bank.FORMATS:
        try:
            bank.format_module(name)
        except ModuleNotFoundError:
            continue
        found.append(name)
    return found


def samples(fmt: str) -> list[tuple[str, bytes]]:
    """(name, bytes) of every sample of ``fmt``: project fixtures (recognised by content) and the
    real exports in the format's shared folder."""
    out = []
    for path in sorted((DATA / "bank").rglob("*")):
        if path.is_file() and path.suffix.lower() not in (".md", ".toml", ".json", ".py"):
            data = path.read_bytes()
            try:
                if bank.detect_format(data) == fmt:
                    out.append((path.name, data))
            except XlcapitalError:
                continue
    folder = BANKFEEDS / SHARED_FOLDERS.get(fmt, fmt)
    if folder.is_dir():
        out += [(p.name, p.read_bytes()) for p in sorted(folder.iterdir()) if p.is_file()]
    return out


JUNK = [b'"', b"'", b",", b";", b"\t", b"\n", b"\r", b"\r\n", b"\x00", b"\xff\xfe", b"\x80", b"\xc3",
        b":61:", b":20:", b":62F:", b"<", b">", b"</Ntry>", b"<STMTTRN>", b"&", b"-", b"+", b"9" * 40,
        b"\xef\xbb\xbf", b"PK\x03\x04"]


#: one damage: (kind, position as a fraction of the length, size or byte, junk)
damage = st.tuples(
    st.sampled_from(["truncate", "flip", "insert", "delete", "repeat"]),
    st.floats(0, 1),
    st.integers(0, 255),
    st.sampled_from(JUNK) | st.binary(min_size=1, max_size=8),
)


def apply(data: bytes, damages) -> bytes:
    """``data`` with the damages done one after the other (drawn as small tuples, so a failing
    example prints as a few numbers, not as the whole file)."""
    for kind, where, n, junk in damages:
        at = int(where * len(data))
        if kind == "truncate":
            data = data[:at]
        elif kind == "flip" and at < len(data):
            data = data[:at] + bytes([n]) + data[at + 1 :]
        elif kind == "insert":
            data = data[:at] + junk + data[at:]
        elif kind == "delete":
            data = data[:at] + data[at + 1 + n // 4 :]
        elif kind == "repeat":
            data = data[:at] + data[at : at + 1 + n] + data[at:]
    return data


class Hang(Exception):
    pass


def _alarm(signum, frame):
    raise Hang(f"a damaged file took more than {TIME_LIMIT} s")


def read_within_limit(data: bytes):
    old = signal.signal(signal.SIGALRM, _alarm)
    signal.alarm(TIME_LIMIT)
    try:
        return bank.read_bytes(data, source="damaged")
    finally:
        signal.alarm(0)
        signal.signal(signal.SIGALRM, old)


@pytest.mark.parametrize("fmt", available_formats())
def test_damaged_files_raise_only_xlcapital_errors(fmt):
    files = samples(fmt)
    need(bool(files), f"no sample files of format {fmt}")

    @settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.too_slow])
    @given(st.integers(0, len(files) - 1), st.lists(damage, min_size=1, max_size=4))
    def check(index, damages):
        name, original = files[index]
        note(f"sample {name}")
        try:
            statements = read_within_limit(apply(original, damages))
        except XlcapitalError as exc:
            assert str(exc).strip(), f"{name}: an error without a message"
            return
        for s in statements:  # what it does read must be well-formed
            for t in s.transactions:
                assert isinstance(t.amount, Decimal) and isinstance(t.booking_date, date)

    check()


def test_every_format_is_fuzzed():
    """The formats the library names are all fuzzed once their readers exist (CSV always does)."""
    assert "csv" in available_formats()
    assert set(available_formats()) <= set(bank.FORMATS)
    assert all(Path(__file__).read_text().count(folder) for folder in SHARED_FOLDERS.values())
