"""Balance sheet, income statement and the indirect-method cash-flow statement (seed 004).

The inputs are three small typed objects plus the facts a balance sheet cannot show:

* :class:`BalanceSheet` (opening and closing), :class:`IncomeStatement` (the period between),
  :class:`CashflowFacts` (investments, disposals, new loans, repayments, share issues, dividends).
* Every amount is an exact :class:`~decimal.Decimal`; the constructors accept ints, Decimals,
  floats (through their shortest repr) and text with a decimal point, and refuse anything else
  naming the field. Absent amounts are 0.

:func:`cashflow_indirect` turns them into a :class:`CashflowStatement` of labelled lines. The
amount of every line is its **effect on cash**: an increase in receivables is a negative line,
interest paid is negative, a new loan positive.

Sign conventions of the inputs (all amounts positive in the normal case):

* ``income.interest`` and ``income.tax`` are the P&L *charges* (a cost is positive).
  Interest and tax **paid** = charge - increase in ``interest_payable`` / ``tax_payable``.
* ``income.extraordinary`` is signed: a gain positive, a loss negative; it is taken as cash.
  A book gain or loss on a disposal belongs here, with ``cashflow.disposals`` at book value.
* ``income.provisions_released`` are withdrawals from provisions (used or released):
  provisions closing = opening + added - released.
* ``income.retained_participations`` is retained profit of non-consolidated participations:
  part of earnings after tax, no cash, and it raises the fixed (financial) assets.
* Cash in the statement is **net of the overdraft** (cash - overdraft): the overdraft
  (rekening-courantkrediet) is autonomous working capital, the thing the statement explains.
* Inherent (operating) net working capital = receivables + inventory + other current assets
  - payables - accruals. Tax and interest payable enter through the paid lines, short-term debt
  through financing, securities through investing.

With balancing sheets and complete facts the net cash flow equals the change in cash to the
cent. When it does not, the statement keeps the difference and explains it in ``warnings``
(never forced).

>>> opening = BalanceSheet(cash=10_000, receivables=50_000, inventory=30_000, fixed_assets=60_000,
...                        payables=40_000, equity=110_000)
>>> closing = BalanceSheet(cash=24_000, receivables=55_000, inventory=28_000, fixed_assets=55_000,
...                        payables=37_000, equity=125_000)
>>> income = IncomeStatement(revenue=400_000, cogs=250_000, operating_expenses=120_000,
...                          depreciation=5_000, tax=10_000)
>>> s = cashflow_indirect(opening, income, closing)
>>> s.ebit, s.cash_from_business_operations, s.net_cash_flow, s.difference
(Decimal('25000'), Decimal('24000'), Decimal('14000'), Decimal('0'))
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field, fields
from decimal import Decimal
from typing import Iterable, Mapping, Union

from xlcapital import ratios
from xlcapital.errors import BalanceSheetError, InputError
from xlcapital.money import format_money, to_decimal

__all__ = [
    "BalanceSheet",
    "IncomeStatement",
    "CashflowFacts",
    "StatementLine",
    "CashflowStatement",
    "cashflow_indirect",
    "cashflow_indirect_from_mappings",
    "balance_sheet_from_mapping",
    "income_statement_from_mapping",
    "cashflow_facts_from_mapping",
    "bhk_cashflow_simple",
    "bhk_cashflow_extended",
    "normalize_label",
    "LABELS",
    "LINES",
]

ZERO = Decimal(0)


def _amount_fields(obj, optional: tuple[str, ...] = ()) -> None:
    """Turn every field of a frozen dataclass into a Decimal (0 when None), naming a bad one."""
    for f in fields(obj):
        if not f.init:
            continue
        value = getattr(obj, f.name)
        if value is None and f.name in optional:
            continue
        if value is None or value == "":
            value = ZERO
        object.__setattr__(obj, f.name, to_decimal(value, field=f.name))


@dataclass(frozen=True)
class BalanceSheet:
    """A balance sheet on one date. Assets first, then liabilities and equity.

    Current assets = cash + securities + receivables + inventory + other_current_assets.
    Current liabilities = payables + accruals + tax_payable + interest_payable + overdraft
    + short_term_debt. Total liabilities and equity add long_term_debt, provisions and equity.
    ``short_term_debt`` is the principal due within a year (kt-aflossing and short loans).

    >>> b = BalanceSheet(cash=20_000, receivables=90_000, inventory=40_000, payables=110_000, equity=40_000)
    >>> b.current_assets, b.current_liabilities, b.balances
    (Decimal('150000'), Decimal('110000'), True)
    """

    cash: Decimal = ZERO
    securities: Decimal = ZERO
    receivables: Decimal = ZERO
    inventory: Decimal = ZERO
    other_current_assets: Decimal = ZERO
    fixed_assets: Decimal = ZERO
    payables: Decimal = ZERO
    accruals: Decimal = ZERO
    tax_payable: Decimal = ZERO
    interest_payable: Decimal = ZERO
    overdraft: Decimal = ZERO
    short_term_debt: Decimal = ZERO
    long_term_debt: Decimal = ZERO
    provisions: Decimal = ZERO
    equity: Decimal = ZERO

    def __post_init__(self) -> None:
        _amount_fields(self)

    @property
    def current_assets(self) -> Decimal:
        """Every current asset: :func:`xlcapital.ratios.gross_working_capital` of this sheet."""
        return ratios.gross_working_capital(
            self.receivables, self.inventory, self.cash, self.securities, self.other_current_assets
        )

    @property
    def total_assets(self) -> Decimal:
        return self.current_assets + self.fixed_assets

    @property
    def current_liabilities(self) -> Decimal:
        return (
            self.payables + self.accruals + self.tax_payable + self.interest_payable + self.overdraft + self.short_term_debt
        )

    @property
    def debt(self) -> Decimal:
        """Interest-bearing loans, short and long (the overdraft is netted with cash instead)."""
        return self.short_term_debt + self.long_term_debt

    @property
    def total_liabilities_and_equity(self) -> Decimal:
        return self.current_liabilities + self.long_term_debt + self.provisions + self.equity

    @property
    def net_cash(self) -> Decimal:
        """Cash net of the overdraft: the position the cash-flow statement explains."""
        return self.cash - self.overdraft

    @property
    def net_working_capital(self) -> Decimal:
        """Current assets - current liabilities (what :func:`xlcapital.ratios.net_working_capital` computes)."""
        return self.current_assets - self.current_liabilities

    @property
    def operating_working_capital(self) -> Decimal:
        """Inherent net working capital: receivables + inventory + other current assets - payables - accruals."""
        return self.receivables + self.inventory + self.other_current_assets - self.payables - self.accruals

    @property
    def imbalance(self) -> Decimal:
        """Total assets - total liabilities and equity (0 when the sheet balances)."""
        return self.total_assets - self.total_liabilities_and_equity

    @property
    def balances(self) -> bool:
        return self.imbalance == 0

    def check(self, name: str = "balance sheet") -> "BalanceSheet":
        """Return self, or raise :class:`BalanceSheetError` naming both totals when it does not balance."""
        if not self.balances:
            raise BalanceSheetError(
                f"does not balance: total assets {format_money(self.total_assets)} but liabilities and "
                f"equity {format_money(self.total_liabilities_and_equity)} (difference {format_money(self.imbalance)})",
                field=name,
                hint="check the amounts, or put the difference in the right item",
            )
        return self


@dataclass(frozen=True)
class IncomeStatement:
    """The income statement of the period between the two balance sheets.

    ``ebit`` may be left out: it is then revenue - cogs - operating_expenses - depreciation
    (provisions added count as operating expenses). ``interest`` and ``tax`` are charges
    (positive = cost); ``extraordinary`` is signed (gain positive).

    Earnings after tax = ebit - interest + extraordinary - tax + retained_participations.

    >>> i = IncomeStatement(revenue=100, cogs=60, operating_expenses=20, depreciation=5, interest=3, tax=2)
    >>> i.ebit, i.earnings_after_tax, i.ebit_given
    (Decimal('15'), Decimal('10'), False)
    """

    revenue: Decimal = ZERO
    cogs: Decimal = ZERO
    operating_expenses: Decimal = ZERO
    depreciation: Decimal = ZERO
    provisions_added: Decimal = ZERO
    provisions_released: Decimal = ZERO
    ebit: Decimal | None = None
    interest: Decimal = ZERO
    extraordinary: Decimal = ZERO
    tax: Decimal = ZERO
    retained_participations: Decimal = ZERO
    ebit_given: bool = field(init=False, default=True, compare=False)

    def __post_init__(self) -> None:
        _amount_fields(self, optional=("ebit",))
        if self.ebit is None:
            object.__setattr__(self, "ebit", self.revenue - self.cogs - self.operating_expenses - self.depreciation)
            object.__setattr__(self, "ebit_given", False)

    @property
    def earnings_after_tax(self) -> Decimal:
        return self.ebit - self.interest + self.extraordinary - self.tax + self.retained_participations


@dataclass(frozen=True)
class CashflowFacts:
    """What balance sheets cannot show, all positive amounts of cash in the period.

    ``investments`` paid for fixed assets; ``disposals`` received for fixed assets sold (at book
    value; a gain or loss goes in ``income.extraordinary``); ``new_loans`` drawn; ``repayments``
    of loan principal; ``share_issues`` paid in; ``dividends`` paid.
    """

    investments: Decimal = ZERO
    disposals: Decimal = ZERO
    new_loans: Decimal = ZERO
    repayments: Decimal = ZERO
    share_issues: Decimal = ZERO
    dividends: Decimal = ZERO

    def __post_init__(self) -> None:
        _amount_fields(self)


# --------------------------------------------------------------------------------------------
# The statement's lines: one table, in order. key = company-file key where there is one.
# --------------------------------------------------------------------------------------------


@dataclass(frozen=True)
class _LineSpec:
    key: str
    label: str
    label_nl: str
    section: str
    total: bool = False


#: The lines of the indirect cash-flow statement, in order (key, English label, Dutch label, section, subtotal?).
LINES: tuple[_LineSpec, ...] = (
    _LineSpec("ebit", "EBIT (operating result)", "Bedrijfsresultaat", "operations"),
    _LineSpec("depreciation", "Depreciation", "Afschrijvingen", "operations"),
    _LineSpec("provisions_added", "Provisions added", "Dotaties voorzieningen", "operations"),
    _LineSpec("provisions_released", "Provisions released (withdrawn)", "Onttrekkingen voorzieningen", "operations"),
    _LineSpec("change_receivables", "Decrease (increase) in receivables", "Mutatie debiteuren", "operations"),
    _LineSpec("change_inventory", "Decrease (increase) in inventory", "Mutatie voorraden", "operations"),
    _LineSpec(
        "change_other_current_assets",
        "Decrease (increase) in other current assets",
        "Mutatie overige vlottende activa",
        "operations",
    ),
    _LineSpec("change_payables", "Increase (decrease) in payables", "Mutatie crediteuren", "operations"),
    _LineSpec("change_accruals", "Increase (decrease) in accruals", "Mutatie overlopende passiva", "operations"),
    _LineSpec(
        "change_operating_working_capital",
        "Change in operating (inherent) net working capital",
        "Mutatie inherent netto werkkapitaal",
        "operations",
        True,
    ),
    _LineSpec(
        "cash_from_business_operations",
        "Cash from business operations",
        "Kasstroom uit bedrijfsoperaties",
        "operations",
        True,
    ),
    _LineSpec("interest_paid", "Interest paid", "Betaalde rente", "operating"),
    _LineSpec("extraordinary", "Extraordinary items", "Buitengewone posten", "operating"),
    _LineSpec("tax_paid", "Income tax paid", "Betaalde winstbelasting", "operating"),
    _LineSpec(
        "cash_flow_operating",
        "Cash flow from operating activities",
        "Kasstroom uit operationele activiteiten",
        "operating",
        True,
    ),
    _LineSpec("investments", "Investments in fixed assets", "Investeringen", "investing"),
    _LineSpec("disposals", "Disposals of fixed assets", "Desinvesteringen", "investing"),
    _LineSpec("change_securities", "Decrease (increase) in securities", "Mutatie effecten", "investing"),
    _LineSpec(
        "cash_flow_investing",
        "Cash flow from investing activities",
        "Kasstroom uit investeringsactiviteiten",
        "investing",
        True,
    ),
    _LineSpec("new_loans", "New loans", "Opgenomen leningen", "financing"),
    _LineSpec("repayments", "Loan repayments", "Aflossingen", "financing"),
    _LineSpec("share_issues", "Share issues", "Aandelenemissie", "financing"),
    _LineSpec("dividends", "Dividends paid", "Betaalde dividenden", "financing"),
    _LineSpec(
        "cash_flow_financing",
        "Cash flow from financing activities",
        "Kasstroom uit financieringsactiviteiten",
        "financing",
        True,
    ),
    _LineSpec("net_cash_flow", "Net cash flow", "Netto kasstroom", "net", True),
    _LineSpec("opening_cash", "Opening cash (net of overdraft)", "Liquide middelen begin (na rekening-courant)", "cash"),
    _LineSpec("closing_cash", "Closing cash (net of overdraft)", "Liquide middelen eind (na rekening-courant)", "cash"),
    _LineSpec("change_in_cash", "Change in cash", "Mutatie liquide middelen", "cash", True),
    _LineSpec("difference", "Difference (change in cash - net cash flow)", "Verschil", "cash", True),
)


@dataclass(frozen=True)
class StatementLine:
    """One line of the statement: ``amount`` is its effect on cash (negative = cash out)."""

    key: str
    label: str
    label_nl: str
    section: str
    total: bool
    amount: Decimal

    def to_dict(self) -> dict:
        return {
            "key": self.key,
            "label": self.label,
            "label_nl": self.label_nl,
            "section": self.section,
            "total": self.total,
            "amount": self.amount,
        }


#: The totals a statement exposes as attributes (and the JSON keys of the CLI).
TOTALS = (
    "cash_from_business_operations",
    "cash_flow_operating",
    "cash_flow_investing",
    "cash_flow_financing",
    "net_cash_flow",
    "opening_cash",
    "closing_cash",
    "difference",
)


@dataclass(frozen=True)
class CashflowStatement:
    """The indirect cash-flow statement: lines in order, the inputs, and the reconciliation.

    ``difference`` = change in cash (net of overdraft) - net cash flow; ``warnings`` explain a
    non-zero difference item by item. Totals are also attributes: ``s.net_cash_flow`` etc.
    """

    lines: tuple[StatementLine, ...]
    opening: BalanceSheet
    income: IncomeStatement
    closing: BalanceSheet
    facts: CashflowFacts
    warnings: tuple[str, ...] = ()

    def __getattr__(self, key: str) -> Decimal:
        # Every line's amount by its key: s.ebit, s.net_cash_flow, s.difference ...
        for line in self.__dict__.get("lines", ()):
            if line.key == key:
                return line.amount
        raise AttributeError(key)

    def line(self, key: str) -> StatementLine:
        """The line with this key (see :data:`LINES`)."""
        for line in self.lines:
            if line.key == key:
                return line
        raise KeyError(key)

    def amounts(self) -> dict[str, Decimal]:
        """Every line's amount by key, in statement order."""
        return {line.key: line.amount for line in self.lines}

    @property
    def reconciles(self) -> bool:
        return self.difference == 0

    @property
    def bhk_simple(self) -> Decimal:
        return bhk_cashflow_simple(self.income)

    @property
    def bhk_extended(self) -> Decimal:
        return bhk_cashflow_extended(self.income)

    def ocf_ratio(self, short_term_interest=None, short_term_repayment=None) -> float | None:
        """Cash flow from operating activities / (short-term interest + short-term repayment).

        Defaults, when next year's figures are not given: the period's interest charge and the
        closing balance sheet's ``short_term_debt`` (principal due within a year).
        """
        interest = self.income.interest if short_term_interest is None else short_term_interest
        repayment = self.closing.short_term_debt if short_term_repayment is None else short_term_repayment
        return ratios.ocf_ratio(self.cash_flow_operating, interest, repayment)

    def to_dict(self) -> dict:
        """A JSON-ready dict (amounts stay Decimal): lines, the totals, reconciles, warnings."""
        out: dict = {"lines": [line.to_dict() for line in self.lines]}
        out.update({key: getattr(self, key) for key in TOTALS})
        out["reconciles"] = self.reconciles
        out["warnings"] = list(self.warnings)
        return out


def bhk_cashflow_simple(income: IncomeStatement) -> Decimal:
    """Simple BHK cash flow = earnings after tax + depreciation (seed 004)."""
    return ratios.bhk_cashflow(income.earnings_after_tax, income.depreciation)


def bhk_cashflow_extended(income: IncomeStatement) -> Decimal:
    """Extended BHK cash flow = EaT + depreciation + provisions added - released - retained participations."""
    return ratios.bhk_cashflow(
        income.earnings_after_tax,
        income.depreciation,
        provisions_added=income.provisions_added,
        provisions_released=income.provisions_released,
        retained_participations=income.retained_participations,
    )


def cashflow_indirect(
    opening: BalanceSheet,
    income: IncomeStatement,
    closing: BalanceSheet,
    extra: CashflowFacts | None = None,
) -> CashflowStatement:
    """The cash-flow statement by the indirect method (seed 004), line by line.

    Raises :class:`BalanceSheetError` when either balance sheet does not balance. A statement
    that does not reconcile is returned with its ``difference`` and ``warnings``.
    """
    extra = extra if extra is not None else CashflowFacts()
    opening.check("opening balance sheet")
    closing.check("closing balance sheet")

    def change(name: str) -> Decimal:
        return getattr(closing, name) - getattr(opening, name)

    a: dict[str, Decimal] = {
        "ebit": income.ebit,
        "depreciation": income.depreciation,
        "provisions_added": income.provisions_added,
        "provisions_released": -income.provisions_released,
        # an asset that grows ties up cash; a liability that grows frees it
        "change_receivables": -change("receivables"),
        "change_inventory": -change("inventory"),
        "change_other_current_assets": -change("other_current_assets"),
        "change_payables": change("payables"),
        "change_accruals": change("accruals"),
    }
    a["change_operating_working_capital"] = -change("operating_working_capital")
    a["cash_from_business_operations"] = _sum(a, "ebit", "depreciation", "provisions_added", "provisions_released") + a[
        "change_operating_working_capital"
    ]
    a["interest_paid"] = -(income.interest - change("interest_payable"))
    a["extraordinary"] = income.extraordinary
    a["tax_paid"] = -(income.tax - change("tax_payable"))
    a["cash_flow_operating"] = _sum(a, "cash_from_business_operations", "interest_paid", "extraordinary", "tax_paid")
    a["investments"] = -extra.investments
    a["disposals"] = extra.disposals
    a["change_securities"] = -change("securities")
    a["cash_flow_investing"] = _sum(a, "investments", "disposals", "change_securities")
    a["new_loans"] = extra.new_loans
    a["repayments"] = -extra.repayments
    a["share_issues"] = extra.share_issues
    a["dividends"] = -extra.dividends
    a["cash_flow_financing"] = _sum(a, "new_loans", "repayments", "share_issues", "dividends")
    a["net_cash_flow"] = _sum(a, "cash_flow_operating", "cash_flow_investing", "cash_flow_financing")
    a["opening_cash"] = opening.net_cash
    a["closing_cash"] = closing.net_cash
    a["change_in_cash"] = change("net_cash")
    a["difference"] = a["change_in_cash"] - a["net_cash_flow"]

    lines = tuple(StatementLine(s.key, s.label, s.label_nl, s.section, s.total, a[s.key]) for s in LINES)
    return CashflowStatement(lines, opening, income, closing, extra, _reconciliation_warnings(a, opening, income, closing, extra))


def _sum(amounts: Mapping[str, Decimal], *keys: str) -> Decimal:
    return sum((amounts[k] for k in keys), ZERO)


def _reconciliation_warnings(a, opening, income, closing, extra) -> tuple[str, ...]:
    """Explain a non-zero difference by the roll-forwards the facts should satisfy.

    With balancing sheets, difference = - unexplained fixed assets + unexplained debt
    + unexplained provisions + unexplained equity, so these four name every cent of it.
    """
    if a["difference"] == 0:
        return ()
    checks = (
        (
            "fixed assets",
            "opening + investments - disposals - depreciation + retained participations",
            opening.fixed_assets + extra.investments - extra.disposals - income.depreciation + income.retained_participations,
            closing.fixed_assets,
        ),
        (
            "loans (short and long-term debt)",
            "opening + new loans - repayments",
            opening.debt + extra.new_loans - extra.repayments,
            closing.debt,
        ),
        (
            "provisions",
            "opening + provisions added - provisions released",
            opening.provisions + income.provisions_added - income.provisions_released,
            closing.provisions,
        ),
        (
            "equity",
            "opening + earnings after tax + share issues - dividends",
            opening.equity + income.earnings_after_tax + extra.share_issues - extra.dividends,
            closing.equity,
        ),
    )
    warnings = [
        f"the statement does not reconcile: net cash flow {format_money(a['net_cash_flow'])} but cash (net of "
        f"overdraft) changed by {format_money(a['change_in_cash'])}; difference {format_money(a['difference'])}"
    ]
    for what, rule, expected, actual in checks:
        if expected != actual:
            warnings.append(
                f"{what}: {rule} = {format_money(expected)} but the closing balance sheet has {format_money(actual)} "
                f"({format_money(actual - expected)} unexplained: a fact in [cashflow] or [income] is missing or wrong)"
            )
    return tuple(warnings)


# --------------------------------------------------------------------------------------------
# Labels: English keys and Dutch names, one mapping (for the UDFs' label/amount ranges and files)
# --------------------------------------------------------------------------------------------


def normalize_label(label: str) -> str:
    """Lower case, ``_``/``-`` as spaces, single spaces, no trailing colon.

    >>> normalize_label("  Rekening-courant: "), normalize_label("other_current_assets")
    ('rekening courant', 'other current assets')
    """
    text = re.sub(r"[\s_\-]+", " ", str(label).strip().casefold()).strip()
    return text.rstrip(":").strip()


_ALIASES: dict[str, dict[str, tuple[str, ...]]] = {
    "balance": {
        "cash": ("liquide middelen", "kas", "bank", "kas en bank", "geldmiddelen", "cash and cash equivalents"),
        "securities": ("effecten", "marketable securities"),
        "receivables": ("debiteuren", "vorderingen", "handelsdebiteuren", "accounts receivable", "trade receivables"),
        "inventory": ("voorraden", "voorraad", "inventories", "stock"),
        "other_current_assets": ("overige vlottende activa", "overlopende activa", "overige vorderingen", "prepayments"),
        "fixed_assets": ("vaste activa", "materiele vaste activa", "materiële vaste activa", "non current assets"),
        "payables": ("crediteuren", "handelscrediteuren", "leveranciers", "accounts payable", "trade payables"),
        "accruals": ("overlopende passiva", "overige schulden", "accrued liabilities"),
        "tax_payable": ("te betalen belastingen", "te betalen winstbelasting", "belastingen", "taxes payable"),
        "interest_payable": ("te betalen rente", "interest payable"),
        "overdraft": ("rekening courant", "rekening courantkrediet", "rekening courant krediet", "bank overdraft"),
        "short_term_debt": ("kortlopende leningen", "kt aflossing", "aflossingsverplichtingen", "current portion of debt"),
        "long_term_debt": ("langlopende schulden", "langlopende leningen", "long term loans"),
        "provisions": ("voorzieningen",),
        "equity": ("eigen vermogen", "shareholders equity"),
    },
    "income": {
        "revenue": ("omzet", "netto omzet", "sales", "turnover"),
        "cogs": ("kostprijs van de omzet", "kostprijs omzet", "inkoopwaarde", "inkoopwaarde van de omzet", "cost of goods sold", "cost of sales"),
        "operating_expenses": ("bedrijfskosten", "overige bedrijfskosten", "operationele kosten", "opex"),
        "depreciation": ("afschrijvingen", "afschrijving"),
        "provisions_added": ("dotatie voorzieningen", "dotaties voorzieningen", "dotaties"),
        "provisions_released": ("onttrekking voorzieningen", "onttrekkingen voorzieningen", "onttrekkingen"),
        "ebit": ("bedrijfsresultaat", "operating result", "operating profit"),
        "interest": ("rente", "rentelasten", "financiele lasten", "financiële baten en lasten", "interest expense"),
        "extraordinary": ("buitengewone posten", "buitengewone baten en lasten", "extraordinary items"),
        "tax": ("winstbelasting", "vennootschapsbelasting", "belastingen", "income tax"),
        "retained_participations": ("ingehouden winst deelnemingen", "ingehouden winst niet geconsolideerde deelneming"),
    },
    "cashflow": {
        "investments": ("investeringen", "capex"),
        "disposals": ("desinvesteringen",),
        "new_loans": ("nieuwe leningen", "opgenomen leningen"),
        "repayments": ("aflossingen", "aflossing"),
        "share_issues": ("aandelenemissie", "emissie", "emissie van aandelen"),
        "dividends": ("dividend", "dividenden", "uitgekeerd dividend"),
    },
}

#: Per section ("balance", "income", "cashflow"): normalized label -> field name. The field names
#: themselves ("other_current_assets" or "other current assets"), the Dutch names and a few common
#: English names are all accepted.
LABELS: dict[str, dict[str, str]] = {
    section: {normalize_label(alias): key for key, aliases in table.items() for alias in (key, *aliases)}
    for section, table in _ALIASES.items()
}

_CLASSES = {"balance": BalanceSheet, "income": IncomeStatement, "cashflow": CashflowFacts}

AmountsIn = Union[Mapping[str, object], Iterable[tuple]]


def _from_mapping(section: str, mapping: AmountsIn, where: str):
    """Build the input object of ``section`` from labels and amounts, refusing unknown labels."""
    table = LABELS[section]
    items = mapping.items() if isinstance(mapping, Mapping) else mapping
    values: dict[str, object] = {}
    seen: dict[str, str] = {}
    for item in items:
        try:
            label, amount = item
        except (TypeError, ValueError):
            raise InputError(f"expected (label, amount) pairs, got {item!r}", field=where) from None
        if label is None or str(label).strip() == "":
            if amount is None or amount == "":
                continue  # an empty row of a range
            raise InputError(f"an amount without a label: {amount!r}", field=where)
        key = table.get(normalize_label(label))
        if key is None:
            raise InputError(
                f"unknown item {label!r}",
                field=f"{where}.{label}",
                hint="known: " + ", ".join(f.name for f in fields(_CLASSES[section]) if f.init),
            )
        if key in seen:
            raise InputError(f"{label!r} and {seen[key]!r} are the same item ({key})", field=f"{where}.{label}")
        seen[key] = str(label)
        try:
            values[key] = None if amount == "" else amount
            to_decimal(ZERO if values[key] is None else values[key])
        except InputError as exc:
            raise exc.with_location(field=f"{where}.{label}") from None
    return _CLASSES[section](**values)


def balance_sheet_from_mapping(mapping: AmountsIn, *, where: str = "balance") -> BalanceSheet:
    """A :class:`BalanceSheet` from ``{label: amount}`` (or ``(label, amount)`` pairs).

    Labels are field names or Dutch / English names (see :data:`LABELS`); an unknown label is
    an :class:`InputError` (a typo must not become 0); empty amounts are 0.

    >>> balance_sheet_from_mapping({"Debiteuren": 90_000, "voorraden": 40_000, "liquide middelen": 20_000,
    ...                             "crediteuren": 110_000, "eigen vermogen": 40_000}).balances
    True
    """
    return _from_mapping("balance", mapping, where)


def income_statement_from_mapping(mapping: AmountsIn, *, where: str = "income") -> IncomeStatement:
    """An :class:`IncomeStatement` from ``{label: amount}`` (Dutch names accepted, e.g. "omzet")."""
    return _from_mapping("income", mapping, where)


def cashflow_facts_from_mapping(mapping: AmountsIn | None, *, where: str = "cashflow") -> CashflowFacts:
    """:class:`CashflowFacts` from ``{label: amount}`` (Dutch names accepted, e.g. "investeringen")."""
    return _from_mapping("cashflow", mapping or {}, where)


def cashflow_indirect_from_mappings(
    opening: AmountsIn, income: AmountsIn, closing: AmountsIn, extra: AmountsIn | None = None
) -> CashflowStatement:
    """:func:`cashflow_indirect` from four label -> amount mappings (what an Excel range gives)."""
    return cashflow_indirect(
        balance_sheet_from_mapping(opening, where="balance_opening"),
        income_statement_from_mapping(income),
        balance_sheet_from_mapping(closing, where="balance_closing"),
        cashflow_facts_from_mapping(extra),
    )
