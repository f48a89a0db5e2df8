"""Small text helpers shared by every bank reader (CSV, MT940, CAMT, OFX).

Bank files come as UTF-8 (with or without BOM) or as Windows-1252 (never Latin-1 alone: the euro
sign is byte 0x80 in cp1252), with CR, LF or CRLF line ends. These helpers decode and split them
the same way in every reader.

>>> decode_text("Café €5".encode("cp1252"))
'Café €5'
>>> list(iter_lines("a\\r\\nb\\rc\\n"))
['a', 'b', 'c']
"""

from __future__ import annotations

import bisect
import codecs
import contextlib
import functools
import gc
import re
from datetime import date
from decimal import Decimal, InvalidOperation
from typing import Callable, Iterable, Iterator

from xlcapital.errors import BankFileError
from xlcapital.bank import messages as say

#: An IBAN as banks write it in statements: country, check digits, 10 to 30 letters/digits.
IBAN_RE = re.compile(r"\b([A-Z]{2}\d{2}[A-Z0-9]{10,30})\b")

#: The encodings a bank file is tried in, in this order (see :func:`decode_text`).
ENCODINGS = ("utf-8", "cp1252")

_BOM = b"\xef\xbb\xbf"

#: where markup that holds no elements starts: a comment, a CDATA section, a processing instruction
_OPAQUE_START = re.compile(rb"<!--|<!\[CDATA\[|<\?")
_OPAQUE_END = {b"<!--": b"-->", b"<![CDATA[": b"]]>", b"<?": b"?>"}


def decode_text(data: bytes, encodings: Iterable[str] = ENCODINGS, *, hint: str | None = None) -> str:
    """Bytes to text: a UTF-8 byte-order mark removed, then the first of ``encodings`` that
    decodes every byte.

    The one decoding policy of every reader. No byte is ever replaced or skipped: a byte that no
    encoding accepts (with the default ``utf-8``, ``cp1252``: not UTF-8, and one of the five bytes
    0x81 0x8D 0x8F 0x90 0x9D that cp1252 leaves undefined) is a :class:`BankFileError` naming the
    line, since it means a damaged file or an encoding the reader was not told of, and a silent
    U+FFFD could sit in a name or a reference the user relies on. The byte named is where the
    encoding that read furthest stopped (most likely the file's own encoding: a cp1252 file with
    an é on line 2 and a stray 0x81 on line 50 is reported at line 50). An encoding Python does not
    know (a file's own declaration, such as an OFX ``CHARSET``) is passed over.
    ``hint`` replaces the default advice in the error.

    >>> decode_text(b"\\xef\\xbb\\xbfok"), decode_text("€".encode("iso-8859-15"), ["utf-8", "iso-8859-15"])
    ('ok', '€')
    >>> decode_text(b"a\\rb \\x81")
    Traceback (most recent call last):
    ...
    xlcapital.errors.BankFileError: line 2: byte 0x81 is not text in utf-8 or cp1252 (the file is damaged, or in another encoding: save it again as UTF-8)
    """
    raw = data[3:] if data.startswith(_BOM) else data
    names = known_encodings(encodings) or list(ENCODINGS)  # no encoding given is known: the defaults decide
    error: UnicodeDecodeError | None = None
    for encoding in names:
        try:
            return raw.decode(encoding)
        except UnicodeDecodeError as exc:
            if error is None or exc.start > error.start:
                error = exc
    raise undecodable(raw[error.start], names, line_of(raw, error.start), hint)


def known_encodings(encodings: Iterable[str]) -> list[str]:
    """The ``encodings`` Python knows, each codec once (by the first name given for it), in order.

    >>> known_encodings(["utf-8", "UTF8", "x-unknown", "cp1252"])
    ['utf-8', 'cp1252']
    """
    names: dict[str, str] = {}
    for encoding in encodings:
        try:
            names.setdefault(codecs.lookup(encoding).name, encoding)
        except LookupError:
            continue
    return list(names.values())


def undecodable(byte: int, encodings: list[str], line: int, hint: str | None = None) -> BankFileError:
    """The error for a byte that none of ``encodings`` decodes, at ``line``."""
    return BankFileError(
        say.NOT_TEXT_IN(byte=byte, encodings=encodings[0] if len(encodings) == 1 else
                        say.EITHER_ENCODING(names=" or ".join(encodings[:-1]), last=encodings[-1])),
        line=line,
        hint=hint or say.DAMAGED_OR_ENCODING(),
    )


class OpaqueRanges:
    """The comments, CDATA sections and processing instructions of an XML or SGML document (CAMT,
    OFX), as byte ranges: a tag written inside one is text, not an element. Most bank files have
    none but the prolog. An unclosed one runs to the end.

    >>> ranges = OpaqueRanges(b"<a><!-- <b> --><b/></a>")
    >>> 8 in ranges, 15 in ranges, ranges.find(b"<a><!-- <b> --><b/></a>", b"<b", 0)
    (True, False, 15)
    """

    def __init__(self, data: bytes) -> None:
        self.starts: list[int] = []
        self.ends: list[int] = []
        at = 0
        while (m := _OPAQUE_START.search(data, at)) is not None:
            stop = data.find(_OPAQUE_END[m.group()], m.end())
            end = len(data) if stop < 0 else stop + len(_OPAQUE_END[m.group()])
            self.starts.append(m.start())
            self.ends.append(end)
            at = end

    def __contains__(self, offset: int) -> bool:
        i = bisect.bisect_right(self.starts, offset) - 1
        return i >= 0 and offset < self.ends[i]

    def find(self, data: bytes, needle: bytes, start: int) -> int:
        """``data.find(needle, start)``, passing over the opaque ranges."""
        at = data.find(needle, start)
        while at >= 0 and at in self:
            at = data.find(needle, self.ends[bisect.bisect_right(self.starts, at) - 1])
        return at


def line_of(data: bytes | str, offset: int) -> int:
    """The 1-based line of ``offset``, counting line ends as :func:`iter_lines` does (CR LF, LF, CR).

    >>> line_of(b"a\\r\\nb\\rc\\nd", 8)
    4
    """
    return _line_ends(data, 0, offset) + 1


def _line_ends(data: bytes | str, start: int, end: int) -> int:
    """The number of line ends (CR LF, LF or CR: one each) in ``data[start:end]``."""
    cr, lf = ("\r", "\n") if isinstance(data, str) else (b"\r", b"\n")
    ends = data.count(lf, start, end)
    crs = data.count(cr, start, end)
    if crs:  # most files have none: no CR LF to look for
        ends += crs - data.count(cr + lf, start, end)
    return ends


class LineCounter:
    """Line numbers of offsets into one text (or bytes) visited in increasing order, counted on
    from the previous offset, so numbering every record of a 50 MB file costs one pass; line ends
    as :func:`iter_lines` counts them (and as expat does in XML).

    >>> lines = LineCounter(b"<a>\\r\\n<b>\\r<c>")
    >>> lines.at(5), lines.at(9)
    (2, 3)
    """

    def __init__(self, data: bytes | str) -> None:
        self.data, self.offset, self.line = data, 0, 1
        # called once per record: a file without CR (the usual case) needs one count per call
        text = isinstance(data, str)
        self.lf = "\n" if text else b"\n"
        self.has_cr = ("\r" if text else b"\r") in data

    def at(self, offset: int) -> int:
        if offset < self.offset:  # not expected; count again from the start
            self.offset, self.line = 0, 1
        if self.has_cr:
            self.line += _line_ends(self.data, self.offset, offset)
        else:
            self.line += self.data.count(self.lf, self.offset, offset)
        self.offset = offset
        return self.line


def iter_lines(text: str) -> Iterator[str]:
    """The lines of ``text`` for CR LF, LF and CR line ends, one at a time (no list of all lines).

    Each of CR LF, LF and CR ends one line, as in editors and Python's universal newlines
    (Rabobank's CR CR LF is two line ends, the second line blank), so line numbers in messages are
    the ones an editor shows. A 100 MB file thus never exists as millions of line objects at once.
    """
    if "\r" in text:
        text = text.replace("\r\n", "\n").replace("\r", "\n")
    find, start, end = text.find, 0, len(text)
    while start < end:
        stop = find("\n", start)
        if stop < 0:
            yield text[start:]
            return
        yield text[start:stop]
        start = stop + 1


def one_line(text: str) -> str:
    """Text with its line breaks and runs of whitespace as single spaces, stripped.

    The test first is cheaper than splitting: most texts need nothing done.

    >>> one_line("Acquisto MIGROS\\n31.03.2017  13:30 ")
    'Acquisto MIGROS 31.03.2017 13:30'
    """
    if "  " in text or "\n" in text or "\t" in text or "\r" in text:
        return " ".join(text.split())
    return text.strip()


def make_date(year: int, month: int, day: int, *, what: str = "date", line: int | None = None) -> date:
    """A :class:`date`, or :class:`BankFileError` naming ``what`` and the line for an impossible one."""
    try:
        return date(year, month, day)
    except ValueError:
        kind = say.DATE_KINDS[what]() if what in say.DATE_KINDS else what
        raise BankFileError(say.IMPOSSIBLE_DATE(what=kind, year=year, month=month, day=day), line=line) from None


#: the most significant digits an amount may have: ISO 20022 allows 18 (5 of them decimals), SWIFT
#: MT940 15 characters with the decimal comma. More is a damaged file, and beyond 28 digits
#: Decimal arithmetic would round a sum: refused, so no total is ever inexact.
MAX_AMOUNT_DIGITS = 18


def shown(text: str, limit: int = 40) -> str:
    """``repr`` of a value for a message, cut to ``limit`` characters: a damaged file's 1 MB
    "amount" must not become a 1 MB error line.

    >>> shown("12,50"), shown("9" * 50)
    ("'12,50'", "'9999999999999999999999999999999999999999'... (50 characters)")
    """
    if len(text) <= limit:
        return repr(text)
    return f"{text[:limit]!r}... ({len(text)} characters)"


def bounded_amount(value: Decimal, *, what: str = "amount", line: int | None = None) -> Decimal:
    """``value`` when it has at most :data:`MAX_AMOUNT_DIGITS` significant digits, else a
    :class:`BankFileError` naming ``what`` and the line (leading zeros do not count: MT940 pads).

    >>> bounded_amount(Decimal("000000000300.00")), bounded_amount(Decimal("123456789012.12345"))
    (Decimal('300.00'), Decimal('123456789012.12345'))
    >>> bounded_amount(Decimal("1" * 29))
    Traceback (most recent call last):
    ...
    xlcapital.errors.BankFileError: an amount of 29 digits is more than a bank file holds (at most 18)
    """
    digits = len(value.as_tuple().digits)
    if digits > MAX_AMOUNT_DIGITS or not value.is_finite():
        raise BankFileError(say.AMOUNT_TOO_MANY_DIGITS(what=_amount_kind(what), digits=digits, limit=MAX_AMOUNT_DIGITS),
                            line=line)
    return value


def exact_amount(text: str, *, signed: bool = False, what: str = "amount", line: int | None = None) -> Decimal:
    """An amount in the plain notation of bank files, exactly: ASCII digits with at most one
    decimal point or comma (``1234,5``, ``300.00``, ``75,``), and with ``signed`` an optional
    leading ``+`` or ``-``. Anything else (grouping marks, spaces, a currency sign) is a
    :class:`BankFileError` naming ``what`` and the line; notations with those are for
    :func:`xlcapital.money.parse_amount`.

    >>> exact_amount("1234,5"), exact_amount("000000000300.00"), exact_amount("75,")
    (Decimal('1234.5'), Decimal('300.00'), Decimal('75'))
    >>> exact_amount("-6.60", signed=True), exact_amount("+50,00", signed=True)
    (Decimal('-6.60'), Decimal('50.00'))
    """
    s = text
    if signed and s[:1] in ("+", "-"):
        s = s[1:]
    s = s.replace(",", ".")
    if not s.isascii() or s.count(".") > 1 or not s.replace(".", "").isdigit():
        raise BankFileError(say.NOT_AN_AMOUNT(what=_amount_kind(what), text=shown(text)), line=line,
                            hint=say.EXPECTED_DIGITS())
    if s.endswith("."):  # "75,": Decimal would take "75." too, but the lengths below count without it
        s = s[:-1]
    if len(s) > 64 and len(s.lstrip("0").replace(".", "")) > MAX_AMOUNT_DIGITS:  # before Decimal's work
        raise BankFileError(say.AMOUNT_TOO_LONG(what=_amount_kind(what), length=len(s)), line=line)
    try:
        value = Decimal(s)
        if len(s) > MAX_AMOUNT_DIGITS:  # 18 characters cannot hold more than 18 digits: skip the count
            bounded_amount(value, what=what, line=line)
    except InvalidOperation:  # pragma: no cover - the checks above admit only valid literals
        raise BankFileError(say.NOT_AN_AMOUNT(what=_amount_kind(what), text=shown(text)), line=line) from None  # pragma: no mutate (unreachable)
    return -value if text[:1] == "-" and signed else value


def _amount_kind(what: str) -> str:
    """``what`` with its English article ("an amount"), said in Dutch where it is declared."""
    return say.AMOUNT_KINDS[what]() if what in say.AMOUNT_KINDS else f"{'an' if what[:1] in 'aeiou' else 'a'} {what}"


def date_parser(fmt: str, anchored: bool = True) -> Callable[[str], date]:
    """A parser for dates written as ``fmt`` (YYYY YY MM M DD D and literal separators), cached.

    >>> date_parser("DD-MM-YYYY")("07-03-2026"), date_parser("YYYYMMDD")("20260307")
    (datetime.date(2026, 3, 7), datetime.date(2026, 3, 7))
    >>> date_parser("D/M/YY")("7/3/26")
    datetime.date(2026, 3, 7)
    """
    parts = []
    for token in re.findall(r"YYYY|YY|MM|DD|M|D|.", fmt, flags=re.S):
        parts.append(
            {
                "YYYY": r"(?P<y>\d{4})",
                "YY": r"(?P<yy>\d{2})",
                "MM": r"(?P<m>\d{2})",
                "M": r"(?P<m>\d{1,2})",
                "DD": r"(?P<d>\d{2})",
                "D": r"(?P<d>\d{1,2})",
            }.get(token, re.escape(token))
        )
    pattern = re.compile("".join(parts))
    match = pattern.fullmatch if anchored else pattern.match

    def parse(text: str) -> date:
        m = match(text)
        if m is None:
            raise ValueError(f"{text!r} is not a date in the form {fmt}")
        g = m.groupdict()
        year = int(g["y"]) if g.get("y") else 2000 + int(g["yy"])
        return date(year, int(g["m"]), int(g["d"]))  # ValueError for 31-02

    # a file repeats a handful of dates; bounded, so a hostile file cannot grow it without end
    return functools.lru_cache(maxsize=100_000)(parse)


@contextlib.contextmanager
def gc_paused() -> Iterator[None]:
    """Pause the cyclic garbage collector while a reader builds many objects.

    Reading allocates millions of short-lived objects (XML elements, match objects) next to the
    transactions already read; each allocation burst triggers a full collection that walks every
    live transaction, which made reading quadratic in practice (12 s instead of 2 s for 100,000
    CAMT entries). The readers build no reference cycles, so nothing is lost by pausing it.
    :func:`xlcapital.bank.read_bytes` pauses it around every format's ``read``, in one place.
    """
    was_enabled = gc.isenabled()
    gc.disable()
    try:
        yield
    finally:
        if was_enabled:
            gc.enable()
