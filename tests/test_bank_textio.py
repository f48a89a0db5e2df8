"""One decoding policy and one line split for every bank reader (xlcapital.bank.textio).

A byte that no encoding tried decodes is an error naming the file and the line in every format,
never a silent replacement character; line numbers count CR LF, LF and bare CR as an editor does.
The line numbers below are counted by hand in the bytes each test builds.
"""

from __future__ import annotations

from decimal import Decimal as D

import pytest

from tests.conftest import DATA
from xlcapital import bank
from xlcapital.bank.textio import decode_text, exact_amount, iter_lines, line_of
from xlcapital.errors import BankFileError

FIX = DATA / "bank"
ING_HEADER = b'"Datum","Naam / Omschrijving","Rekening","Tegenrekening","Code","Af Bij","Bedrag (EUR)","MutatieSoort","Mededelingen"'


def ing_row(name: bytes) -> bytes:
    return b'"20260302","' + name + b'","NL20INGB0001234567","","BA","Af","2,50","Betaalautomaat","brood"'


@pytest.mark.parametrize("newline", [b"\n", b"\r\n", b"\r"], ids=["LF", "CRLF", "CR"])
def test_csv_bad_byte_names_its_line_whatever_the_line_ends(newline):
    # line 1 header, line 2 a cp1252 "é" (valid), line 3 a blank line, line 4 byte 0x81 (undefined
    # in cp1252 and not UTF-8): the line an editor shows is 4 with every kind of line end
    data = newline.join([ING_HEADER, ing_row(b"Caf\xe9"), b"", ing_row(b"Bakker \x81"), b""])
    with pytest.raises(BankFileError, match=r"byte 0x81 is not text in utf-8 or cp1252") as err:
        bank.read_bytes(data, source="export.csv")
    assert (err.value.file, err.value.line) == ("export.csv", 4)
    assert "mapping" in err.value.hint  # the CSV reader's own advice


def test_mt940_bad_byte_is_an_error_not_a_replacement_character():
    good = (FIX / "mt940_german_cp1252.sta").read_bytes()
    lines = good.split(b"\n")
    assert b"\xfc" in good  # the fixture's own cp1252 "ü": fine
    at = next(i for i, line in enumerate(lines) if line.startswith(b":86:"))
    lines[at] = lines[at].replace(b"?00", b"?00\x9d", 1)  # undefined in cp1252, not UTF-8 (before the CR)
    with pytest.raises(BankFileError, match="byte 0x9d is not text") as err:
        bank.read_bytes(b"\n".join(lines), source="bad.sta")
    assert (err.value.file, err.value.line) == ("bad.sta", at + 1)


def test_ofx_declared_charset_first_then_the_defaults():
    good = (FIX / "ofx102_sgml_cp1252.ofx").read_bytes()
    assert b"CHARSET:1252" in good
    # an unknown declaration is passed over: the bytes still read (as UTF-8 or cp1252)
    unknown = good.replace(b"CHARSET:1252", b"CHARSET:9999")
    assert [t.amount for s in bank.read_bytes(unknown) for t in s.transactions] == [
        t.amount for s in bank.read_bytes(good) for t in s.transactions
    ]
    lines = good.split(b"\n")
    at = next(i for i, line in enumerate(lines) if b"<MEMO>" in line)
    lines[at] = lines[at].replace(b"<MEMO>", b"<MEMO>\x8f")
    with pytest.raises(BankFileError, match="byte 0x8f is not text in cp1252 or utf-8") as err:
        bank.read_bytes(b"\n".join(lines), source="bad.ofx")
    assert (err.value.file, err.value.line) == ("bad.ofx", at + 1)


def test_the_byte_named_is_where_the_encoding_that_read_furthest_stopped():
    # UTF-8 stops at the "é" of line 2 (byte 0xe9); cp1252 reads on to the 0x90 of line 3
    with pytest.raises(BankFileError) as err:
        decode_text(b"abc\nd\xe9f\nx\x90y\n")
    assert err.value.line == 3 and "byte 0x90" in err.value.message
    # a UTF-8 file with one cut sequence (0xc3 then ASCII): UTF-8 reads furthest, to line 2
    with pytest.raises(BankFileError) as err:
        decode_text("\u00c1\n".encode() + b"\xc3x\n", ["utf-8", "ascii"])
    assert err.value.line == 2 and "byte 0xc3" in err.value.message


def test_bom_encodings_and_unknown_names():
    assert decode_text(b"\xef\xbb\xbfDatum") == "Datum"  # the BOM goes, for every encoding
    assert decode_text(b"\xef\xbb\xbf\xa4", ["iso-8859-15"]) == "€"
    assert decode_text(b"caf\xe9", ["no-such-codec"]) == "café"  # nothing known given: the defaults
    assert decode_text(b"caf\xe9", ["no-such-codec", "latin-1"]) == "café"


def test_iter_lines_and_line_of_count_alike():
    text = "a\r\nb\rc\nd\r\r\ne"
    lines = list(iter_lines(text))
    assert lines == ["a", "b", "c", "d", "", "e"]  # CR CR LF: two line ends, the second line blank
    for number, line in enumerate(lines, 1):
        if line:
            assert line_of(text, text.index(line)) == number
            assert line_of(text.encode(), text.index(line)) == number
    assert list(iter_lines("")) == [] and list(iter_lines("x\n")) == ["x"]


@pytest.mark.parametrize(
    "text, signed, value",
    [("1234,5", False, D("1234.5")), ("000000000300.00", False, D("300.00")), ("75,", False, D("75")),
     (",5", False, D("0.5")), ("-6.60", True, D("-6.60")), ("+50,00", True, D("50.00")), ("2500", True, D("2500"))],
)
def test_exact_amount(text, signed, value):
    assert exact_amount(text, signed=signed) == value


@pytest.mark.parametrize("text, signed", [("-6.60", False), ("1.234,56", True), ("", True), ("-", True), ("$120", True),
                                          ("1 000", True), ("١٢", True), ("--5", True)])
def test_exact_amount_refuses(text, signed):
    with pytest.raises(BankFileError, match="not an amount"):
        exact_amount(text, signed=signed, line=7)


@pytest.mark.parametrize(
    "fixture, old, new, record",
    [
        ("camt053_v02_batch.xml", b'<Amt Ccy="EUR">45.99</Amt>', b'<Amt Ccy="EUR">45,99x</Amt>', b"<Ntry>"),
        ("ofx102_sgml_cp1252.ofx", b"<TRNAMT>-89,95", b"<TRNAMT>$89,95", b"<STMTTRN>"),
    ],
    ids=["camt", "ofx"],
)
@pytest.mark.parametrize("newline", [b"\n", b"\r\n", b"\r"], ids=["LF", "CRLF", "CR"])
def test_xml_and_ofx_errors_name_the_record_line_whatever_the_line_ends(fixture, old, new, record, newline):
    lines = (FIX / fixture).read_bytes().replace(old, new).replace(b"\r\n", b"\n").split(b"\n")
    bad = next(i for i, line in enumerate(lines) if new in line)
    # the error names the line where the broken record (entry, transaction) starts, 1-based
    start = max(i for i, line in enumerate(lines[: bad + 1]) if record in line) + 1
    with pytest.raises(BankFileError, match="amount") as err:
        bank.read_bytes(newline.join(lines), source=fixture)
    assert (err.value.file, err.value.line) == (fixture, start)


@pytest.mark.parametrize(
    "fault",
    [LookupError("unknown encoding: x-mac-dutch"), RecursionError("maximum recursion depth exceeded"),
     KeyError("Amt"), IndexError("list index out of range"), UnicodeDecodeError("utf-8", b"\xff", 0, 1, "invalid"),
     __import__("decimal").InvalidOperation("[<class 'decimal.ConversionSyntax'>]"), TypeError("x"), AttributeError("y")],
    ids=lambda e: e.__class__.__name__,
)
@pytest.mark.parametrize("where", ["read", "count_records"])
def test_a_readers_own_fault_is_a_one_line_bankfileerror(monkeypatch, fault, where):
    from xlcapital.bank import ofx

    def broken(*args, **kwargs):
        raise fault

    monkeypatch.setattr(ofx, where, broken)
    with pytest.raises(BankFileError, match=f"cannot read this ofx file: {fault.__class__.__name__}") as err:
        bank.read_bytes((FIX / "ofx211_xml.ofx").read_bytes(), source="x.ofx")
    assert err.value.file == "x.ofx" and "\n" not in str(err.value)


def test_the_collector_runs_again_after_a_read_even_a_failed_one():
    import gc

    assert gc.isenabled()
    bank.read_bytes((FIX / "ofx211_xml.ofx").read_bytes())
    with pytest.raises(BankFileError):
        bank.read_bytes((FIX / "ofx211_xml.ofx").read_bytes().replace(b"<TRNAMT>", b"<TRNAMT>x"))
    assert gc.isenabled()
