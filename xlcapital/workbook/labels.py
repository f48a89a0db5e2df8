"""The workbook's words in Dutch, and status words instead of 0 / 1 / 2 (issue 11 item 6).

The sheet writers write English. After every sheet is written, :func:`apply` turns the visible
words of the Dutch workbook (``--lang nl``) into Dutch: the Dashboard (headers, key figures and
their explanations, the triggers, the chart's title, axes and series), the fixed row labels of
Forecast, Months and Scenarios, the titles and notes above the input tables, and the comments on the
helper columns' headers (:data:`COMMENTS`; a column of the schema has its own Dutch help). Only text cells that
equal a phrase of :data:`NL` are replaced, on the sheets named here, outside the Excel Tables'
header rows: the tables' column names are declared in Dutch beside the English ones and written
by the table writers (:mod:`~xlcapital.workbook.headers`), and a note naming a column names it by
that declaration ("vul Betaaldatum in"); the categories, customers and other data stay as they are.
The Settings sheet's labels come from the forecast inputs' schema.

In both languages the Dashboard's per-week trigger statuses (numbers 0, 1, 2, which the formulas
count) show as words through a number format (:func:`status_format`): the value stays a number.
"""

from __future__ import annotations

import re

from xlsxwriter.worksheet import CellStringTuple

from xlcapital.forecast import schema as sc
from xlcapital.forecast import types as fc_types
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

#: the row of the flows of categories added after generation (the catch-all of each side)
OTHER_ROW = "Other (categories added later)"
#: the rows of the categories the engine makes itself (not a category of the user's files), English -> Dutch:
#: only the row label is Dutch, the formulas still select the category by its English name
CATEGORY_NL = {fc_types.RECEIVABLES: "Debiteuren", fc_types.SALES: "Verkopen", fc_types.PAYABLES: "Crediteuren",
               fc_types.PURCHASES: "Inkopen", fc_types.ONE_OFF: "Eenmalig",
               OTHER_ROW: "Overig (later toegevoegde categorieën)"}

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
        "Open facturen worden verwacht op de vervaldatum + de betaaltermijn van de klant; vul "
        f"{sc.RECEIVABLES['paid_date'].header_nl} in als "
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
    "Payroll (employees and groups)": "Salarissen (medewerkers en groepen)",
    "One row per employee or group; a raise or a new hire is a row that starts, a leaver a row that ends. Pay day, "
    "holiday month and 13th month are on Settings.": "Een regel per medewerker of groep; een loonsverhoging of een "
                                                     "nieuwe medewerker is een regel die begint, wie vertrekt een regel "
                                                     "die eindigt. Betaaldag, maand van het vakantiegeld en de "
                                                     "dertiende maand staan op Settings.",
    "Payroll by month": "Salarissen per maand",
    "Calculated from the Payroll table and Settings: do not edit.":
        "Berekend uit de tabel Payroll en Settings: niet wijzigen.",
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
    "The fixed recurring costs per month, the payroll's employer cost included.":
        "De vaste terugkerende lasten per maand, met de loonkosten van de salarisadministratie.",
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
    # the run when no scenario is defined (scenarios.PLAIN): the Settings value, the Scenarios run, the name on
    # Forecast and Months (formulas =Settings_Scenario); it matches no scenario and no one-off in either language
    "(plain forecast)": "(gewone prognose)",
    # the Variance row of all categories together (previous.TOTAL): written and compared in the workbook's language
    "(all categories)": "(alle categorieën)",
    # Months
    "Cash-flow forecast by month (12 months)": "Liquiditeitsprognose per maand (12 maanden)",
    "Scenario (as on Forecast)": "Scenario (als op Forecast)",
    "Month": "Maand",
    "Month starts (month 1: first day counted)": "Maand begint (maand 1: eerste getelde dag)",
    "Month ends": "Maand eindigt",
    # VAT (workbook/vat.py) and LookAhead (workbook/lookahead.py)
    "VAT returns (btw)": "Btw-aangiften",
    "One row per return due from the first day counted to the window's end (Settings); amounts include VAT as the "
    "bank shows them. docs/forecast-model.md section 13.":
        "Een regel per aangifte die vervalt vanaf de eerste getelde dag tot het eind van het venster (Settings); "
        "bedragen inclusief btw, zoals de bank ze toont. docs/forecast-model.md sectie 13.",
    "Period": "Tijdvak",
    "Return": "Aangifte",
    "First day": "Eerste dag",
    "Last day": "Laatste dag",
    "Due (paid or refunded)": "Vervaldatum (betaald of terugontvangen)",
    "In the window": "In het venster",
    "Output VAT: receivables": "Af te dragen btw: debiteuren",
    "Output VAT: sales plan and Sales": "Af te dragen btw: verkoopplan en Sales",
    "Input VAT: open bills": "Voorbelasting: openstaande rekeningen",
    "Input VAT: purchases of the sales": "Voorbelasting: inkopen voor de verkopen",
    "Output VAT before the first day": "Af te dragen btw voor de eerste dag",
    "Input VAT before the first day": "Voorbelasting voor de eerste dag",
    "Forecast (the scenario chosen on Settings)": "Prognose (het scenario gekozen op Settings)",
    "Output VAT": "Af te dragen btw",
    "Input VAT": "Voorbelasting",
    "Credit carried in": "Meegenomen tegoed",
    "Return (output - input - credit)": "Aangifte (af te dragen - voorbelasting - tegoed)",
    "Paid (+) / refunded (-)": "Betaald (+) / terugontvangen (-)",
    "Look-ahead: committed payments after the horizon": "Vooruitblik: vaste betalingen na de horizon",
    "Lowest closing cash including the look-ahead": "Laagste eindsaldo inclusief de vooruitblik",
    "Date": "Datum",
    "Category": "Categorie",
    "Item": "Post",
    "Amount": "Bedrag",
    "Sort key": "Sorteersleutel",
    "Candidates (calculated: every bill, recurring row per week, payroll payment and VAT return)":
        "Kandidaten (berekend: elke rekening, terugkerende post per week, loonbetaling en btw-aangifte)",
}
#: the comments on the headers of the helper and hand-declared columns, English -> Dutch (the columns of
#: forecast/schema.py fields carry their own Dutch help: Field.help_nl)
COMMENTS = {
    # VatRates, Recurring and OneOffs with [vat] (workbook/vat.py)
    "21, 9, 0, exempt or reverse.": "21, 9, 0, exempt (vrijgesteld) of reverse (verlegd).",
    "A category of recurring items and one-offs (Recurring, OneOffs) and of bank transactions (Categories).":
        "Een categorie van terugkerende posten en eenmalige posten (Recurring, OneOffs) en van banktransacties "
        "(Categories).",
    "r / (1 + r): the VAT in an amount including it.": "r / (1 + r): de btw in een bedrag inclusief btw.",
    "The row's amount in VAT period 1 before the first day counted (used when the bank does not show those days).":
        "Het bedrag van de regel in btw-tijdvak 1 voor de eerste getelde dag (gebruikt als de bank die dagen niet "
        "toont).",
    "The row's amount in VAT period 2 before the first day counted (used when the bank does not show those days).":
        "Het bedrag van de regel in btw-tijdvak 2 voor de eerste getelde dag (gebruikt als de bank die dagen niet "
        "toont).",
    "VatP<j>: the row's amount in VAT period j (VAT sheet) from the first day counted on.":
        "VatP<j>: het bedrag van de regel in btw-tijdvak j (blad VAT) vanaf de eerste getelde dag.",
    "The VAT in this row's amount: r / (1 + r) of its category's rate (VatRates; 0: none).":
        "De btw in het bedrag van de regel: r / (1 + r) van het tarief van de categorie (VatRates; 0: geen).",
    "The VAT in this item: amount x r / (1 + r) of its category's rate (VatRates).":
        "De btw in deze post: bedrag x r / (1 + r) van het tarief van de categorie (VatRates).",
    # Bank
    "Booking date.": "Boekdatum.",
    "Signed: money in positive, money out negative.": "Met teken: geld erin positief, geld eruit negatief.",
    "The first rule of the Categories table that matches this transaction.":
        "De eerste regel van de tabel Categories die bij deze transactie past.",
    "yes: an account of the forecast (Settings: Accounts, empty = every account); only these transactions count for "
    "the opening balance and the actuals on Forecast.":
        "yes: een rekening van de prognose (Settings: Rekeningen, leeg = elke rekening); alleen deze transacties "
        "tellen voor het beginsaldo en de werkelijke cijfers op Forecast.",
    "Dedupe key: account|date|amount in cents|text|n. The import skips transactions whose key is already here.":
        "Ontdubbelsleutel: rekening|datum|bedrag in centen|tekst|n. De import slaat transacties over waarvan de "
        "sleutel er al staat.",
    # Receivables, Payables, Customers
    "The customer's payment delay (Customers table, else the default on Settings).":
        "De betaalvertraging van de klant (tabel Customers, anders de standaard op Settings).",
    "Due date + payment delay (empty when paid).": "Vervaldatum + betaalvertraging (leeg als betaald).",
    "Days past the base date at the first day counted (Settings): 0 when not overdue.":
        "Dagen over de basisdatum op de eerste getelde dag (Settings): 0 als niet achterstallig.",
    "Aging bucket: 1 (1-30 days overdue), 2 (31-60), 3 (61-90), 4 (over 90).":
        "Ouderdomsklasse: 1 (1-30 dagen achterstallig), 2 (31-60), 3 (61-90), 4 (meer dan 90).",
    "Expected cash date before the scenario: ExpectedOn when filled in; else the base date, or for an overdue "
    "invoice the first day counted + its bucket's days (Settings).":
        f"Verwachte ontvangstdatum voor het scenario: {sc.RECEIVABLES['expected_date'].header_nl} als die is ingevuld; anders de basisdatum, of voor "
        "een achterstallige factuur de eerste getelde dag + de dagen van haar ouderdomsklasse (Settings).",
    "The amount expected to come in: all of it when ExpectedOn is filled in; an overdue invoice times its bucket's "
    "share (Settings).":
        f"Het bedrag dat naar verwachting binnenkomt: alles als {sc.RECEIVABLES['expected_date'].header_nl} is ingevuld; een achterstallige factuur "
        "maal het deel van haar ouderdomsklasse (Settings).",
    "Expected cash date in the scenario shown on Forecast.":
        "Verwachte ontvangstdatum in het scenario dat Forecast toont.",
    "Forecast week of the cash date (1 also for overdue invoices).":
        "Prognoseweek van de ontvangstdatum (1 ook voor achterstallige facturen).",
    "The open receivables of this invoice's customer together (0 when paid).":
        "De openstaande facturen van de klant van deze factuur samen (0 als betaald).",
    "1: an open invoice of the largest customer (Settings), the one the largest-customer stress tests on Scenarios "
    "move or cut.":
        "1: een open factuur van de grootste klant (Settings), die de stresstests van de grootste klant op "
        "Scenarios verschuiven of schrappen.",
    "Payment date in the scenario shown on Forecast: due date + the scenario's payment delay.":
        "Betaaldatum in het scenario dat Forecast toont: vervaldatum + het betalingsuitstel van het scenario.",
    "Where the delay came from: given, history, dso or default.":
        "Waar de vertraging vandaan komt: given (opgegeven), history (historie), dso of default (standaard).",
    # Recurring
    "First date of the window: the later of the first day counted (Settings) and Start.":
        f"Eerste datum van het venster: de latere van de eerste getelde dag (Settings) en "
        f"{sc.RECURRING['start'].header_nl}.",
    "Last date of the window.": "Laatste datum van het venster.",
    "1 / the variable rate (0 for a fixed amount): the scenarios' interest change scales the row.":
        "1 / de variabele rente (0 bij een vast bedrag): de renteverandering van de scenario's schaalt de regel.",
    "Monthly fixed cost of this row (section 8: weekly 365/84, monthly 1, quarterly 1/3, yearly 1/12, once 0).":
        "Vaste lasten per maand van deze regel (paragraaf 8: weekly 365/84, monthly 1, quarterly 1/3, yearly "
        "1/12, once 0).",
    "The row's amounts in weeks 1..N together (the burn rate leaves investing and financing rows out).":
        "De bedragen van de regel in week 1..N samen (het kasverbruik laat investerings- en financieringsregels "
        "weg).",
    # Sales and SalesPlan
    "Expected cash date: invoice date + sales collection days (Settings).":
        "Verwachte ontvangstdatum: factuurdatum + incassotermijn verkopen (Settings).",
    "Payment date of the purchase behind this sale (before the scenario's payment delay): invoice date - stock days "
    "+ supplier days (Settings); empty when bought before the first day counted.":
        "Betaaldatum van de inkoop achter deze verkoop (voor het betalingsuitstel van het scenario): factuurdatum "
        "- voorraaddagen + betaaltermijn leveranciers (Settings); leeg als voor de eerste getelde dag ingekocht.",
    "Cash date of the collection curve's part 2: invoice date + its days (Settings).":
        "Ontvangstdatum van het tweede deel van de incassocurve: factuurdatum + de dagen ervan (Settings).",
    "Cash date of the collection curve's part 3: invoice date + its days (Settings).":
        "Ontvangstdatum van het derde deel van de incassocurve: factuurdatum + de dagen ervan (Settings).",
    "Occurrence number (weekly) or month number from week 1's month.":
        "Volgnummer (weekly) of maandnummer vanaf de maand van week 1.",
    "The occurrence date, empty when there is none in this row.": "De datum, leeg als deze regel er geen heeft.",
    "Plan amount x the seasonality of the invoice month.": "Planbedrag x de seizoensfactor van de factuurmaand.",
    # Projections, History, TriggerRules
    "A bank category whose typical weekly flow is added to every week.":
        "Een bankcategorie waarvan de gewone weekstroom bij elke week wordt opgeteld.",
    "Signed amount per week (learned from the bank history: change it when you know better).":
        "Bedrag per week met teken (geleerd uit de bankhistorie: pas het aan als u het beter weet).",
    "yes: scaled by the scenario's revenue change.": "yes: geschaald met de omzetwijziging van het scenario.",
    "given (categories.csv) or history (learned from the bank).":
        "given (categories.csv) of history (geleerd uit de bank).",
    "YYYY-MM, oldest first.": "JJJJ-MM, oudste eerst.",
    "Days sales outstanding at the end of the month.": "Debiteurendagen (DSO) aan het eind van de maand.",
    "below: fires when the value is under the threshold; above: over it.":
        "below: gaat af als de waarde onder de drempel ligt; above: erboven.",
    "Who must act when the trigger fires.": "Wie in actie komt als het signaal afgaat.",
    "What is done when the trigger fires, agreed in advance (seed 000, step 3).":
        "Wat er gebeurt als het signaal afgaat, vooraf afgesproken.",
    # Variance
    "Week number in the previous workbook's forecast.": "Weeknummer in de prognose van de vorige werkmap.",
    "A forecast row or a bank category; (all categories) is the net flow.":
        "Een prognoseregel of bankcategorie; (alle categorieën) is de netto stroom.",
    "What the previous workbook forecast for this week (net: receipts + payments).":
        "Wat de vorige werkmap voor deze week voorspelde (netto: ontvangsten + betalingen).",
    "The bank transactions of this week and category (Bank table, accounts of the forecast).":
        "De banktransacties van deze week en categorie (tabel Bank, rekeningen van de prognose).",
    "Actual minus forecast.": "Werkelijk min prognose.",
}

#: phrases with a number or a name in them
_PATTERNS = (
    (re.compile(r"^The payments of open bills, recurring items, payroll and VAT returns in weeks (\d+)-(\d+) \(the "
                r"scenario shown on Forecast\), by date\.$"),
     r"De betalingen van openstaande rekeningen, terugkerende posten, salarissen en btw-aangiften in de weken "
     r"\1-\2 (het scenario getoond op Forecast), op datum."),
    (re.compile(r"^Rent, salaries, VAT, loans, subscriptions\. W1\.\.W(\d+): the amount in each forecast week\.$"),
     r"Huur, salarissen, btw, leningen, abonnementen. W1..W\1: het bedrag in elke prognoseweek."),
    (re.compile(r"^The weeks of (.*) that are now past \(scenario (.*)\): its forecast per category against the bank "
                r"transactions of that category\.$"),
     r"De weken van \1 die nu voorbij zijn (scenario \2): de prognose per categorie tegen de banktransacties van "
     r"die categorie."),
)
#: a flow row's label: "  + " (receipts) or "  - " (payments) and its category
_CATEGORY_ROW = re.compile(r"^(  [+-] )(.+)$")
#: row labels made of a phrase and a suffix (the Dashboard's per-week trigger rows)
_SUFFIXED = re.compile(r"^(.*): (value|status)$")
_SUFFIX_NL = {"value": "waarde", "status": "status"}

#: sheets whose text cells are translated everywhere; the other sheets only above their table
WHOLE_SHEETS = ("Dashboard", "Forecast", "Months", "Scenarios", "VAT", "LookAhead")


def dutch(text: str) -> str | None:
    """The Dutch of a phrase of the workbook, None when it is not one (data stays as it is).

    >>> dutch("Closing cash"), dutch("Headroom on the credit limit: status"), dutch("Rent")
    ('Eindsaldo', 'Ruimte binnen de kredietlimiet: status', None)
    >>> dutch("  + Receivables"), dutch("  - Rent")
    ('  + Debiteuren', None)
    """
    if text in NL:
        return NL[text]
    row = _CATEGORY_ROW.match(text)
    if row:
        return row.group(1) + CATEGORY_NL[row.group(2)] if row.group(2) in CATEGORY_NL else None
    m = _SUFFIXED.match(text)
    if m and m.group(1) in NL:
        return f"{NL[m.group(1)]}: {_SUFFIX_NL[m.group(2)]}"
    for pattern, replacement in _PATTERNS:
        if pattern.match(text):
            return pattern.sub(replacement, text)
    return None


def in_language(text: str, lang: str) -> str:
    """``text`` in the workbook's language: its Dutch (:func:`dutch`) in a Dutch workbook, else itself.

    >>> in_language("(plain forecast)", "nl"), in_language("(plain forecast)", "en"), in_language("base", "nl")
    ('(gewone prognose)', '(plain forecast)', 'base')
    """
    return (dutch(text) or text) if lang == "nl" else text


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
    for ws in book.sheets.values():
        for comments in ws.comments.values():
            for comment in comments.values():
                comment.text = COMMENTS.get(comment.text, comment.text)
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
