"""The company file: one company's financials for a period, in TOML (or JSON with the same keys).

::

    [company]          name, currency
    [period]           start, end                        (dates; days = end - start + 1)
    [balance_opening]  cash, securities, receivables, inventory, other_current_assets, fixed_assets,
    [balance_closing]  payables, accruals, tax_payable, interest_payable, overdraft, short_term_debt,
                       long_term_debt, provisions, equity
    [income]           revenue, cogs, operating_expenses, depreciation, provisions_added,
                       provisions_released, ebit (optional), interest, extraordinary, tax,
                       retained_participations
    [cashflow]         investments, disposals, new_loans, repayments, share_issues, dividends
    [debt_service]     interest, repayment               (optional: next year's, for the OCF ratio)

Absent amounts are 0; an unknown section or key is an error (a typo must not silently become 0).
The balance and income sections also accept the Dutch names of :data:`xlcapital.statements.LABELS`.
Amounts are read exactly (TOML and JSON floats as Decimal; text such as ``"1234.56"`` too). Both
balance sheets must balance. See docs/company-file.md.

:func:`company_ratios` computes every ratio of :mod:`xlcapital.ratios` for a company, with the
conventions of the CLI: point-in-time ratios on the closing balance sheet, period ratios on the
(opening, closing) average and the period's days.
"""

from __future__ import annotations

import json
from importlib import resources
from dataclasses import dataclass, field
from datetime import date
from decimal import Decimal
from pathlib import Path
from typing import Any

from xlcapital import messages as say
from xlcapital import ratios
from xlcapital.errors import InputError, XlcapitalError
from xlcapital.fileio import loads_toml, read_text
from xlcapital.money import MAX_DIGITS, to_decimal
from xlcapital.statements import (
    BalanceSheet,
    CashflowFacts,
    CashflowStatement,
    IncomeStatement,
    balance_sheet_from_mapping,
    cashflow_facts_from_mapping,
    cashflow_indirect,
    income_statement_from_mapping,
)

__all__ = ["sample_dir", "Period", "DebtService", "Company", "RatioValue", "load_company", "company_from_dict", "company_ratios", "SECTIONS"]

#: The sections of a company file and the keys each allows (balance/income/cashflow: see LABELS).
SECTIONS = ("company", "period", "balance_opening", "balance_closing", "income", "cashflow", "debt_service")
_PLAIN_KEYS = {"company": ("name", "currency"), "period": ("start", "end"), "debt_service": ("interest", "repayment")}
DAYS_PER_MONTH = Decimal(365) / 12


def sample_dir() -> Path:
    """The folder of the bundled sample company (company.toml, and the forecast inputs beside it)."""
    return Path(str(resources.files("xlcapital") / "data" / "sample"))


@dataclass(frozen=True)
class Period:
    """The period of the income statement; both dates included."""

    start: date
    end: date

    @property
    def days(self) -> int:
        """Calendar days, both ends included (a calendar year: 365 or 366)."""
        return (self.end - self.start).days + 1

    @property
    def months(self) -> Decimal:
        """The period in months of 365/12 days (a 365-day year is exactly 12)."""
        return Decimal(self.days) / DAYS_PER_MONTH


@dataclass(frozen=True)
class DebtService:
    """Next year's interest and principal due, for the OCF ratio; None = use this year's proxies."""

    interest: Decimal | None = None
    repayment: Decimal | None = None


@dataclass(frozen=True)
class Company:
    """One company file, validated: both balance sheets balance."""

    name: str
    currency: str
    period: Period
    opening: BalanceSheet
    income: IncomeStatement
    closing: BalanceSheet
    cashflow: CashflowFacts = field(default_factory=CashflowFacts)
    debt_service: DebtService = field(default_factory=DebtService)
    source: str | None = None

    def statement(self) -> CashflowStatement:
        """The indirect cash-flow statement of the period."""
        return cashflow_indirect(self.opening, self.income, self.closing, self.cashflow)


def load_company(path: str | Path) -> Company:
    """Read and validate a company file (``.toml``, or ``.json`` with the same keys).

    Every problem is an :class:`InputError` naming the file and the key.
    """
    p = Path(path)
    data = _parse(p, read_text(p, hint=say.GIVE_A_COMPANY_FILE()))
    try:
        return company_from_dict(data, source=str(p), default_name=p.stem)
    except XlcapitalError as exc:
        raise exc.with_location(file=str(p)) from None


def _parse(p: Path, text: str) -> dict:
    if p.suffix.lower() == ".json":
        try:
            # integers as Decimal too: int() refuses more than 4,300 digits with a ValueError
            data = json.loads(text, parse_float=Decimal, parse_int=Decimal)
        except json.JSONDecodeError as exc:
            raise InputError(say.NOT_JSON(why=exc.msg), file=str(p), line=exc.lineno) from None
        except RecursionError:
            raise InputError(say.COMPANY_TOO_DEEP(), file=str(p), hint=say.ONE_OBJECT_OF_SECTIONS()) from None
    else:
        data = loads_toml(text, file=str(p))
    if not isinstance(data, dict):
        raise InputError(say.ONE_TABLE(), file=str(p))
    return data


#: The largest amount a company file may hold (:data:`xlcapital.money.MAX_DIGITS` before the point): a
#: quadrillion is far beyond any small business.
MAX_AMOUNT = Decimal(10) ** MAX_DIGITS
#: Text longer than this is never an amount (and is refused before any parsing).
MAX_AMOUNT_TEXT = 40


def _check_amounts(sections: dict[str, dict]) -> None:
    """Refuse amounts no business has: more than 15 digits before the point, or text too long to
    be an amount, before any arithmetic (a 5,000-digit number would overflow Decimal's context)."""
    for name, section in sections.items():
        for key, value in section.items():
            where = f"{name}.{key}"
            if isinstance(value, str) and len(value) > MAX_AMOUNT_TEXT and name not in ("company",):
                raise InputError(say.AMOUNT_TEXT_TOO_LONG(length=len(value)), field=where, hint=say.WRITE_AN_AMOUNT())
            if isinstance(value, (int, Decimal)) and not isinstance(value, bool):
                number = Decimal(value)
                if number.is_finite() and abs(number) >= MAX_AMOUNT:
                    raise InputError(say.TOO_MANY_DIGITS(digits=number.adjusted() + 1), field=where,
                                     hint=say.AT_MOST_DIGITS(digits=MAX_DIGITS))


def company_from_dict(data: dict, *, source: str | None = None, default_name: str = "company") -> Company:
    """A :class:`Company` from the parsed sections (the TOML/JSON structure)."""
    unknown = [k for k in data if k not in SECTIONS]
    if unknown:
        raise InputError(say.UNKNOWN_SECTION(section=unknown[0]), field=unknown[0], hint=say.SECTIONS(sections=", ".join(SECTIONS)))
    sections = {}
    for name in SECTIONS:
        value = data.get(name, {})
        if not isinstance(value, dict):
            raise InputError(say.NOT_A_SECTION(name=name, value=value), field=name)
        sections[name] = value
    _check_amounts(sections)
    for name, keys in _PLAIN_KEYS.items():
        for key in sections[name]:
            if key not in keys:
                raise InputError(say.UNKNOWN_KEY(key=key), field=f"{name}.{key}", hint=say.KNOWN(names=", ".join(keys)))

    info = sections["company"]
    opening = balance_sheet_from_mapping(sections["balance_opening"], where="balance_opening").check("balance_opening")
    closing = balance_sheet_from_mapping(sections["balance_closing"], where="balance_closing").check("balance_closing")
    debt = sections["debt_service"]
    return Company(
        name=_text(info, "name", default_name),
        currency=_text(info, "currency", "EUR"),
        period=_period(sections["period"]),
        opening=opening,
        income=income_statement_from_mapping(sections["income"]),
        closing=closing,
        cashflow=cashflow_facts_from_mapping(sections["cashflow"]),
        debt_service=DebtService(*(_optional_amount(debt, k, "debt_service") for k in ("interest", "repayment"))),
        source=source,
    )


def _text(section: dict, key: str, default: str) -> str:
    value = section.get(key, default)
    if not isinstance(value, str) or not value.strip():
        raise InputError(say.MUST_BE_TEXT(value=value), field=f"company.{key}")
    return value.strip()


def _optional_amount(section: dict, key: str, where: str) -> Decimal | None:
    return None if key not in section else to_decimal(section[key], field=f"{where}.{key}")


def _period(section: dict) -> Period:
    def day(key: str) -> date:
        if key not in section:
            raise InputError(say.MISSING(), field=f"period.{key}", hint=say.WRITE_A_DATE())
        value = section[key]
        if isinstance(value, date) and not hasattr(value, "hour"):
            return value
        if isinstance(value, str):
            try:
                return date.fromisoformat(value.strip())
            except ValueError:
                pass
        raise InputError(say.NOT_A_DATE(value=value), field=f"period.{key}", hint=say.WRITE_A_DATE())

    start, end = day("start"), day("end")
    if end < start:
        raise InputError(say.ENDS_BEFORE_START(end=end, start=start), field="period.end")
    return Period(start, end)


# --------------------------------------------------------------------------------------------
# Every ratio of a company
# --------------------------------------------------------------------------------------------


@dataclass(frozen=True)
class RatioValue:
    """One ratio of a company: its value (None when undefined), unit and what it was computed on
    (``basis`` in English, ``basis_nl`` in Dutch); its readable name: :func:`xlcapital.names.display_name`."""

    name: str
    value: Any
    unit: str  # "amount", "ratio", "days", "times", "months"
    basis: str
    basis_nl: str = ""


#: What each ratio is computed on, (English, Dutch); {avg} is the (opening, closing) average over
#: the period's days, {base} the cost base of DSI and DPO (cogs or revenue).
_BASIS = {
    "gross_working_capital": ("closing: current assets (receivables + inventory + cash + securities + other)",
                              "eind: vlottende activa (debiteuren + voorraden + liquide middelen + effecten + overig)"),
    "net_working_capital": ("closing: current assets - current liabilities",
                            "eind: vlottende activa - kortlopende schulden"),
    "net_working_capital_narrow": ("closing: receivables + inventory + cash - payables (seed 003's short form)",
                                   "eind: debiteuren + voorraden + liquide middelen - crediteuren (korte vorm)"),
    "working_capital_ratio": ("closing: (current assets - current liabilities) / total assets",
                              "eind: (vlottende activa - kortlopende schulden) / totaal vermogen"),
    "nwc_to_revenue": ("net working capital {avg} / revenue", "netto werkkapitaal {avg} / omzet"),
    "current_ratio": ("closing", "eind"),
    "quick_ratio": ("closing: (current assets - inventory) / current liabilities",
                    "eind: (vlottende activa - voorraden) / kortlopende schulden"),
    "quick_ratio_narrow": ("closing: (cash + securities + receivables) / current liabilities",
                           "eind: (liquide middelen + effecten + debiteuren) / kortlopende schulden"),
    "cash_ratio": ("closing", "eind"),
    "dso": ("revenue, {avg}", "omzet, {avg}"),
    "dsi": ("{base}, {avg}", "{base}, {avg}"),
    "dpo": ("{base}, {avg}", "{base}, {avg}"),
    "ccc": ("DSO + DSI - DPO on {base}, {avg}", "DSO + DSI - DPO op {base}, {avg}"),
    "operating_cycle": ("DSO + DSI on {base}, {avg}", "DSO + DSI op {base}, {avg}"),
    "receivables_turnover": ("revenue, {avg}", "omzet, {avg}"),
    "inventory_turnover": ("{base}, {avg}", "{base}, {avg}"),
    "payables_turnover": ("{base}, {avg}", "{base}, {avg}"),
    "working_capital_turnover": ("revenue / net working capital, {avg}", "omzet / netto werkkapitaal, {avg}"),
    "bhk_cashflow": ("earnings after tax + depreciation + provisions added - released - retained participations",
                     "winst na belasting + afschrijvingen + dotaties - onttrekkingen voorzieningen - ingehouden "
                     "deelnemingsresultaat"),
    "interest_coverage": ("EBIT / interest", "bedrijfsresultaat / rente"),
    "cashflow_interest_coverage": ("BHK cash flow / interest", "BHK-kasstroom / rente"),
    "cashflow_coverage": ("BHK cash flow / (interest + repayments)", "BHK-kasstroom / (rente + aflossingen)"),
    "ocf_ratio": ("cash flow from operating activities / (interest + repayment due next year{debt})",
                  "operationele kasstroom / (rente + aflossing volgend jaar{debt})"),
    "burn_rate": ("- net cash flow per month over the period", "- netto kasstroom per maand over de periode"),
    "cash_runway": ("closing cash net of overdraft / burn rate (none when not burning)",
                    "eindsaldo liquide middelen na rekening-courant / burn rate (geen bij groeiende kas)"),
    "free_cash": ("closing cash net of overdraft - (tax payable + interest payable + short-term debt)",
                  "eindsaldo na rekening-courant - (te betalen belasting + rente + kortlopende leningen)"),
    "buffer_months": ("closing cash net of overdraft / operating expenses per month",
                      "eindsaldo na rekening-courant / bedrijfskosten per maand"),
}


def company_ratios(company: Company, *, cost_base: str = "cogs") -> list[RatioValue]:
    """Every function of :data:`xlcapital.ratios.RATIO_FUNCTIONS`, applied to the company.

    Point-in-time ratios use the closing balance sheet; period ratios (DSO, DSI, DPO, CCC,
    turnovers, NWC to revenue) the (opening, closing) average and ``company.period.days``.
    ``cost_base`` is ``"cogs"`` (textbook DSI/DPO/CCC) or ``"revenue"`` (the seeds' days
    working capital). Liquidity in months uses cash net of the overdraft.
    """
    if cost_base not in ("cogs", "revenue"):
        raise InputError(say.COST_BASE(cost_base=cost_base), field="cost_base")
    o, c, i, f = company.opening, company.closing, company.income, company.cashflow
    days, months = company.period.days, company.period.months
    statement = company.statement()
    pair = lambda attr: (getattr(o, attr), getattr(c, attr))  # noqa: E731
    base = i.cogs if cost_base == "cogs" else i.revenue
    cogs = i.cogs if cost_base == "cogs" else None
    bhk = ratios.bhk_cashflow(
        i.earnings_after_tax, i.depreciation, i.provisions_added, i.provisions_released, i.retained_participations
    )
    interest_next = company.debt_service.interest if company.debt_service.interest is not None else i.interest
    repayment_next = company.debt_service.repayment if company.debt_service.repayment is not None else c.short_term_debt
    burn = ratios.burn_rate(statement.net_cash_flow, 0, months)
    obligations = c.tax_payable + c.interest_payable + c.short_term_debt  # committed to the tax office and the bank

    values: list[tuple[str, Any, str]] = [
        ("gross_working_capital", ratios.gross_working_capital(
            c.receivables, c.inventory, c.cash, c.securities, c.other_current_assets), "amount"),
        ("net_working_capital", ratios.net_working_capital(
            c.receivables, c.inventory, c.cash, c.current_liabilities, c.securities, c.other_current_assets), "amount"),
        ("net_working_capital_narrow", ratios.net_working_capital_narrow(c.receivables, c.inventory, c.cash, c.payables),
         "amount"),
        ("working_capital_ratio", ratios.working_capital_ratio(c.net_working_capital, c.total_assets), "ratio"),
        ("nwc_to_revenue", ratios.nwc_to_revenue(pair("net_working_capital"), i.revenue), "ratio"),
        ("current_ratio", ratios.current_ratio(c.current_assets, c.current_liabilities), "ratio"),
        ("quick_ratio", ratios.quick_ratio(c.current_assets, c.inventory, c.current_liabilities), "ratio"),
        ("quick_ratio_narrow", ratios.quick_ratio_narrow(c.cash, c.securities, c.receivables, c.current_liabilities),
         "ratio"),
        ("cash_ratio", ratios.cash_ratio(c.cash, c.current_liabilities, c.securities), "ratio"),
        ("dso", ratios.dso(pair("receivables"), i.revenue, days), "days"),
        ("dsi", ratios.dsi(pair("inventory"), base, days), "days"),
        ("dpo", ratios.dpo(pair("payables"), base, days), "days"),
        ("ccc", ratios.ccc(pair("receivables"), pair("inventory"), pair("payables"), i.revenue, cogs, days), "days"),
        ("operating_cycle", ratios.operating_cycle(pair("receivables"), pair("inventory"), i.revenue, cogs, days),
         "days"),
        ("receivables_turnover", ratios.receivables_turnover(pair("receivables"), i.revenue), "times"),
        ("inventory_turnover", ratios.inventory_turnover(pair("inventory"), base), "times"),
        ("payables_turnover", ratios.payables_turnover(pair("payables"), base), "times"),
        ("working_capital_turnover", ratios.working_capital_turnover(pair("net_working_capital"), i.revenue), "times"),
        ("bhk_cashflow", bhk, "amount"),
        ("interest_coverage", ratios.interest_coverage(i.ebit, i.interest), "times"),
        ("cashflow_interest_coverage", ratios.cashflow_interest_coverage(bhk, i.interest), "times"),
        ("cashflow_coverage", ratios.cashflow_coverage(bhk, i.interest, f.repayments), "times"),
        ("ocf_ratio", ratios.ocf_ratio(statement.cash_flow_operating, interest_next, repayment_next), "times"),
        ("burn_rate", burn, "amount"),
        ("cash_runway", ratios.cash_runway(c.net_cash, burn), "months"),
        ("free_cash", ratios.free_cash(c.net_cash, obligations), "amount"),
        ("buffer_months", ratios.buffer_months(c.net_cash, i.operating_expenses / months), "months"),
    ]  # fmt: skip
    debt_en = (("" if company.debt_service.repayment is not None else ": closing short-term debt")
               + ("" if company.debt_service.interest is not None else "; interest: this year's"))
    debt_nl = (("" if company.debt_service.repayment is not None else ": kortlopende leningen eind")
               + ("" if company.debt_service.interest is not None else "; rente: die van dit jaar"))
    base_nl = {"cogs": "kostprijs omzet", "revenue": "omzet"}[cost_base]
    en = {"avg": f"(opening, closing) average, {days} days", "base": cost_base, "debt": debt_en}
    nl = {"avg": f"gemiddelde van begin en eind, {days} dagen", "base": base_nl, "debt": debt_nl}
    return [RatioValue(code, value, unit, _BASIS[code][0].format(**en), _BASIS[code][1].format(**nl))
            for code, value, unit in values]
