"""``bank.stream`` of CAMT, OFX and zip files gives what ``bank.read`` gives, window by window.

CAMT is cut into windows that end after a complete ``</Ntry>`` outside comments and CDATA (the
entries' byte ranges and lines kept in arrays, read back from the file in batches), OFX into text
windows that end where a tag starts, a zip's members are streamed one at a time. Each is compared
with ``bank.read`` (the whole file in memory, one parse: an independent path for what matters
here) on every real CAMT/OFX export and fixture, with slices of 5 and 97 bytes (every seam a tag,
a comment, a line end or a character can be cut at), on the attack cases of issue 12 and on
generated documents. No memory is asserted here: bench/bench_bank_memory.py measures it.
"""

from __future__ import annotations

import tempfile
from decimal import Decimal as D
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from tests.conftest import BANKFEEDS, DATA
from tests.test_bank_attacks import BATCH, BATCH_AMOUNTS, SGML, SGML_AMOUNTS, TWO_PREFIXES, zipped
from tests.test_bank_fuzz_structure import camt_document, camt_entry, camt_noise, ofx_document, ofx_transaction
from tests.test_bank_stream import assert_stream_equals_read
from xlcapital import bank
from xlcapital.bank import camt, ofx, streamio
from xlcapital.cli import main
from xlcapital.errors import BankFileError

FIX = DATA / "bank"


def _xml_files() -> list[Path]:
    feeds = sorted(p for folder in ("camt053", "ofx") for p in (BANKFEEDS / folder).glob("*")
                   if p.is_file()) if BANKFEEDS.is_dir() else []
    return feeds + sorted(p for p in FIX.iterdir() if p.suffix in (".xml", ".ofx"))


def test_the_real_camt_ofx_and_zip_exports_are_there(bankfeeds):
    files = _xml_files()
    assert len([p for p in files if bankfeeds in p.parents]) >= 20
    assert any(p.suffix == ".zip" for p in files)


@pytest.mark.parametrize("size", [5, 97, streamio.SLICE])
@pytest.mark.parametrize("path", _xml_files(), ids=lambda p: f"{p.parent.name}/{p.name}")
def test_stream_gives_what_read_gives_in_any_window(path, size, monkeypatch):
    monkeypatch.setattr(streamio, "SLICE", size)
    assert_stream_equals_read(path)


def test_camt_and_ofx_are_streamed_not_read_whole(monkeypatch):
    """The stream reads them with the formats' own stream and count, never through bank.read's bytes."""
    def refused(*args, **kwargs):
        raise AssertionError("read whole")

    monkeypatch.setattr(bank, "read_bytes", refused)
    monkeypatch.setattr(bank, "read_file_bytes", refused)
    monkeypatch.setattr(camt, "read", refused)
    monkeypatch.setattr(ofx, "read", refused)
    for name in ("camt053_v02_batch.xml", "ofx102_sgml_cp1252.ofx", "ofx211_xml.ofx"):
        assert len(list(bank.stream(FIX / name))) > 0


# --- the attack cases, streamed ------------------------------------------------------------


def _written(tmp_path: Path, name: str, data: bytes) -> Path:
    path = tmp_path / name
    path.write_bytes(data)
    return path


def _streamed(path: Path) -> list:
    return [t.amount for _, t in bank.stream(path)]


@pytest.mark.parametrize("size", [5, 64, streamio.SLICE])
def test_camt_two_prefixes_streamed(tmp_path, size, monkeypatch):
    monkeypatch.setattr(streamio, "SLICE", size)
    path = _written(tmp_path, "two.xml", TWO_PREFIXES)
    assert _streamed(path) == [D("1.00"), D("-2.00")]  # a: CRDT 1.00, b: DBIT 2.00
    assert_stream_equals_read(path)


CAMT_HIDDEN = b'<Ntry><Amt Ccy="EUR">9.99</Amt><CdtDbtInd>CRDT</CdtDbtInd></Ntry>'


@pytest.mark.parametrize("size", [5, 41, streamio.SLICE])
@pytest.mark.parametrize("hidden", [
    b"<!-- " + CAMT_HIDDEN + b" </Ntry> -->\n      <Ntry>",           # a comment holding entries and an end tag
    b"<!-- </Ntry> -->\n      <Ntry>",
    b"<?note " + CAMT_HIDDEN + b" ?>\n      <Ntry>",
], ids=["comment", "end-tag-in-comment", "processing-instruction"])
def test_camt_entries_in_comments_streamed(tmp_path, hidden, size, monkeypatch):
    monkeypatch.setattr(streamio, "SLICE", size)
    path = _written(tmp_path, "c.xml", BATCH.replace(b"      <Ntry>", hidden, 1))
    assert _streamed(path) == BATCH_AMOUNTS  # the clean file's six
    assert_stream_equals_read(path)


@pytest.mark.parametrize("size", [5, 97])
def test_camt_cdata_holding_an_entry_and_an_end_tag_streamed(tmp_path, size, monkeypatch):
    monkeypatch.setattr(streamio, "SLICE", size)
    data = BATCH.replace(b"<AddtlNtryInf>", b"<AddtlNtryInf><![CDATA[ </Ntry> " + CAMT_HIDDEN + b" ]]>", 1)
    assert data != BATCH
    path = _written(tmp_path, "cdata.xml", data)
    assert _streamed(path) == BATCH_AMOUNTS
    assert_stream_equals_read(path)


@pytest.mark.parametrize("cut", [0.3, 0.5, 0.8, 0.97])
def test_camt_truncated_streamed_is_reads_error(tmp_path, cut, monkeypatch):
    monkeypatch.setattr(streamio, "SLICE", 7)
    path = _written(tmp_path, "cut.xml", BATCH[: int(len(BATCH) * cut)])
    with pytest.raises(BankFileError) as err:
        list(bank.stream(path))
    assert err.value.file == str(path) and err.value.line is not None
    assert_stream_equals_read(path)


def test_a_damaged_camt_entry_far_into_the_file_names_its_line(tmp_path):
    """Past the first window, and after transactions were handed on: read's error, same line."""
    entry = ('<Ntry><Amt Ccy="EUR">{}</Amt><CdtDbtInd>DBIT</CdtDbtInd>\n'
             "<BookgDt><Dt>2024-03-01</Dt></BookgDt></Ntry>\n")
    entries = [entry.format(f"{i % 90 + 1}.00") for i in range(20_000)]  # 2 lines each, ~1.9 MB
    entries[15_000] = entry.format("1.0x")
    head = ('<?xml version="1.0"?>\n<Document xmlns="urn:iso:std:iso:20022:tech:xsd:camt.053.001.02">\n'
            "<BkToCstmrStmt><Stmt><Acct><Id><IBAN>NL91ABNA0417164300</IBAN></Id></Acct>\n")
    path = _written(tmp_path, "big.xml", (head + "".join(entries) + "</Stmt></BkToCstmrStmt></Document>\n").encode())
    got = []
    with pytest.raises(BankFileError, match="not an entry amount") as err:
        for _, t in bank.stream(path):
            got.append(t)
    assert (err.value.file, err.value.line) == (str(path), 4 + 2 * 15_000)  # three head lines, two per entry
    assert str(err.value) == str(pytest.raises(BankFileError, bank.read, path).value)
    assert len(got) >= 14_000  # the batches before it were handed on: the writer must drop them


@pytest.mark.parametrize("size", [5, 97])
def test_ofx_attacks_streamed(tmp_path, size, monkeypatch):
    """STMTTRN with an attribute or a prefix is read, one inside a comment is not, CDATA is text."""
    monkeypatch.setattr(streamio, "SLICE", size)
    second = b"<STMTTRN><TRNTYPE>CREDIT<DTPOSTED>20240305120000"
    fake = b"<!-- <STMTTRN><TRNTYPE>DEBIT<DTPOSTED>20240306<TRNAMT>-999,00<FITID>X</STMTTRN> -->"
    data = (SGML.replace(second, b'<ofx:STMTTRN ID="2">' + second[len(b"<STMTTRN>"):])
            .replace(b"</BANKTRANLIST>", fake + b"\n</BANKTRANLIST>", 1)
            .replace(b"<MEMO>Factuur 17", b"<MEMO><![CDATA[Factuur <17> & co]]>"))
    path = _written(tmp_path, "a.ofx", data)
    pairs = list(bank.stream(path))
    assert [t.amount for _, t in pairs] == SGML_AMOUNTS
    assert pairs[1][1].description == "Factuur <17> & co"
    assert_stream_equals_read(path)


def test_a_damaged_ofx_transaction_far_into_the_file_names_its_line(tmp_path):
    rows = [f"<STMTTRN>\n<TRNTYPE>DEBIT\n<DTPOSTED>20240301\n<TRNAMT>-{i % 90 + 1}.00\n<FITID>{i}\n</STMTTRN>\n"
            for i in range(30_000)]  # six lines each, ~1.9 MB
    rows[25_000] = rows[25_000].replace("<DTPOSTED>20240301", "<DTPOSTED>20241301")
    head = ("OFXHEADER:100\nDATA:OFXSGML\nVERSION:102\nCHARSET:1252\n\n<OFX><BANKMSGSRSV1><STMTTRNRS><STMTRS>\n"
            "<CURDEF>EUR<BANKACCTFROM><ACCTID>NL91ABNA0417164300</BANKACCTFROM><BANKTRANLIST>\n")
    path = _written(tmp_path, "big.ofx", (head + "".join(rows) + "</BANKTRANLIST></STMTRS></STMTTRNRS>"
                                          "</BANKMSGSRSV1></OFX>\n").encode("cp1252"))
    got = []
    with pytest.raises(BankFileError) as err:
        for _, t in bank.stream(path):
            got.append(t)
    assert (err.value.file, err.value.line) == (str(path), 8 + 6 * 25_000)  # seven head lines, six per row
    assert str(err.value) == str(pytest.raises(BankFileError, bank.read, path).value)
    assert 0 < len(got) < 25_000  # the windows before it were handed on


def test_ofx_transactions_wait_for_the_statements_currency(tmp_path):
    """CURDEF after the transactions: each is handed on with it once the statement ends."""
    data = SGML.replace(b"<CURDEF>EUR", b"", 1).replace(b"</BANKTRANLIST>", b"</BANKTRANLIST><CURDEF>USD", 1)
    assert data.count(b"<CURDEF>USD") == 1
    path = _written(tmp_path, "late.ofx", data)
    pairs = list(bank.stream(path))
    assert [t.currency for _, t in pairs][:2] == ["USD", "USD"]
    assert_stream_equals_read(path)


# --- zip: members one at a time, the cap over all of them ----------------------------------


ZIP_MEMBERS = {name: (FIX / name).read_bytes() for name in
               ("camt053_v02_batch.xml", "ofx211_xml.ofx", "mt940_asn.940", "ing_semicolon.csv", "camt053_v08_prefixed.xml")}


@pytest.mark.parametrize("size", [5, 97, streamio.SLICE])
def test_a_zip_streamed_gives_what_read_gives(tmp_path, size, monkeypatch):
    monkeypatch.setattr(streamio, "SLICE", size)
    path = _written(tmp_path, "exports.zip", zipped({**ZIP_MEMBERS, "twice/camt053_v02_batch.xml": BATCH}))
    assert_stream_equals_read(path)
    # the members in name order, each under its own name; the batch read twice, numbered apart
    sources = list(dict.fromkeys(s.source for s, _ in bank.stream(path)))
    assert sources == [f"{path}::{name}" for name in sorted([*ZIP_MEMBERS, "twice/camt053_v02_batch.xml"])]


def test_zip_members_are_streamed_never_unpacked_whole(tmp_path, monkeypatch):
    path = _written(tmp_path, "exports.zip", zipped(ZIP_MEMBERS))
    expected = [t for s in bank.read(path) for t in s.transactions]

    def refused(*args, **kwargs):
        raise AssertionError("a member unpacked whole")

    monkeypatch.setattr(bank, "_unpack", refused)
    monkeypatch.setattr(bank, "read_bytes", refused)
    assert [t for _, t in bank.stream(path)] == expected


def test_zip_cap_over_all_members_streamed(tmp_path, monkeypatch):
    """Six members of 1,000 bytes each unpack to 6,000 together, over a cap of 5,000 (each alone
    is under it): refused before anything is handed on, as read refuses it."""
    path = _written(tmp_path, "bomb.zip", zipped({f"m{i}.sta": b":20:X\r\n" * 125 for i in range(6)}))
    monkeypatch.setattr(bank, "MAX_FILE_BYTES", 5000)
    with pytest.raises(BankFileError, match="the zip unpacks to 0 MB, more than the 0 MB") as err:
        next(iter(bank.stream(path)))
    assert err.value.file == str(path)
    assert str(err.value) == str(pytest.raises(BankFileError, bank.read, path).value)


def test_zip_members_share_one_budget_while_checked(tmp_path, monkeypatch):
    """Each member is unpacked against what the ones before it left of the cap (a header may lie)."""
    path = _written(tmp_path, "two.zip", zipped({"a.sta": b"a" * 3000, "b.sta": b"b" * 3000}))
    budgets = []
    real = bank._measure
    monkeypatch.setattr(bank, "_measure", lambda archive, member, budget, name: budgets.append(budget) or
                        real(archive, member, budget, name))
    with pytest.raises(BankFileError):  # neither is a bank file; the budgets are what is looked at
        list(bank.stream(path))
    assert budgets == [bank.MAX_FILE_BYTES, bank.MAX_FILE_BYTES - 3000]


@pytest.mark.parametrize("members", [{"a.sta": zipped({"inner.sta": b"x"})}, {}], ids=["nested", "empty"])
def test_zip_errors_streamed_are_reads(tmp_path, members):
    path = _written(tmp_path, "z.zip", zipped(members) if members else b"PK\x03\x04 damaged")
    assert_stream_equals_read(path)


# --- generated documents: every shape the structure fuzz writes, streamed in small slices ----

EXAMPLES = settings(max_examples=40, deadline=None, suppress_health_check=[HealthCheck.too_slow])


def _compare(data: bytes, suffix: str, size: int, cut: float | None) -> None:
    if cut is not None:
        data = data[: int(len(data) * cut)]
    saved = streamio.SLICE
    with tempfile.TemporaryDirectory() as tmp:
        path = _written(Path(tmp), "doc" + suffix, data)
        streamio.SLICE = size
        try:
            assert_stream_equals_read(path)
        finally:
            streamio.SLICE = saved


@EXAMPLES
@given(
    st.lists(st.tuples(st.lists(camt_entry, max_size=4), st.lists(camt_noise, max_size=4)), min_size=1, max_size=3),
    st.sampled_from(["UTF-8", "windows-1252"]),
    st.integers(3, 300),
    st.none() | st.floats(0.05, 0.99),
)
def test_generated_camt_streams_as_it_reads(statements, encoding, size, cut):
    data, _ = camt_document(statements, encoding)
    _compare(data, ".xml", size, cut)


@EXAMPLES
@given(
    st.lists(st.lists(ofx_transaction, max_size=5), min_size=1, max_size=3),
    st.booleans(),
    st.booleans(),
    st.integers(3, 300),
    st.none() | st.floats(0.05, 0.99),
)
def test_generated_ofx_streams_as_it_reads(statements, xml, cp1252, size, cut):
    data, _ = ofx_document(statements, xml, cp1252)
    _compare(data, ".ofx", size, cut)


# --- the command ---------------------------------------------------------------------------


@pytest.mark.parametrize("name", ["camt053_v08_prefixed.xml", "ofx102_sgml_cp1252.ofx", "camt054_notification.xml"])
def test_cli_csv_of_a_streamed_camt_or_ofx_is_reads(name, tmp_path, capsys):
    from tests.test_bank_stream import _rows_of

    out = tmp_path / "out.csv"
    assert main(["bank", str(FIX / name), "--csv", str(out)]) == 0
    capsys.readouterr()
    got = [row for row in __import__("csv").reader(out.read_text(encoding="utf-8-sig").splitlines())]
    statements = bank.merge(bank.read(FIX / name))
    assert got == _rows_of([(s, t) for s in statements for t in s.transactions])


def test_a_record_longer_than_a_slice_costs_a_few_windows_not_one_per_slice():
    """A 1 MB comment read in 1 KB slices: each window that could not be cut waits for twice as
    much, so about log2(1000) = 10 tries, not 1,000 (each of which would rescan the comment)."""
    data = b"<D>" + b"<!-- " + b"x" * 1_000_000 + b" --><Ntry/></D>"
    tries = []

    def feed(window: bytes, final: bool) -> int:
        tries.append(len(window))
        end = window.rfind(b"-->")
        return len(window) if final else end + 3 if end >= 0 else 0

    list(streamio.fed_windows((data[i:i + 1000] for i in range(0, len(data), 1000)), feed))
    assert len(tries) <= 12 and sum(tries) < 3 * len(data)
    # and the cutter finds the one entry after it, at its line
    entries = __import__("xlcapital.bank.xmlentries", fromlist=["cut_windows"]).cut_windows(
        data[i:i + 1000] for i in range(0, len(data), 1000))
    assert len(entries) == 1 and entries.lines[0] == 1


@pytest.mark.parametrize("end", ["\r", "\r\n", "\n"], ids=["CR", "CRLF", "LF"])
def test_ofx_lines_after_a_comment_of_several_lines_are_the_files(tmp_path, end):
    """A comment of three lines before the second transaction: its line is 5 whatever the line ends."""
    text = end.join(["OFXHEADER:100", "<OFX><STMTRS><CURDEF>EUR<BANKACCTFROM><ACCTID>NL91ABNA0417164300</BANKACCTFROM>",
                     "<STMTTRN><DTPOSTED>20240301<TRNAMT>1.00</STMTTRN><!-- a", "note", "-->",
                     "<STMTTRN><DTPOSTED>20240302<TRNAMT>2.00</STMTTRN></STMTRS></OFX>", ""])
    path = _written(tmp_path, "c.ofx", text.encode())
    assert [t.line for s in bank.read(path) for t in s.transactions] == [3, 6]
    assert [t.line for _, t in bank.stream(path)] == [3, 6]


# --- a zip's members as the files they are: UTF-16, a mapping, the bank given, the cap ------


def test_a_utf16_member_is_streamed_inside_the_stream(tmp_path, monkeypatch):
    """ASN's MT940 in UTF-16 with a byte-order mark, beside a CAMT member: re-encoded from the
    archive into a UTF-8 copy, streamed, handed on."""
    monkeypatch.setattr(streamio, "SLICE", 97)
    asn = (FIX / "mt940_asn.940").read_bytes().decode("cp1252")
    members = {"asn16.940": b"\xff\xfe" + asn.encode("utf-16-le"), "camt.xml": BATCH}
    path = _written(tmp_path, "mixed.zip", zipped(members))
    assert_stream_equals_read(path)
    streamed = bank.stream(path)
    handed = [t for _, t in streamed]
    asn_read = bank.read(FIX / "mt940_asn.940")
    assert [t.amount for t in handed] == [t.amount for s in asn_read for t in s.transactions] + BATCH_AMOUNTS
    assert streamed.statements[0].period == asn_read[0].period


def test_a_zip_with_a_mapping_and_a_bank_reads_its_members_with_them(tmp_path):
    path = _written(tmp_path, "own.zip", zipped({"own.csv": (FIX / "generic_debit_credit.csv").read_bytes()}))
    assert_stream_equals_read(path, FIX / "generic_debit_credit.toml")
    assert len(list(bank.stream(path, mapping=FIX / "generic_debit_credit.toml"))) > 0
    path = _written(tmp_path, "asn.zip", zipped({"asn.940": (FIX / "mt940_asn.940").read_bytes()}))
    streamed = bank.stream(path, bank="knab")
    list(streamed)
    assert {s.bank for s in streamed.statements} == {"knab"} == {s.bank for s in bank.read(path, bank="knab")}


def test_a_zip_larger_than_the_cap_is_refused_as_read_refuses_it(tmp_path, monkeypatch):
    path = _written(tmp_path, "big.zip", zipped(ZIP_MEMBERS))
    monkeypatch.setattr(bank, "MAX_FILE_BYTES", 1000)  # read_file_bytes keeps its own 512 MB: the zip's cap speaks
    with pytest.raises(BankFileError, match="the zip unpacks to 0 MB, more than the 0 MB") as err:
        list(bank.stream(path))
    assert err.value.file == str(path)
    assert str(err.value) == str(pytest.raises(BankFileError, bank.read, path).value)


@pytest.mark.parametrize("name, old, new", [
    ("camt053_v02_batch.xml", b'<Amt Ccy="EUR">995.86655</Amt>', b'<Amt Ccy="EUR"></Amt>'),
    ("ofx102_sgml_cp1252.ofx", b"<BALAMT>2487,50<DTASOF>20240315", b"<BALAMT>2487,50<DTASOF>00000000"),
], ids=["camt", "ofx"])
def test_a_damaged_balance_streamed_warns_naming_the_file_and_line(tmp_path, name, old, new):
    data = (FIX / name).read_bytes()
    assert old in data
    path = _written(tmp_path, name, data.replace(old, new))
    streamed = bank.stream(path)
    list(streamed)
    assert streamed.warnings and streamed.warnings[0].startswith(f"{path}:")
    assert streamed.warnings == [w for s in bank.read(path) for w in s.warnings]


def test_a_zip_member_read_with_the_format_given_or_of_no_format_is_reads_error(tmp_path):
    """An MT940 member read as CAMT (as told), and a member that is no bank export: read's error,
    naming the member."""
    path = _written(tmp_path, "asn.zip", zipped({"asn.940": (FIX / "mt940_asn.940").read_bytes()}))
    with pytest.raises(BankFileError) as err:
        list(bank.stream(path, format="camt"))
    assert err.value.file == f"{path}::asn.940"
    assert str(err.value) == str(pytest.raises(BankFileError, bank.read, path, format="camt").value)
    path = _written(tmp_path, "notes.zip", zipped({"notes.txt": b"boodschappen brood kaas\n"}))
    with pytest.raises(BankFileError, match="not a bank export xlcapital knows") as err:
        list(bank.stream(path))
    assert err.value.file == f"{path}::notes.txt"
    assert str(err.value) == str(pytest.raises(BankFileError, bank.read, path).value)
