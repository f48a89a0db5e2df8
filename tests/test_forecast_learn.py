"""Learning (docs/forecast-model.md section 10): invoice matching, delays, lags, projections, balances."""

from __future__ import annotations

from datetime import date
from decimal import Decimal as D

from xlcapital.bank.model import Balance, Statement, Transaction
from xlcapital.forecast import Category, Financials, History, Receivable, analyse, load
from xlcapital.forecast import learn

START = date(2026, 4, 6)


def tx(day: str, amount: str, description: str = "", counterparty: str = "", iban: str = "", reference: str = "") -> Transaction:
    return Transaction(date.fromisoformat(day), D(amount), counterparty=counterparty, counterparty_iban=iban,
                       description=description, reference=reference)  # fmt: skip


def inv(number: str, amount: str, invoiced: str = "2026-01-10", due: str = "2026-02-09", customer: str = "Acme") -> Receivable:
    return Receivable(customer, number, date.fromisoformat(invoiced), date.fromisoformat(due), D(amount))


def test_a_credit_pays_the_invoice_it_names_with_the_same_amount():
    receivables = [inv("VF-1", "100.00"), inv("VF-10", "100.00"), inv("VF-2", "250.00"), inv("VF-3", "70.00")]
    got = learn.match_payments(
        receivables,
        [
            tx("2026-02-12", "100.00", "Betaling factuur VF-1."),  # VF-1, not VF-10
            tx("2026-02-20", "200.00", "factuur VF-2"),  # wrong amount: no match
            tx("2026-01-05", "70.00", "VF-3"),  # before the invoice date: no match
            tx("2026-02-01", "-100.00", "VF-10"),  # a debit never pays a sales invoice
            tx("2026-03-01", "100.00", "", reference="vf-10"),  # the reference counts, case-insensitive
        ],
    )
    assert [(r.invoice, r.paid_date, r.paid_source) for r in got] == [
        ("VF-1", date(2026, 2, 12), "history"),
        ("VF-10", date(2026, 3, 1), "history"),
        ("VF-2", None, ""),
        ("VF-3", None, ""),
    ]


def test_one_transaction_pays_one_invoice_the_first_in_file_order():
    got = learn.match_payments([inv("B-2", "50"), inv("A-1", "50")], [tx("2026-02-01", "50", "A-1 B-2")])
    assert [r.paid_date for r in got] == [date(2026, 2, 1), None]


def test_customer_delays_given_history_default():
    receivables = [
        Receivable("Acme", "1", date(2026, 1, 1), date(2026, 1, 31), D(1), paid_date=date(2026, 2, 3)),  # 3 days late
        Receivable("ACME ", "2", date(2026, 1, 1), date(2026, 1, 31), D(1), paid_date=date(2026, 2, 4)),  # 4 days late
        Receivable("Beta", "3", date(2026, 1, 1), date(2026, 1, 31), D(1), paid_date=date(2026, 2, 28)),
        Receivable("Gamma", "4", date(2026, 1, 1), date(2026, 1, 31), D(1)),
    ]
    got = {c.name: c for c in learn.customer_delays(receivables, [("Beta", 10), ("Delta", None)], 7, "dso")}
    # Acme: mean(3, 4) = 3.5 -> 4 (halves away from zero)
    assert (got["Acme"].payment_delay_days, got["Acme"].source, got["Acme"].paid_invoices) == (4, "history", 2)
    assert (got["Beta"].payment_delay_days, got["Beta"].source) == (10, "given")  # given wins over history
    assert (got["Gamma"].payment_delay_days, got["Gamma"].source) == (7, "dso")
    assert (got["Delta"].payment_delay_days, got["Delta"].source) == (7, "dso")
    assert len(got) == 4


def financials() -> Financials:
    # average receivables (40,000 + 60,000) / 2 = 50,000; revenue 365,000 over 365 days: DSO 50
    return Financials(revenue=D(365_000), cogs=D(200_000), inventory=D(0), receivables_opening=D(40_000),
                      receivables_closing=D(60_000), days=365)  # fmt: skip


def test_default_delay_from_dso_and_terms():
    open_ = [inv("1", "1", "2026-01-01", "2026-01-31"), inv("2", "1", "2026-01-01", "2026-01-15")]  # terms 30 and 14
    # MAX(0, ROUND(50 - 22)) = 28
    assert learn.default_delay(open_, financials()) == (28, "dso")
    assert learn.default_delay(open_, None) == (0, "default")


def test_collection_days_from_paid_invoices_else_dso_else_30():
    paid = [
        Receivable("A", "1", date(2026, 1, 1), date(2026, 1, 31), D(1), paid_date=date(2026, 2, 10)),  # 40 days
        Receivable("A", "2", date(2026, 1, 1), date(2026, 1, 31), D(1), paid_date=date(2026, 2, 15)),  # 45 days
    ]
    assert learn.collection_days(paid, financials()) == (43, "history")  # 42.5 -> 43
    assert learn.collection_days([], financials()) == (50, "dso")
    assert learn.collection_days([], None) == (30, "default")


RULES = [
    Category("Card sales", "counterparty", "mollie", project=True),
    Category("Card sales", "description", "SumUp"),
    Category("Fuel", "iban", "NL91 ABNA 0417 1643 00", project=True, weekly_amount=D("-50")),
    Category("Customers", "description", "factuur", project=False),
]


def test_classification_first_rule_wins():
    transactions = [
        tx("2026-03-24", "10", "x", counterparty="Stichting Mollie Payments"),
        tx("2026-03-24", "20", "Uitbetaling SUMUP factuur"),  # card sales before customers (file order)
        tx("2026-03-24", "-30", "", iban="nl91abna0417164300"),
        tx("2026-03-24", "40", "Factuur 12"),
        tx("2026-03-24", "50", "something else"),
    ]
    assert learn.classify(transactions, RULES) == ["Card sales", "Card sales", "Fuel", "Customers", "Uncategorised"]


def test_projection_weekly_amount_from_the_history_window():
    # H = 2: window [6 Apr - 14 days, 5 Apr] = [23 Mar, 5 Apr], 2 weeks
    transactions = [
        tx("2026-03-02", "999", counterparty="Mollie"),  # before the window
        tx("2026-03-23", "100.01", counterparty="Mollie"),
        tx("2026-04-01", "200", counterparty="Mollie"),
        tx("2026-04-05", "-0.02", "SumUp refund"),
        tx("2026-04-06", "5000", counterparty="Mollie"),  # after the start: not history
    ]
    got = learn.projections(RULES, transactions, START, 2)
    # (100.01 + 200 - 0.02) / 2 = 149.995 -> 150.00 (halves away from zero); Fuel given; Customers not projected
    assert [(p.category, p.weekly_amount, p.revenue_linked, p.source) for p in got] == [
        ("Card sales", D("150.00"), True, "history"),
        ("Fuel", D("-50"), False, "given"),
    ]


def test_projection_window_starts_at_the_first_monday_of_a_short_history():
    # history from Wednesday 25 March: window [Mon 30 Mar, Sun 5 Apr] = 1 week although H = 13
    transactions = [tx("2026-03-25", "70", counterparty="Mollie"), tx("2026-03-31", "35", counterparty="Mollie")]
    (card, _) = learn.projections(RULES, transactions, START, 13)
    assert card.weekly_amount == D("35.00")
    # no history at all: an empty window gives 0
    (card, _) = learn.projections(RULES, [], START, 13)
    assert card.weekly_amount == 0


def test_opening_balance_and_start_from_the_bank():
    a = Statement("NL01", transactions=[tx("2026-03-31", "5")], closing_balance=Balance(D("1000.50")))
    b = Statement("NL02", transactions=[tx("2026-04-01", "-5")])
    b.transactions[0].balance_after = D("-200.25")
    assert learn.opening_balance([a, b]) == D("800.25")
    assert learn.opening_balance([Statement("NL03", transactions=[tx("2026-04-01", "1")])]) is None
    # the first Monday after the latest booking: Wed 1 Apr -> Mon 6 Apr; a Monday -> the next Monday
    assert learn.start_after(a.transactions + b.transactions) == START
    assert learn.start_after([tx("2026-04-06", "1")]) == date(2026, 4, 13)
    assert learn.start_after([]) is None


# --- month-end history for the trend triggers (docs/forecast-model.md section 10) ---------------------------

HISTORY_START = date(2025, 4, 7)  # a Monday: the last full month before it is March 2025


def paid(number: str, amount: str, invoiced: str, paid_on: str | None) -> Receivable:
    day = date.fromisoformat(invoiced)
    return Receivable("Acme", number, day, day, D(amount), date.fromisoformat(paid_on) if paid_on else None)


HISTORY_RECEIVABLES = [
    paid("J1", "3100", "2025-01-15", "2025-02-20"),
    paid("F1", "2800", "2025-02-10", "2025-03-31"),  # paid on the March month end: not open at it
    paid("F2", "1400", "2025-02-25", None),  # still open
    paid("M1", "6200", "2025-03-05", "2025-04-02"),
    paid("A1", "999", "2025-04-01", None),  # April is not a full month before the start: not counted
]


def test_month_history_learned_from_receivables_by_hand():
    h = learn.month_history(HISTORY_RECEIVABLES, HISTORY_START, History())
    # only 3 months of invoices exist (January is the earliest), so 3 months, not 6
    assert h.months == ("2025-01", "2025-02", "2025-03")
    # revenue by invoice month: Jan 3100; Feb 2800 + 1400 = 4200; Mar 6200
    assert h.revenue == (D(3100), D(4200), D(6200))
    # Jan 31: open J1 3100; revenue Jan only (nothing known before it) 3100 over 31 days: 3100 / (3100 / 31) = 31.0
    # Feb 28: open F1 2800 + F2 1400 = 4200 (J1 paid Feb 20); revenue Jan-Feb 7300 over 59 days:
    #         4200 * 59 / 7300 = 33.945... -> 33.9
    # Mar 31: open F2 1400 + M1 6200 = 7600 (F1 paid on Mar 31); revenue Jan-Mar 13500 over 90 days:
    #         7600 * 90 / 13500 = 50.666... -> 50.7
    assert h.dso == (D("31.0"), D("33.9"), D("50.7"))
    assert h.sources == {"months": "receivables", "revenue": "receivables", "dso": "receivables"}


def test_month_history_six_months_at_most_and_no_dso_without_revenue():
    old = [paid("OLD", "500", "2024-05-20", "2024-06-10"), *HISTORY_RECEIVABLES]
    h = learn.month_history(old, HISTORY_START, History())
    assert h.months == ("2024-10", "2024-11", "2024-12", "2025-01", "2025-02", "2025-03")
    assert h.revenue == (D(0), D(0), D(0), D(3100), D(4200), D(6200))
    # Oct 2024: no revenue in Aug-Oct, so DSO is undefined: no DSO series is learned
    assert h.dso == () and "dso" not in h.sources


def test_given_history_wins():
    given = History(months=("2025-02", "2025-03"), revenue=(D(1), D(2)), sources={"months": "given", "revenue": "given"})
    h = learn.month_history(HISTORY_RECEIVABLES, HISTORY_START, given)
    # only the missing dso is learned, for the given months (the same figures as above)
    assert (h.months, h.revenue, h.dso) == (("2025-02", "2025-03"), (D(1), D(2)), (D("33.9"), D("50.7")))
    assert h.sources == {"months": "given", "revenue": "given", "dso": "receivables"}
    # revenue without months, or months outside the invoices' months: nothing to learn for
    for kept in (History(revenue=(D(1),)), History(months=("2025-04",)), History(months=("March",))):
        assert learn.month_history(HISTORY_RECEIVABLES, HISTORY_START, kept) == kept


def test_load_learns_history_for_the_trend_triggers(tmp_path):
    (tmp_path / "forecast.toml").write_text('[forecast]\nstart = 2025-04-07\nopening_balance = 1000\n', encoding="utf-8")
    (tmp_path / "receivables.csv").write_text(
        "customer,invoice,invoice_date,due_date,amount,paid_date\n"
        + "".join(f"Acme,{r.invoice},{r.invoice_date},{r.due_date},{r.amount},{r.paid_date or ''}\n" for r in HISTORY_RECEIVABLES),
        encoding="utf-8",
    )
    inputs = load(tmp_path)
    assert inputs.history.dso == (D("31.0"), D("33.9"), D("50.7"))
    dso = next(t for t in analyse(inputs).triggers if t.rule == "dso_trend")
    # 50.7 - (31.0 + 33.9 + 50.7) / 3 = 50.7 - 38.5333... = 12.1666...: above the moderate alert (5)
    assert abs(dso.value - D("12.1667")) < D("0.0001") and dso.status == "alert"
    rev = next(t for t in analyse(inputs).triggers if t.rule == "revenue_drop")
    assert rev.value is None  # 3 months only: 6 are needed
