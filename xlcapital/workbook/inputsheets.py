"""What the Settings sheet and the input tables hold, from the inputs.

Shared by the generator (which writes them) and the monthly roll (which compares last month's
workbook with what a fresh generation would have written), so that neither imports the other.
"""

from __future__ import annotations

from xlcapital.forecast import RULES, Inputs
from xlcapital.forecast.triggers import action_of
from xlcapital.workbook import model as m
from xlcapital.workbook import payroll
from xlcapital.workbook import vat as vatbook
from xlcapital.workbook.dashboard import TRIGGER_COLUMNS
from xlcapital.workbook.tables import TableSheet


def _yes(flag: bool) -> str:
    return "yes" if flag else "no"


def settings_values(inputs: Inputs, company: str, scenario: str) -> dict:
    """The Settings sheet's values from the inputs (learned values included): every field of
    ``schema.SETTING_TABLES`` from its part of the inputs (none of the last period's figures when
    company.toml gives none), the seasonality, the aging buckets, the company and the scenario shown."""
    values: dict = {"Company": company, "Scenario": scenario}
    for table, part in m.sc.SETTING_TABLES:
        source = getattr(inputs, part)
        if source is not None:
            values.update({f.header: m.setting_value(f, getattr(source, f.key)) for f in table if f.header})
    values.update({key: factor for key, factor in zip(m.SEASON_KEYS, inputs.sales.seasonality)})
    values.update(m.collection_values(inputs))
    if inputs.vat.on:
        values.update(vatbook.setting_values(inputs))
    return values


def input_tables(inputs: Inputs, lang: str = "en") -> list[TableSheet]:
    """The tables the user edits, filled from the inputs (``lang``: the workbook's language; the
    trigger rules' default owners and actions are shown in it, :meth:`~xlcapital.forecast.triggers.Rule.in_language`)."""
    n = inputs.settings.weeks
    rec = [m.row(m.sc.RECEIVABLES, r) for r in inputs.receivables]
    pay = [(p.supplier, p.invoice, p.due_date, p.amount) for p in inputs.payables]
    cust = [(c.name, c.payment_delay_days, c.source) for c in inputs.customers]
    recur = [m.row(m.sc.RECURRING, r) for r in inputs.recurring]
    sales = [(e.date, e.amount, e.description) for e in inputs.expected_sales]
    cats = [(c.name, c.match, c.pattern) for c in inputs.categories]
    proj = [(p.category, p.weekly_amount, _yes(p.revenue_linked), p.source) for p in inputs.projections]
    scen = [(s.name, s.revenue_change, s.collection_delay_days, s.payment_delay_days, s.interest_rate_change)
            for s in inputs.scenarios]
    one = [(s.name, o.date, o.amount, o.category, o.description) for s in inputs.scenarios for o in s.one_offs]
    h = inputs.history
    hist = list(zip(h.months, h.revenue, h.dso)) if h.dso and len(h.dso) == len(h.revenue) else \
        [(mo, (h.revenue[i] if i < len(h.revenue) else None), (h.dso[i] if i < len(h.dso) else None))
         for i, mo in enumerate(h.months)]
    trig = []
    for name, rule in RULES.items():
        o = inputs.triggers.get(name)
        row = [name, rule.direction]
        for profile in m.RISK_PROFILES:
            w, a = rule.thresholds[profile]
            row += [o.warning if o and o.warning is not None else w, o.alert if o and o.alert is not None else a]
        owner, action = rule.in_language(o.owner if o and o.owner else rule.owner, action_of(rule, o), lang)
        row += [owner, _yes(o.enabled if o else True), rule.description, action]
        trig.append(tuple(row))
    plan = [(j,) for j in range(m.sales_plan_rows(n))]
    return vatbook.with_vat(inputs, [
        TableSheet("Receivables", "Receivables", m.RECEIVABLES_COLUMNS, rec, title="Receivables (sales invoices)",
                   note="Open invoices are forecast at due date + the customer's payment delay; fill in PaidDate "
                        "when one is paid."),
        TableSheet("Payables", "Payables", m.PAYABLES_COLUMNS, pay, title="Payables (purchase invoices)",
                   note="Open bills, paid on their due date (+ the scenario's payment delay)."),
        TableSheet("Customers", "Customers", m.CUSTOMERS, cust, title="Customers' payment delays"),
        TableSheet("Recurring", "Recurring", m.recurring_columns(n), recur, title="Recurring items",
                   note="Rent, salaries, VAT, loans, subscriptions. W1..W%d: the amount in each forecast week." % n),
        TableSheet("Sales", "Sales", m.SALES_COLUMNS, sales, title="Expected sales invoices",
                   note="Individually known sales; the regular sales plan is on Settings."),
        TableSheet("Categories", "Categories", m.CATEGORIES_COLUMNS, cats, title="Categories of bank transactions",
                   note="Rules, top to bottom: the first that matches gives a bank transaction its category."),
        TableSheet("Projections", "Projections", m.PROJECTION_COLUMNS, proj, title="Projected bank categories",
                   note="Added to every forecast week. Do not project flows that are already forecast as items "
                        "(invoices, Recurring), or they count twice."),
        TableSheet("ScenarioInputs", "ScenarioInputs", m.SCENARIO_COLUMNS, scen, title="Scenarios"),
        TableSheet("OneOffs", "OneOffs", m.ONE_OFF_COLUMNS, one, title="One-off items of the scenarios"),
        TableSheet("History", "History", m.HISTORY_COLUMNS, hist, title="Monthly history (trend triggers)"),
        TableSheet("TriggerRules", "TriggerRules", TRIGGER_COLUMNS, trig, title="Trigger rules",
                   note="Thresholds per risk profile; credit_limit thresholds are fractions of the credit limit."),
        TableSheet("SalesPlan", "SalesPlan", m.sales_plan_columns(), plan, title="Sales plan occurrences",
                   note="Calculated from the sales plan on Settings: do not edit.", editable=False),
        *payroll.tables(inputs, m.columns(m.sc.PAYROLL, {"name": 30}), m.row),
    ])


def company_of(inputs: Inputs, given: str = "") -> str:
    """The company's name: ``given``, else Inputs.company_name, else the folder's name."""
    return given or inputs.company_name or (inputs.folder.name if inputs.folder else "")
