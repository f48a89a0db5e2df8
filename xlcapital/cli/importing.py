"""``xlcapital import FILE -o FOLDER``: an auditfile or trial balance into a company folder.

A thin face on :mod:`xlcapital.imports`: read, map, find the open items, write; warnings go to
standard error, one line each, and the summary to standard output.
"""

from __future__ import annotations

import argparse
from datetime import date

from xlcapital.cli.present import add_lang_option, warn
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


def _day(text: str) -> date:
    try:
        return date.fromisoformat(text)
    except ValueError:
        raise argparse.ArgumentTypeError(f"not a date: {text!r} (write 2024-12-31)") from None


def _days(text: str) -> int:
    if not text.isdigit() or int(text) > 3650:
        raise argparse.ArgumentTypeError(f"not a number of days: {text!r}")
    return int(text)


def register(subparsers) -> None:
    p = subparsers.add_parser(
        "import",
        help="an XAF auditfile or RGS trial balance into a company folder",
        description="Read the bookkeeping's XML Auditfile Financieel (XAF 3.1, 3.2, 4.0; .xaf, .xml or .zip) or an "
        "RGS-coded trial balance (.csv, .xlsx) and write a company folder: company.toml (balance sheets, income "
        "statement), forecast.toml, receivables.csv, payables.csv, customers.csv and trial_balance.csv. See "
        "docs/imports.md.",
    )
    p.add_argument("file", metavar="FILE", help="the auditfile or trial balance")
    p.add_argument("-o", "--output", metavar="FOLDER", required=True, help="the company folder to write (new or empty)")
    p.add_argument("--force", action="store_true",
                   help="write into a folder that is not empty: the bookkeeping's files are replaced; your forecast.toml, "
                   "the payment delays in customers.csv and other files stay")  # fmt: skip
    p.add_argument("--mapping", metavar="CSV", help="account,item rules for accounts without (or with other) RGS codes")
    p.add_argument("--allow-unmapped", action="store_true",
                   help="put accounts that map nowhere in residual lines (other_current_assets, accruals, extraordinary) "
                   "instead of stopping")  # fmt: skip
    p.add_argument("--payment-term", type=_days, default=30, metavar="DAYS",
                   help="days from invoice to due date where the file gives no due date (default 30)")  # fmt: skip
    p.add_argument("--name", help="the company's name (default: the auditfile's companyName)")
    p.add_argument("--start", type=_day, help="a trial balance's first day (YYYY-MM-DD)")
    p.add_argument("--end", type=_day, help="a trial balance's last day (YYYY-MM-DD)")
    add_lang_option(p, "the summary and the warnings")
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
