"""``xlcapital forecast [FOLDER]``: the 13-week cash-flow forecast of a company folder.

Prints the weekly table (or the 12-month view with ``--monthly``), the scenarios, the stress
tests, the triggers and the KPIs; ``--json`` prints one object with amounts as strings (rounded to
cents for display; the Python API keeps them exact). Without FOLDER it runs on the bundled sample.
"""

from __future__ import annotations

import argparse
import json
from datetime import timedelta
from decimal import ROUND_HALF_UP, Decimal
from pathlib import Path
from typing import Any

from xlcapital.errors import InputError
from xlcapital.money import format_money

CENT = Decimal("0.01")


def register(subparsers) -> None:
    p = subparsers.add_parser(
        "forecast",
        help="13-week cash-flow forecast of a company folder: scenarios, stress tests, triggers, KPIs",
        description="Forecast a company's cash week by week (receivables, payables, recurring items, expected sales, "
        "projected bank categories) through its overdraft facility, with scenarios, stress tests, triggers and KPIs. "
        "FOLDER holds forecast.toml and the CSV files of docs/forecast.md; without FOLDER the bundled sample company "
        "is used.",
    )
    p.add_argument("folder", metavar="FOLDER", nargs="?", help="the company folder (default: the bundled sample)")
    p.add_argument("--json", action="store_true", help="print one JSON object (amounts as strings)")
    p.add_argument("--scenario", metavar="NAME", help="the scenario to show and to stress (default: base, when defined); a stress test's name "
                   "(e.g. 'revenue -30%%') shows that stress test week by week")
    p.add_argument("--weeks", metavar="N", type=_weeks, help="the horizon in weeks (default: forecast.toml, else 13)")
    p.add_argument("--monthly", action="store_true", help="show the 12-month view instead of the weekly table")
    p.set_defaults(func=run_forecast)


def _weeks(text: str) -> int:
    try:
        n = int(text)
    except ValueError:
        raise argparse.ArgumentTypeError(f"not a whole number: {text!r}") from None
    if not 1 <= n <= 104:
        raise argparse.ArgumentTypeError("give 1 to 104 weeks")
    return n


def run_forecast(args: argparse.Namespace) -> int:
    from xlcapital.company import sample_dir
    from xlcapital.forecast import analyse, load

    folder = Path(args.folder) if args.folder else sample_dir()
    if not folder.exists():
        raise InputError("folder not found", file=str(folder), hint="give a company folder (see docs/forecast.md)")
    inputs = load(folder)
    analysis = analyse(inputs, scenario=args.scenario, weeks=args.weeks)
    if args.json:
        print(json.dumps(to_json(analysis, monthly=args.monthly), indent=2, ensure_ascii=False))
    else:
        print_analysis(analysis, monthly=args.monthly)
    return 0


# --------------------------------------------------------------------------------------------
# JSON
# --------------------------------------------------------------------------------------------


def amount(value: Decimal | None) -> str | None:
    """An amount for JSON: a string rounded half up to cents (display only)."""
    return None if value is None else str(value.quantize(CENT, rounding=ROUND_HALF_UP))


def fraction(value: Decimal) -> str:
    """An exact fraction for JSON, without trailing zeros: -0.280 -> "-0.28"."""
    return format(value.normalize(), "f") if value else "0"


def number(value: Any) -> float | None:
    """A ratio, a share or a day count for JSON (null when undefined)."""
    return None if value is None else float(value)


def _period(p, kind: str) -> dict:
    return {
        kind: p.index,
        f"{kind}_start": p.start.isoformat(),
        f"{kind}_end": p.end.isoformat(),
        "opening_cash": amount(p.opening_cash),
        "receipts": {c: amount(v) for c, v in p.receipts.items()},
        "payments": {c: amount(v) for c, v in p.payments.items()},
        "net_flow": amount(p.net_flow),
        "closing_before": amount(p.closing_before),
        "overdraft_drawn": amount(p.overdraft_drawn),
        "interest": amount(p.interest),
        "closing_cash": amount(p.closing_cash),
        "headroom": amount(p.headroom),
        "flags": p.flags,
        "has_actuals": p.has_actuals,
        "actual_flow": amount(p.actual_flow),
        "actual_closing": amount(p.actual_closing),
        "variance": amount(p.variance),
    }


def _summary(run) -> dict:
    return {
        "lowest_cash": amount(run.lowest_cash),
        "lowest_week": run.lowest_week,
        "lowest_week_start": run.weeks[run.lowest_week - 1].start.isoformat(),
        "first_breach_week": run.first_breach_week,
        "extra_financing_limit": amount(run.extra_financing_limit),
        "extra_financing_buffer": amount(run.extra_financing_buffer),
        "lowest_with_lookahead": amount(run.lowest_with_lookahead),
    }


def _lookahead(run) -> dict:
    """The 8 weeks after the horizon and their committed payments (docs/forecast-model.md section 2)."""
    return {
        "weeks": [_period(w, "week") for w in run.lookahead],
        "items": [{"date": i.cash_date.isoformat(), "name": i.party or i.ref, "ref": i.ref, "category": i.category,
                   "amount": amount(i.amount)} for i in run.lookahead_items],
        "lowest_cash": amount(run.lowest_with_lookahead),
    }


def _adjustments(s) -> dict:
    return {
        "revenue_change": fraction(s.revenue_change),
        "collection_delay_days": s.collection_delay_days,
        "payment_delay_days": s.payment_delay_days,
        "interest_rate_change": fraction(s.interest_rate_change),
        # the largest-customer stress tests: that customer's extra days and the share of its open invoices paid
        "largest_customer_delay_days": s.largest_customer_delay_days,
        "largest_customer_share": fraction(s.largest_customer_share),
        "one_offs": [
            {"date": o.date.isoformat(), "amount": amount(o.amount), "category": o.category, "description": o.description}
            for o in s.one_offs
        ],
    }


def _largest(inputs) -> dict | None:
    """The customer with the most open receivables (the largest-customer stress tests), or None."""
    from xlcapital.forecast.collections import largest_exposure

    found = largest_exposure(inputs.receivables)
    return {"name": found[0], "open": amount(found[1])} if found else None


def _trigger_value(t, value):
    return amount(value) if t.unit == "amount" and value is not None else number(value)


def to_json(analysis, monthly: bool = False) -> dict:
    """The JSON object of ``xlcapital forecast --json`` (issue 4, section 6)."""
    inputs, main = analysis.inputs, analysis.default
    s = inputs.settings
    result: dict[str, Any] = {
        "folder": str(inputs.folder) if inputs.folder else None,
        "currency": s.currency,
        "start": s.start.isoformat(),
        "scenario": main.name,
        "opening_balance": amount(main.weeks[0].opening_cash),
        "bank_balance": amount(s.opening_balance),
        "balance_date": (s.balance_date or s.start - timedelta(days=1)).isoformat(),
        "accounts": list(s.accounts),
        "credit_limit": amount(s.credit_limit),
        "minimum_buffer": amount(s.minimum_buffer),
        "weeks": [_period(w, "week") for w in main.weeks],
        "lookahead": _lookahead(main),
        "scenarios": {
            name: {**_adjustments(run.scenario), **_summary(run), "closing_cash": [amount(w.closing_cash) for w in run.weeks]}
            for name, run in analysis.scenarios.items()
        },
        "stress": [{"name": run.name, **_adjustments(run.scenario), **_summary(run)} for run in analysis.stress],
        "largest_customer": _largest(inputs),
        "triggers": [
            {
                "rule": t.rule,
                "description": t.description,
                "unit": t.unit,
                "value": _trigger_value(t, t.value),
                "worst": _trigger_value(t, t.worst),
                "warning": _trigger_value(t, t.warning),
                "alert": _trigger_value(t, t.alert),
                "status": t.status,
                "first_week": t.first_week,
                "first_alert_week": t.first_alert_week,
                "owner": t.owner,
                "action": t.action,
            }
            for t in analysis.triggers
        ],
        "kpis": {k: (amount(v) if isinstance(v, Decimal) else v if isinstance(v, int) else number(v)) for k, v in analysis.kpis.items()},
        "warnings": list(inputs.warnings),
    }
    if monthly:
        result["months"] = [_period(m, "month") for m in main.months]
    return result


# --------------------------------------------------------------------------------------------
# Tables
# --------------------------------------------------------------------------------------------


def _table(headers: list[str], rows: list[list[str]], left: int = 1) -> None:
    """Print a plain text table: the first ``left`` columns left-aligned, the rest right-aligned."""
    widths = [max(len(str(x)) for x in col) for col in zip(headers, *rows)]
    for i, row in enumerate([headers, *rows]):
        cells = [str(c).ljust(w) if j < left else str(c).rjust(w) for j, (c, w) in enumerate(zip(row, widths))]
        print("  ".join(cells).rstrip())
        if i == 0:
            print("  ".join("-" * w for w in widths))


def _m(value: Decimal | None) -> str:
    return format_money(value, 0) if value is not None else "-"


def _week_label(run, week: int | None) -> str:
    return "none" if week is None else f"{week} ({run.weeks[week - 1].start:%d %b})"


def print_analysis(analysis, monthly: bool = False) -> None:
    inputs, main = analysis.inputs, analysis.default
    s = inputs.settings
    where = inputs.folder or "inputs"
    print(f"Cash-flow forecast of {where}")
    opening = main.weeks[0].opening_cash
    # the known balance only when the bank transactions since (or before) its day moved it
    known = "" if opening == s.opening_balance else f" = {_m(s.opening_balance)} on {s.balance_date} rolled to the start"
    print(
        f"start {s.start} ({s.sources.get('start', 'given')}), opening cash {_m(opening)}{known} "
        f"({s.sources.get('opening_balance', 'given')}), credit limit {_m(s.credit_limit)} at "
        f"{_pct(s.overdraft_rate)}, buffer {_m(s.minimum_buffer)}, risk profile {s.risk_profile}, "
        f"scenario {main.name}, amounts in {s.currency}"
    )
    for w in inputs.warnings:
        print(f"warning: {w}")
    print()
    periods, kind = (main.months, "month") if monthly else (main.weeks, "week")
    # the bank's columns only when the bank data reaches a period (docs section 12)
    actual = ["bank flow", "bank closing", "variance"] if any(p.has_actuals for p in periods) else []
    _table(
        [kind, "from", "opening", "receipts", "payments", "net flow", "overdraft", "interest", "closing", "headroom",
         *actual, "flags"],
        [
            [str(p.index), f"{p.start:%d %b %Y}", _m(p.opening_cash), _m(p.receipts_total), _m(p.payments_total), _m(p.net_flow),
             _m(p.overdraft_drawn), format_money(p.interest), _m(p.closing_cash), _m(p.headroom),
             *([_m(p.actual_flow), _m(p.actual_closing), _m(p.variance)] if actual else []), ", ".join(p.flags)]
            for p in periods
        ],  # fmt: skip
        left=2,
    )
    if main.lookahead_items:
        print(f"\nLook-ahead: committed payments in the {len(main.lookahead)} weeks after the horizon")
        _table(["date", "payment", "category", "amount"],
               [[f"{i.cash_date:%d %b %Y}", i.party or i.ref, i.category, _m(i.amount)] for i in main.lookahead_items])
        print(f"lowest closing cash including the look-ahead weeks {main.lookahead[0].index}-{main.lookahead[-1].index}: "
              f"{_m(main.lowest_with_lookahead)}")
    print("\nScenarios")
    _table(
        ["scenario", "revenue", "customers", "suppliers", "interest", "lowest cash", "in week", "limit breached", "closing"],
        [
            [name, _pct(r.scenario.revenue_change, "+"), f"{r.scenario.collection_delay_days:+d} d",
             f"{r.scenario.payment_delay_days:+d} d", _pct(r.scenario.interest_rate_change, "+", " pt"), _m(r.lowest_cash),
             _week_label(r, r.lowest_week), _week_label(r, r.first_breach_week), _m(r.weeks[-1].closing_cash)]
            for name, r in analysis.scenarios.items()
        ] or [["(none in forecast.toml)", "", "", "", "", "", "", "", ""]],  # fmt: skip
    )
    print(f"\nStress tests on top of {main.name}")
    _table(
        ["stress test", "lowest cash", "in week", "limit breached", "extra to stay in limit", "extra to keep buffer"],
        [
            [r.name, _m(r.lowest_cash), _week_label(r, r.lowest_week), _week_label(r, r.first_breach_week),
             _m(r.extra_financing_limit), _m(r.extra_financing_buffer)]
            for r in analysis.stress
        ],  # fmt: skip
    )
    largest = _largest(analysis.inputs)
    if largest:  # the customer the largest-customer stress tests hit
        print(f"largest customer (open receivables): {largest['name']}, {_m(Decimal(largest['open']))}")
    print(f"\nTriggers (risk profile {s.risk_profile})")
    _table(
        ["rule", "now", "worst", "warning", "alert", "status", "first week", "owner"],
        [[t.rule, _fmt(t, t.value), _fmt(t, t.worst), _fmt(t, t.warning), _fmt(t, t.alert), t.status.upper(),
          _week_label(main, t.first_week), t.owner] for t in analysis.triggers],  # fmt: skip
    )
    for t in analysis.triggers:  # the pre-agreed action of every trigger that fires
        if t.status != "ok" and t.action:
            print(f"  {t.status.upper()} {t.rule}: {t.owner}: {t.action}")
    print("\nKPIs")
    k = analysis.kpis
    rows = [
        ["cash position", _m(k["cash_position"])],
        ["free cash (week 1, above the buffer)", _m(k["free_cash"])],
        ["monthly costs (forecast)", _m(k["monthly_costs"])],
        ["monthly fixed costs", _m(k["monthly_fixed_costs"])],
        ["operating burn per month", _m(k["burn_rate"]) + ("  (cash grows)" if k["burn_rate"] is not None and k["burn_rate"] < 0 else "")],
        ["runway incl. unused facility (months)", "not burning" if k["runway_months"] is None else f"{k['runway_months']:.1f}"],
        ["buffer (months of fixed costs)", "-" if k["buffer_months"] is None else f"{k['buffer_months']:.2f}"],
        ["lowest cash", f"{_m(k['lowest_cash'])} in week {k['lowest_week']}"],
        ["open receivables / payables", f"{_m(k['open_receivables'])} / {_m(k['open_payables'])}"],
        ["bad-debt allowance (overdue, not expected)", _m(k["bad_debt_allowance"])],
        ["DSO / DPO / CCC of the open invoices (days)",
         " / ".join("-" if k[x] is None else f"{k[x]:.1f}" for x in ("dso_open", "dpo_open", "ccc_open"))],
    ]
    _table(["KPI", "value"], rows)


def _pct(fraction: Decimal, sign: str = "", unit: str = " %") -> str:
    """A fraction as a percentage for display: 0.0725 -> '7.25 %'."""
    return f"{float(fraction) * 100:{sign}.4g}{unit}"


def _fmt(t, value) -> str:
    if value is None:
        return "-"
    if t.unit == "amount":
        return _m(value)
    if t.unit == "fraction":
        return f"{float(value) * 100:.1f} %"
    return f"{float(value):.2f}"
