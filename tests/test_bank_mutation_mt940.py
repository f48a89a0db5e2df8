"""MT940 reader: the small cases mutation testing found untested (docs/development.md, "Mutation testing").

Statements are written here by hand, one field per line; every expected value is worked out in
the comments: the :61: line's parts, the :86: parsers (structured, subfields, free text), which
text lands in counterparty, IBAN, description and reference, and the exact text and line of each
refusal and warning. Only public functions: ``bank.read_bytes``, ``mt940.read`` and ``parse_info``.
"""

from __future__ import annotations

from datetime import date
from decimal import Decimal as D

import pytest

from xlcapital import bank
from xlcapital.bank import mt940
from xlcapital.bank.mt940 import parse_info
from xlcapital.errors import BankFileError


def statement(*body: str, account: str = "NL91ABNA0417164300", opening: str = ":60F:C240301EUR100,00",
              closing: str = ":62F:C240301EUR100,00") -> bytes:
    """One statement: :20: on line 1, :25: 2, :28C: 3, the opening balance 4, then ``body``, then the closing."""
    return "\n".join([":20:STMT-1", f":25:{account}", ":28C:1/1", opening, *body, closing, ""]).encode()


def txs(*body: str, **kw):
    [s] = mt940.read(statement(*body, **kw), source="m.940")
    return s.transactions


def refusal(data: bytes) -> str:
    with pytest.raises(BankFileError) as err:
        bank.read_bytes(data, "e.940", format="mt940")
    return str(err.value)


# --- the :61: statement line -------------------------------------------------------------------------


@pytest.mark.parametrize(
    "line, amount, booked, value",
    [
        (":61:2403010301C10,00NTRFNONREF", D("10.00"), date(2024, 3, 1), date(2024, 3, 1)),
        (":61:2403010301D10,00NTRFNONREF", D("-10.00"), date(2024, 3, 1), date(2024, 3, 1)),
        (":61:2403010301RC10,00NTRFNONREF", D("-10.00"), date(2024, 3, 1), date(2024, 3, 1)),  # reversal of a credit: out
        (":61:2403010301RD10,00NTRFNONREF", D("10.00"), date(2024, 3, 1), date(2024, 3, 1)),  # reversal of a debit: in
        (":61:240301CR250,00NTRFNONREF", D("250.00"), date(2024, 3, 1), date(2024, 3, 1)),  # funds code R, no entry date
        (":61:2403010302D 7,5NMSCNONREF", D("-7.5"), date(2024, 3, 2), date(2024, 3, 1)),  # a space before the amount
        (":61:240301    D1000,NMSCNONREF", D("-1000"), date(2024, 3, 1), date(2024, 3, 1)),  # a blank entry date
        (":61:2312311229C1,00NTRFNONREF", D("1.00"), date(2023, 12, 29), date(2023, 12, 31)),
        (":61:2312310102C1,00NTRFNONREF", D("1.00"), date(2024, 1, 2), date(2023, 12, 31)),  # next year is nearer
        # 29 February exists only in 2024 of 2023-2025: that year, however far from the value date
        (":61:2401020229C1,00NTRFNONREF", D("1.00"), date(2024, 2, 29), date(2024, 1, 2)),
        (":61:8001010101C1,00NTRFNONREF", D("1.00"), date(1980, 1, 1), date(1980, 1, 1)),  # 80-99 are 19xx
        (":61:7912310101C1,00NTRFNONREF", D("1.00"), date(2080, 1, 1), date(2079, 12, 31)),  # 00-79 are 20xx
    ],
)
def test_the_statement_line_gives_sign_dates_and_amount(line, amount, booked, value):
    [t] = txs(line)
    assert (t.amount, t.booking_date, t.value_date, t.currency) == (amount, booked, value, "EUR")


def test_type_code_references_and_placeholders():
    a, b, c, d, e, f = txs(
        ":61:2403010301C1,00NTRFREF-1//BANK-1",  # the bank's reference after // wins
        ":61:2403010301C1,00NTRFcust-2",  # else the customer's
        ":61:2403010301C1,00N102nonref",  # a placeholder in any case is none
        ":61:2403010301C1,00NTRFEREF",
        ":61:2403010301C1,00FCHKNOTPROVIDED//",
        ":61:2403010301C1,00S999N",
    )
    assert [t.reference for t in (a, b, c, d, e, f)] == ["BANK-1", "cust-2", "", "", "", ""]
    assert [t.code for t in (a, b, c, d, e, f)] == ["NTRF", "NTRF", "N102", "NTRF", "FCHK", "S999"]


def test_a_statement_line_cut_before_its_type_code_is_joined_with_the_next():
    [t] = txs(":61:2403010301C12,50", "NTRFREF-9//B-9", "/TRCD/00100/")
    assert (t.amount, t.code, t.reference) == (D("12.50"), "NTRF", "B-9")
    assert (t.counterparty, t.description) == ("", "/TRCD/00100/")  # the rest of the line: no name, the description


def test_a_statement_line_without_a_type_code_is_read_when_nothing_gives_one():
    [t] = txs(":61:2403010301C12,50")
    assert (t.amount, t.code, t.reference) == (D("12.50"), "", "")


@pytest.mark.parametrize(
    "line, message",
    [
        (":61:24030X0301C1,00NTRF", "e.940:5: :61:: not a statement line: '24030X0301C1,00NTRF' (expected YYMMDD[MMDD] C/D amount type reference)"),
        (":61:2403320301C1,00NTRF", "e.940:5: :61:: impossible date 2024-03-32"),
        (":61:2403011332C1,00NTRF", "e.940:5: :61:: impossible entry date '1332' (MMDD)"),
        (":61:2403010301C1,0,0NTRF", "e.940:5: :61:: not an amount: '1,0,0'"),
    ],
)
def test_a_damaged_statement_line_is_refused_naming_line_and_field(line, message):
    assert refusal(statement(line)).startswith(message)


# --- the :86: text: structured ------------------------------------------------------------------


def test_structured_info_fields():
    info = parse_info("/TRTP/SEPA OVERBOEKING/IBAN/NL20 INGB 0001 2345 67/BIC/INGBNL2A/NAME/Klant  A/"
                      "REMI/USTD//Factuur 12//EREF/E-1")
    assert info == {"name": "Klant A", "iban": "NL20INGB0001234567", "description": "Factuur 12", "eref": "E-1"}
    # STRD/CUR/ and STRD// prefixes go; a placeholder end-to-end id is none, in any case
    assert parse_info("/REMI/STRD/CUR/RF18 5390/EREF/notprovided")["description"] == "RF18 5390"
    assert parse_info("/REMI/STRD//1234/EREF/NONREF") == {"name": "", "iban": "", "description": "1234", "eref": ""}
    # no /REMI/: the whole text, whitespace collapsed and the closing slashes dropped
    assert parse_info("/TRTP/IDEAL  BETALING/NAME/Shop/")["description"] == "TRTP/IDEAL BETALING/NAME/Shop"
    # the first of a repeated key counts
    assert parse_info("/NAME/First/NAME/Second/")["name"] == "First"


def test_ing_counterparty_field_and_its_short_forms():
    assert parse_info("/CNTP/NL20INGB0001234567/INGBNL2A/Klant B/AMSTERDAM/REMI/x") == {
        "name": "Klant B", "iban": "NL20INGB0001234567", "description": "x", "eref": ""}
    # a /NAME/ and /IBAN/ of their own beat CNTP's
    assert parse_info("/IBAN/NL91ABNA0417164300/NAME/Eigen/CNTP/NL20INGB0001234567/INGBNL2A/Klant B/")["name"] == "Eigen"
    assert parse_info("/IBAN/NL91ABNA0417164300/CNTP/NL20INGB0001234567/INGBNL2A/Klant B/")["iban"] == "NL91ABNA0417164300"
    # CNTP with only an account and a BIC: no name
    assert parse_info("/CNTP/NL20INGB0001234567/INGBNL2A")["name"] == ""


def test_a_text_whose_first_field_is_no_known_code_is_free_text():
    assert parse_info("/FOO/bar/NAME/x") == {"name": "", "iban": "", "description": "FOO/bar/NAME/x", "eref": ""}
    # a known code that does not open the text does not make it structured
    assert parse_info("betaling /NAME/ x")["name"] == ""


# --- the :86: text: subfields ------------------------------------------------------------------------


def test_german_and_triodos_subfields():
    info = parse_info("166?00GUTSCHRIFT?20Rechnung ?21 4711?31DE89 3704 0044 0532 0130 00?32Muster?33 GmbH?60 Rest")
    # purpose 20, 21, 60 joined as written; name 32 + 33; account 31 without spaces
    assert info == {"name": "Muster GmbH", "iban": "DE89370400440532013000", "description": "Rechnung 4711 Rest", "eref": ""}
    # an IBAN among the purpose subfields is the account and not part of the description
    info = parse_info(">20NL91ABNA0417164300>21huur maart>32Verhuur BV")
    assert info == {"name": "Verhuur BV", "iban": "NL91ABNA0417164300", "description": "huur maart", "eref": ""}
    # a subfield repeated continues its text; without any purpose the whole text is the description
    assert parse_info("?32Jan?32sen")["name"] == "Jansen"
    assert parse_info("?32Jan")["description"] == "?32Jan"
    assert parse_info("?30bank?34x")["description"] == "?30bank?34x"  # 30 and 34 are no purpose
    assert parse_info("?19a?64b?59c?20d")["description"] == "d"  # only 20-29 and 60-63 are purpose


# --- the :86: text: free text ------------------------------------------------------------------------


@pytest.mark.parametrize(
    "text, name, iban",
    [
        ("SEPA IDEAL  IBAN: NL70ABNA0888888888 NAAM: NS GROEP", "NS GROEP", "NL70ABNA0888888888"),
        ("BETALING REK: 123456789  NAME: Jan de Vries  OMSCHRIJVING: x", "Jan de Vries", "123456789"),
        ("REKENING:NL70ABNA0888888888 NAAM:Piet BETALINGSKENM.: 12", "Piet", "NL70ABNA0888888888"),
        ("NL70ABNA0888888888 Piet Puk huur", "", "NL70ABNA0888888888"),  # ASN/SNS/ING: a leading IBAN
        ("BEA 12-03 NAAM: Winkel/Utrecht", "Winkel", ""),
        ("IBAN: 12345 kort", "", ""),  # five digits are no account
        ("GEEN NAAM:x", "x", ""),
    ],
)
def test_free_text_names_and_accounts(text, name, iban):
    info = parse_info(text)
    assert (info["name"], info["iban"], info["eref"]) == (name, iban, "")
    assert info["description"] == " ".join(text.split())


# --- which text lands where --------------------------------------------------------------------------


def test_the_counterparty_from_the_statement_line_when_86_says_nothing():
    a, b, c, d, e = txs(
        ":61:2403010301C1,00NTRFNONREF", "NL20INGB0001234567",  # the 61's second line: an account
        ":61:2403010301C1,00NTRFNL20INGB0001234567",  # ASN: the IBAN in the reference slot
        ":61:2403010301C1,00NTRF0440121470966      W.P. Jansen", ":86:betaling",  # old Rabobank: padded name
        ":61:2403010301C1,00NTRFNONREF", "Bakkerij Bol",  # a name on the second line
        ":61:2403010301C1,00NTRF123456789012",  # digits in the reference slot are a reference, not an account
    )
    assert (a.counterparty_iban, a.counterparty, a.description) == ("NL20INGB0001234567", "", "")
    assert (b.counterparty_iban, b.reference) == ("NL20INGB0001234567", "NL20INGB0001234567")
    assert (c.counterparty, c.description, c.reference) == ("W.P. Jansen", "betaling", "0440121470966")
    assert (d.counterparty, d.description) == ("Bakkerij Bol", "")
    assert (e.counterparty_iban, e.reference) == ("", "123456789012")


def test_the_86_beats_the_statement_line_and_gives_the_reference_when_the_line_has_none():
    a, b, c = txs(
        ":61:2403010301C1,00NTRFNONREF", "P004500018", ":86:/EREF/E-7/NAME/Klant/IBAN/NL20INGB0001234567/REMI/f 1",
        ":61:2403010301C1,00NTRFOWN-REF", ":86:/EREF/E-8/REMI/f 2",
        ":61:2403010301C1,00NTRFNONREF", "some extra text", ":86:/EREF/NOTPROVIDED/NAME/Z",
    )
    assert (a.counterparty, a.counterparty_iban, a.description, a.reference) == ("Klant", "NL20INGB0001234567", "f 1", "E-7")
    assert (b.reference, b.description) == ("OWN-REF", "f 2")  # the line's own reference stays
    # no description in :86: and no REMI: the whole :86: text; the line's extra text names nobody
    assert (c.counterparty, c.description) == ("Z", "EREF/NOTPROVIDED/NAME/Z")
    # an old giro number on the second line is the account when :86: names none
    [t] = txs(":61:2403010301C1,00NTRFNONREF", "P004500018", ":86:/NAME/Klant/")
    assert t.counterparty_iban == "P004500018"


def test_extra_text_on_the_statement_line_is_the_description_when_86_has_none():
    [t] = txs(":61:2403010301C1,00NTRFNONREF", "/TRCD/00100/ x")
    assert (t.counterparty, t.description) == ("", "/TRCD/00100/ x")  # no name: it has /TRCD/
    [t] = txs(":61:2403010301C1,00NTRFNONREF", "12 34")
    assert (t.counterparty, t.counterparty_iban, t.description) == ("", "", "12 34")  # no letters: no name


def test_several_86_fields_and_wrapped_lines_join():
    # two :86: fields join with a space; a line cut at 65 characters runs on without one
    cut = "x" * 61  # 4 characters of ":86:" + 61 = 65: the SWIFT line limit
    [t] = txs(":61:2403010301C1,00NTRFNONREF", ":86:eerste", ":86:" + cut, "vervolg", "nog")
    assert t.description == "eerste " + cut + "vervolg nog"


# --- statements, accounts and balances -----------------------------------------------------------------


def test_account_suffix_dots_and_currency():
    [s] = mt940.read(statement(":61:2403010301C1,00NTRFNONREF", account="1017.490.554 EUR", opening=":60F:C240301USD100,00"), source="a")
    # the :25: suffix names the currency, but the opening balance's currency is the statement's
    assert (s.account, s.currency, s.transactions[0].currency) == ("1017490554", "USD", "USD")
    [s] = mt940.read(statement(account="45050050/76198810", opening=":60F:C240301PLN0,", closing=":62F:D240301PLN5,"), source="a")
    assert (s.account, s.currency, s.opening_balance.amount, s.closing_balance.amount) == ("45050050/76198810", "PLN", D("0"), D("-5"))
    [s] = mt940.read(statement(account="ABC", opening=":60F:C240301EUR1,00"), source="a")
    assert s.account == "ABC"  # three letters alone are no currency suffix


@pytest.mark.parametrize(
    "opening, warning",
    [
        (":60F:C240301EUR15x0,00", "w.940:4: balance :60F: left out: not a balance: 'C240301EUR15x0,00'"),
        (":60F:X240301EUR1,00", "w.940:4: balance :60F: left out: not a balance: 'X240301EUR1,00'"),
        (":60F:C240230EUR1,00", "w.940:4: balance :60F: left out: impossible date 2024-02-30"),
        (":60F:C240301EUR1,0,0", "w.940:4: balance :60F: left out: not an amount: '1,0,0'"),
    ],
)
def test_a_damaged_balance_costs_a_warning_naming_its_line(opening, warning):
    [s] = mt940.read(statement(":61:2403010301C1,00NTRFNONREF", opening=opening), source="w.940")
    assert s.opening_balance is None and [t.amount for t in s.transactions] == [D("1.00")]
    assert s.warnings == [warning]


def test_balances_and_statements_in_a_row():
    data = "\n".join([
        "{1:F01ABNANL2AXXXX0000000000}{2:I940}{4:",
        ":20:A", ":25:NL91ABNA0417164300", ":28:7", ":28C:7/2", ":60F:D240301EUR10,00",
        ":61:2403010301C4,00NTRFNONREF", ":62M:D240301EUR6,00",
        ":60M:D240302EUR6,00", ":61:2403020302C6,00NTRFNONREF", ":62F:C240302EUR0,00",
        ":61:2403030303C1,00NTRFNONREF",  # after the closing balance: a statement of its own
        ":25:NL20INGB0001234567", ":60F:C240303EUR0,00", ":62F:C240303EUR0,00",
        "-}",
    ]).encode()
    a, b, c, d = mt940.read(data, source="r.940")
    assert (a.statement_id, a.opening_balance.amount, a.closing_balance.amount, a.bank) == ("A 7 7/2", D("-10.00"), D("-6.00"), "abnamro")
    assert (b.account, b.opening_balance.amount, b.closing_balance.amount) == ("NL91ABNA0417164300", D("-6.00"), D("0.00"))
    assert (b.statement_id, [t.amount for t in b.transactions]) == (None, [D("6.00")])
    assert (c.account, c.opening_balance, [t.amount for t in c.transactions]) == ("NL91ABNA0417164300", None, [D("1.00")])
    assert (d.account, d.currency, d.transactions) == ("NL20INGB0001234567", "EUR", [])
    assert (a.opening_balance.date, a.closing_balance.date) == (date(2024, 3, 1), date(2024, 3, 1))


def test_the_bank_from_the_envelope_header_or_the_caller():
    body = ":20:A\n:25:123456789\n:60F:C240301EUR1,00\n:62F:C240301EUR1,00\n"
    assert mt940.read(("ABNANL2A\n940\n" + body).encode())[0].bank == "abnamro"
    assert mt940.read(("{1:F01INGBNL2AXXXX0000000000}{2:I940}{4:\n" + body + "-}").encode())[0].bank == "ing"
    assert mt940.read(("0000 01RABONL2UXXXX\n" + body).encode())[0].bank == "rabobank"
    assert mt940.read(body.encode())[0].bank is None
    assert mt940.read(body.encode(), bank="knab")[0].bank == "knab"
    assert mt940.read(("DEUTDEFF\n" + body).encode())[0].bank is None  # no Dutch BIC


def test_a_header_with_nothing_after_it_names_its_line():
    # the statement's six lines, then a :20: on line 7 and nothing after it
    assert refusal(statement(":61:2403010301C1,00NTRFNONREF") + b":20:CUT\n") == (
        "e.940:7: a statement with no account :25:, no balance and no transactions "
        "(is the file cut off? an MT940 statement names its account in :25:)")


def test_the_count_and_sniff_see_tags_at_line_starts_only():
    data = b":20:A\r\n:25:1\r\n:61:2403010301C1,00NTRF\r\n:86:text :61: here\r\n:\r\n61:2403010301C1,00NTRF\n:62F:C240301EUR1,00"
    assert mt940.count_records(data) == 2 and mt940.sniff(data)
    assert mt940.count_records(b":61:x") == 1 and mt940.count_records(b"{4::61:x") == 1
    assert mt940.count_records(b"x61:y") == 0 and mt940.count_records(b"x:61:y") == 0
    assert mt940.sniff(b"{4::20:X") and mt940.sniff(b"\r:28C:1") and not mt940.sniff(b"x:20:y") and not mt940.sniff(b":21:x")


# --- second round: the survivors of the first mutation run ----------------------------------------


def test_swift_years_80_to_99_are_19xx_and_00_to_79_20xx_on_any_day():
    # a day drawn afresh each run, so no date read earlier in the process (the reader keeps the
    # dates it has read) can stand in for the rule
    import random

    rnd = random.Random()
    for yy, century in ((80, 1900), (99, 1900), (0, 2000), (79, 2000)):
        month, day = rnd.randint(1, 12), rnd.randint(1, 28)
        line = f":61:{yy:02d}{month:02d}{day:02d}C1,00NTRFNONREF"
        [t] = txs(line)
        assert t.value_date == t.booking_date == date(century + yy, month, day), line


def test_a_damaged_balance_without_a_source_names_bytes_and_the_closing_names_its_tag():
    [s] = mt940.read(statement(opening=":60F:C240301EURx"))
    assert s.warnings == ["<bytes>:4: balance :60F: left out: not a balance: 'C240301EURx'"]
    [s] = mt940.read(statement(":61:2403010301C1,00NTRFNONREF", closing=":62F:C2403EUR1,00"), source="c.940")
    assert s.closing_balance is None
    assert s.warnings == ["c.940:6: balance :62F: left out: not a balance: 'C2403EUR1,00'"]


def test_the_module_reader_names_file_line_and_field_of_a_refusal():
    with pytest.raises(BankFileError) as err:
        mt940.read(statement(":61:2403010301C1,00NTRFNONREF", ":61:24030X"), source="src.940")
    assert (err.value.file, err.value.line, err.value.field) == ("src.940", 6, ":61:")
    # a statement line that starts with a space is no statement line; the message cuts it at 50
    long_line = " 2403010301C1,00NTRF" + "x" * 60
    with pytest.raises(BankFileError) as err:
        mt940.read(statement(":61:" + long_line), source="src.940")
    assert err.value.message == f"not a statement line: {long_line[:50]!r}"


def test_the_bank_is_looked_for_in_the_first_4096_characters_only():
    body = "\n:20:A\n:25:123456789\n:60F:C240301EUR1,00\n:62F:C240301EUR1,00\n"
    within = "x" * 4087 + "\nABNANL2A" + body  # the BIC's last letter is character 4096
    beyond = "x" * 4088 + "\nABNANL2A" + body  # ... character 4097
    assert mt940.read(within.encode())[0].bank == "abnamro"
    assert mt940.read(beyond.encode())[0].bank is None


def test_the_count_sees_a_cut_tag_only_at_a_line_start():
    assert mt940.count_records(b":20:A\r:\r61:2403010301C1,00NTRF") == 1  # CR line ends only
    assert mt940.count_records(b":\n61:x") == 1  # at the very start
    assert mt940.count_records(b"X:\n61:x") == 0  # ":" not at a line start
    assert mt940.count_records(b"\n:\n61:x") == 1


def test_message_trailers_and_header_lines_end_the_last_field():
    base = ":20:A\n:25:NL91ABNA0417164300\n:60F:C240301EUR0,\n:61:2403010301C1,00NTRFNONREF\n:86:betaling\n"
    for trailer in ("-}", "}", "-XXX   ", ":940:", "{5:{CHK:123}}", "-\n\nnoise"):
        [s] = mt940.read((base + trailer + "\nnoise after\n").encode())
        assert s.transactions[0].description == "betaling", trailer


def test_a_tag_cut_after_its_colon_is_joined_whatever_its_letter():
    data = ":20:A\n:25:NL91ABNA0417164300\n:60F:C240301EUR0,\n:61:2403010301C1,00NTRFNONREF\n:\n62F:C240301EUR1,00\n"
    [s] = mt940.read(data.encode())
    assert s.closing_balance.amount == D("1.00")


def test_a_wrapped_one_value_field_runs_together():
    [s] = mt940.read(b":20:A\n:25:NL91ABNA04\n17164300\n:60F:C240301EUR0,\n:62F:C240301EUR0,\n")
    assert s.account == "NL91ABNA0417164300"


def test_86_lines_join_by_their_width():
    # the first line's width counts ":86:" (4); the others only their own characters: a line under
    # 65 is followed by a space, one of 65 or more runs on
    second = "b" * 64  # 64: a space follows
    [t] = txs(":61:2403010301C1,00NTRFNONREF", ":86:" + "a" * 60, second, "c")
    assert t.description == "a" * 60 + " " + second + " c"
    [t] = txs(":61:2403010301C1,00NTRFNONREF", ":86:a", "b" * 62, "c")
    assert t.description == "a " + "b" * 62 + " c"


def test_statements_take_their_currency_and_id_from_what_they_have():
    # the :25: suffix alone gives the currency; :28C: alone the id
    [s] = mt940.read(b":25:NL91ABNA0417164300EUR\n:28C:5/1\n:61:2403010301C1,00NTRFNONREF\n")
    assert (s.currency, s.statement_id, s.transactions[0].currency, s.format) == ("EUR", "5/1", "EUR", "mt940")
    # only the closing balance names it: the transaction read before it gets it too
    [s] = mt940.read(b":20:A\n:25:123456789\n:61:2403010301C1,00NTRFNONREF\n:62F:C240301USD1,00\n")
    assert (s.currency, s.transactions[0].currency) == ("USD", "USD")
    # no suffix and no balance: no currency (not an empty one)
    [s] = mt940.read(b":20:A\n:25:123456789\n:61:2403010301C1,00NTRFNONREF\n")
    assert s.currency is None and s.transactions[0].currency is None
    [s] = mt940.read(b":20:A\n:25:1EUR\n:61:2403010301C1,00NTRFNONREF\n")
    assert (s.account, s.currency) == ("1", "EUR")


def test_a_new_statement_inherits_account_and_currency_only_from_a_balance_or_a_late_line():
    data = (":20:A\n:25:NL91ABNA0417164300\n:60F:C240301EUR100,00\n:62F:C240301EUR100,00\n"
            ":61:2403020302C1,00NTRFNONREF\n"  # after the closing: a statement of its own, same account and currency
            ":20:B\n:25:987654321\n:61:2403030303C2,00NTRFNONREF\n")  # a new :20: inherits nothing
    a, b, c = mt940.read(data.encode())
    assert (b.account, b.currency, b.transactions[0].currency) == ("NL91ABNA0417164300", "EUR", "EUR")
    assert (c.account, c.currency) == ("987654321", None)


def test_an_opening_balance_after_a_closing_or_another_opening_starts_a_statement():
    # closed without an opening, then a new opening: two statements
    a, b = mt940.read(b":20:A\n:25:1\n:62F:C240301EUR5,00\n:60F:C240302EUR5,00\n:62F:C240302EUR5,00\n")
    assert (a.opening_balance, a.closing_balance.amount, b.opening_balance.amount) == (None, D("5.00"), D("5.00"))
    # two openings in a row: the second starts a statement
    a, b = mt940.read(b":20:A\n:25:1\n:60F:C240301EUR5,00\n:60M:C240302EUR7,00\n:61:2403020302C1,00NTRFNONREF\n")
    assert (a.opening_balance.amount, b.opening_balance.amount, len(a.transactions), len(b.transactions)) == (D("5.00"), D("7.00"), 0, 1)


def test_a_statement_needs_only_one_of_account_balance_or_transactions():
    assert mt940.read(b":20:A\n:60F:C240301EUR5,00\n")[0].opening_balance.amount == D("5.00")
    assert mt940.read(b":20:A\n:62F:C240301EUR5,00\n")[0].closing_balance.amount == D("5.00")
    assert mt940.read(b":20:A\n:61:2403010301C1,00NTRFNONREF\n")[0].transactions[0].amount == D("1.00")
    assert mt940.read(b":20:A\n:25:NL91ABNA0417164300\n")[0].account == "NL91ABNA0417164300"


def test_entry_dates_on_29_february_look_in_the_other_years():
    [t] = txs(":61:2312310229C1,00NTRFNONREF")  # 2023 and 2022 have no 29 February: 2024
    assert t.booking_date == date(2024, 2, 29)


def test_references_and_names_on_the_statement_line():
    a, b, c, d = txs(
        ":61:2403010301C1,00NTRFA//B//C",  # the bank's reference is everything after the first //
        ":61:2403010301C1,00NTRF0440121470966   X",  # 17 characters: a one-letter name after the padding
        ":61:2403010301C1,00NTRFREF4567890123456  Jansen",  # no double space in the first 17: no name
        ":61:2403010301C1,00NTRFNONREF", "Bakkerij", "Bol",  # extra lines join with a space
    )
    assert (a.reference, b.reference, b.counterparty) == ("B//C", "0440121470966", "X")
    assert (c.reference, c.counterparty) == ("REF4567890123456  Jansen", "")
    assert d.counterparty == "Bakkerij Bol"


def test_an_account_on_the_statement_line_with_spaces_and_texts_that_are_no_name():
    a, b, c = txs(
        ":61:2403010301C1,00NTRFNONREF", "NL20 INGB 0001 2345 67",
        ":61:2403010301C1,00NTRFNONREF", "/PREF/x",
        ":61:2403010301C1,00NTRFNONREF", "ABC /TRCD/00100",
    )
    assert (a.counterparty_iban, a.counterparty, a.description) == ("NL20INGB0001234567", "", "")
    assert (b.counterparty, b.description) == ("", "/PREF/x")
    assert (c.counterparty, c.description) == ("", "ABC /TRCD/00100")


def test_structured_info_edges():
    assert parse_info("/CNTP/NL20INGB0001234567/INGBNL2A/Klant B")["name"] == "Klant B"  # three parts
    assert parse_info("/NAME/A/NAME/B/NAME/C/")["name"] == "A"  # the first of three
    assert parse_info("/NAME/XAVIER X/")["name"] == "XAVIER X"  # only slashes and spaces are trimmed


# --- third round: after the streaming refactor (docs/development.md, "The bank readers") -----------


def test_a_file_whose_first_field_is_no_20_or_25_still_opens_a_statement():
    # :28C: first: the statement it opens takes "5" as its id; :60F: gives 1.00 EUR on 2024-03-01
    [s] = mt940.read(b":28C:5\n:60F:C240301EUR1,00\n:62F:C240301EUR1,00\n")
    assert (s.statement_id, s.account, s.currency) == ("5", "", "EUR")
    assert (s.opening_balance.amount, s.opening_balance.date) == (D("1.00"), date(2024, 3, 1))
    # a :61: first: one statement, no account or currency, the transaction on line 1
    [s] = mt940.read(b":61:2403010301C1,00NTRFNONREF\n:86:koffie\n")
    [t] = s.transactions
    assert (s.account, t.amount, t.line, t.description) == ("", D("1.00"), 1, "koffie")


BASE = ":20:A\n:25:NL91ABNA0417164300\n:60F:C240301EUR0,\n:61:2403010301C1,00NTRFNONREF\n:86:betaling\n"


def test_a_dash_line_before_a_tag_ends_the_86_and_the_tag_is_read():
    # "-" then :62F:: the dash is a trailer, not text of the :86:; the closing balance is still read
    [s] = mt940.read((BASE + "-\n:62F:C240301EUR1,00\n").encode())
    assert s.transactions[0].description == "betaling"
    assert s.closing_balance.amount == D("1.00")


def test_two_dash_lines_the_first_ends_the_message():
    # the second "-" stands outside any message: a boundary, not text to add to the :86:
    [a, b] = mt940.read((BASE + "-\n-\n:20:B\n:25:NL91ABNA0417164300\n:60F:C240301EUR1,00\n").encode())
    assert a.transactions[0].description == "betaling"
    assert (b.statement_id, b.opening_balance.amount) == ("B", D("1.00"))


def test_an_envelope_without_a_trailer_before_it_ends_the_last_field():
    # the :62F: of message A is followed at once by the next envelope: it is still A's closing balance
    data = BASE + ":62F:C240301EUR1,00\n{1:F01INGBNL2AXXXX}{2:I940}{4:\n:20:B\n:25:NL91ABNA0417164300\n:60F:C240301EUR1,00\n"
    [a, b] = mt940.read(data.encode())
    assert a.closing_balance.amount == D("1.00") and a.transactions[0].description == "betaling"
    assert b.statement_id == "B" and b.transactions == []


def test_continuation_lines_starting_with_a_space_a_dash_or_a_tab_are_text():
    # " deel twee", "-def" and "\tghi" continue the :86: (none is a tag, a trailer or a lone dash)
    [s] = mt940.read((BASE + " deel twee\n-def\n\tghi\n").encode())
    assert s.transactions[0].description == "betaling deel twee -def ghi"


def test_each_streamed_transaction_takes_the_currency_its_statement_names_last():
    # no currency on :25: (no suffix) nor before the :61:; the closing balance names USD
    # two transactions: the first is complete (handed on) when the second starts, still before the USD
    data = (b":20:A\n:25:123456789\n:61:2403010301C1,00NTRFNONREF\n:86:x\n:61:2403010301D2,00NTRFNONREF\n:86:y\n"
            b":62F:C240301USD1,00\n")
    assert [t.currency for t in mt940.read(data)[0].transactions] == ["USD", "USD"]
    from xlcapital.bank.streamio import ByteSource
    import io
    pairs = list(mt940.stream(ByteSource("s.940", lambda: io.BytesIO(data), 1 << 20), source="s.940"))
    assert [(s.account, t.currency, t.amount) for s, t in pairs] == [("123456789", "USD", D("1.00")),
                                                                    ("123456789", "USD", D("-2.00"))]


def test_an_entry_date_as_far_before_as_after_takes_the_value_dates_year():
    # value 2024-07-02, entry 01-01: 2024-01-01 is 183 days before (2024 is a leap year), 2025-01-01
    # 183 days after; a tie keeps the value date's own year
    [t] = txs(":61:2407020101C1,00NTRFNONREF")
    assert t.booking_date == date(2024, 1, 1)


def test_a_long_damaged_balance_is_quoted_to_40_characters():
    value = "C240301EUR" + "x" * 45  # 55 characters; the warning quotes the first 40
    [s] = mt940.read(statement(opening=":60F:" + value), source="w.940")
    assert s.opening_balance is None
    assert repr(value[:40]) in s.warnings[0] and repr(value[:41]) not in s.warnings[0]
    assert s.warnings[0].startswith("w.940:4:")


def test_a_streamed_statement_that_never_names_a_currency_still_hands_on_its_transactions():
    # no suffix on :25:, no balance: at the end of the file the held transaction is final all the same
    from xlcapital.bank.streamio import ByteSource
    import io
    data = b":20:A\n:25:123456789\n:61:2403010301C1,00NTRFNONREF\n:86:x\n"
    pairs = list(mt940.stream(ByteSource("s.940", lambda: io.BytesIO(data), 1 << 20), source="s.940"))
    assert [(s.statement_id, t.amount, t.currency) for s, t in pairs] == [("A", D("1.00"), None)]


def test_an_opening_balance_after_transactions_starts_a_statement():
    # :61: before any balance, then :60F: 5.00 and another :61: with the closing 7.00 (5 + 2): the
    # balance opens a second statement, which inherits the account; the first keeps its 1.00 alone
    data = (b":20:A\n:25:NL91ABNA0417164300EUR\n:61:2403010301C1,00NTRFNONREF\n:86:x\n:60F:C240301EUR5,00\n"
            b":61:2403010301C2,00NTRFNONREF\n:86:y\n:62F:C240301EUR7,00\n")
    first, second = mt940.read(data)
    assert ([t.amount for t in first.transactions], first.opening_balance, first.closing_balance) == ([D("1.00")], None, None)
    assert (second.account, second.opening_balance.amount, second.closing_balance.amount) == ("NL91ABNA0417164300",
                                                                                            D("5.00"), D("7.00"))
    assert [t.amount for t in second.transactions] == [D("2.00")] and second.reconciles is True
