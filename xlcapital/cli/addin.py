"""``xlcapital addin``: write the workbook that sets up and demonstrates the Excel functions (Windows)."""

from __future__ import annotations

import argparse

from xlcapital.cli.present import WROTE, add_lang_option, lang_of
from xlcapital.messages import Text
from xlcapital.workbook.xlwingsconf import UDF_MODULE

NEXT = Text("next: pip install xlcapital; xlwings addin install; open the workbook; xlwings tab > Import Functions",
            "daarna: pip install xlcapital; xlwings addin install; open de werkmap; tab xlwings > Import Functions")


def register(subparsers) -> None:
    from xlcapital.excel.addin import DEFAULT_OUTPUT

    parser = subparsers.add_parser(
        "addin",
        help="write a workbook that sets up and demonstrates the xlcapital Excel functions",
        description=f"Write an .xlsm with an xlwings.conf sheet (UDF Modules = {UDF_MODULE}) and an example sheet "
        "calling every xlcapital Excel function on the seed 003 figures. Open it in Excel for Windows with the xlwings "
        "add-in installed and click Import Functions (docs/excel-functions.md). Mac and web: xlcapital lite.",
    )
    parser.add_argument("-o", "--output", default=DEFAULT_OUTPUT, help=f"the workbook to write (default {DEFAULT_OUTPUT})")
    parser.add_argument("--force", action="store_true", help="replace the file when it exists")
    add_lang_option(parser, "what it prints")
    parser.set_defaults(func=run)


def run(args: argparse.Namespace) -> int:
    from xlcapital.excel.addin import write_functions_workbook

    w = lang_of(args.lang)
    path = write_functions_workbook(args.output, force=args.force)
    print(w.say(WROTE(path=path)))
    print(w.say(NEXT()))
    return 0
