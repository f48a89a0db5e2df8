"""``bank.stream`` of a UTF-16 export: re-encoded in slices as UTF-8 into a private temporary file
and streamed from there, with what ``bank.read`` gives, errors naming the user's file and line, and
no temporary file left behind, however the stream ends.

The proofs: ``bank.read`` of the same UTF-16 file (it decodes the whole file in memory, an
independent path), and the same export in its own encoding read by ``bank.read`` (same dates,
amounts and lines: the line ends are copied as they are). The temporary folder is one of the
test's own (``tempfile.tempdir``), so that what is left in it is seen.
"""

from __future__ import annotations

import os
import re
import signal
import subprocess
import sys
import tempfile
from pathlib import Path

import pytest

from tests.conftest import BANKFEEDS
from tests.test_bank_stream import MAPPINGS, _outcome, assert_stream_equals_read
from xlcapital import bank
from xlcapital.bank import streamio
from xlcapital.errors import BankFileError

BOMS = {"utf-16-le": b"\xff\xfe", "utf-16-be": b"\xfe\xff"}


@pytest.fixture
def temp_folder(tmp_path, monkeypatch):
    """The system temp folder, for this test: a fresh one, empty at the start."""
    folder = tmp_path / "system-temp"
    folder.mkdir()
    monkeypatch.setattr(tempfile, "tempdir", str(folder))
    return folder


#: Linux shows a process's open files here; a copy whose name was taken away still shows, "(deleted)"
PROC_FDS = Path("/proc/self/fd")


def copies(folder: Path, fds: Path = PROC_FDS) -> list[str]:
    """The copies that exist: the files in the temp folder, and (Linux) those with no name left there
    that a process (this one; ``fds``: /proc/PID/fd of another) still holds open, each once (its
    descriptors are read by readlink, not by the code under test)."""
    held = set()
    if fds.is_dir():
        for fd in os.listdir(fds):
            try:
                target = os.readlink(fds / fd)
            except OSError:  # the descriptor listdir itself used, closed since
                continue
            if target.startswith(f"{folder}{os.sep}xlcapital-") and target.endswith(" (deleted)"):
                held.add(Path(target).name)
    return sorted(p.name for p in folder.iterdir()) + sorted(held)


def _real_exports() -> list[Path]:
    if not BANKFEEDS.is_dir():
        return []
    return sorted(p for folder in ("mt940", "camt053", "ofx", "csv") for p in (BANKFEEDS / folder).glob("*")
                  if p.is_file() and p.suffix != ".zip")


def _text(path: Path) -> str:
    """The export's text in the encoding it was saved in (UTF-8, else Windows-1252, else Latin-1)."""
    data = path.read_bytes()
    for encoding in ("utf-8-sig", "cp1252"):
        try:
            return data.decode(encoding)
        except UnicodeDecodeError:
            pass
    return data.decode("latin-1")


def _as_utf16(path: Path, folder: Path, encoding: str) -> Path:
    """The export saved as UTF-16 with a byte-order mark (an XML declaration, CAMT's or OFX 2's, saying
    so, as a program saving it as UTF-16 writes it)."""
    text = _text(path)
    if "ofx" in path.parts:
        text = re.sub(r"""\A(<\?xml[^>]*encoding=["'])[A-Za-z0-9_-]+""", r"\1UTF-16", text)
    if "camt053" in path.parts:
        text = re.sub(r"""\A(<\?xml[^>]*encoding=["'])utf-8""", r"\1UTF-16", text, flags=re.IGNORECASE)
    out = folder / path.name
    out.write_bytes(BOMS[encoding] + text.encode(encoding))
    return out


def _days_amounts_lines(statements_or_pairs) -> list[tuple]:
    return [(t.booking_date, t.amount, t.line, t.counterparty, t.description) for t in statements_or_pairs]


@pytest.mark.parametrize("encoding", BOMS)
@pytest.mark.parametrize("path", _real_exports(), ids=lambda p: f"{p.parent.name}/{p.name}")
def test_a_real_export_in_utf16_streams_as_read_reads_it(path, encoding, tmp_path, temp_folder, monkeypatch):
    monkeypatch.setattr(streamio, "SLICE", 7)  # a code unit, a CR LF and a surrogate pair cut anywhere
    utf16 = _as_utf16(path, tmp_path, encoding)
    assert_stream_equals_read(utf16, MAPPINGS.get(path.name))
    # and what the export says in its own encoding: the same days, amounts and lines
    original = _outcome(lambda: bank.read(path, mapping=MAPPINGS.get(path.name)))
    if not isinstance(original, BankFileError) and not isinstance(_outcome(lambda: bank.read(utf16)), BankFileError):
        streamed = [t for _, t in bank.stream(utf16, mapping=MAPPINGS.get(path.name))]
        assert _days_amounts_lines(streamed) == _days_amounts_lines(t for s in original for t in s.transactions)
    assert copies(temp_folder) == []


def test_every_format_is_among_them(bankfeeds):
    formats = set()
    for path in _real_exports():
        try:
            formats |= {s.format for s in bank.read(path, mapping=MAPPINGS.get(path.name)) if s.transaction_count}
        except BankFileError:
            pass
    assert formats == {"csv", "mt940", "camt", "ofx"}


# --- a large file: streamed from the copy, never read whole -----------------------------------


def _mt940(n: int) -> str:
    lines = [":20:STMT", ":25:NL91ABNA0417164300", ":28C:1", ":60F:C260301EUR1000,00"]
    for i in range(n):
        lines += [f":61:2603020302D{i % 90 + 1},00N102NONREF", f":86:/NAME/Café Ünal {i}/REMI/Bon € {i}"]
    total = sum(i % 90 + 1 for i in range(n))
    lines.append(f":62F:C260302EUR{1000 - total},00" if total <= 1000 else f":62F:D260302EUR{total - 1000},00")
    return "\r\n".join(lines) + "\r\n"


def test_a_utf16_file_is_not_read_whole(tmp_path, temp_folder, monkeypatch):
    path = tmp_path / "big16.sta"
    path.write_bytes(BOMS["utf-16-le"] + _mt940(3000).encode("utf-16-le"))  # ~0.5 MB: many slices
    monkeypatch.setattr(streamio, "SLICE", 4096)
    monkeypatch.setattr(bank, "read_bytes", lambda *a, **k: pytest.fail("read whole"))
    seen = []
    streamed = bank.stream(path)
    for _, t in streamed:
        if not seen:  # while it streams, the copy is there (so that its removal below means something)
            seen = copies(temp_folder)
        seen.append(t)
    assert seen[0].startswith("xlcapital-") and len(seen) == 3001
    assert [t.amount for t in seen[1:4]] == [-1, -2, -3] and seen[-1].counterparty.startswith("Café Ünal 2999")
    (s,) = streamed.statements
    assert s.reconciles is True and s.source == str(path) and s.transaction_count == 3000
    assert copies(temp_folder) == []


# --- errors: the user's file and line, and nothing left behind ------------------------------


@pytest.mark.parametrize("encoding", BOMS)
def test_a_damaged_utf16_sequence_is_one_error_naming_file_and_line(tmp_path, temp_folder, monkeypatch, encoding):
    monkeypatch.setattr(streamio, "SLICE", 1000)
    text = _mt940(2000)
    at = text.index("Café Ünal 1500")  # far past the first slice
    lone_low_surrogate = b"\x00\xdc" if encoding == "utf-16-le" else b"\xdc\x00"
    data = BOMS[encoding] + text[:at].encode(encoding) + lone_low_surrogate + text[at:].encode(encoding)
    path = tmp_path / "damaged.sta"
    path.write_bytes(data)
    # by hand: lines 1-4 the header, then two lines per transaction; Café Ünal 1500 is the :86: of the 1501st
    line = 4 + 2 * 1500 + 2
    assert text[:at].count("\r\n") + 1 == line
    byte = 2 + 2 * at  # the mark, then two bytes per character before it (all in the BMP)
    with pytest.raises(BankFileError) as err:
        next(iter(bank.stream(path)))  # before any transaction is handed on
    assert (err.value.file, err.value.line) == (str(path), line)
    assert f"at byte {byte}" in str(err.value) and "UTF-16" in str(err.value)
    assert str(temp_folder) not in str(err.value)
    with pytest.raises(BankFileError) as read:  # read names the same byte (without a line)
        bank.read(path)
    assert f"at byte {byte}" in str(read.value)
    assert copies(temp_folder) == []


def test_a_truncated_utf16_file_names_its_last_line(tmp_path, temp_folder):
    text = _mt940(3)
    path = tmp_path / "cut.sta"
    path.write_bytes(BOMS["utf-16-le"] + text.encode("utf-16-le") + b"\x41")  # half a code unit at the end
    with pytest.raises(BankFileError) as err:
        list(bank.stream(path))
    lines = 4 + 2 * 3 + 1 + 1  # header, transactions, closing balance, then the empty last line the byte is on
    assert (err.value.file, err.value.line) == (str(path), lines)
    assert f"at byte {2 + 2 * len(text)}" in str(err.value)
    assert copies(temp_folder) == []


def test_a_damaged_transaction_in_utf16_names_the_users_file_and_line(tmp_path, temp_folder, monkeypatch):
    monkeypatch.setattr(streamio, "SLICE", 333)
    lines = _mt940(500).split("\r\n")
    broken = 4 + 2 * 300 + 1  # the :61: of transaction 301
    lines[broken - 1] = ":61:2613020302D12,30N102NONREF"  # month 13
    path = tmp_path / "bad16.sta"
    path.write_bytes(BOMS["utf-16-be"] + "\r\n".join(lines).encode("utf-16-be"))
    got = []
    with pytest.raises(BankFileError) as err:
        for _, t in bank.stream(path):
            got.append(t)
    assert (err.value.file, err.value.line) == (str(path), broken)
    # the 300th waits for the record after its :86: lines, which is the damaged one (as in UTF-8:
    # test_bank_stream.py's test_a_damaged_transaction_stops_the_stream_at_its_line)
    assert [t.amount for t in got] == [-(i % 90 + 1) for i in range(299)]
    assert str(err.value) == str(_outcome(lambda: bank.read(path)))
    assert str(temp_folder) not in str(err.value)
    assert copies(temp_folder) == []


def test_an_interrupt_while_streaming_leaves_no_copy(tmp_path, temp_folder):
    path = tmp_path / "ctrl-c.sta"
    path.write_bytes(BOMS["utf-16-le"] + _mt940(50).encode("utf-16-le"))
    with pytest.raises(KeyboardInterrupt):
        for n, _ in enumerate(bank.stream(path)):
            assert len(copies(temp_folder)) == 1  # the copy, while streaming
            if n == 10:
                raise KeyboardInterrupt
    assert copies(temp_folder) == []


def test_an_interrupt_while_copying_leaves_no_copy(tmp_path, temp_folder, monkeypatch):
    path = tmp_path / "ctrl-c.sta"
    path.write_bytes(BOMS["utf-16-le"] + _mt940(500).encode("utf-16-le"))
    monkeypatch.setattr(streamio, "SLICE", 1000)
    real = streamio.ByteSource.chunks

    def interrupted(self):
        for n, chunk in enumerate(real(self)):
            if n == 5:
                assert len(copies(temp_folder)) == 1  # half-written
                raise KeyboardInterrupt
            yield chunk

    monkeypatch.setattr(streamio.ByteSource, "chunks", interrupted)
    with pytest.raises(KeyboardInterrupt):
        list(bank.stream(path))
    assert copies(temp_folder) == []


def test_a_utf16_file_past_the_cap_is_refused_naming_the_users_file(tmp_path, temp_folder, monkeypatch):
    path = tmp_path / "large16.sta"
    path.write_bytes(BOMS["utf-16-le"] + _mt940(50).encode("utf-16-le"))
    monkeypatch.setattr(bank, "MAX_FILE_BYTES", 2000)
    with pytest.raises(BankFileError) as err:
        list(bank.stream(path))
    assert err.value.file == str(path)
    assert copies(temp_folder) == []


def test_a_camt_declaration_of_utf16_is_read_as_utf8_in_the_copy(tmp_path, temp_folder, monkeypatch, bankfeeds):
    """The declaration cut over slices: rewritten all the same (expat would otherwise read the
    UTF-8 copy as UTF-16)."""
    camt = bankfeeds / "camt053" / "genkgo_camt053.v2.minimal.xml"
    monkeypatch.setattr(streamio, "SLICE", 3)
    utf16 = _as_utf16(camt, tmp_path, "utf-16-be")
    assert 'encoding="UTF-16"' in utf16.read_bytes().decode("utf-16")[:100]
    pairs = list(bank.stream(utf16))
    assert _days_amounts_lines(t for _, t in pairs) == _days_amounts_lines(
        t for s in bank.read(camt) for t in s.transactions) != []


@pytest.mark.parametrize("declared", ["utf-8", "UTF-16BE"])
def test_a_utf16_camt_declaring_another_encoding_is_refused_as_read_refuses_it(tmp_path, temp_folder, declared, bankfeeds):
    text = (bankfeeds / "camt053" / "genkgo_camt053.v2.minimal.xml").read_text("utf-8")
    assert text.startswith('<?xml version="1.0" encoding="UTF-8"?>')
    path = tmp_path / "declared.xml"
    path.write_bytes(BOMS["utf-16-le"] + text.replace("UTF-8", declared, 1).encode("utf-16-le"))
    with pytest.raises(BankFileError) as err:
        list(bank.stream(path))
    assert (err.value.file, err.value.line) == (str(path), 1) and "encoding" in str(err.value)
    assert str(err.value) == str(_outcome(lambda: bank.read(path)))  # expat's verdict on the document
    assert copies(temp_folder) == []


def test_no_temp_folder_is_one_error_naming_the_users_file(tmp_path, monkeypatch):
    path = tmp_path / "export16.sta"
    path.write_bytes(BOMS["utf-16-le"] + _mt940(3).encode("utf-16-le"))
    monkeypatch.setattr(tempfile, "tempdir", str(tmp_path / "no such folder"))
    with pytest.raises(BankFileError) as err:
        list(bank.stream(path))
    assert err.value.file == str(path) and "no such folder" not in str(err.value)


@pytest.mark.skipif(not PROC_FDS.is_dir(), reason="a copy without a name needs Linux's /proc")
def test_a_killed_process_leaves_no_copy_behind(tmp_path):
    """kill -9 runs no clean-up: on Linux the copy has no name from the start, so nothing is left."""
    folder = tmp_path / "system-temp"
    folder.mkdir()
    path = tmp_path / "killed.sta"
    path.write_bytes(BOMS["utf-16-le"] + _mt940(2000).encode("utf-16-le"))
    script = (
        "import sys, time\n"
        "from xlcapital import bank\n"
        "for n, _ in enumerate(bank.stream(sys.argv[1])):\n"
        "    if n == 10:\n"
        "        print('streaming', flush=True)\n"
        "        time.sleep(60)\n"
    )
    env = {**os.environ, "TMPDIR": str(folder)}
    child = subprocess.Popen([sys.executable, "-c", script, str(path)], stdout=subprocess.PIPE, env=env, text=True)
    try:
        assert child.stdout.readline() == "streaming\n"
        # the copy exists while the child streams: its descriptors name it, deleted, in the test's folder
        (held,) = copies(folder, Path(f"/proc/{child.pid}/fd"))
        assert held.startswith("xlcapital-") and held.endswith(" (deleted)")
        assert list(folder.iterdir()) == []
    finally:
        child.send_signal(signal.SIGKILL)
        child.wait(timeout=30)
        child.stdout.close()
    assert child.returncode == -signal.SIGKILL
    assert list(folder.iterdir()) == []


@pytest.mark.parametrize("encoding, declared", [("utf-16-le", "UTF-16LE"), ("utf-16-be", "utf-16be"),
                                                ("utf-16-le", "Utf-16")])
def test_a_utf16_camt_declaring_its_own_variant_reads_as_the_utf8_original(tmp_path, temp_folder, encoding, declared,
                                                                           monkeypatch, bankfeeds):
    """A declaration that names the file's own byte order (or plain UTF-16, in any case) is the truth about the
    file: streamed in 5-byte slices it gives the UTF-8 original's days, amounts and lines."""
    original = bankfeeds / "camt053" / "genkgo_camt053.v2.minimal.xml"
    text = original.read_text("utf-8")
    path = tmp_path / "declared.xml"
    path.write_bytes(BOMS[encoding] + text.replace("UTF-8", declared, 1).encode(encoding))
    monkeypatch.setattr(streamio, "SLICE", 5)
    expected = _days_amounts_lines(t for s in bank.read(original) for t in s.transactions)
    assert _days_amounts_lines(t for _, t in bank.stream(path)) == expected != []
    assert _days_amounts_lines(t for s in bank.read(path) for t in s.transactions) == expected
    assert copies(temp_folder) == []
