"""``xlcapital bank FILE...``: read bank exports, list their statements, write them as JSON or CSV.

One line per statement (account, bank, format, period, transactions, opening, closing,
reconciliation; ``--lang nl`` in Dutch); ``--json`` prints the statements with every transaction
(amounts as exact decimal strings with two decimals); ``--csv OUT`` writes the transactions of all files, merged per account without
duplicates. Warnings (balances that do not reconcile, repaired rows) go to stderr. A file that
cannot be read stops the command with one line naming the file and the line, exit code 2.
"""

from __future__ import annotations

import argparse
import contextlib
import csv
import json
import sys
from pathlib import Path
from typing import Callable, Iterable, TextIO

from xlcapital import bank
from xlcapital.bank.model import Statement, Transaction
from xlcapital.bank.spill import TransactionSpill
from xlcapital.cli.present import FILE_UNIT, Lang, add_lang_option, json_amount, lang_of, progress, warn
from xlcapital.messages import Text
from xlcapital.cli.usage import helptext
from xlcapital.errors import OutputError
from xlcapital.fileio import atomic_output, check_output, csv_text

#: the columns of ``--csv`` output, in order
CSV_COLUMNS = (
    "account",
    "currency",
    "booking_date",
    "value_date",
    "amount",
    "counterparty",
    "counterparty_iban",
    "description",
    "reference",
    "code",
    "bank",
    "key",
)


def register(subparsers) -> None:
    p = subparsers.add_parser(
        "bank",
        help=helptext("read bank exports (Dutch bank CSV, MT940, CAMT.05x, OFX): statements, balances, transactions",
                      "lees bankexports (CSV van Nederlandse banken, MT940, CAMT.05x, OFX): afschriften, saldi, "
                      "transacties"),
        description=helptext(
            "Read bank exports and list one line per statement: account, bank, format, period, number of "
            "transactions, opening and closing balance, and whether they reconcile. Format and bank are recognised "
            "from the content; see docs/bank.md.",
            "Lees bankexports en toon één regel per afschrift: rekening, bank, formaat, periode, aantal transacties, "
            "begin- en eindsaldo, en of ze aansluiten. Formaat en bank worden aan de inhoud herkend; zie "
            "docs/bank.md."),
    )
    p.add_argument("files", nargs="+", metavar=helptext("FILE", "BESTAND"),
                   help=helptext("bank export(s): CSV/TAB, MT940, CAMT.05x XML or zip, OFX/QFX",
                                 "bankexport(s): CSV/TAB, MT940, CAMT.05x-XML of zip, OFX/QFX"))
    p.add_argument("--json", action="store_true", help=helptext(
        "print the statements and their transactions as JSON", "toon de afschriften en hun transacties als JSON"))
    p.add_argument("--csv", metavar=helptext("OUT", "UIT"), help=helptext(
        "write the transactions of all files, merged without duplicates, to a new CSV file",
        "schrijf de transacties van alle bestanden, samengevoegd zonder dubbele, naar een nieuw CSV-bestand"))
    p.add_argument("--force", action="store_true", help=helptext("replace the --csv file if it exists",
                                                                 "vervang het bestand van --csv als het al bestaat"))
    p.add_argument("--format", choices=sorted(bank.FORMATS), help=helptext(
        "the format, when recognising it fails", "het formaat, als herkennen niet lukt"))
    p.add_argument("--bank", metavar="B", help=helptext(
        "the bank or CSV preset (ing, ing_semicolon, rabobank, abnamro, asn, ...)",
        "de bank of CSV-preset (ing, ing_semicolon, rabobank, abnamro, asn, ...)"))
    p.add_argument("--mapping", metavar="TOML", help=helptext(
        "a column mapping for a CSV no preset knows (docs/bank.md)",
        "een kolomindeling voor een CSV die geen preset kent (docs/bank.md)"))
    add_lang_option(p, helptext("the listing's words, amounts and dates", "de woorden, bedragen en datums van de lijst"))
    p.set_defaults(func=run)


CSV_OVERWRITES_INPUT = Text("the CSV output would overwrite an input file",
                            "de CSV-uitvoer zou een invoerbestand overschrijven")
CHOOSE_ANOTHER_NAME = Text("choose another name", "kies een andere naam")


def run(args: argparse.Namespace) -> int:
    if args.csv and any(_same_file(args.csv, f) for f in args.files):
        raise OutputError(CSV_OVERWRITES_INPUT(), file=args.csv, hint=CHOOSE_ANOTHER_NAME())
    if args.csv:
        check_output(args.csv, args.force)  # before reading: a refusal costs no waiting
    statements: list[Statement] = []
    warnings: list[str] = []
    # the files are streamed (bounded memory); the transactions the output needs wait on disk
    with contextlib.ExitStack() as cleanup:
        spill = cleanup.enter_context(TransactionSpill()) if args.csv or args.json else None
        for name in progress(args.files, lang_of(args.lang).t("reading"), unit=FILE_UNIT, lang=args.lang):
            transactions = bank.stream(name, format=args.format, bank=args.bank, mapping=args.mapping)
            for statement, t in transactions:
                if spill is not None:
                    spill.add(statement, t)
            found = transactions.statements
            if not found:
                warnings.append(NO_TRANSACTIONS(file=name))
            warnings += transactions.warnings
            statements += found
        if args.csv:
            merged = spill.merge(statements)
            write_csv(merged, args.csv, force=args.force)
            warnings += [w for s in merged.statements for w in s.warnings]
        warnings = list(dict.fromkeys(warnings))  # a file of daily statements says a thing once
        if args.json:
            write_json(statements, spill.of_statement, warnings, sys.stdout)
        else:
            for s in statements:
                print(summary_line(s, args.lang))
    sys.stdout.flush()  # the listing first, then what to look out for in it
    for w in warnings:
        warn(w, args.lang)
    return 0


NO_TRANSACTIONS = Text("{file}: the file holds no transactions", "{file}: het bestand bevat geen transacties")


def _same_file(a: str, b: str) -> bool:
    try:
        return Path(a).resolve() == Path(b).resolve()
    except OSError:  # pragma: no cover - an unresolvable path is not the same file
        return False


def _money(value, w: Lang) -> str:
    """A balance in the listing: exact, with the language's decimal mark; "-" when not given."""
    return "-" if value is None else w.dutch_marks(json_amount(value))


def summary_line(s: Statement, lang: str = "en") -> str:
    """``account  bank  format  first..last  N transactions  opening X  closing Y  currency  status``
    ("-" for what the file does not say).

    >>> from datetime import date
    >>> from decimal import Decimal
    >>> from xlcapital.bank.model import Balance
    >>> t = Transaction(date(2026, 3, 2), Decimal("-2.50"))
    >>> summary_line(Statement("NL91ABNA0417164300", "EUR", [t], closing_balance=Balance(Decimal("97.50")), bank="abnamro", format="csv"))
    'NL91ABNA0417164300  abnamro  csv  2026-03-02..2026-03-02  1 transaction  opening -  closing 97.50  EUR  no opening balance to check'
    >>> summary_line(Statement("NL91ABNA0417164300", "EUR", [t], closing_balance=Balance(Decimal("1097.5")), bank="abnamro", format="csv"), "nl")
    'NL91ABNA0417164300  abnamro  csv  02-03-2026..02-03-2026  1 transactie  begin -  eind 1097,50  EUR  geen beginsaldo om te controleren'
    """
    w = lang_of(lang)
    period = s.period
    span = f"{w.day(period[0])}..{w.day(period[1])}" if period else "-"
    count = s.transaction_count
    if s.reconciles is not None:
        status = "reconciles" if s.reconciles else "DOES NOT RECONCILE"
    elif s.opening_balance is None and s.closing_balance is None:
        status = "no balances to check"
    else:
        status = f"no {'opening' if s.opening_balance is None else 'closing'} balance to check"
    opening = _money(s.opening_balance and s.opening_balance.amount, w)
    closing = _money(s.closing_balance and s.closing_balance.amount, w)
    return (
        f"{s.account or '-'}  {s.bank or '-'}  {s.format or '-'}  {span}  "
        f"{count} {w.t('transaction' if count == 1 else 'transactions')}  "
        f"{w.t('opening')} {opening}  {w.t('closing')} {closing}  {s.currency or '-'}  {w.t(status)}"
    )


def transaction_json(t: Transaction) -> dict:
    return {
        "booking_date": t.booking_date.isoformat(),
        "value_date": t.value_date.isoformat() if t.value_date else None,
        "amount": json_amount(t.amount),
        "currency": t.currency,
        "counterparty": t.counterparty,
        "counterparty_iban": t.counterparty_iban,
        "description": t.description,
        "reference": t.reference,
        "key": t.key,
    }


def statement_json(s: Statement, transactions: Iterable[Transaction] = ()) -> dict:
    """One statement of the ``--json`` document, amounts as exact strings with (at least) two
    decimals (:func:`xlcapital.cli.present.json_amount`)."""
    return {
        "account": s.account,
        "bank": s.bank,
        "format": s.format,
        "currency": s.currency,
        "source": s.source,
        "opening_balance": None if s.opening_balance is None else json_amount(s.opening_balance.amount),
        "closing_balance": None if s.closing_balance is None else json_amount(s.closing_balance.amount),
        "transactions": [transaction_json(t) for t in transactions],
    }


def to_json(statements: list[Statement], warnings: list[str]) -> dict:
    """The ``--json`` document of statements that hold their transactions."""
    return {"statements": [statement_json(s, s.transactions) for s in statements], "warnings": warnings}


def write_json(statements: list[Statement], transactions_of: Callable[[Statement], Iterable[Transaction]],
               warnings: list[str], out: TextIO) -> None:
    """:func:`to_json`'s document, as ``json.dump(..., indent=2)`` writes it, with each statement's
    transactions (``transactions_of(statement)``) written as they come rather than held."""
    out.write('{\n  "statements": [')
    for n, s in enumerate(statements):
        head = _indented(json.dumps(statement_json(s), indent=2, ensure_ascii=False), 4)
        assert head.endswith('"transactions": []\n    }')
        out.write(("," if n else "") + "\n    " + head[: -len("[]\n    }")] + "[")
        written = 0
        for t in transactions_of(s):
            out.write(("," if written else "") + "\n        ")
            out.write(_indented(json.dumps(transaction_json(t), indent=2, ensure_ascii=False), 8))
            written += 1
        out.write("\n      ]\n    }" if written else "]\n    }")
    out.write("\n  ]" if statements else "]")
    out.write(',\n  "warnings": ' + _indented(json.dumps(warnings, indent=2, ensure_ascii=False), 2) + "\n}\n")


def _indented(text: str, spaces: int) -> str:
    """A JSON text's lines after the first indented by ``spaces`` more (its place in the document)."""
    return text.replace("\n", "\n" + " " * spaces)


def write_csv(transactions: Iterable[tuple[Statement, Transaction]], out: str, *, force: bool = False) -> None:
    """The merged transactions (each with its merged statement) as CSV (UTF-8 with BOM, so Excel
    shows accents); every text field through :func:`~xlcapital.fileio.csv_text`, so a description
    like ``=1+1`` stays text. An existing ``out`` is replaced only with ``force``
    (:func:`~xlcapital.fileio.atomic_output`); an error while ``transactions`` are read leaves no file."""
    with atomic_output(out, force=force) as tmp:
        with open(tmp, "w", encoding="utf-8-sig", newline="") as fh:
            writer = csv.writer(fh)
            writer.writerow(CSV_COLUMNS)
            for s, t in transactions:
                writer.writerow(
                    [
                        csv_text(s.account),
                        csv_text(t.currency or s.currency or ""),
                        t.booking_date.isoformat(),
                        t.value_date.isoformat() if t.value_date else "",
                        json_amount(t.amount),
                        csv_text(t.counterparty),
                        csv_text(t.counterparty_iban),
                        csv_text(t.description),
                        csv_text(t.reference),
                        csv_text(t.code),
                        csv_text(s.bank or ""),
                        csv_text(t.key),
                    ]
                )
