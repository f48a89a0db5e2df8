"""What the bank readers say, in English and Dutch (:mod:`xlcapital.messages`): one Text per message."""

from __future__ import annotations

from xlcapital.messages import Text

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
NOT_UTF16 = Text("not valid UTF-16: {reason}", "geen geldige UTF-16: {reason}")
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
