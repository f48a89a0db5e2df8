"""xlcapital/bank/model.py: the cases mutation testing found untested (issue 14; docs/development.md,
"Mutation testing"). Every expected value is worked by hand in the test; the streamed key numbers are
checked against :func:`assign_keys`, which numbers a whole list at once."""

from __future__ import annotations

from datetime import date
from decimal import Decimal as D

import pytest

from xlcapital.bank import model
from xlcapital.bank.model import (Balance, KeyNumbers, Statement, Tally, Transaction, amount_key, assign_keys,
                                  collect, key_base, key_text)

IBAN = "NL91ABNA0417164300"


def tx(day, amount, text="Koffie", month=3):
    return Transaction(date(2026, month, day), D(amount), description=text)


def test_tally_first_last_and_the_last_days_count():
    # days 5, 2, 5, 7, 7 with 1 + 2 + 3 + 4 + 5: first 2, last 7 (twice), total 15
    t = Tally()
    assert t.period is None
    for day, amount in ((5, "1"), (2, "2"), (5, "3"), (7, "4"), (7, "5")):
        t.add(date(2026, 3, day), D(amount))
    assert (t.count, t.total, t.period, t.on_last_day) == (5, D("15"), (date(2026, 3, 2), date(2026, 3, 7)), 2)
    # an earlier day after the last leaves the last day's count alone
    t.add(date(2026, 3, 1), D("-1"))
    assert (t.first, t.last, t.on_last_day, t.total) == (date(2026, 3, 1), date(2026, 3, 7), 2, D("14"))


def test_statement_answers_from_its_transactions():
    # days 3, 1, 3: period 1..3, two on day 3; -2.50 + 10 + 0.25 = 7.75; opening 100 + 7.75 = 107.75
    s = Statement(IBAN, "EUR", [tx(3, "-2.50"), tx(1, "10"), tx(3, "0.25")])
    assert (s.transaction_count, s.period, s.total, s.on_last_day) == (3, (date(2026, 3, 1), date(2026, 3, 3)),
                                                                        D("7.75"), 2)
    assert s.reconciles is None
    s.opening_balance = Balance(D("100"))
    assert s.reconciles is None  # no closing balance
    s.closing_balance = Balance(D("107.75"))
    assert s.reconciles is True
    s.closing_balance = Balance(D("107.74"))
    assert s.reconciles is False
    s.opening_balance = None
    assert s.reconciles is None


def test_an_empty_statement():
    s = Statement(IBAN)
    assert (s.transaction_count, s.period, s.total, s.on_last_day) == (0, None, D(0), 0)
    assert isinstance(s.total, D)
    assert (s.currency, s.transactions, s.warnings, s.tally, s.records) == (None, [], [], None, None)


def test_statement_answers_from_its_tally_when_it_has_one():
    # the tally (streamed) wins over the list, which a streamed statement leaves empty
    tally = Tally()
    for day, amount in ((4, "5"), (9, "-1"), (9, "-1")):
        tally.add(date(2026, 3, day), D(amount))
    s = Statement(IBAN, "EUR", [tx(1, "1000")], opening_balance=Balance(D("10")), closing_balance=Balance(D("13")),
                  tally=tally)
    assert (s.transaction_count, s.period, s.total, s.on_last_day) == (3, (date(2026, 3, 4), date(2026, 3, 9)),
                                                                        D("3"), 2)
    assert s.reconciles is True  # 10 + 3 = 13


@pytest.mark.parametrize("amount, key", [
    ("-2.5", "-250"), ("0.10", "10"), ("1000", "100000"), ("0.005", "0.005"), ("-0.125", "-0.125"),
    ("1E+2", "10000"), ("12.3400", "1234"), ("0", "0"),
])
def test_amount_key_in_cents_else_plain(amount, key):
    assert amount_key(D(amount)) == key


def test_key_text_ascii_letters_and_digits_upper_case_first_32():
    assert key_text("ab", "c-d", "é1 ß2") == "ABCD12"
    assert key_text("x" * 40) == "X" * 32
    assert key_text("0123456789", "abcdefghijklmnopqrstuvwxyz", "@[`{") == "0123456789ABCDEFGHIJKLMNOPQRSTUV"
    assert key_text("") == ""


def test_key_base_parts_in_their_order():
    t = Transaction(date(2026, 3, 2), D("-2.50"), counterparty="Bakker", counterparty_iban="NL02ABNA0123456789",
                    description="Brood")
    assert key_base(t, IBAN) == f"{IBAN}|2026-03-02|-250|NL02ABNA0123456789BAKKERBROOD"


def test_assign_keys_numbers_each_base_apart():
    t = [tx(2, "-2.50"), tx(2, "-3"), tx(2, "-2.50"), tx(3, "-2.50")]
    assign_keys(t, IBAN)
    assert [x.key.rsplit("|", 1)[1] for x in t] == ["1", "1", "2", "1"]
    assert t[1].key == f"{IBAN}|2026-03-02|-300|KOFFIE|1"


def streamed_keys(transactions, active):
    numbers = KeyNumbers()
    numbers.ACTIVE = active
    return [numbers.assign(t, IBAN) for t in transactions]


@pytest.mark.parametrize("active", [1, 2, 3, 50_000])
def test_streamed_keys_equal_the_whole_lists_keys_while_days_are_packed_and_unpacked(active):
    # day 1 twice, days 2 and 3, then day 1 again (a charge booked back), day 2 again, day 1 a 4th time
    order = [(1, "-2.50"), (1, "-2.50"), (2, "-1"), (3, "-1"), (1, "-2.50"), (1, "-9"), (2, "-1"), (1, "-2.50")]
    expected = [tx(d, a) for d, a in order]
    assign_keys(expected, IBAN)
    got = streamed_keys([tx(d, a) for d, a in order], active)
    assert got == [t.key for t in expected]
    # by hand: day 1's coffee is numbered 1, 2, 3, 4; day 2's -1 1, 2
    assert [k.rsplit("|", 1)[1] for k in got] == ["1", "2", "1", "1", "3", "1", "2", "4"]


def test_key_numbers_pack_the_days_not_being_read():
    numbers = KeyNumbers()
    numbers.ACTIVE = 2
    for d in (1, 1, 2):  # day 1 twice (one base, seen twice) and day 2: 2 bases held
        numbers.assign(tx(d, "-1"), IBAN)
    assert numbers.held == 2 and not numbers.packed
    numbers.assign(tx(3, "-1"), IBAN)  # a third base: days 1 and 2 are packed, day 3 stays
    assert list(numbers.active) == [(IBAN, date(2026, 3, 3))]
    assert sorted(d for _, d in numbers.packed) == [date(2026, 3, 1), date(2026, 3, 2)]
    assert numbers.held == 1
    digests, repeated = numbers.packed[(IBAN, date(2026, 3, 1))]
    assert len(digests) == 1 and list(repeated.values()) == [2]  # the base seen twice keeps its count
    assert numbers.assign(tx(1, "-1"), IBAN).endswith("|3")  # unpacked: the third
    assert (IBAN, date(2026, 3, 1)) not in numbers.packed


def test_collect_puts_each_transaction_in_its_statement_and_returns_the_statements():
    a, b = Statement(IBAN), Statement("NL02ABNA0123456789")
    t1, t2, t3 = tx(1, "1"), tx(2, "2"), tx(3, "3")

    def stream():
        yield a, t1
        yield b, t2
        yield a, t3
        return [a, b]

    assert collect(stream()) == [a, b]
    assert a.transactions == [t1, t3] and b.transactions == [t2]


def test_amount_key_of_tiny_amounts_is_plain_not_scientific():
    assert amount_key(D("0.0000001")) == "0.0000001"  # Decimal's str would say 1E-7
    assert amount_key(D("-1E-7")) == "-0.0000001"


def test_packing_keeps_only_the_repeated_counts_and_unpacking_counts_the_day_again():
    numbers = KeyNumbers()
    numbers.ACTIVE = 2
    numbers.assign(tx(1, "-1"), IBAN)
    numbers.assign(tx(1, "-1"), IBAN)  # day 1: base -1 twice
    numbers.assign(tx(1, "-2"), IBAN)  # day 1: base -2 once: 2 bases held
    numbers.assign(tx(2, "-1"), IBAN)  # a third base: day 1 packed
    digests, repeated = numbers.packed[(IBAN, date(2026, 3, 1))]
    assert len(digests) == 2 and sorted(repeated.values()) == [2]  # only the base seen twice
    assert numbers.held == 1
    assert numbers.assign(tx(1, "-2"), IBAN).endswith("|2")  # day 1 unpacked: its 2 bases held again
    assert numbers.held == 3  # day 2's base + day 1's two (the -2 seen again adds none)
