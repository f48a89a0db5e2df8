"""Write an import as a company folder the forecast reads (docs/forecast.md, docs/company-file.md).

Files: ``company.toml`` (balance sheets and income statement), ``forecast.toml`` (start after the
period, the closing bank balance), ``receivables.csv``, ``payables.csv``, ``customers.csv``, and
``trial_balance.csv`` (every account with its item, the trail to the trial balance).

A new folder is built in a temporary folder beside the target and renamed into place, so a
reader sees no folder or the whole one. An existing folder that is not empty is refused unless
``force``; then the bookkeeping's files are replaced, each on its own (atomically), and the
user's stay: other files (bank/, recurring.csv, ...), an existing forecast.toml (your settings),
and the payment delays given in customers.csv (new customers are added).

>>> toml_string('Jansen "De Bakker" B.V.')
'"Jansen \\\\"De Bakker\\\\" B.V."'
>>> monday_after(date(2024, 12, 31)), monday_after(date(2024, 12, 29))
(datetime.date(2025, 1, 6), datetime.date(2024, 12, 30))
"""

from __future__ import annotations

import contextlib
import csv
import io
import json
import os
import shutil
import tempfile
from datetime import date, timedelta
from decimal import Decimal
from pathlib import Path

from xlcapital.errors import OutputError
from xlcapital.fileio import _umask, csv_text, loads_toml
from xlcapital.forecast.inputs import customer_key
from xlcapital.imports import rgs
from xlcapital.imports import messages as say
from xlcapital.messages import CREATE_IT_FIRST, FOLDER_MISSING
from xlcapital.imports.figures import RESIDUAL_CREDIT, RESIDUAL_DEBIT, RESIDUAL_RESULT, Figures
from xlcapital.imports.model import ZERO, Ledger
from xlcapital.imports.openitems import UNALLOCATED, Items, OpenItem

#: The customer or supplier of an invoice whose lines name no relation (only an invoice number).
NO_RELATION = "(no relation)"
FILES = ("company.toml", "forecast.toml", "receivables.csv", "payables.csv", "customers.csv", "trial_balance.csv")


def toml_string(text: str) -> str:
    """A TOML basic string (JSON's escapes are TOML's)."""
    return json.dumps(text, ensure_ascii=False)


class _Number(str):
    """Text that is a number: written as it is (a minus sign here is not a formula)."""


def money(value: Decimal) -> str:
    """An amount as plain decimal text (never an exponent)."""
    return _Number(format(value, "f"))


def monday_after(day: date) -> date:
    return day + timedelta(days=7 - day.weekday())


def render(ledger: Ledger, figures: Figures, items: Items | None) -> dict[str, str]:
    """The folder's files as text, by name."""
    files = {"company.toml": company_toml(ledger, figures), "forecast.toml": forecast_toml(ledger, figures),
             "trial_balance.csv": trial_balance_csv(figures)}  # fmt: skip
    if items is not None:
        known = _relation_names(ledger)
        names = lambda relation: known.get(relation, relation) or NO_RELATION  # noqa: E731
        files["receivables.csv"] = _csv(("customer", "invoice", "invoice_date", "due_date", "amount", "paid_date"), [
            (names(i.relation), label, i.invoice_date, i.due_date, money(i.amount), i.paid_date or "")
            for i, label in _labelled(items.receivables)
        ])  # fmt: skip
        files["payables.csv"] = _csv(("supplier", "invoice", "due_date", "amount"), [
            (names(i.relation), label, i.due_date, money(i.amount))
            for i, label in _labelled(items.payables) if i.paid_date is None
        ])  # fmt: skip
        customers = dict.fromkeys(names(i.relation) for i in items.receivables if i.relation != UNALLOCATED)
        files["customers.csv"] = _csv(("customer", "payment_delay_days"), [(c, "") for c in customers])
    return files


def _relation_names(ledger: Ledger) -> dict[str, str]:
    """Relation id -> a name unique in the forecast's sense (a shared name gets the id added)."""
    names, seen = {}, {}
    for rid, relation in sorted(ledger.relations.items()):
        name = relation.name.strip() or rid
        if customer_key(name) in seen:
            name = f"{name} ({rid})"
        seen[customer_key(name)] = rid
        names[rid] = name
    return names


def _labelled(items: list[OpenItem]):
    """Each item with an invoice label unique in its file: the number, with the relation where shared or empty."""
    counts: dict[str, int] = {}
    for i in items:
        counts[i.invoice.casefold()] = counts.get(i.invoice.casefold(), 0) + 1
    seen: set[str] = set()
    for i in items:
        shared = not i.invoice or counts[i.invoice.casefold()] > 1
        label = f"{i.invoice or 'no number'} ({i.relation})" if shared else i.invoice
        n = 1
        while label.casefold() in seen:  # one relation's two invoices of one document
            n += 1
            label = f"{i.invoice or 'no number'} ({i.relation}) #{n}"
        seen.add(label.casefold())
        yield i, label


def _csv(header: tuple[str, ...], rows) -> str:
    out = io.StringIO()
    writer = csv.writer(out, lineterminator="\n")
    writer.writerow(header)
    for row in rows:
        writer.writerow([csv_text(v) if isinstance(v, str) and not isinstance(v, _Number) else v for v in row])
    return out.getvalue()


def company_toml(ledger: Ledger, figures: Figures) -> str:
    residual = {RESIDUAL_DEBIT, RESIDUAL_CREDIT, RESIDUAL_RESULT} if figures.residual else set()
    note = "  # includes unmapped accounts (see trial_balance.csv)"
    lines = [
        f"# Imported by xlcapital from {Path(ledger.source).name}"
        + (f" (XAF {ledger.version})" if ledger.version else " (trial balance)")
        + f": {len(figures.accounts)} accounts. Every account and its item: trial_balance.csv.",
        "# What the import simplifies: docs/imports.md. [cashflow] (investments, loans ...) is not in a ledger's",
        "# balances: fill it in for a reconciling cash-flow statement (docs/company-file.md).",
        "",
        "[company]",
        f"name = {toml_string(ledger.company_name or Path(ledger.source).stem)}",
        f"currency = {toml_string(ledger.currency)}",
        "",
        "[period]",
        f"start = {ledger.start.isoformat()}",
        f"end = {ledger.end.isoformat()}",
    ]
    for section, sheet, day in (("balance_opening", figures.opening, ledger.start - timedelta(days=1)),
                                ("balance_closing", figures.closing, ledger.end)):  # fmt: skip
        lines += ["", f"[{section}]  # {day.isoformat()}"]
        lines += [f"{item} = {money(sheet[item])}" + (note if item in residual else "") for item in rgs.BALANCE_ITEMS]
    lines += ["", "[income]"]
    memos = [m for m in figures.income if m not in rgs.INCOME_ITEMS]  # provisions_added: also in operating_expenses
    lines += [f"{item} = {money(figures.income.get(item, ZERO))}" + (note if item in residual else "")
              for item in (*rgs.INCOME_ITEMS, *memos)]
    return "\n".join(lines) + "\n"


def forecast_toml(ledger: Ledger, figures: Figures) -> str:
    bank = figures.closing["cash"] - figures.closing["overdraft"]
    return "\n".join([
        f"# Made by xlcapital import from {Path(ledger.source).name}. The opening balance is the bookkeeping's bank",
        "# balance (cash - overdraft) at the end of the period. Add your overdraft facility, buffer, sales plan and",
        "# scenarios (docs/forecast.md); with bank exports in bank/ you may leave out start and opening_balance.",
        "",
        "[forecast]",
        f"start = {monday_after(ledger.end).isoformat()}",
        f"opening_balance = {money(bank)}",
        f"balance_date = {ledger.end.isoformat()}",
        "weeks = 13",
        f"currency = {toml_string(ledger.currency)}",
    ]) + "\n"  # fmt: skip


def trial_balance_csv(figures: Figures) -> str:
    return _csv(("account", "name", "rgs", "item", "opening", "closing"), [
        (r.id, r.name, r.rgs, r.item or "(unmapped)", money(r.opening), money(r.closing)) for r in figures.accounts
    ])  # fmt: skip


def keep_users(target: Path, files: dict[str, str]) -> list[str]:
    """Leave out of ``files`` what the user owns in an existing folder; the notes that say so."""
    from xlcapital.forecast.inputs import read_customers

    notes = []
    if (target / "forecast.toml").is_file() and "forecast.toml" in files:
        made = loads_toml(files.pop("forecast.toml"))["forecast"]
        notes.append(say.KEPT_FORECAST_TOML(file=target / "forecast.toml", day=made["balance_date"],
                                            amount=made["opening_balance"], start=made["start"]))
    if (target / "customers.csv").is_file() and "customers.csv" in files:
        given = {customer_key(name): (name, delay) for name, delay, _ in read_customers(target / "customers.csv")}
        imported = [row[0] for row in csv.reader(io.StringIO(files["customers.csv"]))][1:]
        rows = [(name, "" if delay is None else delay) for name, delay in given.values()]
        rows += [(name, "") for name in imported if customer_key(name) not in given]
        files["customers.csv"] = _csv(("customer", "payment_delay_days"), rows)
        notes.append(say.KEPT_DELAYS(file=target / "customers.csv", count=len(rows) - len(given)))
    return notes


def write(target: str | Path, files: dict[str, str], *, force: bool = False) -> Path:
    """Write the files as the folder ``target`` (see the module's rules)."""
    target = Path(target)
    if target.exists() and not target.is_dir():
        raise OutputError(say.NOT_A_FOLDER(), file=str(target), hint=say.GIVE_A_NEW_FOLDER())
    if target.is_dir() and any(target.iterdir()) and not force:
        raise OutputError(say.FOLDER_NOT_EMPTY(), file=str(target), hint=say.NEW_FOLDER_OR_FORCE())
    parent = target.parent if str(target.parent) else Path(".")
    if not parent.is_dir():
        raise OutputError(FOLDER_MISSING(folder=parent), file=str(target), hint=CREATE_IT_FIRST())
    staging = Path(tempfile.mkdtemp(prefix=f".{target.name}.", suffix=".tmp", dir=parent))
    try:
        for name, text in files.items():
            (staging / name).write_text(text, encoding="utf-8", newline="")
        mode = 0o777 & ~_umask()
        os.chmod(staging, mode)
        if not target.exists():
            os.rename(staging, target)
            return target
        if not any(target.iterdir()):
            target.rmdir()
            os.rename(staging, target)
            return target
        for name in files:
            os.replace(staging / name, target / name)
    finally:
        with contextlib.suppress(FileNotFoundError):
            shutil.rmtree(staging)
    return target


__all__ = ["render", "write", "FILES", "company_toml", "forecast_toml", "monday_after"]
