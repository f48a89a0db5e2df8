"""One declaration per input field: the company folder's files, the workbook's tables and Settings.

Every field of a CSV table and of forecast.toml is declared here once, as a :class:`Field`: its key
in the file, its header in the workbook (a table column, or the ``Settings_<Header>`` name), its
kind of value, its bounds or choices, its English label, its Dutch name and a help text. The CSV
and TOML readers parse with it, the workbook's input tables and Settings sheet are laid out from it
(:mod:`xlcapital.workbook.model`), and last month's workbook is read back with it. A new field is
one line here (and the object it fills).

>>> RECEIVABLES.required
('customer', 'invoice', 'invoice_date', 'due_date', 'amount')
>>> FORECAST["credit_limit"].parse("-5")
Traceback (most recent call last):
...
xlcapital.errors.InputError: credit_limit: -5 is below the minimum 0 (give 0 or more)
"""

from __future__ import annotations

from dataclasses import dataclass
from decimal import Decimal
from typing import Any, Iterator

from xlcapital.errors import InputError
from xlcapital.money import MAX_DIGITS
from xlcapital.forecast.types import (
    ACTIVITIES,
    FEE_BASES,
    FREQUENCIES,
    MATCH_FIELDS,
    ONE_OFF,
    OPERATING,
    RISK_PROFILES,
    Collections,
)
from xlcapital.forecast.vat import AMOUNTS, FILINGS, RATE_CODES
from xlcapital.forecast.values import (
    parse_accounts,
    parse_choice,
    parse_date,
    parse_fraction,
    parse_int,
    parse_money,
    parse_yes_no,
)

#: the kinds of value a field can hold (the workbook writes each with its own cell format)
KINDS = ("text", "money", "number", "fraction", "integer", "date", "choice", "yes_no", "accounts")
SALES_FREQUENCIES = FREQUENCIES[:4]
MONTHS = ("January", "February", "March", "April", "May", "June", "July", "August", "September", "October",
          "November", "December")


@dataclass(frozen=True)
class Field:
    """One input field.

    ``key`` is its name in the file (CSV column, TOML key); ``header`` its name in the workbook
    (table column header, or ``Settings_<header>``; None: not in the workbook). ``low``/``high``
    bound a number (inclusive), ``choices`` a choice. ``default`` is the value of an empty cell or
    a missing key (None: empty stays None, or a learned value fills it in). ``help_nl`` is the
    help in Dutch (keyword argument, after the bounds).
    """

    key: str
    header: str | None
    kind: str
    label: str
    nl: str
    help: str
    required: bool = False
    low: int | Decimal | None = None
    high: int | Decimal | None = None
    choices: tuple[str, ...] = ()
    default: Any = None
    #: the help text in Dutch (the Dutch workbook's Settings explanations and column comments)
    help_nl: str = ""

    def __post_init__(self) -> None:
        if self.kind not in KINDS:
            raise ValueError(f"{self.key}: unknown kind {self.kind!r}")

    @property
    def numeric(self) -> bool:
        return self.kind in ("money", "number", "fraction", "integer")

    def parse(self, value: object, *, field: str | None = None, decimal: str = ".") -> Any:
        """The value of this field from a TOML value or a CSV cell (``decimal``: the file's decimal mark)."""
        name = field or self.key
        kind = self.kind
        if kind == "text":
            return str(value).strip()
        if kind == "date":
            return parse_date(value, field=name)
        if kind == "choice":
            return parse_choice(value, self.choices, field=name)
        if kind == "yes_no":
            return parse_yes_no(value, field=name)
        if kind == "accounts":
            return parse_accounts(value, field=name)
        if kind == "integer":
            return parse_int(value, field=name, low=self.low, high=self.high)
        if isinstance(value, str) and decimal != ".":
            value = value.strip()
            percent = kind == "fraction" and value.endswith("%")
            number = parse_money_text(value[:-1] if percent else value, decimal, name)
            result = number / 100 if percent else number
        else:
            result = (parse_fraction if kind == "fraction" else parse_money)(value, field=name)
        if result.is_finite() and result != 0 and result.adjusted() >= MAX_DIGITS:
            raise InputError(f"{str(value).strip()} is too large for an amount", field=name,
                             hint=f"give at most {MAX_DIGITS} digits before the point")
        self.check_bounds(result, name)
        return result

    def check_bounds(self, value: Decimal, name: str) -> None:
        if self.low is not None and value < self.low:
            raise InputError(f"{value} is below the minimum {self.low}", field=name, hint=self._range())
        if self.high is not None and value > self.high:
            raise InputError(f"{value} is above the maximum {self.high}", field=name, hint=self._range())

    def _range(self) -> str:
        if self.high is None:
            return f"give {self.low} or more"
        if self.low is None:
            return f"give {self.high} or less"
        return f"give {self.low} to {self.high}"




def parse_money_text(text: str, decimal: str, field: str) -> Decimal:
    from xlcapital.money import parse_amount

    return parse_amount(text, decimal=decimal, field=field)


@dataclass(frozen=True)
class Table:
    """An input table: a CSV file of the company folder and the workbook's Excel Table of the same rows."""

    name: str
    file: str | None
    fields: tuple[Field, ...]

    def __getitem__(self, key: str) -> Field:
        for f in self.fields:
            if f.key == key:
                return f
        raise KeyError(key)

    def __iter__(self) -> Iterator[Field]:
        return iter(self.fields)

    @property
    def keys(self) -> tuple[str, ...]:
        return tuple(f.key for f in self.fields)

    @property
    def required(self) -> tuple[str, ...]:
        return tuple(f.key for f in self.fields if f.required)

    @property
    def optional(self) -> tuple[str, ...]:
        return tuple(f.key for f in self.fields if not f.required)


_DAYS = dict(low=-365, high=3650)

# --------------------------------------------------------------------------------------------
# forecast.toml
# --------------------------------------------------------------------------------------------

COMPANY = Table("company", None, (
    Field("name", "Company", "text", "Company", "Bedrijfsnaam",
          "The company this forecast is for (shown in the CLI, JSON and the workbook)."),
))

FORECAST = Table("forecast", None, (
    Field("start", "Start", "date", "First week starts (Monday)", "Eerste week begint (maandag)",
          "Monday of week 1. Week w runs from Start + 7(w-1), Monday, to Sunday six days later. "
          "Items due before it (overdue) are counted in week 1."),
    Field("weeks", "Weeks", "integer", "Weeks", "Aantal weken",
          "The number of weekly columns (generate a new workbook to change it).", low=1, high=104, default=13),
    Field("opening_balance", "BankBalance", "money", "Bank balance", "Banksaldo",
          "The balance of the company's accounts together at the end of the balance date (negative when the "
          "overdraft is in use). Type today's balance and today's date: the opening balance follows."),
    Field("balance_date", "BalanceDate", "date", "Balance date", "Saldodatum",
          "The day whose end-of-day balance the bank balance is. Empty: the day before week 1, so the bank "
          "balance is the opening balance itself."),
    Field("accounts", "Accounts", "accounts", "Accounts of the forecast", "Rekeningen",
          "The company's own accounts (IBANs, separated by commas) whose bank transactions count: for the "
          "opening balance and the actuals on Forecast. Empty: every account in the Bank table."),
    Field("credit_limit", "CreditLimit", "money", "Credit limit (overdraft facility)", "Kredietlimiet",
          "The overdraft facility (kredietplafond): how far the balance may go below zero.", low=0,
          default=Decimal(0)),
    Field("overdraft_rate", "OverdraftRate", "fraction", "Overdraft interest rate (per year)",
          "Rente rekening-courant (per jaar)",
          "Yearly interest on the drawn overdraft; a week costs drawn x rate x 7 / 365.", low=-1, high=1,
          default=Decimal(0)),
    Field("commitment_fee", "CommitmentFee", "fraction", "Commitment fee (kredietprovisie, per year)",
          "Kredietprovisie (per jaar)",
          "Yearly fee on the credit limit (or on its undrawn part, below); a week costs basis x fee x 7 / 365.",
          low=0, high=Decimal("0.1"), default=Decimal(0)),
    Field("commitment_fee_basis", "CommitmentFeeBasis", "choice", "Commitment fee on", "Kredietprovisie over",
          "limit: on the whole credit limit, as Dutch banks charge kredietprovisie; undrawn: on the limit minus "
          "the overdraft drawn.", choices=FEE_BASES, default="limit"),
    Field("advance_rate_receivables", "AdvanceRateReceivables", "fraction", "Borrowing base: advance rate on receivables",
          "Bevoorschottingspercentage debiteuren",
          "The share of the receivables up to 90 days old the bank lends on (often 70 %). Empty: no borrowing base, "
          "the whole credit limit is available.", low=0, high=1),
    Field("advance_rate_stock", "AdvanceRateStock", "fraction", "Borrowing base: advance rate on stock",
          "Bevoorschottingspercentage voorraad",
          "The share of the stock (Inventory below) the bank lends on (often 40-50 %).", low=0, high=1,
          default=Decimal(0)),
    Field("minimum_buffer", "MinimumBuffer", "money", "Minimum cash buffer", "Minimale kasbuffer",
          "The cash the company wants to keep at all times; weeks below it are flagged.", low=0,
          default=Decimal(0)),
    Field("risk_profile", "RiskProfile", "choice", "Risk profile", "Risicoprofiel",
          "conservative, moderate or offensive: sets the thresholds of the triggers on the Dashboard.",
          choices=RISK_PROFILES, default="moderate"),
    Field("history_weeks", None, "integer", "Weeks of bank history learned from", "Weken bankhistorie",
          "How many weeks before the start the projected bank categories are learned from.", low=1, high=260,
          default=13),
    Field("default_payment_delay_days", "DefaultPaymentDelayDays", "integer",
          "Default customer payment delay (days)", "Standaard betaalvertraging klanten (dagen)",
          "Days after the due date that a customer who is not in the Customers table pays.", **_DAYS),
    Field("currency", "Currency", "text", "Currency", "Valuta", "The currency of all amounts.", default="EUR"),
))

SALES_PLAN = Table("sales", None, (
    Field("amount", "SalesAmount", "money", "Sales plan: amount per invoice", "Verkoopplan: bedrag per factuur",
          "The regular sales invoiced per occurrence, before seasonality (0 or empty: no sales plan).", low=0,
          default=Decimal(0)),
    Field("frequency", "SalesFrequency", "choice", "Sales plan: frequency", "Verkoopplan: frequentie",
          "weekly, monthly, quarterly or yearly.", choices=SALES_FREQUENCIES, default="monthly"),
    Field("day", "SalesDay", "integer", "Sales plan: day", "Verkoopplan: dag",
          "weekly: 1 (Monday) .. 7 (Sunday); otherwise the day of the month 1..31 (a short month uses its last "
          "day).", low=1, high=31, default=1),
    Field("month", "SalesMonth", "integer", "Sales plan: anchor month", "Verkoopplan: ankermaand",
          "quarterly: a month of the cycle (1..12); yearly: the month. Ignored for weekly and monthly.",
          low=1, high=12, default=1),
    Field("collection_days", "SalesCollectionDays", "integer", "Sales collection days", "Incassotermijn verkopen",
          "Days from a sales invoice to its payment (sales plan and Sales table).", low=0, high=3650),
    Field("gross_margin", "GrossMargin", "fraction", "Gross margin on sales", "Brutomarge",
          "Purchases follow the sales: every sale (plan and Sales table) brings a purchase of sale x (1 - gross "
          "margin), moved by the scenario's revenue change. Empty: no purchases derived from the sales.",
          low=0, high=1),
    Field("stock_days", "StockDays", "integer", "Stock days (purchase before sale)", "Voorraaddagen",
          "Days between buying the goods and invoicing the sale. Purchases made before the first day counted are "
          "in Payables already and are not derived again.", low=0, high=3650, default=0),
    Field("supplier_days", "SupplierDays", "integer", "Supplier payment days", "Betaaltermijn leveranciers",
          "Days from a purchase to its payment (the supplier's term; 30 is the Dutch statutory default).",
          low=0, high=3650, default=30),
    # the collection curve of new sales (docs section 3): a second and a third part after their own days
    *(f for k, word, days in ((2, "second", 60), (3, "third", 90)) for f in (
        Field(f"collection_days_{k}", f"CollectionDays{k}", "integer", f"Collection curve: days of the {word} part",
              f"Incassocurve: dagen {'tweede' if k == 2 else 'derde'} deel",
              f"Days from a sales invoice to the payment of its {word} part.", low=0, high=3650, default=days),
        Field(f"collection_share_{k}", f"CollectionShare{k}", "fraction", f"Collection curve: share of the {word} part",
              f"Incassocurve: deel {'tweede' if k == 2 else 'derde'} termijn",
              f"The share of every new sale paid after the {word} part's days (0: none). The first part is "
              "1 - second - third, paid after the sales collection days.", low=0, high=1, default=Decimal(0)),
    )),
))

BUCKETS = (("1_30", "1to30", "1-30"), ("31_60", "31to60", "31-60"), ("61_90", "61to90", "61-90"),
            ("over_90", "Over90", "over 90"))
#: ``[collections]``: per aging bucket of overdue receivables, the days after the first day counted
#: the cash is expected and the share expected to come in (types.Collections has the defaults)
COLLECTIONS = Table("collections", None, tuple(
    f
    for key, header, label in BUCKETS
    for f in (
        Field(f"days_{key}", f"CollectDays{header}", "integer", f"Overdue {label} days: expected after (days)",
              f"Achterstand {label} dagen: verwacht na (dagen)",
              f"Receivables {label} days past their expected date at the first day counted are expected this many "
              "days after it.", low=0, high=3650),
        Field(f"share_{key}", f"CollectShare{header}", "fraction", f"Overdue {label} days: share collected",
              f"Achterstand {label} dagen: deel dat binnenkomt",
              f"The share of those receivables expected to be paid; the rest is the bad-debt allowance.", low=0,
              high=1),
    )
))



def collections_of(values: dict[str, Any], sources: dict[str, str] | None = None) -> Collections:
    """The aging buckets from :data:`COLLECTIONS` values by key (``days_1_30``, ``share_over_90``, ...):
    each given value over :class:`~xlcapital.forecast.types.Collections`' default (a missing key or
    None keeps the default). forecast.toml and last month's Settings sheet both read through this.

    >>> collections_of({"days_1_30": 7, "share_over_90": None}).days
    (7, 28, 42, 56)
    """
    default = Collections()
    keys = [key for key, _, _ in BUCKETS]

    def pick(prefix: str, defaults: tuple) -> tuple:
        return tuple(d if values.get(f"{prefix}_{k}") is None else values[f"{prefix}_{k}"] for k, d in zip(keys, defaults))

    return Collections(pick("days", default.days), pick("share", default.share), sources=sources or {})


#: ``[vat]``: the VAT returns (forecast/vat.py); filing "none" (the default) leaves today's folders as they were
VAT = Table("vat", None, (
    Field("filing", "VatFiling", "choice", "VAT filing period", "Aangiftetijdvak btw",
          "none (no VAT engine: VAT stays a recurring item of your own), monthly, quarterly or yearly. The balance "
          "of each return is paid (or refunded) on the last day of the month after the period.",
          choices=FILINGS, default="none",
          help_nl="none (geen btw-berekening: de btw blijft een eigen vaste post), monthly, quarterly of yearly (maand, "
                  "kwartaal of jaar). Het saldo van elke aangifte wordt betaald (of terugontvangen) op de laatste "
                  "dag van de maand na het tijdvak."),
    Field("amounts", "VatAmounts", "choice", "Sales plan amounts", "Bedragen verkoopplan",
          "incl: the sales plan and the Sales table include VAT (as customers pay them); excl: VAT is added. "
          "Invoices, bills, recurring items and bank amounts always include VAT.", choices=AMOUNTS, default="incl",
          help_nl="incl: het verkoopplan en de tabel Sales zijn inclusief btw (zoals klanten betalen); excl: de btw "
                  "komt erbij. Facturen, rekeningen, vaste posten en bankbedragen zijn altijd inclusief btw."),
    Field("sales_rate", "VatSalesRate", "choice", "VAT rate on sales", "Btw-tarief verkopen",
          "21, 9, 0, exempt or reverse (verlegd): the rate of the sales plan, the Sales table and receivables.csv.",
          choices=RATE_CODES, default="21",
          help_nl="21, 9, 0, exempt (vrijgesteld) of reverse (verlegd): het tarief van het verkoopplan, de tabel Sales "
                  "en receivables.csv."),
    Field("payables_rate", "VatPayablesRate", "choice", "VAT rate on open bills", "Btw-tarief openstaande facturen",
          "The rate of the bills in payables.csv (21, 9, 0, exempt or reverse).", choices=RATE_CODES, default="21",
          help_nl="Het tarief van de rekeningen in payables.csv (21, 9, 0, exempt of reverse)."),
    Field("carry_forward", "VatCarryForward", "yes_no", "Carry a VAT credit forward", "Btw-teruggave verrekenen",
          "no: a return with more input than output VAT is refunded on its due date; yes: the credit is set "
          "off against the next return.", default=False,
          help_nl="no: een aangifte met meer voorbelasting dan verschuldigde btw wordt op de vervaldag terugbetaald; "
                  "yes: het tegoed wordt verrekend met de volgende aangifte."),
    Field("last_return", "VatLastReturn", "money", "Last return (to pay)", "Laatste aangifte (te betalen)",
          "The balance of the return for the last period that ended before the start, as filed (positive: to "
          "pay, negative: refund). Empty: derived from receivables.csv, payables.csv and recurring.csv.",
          help_nl="Het saldo van de aangifte over het laatste tijdvak dat voor de start eindigde, zoals ingediend "
                  "(positief: te betalen, negatief: terug te ontvangen). Leeg: afgeleid uit de gegevens."),
))
#: ``[vat.rates]``: the rate code of a category of recurring items and one-offs (one key per category)
VAT_RATE = Field("rate", "Rate", "choice", "VAT rate of a category", "Btw-tarief categorie",
                 "21, 9, 0, exempt or reverse.", choices=RATE_CODES,
                 help_nl="21, 9, 0, exempt (vrijgesteld) of reverse (verlegd).")

#: ``[sales] seasonality``: twelve factors, one per month; in the workbook Season1 .. Season12
SEASONALITY = tuple(
    Field(f"seasonality[{m}]", f"Season{m}", "number", f"Seasonality {MONTHS[m - 1]}", f"Seizoensfactor {m}",
          f"Sales plan amounts invoiced in {MONTHS[m - 1]} are multiplied by this factor (1 = normal).",
          low=0, default=Decimal(1))
    for m in range(1, 13)
)

SCENARIOS = Table("ScenarioInputs", None, (
    Field("name", "Scenario", "text", "Scenario", "Scenario", "Name of the scenario; base is the default run.",
          required=True),
    Field("revenue_change", "RevenueChange", "fraction", "Revenue change", "Omzetwijziging",
          "-0.15 = 15% less revenue (sales plan and Sales, revenue-linked bank categories).", low=-1,
          default=Decimal(0)),
    Field("collection_delay_days", "CollectionDelayDays", "integer", "Collection delay (days)",
          "Extra betaaltermijn klanten (dagen)", "Customers pay this many days later (negative: earlier).",
          low=-365, high=365, default=0),
    Field("payment_delay_days", "PaymentDelayDays", "integer", "Payment delay (days)",
          "Extra betaaltermijn leveranciers (dagen)", "We pay suppliers this many days later (negative: earlier).",
          low=-365, high=365, default=0),
    Field("interest_rate_change", "InterestRateChange", "fraction", "Interest rate change", "Rentewijziging",
          "Added to the overdraft rate (0.01 = +1 point).", default=Decimal(0)),
))

ONE_OFFS = Table("OneOffs", None, (
    Field("scenario", "Scenario", "text", "Scenario", "Scenario", "The scenario this one-off item belongs to."),
    Field("date", "Date", "date", "Date", "Datum", "The date of the item.", required=True),
    Field("amount", "Amount", "money", "Amount", "Bedrag", "Signed: receipts positive, payments negative.",
          required=True),
    Field("category", "Category", "text", "Category", "Categorie", "The row it is shown on.", default=ONE_OFF),
    Field("description", "Description", "text", "Description", "Omschrijving", "What it is.", default=""),
))

# --------------------------------------------------------------------------------------------
# the CSV tables
# --------------------------------------------------------------------------------------------

RECEIVABLES = Table("Receivables", "receivables.csv", (
    Field("customer", "Customer", "text", "Customer", "Klant", "The customer's name.", required=True),
    Field("invoice", "Invoice", "text", "Invoice", "Factuurnummer", "The invoice number (unique).", required=True),
    Field("invoice_date", "InvoiceDate", "date", "Invoice date", "Factuurdatum", "The date of the invoice.",
          required=True),
    Field("due_date", "DueDate", "date", "Due date", "Vervaldatum", "The date payment is due.", required=True),
    Field("amount", "Amount", "money", "Amount", "Bedrag", "Amount outstanding; a credit note is negative.",
          required=True),
    Field("paid_date", "PaidDate", "date", "Paid date", "Betaaldatum",
          "Fill in when the invoice is paid: it is then no longer forecast."),
    Field("expected_date", "ExpectedOn", "date", "Expected on", "Verwacht op",
          "When you know when this invoice will be paid (a promise, a payment plan): that date, in full. Empty: "
          "due date + the customer's delay, aged when overdue."),
))

PAYABLES = Table("Payables", "payables.csv", (
    Field("supplier", "Supplier", "text", "Supplier", "Leverancier", "The supplier's name.", required=True),
    Field("invoice", "Invoice", "text", "Invoice", "Factuurnummer", "The supplier's invoice number.", default=""),
    Field("due_date", "DueDate", "date", "Due date", "Vervaldatum", "The date we pay.", required=True),
    Field("amount", "Amount", "money", "Amount", "Bedrag", "Amount we owe, positive (a credit note is negative).",
          required=True),
))

CUSTOMERS = Table("Customers", "customers.csv", (
    Field("customer", "Customer", "text", "Customer", "Klant",
          "The customer's name exactly as in Receivables (case is ignored).", required=True),
    Field("payment_delay_days", "PaymentDelayDays", "integer", "Payment delay (days)", "Betaalvertraging (dagen)",
          "Days after the due date this customer pays (negative: early). Learned from paid invoices where "
          "possible; change it when you know better.", **_DAYS),
))

RECURRING = Table("Recurring", "recurring.csv", (
    Field("name", "Name", "text", "Name", "Naam", "What the item is (rent, salaries, a loan ...).", required=True),
    Field("category", "Category", "text", "Category", "Categorie", "The forecast row it is shown on.",
          required=True),
    Field("amount", "Amount", "money", "Amount", "Bedrag", "Per occurrence, signed: costs negative, income positive.",
          required=True),
    Field("frequency", "Frequency", "choice", "Frequency", "Frequentie", "weekly, monthly, quarterly, yearly or once.",
          required=True, choices=FREQUENCIES),
    Field("day", "Day", "integer", "Day", "Dag", "weekly: 1 (Monday) .. 7 (Sunday); otherwise day of the month "
          "1..31 (a short month uses its last day). Empty: 1.", low=1, high=31, default=1),
    Field("month", "Month", "integer", "Month", "Maand",
          "quarterly: a month of the cycle (1..12); yearly: the month. Empty: 1.", low=1, high=12, default=1),
    Field("start", "Start", "date", "Start", "Begin", "First date an occurrence may fall on (once: the date itself)."),
    Field("end", "End", "date", "End", "Einde", "Last date an occurrence may fall on; empty: no end."),
    Field("fixed", "Fixed", "yes_no", "Fixed", "Vast",
          "yes: a fixed cost (the cash-buffer trigger counts it). Empty: yes for a payment that is not "
          "revenue-linked, no for a receipt."),
    Field("activity", "Activity", "choice", "Activity", "Soort kasstroom",
          "operating (empty), investing (a machine, a van) or financing (loan repayments, dividends, capital): "
          "the burn rate and the runway count operating flows only.", choices=ACTIVITIES, default=OPERATING),
    Field("variable_rate", "VariableRate", "fraction", "Variable rate", "Variabele rente",
          "For the interest of a variable-rate loan: its current yearly rate (e.g. 5.2%). A scenario's interest "
          "change scales the amount by (rate + change) / rate. Empty: a fixed amount.", low=Decimal("0.0001"),
          high=1),
    Field("revenue_linked", "RevenueLinked", "yes_no", "Revenue-linked", "Omzetafhankelijk",
          "yes: a variable cost (or income) that moves with revenue: the scenario's revenue change scales it. "
          "Empty: no (a fixed amount).", default=False),
))

EXPECTED_SALES = Table("Sales", "sales.csv", (
    Field("date", "Date", "date", "Date", "Factuurdatum", "Expected invoice date.", required=True),
    Field("amount", "Amount", "money", "Amount", "Bedrag", "Invoice amount before the scenario's revenue change.",
          required=True),
    Field("description", "Description", "text", "Description", "Omschrijving", "What is sold.", default=""),
))

CATEGORIES = Table("Categories", "categories.csv", (
    Field("category", "Category", "text", "Category", "Categorie", "The category a matching transaction gets.",
          required=True),
    Field("match", "Match", "choice", "Match", "Zoek in",
          "Which field of a bank transaction the pattern tests: counterparty, iban or description.", required=True,
          choices=MATCH_FIELDS),
    Field("pattern", "Pattern", "text", "Pattern", "Patroon",
          "counterparty/description: text it contains (case ignored); iban: the IBAN (spaces ignored).",
          required=True),
    Field("project", None, "yes_no", "Project", "Projecteren",
          "yes: the category's typical weekly flow is added to every forecast week."),
    Field("weekly_amount", None, "money", "Weekly amount", "Weekbedrag",
          "The signed weekly amount projected (empty: learned from the bank history)."),
    Field("revenue_linked", None, "yes_no", "Revenue-linked", "Omzetgebonden",
          "yes: scaled by the scenario's revenue change."),
))

#: every CSV table of a company folder, by file name
CSV_TABLES = {t.file: t for t in (RECEIVABLES, PAYABLES, CUSTOMERS, RECURRING, EXPECTED_SALES, CATEGORIES)}
#: every setting of the workbook's Settings sheet that is a forecast.toml field, by workbook header
SETTINGS = {f.header: f for f in (*COMPANY, *FORECAST, *SALES_PLAN, *SEASONALITY, *COLLECTIONS) if f.header}


__all__ = ["Field", "Table", "KINDS", "COMPANY", "FORECAST", "SALES_PLAN", "SEASONALITY", "SCENARIOS", "ONE_OFFS",
           "COLLECTIONS", "VAT", "VAT_RATE", "RECEIVABLES", "PAYABLES", "CUSTOMERS", "RECURRING", "EXPECTED_SALES", "CATEGORIES", "CSV_TABLES",
           "SETTINGS", "SALES_FREQUENCIES", "MONTHS"]
