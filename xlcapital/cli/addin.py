"""``xlcapital addin``: write the workbook that sets up and demonstrates the Excel functions (Windows)."""

from __future__ import annotations

import argparse

from xlcapital.cli.present import WROTE, add_lang_option, lang_of
from xlcapital.cli.usage import helptext
from xlcapital.messages import Text
from xlcapital.workbook.xlwingsconf import UDF_MODULE

NEXT = Text("next: pip install xlcapital; xlwings addin install; open the workbook; xlwings tab > Import Functions",
            "daarna: pip install xlcapital; xlwings addin install; open de werkmap; tab xlwings > Import Functions")


def register(subparsers) -> None:
    from xlcapital.excel.addin import DEFAULT_OUTPUT

    parser = subparsers.add_parser(
        "addin",
        help=helptext("write a workbook that sets up and demonstrates the xlcapital Excel functions",
                      "schrijf een werkmap die de Excel-functies van xlcapital instelt en laat zien"),
        description=helptext(
            "Write an .xlsm with an xlwings.conf sheet (UDF Modules = {module}) and an example sheet calling every "
            "xlcapital Excel function on the seed 003 figures. Open it in Excel for Windows with the xlwings add-in "
            "installed and click Import Functions (docs/excel-functions.md). Mac and web: xlcapital lite.",
            "Schrijf een .xlsm met een blad xlwings.conf (UDF Modules = {module}) en een voorbeeldblad dat elke "
            "Excel-functie van xlcapital aanroept op de cijfers van bronartikel 003. Open het in Excel voor Windows "
            "met de invoegtoepassing xlwings en klik op Import Functions (docs/excel-functions.md). Mac en web: "
            "xlcapital lite.", module=UDF_MODULE),
    )
    parser.add_argument("-o", "--output", default=DEFAULT_OUTPUT, metavar=helptext("OUTPUT", "UITVOER"),
                        help=helptext("the workbook to write (default {default})",
                                      "de werkmap die geschreven wordt (standaard {default})", default=DEFAULT_OUTPUT))
    parser.add_argument("--force", action="store_true", help=helptext("replace the file when it exists",
                                                                      "vervang het bestand als het al bestaat"))
    add_lang_option(parser, helptext("what it prints", "wat het afdrukt"))
    parser.set_defaults(func=run)


def run(args: argparse.Namespace) -> int:
    from xlcapital.excel.addin import write_functions_workbook

    w = lang_of(args.lang)
    path = write_functions_workbook(args.output, force=args.force)
    print(w.say(WROTE(path=path)))
    print(w.say(NEXT()))
    return 0
