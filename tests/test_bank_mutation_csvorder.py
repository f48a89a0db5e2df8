"""xlcapital/bank/csvorder.py (a CSV's rows grouped per account, put oldest first, balanced): issue 14,
"Tests that catch what they claim to". Rows are made by hand; each running-balance chain is worked out in
the test (balance after = previous balance after + amount; balance before = previous before + previous
amount)."""

from __future__ import annotations

import dataclasses
from dataclasses import dataclass
from datetime import date
from decimal import Decimal

import pytest

from xlcapital.bank.csvorder import Accounts, MemoryStore
from xlcapital.bank.model import Balance, Statement, Transaction
from xlcapital.bank.presets import PRESETS

ASN = "NL16ASNB0708090102"
SNS = "NL52SNSB0902151131"
ING = "NL20INGB0001234567"
D = Decimal


@dataclass
class Row:
    tx: Transaction
    account: str
    balance_before: Decimal | None = None


def row(day, amount, after=None, before=None, account=ASN, currency="EUR"):
    t = Transaction(date(2026, 3, day), D(amount), currency=currency, balance_after=None if after is None else D(after),
                    description=f"{day}/{amount}")
    return Row(t, account, None if before is None else D(before))


def preset(**changes):
    # the ASN layout (balance before each row, column 10), given a balance-after column too (column 11,
    # unused here: the rows are made by hand) so that either rule may be set
    return dataclasses.replace(PRESETS["asn"], balance_after=10, **changes)


def read(rows, **changes):
    accounts = Accounts(preset(**changes), "export.csv", MemoryStore())
    for line, r in enumerate(rows, start=2):
        accounts.add(r, line, False, "")
    pairs = list(accounts.transactions())
    return [t.amount for _, t in pairs], accounts.statements


AFTER = dict(opening_balance="first_after_minus_amount", closing_balance="last_after")
BEFORE = dict(opening_balance="first_before", closing_balance="last_before_plus_amount")


def test_balances_after_that_chain_forward_keep_the_file_order():
    # 100 -10 -> 90, -20 -> 70, +5 -> 75; all on one day, so only the chain can tell
    amounts, (s,) = read([row(1, "-10", after="90"), row(1, "-20", after="70"), row(1, "5", after="75")], **AFTER)
    assert amounts == [D(-10), D(-20), D(5)]
    assert s.opening_balance == Balance(D(100), date(2026, 3, 1), "EUR")  # 90 - (-10)
    assert s.closing_balance == Balance(D(75), date(2026, 3, 1), "EUR")


def test_balances_after_that_chain_backward_are_read_newest_first():
    # the same three written newest first: 75 (+5), 70 (-20), 90 (-10): 75 = 70 + 5, 70 = 90 - 20
    amounts, (s,) = read([row(1, "5", after="75"), row(1, "-20", after="70"), row(1, "-10", after="90")], **AFTER)
    assert amounts == [D(-10), D(-20), D(5)]
    assert s.opening_balance.amount == D(100) and s.closing_balance.amount == D(75)


def test_balances_before_that_chain_forward():
    # before 100, -10; before 90, -20; before 70, +5: 90 = 100 - 10, 70 = 90 - 20; closing 70 + 5
    amounts, (s,) = read([row(1, "-10", before="100"), row(1, "-20", before="90"), row(1, "5", before="70")],
                         **BEFORE)
    assert amounts == [D(-10), D(-20), D(5)]
    assert s.opening_balance.amount == D(100) and s.closing_balance.amount == D(75)


def test_balances_before_that_chain_backward():
    # newest first: before 70, +5; before 90, -20; before 100, -10: 70 = 90 - 20, 90 = 100 - 10
    amounts, (s,) = read([row(1, "5", before="70"), row(1, "-20", before="90"), row(1, "-10", before="100")],
                         **BEFORE)
    assert amounts == [D(-10), D(-20), D(5)]
    assert s.opening_balance.amount == D(100) and s.closing_balance.amount == D(75)


def test_the_chain_outweighs_the_dates():
    # dates newest first (3, 2, 1) but the balances chain forward: 90 -> 70 (-20) -> 75 (+5): file order
    amounts, _ = read([row(3, "-10", after="90"), row(2, "-20", after="70"), row(1, "5", after="75")], **AFTER)
    assert amounts == [D(-10), D(-20), D(5)]


def test_without_balances_later_first_dates_mean_newest_first():
    amounts, (s,) = read([row(3, "-3"), row(2, "-2"), row(1, "-1")])
    assert amounts == [D(-1), D(-2), D(-3)]
    assert s.opening_balance is None and s.closing_balance is None  # the preset's rule "" gives none


@pytest.mark.parametrize("days", [(1, 2, 3), (2, 2, 2), (3, 1, 3)])
def test_without_balances_dates_not_later_first_keep_the_file_order(days):
    amounts, _ = read([row(d, f"-{i}") for i, d in enumerate(days, start=1)])
    assert amounts == [D(-1), D(-2), D(-3)]


def test_a_forced_order_is_obeyed():
    chained_forward = [row(1, "-10", after="90"), row(1, "-20", after="70"), row(1, "5", after="75")]
    amounts, (s,) = read(chained_forward, row_order="newest_first", **AFTER)
    assert amounts == [D(5), D(-20), D(-10)]
    assert s.opening_balance.amount == D(70) and s.closing_balance.amount == D(90)  # 75 - 5; the first row's 90
    amounts, _ = read([row(3, "-3"), row(2, "-2"), row(1, "-1")], row_order="oldest_first")
    assert amounts == [D(-3), D(-2), D(-1)]


def test_one_row_is_its_own_opening_and_closing():
    amounts, (s,) = read([row(5, "-10", after="90")], row_order="newest_first", **AFTER)
    assert amounts == [D(-10)]
    assert s.opening_balance == Balance(D(100), date(2026, 3, 5), "EUR") and s.closing_balance.amount == D(90)


def test_a_rule_without_its_balance_gives_no_balance():
    _, (s,) = read([row(1, "-10"), row(2, "-20")], **AFTER)
    assert s.opening_balance is None and s.closing_balance is None
    _, (s,) = read([row(1, "-10"), row(2, "-20")], **BEFORE)
    assert s.opening_balance is None and s.closing_balance is None


def test_accounts_and_currencies_are_statements_of_their_own_in_first_seen_order():
    amounts, statements = read([row(1, "-1", account=SNS), row(1, "-2"), row(2, "-3", account=SNS),
                                row(2, "-4", currency="USD"), row(3, "-5", currency=None)])
    assert [(s.account, s.currency) for s in statements] == [(SNS, "EUR"), (ASN, "EUR"), (ASN, "USD"), (ASN, None)]
    assert amounts == [D(-1), D(-3), D(-2), D(-4), D(-5)]
    assert all(s.format == "csv" and s.source == "export.csv" for s in statements)


def test_the_bank_is_the_accounts_own_when_the_preset_knows_its_code():
    # the ASN layout is shared by ASN, SNS and RegioBank: an SNS account is SNS's; an ING account in it is not
    # one of the layout's codes, so it is the layout's bank
    _, statements = read([row(1, "-1", account=SNS), row(1, "-2", account=ASN), row(1, "-3", account=ING)])
    assert [s.bank for s in statements] == ["sns", "asn", "asn"]


def test_warnings_name_file_and_line_and_stay_with_their_account():
    accounts = Accounts(preset(), "export.csv", MemoryStore())
    accounts.add(row(1, "-1"), 2, False, "")
    accounts.add(row(1, "-2", account=SNS), 3, True, "")
    accounts.add(row(1, "-3"), 4, False, "balance not a number")
    list(accounts.transactions())
    asn, sns = accounts.statements
    assert len(asn.warnings) == 1 and "export.csv:4" in asn.warnings[0] and "balance not a number" in asn.warnings[0]
    assert len(sns.warnings) == 1 and "export.csv:3" in sns.warnings[0]


def test_balances_and_warnings_are_set_before_the_first_transaction_is_handed_on():
    accounts = Accounts(preset(**AFTER), "export.csv", MemoryStore())
    accounts.add(row(1, "-10", after="90"), 2, True, "")
    statement, _ = next(accounts.transactions())
    assert statement.opening_balance.amount == D(100) and statement.closing_balance.amount == D(90)
    assert len(statement.warnings) == 1


def test_memory_store_knows_no_statement_it_was_not_given():
    store, s = MemoryStore(), Statement(ASN)
    store.add(s, row(1, "-1").tx)
    store.add(s, row(1, "-2").tx)
    assert [t.amount for t in store.of_statement(s, reverse=True)] == [D(-2), D(-1)]
    assert list(store.of_statement(Statement(ASN))) == []
