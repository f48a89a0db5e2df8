"""VAT returns in the workbook: recalculated by LibreOffice, equal to the engine and to a quarter by hand.

The VAT sheet (one row per return, per run: output VAT, input VAT, credit carried in, the return and the
balance paid or refunded) and the VAT line of Forecast, Months and every scenario and stress test on
Scenarios are compared with ``xlcapital.forecast`` cell by cell (tests/workbook_check.py), and the
quarters of tests/test_forecast_vat.py's company are checked against numbers computed by hand here.
"""

from __future__ import annotations

import datetime as dt
from decimal import Decimal as D

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from tests import workbook_check as wc
from tests.test_forecast_vat import folder, purchases_folder
from tests.test_workbook_engine import CATEGORIES, NOT_IN_ENGINE, PROVEN_SHEETS, company
from tests.workbook_check import lo_values  # noqa: F401  (fixture)
from xlcapital.forecast import load
from xlcapital.forecast.vat import VatSettings
from xlcapital.workbook import generate
from xlcapital.workbook.api import load_inputs

pytestmark = pytest.mark.libreoffice

#: the VAT sheet's parts every run shares: checked through each run's output and input VAT
SHARED_PARTS = ("vat.receivables", "vat.sales", "vat.payables", "vat.purchases", "vat.before_")

SAMPLE_RATES = {"Suppliers": "21", "Small purchases": "21", "Fuel and travel": "21", "Rent": "21",
                "Vehicles": "21", "Subscriptions": "21", "Utilities": "21", "Insurance": "exempt"}


def check(lo_values, tmp_path, inputs, statements, name="company"):
    """Generate, recalculate, compare every engine value; every formula cell of the model sheets and of
    the VAT sheet is compared or is a named helper. Returns LibreOffice's values."""
    path = tmp_path / f"{name}.xlsx"
    cells = generate(inputs, path, statements=statements)
    want = wc.expected(inputs, cells, statements)
    helpers = [n for n in cells if n.startswith(SHARED_PARTS)]
    got = wc.read_uno(lo_values, path, cells, [*want, *helpers])
    bad = wc.mismatches(want, got)
    missing = wc.formula_cells(path, (*PROVEN_SHEETS, "VAT")) - wc.covered(cells, want)
    named = {n for n in cells if n.startswith((*NOT_IN_ENGINE, *SHARED_PARTS)) and n not in want}
    bad += [f"formula cell not compared: {cell}" for cell in sorted(missing - wc.covered(cells, named))[:10]]
    assert not bad, "\n".join(bad[:60])
    return cells, got


def sample_with_vat(filing="quarterly", **changes):
    inputs, statements = load_inputs(None)
    inputs.vat = VatSettings(filing=filing, rates=SAMPLE_RATES, **changes)
    inputs.recurring = [r for r in inputs.recurring if r.category != "VAT"]
    return inputs, statements


@pytest.mark.parametrize("filing", ["quarterly", "monthly"])
def test_sample_with_vat_equals_the_engine(lo_values, tmp_path, filing):
    inputs, statements = sample_with_vat(filing)
    cells, got = check(lo_values, tmp_path, inputs, statements)
    assert any(got["vat.forecast.balance"])  # a real test: returns are due in the window


def test_a_quarter_by_hand_in_the_workbook(lo_values, tmp_path):
    """tests/test_forecast_vat.py's quarterly filer (start Monday 6 April 2026, no bank data)."""
    inputs = load(folder(tmp_path))
    cells, got = check(lo_values, tmp_path, inputs, [], "quarters")
    rows = {label: i for i, label in enumerate(got["vat.forecast.label"]) if label}
    assert list(rows) == ["2026-Q1", "2026-Q2", "2026-Q3", "2026-Q4"]

    def at(column, label):
        return got[f"vat.forecast.{column}"][rows[label]]

    # Q1 (ended before the start, generated again): output 12,100 x 21/121 + 6,050 x 21/121 = 2,100 + 1,050;
    # input: rent 2,420 x 21/121 = 420 on 1 January, February and March
    assert at("output", "2026-Q1") == pytest.approx(3150, abs=0.005)
    assert at("input", "2026-Q1") == pytest.approx(1260, abs=0.005)
    assert at("balance", "2026-Q1") == pytest.approx(1890, abs=0.005)
    # Q2: the sale of 10,000 excl. VAT: 2,100; rent 3 x 420 (1 April before the start) + the bill 605 x 21/121
    assert at("output", "2026-Q2") == pytest.approx(2100, abs=0.005)
    assert at("input", "2026-Q2") == pytest.approx(1365, abs=0.005)
    assert at("balance", "2026-Q2") == pytest.approx(735, abs=0.005)
    # Q3: rent only: a refund of 1,260 on 31 October
    assert at("balance", "2026-Q3") == pytest.approx(-1260, abs=0.005)
    due = got["vat.due"][rows["2026-Q1"]]
    assert due == wc.excel_date(dt.date(2026, 4, 30))
    # paid in week 4 on the VAT line; the sale is received including VAT: 12,100 in week 6
    assert got["forecast.line.p.VAT"][3] == pytest.approx(-1890, abs=0.005)
    assert got["forecast.line.r.Sales"][5] == pytest.approx(12100, abs=0.005)
    # revenue -30 %: the sale is 7,000 excl., its VAT 1,470, and Q2 becomes 1,470 - 1,365 = 105
    stressed = cells.runs["stress"]["revenue -30%"]
    assert got[f"vat.{stressed}.output"][rows["2026-Q2"]] == pytest.approx(1470, abs=0.005)
    assert got[f"vat.{stressed}.balance"][rows["2026-Q2"]] == pytest.approx(105, abs=0.005)


def test_purchases_by_hand_in_the_workbook(lo_values, tmp_path):
    """tests/test_forecast_vat.py's purchase: Q2 input 3 x 420 + 105 + 6,050 x 21/121 = 2,415, output 2,100."""
    cells, got = check(lo_values, tmp_path, load(purchases_folder(tmp_path)), [], "purchases")
    q2 = got["vat.forecast.label"].index("2026-Q2")
    assert got["vat.forecast.input"][q2] == pytest.approx(2415, abs=0.005)
    assert got["vat.forecast.balance"][q2] == pytest.approx(-315, abs=0.005)
    stressed = cells.runs["stress"]["revenue -30%"]
    assert got[f"vat.{stressed}.balance"][q2] == pytest.approx(-630, abs=0.005)


def test_carry_forward_and_a_given_return(lo_values, tmp_path):
    """With carry_forward the Q3 credit of 1,260 is set off: Q3 pays 0, Q4 carries 1,260 in and pays 0
    (carrying 2,520 on); last_return replaces the derived Q1 balance (1,890) by the one filed."""
    inputs = load(folder(tmp_path, 'carry_forward = true\nlast_return = 2000'))
    cells, got = check(lo_values, tmp_path, inputs, [], "carried")
    rows = {label: i for i, label in enumerate(got["vat.forecast.label"]) if label}
    at = lambda column, label: got[f"vat.forecast.{column}"][rows[label]]  # noqa: E731
    assert at("balance", "2026-Q1") == pytest.approx(2000, abs=0.005)
    assert at("balance", "2026-Q3") == 0 and at("carried", "2026-Q4") == pytest.approx(1260, abs=0.005)
    assert at("return", "2026-Q4") == pytest.approx(-2520, abs=0.005) and at("balance", "2026-Q4") == 0


# --------------------------------------------------------------------------------------------
# cached values, and randomised companies with VAT
# --------------------------------------------------------------------------------------------

def cached(libreoffice, tmp_path, companies) -> int:
    from tests.test_workbook_cached import check as cached_check

    return cached_check(libreoffice, tmp_path, companies)


def test_sample_with_vat_caches_the_recalculated_values(libreoffice, tmp_path):
    assert cached(libreoffice, tmp_path, [sample_with_vat(), sample_with_vat("yearly"),
                                          (load(folder(tmp_path)), [])]) > 6000


@st.composite
def vat_company(draw):
    inputs, statements = draw(company())
    codes = st.sampled_from(["21", "9", "0", "exempt", "reverse"])
    rates = {c: draw(codes) for c in draw(st.lists(st.sampled_from(CATEGORIES), unique=True, max_size=5))}
    inputs.vat = VatSettings(
        filing=draw(st.sampled_from(["monthly", "quarterly", "yearly"])),
        amounts=draw(st.sampled_from(["incl", "excl"])), sales_rate=draw(codes), payables_rate=draw(codes),
        carry_forward=draw(st.booleans()), rates=rates,
        last_return=draw(st.one_of(st.none(), st.none(), st.integers(-5_000, 30_000).map(D))))
    return inputs, statements


@settings(max_examples=2, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture,
                                                                 HealthCheck.too_slow, HealthCheck.data_too_large],
          phases=("explicit", "reuse", "generate"))
@given(batch=st.lists(vat_company(), min_size=6, max_size=6))
def test_random_companies_with_vat_equal_the_engine(lo_values, tmp_path_factory, batch):
    path = tmp_path_factory.mktemp("random-vat")
    for i, (inputs, statements) in enumerate(batch):
        check(lo_values, path, inputs, statements, f"company{i}")


@settings(max_examples=1, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture,
                                                                 HealthCheck.too_slow, HealthCheck.data_too_large],
          phases=("explicit", "reuse", "generate"))
@given(batch=st.lists(vat_company(), min_size=6, max_size=6))
def test_random_companies_with_vat_cache_the_recalculated_values(libreoffice, tmp_path_factory, batch):
    cached(libreoffice, tmp_path_factory.mktemp("random-vat-cached"), batch)
