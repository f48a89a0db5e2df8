"""``--help`` and argparse's usage errors in the reader's language (``--lang nl``).

Every help text, description and placeholder of the command line is declared once, next to its
``add_argument``, as ``help=helptext("English", "Nederlands")``: a
:class:`~xlcapital.messages.Message`, so argparse and the English ``--help`` see exactly the text
they saw before, and :func:`localize` says it in Dutch when the command line asks for Dutch.

argparse's own words ("usage:", "options", "the following arguments are required", ...) come
from :mod:`gettext` (``argparse._``); :func:`speaking` hands argparse their Dutch for as long as
a Dutch command line is built and parsed, then puts gettext back. The language is read from the
command line before argparse sees it (:func:`lang_in`): ``--help`` acts the moment argparse meets
it, before a later ``--lang nl`` would be parsed.

>>> lang_in(["forecast", "--help", "--lang", "nl"]), lang_in(["--lang=nl", "bank", "x.csv"]), lang_in(["bank"])
('nl', 'nl', 'en')
>>> with speaking("nl"):
...     argparse._("the following arguments are required: %s") % "FILE"
'de volgende argumenten zijn verplicht: FILE'
>>> argparse._("options")
'options'
"""

from __future__ import annotations

import argparse
import contextlib
from typing import Any, Iterator

from xlcapital.messages import LANGUAGES, Message, Text, in_language

#: argparse's own messages (its gettext msgids, Python 3.11 to 3.13) in Dutch; the rest stays English
ARGPARSE_NL = {
    "usage: ": "gebruik: ",
    "positional arguments": "positionele argumenten",
    "options": "opties",
    "optional arguments": "opties",
    "show this help message and exit": "toon deze hulptekst en stop",
    "argument %(argument_name)s: %(message)s": "argument %(argument_name)s: %(message)s",
    "unrecognized arguments: %s": "onbekende argumenten: %s",
    "the following arguments are required: %s": "de volgende argumenten zijn verplicht: %s",
    "one of the arguments %s is required": "een van de argumenten %s is verplicht",
    "not allowed with argument %s": "niet toegestaan samen met argument %s",
    "expected one argument": "verwacht één waarde",
    "expected at most one argument": "verwacht hoogstens één waarde",
    "expected at least one argument": "verwacht minstens één waarde",
    "expected %s argument": "verwacht %s waarde",
    "expected %s arguments": "verwacht %s waarden",
    "ambiguous option: %(option)s could match %(matches)s": "dubbelzinnige optie: %(option)s kan %(matches)s zijn",
    "invalid %(type)s value: %(value)r": "ongeldige waarde voor %(type)s: %(value)r",
    "invalid choice: %(value)r (choose from %(choices)s)": "ongeldige keuze: %(value)r (kies uit %(choices)s)",
    "unknown parser %(parser_name)r (choices: %(choices)s)": "onbekende opdracht %(parser_name)r (keuzes: %(choices)s)",
    "ignored explicit argument %r": "genegeerde expliciete waarde %r",
    "unexpected option string: %s": "onverwachte optie: %s",
}

#: the language argparse speaks now (:func:`speaking`)
_speaking = {"lang": "en"}


def helptext(en: str, nl: str, **params: Any) -> Message:
    """A help text, description or placeholder in English and Dutch, declared once (``str.format``
    fields filled from ``params``); argparse sees the English until :func:`localize` says it in Dutch.
    The parser is built on every run: each Text is made (and registered in ``TEXTS``) the first time."""
    text = _HELP_TEXTS.get((en, nl))
    if text is None:
        text = _HELP_TEXTS[en, nl] = Text(en, nl)
    return text(**params)


_HELP_TEXTS: dict[tuple[str, str], Text] = {}


def lang_in(argv: list[str]) -> str:
    """The language a command line asks for: its last ``--lang X`` (or ``--lang=X``) before ``--``."""
    lang = "en"
    args = iter(argv)
    for arg in args:
        if arg == "--":
            break
        if arg == "--lang":
            lang = next(args, lang)
        elif arg.startswith("--lang="):
            lang = arg.partition("=")[2]
    return lang if lang in LANGUAGES else "en"


def said(text: Any) -> str:
    """``text`` in the language argparse speaks now (an argparse ``type``'s error message)."""
    return in_language(text, _speaking["lang"])


def current() -> str:
    """The language argparse speaks now."""
    return _speaking["lang"]


@contextlib.contextmanager
def speaking(lang: str) -> Iterator[None]:
    """argparse's own words in ``lang`` while the block runs (building the parsers and parsing)."""
    if lang != "nl":
        yield
        return
    gettext, ngettext = argparse._, argparse.ngettext

    def dutch(message: str) -> str:
        return ARGPARSE_NL.get(message, gettext(message))

    def dutch_plural(singular: str, plural: str, n: int) -> str:
        return dutch(singular if n == 1 else plural)

    argparse._, argparse.ngettext, _speaking["lang"] = dutch, dutch_plural, lang
    try:
        yield
    finally:
        argparse._, argparse.ngettext, _speaking["lang"] = gettext, ngettext, "en"


def localize(parser: argparse.ArgumentParser, lang: str) -> None:
    """Say every help text, description and placeholder of ``parser`` and its sub-parsers in ``lang``."""
    if lang == "en":
        return
    parser.description = in_language(parser.description, lang) if parser.description else parser.description
    for action in parser._actions:
        if isinstance(action.help, Message):
            action.help = in_language(action.help, lang)
        if isinstance(action.metavar, Message):
            action.metavar = in_language(action.metavar, lang)
        if isinstance(action, argparse._SubParsersAction):
            for choice in action._choices_actions:
                choice.help = in_language(choice.help, lang)
            for sub in action.choices.values():
                localize(sub, lang)


__all__ = ["helptext", "lang_in", "said", "speaking", "localize", "current", "ARGPARSE_NL"]
