"""OFX reader: the small cases mutation testing found untested (docs/development.md, "Mutation testing").

Every input is written here by hand and every expected value is worked out from it in the comments:
the header's encoding rules, the independent count's tag rules, which leaf lands where, the exact
text and line of every refusal and warning. Only public functions: ``bank.read_bytes`` and the
module's ``sniff``/``count_records``/``read``.
"""

from __future__ import annotations

from datetime import date
from decimal import Decimal as D

import pytest

from xlcapital import bank
from xlcapital.bank import ofx
from xlcapital.bank.textio import ENCODINGS
from xlcapital.errors import BankFileError

HEADER = b"OFXHEADER:100\nDATA:OFXSGML\nVERSION:102\n"


def doc(*transactions: bytes, head: bytes = HEADER, statement: bytes = b"", ledger: bytes = b"<LEDGERBAL><BALAMT>10.00<DTASOF>20240331</LEDGERBAL>") -> bytes:
    """An SGML OFX file with one bank statement, one element per line: ``<OFX>`` on line 4, ``<STMTRS>`` 5,
    ``<CURDEF>`` 6, the account 7, then ``statement``'s lines, ``<BANKTRANLIST>``, one line per transaction
    (the first on line 9 when ``statement`` is empty), ``</BANKTRANLIST>``, the ledger balance."""
    body = b"\n".join(transactions)
    return (head + b"<OFX>\n<STMTRS>\n<CURDEF>EUR\n<BANKACCTFROM><ACCTID>NL69 INGB 0123 4567 89</BANKACCTFROM>\n"
            + statement + b"<BANKTRANLIST>\n" + body + b"\n</BANKTRANLIST>\n" + ledger + b"\n</STMTRS>\n</OFX>\n")


def tx(amount: bytes = b"-1.00", posted: bytes = b"20240301", extra: bytes = b"") -> bytes:
    return b"<STMTTRN><TRNTYPE>debit<DTPOSTED>" + posted + b"<TRNAMT>" + amount + extra + b"</STMTTRN>"


def one(data: bytes, name: str = "t.ofx"):
    [s] = bank.read_bytes(data, name)
    return s


# --- sniffing and the independent count -----------------------------------------------------------


def test_sniff_is_case_blind_and_needs_an_ofx_mark():
    assert ofx.sniff(b"ofxheader:100") and ofx.sniff(b"  <ofx>") and ofx.sniff(b"<OFX>")
    assert not ofx.sniff(b"OFX 100") and not ofx.sniff(b"<OFXX")  # "<OFX" must be the element "<OFX>"
    assert not ofx.sniff(b"<OF X>") and not ofx.sniff(b"Datum;Bedrag\n")


@pytest.mark.parametrize(
    "data, n",
    [
        (b"<STMTTRN>", 1),
        (b"<stmttrn>", 1),  # any case
        (b"<STMTTRN/>", 1),  # an empty element
        (b"<STMTTRN id='1'>", 1), (b"<STMTTRN\tid='1'>", 1), (b"<STMTTRN\rx>", 1), (b"<STMTTRN\nx>", 1),
        (b"<ofx:STMTTRN>", 1),  # a namespace prefix
        (b"</STMTTRN>", 0),  # an end tag
        (b"<STMTTRNRS>", 0), (b"<STMTTRNX>", 0),  # a longer name
        (b"STMTTRN>", 0),  # no "<" at all, at the very start of the data
        (b"x STMTTRN>", 0), (b"<a b:STMTTRN>", 0),  # a prefix with a space is no prefix
        (b"<:STMTTRN>", 0),  # an empty prefix
        (b"<STMTTRN", 0),  # cut off: nothing after the name
        (b"<!-- <STMTTRN> -->", 0), (b"<![CDATA[<STMTTRN>]]>", 0), (b"<?pi <STMTTRN> ?>", 0),
        (b"<STMTTRN><STMTTRN >", 2),
        (b"<" + b"p" * 300 + b":STMTTRN>", 0),  # the "<" is more than 256 bytes back: not looked for
        (b"<" + b"p" * 200 + b":STMTTRN>", 1),
    ],
)
def test_count_records_counts_start_tags_only(data, n):
    assert ofx.count_records(data) == n


# --- decoding by the header -------------------------------------------------------------------------

CAFE_UTF8 = "Café".encode()  # b"Caf\xc3\xa9": in cp1252 these two bytes are "Ã©"


@pytest.mark.parametrize(
    "head, name",
    [
        (b"OFXHEADER:100\nENCODING:USASCII\nCHARSET:1252\n", "CafÃ©"),  # the declared code page wins over UTF-8
        (b"OFXHEADER:100\nCHARSET:ISO-8859-1\n", "CafÃ©"),  # read as cp1252, its superset
        (b"OFXHEADER:100\nENCODING:UTF-8\nCHARSET:1252\n", "Café"),  # ENCODING is looked at first
        (b"OFXHEADER:100\nENCODING:UTF8\nCHARSET:1252\n", "Café"),
        (b"OFXHEADER:100\nENCODING:UNICODE\nCHARSET:1252\n", "Café"),
        (b"ofxheader:100\nencoding:utf-8\ncharset:1252\n", "Café"),  # names and values in any case
        (b"OFXHEADER:100\nCHARSET:NONE\n", "Café"),  # no code page declared: UTF-8 first
        (b"<?xml version='1.0' encoding='windows-1252'?>\n<?OFX OFXHEADER='200'?>\nENCODING:UTF-8\n", "CafÃ©"),
        (b'<?xml version="1.0" encoding="UTF-8"?>\nCHARSET:1252\n', "Café"),  # the XML declaration first
    ],
)
def test_the_header_names_the_encoding(head, name):
    s = one(doc(tx(extra=b"<NAME>" + CAFE_UTF8), head=head))
    assert s.transactions[0].counterparty == name


def test_a_header_field_after_the_ofx_element_is_not_the_header():
    # "CHARSET:1252" inside the body (a memo) declares nothing: the bytes are read as UTF-8
    s = one(doc(tx(extra=b"<NAME>" + CAFE_UTF8 + b"\n<MEMO>\nCHARSET:1252")))
    assert (s.transactions[0].counterparty, s.transactions[0].description) == ("Café", "CHARSET:1252")


def test_a_code_page_that_does_not_exist_falls_back_to_the_bytes():
    s = one(doc(tx(extra=b"<NAME>" + CAFE_UTF8), head=b"OFXHEADER:100\nCHARSET:99999\n"))
    assert s.transactions[0].counterparty == "Café"


# --- what the tokens become ------------------------------------------------------------------------


def test_every_transaction_field_and_its_fallbacks():
    data = doc(
        tx(b"+5", b"20240301120000.000[-5:EST]", b"<DTUSER>20240201<DTAVAIL>20240304<NAME>Shop &amp; Co<NAME>second"
           b"<MEMO>a &lt;b&gt;<FITID>F1<REFNUM>R1<CURRENCY><CURSYM>USD</CURRENCY>"
           b"<BANKACCTTO><ACCTID>NL91 ABNA 0417 1643 00</BANKACCTTO>"),
        tx(b"200,29", b"", b"<DTUSER>20240302<PAYEE><NAME>Payee BV</PAYEE><REFNUM>R2"),
        tx(b"-3.00", b"20240303", b"<CHECKNUM>1001"),
        tx(b"-4.00", b"20240304", b"<NAME>Named<CHECKNUM>1002"),
    )
    s = one(data)
    a, b, c, d = s.transactions
    # DTPOSTED with time and zone: the date as written; DTAVAIL the value date; "+5" is 5
    assert (a.booking_date, a.value_date, a.amount) == (date(2024, 3, 1), date(2024, 3, 4), D("5"))
    # the first NAME counts, entities are text; the currency of the transaction's CURRENCY aggregate
    assert (a.counterparty, a.description, a.reference, a.code, a.currency) == ("Shop & Co", "a <b>", "F1", "DEBIT", "USD")
    assert a.counterparty_iban == "NL91ABNA0417164300"
    # no DTPOSTED: DTUSER; a decimal comma; PAYEE/NAME; REFNUM without FITID; no DTAVAIL; the statement's currency
    assert (b.booking_date, b.amount, b.counterparty, b.reference, b.value_date, b.currency) == (
        date(2024, 3, 2), D("200.29"), "Payee BV", "R2", None, "EUR")
    # no name: the cheque number is the description; with a name it is not
    assert (c.counterparty, c.description, d.description) == ("", "1001", "")
    assert [t.line for t in s.transactions] == [9, 10, 11, 12]  # <OFX> on 4, <BANKTRANLIST> on 8
    assert (s.account, s.currency, s.format) == ("NL69INGB0123456789", "EUR", "ofx")
    assert s.closing_balance.amount == D("10.00") and s.closing_balance.date == date(2024, 3, 31)
    assert s.closing_balance.currency == "EUR" and s.opening_balance is None


def test_leaves_outside_a_transaction_belong_to_the_statement():
    # a NAME after </STMTTRN> but still in the statement is no transaction's; TRNAMT of the
    # statement is ignored; the currency is upper-cased
    data = doc(tx(b"-1.00"), statement=b"<NAME>not a counterparty\n").replace(b"<CURDEF>EUR", b"<CURDEF>eur")
    s = one(data)
    assert (s.currency, s.transactions[0].counterparty, s.transactions[0].currency) == ("EUR", "", "EUR")


def test_prefixed_and_attributed_tags_read_as_plain_ones():
    xml = (b'<?xml version="1.0"?>\n<o:OFX xmlns:o="x"><o:STMTRS><o:CURDEF>EUR</o:CURDEF>'
           b'<o:STMTTRN id="1"><o:DTPOSTED>20240301</o:DTPOSTED><o:TRNAMT>-2.50</o:TRNAMT></o:STMTTRN>'
           b"</o:STMTRS></o:OFX>")
    [s] = bank.read_bytes(xml, "x.ofx", format="ofx")  # "<o:OFX" is not sniffed as OFX: say so
    assert [t.amount for t in s.transactions] == [D("-2.50")]


def test_comments_keep_line_numbers_and_cdata_is_text():
    data = doc(b"<!-- one\ntwo\nthree -->", tx(extra=b"<MEMO><![CDATA[a<b & c]]>"), b"<?pi\n?>", tx(b"-2.00"))
    s = one(data)
    first, second = s.transactions
    assert first.description == "a<b & c"
    assert (first.line, second.line) == (12, 15)  # the comment spans lines 9-11, the PI lines 13-14


def test_an_sgml_transaction_left_open_is_closed_by_the_next_one_and_by_the_list():
    data = doc(b"<STMTTRN><DTPOSTED>20240301<TRNAMT>-1.00", b"<STMTTRN><DTPOSTED>20240302<TRNAMT>-2.00")
    s = one(data)
    assert [(t.booking_date.day, t.amount) for t in s.transactions] == [(1, D("-1.00")), (2, D("-2.00"))]


def test_an_end_tag_of_something_not_open_closes_nothing():
    data = doc(tx(b"-1.00", extra=b"</PAYEE></BANKACCTTO><NAME>kept"))
    assert one(data).transactions[0].counterparty == "kept"


def test_two_statements_and_an_unclosed_one():
    a = b"<STMTRS><CURDEF>EUR<BANKACCTFROM><ACCTID>111</BANKACCTFROM><BANKTRANLIST>" + tx(b"-1.00") + b"</BANKTRANLIST>"
    b = b"<CCSTMTRS><CURDEF>USD<CCACCTFROM><ACCTID>4111 1111</CCACCTFROM><BANKTRANLIST>" + tx(b"-2.00")
    s1, s2 = bank.read_bytes(HEADER + b"<OFX>\n" + a + b + b"\n</OFX>", "two.ofx")
    assert (s1.account, s1.currency, [t.amount for t in s1.transactions]) == ("111", "EUR", [D("-1.00")])
    assert (s2.account, s2.currency, [t.amount for t in s2.transactions]) == ("41111111", "USD", [D("-2.00")])
    assert s1.closing_balance is None and s2.closing_balance is None  # no LEDGERBAL: none, and no warning
    assert not s1.warnings and not s2.warnings


# --- a damaged ledger balance: a warning naming its line ------------------------------------------


@pytest.mark.parametrize(
    "ledger, amount, when, warning",
    [
        (b"<LEDGERBAL>\n</LEDGERBAL>", None, None, "l.ofx:11: the ledger balance <LEDGERBAL> is left out: an empty balance amount"),
        (b"<LEDGERBAL><BALAMT> <DTASOF>20240331</LEDGERBAL>", None, None,
         "l.ofx:11: the ledger balance <LEDGERBAL> is left out: an empty balance amount"),
        (b"<LEDGERBAL><BALAMT>1O.00</LEDGERBAL>", None, None,
         "l.ofx:11: the ledger balance <LEDGERBAL> is left out: not a balance amount: '1O.00'"),
        (b"<LEDGERBAL><BALAMT>7.50<DTASOF>00000000</LEDGERBAL>", D("7.50"), None,
         "l.ofx:11: the ledger balance's date is left out: impossible date 0000-00-00"),
        (b"<LEDGERBAL><BALAMT>7.50<DTASOF>2024</LEDGERBAL>", D("7.50"), None,
         "l.ofx:11: the ledger balance's date is left out: not an OFX date: '2024'"),
        (b"<LEDGERBAL><BALAMT>7.50</LEDGERBAL>", D("7.50"), None, None),  # no date: undated, no warning
        (b"<LEDGERBAL><BALAMT>-7,50<DTASOF>20240401</LEDGERBAL>", D("-7.50"), date(2024, 4, 1), None),
    ],
)
def test_a_damaged_ledger_balance_costs_a_warning_not_the_transactions(ledger, amount, when, warning):
    s = one(doc(tx(), ledger=ledger), "l.ofx")
    assert [t.amount for t in s.transactions] == [D("-1.00")]
    assert (s.closing_balance and s.closing_balance.amount) == amount
    assert (s.closing_balance and s.closing_balance.date) == when
    assert s.warnings == ([warning] if warning else [])


def test_without_a_ledger_line_the_warning_names_the_statements_line():
    # LEDGERBAL outside the statement is no balance of it; BALAMT inside STMTRS (not in LEDGERBAL)
    # is not a ledger balance either
    s = one(doc(tx(), ledger=b"<BALAMT>5.00"))
    assert s.closing_balance is None and not s.warnings


# --- refusals: what, where ------------------------------------------------------------------------


@pytest.mark.parametrize(
    "data, message",
    [
        (doc(tx(b"")), "e.ofx:9: a transaction has no amount <TRNAMT>"),
        (doc(b"<STMTTRN><DTPOSTED>20240301</STMTTRN>"), "e.ofx:9: a transaction has no amount <TRNAMT>"),
        (doc(tx(b" ")), "e.ofx:9: a transaction has no amount <TRNAMT>"),  # blank is none
        (doc(tx(b"12a")), "e.ofx:9: not a transaction amount: '12a'"),
        (doc(tx(posted=b"")), "e.ofx:9: a transaction has no date <DTPOSTED>"),
        (doc(tx(posted=b"2024031")), "e.ofx:9: not an OFX date: '2024031' (expected YYYYMMDD)"),
        (doc(tx(posted=b"2024O301")), "e.ofx:9: not an OFX date: '2024O301' (expected YYYYMMDD)"),
        (doc(tx(posted=b"20240230")), "e.ofx:9: impossible date 2024-02-30"),
        (doc(tx(extra=b"<DTAVAIL>x")), "e.ofx:9: not an OFX date: 'x' (expected YYYYMMDD)"),
        (doc(tx()).replace(b"<CURDEF>EUR", b"<CURDEF> "), "e.ofx:5: the statement's currency <CURDEF> is missing or empty"),
        (doc(tx()).replace(b"<CURDEF>EUR\n", b""), "e.ofx:5: the statement's currency <CURDEF> is missing or empty"),
        (HEADER + b"<OFX>\n\n" + tx(), "e.ofx:6: a transaction <STMTTRN> outside a statement"),
    ],
)
def test_a_damaged_transaction_or_statement_is_refused_naming_its_line(data, message):
    with pytest.raises(BankFileError) as err:
        bank.read_bytes(data, "e.ofx")
    assert str(err.value).startswith(message)


def test_the_module_reader_names_its_source_only_through_warnings():
    # ofx.read itself: warnings carry the source it is given; errors carry the line (bank.read adds the file)
    [s] = ofx.read(doc(tx(), ledger=b"<LEDGERBAL></LEDGERBAL>"), source="src.ofx", bank="ing")
    assert s.bank == "ing" and s.warnings[0].startswith("src.ofx:11: ")
    with pytest.raises(BankFileError) as err:
        ofx.read(doc(tx(b"")), source="src.ofx")
    assert (err.value.line, err.value.file) == (9, None)


# --- second round: the survivors of the first mutation run ----------------------------------------


def test_what_a_transaction_or_statement_lacks_stays_empty():
    s = one(doc(tx(b"-1.00", extra=b"").replace(b"<TRNTYPE>debit", b"")).replace(b"<BANKACCTFROM><ACCTID>NL69 INGB 0123 4567 89</BANKACCTFROM>\n", b""))
    [t] = s.transactions
    assert (s.account, t.code, t.counterparty_iban, t.description, t.reference, t.counterparty) == ("", "", "", "", "", "")


def test_credit_card_counter_accounts_and_original_currencies_belong_to_the_transaction():
    s = one(doc(tx(b"-1.00", extra=b"<CCACCTTO><ACCTID>4111 2222</CCACCTTO><ORIGCURRENCY><CURSYM>usd</ORIGCURRENCY>")))
    assert (s.transactions[0].counterparty_iban, s.transactions[0].currency) == ("41112222", "usd")


def test_counting_stmttrn_at_the_start_of_the_data_and_after_a_long_prefix():
    assert ofx.count_records(b"STMTTRN>") == 0 and ofx.count_records(b"STMTTRN><STMTTRN>") == 1
    assert ofx.count_records(b"<" + b"p" * 254 + b":STMTTRN>") == 1  # "<" 255 bytes back: looked for
    assert ofx.count_records(b"<" + b"p" * 255 + b":STMTTRN>") == 0  # 256 back: not
    assert ofx.count_records(b"<<p:STMTTRN>") == 1 and ofx.count_records(b"<p<:STMTTRN>") == 0
    assert ofx.count_records(b"<STMTTRNSTMTTRN>") == 0 and ofx.count_records(b"<STMTTRN><STMTTRN><STMTTRN>") == 3


def test_comment_lines_keep_the_ledger_line_and_cdata_quotes_stay():
    data = doc(tx(extra=b"<MEMO><![CDATA[say \"hi\" & 'bye']]>"), ledger=b"<!--\n-->\n<LEDGERBAL></LEDGERBAL>")
    s = one(data, "c.ofx")
    assert s.transactions[0].description == "say \"hi\" & 'bye'"
    assert s.warnings == ["c.ofx:13: the ledger balance <LEDGERBAL> is left out: an empty balance amount"]


def test_the_header_is_read_up_to_the_ofx_element_or_2048_bytes():
    # without "<OFX" the first 2048 bytes are the header: a CHARSET beyond them is not read
    body = b"<STMTRS><CURDEF>EUR<BANKTRANLIST>" + tx(extra=b"<NAME>" + CAFE_UTF8) + b"</STMTRS>"
    [s] = bank.read_bytes(b"OFXHEADER:100\n" + b" " * 2040 + b"\nCHARSET:1252\n" + body, "h.ofx", format="ofx")
    assert s.transactions[0].counterparty == "Café"
    [s] = bank.read_bytes(b"OFXHEADER:100\n" + b" " * 2000 + b"\nCHARSET:1252\n" + body, "h.ofx", format="ofx")
    assert s.transactions[0].counterparty == "CafÃ©"
    # "<ofx" in lower case is the element too only for the sniffer; the header ends at the first "<OFX"
    data = b"OFXHEADER:100\n<OFX>\n<!-- CHARSET:1252 -->\n" + body
    assert bank.read_bytes(data, "h.ofx")[0].transactions[0].counterparty == "Café"


def test_an_iso_8859_1_charset_reads_as_cp1252_and_a_declared_utf8():
    euro = tx(extra=b"<NAME>\x80 5")
    assert one(doc(euro, head=b"OFXHEADER:100\nCHARSET:ISO-8859-1\n")).transactions[0].counterparty == "\u20ac 5"
    assert one(doc(tx(extra=b"<NAME>" + CAFE_UTF8), head=b"OFXHEADER:100\nENCODING:UTF-8\n")).transactions[0].counterparty == "Café"


def test_dates_in_messages_are_cut_at_30_characters():
    long_date = b"2024x" + b"1" * 40
    with pytest.raises(BankFileError) as err:
        bank.read_bytes(doc(tx(posted=long_date)), "e.ofx")
    assert err.value.message == f"not an OFX date: {long_date.decode()[:30]!r}"
    with pytest.raises(BankFileError) as err:
        bank.read_bytes(doc(tx(posted=b"2024030X")), "e.ofx")
    assert err.value.message == "not an OFX date: '2024030X'"


def test_an_empty_ledger_amount_is_named_by_the_module_reader_without_a_line():
    [s] = ofx.read(doc(tx(), ledger=b"<LEDGERBAL><BALAMT></LEDGERBAL>"))
    assert s.warnings == ["<bytes>:11: the ledger balance <LEDGERBAL> is left out: an empty balance amount"]
    assert (s.format, s.account) == ("ofx", "NL69INGB0123456789")


def test_a_transaction_left_open_at_the_end_of_the_file_is_read():
    data = HEADER + b"<OFX><STMTRS><CURDEF>EUR<BANKTRANLIST><STMTTRN><DTPOSTED>20240301<TRNAMT>-3.00"
    [s] = bank.read_bytes(data, "open.ofx", format="ofx")
    assert [t.amount for t in s.transactions] == [D("-3.00")]


# --------------------------------------------------------------------------------------------
# The declared encoding: a UTF-16 (or -32, UCS-2) declaration no longer holds once bank.read or
# bank.stream has re-encoded the file as UTF-8, so it is passed over; any other one is tried first
# --------------------------------------------------------------------------------------------

@pytest.mark.parametrize("declared", ["UTF-16", "utf-16", "UTF16", "UTF-16LE", "utf-32", "UCS-2", "ucs-4"])
def test_a_utf16_declaration_is_passed_over(declared):
    data = f'<?xml version="1.0" encoding="{declared}"?>\n<OFX>\n'.encode("ascii")
    assert ofx._encodings(data) == tuple(ENCODINGS)


@pytest.mark.parametrize("declared", ["windows-1252", "ISO-8859-15", "US-ASCII"])
def test_another_declaration_is_tried_first(declared):
    data = f'<?xml version="1.0" encoding="{declared}"?>\n<OFX>\n'.encode("ascii")
    assert ofx._encodings(data) == (declared, *ENCODINGS)


def test_an_ofx1_header_names_utf8_and_a_charset():
    assert ofx._encodings(b"OFXHEADER:100\nENCODING:UTF-8\nCHARSET:NONE\n<OFX>")[0] == "utf-8"
    assert ofx._encodings(b"OFXHEADER:100\nENCODING:USASCII\nCHARSET:1252\n<OFX>")[0] == "cp1252"
    assert ofx._encodings(b"OFXHEADER:100\nENCODING:USASCII\nCHARSET:NONE\n<OFX>") == tuple(ENCODINGS)
