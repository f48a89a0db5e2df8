"""Stress tests and scenario lookup (forecast/scenarios.py): the largest-customer stresses stack on the
base scenario's, and an unknown name says where and what is known."""

from __future__ import annotations

from datetime import date
from decimal import Decimal as D
from pathlib import Path

import pytest

from xlcapital.errors import InputError
from xlcapital.forecast import Inputs, Scenario, Settings
from xlcapital.forecast.scenarios import STRESS_TESTS, scenario_named, stressed

BY_NAME = {t.name: t for t in STRESS_TESTS}


def test_largest_customer_stresses_stack_on_the_base():
    base = Scenario("base", largest_customer_delay_days=5, largest_customer_share=D("0.8"))
    late = stressed(base, BY_NAME["largest customer +30 days"])
    assert (late.largest_customer_delay_days, late.largest_customer_share) == (35, D("0.8"))
    gone = stressed(base, BY_NAME["largest customer defaults"])
    assert (gone.largest_customer_delay_days, gone.largest_customer_share) == (5, D(0))
    other = stressed(base, BY_NAME["revenue -10%"])
    assert (other.largest_customer_delay_days, other.largest_customer_share) == (5, D("0.8"))


def inputs(*names: str) -> Inputs:
    return Inputs(Settings(start=date(2026, 4, 6)), scenarios=[Scenario(n) for n in names], folder=Path("klant"))


def test_an_unknown_scenario_names_the_file_and_what_is_known():
    with pytest.raises(InputError) as info:
        scenario_named(inputs("base", "worst"), "best")
    e = info.value
    assert Path(e.file) == Path("klant") / "forecast.toml"
    assert "'best'" in e.message and "scenario" in e.message
    assert "base, worst" in e.hint
    assert ", ".join(t.name for t in STRESS_TESTS) in e.hint


def test_an_unknown_scenario_when_none_are_defined():
    with pytest.raises(InputError) as info:
        scenario_named(inputs(), "best")
    assert "none defined" in info.value.hint


def test_a_name_finds_its_scenario_case_and_spaces_ignored():
    assert scenario_named(inputs("base", "Worst"), " worst ").name == "Worst"
    assert scenario_named(inputs("base"), None) == Scenario()
    assert scenario_named(inputs(), "Customers+15Days").collection_delay_days == 15
