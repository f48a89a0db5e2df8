"""``xlcapital lite -o DIR``: main.py and requirements.txt for xlwings Lite (Excel on Windows, Mac, web)."""

from __future__ import annotations

import argparse

from xlcapital.cli.present import WROTE, add_lang_option, lang_of
from xlcapital.cli.usage import helptext
from xlcapital.messages import Text

NEXT = Text("next: in Excel, Home > Add-ins > xlwings Lite; paste requirements.txt and main.py into their tabs",
            "daarna: in Excel, Start > Invoegtoepassingen > xlwings Lite; plak requirements.txt en main.py in hun "
            "tabbladen")


def register(subparsers) -> None:
    parser = subparsers.add_parser(
        "lite",
        help=helptext("write main.py and requirements.txt that give the xlcapital Excel functions in xlwings Lite",
                      "schrijf main.py en requirements.txt die de Excel-functies van xlcapital in xlwings Lite geven"),
        description=helptext(
            "Write main.py and requirements.txt for xlwings Lite, the Office add-in that runs Python in Excel on "
            "Windows, the Mac and the web: every xlcapital Excel function (DSO, CCC, ..., CASHFLOW_INDIRECT, "
            "CASHFLOW_LINE) with the arguments, help and error values of the classic add-in. Paste both into the "
            "add-in's editor tabs (docs/excel-functions.md).",
            "Schrijf main.py en requirements.txt voor xlwings Lite, de Office-invoegtoepassing die Python in Excel "
            "draait op Windows, de Mac en het web: elke Excel-functie van xlcapital (DSO, CCC, ..., CASHFLOW_INDIRECT, "
            "CASHFLOW_LINE) met de argumenten, uitleg en foutwaarden van de klassieke invoegtoepassing. Plak beide in "
            "de tabbladen van de editor van de invoegtoepassing (docs/excel-functions.md)."),
    )
    parser.add_argument("-o", "--output", metavar=helptext("DIR", "MAP"), required=True,
                        help=helptext("the folder to write the two files to", "de map waarin de twee bestanden komen"))
    parser.add_argument("--wheel", metavar="URL",
                        help=helptext("install xlcapital from this https URL of its wheel instead of the pinned release",
                                      "installeer xlcapital vanaf deze https-URL van zijn wheel in plaats van de "
                                      "vastgezette versie"))
    parser.add_argument("--force", action="store_true", help=helptext("replace the files when they exist",
                                                                      "vervang de bestanden als ze al bestaan"))
    add_lang_option(parser, helptext("what it prints", "wat het afdrukt"))
    parser.set_defaults(func=run)


def run(args: argparse.Namespace) -> int:
    from xlcapital.excel.lite import write_lite

    w = lang_of(args.lang)
    for path in write_lite(args.output, force=args.force, wheel=args.wheel):
        print(w.say(WROTE(path=path)))
    print(w.say(NEXT()))
    return 0
