"""The forecast's inputs: small typed objects, and the readers of a company folder's files.

The readers validate and normalise once (docs/forecast-model.md section 1); the engine never
parses. Every problem in a file is an :class:`~xlcapital.errors.InputError` naming the file, the
line and the column.

>>> parse_fraction("-15%", field="revenue_change")
Decimal('-0.15')
>>> parse_yes_no("Ja", field="project")
True
"""

from __future__ import annotations

import csv
import io
import re
from dataclasses import dataclass, field
from datetime import date
from decimal import Decimal
from pathlib import Path
from typing import Callable, Iterator, Mapping

from xlcapital.bank.model import Statement
from xlcapital.errors import InputError
from xlcapital.fileio import read_text, read_toml
from xlcapital.money import parse_amount, to_decimal

ZERO = Decimal(0)

FREQUENCIES = ("weekly", "monthly", "quarterly", "yearly", "once")
RISK_PROFILES = ("conservative", "moderate", "offensive")
MATCH_FIELDS = ("counterparty", "iban", "description")
#: the categories the engine gives its fixed sources (docs/forecast-model.md section 3)
RECEIVABLES, SALES, PAYABLES, ONE_OFF = "Receivables", "Sales", "Payables", "One-off"


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


@dataclass(frozen=True)
class Receivable:
    """A sales invoice: open when ``paid_date`` is None."""

    customer: str
    invoice: str
    invoice_date: date
    due_date: date
    amount: Decimal
    paid_date: date | None = None
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
    line: int | None = None


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


@dataclass(frozen=True)
class Financials:
    """What the KPIs and the DSO-based defaults need from company.toml."""

    revenue: Decimal
    cogs: Decimal
    inventory: Decimal
    receivables_opening: Decimal
    receivables_closing: Decimal
    days: int


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

    def scenario(self, name: str | None) -> Scenario:
        """The scenario called ``name`` (case-insensitive); None is the plain forecast."""
        if name is None:
            return Scenario()
        for s in self.scenarios:
            if s.name.casefold() == name.strip().casefold():
                return s
        known = ", ".join(s.name for s in self.scenarios) or "none defined"
        raise InputError(f"unknown scenario {name!r}", file=self._file("forecast.toml"), hint=f"known: {known}")

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


# --------------------------------------------------------------------------------------------
# Values
# --------------------------------------------------------------------------------------------

_DATE = re.compile(r"\d{4}-\d{2}-\d{2}")
_YES = {"yes", "y", "true", "1", "ja", "j"}
_NO = {"no", "n", "false", "0", "nee", ""}


def parse_date(value: object, *, field: str | None = None) -> date:
    """A date from TOML (already a date) or text ``YYYY-MM-DD``.

    >>> parse_date("2026-04-06")
    datetime.date(2026, 4, 6)
    """
    if isinstance(value, date) and not hasattr(value, "hour"):
        return value
    text = str(value).strip()
    if _DATE.fullmatch(text):
        try:
            return date.fromisoformat(text)
        except ValueError:
            pass
    raise InputError(f"not a date: {value!r}", field=field, hint="write dates as YYYY-MM-DD")


def parse_int(value: object, *, field: str | None = None, low: int | None = None, high: int | None = None) -> int:
    """A whole number (of days, weeks, a day of the month), within ``[low, high]``."""
    if isinstance(value, bool):
        raise InputError(f"not a whole number: {value!r}", field=field)
    try:
        d = value if isinstance(value, (int, Decimal)) else Decimal(str(value).strip())
        if d != int(d):
            raise ValueError
        n = int(d)
    except (ArithmeticError, ValueError):
        raise InputError(f"not a whole number: {value!r}", field=field) from None
    if (low is not None and n < low) or (high is not None and n > high):
        raise InputError(f"{n} is out of range", field=field, hint=f"use {low} to {high}")
    return n


def parse_money(value: object, *, field: str | None = None) -> Decimal:
    """An amount: exact Decimal from a TOML number or text with a decimal point."""
    if isinstance(value, str):
        return parse_amount(value, decimal=".", field=field)
    return to_decimal(value, field=field)


def parse_fraction(value: object, *, field: str | None = None) -> Decimal:
    """A fraction: a number (0.085) or text with a percent sign ("8.5%")."""
    if isinstance(value, str) and value.strip().endswith("%"):
        return parse_money(value.strip()[:-1], field=field) / 100
    return parse_money(value, field=field)


def account_key(account: str) -> str:
    """An account as compared: spaces left out, upper case (``NL91 ingb ...`` is ``NL91INGB...``).

    >>> account_key(" nl91 ingb 0001 2345 67")
    'NL91INGB0001234567'
    """
    return account.replace(" ", "").strip().upper()


def parse_accounts(value: object, *, field: str | None = None) -> tuple[str, ...]:
    """``accounts``: a list of account numbers (IBANs), each as :func:`account_key`; none empty,
    none with a comma (the workbook keeps them as one comma-separated text)."""
    if isinstance(value, str):
        value = [value]
    if not isinstance(value, list):
        raise InputError(f"not a list of accounts: {value!r}", field=field, hint='write accounts = ["NL91INGB0001234567"]')
    result = []
    for item in value:
        key = account_key(str(item))
        if not key or "," in key:
            raise InputError(f"not an account number: {item!r}", field=field, hint="one IBAN per list item")
        if key not in result:
            result.append(key)
    return tuple(result)


def parse_yes_no(value: object, *, field: str | None = None) -> bool:
    if isinstance(value, bool):
        return value
    text = str(value).strip().casefold()
    if text in _YES:
        return True
    if text in _NO:
        return False
    raise InputError(f"not yes or no: {value!r}", field=field)


def parse_choice(value: object, choices: tuple[str, ...], *, field: str | None = None) -> str:
    text = str(value).strip().casefold()
    if text not in choices:
        raise InputError(f"{value!r} is not one of {', '.join(choices)}", field=field)
    return text


# --------------------------------------------------------------------------------------------
# CSV files
# --------------------------------------------------------------------------------------------


@dataclass(frozen=True)
class Row:
    """One CSV record: its cells by (normalised) column name, its line, its file (for messages)."""

    cells: Mapping[str, str]
    line: int
    file: str

    def get(self, column: str) -> str:
        return (self.cells.get(column) or "").strip()

    def value(self, column: str, parse: Callable, *, default=None, **kwargs):
        """Parse one cell; an empty cell gives ``default``; a bad one an error naming file, line and column."""
        text = self.get(column)
        if text == "":
            if default is _REQUIRED:
                raise InputError("a value is required", file=self.file, line=self.line, field=column)
            return default
        try:
            return parse(text, field=column, **kwargs)
        except InputError as exc:
            raise exc.with_location(file=self.file, line=self.line) from None


_REQUIRED = object()
REQUIRED = _REQUIRED


def read_csv(path: Path, required: tuple[str, ...], optional: tuple[str, ...] = ()) -> Iterator[Row]:
    """The records of a CSV file with a header row, checking the columns (docs section 1)."""
    name = str(path)
    text = read_text(path)
    reader = csv.reader(io.StringIO(text, newline=""))
    try:
        header = next(reader, None)
        if header is None:
            raise InputError("the file is empty", file=name, hint=f"the first line names the columns: {', '.join(required)}")
        columns = [h.strip().casefold() for h in header]
        known = set(required) | set(optional)
        for i, column in enumerate(columns):
            if column not in known:
                raise InputError(
                    f"unknown column {header[i].strip()!r}", file=name, line=1, hint=f"known: {', '.join((*required, *optional))}"
                )
            if columns.index(column) != i:
                raise InputError(f"column {column!r} appears twice", file=name, line=1)
        missing = [c for c in required if c not in columns]
        if missing:
            raise InputError(f"missing column {', '.join(missing)}", file=name, line=1)
        for cells in reader:
            if not any(c.strip() for c in cells):
                continue
            if len(cells) > len(columns):
                raise InputError(
                    f"{len(cells)} cells but the header names {len(columns)} columns", file=name, line=reader.line_num
                )
            yield Row(dict(zip(columns, cells)), reader.line_num, name)
    except csv.Error as exc:
        raise InputError(f"not a readable CSV file: {exc}", file=name, line=reader.line_num) from None


def read_receivables(path: Path) -> list[Receivable]:
    result, seen = [], {}
    for row in read_csv(path, ("customer", "invoice", "invoice_date", "due_date", "amount"), ("paid_date",)):
        r = Receivable(
            customer=row.value("customer", _text, default=REQUIRED),
            invoice=row.value("invoice", _text, default=REQUIRED),
            invoice_date=row.value("invoice_date", parse_date, default=REQUIRED),
            due_date=row.value("due_date", parse_date, default=REQUIRED),
            amount=row.value("amount", parse_money, default=REQUIRED),
            paid_date=row.value("paid_date", parse_date),
            line=row.line,
        )
        r = r if r.paid_date is None else _replace(r, paid_source="given")
        if r.due_date < r.invoice_date:
            raise InputError("due_date is before invoice_date", file=row.file, line=row.line, field="due_date")
        if r.invoice.casefold() in seen:
            raise InputError(
                f"invoice {r.invoice!r} also on line {seen[r.invoice.casefold()]}", file=row.file, line=row.line, field="invoice"
            )
        seen[r.invoice.casefold()] = row.line
        result.append(r)
    return result


def read_payables(path: Path) -> list[Payable]:
    return [
        Payable(
            supplier=row.value("supplier", _text, default=REQUIRED),
            invoice=row.get("invoice"),
            due_date=row.value("due_date", parse_date, default=REQUIRED),
            amount=row.value("amount", parse_money, default=REQUIRED),
            line=row.line,
        )
        for row in read_csv(path, ("supplier", "due_date", "amount"), ("invoice",))
    ]


def read_customers(path: Path) -> list[tuple[str, int | None, int]]:
    """(name, delay or None when to be learned, line) per row."""
    result, seen = [], {}
    for row in read_csv(path, ("customer",), ("payment_delay_days",)):
        name = row.value("customer", _text, default=REQUIRED)
        if customer_key(name) in seen:
            raise InputError(f"customer {name!r} also on line {seen[customer_key(name)]}", file=row.file, line=row.line, field="customer")
        seen[customer_key(name)] = row.line
        result.append((name, row.value("payment_delay_days", parse_int, low=-365, high=3650), row.line))
    return result


def read_recurring(path: Path) -> list[Recurring]:
    result = []
    for row in read_csv(path, ("name", "category", "amount", "frequency"), ("day", "month", "start", "end", "fixed")):
        frequency = row.value("frequency", parse_choice, default=REQUIRED, choices=FREQUENCIES)
        amount = row.value("amount", parse_money, default=REQUIRED)
        item = Recurring(
            name=row.value("name", _text, default=REQUIRED),
            category=row.value("category", _text, default=REQUIRED),
            amount=amount,
            frequency=frequency,
            day=row.value("day", parse_int, default=1, low=1, high=7 if frequency == "weekly" else 31),
            month=row.value("month", parse_int, default=1, low=1, high=12),
            start=row.value("start", parse_date),
            end=row.value("end", parse_date),
            fixed=row.value("fixed", parse_yes_no, default=amount < 0),
            line=row.line,
        )
        if frequency == "once" and item.start is None:
            raise InputError("a 'once' item needs its date in start", file=row.file, line=row.line, field="start")
        if item.start and item.end and item.end < item.start:
            raise InputError("end is before start", file=row.file, line=row.line, field="end")
        result.append(item)
    return result


def read_expected_sales(path: Path) -> list[ExpectedSale]:
    return [
        ExpectedSale(
            date=row.value("date", parse_date, default=REQUIRED),
            amount=row.value("amount", parse_money, default=REQUIRED),
            description=row.get("description"),
            line=row.line,
        )
        for row in read_csv(path, ("date", "amount"), ("description",))
    ]


def read_categories(path: Path) -> list[Category]:
    """The rules, in file order. A category's project, weekly_amount and revenue_linked may be
    written on any of its rows; two rows of one category that give different values are an error."""
    result: list[Category] = []
    given: dict[str, dict[str, tuple[object, int]]] = {}
    for row in read_csv(path, ("category", "match", "pattern"), ("project", "weekly_amount", "revenue_linked")):
        rule = Category(
            name=row.value("category", _text, default=REQUIRED),
            match=row.value("match", parse_choice, default=REQUIRED, choices=MATCH_FIELDS),
            pattern=row.value("pattern", _text, default=REQUIRED),
            project=row.value("project", parse_yes_no),
            weekly_amount=row.value("weekly_amount", parse_money),
            revenue_linked=row.value("revenue_linked", parse_yes_no),
            line=row.line,
        )
        seen = given.setdefault(rule.name.casefold(), {})
        for column in ("project", "weekly_amount", "revenue_linked"):
            value = getattr(rule, column)
            if value is None:
                continue
            if column in seen and seen[column][0] != value:
                raise InputError(
                    f"{rule.name!r} has {column} {seen[column][0]} on line {seen[column][1]}",
                    file=row.file, line=row.line, field=column, hint="give a category's value once, or the same on every row",
                )  # fmt: skip
            seen[column] = (value, row.line)
        result.append(rule)
    return result


def _text(value: str, *, field: str | None = None) -> str:
    return value.strip()


def _replace(obj, **changes):
    from dataclasses import replace

    return replace(obj, **changes)


# --------------------------------------------------------------------------------------------
# forecast.toml
# --------------------------------------------------------------------------------------------

_FORECAST_KEYS = {
    "start", "weeks", "opening_balance", "credit_limit", "overdraft_rate", "minimum_buffer", "risk_profile",
    "history_weeks", "default_payment_delay_days", "currency", "balance_date", "accounts",
}  # fmt: skip
_SALES_KEYS = {"amount", "frequency", "day", "month", "collection_days", "seasonality"}
_SCENARIO_KEYS = {"name", "revenue_change", "collection_delay_days", "payment_delay_days", "interest_rate_change", "one_off"}
_ONE_OFF_KEYS = {"date", "amount", "category", "description"}
_TRIGGER_KEYS = {"warning", "alert", "owner", "enabled"}
_HISTORY_KEYS = {"months", "revenue", "dso"}
TRIGGER_RULES = ("free_cash", "cash_buffer", "credit_limit", "dso_trend", "revenue_drop")


@dataclass
class ForecastFile:
    """forecast.toml as read: the given values (None where to be learned)."""

    forecast: dict
    sales: dict
    scenarios: list[Scenario]
    triggers: dict[str, TriggerConfig]
    history: History


def read_forecast_toml(path: Path) -> ForecastFile:
    """Read and check forecast.toml; values not given stay absent (learned later)."""
    name = str(path)
    data = read_toml(path)
    _known(data, {"forecast", "sales", "scenarios", "triggers", "history"}, name, "")
    where = _Where(name)
    fc = _section(data, "forecast", _FORECAST_KEYS, where)
    given: dict = {}
    conv = {
        "start": parse_date,
        "weeks": lambda v, field: parse_int(v, field=field, low=1, high=104),
        "opening_balance": parse_money,
        "credit_limit": _non_negative(parse_money),
        "overdraft_rate": parse_fraction,
        "minimum_buffer": _non_negative(parse_money),
        "risk_profile": lambda v, field: parse_choice(v, RISK_PROFILES, field=field),
        "history_weeks": lambda v, field: parse_int(v, field=field, low=1, high=260),
        "default_payment_delay_days": lambda v, field: parse_int(v, field=field, low=-365, high=3650),
        "currency": lambda v, field: str(v).strip().upper(),
        "balance_date": parse_date,
        "accounts": parse_accounts,
    }
    for key, value in fc.items():
        given[key] = where.parse(conv[key], value, f"forecast.{key}")
    if "balance_date" in given and "opening_balance" not in given:
        raise InputError("balance_date without opening_balance", file=name, field="forecast.balance_date",
                         hint="balance_date is the day whose closing balance opening_balance is: give both")
    if "start" in given and given["start"].weekday() != 0:
        raise InputError(
            f"start {given['start']} is a {given['start']:%A}", file=name, field="forecast.start", hint="weeks run Monday to Sunday: give a Monday"
        )

    sales_raw = _section(data, "sales", _SALES_KEYS, where)
    sales: dict = {}
    for key, value in sales_raw.items():
        f = f"sales.{key}"
        if key == "amount":
            sales[key] = where.parse(_non_negative(parse_money), value, f)
        elif key == "frequency":
            sales[key] = where.parse(lambda v, field: parse_choice(v, FREQUENCIES[:4], field=field), value, f)
        elif key in ("day", "month"):
            sales[key] = where.parse(lambda v, field: parse_int(v, field=field, low=1, high=31 if key == "day" else 12), value, f)
        elif key == "collection_days":
            sales[key] = where.parse(lambda v, field: parse_int(v, field=field, low=0, high=3650), value, f)
        elif key == "seasonality":
            if not isinstance(value, list) or len(value) != 12:
                raise InputError("seasonality needs 12 factors, January to December", file=name, field=f)
            sales[key] = tuple(where.parse(_non_negative(parse_money), v, f"{f}[{i + 1}]") for i, v in enumerate(value))
    if sales.get("frequency", "monthly") == "weekly" and sales.get("day", 1) > 7:
        raise InputError("a weekly plan's day is 1 (Monday) to 7 (Sunday)", file=name, field="sales.day")

    scenarios = []
    raw_scenarios = data.get("scenarios", [])
    if not isinstance(raw_scenarios, list):
        raise InputError("write scenarios as [[scenarios]] tables", file=name, field="scenarios")
    for i, raw in enumerate(raw_scenarios):
        scenarios.append(_scenario(raw, i, where))
    names = [s.name.casefold() for s in scenarios]
    for n in names:
        if names.count(n) > 1:
            raise InputError(f"two scenarios are called {n!r}", file=name, field="scenarios")

    triggers = {}
    raw_triggers = data.get("triggers", {})
    if not isinstance(raw_triggers, dict):
        raise InputError("write [triggers.<rule>] tables", file=name, field="triggers")
    _known(raw_triggers, set(TRIGGER_RULES), name, "triggers")
    for rule, raw in raw_triggers.items():
        t = _section(raw_triggers, rule, _TRIGGER_KEYS, where, prefix="triggers.")
        triggers[rule] = TriggerConfig(
            warning=where.parse(parse_fraction, t["warning"], f"triggers.{rule}.warning") if "warning" in t else None,
            alert=where.parse(parse_fraction, t["alert"], f"triggers.{rule}.alert") if "alert" in t else None,
            owner=str(t["owner"]).strip() if "owner" in t else None,
            enabled=where.parse(parse_yes_no, t.get("enabled", True), f"triggers.{rule}.enabled"),
        )

    h = _section(data, "history", _HISTORY_KEYS, where)
    history = History(
        months=tuple(str(m) for m in h.get("months", ())),
        revenue=tuple(where.parse(parse_money, v, f"history.revenue[{i + 1}]") for i, v in enumerate(h.get("revenue", ()))),
        dso=tuple(where.parse(parse_money, v, f"history.dso[{i + 1}]") for i, v in enumerate(h.get("dso", ()))),
        sources={key: "given" for key in _HISTORY_KEYS if h.get(key)},
    )
    for key in ("revenue", "dso"):
        values = getattr(history, key)
        if history.months and values and len(values) != len(history.months):
            raise InputError(f"{len(values)} {key} values for {len(history.months)} months", file=name, field=f"history.{key}")
    return ForecastFile(given, sales, scenarios, triggers, history)


def _scenario(raw: object, index: int, where: "_Where") -> Scenario:
    if not isinstance(raw, dict):
        raise InputError("a scenario must be a table", file=where.file, field=f"scenarios[{index + 1}]")
    _known(raw, _SCENARIO_KEYS, where.file, f"scenarios[{index + 1}]")
    if "name" not in raw or not str(raw["name"]).strip():
        raise InputError("a scenario needs a name", file=where.file, field=f"scenarios[{index + 1}].name")
    label = f"scenarios.{str(raw['name']).strip()}"
    one_offs = []
    for j, item in enumerate(raw.get("one_off", [])):
        if not isinstance(item, dict):
            raise InputError("write one-off items as [[scenarios.one_off]] tables", file=where.file, field=f"{label}.one_off")
        _known(item, _ONE_OFF_KEYS, where.file, f"{label}.one_off[{j + 1}]")
        for key in ("date", "amount"):
            if key not in item:
                raise InputError(f"a one-off item needs {key}", file=where.file, field=f"{label}.one_off[{j + 1}]")
        one_offs.append(
            OneOff(
                date=where.parse(parse_date, item["date"], f"{label}.one_off[{j + 1}].date"),
                amount=where.parse(parse_money, item["amount"], f"{label}.one_off[{j + 1}].amount"),
                category=str(item.get("category", ONE_OFF)).strip() or ONE_OFF,
                description=str(item.get("description", "")).strip(),
            )
        )
    days = lambda v, field: parse_int(v, field=field, low=-365, high=365)  # noqa: E731
    return Scenario(
        name=str(raw["name"]).strip(),
        revenue_change=where.parse(_at_least_minus_one, raw.get("revenue_change", 0), f"{label}.revenue_change"),
        collection_delay_days=where.parse(days, raw.get("collection_delay_days", 0), f"{label}.collection_delay_days"),
        payment_delay_days=where.parse(days, raw.get("payment_delay_days", 0), f"{label}.payment_delay_days"),
        interest_rate_change=where.parse(parse_fraction, raw.get("interest_rate_change", 0), f"{label}.interest_rate_change"),
        one_offs=tuple(one_offs),
    )


def _at_least_minus_one(value, field=None):
    v = parse_fraction(value, field=field)
    if v < -1:
        raise InputError(f"{v} is less than -100 %", field=field)
    return v


def _non_negative(parse):
    def inner(value, field=None):
        v = parse(value, field=field)
        if v < 0:
            raise InputError(f"{v} is negative", field=field)
        return v

    return inner


@dataclass(frozen=True)
class _Where:
    file: str

    def parse(self, parse, value, field_name):
        try:
            return parse(value, field=field_name)
        except InputError as exc:
            raise exc.with_location(file=self.file, field=field_name) from None


def _section(data: dict, key: str, keys: set[str], where: _Where, prefix: str = "") -> dict:
    value = data.get(key, {})
    if not isinstance(value, dict):
        raise InputError(f"[{prefix}{key}] must be a table", file=where.file, field=f"{prefix}{key}")
    _known(value, keys, where.file, f"{prefix}{key}")
    return value


def _known(table: dict, keys: set[str], file: str, where: str) -> None:
    for key in table:
        if key not in keys:
            raise InputError(
                f"unknown key {key!r}", file=file, field=f"{where}.{key}" if where else key, hint=f"known: {', '.join(sorted(keys))}"
            )
