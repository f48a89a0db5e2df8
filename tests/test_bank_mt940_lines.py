"""MT940 line handling the fixtures do not reach: several ``{4:`` blocks in one file, and the
"held" lines whose meaning depends on the next line (a lone ``-`` or ``:``). Every file is written
here, and every expected value is read off it by hand. (New file: tests/test_bank_mt940.py is the
bank helper's.)"""

from __future__ import annotations

from datetime import date
from decimal import Decimal as D

from xlcapital.bank import mt940, read_bytes

ENVELOPE = b"{1:F01RABONL2UXXXX0000000000}{2:I940RABONL2UXXXXN}{4:\n"


def statement(account: str, opening: str, lines: bytes, closing: str, ref: bytes = b"S1") -> bytes:
    return (b":20:" + ref + b"\n:25:" + account.encode() + b"EUR\n:28C:1\n:60F:" + opening.encode() + b"\n"
            + lines + b":62F:" + closing.encode() + b"\n")


def test_several_envelopes_each_a_statement_with_its_own_balances():
    first = statement("NL93RABO0987654321", "C240301EUR100,00",
                      b":61:2403010301D25,00N102NONREF\n:86:/NAME/Bakker/REMI/Brood\n", "C240301EUR75,00")
    second = statement("NL20INGB0001234567", "D240301EUR10,00",
                       b":61:2403020302C40,00N100NONREF\n:86:/NAME/Klant/REMI/Factuur 7\n"
                       b":61:2403020302D5,50N102NONREF\n:86:/NAME/Bank/REMI/Kosten\n", "C240302EUR24,50", b"S2")
    data = ENVELOPE + first + b"-}\n" + ENVELOPE + second + b"-}\n"
    assert mt940.count_records(data) == 3
    a, b = read_bytes(data, "two.sta")
    # 100.00 - 25.00 = 75.00
    assert (a.account, a.opening_balance.amount, a.closing_balance.amount) == ("NL93RABO0987654321", D("100.00"), D("75.00"))
    assert [(t.amount, t.counterparty, t.description) for t in a.transactions] == [(D("-25.00"), "Bakker", "Brood")]
    # -10.00 + 40.00 - 5.50 = 24.50
    assert (b.account, b.opening_balance.amount, b.closing_balance.amount) == ("NL20INGB0001234567", D("-10.00"), D("24.50"))
    assert [t.amount for t in b.transactions] == [D("40.00"), D("-5.50")]
    assert [t.booking_date for t in b.transactions] == [date(2024, 3, 2)] * 2
    # the id is the :20: reference with the :28C: statement number
    assert a.reconciles and b.reconciles and (a.statement_id, b.statement_id) == ("S1 1", "S2 1")


def test_a_lone_dash_inside_wrapped_text_is_text():
    data = statement("NL93RABO0987654321", "C240301EUR100,00",
                     b":61:2403010301D25,00N102NONREF\n:86:Betaling huur\n-\napril 2024\n", "C240301EUR75,00")
    (s,) = read_bytes(data, "dash.sta")
    (t,) = s.transactions
    assert t.description == "Betaling huur - april 2024"
    assert s.reconciles


def test_a_lone_dash_before_a_tag_or_a_blank_line_ends_the_message():
    one = statement("NL93RABO0987654321", "C240301EUR100,00", b":61:2403010301D25,00N102NONREF\n:86:Huur\n",
                    "C240301EUR75,00")
    two = statement("NL93RABO0987654321", "C240301EUR75,00", b":61:2403040304C5,00N100NONREF\n:86:Rente\n",
                    "C240304EUR80,00", b"S2")
    for between in (b"-\n", b"-\n\n"):
        first, second = read_bytes(one + between + two, "dashes.sta")
        assert [t.description for t in first.transactions] == ["Huur"]  # the dash is no part of the text
        assert [t.description for t in second.transactions] == ["Rente"]
        # 75.00 + 5.00 = 80.00
        assert (second.opening_balance.amount, second.closing_balance.amount) == (D("75.00"), D("80.00"))


def test_a_tag_cut_after_its_colon_is_joined_to_the_next_line():
    # ":" alone, then "86:..." : the bank cut the line ":86:..." after its first character
    data = statement("NL93RABO0987654321", "C240301EUR100,00",
                     b":61:2403010301D25,00N102NONREF\n:\n86:/NAME/Jansen/REMI/Huur maart\n", "C240301EUR75,00")
    (s,) = read_bytes(data, "cut.sta")
    (t,) = s.transactions
    assert (t.counterparty, t.description) == ("Jansen", "Huur maart")


def test_a_lone_colon_followed_by_text_is_text():
    data = statement("NL93RABO0987654321", "C240301EUR100,00",
                     b":61:2403010301D25,00N102NONREF\n:86:Kenmerk\n:\nvervolg\n", "C240301EUR75,00")
    (s,) = read_bytes(data, "colon.sta")
    assert s.transactions[0].description == "Kenmerk : vervolg"


# --------------------------------------------------------------------------------------------
# German / Triodos :86: subfields: ?20-?29 and ?60-?63 are the purpose, ?31 the account, ?32-?33 the name
# --------------------------------------------------------------------------------------------


def test_subfields_purpose_account_and_name():
    from xlcapital.bank.mt940 import parse_info

    # ?30 (the BIC) and ?00 (the booking text) are no part of the purpose; ?33 continues ?32's name
    assert parse_info("?00SEPA-UEBERWEISUNG?20EREF+123?21Miete Maerz?30DEUTDEFF?31DE89 3704 0044 0532 0130 00"
                      "?32Max Muster?33mann") == {
        "name": "Max Mustermann", "iban": "DE89370400440532013000", "description": "EREF+123Miete Maerz", "eref": ""}
    # the purpose runs over ?20-?29 and ?60-?63 only, in code order
    assert parse_info("?20Teil1?29Teil2?60Teil3?63Teil4?64Nein?30BIC") == {
        "name": "", "iban": "", "description": "Teil1Teil2Teil3Teil4", "eref": ""}
    # an IBAN written as a purpose line is the counterparty's account, not text
    assert parse_info("?20NL91ABNA0417164300?21Factuur 9?32Jansen") == {
        "name": "Jansen", "iban": "NL91ABNA0417164300", "description": "Factuur 9", "eref": ""}
