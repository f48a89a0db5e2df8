"""OFX/QFX: our reader on fixtures written for xlcapital (tests/data/bank/ofx*), with ofxparse as a cross-check.

Expected values are read off the fixtures by hand.
"""

from __future__ import annotations

from datetime import date
from decimal import Decimal as D
from pathlib import Path

import pytest

from xlcapital.bank import ofx, read, read_bytes
from xlcapital.errors import BankFileError

DATA = Path(__file__).resolve().parent / "data" / "bank"
SGML = DATA / "ofx102_sgml_cp1252.ofx"
XML = DATA / "ofx211_xml.ofx"


def test_sgml_cp1252_bank_and_credit_card_statements():
    bank, card = read(SGML)
    assert (bank.account, bank.currency, bank.format, bank.bank) == ("NL69INGB0123456789", "EUR", "ofx", "ing")
    # OFX states only the ledger (closing) balance: the opening is left unknown, not derived
    assert bank.opening_balance is None and bank.reconciles is None and not bank.warnings
    assert bank.closing_balance.amount == D("2487.50") and bank.closing_balance.date == date(2024, 3, 15)
    lunch, invoice = bank.transactions
    assert lunch.amount == D("-12.50")  # decimal comma
    assert (lunch.counterparty, lunch.description) == ("Café de Kroon", "Lunch € 12,50")  # CHARSET 1252
    assert (lunch.booking_date, lunch.value_date) == (date(2024, 3, 4), date(2024, 3, 5))  # DTPOSTED, DTAVAIL
    assert (lunch.reference, lunch.code, lunch.line) == ("202403040001", "DEBIT", 17)
    assert invoice.booking_date == date(2024, 3, 5)  # 20240305120000.000[+1:CET]
    assert (invoice.counterparty, invoice.counterparty_iban) == ("Klant & Co B.V.", "NL39RABO0300065264")  # PAYEE, BANKACCTTO
    assert card.account == "4111111111111111"  # CCACCTFROM, spaces dropped
    assert card.closing_balance.amount == D("-89.95") and [t.amount for t in card.transactions] == [D("-89.95")]


def test_xml_211_utf8_and_formula_like_text_kept_as_data():
    (s,) = read(XML)
    assert (s.account, s.currency, s.closing_balance.amount) == ("1234567890", "USD", D("-55.00"))
    rent, fee = s.transactions
    assert (rent.counterparty, rent.amount, rent.code) == ("Jürgen's Rent", D("-250.00"), "CHECK")
    assert fee.description == '=HYPERLINK("http://example.com")'  # data, never a formula: writers quote it


def test_sniff_and_count():
    assert ofx.sniff(SGML.read_bytes()[:200]) and ofx.sniff(XML.read_bytes()[:200])
    assert ofx.count_records(SGML.read_bytes()) == 3 and ofx.count_records(XML.read_bytes()) == 2


@pytest.mark.parametrize(
    "old, new, message",
    [
        (b"<TRNAMT>-89,95", b"<TRNAMT>$89,95", "not a transaction amount: '\\$89,95'"),
        (b"<CURDEF>EUR<CCACCTFROM>", b"<CURDEF><CCACCTFROM>", "currency <CURDEF> is missing or empty"),
        (b"<DTPOSTED>20240310", b"<DTPOSTED>20241310", "impossible date 2024-13-10"),
        (b"<TRNAMT>-89,95", b"<TRNAMT>", "has no amount"),
    ],
)
def test_broken_files_fail_with_a_clear_message(old, new, message):
    data = SGML.read_bytes().replace(old, new)
    with pytest.raises(BankFileError, match=message) as err:
        read_bytes(data, "bad.ofx")
    assert err.value.file == "bad.ofx" and err.value.line is not None


def test_transaction_outside_a_statement_is_an_error():
    with pytest.raises(BankFileError, match="outside a statement"):
        read_bytes(b"OFXHEADER:100\n<OFX><BANKTRANLIST><STMTTRN><TRNAMT>1<DTPOSTED>20240101</STMTTRN></OFX>", "x.ofx")


def test_a_signon_only_file_has_no_statements():
    assert read_bytes(b"OFXHEADER:100\n\n<OFX><SIGNONMSGSRSV1><SONRS><STATUS><CODE>0</STATUS></SONRS></SIGNONMSGSRSV1></OFX>", "s.ofx") == []


@pytest.mark.filterwarnings("ignore::DeprecationWarning", "ignore::UserWarning")  # bs4 under ofxparse
@pytest.mark.parametrize("path", [SGML, XML], ids=["sgml", "xml"])
def test_cross_check_with_ofxparse(path):
    import io

    from ofxparse import OfxParser

    data = path.read_bytes()
    # ofxparse decodes a 2.x file as ASCII whatever its XML declaration says: give it ASCII
    theirs = OfxParser.parse(io.BytesIO(data.replace("ü".encode(), b"u")))
    ours = read_bytes(data, path.name)
    assert len(ours) == len(theirs.accounts)
    for s, account in zip(ours, theirs.accounts):
        assert s.account.replace(" ", "") == account.account_id.replace(" ", "")
        assert s.closing_balance.amount == account.statement.balance
        assert [t.amount for t in s.transactions] == [t.amount for t in account.statement.transactions]
        assert [t.booking_date for t in s.transactions] == [t.date.date() for t in account.statement.transactions]
