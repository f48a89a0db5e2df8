"""Dutch bank CSV exports: the presets on the project's own fixtures and on the real samples.

Expected figures for tests/data/bank/* are worked out by hand (tests/data/bank/README.md and the
arithmetic below); for ../shared/bankfeeds/csv/* they come from ground_truth/gt_csv.json.
"""

from __future__ import annotations

import csv
import dataclasses
import io
import json
from datetime import date
from decimal import Decimal as D

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from tests.conftest import DATA
from xlcapital import bank
from xlcapital.bank import csvbank
from xlcapital.bank.mapping import load_mapping, preset_from_dict
from xlcapital.bank.presets import COLUMN_FIELDS, PRESETS, Preset
from xlcapital.bank.textio import decode_text
from xlcapital.errors import BankFileError, InputError

FIX = DATA / "bank"


def one(path, **kw):
    [s] = bank.read(path, **kw)
    return s


def amounts(s):
    return [t.amount for t in s.transactions]


# ------------------------------------------------------------------------------------------------
# every preset on its own fixture
# ------------------------------------------------------------------------------------------------

#: file -> [(account, bank, n, sum, first, last, opening, closing)], all worked out by hand
EXPECTED = {
    "ing_comma.csv": [("NL20INGB0001234567", "ing", 6, D("-4.35") + D("1500") - D("2.50") * 2 + 0 - D("3.10"), "2026-03-01", "2026-03-05", None, None)],
    "ing_semicolon.csv": [("NL20INGB0001234567", "ing", 3, -25 + D("1210") - D("60.50"), "2026-03-01", "2026-03-03", D("975") + 25, D("2124.50"))],
    "ing_semicolon_unquoted.csv": [("NL20INGB0001234567", "ing", 3, D("1124.50"), "2026-03-01", "2026-03-03", D("1000.00"), D("2124.50"))],
    "rabobank.csv": [
        ("NL44RABO0123456789", "rabobank", 3, D("-12.34") + 1000 - D("87.66"), "2026-03-02", "2026-03-05", D("487.66") + D("12.34"), D("1400.00")),
        ("NL93RABO0987654321", "rabobank", 1, D("250.00"), "2026-03-04", "2026-03-04", D("10250") - 250, D("10250.00")),
    ],
    "rabobank_old.csv": [("NL44RABO0123456789", "rabobank", 3, -25 + D("100.50") - D("7.25"), "2017-01-02", "2017-01-04", None, None)],
    "abnamro.TAB": [
        ("123456789", "abnamro", 3, -10 + 1000 - D("49.45"), "2026-03-02", "2026-03-05", D("1000.00"), D("1940.55")),
        ("987654321", "abnamro", 2, -100 + D("25.25"), "2026-03-04", "2026-03-06", D("500.00"), D("425.25")),
    ],
    "bunq_nl.csv": [("NL47BUNQ2025181418", "bunq", 3, D("-2.56") + 1750 - D("18.90"), "2026-03-01", "2026-03-09", None, None)],
    "bunq_en.csv": [("NL26BUNQ2025126409", "bunq", 3, D("-8.78") + D("8.78") - D("1007.99"), "2026-03-06", "2026-03-17", None, None)],
    "bunq_semicolon.csv": [("NL26BUNQ2025126409", "bunq", 2, -45 + D("2000"), "2026-03-02", "2026-03-03", None, None)],
    "knab.csv": [("NL68KNAB0123456789", "knab", 3, -2500 + 3000 - D("7.02"), "2026-03-02", "2026-03-10", None, None)],
    "asn.csv": [("NL57ASNB0123456789", "asn", 3, 1250 - D("99.95") - D("2.20"), "2026-03-02", "2026-03-05", D("250.00"), D("1400.05") - D("2.20"))],
    "sns.csv": [("NL12SNSB0123456789", "sns", 2, 50 - 20, "2026-03-02", "2026-03-04", D("100.00"), 150 - 20)],
    "triodos.csv": [("NL70TRIO0123456789", "triodos", 2, 1210 - D("89.50"), "2026-03-02", "2026-03-04", D("3710") - 1210, D("3620.50"))],
    "triodos_8.csv": [("NL70TRIO0123456789", "triodos", 3, 1210 - D("89.50") - 12, "2026-03-02", "2026-03-05", None, None)],
    "ing_comma_dmy.csv": [("NL20INGB0001234567", "ing", 3, D("-4.35") + 1500 - 120, "2019-03-01", "2019-03-05", None, None)],
    # oldest row: -2.50 leaves 0,00, so the opening is 0.00 + 2.50; then +2000.00 and -750.00
    "ing_en.csv": [("NL20INGB0001234567", "ing", 3, D("-2.50") + 2000 - 750, "2026-03-01", "2026-03-03", D("0.00") + D("2.50"), D("1250.00"))],
    "ing_en_comma.csv": [("NL20INGB0001234567", "ing", 2, D("-1.25") + 300, "2020-02-10", "2020-02-13", None, None)],
    # the layouts found for issue 12 item 3 (tests/data/bank/README.md): RegioBank with YYYYMMDD dates,
    # balance before each row: 1000.00 before the first, 1435.50 before the last (-3.15)
    "regiobank.csv": [("NL32RBRB0123456789", "regiobank", 3, 500 - D("64.50") - D("3.15"), "2026-03-02", "2026-03-06", D("1000.00"), D("1435.50") - D("3.15"))],
    # Rabobank in English: balance after the oldest row 3700.00 minus its +2500.00; after the newest 2489.05
    "rabobank_en.csv": [("NL49RABO0555666777", "rabobank", 3, 2500 - 1210 - D("0.95"), "2026-03-02", "2026-03-04", D("3700") - 2500, D("2489.05"))],
    # Rabobank business: -1.234,56 and 3.000,00 with thousands marks; its balance column is not read
    "rabobank_business.csv": [("NL93RABO0987654321", "rabobank", 3, D("-1234.56") + 3000 - 15, "2026-03-02", "2026-03-05", None, None)],
    # Rabobank credit card: the card (1234) is the account; two purchases and the settlement of the last statement
    "rabobank_cc.csv": [("1234", "rabobank", 3, D("-45.99") - D("12.50") + 100, "2026-03-02", "2026-03-20", None, None)],
}


@pytest.mark.parametrize("name", sorted(EXPECTED))
def test_fixture_reads_as_worked_out(name):
    statements = bank.read(FIX / name)
    assert len(statements) == len(EXPECTED[name])
    for s, (account, bank_id, n, total, first, last, opening, closing) in zip(statements, EXPECTED[name]):
        assert (s.account, s.bank, s.format, s.currency) == (account, bank_id, "csv", "EUR")
        assert len(s.transactions) == n
        assert s.total == total
        assert s.period == (date.fromisoformat(first), date.fromisoformat(last))
        assert (s.opening_balance and s.opening_balance.amount) == opening
        assert (s.closing_balance and s.closing_balance.amount) == closing
        if opening is not None:
            assert s.reconciles is True and not s.warnings
        assert all(isinstance(t.amount, D) for t in s.transactions)
        assert all(t.key.startswith(f"{account}|") for t in s.transactions)


def test_new_layouts_read_their_dates_and_values():
    """The layouts of issue 12: ING's comma export with DD-MM-YYYY dates, Triodos' 8 columns."""
    s = one(FIX / "ing_comma_dmy.csv")
    assert [t.booking_date for t in s.transactions] == [date(2019, 3, 1), date(2019, 3, 4), date(2019, 3, 5)]
    assert s.transactions[1].value_date == date(2019, 3, 4)  # "Valutadatum: 04-03-2019" in Mededelingen
    assert [t.amount for t in s.transactions] == [D("-120.00"), D("1500.00"), D("-4.35")]  # Af, Bij, Af
    t = one(FIX / "triodos_8.csv")
    assert [x.amount for x in t.transactions] == [D("1210.00"), D("-89.50"), D("-12.00")]  # 1.210,00 Credit
    assert (t.transactions[1].counterparty, t.transactions[1].counterparty_iban, t.transactions[1].code) == (
        "Drukkerij Smit", "NL91ABNA0417164300", "IC")
    e = one(FIX / "ing_en.csv")
    assert [x.amount for x in e.transactions] == [D("-2.50"), D("2000.00"), D("-750.00")]  # Debit, Credit, Debit
    assert e.transactions[2].counterparty == "Verhuur BV" and e.transactions[2].description.endswith("huur maart")


def test_layouts_found_for_issue_12_item_3_read_their_own_notation():
    """RegioBank's YYYYMMDD dates, Rabobank's English and business headers, the Rabobank credit card."""
    r = one(FIX / "regiobank.csv")
    assert [t.booking_date for t in r.transactions] == [date(2026, 3, 2), date(2026, 3, 3), date(2026, 3, 6)]
    assert r.transactions[1].value_date == date(2026, 3, 4)  # column 13, 20260304
    assert (r.transactions[0].description, r.transactions[0].reference) == ("factuur 2026-031, deel 1", "53000001")
    e = one(FIX / "rabobank_en.csv")
    assert [(t.counterparty, t.code, t.reference[-3:]) for t in e.transactions] == [
        ("Klant D BV", "cb", "301"), ("Verhuur BV", "bg", "302"), ("Rabobank", "db", "303")]
    assert e.transactions[2].value_date == date(2026, 3, 5)
    b = one(FIX / "rabobank_business.csv")
    assert [t.amount for t in b.transactions] == [D("-1234.56"), D("3000.00"), D("-15.00")]
    assert b.transactions[0].description == "factuur 889 levering februari"  # Omschrijving - 1 and - 2
    assert (b.transactions[1].value_date, b.transactions[1].counterparty_iban) == (date(2026, 3, 3), "NL20INGB0001234567")
    c = one(FIX / "rabobank_cc.csv")
    assert [t.amount for t in c.transactions] == [D("-45.99"), D("-12.50"), D("100.00")]  # spending is money out
    # cp1252 (ô, é) and a purchase abroad: the original amount and currency end the description
    assert c.transactions[0].description == "H\u00f4tel Oc\u00e9an PARIS FRA 52,10 USD"
    assert [t.reference for t in c.transactions] == ["0021000000101", "0021000000102", "0021000000103"]
    assert all(t.counterparty_iban == "" for t in c.transactions)  # the settling IBAN is not a counterparty
    # the Volksbank layouts: DD-MM-YYYY stays ASN's, YYYYMMDD is RegioBank's; --bank regiobank tries both
    assert [p.name for p in csvbank.presets_for_bank("regiobank")] == ["asn", "regiobank"]
    assert one(FIX / "regiobank.csv", bank="regiobank").total == D("432.35")
    with pytest.raises(BankFileError, match="no asn preset fits"):
        bank.read(FIX / "regiobank.csv", bank="asn")

def test_every_preset_has_a_fixture():
    detected = {csvbank.detect_preset(decode_text((FIX / name).read_bytes(), ("utf-8", "cp1252", "latin-1"))).name for name in EXPECTED}
    assert detected == set(PRESETS)


@pytest.mark.parametrize("name", sorted(EXPECTED))
def test_count_is_independent_of_the_parser(name):
    data = (FIX / name).read_bytes()
    # data lines: every non-blank line minus the header and Knab's preamble, counted here by hand
    lines = [ln for ln in data.replace(b"\r", b"\n").split(b"\n") if ln.strip()]
    extra = {"ing_comma.csv": 1, "ing_comma_dmy.csv": 1, "ing_en.csv": 1, "ing_en_comma.csv": 1, "ing_semicolon.csv": 1, "ing_semicolon_unquoted.csv": 1, "rabobank.csv": 1,
             "bunq_nl.csv": 1, "bunq_en.csv": 1, "bunq_semicolon.csv": 1, "knab.csv": 2, "rabobank_en.csv": 1,
             "rabobank_business.csv": 1, "rabobank_cc.csv": 1}.get(name, 0)
    assert csvbank.count_records(data) == len(lines) - extra == sum(e[2] for e in EXPECTED[name])


def test_a_parser_that_drops_a_row_is_caught(monkeypatch):
    real = csvbank.read

    def lossy(data, **kw):
        statements = real(data, **kw)
        del statements[0].transactions[-1]
        return statements

    monkeypatch.setattr(csvbank, "read", lossy)
    with pytest.raises(BankFileError, match="read 5 transactions but the file holds 6 records"):
        bank.read(FIX / "ing_comma.csv")


# ------------------------------------------------------------------------------------------------
# what each layout teaches
# ------------------------------------------------------------------------------------------------


def test_ing_sign_value_date_zero_row_and_duplicates():
    s = one(FIX / "ing_comma.csv")
    # newest first in the file: turned round, so the oldest (2026-03-01) comes first
    assert [t.booking_date.day for t in s.transactions] == [1, 1, 2, 2, 4, 5]
    assert amounts(s) == [D("-3.10"), D("0.00"), D("-2.50"), D("-2.50"), D("1500.00"), D("-4.35")]
    fee, zero, coffee1, coffee2, income, bakery = s.transactions
    assert bakery.value_date == date(2026, 3, 5)  # from "Valutadatum: 05-03-2026" in Mededelingen
    assert (income.counterparty, income.counterparty_iban, income.code) == ("Klant A BV", "NL02ABNA0123456789", "OV")
    assert zero.amount == 0  # kept: a zero row is a record of the file (the count check relies on it)
    # two genuinely identical payments on one day: equal but for the last part of the key
    assert coffee1.key.rsplit("|", 1)[0] == coffee2.key.rsplit("|", 1)[0]
    assert (coffee1.key[-2:], coffee2.key[-2:]) == ("|1", "|2")
    # a formula-looking description is data, kept exactly (doubled quotes of the CSV undone)
    assert fee.description.startswith('=HYPERLINK("http://example.invalid";"klik")')


def test_ing_quoted_and_unquoted_semicolon_read_the_same():
    quoted, unquoted = one(FIX / "ing_semicolon.csv"), one(FIX / "ing_semicolon_unquoted.csv")
    strip = lambda s: [dataclasses.replace(t, line=None) for t in s.transactions]  # noqa: E731
    assert strip(quoted) == strip(unquoted)
    # running balance after each row, oldest first: 975.00, 2185.00, 2124.50
    assert [t.balance_after for t in quoted.transactions] == [D("975.00"), D("2185.00"), D("2124.50")]


def test_rabobank_cp1252_crlf_and_two_accounts():
    first, second = bank.read(FIX / "rabobank.csv")
    t = first.transactions
    assert t[0].description == "Terugbetaling € 12,34 voorschot"  # byte 0x80 is the euro sign in cp1252
    assert t[1].counterparty == "Café Zoë"
    assert t[1].description == "Factuur 2026-007"  # Omschrijving-2 is a lone space: left out
    assert [x.reference for x in t] == ["000000000000000101", "000000000000000102", "000000000000000103"]
    assert t[0].value_date == date(2026, 3, 2) and t[0].code == "bg"
    assert second.account == "NL93RABO0987654321"


@pytest.mark.parametrize(
    "transform",
    [
        pytest.param(lambda b: b.replace(b"\r\n", b"\n"), id="LF"),
        pytest.param(lambda b: b.replace(b"\r\n", b"\r"), id="CR"),
        pytest.param(lambda b: b.replace(b"\r\n", b"\r\r\n"), id="CR-CR-LF"),
        pytest.param(lambda b: b"\xef\xbb\xbf" + b.decode("cp1252").encode("utf-8"), id="UTF-8-BOM"),
        pytest.param(lambda b: b.decode("cp1252").encode("utf-8"), id="UTF-8"),
    ],
)
def test_rabobank_line_ends_and_encodings_read_the_same(transform):
    data = (FIX / "rabobank.csv").read_bytes()
    want = bank.read_bytes(data)
    got = bank.read_bytes(transform(data))
    assert [(s.account, s.total, s.opening_balance, s.closing_balance) for s in got] == [
        (s.account, s.total, s.opening_balance, s.closing_balance) for s in want
    ]
    assert [t.description for s in got for t in s.transactions] == [t.description for s in want for t in s.transactions]


def test_rabobank_row_without_its_opening_quote_is_repaired_with_a_warning():
    data = (FIX / "rabobank.csv").read_bytes()
    lines = data.split(b"\r\n")
    assert lines[2].startswith(b'"NL44RABO')
    lines[2] = lines[2][1:]  # line 3 loses its opening quote, as in the real Rabobank sample
    first, _ = bank.read_bytes(b"\r\n".join(lines), source="rabo.csv")
    assert first.total == D("900.00") and first.transactions[1].amount == D("1000.00")
    assert first.transactions[1].counterparty == "Café Zoë"
    assert any(w.startswith("rabo.csv:3: the row lacks its opening quote") for w in first.warnings)


def test_rabobank_old_layout_c_d_and_decimal_point():
    s = one(FIX / "rabobank_old.csv")
    assert amounts(s) == [D("-25.00"), D("100.50"), D("-7.25")]
    assert s.transactions[0].description == "VOORSCHOT JANUARI KLANTNR 123"  # description 1 and 2 joined
    assert s.transactions[0].reference == "E2E-0001"
    assert s.transactions[2].booking_date == date(2017, 1, 4) and s.transactions[2].value_date == date(2017, 1, 5)


def test_abnamro_descriptions_are_tidied_and_accounts_split():
    a, b = bank.read(FIX / "abnamro.TAB")
    assert a.transactions[1].description == "SEPA Overboeking IBAN: NL20INGB0001234567 BIC: INGBNL2A Naam: Klant A BV Omschrijving: factuur 2026-015"
    assert a.transactions[2].description.startswith("/TRTP/SEPA Incasso algemeen doorlopend/")
    assert [t.balance_after for t in b.transactions] == [D("400.00"), D("425.25")]


def test_bunq_thousands_and_value_date():
    assert amounts(one(FIX / "bunq_nl.csv"))[1] == D("1750.00")  # "1.750,00"
    s = one(FIX / "bunq_semicolon.csv")
    assert s.transactions[1].value_date == date(2026, 3, 4) and s.transactions[1].amount == D("2000.00")


def test_knab_preamble_trailing_delimiter_and_c_d():
    s = one(FIX / "knab.csv")
    assert amounts(s) == [D("-7.02"), D("3000"), D("-2500")]  # oldest first
    assert [t.reference for t in s.transactions] == ["K26C02AAAA000001", "K26C10AAAA000001", "K26C10AAAA000002"]
    assert s.transactions[1].booking_date == date(2026, 3, 10)  # Boekdatum, not Transactiedatum (09-03)


def test_asn_single_quoted_description_with_comma():
    s = one(FIX / "asn.csv")
    assert s.transactions[0].description == "factuur 2026-018, met dank"
    assert s.transactions[1].description == "voorschot maart 000012345678"  # Omschrijving + Betalingskenmerk
    assert s.transactions[0].reference == "51000001" and s.transactions[1].code == "EIC"


def test_triodos_iso_8859_15_euro():
    s = one(FIX / "triodos.csv")
    assert s.transactions[1].description == "drukwerk € 89,50"  # byte 0xA4 in ISO-8859-15
    assert amounts(s) == [D("1210.00"), D("-89.50")]


def test_generic_mapping_from_toml():
    s = one(FIX / "generic_debit_credit.csv", mapping=FIX / "generic_debit_credit.toml")
    assert amounts(s) == [D("-1250.00"), D("2420.00"), D("-12.50")]
    assert (s.opening_balance.amount, s.closing_balance.amount) == (D("5000.00"), D("6157.50"))
    assert s.account == "NL02ABNA0123456789" and s.transactions[1].counterparty == "Klant D"
    assert s.reconciles


def test_forcing_a_bank_and_refusing_one_that_does_not_fit():
    assert one(FIX / "sns.csv", bank="sns").bank == "sns"
    assert one(FIX / "ing_semicolon.csv", bank="ing").account == "NL20INGB0001234567"  # ING: both layouts
    with pytest.raises(BankFileError, match="no knab preset fits"):
        bank.read(FIX / "ing_comma.csv", bank="knab")
    with pytest.raises(BankFileError, match="no CSV preset for bank 'hsbc'"):
        bank.read(FIX / "ing_comma.csv", format="csv", bank="hsbc")


# ------------------------------------------------------------------------------------------------
# damaged files: a clear BankFileError naming the line
# ------------------------------------------------------------------------------------------------

ING_HEADER = b'"Datum","Naam / Omschrijving","Rekening","Tegenrekening","Code","Af Bij","Bedrag (EUR)","MutatieSoort","Mededelingen"\n'
ING_ROW = b'"20260302","Bakker","NL20INGB0001234567","","BA","Af","2,50","Betaalautomaat","brood"\n'


@pytest.mark.parametrize(
    "bad_row, line, message",
    [
        (b'"20260302","Bakker","NL20INGB0001234567","","BA","Af","2,50","Betaalautomaat"\n', 3, "8 fields where this export has 9"),
        (b'"20260230","Bakker","NL20INGB0001234567","","BA","Af","2,50","Betaalautomaat","brood"\n', 3, "not a date in the form YYYYMMDD"),
        (b'"20260302","Bakker","NL20INGB0001234567","","BA","Af","2,5O","Betaalautomaat","brood"\n', 3, "not an amount"),
        (b'"20260302","Bakker","NL20INGB0001234567","","BA","Op","2,50","Betaalautomaat","brood"\n', 3, "'Op' is neither debit"),
        (b'"20260302","Bakker","NL20INGB0001234567","","BA","Af","2,50","Betaalautomaat","brood\n' + ING_ROW, 3, "not closed before the end of the line"),
        (b'"20260302","Bakker \x81","NL20INGB0001234567","","BA","Af","2,50","Betaalautomaat","brood"\n', 3, "byte 0x81 is not text"),
    ],
    ids=["fields", "date", "amount", "sign", "quote", "encoding"],
)
def test_damaged_row_names_file_and_line(bad_row, line, message):
    with pytest.raises(BankFileError, match=message) as err:
        bank.read_bytes(ING_HEADER + ING_ROW + bad_row, source="export.csv")
    assert err.value.file == "export.csv" and err.value.line == line
    assert str(err.value).startswith(f"export.csv:{line}: ")


def test_header_only_and_empty():
    assert bank.read_bytes(ING_HEADER) == []
    assert bank.read_bytes(b"KNAB EXPORT;;;;\n" + (FIX / "knab.csv").read_bytes().splitlines(True)[1]) == []
    with pytest.raises(BankFileError, match="not a bank export xlcapital knows: the file is empty"):
        bank.read_bytes(b"", source="empty.csv")
    with pytest.raises(BankFileError, match="not a bank export xlcapital knows: the file is empty"):
        bank.read_bytes(b"\r\n  \n", source="blank.csv")
    with pytest.raises(BankFileError, match="not a bank export xlcapital knows: neither"):
        bank.read_bytes(b"\x01binary", source="x.bin")
    with pytest.raises(BankFileError, match="a NUL byte: this is binary data"):
        bank.read_bytes(b"\x00\x01binary", source="x.bin")


def test_unknown_csv_says_to_use_a_mapping():
    with pytest.raises(BankFileError, match="--mapping") as err:
        bank.read_bytes(b"When,What,How much\n2026-03-01,bread,-2.50\n", source="x.csv")
    assert err.value.file == "x.csv"


# ------------------------------------------------------------------------------------------------
# presets are plain data (the VBA macro is generated from them)
# ------------------------------------------------------------------------------------------------


def _plain(value) -> bool:
    if isinstance(value, tuple):
        return all(_plain(v) for v in value)
    return value is None or isinstance(value, (str, int, bool))


@pytest.mark.parametrize("name", sorted(PRESETS))
def test_presets_are_frozen_plain_data(name):
    p = PRESETS[name]
    assert dataclasses.is_dataclass(p) and p.name == name
    with pytest.raises(dataclasses.FrozenInstanceError):
        p.delimiter = ";"  # type: ignore[misc]
    for f in dataclasses.fields(p):
        assert _plain(getattr(p, f.name)), f.name
    # a header-less layout names its columns by position, a headed one may use names
    if p.header != "required":
        assert all(isinstance(c, int) for c in p.columns().values())


def test_mapping_errors_name_the_key(tmp_path):
    bad = tmp_path / "m.toml"
    bad.write_text('delimiter = ";"\naccount_value = "X"\n[columns]\nbooking_date = "Datum"\namount = "Bedrag"\nbedrag = 3\n')
    with pytest.raises(InputError, match="unknown column field 'bedrag'") as err:
        load_mapping(bad)
    assert err.value.field == "columns.bedrag" and err.value.file == str(bad)
    bad.write_text('delimter = ";"\naccount_value = "X"\n[columns]\nbooking_date = "Datum"\namount = "Bedrag"\n')
    with pytest.raises(InputError, match="unknown setting 'delimter'"):
        load_mapping(bad)
    bad.write_text('account_value = "X"\n[columns]\nbooking_date = "Datum"\n')
    with pytest.raises(InputError, match="give an amount column"):
        load_mapping(bad)
    bad.write_text('header = "none"\ncolumn_count = 3\naccount_value = "X"\n[columns]\nbooking_date = "Datum"\namount = 2\n')
    with pytest.raises(InputError, match="is named, but this export has no header") as err:
        load_mapping(bad)
    assert err.value.file == str(bad) and err.value.field == "booking_date"
    bad.write_text("this is = not toml = at all")
    with pytest.raises(InputError, match="not valid TOML"):
        load_mapping(bad)
    with pytest.raises(InputError, match="a sign column needs"):
        preset_from_dict({"account_value": "X", "columns": {"booking_date": 1, "amount": 2, "sign": 3}})


def test_column_fields_are_the_preset_fields():
    names = {f.name for f in dataclasses.fields(Preset)}
    assert set(COLUMN_FIELDS) <= names


# ------------------------------------------------------------------------------------------------
# the real samples (../shared/bankfeeds/csv) against their ground truth
# ------------------------------------------------------------------------------------------------

MAPPINGS = {
    "degiro_account.csv": "degiro.toml",
    "oca_sheet_sample_statement_en.csv": "oca_sheet.toml",
    "oca_sheet_original_currency.csv": "oca_sheet.toml",
    "oca_sheet_debit_credit.csv": "oca_debit_credit.toml",
}


@pytest.fixture(scope="module")
def gt_csv(bankfeeds):
    return json.loads((bankfeeds / "ground_truth" / "gt_csv.json").read_text())


def _truth_cases():
    from tests.conftest import BANKFEEDS

    path = BANKFEEDS / "ground_truth" / "gt_csv.json"
    if not path.exists():
        return ["<bankfeeds absent>"]
    return sorted(json.loads(path.read_text()))


@pytest.mark.bankfeeds
@pytest.mark.parametrize("name", _truth_cases())
def test_real_sample_matches_ground_truth(name, bankfeeds, gt_csv):
    truth = gt_csv[name]
    path = bankfeeds / "csv" / name
    if name == "ing_balance_history_savings.csv":  # balances only, no transactions: not a statement
        with pytest.raises(BankFileError, match="--mapping"):
            bank.read(path)
        return
    mapping = FIX / MAPPINGS[name] if name in MAPPINGS else None
    if mapping is not None:  # not a bank export: refused without a mapping, read with one
        with pytest.raises(BankFileError, match="--mapping"):
            bank.read(path)
    statements = bank.read(path, mapping=mapping)
    txs = [t for s in statements for t in s.transactions]
    n = truth.get("n_tx", truth.get("n_rows"))
    assert len(txs) == n
    if n == 0:
        assert statements == []
        return
    if "sum" in truth and name != "oca_sheet_debit_credit.csv":
        assert sum(t.amount for t in txs) == D(truth["sum"])
    if "n_debit" in truth and name != "oca_sheet_debit_credit.csv":
        assert [sum(t.amount < 0 for t in txs), sum(t.amount > 0 for t in txs), sum(t.amount == 0 for t in txs)] == [
            truth["n_debit"], truth["n_credit"], truth["n_zero"]
        ]
    if truth.get("first_date"):
        assert min(t.booking_date for t in txs).isoformat() == truth["first_date"]
        assert max(t.booking_date for t in txs).isoformat() == truth["last_date"]
    if "balance_before_first" in truth:  # ASN
        [s] = statements
        assert (str(s.opening_balance.amount), str(s.closing_balance.amount)) == (truth["balance_before_first"], truth["balance_after_last"])
        assert s.reconciles
    if "opening_implied" in truth:  # Rabobank
        [s] = statements
        assert (str(s.opening_balance.amount), str(s.closing_balance.amount)) == (truth["opening_implied"], truth["balance_after_last"])
        assert s.transactions[0].balance_after == D(truth["balance_after_first"])
    if "accounts" in truth:  # ABN AMRO: several accounts, one statement each
        got = {s.account: s for s in statements}
        assert set(got) == set(truth["accounts"])
        for account, facts in truth["accounts"].items():
            s = got[account]
            assert (len(s.transactions), str(s.total), str(s.opening_balance.amount), str(s.closing_balance.amount)) == (
                facts["n_tx"], facts["sum"], facts["opening"], facts["closing"]
            )


@pytest.mark.bankfeeds
def test_real_rabobank_repaired_row_and_mixed_line_ends(bankfeeds):
    [s] = bank.read(bankfeeds / "csv" / "rabobank_CSV_A_20180414_112204.csv")
    # the file ends lines with CR CR LF (two line ends each, as an editor shows them): the row that
    # lacks its opening quote is on line 5
    assert any(":5: the row lacks its opening quote" in w for w in s.warnings)
    assert s.transactions[1].amount == D("50.00") and s.transactions[1].reference == "000000000000009590"
    assert s.reconciles is False  # the sample skips rows between its balances: a warning, not an error
    assert any("does not" in w or "but the file states closing" in w for w in s.warnings)


@pytest.mark.bankfeeds
def test_real_ing_fail_sample_is_read_leniently(bankfeeds):
    """ing_comma_old_fail.csv: its second row has a space after a delimiter before a quoted field
    (``"Overschrijving", "Naam: ..."``) and a different account. ofxstatement-dutch's test expects
    a failure; we read it: a space before an opening quote is unambiguous (the csv module's
    skipinitialspace, as pandas and LibreOffice allow), and an ING export may hold several accounts,
    which become one statement each. The ground truth (2 rows, sum 18.75) agrees."""
    statements = bank.read(bankfeeds / "csv" / "ing_comma_old_fail.csv")
    assert [(s.account, s.total) for s in statements] == [("NL99INGB9999999999", D("-1.25")), ("NL99INGB9999999998", D("20.00"))]
    assert statements[1].transactions[0].description.startswith("Naam: PAULISSEN")  # no stray quote


@pytest.mark.bankfeeds
def test_real_oca_debit_credit_matches_ocas_own_test(bankfeeds):
    # OCA's test of debit_credit.csv with the D/C column applied: balance_start 10.0, balance_end 1510.0
    s = one(bankfeeds / "csv" / "oca_sheet_debit_credit.csv", mapping=FIX / "oca_debit_credit.toml")
    assert amounts(s) == [D("-33.50"), D("1533.50")]
    assert (s.opening_balance.amount, s.closing_balance.amount) == (D("10.00"), D("1510.00"))


@pytest.mark.bankfeeds
def test_real_degiro_two_currencies_and_identical_rows(bankfeeds):
    eur, usd = bank.read(bankfeeds / "csv" / "degiro_account.csv", mapping=FIX / "degiro.toml")
    assert (eur.currency, len(eur.transactions), usd.currency, len(usd.transactions)) == ("EUR", 29, "USD", 1)
    # two "Terugstorting -334,35" rows on 21-06-2019 both stay, with keys ending |1 and |2
    refunds = [t for t in eur.transactions if t.amount == D("-334.35")]
    assert len(refunds) == 2 and refunds[0].key != refunds[1].key
    assert eur.closing_balance.amount == D("13.87")  # balance after the newest row (the file's first)


# ------------------------------------------------------------------------------------------------
# property: whatever a bank writes in its own notation reads back exactly
# ------------------------------------------------------------------------------------------------

WORD = st.text(alphabet="abcXYZ019éëß€=+-@,;:'\"/()&", min_size=1, max_size=8)
TEXT = st.lists(WORD, min_size=0, max_size=4).map(" ".join)
ROW = st.fixed_dictionaries(
    {
        "day": st.dates(date(2001, 1, 1), date(2029, 12, 31)),
        "cents": st.integers(-10**9, 10**9),
        "plus": st.booleans(),  # write a + before a positive signed amount
        "group": st.booleans(),  # write a thousands mark where the bank uses one
        "counterparty": TEXT,
        "description": TEXT,
    }
)


def write_date(d: date, fmt: str) -> str:
    return fmt.replace("YYYY", f"{d.year:04d}").replace("MM", f"{d.month:02d}").replace("DD", f"{d.day:02d}")


def write_amount(cents: int, p: Preset, plus: bool, group: bool) -> str:
    units, rest = divmod(abs(cents), 100)
    digits = f"{units:,}".replace(",", p.thousands) if (group and p.thousands) else str(units)
    text = f"{digits}{p.decimal}{rest:02d}"
    if p.sign is not None:
        return text
    return ("-" if cents < 0 else "+" if plus else "") + text


def write_export(p: Preset, rows: list[dict]) -> bytes:
    """An export in preset ``p``'s notation, written here independently of the reader."""
    if p.header == "required":
        names = list(dict.fromkeys([*p.header_signature, *(c for c in p.columns().values() if isinstance(c, str))]))
        place = {name: names.index(name) for name in names}
        width = len(names)
    else:
        names, place, width = None, {}, p.column_count

    def at(column) -> int:
        return place[column] if isinstance(column, str) else column - 1

    account = "123456789" if p.name == "abnamro" else f"NL91{(p.bank_codes or ('TEST',))[0]}0123456789"
    buf = io.StringIO()
    buf.write("".join(f"PREAMBLE{p.delimiter}\n" for _ in range(p.skip_lines)))
    quoting = csv.QUOTE_NONE if not p.quotechar else csv.QUOTE_ALL if p.all_quoted else csv.QUOTE_MINIMAL
    writer = csv.writer(buf, delimiter=p.delimiter, quotechar=p.quotechar or None, quoting=quoting, lineterminator="\n")
    if names:
        writer.writerow(names)
    for r in rows:
        cells = [""] * width
        cells[at(p.booking_date)] = write_date(r["day"], p.date_format)
        cells[at(p.amount)] = write_amount(r["cents"], p, r["plus"], r["group"])
        if p.sign is not None:
            cells[at(p.sign)] = (p.debit_values if r["cents"] < 0 else p.credit_values)[0]
        cells[at(p.account)] = account
        if p.currency is not None:
            cells[at(p.currency)] = "EUR"
        if p.counterparty is not None:
            cells[at(p.counterparty)] = r["counterparty"]
        cells[at(p.description[0])] = r["description"]
        writer.writerow(cells)
    return buf.getvalue().encode(p.encodings[0])


@pytest.mark.parametrize("name", sorted(PRESETS))
def test_any_export_in_the_banks_notation_reads_back(name):
    p = PRESETS[name]

    @settings(max_examples=30, deadline=None)
    @given(st.lists(ROW, min_size=1, max_size=6))
    def check(rows):
        rows = sorted(rows, key=lambda r: r["day"])
        if p.quotechar == "":  # ABN AMRO: no quoting, so no tab or quote can be in a text
            for r in rows:
                r["counterparty"] = " ".join(r["counterparty"].replace('"', "").split())
                r["description"] = " ".join(r["description"].replace('"', "").split())
        data = write_export(p, rows)
        statements = bank.read_bytes(data, source=f"{name}.csv")
        [s] = statements
        assert s.bank == p.bank
        assert [t.booking_date for t in s.transactions] == [r["day"] for r in rows]
        assert [t.amount for t in s.transactions] == [D(r["cents"]).scaleb(-2) for r in rows]
        assert [t.description for t in s.transactions] == [r["description"] for r in rows]
        assert [t.counterparty for t in s.transactions] == [r["counterparty"] if p.counterparty else "" for r in rows]

    check()
