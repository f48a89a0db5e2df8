"""OFX and QFX: 1.x (SGML, leaf elements without end tags) and 2.x (XML), bank and credit-card statements.

One tokenizer reads both dialects: every ``<TAG>text`` is a token, an end tag ``</TAG>`` closes an
aggregate, and a leaf's value is the text after its start tag (SGML ``<TRNAMT>-6.60`` and XML
``<TRNAMT>-6.60</TRNAMT>`` read alike). Nothing is ever expanded beyond the predefined character
entities, so there is no XML parser and no entity to abuse. Per statement (``STMTRS``, credit card
``CCSTMTRS``; several per file)::

    CURDEF                         currency (required)
    BANKACCTFROM/ACCTID            account (credit card: CCACCTFROM/ACCTID)
    LEDGERBAL/BALAMT, DTASOF       closing balance (an empty BALAMT is an error)
    BANKTRANLIST/STMTTRN           one transaction each (several BANKTRANLISTs are allowed)
      DTPOSTED, DTAVAIL            booking date, value date (funds available): YYYYMMDD[hhmmss[.xxx]][[tz]]
      TRNAMT                       signed amount, decimal point or comma ("200,29")
      NAME or PAYEE/NAME, MEMO     counterparty, description
      BANKACCTTO/ACCTID            counterparty account
      FITID, TRNTYPE               reference (the bank's id), code

OFX states only the closing (ledger) balance, so ``opening_balance`` stays None: deriving it as
ledger - sum of transactions would make every statement "reconcile" by construction and hide
nothing the file says. The header's CHARSET (1252) or ENCODING (UTF-8) picks the decoding.
"""

from __future__ import annotations

import bisect
import html
import re
from datetime import date
from decimal import Decimal

from xlcapital.bank.model import Balance, Statement, Transaction
from xlcapital.bank.streamio import ByteSource, fed_windows, text_encoding
from xlcapital.bank.textio import ENCODINGS, LineCounter, OpaqueRanges, decode_text, exact_amount, make_date, one_line
from xlcapital.errors import BankFileError
from xlcapital.bank import messages as say

__all__ = ["FORMAT", "sniff", "count_records", "read", "stream", "stream_count"]

FORMAT = "ofx"

_SNIFF = re.compile(rb"(?i)OFXHEADER|<OFX>")
#: a tag (start or end, with or without a namespace prefix and attributes) and the text after it
_TOKEN = re.compile(r"<(/?)([A-Za-z_][\w.\-]*)(?::([A-Za-z_][\w.\-]*))?(?:\s[^>]*)?/?>([^<]*)")
#: what holds no tags: comments and processing instructions (dropped), CDATA sections (text)
_OPAQUE = re.compile(r"<!--.*?(?:-->|\Z)|<\?.*?(?:\?>|\Z)|<!\[CDATA\[(.*?)(?:\]\]>|\Z)", re.S)
_NOT_LINE_ENDS = re.compile(r"[^\r\n]+")
#: the start of a tag (not of a comment, CDATA section or processing instruction)
_TAG_START = re.compile(r"</?[A-Za-z_]")
#: the opening and closing of each kind of opaque range
_CLOSERS = (("<!--", "-->"), ("<![CDATA[", "]]>"), ("<?", "?>"))
_TAG_END = (b">", b"/", b" ", b"\t", b"\r", b"\n")
_PREFIX = re.compile(rb"[A-Za-z_][\w.\-]*")
_HEADER_FIELD = re.compile(r"^\s*([A-Z]+)\s*:\s*(\S*)", re.M)
_XML_ENCODING = re.compile(r"""<\?xml[^>]*?encoding\s*=\s*["']([A-Za-z0-9._\-]+)["']""")

#: aggregates whose leaves the reader keeps, and the prefix their leaves get
_CONTAINERS = {
    "STMTRS": "",
    "CCSTMTRS": "",
    "BANKACCTFROM": "ACCT.",
    "CCACCTFROM": "ACCT.",
    "LEDGERBAL": "LEDGER.",
    "AVAILBAL": "AVAIL.",
    "BANKTRANLIST": "LIST.",
    "STMTTRN": "",
    "PAYEE": "PAYEE.",
    "BANKACCTTO": "ACCTTO.",
    "CCACCTTO": "ACCTTO.",
    "CURRENCY": "CUR.",
    "ORIGCURRENCY": "CUR.",
}
_STATEMENTS = ("STMTRS", "CCSTMTRS")


def sniff(head: bytes) -> bool:
    """Whether the first bytes look like OFX (an ``OFXHEADER`` or an ``<OFX>`` element).

    >>> sniff(b"OFXHEADER:100\\nDATA:OFXSGML\\n"), sniff(b'<?xml version="1.0"?><?OFX OFXHEADER="200"?><OFX>')
    (True, True)
    """
    return bool(_SNIFF.search(head))


def count_records(data: bytes) -> int:
    """The number of ``<STMTTRN>`` start tags, by a scan of its own: the bytes in upper case, every
    ``STMTTRN`` preceded by ``<`` (or ``<prefix:``) and followed by ``>``, ``/`` or a space (so
    attributes count; ``</STMTTRN>`` and ``<STMTTRNRS>`` do not), and none inside a comment, CDATA
    section or processing instruction. The reader tokenizes decoded text with a regular
    expression instead, so a blind spot of one is not the other's.

    >>> count_records(b"<STMTTRN><TRNAMT>1</STMTTRN><ofx:stmttrn id='2'><TRNAMT>2<!-- <STMTTRN> --><STMTTRNRS>")
    2
    """
    upper = data.upper()
    opaque = OpaqueRanges(upper)
    count = 0
    at = upper.find(b"STMTTRN")
    while at >= 0:
        if upper[at + 7 : at + 8] in _TAG_END:
            before, start = upper[at - 1 : at] if at else b"", -1
            if before == b"<":
                start = at - 1
            elif before == b":":
                lt = upper.rfind(b"<", max(0, at - 256), at)
                if lt >= 0 and _PREFIX.fullmatch(upper, lt + 1, at - 1):
                    start = lt
            count += start >= 0 and start not in opaque
        at = upper.find(b"STMTTRN", at + 7)
    return count


def stream_count(file: ByteSource) -> int:
    """:func:`count_records` of a file read a slice at a time, in windows that end at a ``<``
    outside comments, CDATA sections and processing instructions (so no tag is cut in two)."""
    total = 0

    def feed(data: bytes, final: bool) -> int:
        nonlocal total
        done = len(data) if final else _last_lt(data)
        total += count_records(data[:done]) if done else 0
        return done

    for _ in fed_windows(file.chunks(), feed):
        pass
    return total


def _last_lt(data: bytes) -> int:
    """The offset of the last ``<`` of ``data`` outside a comment, CDATA section or processing
    instruction, or 0."""
    opaque = OpaqueRanges(data)
    at = data.rfind(b"<")
    if at in opaque:  # inside one (or its start): it starts outside any other
        at = opaque.starts[bisect.bisect_right(opaque.starts, at) - 1]
    return max(at, 0)


def read(data: bytes, *, source: str = "<bytes>", bank: str | None = None) -> list[Statement]:
    """The statements of an OFX/QFX file, in file order."""
    reader = _Reader(bank, source, keep=True)
    reader.feed(_decode(data), True)
    return reader.statements


def stream(file: ByteSource, *, source: str = "<bytes>", bank: str | None = None):
    """:func:`read` of a file read a slice at a time: each transaction with its statement, in file
    order, once the statement's currency and account are known; returns the statements (without
    their transactions). The text is read in windows that end where a tag starts outside comments,
    CDATA sections and processing instructions."""
    encoding = text_encoding(file, _encodings(file.head(_HEAD)))
    reader = _Reader(bank, source, keep=False)
    for _ in fed_windows(file.texts(encoding), reader.feed):
        if reader.outbox:
            yield from reader.outbox
            reader.outbox.clear()
    return reader.statements


#: how far into the file the header (and ``<OFX``) is looked for
_HEAD = 1 << 20


def _encodings(data: bytes) -> tuple[str, ...]:
    """The encodings to try, in order: the one the OFX 1.x header (ENCODING, CHARSET) or the XML
    declaration names, then UTF-8, then cp1252 (a wrong or unknown declaration is common: the
    bytes decide)."""
    start = data.find(b"<OFX", 0, _HEAD)
    head = data[: start if start >= 0 else 2048].decode("latin-1")
    fields = {k.upper(): v.upper() for k, v in _HEADER_FIELD.findall(head)}
    encoding = None
    declared = _XML_ENCODING.search(head)
    # a UTF-16 (or -32) export reaches the reader re-encoded as UTF-8 (bank.read and bank.stream do that
    # first), so its declaration no longer holds: decoding UTF-8 bytes as UTF-16 would give other text
    if declared and not declared.group(1).upper().replace("-", "").startswith(("UTF16", "UTF32", "UCS")):
        encoding = declared.group(1)
    elif fields.get("ENCODING") in ("UTF-8", "UTF8", "UNICODE"):
        encoding = "utf-8"
    elif fields.get("CHARSET", "").isdigit():
        encoding = "cp" + fields["CHARSET"]
    elif fields.get("CHARSET", "").startswith("ISO-8859-1"):
        encoding = "cp1252"  # a superset in every printable position
    return (encoding, *ENCODINGS) if encoding else tuple(ENCODINGS)


def _decode(data: bytes) -> str:
    """The file's text (see :func:`_encodings`)."""
    return decode_text(data, _encodings(data))


def _without_opaque(text: str) -> str:
    """Comments and processing instructions dropped and CDATA sections turned into escaped text,
    each keeping its line ends so that line numbers stay the file's.

    >>> _without_opaque("<A><!-- <B>\\n --><MEMO><![CDATA[a<b]]>")
    '<A>\\n<MEMO>a&lt;b'
    """
    if "<!" not in text and "<?" not in text:
        return text

    def replace(m: re.Match) -> str:
        if m.group(1) is not None:
            return html.escape(m.group(1), quote=False)
        return _NOT_LINE_ENDS.sub("", m.group())  # CR, LF and CR LF kept: the lines are counted as written

    return _OPAQUE.sub(replace, text)


def _tag_cut(text: str) -> int:
    """Where a window of text may end: the last start of a tag (``<`` and a name or ``/``) outside
    comments, CDATA sections and processing instructions, or 0. ``text`` starts outside them."""
    limit, floor = len(text), 0
    if "<!" in text or "<?" in text:
        for m in _OPAQUE.finditer(text):
            opener, closer = next(pair for pair in _CLOSERS if m.group().startswith(pair[0]))
            if not m.group()[len(opener) :].endswith(closer):  # runs to the end: not closed yet
                limit = m.start()
                break
            floor = m.end()
    at = text.rfind("<", floor, limit)
    while at > floor and not _TAG_START.match(text, at):
        at = text.rfind("<", floor, at)
    return max(at, 0) if at >= floor else 0


class _Reader:
    """Walks the tokens once, keeping a stack of the open aggregates it cares about; fed the text
    in windows that each end where a tag starts (:meth:`feed`). ``keep``: the transactions stay in
    their statements (``read``); else each is put in ``outbox`` as ``(statement, transaction)``
    once its statement's currency and account are known."""

    def __init__(self, bank: str | None, source: str, keep: bool) -> None:
        self.bank = bank
        self.source = source
        self.keep = keep
        self.ledger_line = 0
        self.statements: list[Statement] = []
        self.stack: list[str] = []
        self.stmt: dict[str, str] | None = None
        self.statement: Statement | None = None
        self.stmt_line = 0
        self.transactions: list[Transaction] = []
        self.outbox: list[tuple[Statement, Transaction]] = []
        self.tx: dict[str, str] | None = None
        self.tx_line = 0
        self.line = 1  # the line the next window starts on
        self.line_at = LineCounter("").at

    def feed(self, text: str, final: bool) -> int:
        """Read the tokens of ``text`` up to its last tag start (all of it when ``final``: then
        what is still open is closed); return how much was read."""
        done = len(text) if final else _tag_cut(text)
        if done or final:
            self._tokens(_without_opaque(text[:done]))
        if final:
            if self.tx is not None:
                self._close("STMTTRN")
            if self.stmt is not None:
                self._close("STMTRS")
        return done

    def _tokens(self, window: str) -> None:
        counter, base = LineCounter(window), self.line - 1
        self.line_at = lambda offset: base + counter.at(offset)
        stack = self.stack
        for m in _TOKEN.finditer(window):
            closing, name, local, value = m.groups()
            tag = (local or name).upper()  # with a namespace prefix, the local name counts
            if closing:
                if tag in _CONTAINERS and tag in stack:
                    while stack:  # an end tag closes what is still open inside it (SGML <STMTTRN> too)
                        inner = stack.pop()
                        self._close(inner)
                        if inner == tag:
                            break
            elif tag in _CONTAINERS:
                stack.append(tag)
                self._open(tag, m.start())
            elif stack:
                self._leaf(stack[-1], tag, value)
        self.line = base + counter.at(len(window))

    def _open(self, tag: str, offset: int) -> None:
        if tag in _STATEMENTS:
            if self.stmt is not None:  # an unclosed statement ends where the next begins
                self._close(tag)
            self.stmt, self.transactions, self.stmt_line, self.ledger_line = {}, [], self.line_at(offset), 0
            self.statement = Statement(account="", bank=self.bank, format=FORMAT)
        elif tag == "STMTTRN":
            if self.tx is not None:
                self._close("STMTTRN")
            self.tx, self.tx_line = {}, self.line_at(offset)
        elif tag == "LEDGERBAL" and self.stmt is not None:
            self.ledger_line = self.line_at(offset)
            self.stmt.setdefault("LEDGER", "")  # present, even when empty

    def _leaf(self, container: str, tag: str, value: str) -> None:
        value = one_line(value)
        if "&" in value:
            value = html.unescape(value)
        target = self.tx if self.tx is not None and container in ("STMTTRN", "PAYEE", "BANKACCTTO", "CCACCTTO", "CURRENCY", "ORIGCURRENCY") else self.stmt
        if target is not None:
            target.setdefault(_CONTAINERS[container] + tag, value)

    def _close(self, tag: str) -> None:
        if tag == "STMTTRN" and self.tx is not None:
            tx, self.tx = self.tx, None
            if self.stmt is None:
                raise BankFileError(say.OFX_TRANSACTION_OUTSIDE(), line=self.tx_line)
            self.transactions.append(_transaction(tx, self.tx_line))
            if not self.keep and self.stmt.get("CURDEF") and "ACCT.ACCTID" in self.stmt:
                self._hand_on(self.stmt)
        elif tag in _STATEMENTS and self.stmt is not None:
            stmt, self.stmt = self.stmt, None
            where = f"{self.source}:{self.ledger_line or self.stmt_line}"
            _fill(self.statement, stmt, self.transactions, self.stmt_line, where)
            if self.keep:
                self.statement.transactions = self.transactions
            else:
                self._hand_on(stmt)
            self.statements.append(self.statement)
            self.transactions = []

    def _hand_on(self, fields: dict[str, str]) -> None:
        """The statement's transactions read so far into the outbox, with its currency and account."""
        statement, currency = self.statement, fields["CURDEF"].upper()
        statement.currency, statement.account = currency, fields.get("ACCT.ACCTID", "").replace(" ", "")
        for t in self.transactions:
            t.currency = t.currency or currency
            self.outbox.append((statement, t))
        self.transactions = []


def _fill(statement: Statement, fields: dict[str, str], transactions: list[Transaction], line: int,
          ledger_at: str) -> None:
    """A statement of its fields and transactions. A damaged ledger balance (``ledger_at``: file
    and line) costs a warning: without an amount the balance is left out, without a good date
    it is kept undated. The transactions are what matters."""
    currency = fields.get("CURDEF", "").upper()
    if not currency:
        raise BankFileError(say.OFX_NO_CURRENCY(), line=line)
    closing = None
    warnings = []
    if "LEDGER" in fields:
        try:
            closing = Balance(_amount(fields.get("LEDGER.BALAMT", ""), "balance", None), None, currency)
        except BankFileError as exc:
            warnings.append(say.OFX_LEDGER_LEFT_OUT(where=ledger_at, why=exc.message))
        when = fields.get("LEDGER.DTASOF", "")
        if closing is not None and when:
            try:
                closing.date = _date(when, None)
            except BankFileError as exc:
                warnings.append(say.OFX_LEDGER_DATE_LEFT_OUT(where=ledger_at, why=exc.message))
    for t in transactions:
        t.currency = t.currency or currency
    statement.warnings = warnings
    statement.account = fields.get("ACCT.ACCTID", "").replace(" ", "")
    statement.currency = currency
    statement.closing_balance = closing


def _transaction(fields: dict[str, str], line: int) -> Transaction:
    if not fields.get("TRNAMT"):
        raise BankFileError(say.OFX_NO_AMOUNT(), line=line)
    amount = _amount(fields["TRNAMT"], "transaction", line)
    posted = fields.get("DTPOSTED") or fields.get("DTUSER")  # DTUSER: the day the user initiated it
    if not posted:
        raise BankFileError(say.OFX_NO_DATE(), line=line)
    name = fields.get("NAME") or fields.get("PAYEE.NAME", "")
    memo = fields.get("MEMO", "")
    available = fields.get("DTAVAIL")
    return Transaction(
        booking_date=_date(posted, line),
        amount=amount,
        value_date=_date(available, line) if available else None,
        currency=fields.get("CUR.CURSYM") or None,
        counterparty=name,
        counterparty_iban=fields.get("ACCTTO.ACCTID", "").replace(" ", ""),
        description=memo or ("" if name else fields.get("CHECKNUM", "")),
        reference=fields.get("FITID") or fields.get("REFNUM", ""),
        code=fields.get("TRNTYPE", "").upper(),
        line=line,
    )


def _amount(text: str, what: str, line: int | None) -> Decimal:
    """An OFX amount: optional sign, digits, a decimal point or comma (``-6.60``, ``200,29``).

    >>> _amount("-6.60", "x", 1), _amount("200,29", "x", 1), _amount("+5", "x", 1)
    (Decimal('-6.60'), Decimal('200.29'), Decimal('5'))
    """
    if not text.strip():
        raise BankFileError(say.EMPTY_AMOUNT[what](), line=line)
    return exact_amount(text.strip(), signed=True, what=f"{what} amount", line=line)


def _date(text: str, line: int | None) -> date:
    """``YYYYMMDD[hhmmss[.xxx]][[-8:PST]]``: the date as written (the time zone does not move it)."""
    s = text.strip()
    if len(s) < 8 or not s[:8].isdigit():
        raise BankFileError(say.OFX_NOT_A_DATE(text=s[:30]), line=line, hint=say.OFX_DATE_FORMAT())
    return make_date(int(s[:4]), int(s[4:6]), int(s[6:8]), line=line)
