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
from xlcapital.errors import XlcapitalError

#: Command modules, in the order ``--help`` lists them.
COMMAND_MODULES = ("finance", "bank", "forecast", "generate", "addin", "demo", "importing")

EXIT_OK, EXIT_USAGE = 0, 2


class _Parser(argparse.ArgumentParser):
    """argparse with exit code 2 and a one-line message (argparse's own convention, kept)."""

    def error(self, message: str):  # pragma: no cover - exercised through the CLI tests
        self.print_usage(sys.stderr)
        self.exit(EXIT_USAGE, f"xlcapital: error: {message}\n")


def build_parser() -> argparse.ArgumentParser:
    parser = _Parser(
        prog="xlcapital",
        description="Working-capital ratios, cash-flow statements, bank-feed import and 13-week cash-flow "
        "forecast workbooks for small businesses.",
    )
    parser.add_argument("--version", action="version", version=f"xlcapital {__version__}")
    sub = parser.add_subparsers(dest="command", metavar="COMMAND", parser_class=_Parser)
    for name in COMMAND_MODULES:
        try:
            module = importlib.import_module(f"{__name__}.{name}")
        except ModuleNotFoundError as exc:  # a command not built yet is simply absent
            if exc.name != f"{__name__}.{name}":
                raise
            continue
        module.register(sub)
    return parser


def main(argv: list[str] | None = None) -> int:
    parser = build_parser()
    args = parser.parse_args(argv)
    if not getattr(args, "func", None):
        parser.print_help()
        return EXIT_USAGE
    try:
        return int(args.func(args) or EXIT_OK)
    except XlcapitalError as exc:
        print(f"xlcapital: error: {exc}", file=sys.stderr)
        return EXIT_USAGE
    except KeyboardInterrupt:
        print("xlcapital: interrupted", file=sys.stderr)
        return 130
    except BrokenPipeError:  # `xlcapital bank ... | head`
        return EXIT_OK


if __name__ == "__main__":  # pragma: no cover
    sys.exit(main())
