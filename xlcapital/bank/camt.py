"""ISO 20022 bank-to-customer cash management: camt.053 statements, camt.052 reports, camt.054 notifications.

Namespace-agnostic (camt.05x.001.02 to .08, with or without a prefix): every ``<Stmt>``, ``<Rpt>``
or ``<Ntfctn>`` becomes one :class:`Statement`::

    Stmt/Id                                   statement_id
    Stmt/Acct/Id/IBAN (or Othr/Id), Acct/Ccy  account, currency
    Stmt/Bal[Tp/CdOrPrtry/Cd]                 opening = OPBD, else PRCD; closing = CLBD
                                              (Amt@Ccy, CdtDbtInd DBIT = negative, Dt/Dt or Dt/DtTm)
    Stmt/Ntry                                 one transaction per TxDtls (a batch entry has several),
                                              or one for an entry without TxDtls

Per transaction: an entry with one TxDtls (or none) is one transaction of the entry's Amt, which is
what moved on the account in the account's currency (a TxDtls amount may be the instructed amount
in another currency, and in the samples sometimes disagrees with the entry). In a batch entry each
TxDtls gives its own AmtDtls/TxAmt/Amt (or its Amt, .04 and later); where exactly one gives none,
it gets the entry amount less the others. The sign is CdtDbtInd (the TxDtls' own, else the entry's). ``RvslInd`` does not flip it: ISO 20022 books a reversal with the direction of
the reversal itself (a returned debit is CRDT), which the samples' totals confirm; a reversal is
marked in ``code`` with ``/RVSL``, an entry whose status is not BOOK (a report's pending PDNG
entries) with ``/`` and its status. Amounts keep every decimal the file writes (5-decimal amounts
stay exact). The counterparty is the debtor for money in and the creditor for money out (the
ultimate party where the direct one is absent).

Security and speed: the document's structure (everything but the entries) is parsed by defusedxml
with DTDs forbidden, so an external entity or an entity-expansion bomb is refused before anything
else is read: entities can only be declared in a DTD, and a DTD can only stand in the prolog. The
entries, cut out of the file as byte ranges, are parsed in batches by the standard library's C
parser inside a wrapper that carries the document's namespace declarations: a fragment can hold
neither a DTD nor an entity definition (expat rejects both), and batches keep memory flat and
reading 100,000 entries under the 3 s target, which defusedxml's pure-Python tree builder misses
by a wide margin. :func:`stream` does the same on a file read in slices: the entries' byte ranges
and lines are all it keeps of them, and they are read back from the file batch by batch.
"""

from __future__ import annotations

import re
import xml.etree.ElementTree as ET
from xml.parsers import expat
from datetime import date
from typing import BinaryIO, Callable, Iterable
from decimal import Decimal

from defusedxml import DefusedXmlException
from defusedxml.ElementTree import fromstring as defused_fromstring

from xlcapital.bank.model import Balance, Statement, Transaction
from xlcapital.bank.streamio import XML_DECLARED_ENCODING, ByteSource
from xlcapital.bank.textio import OpaqueRanges, exact_amount, line_of, one_line
from xlcapital.bank.xmlentries import PLACEHOLDER, Entries, EntryWrapper, cut_entries, cut_windows, xml_message
from xlcapital.errors import BankFileError
from xlcapital.bank import messages as say
from xlcapital.messages import AT

__all__ = ["FORMAT", "sniff", "count_records", "read", "stream", "stream_count"]

FORMAT = "camt"

#: entries parsed per batch: large enough to amortise the call, small enough to keep memory flat
BATCH = 1000
#: bytes fed to expat at a time by the independent count
_COUNT_SLICE = 1 << 20

_SNIFF = re.compile(rb"urn:iso:std:iso:20022:tech:xsd:camt\.05[234]|<(?:\w+:)?BkToCstmr(?:Stmt|AcctRpt|DbtCdtNtfctn)\b")
_ENCODING = re.compile(rb"""\A(?:\xef\xbb\xbf)?<\?xml[^>]*?encoding\s*=\s*["']([A-Za-z0-9._\-]+)["']""")
_STATEMENT_TAGS = ("Stmt", "Rpt", "Ntfctn")
_BAL_TAG = re.compile(rb"<(?:[A-Za-z_][\w.\-]*:)?Bal(?=[\s/>])")


def sniff(head: bytes) -> bool:
    """Whether the first bytes are a camt.052/053/054 document.

    >>> sniff(b'<?xml version="1.0"?><Document xmlns="urn:iso:std:iso:20022:tech:xsd:camt.053.001.02">')
    True
    """
    if head[:2] in (b"\xff\xfe", b"\xfe\xff"):
        head = head.decode("utf-16", errors="ignore").encode("utf-8")
    return bool(_SNIFF.search(head))


def count_records(data: bytes) -> int:
    """Transactions as the reader maps them, counted by a full parse of the document: per
    ``<Ntry>`` (under any namespace prefix), its number of ``<TxDtls>``, at least one.

    Independent of the reader, which cuts entries out of the bytes and parses them apart: this
    runs expat over the whole document, so comments, CDATA sections and processing instructions
    hold no elements and every prefix counts alike. As defusedxml does with ``forbid_dtd``, a
    document type declaration is refused: without one no entity can be declared, so nothing is
    expanded or fetched. Fed in 1 MB slices, so memory stays flat. The end tags are collected by
    ``list.append`` itself (a C callback: a Python function per element would cost a third more)
    and the entries and details picked out of each slice's list: the ``<TxDtls>`` that end before
    an ``</Ntry>`` are that entry's.

    >>> count_records(b"<D><Ntry><NtryDtls><TxDtls/><TxDtls/></NtryDtls></Ntry><!-- <Ntry/> --><a:Ntry xmlns:a='u'/></D>")
    3
    """
    return _count((data,))


def stream_count(file: ByteSource) -> int:
    """:func:`count_records` of a file read a slice at a time (expat is fed slice by slice anyway)."""
    return _count(file.chunks())


def _count(chunks: Iterable[bytes]) -> int:
    parser = expat.ParserCreate()
    ends: list[str] = []
    kinds: dict[str, int] = {}  # element name -> 1 entry, 2 details, 0 other
    state = [0, 0]  # records of the entries ended, details ended since the last entry

    def drain() -> None:
        for name in set(ends).difference(kinds):
            local = name[name.rfind(":") + 1 :]
            kinds[name] = 1 if local == "Ntry" else 2 if local == "TxDtls" else 0
        wanted = {name for name, kind in kinds.items() if kind}
        for name in filter(wanted.__contains__, ends):
            if kinds[name] == 2:
                state[1] += 1
            else:
                state[0] += state[1] or 1
                state[1] = 0
        ends.clear()

    def refuse_dtd(*_args) -> None:
        raise BankFileError(say.DTD_REFUSED(), hint=say.HOSTILE_XML())

    parser.EndElementHandler = ends.append
    parser.StartDoctypeDeclHandler = refuse_dtd
    try:
        for chunk in chunks:
            view = memoryview(chunk)
            for at in range(0, len(chunk), _COUNT_SLICE):
                parser.Parse(view[at : at + _COUNT_SLICE], False)
                drain()
        parser.Parse(b"", True)
    except expat.ExpatError as exc:
        raise BankFileError(say.NOT_WELL_FORMED(problem=expat.ErrorString(exc.code)), line=exc.lineno) from None
    drain()
    return state[0]


def read(data: bytes, *, source: str = "<bytes>", bank: str | None = None) -> list[Statement]:
    """The statements (reports, notifications) of a CAMT document, in file order."""
    data = _as_utf8_if_utf16(data)
    doc = _Document(cut_entries(data), source, lambda start, end: data[start:end], lambda: (data,))
    walk = _walk(doc, bank, keep=True)
    try:
        next(walk)
    except StopIteration as done:  # kept: nothing is handed on
        return done.value
    raise AssertionError("unreachable")  # pragma: no cover


def stream(file: ByteSource, *, source: str = "<bytes>", bank: str | None = None):
    """:func:`read` of a file read a slice at a time: each transaction with its statement, in file
    order, as its entry is read; returns the statements (without their transactions).

    The entries are cut out of the file in windows (:func:`~xlcapital.bank.xmlentries.cut_windows`:
    their byte ranges and lines kept in arrays), the skeleton is parsed, and each run's entries are
    read back from the file in batches of :data:`BATCH`."""
    entries = cut_windows(file.chunks())
    with file.open() as f:
        doc = _Document(entries, source, _Spans(f).read, file.chunks)
        return (yield from _walk(doc, bank, keep=False))


class _Spans:
    """Byte ranges of an open file, read in increasing order (a seek only where one is skipped)."""

    def __init__(self, f: BinaryIO) -> None:
        self.f, self.at = f, 0

    def read(self, start: int, end: int) -> bytes:
        if start != self.at:
            self.f.seek(start)
        self.at = end
        return self.f.read(end - start)


def _walk(doc: "_Document", bank: str | None, keep: bool):
    """The statements of a document: each one's transactions kept in it (``keep``) or handed on
    as ``(statement, transaction)``; returns the statements."""
    root = doc.root
    elements = [element for element in root.iter() if element.tag in _STATEMENT_TAGS]
    if not elements and root.tag != "Document" and not root.tag.startswith("BkToCstmr"):
        raise BankFileError(say.NOT_CAMT(), file=doc.source)
    statements = []
    for element in elements:
        stmt = _statement(element, doc, bank)
        statements.append(stmt)
        yield from _entries(element, stmt, doc, keep)
    runs = doc.entries.runs
    read_runs = sum(1 for element in root.iter(PLACEHOLDER) if element.get("read"))
    if read_runs != len(runs):
        stray = next((e for e in root.iter(PLACEHOLDER) if not e.get("read")), None)
        first = doc.entries.run(_run_index(stray, runs)).start if stray is not None else 0
        raise BankFileError(say.ENTRY_OUTSIDE_STATEMENT(), line=doc.entries.lines[first])
    return statements


# --- cutting the document into skeleton and entries ------------------------------------------


def _as_utf8_if_utf16(data: bytes) -> bytes:
    """UTF-16 documents (BOM) re-encoded as UTF-8, so that the byte-level cutting below works."""
    if data[:2] in (b"\xff\xfe", b"\xfe\xff"):
        try:
            text = data.decode("utf-16")
        except UnicodeDecodeError as exc:
            raise BankFileError(say.CAMT_NOT_UTF16(reason=exc.reason)) from None
        text = XML_DECLARED_ENCODING.sub(r"\1UTF-8", text, count=1)
        return text.encode("utf-8")
    return data


def _parse_skeleton(skeleton: bytes, whole: Callable[[], Iterable[bytes]], source: str) -> ET.Element:
    """The document without its entries, through defusedxml (DTDs, entities, external refs
    refused); ``whole`` gives the file's bytes again, in slices, to name a damage in it."""
    try:
        return defused_fromstring(skeleton, forbid_dtd=True, forbid_entities=True, forbid_external=True)
    except DefusedXmlException as exc:
        raise BankFileError(
            say.DTD_OR_ENTITIES_REFUSED(kind=exc.__class__.__name__),
            file=source,
            hint=say.HOSTILE_XML(),
        ) from None
    except LookupError as exc:  # an encoding Python does not know, declared in the prolog
        raise BankFileError(say.UNKNOWN_XML_ENCODING(reason=exc), file=source, line=1) from None
    except ET.ParseError as exc:
        # the skeleton's damage may not be the file's first: find the error in the whole file
        exc = _first_damage(whole()) or exc
        line = exc.position[0] if getattr(exc, "position", None) else None
        raise BankFileError(say.NOT_WELL_FORMED(problem=xml_message(exc)), file=source, line=line) from None


def _first_damage(chunks: Iterable[bytes]) -> ET.ParseError | None:
    """expat's first complaint about the whole document, fed in slices, building nothing (the
    prolog, DTD refusal included, was judged on the skeleton already)."""
    parser = ET.XMLParser(target=_Nothing())
    try:
        for chunk in chunks:
            parser.feed(chunk)
        parser.close()
    except ET.ParseError as exc:
        return exc
    return None


class _Nothing:
    """A parser target that keeps nothing."""

    def close(self) -> None:
        return None


def _local(tag: str) -> str:
    return tag[tag.rfind("}") + 1 :]


# --- statements -----------------------------------------------------------------------------


class _Document:
    """What every statement of one document reads from: the skeleton's tree, the cut entries and
    ``span(start, end)``, the file's bytes of a range."""

    def __init__(self, entries: Entries, source: str, span: Callable[[int, int], bytes],
                 whole: Callable[[], Iterable[bytes]]) -> None:
        self.entries, self.source, self.span = entries, source, span
        self.skeleton = entries.skeleton
        self.root = _parse_skeleton(self.skeleton, whole, source)
        for element in self.root.iter():
            if isinstance(element.tag, str):
                element.tag = _local(element.tag)
        prolog_encoding = _ENCODING.match(self.skeleton)
        self.wrapper = EntryWrapper(self.skeleton, prolog_encoding.group(1) if prolog_encoding else b"UTF-8")
        self.readers: dict[str, _EntryReader] = {}  # by the entries' full tag
        self._balance_lines: dict[int, int] | None = None

    def reader(self, tag: str) -> "_EntryReader":
        """The entry reader of an entry's tag ("{namespace}Ntry"): entries may differ in namespace."""
        ns = tag[: tag.rfind("}") + 1] if isinstance(tag, str) and tag.startswith("{") else ""
        reader = self.readers[tag] = _EntryReader(ns)
        return reader

    def balance_line(self, bal: ET.Element) -> int | None:
        """The file line of a <Bal> element of the skeleton: the n-th ``<Bal`` start tag of the
        skeleton outside comments and CDATA is the n-th <Bal> of the tree, and the skeleton's lines
        are the file's (found only when one is damaged)."""
        if self._balance_lines is None:
            skeleton = self.skeleton
            opaque = OpaqueRanges(skeleton)
            offsets = [m.start() for m in _BAL_TAG.finditer(skeleton) if m.start() not in opaque]
            tree = [id(e) for e in self.root.iter("Bal")]
            self._balance_lines = {key: line_of(skeleton, at) for key, at in zip(tree, offsets)}
        return self._balance_lines.get(id(bal))


def _run_index(placeholder: ET.Element, runs) -> int:
    try:
        index = int(placeholder.get("run", ""))
        runs[index]
        if index < 0:
            raise IndexError(index)
    except (ValueError, IndexError):
        raise BankFileError(say.UNEXPECTED_ELEMENT(element=PLACEHOLDER)) from None
    return index


def _statement(element: ET.Element, doc: _Document, bank: str | None) -> Statement:
    """One <Stmt>/<Rpt>/<Ntfctn> (tags already without namespace) with its entries.

    A damaged balance costs a warning (file and line) and that balance, not the statement: the
    transactions are what the forecast needs. A damaged entry is an error naming its line.
    """
    account_id = element.find("Acct/Id")
    account = ""
    if account_id is not None:
        account = (account_id.findtext("IBAN") or account_id.findtext("Othr/Id") or "").strip().replace(" ", "")
    stmt = Statement(
        account=account,
        currency=(element.findtext("Acct/Ccy") or "").strip() or None,
        bank=bank,
        format=FORMAT,
        statement_id=(element.findtext("Id") or "").strip() or None,
    )
    balances: dict[str, Balance] = {}
    for bal in element.iter("Bal"):
        code = (bal.findtext("Tp/CdOrPrtry/Cd") or bal.findtext("Tp/CdOrPrtry/Prtry") or "").strip()
        if code and code not in balances:
            try:
                balances[code] = _balance(bal)
            except BankFileError as exc:
                line = doc.balance_line(bal)
                where = f"{doc.source}:{line}" if line else doc.source
                stmt.warnings.append(say.CAMT_BALANCE_LEFT_OUT(where=where, code=code, why=exc.message))
    stmt.opening_balance = balances.get("OPBD") or balances.get("PRCD")
    stmt.closing_balance = balances.get("CLBD")
    stmt.currency = (
        stmt.currency
        or (stmt.opening_balance.currency if stmt.opening_balance else None)
        or (stmt.closing_balance.currency if stmt.closing_balance else None)
    )
    return stmt


def _entries(element: ET.Element, stmt: Statement, doc: _Document, keep: bool):
    """The transactions of a statement's entries, read a batch at a time: kept in ``stmt`` or
    handed on. A statement without a currency of its own or of a balance takes its first
    transaction's."""
    entries, readers = doc.entries, doc.readers
    starts, ends, lines = entries.starts, entries.ends, entries.lines
    records = found = 0
    for placeholder in element.iter(PLACEHOLDER):
        run = entries.run(_run_index(placeholder, entries.runs))
        placeholder.set("read", "1")
        for i in range(run.start, run.stop, BATCH):
            last = min(i + BATCH, run.stop) - 1
            parsed = doc.wrapper.parse(doc.span(starts[i], ends[last]), lines[i])
            for k, entry in enumerate(parsed, i):
                line = lines[k]
                reader = readers.get(entry.tag) or doc.reader(entry.tag)  # a dict hit per entry
                try:
                    transactions, kept_whole, why = reader.transactions(entry, line)
                except BankFileError as exc:
                    raise exc.with_location(line=line)
                if kept_whole:
                    records += kept_whole - 1
                    stmt.warnings.append(AT(where=f"{doc.source}:{line}", what=why))
                if stmt.currency is None and transactions:
                    stmt.currency = transactions[0].currency
                found += len(transactions)
                if keep:
                    stmt.transactions.extend(transactions)
                else:
                    for t in transactions:
                        yield stmt, t
    if records:
        stmt.records = found + records


def _balance(bal: ET.Element) -> Balance:
    """A <Bal>: Amt@Ccy signed by CdtDbtInd (DBIT negative), dated Dt/Dt or Dt/DtTm."""
    amount_el = bal.find("Amt")
    if amount_el is None:
        raise BankFileError(say.BALANCE_NO_AMOUNT())
    amount = _amount(amount_el.text, "balance")
    mark = (bal.findtext("CdtDbtInd") or "").strip()
    if mark == "DBIT":
        amount = -amount
    elif mark != "CRDT" and amount:  # a missing sign would silently turn an overdraft positive
        raise BankFileError(say.BALANCE_SIGN(mark=mark))
    when = bal.findtext("Dt/Dt") or bal.findtext("Dt/DtTm")
    return Balance(amount, _date(when, "balance date") if when else None, (amount_el.get("Ccy") or "").strip() or None)


def _amount(text: str | None, what: str) -> Decimal:
    if text is None or not text.strip():
        raise BankFileError(say.EMPTY_AMOUNT[what]())
    return exact_amount(text.strip(), what=f"{what} amount")


def _date(text: str, what: str) -> date:
    """``2014-01-05``, ``2017-04-01+02:00`` or a DtTm ``2014-01-06T16:20:26.673Z``: the date part."""
    try:
        return date.fromisoformat(text.strip()[:10])
    except ValueError:
        raise BankFileError(say.NOT_A_DATE_OF[what](text=text.strip()[:30])) from None


def _text_at(element: ET.Element | None, path: tuple[tuple[str, ...], str]) -> str:
    """The stripped text at (parent tags, leaf tag) below ``element``, or "": chained C-level
    ``find`` calls, several times faster than an ElementPath expression."""
    parents, leaf = path
    for name in parents:
        if element is None:
            return ""
        element = element.find(name)
    if element is None:
        return ""
    text = element.findtext(leaf)
    return text.strip() if text else ""


class _EntryReader:
    """Reads the <Ntry> elements of one batch; ``ns`` is their namespace ("" when undeclared)."""

    def __init__(self, ns: str) -> None:
        def p(path: str) -> tuple[tuple[str, ...], str]:
            *parents, leaf = (ns + name for name in path.split("/"))
            return tuple(parents), leaf

        def t(name: str) -> str:
            return ns + name

        self.amt, self.cdt_dbt, self.rvsl = t("Amt"), t("CdtDbtInd"), t("RvslInd")
        self.status, self.status_code = t("Sts"), p("Sts/Cd")  # Sts holds Cd from .08 on
        self.booked, self.booked_tm = p("BookgDt/Dt"), p("BookgDt/DtTm")
        self.value, self.value_tm = p("ValDt/Dt"), p("ValDt/DtTm")
        self.svcr_ref, self.info = t("AcctSvcrRef"), t("AddtlNtryInf")
        self.domain, self.domain_cd = t("Domn"), p("Cd")
        self.family, self.sub_family = p("Fmly/Cd"), p("Fmly/SubFmlyCd")
        self.bkcd, self.prtry = t("BkTxCd"), p("BkTxCd/Prtry/Cd")
        self.details_group, self.details = t("NtryDtls"), t("TxDtls")
        self.tx_amt = (t("AmtDtls"), t("TxAmt"), t("Amt"))
        self.parties = t("RltdPties")
        self.name, self.party_name = t("Nm"), p("Pty/Nm")
        self.roles = {
            True: (t("Dbtr"), t("UltmtDbtr"), t("DbtrAcct")),
            False: (t("Cdtr"), t("UltmtCdtr"), t("CdtrAcct")),
        }
        self.iban, self.other_id = p("Id/IBAN"), p("Id/Othr/Id")
        self.remittance, self.ustrd, self.creditor_ref = t("RmtInf"), t("Ustrd"), p("Strd/CdtrRefInf/Ref")
        self.tx_info, self.e2e, self.tx_svcr_ref = t("AddtlTxInf"), p("Refs/EndToEndId"), p("Refs/AcctSvcrRef")

    def transactions(self, entry: ET.Element, line: int) -> tuple[list[Transaction], int, str]:
        """The transactions of one <Ntry>; and, for a batch entry kept whole, its number of
        <TxDtls> records and why (else 0 and "").

        A batch entry (several TxDtls) is split into its details when their amounts, signed, add
        up to the entry in the entry's currency; otherwise (a different sum, sign or currency, or
        no amounts on the details: they are optional) the entry is kept as one transaction of
        its own amount, which is what moved on the account, and the caller warns.
        """
        amount_el = entry.find(self.amt)
        if amount_el is None:
            raise BankFileError(say.ENTRY_NO_AMOUNT(), line=line)
        entry_amount = _amount(amount_el.text, "entry")
        entry_currency = (amount_el.get("Ccy") or "").strip() or None
        entry_credit = self._credit(entry, line)
        booked_text = _text_at(entry, self.booked) or _text_at(entry, self.booked_tm)
        value_text = _text_at(entry, self.value) or _text_at(entry, self.value_tm)
        if not booked_text and not value_text:
            raise BankFileError(say.ENTRY_NO_DATE(), line=line)
        booked = _date(booked_text or value_text, "booking date")
        value = _date(value_text, "value date") if value_text else None
        code = self._code(entry)
        # single tags by findtext directly: a C call, no Python frame (this runs 100,000 times)
        if (entry.findtext(self.rvsl) or "").strip().lower() in ("true", "1"):
            code += "/RVSL"
        status = (entry.findtext(self.status) or "").strip() or _text_at(entry, self.status_code)
        if status and status != "BOOK":  # pending (PDNG) or information (INFO) entries of a report
            code += "/" + status
        entry_ref = (entry.findtext(self.svcr_ref) or "").strip()
        entry_info = one_line((entry.findtext(self.info) or "").strip())
        signed_entry = entry_amount if entry_credit else -entry_amount
        groups = entry.findall(self.details_group)
        if len(groups) == 1:  # the usual case, without building nested lists
            details = groups[0].findall(self.details)
        else:
            details = [d for group in groups for d in group.findall(self.details)]
        if not details:
            return [Transaction(booked, signed_entry, value, entry_currency, description=entry_info,
                                reference=entry_ref, code=code, line=line)], 0, ""
        if len(details) == 1:  # the entry's amount is what moved on the account, in its currency
            return [self._transaction(details[0], signed_entry, entry_credit, entry_currency, booked, value, code,
                                      entry_ref, entry_info, line)], 0, ""
        credits = [self._credit(d, line) if d.find(self.cdt_dbt) is not None else entry_credit for d in details]
        amounts = [self._detail_amount(d) for d in details]
        missing = [i for i, a in enumerate(amounts) if a is None]
        why = ""
        if len(missing) == len(details):
            why = say.BATCH_NO_AMOUNTS(count=len(details))
        elif len(missing) > 1:
            why = say.BATCH_SOME_AMOUNTS(count=len(details), missing=len(missing))
        elif any(currency not in (None, entry_currency) for _, currency in filter(None, amounts)):
            why = say.BATCH_CURRENCY(currency=entry_currency)
        elif any(credit != entry_credit for credit in credits):
            why = (say.BATCH_IN_OTHER_WAY if entry_credit else say.BATCH_OUT_OTHER_WAY)()
        else:
            known = sum((a[0] if c else -a[0]) for a, c in zip(amounts, credits) if a is not None)
            rest = signed_entry - known
            if missing and (rest == 0 or (rest > 0) != entry_credit):
                why = say.BATCH_REST(entry=signed_entry, rest=rest)
            elif missing:  # the one detail without an amount takes what the others leave of the entry
                amounts[missing[0]] = (abs(rest), entry_currency)
                credits[missing[0]] = rest > 0
            elif rest:
                why = say.BATCH_SUM(count=len(details), known=known, entry=signed_entry)
        if why:
            whole = Transaction(booked, signed_entry, value, entry_currency,
                                description=entry_info or f"batch of {len(details)} transactions",
                                reference=entry_ref, code=code, line=line)
            return [whole], len(details), say.BATCH_KEPT_WHOLE(why=why)
        return [
            self._transaction(detail, amount if credit else -amount, credit, currency or entry_currency,
                              booked, value, code, entry_ref, entry_info, line)
            for detail, (amount, currency), credit in zip(details, amounts, credits)
        ], 0, ""

    def _credit(self, element: ET.Element, line: int) -> bool:
        mark = (element.findtext(self.cdt_dbt) or "").strip()
        if mark == "CRDT":
            return True
        if mark == "DBIT":
            return False
        raise BankFileError(say.ENTRY_SIGN(mark=mark), line=line)

    def _detail_amount(self, detail: ET.Element) -> tuple[Decimal, str | None] | None:
        """(amount, currency) of a TxDtls, or None when it gives none."""
        amt = detail
        for name in self.tx_amt:
            amt = amt.find(name)
            if amt is None:
                break
        if amt is None:
            amt = detail.find(self.amt)
        if amt is None:
            return None
        return _amount(amt.text, "transaction"), (amt.get("Ccy") or "").strip() or None

    def _code(self, entry: ET.Element) -> str:
        """The bank transaction code: Domain-Family-SubFamily (PMNT-RCDT-ESCT), else the proprietary code."""
        codes = entry.find(self.bkcd)
        if codes is None:
            return ""
        domain = codes.find(self.domain)
        if domain is not None:
            parts = (_text_at(domain, self.domain_cd), _text_at(domain, self.family), _text_at(domain, self.sub_family))
            return "-".join(p for p in parts if p)
        return _text_at(entry, self.prtry)

    def _party(self, parties: ET.Element | None, credit: bool) -> tuple[str, str]:
        """Name and account (IBAN, else other id) of the debtor (money in) or creditor (money out)."""
        if parties is None:
            return "", ""
        direct, ultimate, account_tag = self.roles[credit]
        party = parties.find(direct)
        name = ((party.findtext(self.name) or "").strip() or _text_at(party, self.party_name)) if party is not None else ""
        if not name:
            party = parties.find(ultimate)
            name = ((party.findtext(self.name) or "").strip() or _text_at(party, self.party_name)) if party is not None else ""
        account = parties.find(account_tag)
        iban = (_text_at(account, self.iban) or _text_at(account, self.other_id)) if account is not None else ""
        return name, iban.replace(" ", "")

    def _transaction(self, detail, amount, credit, currency, booked, value, code, entry_ref, entry_info, line):
        name, iban = self._party(detail.find(self.parties), credit)
        remittance = detail.find(self.remittance)
        description = ""
        if remittance is not None:
            description = " ".join(u.text.strip() for u in remittance.findall(self.ustrd) if u.text)
            if not description:
                description = _text_at(remittance, self.creditor_ref)
        description = description or (detail.findtext(self.tx_info) or "").strip() or entry_info
        description = one_line(description)
        reference = entry_ref or _text_at(detail, self.tx_svcr_ref)
        if not reference:
            e2e = _text_at(detail, self.e2e)
            reference = "" if e2e.upper() == "NOTPROVIDED" else e2e
        return Transaction(booked, amount, value, currency, counterparty=name, counterparty_iban=iban,
                           description=description, reference=reference, code=code, line=line)
