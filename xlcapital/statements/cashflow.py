"""The indirect-method cash-flow statement (seed 004): its lines, their amounts, the reconciliation.

The amount of every line is its **effect on cash**: an increase in receivables is a negative line,
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
"""

from __future__ import annotations

from dataclasses import dataclass
from decimal import Decimal
from typing import Mapping

from xlcapital import ratios
from xlcapital.statements import messages as say
from xlcapital.statements.inputs import BalanceSheet, CashflowFacts, IncomeStatement

__all__ = [
    "LINES",
    "TOTALS",
    "StatementLine",
    "CashflowStatement",
    "cashflow_indirect",
    "bhk_cashflow_simple",
    "bhk_cashflow_extended",
]


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
    opening.check(say.OPENING_SHEET())
    closing.check(say.CLOSING_SHEET())

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
    return sum(amounts[k] for k in keys)


def _reconciliation_warnings(a, opening, income, closing, extra) -> tuple[str, ...]:
    """Explain a non-zero difference by the roll-forwards the facts should satisfy.

    With balancing sheets, difference = - unexplained fixed assets + unexplained debt
    + unexplained provisions + unexplained equity, so these four name every cent of it.
    """
    if a["difference"] == 0:
        return ()
    checks = (
        (
            *say.FIXED_ASSETS,
            opening.fixed_assets + extra.investments - extra.disposals - income.depreciation + income.retained_participations,
            closing.fixed_assets,
        ),
        (
            *say.LOANS,
            opening.debt + extra.new_loans - extra.repayments,
            closing.debt,
        ),
        (
            *say.PROVISIONS,
            opening.provisions + income.provisions_added - income.provisions_released,
            closing.provisions,
        ),
        (
            *say.EQUITY,
            opening.equity + income.earnings_after_tax + extra.share_issues - extra.dividends,
            closing.equity,
        ),
    )
    warnings = [say.DOES_NOT_RECONCILE(net=a["net_cash_flow"], change=a["change_in_cash"], difference=a["difference"])]
    for what, rule, expected, actual in checks:
        if expected != actual:
            warnings.append(say.ROLL_FORWARD_OFF(what=what(), rule=rule(), expected=expected, actual=actual,
                                                 unexplained=actual - expected))
    return tuple(warnings)
