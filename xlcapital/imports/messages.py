"""What the auditfile and trial-balance import says, in English and Dutch (:mod:`xlcapital.messages`)."""

from __future__ import annotations

from xlcapital.messages import Text

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
