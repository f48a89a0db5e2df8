"""xlcapital/bank/merge.py: the cases mutation testing found untested (issue 14; docs/development.md,
"Mutation testing"). Hand-made statements whose merge is worked out in each test."""

from __future__ import annotations

from datetime import date
from decimal import Decimal as D

from xlcapital.bank.merge import merge_statements
from xlcapital.bank.model import Balance, Statement, Transaction, assign_keys

IBAN = "NL91ABNA0417164300"


def tx(day, amount, text="Koffie", currency=None):
    return Transaction(date(2026, 3, day), D(amount), description=text, currency=currency)


def stmt(source, *transactions, keyed=True, opening=None, closing=None, **kw):
    t = list(transactions)
    if keyed:
        assign_keys(t, IBAN)
    return Statement(IBAN, "EUR", t, source=source, opening_balance=opening, closing_balance=closing, **kw)


def test_statements_built_by_hand_get_their_keys():
    # no keys: the merge numbers them itself, so the same coffee twice in one file stays twice and the
    # second file's copy of the first is matched
    a = stmt("a.csv", tx(1, "-2.50"), tx(1, "-2.50"), keyed=False)
    b = stmt("b.csv", tx(1, "-2.50"), keyed=False)
    [m] = merge_statements([a, b])
    assert [t.amount for t in m.transactions] == [D("-2.50"), D("-2.50")]
    assert [t.key[-2:] for t in a.transactions] == ["|1", "|2"]


def test_one_key_missing_is_enough_to_key_the_statement_again():
    a = stmt("a.csv", tx(1, "-1"), tx(2, "-2"))
    a.transactions[1].key = ""
    [m] = merge_statements([a])
    assert all(t.key for t in m.transactions) and m.transactions[1].key.endswith("|-200|KOFFIE|1")


def test_two_statements_of_one_source_are_one_source():
    # one file with two statements (two MT940 periods): a key seen in both counts once; the days of the
    # second statement that the first has not are added
    s1 = stmt("a.sta", tx(1, "-1"), tx(2, "-2"))
    s2 = stmt("a.sta", tx(2, "-2"), tx(3, "-3"))
    [m] = merge_statements([s1, s2])
    assert [(t.booking_date.day, t.amount) for t in m.transactions] == [(1, D("-1")), (2, D("-2")), (3, D("-3"))]


def test_a_match_by_amount_claims_each_held_transaction_once():
    # day 1 holds -5 A and -5 B; the later source has -5 C, -5 D, -5 E (other keys): two match, one is new
    a = stmt("a.csv", tx(1, "-5", "A"), tx(1, "-5", "B"))
    b = stmt("b.csv", tx(1, "-5", "C"), tx(1, "-5", "D"), tx(1, "-5", "E"))
    [m] = merge_statements([a, b])
    assert [t.description for t in m.transactions] == ["A", "B", "E"]


def test_a_key_match_claims_before_an_amount_match():
    # day 1 holds -5 A and -5 B; the later source has -5 B (same key as B) and -5 X: B by key, X by amount
    # against A: nothing new
    a = stmt("a.csv", tx(1, "-5", "A"), tx(1, "-5", "B"))
    b = stmt("b.csv", tx(1, "-5", "B"), tx(1, "-5", "X"))
    [m] = merge_statements([a, b])
    assert [t.description for t in m.transactions] == ["A", "B"]
    # the same key twice in the later source: the second is the file's own second one (|2): new
    c = stmt("c.csv", tx(1, "-5", "A"), tx(1, "-5", "A"))
    [m] = merge_statements([stmt("a.csv", tx(1, "-5", "A")), c])
    assert len(m.transactions) == 2


def test_amounts_match_only_in_the_same_currency():
    # -5 in USD against -5 in EUR: not the same money; a transaction without a currency matches either
    a = stmt("a.csv", tx(1, "-5", "A", currency="EUR"))
    b = stmt("b.csv", tx(1, "-5", "B", currency="USD"), tx(1, "-5", "C"))
    [m] = merge_statements([a, b])
    assert [t.description for t in m.transactions] == ["A", "B"]
    a = stmt("a.csv", tx(1, "-5", "A"))
    b = stmt("b.csv", tx(1, "-5", "B", currency="USD"))
    [m] = merge_statements([a, b])
    assert [t.description for t in m.transactions] == ["A"]


def test_the_merged_header_takes_the_first_bank_the_formats_the_sources_and_the_warnings_once():
    a = stmt("a.csv", tx(1, "-1"), bank=None, format="csv", warnings=["w1"])
    b = stmt("b.sta", tx(2, "-2"), bank="rabobank", format="mt940", warnings=["w1", "w2"])
    c = stmt("a.csv", tx(3, "-3"), bank="ing", format="csv", warnings=["w2"])
    [m] = merge_statements([a, b, c])
    assert (m.bank, m.format, m.source) == ("rabobank", "csv+mt940", "a.csv; b.sta")
    assert m.warnings == ["w1", "w2"]
    assert (m.account, m.currency) == (IBAN, "EUR")
    [m] = merge_statements([stmt(None, tx(1, "-1"))])
    assert (m.bank, m.format, m.source) == (None, None, None)


def test_opening_of_the_earliest_and_closing_of_the_latest_by_balance_dates():
    # b's balances are dated before a's: b opens, a closes, whatever the order given
    a = stmt("a.csv", tx(10, "-1"), opening=Balance(D("99"), date(2026, 3, 10)), closing=Balance(D("98"), date(2026, 3, 10)))
    b = stmt("b.csv", tx(9, "-1"), opening=Balance(D("100"), date(2026, 3, 9)), closing=Balance(D("99"), date(2026, 3, 9)))
    [m] = merge_statements([a, b])
    assert (m.opening_balance.amount, m.closing_balance.amount) == (D("100"), D("98"))
    assert m.reconciles is True and m.warnings == []


def test_without_balance_dates_the_booking_days_decide_then_the_other_balance():
    # a: days 5..6, b: days 2..3 (no balance dates): b is first, a last
    a = stmt("a.csv", tx(5, "-1"), tx(6, "-1"), opening=Balance(D("8")), closing=Balance(D("6")))
    b = stmt("b.csv", tx(2, "-1"), tx(3, "-1"), opening=Balance(D("10")), closing=Balance(D("8")))
    [m] = merge_statements([a, b])
    assert (m.opening_balance.amount, m.closing_balance.amount) == (D("10"), D("6"))
    # no transactions: the closing balance's date places the opening, the opening's the closing
    c = stmt("c.csv", opening=Balance(D("1")), closing=Balance(D("1"), date(2026, 3, 1)))
    d = stmt("d.csv", opening=Balance(D("2"), date(2026, 3, 20)), closing=Balance(D("2")))
    [m] = merge_statements([d, c])
    assert (m.opening_balance.amount, m.closing_balance.amount) == (D("1"), D("2"))


def test_of_equal_days_the_one_with_a_balance_opens_and_the_fuller_closes():
    # both cover day 4 only: the one stating an opening balance opens; the one with a closing balance and
    # more transactions on day 4 (exported later that day) closes
    part = stmt("part.csv", tx(4, "-1"), opening=None, closing=Balance(D("9")))
    full = stmt("full.csv", tx(4, "-1"), tx(4, "-2", "Brood"), opening=Balance(D("10")), closing=Balance(D("7")))
    [m] = merge_statements([part, full])
    assert (m.opening_balance.amount, m.closing_balance.amount) == (D("10"), D("7"))
    [m] = merge_statements([full, part])
    assert (m.opening_balance.amount, m.closing_balance.amount) == (D("10"), D("7"))
    # equal in everything: the first given opens, the last given closes
    x = stmt("x.csv", tx(4, "-1"), opening=Balance(D("1")), closing=Balance(D("0")))
    y = stmt("y.csv", tx(4, "-1"), opening=Balance(D("2")), closing=Balance(D("1")))
    [m] = merge_statements([x, y])
    assert (m.opening_balance.amount, m.closing_balance.amount) == (D("1"), D("1"))


def test_a_gap_is_warned_of_with_its_figures_only_when_merged_from_several():
    # opening 100, transactions -1 and -2 = -3, reached 97, closing 90: difference 90 - 100 + 3 = -7
    a = stmt("a.csv", tx(1, "-1"), opening=Balance(D("100"), date(2026, 3, 1)), closing=Balance(D("99"), date(2026, 3, 1)))
    b = stmt("b.csv", tx(20, "-2"), opening=Balance(D("99"), date(2026, 3, 20)), closing=Balance(D("90"), date(2026, 3, 20)))
    [m] = merge_statements([a, b])
    [w] = m.warnings
    for figure in (IBAN, " 2 ", "100", "-3", "97", "90", "-7"):
        assert figure in w, figure
    # one statement that does not reconcile: its reader warned already, the merge adds nothing
    c = stmt("c.csv", tx(1, "-1"), opening=Balance(D("100")), closing=Balance(D("50")))
    [m] = merge_statements([c])
    assert m.warnings == []


def test_keys_made_by_the_merge_name_the_account():
    [m] = merge_statements([stmt("a.csv", tx(1, "-1"), keyed=False)])
    assert m.transactions[0].key == f"{IBAN}|2026-03-01|-100|KOFFIE|1"


def test_a_key_match_needs_no_equal_currency_an_amount_match_does():
    # the same payment, keyed alike (account, day, amount, text), once marked EUR and once USD: the key
    # matches, so it is one; the amount alone would not have matched across currencies
    a = stmt("a.csv", tx(1, "-5", "A", currency="EUR"))
    b = stmt("b.csv", tx(1, "-5", "A", currency="USD"))
    [m] = merge_statements([a, b])
    assert [t.currency for t in m.transactions] == ["EUR"]


def test_the_first_booking_day_places_a_statement_without_balance_dates():
    # a: days 1..10, b: days 5..6 (no balance dates): a starts first (day 1) and ends last (day 10)
    a = stmt("a.csv", tx(1, "-1"), tx(10, "-1"), opening=Balance(D("50")), closing=Balance(D("48")))
    b = stmt("b.csv", tx(5, "-1"), tx(6, "-1"), opening=Balance(D("60")), closing=Balance(D("58")))
    [m] = merge_statements([b, a])
    assert (m.opening_balance.amount, m.closing_balance.amount) == (D("50"), D("48"))


def test_a_closing_balance_dated_after_the_last_booking_places_the_statement():
    # a books on day 1 but its closing balance is dated day 20; b books on day 10 with a balance of day 10
    a = stmt("a.csv", tx(1, "-1"), closing=Balance(D("7"), date(2026, 3, 20)))
    b = stmt("b.csv", tx(10, "-1"), closing=Balance(D("9"), date(2026, 3, 10)))
    [m] = merge_statements([a, b])
    assert m.closing_balance.amount == D("7")


def test_of_equal_last_days_one_with_a_closing_balance_closes():
    # both end on day 4; the one without a closing balance has more on day 4, but a statement that
    # states a closing balance ends after one that does not
    without = stmt("w.csv", tx(4, "-1"), tx(4, "-2", "Brood"), closing=None)
    stated = stmt("s.csv", tx(4, "-1"), closing=Balance(D("3")))
    for order in ([without, stated], [stated, without]):
        [m] = merge_statements(order)
        assert m.closing_balance is not None and m.closing_balance.amount == D("3")
