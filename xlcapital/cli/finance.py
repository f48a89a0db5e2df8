"""``xlcapital ratios FILE`` and ``xlcapital cashflow FILE``: a company file's ratios and statement.

Both print a readable table, or one JSON object with ``--json`` (amounts as JSON numbers,
``null`` where a ratio is undefined). Bad input prints one line naming the file, the key and the
problem and exits 2 (see :mod:`xlcapital.cli`).
"""

from __future__ import annotations

import argparse
import json
import sys
from datetime import date
from decimal import Decimal
from typing import TextIO

from xlcapital.company import Company, company_ratios, load_company
from xlcapital.money import format_money
from xlcapital.statements import CashflowStatement

EXIT_NOT_RECONCILED = 1


def register(subparsers) -> None:
    ratios = subparsers.add_parser(
        "ratios",
        help="every working-capital and cash-flow ratio of a company file",
        description="Print every ratio of a company file (TOML or JSON; see docs/company-file.md). Point-in-time "
        "ratios use the closing balance sheet; DSO, DSI, DPO, CCC and turnovers the (opening, closing) average and "
        "the days of [period].",
    )
    ratios.add_argument("file", metavar="FILE", help="the company file (.toml or .json)")
    ratios.add_argument("--json", action="store_true", help="print one JSON object: ratio name -> value (null where undefined)")
    ratios.add_argument(
        "--cost-base",
        choices=("cogs", "revenue"),
        default="cogs",
        help="divide inventory and payables by COGS (textbook, default) or by revenue (the seeds' days working capital)",
    )
    ratios.set_defaults(func=run_ratios)

    cashflow = subparsers.add_parser(
        "cashflow",
        help="the indirect-method cash-flow statement of a company file",
        description="Print the cash-flow statement by the indirect method (EBIT to net cash flow) from the opening and "
        "closing balance sheets, the income statement and the [cashflow] facts of a company file, with the "
        "reconciliation to the change in cash (net of overdraft).",
    )
    cashflow.add_argument("file", metavar="FILE", help="the company file (.toml or .json)")
    cashflow.add_argument("--json", action="store_true", help="print one JSON object: lines, totals, difference, warnings")
    cashflow.add_argument("--lang", choices=("en", "nl"), default="en", help="labels in English (default) or Dutch")
    cashflow.add_argument(
        "--strict", action="store_true", help=f"exit {EXIT_NOT_RECONCILED} when the statement does not reconcile"
    )
    cashflow.set_defaults(func=run_cashflow)


def run_ratios(args: argparse.Namespace) -> int:
    print_ratios(load_company(args.file), as_json=args.json, cost_base=args.cost_base)
    return 0


def run_cashflow(args: argparse.Namespace) -> int:
    statement = print_cashflow(load_company(args.file), as_json=args.json, lang=args.lang)
    return EXIT_NOT_RECONCILED if args.strict and not statement.reconciles else 0


# --------------------------------------------------------------------------------------------
# Output (also used by ``xlcapital demo``)
# --------------------------------------------------------------------------------------------


def _json_default(value):
    if isinstance(value, Decimal):
        return float(value)  # shortest repr: a two-decimal amount prints exactly as it is
    if isinstance(value, date):
        return value.isoformat()
    raise TypeError(f"not JSON serializable: {value!r}")


def _dump(obj, out: TextIO) -> None:
    out.write(json.dumps(obj, default=_json_default, indent=2, ensure_ascii=False) + "\n")


def _heading(company: Company, what: str) -> str:
    p = company.period
    return f"{company.name}: {what}, {p.start} to {p.end} ({p.days} days), {company.currency}"


_UNITS = {
    "amount": lambda v: format_money(v),
    "ratio": lambda v: f"{v:.2f}",
    "days": lambda v: f"{v:.1f} days",
    "times": lambda v: f"{v:.2f}x",
    "months": lambda v: f"{v:.1f} months",
}


def print_ratios(company: Company, *, as_json: bool = False, cost_base: str = "cogs", out: TextIO | None = None) -> None:
    """Print every ratio of ``company`` as a table, or as one JSON object name -> value."""
    out = out or sys.stdout
    rows = company_ratios(company, cost_base=cost_base)
    if as_json:
        _dump({r.name: r.value for r in rows}, out)
        return
    shown = [(r.name, "n/a" if r.value is None else _UNITS[r.unit](r.value), r.basis) for r in rows]
    w0 = max(len(n) for n, _, _ in shown)
    w1 = max(len(v) for _, v, _ in shown)
    out.write(_heading(company, "ratios") + "\n\n")
    for name, value, basis in shown:
        out.write(f"  {name:<{w0}}  {value:>{w1}}  {basis}\n")


def print_cashflow(company: Company, *, as_json: bool = False, lang: str = "en", out: TextIO | None = None) -> CashflowStatement:
    """Print the cash-flow statement of ``company`` (table or JSON); warnings also go to stderr."""
    out = out or sys.stdout
    statement = company.statement()
    for warning in statement.warnings:
        print(f"xlcapital: warning: {company.source or company.name}: {warning}", file=sys.stderr)
    if as_json:
        data = {"company": company.name, "currency": company.currency}
        data["period"] = {"start": company.period.start, "end": company.period.end, "days": company.period.days}
        data.update(statement.to_dict())
        data["bhk_cashflow_simple"] = statement.bhk_simple
        data["bhk_cashflow_extended"] = statement.bhk_extended
        data["ocf_ratio"] = statement.ocf_ratio(company.debt_service.interest, company.debt_service.repayment)
        _dump(data, out)
        return statement
    title = "kasstroomoverzicht (indirecte methode)" if lang == "nl" else "cash-flow statement (indirect method)"
    out.write(_heading(company, title) + "\n\n")
    labels = [line.label_nl if lang == "nl" else line.label for line in statement.lines]
    width = max(len(label) for label in labels) + 4
    for line, label in zip(statement.lines, labels):
        if line.total:
            out.write(f"  {'':<{width}}{'-' * 14}\n")
        out.write(f"  {label:<{width}}{format_money(line.amount):>14}\n")
        if line.key in ("cash_from_business_operations", "cash_flow_operating", "cash_flow_investing",
                        "cash_flow_financing", "net_cash_flow"):
            out.write("\n")
    out.write("\n")
    if statement.reconciles:
        out.write("  The statement reconciles: net cash flow = change in cash (net of overdraft).\n")
    for warning in statement.warnings:
        out.write(f"  warning: {warning}\n")
    return statement
