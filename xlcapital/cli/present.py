"""How the CLI shows things: one JSON convention for amounts, and the words, numbers and dates
of ``--lang en`` / ``--lang nl``.

JSON (every command's ``--json``): an **amount of money is a string with two decimals**
(``"1234.50"``, ``"-3.10"``), exact as read (an amount read with more decimals keeps them) and,
where xlcapital computed it (the forecast, the statement), rounded half up to the cent. Ratios,
days, times, months and shares are JSON numbers; undefined values are ``null``; dates are ISO
``YYYY-MM-DD``. Strings, because a JSON number is a binary float to most readers (0.1 + 0.2), and
an amount must reach the next program to the cent.

Text: :class:`Lang` translates the CLI's sentences and formats numbers the Dutch way
(``1.234,56``, dates ``06-01-2025``) through :func:`xlcapital.money.format_money`.

>>> json_amount(Decimal("3000")), json_amount(Decimal("-3.1")), json_amount(Decimal("0.125")), json_amount(None)
('3000.00', '-3.10', '0.125', None)
>>> json_amount(Decimal("0.125"), cents=True)
'0.13'
>>> NL.money(Decimal("45000")), EN.money(Decimal("45000")), NL.money(Decimal("-1234.5"), 0)
('45.000,00', '45,000.00', '-1.235')
>>> NL.day(date(2025, 1, 6)), EN.day(date(2025, 1, 6)), NL.short_day(date(2025, 3, 6))
('06-01-2025', '2025-01-06', '06 mrt 2025')
>>> NL.t("reconciles"), EN.t("reconciles")
('sluit aan', 'reconciles')
"""

from __future__ import annotations

import argparse

import contextlib
import io
import json
import sys
from dataclasses import dataclass
from datetime import date
from decimal import ROUND_HALF_UP, Decimal, InvalidOperation
from typing import Any, TextIO

from xlcapital.messages import Text, in_language
from xlcapital.cli.usage import helptext, said
from xlcapital.forecast.scenarios import STRESS_TESTS
from xlcapital.money import format_money
from xlcapital.names import display_name

CENT = Decimal("0.01")
LANGS = ("en", "nl")


# --------------------------------------------------------------------------------------------
# JSON
# --------------------------------------------------------------------------------------------


def json_amount(value: Decimal | int | None, *, cents: bool = False) -> str | None:
    """An amount of money for JSON: a string with (at least) two decimals; ``cents`` rounds half
    up to the cent (a computed amount), else an amount with more decimals keeps them (exact)."""
    if value is None:
        return None
    d = Decimal(value)
    try:
        rounded = d.quantize(CENT, rounding=ROUND_HALF_UP)
    except InvalidOperation:  # more digits than the context holds: show it as it is
        return format(d, "f")
    return format(rounded if cents or rounded == d else d, "f")


def json_number(value: Any) -> float | int | None:
    """A ratio, a share, days, times or months for JSON: a number (null when undefined)."""
    if value is None:
        return None
    if isinstance(value, int) and not isinstance(value, bool):
        return value
    return float(value)


def _default(value):
    if isinstance(value, Decimal):
        return json_amount(value)  # a Decimal left in a document is an amount
    if isinstance(value, date):
        return value.isoformat()
    raise TypeError(f"not JSON serializable: {value!r}")


def dump_json(obj: Any, out: TextIO) -> None:
    """``obj`` as indented JSON (non-ASCII as is) and a newline; Decimals as :func:`json_amount`."""
    out.write(json.dumps(obj, default=_default, indent=2, ensure_ascii=False) + "\n")


# --------------------------------------------------------------------------------------------
# Language
# --------------------------------------------------------------------------------------------

#: English text -> Dutch, for every sentence, label and word the CLI prints. English is the key,
#: so the English output reads as the code does.
DUTCH: dict[str, str] = {
    # generate
    "wrote {out} for {company}": "{out} geschreven voor {company}",
    "open it in Excel (or LibreOffice Calc){macros}; the Start sheet explains the weekly routine":
        "open het in Excel (of LibreOffice Calc){macros}; het blad Start legt de wekelijkse routine uit",
    " and enable macros": " en schakel de macro's in",
    # common
    "days": "dagen",
    "day": "dag",
    "months": "maanden",
    "n/a": "n.v.t.",
    "warning": "waarschuwing",
    "none": "geen",
    "to": "t/m",
    # ratios and the statement
    "ratios": "kengetallen",
    "ratio": "kengetal",
    "value": "waarde",
    "computed on": "berekend op",
    "cash-flow statement (indirect method)": "kasstroomoverzicht (indirecte methode)",
    "The statement reconciles: net cash flow = change in cash (net of overdraft).":
        "Het overzicht sluit aan: netto kasstroom = mutatie liquide middelen (na rekening-courant).",
    "The statement does not reconcile: net cash flow differs from the change in cash by":
        "Het overzicht sluit niet aan: de netto kasstroom wijkt af van de mutatie liquide middelen met",
    "closing": "eind",
    "(opening, closing) average": "gemiddelde van begin en eind",
    # bank
    "reading": "inlezen",
    "transaction": "transactie",
    "transactions": "transacties",
    "opening": "begin",
    "reconciles": "sluit aan",
    "DOES NOT RECONCILE": "SLUIT NIET AAN",
    "no balances to check": "geen saldi om te controleren",
    "no opening balance to check": "geen beginsaldo om te controleren",
    "no closing balance to check": "geen eindsaldo om te controleren",
    # forecast
    "Cash-flow forecast of": "Liquiditeitsprognose van",
    "the inputs": "de invoer",
    "start": "start",
    "opening cash": "beginsaldo",
    "rolled to the start": "doorgerekend tot de start",
    "on": "op",
    "credit limit": "kredietlimiet",
    "at": "tegen",
    "buffer": "buffer",
    "risk profile": "risicoprofiel",
    "conservative": "conservatief",
    "moderate": "gematigd",
    "offensive": "offensief",
    "scenario": "scenario",
    "amounts in": "bedragen in",
    "bank": "bank",
    "given": "opgegeven",
    "learned": "geleerd",
    "week": "week",
    "month": "maand",
    "from": "vanaf",
    "receipts": "ontvangsten",
    "payments": "betalingen",
    "net flow": "netto",
    "overdraft": "rekening-courant",
    "interest": "rente",
    "headroom": "ruimte",
    "bank flow": "bank netto",
    "bank closing": "bank eind",
    "variance": "verschil",
    "flags": "signalen",
    "Scenarios": "Scenario's",
    "revenue": "omzet",
    "customers": "klanten",
    "suppliers": "leveranciers",
    "lowest cash": "laagste kas",
    "in week": "in week",
    "limit breached": "limiet overschreden",
    "(none in forecast.toml)": "(geen in forecast.toml)",
    "Stress tests on top of": "Stresstests bovenop",
    "stress test": "stresstest",
    "extra to stay in limit": "extra nodig binnen limiet",
    "extra to keep buffer": "extra nodig voor buffer",
    # the stress tests' names: declared once in xlcapital.names (--scenario takes the English)
    **{test.name: display_name(test.name, "nl") for test in STRESS_TESTS},
    "Triggers": "Signalen",
    "rule": "regel",
    "now": "nu",
    "worst": "slechtst",
    "alert": "alarm",
    "status": "status",
    "first week": "eerste week",
    "owner": "eigenaar",
    "OK": "OK",
    "WARNING": "WAARSCHUWING",
    "ALERT": "ALARM",
    "KPIs": "Kerncijfers",
    "KPI": "kerncijfer",
    "free cash (week 1, above the buffer)": "vrije kas (week 1, boven de buffer)",
    "(cash grows)": "(kas groeit)",
    "not burning": "geen kasverbruik",
    "buffer (months of fixed costs)": "buffer (maanden vaste kosten)",
    "in week ": "in week ",
    "open receivables / payables": "openstaande debiteuren / crediteuren",
    "DSO / DPO / CCC (days)": "DSO / DPO / CCC (dagen)",
    "DSO / DPO / CCC of the open invoices (days)": "DSO / DPO / CCC van de openstaande facturen (dagen)",
    "bad-debt allowance (overdue, not expected)": "voorziening dubieuze debiteuren (achterstallig, niet verwacht)",
    "interest+fee": "rente+provisie",
    "largest customer (open receivables)": "grootste klant (openstaande debiteuren)",
    "Look-ahead: committed payments in the weeks after the horizon": "Vooruitblik: vaste betalingen in de weken na de horizon",
    "lowest closing cash including the look-ahead weeks": "laagste eindsaldo inclusief de vooruitblikweken",
    "date": "datum",
    "payment": "betaling",
    "category": "categorie",
    "amount": "bedrag",
    "VAT returns": "Btw-aangiften",
    "period": "tijdvak",
    "output VAT": "verschuldigde btw",
    "input VAT": "voorbelasting",
    "carried": "verrekend",
    "to pay": "te betalen",
    "due": "uiterlijk",
    # demo and generate
    "xlcapital demo on the bundled sample company in": "xlcapital-demo op het meegeleverde voorbeeldbedrijf in",
    "Working-capital and cash-flow ratios": "Kengetallen werkkapitaal en kasstroom",
    "Cash-flow statement, indirect method": "Kasstroomoverzicht, indirecte methode",
    "13-week cash-flow forecast: scenarios, stress tests, triggers, KPIs":
        "Liquiditeitsprognose voor 13 weken: scenario's, stresstests, signalen, kerncijfers",
    "The forecast workbook (Excel): workbooks/demo.xlsm": "De prognosewerkmap (Excel): workbooks/demo.xlsm",
    "Where to go next:": "Hoe verder:",
    "copy": "kopieer",
    "and put in your own figures, then:": "en vul uw eigen cijfers in; daarna:",
    "wrote": "geschreven:",
    "for": "voor",
}

_MONTHS_NL = ("jan", "feb", "mrt", "apr", "mei", "jun", "jul", "aug", "sep", "okt", "nov", "dec")


@dataclass(frozen=True)
class Lang:
    """The CLI's words and number formats in one language."""

    code: str

    def t(self, text: str) -> str:
        """``text`` in this language (English as given)."""
        return DUTCH.get(text, text) if self.code == "nl" else text

    def say(self, text: Any) -> str:
        """A warning or message in this language: a declared :class:`~xlcapital.messages.Text`'s
        Dutch under ``nl``; any other text (user data, an undeclared message) as it is."""
        return in_language(text, self.code)

    def name(self, code: str) -> str:
        """The readable name of a ratio, KPI or trigger rule (:mod:`xlcapital.names`)."""
        return display_name(code, self.code)

    def money(self, value: Decimal | float | None, places: int = 2) -> str:
        """An amount for display: 1,234.56 (en) or 1.234,56 (nl); "-" when None."""
        return self.dutch_marks(format_money(value, places)) if value is not None else "-"

    def number(self, value: float | Decimal, places: int = 2, sign: str = "") -> str:
        """A ratio or count for display with ``places`` decimals (a comma in Dutch)."""
        return self.dutch_marks(f"{float(value):{sign},.{places}f}")

    def dutch_marks(self, text: str) -> str:
        """English number marks (1,234.56) swapped to Dutch ones (1.234,56) in Dutch."""
        return text.translate(str.maketrans(",.", ".,")) if self.code == "nl" else text

    def day(self, d: date | None) -> str:
        """A date: ISO 2025-01-06 (en) or 06-01-2025 (nl, as Dutch write it)."""
        if d is None:
            return "-"
        return f"{d:%d-%m-%Y}" if self.code == "nl" else d.isoformat()

    def short_day(self, d: date) -> str:
        """A date in a table: 06 Jan 2025 (en) or 06 jan 2025 (nl)."""
        if self.code == "nl":
            return f"{d.day:02d} {_MONTHS_NL[d.month - 1]} {d.year}"
        return f"{d:%d %b %Y}"

    def day_month(self, d: date) -> str:
        """Day and month: 06 Jan (en) or 06 jan (nl)."""
        return self.short_day(d)[:6]


EN, NL = Lang("en"), Lang("nl")

#: the frame of the lines on stderr
WARNING_LINE = Text("xlcapital: warning: {what}", "xlcapital: waarschuwing: {what}")
ERROR_LINE = Text("xlcapital: error: {what}", "xlcapital: fout: {what}")
#: what a command wrote (one file, or several with commas between them)
WROTE = Text("wrote {path}", "{path} geschreven")


def warn(text: Any, lang: str | None = "en") -> None:
    """One warning on stderr in ``lang``: ``xlcapital: warning: ...`` (``waarschuwing`` in Dutch)."""
    print(in_language(WARNING_LINE(what=text), lang or "en"), file=sys.stderr)


def lang_of(code: str | None) -> Lang:
    """The :class:`Lang` of ``--lang`` (English when not given)."""
    return NL if code == "nl" else EN


def add_lang_option(parser, what: str | None = None) -> None:
    """The ``--lang en|nl`` option every command that prints text has (``what``: a helptext of what it sets)."""
    what = what or helptext("labels, sentences, numbers and dates", "labels, zinnen, getallen en datums")
    parser.add_argument("--lang", choices=LANGS, default="en",
                        help=helptext("{what} in English (default) or Dutch", "{what} in het Engels (standaard) of "
                                      "het Nederlands", what=what))


# --------------------------------------------------------------------------------------------
# Progress
# --------------------------------------------------------------------------------------------


#: what a progress bar counts, per second (``2.5step/s``)
STEP_UNIT = Text("step", "stap")
FILE_UNIT = Text("file", "bestand")


def progress(items, what: str, *, unit: Text = STEP_UNIT, lang: str = "en"):
    """``items`` with a progress bar on stderr while they are worked through; shown only on a
    terminal (never in a pipe, a file or the tests), and gone when done."""
    from tqdm import tqdm

    return tqdm(items, desc=what, unit=in_language(unit(), lang), file=sys.stderr, leave=False, disable=None,
                dynamic_ncols=True)


@contextlib.contextmanager
def held_output(bar):
    """Hold what a step prints until it is done, then print it above the bar (a bar and text
    printed at once would garble the terminal)."""
    buffer = io.StringIO()
    try:
        with contextlib.redirect_stdout(buffer):
            yield
    finally:  # what a failing step printed before it failed is shown too
        with bar.external_write_mode(file=sys.stdout):
            sys.stdout.write(buffer.getvalue())
            sys.stdout.flush()


NOT_A_WHOLE_NUMBER = Text("not a whole number: {text!r}", "geen geheel getal: {text!r}")
GIVE_LOW_TO_HIGH = Text("give {low} to {high} {unit}", "geef {low} tot en met {high} {unit}")


def whole_number(low: int, high: int, unit: Any):
    """An argparse ``type`` for a whole number from ``low`` to ``high`` (``unit``, a helptext, names them in the error).

    >>> whole_number(1, 104, "weeks")("13")
    13
    """
    def parse(text: str) -> int:
        try:
            n = int(text)
        except ValueError:
            raise argparse.ArgumentTypeError(said(NOT_A_WHOLE_NUMBER(text=text))) from None
        if not low <= n <= high:
            raise argparse.ArgumentTypeError(said(GIVE_LOW_TO_HIGH(low=low, high=high, unit=unit)))
        return n

    return parse
