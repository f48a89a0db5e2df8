"""The sentences a person reads (warnings and error messages), in English and Dutch, each declared once.

A message is declared once, with its English and its Dutch template, in the ``messages.py`` of the
part that says it (``xlcapital/bank/messages.py``, ``xlcapital/forecast/messages.py``, ...; the
shared modules' at the end of this file)::

    NO_TRANSACTIONS = Text("{file}: the file holds no transactions", "{file}: het bestand bevat geen transacties")

and said with its parameters, where the English f-string used to be::

    warnings.append(NO_TRANSACTIONS(file=name))

What that gives is a :class:`Message`: a ``str`` that *is* the English text, so JSON, logs, tests
and every ``in`` or ``==`` see exactly what they saw before, and that carries its template and
parameters, so a face can show it in Dutch (:func:`in_language`; the CLI under ``--lang nl``).
A parameter that is itself a Message (an inner error's message) is shown in the same language;
in Dutch numbers get Dutch marks (``1.234,56``, ``4975,09``) and dates are written ``31-12-2024``.
The format ``{x:money}`` shows an amount as :func:`xlcapital.money.format_money` does (1,234.56).
Text that is not a Message (user data, a message nobody has declared yet) stays as it is.

>>> LEFT_OUT = Text("{where}: balance {code} left out: {why}", "{where}: saldo {code} weggelaten: {why}")
>>> EMPTY = Text("an empty balance amount", "een leeg saldobedrag")
>>> m = LEFT_OUT(where="x.xml:12", code="CLBD", why=EMPTY())
>>> m
'x.xml:12: balance CLBD left out: an empty balance amount'
>>> in_language(m, "nl")
'x.xml:12: saldo CLBD weggelaten: een leeg saldobedrag'
>>> from decimal import ROUND_HALF_UP, Decimal
>>> from datetime import date
>>> OFF = Text("{day}: {amount:,.2f} off by {diff}", "{day}: {amount:,.2f} wijkt {diff} af")
>>> in_language(OFF(day=date(2024, 12, 31), amount=Decimal("1234.5"), diff=Decimal("-0.05")), "nl")
'31-12-2024: 1.234,50 wijkt -0,05 af'
>>> OFF(day=date(2024, 12, 31), amount=Decimal("1234.5"), diff=Decimal("-0.05"))
'2024-12-31: 1,234.50 off by -0.05'
"""

from __future__ import annotations

import errno
import string
from datetime import date, datetime
from decimal import ROUND_HALF_UP, Decimal
from typing import Any

__all__ = ["Text", "Message", "in_language", "TEXTS", "LANGUAGES"]

#: the languages every message is declared in
LANGUAGES = ("en", "nl")

#: every declared Text, in the order they were declared (the tests check each one's Dutch)
TEXTS: list["Text"] = []


class Text:
    """One message's English and Dutch templates (``str.format`` fields; the same fields in both)."""

    __slots__ = ("en", "nl")

    def __init__(self, en: str, nl: str) -> None:
        self.en, self.nl = en, nl
        TEXTS.append(self)

    def __call__(self, **params: Any) -> "Message":
        return Message(self, params)

    def template(self, lang: str) -> str:
        return self.nl if lang == "nl" else self.en

    def __repr__(self) -> str:
        return f"Text({self.en!r}, {self.nl!r})"

    def __reduce__(self):  # a Message crossing to a worker process keeps its Dutch
        return (_text, (self.en, self.nl))


def _text(en: str, nl: str) -> Text:
    """A Text rebuilt after pickling, without registering it a second time."""
    text = Text.__new__(Text)
    text.en, text.nl = en, nl
    return text


class Message(str):
    """A said message: its English text, with the :class:`Text` and parameters it came from."""

    text: Text
    params: dict[str, Any]

    def __new__(cls, text: Text, params: dict[str, Any]) -> "Message":
        self = super().__new__(cls, _render(text.en, params, "en"))
        self.text, self.params = text, params
        return self

    def in_language(self, lang: str) -> str:
        return str(self) if lang != "nl" else _render(self.text.nl, self.params, lang)

    def __reduce__(self):
        return (Message, (self.text, self.params))


def in_language(text: Any, lang: str) -> str:
    """``text`` in ``lang``: a :class:`Message` rendered from its template, anything else as it is."""
    if isinstance(text, Message):
        return text.in_language(lang)
    return "" if text is None else str(text)


class _Formatter(string.Formatter):
    def __init__(self, lang: str) -> None:
        self.lang = lang

    def format_field(self, value: Any, spec: str) -> str:
        if isinstance(value, Message):
            return format(value.in_language(self.lang), spec)
        if isinstance(value, (list, tuple)):  # a list of messages: each in the language, "; " between them
            return "; ".join(self.format_field(v, spec) for v in value)
        if spec == "money":  # an amount as xlcapital.money.format_money shows it: 1,234.56, half up
            value, spec = (Decimal(value).quantize(_CENT, rounding=ROUND_HALF_UP), ",.2f") if value is not None \
                else ("-", "")
        if self.lang != "nl":
            return format(value, spec)
        if isinstance(value, datetime):
            return format(value, spec or "%d-%m-%Y %H:%M")
        if isinstance(value, date):
            return format(value, spec or "%d-%m-%Y")
        if isinstance(value, (Decimal, float, int)) and not isinstance(value, bool):
            return format(value, spec).translate(_DUTCH_MARKS)
        return format(value, spec)


_DUTCH_MARKS = str.maketrans(",.", ".,")
_CENT = Decimal("0.01")
_FORMATTERS = {lang: _Formatter(lang) for lang in LANGUAGES}


def _render(template: str, params: dict[str, Any], lang: str) -> str:
    return _FORMATTERS.get(lang, _FORMATTERS["en"]).vformat(template, (), params)


# --------------------------------------------------------------------------------------------
# The words of every message's frame (errors.py, the CLI)
# --------------------------------------------------------------------------------------------

#: where an error is: errors.XlcapitalError.location's words
LINE = Text("line {line}", "regel {line}")
CELL = Text("cell {cell}", "cel {cell}")
#: a message said about a place (a file, a line): ``where: what``, ``what`` in the reader's language
AT = Text("{where}: {what}", "{where}: {what}")


# --------------------------------------------------------------------------------------------
# The shared modules' messages (fileio.py, money.py): the errors users meet most
# --------------------------------------------------------------------------------------------

FILE_NOT_FOUND = Text("file not found", "bestand niet gevonden")
IS_A_FOLDER_NOT_A_FILE = Text("is a folder, not a file", "is een map, geen bestand")
CANNOT_READ = Text("cannot read the file: {why}", "kan het bestand niet lezen: {why}")
NOT_UTF8 = Text("not UTF-8 text (byte {byte})", "geen UTF-8-tekst (byte {byte})")
SAVE_AS_UTF8 = Text("save the file as UTF-8", "sla het bestand op als UTF-8")
NOT_TOML = Text("not valid TOML: {why}", "geen geldige TOML: {why}")
FOLDER_MISSING = Text("the folder {folder} does not exist", "de map {folder} bestaat niet")
CREATE_IT_FIRST = Text("create it first", "maak die eerst aan")
OUTPUT_IS_A_FOLDER = Text("is a folder", "is een map")
NAME_A_FILE_INSIDE = Text("give a file name inside it", "geef een bestandsnaam in die map")
FILE_EXISTS = Text("the file exists already", "het bestand bestaat al")
USE_FORCE = Text("use --force to replace it", "gebruik --force om het te vervangen")
AMOUNT_MISSING = Text("an amount is missing", "er ontbreekt een bedrag")
NOT_AN_AMOUNT = Text("not an amount: {raw!r}", "geen bedrag: {raw!r}")
DECIMAL_MARK = Text("expected {mark!r} as the decimal mark", "verwacht {mark!r} als decimaalteken")
NOT_A_NUMBER = Text("not a number: {value!r}", "geen getal: {value!r}")
#: a list of messages (a list parameter is written ``a; b; c``), ``more`` after it (``"; ..."`` when cut short)
AS_LIST = Text("{items}{more}", "{items}{more}")
#: a message and what to do about it: ``what (hint)``
WITH_HINT = Text("{what} ({hint})", "{what} ({hint})")


#: the operating system's reasons met most: English as the system says it, Dutch written out
_OS_REASONS = {
    errno.ENOENT: Text("{reason}", "het bestand of de map bestaat niet"),
    errno.EACCES: Text("{reason}", "geen toegang"),
    errno.EPERM: Text("{reason}", "niet toegestaan"),
    errno.EISDIR: Text("{reason}", "is een map"),
    errno.ENOTDIR: Text("{reason}", "een deel van het pad is geen map"),
    errno.ENOSPC: Text("{reason}", "de schijf is vol"),
    errno.EROFS: Text("{reason}", "alleen-lezen bestandssysteem"),
}


def os_reason(exc: OSError) -> str:
    """Why the system refused (``exc.strerror``), with its Dutch for the reasons met most.

    >>> in_language(os_reason(FileNotFoundError(errno.ENOENT, "No such file or directory")), "nl")
    'het bestand of de map bestaat niet'
    """
    reason = exc.strerror or str(exc)
    text = _OS_REASONS.get(exc.errno)
    return text(reason=reason) if text else reason

# --------------------------------------------------------------------------------------------
# The company file's and the dates' errors (company.py, forecast/values.py, imports)
# --------------------------------------------------------------------------------------------

NOT_A_FOLDER = Text("not a folder", "geen map")
FOLDER_NOT_FOUND = Text("folder not found", "map niet gevonden")
NOT_CSV = Text("not a readable CSV file: {why}", "geen leesbaar CSV-bestand: {why}")
UNKNOWN_COLUMN = Text("unknown column {column!r}", "onbekende kolom {column!r}")
NOT_A_ZIP = Text("not a readable zip file: {why}", "geen leesbaar zipbestand: {why}")
USE_ONE_OF = Text("use one of {names}", "gebruik een van {names}")
NOT_JSON = Text("not valid JSON: {why}", "geen geldige JSON: {why}")
UNKNOWN_SECTION = Text("unknown section [{section}]", "onbekende sectie [{section}]")
SECTIONS = Text("sections: {sections}", "secties: {sections}")
UNKNOWN_KEY = Text("unknown key {key!r}", "onbekende sleutel {key!r}")
KNOWN = Text("known: {names}", "bekend: {names}")
MISSING = Text("missing", "ontbreekt")
WRITE_A_DATE = Text("write a date such as 2024-12-31", "schrijf een datum zoals 2024-12-31")
NOT_A_DATE = Text("not a date: {value!r}", "geen datum: {value!r}")
ENDS_BEFORE_START = Text("the period ends ({end}) before it starts ({start})",
                         "de periode eindigt ({end}) voordat die begint ({start})")

# --------------------------------------------------------------------------------------------
# The shared modules' rarer errors (fileio.py, money.py, company.py)
# --------------------------------------------------------------------------------------------

NOT_A_REGULAR_FILE = Text("not a regular file (a device, FIFO or socket)",
                          "geen gewoon bestand (een apparaat, FIFO of socket)")
TOO_LARGE_FILE = Text("too large: more than {megabytes} MB", "te groot: meer dan {megabytes} MB")
READS_UP_TO = Text("xlcapital reads files of this kind up to that size",
                   "xlcapital leest bestanden van deze soort tot die grootte")
THOUSANDS_OF_DIGITS = Text("a number with thousands of digits", "een getal met duizenden cijfers")
WRITE_ORDINARY_AMOUNTS = Text("write amounts as ordinary numbers, e.g. 1234.56",
                              "schrijf bedragen als gewone getallen, bijvoorbeeld 1234.56")
TOML_TOO_DEEP = Text("not valid TOML: nested too deeply", "geen geldige TOML: te diep genest")
CANNOT_USE_PATH = Text("cannot use this path: {why}", "kan dit pad niet gebruiken: {why}")
IS_A_LINK = Text("is a symbolic link; xlcapital does not write through links",
                 "is een symbolische koppeling; xlcapital schrijft niet via koppelingen")
GIVE_THE_FILE_ITSELF = Text("give the path of the file itself, or another name",
                            "geef het pad van het bestand zelf, of een andere naam")
NOT_REPLACEABLE = Text("is not a regular file (a device, FIFO or socket); it is never replaced",
                       "is geen gewoon bestand (een apparaat, FIFO of socket); het wordt nooit vervangen")
GIVE_ANOTHER_NAME = Text("give another name", "geef een andere naam")
FILE_APPEARED = Text("a file appeared at this path while xlcapital was writing; it was left as it is",
                     "er verscheen een bestand op dit pad terwijl xlcapital schreef; het is gelaten zoals het was")
FORCE_OR_ANOTHER_NAME = Text("use --force to replace it, or another name",
                             "gebruik --force om het te vervangen, of een andere naam")
CANNOT_WRITE = Text("cannot write the file: {what}", "kan het bestand niet schrijven: {what}")
DISK_FULL = Text("the disk is full", "de schijf is vol")
MAKE_ROOM = Text("make room or write elsewhere", "maak ruimte of schrijf ergens anders")
NO_WRITE_PERMISSION = Text("no permission to write in this folder", "geen toestemming om in deze map te schrijven")
WRITE_ELSEWHERE = Text("write elsewhere or change its permissions", "schrijf ergens anders of pas de rechten aan")
NOT_FINITE = Text("not a finite number: {value!r}", "geen eindig getal: {value!r}")
MORE_THAN_CENTS = Text("{value} has more than two decimals", "{value} heeft meer dan twee decimalen")
COMPANY_TOO_DEEP = Text("not a company file: nested too deeply", "geen bedrijfsbestand: te diep genest")
ONE_OBJECT_OF_SECTIONS = Text("a company file is one object of sections of amounts",
                              "een bedrijfsbestand is één object met secties van bedragen")
ONE_TABLE = Text("the file must hold one table (object) of sections",
                 "het bestand moet één tabel (object) met secties bevatten")
AMOUNT_TEXT_TOO_LONG = Text("not an amount: {length:,} characters", "geen bedrag: {length:,} tekens")
WRITE_AN_AMOUNT = Text("write the amount as a number, e.g. 1234.56",
                       "schrijf het bedrag als getal, bijvoorbeeld 1234.56")
TOO_MANY_DIGITS = Text("too large for an amount ({digits:,} digits before the point)",
                       "te groot voor een bedrag ({digits:,} cijfers voor de komma)")
AT_MOST_DIGITS = Text("xlcapital and Excel keep at most {digits} digits: check the number",
                      "xlcapital en Excel bewaren hoogstens {digits} cijfers: controleer het getal")
NOT_A_SECTION = Text("[{name}] must be a section (table) of keys, not {value!r}",
                     "[{name}] moet een sectie (tabel) met sleutels zijn, niet {value!r}")
MUST_BE_TEXT = Text("must be text, not {value!r}", "moet tekst zijn, niet {value!r}")
COST_BASE = Text("cost base must be 'cogs' or 'revenue', not {cost_base!r}",
                 "de kostenbasis moet 'cogs' of 'revenue' zijn, niet {cost_base!r}")

# --------------------------------------------------------------------------------------------
# The files of the Excel face that the CLI writes (excel/lite.py, excel/addin.py)
# --------------------------------------------------------------------------------------------

NOT_A_WHEEL = Text("{wheel!r} is not the address of a wheel", "{wheel!r} is geen adres van een wheel")
GIVE_A_WHEEL = Text("give the https URL of xlcapital-<version>-py3-none-any.whl, built with: python -m pip wheel "
                    "--no-deps .",
                    "geef de https-URL van 'xlcapital-<versie>-py3-none-any.whl', gebouwd met: python -m pip wheel "
                    "--no-deps .")
GIVE_A_LITE_FOLDER = Text("give a folder for main.py and requirements.txt",
                          "geef een map voor main.py en requirements.txt")
CANNOT_CREATE_FOLDER = Text("cannot create the folder: {why}", "kan de map niet aanmaken: {why}")
NO_VBA_PROJECT = Text("cannot read the VBA project of {path}: {why}", "kan het VBA-project van {path} niet lezen: {why}")
REINSTALL_XLWINGS = Text("reinstall xlwings (pip install --force-reinstall xlwings)",
                         "installeer xlwings opnieuw (pip install --force-reinstall xlwings)")
GIVE_A_COMPANY_FILE = Text("give the path of a company .toml or .json file",
                           "geef het pad van een bedrijfsbestand (.toml of .json)")
