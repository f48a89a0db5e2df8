"""Everything about one company at once: the scenarios, the stress tests, the triggers and the KPIs.

:func:`analyse` runs the selected scenario (``base`` by default, when defined), every named
scenario, the six stress tests on top of the selected one, and evaluates the triggers and KPIs on
the selected run (docs/forecast-model.md sections 7-9).
"""

from __future__ import annotations

from dataclasses import dataclass
from decimal import Decimal
from typing import Any

from xlcapital import ratios
from xlcapital.forecast import kpis as kpi
from xlcapital.forecast.actuals import Ledger
from xlcapital.forecast.engine import Run, categories, forecast
from xlcapital.forecast.inputs import Inputs, Scenario
from xlcapital.forecast.scenarios import STRESS_TESTS, scenario_named, stressed
from xlcapital.forecast.triggers import RULES, Trigger, action_of, evaluate_rule, thresholds

ZERO = Decimal(0)


@dataclass
class Analysis:
    """The selected run, every named scenario's run, the stress runs, the triggers and the KPIs."""

    inputs: Inputs
    default: Run
    scenarios: dict[str, Run]
    stress: list[Run]
    triggers: list[Trigger]
    kpis: dict[str, Any]


def analyse(inputs: Inputs, scenario: Scenario | str | None = None, weeks: int | None = None) -> Analysis:
    """Run and evaluate everything; ``scenario`` None selects the default (``base`` or plain)."""
    selected = inputs.default_scenario if scenario is None else scenario
    if not isinstance(selected, Scenario):
        selected = scenario_named(inputs, selected)
    stresses = [stressed(selected, t) for t in STRESS_TESTS]
    # one row layout for every run: the categories of all scenarios and stress tests
    rows = categories(inputs, [*inputs.scenarios, selected])
    ledger = Ledger.of(inputs)  # the bank's actuals are the same for every run
    run = lambda s: forecast(inputs, s, weeks, rows=rows, ledger=ledger)  # noqa: E731
    main = run(selected)
    named = {s.name: (main if s == selected else run(s)) for s in inputs.scenarios}
    stress_runs = [run(s) for s in stresses]
    return Analysis(inputs, main, named, stress_runs, evaluate_triggers(inputs, main, named, stress_runs), kpi.compute(inputs, main))


def credit_runs(profile: str, main: Run, named: dict[str, Run], stress: list[Run]) -> list[Run]:
    """The runs the credit_limit rule watches: conservative all, moderate the scenarios, offensive the selected one."""
    scenarios = [main] + [r for r in named.values() if r is not main]
    if profile == "conservative":
        return scenarios + stress
    if profile == "moderate":
        return scenarios
    return [main]


def _history_values(inputs: Inputs) -> dict[str, Decimal | None]:
    """The DSO trend and the revenue change from ``[history]`` (None when too short)."""
    h = inputs.history
    dso_trend = h.dso[-1] - sum(h.dso[-3:]) / 3 if len(h.dso) >= 3 else None
    revenue_drop = None
    if len(h.revenue) >= 6:
        before = sum(h.revenue[-6:-3])
        revenue_drop = sum(h.revenue[-3:]) / before - 1 if before else None
    return {"dso_trend": dso_trend, "revenue_drop": revenue_drop}


def evaluate_triggers(inputs: Inputs, main: Run, named: dict[str, Run], stress: list[Run]) -> list[Trigger]:
    """Every enabled rule of docs section 9, on the selected run."""
    s = inputs.settings
    n = len(main.weeks)
    costs = kpi.monthly_costs(main)
    fixed = kpi.monthly_fixed_costs(inputs, n)
    watched = credit_runs(s.risk_profile, main, named, stress)
    history = _history_values(inputs)
    values = {
        "free_cash": [f / costs if costs else None for f in kpi.week_free_cash(main, s.minimum_buffer)],
        "cash_buffer": [ratios.buffer_months(w.closing_cash, fixed) for w in main.weeks],
        "credit_limit": [min(r.weeks[i].headroom for r in watched) for i in range(n)],
        "dso_trend": [history["dso_trend"]] * n,
        "revenue_drop": [history["revenue_drop"]] * n,
        # the bank's covenants, of the last balance sheet (one value for every week)
        "solvency": [inputs.financials.solvency if inputs.financials else None] * n,
        "dscr": [inputs.financials.dscr if inputs.financials else None] * n,
    }
    result = []
    for name, rule in RULES.items():
        override = inputs.triggers.get(name)
        if override is not None and not override.enabled:
            continue
        scale = s.credit_limit if name == "credit_limit" else Decimal(1)
        warning, alert, owner = thresholds(rule, s.risk_profile, override, scale)
        result.append(evaluate_rule(rule, values[name], warning, alert, owner, action_of(rule, override)))
    return result
