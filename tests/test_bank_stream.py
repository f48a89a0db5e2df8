"""``bank.stream``: a bank export read a transaction at a time gives what ``bank.read`` gives.

The proof is ``bank.read`` itself, an independent path for what matters here: it holds the whole
file and every transaction, numbers the dedupe keys over the finished list (``assign_keys``) and
merges lists (``merge``), where the stream reads 1 MB slices (in some tests 5-byte slices), keeps
64-bit digests of the keys (``KeyNumbers``) and merges from disk (``TransactionSpill``). Every
real export of ../shared/bankfeeds and every fixture of tests/data/bank is read both ways: the
same statements (account, balances, warnings, ...), the same transactions in the same order, or
the same error. No memory or time is asserted here: bench/bench_bank_memory.py measures those.
"""

from __future__ import annotations

import csv
import io
import json
import random
from datetime import date, timedelta
from decimal import Decimal
from pathlib import Path

import pytest

from tests.conftest import BANKFEEDS, DATA
from xlcapital import bank
from xlcapital.bank import mt940, streamio
from xlcapital.bank.model import KeyNumbers, Transaction, assign_keys
from xlcapital.cli import main
from xlcapital.cli.bank import CSV_COLUMNS, to_json, write_csv
from xlcapital.errors import BankFileError

FIX = DATA / "bank"
#: the CSVs that are no bank's export, read with a mapping (as tests/test_bank_csv.py reads them)
MAPPINGS = {
    "degiro_account.csv": FIX / "degiro.toml",
    "oca_sheet_sample_statement_en.csv": FIX / "oca_sheet.toml",
    "oca_sheet_original_currency.csv": FIX / "oca_sheet.toml",
    "oca_sheet_debit_credit.csv": FIX / "oca_debit_credit.toml",
    "generic_debit_credit.csv": FIX / "generic_debit_credit.toml",
}
STATEMENT_FIELDS = ("account", "currency", "opening_balance", "closing_balance", "bank", "format", "source",
                    "statement_id", "warnings", "records")


def _bank_files() -> list[Path]:
    feeds = sorted(p for folder in ("mt940", "camt053", "ofx", "csv") for p in (BANKFEEDS / folder).glob("*")
                   if p.is_file()) if BANKFEEDS.is_dir() else []
    return feeds + sorted(p for p in FIX.iterdir() if p.suffix not in (".toml", ".md"))


def _outcome(reader):
    try:
        return reader()
    except BankFileError as exc:
        return exc


def assert_stream_equals_read(path: Path, mapping=None) -> None:
    expected = _outcome(lambda: bank.read(path, mapping=mapping))
    streamed = bank.stream(path, mapping=mapping)
    pairs = _outcome(lambda: list(streamed))
    if isinstance(expected, BankFileError) or isinstance(pairs, BankFileError):
        assert str(pairs) == str(expected)
        return
    assert len(streamed.statements) == len(expected)
    handed = {}
    for statement, t in pairs:
        handed.setdefault(id(statement), []).append(t)
    for got, want in zip(streamed.statements, expected):
        assert {f: getattr(got, f) for f in STATEMENT_FIELDS} == {f: getattr(want, f) for f in STATEMENT_FIELDS}
        assert got.transactions == []  # a streamed statement keeps none: they were handed on
        assert handed.get(id(got), []) == want.transactions  # every field, the dedupe key included
        assert (got.transaction_count, got.period, got.total, got.reconciles, got.on_last_day) == (
            len(want.transactions), want.period, want.total, want.reconciles, want.on_last_day)
    # and handed on statement by statement, in read's order of the statements
    assert [t for _, t in pairs] == [t for s in expected for t in s.transactions]


@pytest.mark.parametrize("path", _bank_files(), ids=lambda p: f"{p.parent.name}/{p.name}")
def test_stream_gives_what_read_gives(path):
    assert_stream_equals_read(path, MAPPINGS.get(path.name))


def test_the_real_exports_are_there(bankfeeds):
    assert len([p for p in _bank_files() if bankfeeds in p.parents]) >= 80


@pytest.mark.parametrize("path", [p for p in _bank_files() if p.suffix not in (".xml", ".ofx", ".zip")
                                  and "camt053" not in p.parts and "ofx" not in p.parts][:200],
                         ids=lambda p: p.name)
def test_slices_of_five_bytes_change_nothing(path, monkeypatch):
    """Every slice boundary a line end, a CR LF, a UTF-8 character or a tag can be cut at."""
    monkeypatch.setattr(streamio, "SLICE", 5)
    assert_stream_equals_read(path, MAPPINGS.get(path.name))


# --- errors keep file and line, and are read's --------------------------------------------


def _mt940(n: int) -> str:
    lines = [":20:STMT", ":25:NL91ABNA0417164300", ":28C:1", ":60F:C260301EUR1000,00"]
    for i in range(n):
        lines += [f":61:2603020302D{i % 90 + 1},00N102NONREF", f":86:/NAME/Winkel {i}/REMI/Bon {i}"]
    return "\r\n".join(lines) + "\r\n"


def test_a_damaged_transaction_stops_the_stream_at_its_line(tmp_path):
    text = _mt940(20_000)  # ~1.3 MB: the damage lies beyond the first slice
    lines = text.split("\r\n")
    broken = 4 + 2 * 15_000 + 1  # the :61: of transaction 15,000, line numbers from 1
    assert lines[broken - 1].startswith(":61:")
    lines[broken - 1] = ":61:2613020302D12,30N102NONREF"  # month 13
    path = tmp_path / "damaged.sta"
    path.write_text("\r\n".join(lines), encoding="ascii")
    streamed = bank.stream(path)
    got = []
    with pytest.raises(BankFileError) as err:
        for _, t in streamed:
            got.append(t)
    assert err.value.file == str(path) and err.value.line == broken
    assert str(err.value) == str(_outcome(lambda: bank.read(path)))
    assert len(got) == 14_999  # the ones before it were handed on; the writer must drop them


def test_a_byte_that_is_no_text_is_named_before_anything_is_handed_on(tmp_path):
    text = _mt940(20_000).encode("ascii")
    at = text.index(b"Winkel 17000")  # past 1 MB
    bad = text[:at] + b"\x81" + text[at + 1:]  # 0x81: not UTF-8, and undefined in cp1252
    path = tmp_path / "bad.sta"
    path.write_bytes(bad)
    expected_line = bad[:at].count(b"\r\n") + 1
    streamed = bank.stream(path)
    with pytest.raises(BankFileError) as err:
        next(iter(streamed))
    assert err.value.line == expected_line and "0x81" in str(err.value)
    assert str(err.value) == str(_outcome(lambda: bank.read(path)))


def test_a_bad_csv_amount_names_its_line(tmp_path):
    head = '"Datum","Naam / Omschrijving","Rekening","Tegenrekening","Code","Af Bij","Bedrag (EUR)","MutatieSoort","Mededelingen"\n'
    row = '"20260302","Bakker","NL91INGB0001234567","","BA","Af","{}","Betaalautomaat","x"\n'
    rows = [row.format(f"{i % 90 + 1},50") for i in range(30_000)]
    rows[25_000] = row.format("2,5O")
    path = tmp_path / "ing.csv"
    path.write_text(head + "".join(rows), encoding="utf-8")
    with pytest.raises(BankFileError) as err:
        list(bank.stream(path))
    assert (err.value.file, err.value.line, err.value.field) == (str(path), 25_002, "amount")
    assert str(err.value) == str(_outcome(lambda: bank.read(path)))


def test_a_transaction_the_reader_loses_fails_the_count_at_the_end(tmp_path, monkeypatch):
    """The independent count (of the file's :61: tags) is made on the whole file after the last
    transaction: a reader that drops one is caught, with read's message."""
    path = tmp_path / "ok.sta"
    path.write_text(_mt940(10), encoding="ascii")
    real = mt940.stream

    def losing(*args, **kwargs):
        inner = real(*args, **kwargs)
        next(inner)  # the first transaction is lost
        return (yield from inner)

    monkeypatch.setattr(mt940, "stream", losing)
    streamed = bank.stream(path)
    with pytest.raises(BankFileError, match="read 9 transactions but the file holds 10 records"):
        list(streamed)
    assert streamed.statements is None


def test_a_statement_that_does_not_reconcile_is_warned_of_at_the_end(tmp_path):
    text = _mt940(3) + ":62F:C260302EUR1000,00\r\n"  # 1000 - 1 - 2 - 3 is 994, not 1000
    path = tmp_path / "gap.sta"
    path.write_text(text, encoding="ascii")
    streamed = bank.stream(path)
    assert len(list(streamed)) == 3
    [s] = streamed.statements
    assert s.reconciles is False and s.total == Decimal("-6.00")
    assert any("opening 1000.00 + transactions -6.00 = 994.00, but the file states closing 1000.00" in w
               for w in streamed.warnings)


def test_a_stream_is_read_once(tmp_path):
    path = tmp_path / "ok.sta"
    path.write_text(_mt940(2), encoding="ascii")
    streamed = bank.stream(path)
    list(streamed)
    with pytest.raises(RuntimeError):
        list(streamed)


# --- the dedupe keys, numbered without the transactions ------------------------------------


def test_key_numbers_equal_assign_keys_when_days_come_back():
    """Back-dated bookings (a day seen again after others) and equal payments: the numbers of
    KeyNumbers, with its dicts packed after every 7 bases, are assign_keys' over the whole list."""
    r = random.Random(12)
    start = date(2026, 3, 1)
    made = [(start + timedelta(days=r.randrange(40)), Decimal(r.randrange(4)), r.choice("ab")) for _ in range(5000)]
    whole = [Transaction(d, a, description=text) for d, a, text in made]
    assign_keys(whole, "NL91ABNA0417164300")
    numbers = KeyNumbers()
    numbers.ACTIVE = 7
    packs, pack = [], numbers._pack
    numbers._pack = lambda but: (packs.append(but), pack(but))
    one_by_one = [numbers.assign(Transaction(d, a, description=text), "NL91ABNA0417164300") for d, a, text in made]
    assert one_by_one == [t.key for t in whole]
    assert max(int(k.rsplit("|", 1)[1]) for k in one_by_one) > 20  # equal payments were numbered on
    assert len(packs) > 20  # and days were packed (and unpacked) on the way


# --- the command: --csv and --json from the stream equal the lists' -----------------------


def _rows_of(pairs) -> list[list[str]]:
    import tempfile

    with tempfile.TemporaryDirectory() as tmp:
        out = Path(tmp) / "out.csv"
        write_csv(pairs, str(out))
        return list(csv.reader(out.read_text(encoding="utf-8-sig").splitlines()))


def test_cli_csv_merges_overlapping_exports_as_merge_does(tmp_path, capsys):
    """Overlapping exports of one account (the same file twice, daily statements, an MT940 and
    the CSV of the same account) merge from disk a day at a time as bank.merge merges lists."""
    paths = [FIX / "mt940_rabobank_structured.sta", FIX / "mt940_asn.940", FIX / "mt940_rabobank_structured.sta",
             FIX / "abnamro.TAB", FIX / "ing_semicolon.csv", FIX / "ing_comma.csv", FIX / "mt940_ing_swift.940"]
    out = tmp_path / "merged.csv"
    assert main(["bank", *map(str, paths), "--csv", str(out)]) == 0
    capsys.readouterr()
    got = list(csv.reader(out.read_text(encoding="utf-8-sig").splitlines()))
    statements = [s for p in paths for s in bank.read(p)]
    want = _rows_of([(s, t) for s in bank.merge(statements) for t in s.transactions])
    assert got[0] == list(CSV_COLUMNS)
    assert got == want
    assert len(got) - 1 < sum(len(s.transactions) for s in statements)  # the repeated file counted once


@pytest.mark.parametrize("name", ["knab.csv", "abnamro.TAB", "mt940_asn.940", "camt053_v02_batch.xml"])
def test_cli_json_is_the_document_of_read(name, capsys):
    assert main(["bank", str(FIX / name), "--json"]) == 0
    out, err = capsys.readouterr()
    statements = bank.read(FIX / name)
    warnings = list(dict.fromkeys(w for s in statements for w in s.warnings))
    assert out == json.dumps(to_json(statements, warnings), indent=2, ensure_ascii=False) + "\n"


def test_cli_csv_writes_nothing_when_the_stream_fails_at_the_end(tmp_path, capsys, monkeypatch):
    path = tmp_path / "ok.sta"
    path.write_text(_mt940(10), encoding="ascii")
    monkeypatch.setattr(mt940, "stream_count", lambda file: 11)
    out = tmp_path / "out.csv"
    assert main(["bank", str(path), "--csv", str(out)]) == 2
    _, err = capsys.readouterr()
    assert "read 10 transactions but the file holds 11 records" in err
    assert list(tmp_path.iterdir()) == [path]  # no output, no temporary file left
