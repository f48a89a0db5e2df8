"""Bank exports (Dutch CSV, MT940, CAMT.05x, OFX) into one model: :func:`read` and :func:`merge`.

One module per format, python-stdnum style, each with the same few names:

``FORMAT``
    the format's name ("csv", "mt940", "camt", "ofx").
``sniff(head: bytes) -> bool``
    whether the first bytes of a file look like this format (cheap, no full parse).
``count_records(data: bytes) -> int``
    an independent count of the file's transaction records (``:61:`` tags, ``<Ntry>``/``<TxDtls>``,
    ``<STMTTRN>``, data rows), done without the parser, so a parser that silently drops
    transactions is caught. A module whose count depends on the bank layout (CSV) may take a
    ``bank`` keyword as well; it is passed only to a function that names it.
``read(data: bytes, *, source: str, bank: str | None) -> list[Statement]``
    the statements, with ``BankFileError`` (file and line) for anything it cannot read. The CSV
    module also takes a :class:`~xlcapital.bank.presets.Preset` as ``bank`` (a user's mapping).

:func:`read` picks the module (sniffing, or ``format=``), checks the count, assigns dedupe keys,
fills in the bank from the IBAN and adds a warning to every statement whose balances do not
reconcile (a warning, not an error: many real files do not). Dedupe keys are numbered per account
over the whole file, so two equal payments in two statements of one file (two MT940 days) stay two.
"""

from __future__ import annotations

import contextlib
import importlib
import inspect
import io
import os
import zipfile
import zlib
from pathlib import Path
from types import ModuleType
from typing import Iterator

from xlcapital.bank.detect import bank_from_account, check_digits_wrong
from xlcapital.bank.model import Balance, Statement, Transaction, assign_keys
# imported here, before ``merge`` below is defined: importing the submodule xlcapital.bank.merge
# binds the package attribute ``merge`` to the module, and the function must win
from xlcapital.bank.merge import merge_statements
from xlcapital.bank.mapping import load_mapping
from xlcapital.bank.presets import Preset
from xlcapital.bank.streamio import open_regular
from xlcapital.bank.textio import gc_paused, line_of, shown
from xlcapital.errors import BankFileError
from xlcapital.bank import messages as say
from xlcapital.messages import CANNOT_READ, os_reason

__all__ = ["read", "read_bytes", "stream", "BankStream", "merge", "Statement", "Transaction", "Balance", "FORMATS", "format_module"]

#: format name -> module (in sniffing order: the most specific first)
FORMATS = {"camt": "camt", "ofx": "ofx", "mt940": "mt940", "csv": "csvbank"}

#: refuse absurd inputs early rather than exhaust memory (a real export is a few MB): the most bytes
#: read from one file, and the most bytes all members of one zip may unpack to together
MAX_FILE_BYTES = 512 * 1024 * 1024
#: what is read at a time where a size is not known beforehand: a zip member (its header may lie
#: about its size: the true one is held against the cap as it unpacks), a file that grows
_SLICE = 1 << 20


def format_module(name: str) -> ModuleType:
    """The reader module of a format name ("csv", "mt940", "camt", "ofx")."""
    try:
        return importlib.import_module(f"{__name__}.{FORMATS[name]}")
    except KeyError:
        raise BankFileError(say.UNKNOWN_FORMAT(name=name), hint=say.USE_ONE_OF(names=", ".join(FORMATS))) from None


def detect_format(data: bytes, source: str = "<bytes>") -> str:
    """The name of the first format whose ``sniff`` accepts the file's first bytes."""
    head = data[:8192]
    for name in FORMATS:
        module = format_module(name)
        if module.sniff(head):
            return name
    if not data.strip():
        raise BankFileError(say.EMPTY_FILE(), file=source)
    raise BankFileError(say.UNKNOWN_EXPORT(), file=source, hint=say.GIVE_FORMAT())


def read(
    path: str | os.PathLike,
    format: str | None = None,
    bank: str | None = None,
    mapping: str | os.PathLike | Preset | None = None,
) -> list[Statement]:
    """Read a bank export (or a zip of exports) into statements.

    ``format`` ("csv", "mt940", "camt", "ofx") and ``bank`` ("ing", "rabobank", ...) are
    detected when not given. ``mapping`` (a TOML file, see docs/bank.md, or a
    :class:`~xlcapital.bank.presets.Preset`) reads a CSV that no bank preset knows.
    Raises :class:`BankFileError` naming the file and line.
    """
    p = Path(path)
    return read_bytes(read_file_bytes(p), source=str(p), format=format, bank=bank, mapping=mapping)


def read_file_bytes(path: Path, limit: int = MAX_FILE_BYTES) -> bytes:
    """The bytes of a regular file of at most ``limit`` bytes, else :class:`BankFileError`.

    Only a regular file is opened (:func:`~xlcapital.bank.streamio.open_regular`), and at most
    ``limit + 1`` bytes are read whatever size the file claims.
    """
    f = open_regular(path)
    try:
        with f:
            size = os.fstat(f.fileno()).st_size
            # the stated size plus one byte in one read (read(limit) would reserve the whole cap
            # up front); a file that grows meanwhile is read on in slices, up to the cap
            data = f.read(min(size, limit) + 1)
            if len(data) > size:  # it grew while being read (or says 0, as /proc files do)
                grown = bytearray(data)
                while len(grown) <= limit and (more := f.read(min(_SLICE, limit + 1 - len(grown)))):
                    grown += more
                data = bytes(grown)
    except OSError as exc:
        raise BankFileError(CANNOT_READ(why=os_reason(exc)), file=str(path)) from None
    if len(data) > limit:
        raise BankFileError(say.FILE_TOO_LARGE(mb=limit // 2**20), file=str(path))
    return data


def read_bytes(
    data: bytes,
    source: str = "<bytes>",
    format: str | None = None,
    bank: str | Preset | None = None,
    mapping: str | os.PathLike | Preset | None = None,
) -> list[Statement]:
    """:func:`read` for bytes already in memory; ``source`` names them in messages."""
    format, bank = _with_mapping(format, bank, mapping, source)
    if data[:4] == b"PK\x03\x04":
        return _read_zip(data, source, format, bank)
    data = _as_text_bytes(data, source)
    name = format or detect_format(data, source)
    module = format_module(name)
    # reading builds a transaction and its parts per record and no reference cycles: the cyclic
    # collector, triggered by those allocations again and again, would walk every transaction
    # already read (measured: CSV 20% faster paused; the count and the keys below gain nothing)
    with _net(name, source), gc_paused():
        statements = module.read(data, source=source, bank=bank)
    with _net(name, source):
        expected = _count_records(module.count_records, data, bank)
    _check_count(statements, expected, source)
    for statement in statements:
        _finish(statement, name, source)
    _assign_keys(statements)
    return statements


def _with_mapping(format: str | None, bank, mapping, source: str) -> tuple[str | None, object]:
    """``format`` and ``bank`` as given, or for a column ``mapping`` "csv" and its preset."""
    if mapping is None:
        return format, bank
    if format not in (None, "csv"):
        raise BankFileError(say.MAPPING_ONLY_CSV(format=format), file=source)
    return "csv", mapping if isinstance(mapping, Preset) else load_mapping(mapping)


def _as_text_bytes(data: bytes, source: str) -> bytes:
    """UTF-16 with a byte-order mark re-encoded as UTF-8 for the text formats (CAMT is XML: expat
    reads UTF-16 itself); UTF-16 without one, and any other NUL byte, a clear error naming the
    encoding or the line: no bank export holds a NUL, and every reader would only say that it is
    not a format it knows."""
    if data[:2] in (b"\xff\xfe", b"\xfe\xff"):
        if format_module("camt").sniff(data[:8192]):
            return data
        try:
            return data.decode("utf-16").encode("utf-8")
        except UnicodeDecodeError as exc:
            raise BankFileError(say.NOT_UTF16(reason=exc.reason, byte=exc.start), file=source) from None
    nul = data.find(b"\x00")
    if nul < 0:
        return data
    head = data[:4096]
    if head.count(b"\x00") * 3 >= len(head):  # every other byte NUL: UTF-16 text
        order = "little" if head[1:2] == b"\x00" else "big"
        raise BankFileError(say.UTF16_WITHOUT_BOM(order=order), file=source, hint=say.SAVE_AS_UTF8())
    raise BankFileError(say.NUL_BYTE(), file=source, line=line_of(data, nul), hint=say.EXPORT_AGAIN())


#: what a reader's own bug on a damaged file looks like (ValueError includes UnicodeError; LookupError
#: KeyError, IndexError and an unknown codec; ArithmeticError decimal's InvalidOperation and
#: OverflowError; RecursionError a deeply nested document)
_READER_FAULTS = (ValueError, LookupError, TypeError, AttributeError, ArithmeticError, RecursionError)


@contextlib.contextmanager
def _net(name: str, source: str) -> Iterator[None]:
    """Errors of a reader or a count: BankFileError gets the file name; anything in
    :data:`_READER_FAULTS` becomes a BankFileError. A reader must raise BankFileError itself; this
    is the net under it, so that a corrupt file never shows a traceback."""
    try:
        yield
    except (BankFileError, *_READER_FAULTS) as exc:
        raise _caught(exc, name, source) from (None if isinstance(exc, BankFileError) else exc)


def _caught(exc: BaseException, name: str, source: str) -> BankFileError:
    """What :func:`_net` raises for ``exc``."""
    if isinstance(exc, BankFileError):
        return exc.with_location(file=source)
    if isinstance(exc, ArithmeticError):  # decimal's Overflow and the like: its own text says nothing
        return BankFileError(say.OUT_OF_RANGE(name=name, kind=exc.__class__.__name__), file=source)
    return BankFileError(say.CANNOT_READ_FORMAT(name=name, kind=exc.__class__.__name__, why=shown(str(exc), 200)),
                         file=source)


def _count_records(count, data, bank) -> int:
    """A module's independent record count (``count_records`` of bytes, or ``stream_count`` of a
    file read in slices); ``bank`` goes along where the count takes it."""
    if bank is not None and "bank" in inspect.signature(count).parameters:
        return count(data, bank=bank)
    return count(data)


def _check_count(statements: list[Statement], expected: int, source: str) -> None:
    """The transactions read (or the records behind them) against the independent count."""
    found = sum(s.transaction_count if s.records is None else s.records for s in statements)
    if found != expected:
        raise BankFileError(
            say.RECORDS_LOST(found=found, expected=expected), file=source, hint=say.PLEASE_REPORT(),
        )


def _assign_keys(statements: list[Statement]) -> None:
    """Dedupe keys numbered per account over all statements of one file, in file order."""
    by_account: dict[str, list[Transaction]] = {}
    for statement in statements:
        by_account.setdefault(statement.account, []).extend(statement.transactions)
    for account, transactions in by_account.items():
        assign_keys(transactions, account)


def _read_zip(data: bytes, source: str, format: str | None, bank) -> list[Statement]:
    """The statements of every file in a zip, in name order (members read first, then parsed, so a
    member's own BankFileError is not taken for a damaged zip; see :func:`_zip_members`)."""
    _, members = _zip_members(io.BytesIO(data), source, keep=True)
    statements: list[Statement] = []
    for name, _, content in members:
        statements += read_bytes(content, name, format, bank)
    return statements


def _zip_members(file, source: str, keep: bool) -> tuple[zipfile.ZipFile, list[tuple[str, zipfile.ZipInfo, object]]]:
    """The zip and its files in name order: ``(name in messages, member, bytes)`` (``keep``) or
    ``(..., size)``, each unpacked once to check it, before any is parsed.

    Bounded: the sizes the members declare must add up to at most :data:`MAX_FILE_BYTES` before
    any is unpacked, and each is unpacked in slices against what is left of that cap (a header may
    lie). A zip inside the zip is refused: no bank nests them, and a zip of zips can be a bomb.
    """
    members: list[tuple[str, zipfile.ZipInfo, object]] = []
    try:
        archive = zipfile.ZipFile(file)
        infos = sorted((m for m in archive.infolist() if not m.is_dir()), key=lambda m: m.filename)
        declared = sum(m.file_size for m in infos)
        if declared > MAX_FILE_BYTES:
            raise BankFileError(say.ZIP_TOO_LARGE(megabytes=declared // 2**20, limit=MAX_FILE_BYTES // 2**20), file=source)
        budget = MAX_FILE_BYTES
        for member in infos:
            name = f"{source}::{shown(member.filename, 100)[1:-1]}"
            content = _unpack(archive, member, budget, name) if keep else None
            size, head = (len(content), content[:4]) if content is not None else _measure(archive, member, budget, name)
            budget -= size
            if head == b"PK\x03\x04":
                raise BankFileError(say.ZIP_IN_ZIP(), file=name, hint=say.UNZIP_OUTER())
            members.append((name, member, size if content is None else content))
    except BankFileError:
        raise
    # zipfile reports damage in many ways: BadZipFile, zlib.error, EOFError, ValueError (negative
    # seek), OSError, RuntimeError (encrypted member), NotImplementedError (compression method)
    except (zipfile.BadZipFile, zipfile.LargeZipFile, zlib.error, EOFError, NotImplementedError, ValueError, OSError, RuntimeError) as exc:
        raise BankFileError(say.NOT_A_ZIP(why=shown(str(exc), 200)), file=source) from None
    return archive, members


def _unpack(archive: zipfile.ZipFile, member: zipfile.ZipInfo, budget: int, name: str) -> bytes:
    """A member's bytes, unpacked a slice at a time and refused once they pass ``budget``."""
    return b"".join(_unpacked(archive, member, budget, name))


def _measure(archive: zipfile.ZipFile, member: zipfile.ZipInfo, budget: int, name: str) -> tuple[int, bytes]:
    """The size and first 4 bytes of a member, unpacked as :func:`_unpack` does but kept nowhere."""
    size, head = 0, b""
    for chunk in _unpacked(archive, member, budget, name):
        size += len(chunk)
        head = head if len(head) >= 4 else (head + chunk)[:4]
    return size, head


def _unpacked(archive: zipfile.ZipFile, member: zipfile.ZipInfo, budget: int, name: str) -> Iterator[bytes]:
    size = 0
    with archive.open(member) as f:
        while chunk := f.read(_SLICE):
            size += len(chunk)
            if size > budget:
                raise BankFileError(say.ZIP_MEMBERS_TOO_LARGE(limit=MAX_FILE_BYTES // 2**20), file=name)
            yield chunk


def _finish(statement: Statement, format_name: str, source: str) -> None:
    """Format, source and bank filled in; warnings for an IBAN with wrong check digits and for
    balances that do not reconcile."""
    statement.format = statement.format or format_name
    statement.source = statement.source or source
    if statement.bank is None:
        statement.bank = bank_from_account(statement.account)
    if check_digits_wrong(statement.account):
        statement.warnings.append(say.IBAN_CHECK_DIGITS(source=source, account=statement.account))
    if statement.reconciles is False:
        o, c, total = statement.opening_balance.amount, statement.closing_balance.amount, statement.total
        text = say.NOT_RECONCILED if statement.transaction_count else say.NOT_RECONCILED_EMPTY
        statement.warnings.append(text(source=source, account=statement.account, when=_when(statement), opening=o,
                                       total=total, reached=o + total, closing=c, difference=c - o - total))


def _when(statement: Statement) -> str:
    """Which of a file's statements: its period (first..last booking date, as ``xlcapital bank``
    lists it), or for one without transactions the date of its closing balance."""
    if statement.period:
        return say.PERIOD(first=statement.period[0], last=statement.period[1])
    day = statement.closing_balance.date if statement.closing_balance else None
    return say.NO_TRANSACTIONS_ON(day=day) if day else say.NO_TRANSACTIONS()


def merge(statements: list[Statement]) -> list[Statement]:
    """Merge statements of the same account into one per account, without duplicates.

    Implemented in :mod:`xlcapital.bank.merge` (see there for the rule).
    """
    return merge_statements(statements)


# at the end: xlcapital.bank.streaming builds on the functions above (stream is read, a transaction
# at a time)
from xlcapital.bank.streaming import BankStream, stream  # noqa: E402
