"""The schema's declarations (xlcapital/forecast/schema.py), raised by mutation testing.

schema.py is one ``Field`` per input field: its bounds, default, required flag and choices are the facts
the CSV and TOML readers, the workbook's input tables and last month's workbook read back all follow.
``scripts/mutation.py --module xlcapital/forecast/schema.py --declarations`` changes each of them the
smallest way that matters (a bound one unit in its last place up or down, a default likewise, a choice
dropped), so these tests pin them against what is known without the schema:

- the required columns: the "required" column of docs/forecast.md's tables;
- the choices: the values docs/forecast.md and each field's help text list;
- the defaults: the default of the object each reader fills when a key is absent (types.Settings,
  SalesPlan, Scenario, ...), which an empty workbook cell must match or the CLI and the workbook would
  forecast different things; and the defaults docs/forecast.md states;
- the bounds: each value the user is told to give ("give 1 to 104") is taken on the boundary and
  refused one step (a day, a cent, 0.0001) beyond it, in the field's own name.
"""

from __future__ import annotations

import dataclasses
from decimal import Decimal as D

import pytest

from xlcapital.errors import InputError
from xlcapital.forecast import schema as sc
from xlcapital.forecast import types
from xlcapital.forecast.payroll import Employee, PayrollSettings
from xlcapital.forecast.vat import VatSettings


# --- collections_of: the aging buckets over their defaults ---------------------------------------------


def test_collections_of_replaces_only_the_buckets_given():
    c = sc.collections_of({"days_1_30": 7, "share_over_90": None, "days_61_90": 0, "share_31_60": D("0.8")})
    # the defaults (docs/forecast.md): 14/100 %, 28/90 %, 42/75 %, 56/50 %; None keeps one, 0 is a value
    assert c.days == (7, 28, 0, 56)
    assert c.share == (D(1), D("0.8"), D("0.75"), D("0.5"))
    assert c.sources == {}


def test_collections_of_every_bucket_and_the_sources_handed_on():
    given = {"days_1_30": 1, "days_31_60": 2, "days_61_90": 3, "days_over_90": 4,
             "share_1_30": D("0.1"), "share_31_60": D("0.2"), "share_61_90": D("0.3"), "share_over_90": D("0.4")}
    c = sc.collections_of(given, {"days_1_30": "given"})
    assert c.days == (1, 2, 3, 4)
    assert c.share == (D("0.1"), D("0.2"), D("0.3"), D("0.4"))
    assert c.sources == {"days_1_30": "given"}
    assert sc.collections_of({}) == types.Collections()


# --- required columns (docs/forecast.md, the "required" column of each table) ---------------------------


@pytest.mark.parametrize("table, required", [
    (sc.RECEIVABLES, ("customer", "invoice", "invoice_date", "due_date", "amount")),
    (sc.PAYABLES, ("supplier", "due_date", "amount")),
    (sc.CUSTOMERS, ("customer",)),
    (sc.RECURRING, ("name", "category", "amount", "frequency")),
    (sc.EXPECTED_SALES, ("date", "amount")),                    # description optional
    (sc.CATEGORIES, ("category", "match", "pattern")),
    (sc.PAYROLL, ("name", "gross")),                            # employees: default 1
    (sc.SCENARIOS, ("name",)),                                  # "a scenario needs a name"
    (sc.ONE_OFFS, ("date", "amount")),                          # category and description optional
    # forecast.toml's sections and the last period's figures: every key may be left out
    (sc.COMPANY, ()), (sc.FORECAST, ()), (sc.SALES_PLAN, ()), (sc.COLLECTIONS, ()), (sc.VAT, ()),
    (sc.PAYROLL_SETTINGS, ()), (sc.FINANCIALS, ()),
])
def test_the_required_keys_are_the_documented_ones(table, required):
    assert table.required == required


# --- choices (docs/forecast.md and the help texts) -------------------------------------------------------


@pytest.mark.parametrize("field, choices", [
    (sc.FORECAST["commitment_fee_basis"], ("limit", "undrawn")),
    (sc.FORECAST["risk_profile"], ("conservative", "moderate", "offensive")),
    (sc.SALES_PLAN["frequency"], ("weekly", "monthly", "quarterly", "yearly")),
    (sc.VAT["filing"], ("none", "monthly", "quarterly", "yearly")),
    (sc.VAT["amounts"], ("incl", "excl")),
    (sc.VAT["sales_rate"], ("21", "9", "0", "exempt", "reverse")),
    (sc.VAT["payables_rate"], ("21", "9", "0", "exempt", "reverse")),
    (sc.VAT_RATE, ("21", "9", "0", "exempt", "reverse")),
    (sc.RECURRING["frequency"], ("weekly", "monthly", "quarterly", "yearly", "once")),
    (sc.RECURRING["activity"], ("operating", "investing", "financing")),
    (sc.CATEGORIES["match"], ("counterparty", "iban", "description")),
], ids=lambda v: v.key if isinstance(v, sc.Field) else None)
def test_every_documented_choice_is_taken_and_nothing_else(field, choices):
    for choice in choices:
        assert field.parse(choice) == choice
        assert field.parse(f" {choice.upper()} ") == choice            # case and spaces ignored
    assert set(field.choices) == set(choices)
    with pytest.raises(InputError) as exc:
        field.parse("daily", field="x.y")
    assert exc.value.field == "x.y" and "'daily'" in str(exc.value)


# --- defaults --------------------------------------------------------------------------------------------


#: each table and the object its reader fills: a key left out of forecast.toml or a CSV file takes the
#: object's default, an empty cell of the workbook the field's
FILLED = [(sc.FORECAST, types.Settings), (sc.SALES_PLAN, types.SalesPlan), (sc.PAYROLL_SETTINGS, PayrollSettings),
          (sc.VAT, VatSettings), (sc.SCENARIOS, types.Scenario), (sc.ONE_OFFS, types.OneOff),
          (sc.PAYABLES, types.Payable), (sc.RECURRING, types.Recurring), (sc.EXPECTED_SALES, types.ExpectedSale),
          (sc.PAYROLL, Employee)]   # receivables.csv, customers.csv, categories.csv: no field declares a default


@pytest.mark.parametrize("table, cls", FILLED, ids=[t.name for t, _ in FILLED])
def test_a_declared_default_is_the_default_of_the_object_filled(table, cls):
    defaults = {f.name: f.default for f in dataclasses.fields(cls) if f.default is not dataclasses.MISSING}
    declared = {f.key: f.default for f in table if f.default is not None}
    assert declared, table.name
    for key, value in declared.items():
        assert key in defaults, key
        assert value == defaults[key] and type(value) is type(defaults[key]), key


def test_the_seasonality_defaults_to_one_a_month():
    assert len(sc.SEASONALITY) == 12
    assert [f.default for f in sc.SEASONALITY] == list(types.SalesPlan().seasonality) == [D(1)] * 12
    assert [f.key for f in sc.SEASONALITY][::11] == ["seasonality[1]", "seasonality[12]"]


@pytest.mark.parametrize("field, default", [
    # docs/forecast.md
    (sc.FORECAST["commitment_fee"], 0),             # "Default 0"
    (sc.SALES_PLAN["stock_days"], 0),               # "(default 0)"
    (sc.SALES_PLAN["supplier_days"], 30),           # "(default 30)", the Dutch statutory term
    (sc.RECURRING["day"], 1), (sc.RECURRING["month"], 1),   # "Default 1"
    (sc.RECURRING["revenue_linked"], False),        # "Default no"
    (sc.RECURRING["activity"], "operating"),        # "operating (empty)"
    (sc.PAYROLL["employees"], 1),                   # "employees (default 1)"
    (sc.PAYROLL["holiday_rate"], D("0.08")),        # "holiday_rate (default 8 %)"
    (sc.PAYROLL["thirteenth_month"], False),
    (sc.VAT["filing"], "none"),                     # [vat] left out: no VAT engine
    (sc.ONE_OFFS["category"], "One-off"),           # the example's category
    # the last period's figures: a year of 365 days; no stock and no cost of sales when not given
    (sc.FINANCIALS["days"], 365), (sc.FINANCIALS["inventory"], 0), (sc.FINANCIALS["cogs"], 0),
], ids=lambda v: v.key if isinstance(v, sc.Field) else None)
def test_the_defaults_docs_state(field, default):
    assert field.default == default


def test_fields_without_a_default_are_learned_or_left_empty():
    # learned from the history when left out (docs/forecast.md, "What xlcapital learns")
    for field in (sc.FORECAST["start"], sc.FORECAST["opening_balance"], sc.FORECAST["accounts"],
                  sc.FORECAST["default_payment_delay_days"], sc.SALES_PLAN["collection_days"],
                  sc.CUSTOMERS["payment_delay_days"], sc.FINANCIALS["revenue"]):
        assert field.default is None, field.key
    # the bucket defaults live in types.Collections (collections_of): none declared twice
    assert all(f.default is None for f in sc.COLLECTIONS)


# --- bounds ----------------------------------------------------------------------------------------------


#: (field, lowest, highest): what a user is told to give ("give 1 to 104", "give 0 or more"); None: no bound
BOUNDS = [
    (sc.FORECAST["weeks"], 1, 104), (sc.FORECAST["credit_limit"], 0, None), (sc.FORECAST["overdraft_rate"], -1, 1),
    (sc.FORECAST["commitment_fee"], 0, D("0.1")), (sc.FORECAST["advance_rate_receivables"], 0, 1),
    (sc.FORECAST["advance_rate_stock"], 0, 1), (sc.FORECAST["minimum_buffer"], 0, None),
    (sc.FORECAST["history_weeks"], 1, 260), (sc.FORECAST["default_payment_delay_days"], -365, 3650),
    (sc.SALES_PLAN["amount"], 0, None), (sc.SALES_PLAN["day"], 1, 31), (sc.SALES_PLAN["month"], 1, 12),
    (sc.SALES_PLAN["collection_days"], 0, 3650), (sc.SALES_PLAN["gross_margin"], 0, 1),
    (sc.SALES_PLAN["stock_days"], 0, 3650), (sc.SALES_PLAN["supplier_days"], 0, 3650),
    (sc.SALES_PLAN["collection_days_2"], 0, 3650), (sc.SALES_PLAN["collection_share_2"], 0, 1),
    (sc.SALES_PLAN["collection_days_3"], 0, 3650), (sc.SALES_PLAN["collection_share_3"], 0, 1),
    *((sc.COLLECTIONS[f"days_{b}"], 0, 3650) for b in ("1_30", "31_60", "61_90", "over_90")),
    *((sc.COLLECTIONS[f"share_{b}"], 0, 1) for b in ("1_30", "31_60", "61_90", "over_90")),
    *((f, 0, None) for f in sc.SEASONALITY),
    (sc.SCENARIOS["revenue_change"], -1, None),      # -1: no revenue at all
    (sc.SCENARIOS["collection_delay_days"], -365, 365), (sc.SCENARIOS["payment_delay_days"], -365, 365),
    (sc.CUSTOMERS["payment_delay_days"], -365, 3650),
    (sc.RECURRING["day"], 1, 31), (sc.RECURRING["month"], 1, 12),
    (sc.RECURRING["variable_rate"], D("0.0001"), 1),  # a rate of 0 cannot scale (rate + change) / rate
    (sc.PAYROLL["employees"], 0, 100000), (sc.PAYROLL["gross"], 0, None),
    *((sc.PAYROLL[k], 0, 1) for k in ("wage_tax_rate", "employee_pension_rate", "employer_pension_rate",
                                      "employer_premium_rate", "holiday_rate")),
    (sc.PAYROLL_SETTINGS["pay_day"], 1, 31), (sc.PAYROLL_SETTINGS["holiday_month"], 5, 6),   # May or June
    (sc.PAYROLL_SETTINGS["thirteenth_month"], 1, 12), (sc.PAYROLL_SETTINGS["pension_lag"], 0, 1),
    (sc.FINANCIALS["days"], 0, None),
]


def step(field: sc.Field) -> D:
    """The smallest step a user types: a day or a whole number, a cent, a hundredth of a percent."""
    return {"integer": D(1), "money": D("0.01")}.get(field.kind, D("0.0001"))


@pytest.mark.parametrize("field, low, high", BOUNDS, ids=[f.key for f, _, _ in BOUNDS])
def test_each_bound_is_taken_and_one_step_beyond_it_is_refused(field, low, high):
    assert (field.low, field.high) == (low, high)
    for bound, beyond in ((low, -step(field)), (high, step(field))):
        if bound is None:
            continue
        assert field.parse(str(bound)) == bound
        with pytest.raises(InputError) as exc:
            field.parse(str(bound + beyond), field=f"t.{field.key}")
        assert exc.value.field == f"t.{field.key}"
        assert str(bound + beyond) in str(exc.value.message)


def test_every_bounded_field_is_in_the_bounds_table():
    listed = {id(f) for f, _, _ in BOUNDS}
    tables = (sc.COMPANY, sc.FORECAST, sc.SALES_PLAN, sc.COLLECTIONS, sc.SCENARIOS, sc.ONE_OFFS, sc.VAT,
              *sc.CSV_TABLES.values(), sc.PAYROLL_SETTINGS, sc.FINANCIALS)
    bounded = [f for t in (*tables, sc.SEASONALITY) for f in t if f.low is not None or f.high is not None]
    assert [f.key for f in bounded if id(f) not in listed] == []
