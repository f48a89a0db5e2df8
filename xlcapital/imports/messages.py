"""What the auditfile and trial-balance import says, in English and Dutch (:mod:`xlcapital.messages`)."""

from __future__ import annotations

from xlcapital.messages import NOT_A_DATE, NOT_A_ZIP, NOT_AN_AMOUNT, NOT_CSV, UNKNOWN_COLUMN, Text  # noqa: F401 (shared)

#: the two sides of the open items, as the messages name them
SIDES = {"receivables": Text("receivables", "debiteuren"), "payables": Text("payables", "crediteuren")}

NO_INVOICES = Text("{source}: a trial balance has no invoices: no receivables.csv or payables.csv",
                   "{source}: een proefbalans bevat geen facturen: geen receivables.csv of payables.csv")
RESIDUAL = Text("{count} unmapped account(s) in residual lines ({debit} / {credit} / income {result}): {accounts}",
                "{count} niet-toegewezen rekening(en) in restposten ({debit} / {credit} / resultaat {result}): "
                "{accounts}")
EMPTY_INCOME = Text(
    "{source}: the income statement is empty although its accounts have {postings} postings: does the file include "
    "the year-end closing entries? Export it before closing the year",
    "{source}: de winst-en-verliesrekening is leeg, hoewel de rekeningen {postings} boekingen hebben: bevat het "
    "bestand de afsluitboekingen van het jaar? Exporteer het vóór de jaarafsluiting")
OPENING_IN_EQUITY = Text(
    "{source}: account {account} {name} ({item}) has an opening balance of {amount:money}: counted as equity (last "
    "year's result not yet closed)",
    "{source}: rekening {account} {name} ({item}) heeft een beginsaldo van {amount:money}: meegeteld als eigen "
    "vermogen (het resultaat van vorig jaar is nog niet afgesloten)")
UNALLOCATED = Text(
    "{source}: {amount:money} of the {side} accounts ({accounts}) is on no invoice (an opening balance without "
    "subledger, or lines without a relation{orphans}): one item {item!r} due {due}",
    "{source}: {amount:money} op de rekeningen {side} ({accounts}) staat op geen factuur (een beginsaldo zonder "
    "subadministratie, of regels zonder relatie{orphans}): één post {item!r}, vervalt {due}")
ORPHANS = Text("; it includes {count} payment(s) of invoices the file does not hold",
               "; inclusief {count} betaling(en) van facturen die niet in het bestand staan")
NO_DUE_DATE = Text("{source}: {count} open {side} without a due date in the file: invoice date + {term} days "
                   "(--payment-term)",
                   "{source}: {count} open {side} zonder vervaldatum in het bestand: factuurdatum + {term} dagen "
                   "(--payment-term)")
RELATIONS_OFF = Text("{source}: the open {side} of {count} relation(s) do not add up to their closing balance "
                     "(clBalDesc) in the file: {which}",
                     "{source}: de openstaande {side} van {count} relatie(s) tellen niet op tot hun eindsaldo "
                     "(clBalDesc) in het bestand: {which}")
RELATION_OFF = Text("{relation}: {total:money} against {balance:money}", "{relation}: {total:money} tegen {balance:money}")
DECLARED_ENCODING = Text("{where}: declared {declared} but is not: read as {encoding}",
                         "{where}: zegt {declared} te zijn, maar is dat niet: gelezen als {encoding}")
RELATION_ACCOUNTS = Text(
    "{source}: {count} account(s) are not in the general ledger but customers or suppliers ({accounts}): read as "
    "their receivables (customers) and payables (suppliers){others}",
    "{source}: {count} rekening(en) staan niet in het grootboek maar zijn klanten of leveranciers ({accounts}): "
    "gelezen als hun debiteuren (klanten) en crediteuren (leveranciers){others}")
MAP_THE_OTHERS = Text("; map the others with --mapping", "; wijs de andere toe met --mapping")
OPENING_JOURNAL_LEFT_OUT = Text(
    "{where}: journal {journal} is the opening balance (period 0 or type O): left out, the file's openingBalance counts",
    "{where}: dagboek {journal} is de openingsbalans (periode 0 of type O): weggelaten, de openingBalance van het "
    "bestand telt")
OPENING_JOURNAL_READ = Text(
    "{where}: journal {journal} is the opening balance (period 0 or type O): read as the opening balance",
    "{where}: dagboek {journal} is de openingsbalans (periode 0 of type O): gelezen als de openingsbalans")
RELATION_OPENINGS = Text("{source}: the opening balances of {count} customer(s) and supplier(s) (opBalDesc) are their "
                         "open items at the start",
                         "{source}: de beginsaldi van {count} klant(en) en leverancier(s) (opBalDesc) zijn hun "
                         "openstaande posten bij de start")
LINES_COUNT = Text("{where}: {part}/linesCount says {said} but the file has {counted} {kind}: all {counted} read",
                   "{where}: {part}/linesCount noemt {said}, maar het bestand heeft {counted} {kind}: alle {counted} "
                   "ingelezen")
TOTAL_SAYS = Text("{where}: {part}/{key} says {said} but its {kind} add up to {total}: the lines count",
                  "{where}: {part}/{key} noemt {said}, maar de {kind} tellen op tot {total}: de regels tellen")
KEPT_FORECAST_TOML = Text(
    "{file}: kept (yours); the bookkeeping's bank balance (cash - overdraft) on {day} is {amount:f}, the Monday after "
    "it {start}",
    "{file}: behouden (van u); het banksaldo volgens de boekhouding (liquide middelen - rekening-courant) op {day} "
    "is {amount:f}, de maandag daarna {start}")
KEPT_DELAYS = Text("{file}: your payment delays kept, {count} new customers added",
                   "{file}: uw betaaltermijnen behouden, {count} nieuwe klanten toegevoegd")

# --- the errors met most ----------------------------------------------------------------------

NOT_AN_IMPORT = Text("not an auditfile (.xaf, .xml, .zip) or a trial balance (.csv, .xlsx)",
                     "geen auditfile (.xaf, .xml, .zip) en geen proefbalans (.csv, .xlsx)")
NO_DATES = Text("a trial balance has no dates: give the period", "een proefbalans heeft geen datums: geef de periode")
IMPORTED_OPENING = Text("the imported opening balance sheet", "de ingelezen beginbalans")
IMPORTED_CLOSING = Text("the imported closing balance sheet", "de ingelezen eindbalans")

# --- the trial balance's structure (trialbalance.py, rgs_csv.py, rgs_xlsx.py) ---------------------------------------

TB_COLUMN_TWICE = Text("column {column!r} gives {name} a second time", "kolom {column!r} geeft {name} een tweede keer")
TB_MISSING_COLUMN = Text("missing column {column}", "kolom {column} ontbreekt")
TB_NEEDS_COLUMNS = Text("a trial balance needs account and closing, or debit and credit (and rgs, or a mapping file)",
                        "een proefbalans heeft de kolommen 'account' en 'closing' nodig, of 'debit' en 'credit' (en "
                        "'rgs', of een toewijzingsbestand)")
TB_CLOSING_OR_DEBIT_CREDIT = Text("give closing or debit and credit, not both",
                                  "geef 'closing' of 'debit' en 'credit', niet allebei")
TB_ACCOUNT_MISSING = Text("the account is missing", "het rekeningnummer ontbreekt")
TB_ACCOUNT_TWICE = Text("account {account} also on line {line}", "rekening {account} staat ook op regel {line}")
TB_NO_ACCOUNTS = Text("the trial balance has no accounts", "de proefbalans bevat geen rekeningen")
TB_NOT_XLSX = Text("not a readable .xlsx workbook: {why}", "geen leesbare .xlsx-werkmap: {why}")

# --- the mapping file (mapping.py) ---------------------------------------------------------------------------------

GIVE_A_TRIAL_BALANCE = Text("give a trial balance CSV file", "geef een proefbalans als CSV-bestand")
MAPPING_GIVE_CSV = Text("give a CSV file with the columns account,item",
                        "geef een CSV-bestand met de kolommen 'account,item'")
MAPPING_HEADER = Text("the first line must be: account,item", "de eerste regel moet zijn: 'account,item'")
MAPPING_BOTH_NEEDED = Text("an account and an item are needed", "een rekening en een post zijn nodig")
MAPPING_NOT_A_RANGE = Text("not an account range: {account!r}", "geen reeks rekeningnummers: {account!r}")
MAPPING_WRITE_RANGE = Text("write a range of account numbers as 8000-8999",
                           "schrijf een reeks rekeningnummers als 8000-8999")
MAPPING_NOT_AN_ITEM = Text("not an item or a known RGS code: {target!r}",
                           "geen post en geen bekende RGS-code: {target!r}")
MAPPING_WRITE_ITEM = Text("write an item of the company file (cash, receivables, revenue, ...) or an RGS code",
                          "schrijf een post van het bedrijfsbestand ('cash', 'receivables', 'revenue', ...) of een "
                          "RGS-code")

# --- the figures (figures.py) --------------------------------------------------------------------------------------

UNMAPPED_ACCOUNT = Text("{account} {name} (opening {opening:money}, closing {closing:money})",
                        "{account} {name} (begin {opening:money}, eind {closing:money})")
AND_MORE = Text("; and {count} more", "; en nog {count}")
UNMAPPED = Text("{count} account(s) map to no item: {listed}{more}",
                "{count} rekening(en) horen bij geen enkele post: {listed}{more}")
MAP_UNMAPPED = Text("give them RGS codes in the bookkeeping, map them with --mapping FILE, or use --allow-unmapped",
                    "geef ze RGS-codes in de boekhouding, wijs ze toe met --mapping BESTAND, of gebruik "
                    "--allow-unmapped")
OPENING_BALANCE = Text("opening balance", "de beginbalans")
LEDGER_AT_END = Text("ledger at the end of the period", "het grootboek aan het eind van de periode")
DEBIT = Text("debit", "de debetkant")
CREDIT = Text("credit", "de creditkant")
DOES_NOT_BALANCE = Text("the {name} does not balance: {side} exceeds the other side by {amount:money}",
                        "{name} is niet in evenwicht: {side} is {amount:money} groter dan de andere kant")
DEBIT_EQUALS_CREDIT = Text("debit and credit must be equal: export the bookkeeping again",
                           "debet en credit moeten gelijk zijn: exporteer de boekhouding opnieuw")

# --- the company folder it writes (folder.py) ----------------------------------------------------------------------

NOT_A_FOLDER = Text("exists and is not a folder", "bestaat al en is geen map")
GIVE_A_NEW_FOLDER = Text("give the path of a new folder", "geef het pad van een nieuwe map")
FOLDER_NOT_EMPTY = Text("the folder is not empty", "de map is niet leeg")
NEW_FOLDER_OR_FORCE = Text("give a new folder, or --force to replace the import's files in it",
                           "geef een nieuwe map, of --force om de bestanden van de import erin te vervangen")

# --- the auditfile (xaf.py) ----------------------------------------------------------------------------------------

GIVE_AN_AUDITFILE = Text("give the path of an XAF auditfile", "geef het pad van een XAF-auditfile")
NOT_AN_AUDITFILE = Text("not a readable auditfile: {why}", "geen leesbare auditfile: {why}")
DAMAGED = Text("export the auditfile again; this one is damaged",
               "exporteer de auditfile opnieuw; deze is beschadigd")
INCOMPLETE = Text("export the auditfile again; this one is incomplete",
                  "exporteer de auditfile opnieuw; deze is onvolledig")
REFUSED = Text("refused: {why}", "geweigerd: {why}")
NO_DTD = Text("an auditfile has no DTD or entities", "een auditfile heeft geen DTD of entities")
NOT_READABLE_AS = Text("not readable as {encoding}: {why}", "niet leesbaar als {encoding}: {why}")
NONE = Text("none", "geen")
ZIP_HOLDS = Text("the zip file must hold one .xaf or .xml auditfile; it holds {names}",
                 "het zipbestand moet één .xaf- of .xml-auditfile bevatten; het bevat {names}")
UNZIP_EACH = Text("unzip it and import each auditfile on its own",
                  "pak het uit en importeer elke auditfile afzonderlijk")
ZIP_BOMB = Text("refused: unpacks to {size:,} bytes from {compressed:,}",
                "geweigerd: pakt uit tot {size:,} bytes uit {compressed:,}")
AT_MOST = Text("xlcapital reads at most {limit:,} bytes, compressed at most {ratio}:1",
               "xlcapital leest hoogstens {limit:,} bytes, gecomprimeerd hoogstens {ratio}:1")
ZIP_LIES = Text("refused: unpacks to more than its zip directory says",
                "geweigerd: pakt uit tot meer dan de inhoudsopgave van de zip zegt")
TEXT_TOO_LONG = Text("refused: <{element}> holds more than {limit:,} characters",
                     "geweigerd: <{element}> bevat meer dan {limit:,} tekens")
ROOT_NOT_AUDITFILE = Text("not an XAF auditfile: the root element is <{name}>",
                          "geen XAF-auditfile: het hoofdelement is <{name}>")
GIVE_XAF = Text("give an XML Auditfile Financieel (.xaf)", "geef een XML Auditfile Financieel (.xaf)")
XAF_VERSION = Text("version {version}", "versie {version}")
XAF_NAMESPACE = Text("namespace {uri}", "namespace {uri}")
NO_NAMESPACE = Text("(none)", "(geen)")
VERSION_NOT_READ = Text("an auditfile of {what} is not read", "een auditfile van {what} wordt niet gelezen")
EXPORT_XAF_VERSION = Text("export XAF 3.1, 3.2 or 4.0 from the bookkeeping",
                          "exporteer XAF 3.1, 3.2 of 4.0 uit de boekhouding")
ELEMENT_MISSING = Text("<{key}> is missing", "<{key}> ontbreekt")
D_OR_C = Text("{side} must be D or C, not {kind!r}", "{side} moet D of C zijn, niet {kind!r}")
HEADER_FIRST = Text("the header (startDate, endDate) must come first",
                    "de header (startDate, endDate) moet als eerste komen")
NO_HEADER = Text("the auditfile has no header", "de auditfile heeft geen header")
EXPORT_AGAIN = Text("export the auditfile again", "exporteer de auditfile opnieuw")
