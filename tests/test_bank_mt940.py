"""MT940: our reader on fixtures written for xlcapital (tests/data/bank/mt940_*), one per variant.

Every expected value below is read off the fixture by hand; balances are checked with the
arithmetic written out. mt-940 (WoLpH) is the independent cross-check where it can read a file.
"""

from __future__ import annotations

from datetime import date
from decimal import Decimal as D
from pathlib import Path

import pytest

from xlcapital.bank import mt940, read, read_bytes
from xlcapital.errors import BankFileError

DATA = Path(__file__).resolve().parent / "data" / "bank"
FIXTURES = sorted(p.name for p in DATA.glob("mt940_*"))


def one(name: str):
    return read(DATA / name)


def test_every_fixture_sniffs_as_mt940_and_reads():
    assert len(FIXTURES) == 6
    for name in FIXTURES:
        data = (DATA / name).read_bytes()
        assert mt940.sniff(data[:8192]), name
        statements = read(DATA / name)
        assert all(s.format == "mt940" for s in statements)
        assert sum(len(s.transactions) for s in statements) == mt940.count_records(data)


def test_rabobank_structured_two_statements_with_their_own_balances():
    s1, s2 = one("mt940_rabobank_structured.sta")
    assert s1.account == s2.account == "NL93RABO0987654321"
    assert s1.bank == "rabobank" and s1.currency == "EUR"
    # 1000.00 - 127.50 + 2500.00 = 3372.50
    assert (s1.opening_balance.amount, s1.closing_balance.amount) == (D("1000.00"), D("3372.50"))
    assert s1.opening_balance.date == date(2024, 2, 29)
    # 3372.50 - 4000.00 = -627.50, written as D
    assert (s2.opening_balance.amount, s2.closing_balance.amount) == (D("3372.50"), D("-627.50"))
    assert s1.reconciles and s2.reconciles and not s1.warnings
    coffee, customer = s1.transactions
    assert coffee.amount == D("-127.50") and coffee.booking_date == date(2024, 3, 1)
    assert coffee.counterparty == "Nespresso Nederland B.V."
    assert coffee.counterparty_iban == "NL91ABNA0417164300"  # the :61: account line
    assert coffee.description == "Factuur 2024-001 koffiecups"  # /REMI/ cut at 65 characters
    assert coffee.reference == "E2E-20240301-1"  # "EREF" in :61: means: see /EREF/
    assert coffee.code == "N102" and coffee.line == 6
    assert (customer.counterparty, customer.counterparty_iban, customer.amount) == (
        "Klant B.V.",
        "NL20INGB0001234567",
        D("2500.00"),
    )
    (tax,) = s2.transactions
    assert tax.counterparty_iban == "P004500018"  # an old Rabobank giro number is kept as written


def test_ing_in_a_swift_envelope():
    (s,) = one("mt940_ing_swift.940")
    assert (s.account, s.currency, s.bank) == ("NL69INGB0123456789", "EUR", "ing")
    # 1500.00 - 45.99 + 1250.00 = 2704.01; :64:/:65: are not the closing balance
    assert (s.opening_balance.amount, s.closing_balance.amount) == (D("1500.00"), D("2704.01"))
    debit, credit = s.transactions
    assert (debit.counterparty, debit.counterparty_iban) == ("Energie Direct B.V.", "NL86INGB0002445588")
    assert debit.description == "Maart 2024 termijnbedrag"
    assert debit.reference == "00000000001001"  # the bank reference after //
    assert (credit.counterparty, credit.counterparty_iban) == ("J. de Vries", "NL39RABO0300065264")
    assert credit.description == "Factuur 2024-021"


def test_abnamro_header_lines_two_accounts_and_free_text():
    s1, s2 = one("mt940_abnamro_headers.sta")
    assert (s1.account, s2.account) == ("517852257", "485082713")
    assert s1.bank == s2.bank == "abnamro"  # from the ABNANL2A header: the accounts are not IBANs
    # 2500.00 - 35.50 - 1000 + 600 = 2064.50
    assert s1.closing_balance.amount == D("2064.50") and s1.reconciles
    card, rent, loan = s1.transactions
    assert card.value_date == date(2024, 3, 6) and card.booking_date == date(2024, 3, 7)  # entry date 0307
    assert card.description.startswith("BEA NR:XXX123 06.03.24/12.01 Albert Heijn")
    assert card.counterparty == "" and card.counterparty_iban == ""
    assert (rent.counterparty, rent.counterparty_iban, rent.description) == (
        "Verhuur B.V.",
        "NL44RABO0123456789",
        "Huur maart 2024",
    )
    assert rent.amount == D("-1000")  # "1000," : a trailing decimal comma
    assert (loan.counterparty, loan.counterparty_iban) == ("P. Jansen", "NL02ABNA0123456789")
    assert "Terugbetaling lening" in loan.description  # free text is kept whole
    # -150.00 (D) + 150 = 0, written as "0,"
    assert (s2.opening_balance.amount, s2.closing_balance.amount) == (D("-150.00"), D("0"))


def test_asn_iban_in_the_reference_slot_and_padded_lines():
    s1, s2 = one("mt940_asn.940")
    assert s1.account == "NL57ASNB0123456789" and s1.bank == "asn"
    jewel, savings = s1.transactions
    assert jewel.amount == D("-65.00") and jewel.code == "NOVB"
    assert (jewel.counterparty, jewel.counterparty_iban) == ("J.G. de Boer", "NL71INGB0009876543")
    assert jewel.description == "NL71INGB0009876543 J.G. de Boer Betaling sieraden"
    assert savings.amount == D("1000.00")
    # 444.29 - 65.00 + 1000.00 = 1379.29; the second day has no transactions
    assert s1.closing_balance.amount == D("1379.29")
    assert s2.transactions == [] and s2.opening_balance.amount == s2.closing_balance.amount == D("1379.29")
    assert (s1.statement_id, s2.statement_id) == ("0000000000 15/1", "0000000000 16/1")


def test_old_rabobank_decimal_point_intermediate_balances_and_a_statement_without_20():
    s1, s2, s3 = one("mt940_rabobank_old.txt")
    assert s1.account == s2.account == "1017490554" and s3.account == "170032841"
    # 20000.00 + 300.00 - 79734 = -59434.00 (62M, D); then -59434.00 + 60000.00 = 566.00
    assert (s1.opening_balance.amount, s1.closing_balance.amount) == (D("20000.00"), D("-59434.00"))
    assert (s2.opening_balance.amount, s2.closing_balance.amount) == (D("-59434.00"), D("566.00"))
    assert (s3.opening_balance.amount, s3.closing_balance.amount) == (D("0.00"), D("250.00"))
    assert all(s.reconciles for s in (s1, s2, s3))
    faktuur, investment = s1.transactions
    assert faktuur.amount == D("300.00") and faktuur.reference == "170059286"
    assert faktuur.counterparty == "A.J. VAN BUREN"  # written after the 16-character reference
    assert faktuur.description == "FAKTUUR 472425 KLANT 45680"  # two :86: fields
    assert investment.amount == D("-79734")  # "00000000079734." : a trailing decimal point


def test_german_cp1252_subfields_funds_code_reversal_and_cut_lines():
    (s,) = one("mt940_german_cp1252.sta")
    assert s.account == "10020030/1234567"
    credit, reversal, phone = s.transactions
    assert credit.amount == D("250.00")  # "CR": credit, funds code R
    assert (credit.counterparty, credit.counterparty_iban) == ("Müller GmbH", "DE02100100100006820101")
    assert "Bürobedarf" in credit.description  # cp1252 decoded
    assert reversal.amount == D("-40.00")  # RC: the reversal of a credit takes money out
    assert reversal.description == "Rücküberweisung"
    assert phone.amount == D("-19.99") and phone.counterparty == "Telefon AG"  # :61: and ":"/"86:" cut
    # 1000.00 + 250.00 - 40.00 - 19.99 = 1190.01
    assert s.closing_balance.amount == D("1190.01") and s.reconciles


def test_utf8_and_cp1252_read_alike():
    cp = (DATA / "mt940_german_cp1252.sta").read_bytes()
    utf8 = cp.decode("cp1252").encode("utf-8")
    a, b = read_bytes(cp, "a.sta"), read_bytes(b"\xef\xbb\xbf" + utf8, "b.sta")
    assert [t.description for t in a[0].transactions] == [t.description for t in b[0].transactions]


def test_a_file_that_does_not_reconcile_gets_a_warning_not_an_error():
    data = (DATA / "mt940_ing_swift.940").read_bytes().replace(b":62F:C240305EUR2704,01", b":62F:C240305EUR2704,02")
    (s,) = read_bytes(data, "ing.940")
    assert s.reconciles is False
    # 1500.00 - 45.99 + 1250.00 = 2704.01 against the 2704.02 written here
    assert s.warnings == [
        "ing.940: account NL69INGB0123456789 (2024-03-05..2024-03-05): opening 1500.00 + transactions 1204.01 = "
        "2704.01, but the file states closing 2704.02 (difference 0.01)"
    ]


@pytest.mark.parametrize(
    "broken, message",
    [
        (b":61:2403050305D45,99NDDTEREF", b":61:2403050305X45,99NDDTEREF"),  # no debit/credit mark
        (b":61:2403050305D45,99", b":61:2403050305D45,9,9"),  # two decimal commas
    ],
)
def test_broken_fields_raise_bankfileerror_with_file_and_line(broken, message):
    data = (DATA / "mt940_ing_swift.940").read_bytes().replace(broken, message)
    with pytest.raises(BankFileError) as err:
        read_bytes(data, "ing.940", format="mt940")
    assert err.value.file == "ing.940" and err.value.line == 8


def test_the_record_count_catches_a_lost_transaction(monkeypatch):
    real = mt940._Builder.finish

    def drop_one(self):
        statements = real(self)
        statements[0].transactions.pop()
        return statements

    monkeypatch.setattr(mt940._Builder, "finish", drop_one)
    with pytest.raises(BankFileError, match="read 1 transactions but the file holds 2"):
        read(DATA / "mt940_ing_swift.940")


def test_count_records_counts_tags_at_line_starts_only():
    assert mt940.count_records(b":61:x\r\n:61:y\r:61:z\n:86:a :61: b\n:\n61:cut") == 4


@pytest.mark.parametrize("name", ["mt940_rabobank_structured.sta", "mt940_ing_swift.940", "mt940_abnamro_headers.sta"])
def test_cross_check_with_the_mt940_library(name):
    import mt940 as wolph

    data = (DATA / name).read_bytes()
    theirs = list(wolph.parse(data))
    ours = [t for s in read(DATA / name) for t in s.transactions]
    assert len(ours) == len(theirs)
    assert [t.amount for t in ours] == [t.data["amount"].amount for t in theirs]
    assert [t.value_date for t in ours] == [t.data["date"] for t in theirs]


def test_parse_info_variants():
    info = mt940.parse_info("/ORDP//NAME/Bedrijf B.V./REMI/NR.1/11.3.2013/ISDT/2013-04-03")
    assert (info["name"], info["description"]) == ("Bedrijf B.V.", "NR.1/11.3.2013")
    info = mt940.parse_info("REK: NL52RABO0326203011/NAAM: SOME NAME")
    assert (info["iban"], info["name"]) == ("NL52RABO0326203011", "SOME NAME")
    info = mt940.parse_info("000>100987654321>20HUUR KANTOOR>21 FEB 2010>310390123456")
    assert (info["iban"], info["description"]) == ("0390123456", "HUUR KANTOOR FEB 2010")
    info = mt940.parse_info("Betaalautomaat 14:23 pasnr. 065")
    assert info == {"name": "", "iban": "", "description": "Betaalautomaat 14:23 pasnr. 065", "eref": ""}


def test_bank_from_ing_header_lines_when_the_account_is_no_iban():
    data = (
        b"0000 01INGBNL2AXXXX00001\n0000 01INGBNL2AXXXX00001\n940 00\n"
        b":20:MPBZ\n:25:0001234567\n:28C:000\n:60F:C240101EUR1,00\n:62F:C240102EUR1,00\n-XXX\n"
    )
    (s,) = read_bytes(data, "ing.sta")
    assert (s.account, s.bank, s.opening_balance.amount, s.transactions) == ("0001234567", "ing", D("1.00"), [])


def test_lenient_statement_lines_blank_entry_date_space_before_amount_no_type_code():
    head = b":20:X\n:25:NL91ABNA0417164300\n:60F:C240101EUR100,00\n"
    data = head + b":61:240102    D 15,70\n:86:zonder typecode\n:62F:C240102EUR84,30\n"
    (s,) = read_bytes(data, "lenient.sta")
    (t,) = s.transactions
    # 100.00 - 15.70 = 84.30
    assert (t.booking_date, t.amount, t.code, t.description) == (date(2024, 1, 2), D("-15.70"), "", "zonder typecode")
    assert s.reconciles


def test_a_field_on_the_envelope_line_is_read_and_counted():
    data = (
        b"{1:F01INGBNL2AXXXX0000000000}{2:I940INGBNL2AXXXXN}{4::20:REF\n:25:NL69INGB0123456789EUR\n"
        b":60F:C240101EUR10,00\n:61:2401020102D1,00NTRFNONREF\n:62F:C240102EUR9,00\n-}\n"
        b"{1:F01INGBNL2AXXXX0000000000}{2:I940INGBNL2AXXXXN}{4::61:2401030103D2,00NTRFNONREF\n-}\n"
    )
    assert mt940.count_records(data) == 2
    first, second = read_bytes(data, "env.940")
    assert (first.statement_id, first.closing_balance.amount) == ("REF", D("9.00"))
    # a :61: after a closed statement opens a new one of the same account
    assert (second.account, [t.amount for t in second.transactions]) == ("NL69INGB0123456789", [D("-2.00")])
