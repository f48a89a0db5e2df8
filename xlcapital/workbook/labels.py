"""The workbook's words in Dutch, and status words instead of 0 / 1 / 2 (issue 11 item 6).

The sheet writers write English. After every sheet is written, :func:`apply` turns the visible
words of the Dutch workbook (``--lang nl``) into Dutch: the Dashboard (headers, key figures and
their explanations, the triggers, the chart's title, axes and series), the fixed row labels of
Forecast and Scenarios, and the titles and notes above the input tables. Only text cells that
equal a phrase of :data:`NL` are replaced, on the sheets named here, outside the Excel Tables'
header rows: the tables' column names are the names the formulas, the import macro and xlcapital
read (``Receivables[DueDate]``), so they stay English in both languages, as do the categories,
customers and other data. The Settings sheet's labels come from the forecast inputs' schema.

In both languages the Dashboard's per-week trigger statuses (numbers 0, 1, 2, which the formulas
count) show as words through a number format (:func:`status_format`): the value stays a number.
"""

from __future__ import annotations

import re

from xlsxwriter.worksheet import CellStringTuple

from xlcapital.names import NAMES

#: the words the Dashboard's formulas compute (a trigger's status, "none" for no such week), English -> Dutch
FORMULA_WORDS = {"ok": "ok", "warning": "waarschuwing", "alert": "alarm", "disabled": "uitgeschakeld", "none": "geen"}
#: the status words per language, for the value 0 / 1 / 2 of a trigger's week
STATUS_WORDS = {"en": ("ok", "warning", "alert"),
                "nl": tuple(FORMULA_WORDS[w] for w in ("ok", "warning", "alert"))}


def formula_word(word: str, lang: str) -> str:
    """A word a Dashboard formula computes, in the workbook's language (the Dutch workbook's formulas
    compute the Dutch word; nothing compares them but the status colours, which use this too).

    >>> formula_word("alert", "nl"), formula_word("none", "nl"), formula_word("alert", "en")
    ('alarm', 'geen', 'alert')
    """
    return FORMULA_WORDS.get(word, word) if lang == "nl" else word

#: English phrase -> Dutch, for the sheets :func:`apply` translates
NL = {
    # the readable names of the KPIs and trigger rules: declared once, in xlcapital.names
    **{n.en: n.nl for n in NAMES.values()},
    # Dashboard
    "Dashboard": "Dashboard",
    "Scenario shown": "Getoond scenario",
    "Key figures": "Kerncijfers",
    "Value": "Waarde",
    "Explanation": "Toelichting",
    "The opening bank balance.": "Het banksaldo aan het begin van week 1.",
    "Closing cash of week 1 minus the minimum buffer.": "Eindsaldo van week 1 min de minimale buffer.",
    "The overdraft facility.": "Het rekening-courantkrediet.",
    "Cash plus the unused facility.": "Kas plus het onbenutte krediet.",
    "All payments of the forecast per month.": "Alle betalingen van de prognose per maand.",
    "Fixed recurring costs per month.": "Vaste terugkerende lasten per maand.",
    "Payments minus receipts per month; negative: cash grows.":
        "Betalingen min ontvangsten per maand; negatief: de kas groeit.",
    "Months the cash lasts at this burn rate; empty when not burning.":
        "Maanden dat de kas meegaat bij dit kasverbruik; leeg als de kas niet krimpt.",
    "Cash in months of fixed costs; rule of thumb at least 3.": "Kas in maanden vaste lasten; vuistregel minstens 3.",
    "In the scenario shown.": "In het getoonde scenario.",
    "Unpaid sales invoices.": "Onbetaalde verkoopfacturen.",
    "Unpaid purchase invoices.": "Onbetaalde inkoopfacturen.",
    "DSO (days)": "DSO, debiteurendagen",
    "Open receivables in days of revenue (Settings: revenue and period).":
        "Openstaande debiteuren in dagen omzet (Settings: omzet en periode).",
    "DPO (days)": "DPO, crediteurendagen",
    "Open payables in days of cost of sales.": "Openstaande crediteuren in dagen inkoopwaarde van de omzet.",
    "DSI (days)": "DSI, voorraaddagen",
    "Cash conversion cycle (days)": "Cash conversion cycle (dagen)",
    "DSO + DSI - DPO.": "DSO + DSI - DPO.",
    "Trigger": "Signaal",
    "Value now": "Waarde nu",
    "Worst": "Slechtste",
    "Status": "Status",
    "First week": "Eerste week",
    "First alert week": "Eerste alarmweek",
    "Warning at": "Waarschuwing bij",
    "Alert at": "Alarm bij",
    "Owner": "Eigenaar",
    "Rule": "Regel",
    "Free cash (share of monthly costs)": "Vrije kas (deel van de maanduitgaven)",
    "Headroom on the credit limit": "Ruimte binnen de kredietlimiet",
    "DSO above its 3-month average (days)": "DSO boven het 3-maandsgemiddelde (dagen)",
    "Revenue: last 3 months against the 3 before": "Omzet: laatste 3 maanden tegen de 3 ervoor",
    "Closing cash against the credit limit and the buffer": "Eindsaldo tegen de kredietlimiet en de buffer",
    "Credit limit (lowest allowed balance)": "Kredietlimiet (laagst toegestane saldo)",
    "Minimum buffer": "Minimale buffer",
    "Trigger values and status per week (0 ok, 1 warning, 2 alert)": "Signaalwaarden en status per week",
    "Trigger values and status per week": "Signaalwaarden en status per week",
    # the chart
    "Closing cash per week": "Eindsaldo per week",
    "Week starting (Monday)": "Week vanaf (maandag)",
    "Bank balance": "Banksaldo",
    "Closing cash": "Eindsaldo",
    # Forecast and Scenarios
    "Cash-flow forecast": "Liquiditeitsprognose",
    "Scenario": "Scenario",
    "Revenue change": "Omzetverandering",
    "Customers pay later (days)": "Klanten betalen later (dagen)",
    "We pay later (days)": "Wij betalen later (dagen)",
    "Overdraft rate change": "Verandering rente krediet",
    "Week": "Week",
    "Week starts (Monday)": "Week begint (maandag)",
    "Week ends (Sunday)": "Week eindigt (zondag)",
    "Opening cash": "Beginsaldo",
    "Receipts": "Ontvangsten",
    "Payments": "Betalingen",
    "Net cash flow": "Netto kasstroom",
    "Closing cash before the facility": "Eindsaldo voor het krediet",
    "Overdraft drawn": "Opgenomen krediet",
    "Interest on the overdraft": "Rente over het krediet",
    "Headroom (cash + unused facility)": "Ruimte (kas + onbenut krediet)",
    "Below the minimum buffer": "Onder de minimale buffer",
    "Credit limit breached": "Kredietlimiet overschreden",
    "What the bank shows (Bank table)": "Wat de bank laat zien (tabel Bank)",
    "Bank data reaches this week": "Bankgegevens reiken tot deze week",
    "Actual bank flow": "Werkelijke bankstroom",
    "Actual closing balance": "Werkelijk eindsaldo",
    "Variance (actual - forecast net flow)": "Afwijking (werkelijk - prognose)",
    "Scenarios and stress tests": "Scenario's en stresstests",
    "Lowest cash": "Laagste saldo",
    "Lowest week": "Week van het laagste saldo",
    "First week over the credit limit": "Eerste week boven de kredietlimiet",
    # the input tables' titles and notes
    "Bank transactions": "Banktransacties",
    "Receivables (sales invoices)": "Debiteuren (verkoopfacturen)",
    "Open invoices are forecast at due date + the customer's payment delay; fill in PaidDate when one is paid.":
        "Open facturen worden verwacht op de vervaldatum + de betaaltermijn van de klant; vul PaidDate in als "
        "een factuur betaald is.",
    "Payables (purchase invoices)": "Crediteuren (inkoopfacturen)",
    "Open bills, paid on their due date (+ the scenario's payment delay).":
        "Openstaande rekeningen, betaald op de vervaldatum (+ het uitstel van het scenario).",
    "Customers' payment delays": "Betaalgedrag van klanten",
    "Recurring items": "Terugkerende posten",
    "Expected sales invoices": "Verwachte verkoopfacturen",
    "Individually known sales; the regular sales plan is on Settings.":
        "Afzonderlijk bekende verkopen; het vaste verkoopplan staat op Settings.",
    "Categories of bank transactions": "Categorieën van banktransacties",
    "Rules, top to bottom: the first that matches gives a bank transaction its category.":
        "Regels, van boven naar beneden: de eerste die past geeft een banktransactie haar categorie.",
    "Projected bank categories": "Geprojecteerde bankcategorieën",
    "Scenarios": "Scenario's",
    "One-off items of the scenarios": "Eenmalige posten van de scenario's",
    "VAT rates of categories": "Btw-tarieven per categorie",
    "Recurring items, one-offs and bank payments of a category not listed carry no VAT.":
        "Vaste posten, eenmalige posten en betalingen van een categorie die hier niet staat, hebben geen btw.",
    "Monthly history (trend triggers)": "Maandhistorie (trendsignalen)",
    "Trigger rules": "Signaalregels",
    "Thresholds per risk profile; credit_limit thresholds are fractions of the credit limit.":
        "Drempels per risicoprofiel; de drempels van credit_limit zijn delen van de kredietlimiet.",
    "Sales plan occurrences": "Momenten van het verkoopplan",
    "Calculated from the sales plan on Settings: do not edit.": "Berekend uit het verkoopplan op Settings: niet wijzigen.",
    "Forecast against actual": "Prognose tegen werkelijkheid",
    "Added to every forecast week. Do not project flows that are already forecast as items (invoices, Recurring), "
    "or they count twice.": "Bij elke prognoseweek opgeteld. Projecteer geen stromen die al als posten in de prognose "
                            "staan (facturen, Recurring): die tellen dan dubbel.",
    "Extra cash to stay above the buffer": "Extra kas om boven de buffer te blijven",
    "Extra financing to stay within the limit": "Extra financiering om binnen de limiet te blijven",
    "Run": "Berekening",
    "Stress tests start from": "Stresstests vertrekken van",
    "Week of lowest cash": "Week van het laagste saldo",
    # the forecast model's key figures, financing rows and look-ahead (forecast branches)
    "The bank balance at the start of week 1.": "Het banksaldo aan het begin van week 1.",
    "Closing cash of week 1 minus the minimum buffer: what week 1 leaves above the buffer.":
        "Eindsaldo van week 1 min de minimale buffer: wat week 1 boven de buffer overlaat.",
    "Cash plus the unused facility at the start (cash + credit limit).":
        "Kas plus het onbenutte krediet aan het begin (kas + kredietlimiet).",
    "All payments of the forecast per month of 365/12 days.":
        "Alle betalingen van de prognose per maand van 365/12 dagen.",
    "The fixed recurring costs per month.": "De vaste terugkerende lasten per maand.",
    "Operating burn rate (per month)": "Operationeel kasverbruik (per maand)",
    "Operating payments minus operating receipts per month (loan repayments, dividends and investments left out); "
    "negative: operations add cash.":
        "Operationele betalingen min operationele ontvangsten per maand (aflossingen, dividend en investeringen "
        "niet meegeteld); negatief: de bedrijfsvoering levert kas op.",
    "(Cash + unused facility) / operating burn rate; empty when operations do not burn cash.":
        "(Kas + onbenut krediet) / operationeel kasverbruik; leeg als de bedrijfsvoering geen kas verbruikt.",
    "Cash / monthly fixed costs; rule of thumb at least 3.": "Kas / vaste lasten per maand; vuistregel minstens 3.",
    "The lowest weekly closing cash of the scenario shown.": "Het laagste wekelijkse eindsaldo van het getoonde scenario.",
    "The first week with the lowest closing cash.": "De eerste week met het laagste eindsaldo.",
    "Open receivables / (revenue / days of the period).": "Openstaande debiteuren / (omzet / dagen van de periode).",
    "Open payables / (cost of sales / days of the period).":
        "Openstaande crediteuren / (inkoopwaarde van de omzet / dagen van de periode).",
    "DSO + DSI - DPO on the open invoices.": "DSO + DSI - DPO op de open facturen.",
    "The part of the overdue receivables not expected to come in (each aging bucket's amount x (1 - its share)).":
        "Het deel van de achterstallige debiteuren dat naar verwachting niet binnenkomt (het bedrag van elke "
        "ouderdomsklasse x (1 - haar aandeel)).",
    "Action when it fires": "Actie als het signaal afgaat",
    "Week starts (Monday; week 1: first day counted)": "Week begint (maandag; week 1: eerste getelde dag)",
    "Commitment fee (kredietprovisie)": "Kredietprovisie",
    "Borrowing base (receivables up to 90 days, stock)": "Borrowing base (debiteuren tot 90 dagen, voorraad)",
    "Facility available: MIN(limit, borrowing base)": "Beschikbaar krediet: MIN(limiet, borrowing base)",
    "Headroom (cash + available facility)": "Ruimte (kas + beschikbaar krediet)",
    "Look-ahead: the 8 weeks after the horizon (committed payments and the rest)":
        "Vooruitblik: de 8 weken na de horizon (vastgelegde betalingen en de rest)",
    "Lowest closing cash including the look-ahead": "Laagste eindsaldo inclusief de vooruitblik",
}
#: phrases with a number in them
_PATTERNS = (
    (re.compile(r"^Rent, salaries, VAT, loans, subscriptions\. W1\.\.W(\d+): the amount in each forecast week\.$"),
     r"Huur, salarissen, btw, leningen, abonnementen. W1..W\1: het bedrag in elke prognoseweek."),
)
#: row labels made of a phrase and a suffix (the Dashboard's per-week trigger rows)
_SUFFIXED = re.compile(r"^(.*): (value|status)$")
_SUFFIX_NL = {"value": "waarde", "status": "status"}

#: sheets whose text cells are translated everywhere; the other sheets only above their table
WHOLE_SHEETS = ("Dashboard", "Forecast", "Scenarios")


def dutch(text: str) -> str | None:
    """The Dutch of a phrase of the workbook, None when it is not one (data stays as it is).

    >>> dutch("Closing cash"), dutch("Headroom on the credit limit: status"), dutch("Rent")
    ('Eindsaldo', 'Ruimte binnen de kredietlimiet: status', None)
    """
    if text in NL:
        return NL[text]
    m = _SUFFIXED.match(text)
    if m and m.group(1) in NL:
        return f"{NL[m.group(1)]}: {_SUFFIX_NL[m.group(2)]}"
    for pattern, replacement in _PATTERNS:
        if pattern.match(text):
            return pattern.sub(replacement, text)
    return None


def status_format(lang: str) -> str:
    """The number format that shows a status 0 / 1 / 2 as its word.

    >>> status_format("nl")
    '[=2]"alarm";[=1]"waarschuwing";"ok"'
    """
    ok, warning, alert = STATUS_WORDS.get(lang, STATUS_WORDS["en"])
    return f'[=2]"{alert}";[=1]"{warning}";"{ok}"'


def _strings(book) -> dict[int, str]:
    return {i: s for s, i in book.workbook.str_table.string_table.items()}


def apply(book, lang: str) -> None:
    """Status words on the Dashboard (both languages); the Dutch of every phrase (``lang`` "nl")."""
    status = book.workbook.add_format({"num_format": status_format(lang), "align": "right", "valign": "top"})
    for name, ref in book.cells.items():
        if name.startswith("trigger.") and name.endswith(".statuses"):
            table = book.sheets[ref.sheet].table
            for r, c in ref.positions():
                cell = table.get(r, {}).get(c)
                if cell is not None and hasattr(cell, "formula"):
                    table[r][c] = cell._replace(format=status)
    if lang != "nl":
        return
    strings = _strings(book)
    for sheet, ws in book.sheets.items():
        limit = None if sheet in WHOLE_SHEETS else _header_row(book, sheet)
        for r, row in list(ws.table.items()):
            if limit is not None and r >= limit:
                continue
            if limit is None and sheet not in WHOLE_SHEETS:
                continue
            for c, cell in list(row.items()):
                if isinstance(cell, CellStringTuple):
                    text = strings.get(cell.string)
                    new = dutch(text) if text is not None else None
                    if new is not None and new != text:
                        ws._write_string(r, c, new, cell.format)
    for chart in book.workbook.charts:
        for title in (chart.title, chart.x_axis.get("title"), chart.y_axis.get("title")):
            if title is not None and isinstance(title.name, str) and dutch(title.name):
                title.name = dutch(title.name)
        for series in chart.series:
            if isinstance(series.get("name"), str) and dutch(series["name"]):
                series["name"] = dutch(series["name"])


def _header_row(book, sheet: str) -> int | None:
    """The header row of the Excel Table on ``sheet`` (from the cell map), None when it has none."""
    ref = book.cells.get(f"table.{sheet}")
    return ref.first_row - 1 if ref is not None else None
