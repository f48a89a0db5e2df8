"""Load one company folder into explicit :class:`~xlcapital.forecast.inputs.Inputs`.

Reads the files of docs/forecast-model.md section 1, reads bank/ through :mod:`xlcapital.bank`,
and learns what was left empty (section 10), so the result holds no gap: every learned value
carries its source and the engine (and the workbook) only read.
"""

from __future__ import annotations

from pathlib import Path

from xlcapital.errors import InputError
from xlcapital.forecast import learn
from xlcapital.forecast import messages as say
from xlcapital.forecast.vat import double_counted
from xlcapital.forecast.actuals import counted
from xlcapital.forecast.inputs import (
    Financials,
    Inputs,
    SalesPlan,
    Settings,
    account_key,
    read_categories,
    read_customers,
    read_expected_sales,
    read_forecast_toml,
    read_payables,
    read_payroll,
    read_receivables,
    read_recurring,
)

FILES = ("forecast.toml", "receivables.csv", "payables.csv", "customers.csv", "recurring.csv", "sales.csv", "categories.csv",
         "payroll.csv")


def financials_of(company) -> Financials:
    """The figures the forecast needs from a :class:`xlcapital.company.Company`."""
    from xlcapital import ratios

    i = company.income
    return Financials(
        revenue=company.income.revenue,
        cogs=company.income.cogs,
        inventory=company.closing.inventory,
        receivables_opening=company.opening.receivables,
        receivables_closing=company.closing.receivables,
        days=company.period.days,
        equity=company.closing.equity,
        total_assets=company.closing.total_assets,
        bhk_cashflow=ratios.bhk_cashflow(i.earnings_after_tax, i.depreciation, i.provisions_added,
                                         i.provisions_released, i.retained_participations),
        interest=i.interest,
        repayments=company.cashflow.repayments,
    )


def read_bank_folder(folder: Path) -> list:
    """Every statement of every export in ``folder`` (sorted by name), merged per account."""
    from xlcapital import bank

    files = sorted(p for p in folder.iterdir() if p.is_file() and not p.name.startswith("."))
    statements = []
    for path in files:
        statements += bank.read(path)
    return bank.merge(statements) if statements else []


def _check_accounts(accounts, statements, *, learning: bool, toml_path: Path, warnings: list[str]) -> None:
    """An account of forecast.toml that matches no export in bank/ (a mistyped IBAN): an error
    naming it and the accounts found when the start or the opening balance is learned from the
    exports (it would be learned without that account), else a warning."""
    found = list(dict.fromkeys(s.account for s in statements if s.account))
    if not found:
        return
    missing = [a for a in accounts if not any(counted(f, (a,)) for f in found)]
    if not missing:
        return
    what = (say.ACCOUNT_NOT_FOUND if len(missing) == 1 else say.ACCOUNTS_NOT_FOUND)(accounts=", ".join(missing))
    if learning:
        raise InputError(what, file=str(toml_path), field="forecast.accounts",
                         hint=say.CORRECT_THE_IBAN(found=", ".join(found)))
    warnings.append(say.ACCOUNTS_WARNING(what=what, found=", ".join(found)))


def payroll_twice(payroll, recurring) -> list[str]:
    """A warning per recurring item on a payroll row (Salaries, Payroll taxes, Pension) when payroll.csv
    has rows: the salaries would be paid twice."""
    from xlcapital.forecast.payroll import CATEGORIES

    if not payroll:
        return []
    return [say.PAYROLL_TWICE(line=r.line, name=r.name, category=r.category)
            for r in recurring if r.category in CATEGORIES]


def load(folder: str | Path) -> Inputs:
    """Read a company folder and learn the missing values (docs/forecast-model.md sections 1 and 10)."""
    root = Path(folder)
    if not root.is_dir():
        raise InputError(say.NOT_A_FOLDER(), file=str(root), hint=say.GIVE_THE_FOLDER())
    toml_path = root / "forecast.toml"
    if not toml_path.is_file():
        raise InputError(say.NO_FORECAST_TOML(), file=str(root), hint=say.SEE_THE_LAYOUT())
    ff = read_forecast_toml(toml_path)

    def optional(name, reader, default):
        path = root / name
        return reader(path) if path.is_file() else default

    receivables = optional("receivables.csv", read_receivables, [])
    payables = optional("payables.csv", read_payables, [])
    given_customers = optional("customers.csv", read_customers, [])
    recurring = optional("recurring.csv", read_recurring, [])
    expected_sales = optional("sales.csv", read_expected_sales, [])
    rules = optional("categories.csv", read_categories, [])
    payroll = optional("payroll.csv", read_payroll, [])

    financials = None
    company_name = root.resolve().name
    if (root / "company.toml").is_file():
        from xlcapital.company import load_company

        company = load_company(root / "company.toml")
        financials = financials_of(company)
        company_name = company.name
    company_name = ff.company_name or company_name  # forecast.toml [company] name first

    statements = read_bank_folder(root / "bank") if (root / "bank").is_dir() else []
    given = ff.forecast
    sources = {key: "given" for key in given}
    warnings = [w for s in statements for w in s.warnings]
    accounts = given.get("accounts")
    if accounts is None:
        accounts = tuple(dict.fromkeys(account_key(s.account) for s in statements if s.account))
        sources["accounts"] = "bank"
    else:
        _check_accounts(accounts, statements, learning=given.get("start") is None or given.get("opening_balance") is None,
                        toml_path=toml_path, warnings=warnings)
        # the forecast's own accounts only: other accounts' exports teach nothing and count nowhere
        other = sorted({s.account for s in statements if not counted(s.account, accounts)})
        if other:
            warnings.append(say.OTHER_ACCOUNTS(accounts=", ".join(other)))
        statements = [s for s in statements if counted(s.account, accounts)]
    transactions = [t for s in statements for t in s.transactions]

    start = given.get("start")
    if start is None:
        start = learn.start_after(transactions)
        if start is None:
            raise InputError(
                say.NO_START(), file=str(toml_path), field="forecast.start", hint=say.GIVE_START()
            )
        sources["start"] = "bank"
    opening, on_day = given.get("opening_balance"), given.get("balance_date")
    if opening is None:
        opening = learn.opening_balance(statements)
        if opening is None:
            raise InputError(
                say.NO_OPENING(), file=str(toml_path), field="forecast.opening_balance", hint=say.GIVE_OPENING(),
            )  # fmt: skip
        # the balance of the exports' last day, rolled to the start by the engine (section 12)
        on_day = learn.balance_date(statements)
        sources["opening_balance"] = sources["balance_date"] = "bank"

    history = [t for t in transactions if t.booking_date < start]
    receivables = learn.match_payments(receivables, history)
    if "default_payment_delay_days" in given:
        delay, delay_source = given["default_payment_delay_days"], "given"
    else:
        delay, delay_source = learn.default_delay(receivables, financials)
    sources["default_payment_delay_days"] = delay_source
    customers = learn.customer_delays(receivables, [(n, d) for n, d, _ in given_customers], delay, delay_source)

    sales_given = ff.sales
    sales_sources = {key: "given" for key in sales_given}
    if "collection_days" not in sales_given:
        days, sales_sources["collection_days"] = learn.collection_days(receivables, financials)
        sales_given = {**sales_given, "collection_days": days}
    sales = SalesPlan(**sales_given, sources=sales_sources)

    settings = Settings(
        **{**given, "start": start, "opening_balance": opening, "balance_date": on_day, "accounts": accounts,
           "default_payment_delay_days": delay}, sources=sources,
    )
    projections = learn.projections(rules, history, start, settings.history_weeks)
    return Inputs(
        settings=settings,
        sales=sales,
        receivables=receivables,
        payables=payables,
        customers=customers,
        recurring=recurring,
        expected_sales=expected_sales,
        categories=rules,
        projections=projections,
        scenarios=ff.scenarios,
        triggers=ff.triggers,
        history=learn.month_history(receivables, start, ff.history),
        collections=ff.collections,
        vat=ff.vat,
        payroll=payroll,
        payroll_settings=ff.payroll,
        financials=financials,
        folder=root,
        bank_transactions=len(transactions),
        bank=statements,
        warnings=warnings + double_counted(ff.vat, recurring) + payroll_twice(payroll, recurring),
        company_name=company_name,
    )


__all__ = ["load", "read_bank_folder", "financials_of", "FILES"]
