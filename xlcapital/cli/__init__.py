"""The ``xlcapital`` command line: a thin face on the engine.

Each command lives in a module of this package that defines ``register(subparsers)``; that
function adds its sub-parser and sets ``func`` (called with the parsed arguments, returning the
exit code). Errors a user can cause are :class:`~xlcapital.errors.XlcapitalError`: they print as
one line ``xlcapital: error: <where>: <what> (<what to do>)`` and exit 2, never a traceback.
"""

from __future__ import annotations

import argparse
import importlib
import sys

from xlcapital import __version__
from xlcapital.cli import usage
from xlcapital.cli.present import ERROR_LINE, LANGS
from xlcapital.cli.usage import helptext
from xlcapital.errors import XlcapitalError
from xlcapital.messages import AT, Text, in_language, os_reason

#: Command modules, in the order ``--help`` lists them.
COMMAND_MODULES = ("finance", "bank", "forecast", "generate", "importing", "batch", "addin", "lite", "demo")

EXIT_OK, EXIT_USAGE = 0, 2


class _Parser(argparse.ArgumentParser):
    """argparse with exit code 2 and a one-line message (argparse's own convention, kept), in the
    language of the command line (:mod:`xlcapital.cli.usage`)."""

    def error(self, message: str):  # pragma: no cover - exercised through the CLI tests
        self.print_usage(sys.stderr)
        self.exit(EXIT_USAGE, in_language(ERROR_LINE(what=message), usage.current()) + "\n")


def build_parser(lang: str = "en") -> argparse.ArgumentParser:
    """The command line's parser, its help texts in ``lang`` (argparse's own words: :func:`usage.speaking`)."""
    parser = _Parser(
        prog="xlcapital",
        description=helptext(
            "Working-capital ratios, cash-flow statements, bank-feed import and 13-week cash-flow forecast "
            "workbooks for small businesses.",
            "Werkkapitaalratio's, kasstroomoverzichten, inlezen van bankexports en werkmappen met een "
            "liquiditeitsprognose van 13 weken voor kleine bedrijven."),
    )
    parser.add_argument("--version", action="version", version=f"xlcapital {__version__}",
                        help=helptext("show program's version number and exit", "toon het versienummer en stop"))
    parser.add_argument("--lang", choices=LANGS, default=argparse.SUPPRESS,
                        help=helptext("the language of --help and of the commands: en (default) or nl",
                                      "de taal van --help en van de opdrachten: en (standaard) of nl"))
    sub = parser.add_subparsers(dest="command", metavar=helptext("COMMAND", "OPDRACHT"), parser_class=_Parser)
    for name in COMMAND_MODULES:
        importlib.import_module(f"{__name__}.{name}").register(sub)
    usage.localize(parser, lang)
    return parser


def main(argv: list[str] | None = None) -> int:
    argv = sys.argv[1:] if argv is None else argv
    lang = usage.lang_in(argv)  # before argparse: --help acts before a later --lang is parsed
    with usage.speaking(lang):
        parser = build_parser(lang)
        args = parser.parse_args(argv)
        if not getattr(args, "func", None):
            parser.print_help()
            return EXIT_USAGE
    if getattr(args, "lang", None) == "en":  # `xlcapital --lang nl forecast`: the sub-command's default says en
        args.lang = lang
    lang = getattr(args, "lang", lang)  # an abbreviated `--lan nl` is argparse's to read
    try:
        return int(args.func(args) or EXIT_OK)
    except XlcapitalError as exc:
        print(in_language(ERROR_LINE(what=exc.in_language(lang)), lang), file=sys.stderr)
        return EXIT_USAGE
    except KeyboardInterrupt:
        print(in_language(INTERRUPTED(), lang), file=sys.stderr)
        return 130
    except BrokenPipeError:  # `xlcapital bank ... | head`
        return EXIT_OK
    except Exception as exc:  # the last resort: a defect or an input no reader foresaw; never a traceback
        print(in_language(ERROR_LINE(what=unexpected(exc)), lang), file=sys.stderr)
        return EXIT_USAGE


#: the longest message the last-resort guard prints (a nested zip can make one of 20 KB)
MAX_MESSAGE = 300


def unexpected(exc: BaseException) -> str:
    """One line for an exception no xlcapital error foresaw: an OSError names its file, the rest
    says what happened and asks for a report (set XLCAPITAL_DEBUG=1 for the traceback).

    >>> unexpected(PermissionError(13, "Permission denied", "/root/x.csv"))
    '/root/x.csv: Permission denied'
    >>> import decimal
    >>> unexpected(decimal.InvalidOperation([decimal.InvalidOperation]))
    "an amount too large to compute with: check the input's amounts (at most 15 digits before the point)"
    >>> unexpected(OverflowError("date value out of range"))
    "a date or number out of range (date value out of range): check the input's dates (a forecast ..."
    """
    import os

    if os.environ.get("XLCAPITAL_DEBUG"):
        import traceback

        traceback.print_exception(exc)
    if isinstance(exc, OSError) and exc.filename is not None:
        said = AT(where=exc.filename, what=os_reason(exc))
        return said if len(said) <= MAX_MESSAGE else _short(said)
    if isinstance(exc, MemoryError):
        return OUT_OF_MEMORY()
    if isinstance(exc, RecursionError):
        return NESTED_TOO_DEEPLY()
    text = _short(" ".join(str(exc).split()) or "no message")
    from decimal import DecimalException

    if isinstance(exc, DecimalException):  # decimal.Overflow / InvalidOperation say only their class
        return AMOUNT_TOO_LARGE()
    if isinstance(exc, OverflowError):
        return OUT_OF_RANGE(text=text)
    return UNEXPECTED(kind=type(exc).__name__, text=text)


INTERRUPTED = Text("xlcapital: interrupted", "xlcapital: onderbroken")
OUT_OF_MEMORY = Text("out of memory: the input is too large for this machine",
                     "onvoldoende geheugen: de invoer is te groot voor deze computer")
NESTED_TOO_DEEPLY = Text("an input is nested too deeply to read", "een invoer is te diep genest om te lezen")
AMOUNT_TOO_LARGE = Text("an amount too large to compute with: check the input's amounts (at most 15 digits before "
                        "the point)",
                        "een bedrag te groot om mee te rekenen: controleer de bedragen in de invoer (hoogstens 15 "
                        "cijfers voor de komma)")
OUT_OF_RANGE = Text("a date or number out of range ({text}): check the input's dates (a forecast needs room before "
                    "9999-12-31) and amounts",
                    "een datum of getal buiten het bereik ({text}): controleer de datums (een prognose heeft ruimte "
                    "nodig vóór 31-12-9999) en de bedragen in de invoer")
UNEXPECTED = Text("unexpected {kind}: {text} (check the input; please report it, with XLCAPITAL_DEBUG=1 for the "
                  "details)",
                  "onverwachte {kind}: {text} (controleer de invoer; meld het ons graag, met XLCAPITAL_DEBUG=1 voor "
                  "de details)")


def _short(text: str) -> str:
    return text if len(text) <= MAX_MESSAGE else text[: MAX_MESSAGE - 3] + "..."


if __name__ == "__main__":  # pragma: no cover
    sys.exit(main())
