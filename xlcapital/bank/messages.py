"""What the bank readers say, in English and Dutch (:mod:`xlcapital.messages`): one Text per message."""

from __future__ import annotations

from xlcapital.messages import NOT_A_ZIP, USE_ONE_OF, Text  # noqa: F401 (shared)

# --- a statement's checks (bank/__init__.py, merge.py) --------------------------------------

IBAN_CHECK_DIGITS = Text(
    "{source}: account {account}: the IBAN's check digits are wrong (mistyped, or an anonymised file); the account "
    "is used as written",
    "{source}: rekening {account}: de controlecijfers van het IBAN kloppen niet (verkeerd overgenomen, of een "
    "geanonimiseerd bestand); de rekening wordt gebruikt zoals geschreven")
NOT_RECONCILED = Text(
    "{source}: account {account} ({when}): opening {opening} + transactions {total} = {reached}, but the file states "
    "closing {closing} (difference {difference})",
    "{source}: rekening {account} ({when}): beginsaldo {opening} + transacties {total} = {reached}, maar het bestand "
    "noemt als eindsaldo {closing} (verschil {difference})")
NOT_RECONCILED_EMPTY = Text(
    "{source}: account {account} ({when}): opening {opening} and no transactions, but the file states closing "
    "{closing} (difference {difference})",
    "{source}: rekening {account} ({when}): beginsaldo {opening} en geen transacties, maar het bestand noemt als "
    "eindsaldo {closing} (verschil {difference})")
PERIOD = Text("{first}..{last}", "{first}..{last}")
NO_TRANSACTIONS_ON = Text("no transactions, {day}", "geen transacties, {day}")
NO_TRANSACTIONS = Text("no transactions", "geen transacties")
MERGED_NOT_RECONCILED = Text(
    "account {account}: merged from {count} statements, opening {opening} + transactions {total} = {reached}, but "
    "the latest closing balance is {closing} (difference {difference}: a gap between the exports, or a file that "
    "does not reconcile)",
    "rekening {account}: samengevoegd uit {count} afschriften, beginsaldo {opening} + transacties {total} = "
    "{reached}, maar het laatste eindsaldo is {closing} (verschil {difference}: een gat tussen de exports, of een "
    "bestand dat niet aansluit)")

# --- damaged parts that are left out, and repairs (camt, mt940, ofx, csvbank) ---------------

CAMT_BALANCE_LEFT_OUT = Text("{where}: balance {code} left out: {why}; the transactions are read",
                             "{where}: saldo {code} weggelaten: {why}; de transacties zijn ingelezen")
MT940_BALANCE_LEFT_OUT = Text("{where}: balance :{tag}: left out: {why}", "{where}: saldo :{tag}: weggelaten: {why}")
OFX_LEDGER_LEFT_OUT = Text("{where}: the ledger balance <LEDGERBAL> is left out: {why}",
                           "{where}: het saldo <LEDGERBAL> is weggelaten: {why}")
OFX_LEDGER_DATE_LEFT_OUT = Text("{where}: the ledger balance's date is left out: {why}",
                                "{where}: de datum van het saldo <LEDGERBAL> is weggelaten: {why}")
CSV_QUOTE_REPAIRED = Text("{where}: the row lacks its opening quote; read as if it had one",
                          "{where}: de regel mist het aanhalingsteken aan het begin; gelezen alsof het er staat")
CSV_ROW_PROBLEM = Text("{where}: {problem}; the transaction is read", "{where}: {problem}; de transactie is ingelezen")
CSV_BALANCE_LEFT_OUT = Text("{field} left out: {why}", "{field} weggelaten: {why}")

# --- a CAMT batch entry whose transactions do not add up (kept whole) -----------------------

BATCH_NO_AMOUNTS = Text("a batch entry of {count} transactions gives no amount per transaction",
                        "een verzamelboeking van {count} transacties geeft geen bedrag per transactie")
BATCH_SOME_AMOUNTS = Text("a batch entry of {count} transactions gives no amount for {missing} of them",
                          "een verzamelboeking van {count} transacties geeft voor {missing} ervan geen bedrag")
BATCH_CURRENCY = Text("a batch entry in {currency} has transactions in another currency",
                      "een verzamelboeking in {currency} bevat transacties in een andere valuta")
BATCH_IN_OTHER_WAY = Text("a batch entry in has transactions the other way",
                          "een inkomende verzamelboeking bevat uitgaande transacties")
BATCH_OUT_OTHER_WAY = Text("a batch entry out has transactions the other way",
                           "een uitgaande verzamelboeking bevat inkomende transacties")
BATCH_REST = Text("the other transactions of a batch entry of {entry} leave {rest} for the one without an amount",
                  "de andere transacties van een verzamelboeking van {entry} laten {rest} over voor de transactie "
                  "zonder bedrag")
BATCH_SUM = Text("the {count} transactions of a batch entry add up to {known}, not to the entry's {entry}",
                 "de {count} transacties van een verzamelboeking tellen op tot {known}, niet tot het bedrag van de "
                 "boeking, {entry}")
BATCH_KEPT_WHOLE = Text("{why}: kept as one transaction of the entry's amount",
                        "{why}: ingelezen als één transactie met het bedrag van de boeking")

# --- the XML and OFX readers and the file read in slices (camt, xmlentries, ofx, streamio) --------

DTD_REFUSED = Text("refused: the XML declares a DTD", "geweigerd: de XML declareert een DTD")
DTD_OR_ENTITIES_REFUSED = Text("refused: the XML declares a DTD or entities ({kind})",
                               "geweigerd: de XML declareert een DTD of entiteiten ({kind})")
HOSTILE_XML = Text("a bank's CAMT export never does; this file may be hostile",
                   "een CAMT-export van een bank doet dat nooit; dit bestand is mogelijk kwaadaardig")
NOT_WELL_FORMED = Text("not well-formed XML: {problem}", "geen geldige XML: {problem}")
NOT_WELL_FORMED_ENTRY = Text("not well-formed XML in an entry: {problem}", "geen geldige XML in een boeking: {problem}")
UNKNOWN_XML_ENCODING = Text("the XML declares an unknown encoding: {reason}",
                            "de XML declareert een onbekende tekenset: {reason}")
CAMT_NOT_UTF16 = Text("not valid UTF-16: {reason}", "geen geldige UTF-16: {reason}")
NOT_CAMT = Text("not a CAMT document: no <Stmt>, <Rpt> or <Ntfctn>", "geen CAMT-document: geen <Stmt>, <Rpt> of <Ntfctn>")
ENTRY_OUTSIDE_STATEMENT = Text("an entry <Ntry> outside any <Stmt>, <Rpt> or <Ntfctn>",
                               "een boeking <Ntry> buiten elke <Stmt>, <Rpt> of <Ntfctn>")
UNEXPECTED_ELEMENT = Text("unexpected element <{element}> in the file", "onverwacht element <{element}> in het bestand")
ENTRY_NOT_CLOSED = Text("an <Ntry> entry is not closed (is the file cut off?)",
                        "een boeking <Ntry> wordt niet afgesloten (is het bestand afgebroken?)")
BALANCE_NO_AMOUNT = Text("a balance <Bal> has no <Amt>", "een saldo <Bal> heeft geen <Amt>")
BALANCE_SIGN = Text("a balance's CdtDbtInd must be CRDT or DBIT, not {mark!r}",
                    "de CdtDbtInd van een saldo moet CRDT of DBIT zijn, niet {mark!r}")
ENTRY_SIGN = Text("CdtDbtInd must be CRDT or DBIT, not {mark!r}", "CdtDbtInd moet CRDT of DBIT zijn, niet {mark!r}")
ENTRY_NO_AMOUNT = Text("an entry <Ntry> has no <Amt>", "een boeking <Ntry> heeft geen <Amt>")
ENTRY_NO_DATE = Text("an entry has neither a booking date nor a value date",
                     "een boeking heeft geen boekdatum en geen valutadatum")
#: a CAMT date that is none, by what it dates
NOT_A_DATE_OF = {
    "balance date": Text("not a balance date: {text!r}", "geen geldige saldodatum: {text!r}"),
    "booking date": Text("not a booking date: {text!r}", "geen geldige boekdatum: {text!r}"),
    "value date": Text("not a value date: {text!r}", "geen geldige valutadatum: {text!r}"),
}
OFX_TRANSACTION_OUTSIDE = Text("a transaction <STMTTRN> outside a statement",
                               "een transactie <STMTTRN> buiten een afschrift")
OFX_NO_CURRENCY = Text("the statement's currency <CURDEF> is missing or empty",
                       "de valuta van het afschrift <CURDEF> ontbreekt of is leeg")
OFX_NO_AMOUNT = Text("a transaction has no amount <TRNAMT>", "een transactie heeft geen bedrag <TRNAMT>")
OFX_NO_DATE = Text("a transaction has no date <DTPOSTED>", "een transactie heeft geen datum <DTPOSTED>")
OFX_NOT_A_DATE = Text("not an OFX date: {text!r}", "geen geldige OFX-datum: {text!r}")
OFX_DATE_FORMAT = Text("expected YYYYMMDD", "verwacht JJJJMMDD")
NOT_REGULAR_FILE = Text("not a regular file (a device, a pipe or a folder)",
                        "geen gewoon bestand (een apparaat, een pipe of een map)")
SAVED_ON_DISK = Text("give the path of a bank export saved on disk",
                     "geef het pad van een bankexport die op schijf is opgeslagen")
FILE_TOO_LARGE = Text("the file is larger than the {mb} MB xlcapital reads at once",
                      "het bestand is groter dan de {mb} MB die xlcapital in één keer leest")
FILE_GREW = Text("the file grew past the size xlcapital reads at once while it was read",
                 "het bestand groeide tijdens het lezen voorbij de omvang die xlcapital in één keer leest")

# --- the errors met most: a file that is no bank export xlcapital knows ---------------------

EMPTY_FILE = Text("not a bank export xlcapital knows: the file is empty",
                  "geen bankexport die xlcapital kent: het bestand is leeg")
UNKNOWN_EXPORT = Text("not a bank export xlcapital knows: neither a Dutch bank's CSV nor MT940, CAMT.05x or OFX",
                      "geen bankexport die xlcapital kent: geen CSV van een Nederlandse bank, en ook geen MT940, "
                      "CAMT.05x of OFX")
GIVE_FORMAT = Text("give --format and --bank if you know them", "geef --format en --bank als u die weet")
NO_PRESET = Text("no bank preset fits this CSV, whose first line is {first!r}",
                 "geen bankindeling past op deze CSV, waarvan de eerste regel {first!r} is")
NO_PRESET_OF = Text("no {bank} preset fits this CSV, whose first line is {first!r}",
                    "geen indeling van {bank} past op deze CSV, waarvan de eerste regel {first!r} is")
DESCRIBE_COLUMNS = Text("describe its columns in a mapping file and give it with --mapping FILE; see docs/bank.md",
                        "beschrijf de kolommen in een mappingbestand en geef dat mee met --mapping BESTAND; zie "
                        "docs/bank.md")

# --- an amount in a bank file that is not one (textio.exact_amount, ofx, camt) ----------------

#: the kinds of amount the readers name, with the English article
AMOUNT_KINDS = {
    "amount": Text("an amount", "bedrag"),
    "balance amount": Text("a balance amount", "saldobedrag"),
    "transaction amount": Text("a transaction amount", "transactiebedrag"),
    "entry amount": Text("an entry amount", "boekingsbedrag"),
}
NOT_AN_AMOUNT = Text("not {what}: {text}", "geen geldig {what}: {text}")
EXPECTED_DIGITS = Text("expected digits and one decimal mark, e.g. -12.50",
                       "verwacht cijfers en één decimaalteken, bijvoorbeeld -12,50")
EMPTY_AMOUNT = {
    "balance": Text("an empty balance amount", "een leeg saldobedrag"),
    "transaction": Text("an empty transaction amount", "een leeg transactiebedrag"),
    "entry": Text("an empty entry amount", "een leeg boekingsbedrag"),
}

# --- reading a file: formats, sizes, encodings, zips (bank/__init__.py) ---------------------------------------------

UNKNOWN_FORMAT = Text("unknown format {name!r}", "onbekend formaat {name!r}")
MAPPING_ONLY_CSV = Text("a column mapping reads CSV files, not {format}",
                        "een kolomindeling leest CSV-bestanden, geen {format}")
NOT_UTF16 = Text("the file says it is UTF-16 but is not: {reason} at byte {byte}",
                 "het bestand zegt UTF-16 te zijn maar is dat niet: {reason} bij byte {byte}")
UTF16_WITHOUT_BOM = Text("the file is UTF-16 ({order}-endian) without a byte-order mark",
                         "het bestand is UTF-16 ({order}-endian) zonder byte-order mark")
SAVE_AS_UTF8 = Text("save it again as UTF-8 (or as UTF-16 with a byte-order mark)",
                    "sla het opnieuw op als UTF-8 (of als UTF-16 met een byte-order mark)")
NUL_BYTE = Text("a NUL byte: this is binary data, not a bank export",
                "een NUL-byte: dit zijn binaire gegevens, geen bankexport")
EXPORT_AGAIN = Text("export the file from the bank again, as CSV, MT940, CAMT or OFX",
                    "exporteer het bestand opnieuw bij de bank, als CSV, MT940, CAMT of OFX")
OUT_OF_RANGE = Text("cannot read this {name} file: {kind}: a number in it is out of range or not a number",
                    "kan dit {name}-bestand niet lezen: {kind}: een getal erin valt buiten het bereik of is geen getal")
CANNOT_READ_FORMAT = Text("cannot read this {name} file: {kind}: {why}", "kan dit {name}-bestand niet lezen: {kind}: {why}")
RECORDS_LOST = Text("read {found} transactions but the file holds {expected} records: refusing to lose any",
                    "{found} transacties gelezen, maar het bestand bevat {expected} records: xlcapital weigert er een "
                    "kwijt te raken")
PLEASE_REPORT = Text("please report this file to the xlcapital developers",
                     "meld dit bestand graag aan de ontwikkelaars van xlcapital")
ZIP_TOO_LARGE = Text("the zip unpacks to {megabytes} MB, more than the {limit} MB xlcapital reads at once",
                     "de zip pakt uit tot {megabytes} MB, meer dan de {limit} MB die xlcapital in één keer leest")
ZIP_IN_ZIP = Text("a zip inside the zip", "een zip in de zip")
UNZIP_OUTER = Text("unzip the outer zip and give the files inside",
                   "pak de buitenste zip uit en geef de bestanden die erin zitten")
ZIP_MEMBERS_TOO_LARGE = Text("the zip's files unpack to more than the {limit} MB xlcapital reads at once",
                             "de bestanden in de zip pakken uit tot meer dan de {limit} MB die xlcapital in één keer "
                             "leest")

# --- a column mapping (mapping.py) and the presets (preset.py, presets.py) -------------------------------------------

GIVE_A_MAPPING = Text("give the path of a mapping .toml file (docs/bank.md)",
                      "geef het pad van een kolomindeling als .toml-bestand (docs/bank.md)")
COLUMNS_TABLE = Text("[{section}] must be a table of field = column", "[{section}] moet een tabel zijn van veld = kolom")
UNKNOWN_COLUMN_FIELD = Text("unknown column field {key!r}", "onbekend kolomveld {key!r}")
USE_FIELDS = Text("use {fields}", "gebruik {fields}")
GIVEN_TWICE = Text("{key!r} is given twice", "{key!r} staat er twee keer in")
UNKNOWN_SETTING = Text("unknown setting {key!r}", "onbekende instelling {key!r}")
SEE_BANK_MD = Text("see docs/bank.md for the keys", "zie docs/bank.md voor de sleutels")
MUST_BE_A_LIST = Text("{key} must be a list", "{key} moet een lijst zijn")
INVALID_MAPPING = Text("invalid mapping: {why}", "ongeldige kolomindeling: {why}")
MUST_BE_KIND = Text("{key} must be {kind}, not {value!r}", "{key} moet {kind} zijn, niet {value!r}")
KINDS = {"text": Text("text", "tekst"), "bool": Text("bool", "ja/nee (true of false)"),
         "int": Text("int", "een geheel getal"), "list": Text("list", "een lijst"), "dict": Text("dict", "een tabel")}
IN_PRESET = Text("{why} (preset {name!r})", "{why} (preset {name!r})")
NO_PRESET_FOR = Text("no CSV preset for bank {bank!r}", "geen CSV-preset voor bank {bank!r}")
PRESETS_OR_MAPPING = Text("use one of {names}, or --mapping", "gebruik een van {names}, of --mapping")
#: why a preset or a column mapping cannot work (preset._validate)
NOT_ONE_OF = Text("{value!r} is not one of {allowed}", "{value!r} is niet een van {allowed}")
ONE_CHARACTER = Text("the delimiter must be one character, not {value!r}",
                     "het scheidingsteken moet één teken zijn, niet {value!r}")
QUOTE_CHARACTER = Text("the quote character must be one character or empty, not {value!r}",
                       "het aanhalingsteken moet één teken zijn of leeg, niet {value!r}")
NOT_A_NOTATION = Text("decimal mark {decimal!r} with grouping mark {thousands!r} is not a number notation",
                      "decimaalteken {decimal!r} met scheidingsteken voor duizendtallen {thousands!r} is geen "
                      "schrijfwijze van getallen")
ONE_ENCODING = Text("give at least one encoding", "geef minstens één tekenset")
UNKNOWN_ENCODING = Text("unknown encoding {name!r}", "onbekende tekenset {name!r}")
NEGATIVE_COUNTS = Text("line and column counts cannot be negative", "aantallen regels en kolommen kunnen niet negatief zijn")
DATE_COLUMN_REQUIRED = Text("the booking date column is required", "de kolom met de boekingsdatum is verplicht")
AMOUNT_COLUMNS = Text("give an amount column, or both debit_amount and credit_amount",
                      "geef een bedragkolom, of zowel debit_amount als credit_amount")
SIGN_VALUES = Text("a sign column needs debit_values and credit_values",
                   "een kolom met af/bij heeft debit_values en credit_values nodig")
ACCOUNT_COLUMN = Text("give an account column or account_value (the account every row belongs to)",
                      "geef een rekeningkolom of account_value (de rekening waar elke regel bij hoort)")
COLUMN_NAME_OR_POSITION = Text("a column is a header name or a position from 1, not {column!r}",
                               "een kolom is een naam uit de kopregel of een positie vanaf 1, niet {column!r}")
NAMED_WITHOUT_HEADER = Text("column {column!r} is named, but this export has no header: give its position",
                            "kolom {column!r} heeft een naam, maar deze export heeft geen kopregel: geef de positie")
NEEDS_COLUMN_COUNT = Text("an export without a (required) header needs its column count",
                          "een export zonder (verplichte) kopregel heeft het aantal kolommen nodig")
NAME_HEADER_COLUMNS = Text("name the header columns that identify this export",
                           "noem de kolommen uit de kopregel die deze export herkenbaar maken")
CANNOT_BE_OPTIONAL = Text("{name!r} cannot be optional", "{name!r} kan niet optioneel zijn")
RULE_NEEDS_COLUMN = Text("{rule!r} needs the {column} column", "{rule!r} heeft de kolom {column} nodig")

# --- the text of a bank file (textio.py) ------------------------------------------------------------------------------

NOT_TEXT_IN = Text("byte 0x{byte:02x} is not text in {encodings}", "byte 0x{byte:02x} is geen tekst in {encodings}")
EITHER_ENCODING = Text("{names} or {last}", "{names} of {last}")
DAMAGED_OR_ENCODING = Text("the file is damaged, or in another encoding: save it again as UTF-8",
                           "het bestand is beschadigd, of in een andere tekenset: sla het opnieuw op als UTF-8")
DATE_KINDS = {"date": Text("date", "datum")}
IMPOSSIBLE_DATE = Text("impossible {what} {year:04d}-{month:02d}-{day:02d}",
                       "onmogelijke {what} {day:02d}-{month:02d}-{year:04d}")
#: ``what`` is an AMOUNT_KINDS text: with its article in English ("an amount"), without in Dutch
AMOUNT_TOO_MANY_DIGITS = Text("{what} of {digits} digits is more than a bank file holds (at most {limit})",
                              "een {what} van {digits} cijfers is meer dan een bankbestand bevat (hoogstens {limit})")
AMOUNT_TOO_LONG = Text("{what} of {length} characters is more than a bank file holds",
                       "een {what} van {length} tekens is meer dan een bankbestand bevat")

# --- a bank CSV's structure (csvbank.py) ------------------------------------------------------------------------------

QUOTE_NOT_CLOSED = Text("a quoted field ({quote}...) is not closed before the end of the line",
                        "een veld tussen aanhalingstekens ({quote}...) wordt niet gesloten voor het einde van de regel")
QUOTE_MISSING = Text("the file is damaged: a quote is missing", "het bestand is beschadigd: er ontbreekt een aanhalingsteken")
NOT_A_CSV_LINE = Text("not a readable CSV line: {why}", "geen leesbare CSV-regel: {why}")
BEYOND_COLUMNS = Text("column {column} ({field}) is beyond the {width} columns of this export",
                      "kolom {column} ({field}) ligt voorbij de {width} kolommen van deze export")
NEEDS_A_HEADER = Text("column {column!r} needs a header", "kolom {column!r} heeft een kopregel nodig")
HEADER_LACKS = Text("the header has no column {column!r} ({field})", "de kopregel heeft geen kolom {column!r} ({field})")
NOT_THIS_EXPORT = Text("this does not look like a {label} export", "dit lijkt geen export van {label}")
NOT_A_DATE_IN = Text("not a date in the form {form}: {cell!r}", "geen datum in de vorm {form}: {cell!r}")
FIELD_COUNT = Text("{count} fields where this export has {width}", "{count} velden waar deze export er {width} heeft")
DELIMITER_INSIDE = Text("a {delimiter!r} inside an unquoted text, or a damaged line",
                        "een {delimiter!r} in een tekst zonder aanhalingstekens, of een beschadigde regel")
AMOUNT_MISSING = Text("the amount is missing", "het bedrag ontbreekt")
NEITHER_DEBIT_NOR_CREDIT = Text("{mark!r} is neither debit ({debit}) nor credit ({credit})",
                                "{mark!r} is debet noch credit (debet: {debit}; credit: {credit})")

# --- MT940's structure (mt940.py) -------------------------------------------------------------------------------------

EMPTY_STATEMENT = Text("a statement with no account :25:, no balance and no transactions",
                       "een afschrift zonder rekening :25:, zonder saldo en zonder transacties")
CUT_OFF = Text("is the file cut off? an MT940 statement names its account in :25:",
               "is het bestand afgebroken? een MT940-afschrift noemt zijn rekening in :25:")
IMPOSSIBLE_ENTRY_DATE = Text("impossible entry date {mmdd!r} (MMDD)", "onmogelijke boekingsdatum {mmdd!r} (MMDD)")
NOT_A_BALANCE = Text("not a balance: {value!r}", "geen saldo: {value!r}")
NOT_A_STATEMENT_LINE = Text("not a statement line: {first!r}", "geen transactieregel: {first!r}")
STATEMENT_LINE_PARTS = Text("expected YYMMDD[MMDD] C/D amount type reference",
                            "verwacht JJMMDD[MMDD] C/D bedrag soort referentie")
