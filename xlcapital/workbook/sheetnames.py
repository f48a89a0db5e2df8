"""The Dutch workbook's sheet (tab) names, and the rewrite that puts them into formulas.

Every sheet writer names its sheet in English (``book.add_sheet("Forecast")``, ``Ref("Forecast", ...)``)
and every formula is written with the English names (``Forecast!$C$5``); the cell map and the VBA code
names stay English. A sheet's Dutch tab name is declared once, in :data:`DUTCH`;
:class:`~xlcapital.workbook.book.Book` creates the tab under it and :func:`rename` rewrites the sheet
references of every formula where it enters the file (the same places as the column names,
:mod:`~xlcapital.workbook.headers`, and the chart's series).

>>> rename("=Forecast!$C$5+'Receivables'!A1+Forecast[#All]+\\"Forecast!A1\\"", DUTCH)
'=Prognose!$C$5+Debiteuren!A1+Forecast[#All]+"Forecast!A1"'
"""

from __future__ import annotations

import re
from typing import Mapping

from xlcapital.workbook.cellmap import quote_sheet

#: English sheet name -> Dutch tab name, of every sheet whose name differs (Start, Dashboard, Bank, the
#: technical xlwings.conf and the hidden xlcapital sheet keep theirs; the Excel Tables keep their names)
DUTCH: dict[str, str] = {
    "Forecast": "Prognose",
    "Months": "Maanden",
    "Scenarios": "Scenariovergelijking",
    "Variance": "Afwijkingen",
    "VAT": "Btw",
    "LookAhead": "Vooruitblik",
    "Settings": "Instellingen",
    "Receivables": "Debiteuren",
    "Payables": "Crediteuren",
    "Customers": "Klanten",
    "Recurring": "Terugkerend",
    "Payroll": "Salarissen",
    "Sales": "Verkopen",
    "Categories": "Categorieën",
    "Projections": "Projecties",
    "ScenarioInputs": "ScenarioInvoer",
    "OneOffs": "Eenmalig",
    "VatRates": "Btw-tarieven",
    "History": "Historie",
    "TriggerRules": "Signaalregels",
    "SalesPlan": "Verkoopplan",
    "PayrollMonths": "Salarismaanden",
}

#: a string literal (its quotes doubled inside), a quoted sheet name before ``!``, or a plain one
_TOKEN = re.compile(r'"(?:[^"]|"")*"|\'((?:[^\']|\'\')+)\'!|(?<![\w.\'])([A-Za-z_][\w.]*)!')


def valid(names: Mapping[str, str]) -> None:
    """Refuse tab names Excel rejects: longer than 31 characters, with one of ``[]:*?/\\`` or ``'`` at
    either end, empty, or not unique (case ignored) among the English and Dutch names together."""
    tabs = [names.get(n, n) for n in {*names}]
    bad = [t for t in names.values() if not t or len(t) > 31 or set(t) & set("[]:*?/\\") or t[0] == "'" or t[-1] == "'"]
    folded = [t.casefold() for t in tabs]
    twice = sorted({t for t in tabs if folded.count(t.casefold()) > 1})
    clash = sorted(t for t in names.values() if t in names)
    if bad or twice or clash:
        raise ValueError(f"sheet names {bad or twice or clash} are not valid, unique tab names")


valid(DUTCH)


def rename(formula: str, names: Mapping[str, str]) -> str:
    """``formula`` with every sheet reference to a sheet of ``names`` (English -> tab name) renamed
    (quoted when the new name needs it); string literals and table names are left as they are.

    >>> rename("=SUM('Months'!A1:B2)&\\"Months!\\"", {"Months": "Maanden"})
    '=SUM(Maanden!A1:B2)&"Months!"'
    """
    if "!" not in formula:
        return formula

    def sub(m: re.Match) -> str:
        quoted, plain = m.group(1), m.group(2)
        name = plain if plain is not None else (quoted.replace("''", "'") if quoted is not None else None)
        if name is None or name not in names:
            return m.group(0)
        return quote_sheet(names[name]) + "!"

    return _TOKEN.sub(sub, formula)


def english_of(tab: str) -> str:
    """The English name of a Dutch tab (a tab not in :data:`DUTCH` is its own)."""
    return _ENGLISH.get(tab, tab)


_ENGLISH = {nl: en for en, nl in DUTCH.items()}

__all__ = ["DUTCH", "rename", "english_of", "valid"]
