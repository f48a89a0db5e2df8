"""What the cash-flow statement says when it does not reconcile, in English and Dutch (:mod:`xlcapital.messages`)."""

from __future__ import annotations

from xlcapital.messages import Text

DOES_NOT_RECONCILE = Text(
    "the statement does not reconcile: net cash flow {net:money} but cash (net of overdraft) changed by "
    "{change:money}; difference {difference:money}",
    "het overzicht sluit niet aan: netto kasstroom {net:money}, maar de liquide middelen (na rekening-courant) "
    "veranderden met {change:money}; verschil {difference:money}")
ROLL_FORWARD_OFF = Text(
    "{what}: {rule} = {expected:money} but the closing balance sheet has {actual:money} ({unexplained:money} "
    "unexplained: a fact in [cashflow] or [income] is missing or wrong)",
    "{what}: {rule} = {expected:money}, maar de eindbalans noemt {actual:money} ({unexplained:money} onverklaard: "
    "een gegeven in [cashflow] of [income] ontbreekt of klopt niet)")

#: the four roll-forwards that explain a difference: what, and its rule
FIXED_ASSETS = (Text("fixed assets", "vaste activa"),
                Text("opening + investments - disposals - depreciation + retained participations",
                     "begin + investeringen - desinvesteringen - afschrijvingen + ingehouden deelnemingsresultaat"))
LOANS = (Text("loans (short and long-term debt)", "leningen (kort- en langlopende schulden)"),
         Text("opening + new loans - repayments", "begin + opgenomen leningen - aflossingen"))
PROVISIONS = (Text("provisions", "voorzieningen"),
              Text("opening + provisions added - provisions released", "begin + dotaties - onttrekkingen"))
EQUITY = (Text("equity", "eigen vermogen"),
          Text("opening + earnings after tax + share issues - dividends",
               "begin + winst na belasting + aandelenemissie - dividenden"))

DOES_NOT_BALANCE = Text(
    "does not balance: total assets {assets:money} but liabilities and equity {liabilities:money} (difference "
    "{difference:money})",
    "is niet in evenwicht: totaal activa {assets:money}, maar passiva en eigen vermogen {liabilities:money} "
    "(verschil {difference:money})")
CHECK_AMOUNTS = Text("check the amounts, or put the difference in the right item",
                     "controleer de bedragen, of zet het verschil bij de juiste post")
OPENING_SHEET = Text("opening balance sheet", "beginbalans")
CLOSING_SHEET = Text("closing balance sheet", "eindbalans")

# --- the items of a company file or an Excel range (labels.py) ---------------------------------------------------------

NOT_PAIRS = Text("expected (label, amount) pairs, got {item!r}", "verwacht paren (naam, bedrag), kreeg {item!r}")
NO_LABEL = Text("an amount without a label: {amount!r}", "een bedrag zonder naam: {amount!r}")
UNKNOWN_ITEM = Text("unknown item {label!r}", "onbekende post {label!r}")
SAME_ITEM = Text("{label!r} and {other!r} are the same item ({key})", "{label!r} en {other!r} zijn dezelfde post ({key})")
