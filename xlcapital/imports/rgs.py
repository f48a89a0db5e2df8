"""RGS (Referentiegrootboekschema) codes onto xlcapital's balance-sheet and income items.

A prefix table of our own (the official RGS code list is not shipped): the longest prefix of a
code that the table knows decides the item. RGS codes grow by three-letter segments (``B`` ->
``BLim`` -> ``BLimBan`` -> ``BLimBanRba``), so a prefix covers a whole branch of the tree.

>>> item_of("BLimBanRba")
'cash'
>>> item_of("BVorDebHad"), item_of("BVorOvrVbk"), item_of("BSchBepBtw")
('receivables', 'other_current_assets', 'tax_payable')
>>> item_of("WOmzNopOlv"), item_of("WBedDvv"), item_of("WFbeRlm")
('revenue', 'operating_expenses', 'interest')
>>> item_of("WNer") is None
True
>>> clean_code("BLimBanRba.01"), clean_code("0"), clean_code(" WOmz ")
('BLimBanRba', None, 'WOmz')
>>> sign("cash"), sign("payables"), sign("revenue"), sign("cogs")
(1, -1, -1, 1)
"""

from __future__ import annotations

import re
from dataclasses import fields

from xlcapital.statements import LABELS, BalanceSheet, IncomeStatement

# The sides, derived from the statements (one source of truth): an item counts in total assets,
# or in liabilities and equity; an income item raises earnings after tax (income) or lowers them.
BALANCE_ITEMS = tuple(f.name for f in fields(BalanceSheet))
ASSET_ITEMS = tuple(i for i in BALANCE_ITEMS if BalanceSheet(**{i: 1}).total_assets)
_MEMO_ITEMS = ("ebit", "provisions_added", "provisions_released")  # no effect of their own on the result
INCOME_ITEMS = tuple(f.name for f in fields(IncomeStatement) if f.init and f.name not in _MEMO_ITEMS)
CREDIT_INCOME_ITEMS = tuple(i for i in INCOME_ITEMS if IncomeStatement(**{i: 1}).earnings_after_tax > 0)

#: RGS prefix -> item. The longest matching prefix wins (docs/imports.md lists the coverage).
PREFIXES: dict[str, str] = {
    # assets
    "BIva": "fixed_assets", "BMva": "fixed_assets", "BVas": "fixed_assets", "BFva": "fixed_assets",
    "BVrd": "inventory", "BPro": "inventory",
    "BVor": "other_current_assets", "BVorDeb": "receivables",
    "BEff": "securities",
    "BLim": "cash",
    # equity and liabilities
    "BEiv": "equity",
    "BVrz": "provisions",
    "BLas": "long_term_debt",
    "BSch": "accruals",
    "BSchCre": "payables",
    "BSchSak": "overdraft",
    "BSchAos": "short_term_debt", "BSchKol": "short_term_debt", "BSchFlk": "short_term_debt",
    "BSchSag": "short_term_debt", "BSchSao": "short_term_debt", "BSchSap": "short_term_debt",
    "BSchTbw": "short_term_debt",
    "BSchBep": "tax_payable", "BSchShb": "tax_payable",
    "BSchOpaTbr": "interest_payable",
    # income statement
    "WOmz": "revenue", "WOvb": "revenue",
    "WKpr": "cogs", "WWiv": "cogs",
    "WPer": "operating_expenses", "WBed": "operating_expenses", "WVkf": "operating_expenses",
    "WAkf": "operating_expenses", "WBwv": "operating_expenses",
    "WAfs": "depreciation", "WWvi": "depreciation",
    "WFbe": "interest", "WOvt": "interest", "WWfa": "interest",
    "WBel": "tax",
    "WRed": "retained_participations",
    "WAad": "extraordinary",  # minority share in the result (a consolidation): signed, like a gain or a loss
}

#: Codes whose amount is also reported as a memo item (it stays in its own item as well):
#: additions to provisions are operating expenses and, for the cash-flow statement, provisions_added.
MEMOS: dict[str, str] = {"WBedDvv": "provisions_added"}

#: The balance-sheet item an account moves to when its balance has the other sign (RGS omslagcode):
#: an overdrawn bank account is an overdraft, a bank account of the overdraft in credit is cash.
FLIPS: dict[str, str] = {"cash": "overdraft", "overdraft": "cash"}

#: An item that nets to the other side on a date moves there (the item-level omslag): VAT to reclaim
#: (more input than output VAT) is a receivable from the tax office, not a negative debt.
ITEM_FLIPS: dict[str, str] = {"tax_payable": "other_current_assets"}

_CODE = re.compile(r"[BW](?:[A-Z][a-z]{2})*")


def clean_code(text: str | None) -> str | None:
    """The RGS code in ``text`` (extensions such as ``.01`` cut off), or None for a placeholder."""
    if text is None:
        return None
    m = _CODE.match(text.strip())
    return m.group(0) if m and len(m.group(0)) >= 4 else None


def item_of(code: str) -> str | None:
    """The item of an RGS code by its longest known prefix (None: no prefix covers it)."""
    for end in range(len(code), 3, -3):
        item = PREFIXES.get(code[:end])
        if item:
            return item
    return None


def memo_of(code: str) -> str | None:
    """The memo item (e.g. provisions_added) an RGS code also counts in, or None."""
    return next((memo for prefix, memo in MEMOS.items() if code.startswith(prefix)), None)


def is_balance_item(item: str) -> bool:
    return item in BALANCE_ITEMS


def sign(item: str) -> int:
    """+1 where the item is a debit balance (assets, costs), -1 where it is a credit balance.

    A ledger's signed balance (debit positive) times this sign is the item's amount.
    """
    if item in BALANCE_ITEMS:
        return 1 if item in ASSET_ITEMS else -1
    return -1 if item in CREDIT_INCOME_ITEMS or item in ("provisions_released",) else 1


def item_by_name(name: str) -> str | None:
    """An item from its name or Dutch label (``debiteuren`` -> receivables), as the company file reads it."""
    from xlcapital.statements import normalize_label

    key = normalize_label(name)
    for section in ("balance", "income"):
        item = LABELS[section].get(key)
        if item and item not in _MEMO_ITEMS:
            return item
    return None


__all__ = ["PREFIXES", "MEMOS", "FLIPS", "ITEM_FLIPS", "BALANCE_ITEMS", "ASSET_ITEMS", "INCOME_ITEMS", "clean_code", "item_of",
           "memo_of", "sign", "item_by_name", "is_balance_item"]
