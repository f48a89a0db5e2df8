"""Merging exports of one account: no duplicates, no losses, identical same-day payments survive."""

from __future__ import annotations

from collections import Counter
from datetime import date, timedelta
from decimal import Decimal as D

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from tests.conftest import DATA
from xlcapital import bank
from xlcapital.bank.merge import merge_statements
from xlcapital.bank.model import Balance, Statement, Transaction, assign_keys

FIX = DATA / "bank"
ACCOUNT = "NL20INGB0001234567"


def ing_file(rows: list[tuple[str, str, str, str, str]]) -> bytes:
    """An ING semicolon export of ``rows`` (date, name, Af/Bij, amount, balance after), as given."""
    head = "Datum;Naam / Omschrijving;Rekening;Tegenrekening;Code;Af Bij;Bedrag (EUR);Mutatiesoort;Mededelingen;Saldo na mutatie;Tag\n"
    body = "".join(f"{d};{n};{ACCOUNT};;BA;{s};{a};Betaalautomaat;{n};{b};\n" for d, n, s, a, b in rows)
    return (head + body).encode()


# A month of one account, oldest first: (date, name, Af/Bij, amount, balance after); opening 100,00
LEDGER = [
    ("20260301", "Bakker", "Af", "3,00", "97,00"),
    ("20260302", "Koffie", "Af", "2,50", "94,50"),
    ("20260302", "Koffie", "Af", "2,50", "92,00"),
    ("20260303", "Klant A", "Bij", "50,00", "142,00"),
    ("20260304", "Huur", "Af", "40,00", "102,00"),
]


def export(rows, source):
    return bank.read_bytes(ing_file(rows[::-1]), source=source)  # ING writes newest first


def test_same_file_twice_changes_nothing():
    once = bank.read(FIX / "ing_comma.csv")
    twice = merge_statements(bank.read(FIX / "ing_comma.csv") + bank.read(FIX / "ing_comma.csv"))
    [m] = merge_statements(once)
    [m2] = twice
    assert [t.key for t in m2.transactions] == [t.key for t in m.transactions]
    assert len(m2.transactions) == 6  # the two identical coffees included
    assert m2.total == once[0].total


def test_overlapping_exports_merge_with_balances_of_the_ends():
    january = export(LEDGER[:4], "a.csv")  # 1-3 March
    february = export(LEDGER[1:], "b.csv")  # 2-4 March: overlaps on the 2nd and 3rd
    [m] = merge_statements(january + february)
    assert [(t.booking_date.day, t.amount) for t in m.transactions] == [
        (1, D("-3.00")), (2, D("-2.50")), (2, D("-2.50")), (3, D("50.00")), (4, D("-40.00"))
    ]
    # opening of the earliest export: 97,00 + 3,00; closing of the latest: 102,00
    assert (m.opening_balance.amount, m.closing_balance.amount) == (D("100.00"), D("102.00"))
    assert m.reconciles and not m.warnings  # 100 - 3 - 2.50 - 2.50 + 50 - 40 = 102
    assert m.source == "a.csv; b.csv" and m.format == "csv"


def test_a_day_exported_in_part_then_in_full():
    morning = export(LEDGER[:2], "morning.csv")  # the 2nd with one coffee so far
    later = export(LEDGER[:3], "later.csv")  # the 2nd with both coffees
    [m] = merge_statements(morning + later)
    assert [t.amount for t in m.transactions] == [D("-3.00"), D("-2.50"), D("-2.50")]
    [m] = merge_statements(later + morning)  # order of the exports does not matter
    assert [t.amount for t in m.transactions] == [D("-3.00"), D("-2.50"), D("-2.50")]
    assert m.closing_balance.amount == D("92.00")  # the export with more of the last day wins


def test_the_same_payments_in_another_format_are_not_doubled():
    csv_part = export(LEDGER[:3], "march.csv")
    # the same account as an MT940 reader would give it: other texts, same days and amounts, and
    # one more payment on the 2nd that the CSV (made that morning) did not have yet
    mt940 = [Transaction(date(2026, 3, 2), D("-2.50"), description="/TRTP/BEA/NAME/KOFFIE BAR/"),
             Transaction(date(2026, 3, 2), D("-2.50"), description="/TRTP/BEA/NAME/KOFFIE BAR/"),
             Transaction(date(2026, 3, 2), D("-7.00"), description="/TRTP/BEA/NAME/LUNCH/")]
    other = Statement(ACCOUNT, "EUR", mt940, format="mt940", source="march.940")
    [m] = merge_statements(csv_part + [other])
    assert sorted(t.amount for t in m.transactions) == sorted([D("-3.00"), D("-2.50"), D("-2.50"), D("-7.00")])
    assert m.format == "csv+mt940"


def test_accounts_and_currencies_stay_apart():
    a = Statement("NL01", "EUR", [Transaction(date(2026, 3, 1), D("1"))], source="x")
    b = Statement("NL02", "EUR", [Transaction(date(2026, 3, 1), D("1"))], source="x")
    c = Statement("NL01", "USD", [Transaction(date(2026, 3, 1), D("1"))], source="x")
    merged = merge_statements([a, b, c])
    assert [(m.account, m.currency, len(m.transactions)) for m in merged] == [("NL01", "EUR", 1), ("NL02", "EUR", 1), ("NL01", "USD", 1)]


def test_a_gap_between_exports_is_a_warning():
    first = export(LEDGER[:2], "a.csv")
    last = export(LEDGER[3:], "b.csv")  # the 2nd's second coffee is in neither
    [m] = merge_statements(first + last)
    assert m.reconciles is False
    assert any("merged from 2 statements" in w and "difference -2.50" in w for w in m.warnings)


def test_statements_without_transactions_give_their_balances():
    empty_start = Statement(ACCOUNT, "EUR", [], opening_balance=Balance(D("10"), date(2026, 2, 28)),
                            closing_balance=Balance(D("10"), date(2026, 2, 28)), source="s1")
    later = Statement(ACCOUNT, "EUR", [Transaction(date(2026, 3, 1), D("5"))], opening_balance=Balance(D("10")),
                      closing_balance=Balance(D("15")), source="s2")
    [m] = merge_statements([later, empty_start])
    assert (m.opening_balance.amount, m.closing_balance.amount, m.total) == (D("10"), D("15"), D("5"))


# ------------------------------------------------------------------------------------------------
# property: exports cut from one true ledger merge back into exactly that ledger
# ------------------------------------------------------------------------------------------------

START = date(2026, 1, 1)
payments = st.tuples(
    st.integers(0, 9),  # day offset
    st.sampled_from([D("-2.50"), D("-2.50"), D("10.00"), D("-99.99"), D("0.00")]),
    st.sampled_from(["Koffie", "Huur", "Klant A", ""]),
)


@st.composite
def ledger_and_exports(draw):
    ledger = sorted(draw(st.lists(payments, min_size=1, max_size=30)), key=lambda p: p[0])
    exports = []
    for _ in range(draw(st.integers(1, 4))):
        lo = draw(st.integers(0, 9))
        hi = draw(st.integers(lo, 9))
        rows = [p for p in ledger if lo <= p[0] <= hi]
        # made during its last day: only the first k payments of that day are in it
        last_day = [p for p in rows if p[0] == hi]
        cut = draw(st.integers(0, len(last_day)))
        rows = rows[: len(rows) - len(last_day) + cut]
        exports.append(rows)
    return ledger, exports


def as_statement(rows, source):
    txs = [Transaction(START + timedelta(days=d), amount, description=text) for d, amount, text in rows]
    assign_keys(txs, ACCOUNT)
    return Statement(ACCOUNT, "EUR", txs, source=source)


@settings(max_examples=200, deadline=None)
@given(ledger_and_exports(), st.booleans())
def test_merge_recovers_the_ledger(case, twice):
    ledger, exports = case
    statements = [as_statement(rows, f"export{i}.csv") for i, rows in enumerate(exports)]
    if twice:  # the user gives every file twice
        statements += [as_statement(rows, f"export{i}.csv") for i, rows in enumerate(exports)]
    merged = merge_statements(statements)
    got = Counter((t.booking_date, t.amount, t.description) for m in merged for t in m.transactions)
    # what the exports together show of each day: the most complete export of that day
    want: Counter = Counter()
    for day in {p[0] for rows in exports for p in rows}:
        best = max((Counter(p for p in rows if p[0] == day) for rows in exports), key=lambda c: sum(c.values()))
        want += Counter({(START + timedelta(days=d), a, t): n for (d, a, t), n in best.items()})
    assert got == want
    assert all(t.booking_date <= u.booking_date for m in merged for t, u in zip(m.transactions, m.transactions[1:]))


def test_bank_merge_is_the_function_even_after_importing_the_module():
    import importlib

    import xlcapital.bank

    importlib.import_module("xlcapital.bank.merge")
    assert callable(xlcapital.bank.merge)
    assert bank.merge(bank.read(FIX / "knab.csv"))[0].total == bank.read(FIX / "knab.csv")[0].total


def test_a_later_statement_with_a_back_dated_booking_is_still_the_later_one():
    # A: opening 1000.00 on 2 March, +10.00 on 3 March, closing 1010.00; B: opening 1010.00 on
    # 3 March, a charge of -5.00 booked back to 1 March and +20.00 on 4 March, closing 1025.00.
    # Merged: 1000.00 + 10.00 - 5.00 + 20.00 = 1025.00, so it reconciles from A's opening.
    a = Statement(ACCOUNT, "EUR", [Transaction(date(2026, 3, 3), D("10.00"), description="rente")],
                  Balance(D("1000.00"), date(2026, 3, 2)), Balance(D("1010.00"), date(2026, 3, 3)), source="x.sta")
    b = Statement(ACCOUNT, "EUR", [Transaction(date(2026, 3, 1), D("-5.00"), description="kosten"),
                                   Transaction(date(2026, 3, 4), D("20.00"), description="klant")],
                  Balance(D("1010.00"), date(2026, 3, 3)), Balance(D("1025.00"), date(2026, 3, 4)), source="x.sta")
    [m] = merge_statements([a, b])
    assert (m.opening_balance.amount, m.closing_balance.amount) == (D("1000.00"), D("1025.00"))
    assert m.reconciles and not m.warnings


@pytest.mark.bankfeeds
def test_merging_the_rabobank_sample_gives_ocas_balances(bankfeeds):
    # OCA's own test of this file expects start 4433.52 and end 4798.91 (shared/bankfeeds README 4.1);
    # its third statement books on 2014-01-01, before the first statement's day
    [m] = bank.merge(bank.read(bankfeeds / "mt940" / "rabobank_oca_test-rabo.swi"))
    assert (m.opening_balance.amount, m.closing_balance.amount) == (D("4433.52"), D("4798.91"))
    assert len(m.transactions) == 2 and m.reconciles and not m.warnings
