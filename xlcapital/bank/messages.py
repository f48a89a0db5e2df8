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
