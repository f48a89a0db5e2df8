"""Random ledgers: whatever the postings, the import keeps every amount (hypothesis).

Each property is stated on the ledger itself, independently of how the import maps it: the net bank
balance, the control accounts' balances, the equity roll.
"""

from __future__ import annotations

import tempfile
from datetime import date, timedelta
from decimal import Decimal
from pathlib import Path

from hypothesis import given, settings
from hypothesis import strategies as st

from xlcapital import imports
from xlcapital.company import load_company
from xlcapital.forecast import load
from xlcapital.imports.model import Account, ItemLine, Ledger

# account -> RGS code: two banks (one may be overdrawn), receivables, payables, VAT, equity, and results
ACCOUNTS = {"1000": "BLimBanRba", "1010": "BLimBanRba", "1300": "BVorDebHad", "1600": "BSchCreHac",
            "1500": "BSchBepBtwAfo", "0500": "BEivGokGew", "0100": "BMvaBeiVvp", "8000": "WOmzNopOlh",
            "4000": "WBedHuiHur", "7000": "WKprKvoHan", "4950": "WFbeRlsRbr"}
EQUITY, BANKS, CONTROL = "0500", ("1000", "1010"), {"1300": 1, "1600": -1}
START = date(2024, 1, 1)

cents = st.integers(min_value=-500_000, max_value=500_000).map(lambda c: Decimal(c) / 100)
posting = st.tuples(st.sampled_from(sorted(ACCOUNTS)), st.sampled_from(sorted(ACCOUNTS)), cents,
                    st.sampled_from(["", "R1", "R2", "R3"]), st.sampled_from(["", "F1", "F2", "F3", "F4"]),
                    st.integers(min_value=0, max_value=365), st.sampled_from(["", "D1", "D2"]))  # fmt: skip


def make_ledger(opening: list[Decimal], postings) -> Ledger:
    ledger = Ledger("random", "Random B.V.", START, date(2024, 12, 31), has_items=True)
    for acc, code in ACCOUNTS.items():
        ledger.accounts[acc] = Account(acc, acc, "P" if code[0] == "W" else "B", code)
    for acc, amount in zip(sorted(a for a in ACCOUNTS if ACCOUNTS[a][0] == "B" and a != EQUITY), opening):
        ledger.add(ledger.opening, acc, amount)
    ledger.opening[EQUITY] = -sum(ledger.opening.values(), Decimal(0))  # the opening balance balances
    for debit, credit, amount, relation, invoice, day, document in postings:
        when = START + timedelta(days=day)
        for acc, signed in ((debit, amount), (credit, -amount)):
            ledger.add(ledger.movements, acc, signed)
            if acc in CONTROL and (relation or invoice):
                ledger.item_lines.append(ItemLine(acc, relation, invoice, when, signed, document=document))
    return ledger


@settings(max_examples=300, deadline=None)
@given(st.lists(cents, min_size=7, max_size=7), st.lists(posting, max_size=40), st.integers(0, 120))
def test_every_amount_is_kept(opening, postings, term):
    ledger = make_ledger(opening, postings)
    result = imports.build(ledger, payment_term=term)
    o, c = result.figures.balance_sheets()
    income = result.figures.income_statement()
    assert o.balances and c.balances
    # the bank, net: cash - overdraft is the banks' balance, whatever their signs
    assert c.cash - c.overdraft == sum(ledger.closing(b) for b in BANKS)
    assert min(c.cash, c.overdraft) >= 0
    # equity rolls with the result (no other equity postings here but those on 0500)
    assert c.equity - o.equity == income.earnings_after_tax - ledger.movements.get(EQUITY, 0)
    # open items add up to their control account
    for side, account in (("receivables", "1300"), ("payables", "1600")):
        items = getattr(result.items, side)
        assert sum(i.amount for i in items if i.paid_date is None) == ledger.closing(account) * CONTROL[account]
        assert all(i.due_date >= i.invoice_date for i in items)
    # the written folder loads as the company file and the forecast's inputs, with the same open amounts
    with tempfile.TemporaryDirectory() as tmp:
        folder = result.write(Path(tmp) / "client")
        company = load_company(folder / "company.toml")
        assert company.closing.receivables == c.receivables and company.income.revenue == income.revenue
        inputs = load(folder)
        assert sum(r.amount for r in inputs.receivables if r.open) == ledger.closing("1300")
        assert sum(p.amount for p in inputs.payables) == -ledger.closing("1600")
