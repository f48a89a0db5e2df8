"""Stress tests on top of the default scenario (docs/forecast-model.md section 7).

>>> from decimal import Decimal
>>> base = Scenario("base", revenue_change=Decimal("0.05"), collection_delay_days=3)
>>> s = stressed(base, STRESS_TESTS[0])
>>> s.name, s.revenue_change, s.collection_delay_days
('revenue -10%', Decimal('-0.0550'), 3)
"""

from __future__ import annotations

from dataclasses import dataclass, replace
from decimal import Decimal

from xlcapital.errors import InputError
from xlcapital.forecast import messages as say
from xlcapital.forecast.types import Inputs, Scenario


@dataclass(frozen=True)
class StressTest:
    """A fixed stress: a revenue change multiplied onto the base's, extra collection days, extra interest."""

    name: str
    revenue_change: Decimal = Decimal(0)
    collection_delay_days: int = 0
    interest_rate_change: Decimal = Decimal(0)
    #: the largest customer's open invoices: extra days late, and the share still paid (0: it defaults)
    largest_customer_delay_days: int = 0
    largest_customer_share: Decimal = Decimal(1)


#: The seeds' stress tests (seed 000, step 6), in the order they are reported.
STRESS_TESTS: tuple[StressTest, ...] = (
    StressTest("revenue -10%", revenue_change=Decimal("-0.10")),
    StressTest("revenue -20%", revenue_change=Decimal("-0.20")),
    StressTest("revenue -30%", revenue_change=Decimal("-0.30")),
    StressTest("customers +15 days", collection_delay_days=15),
    StressTest("customers +30 days", collection_delay_days=30),
    StressTest("interest +2 points", interest_rate_change=Decimal("0.02")),
    # concentration risk (issue 10 item 6): the customer with the most open receivables
    StressTest("largest customer +30 days", largest_customer_delay_days=30),
    StressTest("largest customer defaults", largest_customer_share=Decimal(0)),
)


def stressed(base: Scenario, stress: StressTest) -> Scenario:
    """``base`` with ``stress`` on top: revenue ``(1 + r_b)(1 + r_s) - 1``, delays and interest added."""
    return replace(
        base,
        name=stress.name,
        revenue_change=(1 + base.revenue_change) * (1 + stress.revenue_change) - 1,
        collection_delay_days=base.collection_delay_days + stress.collection_delay_days,
        interest_rate_change=base.interest_rate_change + stress.interest_rate_change,
        largest_customer_delay_days=base.largest_customer_delay_days + stress.largest_customer_delay_days,
        largest_customer_share=base.largest_customer_share * stress.largest_customer_share,
    )


def scenario_named(inputs: Inputs, name: str | None) -> Scenario:
    """The scenario of ``inputs`` called ``name`` (case-insensitive); None is the plain forecast.

    A stress test's name (``"revenue -30%"``, spaces ignored) is that stress test on top of the
    default scenario, so every stress test can be shown week by week too.
    """
    if name is None:
        return Scenario()
    for s in inputs.scenarios:
        if s.name.casefold() == name.strip().casefold():
            return s
    compact = lambda text: "".join(text.split()).casefold()  # noqa: E731
    for test in STRESS_TESTS:
        if compact(test.name) == compact(name):
            return stressed(inputs.default_scenario, test)
    known = ", ".join(s.name for s in inputs.scenarios) or say.NONE_DEFINED()
    stress = ", ".join(t.name for t in STRESS_TESTS)
    raise InputError(say.UNKNOWN_SCENARIO(name=name), file=inputs._file("forecast.toml"),
                     hint=say.KNOWN_SCENARIOS(known=known, stress=stress))
