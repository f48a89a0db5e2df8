"""``xlcapital demo``: run xlcapital on the bundled sample company and say where to go next.

The demo is a list of steps, :data:`STEPS`, run in order. Each step prints its part and names the
command a user runs next on their own data. To add a step (the forecast, the workbook generator):
write a function ``def _my_step(args, sample: Path) -> None`` below and append a ``DemoStep`` to
:data:`STEPS`. A step that needs an option adds it in :func:`register`.
"""

from __future__ import annotations

import argparse
from dataclasses import dataclass
from pathlib import Path
from typing import Callable

from xlcapital.cli.finance import print_cashflow, print_ratios
from xlcapital.cli.present import add_lang_option, held_output, lang_of, progress
from xlcapital.cli.usage import helptext
from xlcapital.cli.generate import demo_step as workbook_demo_step
from xlcapital.company import load_company, sample_dir
from xlcapital.messages import Text

HELP_NEXT = Text("xlcapital --help                     (every command; each has --help)",
                 "xlcapital --help                     (alle opdrachten; elke opdracht heeft --help)")


@dataclass(frozen=True)
class DemoStep:
    """One step of the demo: a title, the function that prints it, and the next command for the user
    (a :class:`~xlcapital.messages.Message` when it has its Dutch, else shown as written)."""

    title: str
    run: Callable[[argparse.Namespace, Path], None]
    next: str


def _lang(args: argparse.Namespace) -> str:
    return getattr(args, "lang", "en")


def _ratios_step(args: argparse.Namespace, sample: Path) -> None:
    print_ratios(load_company(sample / "company.toml"), lang=_lang(args))


def _cashflow_step(args: argparse.Namespace, sample: Path) -> None:
    print_cashflow(load_company(sample / "company.toml"), lang=_lang(args))


def _forecast_step(args: argparse.Namespace, sample: Path) -> None:
    from xlcapital.cli.forecast import print_analysis
    from xlcapital.forecast import analyse, load

    print_analysis(analyse(load(sample)), lang=_lang(args))


#: The steps, in order. Others append theirs (see the module docstring).
STEPS: list[DemoStep] = [
    DemoStep(
        "Working-capital and cash-flow ratios",
        _ratios_step,
        Text("xlcapital ratios my-company.toml     (format: docs/company-file.md; --json for scripts)",
             "xlcapital ratios mijn-bedrijf.toml   (indeling: docs/company-file.md; --json voor scripts)")(),
    ),
    DemoStep(
        "Cash-flow statement, indirect method",
        _cashflow_step,
        Text("xlcapital cashflow my-company.toml   (--lang nl for Dutch labels, --json for scripts)",
             "xlcapital cashflow mijn-bedrijf.toml (--lang nl voor Nederlands, --json voor scripts)")(),
    ),
    DemoStep(
        "13-week cash-flow forecast: scenarios, stress tests, triggers, KPIs",
        _forecast_step,
        Text("xlcapital forecast my-company/       (folder layout: docs/forecast.md; --json, --scenario, --monthly)",
             "xlcapital forecast mijn-bedrijf/     (indeling van de map: docs/forecast.md; --json, --scenario, "
             "--monthly)")(),
    ),
    DemoStep(
        "The forecast workbook (Excel): workbooks/demo.xlsm",
        workbook_demo_step,
        Text("xlcapital generate my-company/ -o workbooks/my-company.xlsm   (--lang nl, --month YYYY-MM, "
             "--previous LAST.xlsm; docs/workbook.md)",
             "xlcapital generate mijn-bedrijf/ -o workbooks/mijn-bedrijf.xlsm   (--lang nl, --month JJJJ-MM, "
             "--previous VORIGE.xlsm; docs/workbook.md)")(),
    ),
]


def register(subparsers) -> None:
    demo = subparsers.add_parser(
        "demo",
        help=helptext("run xlcapital on the bundled sample company",
                      "draai xlcapital op het voorbeeldbedrijf dat erbij zit"),
        description=helptext(
            "Run every part of xlcapital on the sample company bundled in the package (a Dutch installation "
            "wholesaler, 2024) and show the commands to run on your own data.",
            "Draai elk deel van xlcapital op het voorbeeldbedrijf in het pakket (een Nederlandse groothandel in "
            "installatiemateriaal, 2024) en toon de opdrachten voor uw eigen gegevens."),
    )
    demo.add_argument("--force", action="store_true", help=helptext(
        "replace workbooks/demo.xlsm even when it differs from the demo (without it, a changed demo.xlsm is kept and "
        "the demo writes demo-2.xlsm)",
        "vervang workbooks/demo.xlsm, ook als die afwijkt van de demo (zonder deze optie blijft een gewijzigde "
        "demo.xlsm staan en schrijft de demo demo-2.xlsm)"))
    add_lang_option(demo, helptext("the tables", "de tabellen"))
    demo.set_defaults(func=run_demo)


def run_demo(args: argparse.Namespace) -> int:
    sample = sample_dir()
    w = lang_of(_lang(args))
    print(f"{w.t('xlcapital demo on the bundled sample company in')} {sample}\n")
    steps = progress(STEPS, "xlcapital demo", lang=_lang(args))
    for number, step in enumerate(steps, 1):
        steps.set_description(w.t(step.title))
        with held_output(steps):
            print(f"== {number}. {w.t(step.title)} ==\n")
            step.run(args, sample)
            print()
    print(w.t("Where to go next:"))
    print(f"  {w.t('copy')} {sample / 'company.toml'} {w.t('and put in your own figures, then:')}")
    for step in STEPS:
        print(f"  {w.say(step.next)}")
    print(f"  {w.say(HELP_NEXT())}")
    return 0
