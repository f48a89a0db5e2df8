"""The weekly and monthly forecast: dated cash items, summed by category, through the overdraft.

Nothing here learns or parses: the inputs are explicit (see :mod:`xlcapital.forecast.learn`),
and every step is a formula of docs/forecast-model.md (sections 3, 4 and 6), which the generated
workbook reproduces cell by cell.

>>> from datetime import date
>>> from decimal import Decimal
>>> from xlcapital.forecast.inputs import Inputs, Settings, Receivable
>>> inputs = Inputs(Settings(start=date(2026, 4, 6), weeks=3, opening_balance=Decimal(100),
...                          credit_limit=Decimal(500), overdraft_rate=Decimal("0.0365")),
...                 receivables=[Receivable("Acme", "F1", date(2026, 3, 1), date(2026, 4, 14), Decimal(50))])
>>> [(w.week, w.opening_cash, w.receipts["Receivables"], w.closing_cash) for w in forecast(inputs).weeks]
[(1, Decimal('100'), Decimal('0'), Decimal('100')), (2, Decimal('100'), Decimal('50'), Decimal('150')), (3, Decimal('150'), Decimal('0'), Decimal('150'))]
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date, timedelta
from decimal import Decimal
from typing import Iterable

from xlcapital.forecast.actuals import Ledger, first_day, opening_cash, period_actuals
from xlcapital.forecast.collections import expected_receipt, largest_customer
from xlcapital.forecast.drivers import purchase, recurring_amount
from xlcapital.forecast import payroll
from xlcapital.forecast.inputs import PAYABLES, RECEIVABLES, SALES, Inputs, Scenario, customer_key
from xlcapital.forecast.types import OPERATING, PURCHASES
from xlcapital.forecast.vat import VAT, VatReturn
from xlcapital.forecast.vatreturns import returns as vat_returns
from xlcapital.forecast.scenarios import scenario_named
from xlcapital.forecast.schedule import LOOKAHEAD_WEEKS, eomonth, month_bounds, month_of, occurrences, view_end, week_of

ZERO = Decimal(0)
DAYS_PER_YEAR = 365
MONTHS_IN_VIEW = 12

#: shift kinds: which scenario delay moves an item (docs section 7)
COLLECTION, PAYMENT, NONE = "collection", "payment", "none"
#: the largest customer's invoices in its stress tests: the collection delay and that customer's own
LARGEST = "largest customer"


@dataclass(frozen=True)
class CashItem:
    """One dated cash item of the expanded table (docs section 3).

    ``week`` is None when the cash date is after the weekly horizon, ``month`` when after month 12.
    """

    source: str
    ref: str
    party: str
    category: str
    base_date: date
    shift_kind: str
    shift: int
    cash_date: date
    week: int | None
    month: int | None
    amount: Decimal
    #: receivables and sales: the invoice's date and face amount (the borrowing base lends on them)
    invoice_date: date | None = None
    face: Decimal | None = None
    #: the cash-flow statement's activity (recurring items say theirs; everything else is operating)
    activity: str = OPERATING


@dataclass
class Period:
    """One week (or one month of the 12-month view) of a run.

    The actual fields (docs section 12) say what the bank shows for the period; they are None
    (``has_actuals`` False) when the bank data does not reach the period.
    """

    index: int
    start: date
    end: date
    opening_cash: Decimal
    receipts: dict[str, Decimal]
    payments: dict[str, Decimal]
    net_flow: Decimal
    closing_before: Decimal
    overdraft_drawn: Decimal
    interest: Decimal
    closing_cash: Decimal
    headroom: Decimal
    below_buffer: bool
    limit_breached: bool
    #: the commitment fee (kredietprovisie) of the period: basis x fee x days / 365
    commitment_fee: Decimal = ZERO
    #: the borrowing base at the period's end (None: none agreed) and the facility available: MIN(L, base)
    borrowing_base: Decimal | None = None
    available: Decimal = ZERO
    has_actuals: bool = False
    actual_flow: Decimal | None = None
    actual_closing: Decimal | None = None
    #: actual_flow - net_flow (the forecast's interest is an accrual, left out on both sides)
    variance: Decimal | None = None

    @property
    def days(self) -> int:
        return (self.end - self.start).days + 1

    @property
    def flags(self) -> list[str]:
        return [name for name in ("below_buffer", "limit_breached") if getattr(self, name)]

    # the names of docs section 11
    week = month = property(lambda self: self.index)
    week_start = month_start = property(lambda self: self.start)
    week_end = month_end = property(lambda self: self.end)

    @property
    def receipts_total(self) -> Decimal:
        return sum(self.receipts.values(), ZERO)

    @property
    def payments_total(self) -> Decimal:
        return sum(self.payments.values(), ZERO)


#: the sources whose payments are committed (known amounts and dates): recurring items and open bills
COMMITTED = ("recurring", "payable", "vat", "payroll")


@dataclass
class Run:
    """One forecast run: a scenario's weeks, months and the items they sum."""

    scenario: Scenario
    weeks: list[Period]
    months: list[Period]
    items: list[CashItem]
    receipt_categories: list[str]
    payment_categories: list[str]
    credit_limit: Decimal = ZERO
    minimum_buffer: Decimal = ZERO
    rate: Decimal = ZERO
    name: str = field(default="")
    #: the 8 weeks after the horizon, the forecast continued (docs section 2, "Look-ahead"), and the
    #: committed payments (recurring items and open bills) falling in them
    lookahead: list[Period] = field(default_factory=list)
    lookahead_items: list[CashItem] = field(default_factory=list)
    #: the VAT returns due from F to V (empty without [vat]), docs section 13
    vat_returns: list[VatReturn] = field(default_factory=list)

    def __post_init__(self) -> None:
        self.name = self.name or self.scenario.name

    @property
    def lowest_cash(self) -> Decimal:
        """MIN(closing_1 .. closing_N)."""
        return min(w.closing_cash for w in self.weeks)

    @property
    def lowest_week(self) -> int:
        """The first week whose closing cash is the lowest."""
        low = self.lowest_cash
        return next(w.week for w in self.weeks if w.closing_cash == low)

    @property
    def lowest_with_lookahead(self) -> Decimal:
        """``MIN(lowest_cash, closing of every look-ahead week)``: the low point the horizon hides."""
        return min([self.lowest_cash, *(w.closing_cash for w in self.lookahead)])

    @property
    def first_breach_week(self) -> int | None:
        return next((w.week for w in self.weeks if w.limit_breached), None)

    @property
    def first_below_buffer_week(self) -> int | None:
        return next((w.week for w in self.weeks if w.below_buffer), None)

    @property
    def extra_financing_limit(self) -> Decimal:
        """``MAX(0, -MIN(headroom_w))``: extra facility needed so closing never falls below minus the
        available facility (``-L - lowest_cash`` without a borrowing base)."""
        return max(ZERO, -min(w.headroom for w in self.weeks))

    @property
    def extra_financing_buffer(self) -> Decimal:
        """MAX(0, B - lowest_cash): extra cash needed to keep the buffer without the facility."""
        return max(ZERO, self.minimum_buffer - self.lowest_cash)


def expand(inputs: Inputs, scenario: Scenario | None = None, weeks: int | None = None, *,
           first: date | None = None, keep_all: bool = False) -> list[CashItem]:
    """The dated cash items of a scenario, in source order (docs section 3).

    Occurrences are generated from ``first`` (F, :func:`~xlcapital.forecast.actuals.first_day`:
    the day after the last known cash), so what is dated between it and the start counts in week 1.
    ``keep_all`` keeps the items whose cash date is after the window (V) too (the borrowing base
    counts invoices still outstanding, however late they are paid).
    """
    scenario = scenario or Scenario()
    s = inputs.settings
    n = weeks or s.weeks
    start, end = s.start, view_end(s.start, n)
    first = first or first_day(inputs)
    shifts = {COLLECTION: scenario.collection_delay_days, PAYMENT: scenario.payment_delay_days, NONE: 0,
              LARGEST: scenario.collection_delay_days + scenario.largest_customer_delay_days}
    sales = inputs.sales
    factor = scenario.revenue_factor
    curve = sales.collection_curve
    items: list[CashItem] = []

    first_month_end = eomonth(start, 0)

    def add(source, ref, party, category, base, kind, amount, activity=OPERATING, invoice_date=None, face=None):
        shift = shifts[kind]
        cash = base + timedelta(days=shift)
        week = week_of(cash, start)
        month = 1 if cash <= first_month_end else month_of(cash, start)
        items.append(
            CashItem(source, ref, party, category, base, kind, shift, cash,
                     week if week <= n else None, month if month <= MONTHS_IN_VIEW else None, amount, invoice_date, face,
                     activity)
        )  # fmt: skip

    delays = inputs.delay_table()
    default_delay = s.default_payment_delay_days
    collections = inputs.collections
    # the largest-customer stress tests (docs section 7) move or cut that customer's open invoices
    largest = largest_customer(inputs.receivables) if (
        scenario.largest_customer_delay_days or scenario.largest_customer_share != 1) else None
    for r in inputs.receivables:
        if r.open:  # aged when overdue, or on the invoice's expected date (docs section 3)
            key = customer_key(r.customer)
            base, amount = expected_receipt(r, delays.get(key, default_delay), collections, first=first)
            kind, share = (LARGEST, scenario.largest_customer_share) if key == largest else (COLLECTION, 1)
            add("receivable", r.invoice, r.customer, RECEIVABLES, base, kind, amount * share,
                invoice_date=r.invoice_date, face=r.amount)
    sold: list[tuple[str, date, Decimal]] = []  # (ref, invoice date, amount): collected and bought
    if sales.amount:
        for d in occurrences(sales.frequency, sales.day, sales.month, first, end):
            sold.append((d.isoformat(), d, sales.amount * sales.seasonality[d.month - 1] * factor))
    for e in inputs.expected_sales:
        sold.append((e.description or e.date.isoformat(), e.date, e.amount * factor))
    for ref, d, amount in sold:  # the collection curve: each part of the sale after its own days
        gross = inputs.vat.gross(amount)  # sales declared excl. VAT are received with it (docs section 13)
        for days, share in curve:
            if share:
                add("sale", ref, "", SALES, d + timedelta(days=days), COLLECTION, gross * share,
                    invoice_date=d, face=gross * share)
    for ref, d, amount in sold:  # purchases follow the sale's amount as declared (docs section 3)
        bought = purchase(sales, d, amount, first=first)
        if bought:
            add("purchase", ref, "", PURCHASES, bought[0], PAYMENT, bought[1])
    for p in inputs.payables:
        add("payable", p.invoice, p.supplier, PAYABLES, p.due_date, PAYMENT, -p.amount)
    for r in inputs.recurring:
        lo = max(first, r.start) if r.start and r.frequency != "once" else first
        hi = min(end, r.end) if r.end else end
        amount = recurring_amount(r, factor)  # a revenue-linked (variable) cost moves with revenue
        if r.variable_rate:  # a variable-rate loan's interest follows the scenario's interest change
            amount = amount * max(ZERO, r.variable_rate + scenario.interest_rate_change) / r.variable_rate
        for d in occurrences(r.frequency, r.day, r.month, lo, hi, once=r.start):
            add("recurring", r.name, "", r.category, d, NONE, amount, r.activity)
    for o in scenario.one_offs:
        add("one-off", o.description, "", o.category, o.date, NONE, o.amount)
    for p in payroll.payments(inputs.payroll, inputs.payroll_settings, first, end):  # docs "Payroll"
        add("payroll", p.ref, p.party, p.category, p.date, NONE, p.amount)
    for r in vat_returns(inputs, items, first, end):  # VAT moves with the items above (docs "VAT")
        add("vat", f"VAT return {r.label}", "", VAT, r.due, NONE, -r.balance)
    return items if keep_all else [i for i in items if i.cash_date <= end]


def categories(inputs: Inputs, scenarios: Iterable[Scenario] | None = None) -> tuple[list[str], list[str]]:
    """The rows of the weekly table: (receipt categories, payment categories), docs section 6.

    A category is a receipt row when any of its items or its projected amount is > 0 (before any
    scenario), a payment row when any is < 0; every scenario's one-offs count. Fixed rows first.
    """
    scenarios = list(inputs.scenarios if scenarios is None else scenarios)
    order: list[str] = [RECEIVABLES, SALES, PAYABLES]
    signs: dict[str, set[int]] = {}

    def see(category: str, amount: Decimal) -> None:
        if category not in order:
            order.append(category)
        if amount:
            signs.setdefault(category, set()).add(1 if amount > 0 else -1)

    for r in inputs.receivables:
        if r.open:
            see(RECEIVABLES, r.amount)
    if inputs.sales.amount and any(inputs.sales.seasonality):
        see(SALES, Decimal(1))
    for e in inputs.expected_sales:
        see(SALES, e.amount)
    if inputs.sales.gross_margin is not None and inputs.sales.gross_margin < 1:  # purchases follow the sales
        if inputs.sales.amount and any(inputs.sales.seasonality):
            see(PURCHASES, Decimal(-1))
        for e in inputs.expected_sales:
            see(PURCHASES, -e.amount)
    for p in inputs.payables:
        see(PAYABLES, -p.amount)
    for r in inputs.recurring:
        see(r.category, r.amount)
    for p in inputs.projections:
        see(p.category, p.weekly_amount)
    for s in scenarios:
        for o in s.one_offs:
            see(o.category, o.amount)
    for row in inputs.payroll:  # payroll's rows (section 14): net pay, loonheffingen, pension
        wage = row.employees * row.gross
        for category, share in zip(payroll.CATEGORIES, (row.net_share, row.tax_share, row.pension_share)):
            see(category, -wage * share)
    if inputs.vat.on:  # a payment row, and a receipt row when a credit is refunded
        see(VAT, Decimal(-1))
        if not inputs.vat.carry_forward:
            see(VAT, Decimal(1))
    receipts = [c for c in order if 1 in signs.get(c, ())]
    payments = [c for c in order if -1 in signs.get(c, ())]
    return receipts, payments


def forecast(
    inputs: Inputs,
    scenario: Scenario | str | None = None,
    weeks: int | None = None,
    *,
    rows: tuple[list[str], list[str]] | None = None,
    ledger: Ledger | None = None,
) -> Run:
    """Run the forecast of ``scenario`` (None: the plain forecast; a name: one of the inputs').

    ``weeks`` overrides the horizon of the settings; ``rows`` the category rows (see
    :func:`categories`; by default those of the inputs and all their scenarios); ``ledger`` the
    counted bank transactions (:class:`~xlcapital.forecast.actuals.Ledger`, built from the inputs
    when not given: runs of the same inputs share one).
    """
    if not isinstance(scenario, Scenario):
        scenario = scenario_named(inputs, scenario)
    s = inputs.settings
    n = weeks or s.weeks
    receipt_rows, payment_rows = rows or categories(inputs, [*inputs.scenarios, scenario])
    ledger = ledger or Ledger.of(inputs)
    first = first_day(inputs, ledger)
    every = expand(inputs, scenario, n, first=first, keep_all=True)
    end = view_end(s.start, n)
    items = [i for i in every if i.cash_date <= end]
    rate = s.overdraft_rate + scenario.interest_rate_change
    projected = [(p.category, p.weekly_amount * (scenario.revenue_factor if p.revenue_linked else 1)) for p in inputs.projections]

    # week 1 and month 1 begin on F: the days between the last known cash and the start count there
    week_ranges = [(s.start + timedelta(days=7 * i), s.start + timedelta(days=7 * i + 6)) for i in range(n)]
    month_ranges = [month_bounds(s.start, m) for m in range(1, MONTHS_IN_VIEW + 1)]
    week_ranges[0], month_ranges[0] = (first, week_ranges[0][1]), (first, month_ranges[0][1])
    by_week = _sums(items, "week", n)
    by_month = _sums(items, "month", MONTHS_IN_VIEW)
    opening = opening_cash(inputs, ledger)
    base = lambda ranges: [borrowing_base(inputs, every, last) for _, last in ranges]  # noqa: E731
    weekly = _roll(s, opening, rate, week_ranges, by_week, projected, receipt_rows, payment_rows, base(week_ranges))
    monthly = _roll(s, opening, rate, month_ranges, by_month, projected, receipt_rows, payment_rows, base(month_ranges))
    for periods, ranges in ((weekly, week_ranges), (monthly, month_ranges)):
        for p, actual in zip(periods, period_actuals(ledger, s.start, opening, ranges)):
            if actual.has_actuals:
                p.has_actuals, p.actual_flow, p.actual_closing = True, actual.flow, actual.closing
                p.variance = actual.flow - p.net_flow
    run = Run(scenario, weekly, monthly, items, list(receipt_rows), list(payment_rows), s.credit_limit, s.minimum_buffer,
              rate)
    run.vat_returns = vat_returns(inputs, [i for i in every if i.source != "vat"], first, end)
    # the look-ahead: weeks N+1 .. N+8, the same arithmetic continued from the closing cash of week N
    ahead = [(s.start + timedelta(days=7 * (k - 1)), s.start + timedelta(days=7 * k - 1))
             for k in range(n + 1, n + LOOKAHEAD_WEEKS + 1)]
    by_ahead: list[dict[tuple[str, int], Decimal]] = [{} for _ in ahead]
    for item in items:
        k = week_of(item.cash_date, s.start) - n
        if 1 <= k <= LOOKAHEAD_WEEKS and item.amount:
            key = (item.category, 1 if item.amount > 0 else -1)
            by_ahead[k - 1][key] = by_ahead[k - 1].get(key, ZERO) + item.amount
    run.lookahead = _roll(s, weekly[-1].closing_cash, rate, ahead, by_ahead, projected, receipt_rows, payment_rows,
                          base(ahead))
    for p in run.lookahead:
        p.index += n
    run.lookahead_items = sorted(
        (i for i in items if i.source in COMMITTED and i.amount < 0 and ahead[0][0] <= i.cash_date <= ahead[-1][1]),
        key=lambda i: i.cash_date)
    return run


def _sums(items: list[CashItem], attr: str, count: int) -> list[dict[tuple[str, int], Decimal]]:
    """Per period: (category, sign) -> sum of the items' amounts (SUMIFS by category, period, sign)."""
    sums: list[dict[tuple[str, int], Decimal]] = [{} for _ in range(count)]
    for item in items:
        index = getattr(item, attr)
        if index is None or not item.amount:
            continue
        key = (item.category, 1 if item.amount > 0 else -1)
        bucket = sums[index - 1]
        bucket[key] = bucket.get(key, ZERO) + item.amount
    return sums


#: the oldest receivable a borrowing base counts: invoiced at most this many days before the period's end
ELIGIBLE_DAYS = 90


def borrowing_base(inputs: Inputs, items: list[CashItem], last: date) -> Decimal | None:
    """``adv_r * eligible + adv_s * stock`` at the end of day ``last`` (None: no borrowing base agreed).

    eligible: the face amounts of the receivables and sales invoiced in ``[last - 90, last]`` whose
    (scenario) cash date is after ``last``; stock: company.toml's closing inventory (0 without it).
    """
    s = inputs.settings
    if s.advance_rate_receivables is None:
        return None
    oldest = last - timedelta(days=ELIGIBLE_DAYS)
    eligible = sum((i.face for i in items if i.face is not None and i.invoice_date is not None
                    and oldest <= i.invoice_date <= last < i.cash_date), ZERO)
    stock = inputs.financials.inventory if inputs.financials is not None else ZERO
    return s.advance_rate_receivables * eligible + s.advance_rate_stock * stock


def _roll(settings, opening, rate, ranges, sums, projected, receipt_rows, payment_rows, bases=None) -> list[Period]:
    """Opening -> flows -> facility -> closing, period after period (docs section 6)."""
    limit, buffer = settings.credit_limit, settings.minimum_buffer
    bases = bases or [None] * len(ranges)
    periods = []
    for index, ((first, last), flows, base) in enumerate(zip(ranges, sums, bases), start=1):
        days = (last - first).days + 1
        flows = dict(flows)
        for name, weekly in projected:
            if weekly:
                amount = weekly * days / 7  # a week: exactly the weekly amount
                key = (name, 1 if weekly > 0 else -1)
                flows[key] = flows.get(key, ZERO) + amount
        receipts = {c: flows.get((c, 1), ZERO) for c in receipt_rows}
        payments = {c: flows.get((c, -1), ZERO) for c in payment_rows}
        net = sum(receipts.values(), ZERO) + sum(payments.values(), ZERO)
        before = opening + net
        drawn = max(ZERO, -before)
        interest = drawn * rate * days / DAYS_PER_YEAR if drawn else ZERO
        basis = limit if settings.commitment_fee_basis == "limit" else max(ZERO, limit - drawn)
        fee = basis * settings.commitment_fee * days / DAYS_PER_YEAR if settings.commitment_fee else ZERO
        closing = before - interest - fee
        # the facility available: the limit, or less when the borrowing base is lower (MIN(L, MAX(0, base)))
        available = limit if base is None else min(limit, max(ZERO, base))
        periods.append(
            Period(index, first, last, opening, receipts, payments, net, before, drawn, interest, closing,
                   closing + available, closing < buffer, closing < -available, commitment_fee=fee,
                   borrowing_base=base, available=available)
        )  # fmt: skip
        opening = closing
    return periods


__all__ = ["CashItem", "Period", "Run", "expand", "categories", "forecast"]
