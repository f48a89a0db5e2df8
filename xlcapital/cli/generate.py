"""``xlcapital generate [FOLDER] -o NAME.xlsm``: the 13-week cash-flow forecast workbook of a company.

Without FOLDER it uses the current folder when that holds forecast.toml, else the bundled sample
company. ``--month YYYY-MM`` starts the forecast at the first Monday of that month;
``--previous LAST.xlsm`` carries last month's workbook over (its tables and settings, and its bank
transactions as actuals, with a Variance sheet). The workbook is written by the rules of
:func:`xlcapital.fileio.atomic_output`: whole or not at all, an existing file replaced only with
``--force``.
"""

from __future__ import annotations

import argparse
import re
import sys
from datetime import date, timedelta
from pathlib import Path

from xlcapital.cli.present import lang_of
from xlcapital.cli.usage import helptext, said
from xlcapital.errors import InputError
from xlcapital.messages import Text, in_language

NOT_A_WORKBOOK_NAME = Text("{name}: the workbook must end in .xlsm (or .xlsx without macros)",
                           "{name}: de werkmap moet eindigen op .xlsm (of .xlsx zonder macro's)")
NO_FORECAST_TOML = Text("xlcapital: no forecast.toml in this folder: using the bundled sample company",
                        "xlcapital: geen forecast.toml in deze map: het meegeleverde voorbeeldbedrijf wordt gebruikt")
# the demo's workbook step
DEMO_UP_TO_DATE = Text("{workbook} is up to date: {summary}", "{workbook} is al bijgewerkt: {summary}")
DEMO_KEPT = Text("{workbook} differs from the demo (it may hold your edits) and was left as it is; xlcapital demo "
                 "--force replaces it",
                 "{workbook} wijkt af van de demo (misschien staan er uw wijzigingen in) en is gelaten zoals het is; "
                 "xlcapital demo --force vervangt het")
DEMO_WROTE = Text("wrote {workbook}: {summary}", "{workbook} geschreven: {summary}")
DEMO_OPEN = Text("open it in Excel (enable macros) or LibreOffice Calc: {path}",
                 "open het in Excel (schakel de macro's in) of LibreOffice Calc: {path}")
DEMO_FOLLOW = Text("its Forecast and Dashboard show the numbers above; change a yellow cell on Settings and they follow",
                   "de bladen Forecast en Dashboard tonen de cijfers hierboven; verander een gele cel op Settings en "
                   "ze rekenen mee")


def register(subparsers) -> None:
    p = subparsers.add_parser(
        "generate",
        help=helptext("write the 13-week cash-flow forecast workbook (.xlsm) of a company folder",
                      "schrijf de werkmap (.xlsm) met de liquiditeitsprognose van 13 weken van een bedrijfsmap"),
        description=helptext(
            "Write a workbook with the 13-week cash-flow forecast of a company folder (the files of "
            "docs/forecast-model.md) in native Excel formulas: Settings, Bank, the input tables, Forecast, Scenarios, "
            "Dashboard. Without FOLDER: the current folder when it holds forecast.toml, else the bundled sample "
            "company.",
            "Schrijf een werkmap met de liquiditeitsprognose van 13 weken van een bedrijfsmap (de bestanden van "
            "docs/forecast-model.md) in gewone Excel-formules: instellingen, bank, de invoertabellen, prognose, "
            "scenario's, dashboard. Zonder MAP: de huidige map als daar forecast.toml in staat, anders het "
            "voorbeeldbedrijf."),
    )
    p.add_argument("folder", metavar=FOLDER, nargs="?", help=FOLDER_HELP)
    p.add_argument("-o", "--output", metavar=helptext("FILE", "BESTAND"), required=True, help=helptext(
        "the workbook to write (.xlsm, or .xlsx without macros)",
        "de werkmap die geschreven wordt (.xlsm, of .xlsx zonder macro's)"))
    p.add_argument("--month", metavar=helptext("YYYY-MM", "JJJJ-MM"), type=first_monday, help=helptext(
        "start at the first Monday of this month", "begin op de eerste maandag van deze maand"))
    p.add_argument("--previous", metavar=helptext("LAST.xlsm", "VORIGE.xlsm"), help=helptext(
        "last month's workbook: its tables, settings and bank transactions carry over, with a Variance sheet",
        "de werkmap van vorige maand: de tabellen, instellingen en banktransacties gaan mee, met een blad met de "
        "verschillen"))
    p.add_argument("--lang", choices=("nl", "en"), default="en", help=helptext(
        "language of the workbook's words and of this summary (default en)",
        "taal van de woorden in de werkmap en van deze samenvatting (standaard en)"))
    p.add_argument("--force", action="store_true", help=helptext(
        "replace FILE if it exists; with --previous, also carry over the workbook of another company",
        "vervang BESTAND als het al bestaat; met --previous ook de werkmap van een ander bedrijf overnemen"))
    p.set_defaults(func=run_generate)


#: the years ``--month`` accepts: a forecast of up to 104 weeks, with its history and the payment
#: terms after it, must stay inside the calendar Python (and Excel: 1900-9999) can count in
MONTH_YEARS = (1901, 9990)

FOLDER = helptext("FOLDER", "MAP")
FOLDER_HELP = helptext("the company folder (default: the current folder when it holds forecast.toml, else the bundled "
                       "sample)",
                       "de bedrijfsmap (standaard: de huidige map als daar forecast.toml in staat, anders het "
                       "voorbeeldbedrijf)")


NOT_A_MONTH = Text("not a month: {text!r} (write YYYY-MM, e.g. 2026-12)",
                   "geen maand: {text!r} (schrijf JJJJ-MM, bijvoorbeeld 2026-12)")
MONTH_OUT_OF_RANGE = Text("not a month xlcapital can forecast: {text!r} (give a year from {first} to {last})",
                          "geen maand die xlcapital kan voorspellen: {text!r} (geef een jaar van {first} tot en met "
                          "{last})")


def first_monday(text: str) -> date:
    """The first Monday of month ``YYYY-MM``.

    >>> first_monday("2026-12"), first_monday("2026-06")
    (datetime.date(2026, 12, 7), datetime.date(2026, 6, 1))
    >>> first_monday("9999-12")
    Traceback (most recent call last):
    ...
    argparse.ArgumentTypeError: not a month xlcapital can forecast: '9999-12' (give a year from 1901 to 9990)
    """
    m = re.fullmatch(r"(\d{4})-(\d{2})", text.strip())
    if not m or not 1 <= int(m.group(2)) <= 12:
        raise argparse.ArgumentTypeError(said(NOT_A_MONTH(text=text)))
    if not MONTH_YEARS[0] <= int(m.group(1)) <= MONTH_YEARS[1]:
        raise argparse.ArgumentTypeError(said(MONTH_OUT_OF_RANGE(text=text, first=MONTH_YEARS[0],
                                                                 last=MONTH_YEARS[1])))
    first = date(int(m.group(1)), int(m.group(2)), 1)
    return first + timedelta(days=(7 - first.weekday()) % 7)


def company_folder(given: str | None, lang: str = "en") -> Path | None:
    """The company folder a command works on: ``given``; else the current folder when it holds
    forecast.toml (the user typed the command inside their company's folder); else None, the
    bundled sample (said on stderr, so a user in the wrong folder notices)."""
    if given is not None:
        return Path(given)
    if Path("forecast.toml").is_file():
        return Path(".")
    print(in_language(NO_FORECAST_TOML(), lang), file=sys.stderr)
    return None


def run_generate(args: argparse.Namespace) -> int:
    from xlcapital.fileio import atomic_output, check_output
    from xlcapital.workbook.api import generate_folder

    out = Path(args.output)
    if out.suffix.lower() not in (".xlsm", ".xlsx"):
        raise InputError(NOT_A_WORKBOOK_NAME(name=out.name), field="--output")
    check_output(out, args.force)  # before the work: a refusal costs no waiting
    folder = company_folder(args.folder, args.lang)
    with atomic_output(out, force=args.force) as tmp:
        result = generate_folder(folder, tmp, macros=out.suffix.lower() == ".xlsm", lang=args.lang,
                                 start=args.month, previous=args.previous, force=args.force)
    w = lang_of(args.lang)
    print(w.t("wrote {out} for {company}").format(out=out, company=result.company) + f": {w.say(result.summary)}")
    for line in result.roll:
        print(w.say(line))
    macros = w.t(" and enable macros") if out.suffix.lower() == ".xlsm" else ""
    print(w.t("open it in Excel (or LibreOffice Calc){macros}; the Start sheet explains the weekly routine")
          .format(macros=macros))
    return 0


#: where ``xlcapital demo`` writes the demo workbook (relative to the current folder)
DEMO_WORKBOOK = Path("workbooks") / "demo.xlsm"


class _Unchanged(Exception):
    """The demo workbook on disk is byte for byte the one just generated: nothing to write."""


def demo_target(force: bool) -> Path:
    """Where the demo writes: workbooks/demo.xlsm when it is absent (or with ``force``), else the
    first free workbooks/demo-N.xlsm, so a demo.xlsm holding the user's edits is never replaced."""
    if force or not DEMO_WORKBOOK.exists():
        return DEMO_WORKBOOK
    n = 2
    while (candidate := DEMO_WORKBOOK.with_name(f"{DEMO_WORKBOOK.stem}-{n}{DEMO_WORKBOOK.suffix}")).exists():
        n += 1
    return candidate


def demo_step(args: argparse.Namespace, sample: Path) -> None:
    """The demo's workbook step: the sample company's workbook into workbooks/demo.xlsm.

    The generation is deterministic: when workbooks/demo.xlsm is already exactly this workbook
    nothing is written; when it differs (the user edited it) a new name is written instead,
    unless ``--force``.
    """
    from xlcapital.fileio import atomic_output
    from xlcapital.workbook.api import generate_folder

    force = getattr(args, "force", False)
    say = lambda text: print(in_language(text, getattr(args, "lang", "en")))  # noqa: E731
    DEMO_WORKBOOK.parent.mkdir(parents=True, exist_ok=True)
    target = demo_target(force)
    try:
        with atomic_output(target, force=force) as tmp:
            result = generate_folder(None, tmp, macros=True, lang="en")  # None: the bundled sample
            if target != DEMO_WORKBOOK and _same_bytes(tmp, DEMO_WORKBOOK):
                raise _Unchanged
    except _Unchanged:
        say(DEMO_UP_TO_DATE(workbook=DEMO_WORKBOOK, summary=result.summary))
        target = DEMO_WORKBOOK
    else:
        if target != DEMO_WORKBOOK:
            say(DEMO_KEPT(workbook=DEMO_WORKBOOK))
        say(DEMO_WROTE(workbook=target, summary=result.summary))
    say(DEMO_OPEN(path=target.resolve()))
    say(DEMO_FOLLOW())


def _same_bytes(a: Path, b: Path) -> bool:
    try:
        return a.read_bytes() == b.read_bytes()
    except OSError:
        return False
