"""xlcapital/bank/spill.py (streamed transactions kept on disk, merged day by day): issue 14, "Tests that
catch what they claim to". Hand-made statements whose merge is worked out in each test."""

from __future__ import annotations

import os
from datetime import date
from decimal import Decimal

import pytest

from xlcapital.bank import spill as spill_module
from xlcapital.bank.model import Balance, Statement, Transaction, assign_keys
from xlcapital.bank.spill import TransactionSpill

IBAN = "NL91ABNA0417164300"
OTHER = "NL20INGB0001234567"


def export(source, days_amounts, account=IBAN, currency="EUR", opening=None, closing=None):
    """A statement of ``(day of March 2026, amount)`` pairs, keyed as a reader keys them."""
    t = [Transaction(date(2026, 3, d), Decimal(a), description="Koffie") for d, a in days_amounts]
    assign_keys(t, account)
    return Statement(account, currency, t, source=source,
                     opening_balance=None if opening is None else Balance(Decimal(opening), date(2026, 3, 1)),
                     closing_balance=None if closing is None else Balance(Decimal(closing), date(2026, 3, 31)))


def spilled(statements):
    spill = TransactionSpill()
    for s in statements:
        for t in s.transactions:
            spill.add(s, t)
    return spill


def merged_of(statements):
    with spilled(statements) as spill:
        stream = spill.merge(statements)
        pairs = [(m.account, m.currency, t.booking_date.day, t.amount) for m, t in stream]
        return pairs, stream.statements


def test_of_statement_in_the_order_added_and_reversed():
    a = export("a.csv", [(1, "-1"), (1, "-2"), (2, "-3")])
    with spilled([a]) as spill:
        assert [t.amount for t in spill.of_statement(a)] == [Decimal("-1"), Decimal("-2"), Decimal("-3")]
        assert [t.amount for t in spill.of_statement(a, reverse=True)] == [Decimal("-3"), Decimal("-2"),
                                                                            Decimal("-1")]


def test_of_statement_keeps_statements_apart_and_knows_none_it_was_not_given():
    a, b = export("a.csv", [(1, "-1")]), export("b.csv", [(1, "-5"), (2, "-6")])
    stranger = export("c.csv", [(1, "-9")])
    with spilled([a, b]) as spill:
        assert [t.amount for t in spill.of_statement(b)] == [Decimal("-5"), Decimal("-6")]
        assert [t.amount for t in spill.of_statement(a)] == [Decimal("-1")]
        assert list(spill.of_statement(stranger)) == []


def test_transactions_come_back_whole():
    a = export("a.csv", [(4, "12.34")])
    with spilled([a]) as spill:
        (t,) = spill.of_statement(a)
    assert (t.booking_date, t.amount, t.description, t.key) == (date(2026, 3, 4), Decimal("12.34"), "Koffie",
                                                                a.transactions[0].key)


def test_more_transactions_than_a_batch(monkeypatch):
    monkeypatch.setattr(spill_module, "_BATCH", 2)
    a = export("a.csv", [(d, "-1") for d in range(1, 6)])  # 5: two full batches and one row left
    with spilled([a]) as spill:
        assert [t.booking_date.day for t in spill.of_statement(a)] == [1, 2, 3, 4, 5]
        # read again after the index exists
        assert len(list(spill.of_statement(a, reverse=True))) == 5


def test_overlapping_exports_merge_day_by_day():
    # jan: day 1, day 2 twice; feb: day 2 twice (the same two), day 3: 1 + 2 + 1 = 4 transactions
    pairs, statements = merged_of([export("jan.csv", [(1, "-1"), (2, "-2"), (2, "-2")]),
                                   export("feb.csv", [(2, "-2"), (2, "-2"), (3, "-3")])])
    assert [(d, a) for _, _, d, a in pairs] == [(1, Decimal("-1")), (2, Decimal("-2")), (2, Decimal("-2")),
                                               (3, Decimal("-3"))]
    (m,) = statements
    assert m.transaction_count == 4 and m.total == Decimal("-8")
    assert m.source == "jan.csv; feb.csv"


def test_a_later_source_adds_what_the_first_has_not_on_a_day_both_have():
    # day 2: jan has -2 once, feb has -2 twice: the second -2 of feb is new (its key #2), so day 2 holds 2
    pairs, _ = merged_of([export("jan.csv", [(2, "-2")]), export("feb.csv", [(2, "-2"), (2, "-2")])])
    assert [(d, a) for _, _, d, a in pairs] == [(2, Decimal("-2")), (2, Decimal("-2"))]


def test_days_only_the_second_source_has_come_in_day_order():
    # jan: days 1, 5; feb: days 3, 5, 7 (day 5 the same): 1, 3, 5, 7
    pairs, statements = merged_of([export("jan.csv", [(1, "-1"), (5, "-5")]),
                                   export("feb.csv", [(3, "-3"), (5, "-5"), (7, "-7")])])
    assert [d for _, _, d, _ in pairs] == [1, 3, 5, 7]
    assert statements[0].tally.first == date(2026, 3, 1) and statements[0].tally.last == date(2026, 3, 7)


def test_the_first_source_given_gives_the_day():
    # both have day 4 with one transaction each, different amounts: the first given (feb) gives the day,
    # jan's -4 is another transaction (another key) and is added after it
    feb, jan = export("feb.csv", [(4, "-40")]), export("jan.csv", [(4, "-4")])
    pairs, _ = merged_of([feb, jan])
    assert [a for _, _, _, a in pairs] == [Decimal("-40"), Decimal("-4")]


def test_a_file_given_twice_counts_once():
    a = export("a.csv", [(1, "-1"), (2, "-2")])
    pairs, statements = merged_of([a, a])
    assert [d for _, _, d, _ in pairs] == [1, 2]
    assert statements[0].transaction_count == 2


def test_accounts_and_currencies_merge_apart_in_the_order_they_first_come():
    eur = export("a.csv", [(2, "-2")])
    other = export("b.csv", [(1, "-1")], account=OTHER)
    usd = export("c.csv", [(1, "-7")], currency="USD")
    pairs, statements = merged_of([eur, other, usd])
    assert [(acc, cur, d) for acc, cur, d, _ in pairs] == [(IBAN, "EUR", 2), (OTHER, "EUR", 1), (IBAN, "USD", 1)]
    assert [(s.account, s.currency, s.transaction_count) for s in statements] == [
        (IBAN, "EUR", 1), (OTHER, "EUR", 1), (IBAN, "USD", 1)]


def test_a_statement_without_transactions_is_still_a_merged_statement():
    empty = export("empty.csv", [], account=OTHER, opening="10.00", closing="10.00")
    pairs, statements = merged_of([export("a.csv", [(1, "-1")]), empty])
    assert len(pairs) == 1
    assert [(s.account, s.transaction_count) for s in statements] == [(IBAN, 1), (OTHER, 0)]


def test_a_merge_that_does_not_reconcile_is_warned_of():
    # jan 100.00 -> 99.00 (-1 on day 1), feb 99.00 -> 90.00 but only -2 on day 20 is there: opening 100.00
    # + total -3.00 = 97.00, not 90.00: a gap of -7.00
    jan = export("jan.csv", [(1, "-1")], opening="100.00", closing="99.00")
    feb = export("feb.csv", [(20, "-2")], opening="99.00", closing="90.00")
    _, statements = merged_of([jan, feb])
    (m,) = statements
    assert m.total == Decimal("-3") and m.reconciles is False
    assert len(m.warnings) == 1 and "-7.00" in m.warnings[0]


def test_a_merge_that_reconciles_is_not_warned_of():
    jan = export("jan.csv", [(1, "-1")], opening="100.00", closing="99.00")
    feb = export("feb.csv", [(20, "-2")], opening="99.00", closing="97.00")
    _, statements = merged_of([jan, feb])
    assert statements[0].reconciles is True and statements[0].warnings == []


def test_statements_are_none_before_the_merge_is_read():
    a = export("a.csv", [(1, "-1")])
    with spilled([a]) as spill:
        stream = spill.merge([a])
        assert stream.statements is None
        list(stream)
        assert stream.statements[0].transaction_count == 1


def test_close_removes_the_folder():
    spill = TransactionSpill()
    folder = spill._folder.name
    assert os.path.isdir(folder)
    with spill:
        pass
    assert not os.path.exists(folder)


# --- second round ------------------------------------------------------------------------------------


def described(source, items):
    """A statement of ``(day of March 2026, amount, description)``, keyed as a reader keys them."""
    t = [Transaction(date(2026, 3, d), Decimal(a), description=text) for d, a, text in items]
    assign_keys(t, IBAN)
    return Statement(IBAN, "EUR", t, source=source)


def test_a_later_source_matches_by_amount_what_no_key_matches():
    # day 1: jan gives -2.50 Koffie and -7.00 Lunch; feb writes the coffee otherwise (another key) and
    # has -9.00 more: the coffee matches jan's by amount, the -9.00 is new: -2.50, -7.00, -9.00.
    # Day 2 only in feb: its -2.50 stands. Only sources kept apart within the day give this.
    jan = described("jan.csv", [(1, "-2.50", "Koffie"), (1, "-7.00", "Lunch")])
    feb = described("feb.sta", [(1, "-2.50", "KOFFIE BV AMSTERDAM"), (1, "-9.00", "Parkeren"),
                                (2, "-2.50", "Koffie")])
    pairs, statements = merged_of([jan, feb])
    assert [(d, a) for _, _, d, a in pairs] == [(1, Decimal("-2.50")), (1, Decimal("-7.00")), (1, Decimal("-9.00")),
                                               (2, Decimal("-2.50"))]
    assert statements[0].total == Decimal("-21.00")  # -2.50 - 7.00 - 9.00 - 2.50
    # the in-memory merge says the same
    from xlcapital.bank.merge import merge_statements
    [m] = merge_statements([described("jan.csv", [(1, "-2.50", "Koffie"), (1, "-7.00", "Lunch")]),
                            described("feb.sta", [(1, "-2.50", "KOFFIE BV AMSTERDAM"), (1, "-9.00", "Parkeren"),
                                                  (2, "-2.50", "Koffie")])])
    assert [t.amount for t in m.transactions] == [a for _, _, _, a in pairs]


def test_three_sources_on_one_day_each_matched_against_what_the_day_holds():
    # day 3: a gives -1 X; b gives -1 Y (matches a's by amount) and -5 Z (new); c gives -5 W (matches
    # b's -5 by amount) and -1 V (a's -1 is claimed by... nothing of c: the day's -1 matches): -1, -5
    a = described("a.csv", [(3, "-1", "X")])
    b = described("b.csv", [(3, "-1", "Y"), (3, "-5", "Z")])
    c = described("c.csv", [(3, "-5", "W"), (3, "-1", "V")])
    pairs, _ = merged_of([a, b, c])
    assert [a for _, _, _, a in pairs] == [Decimal("-1"), Decimal("-5")]


def test_the_spill_lives_in_a_folder_of_its_own_in_the_temporary_folder(tmp_path, monkeypatch):
    import tempfile
    monkeypatch.setattr(tempfile, "tempdir", str(tmp_path))
    with TransactionSpill():
        [folder] = list(tmp_path.iterdir())
        assert folder.name.startswith("xlcapital-")  # a user who finds it can tell whose it is
        assert [p.name for p in folder.iterdir()] == ["transactions.sqlite"]
    assert list(tmp_path.iterdir()) == []


def test_rows_reach_sqlite_a_full_batch_at_a_time(monkeypatch):
    # a batch of 2: after 1 row none is written, after 2 both, after 3 still 2 (the third waits)
    monkeypatch.setattr(spill_module, "_BATCH", 2)
    a = export("a.csv", [(1, "-1"), (2, "-2"), (3, "-3")])
    written = []
    with TransactionSpill() as spill:
        for t in a.transactions:
            spill.add(a, t)
            written.append(spill.db.execute("SELECT count(*) FROM tx").fetchone()[0])
        assert written == [0, 2, 2]


def test_the_indexes_are_made_once_when_the_rows_are_first_read():
    a = export("a.csv", [(1, "-1")])
    with spilled([a]) as spill:
        def indexes():
            return sorted(n for (n,) in spill.db.execute("SELECT name FROM sqlite_master WHERE type = 'index'"))
        assert indexes() == []
        list(spill.of_statement(a))
        list(spill.merge([a]))  # a second read makes none again
        assert indexes() == ["by_day", "by_statement"]
