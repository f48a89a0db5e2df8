"""What the forecast's loader says about a company folder, in English and Dutch (:mod:`xlcapital.messages`).

A new warning of the forecast is a :class:`~xlcapital.messages.Text` here (or in its own module), said
where it is found: ``warnings.append(say.MY_WARNING(file=..., ...))``; the CLI shows it in Dutch.
"""

from __future__ import annotations

from xlcapital.messages import FOLDER_NOT_FOUND, NOT_A_FOLDER, NOT_CSV, UNKNOWN_COLUMN, Text  # noqa: F401 (shared)

ACCOUNT_NOT_FOUND = Text("{accounts} matches no export in bank/", "{accounts} komt in geen enkele export in bank/ voor")
ACCOUNTS_NOT_FOUND = Text("{accounts} match no export in bank/", "{accounts} komen in geen enkele export in bank/ voor")
CORRECT_THE_IBAN = Text("exports found for {found}: correct the IBAN or add its export",
                        "exports gevonden voor {found}: verbeter het IBAN of voeg de export ervan toe")
ACCOUNTS_WARNING = Text("forecast.accounts: {what} (exports found for {found})",
                        "forecast.accounts: {what} (exports gevonden voor {found})")
OTHER_ACCOUNTS = Text("bank/ has transactions of {accounts}, not in accounts: left out",
                      "bank/ bevat transacties van {accounts}, die niet in forecast.accounts staan: weggelaten")
VAT_TWICE = Text("recurring.csv: {names} is on the VAT row while [vat] computes the returns: remove it, or the VAT is "
                 "paid twice",
                 "recurring.csv: {names} staat op de btw-regel terwijl [vat] de aangiften berekent: verwijder die "
                 "regel, anders wordt de btw twee keer betaald")
PAYROLL_TWICE = Text("recurring.csv line {line}: {name!r} is on the {category} row and payroll.csv pays salaries "
                     "too: remove it, or the payroll counts twice",
                     "recurring.csv regel {line}: {name!r} staat op de regel {category} en payroll.csv betaalt de "
                     "salarissen al: verwijder die regel, anders worden de salarissen twee keer betaald")
END_BEFORE_START = Text("end is before start", "de einddatum ligt voor de begindatum")
CORRECT_THE_ROW = Text("correct the row", "verbeter de regel")
NOTHING_LEFT_TO_PAY = Text("wage_tax_rate + employee_pension_rate is above 1 (nothing left to pay out)",
                           "wage_tax_rate + employee_pension_rate is meer dan 1 (er blijft niets over om uit te betalen)")
RATES_ARE_SHARES = Text("the rates are shares of the gross wage", "de tarieven zijn delen van het brutoloon")

# --- the input CSV files: the errors met most (csvfiles.py, values.py) ----------------------

READ_AS = Text("read as {encoding}, separator {separator!r}, decimal {mark}",
               "gelezen als {encoding}, scheidingsteken {separator!r}, decimaalteken {mark}")
DECIMAL_COMMA = Text("comma", "komma")
DECIMAL_POINT = Text("point", "punt")
UTF8_BOM = Text("UTF-8 with BOM", "UTF-8 met BOM")
SAVE_AS_CSV_UTF8 = Text("save the file as CSV UTF-8", "sla het bestand op als CSV UTF-8")
VALUE_REQUIRED = Text("a value is required", "hier is een waarde nodig")
EMPTY_CSV = Text("the file is empty", "het bestand is leeg")
HEADER_NAMES = Text("the first line names the columns: {columns}", "de eerste regel noemt de kolommen: {columns}")
KNOWN_COLUMNS = Text("known: {columns} ({dialect})", "bekend: {columns} ({dialect})")
COLUMN_TWICE = Text("column {column!r} appears twice", "kolom {column!r} staat er twee keer in")
MISSING_COLUMN = Text("missing column {columns}", "kolom {columns} ontbreekt")
THE_HEADER_IS = Text("the header is {header!r} ({dialect})", "de kopregel is {header!r} ({dialect})")
TOO_MANY_CELLS = Text("{cells} cells but the header names {columns} columns",
                      "{cells} cellen, maar de kopregel noemt {columns} kolommen")
ALSO_ON_LINE = Text("{what} {value!r} also on line {line}", "{what} {value!r} staat ook op regel {line}")
DUE_BEFORE_INVOICE = Text("due_date is before invoice_date", "due_date ligt vóór invoice_date")
ONCE_NEEDS_START = Text("a 'once' item needs its date in start", "een post 'once' heeft zijn datum nodig in start")
WRITE_DATES = Text("write dates as YYYY-MM-DD", "schrijf datums als JJJJ-MM-DD")
NOT_A_WHOLE_NUMBER = Text("not a whole number: {value!r}", "geen geheel getal: {value!r}")
OUT_OF_RANGE = Text("{value} is out of range", "{value} valt buiten het bereik")
USE_FROM_TO = Text("use {low} to {high}", "gebruik {low} tot en met {high}")
NOT_YES_OR_NO = Text("not yes or no: {value!r}", "geen ja of nee: {value!r}")
NOT_ONE_OF = Text("{value!r} is not one of {choices}", "{value!r} is niet een van {choices}")
UNKNOWN_SCENARIO = Text("unknown scenario {name!r}", "onbekend scenario {name!r}")
KNOWN_SCENARIOS = Text("known: {known}; stress tests: {stress}", "bekend: {known}; stresstests: {stress}")
NONE_DEFINED = Text("none defined", "geen gedefinieerd")

# --- the company folder -----------------------------------------------------------------------

GIVE_THE_FOLDER = Text("give the folder that holds forecast.toml", "geef de map waarin forecast.toml staat")
NO_FORECAST_TOML = Text("forecast.toml is missing", "forecast.toml ontbreekt")
SEE_THE_LAYOUT = Text("see docs/forecast.md for the folder layout", "zie docs/forecast.md voor de indeling van de map")
GIVE_A_COMPANY_FOLDER = Text("give a company folder (see docs/forecast.md)", "geef een bedrijfsmap (zie docs/forecast.md)")

# --- forecast.toml (tomlfile.py): the errors met most -----------------------------------------

WEEKDAYS = tuple(Text(en, nl) for en, nl in (("Monday", "maandag"), ("Tuesday", "dinsdag"), ("Wednesday", "woensdag"),
                                             ("Thursday", "donderdag"), ("Friday", "vrijdag"), ("Saturday", "zaterdag"),
                                             ("Sunday", "zondag")))
START_NOT_MONDAY = Text("start {start} is a {weekday}", "start {start} is een {weekday}")
GIVE_A_MONDAY = Text("weeks run Monday to Sunday: give a Monday", "weken lopen van maandag tot en met zondag: geef een maandag")
BALANCE_DATE_ALONE = Text("balance_date without opening_balance", "balance_date zonder opening_balance")
GIVE_BOTH = Text("balance_date is the day whose closing balance opening_balance is: give both",
                 "balance_date is de dag waarvan opening_balance het eindsaldo is: geef ze allebei")
MUST_BE_A_TABLE = Text("[{section}] must be a table", "[{section}] moet een tabel zijn")
SCENARIO_TWICE = Text("two scenarios are called {name!r}", "twee scenario's heten {name!r}")
SCENARIO_NAME = Text("a scenario needs a name", "een scenario heeft een naam nodig")

# --- forecast.toml's rarer structural errors (tomlfile.py) ----------------------------------------------------------

SEASONALITY_TWELVE = Text("seasonality needs 12 factors, January to December",
                          "seasonality heeft 12 factoren nodig, januari tot en met december")
SHARES_ABOVE_ONE = Text("collection_share_2 + collection_share_3 is above 1",
                        "collection_share_2 + collection_share_3 is groter dan 1")
SHARES_AT_MOST_ONE = Text("the shares of the collection curve's later parts add up to at most 1",
                          "de aandelen van de latere delen van de incassocurve tellen op tot hoogstens 1")
WEEKLY_DAY = Text("a weekly plan's day is 1 (Monday) to 7 (Sunday)",
                  "de dag van een weekplan is 1 (maandag) tot en met 7 (zondag)")
SCENARIOS_AS_TABLES = Text("write scenarios as [[scenarios]] tables", "schrijf scenario's als [[scenarios]]-tabellen")
TRIGGERS_AS_TABLES = Text("write [triggers.<rule>] tables", "schrijf [triggers.<regel>]-tabellen")
HISTORY_LENGTHS = Text("{count} {key} values for {months} months", "{count} waarden in {key!r} voor {months} maanden")
VAT_WITHOUT_FILING = Text("{keys} given but no VAT filing period", "{keys} gegeven, maar geen aangifteperiode voor de btw")
GIVE_FILING = Text('give filing = "monthly", "quarterly" or "yearly" (or leave [vat] out)',
                   'geef filing = "monthly", "quarterly" of "yearly" (of laat [vat] weg)')
SCENARIO_TABLE = Text("a scenario must be a table", "een scenario moet een tabel zijn")
ONE_OFFS_AS_TABLES = Text("write one-off items as [[scenarios.one_off]] tables",
                          "schrijf eenmalige posten als [[scenarios.one_off]]-tabellen")
ONE_OFF_NEEDS = Text("a one-off item needs {key}", "een eenmalige post heeft {key} nodig")
KEY_REQUIRED = Text("{key} is required", "{key} is verplicht")

# --- values and fields (values.py, fields.py, csvfiles.py, folder.py) -----------------------------------------------

NOT_ACCOUNTS = Text("not a list of accounts: {value!r}", "geen lijst van rekeningen: {value!r}")
WRITE_ACCOUNTS = Text('write accounts = ["NL91INGB0001234567"]', """schrijf 'accounts = ["NL91INGB0001234567"]'""")
NOT_AN_ACCOUNT = Text("not an account number: {item!r}", "geen rekeningnummer: {item!r}")
ONE_IBAN_EACH = Text("one IBAN per list item", "één IBAN per element van de lijst")
TOO_LARGE = Text("{value} is too large for an amount", "{value} is te groot voor een bedrag")
AT_MOST_DIGITS = Text("give at most {digits} digits before the point", "geef hoogstens {digits} cijfers voor de komma")
BELOW_MINIMUM = Text("{value} is below the minimum {low}", "{value} is lager dan het minimum {low}")
ABOVE_MAXIMUM = Text("{value} is above the maximum {high}", "{value} is hoger dan het maximum {high}")
GIVE_OR_MORE = Text("give {low} or more", "geef {low} of meer")
GIVE_OR_LESS = Text("give {high} or less", "geef {high} of minder")
GIVE_FROM_TO = Text("give {low} to {high}", "geef {low} tot en met {high}")
MIXED_MARKS = Text("mixed decimal marks: {first!r} (line {first_line}, {first_column}) has a decimal point, "
                   "{second!r} (line {second_line}, {second_column}) a decimal comma",
                   "gemengde decimaaltekens: {first!r} (regel {first_line}, {first_column}) heeft een decimale punt, "
                   "{second!r} (regel {second_line}, {second_column}) een decimale komma")
ONE_MARK = Text("write every amount of the file with the same mark",
                "schrijf elk bedrag in het bestand met hetzelfde decimaalteken")
CATEGORY_VALUE_TWICE = Text("{name!r} has {column} {value} on line {line}",
                            "{name!r} heeft {column} {value} op regel {line}")
CATEGORY_VALUE_ONCE = Text("give a category's value once, or the same on every row",
                           "geef de waarde van een categorie één keer, of op elke regel dezelfde")
NO_START = Text("no start date", "geen startdatum")
GIVE_START = Text("give start (a Monday) or bank exports in bank/", "geef start (een maandag) of bankexports in bank/")
NO_OPENING = Text("no opening balance", "geen beginsaldo")
GIVE_OPENING = Text("give opening_balance, or bank exports that state their balances in bank/",
                    "geef opening_balance, of bankexports in bank/ die hun saldi vermelden")
