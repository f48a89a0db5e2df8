"""The forecast's inputs as small typed objects (docs/forecast-model.md section 1).

The readers (:mod:`~xlcapital.forecast.csvfiles`, :mod:`~xlcapital.forecast.tomlfile`) make them
from a company folder, :mod:`~xlcapital.forecast.folder` fills in what is learned; the engine only reads.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date
from decimal import Decimal
from pathlib import Path
from typing import Mapping

from xlcapital.bank.model import Statement
from xlcapital.forecast.payroll import Employee, PayrollSettings
from xlcapital.forecast.vat import VatSettings

ZERO = Decimal(0)

FREQUENCIES = ("weekly", "monthly", "quarterly", "yearly", "once")
#: the cash-flow statement's activities; the burn rate counts operating flows only (docs section 8)
OPERATING, INVESTING, FINANCING = "operating", "investing", "financing"
#: what the commitment fee (kredietprovisie) is charged on
FEE_BASES = ("limit", "undrawn")
ACTIVITIES = (OPERATING, INVESTING, FINANCING)
RISK_PROFILES = ("conservative", "moderate", "offensive")
MATCH_FIELDS = ("counterparty", "iban", "description")
#: the categories the engine gives its fixed sources (docs/forecast-model.md section 3)
RECEIVABLES, SALES, PAYABLES, ONE_OFF = "Receivables", "Sales", "Payables", "One-off"
#: the category of the purchases that follow the sales plan (docs section 3, "Cost drivers")
PURCHASES = "Purchases"


# --------------------------------------------------------------------------------------------
# The objects
# --------------------------------------------------------------------------------------------


@dataclass(frozen=True)
class Settings:
    """``[forecast]`` of forecast.toml, complete: learned values are filled in by :func:`~xlcapital.forecast.load`.

    ``sources`` says where a learned value came from: "given", "bank", "history", "dso", "default".
    Rates and the buffer are fractions / amounts as in the file (0.085 = 8.5 % a year).

    ``opening_balance`` is the bank balance at the end of ``balance_date`` (None: the day before
    ``start``, so it is the opening cash itself); the engine rolls it to the start with the bank
    transactions in between (:func:`xlcapital.forecast.actuals.opening_cash`). ``accounts`` are
    the company's own accounts whose transactions count (empty: every account).
    """

    start: date
    weeks: int = 13
    opening_balance: Decimal = ZERO
    balance_date: date | None = None
    accounts: tuple[str, ...] = ()
    credit_limit: Decimal = ZERO
    overdraft_rate: Decimal = ZERO
    #: kredietprovisie: a yearly fee on the limit ("limit", as Dutch banks charge it) or on its undrawn part
    commitment_fee: Decimal = ZERO
    commitment_fee_basis: str = "limit"
    #: the borrowing base (docs section 6): advance rates on the receivables up to 90 days old and on the
    #: stock (company.toml's inventory); None: no borrowing base, the whole limit is available
    advance_rate_receivables: Decimal | None = None
    advance_rate_stock: Decimal = ZERO
    minimum_buffer: Decimal = ZERO
    risk_profile: str = "moderate"
    history_weeks: int = 13
    default_payment_delay_days: int = 0
    currency: str = "EUR"
    sources: Mapping[str, str] = field(default_factory=dict, compare=False)


@dataclass(frozen=True)
class SalesPlan:
    """``[sales]``: a regular sales invoice ``amount`` per occurrence, scaled by the month's seasonality.

    ``amount`` 0 means no plan (sales.csv may still list expected invoices). ``collection_days``
    is the lag from invoice date to cash date for every new sale.
    """

    amount: Decimal = ZERO
    frequency: str = "monthly"
    day: int = 1
    month: int = 1
    collection_days: int = 30
    seasonality: tuple[Decimal, ...] = (Decimal(1),) * 12
    sources: Mapping[str, str] = field(default_factory=dict, compare=False)
    #: cost drivers (docs section 3): the gross margin on every sale (None: purchases are not derived
    #: from the sales), the days the goods are bought before the sale, the supplier's payment term
    gross_margin: Decimal | None = None
    stock_days: int = 0
    supplier_days: int = 30
    #: the collection curve of new sales (docs section 3): a second and third part of every sale paid
    #: ``collection_days_2`` / ``_3`` days after its invoice; the first part, ``1 - share_2 - share_3``,
    #: after ``collection_days``
    collection_days_2: int = 60
    collection_share_2: Decimal = ZERO
    collection_days_3: int = 90
    collection_share_3: Decimal = ZERO

    @property
    def collection_curve(self) -> tuple[tuple[int, Decimal], ...]:
        """(days after the invoice, share of the sale) per part of the curve, shares summing to 1."""
        first = 1 - self.collection_share_2 - self.collection_share_3
        return ((self.collection_days, first), (self.collection_days_2, self.collection_share_2),
                (self.collection_days_3, self.collection_share_3))


@dataclass(frozen=True)
class Receivable:
    """A sales invoice: open when ``paid_date`` is None."""

    customer: str
    invoice: str
    invoice_date: date
    due_date: date
    amount: Decimal
    paid_date: date | None = None
    #: the date the cash is expected, when known for this invoice (a promise to pay, a payment plan):
    #: it replaces due date + delay and the aging (the scenario's collection delay still applies)
    expected_date: date | None = None
    paid_source: str = ""
    line: int | None = None

    @property
    def open(self) -> bool:
        return self.paid_date is None


@dataclass(frozen=True)
class Payable:
    """An open purchase invoice; ``amount`` is what we owe (positive)."""

    supplier: str
    due_date: date
    amount: Decimal
    invoice: str = ""
    line: int | None = None


@dataclass(frozen=True)
class Customer:
    """A customer's expected payment delay in whole days after the due date, and where it came from."""

    name: str
    payment_delay_days: int
    source: str = "given"
    paid_invoices: int = 0


@dataclass(frozen=True)
class Recurring:
    """A recurring item (rent, salaries, VAT, loan ...): a signed ``amount`` per occurrence."""

    name: str
    category: str
    amount: Decimal
    frequency: str
    day: int = 1
    month: int = 1
    start: date | None = None
    end: date | None = None
    fixed: bool = False
    #: operating, investing or financing (loan repayments, dividends): the burn rate counts operating only
    activity: str = OPERATING
    #: interest on a variable-rate loan at this yearly rate: a scenario's interest change scales the
    #: amount by MAX(0, rate + change) / rate (None: a fixed amount)
    variable_rate: Decimal | None = None
    line: int | None = None
    #: a variable cost: the scenario's revenue change scales it like the sales (docs section 3)
    revenue_linked: bool = False


@dataclass(frozen=True)
class ExpectedSale:
    """An individually known sales invoice expected on ``date`` (sales.csv)."""

    date: date
    amount: Decimal
    description: str = ""
    line: int | None = None


@dataclass(frozen=True)
class Category:
    """One row of categories.csv: a rule that classifies bank transactions, and (optionally) the
    category's projection settings. None = the cell was empty."""

    name: str
    match: str
    pattern: str
    project: bool | None = None
    weekly_amount: Decimal | None = None
    revenue_linked: bool | None = None
    line: int | None = None


@dataclass(frozen=True)
class Projection:
    """A projected bank category: its weekly amount, added in every week (docs section 4).

    ``revenue_linked``: the scenario's revenue change scales it. ``source``: "given" or "history".
    """

    category: str
    weekly_amount: Decimal
    revenue_linked: bool
    source: str = "given"


@dataclass(frozen=True)
class OneOff:
    """A one-off item of a scenario: its date and signed amount."""

    date: date
    amount: Decimal
    category: str = ONE_OFF
    description: str = ""


@dataclass(frozen=True)
class Scenario:
    """A named set of adjustments (docs/forecast-model.md section 7).

    ``revenue_change`` and ``interest_rate_change`` are fractions (-0.15 = 15 % less revenue,
    0.02 = two percentage points more interest); the delays are whole days.
    """

    name: str = "plain"
    revenue_change: Decimal = ZERO
    collection_delay_days: int = 0
    payment_delay_days: int = 0
    interest_rate_change: Decimal = ZERO
    one_offs: tuple[OneOff, ...] = ()
    #: the largest customer (by open receivables, :func:`xlcapital.forecast.collections.largest_customer`)
    #: pays its open invoices this many days later still, and only this share of them (0: it defaults)
    largest_customer_delay_days: int = 0
    largest_customer_share: Decimal = Decimal(1)

    @property
    def revenue_factor(self) -> Decimal:
        return 1 + self.revenue_change


@dataclass(frozen=True)
class TriggerConfig:
    """An override from ``[triggers.<rule>]``; None keeps the risk profile's value."""

    warning: Decimal | None = None
    alert: Decimal | None = None
    owner: str | None = None
    enabled: bool = True
    #: the pre-agreed action when the trigger fires; None keeps the rule's default
    action: str | None = None


@dataclass(frozen=True)
class History:
    """``[history]``: month-end revenue and DSO, oldest first (the trend triggers).

    ``sources`` says per key ("months", "revenue", "dso") where the values came from: "given"
    (forecast.toml) or "receivables" (learned, :func:`xlcapital.forecast.learn.month_history`).
    """

    months: tuple[str, ...] = ()
    revenue: tuple[Decimal, ...] = ()
    dso: tuple[Decimal, ...] = ()
    sources: Mapping[str, str] = field(default_factory=dict, compare=False)


#: the aging buckets of overdue receivables: the most days overdue each holds (the last: any more)
AGING_BUCKETS = (30, 60, 90, None)


@dataclass(frozen=True)
class Collections:
    """``[collections]``: how overdue receivables are collected, per aging bucket (1-30, 31-60, 61-90,
    over 90 days overdue at the first day counted): ``days`` after that day the cash is expected, and
    the ``share`` expected to come in at all (the rest is the bad-debt allowance). docs section 3."""

    days: tuple[int, int, int, int] = (14, 28, 42, 56)
    share: tuple[Decimal, Decimal, Decimal, Decimal] = (Decimal(1), Decimal("0.9"), Decimal("0.75"), Decimal("0.5"))
    sources: Mapping[str, str] = field(default_factory=dict, compare=False)

    def bucket(self, days_overdue: int) -> int:
        """The bucket (0..3) of an invoice ``days_overdue`` days past its expected date."""
        return next(i for i, most in enumerate(AGING_BUCKETS) if most is None or days_overdue <= most)


@dataclass(frozen=True)
class Financials:
    """What the KPIs and the DSO-based defaults need from company.toml."""

    revenue: Decimal
    cogs: Decimal
    inventory: Decimal
    receivables_opening: Decimal
    receivables_closing: Decimal
    days: int
    #: for the bank's covenants (solvency, DSCR): closing equity and total assets, the period's BHK cash
    #: flow, interest and repayments (None: not known)
    equity: Decimal | None = None
    total_assets: Decimal | None = None
    bhk_cashflow: Decimal | None = None
    interest: Decimal | None = None
    repayments: Decimal | None = None

    @property
    def solvency(self) -> Decimal | None:
        """``equity / total assets`` (solvabiliteit)."""
        return self.equity / self.total_assets if self.equity is not None and self.total_assets else None

    @property
    def dscr(self) -> Decimal | None:
        """``BHK cash flow / (interest + repayments)``: the debt-service coverage banks test (seed 004)."""
        if self.bhk_cashflow is None or self.interest is None or self.repayments is None:
            return None
        service = self.interest + self.repayments
        return self.bhk_cashflow / service if service else None


@dataclass
class Inputs:
    """Everything the engine needs for one company, explicit (nothing left to learn)."""

    settings: Settings
    sales: SalesPlan = field(default_factory=SalesPlan)
    receivables: list[Receivable] = field(default_factory=list)
    payables: list[Payable] = field(default_factory=list)
    customers: list[Customer] = field(default_factory=list)
    recurring: list[Recurring] = field(default_factory=list)
    expected_sales: list[ExpectedSale] = field(default_factory=list)
    #: the rules of categories.csv (classification of the bank history)
    categories: list[Category] = field(default_factory=list)
    #: one per projected category, with its (learned) weekly amount
    projections: list[Projection] = field(default_factory=list)
    scenarios: list[Scenario] = field(default_factory=list)
    triggers: dict[str, TriggerConfig] = field(default_factory=dict)
    history: History = field(default_factory=History)
    collections: Collections = field(default_factory=Collections)
    #: ``[vat]``: the VAT returns (filing "none": off)
    vat: VatSettings = field(default_factory=VatSettings)
    #: payroll.csv (docs section 14) and ``[payroll]``: when it is paid
    payroll: list[Employee] = field(default_factory=list)
    payroll_settings: PayrollSettings = field(default_factory=PayrollSettings)
    financials: Financials | None = None
    #: where the inputs came from (a folder), for messages
    folder: Path | None = None
    #: the number of bank transactions learned from
    bank_transactions: int = 0
    #: the bank statements of the company's accounts: the actuals (docs section 12), and what
    #: the opening balance is rolled with
    bank: list[Statement] = field(default_factory=list)
    warnings: list[str] = field(default_factory=list)
    #: the company's name, shown in the CLI, JSON and the workbook (the folder's company.toml
    #: ``[company] name``; else the folder's name)
    company_name: str = ""

    @property
    def default_scenario(self) -> Scenario:
        """``base`` when forecast.toml defines it, else the plain forecast."""
        for s in self.scenarios:
            if s.name.casefold() == "base":
                return s
        return Scenario()

    def delay_of(self, customer: str) -> int:
        """The payment delay of ``customer``: from the customers table, else the default delay."""
        return self.delay_table().get(customer_key(customer), self.settings.default_payment_delay_days)

    def delay_table(self) -> dict[str, int]:
        return {customer_key(c.name): c.payment_delay_days for c in self.customers}

    def _file(self, name: str) -> str:
        return str(self.folder / name) if self.folder else name


def customer_key(name: str) -> str:
    """Customers are matched case-insensitively and trimmed, as Excel's MATCH does."""
    return name.strip().casefold()

