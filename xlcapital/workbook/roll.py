"""The monthly roll: next month's workbook = a fresh generation from the folder + what the user changed.

``xlcapital generate FOLDER --previous LAST.xlsm`` must give exactly the forecast of a fresh generation
from the folder and its new bank exports, plus the edits the user made in last month's workbook. To
tell an edit from a value the generator wrote, every workbook carries a fingerprint of what was
generated (:func:`write_fingerprint`, on the very hidden sheet ``xlcapital``): per row of every input
table its key and a hash of its values, per setting a hash of its value, and the company's identity.

The rules, per input table (rows matched by their key, :data:`KEYS`):

- a row the folder has and the workbook holds as generated: the folder's (fresh) row;
- a row the user edited in the workbook: the workbook's row wins ("overruled");
- a row the user typed into the workbook (a key the folder does not have): carried;
- a row the folder has and last month's workbook did not: added (new in the folder since last month);
- a generated row the user deleted in the workbook: left out ("removed"); a row the folder no longer
  has and the user did not edit: gone, as in a fresh generation;
- the scenarios (with their one-offs), the history and the trigger rules are taken as a whole: the
  workbook's when the user edited any row of them, else the folder's;
- then every open invoice is matched once more against the bank (the folder's exports and the
  workbook's Bank table, merged by dedupe key), so bank payments mark invoices paid whether the row
  came from the folder or from the workbook.

Settings: an edited setting wins, except the start (always the new month's), the company name, and
the bank balance with its date, which win only when not older than the folder's balance. A
workbook without a fingerprint (made before it existed) is compared with the fresh rows instead:
a row that differs wins, a key only the workbook has is carried, nothing counts as removed.

Simplified: payables have no paid date, so a payable the bank paid stays open until it is removed
(in the folder or the workbook); the scenario chosen on Settings is not carried (the new workbook
shows ``base``); reordering rows (Categories' priority) is not an edit.
"""

from __future__ import annotations

import dataclasses
import datetime as dt
import hashlib
from dataclasses import dataclass, field
from decimal import Decimal
from pathlib import Path
from typing import Any

from xlcapital.bank.model import Statement, Transaction, assign_keys
from xlcapital.errors import InputError
from xlcapital.forecast import schema
from xlcapital.workbook import messages as say

#: the very hidden sheet holding the fingerprint and the identity
SHEET = "xlcapital"
IDENTITY = "identity"
SETTING = "setting"

#: the columns that identify a row of each input table (the same row in the folder and the workbook)
KEYS = {
    "Receivables": ("Customer", "Invoice"),
    "Payables": ("Supplier", "Invoice", "DueDate"),
    "Customers": ("Customer",),
    "Recurring": ("Name", "Category"),
    "Sales": ("Date", "Description"),
    "Categories": ("Category", "Match", "Pattern"),
    "Projections": ("Category",),
    "Payroll": ("Name", "Start"),
}
#: tables taken as a whole (their rows belong together)
WHOLE = {"ScenarioInputs": "scenarios", "OneOffs": "scenarios", "History": "history", "TriggerRules": "triggers",
         "VatRates": "vat"}
#: settings never carried: the new month's start, the identity, the scenario shown (see module docstring)
NOT_CARRIED = ("Start", "Company", "Scenario")
BALANCE = ("BankBalance", "BalanceDate")
#: Settings key -> (part of Inputs, attribute, position in it or None), from the schema (one source):
#: the fields of schema.SETTING_TABLES, the seasonality Season1..12 and the aging buckets' days and shares
SETTING_FIELDS = {
    **{f.header: (part, f.key, None) for table, part in schema.SETTING_TABLES for f in table if f.header},
    **{f.header: ("sales", "seasonality", i) for i, f in enumerate(schema.SEASONALITY)},
    **{f.header: ("collections", "days" if f.kind == "integer" else "share", i // 2)
       for i, f in enumerate(schema.COLLECTIONS)},
    # [vat] (workbook/vat.py; on Settings only when forecast.toml has [vat]): the schema's fields
    **{f.header: ("vat", f.key, None) for f in schema.VAT if f.header},
}


# --------------------------------------------------------------------------------------------
# the fingerprint: the same text for a value as written and as read back by openpyxl
# --------------------------------------------------------------------------------------------

def canonical(value: Any, text: bool = False) -> str:
    """One text for a cell value however it was typed or read back.

    >>> canonical(Decimal("30.00")), canonical(30.0), canonical(dt.datetime(2026, 1, 5)), canonical(None)
    ('30', '30', '2026-01-05', '')
    >>> canonical(14408351, text=True), canonical(" Huur ")
    ('14408351', 'Huur')
    """
    if value is None or value == "":
        return ""
    if text:
        return str(value).strip()
    if isinstance(value, dt.datetime):
        value = value.date()
    if isinstance(value, dt.date):
        return value.isoformat()
    if isinstance(value, bool):
        return "TRUE" if value else "FALSE"
    if isinstance(value, (int, float, Decimal)):
        number = Decimal(repr(value)) if isinstance(value, float) else Decimal(value)
        return format(round(number, 9).normalize(), "f")
    return str(value).strip()


def _hash(parts: list[str]) -> str:
    return hashlib.sha1("\x1f".join(parts).encode("utf-8")).hexdigest()[:16]



def keyed(statements: list[Statement]) -> list[Statement]:
    """``statements`` with a dedupe key on every transaction: one without (a row typed or pasted into the
    Bank table without its Key) gets the key of :func:`xlcapital.bank.model.assign_keys`, counted per
    account over these statements; the caller's transactions are not changed."""
    missing: dict[str, list[Transaction]] = {}
    out = []
    for s in statements:
        txs = [t if t.key else dataclasses.replace(t) for t in s.transactions]
        missing.setdefault(s.account, []).extend(t for t, old in zip(txs, s.transactions) if t is not old)
        out.append(dataclasses.replace(s, transactions=txs))
    for account, txs in missing.items():
        assign_keys(txs, account)
    return out


def merge_by_key(statements: list[Statement]) -> list[Statement]:
    """One statement per account; a transaction whose key is already there is left out."""
    seen: set[str] = set()
    merged: dict[str, Statement] = {}
    for s in statements:
        target = merged.setdefault(s.account, Statement(s.account, s.currency))
        for t in s.transactions:
            if t.key and t.key in seen:
                continue
            seen.add(t.key)
            target.transactions.append(t)
    for s in merged.values():
        s.transactions.sort(key=lambda t: t.booking_date)
    return list(merged.values())


@dataclass
class Row:
    """One row of an input table as the roll compares it."""

    key: str
    hash: str
    index: int  # its position in the table (and in the Inputs list read from it)
    label: str  # the key as the user reads it


def table_rows(table: str, columns, rows) -> list[Row]:
    """``rows`` (sequences of the input columns' values) as :class:`Row` s; a repeated key gets ``#n``."""
    names = [c.name for c in columns]
    texts = [c.kind == "text" for c in columns]
    keys = KEYS.get(table, tuple(names))
    out, seen = [], {}
    for i, values in enumerate(rows):
        parts = [canonical(v, t) for v, t in zip(values, texts)]
        by_name = dict(zip(names, parts))
        label = " / ".join(by_name.get(k, "") for k in keys if by_name.get(k, ""))
        key = " | ".join(by_name.get(k, "").casefold() for k in keys)
        seen[key] = seen.get(key, 0) + 1
        if seen[key] > 1:
            key += f"#{seen[key]}"
        out.append(Row(key, _hash(parts), i, label or f"row {i + 1}"))
    return out


def write_fingerprint(book, tables, settings: dict[str, Any], identity: dict[str, str]) -> None:
    """The very hidden sheet ``xlcapital``: the identity, and per setting and per table row what was
    generated (kind, key, hash), for :func:`roll` next month."""
    ws = book.add_sheet(SHEET)
    ws.very_hidden()
    put = getattr(ws, "put_string", ws.write_string)
    r = 0
    for key, value in identity.items():
        put(r, 0, IDENTITY), put(r, 1, key), put(r, 2, value or "-")
        r += 1
    for key, value in settings.items():
        put(r, 0, SETTING), put(r, 1, key), put(r, 2, _hash([canonical(value)]))
        r += 1
    for t in tables:
        if not t.editable:
            continue
        for row in table_rows(t.table, t.inputs, t.rows):
            put(r, 0, t.table), put(r, 1, row.key or "-"), put(r, 2, row.hash)
            r += 1


@dataclass
class Fingerprint:
    identity: dict[str, str] = field(default_factory=dict)
    settings: dict[str, str] = field(default_factory=dict)
    #: table -> key -> hash
    tables: dict[str, dict[str, str]] = field(default_factory=dict)


def read_fingerprint(wb) -> Fingerprint | None:
    """The fingerprint of an openpyxl workbook, None when it has none (made before it existed)."""
    if SHEET not in wb.sheetnames:
        return None
    fp = Fingerprint()
    for kind, key, value in wb[SHEET].iter_rows(min_col=1, max_col=3, values_only=True):
        kind, key, value = str(kind or ""), "" if key in (None, "-") else str(key), str(value or "")
        if kind == IDENTITY:
            fp.identity[key] = "" if value == "-" else value
        elif kind == SETTING:
            fp.settings[key] = value
        elif kind:
            fp.tables.setdefault(kind, {})[key] = value
    return fp


# --------------------------------------------------------------------------------------------
# identity
# --------------------------------------------------------------------------------------------

def identity_of(inputs, company: str) -> dict[str, str]:
    return {"company": company, "accounts": ", ".join(inputs.settings.accounts)}


def _accounts(text: str) -> set[str]:
    return {a.replace(" ", "").upper() for a in text.split(",") if a.strip()}


def check_identity(previous: Path, theirs: dict[str, str], mine: dict[str, str], force: bool) -> None:
    """Refuse last month's workbook of another company (another name, or no account in common)."""
    if force:
        return
    other_name = theirs.get("company", "").strip().casefold() != mine["company"].strip().casefold()
    a, b = _accounts(theirs.get("accounts", "")), _accounts(mine["accounts"])
    other_accounts = bool(a and b and not a & b)
    if other_name or other_accounts:
        what = (say.OTHER_NAME(theirs=theirs.get("company"), mine=mine["company"]) if other_name
                else say.OTHER_ACCOUNTS(theirs=", ".join(sorted(a)), mine=", ".join(sorted(b))))
        raise InputError(say.OTHER_COMPANY(what=what), file=str(previous), hint=say.THIS_COMPANYS_WORKBOOK())


# --------------------------------------------------------------------------------------------
# the roll
# --------------------------------------------------------------------------------------------

@dataclass
class Report:
    """What the roll did, for the user (printed by ``generate``)."""

    carried: list[str] = field(default_factory=list)
    overruled: list[str] = field(default_factory=list)
    added: list[str] = field(default_factory=list)
    removed: list[str] = field(default_factory=list)
    settings: list[str] = field(default_factory=list)
    paid: int = 0
    bank_new: int = 0
    bank_carried: int = 0

    def lines(self, previous: str) -> list[str]:
        def some(items: list[str]) -> str:
            return "; ".join(items[:6]) + (f"; ... ({len(items)} in all)" if len(items) > 6 else "")

        out = [say.ROLL_FROM(previous=previous, carried=self.bank_carried, new=self.bank_new)]
        for title, items in ((say.ROLL_CARRIED, self.carried), (say.ROLL_OVERRULED, self.overruled),
                             (say.ROLL_SETTINGS, self.settings), (say.ROLL_ADDED, self.added),
                             (say.ROLL_REMOVED, self.removed)):
            if items:
                out.append(title(items=some(items)))
        if self.paid:
            out.append(say.ROLL_PAID(count=self.paid))
        if len(out) == 1:
            out.append(say.ROLL_NO_EDITS())
        return out


def _merge_rows(table: str, fresh: list[Row], mine: list[Row], generated: dict[str, str] | None,
                report: Report) -> list[tuple[str, int]]:
    """Which rows the next workbook holds: ("fresh", i) or ("workbook", j), by the module's rules."""
    by_key = {r.key: r for r in mine}
    chosen, used = [], set()
    for f in fresh:
        w = by_key.get(f.key)
        if w is not None:
            used.add(f.key)
            edited = w.hash != (f.hash if generated is None else generated.get(f.key))
            if edited:
                chosen.append(("workbook", w.index))
                if w.hash != f.hash:
                    report.overruled.append(f"{table} {w.label}")
            else:
                chosen.append(("fresh", f.index))
        elif generated is not None and f.key in generated:
            report.removed.append(f"{table} {f.label}")
        else:
            chosen.append(("fresh", f.index))
            if generated is not None:
                report.added.append(f"{table} {f.label}")
    for w in mine:
        if w.key in used:
            continue
        if generated is not None and generated.get(w.key) == w.hash:
            continue  # generated last month, unchanged, and no longer in the folder: gone as in a fresh run
        chosen.append(("workbook", w.index))
        report.carried.append(f"{table} {w.label}")
    return chosen


def _setting_changes(reader, fp: Fingerprint | None, fresh_values: dict[str, Any]) -> list[str]:
    """The settings the user changed in the workbook (compared with the fingerprint, else the fresh value)."""
    changed = []
    for key, fresh in fresh_values.items():
        if key in NOT_CARRIED or key not in SETTING_FIELDS:
            continue
        mine = _hash([canonical(reader.setting(key))])
        before = fp.settings.get(key) if fp is not None else _hash([canonical(fresh)])
        if before is not None and mine != before:
            changed.append(key)
    return changed


def _apply_settings(fresh, prev, keys: list[str]):
    """``fresh`` with the workbook's (``prev``) values of the settings ``keys`` (:data:`SETTING_FIELDS`:
    a field of a part of the inputs, or one position of a tuple of them); a part that one side does
    not have (no last period's figures) is left as it is."""
    changes: dict[str, dict[str, Any]] = {}
    for key in keys:
        part, attr, index = SETTING_FIELDS[key]
        source, target = getattr(prev, part), getattr(fresh, part)
        if source is None or target is None:
            continue
        attrs = changes.setdefault(part, {})
        if index is None:
            attrs[attr] = getattr(source, attr)
        else:
            values = list(attrs.get(attr, getattr(target, attr)))
            values[index] = getattr(source, attr)[index]
            attrs[attr] = tuple(values)
    new = {part: dataclasses.replace(getattr(fresh, part), **attrs) for part, attrs in changes.items()}
    return dataclasses.replace(fresh, **new)


def roll(previous, reader, fp: Fingerprint | None, prev, prev_statements, fresh, fresh_statements, *,
         company: str) -> tuple[Any, list, Report]:
    """(next inputs, merged statements, report): ``fresh`` (the folder's inputs) with the user's
    edits of last month's workbook (``prev``, read by ``reader``), by the module's rules."""
    from xlcapital import forecast as fc
    from xlcapital.forecast.actuals import counted
    from xlcapital.forecast.learn import match_payments
    from xlcapital.workbook.inputsheets import input_tables, settings_values

    report = Report()
    prev_statements, fresh_statements = keyed(prev_statements), keyed(fresh_statements)
    merged = merge_by_key([*prev_statements, *fresh_statements])
    keys = {t.key for s in fresh_statements for t in s.transactions}
    report.bank_carried = sum(len(s.transactions) for s in prev_statements)
    report.bank_new = len(keys - {t.key for s in prev_statements for t in s.transactions})

    fresh_tables = {t.table: t for t in input_tables(fresh)}
    lists = {"Receivables": "receivables", "Payables": "payables", "Customers": "customers",
             "Recurring": "recurring", "Sales": "expected_sales", "Categories": "categories",
             "Projections": "projections", "Payroll": "payroll"}
    result: dict[str, Any] = {}
    from_workbook: dict[str, set[int]] = {}
    for table, attr in lists.items():
        sheet = fresh_tables.get(table)
        if sheet is None:  # a table this version does not write
            continue
        mine = table_rows(table, sheet.inputs, [[row.get(c.name) for c in sheet.inputs] for row in reader.table(table)])
        theirs = table_rows(table, sheet.inputs, sheet.rows)
        generated = None if fp is None else fp.tables.get(table, {})
        chosen = _merge_rows(table, theirs, mine, generated, report)
        pick = {"fresh": getattr(fresh, attr), "workbook": getattr(prev, attr)}
        result[attr] = [pick[src][i] for src, i in chosen]
        from_workbook[attr] = {k for k, (src, _) in enumerate(chosen) if src == "workbook"}
    vat_rates = None
    for group in dict.fromkeys(WHOLE.values()):
        tables = [t for t, g in WHOLE.items() if g == group and t in fresh_tables]
        edited = False
        for table in tables:
            sheet = fresh_tables[table]
            mine = sorted(r.hash for r in table_rows(
                table, sheet.inputs, [[row.get(c.name) for c in sheet.inputs] for row in reader.table(table)]))
            before = (sorted(fp.tables.get(table, {}).values()) if fp is not None
                      else sorted(r.hash for r in table_rows(table, sheet.inputs, sheet.rows)))
            edited |= mine != before
        if not edited:
            continue
        if group == "vat":  # the workbook's VAT rates (the [vat] settings are carried one by one)
            vat_rates = prev.vat.rates
        else:
            result[group] = getattr(prev, group)
        report.overruled.append(f"{' and '.join(tables)} (as a whole)")

    selected = fresh.default_scenario.name if fresh.default_scenario in fresh.scenarios else ""
    changed = _setting_changes(reader, fp, settings_values(fresh, company, selected))
    if any(k in changed for k in BALANCE):
        if fc.balance_day(prev) >= fc.balance_day(fresh):
            changed = [k for k in changed if k not in BALANCE] + list(BALANCE)
        else:
            changed = [k for k in changed if k not in BALANCE]
            report.settings.append(f"(not the bank balance of {fc.balance_day(prev)}: the exports' of "
                                   f"{fc.balance_day(fresh)} is newer)")
    nxt = _apply_settings(fresh, prev, changed)
    if vat_rates is not None:
        nxt = dataclasses.replace(nxt, vat=dataclasses.replace(nxt.vat, rates=vat_rates))
    report.settings[:0] = changed

    # bank payments mark invoices paid, whichever side the row came from (matching is idempotent)
    start = nxt.settings.start
    history = [t for s in merged if counted(s.account, nxt.settings.accounts) for t in s.transactions
               if t.booking_date < start]
    receivables = result.get("receivables", fresh.receivables)
    matched = match_payments(receivables, history)
    report.paid = sum(1 for k in from_workbook.get("receivables", ()) if receivables[k].open and not matched[k].open)
    result["receivables"] = matched
    nxt = dataclasses.replace(nxt, **result, bank=merged)
    return nxt, merged, report


__all__ = ["roll", "write_fingerprint", "read_fingerprint", "check_identity", "identity_of", "canonical", "Report"]
