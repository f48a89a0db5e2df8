"""xlcapital/bank/streaming.py (bank.stream: a file read a transaction at a time): issue 14, "Tests that
catch what they claim to". Small MT940 statements made in the test (transaction i pays i euros), each way
a file reaches the whole-file read (zip, UTF-16, a NUL byte, a blank head), the arguments handed on, and
where each error is located."""

from __future__ import annotations

import io
import zipfile
from decimal import Decimal

import pytest

from xlcapital import bank
from xlcapital.bank import mt940
from xlcapital.errors import BankFileError

IBAN = "NL91ABNA0417164300"


def mt940_text(n: int, closing: str | None = None) -> str:
    """n transactions of -1.00, -2.00, ...; opening 1000.00 (closing 1000 - n(n+1)/2 when not given)."""
    lines = [":20:STMT", f":25:{IBAN}", ":28C:1", ":60F:C260301EUR1000,00"]
    for i in range(1, n + 1):
        lines += [f":61:2603020302D{i},00N102NONREF", f":86:/NAME/Winkel {i}/REMI/Bon {i}"]
    total = n * (n + 1) // 2
    lines.append(closing or f":62F:C260302EUR{1000 - total},00")
    return "\r\n".join(lines) + "\r\n"


def amounts(streamed):
    return [t.amount for _, t in streamed]


def written(tmp_path, data: bytes, name="export.sta"):
    path = tmp_path / name
    path.write_bytes(data)
    return path


def test_a_plain_file_is_streamed_with_format_and_source_set(tmp_path):
    path = written(tmp_path, mt940_text(3).encode("ascii"))
    streamed = bank.stream(path)
    pairs = list(streamed)
    assert [t.amount for _, t in pairs] == [Decimal(-1), Decimal(-2), Decimal(-3)]
    (s,) = streamed.statements
    assert pairs[0][0] is s
    assert (s.format, s.source, s.bank) == ("mt940", str(path), "abnamro")
    assert (s.transaction_count, s.total) == (3, Decimal(-6))  # 1 + 2 + 3
    assert s.reconciles is True and streamed.warnings == []


@pytest.mark.parametrize("encoding,bom", [("utf-16-le", b"\xff\xfe"), ("utf-16-be", b"\xfe\xff")])
def test_utf16_is_streamed_and_handed_on(tmp_path, encoding, bom):
    path = written(tmp_path, bom + mt940_text(3).encode(encoding))
    streamed = bank.stream(path)
    assert amounts(streamed) == [Decimal(-1), Decimal(-2), Decimal(-3)]
    (s,) = streamed.statements
    assert s.transactions == [] and s.tally.count == 3 and s.total == Decimal(-6)
    assert (s.format, s.source) == ("mt940", str(path))


def test_a_zip_member_is_streamed_and_counted(tmp_path):
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w") as z:
        z.writestr("a.sta", mt940_text(2))
    path = written(tmp_path, buffer.getvalue(), "exports.zip")
    streamed = bank.stream(path)
    assert amounts(streamed) == [Decimal(-1), Decimal(-2)]
    assert streamed.statements[0].tally.count == 2


def test_a_blank_head_is_read_whole(tmp_path):
    # 8192 blank bytes, then the statement: read as read_bytes reads it (blank lines before a statement)
    path = written(tmp_path, b"\r\n" * 4096 + mt940_text(2).encode("ascii"))
    assert str(_outcome(lambda: amounts(bank.stream(path)))) == str(_outcome(
        lambda: [t.amount for s in bank.read(path) for t in s.transactions]))


@pytest.mark.parametrize("at", [0, 1, 50])
def test_a_nul_byte_anywhere_is_refused_as_read_refuses_it(tmp_path, at):
    data = mt940_text(2).encode("ascii")
    path = written(tmp_path, data[:at] + b"\x00" + data[at:])
    with pytest.raises(BankFileError) as streamed:
        list(bank.stream(path))
    with pytest.raises(BankFileError) as read:
        bank.read(path)
    assert str(streamed.value) == str(read.value) and streamed.value.file == str(path)


def _outcome(reader):
    try:
        return reader()
    except BankFileError as exc:
        return exc


@pytest.mark.parametrize("utf16", [False, True])
def test_the_format_given_is_the_format_read(tmp_path, utf16):
    # an MT940 file read as CAMT: refused (as bank.read refuses it), not detected as MT940
    text = mt940_text(2)
    path = written(tmp_path, b"\xff\xfe" + text.encode("utf-16-le") if utf16 else text.encode("ascii"))
    with pytest.raises(BankFileError) as streamed:
        list(bank.stream(path, format="camt"))
    assert streamed.value.file == str(path)
    assert str(streamed.value) == str(_outcome(lambda: bank.read(path, format="camt")))


@pytest.mark.parametrize("utf16", [False, True])
def test_the_bank_given_is_the_statements_bank(tmp_path, utf16):
    # an ABN AMRO account's statement said to be Knab's: the bank given wins over the IBAN's code
    text = mt940_text(1)
    path = written(tmp_path, b"\xff\xfe" + text.encode("utf-16-le") if utf16 else text.encode("ascii"))
    streamed = bank.stream(path, bank="knab")
    list(streamed)
    assert [s.bank for s in streamed.statements] == [s.bank for s in bank.read(path, bank="knab")]


def test_a_mapping_reads_csv_and_refuses_another_format(tmp_path):
    path = written(tmp_path, mt940_text(1).encode("ascii"))
    with pytest.raises(BankFileError) as caught:
        list(bank.stream(path, format="mt940", mapping=bank.presets.PRESETS["ing"]))
    assert caught.value.file == str(path) and "mt940" in caught.value.message


def test_a_stream_is_read_once(tmp_path):
    streamed = bank.stream(written(tmp_path, mt940_text(1).encode("ascii")))
    list(streamed)
    with pytest.raises(RuntimeError, match="once"):
        iter(streamed)


def test_statements_and_warnings_are_empty_until_the_end(tmp_path):
    streamed = bank.stream(written(tmp_path, mt940_text(2).encode("ascii")))
    assert streamed.statements is None and streamed.warnings == []
    it = iter(streamed)
    next(it)
    assert streamed.statements is None
    list(it)
    assert len(streamed.statements) == 1


def test_a_statement_without_transactions_gets_an_empty_tally(tmp_path):
    # a second statement of no transactions, balances equal: it reconciles with a count of 0
    text = mt940_text(1) + ":20:STMT2\r\n:25:" + IBAN + "\r\n:28C:2\r\n:60F:C260303EUR999,00\r\n:62F:C260303EUR999,00\r\n"
    streamed = bank.stream(written(tmp_path, text.encode("ascii")))
    assert amounts(streamed) == [Decimal(-1)]
    first, second = streamed.statements
    assert (first.transaction_count, second.transaction_count) == (1, 0)
    assert second.tally is not None and second.tally.count == 0 and second.reconciles is True
    assert second.format == "mt940" and second.source.endswith("export.sta")


def test_a_gap_is_warned_of_naming_the_file(tmp_path):
    path = written(tmp_path, mt940_text(3, closing=":62F:C260302EUR1000,00").encode("ascii"))  # 994 reached
    streamed = bank.stream(path)
    list(streamed)
    assert len(streamed.warnings) == 1 and str(path) in streamed.warnings[0] and "994.00" in streamed.warnings[0]


def test_a_lost_transaction_fails_the_count_naming_the_file(tmp_path, monkeypatch):
    path = written(tmp_path, mt940_text(3).encode("ascii"))
    real = mt940.stream

    def losing(*args, **kwargs):
        inner = real(*args, **kwargs)
        next(inner)
        return (yield from inner)

    monkeypatch.setattr(mt940, "stream", losing)
    with pytest.raises(BankFileError) as caught:
        list(bank.stream(path))
    assert caught.value.file == str(path) and "2" in caught.value.message and "3" in caught.value.message


def test_a_reader_that_breaks_while_reading_is_a_bank_file_error(tmp_path, monkeypatch):
    path = written(tmp_path, mt940_text(3).encode("ascii"))
    real = mt940.stream

    def breaking(*args, **kwargs):
        inner = real(*args, **kwargs)
        yield next(inner)
        raise KeyError("boom")

    monkeypatch.setattr(mt940, "stream", breaking)
    with pytest.raises(BankFileError) as caught:
        list(bank.stream(path))
    assert caught.value.file == str(path) and "mt940" in caught.value.message and "boom" in caught.value.message
    assert isinstance(caught.value.__cause__, KeyError)


def test_a_reader_error_is_located_in_the_file_without_a_cause(tmp_path, monkeypatch):
    path = written(tmp_path, mt940_text(3).encode("ascii"))

    def refusing(*args, **kwargs):
        raise BankFileError("refused", line=7)
        yield  # a generator

    monkeypatch.setattr(mt940, "stream", refusing)
    with pytest.raises(BankFileError) as caught:
        list(bank.stream(path))
    assert (caught.value.file, caught.value.line) == (str(path), 7) and caught.value.__cause__ is None


@pytest.mark.parametrize("part", ["stream", "stream_count"])
def test_a_reader_or_count_that_breaks_when_called_is_a_bank_file_error_naming_the_format(tmp_path, monkeypatch,
                                                                                          part):
    path = written(tmp_path, mt940_text(3).encode("ascii"))

    def broken(*args, **kwargs):
        raise KeyError("early")

    monkeypatch.setattr(mt940, part, broken)
    with pytest.raises(BankFileError) as caught:
        list(bank.stream(path))
    assert caught.value.file == str(path) and "mt940" in caught.value.message


def test_a_file_of_no_known_format_is_refused_naming_the_file(tmp_path):
    path = written(tmp_path, b"Dear customer,\r\nthis is a letter, not a bank export.\r\n", "letter.txt")
    with pytest.raises(BankFileError) as caught:
        list(bank.stream(path))
    assert caught.value.file == str(path)
    assert str(caught.value) == str(_outcome(lambda: bank.read(path)))
