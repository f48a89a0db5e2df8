"""Labels: English keys and Dutch names, one mapping, and the statement's inputs built from
``{label: amount}`` (what an Excel range of labels and amounts gives)."""

from __future__ import annotations

import re
from dataclasses import fields
from typing import Iterable, Mapping, Union

from xlcapital.errors import InputError
from xlcapital.money import to_decimal
from xlcapital.messages import KNOWN
from xlcapital.statements import messages as say
from xlcapital.statements.cashflow import CashflowStatement, cashflow_indirect
from xlcapital.statements.inputs import ZERO, BalanceSheet, CashflowFacts, IncomeStatement

__all__ = [
    "LABELS",
    "normalize_label",
    "balance_sheet_from_mapping",
    "income_statement_from_mapping",
    "cashflow_facts_from_mapping",
    "cashflow_indirect_from_mappings",
]


# --------------------------------------------------------------------------------------------
# Labels: English keys and Dutch names, one mapping (for the UDFs' label/amount ranges and files)
# --------------------------------------------------------------------------------------------


def normalize_label(label: str) -> str:
    """Lower case, ``_``/``-`` as spaces, single spaces, no trailing colon.

    >>> normalize_label("  Rekening-courant: "), normalize_label("other_current_assets")
    ('rekening courant', 'other current assets')
    """
    text = re.sub(r"[\s_\-]+", " ", str(label).strip().casefold()).strip()
    return text.rstrip(":").strip()


_ALIASES: dict[str, dict[str, tuple[str, ...]]] = {
    "balance": {
        "cash": ("liquide middelen", "kas", "bank", "kas en bank", "geldmiddelen", "cash and cash equivalents"),
        "securities": ("effecten", "marketable securities"),
        "receivables": ("debiteuren", "vorderingen", "handelsdebiteuren", "accounts receivable", "trade receivables"),
        "inventory": ("voorraden", "voorraad", "inventories", "stock"),
        "other_current_assets": ("overige vlottende activa", "overlopende activa", "overige vorderingen", "prepayments"),
        "fixed_assets": ("vaste activa", "materiele vaste activa", "materiële vaste activa", "non current assets"),
        "payables": ("crediteuren", "handelscrediteuren", "leveranciers", "accounts payable", "trade payables"),
        "accruals": ("overlopende passiva", "overige schulden", "accrued liabilities"),
        "tax_payable": ("te betalen belastingen", "te betalen winstbelasting", "belastingen", "taxes payable"),
        "interest_payable": ("te betalen rente", "interest payable"),
        "overdraft": ("rekening courant", "rekening courantkrediet", "rekening courant krediet", "bank overdraft"),
        "short_term_debt": ("kortlopende leningen", "kt aflossing", "aflossingsverplichtingen", "current portion of debt"),
        "long_term_debt": ("langlopende schulden", "langlopende leningen", "long term loans"),
        "provisions": ("voorzieningen",),
        "equity": ("eigen vermogen", "shareholders equity"),
    },
    "income": {
        "revenue": ("omzet", "netto omzet", "sales", "turnover"),
        "cogs": ("kostprijs van de omzet", "kostprijs omzet", "inkoopwaarde", "inkoopwaarde van de omzet", "cost of goods sold", "cost of sales"),
        "operating_expenses": ("bedrijfskosten", "overige bedrijfskosten", "operationele kosten", "opex"),
        "depreciation": ("afschrijvingen", "afschrijving"),
        "provisions_added": ("dotatie voorzieningen", "dotaties voorzieningen", "dotaties"),
        "provisions_released": ("onttrekking voorzieningen", "onttrekkingen voorzieningen", "onttrekkingen"),
        "ebit": ("bedrijfsresultaat", "operating result", "operating profit"),
        "interest": ("rente", "rentelasten", "financiele lasten", "financiële baten en lasten", "interest expense"),
        "extraordinary": ("buitengewone posten", "buitengewone baten en lasten", "extraordinary items"),
        "tax": ("winstbelasting", "vennootschapsbelasting", "belastingen", "income tax"),
        "retained_participations": ("ingehouden winst deelnemingen", "ingehouden winst niet geconsolideerde deelneming"),
    },
    "cashflow": {
        "investments": ("investeringen", "capex"),
        "disposals": ("desinvesteringen",),
        "new_loans": ("nieuwe leningen", "opgenomen leningen"),
        "repayments": ("aflossingen", "aflossing"),
        "share_issues": ("aandelenemissie", "emissie", "emissie van aandelen"),
        "dividends": ("dividend", "dividenden", "uitgekeerd dividend"),
    },
}

#: Per section ("balance", "income", "cashflow"): normalized label -> field name. The field names
#: themselves ("other_current_assets" or "other current assets"), the Dutch names and a few common
#: English names are all accepted.
LABELS: dict[str, dict[str, str]] = {
    section: {normalize_label(alias): key for key, aliases in table.items() for alias in (key, *aliases)}
    for section, table in _ALIASES.items()
}

_CLASSES = {"balance": BalanceSheet, "income": IncomeStatement, "cashflow": CashflowFacts}

AmountsIn = Union[Mapping[str, object], Iterable[tuple]]


def _from_mapping(section: str, mapping: AmountsIn, where: str):
    """Build the input object of ``section`` from labels and amounts, refusing unknown labels."""
    table = LABELS[section]
    items = mapping.items() if isinstance(mapping, Mapping) else mapping
    values: dict[str, object] = {}
    seen: dict[str, str] = {}
    for item in items:
        try:
            label, amount = item
        except (TypeError, ValueError):
            raise InputError(say.NOT_PAIRS(item=item), field=where) from None
        if label is None or str(label).strip() == "":
            if amount is None or amount == "":
                continue  # an empty row of a range
            raise InputError(say.NO_LABEL(amount=amount), field=where)
        key = table.get(normalize_label(label))
        if key is None:
            raise InputError(
                say.UNKNOWN_ITEM(label=label),
                field=f"{where}.{label}",
                hint=KNOWN(names=", ".join(f.name for f in fields(_CLASSES[section]) if f.init)),
            )
        if key in seen:
            raise InputError(say.SAME_ITEM(label=label, other=seen[key], key=key), field=f"{where}.{label}")
        seen[key] = str(label)
        try:
            values[key] = None if amount == "" else amount
            to_decimal(ZERO if values[key] is None else values[key])
        except InputError as exc:
            raise exc.with_location(field=f"{where}.{label}") from None
    return _CLASSES[section](**values)


def balance_sheet_from_mapping(mapping: AmountsIn, *, where: str = "balance") -> BalanceSheet:
    """A :class:`BalanceSheet` from ``{label: amount}`` (or ``(label, amount)`` pairs).

    Labels are field names or Dutch / English names (see :data:`LABELS`); an unknown label is
    an :class:`InputError` (a typo must not become 0); empty amounts are 0.

    >>> balance_sheet_from_mapping({"Debiteuren": 90_000, "voorraden": 40_000, "liquide middelen": 20_000,
    ...                             "crediteuren": 110_000, "eigen vermogen": 40_000}).balances
    True
    """
    return _from_mapping("balance", mapping, where)


def income_statement_from_mapping(mapping: AmountsIn, *, where: str = "income") -> IncomeStatement:
    """An :class:`IncomeStatement` from ``{label: amount}`` (Dutch names accepted, e.g. "omzet")."""
    return _from_mapping("income", mapping, where)


def cashflow_facts_from_mapping(mapping: AmountsIn | None, *, where: str = "cashflow") -> CashflowFacts:
    """:class:`CashflowFacts` from ``{label: amount}`` (Dutch names accepted, e.g. "investeringen")."""
    return _from_mapping("cashflow", mapping or {}, where)


def cashflow_indirect_from_mappings(
    opening: AmountsIn, income: AmountsIn, closing: AmountsIn, extra: AmountsIn | None = None
) -> CashflowStatement:
    """:func:`cashflow_indirect` from four label -> amount mappings (what an Excel range gives)."""
    return cashflow_indirect(
        balance_sheet_from_mapping(opening, where="balance_opening"),
        income_statement_from_mapping(income),
        balance_sheet_from_mapping(closing, where="balance_closing"),
        cashflow_facts_from_mapping(extra),
    )
