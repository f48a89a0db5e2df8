"""The one model every bank format reads into: :class:`Statement` holding :class:`Transaction`.

Amounts are exact Decimals, signed from the account holder's view (money in > 0, out < 0).
Text fields are plain data: nothing here is ever a formula, whatever character it starts with;
every writer (CSV, workbook, VBA) writes them as text.

The dedupe key
--------------
``key`` identifies a transaction across exports of the same account, so that overlapping
downloads merge without duplicates while two genuinely identical payments (two coffees of
2.50 on one day) both survive. It is built from what every export of the account shows::

    ACCOUNT|YYYY-MM-DD|AMOUNT|TEXT|N

``AMOUNT`` is the amount in cents (``-250``) when it is whole cents, else the plain decimal;
``TEXT`` is the first 32 ASCII letters and digits (upper case; other characters such as é or ß
are left out) of counterparty IBAN, counterparty name and description run together; ``N`` numbers transactions whose other parts are equal, in file order,
over all statements of the account in one file (1, 2, ...; :func:`xlcapital.bank.read` does this). It uses string operations only, so the workbook's VBA import macro builds
the same key (see templates/vba). Bank-assigned ids stay in ``reference``.

>>> from datetime import date
>>> from decimal import Decimal
>>> t = [Transaction(date(2026, 3, 2), Decimal("-2.50"), description="Koffie"),
...      Transaction(date(2026, 3, 2), Decimal("-2.50"), description="Koffie")]
>>> assign_keys(t, account="NL91ABNA0417164300")
>>> [x.key for x in t]
['NL91ABNA0417164300|2026-03-02|-250|KOFFIE|1', 'NL91ABNA0417164300|2026-03-02|-250|KOFFIE|2']
"""

from __future__ import annotations

import hashlib
from array import array
from dataclasses import dataclass, field
from datetime import date
from decimal import Decimal
from typing import Generator, Iterable

KEY_TEXT_LENGTH = 32
#: every ASCII byte that is not A-Z or 0-9 (dropped from the key text)
_NOT_ALNUM_BYTES = bytes(c for c in range(128) if not (0x30 <= c <= 0x39 or 0x41 <= c <= 0x5A))


@dataclass(slots=True)
class Balance:
    """A balance the file states: amount (signed, exact), its date and currency."""

    amount: Decimal
    date: date | None = None
    currency: str | None = None


@dataclass(slots=True)
class Transaction:
    """One booked movement on the account."""

    booking_date: date
    amount: Decimal
    value_date: date | None = None
    currency: str | None = None
    counterparty: str = ""
    counterparty_iban: str = ""
    description: str = ""
    reference: str = ""
    #: the bank's own transaction code (ING "GT", Rabo "bc", MT940 "NTRF", ...), where given
    code: str = ""
    #: running balance after this transaction, where the export has one (ING, Rabobank CSV)
    balance_after: Decimal | None = None
    #: 1-based line (or record) in the source file, for error messages and tracing
    line: int | None = None
    key: str = ""


@dataclass(slots=True)
class Tally:
    """What a statement's streamed transactions add up to (:func:`xlcapital.bank.stream` keeps this
    instead of the transactions): their number, signed total, first and last booking day, and how
    many fall on the last day.

    >>> t = Tally()
    >>> for day, amount in ((3, "1.50"), (1, "-2"), (3, "4")):
    ...     t.add(date(2026, 3, day), Decimal(amount))
    >>> t.count, t.total, t.period, t.on_last_day
    (3, Decimal('3.50'), (datetime.date(2026, 3, 1), datetime.date(2026, 3, 3)), 2)
    """

    count: int = 0
    total: Decimal = Decimal(0)
    first: date | None = None
    last: date | None = None
    on_last_day: int = 0

    def add(self, day: date, amount: Decimal) -> None:
        self.count += 1
        self.total += amount
        if self.first is None or day < self.first:
            self.first = day
        if self.last is None or day > self.last:
            self.last, self.on_last_day = day, 1
        elif day == self.last:
            self.on_last_day += 1

    @property
    def period(self) -> tuple[date, date] | None:
        return None if self.first is None else (self.first, self.last)


@dataclass(slots=True)
class Statement:
    """The transactions of one account over one period, with the balances the file states."""

    account: str
    currency: str | None = None
    transactions: list[Transaction] = field(default_factory=list)
    opening_balance: Balance | None = None
    closing_balance: Balance | None = None
    bank: str | None = None
    format: str | None = None
    source: str | None = None
    #: the statement's own number or id, where the file gives one (MT940 :28C:, CAMT <Id>)
    statement_id: str | None = None
    warnings: list[str] = field(default_factory=list)
    #: the file's transaction records behind ``transactions`` where that is not one each: a CAMT
    #: batch entry kept whole (its details disagree with it, or give no amounts) is one transaction
    #: made of all its ``<TxDtls>`` records. None: one record per transaction. Compared with the
    #: reader's independent count by :func:`xlcapital.bank.read`.
    records: int | None = None
    #: set on the statements of :func:`xlcapital.bank.stream`, which hold no ``transactions``: what
    #: the transactions streamed were (their count, total and days); ``period``, ``total``,
    #: ``transaction_count`` and ``reconciles`` answer from it
    tally: Tally | None = None

    @property
    def transaction_count(self) -> int:
        return self.tally.count if self.tally is not None else len(self.transactions)

    @property
    def period(self) -> tuple[date, date] | None:
        """First and last booking date, or None for a statement without transactions."""
        if self.tally is not None:
            return self.tally.period
        if not self.transactions:
            return None
        dates = [t.booking_date for t in self.transactions]
        return min(dates), max(dates)

    @property
    def total(self) -> Decimal:
        if self.tally is not None:
            return self.tally.total
        return sum((t.amount for t in self.transactions), Decimal(0))

    @property
    def on_last_day(self) -> int:
        """How many transactions are booked on the last day of :attr:`period`."""
        if self.tally is not None:
            return self.tally.on_last_day
        period = self.period
        return sum(1 for t in self.transactions if period and t.booking_date == period[1])

    @property
    def reconciles(self) -> bool | None:
        """opening + sum of transactions == closing; None when a balance is missing."""
        if self.opening_balance is None or self.closing_balance is None:
            return None
        return self.opening_balance.amount + self.total == self.closing_balance.amount


def amount_key(amount: Decimal) -> str:
    """The amount part of a dedupe key: cents when whole cents, else the plain decimal.

    >>> amount_key(Decimal("-2.5")), amount_key(Decimal("1000")), amount_key(Decimal("0.12345"))
    ('-250', '100000', '0.12345')
    """
    scaled = amount * 100
    if scaled == scaled.to_integral_value():
        return str(int(scaled))
    return format(amount.normalize(), "f")


def key_text(*parts: str) -> str:
    """The text part of a dedupe key: ASCII letters and digits of the parts, upper case, first 32.

    >>> key_text("NL02ABNA0123456789", "Café De Kroon", "Rekening 12-3")
    'NL02ABNA0123456789CAFDEKROONREKE'
    >>> key_text("Straße 1")
    'STRAE1'
    """
    # ASCII only, then upper case: a VBA macro does exactly this (AscW < 128, UCase), whereas
    # Python's str.upper would turn "ß" into "SS" where VBA's UCase keeps "ß"
    ascii_upper = "".join(parts).encode("ascii", "ignore").upper()
    return ascii_upper.translate(None, _NOT_ALNUM_BYTES)[:KEY_TEXT_LENGTH].decode("ascii")


def key_base(t: Transaction, account: str) -> str:
    """The dedupe key without its number ``N``."""
    return f"{account}|{t.booking_date.isoformat()}|{amount_key(t.amount)}|{key_text(t.counterparty_iban, t.counterparty, t.description)}"


def assign_keys(transactions: Iterable[Transaction], account: str) -> None:
    """Give every transaction its dedupe key (see the module docstring), in file order."""
    seen: dict[str, int] = {}
    for t in transactions:
        base = key_base(t, account)
        seen[base] = seen.get(base, 0) + 1
        t.key = f"{base}|{seen[base]}"


class KeyNumbers:
    """Dedupe keys numbered as :func:`assign_keys` numbers them, for transactions that come one at
    a time (:func:`xlcapital.bank.stream`) and are not kept.

    The number of a key base is how often it was seen before; a base names its account and day, so
    the counts are kept per account and day, as 64-bit digests of the bases: the days being read
    in a dict, the others (once more than :data:`ACTIVE` bases are held) packed into an array of
    8 bytes a base (a day is unpacked again when a later transaction is booked on it, as a bank
    books a charge back a few days). Two different bases of one day share a digest with a chance
    of about 1 in 10^16; the second would be numbered ``|2``.

    >>> numbers = KeyNumbers()
    >>> t = [Transaction(date(2026, 3, 2), Decimal("-2.50"), description="Koffie") for _ in range(2)]
    >>> [numbers.assign(x, "NL91ABNA0417164300") for x in t]
    ['NL91ABNA0417164300|2026-03-02|-250|KOFFIE|1', 'NL91ABNA0417164300|2026-03-02|-250|KOFFIE|2']
    """

    #: digests held in dicts before the days not being read are packed
    ACTIVE = 50_000

    def __init__(self) -> None:
        self.active: dict[tuple[str, date], dict[int, int]] = {}
        #: (account, day) -> the day's digests, and those seen more than once with their count
        self.packed: dict[tuple[str, date], tuple[array, dict[int, int]]] = {}
        self.held = 0

    def assign(self, t: Transaction, account: str) -> str:
        base = key_base(t, account)
        day = (account, t.booking_date)
        counts = self.active.get(day)
        if counts is None:
            counts = self.active[day] = self._unpack(day)
        digest = int.from_bytes(hashlib.blake2b(base.encode(), digest_size=8).digest(), "big")
        n = counts[digest] = counts.get(digest, 0) + 1
        if n == 1:
            self.held += 1
            if self.held > self.ACTIVE:
                self._pack(but=day)
        t.key = f"{base}|{n}"
        return t.key

    def _unpack(self, day: tuple[str, date]) -> dict[int, int]:
        digests, repeated = self.packed.pop(day, ((), {}))
        counts = dict.fromkeys(digests, 1)
        counts.update(repeated)
        self.held += len(counts)
        return counts

    def _pack(self, but: tuple[str, date]) -> None:
        for day in [d for d in self.active if d != but]:
            counts = self.active.pop(day)
            self.packed[day] = (array("Q", counts), {d: n for d, n in counts.items() if n > 1})
            self.held -= len(counts)


#: what a reader's ``iter_read`` is: it yields each transaction with its statement, in file order,
#: and returns the statements (which it does not fill) when it is done
StatementStream = Generator[tuple[Statement, Transaction], None, list[Statement]]


def collect(stream: StatementStream) -> list[Statement]:
    """The statements of a reader's ``iter_read``, each holding its transactions."""
    while True:
        try:
            statement, transaction = next(stream)
        except StopIteration as done:
            return done.value
        statement.transactions.append(transaction)
