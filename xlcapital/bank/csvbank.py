"""Dutch bank CSV exports (and any CSV with a user's mapping): one generic reader driven by presets.

Every bank's layout is a :class:`~xlcapital.bank.presets.Preset` (plain data); this module has no
per-bank code. Reading a file:

1. **Decode**: a UTF-8 byte-order mark is stripped; the preset's encodings are tried in order
   (UTF-8, then cp1252: never latin-1 alone, since the euro sign is byte 0x80 in cp1252); a byte
   none of them decodes is an error naming its line (:func:`~xlcapital.bank.textio.decode_text`,
   the policy of every reader).
2. **Lines**: CR, LF, CRLF and the CR CR LF of Rabobank's samples all end a line
   (:func:`~xlcapital.bank.textio.iter_lines`). The preset's ``skip_lines`` go, then blank lines
   and comment lines are ignored everywhere.
3. **Recognise**: the first preset whose header signature the header holds (ING, Rabobank, bunq,
   Knab) or, for header-less layouts (ABN AMRO, ASN/SNS/RegioBank, Triodos, old Rabobank), whose
   column count, date and amount notation and IBAN bank code fit the first data row.
4. **Rows**: the csv module splits each line (a space after a delimiter is ignored, so
   ``"a", "b"`` reads as two quoted fields). A record never spans lines: a quoted field left open
   at the end of a line is an error naming that line, not a silent merge of rows. Every row must
   have the header's number of fields (one extra empty field from a trailing delimiter aside).
5. **Statements**: one per account and currency, in the order they first appear (ABN AMRO puts
   several accounts in one file). Rows are put in chronological order (newest-first exports are
   turned round, judged from the running balances, else the dates), and the opening and closing
   balances come from the balance columns as the preset says.

Amounts are exact Decimals, parsed from the text (never through float).

>>> data = b'"Datum","Naam / Omschrijving","Rekening","Tegenrekening","Code","Af Bij","Bedrag (EUR)","MutatieSoort","Mededelingen"\\n'
>>> data += b'"20260302","Bakker","NL91INGB0001234567","","BA","Af","2,50","Betaalautomaat","Valutadatum: 02-03-2026"\\n'
>>> [s] = read(data)
>>> s.account, s.bank, s.transactions[0].amount, s.transactions[0].value_date
('NL91INGB0001234567', 'ing', Decimal('-2.50'), datetime.date(2026, 3, 2))
"""

from __future__ import annotations

import csv
import itertools
import re
import sys
from dataclasses import dataclass
from datetime import date
from decimal import Decimal
from typing import Iterable, Iterator

from xlcapital.bank.detect import BANK_CODES, iban_bank_code
from xlcapital.bank.csvorder import Accounts, MemoryStore
from xlcapital.bank.model import Statement, StatementStream, Transaction, collect
from xlcapital.bank.spill import TransactionSpill
from xlcapital.bank.streamio import ByteSource, text_encoding
from xlcapital.bank.presets import COLUMN_FIELDS, PRESETS, Column, Preset, presets_for_bank
from xlcapital.bank.textio import ENCODINGS, bounded_amount, date_parser, decode_text, exact_amount, iter_lines, shown
from xlcapital.errors import BankFileError, InputError
from xlcapital.money import parse_amount
from xlcapital.bank import messages as say

__all__ = ["FORMAT", "sniff", "count_records", "read", "stream", "stream_count", "iter_read", "detect_preset"]

FORMAT = "csv"

_SPACES = re.compile(r"\s{2,}")
#: lines looked at to recognise a layout
_DETECT_LINES = 40
_DETECT_CHARS = 65536
#: recognising a layout reads the file's first bytes, which may end inside a UTF-8 character:
#: latin-1 (which decodes any byte) is the last resort there, and only there
_DETECT_ENCODINGS = ENCODINGS + ("latin-1",)
#: what to do about a byte that is not text in a preset's encodings
_ENCODING_HINT = "save the export again as UTF-8, or name its encoding in a mapping (encodings = [...])"

# csv refuses fields over 128 KB by default; a bank field is never near that, so keep the limit as
# a guard against a binary file posing as CSV.
csv.field_size_limit(1 << 20)


# ------------------------------------------------------------------------------------------------
# the format-module interface
# ------------------------------------------------------------------------------------------------


def sniff(head: bytes) -> bool:
    """Whether the first bytes look like delimited text (CSV, semicolons or TAB), not binary.

    Called after the MT940, CAMT and OFX sniffers, so anything delimited that is left is offered to
    the presets; a CSV no preset knows then gets a clear "use --mapping" error rather than
    "unknown format".

    >>> sniff(b'"Datum";"Bedrag"\\n'), sniff(b"\\x00\\x01PK"), sniff(b"just words\\n")
    (True, False, False)
    """
    if b"\x00" in head[:4096]:
        return False
    lines = [line for line in _split(decode_text(head, _DETECT_ENCODINGS))[:_DETECT_LINES] if line.strip()]
    return any(d in line for line in lines for d in (",", ";", "\t"))


def count_records(data: bytes, bank: str | Preset | None = None) -> int:
    """The number of data rows: non-blank, non-comment lines after the preamble and the header.

    Counted from the raw lines, without the csv parser, so a row the parser merged or dropped
    shows up as a difference (``xlcapital.bank.read`` compares the two).
    """
    return _count(*_content(data, bank))


def stream_count(file: ByteSource, bank: str | Preset | None = None) -> int:
    """:func:`count_records` of a file read a slice at a time."""
    return _count(*_streamed_content(file, bank))


def _count(preset: Preset, first: tuple[int, str] | None, content: Iterator[tuple[int, str]]) -> int:
    if first is None:
        return 0
    return sum(1 for _ in content) + (0 if _has_header_line(first[1], preset) else 1)


def read(data: bytes, *, source: str = "<bytes>", bank: str | Preset | None = None) -> list[Statement]:
    """The statements of a bank CSV export: one per account and currency, chronological.

    ``bank`` is a preset name (``"ing"``), a bank id (``"rabobank"``: its presets), a
    :class:`Preset` (a user's mapping), or None to recognise the layout. A header-only file gives
    an empty list. Raises :class:`BankFileError` naming the line.
    """
    return collect(iter_read(*_content(data, bank), source=source, store=MemoryStore()))


def stream(file: ByteSource, *, source: str = "<bytes>", bank: str | Preset | None = None) -> StatementStream:
    """:func:`read` of a file read a slice at a time: the rows are read once, their transactions
    kept on disk (:class:`~xlcapital.bank.spill.TransactionSpill`) until the order of each
    account's rows is known, then handed on oldest first."""
    preset, first, content = _streamed_content(file, bank)
    spill = TransactionSpill()
    try:
        return (yield from iter_read(preset, first, content, source=source, store=spill))
    finally:
        spill.close()


def iter_read(preset: Preset, first: tuple[int, str] | None, content: Iterator[tuple[int, str]], *,
              source: str, store) -> StatementStream:
    """Yield ``(statement, transaction)``, account by account, oldest first, once every row is
    read (into ``store``, see :mod:`xlcapital.bank.csvorder`); return the statements."""
    if first is None:
        return []
    header = header_line = None
    if _has_header_line(first[1], preset):
        header, header_line = _parse_line(first[1], preset, first[0]), first[0]
    else:
        content = itertools.chain([first], content)
    # position-based layouts (header optional) only skip their header; named ones resolve against it
    layout = _Layout(preset, header if preset.header == "required" else None, header_line=header_line)
    accounts = Accounts(preset, source, store)
    for lineno, fields, repaired in _records(content, preset):
        row = layout.row(fields, lineno)
        accounts.add(row, lineno, repaired, row.problem)
    yield from accounts.transactions()
    return accounts.statements


# ------------------------------------------------------------------------------------------------
# text and lines
# ------------------------------------------------------------------------------------------------


def _content(data: bytes, bank: str | Preset | None) -> tuple[Preset, tuple[int, str] | None, Iterator[tuple[int, str]]]:
    """The preset of the file, its first content line (None when it has none) and the rest.

    Lines are decoded in the preset's encodings (a byte none decodes: an error naming its line)
    and read one at a time: a 100 MB export never exists as a list of a million lines.
    """
    preset = _choose_preset(data, bank)
    content = _content_lines(iter_lines(decode_text(data, preset.encodings, hint=_ENCODING_HINT)), preset)
    return preset, next(content, None), content


def _streamed_content(file: ByteSource, bank: str | Preset | None) -> tuple[Preset, tuple[int, str] | None, Iterator[tuple[int, str]]]:
    """:func:`_content` of a file read a slice at a time."""
    preset = _choose_preset(file.head(_DETECT_CHARS * 4), bank)
    encoding = text_encoding(file, preset.encodings, hint=_ENCODING_HINT)
    content = _content_lines(file.lines(encoding), preset)
    return preset, next(content, None), content


def _split(text: str) -> list[str]:
    """All lines of a (short) text."""
    return list(iter_lines(text))


def _content_lines(lines: Iterable[str], preset: Preset) -> Iterator[tuple[int, str]]:
    """(1-based line number, text) of the lines after ``skip_lines`` that are not blank or comments."""
    comment, skip = preset.comment_prefix or None, preset.skip_lines
    for number, line in enumerate(lines, 1):
        if number > skip and line and not line.isspace() and not (comment and line.startswith(comment)):
            yield number, line


def _dialect(preset: Preset) -> dict:
    if preset.quotechar:
        return dict(delimiter=preset.delimiter, quotechar=preset.quotechar, skipinitialspace=True, strict=False)
    return dict(delimiter=preset.delimiter, quoting=csv.QUOTE_NONE, skipinitialspace=True, strict=False)


def _parse_line(line: str, preset: Preset, lineno: int) -> list[str]:
    """One line split into fields (used for the header and for recognising a layout)."""
    for number, fields, _ in _records([(lineno, line)], preset):
        return fields
    return []


def _records(content: Iterable[tuple[int, str]], preset: Preset) -> Iterator[tuple[int, list[str], bool]]:
    """(line number, fields, repaired) for each line; a record may not continue onto the next line."""
    quote = preset.quotechar
    repair = preset.all_quoted and bool(quote)
    pending: list[int] = []  # the line numbers of the record the csv reader is on
    repaired: set[int] = set()

    def feed() -> Iterator[str]:
        for number, line in content:
            if repair and not line.startswith(quote) and not line.lstrip().startswith(quote):
                line = quote + line.lstrip()
                repaired.add(number)
            pending.append(number)
            yield line

    reader = csv.reader(feed(), **_dialect(preset))
    try:
        for fields in reader:
            number = pending[0]
            if len(pending) > 1:
                raise BankFileError(
                    say.QUOTE_NOT_CLOSED(quote=quote), line=number, hint=say.QUOTE_MISSING(),
                )
            pending.clear()
            yield number, fields, number in repaired
    except csv.Error as exc:
        raise BankFileError(say.NOT_A_CSV_LINE(why=exc), line=pending[0] if pending else None) from None


def _has_header_line(line: str, preset: Preset) -> bool:
    """Whether the first content line is a header: always, never, or (optional) when it holds
    the header signature or its booking-date cell has no digit in it."""
    if preset.header != "optional":
        return preset.header == "required"
    fields = _parse_line(line, preset, 0)
    if _signature_holds(fields, preset):
        return True
    position = preset.booking_date if isinstance(preset.booking_date, int) else 1
    cell = fields[position - 1] if len(fields) >= position else ""
    return not any(ch.isdigit() for ch in cell)


def _norm(name: str) -> str:
    return " ".join(name.split()).casefold()


def _signature_holds(fields: list[str], preset: Preset) -> bool:
    names = {_norm(f) for f in fields}
    return bool(preset.header_signature) and all(_norm(s) in names for s in preset.header_signature)


# ------------------------------------------------------------------------------------------------
# recognising the layout
# ------------------------------------------------------------------------------------------------


def _choose_preset(data: bytes, bank: str | Preset | None) -> Preset:
    if isinstance(bank, Preset):
        return bank
    try:
        candidates = presets_for_bank(bank)
    except InputError as exc:
        raise BankFileError(exc.message, hint=exc.hint) from None
    return detect_preset(decode_text(data[:_DETECT_CHARS * 4], _DETECT_ENCODINGS), candidates, bank)


def detect_preset(text: str, candidates: list[Preset] | None = None, bank: str | None = None) -> Preset:
    """The preset that fits the first lines of ``text`` best (a header signature beats a data row).

    >>> detect_preset('"Datum","Bedrag","Rekening","Tegenrekening","Naam","Omschrijving"\\n').name
    'bunq'
    """
    lines = _split(text[:_DETECT_CHARS])[: _DETECT_LINES]
    best, best_score = None, 0
    for preset in candidates if candidates is not None else list(PRESETS.values()):
        score = _fit(preset, lines)
        if score > best_score:
            best, best_score = preset, score
    if best is None:
        first = next((line for line in lines if line.strip()), "")
        what = say.NO_PRESET_OF(bank=bank, first=first[:80]) if bank else say.NO_PRESET(first=first[:80])
        raise BankFileError(what, hint=say.DESCRIBE_COLUMNS())
    return best


def _fit(preset: Preset, lines: list[str]) -> int:
    """How well ``preset`` fits: 100 + signature size for a header match, 50 for a data row it reads."""
    content = list(itertools.islice(_content_lines(lines, preset), 2))
    if not content:
        return 0
    try:
        first = _parse_line(content[0][1], preset, content[0][0])
        if _signature_holds(first, preset):
            # one header, several notations (ING's dates YYYYMMDD or DD-MM-YYYY): the layout that
            # also reads the first data row wins; if none does, the first one reports why
            return 100 + len(preset.header_signature) + _reads(preset, first, content[0][0], content[1:2])
        if preset.header == "required":
            return 0
        rows = content[1:2] if _has_header_line(content[0][1], preset) else content[:1]
        for number, line in rows:
            row = _Layout(preset, None).row(_parse_line(line, preset, number), number)
            code = iban_bank_code(row.account)
            if preset.bank_codes and code in BANK_CODES and code not in preset.bank_codes:
                return 0
            return 50
    except BankFileError:
        return 0
    return 0


def _reads(preset: Preset, header: list[str], header_line: int, rows: list[tuple[int, str]]) -> int:
    """1 when ``preset`` reads the data row after ``header`` (or there is none), else 0."""
    try:
        layout = _Layout(preset, header, header_line)
        for number, line in rows:
            layout.row(_parse_line(line, preset, number), number)
    except BankFileError:
        return 0
    return 1


# ------------------------------------------------------------------------------------------------
# rows
# ------------------------------------------------------------------------------------------------


@dataclass(slots=True)
class _Row:
    tx: Transaction
    account: str
    balance_before: Decimal | None
    #: what was wrong with the row's running balance, which is then left out ("" = nothing)
    problem: str = ""


class _Layout:
    """A preset bound to a header: column positions and value parsers, ready for rows."""

    def __init__(self, preset: Preset, header: list[str] | None, header_line: int | None = None):
        self.p = preset
        if header is not None and header and header[-1].strip() == "" and len(header) > 1:
            header = header[:-1]  # a trailing delimiter
        self.width = len(header) if header is not None else preset.column_count
        names = [_norm(h) for h in header] if header is not None else None
        self.index: dict[str, int | None] = {}
        for field in COLUMN_FIELDS:
            if field == "description":
                continue
            self.index[field] = self._resolve(field, getattr(preset, field), names, header_line)
        self.description = [
            i for i in (self._resolve("description", c, names, header_line) for c in preset.description) if i is not None
        ]
        self.date = date_parser(preset.date_format)
        self.marker_date = date_parser(preset.value_date_marker_format, anchored=False) if preset.value_date_marker else None
        self.debit = {v.casefold() for v in preset.debit_values}
        self.credit = {v.casefold() for v in preset.credit_values}
        self.thousands = preset.thousands or None
        ix = self.index
        self.text_columns = [ix[f] for f in ("account", "currency", "counterparty", "counterparty_iban", "reference", "code")]
        self.text_columns += self.description
        #: the mark that is never the decimal mark: an amount without it may be plain notation
        self.grouping = "." if preset.decimal == "," else ","

    def _resolve(self, field: str, column: Column, names: list[str] | None, header_line: int | None) -> int | None:
        if column is None:
            return None
        if isinstance(column, int):
            if column > self.width:
                raise BankFileError(
                    say.BEYOND_COLUMNS(column=column, field=field, width=self.width),
                    line=header_line,
                    field=field,
                )
            return column - 1
        if names is None:  # recognising a header-less layout: named columns cannot apply
            raise BankFileError(say.NEEDS_A_HEADER(column=column), field=field)
        try:
            return names.index(_norm(column))
        except ValueError:
            if field in self.p.optional_columns:
                return None
            raise BankFileError(
                say.HEADER_LACKS(column=column, field=field),
                line=header_line,
                field=field,
                hint=say.NOT_THIS_EXPORT(label=self.p.label),
            ) from None

    # -- values -----------------------------------------------------------------------------------

    def amount(self, cell: str, field: str, line: int) -> Decimal:
        """An exact amount. The plain notation banks write (``-1234,56``, ``+50,00``, ``2500``) is
        read by :func:`~xlcapital.bank.textio.exact_amount`, as in every other reader (and fast);
        anything else (grouping marks, a trailing minus, a euro sign) goes through
        :func:`xlcapital.money.parse_amount`, the one authority on amounts, which also words the
        error for what neither reads."""
        text = cell.strip()
        if self.grouping not in text:
            try:
                return exact_amount(text, signed=True)
            except BankFileError:
                pass
        if len(text) > 64:  # no bank writes such an amount; parse_amount need not see a 1 MB cell
            raise BankFileError(say.NOT_AN_AMOUNT(what=say.AMOUNT_KINDS["amount"](), text=shown(text)), line=line, field=field)
        try:
            value = parse_amount(text, decimal=self.p.decimal, thousands=self.thousands, field=field)
        except InputError as exc:
            raise BankFileError(exc.message, line=line, field=field, hint=exc.hint) from None
        return bounded_amount(value, line=line)

    def running_balance(self, fields: list[str], field: str, line: int) -> tuple[Decimal | None, str]:
        """A running-balance cell, or None and why it is left out."""
        try:
            return self.optional_amount(fields, self.index[field], field, line), ""
        except BankFileError as exc:
            return None, say.CSV_BALANCE_LEFT_OUT(field=field, why=exc.message)

    def optional_amount(self, fields: list[str], i: int | None, field: str, line: int) -> Decimal | None:
        if i is None or not fields[i].strip():
            return None
        return self.amount(fields[i], field, line)

    def a_date(self, cell: str, field: str, line: int) -> date:
        try:
            return self.date(cell.strip())
        except ValueError:
            raise BankFileError(
                say.NOT_A_DATE_IN(form=self.p.date_format, cell=cell.strip()), line=line, field=field
            ) from None

    def row(self, fields: list[str], line: int) -> _Row:
        """One data row as a transaction (with its account and balance before).

        Written for speed (it runs once per row): the text columns are read in one pass."""
        p, ix = self.p, self.index
        if len(fields) != self.width:
            if len(fields) == self.width + 1 and not fields[-1].strip():
                fields = fields[:-1]  # a trailing delimiter
            else:
                raise BankFileError(
                    say.FIELD_COUNT(count=len(fields), width=self.width),
                    line=line,
                    hint=say.DELIMITER_INSIDE(delimiter=p.delimiter),
                )
        booking = self.a_date(fields[ix["booking_date"]], "booking_date", line)
        amount = self._signed_amount(fields, line)
        account, currency, counterparty, iban, reference, code, *parts = [
            "" if i is None else fields[i].strip() for i in self.text_columns
        ]
        if p.collapse_spaces:
            counterparty, parts = _SPACES.sub(" ", counterparty), [_SPACES.sub(" ", t) for t in parts]
        description = p.description_separator.join([t for t in parts if t])
        value_date = None
        i = ix["value_date"]
        if i is not None and fields[i].strip():
            value_date = self.a_date(fields[i], "value_date", line)
        elif self.marker_date is not None:
            value_date = self._marker_value_date(description)
        if " " in account:
            account = account.replace(" ", "")
        if " " in iban:
            iban = iban.replace(" ", "")
        # a running balance is not the transaction: a damaged one is left out (with a warning),
        # the row is read; only the rows at either end give the statement's balances
        after, problem = self.running_balance(fields, "balance_after", line)
        before, problem_before = self.running_balance(fields, "balance_before", line)
        problem = problem or problem_before
        tx = Transaction(
            booking_date=booking,
            amount=amount,
            value_date=value_date,
            # few distinct values, repeated on every row: one string object each saves memory
            currency=sys.intern(currency.upper()) if currency else p.currency_value or None,
            counterparty=counterparty,
            counterparty_iban=iban,
            description=description,
            reference=reference,
            code=sys.intern(code),
            balance_after=after,
            line=line,
        )
        return _Row(tx, account or p.account_value, before, problem)

    def _signed_amount(self, fields: list[str], line: int) -> Decimal:
        p, ix = self.p, self.index
        i = ix["amount"]
        if i is not None:
            cell = fields[i]
            if cell.strip():
                value = self.amount(cell, "amount", line)
            elif p.blank_amount_is_zero:
                value = Decimal(0)
            else:
                raise BankFileError(say.AMOUNT_MISSING(), line=line, field="amount")
        else:
            debit = self.optional_amount(fields, ix["debit_amount"], "debit_amount", line) or Decimal(0)
            credit = self.optional_amount(fields, ix["credit_amount"], "credit_amount", line) or Decimal(0)
            value = abs(credit) - abs(debit)
        i = ix["sign"]
        if i is not None:
            mark = fields[i].strip()
            folded = mark.casefold()
            if folded in self.debit:
                value = -abs(value)
            elif folded in self.credit:
                value = abs(value)
            else:
                raise BankFileError(
                    say.NEITHER_DEBIT_NOR_CREDIT(mark=mark, debit="/".join(p.debit_values),
                                                 credit="/".join(p.credit_values)),
                    line=line,
                    field="sign",
                )
        return -value if p.invert_sign else value

    def _marker_value_date(self, description: str) -> date | None:
        at = description.rfind(self.p.value_date_marker)
        if at < 0:
            return None
        start = at + len(self.p.value_date_marker)
        try:
            return self.marker_date(description[start:].lstrip())
        except ValueError:
            return None  # free text after the marker is not ours to reject
