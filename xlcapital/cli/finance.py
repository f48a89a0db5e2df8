"""``xlcapital ratios FILE`` and ``xlcapital cashflow FILE``: a company file's ratios and statement.

Both print a readable table (``--lang nl``: in Dutch), or one JSON object with ``--json`` (amounts
as strings with two decimals, ratios as numbers, ``null`` where a ratio is undefined; see
:mod:`xlcapital.cli.present`). Bad input prints one line naming the file, the key and the
problem and exits 2 (see :mod:`xlcapital.cli`).
"""

from __future__ import annotations

import argparse
import sys
from decimal import Decimal
from typing import TextIO

from xlcapital.cli.present import Lang, add_lang_option, dump_json, json_amount, json_number, lang_of, warn
from xlcapital.cli.usage import helptext
from xlcapital.company import Company, company_ratios, load_company
from xlcapital.messages import AT
from xlcapital.statements import CashflowStatement

EXIT_NOT_RECONCILED = 1


def register(subparsers) -> None:
    file_metavar = helptext("FILE", "BESTAND")
    file_help = helptext("the company file (.toml or .json)", "het bedrijfsbestand (.toml of .json)")
    ratios = subparsers.add_parser(
        "ratios",
        help=helptext("every working-capital and cash-flow ratio of a company file",
                      "alle werkkapitaal- en kasstroomratio's van een bedrijfsbestand"),
        description=helptext(
            "Print every ratio of a company file (TOML or JSON; see docs/company-file.md). Point-in-time ratios use "
            "the closing balance sheet; DSO, DSI, DPO, CCC and turnovers the (opening, closing) average and the days "
            "of [period].",
            "Toon alle ratio's van een bedrijfsbestand (TOML of JSON; zie docs/company-file.md). Ratio's op een "
            "moment gebruiken de eindbalans; DSO, DSI, DPO, CCC en de omloopsnelheden het gemiddelde van begin- en "
            "eindbalans en de dagen van [period]."),
    )
    ratios.add_argument("file", metavar=file_metavar, help=file_help)
    ratios.add_argument("--json", action="store_true", help=helptext(
        "print one JSON object: ratio name -> value (amounts as strings, the rest numbers, null where undefined)",
        "toon één JSON-object: naam van de ratio -> waarde (bedragen als tekst, de rest als getal, null waar niet "
        "gedefinieerd)"))
    add_lang_option(ratios)
    ratios.add_argument(
        "--cost-base",
        choices=("cogs", "revenue"),
        default="cogs",
        help=helptext("divide inventory and payables by COGS (textbook, default) or by revenue (the seeds' days "
                      "working capital)",
                      "deel voorraad en crediteuren door de kostprijs van de omzet (leerboek, standaard) of door de "
                      "omzet (de dagen werkkapitaal van de bronartikelen)"),
    )
    ratios.set_defaults(func=run_ratios)

    cashflow = subparsers.add_parser(
        "cashflow",
        help=helptext("the indirect-method cash-flow statement of a company file",
                      "het kasstroomoverzicht volgens de indirecte methode van een bedrijfsbestand"),
        description=helptext(
            "Print the cash-flow statement by the indirect method (EBIT to net cash flow) from the opening and closing "
            "balance sheets, the income statement and the [cashflow] facts of a company file, with the reconciliation "
            "to the change in cash (net of overdraft).",
            "Toon het kasstroomoverzicht volgens de indirecte methode (van EBIT naar netto kasstroom) uit de begin- en "
            "eindbalans, de winst-en-verliesrekening en de gegevens in [cashflow] van een bedrijfsbestand, met de "
            "aansluiting op de verandering van de liquide middelen (na rekening-courant)."),
    )
    cashflow.add_argument("file", metavar=file_metavar, help=file_help)
    cashflow.add_argument("--json", action="store_true", help=helptext(
        "print one JSON object: lines, totals, difference, warnings",
        "toon één JSON-object: regels, totalen, verschil, waarschuwingen"))
    add_lang_option(cashflow)
    cashflow.add_argument(
        "--strict", action="store_true", help=helptext("exit {code} when the statement does not reconcile",
                                                       "eindig met code {code} als het overzicht niet aansluit",
                                                       code=EXIT_NOT_RECONCILED)
    )
    cashflow.set_defaults(func=run_cashflow)


def run_ratios(args: argparse.Namespace) -> int:
    print_ratios(load_company(args.file), as_json=args.json, cost_base=args.cost_base, lang=args.lang)
    return 0


def run_cashflow(args: argparse.Namespace) -> int:
    statement = print_cashflow(load_company(args.file), as_json=args.json, lang=args.lang)
    return EXIT_NOT_RECONCILED if args.strict and not statement.reconciles else 0


# --------------------------------------------------------------------------------------------
# Output (also used by ``xlcapital demo``)
# --------------------------------------------------------------------------------------------


def _heading(company: Company, what: str, lang: Lang) -> str:
    p = company.period
    return (f"{company.name}: {lang.t(what)}, {lang.day(p.start)} {lang.t('to')} {lang.day(p.end)} "
            f"({p.days} {lang.t('days')}), {company.currency}")


def _shown(unit: str, value, lang: Lang) -> str:
    """A ratio's value for the table, by its unit."""
    if value is None:
        return lang.t("n/a")
    if unit == "amount":
        return lang.money(value)
    if unit == "days":
        return f"{lang.number(value, 1)} {lang.t('days')}"
    if unit == "times":
        return f"{lang.number(value)}x"
    if unit == "months":
        return f"{lang.number(value, 1)} {lang.t('months')}"
    return lang.number(value)


def ratios_json(rows) -> dict:
    """``ratios --json``: code name -> value; amounts as strings (cli/present.py), the rest numbers."""
    return {r.name: json_amount(r.value) if r.unit == "amount" else json_number(r.value) for r in rows}


def print_ratios(company: Company, *, as_json: bool = False, cost_base: str = "cogs", lang: str = "en",
                 out: TextIO | None = None) -> None:
    """Print every ratio of ``company`` as a table (readable names), or as one JSON object code -> value."""
    out = out or sys.stdout
    rows = company_ratios(company, cost_base=cost_base)
    if as_json:
        dump_json(ratios_json(rows), out)
        return
    words = lang_of(lang)
    shown = [(words.name(r.name), _shown(r.unit, r.value, words), r.basis_nl if words.code == "nl" else r.basis)
             for r in rows]
    w0 = max(len(n) for n, _, _ in shown)
    w1 = max(len(v) for _, v, _ in shown)
    out.write(_heading(company, "ratios", words) + "\n\n")
    for name, value, basis in shown:
        out.write(f"  {name:<{w0}}  {value:>{w1}}  {basis}\n")


def cashflow_json(company: Company, statement: CashflowStatement) -> dict:
    """``cashflow --json``: the lines and totals (amounts as strings), reconciliation, warnings."""
    data = {"company": company.name, "currency": company.currency}
    data["period"] = {"start": company.period.start.isoformat(), "end": company.period.end.isoformat(),
                      "days": company.period.days}
    raw = statement.to_dict()
    raw["lines"] = [{**line, "amount": json_amount(line["amount"])} for line in raw["lines"]]
    data.update({k: json_amount(v) if isinstance(v, Decimal) else v for k, v in raw.items()})
    data["bhk_cashflow_simple"] = json_amount(statement.bhk_simple)
    data["bhk_cashflow_extended"] = json_amount(statement.bhk_extended)
    data["ocf_ratio"] = json_number(statement.ocf_ratio(company.debt_service.interest, company.debt_service.repayment))
    return data


#: the lines after which the table leaves a blank line
_BLOCK_ENDS = ("cash_from_business_operations", "cash_flow_operating", "cash_flow_investing", "cash_flow_financing",
               "net_cash_flow")


def print_cashflow(company: Company, *, as_json: bool = False, lang: str = "en", out: TextIO | None = None) -> CashflowStatement:
    """Print the cash-flow statement of ``company`` (table or JSON); warnings also go to stderr."""
    out = out or sys.stdout
    statement = company.statement()
    for warning in statement.warnings:
        warn(AT(where=company.source or company.name, what=warning), lang)
    if as_json:
        dump_json(cashflow_json(company, statement), out)
        return statement
    words = lang_of(lang)
    out.write(_heading(company, "cash-flow statement (indirect method)", words) + "\n\n")
    labels = [line.label_nl if words.code == "nl" else line.label for line in statement.lines]
    width = max(len(label) for label in labels) + 4
    for line, label in zip(statement.lines, labels):
        if line.total:
            out.write(f"  {'':<{width}}{'-' * 14}\n")
        out.write(f"  {label:<{width}}{words.money(line.amount):>14}\n")
        if line.key in _BLOCK_ENDS:
            out.write("\n")
    out.write("\n")
    if statement.reconciles:
        out.write(f"  {words.t('The statement reconciles: net cash flow = change in cash (net of overdraft).')}\n")
    else:
        out.write(f"  {words.t('The statement does not reconcile: net cash flow differs from the change in cash by')} "
                  f"{words.money(statement.difference)}.\n")
    for warning in statement.warnings:
        out.write(f"  {words.t('warning')}: {words.say(warning)}\n")
    return statement
