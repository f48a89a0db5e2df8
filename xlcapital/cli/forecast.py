"""``xlcapital forecast [FOLDER]``: the 13-week cash-flow forecast of a company folder.

Prints the weekly table (or the 12-month view with ``--monthly``), the scenarios, the stress
tests, the triggers and the KPIs; ``--json`` prints one object with amounts as strings (rounded to
cents for display; the Python API keeps them exact). Without FOLDER it runs on the current folder
when that holds forecast.toml, else on the bundled sample.
"""

from __future__ import annotations

import argparse
import json
from datetime import timedelta
from decimal import Decimal
from pathlib import Path
from typing import Any

from xlcapital.cli.generate import FOLDER, FOLDER_HELP, company_folder
from xlcapital.cli.present import Lang, add_lang_option, json_amount, json_number, lang_of, whole_number
from xlcapital.cli.usage import helptext
from xlcapital.errors import InputError
from xlcapital.forecast import messages as say
from xlcapital.forecast.triggers import RULES


def register(subparsers) -> None:
    p = subparsers.add_parser(
        "forecast",
        help=helptext("13-week cash-flow forecast of a company folder: scenarios, stress tests, triggers, KPIs",
                      "liquiditeitsprognose van 13 weken van een bedrijfsmap: scenario's, stresstests, signalen, KPI's"),
        description=helptext(
            "Forecast a company's cash week by week (receivables, payables, recurring items, expected sales, "
            "projected bank categories) through its overdraft facility, with scenarios, stress tests, triggers and "
            "KPIs. FOLDER holds forecast.toml and the CSV files of docs/forecast.md; without FOLDER: the current folder "
            "when it holds forecast.toml, else the bundled sample company.",
            "Voorspel de liquide middelen van een bedrijf week voor week (debiteuren, crediteuren, vaste posten, "
            "verwachte verkopen, doorgetrokken bankcategorieën) binnen de kredietfaciliteit, met scenario's, "
            "stresstests, signalen en KPI's. MAP bevat forecast.toml en de CSV-bestanden van docs/forecast.md; zonder "
            "MAP: de huidige map als daar forecast.toml in staat, anders het voorbeeldbedrijf."),
    )
    p.add_argument("folder", metavar=FOLDER, nargs="?", help=FOLDER_HELP)
    p.add_argument("--json", action="store_true", help=helptext("print one JSON object (amounts as strings)",
                                                                "toon één JSON-object (bedragen als tekst)"))
    p.add_argument("--scenario", metavar=helptext("NAME", "NAAM"), help=helptext(
        "the scenario to show and to stress (default: base, when defined); a stress test's name (e.g. "
        "'revenue -30%%') shows that stress test week by week",
        "het scenario om te tonen en te stresstesten (standaard: base, als dat bestaat); de naam van een stresstest "
        "(bijvoorbeeld 'revenue -30%%') toont die stresstest week voor week"))
    p.add_argument("--weeks", metavar="N", type=whole_number(1, 104, helptext("weeks", "weken")),
                   help=helptext("the horizon in weeks (default: forecast.toml, else 13)",
                                 "de horizon in weken (standaard: forecast.toml, anders 13)"))
    p.add_argument("--monthly", action="store_true", help=helptext(
        "show the 12-month view instead of the weekly table", "toon het overzicht per maand (12 maanden) in plaats "
        "van de tabel per week"))
    add_lang_option(p)
    p.set_defaults(func=run_forecast)



def run_forecast(args: argparse.Namespace) -> int:
    from xlcapital.company import sample_dir
    from xlcapital.forecast import analyse, load

    folder = company_folder(args.folder, args.lang) or sample_dir()
    if not folder.exists():
        raise InputError(say.FOLDER_NOT_FOUND(), file=str(folder), hint=say.GIVE_A_COMPANY_FOLDER())
    inputs = load(folder)
    analysis = analyse(inputs, scenario=args.scenario, weeks=args.weeks)
    if args.json:
        print(json.dumps(to_json(analysis, monthly=args.monthly), indent=2, ensure_ascii=False))
    else:
        print_analysis(analysis, monthly=args.monthly, lang=args.lang)
    return 0


# --------------------------------------------------------------------------------------------
# JSON
# --------------------------------------------------------------------------------------------


def amount(value: Decimal | None) -> str | None:
    """A computed amount for JSON: a string rounded half up to cents (cli/present.py's convention)."""
    return json_amount(value, cents=True)


def fraction(value: Decimal) -> str:
    """An exact fraction for JSON, without trailing zeros: -0.280 -> "-0.28"."""
    return format(value.normalize(), "f") if value else "0"


number = json_number  # a ratio, a share or a day count for JSON (null when undefined)


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
        "commitment_fee": amount(p.commitment_fee),
        "borrowing_base": amount(p.borrowing_base),
        "available_facility": amount(p.available),
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
        "company": inputs.company_name,
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
    if inputs.vat.on:  # docs/forecast-model.md section 13: paid (positive) or refunded (negative) on "due"
        result["vat_returns"] = [
            {"period": r.label, "from": r.first.isoformat(), "to": r.last.isoformat(), "due": r.due.isoformat(),
             "output_vat": amount(r.output_vat), "input_vat": amount(r.input_vat), "carried": amount(r.carried),
             "balance": amount(r.balance), "given": r.given} for r in main.vat_returns]
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


#: how the table shows a period's flags and a source of a setting
_FLAGS = {"below_buffer": ("below buffer", "onder buffer"), "limit_breached": ("limit breached", "limiet overschreden")}
_SOURCES = {"given": ("given", "opgegeven"), "bank": ("from the bank", "uit de bank"), "history": ("history", "historie"),
            "dso": ("from DSO", "uit DSO"), "default": ("default", "standaard")}
_STATUS = {"ok": ("OK", "OK"), "warning": ("WARNING", "WAARSCHUWING"), "alert": ("ALERT", "ALARM")}


def _pick(table: dict, key: str, w: Lang) -> str:
    en, nl = table.get(key, (key, key))
    return nl if w.code == "nl" else en


def print_analysis(analysis, monthly: bool = False, lang: str = "en") -> None:
    """The forecast as tables: periods, scenarios, stress tests, triggers, KPIs (``lang``: en or nl)."""
    w = lang_of(lang)
    inputs, main = analysis.inputs, analysis.default
    s = inputs.settings
    m = lambda value: w.money(value, 0)  # noqa: E731 - whole euros in the tables
    pct = lambda fraction, sign="", unit=" %": f"{w.dutch_marks(format(float(fraction) * 100, sign + '.4g'))}{unit}"  # noqa: E731
    source = lambda key: _pick(_SOURCES, s.sources.get(key, "given"), w)  # noqa: E731

    def week_label(run, week: int | None) -> str:
        return w.t("none") if week is None else f"{week} ({w.day_month(run.weeks[week - 1].start)})"

    print(f"{w.t('Cash-flow forecast of')} {inputs.company_name or inputs.folder or w.t('the inputs')}")
    opening = main.weeks[0].opening_cash
    # the known balance only when the bank transactions since (or before) its day moved it
    known = ("" if opening == s.opening_balance else
             f" = {m(s.opening_balance)} {w.t('on')} {w.day(s.balance_date)} {w.t('rolled to the start')}")
    print(
        f"{w.t('start')} {w.day(s.start)} ({source('start')}), {w.t('opening cash')} {m(opening)}{known} "
        f"({source('opening_balance')}), {w.t('credit limit')} {m(s.credit_limit)} {w.t('at')} "
        f"{pct(s.overdraft_rate)}, {w.t('buffer')} {m(s.minimum_buffer)}, {w.t('risk profile')} {w.t(s.risk_profile)}, "
        f"{w.t('scenario')} {w.t(main.name)}, {w.t('amounts in')} {s.currency}"
    )
    for warning in inputs.warnings:
        print(f"{w.t('warning')}: {w.say(warning)}")
    print()
    periods, kind = (main.months, "month") if monthly else (main.weeks, "week")
    # the bank's columns only when the bank data reaches a period (docs section 12)
    actual = ["bank flow", "bank closing", "variance"] if any(p.has_actuals for p in periods) else []
    _table(
        [w.t(h) for h in [kind, "from", "opening", "receipts", "payments", "net flow", "overdraft", "interest+fee",
                          "closing", "headroom", *actual, "flags"]],
        [
            [str(p.index), w.short_day(p.start), m(p.opening_cash), m(p.receipts_total), m(p.payments_total),
             m(p.net_flow), m(p.overdraft_drawn), w.money(p.interest + p.commitment_fee), m(p.closing_cash),
             m(p.headroom), *([m(p.actual_flow), m(p.actual_closing), m(p.variance)] if actual else []),
             ", ".join(_pick(_FLAGS, f, w) for f in p.flags)]
            for p in periods
        ],  # fmt: skip
        left=2,
    )
    if main.lookahead_items:
        print(f"\n{w.t('Look-ahead: committed payments in the weeks after the horizon')} ({len(main.lookahead)})")
        _table([w.t(h) for h in ["date", "payment", "category", "amount"]],
               [[w.short_day(i.cash_date), i.party or i.ref, i.category, m(i.amount)] for i in main.lookahead_items])
        print(f"{w.t('lowest closing cash including the look-ahead weeks')} {main.lookahead[0].index}-"
              f"{main.lookahead[-1].index}: {m(main.lowest_with_lookahead)}")
    if main.vat_returns:
        print(f"\n{w.t('VAT returns')} ({inputs.vat.filing})")
        _table([w.t(h) for h in ["period", "output VAT", "input VAT", "carried", "to pay", "due"]],
               [[r.label, m(r.output_vat), m(r.input_vat), m(r.carried), m(r.balance), w.short_day(r.due)]
                for r in main.vat_returns])
    print(f"\n{w.t('Scenarios')}")
    _table(
        [w.t(h) for h in ["scenario", "revenue", "customers", "suppliers", "interest", "lowest cash", "in week",
                          "limit breached", "closing"]],
        [
            [name, pct(r.scenario.revenue_change, "+"), f"{r.scenario.collection_delay_days:+d} d",
             f"{r.scenario.payment_delay_days:+d} d", pct(r.scenario.interest_rate_change, "+", " pt"), m(r.lowest_cash),
             week_label(r, r.lowest_week), week_label(r, r.first_breach_week), m(r.weeks[-1].closing_cash)]
            for name, r in analysis.scenarios.items()
        ] or [[w.t("(none in forecast.toml)"), "", "", "", "", "", "", "", ""]],  # fmt: skip
    )
    print(f"\n{w.t('Stress tests on top of')} {w.t(main.name)}")
    _table(
        [w.t(h) for h in ["stress test", "lowest cash", "in week", "limit breached", "extra to stay in limit",
                          "extra to keep buffer"]],
        [
            [w.t(r.name), m(r.lowest_cash), week_label(r, r.lowest_week), week_label(r, r.first_breach_week),
             m(r.extra_financing_limit), m(r.extra_financing_buffer)]
            for r in analysis.stress
        ],  # fmt: skip
    )
    largest = _largest(analysis.inputs)
    if largest:  # the customer the largest-customer stress tests hit
        print(f"{w.t('largest customer (open receivables)')}: {largest['name']}, {m(Decimal(largest['open']))}")
    print(f"\n{w.t('Triggers')} ({w.t('risk profile')} {w.t(s.risk_profile)})")
    _table(
        [w.t(h) for h in ["rule", "now", "worst", "warning", "alert", "status", "first week", "owner"]],
        [[w.name(t.rule), _fmt(t, t.value, w), _fmt(t, t.worst, w), _fmt(t, t.warning, w), _fmt(t, t.alert, w),
          _pick(_STATUS, t.status, w), week_label(main, t.first_week), _owner_action(t, lang)[0]]
         for t in analysis.triggers],  # fmt: skip
    )
    for t in analysis.triggers:  # the pre-agreed action of every trigger that fires
        if t.status != "ok" and t.action:
            owner, action = _owner_action(t, lang)
            print(f"  {_pick(_STATUS, t.status, w)} {w.name(t.rule)}: {owner}: {action}")
    print(f"\n{w.t('KPIs')}")
    k = analysis.kpis
    growing = k["burn_rate"] is not None and k["burn_rate"] < 0
    rows = [
        [w.name("cash_position"), m(k["cash_position"])],
        [w.t("free cash (week 1, above the buffer)"), m(k["free_cash"])],
        [w.name("monthly_costs"), m(k["monthly_costs"])],
        [w.name("monthly_fixed_costs"), m(k["monthly_fixed_costs"])],
        [w.name("burn_rate"), m(k["burn_rate"]) + (f"  {w.t('(cash grows)')}" if growing else "")],
        [w.name("runway_months"), w.t("not burning") if k["runway_months"] is None else w.number(k["runway_months"], 1)],
        [w.t("buffer (months of fixed costs)"), "-" if k["buffer_months"] is None else w.number(k["buffer_months"])],
        [w.name("lowest_cash"), f"{m(k['lowest_cash'])} {w.t('in week')} {k['lowest_week']}"],
        [w.t("open receivables / payables"), f"{m(k['open_receivables'])} / {m(k['open_payables'])}"],
        [w.t("bad-debt allowance (overdue, not expected)"), m(k["bad_debt_allowance"])],
        [w.t("DSO / DPO / CCC of the open invoices (days)"),
         " / ".join("-" if k[x] is None else w.number(k[x], 1) for x in ("dso_open", "dpo_open", "ccc_open"))],
    ]
    _table([w.t("KPI"), w.t("value")], rows)


def _owner_action(t, lang: str) -> tuple[str, str]:
    """The trigger's owner and action in ``lang`` (the rule's defaults in Dutch; the user's own text as written)."""
    rule = RULES.get(t.rule)
    return rule.in_language(t.owner, t.action, lang) if rule is not None else (t.owner, t.action)


def _fmt(t, value, w: Lang) -> str:
    if value is None:
        return "-"
    if t.unit == "amount":
        return w.money(value, 0)
    if t.unit == "fraction":
        return f"{w.number(float(value) * 100, 1)} %"
    return w.number(value)
