"""``xlcapital import FILE -o FOLDER``: an auditfile or trial balance into a company folder.

A thin face on :mod:`xlcapital.imports`: read, map, find the open items, write; warnings go to
standard error, one line each, and the summary to standard output.
"""

from __future__ import annotations

import argparse
from datetime import date

from xlcapital.cli.present import add_lang_option, warn
from xlcapital.cli.usage import helptext, said
from xlcapital.errors import InputError
from xlcapital.messages import Text, in_language

#: the summary (money as {x:money}: 1,234.56, in Dutch 1.234,56)
READ = Text("{company}: {start} to {end}, {accounts} accounts -> {target}",
            "{company}: {start} t/m {end}, {accounts} rekeningen -> {target}")
TOTALS = Text("  total assets {opening:money} (opening), {closing:money} (closing); revenue {revenue:money}, result "
              "{result:money}",
              "  balanstotaal {opening:money} (begin), {closing:money} (eind); omzet {revenue:money}, resultaat "
              "{result:money}")
OPEN_ITEMS = Text("  {receivables} open receivables ({receivables_total:money}), {payables} open payables "
                  "({payables_total:money})",
                  "  {receivables} openstaande debiteuren ({receivables_total:money}), {payables} openstaande "
                  "crediteuren ({payables_total:money})")
STARTEND_FOR_TRIAL_BALANCE = Text("--start and --end are for a trial balance; an auditfile states its own period",
                                  "--start en --end zijn voor een proefbalans; een auditfile noemt zijn eigen periode")


NOT_A_DAY = Text("not a date: {text!r} (write 2024-12-31)", "geen datum: {text!r} (schrijf 2024-12-31)")
NOT_DAYS = Text("not a number of days: {text!r}", "geen aantal dagen: {text!r}")


def _day(text: str) -> date:
    try:
        return date.fromisoformat(text)
    except ValueError:
        raise argparse.ArgumentTypeError(said(NOT_A_DAY(text=text))) from None


def _days(text: str) -> int:
    if not text.isdigit() or int(text) > 3650:
        raise argparse.ArgumentTypeError(said(NOT_DAYS(text=text)))
    return int(text)


def register(subparsers) -> None:
    p = subparsers.add_parser(
        "import",
        help=helptext("an XAF auditfile or RGS trial balance into a company folder",
                      "een XAF-auditfile of RGS-proefbalans naar een bedrijfsmap"),
        description=helptext(
            "Read the bookkeeping's XML Auditfile Financieel (XAF 3.1, 3.2, 4.0; .xaf, .xml or .zip) or an RGS-coded "
            "trial balance (.csv, .xlsx) and write a company folder: company.toml (balance sheets, income statement), "
            "forecast.toml, receivables.csv, payables.csv, customers.csv and trial_balance.csv. See docs/imports.md.",
            "Lees de XML Auditfile Financieel van de boekhouding (XAF 3.1, 3.2, 4.0; .xaf, .xml of .zip) of een "
            "proefbalans met RGS-codes (.csv, .xlsx) en schrijf een bedrijfsmap: company.toml (balansen, "
            "winst-en-verliesrekening), forecast.toml, receivables.csv, payables.csv, customers.csv en "
            "trial_balance.csv. Zie docs/imports.md."),
    )
    p.add_argument("file", metavar=helptext("FILE", "BESTAND"), help=helptext(
        "the auditfile or trial balance", "de auditfile of proefbalans"))
    p.add_argument("-o", "--output", metavar=helptext("FOLDER", "MAP"), required=True, help=helptext(
        "the company folder to write (new or empty)", "de bedrijfsmap die geschreven wordt (nieuw of leeg)"))
    p.add_argument("--force", action="store_true", help=helptext(
        "write into a folder that is not empty: the bookkeeping's files are replaced; your forecast.toml, the payment "
        "delays in customers.csv and other files stay",
        "schrijf in een map die niet leeg is: de bestanden uit de boekhouding worden vervangen; uw forecast.toml, de "
        "betaaltermijnen in customers.csv en andere bestanden blijven staan"))
    p.add_argument("--mapping", metavar="CSV", help=helptext(
        "account,item rules for accounts without (or with other) RGS codes",
        "regels 'account,item' voor rekeningen zonder (of met andere) RGS-codes"))
    p.add_argument("--allow-unmapped", action="store_true", help=helptext(
        "put accounts that map nowhere in residual lines (other_current_assets, accruals, extraordinary) instead of "
        "stopping",
        "zet rekeningen die nergens bij horen in restposten (other_current_assets, accruals, extraordinary) in "
        "plaats van te stoppen"))
    p.add_argument("--payment-term", type=_days, default=30, metavar=helptext("DAYS", "DAGEN"), help=helptext(
        "days from invoice to due date where the file gives no due date (default 30)",
        "dagen van factuur tot vervaldatum waar het bestand geen vervaldatum geeft (standaard 30)"))
    p.add_argument("--name", metavar=helptext("NAME", "NAAM"), help=helptext(
        "the company's name (default: the auditfile's companyName)",
        "de naam van het bedrijf (standaard: companyName uit de auditfile)"))
    p.add_argument("--start", type=_day, metavar=helptext("START", "BEGIN"), help=helptext(
        "a trial balance's first day (YYYY-MM-DD)", "de eerste dag van een proefbalans (JJJJ-MM-DD)"))
    p.add_argument("--end", type=_day, metavar=helptext("END", "EINDE"), help=helptext(
        "a trial balance's last day (YYYY-MM-DD)", "de laatste dag van een proefbalans (JJJJ-MM-DD)"))
    add_lang_option(p, helptext("the summary and the warnings", "de samenvatting en de waarschuwingen"))
    p.set_defaults(func=run)


def run(args: argparse.Namespace) -> int:
    from xlcapital import imports

    mapping = imports.read_mapping(args.mapping) if args.mapping else None
    ledger = imports.read(args.file, start=args.start, end=args.end, name=args.name, mapping=mapping)
    if args.start or args.end:
        if ledger.has_items:
            raise InputError(STARTEND_FOR_TRIAL_BALANCE(), file=args.file)
    result = imports.build(ledger, mapping, allow_unmapped=args.allow_unmapped, payment_term=args.payment_term)
    target = result.write(args.output, force=args.force)
    for warning in result.warnings:
        warn(warning, args.lang)
    opening, closing = result.figures.balance_sheets()
    income = result.figures.income_statement()
    say = lambda text: print(in_language(text, args.lang))  # noqa: E731
    say(READ(company=ledger.company_name or target.name, start=ledger.start, end=ledger.end,
             accounts=len(ledger.accounts), target=target))
    say(TOTALS(opening=opening.total_assets, closing=closing.total_assets, revenue=income.revenue,
               result=income.earnings_after_tax))
    if result.items is not None:
        open_r = [i for i in result.items.receivables if i.paid_date is None]
        open_p = [i for i in result.items.payables if i.paid_date is None]
        say(OPEN_ITEMS(receivables=len(open_r), receivables_total=sum(i.amount for i in open_r),
                       payables=len(open_p), payables_total=sum(i.amount for i in open_p)))
    return 0
