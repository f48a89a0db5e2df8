"""xlcapital/bank/presets.py: which presets ``--bank`` selects (issue 14; docs/development.md, "Mutation
testing"). The expected lists are counted another way: from each preset's own ``name``, ``bank`` and
``bank_codes`` and detect.BANK_CODES, not from presets_for_bank; errors by field and key words."""

from __future__ import annotations

import csv
import io

import pytest

from tests.conftest import DATA
from xlcapital import bank
from xlcapital.bank import presets
from xlcapital.bank.csvbank import detect_preset
from xlcapital.bank.preset import Preset
from xlcapital.bank.presets import PRESETS, presets_for_bank
from xlcapital.errors import BankFileError, InputError


def names(bank):
    return [p.name for p in presets_for_bank(bank)]


def of_bank(bank: str) -> list[str]:
    return [name for name, p in PRESETS.items() if p.bank == bank]


def test_no_bank_is_every_preset_in_detection_order():
    assert presets_for_bank(None) == list(PRESETS.values()) and len(PRESETS) == 19


@pytest.mark.parametrize("given", ["ing", " ING ", "Ing\t"])
def test_a_bank_id_selects_its_layouts_whatever_the_case_and_spaces(given):
    assert names(given) == of_bank("ing") == ["ing", "ing_dmy", "ing_semicolon", "ing_en", "ing_en_comma"]


def test_a_preset_name_selects_that_layout_only():
    assert names("ing_semicolon") == ["ing_semicolon"] and names("Rabobank_CC") == ["rabobank_cc"]


def test_a_bank_served_by_another_banks_layout():
    # SNS (bank code SNSB) has no preset of its own: the Volksbank layout "asn" lists SNSB among its codes;
    # RegioBank (RBRB) has its own preset and is in asn's codes too
    assert [n for n, p in PRESETS.items() if "SNSB" in p.bank_codes] == ["asn"]
    assert names("sns") == names(" SNS") == ["asn"]
    assert names("regiobank") == ["asn", "regiobank"]


@pytest.mark.parametrize("given", ["vanlanschot", "", "ingb"])
def test_a_bank_without_a_preset_is_refused_with_the_choices(given):
    with pytest.raises(InputError) as caught:
        presets_for_bank(given)
    error = caught.value
    assert error.field == "bank" and repr(given) in error.message and "preset" in error.message
    assert "--mapping" in error.hint
    assert ", ".join(sorted(PRESETS)) in error.hint  # every preset's name (the bank ids are names too), sorted


def test_the_choices_offered_are_the_preset_names_and_the_bank_ids(monkeypatch):
    # in the real presets each bank id is also a preset name; a bank whose layouts all have longer names shows
    # that the bank ids are offered too, and a preset without a bank adds nothing
    mine = Preset(name="mijn_export", label="Mijn", bank="mijnbank", booking_date="Datum", amount="Bedrag",
                  account_value="NL02ABNA0123456789", header_signature=("Datum",))
    loose = Preset(name="los", label="Los", booking_date="Datum", amount="Bedrag",
                   account_value="NL02ABNA0123456789", header_signature=("Datum",))
    monkeypatch.setattr(presets, "PRESETS", {"mijn_export": mine, "los": loose})
    with pytest.raises(InputError) as caught:
        presets_for_bank("ing")
    assert "los, mijn_export, mijnbank" in caught.value.hint
    assert "None" not in caught.value.hint
    assert names("mijnbank") == ["mijn_export"] and names("los") == ["los"]


# -- the declared layouts (a --declarations-like run over presets.py's Preset(...) and dict(...) keywords) --

ING_NL = ["Datum", "Naam / Omschrijving", "Rekening", "Tegenrekening", "Code", "Af Bij", "Bedrag (EUR)",
          "MutatieSoort", "Mededelingen"]  # the header of tests/data/bank/ing_comma.csv, ING's documented export
ING_EN = ["Date", "Name / Description", "Account", "Counterparty", "Code", "Debit/credit", "Amount (EUR)",
          "Transaction type", "Notifications"]  # tests/data/bank/ing_en.csv


@pytest.mark.parametrize("header, missing", [(ING_NL, "Datum"), (ING_NL, "Bedrag (EUR)"), (ING_EN, "Date"),
                                             (ING_EN, "Amount (EUR)")])
def test_a_header_without_the_date_or_the_amount_is_no_ing_export(header, missing):
    # the header signature is what a file must contain to be taken for this export: without its date or its
    # amount column an ING-like header is no ING export (and no other preset's)
    line = ",".join(f'"{name}"' for name in header if name != missing)
    with pytest.raises(BankFileError):
        detect_preset(line + "\n")
    assert detect_preset(",".join(f'"{name}"' for name in header) + "\n").bank == "ing"


def test_the_volksbank_layout_reads_counterparty_and_its_iban():
    # tests/data/bank/asn.csv's first row: column 3 the counterparty's IBAN, 4 its name, 8 and 10 "EUR"
    [s] = bank.read(DATA / "bank" / "asn.csv")
    t = s.transactions[0]
    assert (t.counterparty_iban, t.counterparty, t.currency) == ("NL20INGB0001234567", "Klant A BV", "EUR")


def test_triodos_reads_utf8_and_iso_8859_15():
    # Triodos writes the euro sign as byte 0xA4 (iso-8859-15, tests/data/bank/triodos.csv); the same file in
    # UTF-8 must read the same
    latin9 = (DATA / "bank" / "triodos.csv").read_bytes()
    assert "€ 89,50".encode("iso-8859-15") in latin9
    utf8 = latin9.decode("iso-8859-15").encode("utf-8")
    for data in (latin9, utf8):
        [s] = bank.read_bytes(data, bank="triodos")
        assert any("€ 89,50" in t.description for t in s.transactions)


def _without_column(path, name: str, delimiter: str, encoding: str = "utf-8") -> bytes:
    rows = list(csv.reader(io.StringIO(path.read_text(encoding=encoding)), delimiter=delimiter))
    at = rows[0].index(name)
    out = io.StringIO()
    csv.writer(out, delimiter=delimiter, quoting=csv.QUOTE_ALL, lineterminator="\n").writerows(
        row[:at] + row[at + 1:] for row in rows)
    return out.getvalue().encode(encoding)


@pytest.mark.parametrize("fixture, balance", [("ing_semicolon.csv", "Saldo na mutatie"),
                                              ("ing_en.csv", "Resulting balance")])
def test_ings_semicolon_exports_before_2021_have_no_balance_column(fixture, balance):
    # ING's semicolon exports carry the running balance only since 2021: without it the file still reads
    path = DATA / "bank" / fixture
    rows = path.read_text(encoding="utf-8").splitlines()[1:]
    [s] = bank.read_bytes(_without_column(path, balance, ";"), bank="ing")
    assert len(s.transactions) == len([r for r in rows if r.strip()])
    assert all(t.balance_after is None for t in s.transactions)


def test_rabobank_joins_all_three_description_columns():
    path = DATA / "bank" / "rabobank.csv"
    header = next(csv.reader(io.StringIO(path.read_text(encoding="cp1252"))))
    data = _with_cells(path, {(1, header.index("Omschrijving-3")): "derde regel"}, "cp1252")
    statements = bank.read_bytes(data, bank="rabobank")  # two accounts
    [first] = [t for s in statements for t in s.transactions if t.line == 2]
    assert first.description.endswith("derde regel") and first.counterparty == "Drukkerij Smit"


def test_rabobank_before_2018_reads_the_counterparty():
    # tests/data/bank/rabobank_old.csv's first row: column 6 the counterparty's IBAN, 7 its name
    [s] = bank.read(DATA / "bank" / "rabobank_old.csv")
    t = s.transactions[0]
    assert (t.counterparty_iban, t.counterparty) == ("NL91ABNA0417164300", "ENERGIE BV")


def _with_cells(path, edits: dict, encoding: str, delimiter: str = ",") -> bytes:
    """The CSV file at ``path`` with cells replaced: ``{(row, column): text}``, both 0-based, written
    back quoted as the bank does."""
    rows = list(csv.reader(io.StringIO(path.read_text(encoding=encoding)), delimiter=delimiter))
    for (row, column), text in edits.items():
        rows[row][column] = text
    out = io.StringIO()
    csv.writer(out, delimiter=delimiter, quoting=csv.QUOTE_ALL, lineterminator="\r\n").writerows(rows)
    return out.getvalue().encode(encoding)


def test_rabobank_before_2018_reads_all_19_columns():
    # tests/data/bank/rabobank_old.csv, no header; its first row (1-based columns): 9 the code "ei", 11 and 12
    # the description "VOORSCHOT JANUARI", "KLANTNR 123", 13-16 blank, 17 the end-to-end id, 18 and 19 blank.
    # Text in column 16 (the sixth description line) and in column 19 (the last one of the layout's 19):
    path = DATA / "bank" / "rabobank_old.csv"
    data = _with_cells(path, {(0, 15): "ZESDE REGEL", (0, 18): "MACHTIGING 42"}, "cp1252")
    [s] = bank.read_bytes(data, bank="rabobank_old")
    t = s.transactions[0]
    assert t.description == "VOORSCHOT JANUARI KLANTNR 123 ZESDE REGEL"
    assert t.code == "ei" and [x.code for x in s.transactions[1:3]] == ["cb", "ba"]
    # a row of 20 columns (the second here) is not this layout: refused with the count, not read shifted
    lines = data.split(b"\r\n")
    lines[1] += b',"X"'
    with pytest.raises(BankFileError) as caught:
        bank.read_bytes(b"\r\n".join(lines), bank="rabobank_old")
    assert caught.value.line == 2 and "20" in caught.value.message and "19" in caught.value.message


@pytest.mark.parametrize("fixture, first, last", [("rabobank_en.csv", "Description-1", "Description-3"),
                                                  ("rabobank_business.csv", "Omschrijving - 1", "Omschrijving - 3")])
def test_rabobank_english_and_business_join_the_first_and_the_last_description(fixture, first, last):
    # the first data row's description columns, as the fixtures hold them: rabobank_en "Invoice 2026-044", " ", "";
    # rabobank_business "factuur 889", "levering februari", "". The third is filled in here.
    path = DATA / "bank" / fixture
    header = next(csv.reader(io.StringIO(path.read_text(encoding="utf-8"))))
    data = _with_cells(path, {(1, header.index(last)): "derde regel"}, "utf-8")
    [s] = bank.read_bytes(data, bank="rabobank")
    expected = {"rabobank_en.csv": "Invoice 2026-044 derde regel",
                "rabobank_business.csv": "factuur 889 levering februari derde regel"}[fixture]
    assert s.transactions[0].description == expected
    assert header.index(first) + 2 == header.index(last)


def test_abn_amro_passes_over_comment_lines():
    # ABN AMRO's published sample TXT...TAB has "#" comment lines (shared/bankfeeds/README.md); one before the
    # first row and one between rows change nothing (tests/data/bank/abnamro.TAB: 5 rows, 2 accounts)
    path = DATA / "bank" / "abnamro.TAB"
    lines = path.read_bytes().split(b"\n")
    commented = b"\n".join([b"# ABN AMRO export", *lines[:2], b"#\tnot\ta\trow", *lines[2:]])
    plain = bank.read_bytes(path.read_bytes(), bank="abnamro")
    read = bank.read_bytes(commented, bank="abnamro")
    assert [len(s.transactions) for s in read] == [len(s.transactions) for s in plain] == [3, 2]
    assert [(t.amount, t.description) for s in read for t in s.transactions] == \
        [(t.amount, t.description) for s in plain for t in s.transactions]
