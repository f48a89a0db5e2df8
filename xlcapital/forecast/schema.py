"""One declaration per input field: the company folder's files, the workbook's tables and Settings.

Every field of a CSV table and of forecast.toml is declared here once, as a :class:`Field`: its key
in the file, its header in the workbook (a table column, or the ``Settings_<Header>`` name), its
kind of value, its bounds or choices, its English label, its Dutch name and a help text. The CSV
and TOML readers parse with it, the workbook's input tables and Settings sheet are laid out from it
(:mod:`xlcapital.workbook.model`), and last month's workbook is read back with it. A new field is
one line here (and the object it fills).

>>> RECEIVABLES.required
('customer', 'invoice', 'invoice_date', 'due_date', 'amount')
>>> FORECAST["credit_limit"].parse("-5")
Traceback (most recent call last):
...
xlcapital.errors.InputError: credit_limit: -5 is below the minimum 0 (give 0 or more)
"""

from __future__ import annotations

from decimal import Decimal
from typing import Any

from xlcapital.forecast.fields import KINDS, Field, Table
from xlcapital.forecast.types import (
    ACTIVITIES,
    FEE_BASES,
    FREQUENCIES,
    MATCH_FIELDS,
    ONE_OFF,
    OPERATING,
    RISK_PROFILES,
    Collections,
)
from xlcapital.forecast.vat import AMOUNTS, FILINGS, RATE_CODES

SALES_FREQUENCIES = FREQUENCIES[:4]
MONTHS = ("January", "February", "March", "April", "May", "June", "July", "August", "September", "October",
          "November", "December")
MONTHS_NL = ("januari", "februari", "maart", "april", "mei", "juni", "juli", "augustus", "september", "oktober",
             "november", "december")


_DAYS = dict(low=-365, high=3650)

# --------------------------------------------------------------------------------------------
# forecast.toml
# --------------------------------------------------------------------------------------------

COMPANY = Table("company", None, (
    Field("name", "Company", "text", "Company", "Bedrijfsnaam",
          "The company this forecast is for (shown in the CLI, JSON and the workbook).",
          help_nl="Het bedrijf waarvoor deze prognose is (getoond in de CLI, de JSON en de werkmap)."),
))

FORECAST = Table("forecast", None, (
    Field("start", "Start", "date", "First week starts (Monday)", "Eerste week begint (maandag)",
          "Monday of week 1. Week w runs from Start + 7(w-1), Monday, to Sunday six days later. "
          "Items due before it (overdue) are counted in week 1.",
          help_nl="Maandag van week 1. Week w loopt van Start + 7(w-1), maandag, tot en met de zondag zes dagen "
                  "later. Posten die eerder vervallen (achterstallig) tellen in week 1."),
    Field("weeks", "Weeks", "integer", "Weeks", "Aantal weken",
          "The number of weekly columns (generate a new workbook to change it).", low=1, high=104, default=13,
          help_nl="Het aantal weekkolommen (maak een nieuwe werkmap om het te veranderen)."),
    Field("opening_balance", "BankBalance", "money", "Bank balance", "Banksaldo",
          "The balance of the company's accounts together at the end of the balance date (negative when the "
          "overdraft is in use). Type today's balance and today's date: the opening balance follows.",
          help_nl="Het saldo van de rekeningen van het bedrijf samen aan het eind van de saldodatum (negatief als "
                  "het krediet in gebruik is). Typ het saldo en de datum van vandaag: het beginsaldo volgt."),
    Field("balance_date", "BalanceDate", "date", "Balance date", "Saldodatum",
          "The day whose end-of-day balance the bank balance is. Empty: the day before week 1, so the bank "
          "balance is the opening balance itself.",
          help_nl="De dag waarvan het banksaldo het eindsaldo is. Leeg: de dag voor week 1, dan is het banksaldo "
                  "het beginsaldo zelf."),
    Field("accounts", "Accounts", "accounts", "Accounts of the forecast", "Rekeningen",
          "The company's own accounts (IBANs, separated by commas) whose bank transactions count: for the "
          "opening balance and the actuals on Forecast. Empty: every account in the Bank table.",
          help_nl="De eigen rekeningen van het bedrijf (IBAN's, gescheiden door komma's) waarvan de "
                  "banktransacties meetellen: voor het beginsaldo en de werkelijke cijfers op Forecast. Leeg: "
                  "elke rekening in de tabel Bank."),
    Field("credit_limit", "CreditLimit", "money", "Credit limit (overdraft facility)", "Kredietlimiet",
          "The overdraft facility (kredietplafond): how far the balance may go below zero.", low=0,
          default=Decimal(0),
          help_nl="Het rekening-courantkrediet (kredietplafond): hoe ver het saldo onder nul mag gaan."),
    Field("overdraft_rate", "OverdraftRate", "fraction", "Overdraft interest rate (per year)",
          "Rente rekening-courant (per jaar)",
          "Yearly interest on the drawn overdraft; a week costs drawn x rate x 7 / 365.", low=-1, high=1,
          default=Decimal(0),
          help_nl="Rente per jaar over het opgenomen krediet; een week kost opgenomen x rente x 7 / 365."),
    Field("commitment_fee", "CommitmentFee", "fraction", "Commitment fee (kredietprovisie, per year)",
          "Kredietprovisie (per jaar)",
          "Yearly fee on the credit limit (or on its undrawn part, below); a week costs basis x fee x 7 / 365.",
          low=0, high=Decimal("0.1"), default=Decimal(0),
          help_nl="Provisie per jaar over de kredietlimiet (of over het onbenutte deel, zie hieronder); een week "
                  "kost grondslag x provisie x 7 / 365."),
    Field("commitment_fee_basis", "CommitmentFeeBasis", "choice", "Commitment fee on", "Kredietprovisie over",
          "limit: on the whole credit limit, as Dutch banks charge kredietprovisie; undrawn: on the limit minus "
          "the overdraft drawn.", choices=FEE_BASES, default="limit",
          help_nl="limit: over de hele kredietlimiet, zoals Nederlandse banken kredietprovisie rekenen; undrawn: "
                  "over de limiet min het opgenomen krediet."),
    Field("advance_rate_receivables", "AdvanceRateReceivables", "fraction", "Borrowing base: advance rate on receivables",
          "Bevoorschottingspercentage debiteuren",
          "The share of the receivables up to 90 days old the bank lends on (often 70 %). Empty: no borrowing base, "
          "the whole credit limit is available.", low=0, high=1,
          help_nl="Het deel van de debiteuren tot 90 dagen oud waarop de bank leent (vaak 70 %). Leeg: geen "
                  "borrowing base, de hele kredietlimiet is beschikbaar."),
    Field("advance_rate_stock", "AdvanceRateStock", "fraction", "Borrowing base: advance rate on stock",
          "Bevoorschottingspercentage voorraad",
          "The share of the stock (Inventory below) the bank lends on (often 40-50 %).", low=0, high=1,
          default=Decimal(0),
          help_nl="Het deel van de voorraad (hieronder, van de laatste periode) waarop de bank leent (vaak 40-50 %)."),
    Field("minimum_buffer", "MinimumBuffer", "money", "Minimum cash buffer", "Minimale kasbuffer",
          "The cash the company wants to keep at all times; weeks below it are flagged.", low=0,
          default=Decimal(0),
          help_nl="Het geld dat het bedrijf altijd wil aanhouden; weken eronder worden gemarkeerd."),
    Field("risk_profile", "RiskProfile", "choice", "Risk profile", "Risicoprofiel",
          "conservative, moderate or offensive: sets the thresholds of the triggers on the Dashboard.",
          choices=RISK_PROFILES, default="moderate",
          help_nl="conservative (voorzichtig), moderate (gemiddeld) of offensive (offensief): bepaalt de drempels "
                  "van de signalen op het Dashboard."),
    Field("history_weeks", None, "integer", "Weeks of bank history learned from", "Weken bankhistorie",
          "How many weeks before the start the projected bank categories are learned from.", low=1, high=260,
          default=13,
          help_nl="Over hoeveel weken voor de start de geprojecteerde bankcategorieën worden geleerd."),
    Field("default_payment_delay_days", "DefaultPaymentDelayDays", "integer",
          "Default customer payment delay (days)", "Standaard betaalvertraging klanten (dagen)",
          "Days after the due date that a customer who is not in the Customers table pays.", **_DAYS,
          help_nl="Dagen na de vervaldatum waarop een klant betaalt die niet in de tabel Customers staat."),
    Field("currency", "Currency", "text", "Currency", "Valuta", "The currency of all amounts.", default="EUR",
          help_nl="De valuta van alle bedragen."),
))

SALES_PLAN = Table("sales", None, (
    Field("amount", "SalesAmount", "money", "Sales plan: amount per invoice", "Verkoopplan: bedrag per factuur",
          "The regular sales invoiced per occurrence, before seasonality (0 or empty: no sales plan).", low=0,
          default=Decimal(0),
          help_nl="De vaste omzet die per keer wordt gefactureerd, voor seizoensinvloeden (0 of leeg: geen "
                  "verkoopplan)."),
    Field("frequency", "SalesFrequency", "choice", "Sales plan: frequency", "Verkoopplan: frequentie",
          "weekly, monthly, quarterly or yearly.", choices=SALES_FREQUENCIES, default="monthly",
          help_nl="weekly (wekelijks), monthly (maandelijks), quarterly (per kwartaal) of yearly (jaarlijks)."),
    Field("day", "SalesDay", "integer", "Sales plan: day", "Verkoopplan: dag",
          "weekly: 1 (Monday) .. 7 (Sunday); otherwise the day of the month 1..31 (a short month uses its last "
          "day).", low=1, high=31, default=1,
          help_nl="weekly: 1 (maandag) .. 7 (zondag); anders de dag van de maand 1..31 (een korte maand gebruikt "
                  "haar laatste dag)."),
    Field("month", "SalesMonth", "integer", "Sales plan: anchor month", "Verkoopplan: ankermaand",
          "quarterly: a month of the cycle (1..12); yearly: the month. Ignored for weekly and monthly.",
          low=1, high=12, default=1,
          help_nl="quarterly: een maand van de cyclus (1..12); yearly: de maand. Genegeerd bij weekly en monthly."),
    Field("collection_days", "SalesCollectionDays", "integer", "Sales collection days", "Incassotermijn verkopen",
          "Days from a sales invoice to its payment (sales plan and Sales table).", low=0, high=3650,
          help_nl="Dagen van een verkoopfactuur tot haar betaling (verkoopplan en tabel Sales)."),
    Field("gross_margin", "GrossMargin", "fraction", "Gross margin on sales", "Brutomarge",
          "Purchases follow the sales: every sale (plan and Sales table) brings a purchase of sale x (1 - gross "
          "margin), moved by the scenario's revenue change. Empty: no purchases derived from the sales.",
          low=0, high=1,
          help_nl="Inkopen volgen de verkopen: elke verkoop (plan en tabel Sales) geeft een inkoop van verkoop x "
                  "(1 - brutomarge), meebewegend met de omzetwijziging van het scenario. Leeg: geen inkopen "
                  "afgeleid van de verkopen."),
    Field("stock_days", "StockDays", "integer", "Stock days (purchase before sale)", "Voorraaddagen",
          "Days between buying the goods and invoicing the sale. Purchases made before the first day counted are "
          "in Payables already and are not derived again.", low=0, high=3650, default=0,
          help_nl="Dagen tussen het inkopen van de goederen en het factureren van de verkoop. Inkopen van voor de "
                  "eerste getelde dag staan al in Payables en worden niet nog eens afgeleid."),
    Field("supplier_days", "SupplierDays", "integer", "Supplier payment days", "Betaaltermijn leveranciers",
          "Days from a purchase to its payment (the supplier's term; 30 is the Dutch statutory default).",
          low=0, high=3650, default=30,
          help_nl="Dagen van een inkoop tot haar betaling (de betaaltermijn van de leverancier; 30 is de "
                  "wettelijke termijn in Nederland)."),
    # the collection curve of new sales (docs section 3): a second and a third part after their own days
    *(f for k, word, days in ((2, "second", 60), (3, "third", 90)) for f in (
        Field(f"collection_days_{k}", f"CollectionDays{k}", "integer", f"Collection curve: days of the {word} part",
              f"Incassocurve: dagen {'tweede' if k == 2 else 'derde'} deel",
              f"Days from a sales invoice to the payment of its {word} part.", low=0, high=3650, default=days,
              help_nl=f"Dagen van een verkoopfactuur tot de betaling van haar {'tweede' if k == 2 else 'derde'} deel."),
        Field(f"collection_share_{k}", f"CollectionShare{k}", "fraction", f"Collection curve: share of the {word} part",
              f"Incassocurve: deel {'tweede' if k == 2 else 'derde'} termijn",
              f"The share of every new sale paid after the {word} part's days (0: none). The first part is "
              "1 - second - third, paid after the sales collection days.", low=0, high=1, default=Decimal(0),
              help_nl=f"Het deel van elke nieuwe verkoop dat na de dagen van het {'tweede' if k == 2 else 'derde'} "
                      "deel betaald wordt (0: geen). Het eerste deel is 1 - tweede - derde, betaald na de "
                      "incassotermijn van verkopen."),
    )),
))

#: the aging buckets: key, workbook header, label in English and in Dutch
BUCKETS = (("1_30", "1to30", "1-30", "1-30"), ("31_60", "31to60", "31-60", "31-60"),
           ("61_90", "61to90", "61-90", "61-90"), ("over_90", "Over90", "over 90", "meer dan 90"))
#: ``[collections]``: per aging bucket of overdue receivables, the days after the first day counted
#: the cash is expected and the share expected to come in (types.Collections has the defaults)
COLLECTIONS = Table("collections", None, tuple(
    f
    for key, header, label, label_nl in BUCKETS
    for f in (
        Field(f"days_{key}", f"CollectDays{header}", "integer", f"Overdue {label} days: expected after (days)",
              f"Achterstand {label_nl} dagen: verwacht na (dagen)",
              f"Receivables {label} days past their expected date at the first day counted are expected this many "
              "days after it.", low=0, high=3650,
              help_nl=f"Debiteuren die op de eerste getelde dag {label_nl} dagen over hun "
                      "verwachte datum zijn, worden zoveel dagen daarna verwacht."),
        Field(f"share_{key}", f"CollectShare{header}", "fraction", f"Overdue {label} days: share collected",
              f"Achterstand {label_nl} dagen: deel dat binnenkomt",
              f"The share of those receivables expected to be paid; the rest is the bad-debt allowance.", low=0,
              high=1, help_nl="Het deel van die debiteuren dat naar verwachting betaald wordt; de rest is de "
                              "voorziening dubieuze debiteuren."),
    )
))



def collections_of(values: dict[str, Any], sources: dict[str, str] | None = None) -> Collections:
    """The aging buckets from :data:`COLLECTIONS` values by key (``days_1_30``, ``share_over_90``, ...):
    each given value over :class:`~xlcapital.forecast.types.Collections`' default (a missing key or
    None keeps the default). forecast.toml and last month's Settings sheet both read through this.

    >>> collections_of({"days_1_30": 7, "share_over_90": None}).days
    (7, 28, 42, 56)
    """
    default = Collections()
    keys = [key for key, *_ in BUCKETS]

    def pick(prefix: str, defaults: tuple) -> tuple:
        return tuple(d if values.get(f"{prefix}_{k}") is None else values[f"{prefix}_{k}"] for k, d in zip(keys, defaults))

    return Collections(pick("days", default.days), pick("share", default.share), sources=sources or {})


#: ``[vat]``: the VAT returns (forecast/vat.py); filing "none" (the default) leaves today's folders as they were
VAT = Table("vat", None, (
    Field("filing", "VatFiling", "choice", "VAT filing period", "Aangiftetijdvak btw",
          "none (no VAT engine: VAT stays a recurring item of your own), monthly, quarterly or yearly. The balance "
          "of each return is paid (or refunded) on the last day of the month after the period.",
          choices=FILINGS, default="none",
          help_nl="none (geen btw-berekening: de btw blijft een eigen vaste post), monthly, quarterly of yearly (maand, "
                  "kwartaal of jaar). Het saldo van elke aangifte wordt betaald (of terugontvangen) op de laatste "
                  "dag van de maand na het tijdvak."),
    Field("amounts", "VatAmounts", "choice", "Sales plan amounts", "Bedragen verkoopplan",
          "incl: the sales plan and the Sales table include VAT (as customers pay them); excl: VAT is added. "
          "Invoices, bills, recurring items and bank amounts always include VAT.", choices=AMOUNTS, default="incl",
          help_nl="incl: het verkoopplan en de tabel Sales zijn inclusief btw (zoals klanten betalen); excl: de btw "
                  "komt erbij. Facturen, rekeningen, vaste posten en bankbedragen zijn altijd inclusief btw."),
    Field("sales_rate", "VatSalesRate", "choice", "VAT rate on sales", "Btw-tarief verkopen",
          "21, 9, 0, exempt or reverse (verlegd): the rate of the sales plan, the Sales table and receivables.csv.",
          choices=RATE_CODES, default="21",
          help_nl="21, 9, 0, exempt (vrijgesteld) of reverse (verlegd): het tarief van het verkoopplan, de tabel Sales "
                  "en receivables.csv."),
    Field("payables_rate", "VatPayablesRate", "choice", "VAT rate on open bills", "Btw-tarief openstaande facturen",
          "The rate of the bills in payables.csv (21, 9, 0, exempt or reverse).", choices=RATE_CODES, default="21",
          help_nl="Het tarief van de rekeningen in payables.csv (21, 9, 0, exempt of reverse)."),
    Field("carry_forward", "VatCarryForward", "yes_no", "Carry a VAT credit forward", "Btw-teruggave verrekenen",
          "no: a return with more input than output VAT is refunded on its due date; yes: the credit is set "
          "off against the next return.", default=False,
          help_nl="no: een aangifte met meer voorbelasting dan verschuldigde btw wordt op de vervaldag terugbetaald; "
                  "yes: het tegoed wordt verrekend met de volgende aangifte."),
    Field("last_return", "VatLastReturn", "money", "Last return (to pay)", "Laatste aangifte (te betalen)",
          "The balance of the return for the last period that ended before the start, as filed (positive: to "
          "pay, negative: refund). Empty: derived from receivables.csv, payables.csv and recurring.csv.",
          help_nl="Het saldo van de aangifte over het laatste tijdvak dat voor de start eindigde, zoals ingediend "
                  "(positief: te betalen, negatief: terug te ontvangen). Leeg: afgeleid uit de gegevens."),
))
#: ``[vat.rates]``: the rate code of a category of recurring items and one-offs (one key per category)
VAT_RATE = Field("rate", "Rate", "choice", "VAT rate of a category", "Btw-tarief categorie",
                 "21, 9, 0, exempt or reverse.", choices=RATE_CODES,
                 help_nl="21, 9, 0, exempt (vrijgesteld) of reverse (verlegd).", header_nl="Tarief")

#: ``[sales] seasonality``: twelve factors, one per month; in the workbook Season1 .. Season12
SEASONALITY = tuple(
    Field(f"seasonality[{m}]", f"Season{m}", "number", f"Seasonality {MONTHS[m - 1]}", f"Seizoensfactor {m}",
          f"Sales plan amounts invoiced in {MONTHS[m - 1]} are multiplied by this factor (1 = normal).",
          low=0, default=Decimal(1),
          help_nl=f"Bedragen van het verkoopplan gefactureerd in {MONTHS_NL[m - 1]} worden met deze factor "
                  "vermenigvuldigd (1 = normaal).")
    for m in range(1, 13)
)

SCENARIOS = Table("ScenarioInputs", None, (
    Field("name", "Scenario", "text", "Scenario", "Scenario", "Name of the scenario; base is the default run.",
          required=True,
          help_nl="Naam van het scenario; base is de standaardberekening.", header_nl="Scenario"),
    Field("revenue_change", "RevenueChange", "fraction", "Revenue change", "Omzetwijziging",
          "-0.15 = 15% less revenue (sales plan and Sales, revenue-linked bank categories).", low=-1,
          default=Decimal(0),
          help_nl="-0,15 = 15% minder omzet (verkoopplan en Sales, omzetgebonden bankcategorieën).",
          header_nl="Omzetwijziging"),
    Field("collection_delay_days", "CollectionDelayDays", "integer", "Collection delay (days)",
          "Extra betaaltermijn klanten (dagen)", "Customers pay this many days later (negative: earlier).",
          low=-365, high=365, default=0,
          help_nl="Klanten betalen zoveel dagen later (negatief: eerder).", header_nl="ExtraDagenKlanten"),
    Field("payment_delay_days", "PaymentDelayDays", "integer", "Payment delay (days)",
          "Extra betaaltermijn leveranciers (dagen)", "We pay suppliers this many days later (negative: earlier).",
          low=-365, high=365, default=0,
          help_nl="Wij betalen leveranciers zoveel dagen later (negatief: eerder).",
          header_nl="ExtraDagenLeveranciers"),
    Field("interest_rate_change", "InterestRateChange", "fraction", "Interest rate change", "Rentewijziging",
          "Added to the overdraft rate (0.01 = +1 point).", default=Decimal(0),
          help_nl="Opgeteld bij de rente van het krediet (0,01 = +1 procentpunt).", header_nl="Rentewijziging"),
))

ONE_OFFS = Table("OneOffs", None, (
    Field("scenario", "Scenario", "text", "Scenario", "Scenario", "The scenario this one-off item belongs to.",
          help_nl="Het scenario waar deze eenmalige post bij hoort.", header_nl="Scenario"),
    Field("date", "Date", "date", "Date", "Datum", "The date of the item.", required=True,
          help_nl="De datum van de post.", header_nl="Datum"),
    Field("amount", "Amount", "money", "Amount", "Bedrag", "Signed: receipts positive, payments negative.",
          required=True,
          help_nl="Met teken: ontvangsten positief, betalingen negatief.", header_nl="Bedrag"),
    Field("category", "Category", "text", "Category", "Categorie", "The row it is shown on.", default=ONE_OFF,
          help_nl="De regel waarop ze getoond wordt.", header_nl="Categorie"),
    Field("description", "Description", "text", "Description", "Omschrijving", "What it is.", default="",
          help_nl="Wat het is.", header_nl="Omschrijving"),
))

# --------------------------------------------------------------------------------------------
# the CSV tables
# --------------------------------------------------------------------------------------------

RECEIVABLES = Table("Receivables", "receivables.csv", (
    Field("customer", "Customer", "text", "Customer", "Klant", "The customer's name.", required=True,
          help_nl="De naam van de klant.", header_nl="Klant"),
    Field("invoice", "Invoice", "text", "Invoice", "Factuurnummer", "The invoice number (unique).", required=True,
          help_nl="Het factuurnummer (uniek).", header_nl="Factuurnummer"),
    Field("invoice_date", "InvoiceDate", "date", "Invoice date", "Factuurdatum", "The date of the invoice.",
          required=True,
          help_nl="De datum van de factuur.", header_nl="Factuurdatum"),
    Field("due_date", "DueDate", "date", "Due date", "Vervaldatum", "The date payment is due.", required=True,
          help_nl="De datum waarop betaald moet zijn.", header_nl="Vervaldatum"),
    Field("amount", "Amount", "money", "Amount", "Bedrag", "Amount outstanding; a credit note is negative.",
          required=True,
          help_nl="Openstaand bedrag; een creditnota is negatief.", header_nl="Bedrag"),
    Field("paid_date", "PaidDate", "date", "Paid date", "Betaaldatum",
          "Fill in when the invoice is paid: it is then no longer forecast.",
          help_nl="Vul in als de factuur betaald is: ze wordt dan niet meer verwacht.", header_nl="Betaaldatum"),
    Field("expected_date", "ExpectedOn", "date", "Expected on", "Verwacht op",
          "When you know when this invoice will be paid (a promise, a payment plan): that date, in full. Empty: "
          "due date + the customer's delay, aged when overdue.",
          help_nl="Als u weet wanneer deze factuur betaald wordt (een toezegging, een betalingsregeling): die "
                  "datum, voor het hele bedrag. Leeg: vervaldatum + de betaalvertraging van de klant, naar "
                  "ouderdom als ze achterstallig is.", header_nl="VerwachtOp"),
))

PAYABLES = Table("Payables", "payables.csv", (
    Field("supplier", "Supplier", "text", "Supplier", "Leverancier", "The supplier's name.", required=True,
          help_nl="De naam van de leverancier.", header_nl="Leverancier"),
    Field("invoice", "Invoice", "text", "Invoice", "Factuurnummer", "The supplier's invoice number.", default="",
          help_nl="Het factuurnummer van de leverancier.", header_nl="Factuurnummer"),
    Field("due_date", "DueDate", "date", "Due date", "Vervaldatum", "The date we pay.", required=True,
          help_nl="De datum waarop wij betalen.", header_nl="Vervaldatum"),
    Field("amount", "Amount", "money", "Amount", "Bedrag", "Amount we owe, positive (a credit note is negative).",
          required=True,
          help_nl="Het bedrag dat wij verschuldigd zijn, positief (een creditnota is negatief).", header_nl="Bedrag"),
))

CUSTOMERS = Table("Customers", "customers.csv", (
    Field("customer", "Customer", "text", "Customer", "Klant",
          "The customer's name exactly as in Receivables (case is ignored).", required=True,
          help_nl="De naam van de klant, precies zoals in Receivables (hoofdletters tellen niet).",
          header_nl="Klant"),
    Field("payment_delay_days", "PaymentDelayDays", "integer", "Payment delay (days)", "Betaalvertraging (dagen)",
          "Days after the due date this customer pays (negative: early). Learned from paid invoices where "
          "possible; change it when you know better.", **_DAYS,
          help_nl="Dagen na de vervaldatum waarop deze klant betaalt (negatief: vroeg). Waar mogelijk geleerd uit "
                  "betaalde facturen; pas het aan als u het beter weet.", header_nl="Betaalvertraging"),
))

RECURRING = Table("Recurring", "recurring.csv", (
    Field("name", "Name", "text", "Name", "Naam", "What the item is (rent, salaries, a loan ...).", required=True,
          help_nl="Wat de post is (huur, salarissen, een lening ...).", header_nl="Naam"),
    Field("category", "Category", "text", "Category", "Categorie", "The forecast row it is shown on.",
          required=True,
          help_nl="De prognoseregel waarop ze getoond wordt.", header_nl="Categorie"),
    Field("amount", "Amount", "money", "Amount", "Bedrag", "Per occurrence, signed: costs negative, income positive.",
          required=True,
          help_nl="Per keer, met teken: kosten negatief, opbrengsten positief.", header_nl="Bedrag"),
    Field("frequency", "Frequency", "choice", "Frequency", "Frequentie", "weekly, monthly, quarterly, yearly or once.",
          required=True, choices=FREQUENCIES,
          help_nl="weekly, monthly, quarterly, yearly of once (eenmalig).", header_nl="Frequentie"),
    Field("day", "Day", "integer", "Day", "Dag", "weekly: 1 (Monday) .. 7 (Sunday); otherwise day of the month "
          "1..31 (a short month uses its last day). Empty: 1.", low=1, high=31, default=1,
          help_nl="weekly: 1 (maandag) .. 7 (zondag); anders de dag van de maand 1..31 (een korte maand gebruikt "
                  "haar laatste dag). Leeg: 1.", header_nl="Dag"),
    Field("month", "Month", "integer", "Month", "Maand",
          "quarterly: a month of the cycle (1..12); yearly: the month. Empty: 1.", low=1, high=12, default=1,
          help_nl="quarterly: een maand van de cyclus (1..12); yearly: de maand. Leeg: 1.", header_nl="Maand"),
    Field("start", "Start", "date", "Start", "Begin", "First date an occurrence may fall on (once: the date itself).",
          help_nl="Eerste datum waarop de post mag vallen (once: de datum zelf).", header_nl="Begin"),
    Field("end", "End", "date", "End", "Einde", "Last date an occurrence may fall on; empty: no end.",
          help_nl="Laatste datum waarop de post mag vallen; leeg: geen einde.", header_nl="Einde"),
    Field("fixed", "Fixed", "yes_no", "Fixed", "Vast",
          "yes: a fixed cost (the cash-buffer trigger counts it). Empty: yes for a payment that is not "
          "revenue-linked, no for a receipt.",
          help_nl="yes: vaste lasten (het kasbuffersignaal telt ze mee). Leeg: yes voor een betaling die niet "
                  "omzetgebonden is, no voor een ontvangst.", header_nl="Vast"),
    Field("activity", "Activity", "choice", "Activity", "Soort kasstroom",
          "operating (empty), investing (a machine, a van) or financing (loan repayments, dividends, capital): "
          "the burn rate and the runway count operating flows only.", choices=ACTIVITIES, default=OPERATING,
          help_nl="operating (operationeel, leeg), investing (investering: een machine, een bus) of financing "
                  "(financiering: aflossingen, dividend, kapitaal): het kasverbruik en de runway tellen alleen "
                  "operationele stromen.", header_nl="Kasstroomsoort"),
    Field("variable_rate", "VariableRate", "fraction", "Variable rate", "Variabele rente",
          "For the interest of a variable-rate loan: its current yearly rate (e.g. 5.2%). A scenario's interest "
          "change scales the amount by (rate + change) / rate. Empty: a fixed amount.", low=Decimal("0.0001"),
          high=1,
          help_nl="Voor de rente van een lening met variabele rente: de huidige rente per jaar (bijv. 5,2%). De "
                  "renteverandering van een scenario schaalt het bedrag met (rente + verandering) / rente. Leeg: "
                  "een vast bedrag.", header_nl="VariabeleRente"),
    Field("revenue_linked", "RevenueLinked", "yes_no", "Revenue-linked", "Omzetafhankelijk",
          "yes: a variable cost (or income) that moves with revenue: the scenario's revenue change scales it. "
          "Empty: no (a fixed amount).", default=False,
          help_nl="yes: variabele kosten (of opbrengsten) die met de omzet meebewegen: de omzetwijziging van het "
                  "scenario schaalt ze. Leeg: no (een vast bedrag).", header_nl="Omzetgebonden"),
))

EXPECTED_SALES = Table("Sales", "sales.csv", (
    Field("date", "Date", "date", "Date", "Factuurdatum", "Expected invoice date.", required=True,
          help_nl="Verwachte factuurdatum.", header_nl="Factuurdatum"),
    Field("amount", "Amount", "money", "Amount", "Bedrag", "Invoice amount before the scenario's revenue change.",
          required=True,
          help_nl="Factuurbedrag voor de omzetwijziging van het scenario.", header_nl="Bedrag"),
    Field("description", "Description", "text", "Description", "Omschrijving", "What is sold.", default="",
          help_nl="Wat er verkocht wordt.", header_nl="Omschrijving"),
))

CATEGORIES = Table("Categories", "categories.csv", (
    Field("category", "Category", "text", "Category", "Categorie", "The category a matching transaction gets.",
          required=True,
          help_nl="De categorie die een passende transactie krijgt.", header_nl="Categorie"),
    Field("match", "Match", "choice", "Match", "Zoek in",
          "Which field of a bank transaction the pattern tests: counterparty, iban or description.", required=True,
          choices=MATCH_FIELDS,
          help_nl="Welk veld van een banktransactie het patroon test: counterparty (tegenpartij), iban of "
                  "description (omschrijving).", header_nl="ZoekIn"),
    Field("pattern", "Pattern", "text", "Pattern", "Patroon",
          "counterparty/description: text it contains (case ignored); iban: the IBAN (spaces ignored).",
          required=True,
          help_nl="counterparty/description: tekst die erin voorkomt (hoofdletters tellen niet); iban: het IBAN "
                  "(spaties tellen niet).", header_nl="Patroon"),
    Field("project", None, "yes_no", "Project", "Projecteren",
          "yes: the category's typical weekly flow is added to every forecast week.",
          help_nl="yes: de gewone weekstroom van de categorie wordt bij elke prognoseweek opgeteld."),
    Field("weekly_amount", None, "money", "Weekly amount", "Weekbedrag",
          "The signed weekly amount projected (empty: learned from the bank history).",
          help_nl="Het geprojecteerde weekbedrag met teken (leeg: geleerd uit de bankhistorie)."),
    Field("revenue_linked", None, "yes_no", "Revenue-linked", "Omzetgebonden",
          "yes: scaled by the scenario's revenue change.",
          help_nl="yes: geschaald met de omzetwijziging van het scenario."),
))

#: payroll.csv: one row per employee or group of employees on the same salary (docs section 14)
_RATE = dict(low=0, high=1)
PAYROLL = Table("Payroll", "payroll.csv", (
    Field("name", "Name", "text", "Name", "Naam", "The employee or group (e.g. Warehouse staff).", required=True,
          help_nl="De medewerker of groep (bijvoorbeeld Magazijn).", header_nl="Naam"),
    Field("employees", "Employees", "integer", "Employees", "Aantal medewerkers",
          "How many people this row pays (each the gross salary). Empty: 1.", low=0, high=100000, default=1,
          help_nl="Hoeveel mensen deze regel betaalt (elk het brutoloon). Leeg: 1.", header_nl="Aantal"),
    Field("gross", "Gross", "money", "Gross monthly salary", "Brutomaandloon",
          "Gross salary a month per employee, before wage tax and pension.", required=True, low=0,
          help_nl="Brutoloon per maand per medewerker, voor loonheffing en pensioen.", header_nl="Brutoloon"),
    Field("start", "Start", "date", "Start", "In dienst vanaf",
          "First day employed (or on this salary). A month with any day employed counts in full. Empty: before "
          "everything.", help_nl="Eerste dag in dienst (of op dit loon). Een maand met een dag in dienst telt "
          "helemaal. Leeg: al in dienst.", header_nl="InDienst"),
    Field("end", "End", "date", "End", "In dienst tot",
          "Last day employed (or on this salary: a raise is a new row from the next day). Empty: no end.",
          help_nl="Laatste dag in dienst (of op dit loon: een loonsverhoging is een nieuwe regel). Leeg: geen einde.",
          header_nl="UitDienst"),
    Field("wage_tax_rate", "WageTaxRate", "fraction", "Wage tax withheld", "Ingehouden loonheffing",
          "Loonheffing withheld, as a share of the gross wage (one rate instead of the wage-tax tables).",
          default=Decimal(0), **_RATE,
          help_nl="Ingehouden loonheffing als deel van het brutoloon (een tarief in plaats van de loonbelastingtabellen).",
          header_nl="Loonheffing"),
    Field("employee_pension_rate", "EmployeePension", "fraction", "Pension: employee's part", "Pensioen werknemersdeel",
          "The employee's pension premium, withheld from the gross wage.", default=Decimal(0), **_RATE,
          help_nl="De pensioenpremie van de werknemer, ingehouden op het brutoloon.", header_nl="PensioenWerknemer"),
    Field("employer_pension_rate", "EmployerPension", "fraction", "Pension: employer's part", "Pensioen werkgeversdeel",
          "The employer's pension premium on top of the wage.", default=Decimal(0), **_RATE,
          help_nl="De pensioenpremie van de werkgever bovenop het loon.", header_nl="PensioenWerkgever"),
    Field("employer_premium_rate", "EmployerPremiums", "fraction", "Employer's social premiums",
          "Werkgeverspremies", "WW, WIA/WAO and Zvw premiums the employer pays on top of the wage, as a share of it.",
          default=Decimal(0), **_RATE,
          help_nl="WW-, WIA/WAO- en Zvw-premies die de werkgever bovenop het loon betaalt, als deel ervan.",
          header_nl="Werkgeverspremies"),
    Field("holiday_rate", "HolidayAllowance", "fraction", "Holiday allowance", "Vakantiegeld",
          "Share of the wages of the holiday year (June-May) paid as holiday allowance. Empty: 8 %.",
          default=Decimal("0.08"), **_RATE,
          help_nl="Deel van het loon van het vakantiejaar (juni-mei) dat als vakantiegeld wordt betaald. Leeg: 8 %.",
          header_nl="Vakantiegeld"),
    Field("thirteenth_month", "ThirteenthMonth", "yes_no", "13th month", "Dertiende maand",
          "yes: a 13th month (a twelfth of the last 12 months' wages) is paid in the 13th-month month (Settings).",
          default=False,
          help_nl="ja: een dertiende maand (een twaalfde van het loon van de laatste 12 maanden) in de maand op Settings.",
          header_nl="DertiendeMaand"),
))

#: ``[payroll]``: when the payroll is paid (the rows are payroll.csv)
PAYROLL_SETTINGS = Table("payroll", None, (
    Field("pay_day", "PayDay", "integer", "Pay day of the month", "Betaaldag salaris",
          "The day of the month net pay is paid (a short month: its last day).", low=1, high=31, default=25,
          help_nl="De dag van de maand waarop het nettoloon wordt betaald (een korte maand: de laatste dag)."),
    Field("holiday_month", "HolidayMonth", "integer", "Holiday allowance paid in month", "Maand vakantiegeld",
          "5 (May) or 6 (June): the month holiday allowance is paid with the salary.", low=5, high=6, default=5,
          help_nl="5 (mei) of 6 (juni): de maand waarin het vakantiegeld met het salaris wordt betaald."),
    Field("thirteenth_month", "ThirteenthMonthPaid", "integer", "13th month paid in month", "Maand dertiende maand",
          "The month (1..12) the 13th month is paid, for the rows that have one.", low=1, high=12, default=12,
          help_nl="De maand (1..12) waarin de dertiende maand wordt betaald, voor de regels die er een hebben."),
    Field("pension_lag", "PensionLag", "integer", "Pension paid months after the wage month", "Pensioen maanden later",
          "0: the pension fund collects a month's premiums on its last day; 1: on the last day of the next month.",
          low=0, high=1, default=0,
          help_nl="0: het pensioenfonds int de premie van een maand op de laatste dag ervan; 1: op de laatste dag "
                  "van de volgende maand."),
))

#: every CSV table of a company folder, by file name
CSV_TABLES = {t.file: t for t in (RECEIVABLES, PAYABLES, CUSTOMERS, RECURRING, EXPECTED_SALES, CATEGORIES, PAYROLL)}

# --------------------------------------------------------------------------------------------
# the last period's figures (company.toml, through forecast.folder.financials_of): Settings rows
# --------------------------------------------------------------------------------------------

#: keys are the attributes of :class:`~xlcapital.forecast.types.Financials` (the two receivables
#: balances are not on the Settings sheet); the workbook shows them when company.toml gives them
FINANCIALS = Table("financials", None, (
    Field("revenue", "Revenue", "money", "Revenue of the last period (company.toml)",
          "Omzet van de laatste periode (company.toml)", "For DSO and CCC on the Dashboard; empty when unknown.",
          help_nl="Voor DSO en CCC op het Dashboard; leeg als onbekend."),
    Field("cogs", "CostOfSales", "money", "Cost of sales of the last period",
          "Inkoopwaarde van de omzet van de laatste periode", "For DPO and CCC on the Dashboard; empty: revenue is used.",
          default=Decimal(0), help_nl="Voor DPO en CCC op het Dashboard; leeg: de omzet wordt gebruikt."),
    Field("inventory", "Inventory", "money", "Inventory at the end of the last period",
          "Voorraad aan het eind van de laatste periode", "For CCC on the Dashboard.", default=Decimal(0),
          help_nl="Voor CCC op het Dashboard."),
    Field("days", "PeriodDays", "integer", "Days in that period", "Dagen in die periode", "365 for a year.",
          low=0, default=365, help_nl="365 voor een jaar."),
    Field("equity", "Equity", "money", "Equity at the end of the last period",
          "Eigen vermogen aan het eind van de laatste periode", "For the solvency covenant (equity / total assets).",
          help_nl="Voor het solvabiliteitsconvenant (eigen vermogen / totaal vermogen)."),
    Field("total_assets", "TotalAssets", "money", "Total assets at the end of the last period",
          "Totaal vermogen aan het eind van de laatste periode", "For the solvency covenant.",
          help_nl="Voor het solvabiliteitsconvenant."),
    Field("bhk_cashflow", "BhkCashflow", "money", "BHK cash flow of the last period",
          "BHK-kasstroom van de laatste periode",
          "Profit after tax + depreciation + provisions added - released - retained participations: for the DSCR.",
          help_nl="Winst na belasting + afschrijvingen + dotaties aan voorzieningen - vrijval - ingehouden "
                  "deelnemingsresultaten: voor de DSCR."),
    Field("interest", "Interest", "money", "Interest of the last period", "Rente van de laatste periode",
          "For the DSCR (debt service = interest + repayments).",
          help_nl="Voor de DSCR (rente en aflossing = rente + aflossingen)."),
    Field("repayments", "Repayments", "money", "Loan repayments of the last period",
          "Aflossingen van de laatste periode", "For the DSCR.", help_nl="Voor de DSCR."),
))

#: the Settings sheet's fields per part of :class:`~xlcapital.forecast.types.Inputs` (the attribute
#: holding them; each field's key is its attribute there): the workbook's values, last month's
#: workbook read back and the roll's settings all derive from this. The seasonality
#: (``sales.seasonality``) and the aging buckets (``collections``) are tuples, and the company's
#: name is ``Inputs.company_name``: see :data:`SEASONALITY`, :data:`COLLECTIONS`, :data:`COMPANY`.
SETTING_TABLES = ((FORECAST, "settings"), (SALES_PLAN, "sales"), (FINANCIALS, "financials"),
                  (PAYROLL_SETTINGS, "payroll_settings"))
#: every setting of the workbook's Settings sheet declared here, by workbook header
SETTINGS = {f.header: f for f in (*COMPANY, *FORECAST, *SALES_PLAN, *SEASONALITY, *COLLECTIONS, *FINANCIALS,
                                  *PAYROLL_SETTINGS)
            if f.header}


__all__ = ["Field", "Table", "KINDS", "COMPANY", "FORECAST", "SALES_PLAN", "SEASONALITY", "SCENARIOS", "ONE_OFFS",
           "COLLECTIONS", "FINANCIALS", "SETTING_TABLES", "VAT", "VAT_RATE", "RECEIVABLES", "PAYABLES", "CUSTOMERS", "RECURRING", "EXPECTED_SALES", "CATEGORIES", "PAYROLL",
           "PAYROLL_SETTINGS", "CSV_TABLES",
           "SETTINGS", "SALES_FREQUENCIES", "MONTHS"]
