"""Issue 12's cases, one regression test each: nothing lost, nothing invented, nothing crashes.

Expected values are read off the hand-made fixtures in tests/data/bank (the arithmetic written out
beside each); every damaged input is made from a fixture by one visible replacement.
"""

from __future__ import annotations

import contextlib
from decimal import Decimal as D
from pathlib import Path

import pytest

from tests.conftest import fifo_nobody_writes
from xlcapital import bank
from xlcapital.bank import camt, ofx, read_bytes
from xlcapital.errors import BankFileError

DATA = Path(__file__).resolve().parent / "data" / "bank"
BATCH = (DATA / "camt053_v02_batch.xml").read_bytes()
#: camt053_v02_batch.xml as read: +250.00; a batch of 300.00 out as -100.00, -150.00 and the rest
#: -50.00; a reversal +45.99; interest -0.12345
BATCH_AMOUNTS = [D("250.00"), D("-100.00"), D("-150.00"), D("-50.00"), D("45.99"), D("-0.12345")]

TWO_PREFIXES = b"""<?xml version="1.0"?>
<a:Document xmlns:a="urn:iso:std:iso:20022:tech:xsd:camt.053.001.02" xmlns:b="urn:iso:std:iso:20022:tech:xsd:camt.053.001.02">
<a:BkToCstmrStmt><a:Stmt><a:Acct><a:Id><a:IBAN>NL91ABNA0417164300</a:IBAN></a:Id></a:Acct>
<a:Ntry><a:Amt Ccy="EUR">1.00</a:Amt><a:CdtDbtInd>CRDT</a:CdtDbtInd><a:BookgDt><a:Dt>2024-01-01</a:Dt></a:BookgDt></a:Ntry>
<b:Ntry><b:Amt Ccy="EUR">2.00</b:Amt><b:CdtDbtInd>DBIT</b:CdtDbtInd><b:BookgDt><b:Dt>2024-01-02</b:Dt></b:BookgDt></b:Ntry>
</a:Stmt></a:BkToCstmrStmt></a:Document>
"""


def amounts(statements):
    return [t.amount for s in statements for t in s.transactions]


# --- CAMT: the count no longer shares the reader's blind spots -----------------------------------


def test_camt_two_prefixes_for_one_namespace_read_both_entries():
    # one entry per prefix: +1.00 (a:, CRDT) and -2.00 (b:, DBIT)
    assert camt.count_records(TWO_PREFIXES) == 2
    (s,) = read_bytes(TWO_PREFIXES, "two.xml")
    assert amounts([s]) == [D("1.00"), D("-2.00")]
    assert [t.line for t in s.transactions] == [4, 5]


@pytest.mark.parametrize(
    "wrap",
    [b"<!-- %s -->", b"<![CDATA[ %s ]]>", b"<?note %s ?>"],
    ids=["comment", "cdata", "processing-instruction"],
)
def test_camt_entry_inside_a_comment_is_no_entry(wrap):
    hidden = wrap % b'<Ntry><Amt Ccy="EUR">9.99</Amt><CdtDbtInd>CRDT</CdtDbtInd></Ntry>'
    where = b"<AddtlNtryInf>" if wrap.startswith(b"<![") else b"      <Ntry>"
    data = BATCH.replace(where, (hidden if not wrap.startswith(b"<![") else where + hidden) + (b"" if wrap.startswith(b"<![") else b"\n" + where), 1)
    assert camt.count_records(data) == 6  # 1 + 3 + 1 + 1, as in the clean file
    assert amounts(read_bytes(data, "c.xml")) == BATCH_AMOUNTS


def test_camt_batch_details_that_disagree_keep_the_entry_and_warn():
    # the 150.00 detail made a credit: -100.00 + 150.00 and a rest would not be the 300.00 out
    other_way = BATCH.replace(
        b'<AmtDtls><TxAmt><Amt Ccy="EUR">150.00</Amt></TxAmt></AmtDtls>',
        b'<AmtDtls><TxAmt><Amt Ccy="EUR">150.00</Amt></TxAmt></AmtDtls><CdtDbtInd>CRDT</CdtDbtInd>',
    )
    (s,) = read_bytes(other_way, "w.xml")
    assert amounts([s]) == [D("250.00"), D("-300.00"), D("45.99"), D("-0.12345")]
    assert s.records == 6 and s.reconciles  # 1000.00 + 250.00 - 300.00 + 45.99 - 0.12345 = 995.86655
    (warning,) = s.warnings
    assert warning.startswith("w.xml:64: ") and "kept as one transaction" in warning
    # another currency on a detail
    dollars = BATCH.replace(b'<TxAmt><Amt Ccy="EUR">150.00', b'<TxAmt><Amt Ccy="USD">150.00')
    (s,) = read_bytes(dollars, "usd.xml")
    assert amounts([s])[1] == D("-300.00") and "another currency" in s.warnings[0]


def test_camt_batch_details_without_amounts_keep_the_entry():
    # amounts on TxDtls are optional: with two of three missing the entry's -300.00 is booked
    no_amounts = BATCH.replace(b'<AmtDtls><TxAmt><Amt Ccy="EUR">150.00</Amt></TxAmt></AmtDtls>', b"")
    (s,) = read_bytes(no_amounts, "n.xml")
    assert amounts([s]) == [D("250.00"), D("-300.00"), D("45.99"), D("-0.12345")]
    assert s.reconciles and "gives no amount for 2 of them" in s.warnings[0]


def test_camt_balance_without_sign_costs_a_warning_not_the_file():
    # the OPBD balance (line 23) loses its CdtDbtInd: left out, PRCD 999.99 opens instead
    data = BATCH.replace(b"<CdtDbtInd>CRDT</CdtDbtInd>\n        <Dt><Dt>2024-03-01", b"\n        <Dt><Dt>2024-03-01")
    (s,) = read_bytes(data, "b.xml")
    assert amounts([s]) == BATCH_AMOUNTS
    assert s.opening_balance.amount == D("999.99")
    assert s.warnings[0].startswith("b.xml:23: balance OPBD left out")
    # 999.99 - 4.13345 = 995.85655, not the stated 995.86655: the reconciliation warns as well
    assert "difference 0.01000" in s.warnings[1]


@pytest.mark.parametrize(
    "old, new, why",
    [
        (b'<Amt Ccy="EUR">995.86655</Amt>', b'<Amt Ccy="EUR"></Amt>', "an empty balance amount"),
        (b"<DtTm>2024-03-04T23:59:59</DtTm>", b"<DtTm>2024-13-04T23:59:59</DtTm>", "not a balance date"),
    ],
)
def test_camt_damaged_closing_balance_is_left_out_with_its_line(old, new, why):
    (s,) = read_bytes(BATCH.replace(old, new), "d.xml")
    assert amounts([s]) == BATCH_AMOUNTS and s.closing_balance is None
    assert s.warnings == [f"d.xml:35: balance CLBD left out: {why}" + (": '2024-13-04T23:59:59'" if "date" in why else "") + "; the transactions are read"]


def test_camt_damaged_entry_is_still_an_error_naming_its_line():
    with pytest.raises(BankFileError, match="not an entry amount") as err:
        read_bytes(BATCH.replace(b'<Amt Ccy="EUR">45.99</Amt>', b'<Amt Ccy="EUR">45.99x</Amt>'), "x.xml")
    assert err.value.line == 100


def test_camt_dtd_is_refused_by_the_count_too():
    with pytest.raises(BankFileError, match="DTD"):
        camt.count_records(b'<!DOCTYPE D [<!ENTITY e "x">]><D><Ntry/></D>')


# --- OFX -------------------------------------------------------------------------------------------

SGML = (DATA / "ofx102_sgml_cp1252.ofx").read_bytes()
#: the bank statement's transactions: -12,50 (line 17) and 1500,00 (line 18); the card's -89,95
SGML_AMOUNTS = [D("-12.50"), D("1500.00"), D("-89.95")]
SECOND = b"<STMTTRN><TRNTYPE>CREDIT<DTPOSTED>20240305120000"


@pytest.mark.parametrize(
    "tag",
    [b'<STMTTRN ID="2">', b"<ofx:STMTTRN>", b"<STMTTRN >", b"<stmttrn\t>"],
    ids=["attribute", "prefix", "space", "lower-case-tab"],
)
def test_ofx_stmttrn_written_otherwise_is_read(tag):
    data = SGML.replace(SECOND, tag + SECOND[len(b"<STMTTRN>") :])
    assert ofx.count_records(data) == 3
    assert amounts(read_bytes(data, "t.ofx")) == SGML_AMOUNTS


@pytest.mark.parametrize("wrap", [b"<!-- %s -->", b"<?x %s ?>"], ids=["comment", "processing-instruction"])
def test_ofx_stmttrn_inside_a_comment_is_not_read(wrap):
    fake = b"<STMTTRN><TRNTYPE>DEBIT<DTPOSTED>20240306<TRNAMT>-999,00<FITID>X</STMTTRN>"
    data = SGML.replace(b"</BANKTRANLIST>", wrap % fake + b"\n</BANKTRANLIST>", 1)
    assert ofx.count_records(data) == 3
    statements = read_bytes(data, "c.ofx")
    assert amounts(statements) == SGML_AMOUNTS
    assert statements[0].closing_balance.amount == D("2487.50")  # LEDGERBAL read after the comment


def test_ofx_cdata_is_text():
    data = SGML.replace(b"<MEMO>Factuur 17", b"<MEMO><![CDATA[Factuur <17> & co]]>")
    assert read_bytes(data, "c.ofx")[0].transactions[1].description == "Factuur <17> & co"


def test_ofx_ledger_date_zero_costs_a_warning_naming_the_ledgerbal_line():
    data = SGML.replace(b"<BALAMT>2487,50<DTASOF>20240315", b"<BALAMT>2487,50<DTASOF>00000000")
    bank_statement, card = read_bytes(data, "z.ofx")
    assert amounts([bank_statement, card]) == SGML_AMOUNTS
    assert bank_statement.closing_balance.amount == D("2487.50") and bank_statement.closing_balance.date is None
    assert bank_statement.warnings == ["z.ofx:20: the ledger balance's date is left out: impossible date 0000-00-00"]


def test_ofx_empty_ledger_balance_costs_a_warning():
    data = SGML.replace(b"<LEDGERBAL><BALAMT>-89,95<DTASOF>20240315</LEDGERBAL>", b"<LEDGERBAL></LEDGERBAL>")
    _, card = read_bytes(data, "e.ofx")
    assert card.closing_balance is None and [t.amount for t in card.transactions] == [D("-89.95")]
    assert card.warnings == ["e.ofx:28: the ledger balance <LEDGERBAL> is left out: an empty balance amount"]


# --- MT940 -----------------------------------------------------------------------------------------

ING_940 = (DATA / "mt940_ing_swift.940").read_bytes()


def test_mt940_truncated_after_the_statement_header_is_an_error():
    cut = ING_940[: ING_940.index(b":25:")]  # the envelope and ":20:P240305000000001" on line 4
    with pytest.raises(BankFileError, match="no account :25:, no balance and no transactions") as err:
        read_bytes(cut, "cut.940")
    assert (err.value.file, err.value.line) == ("cut.940", 4)


@pytest.mark.parametrize(
    "old, new, why",
    [
        (b":60F:C240304EUR1500,00", b":60F:C240399EUR1500,00", "impossible date 2024-03-99"),
        (b":60F:C240304EUR1500,00", b":60F:", "not a balance: ''"),
        (b":60F:C240304EUR1500,00", b":60F:C240304EUR15x0,00", "not a balance: 'C240304EUR15x0,00'"),
    ],
)
def test_mt940_damaged_opening_balance_costs_a_warning_naming_its_line(old, new, why):
    (s,) = read_bytes(ING_940.replace(old, new), "b.940")
    # -45.99 + 1250.00, as in the clean file; the closing balance 2704.01 is still read
    assert [t.amount for t in s.transactions] == [D("-45.99"), D("1250.00")]
    assert s.opening_balance is None and s.closing_balance.amount == D("2704.01")
    assert s.warnings == [f"b.940:7: balance :60F: left out: {why}"]


# --- no traceback, bounded resources ---------------------------------------------------------------


@pytest.mark.parametrize("kind", ["device", "fifo", "folder"])
def test_only_regular_files_are_read(tmp_path, kind):
    if kind == "device":
        path, nobody_writes = Path("/dev/zero"), contextlib.nullcontext()
    elif kind == "fifo":  # no writer: opening it for reading would wait for ever
        path = tmp_path / "pipe"
        nobody_writes = fifo_nobody_writes(path)
    else:
        path, nobody_writes = tmp_path, contextlib.nullcontext()
    with nobody_writes, pytest.raises(BankFileError, match="not a regular file") as err:
        bank.read(path)
    assert err.value.file == str(path)


def test_a_file_over_the_cap_is_refused_without_reading_it_all(tmp_path):
    path = tmp_path / "big.csv"
    path.write_bytes(b"x" * 11)
    assert bank.read_file_bytes(path, limit=11) == b"x" * 11
    with pytest.raises(BankFileError, match="larger than"):
        bank.read_file_bytes(path, limit=10)


def test_a_file_that_says_it_is_empty_is_read_on_up_to_the_cap():
    # /proc files state size 0 and hold text: read on in slices, and held to the cap
    text = bank.read_file_bytes(Path("/proc/self/status"), limit=1 << 20)
    assert text.startswith(b"Name:") and b"VmRSS" in text
    with pytest.raises(BankFileError, match="larger than"):
        bank.read_file_bytes(Path("/proc/self/status"), limit=10)


def zipped(members: dict[str, bytes]) -> bytes:
    import io
    import zipfile

    buf = io.BytesIO()
    with zipfile.ZipFile(buf, "w", zipfile.ZIP_DEFLATED) as z:
        for name, content in members.items():
            z.writestr(name, content)
    return buf.getvalue()


def test_zip_members_together_are_held_to_the_cap_before_unpacking(monkeypatch):
    # six members of 1,000 zero bytes each: 6,000 bytes declared against a cap of 5,000
    data = zipped({f"m{i}.csv": b"\0" * 1000 for i in range(6)})
    monkeypatch.setattr(bank, "MAX_FILE_BYTES", 5000)
    unpacked = []
    monkeypatch.setattr(bank, "_unpack", lambda *args: unpacked.append(args) or b"")
    with pytest.raises(BankFileError, match="the zip unpacks to 0 MB, more than"):
        bank.read_bytes(data, "bomb.zip")
    assert unpacked == []  # refused on the declared sizes, before any member was unpacked


def test_zip_member_larger_than_it_declares_is_stopped_while_unpacking(monkeypatch):
    data = zipped({"a.sta": b"\0" * 3000})
    monkeypatch.setattr(bank, "_SLICE", 1000)
    with pytest.raises(BankFileError, match="unpack to more than") as err:
        import io
        import zipfile

        archive = zipfile.ZipFile(io.BytesIO(data))
        bank._unpack(archive, archive.infolist()[0], 2500, "x.zip::a.sta")
    assert err.value.file == "x.zip::a.sta"


def test_deeply_nested_zip_is_one_short_line():
    data = b"not a bank file"
    for i in range(300):  # the 2,000 levels printed a 20 KB line; 300 take a second to build
        data = zipped({f"inner{i}.zip": data})
    with pytest.raises(BankFileError, match="a zip inside the zip") as err:
        bank.read_bytes(data, "deep.zip")
    assert len(str(err.value)) < 200 and "\n" not in str(err.value)


def test_utf16_with_a_bom_reads_like_utf8():
    text = ING_940.decode("ascii")
    for encoding in ("utf-16", "utf-16-be"):
        data = text.encode(encoding) if encoding == "utf-16" else b"\xfe\xff" + text.encode(encoding)
        (s,) = read_bytes(data, "u16.940")
        assert [t.amount for t in s.transactions] == [D("-45.99"), D("1250.00")]


def test_utf16_without_a_bom_and_nul_bytes_are_named():
    with pytest.raises(BankFileError, match=r"UTF-16 \(little-endian\) without a byte-order mark"):
        read_bytes(ING_940.decode("ascii").encode("utf-16-le"), "u16.940")
    with pytest.raises(BankFileError, match="a NUL byte") as err:
        read_bytes(ING_940.replace(b"NDDTEREF", b"NDDT\0REF"), "nul.940")
    assert err.value.line == 8


@pytest.mark.parametrize(
    "fixture, old, new",
    [
        ("ofx102_sgml_cp1252.ofx", b"-89,95<FITID>", b"-%s<FITID>"),
        ("camt053_v02_batch.xml", b">45.99<", b">%s<"),
        ("mt940_ing_swift.940", b"D45,99N", b"D%s,N"),
        ("knab.csv", b'"D";"7,02"', b'"D";"%s"'),
    ],
)
@pytest.mark.parametrize("digits", [29, 1_000_000])
def test_amounts_over_18_digits_are_a_short_clear_error(fixture, old, new, digits):
    data = (DATA / fixture).read_bytes()
    assert old in data
    with pytest.raises(BankFileError, match="more than a bank file holds|not an amount") as err:
        read_bytes(data.replace(old, new % (b"1" * digits)), fixture)
    assert err.value.line is not None and len(str(err.value)) < 250


def test_ofx_sgml_transaction_left_open_is_closed_by_its_list():
    # SGML writers that leave <STMTTRN> open: </BANKTRANLIST> closes it (was: "outside a statement")
    data = SGML.replace(b"<MEMO>Factuur 17</STMTTRN>", b"<MEMO>Factuur 17")
    assert amounts(read_bytes(data, "open.ofx")) == SGML_AMOUNTS


def test_the_digit_limit_is_18_significant_digits():
    from xlcapital.bank.textio import exact_amount

    assert exact_amount("9" * 18) == D("9" * 18)
    assert exact_amount("0" * 40 + "1" * 16 + ".00") == D("1" * 16 + ".00")  # MT940 pads with zeros
    for text in ("9" * 19, "1" * 16 + ".123"):  # 19 significant digits, with or without decimals
        with pytest.raises(BankFileError, match="of 19 digits is more than a bank file holds"):
            exact_amount(text)


# --- CSV: a running balance is not the transaction -------------------------------------------------

ING_SEMICOLON = (DATA / "ing_semicolon.csv").read_bytes()


def test_csv_damaged_running_balance_in_a_middle_row_costs_a_warning():
    # line 3 (2026-03-02) loses its "Saldo na mutatie"; the ends still give 1000.00 and 2124.50
    (s,) = read_bytes(ING_SEMICOLON.replace(b'"2185,00"', b'"21x5,00"'), "ing.csv")
    assert [t.amount for t in s.transactions] == [D("-25.00"), D("1210.00"), D("-60.50")]
    assert (s.opening_balance.amount, s.closing_balance.amount) == (D("975.00") + D("25.00"), D("2124.50"))
    assert s.warnings == ["ing.csv:3: balance_after left out: not an amount: '21x5,00'; the transaction is read"]


def test_csv_damaged_running_balance_of_the_oldest_row_leaves_the_opening_out():
    (s,) = read_bytes(ING_SEMICOLON.replace(b'"975,00"', b'"9,75,00"'), "ing.csv")
    assert len(s.transactions) == 3 and s.opening_balance is None and s.closing_balance.amount == D("2124.50")
    assert s.warnings[0].startswith("ing.csv:4: balance_after left out")


def test_csv_damaged_amount_is_still_an_error_naming_its_line():
    with pytest.raises(BankFileError, match="not an amount") as err:
        read_bytes(ING_SEMICOLON.replace(b'"1210,00"', b'"12x0,00"'), "ing.csv")
    assert err.value.line == 3
