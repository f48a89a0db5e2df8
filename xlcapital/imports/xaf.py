"""XAF: the XML Auditfile Financieel (3.1, 3.2 and 4.0), plain or zipped, into a :class:`Ledger`.

Read as a stream through defusedxml's expat parser (no DTD entities, no external references), so a
file of any size costs memory for its accounts, relations and the lines on relations only. The
versions differ little for what xlcapital needs (research: shared/research/xaf.md):

* RGS codes: 4.0 ``ledgerAccount/RGScode``; 3.2 ``taxonomy/entryPoint/conceptRef`` or, as Exact
  and Multivers write it, ``leadReference``/``leadCode``; 3.1 ``taxonomies/taxonomy/taxoElement``.
* Open items: ``obSbLine`` (opening) and ``trLine`` with ``custSupID`` and ``invRef`` (else
  ``recRef``); due dates only from ``sbLine``/``obSbLine`` (3.x), linked to their ledger line by
  (``jrnID``, ``trNr``, ``trLineNr``) or ``matchKeyID``. 4.0 has no subledgers: no due dates.
* The opening balance: ``openingBalance/obLine``, or (Twinfield) a journal in period 0.

Messy real files are read with a warning naming the line: a declared UTF-8 that is Windows-1252
or ISO-8859-1, a ``linesCount`` or total that does not match the lines. Another version, or a
damaged file, is one :class:`~xlcapital.errors.InputError` naming the file, line and element.

>>> version_of("http://www.auditfiles.nl/XAF/3.2"), version_of("urn:other") is None
('3.2', True)
>>> version_of("http://www.odb.belastingdienst.nl/Belastingdienst/BCPP/1.0/structures/XmlAuditfileFinancieel3.2.1")
'3.2'
>>> looks_like(Path("2024.xml"), b'<?xml version="1.0"?><auditfile xmlns="http://www.auditfiles.nl/XAF/3.1">')
True
>>> looks_like(Path("export.zip"), b"PK\x03\x04"), looks_like(Path("notes.txt"), b"Hello")
(True, False)
"""

from __future__ import annotations

import codecs
import contextlib
import re
import sys
import zipfile
from datetime import date, timedelta
from decimal import Decimal, InvalidOperation
from pathlib import Path
from typing import BinaryIO, Callable, Iterator
from xml.sax import SAXParseException
from xml.sax.xmlreader import InputSource

from defusedxml import DefusedXmlException
from defusedxml.expatreader import DefusedExpatParser

from xlcapital.errors import InputError
from xlcapital.imports import rgs
from xlcapital.imports.model import ZERO, Account, ItemLine, Ledger, Relation
from xlcapital.imports import messages as say
from xlcapital.messages import FILE_NOT_FOUND

#: The versions read; 3.2.1 is 3.2 in another namespace.
VERSIONS = ("3.1", "3.2", "4.0")
#: Bounds on a zipped auditfile: its XML may not unpack to more than this, nor compress better than RATIO.
MAX_XML_BYTES = 4 * 1024**3
MAX_RATIO = 200
#: The longest text of one element read (the XSDs allow 9,999 characters).
MAX_TEXT = 1_000_000
_NAMESPACE_VERSION = re.compile(r"(?:XAF[/_ ]?|Financieel)(\d+\.\d+)", re.IGNORECASE)
_AMOUNT = re.compile(r"-?\d+(\.\d+)?")

# Elements whose children are collected into one record; the rest of their subtree is skipped
# where listed in _SKIPPED (addresses, histories, VAT and currency details).
_RECORDS = {
    "auditfile", "header", "ledgerAccount", "taxoElement", "customerSupplier", "openingBalance", "obLine",
    "obSubledger", "obSbLine", "transactions", "journal", "transaction", "trLine", "subledger", "sbLine",
}
_SKIPPED = {
    "streetAddress", "postalAddress", "bankAccount", "changeInfo", "customerSupplierHistory", "glAccountHistory",
    "basics", "vatCodes", "vat", "currency", "periods",
}
_RGS_FIELDS = ("RGScode", "conceptRef", "leadReference", "leadCode", "leadCrossRef")


def version_of(namespace: str) -> str | None:
    """The XAF version a root namespace names ("3.2"), or None for another namespace."""
    m = _NAMESPACE_VERSION.search(namespace or "")
    return m.group(1) if m else None


def looks_like(path: Path, head: bytes) -> bool:
    """Whether a file (its name, its first bytes) is an auditfile: its root element, or a zip (checked when read)."""
    return (b"<auditfile" in head[:4096] or b":auditfile" in head[:4096] or head.startswith(b"PK\x03\x04")
            or path.suffix.lower() in (".xaf", ".xml", ".zip"))  # fmt: skip


def read(path: str | Path, keep: Callable[[Account], bool] | None = None) -> Ledger:
    """Read an auditfile (``.xaf``/``.xml``, or a ``.zip`` holding one) into a :class:`Ledger`.

    ``keep(account)`` may say which accounts' lines to keep for the open items (the possible
    control accounts): Exact writes the relation on every line of an invoice, and a large file need
    not hold its revenue lines in memory. Default: all.
    """
    p = Path(path)
    if not p.is_file():
        raise InputError(FILE_NOT_FOUND(), file=str(p), hint=say.GIVE_AN_AUDITFILE())
    opener = _zip_opener(p) if zipfile.is_zipfile(p) else (lambda: open(p, "rb"))
    try:
        return _parse(opener, str(p), None, keep)
    except _NotUtf8 as exc:
        ledger = _parse(opener, str(p), exc.encoding, keep)
        ledger.warnings.insert(0, say.DECLARED_ENCODING(where=f"{p}:{exc.line}", declared=exc.declared, encoding=exc.encoding))
        return ledger


class _NotUtf8(Exception):
    def __init__(self, line: int, declared: str, encoding: str):
        self.line, self.declared, self.encoding = line, declared, encoding


class _Parser(DefusedExpatParser):
    """defusedxml's expat parser (entities and external references refused) that calls the handler
    straight from expat: no SAX objects per element (a third less time on a large auditfile)."""

    def __init__(self, handler: "_Handler"):
        super().__init__(namespaceHandling=1)
        self.handler = handler

    def reset(self) -> None:
        super().reset()
        expat = self._parser
        expat.buffer_text = True
        expat.StartElementHandler = self.handler.start
        expat.EndElementHandler = self.handler.end
        expat.CharacterDataHandler = self.handler.characters
        self.handler.expat = expat


def _parse(opener: Callable[[], BinaryIO], name: str, encoding: str | None, keep) -> Ledger:
    handler = _Handler(name, keep or (lambda account: True))
    parser = _Parser(handler)
    with opener() as stream:
        source = InputSource(name)
        source.setByteStream(stream)
        if encoding:
            source.setEncoding(encoding)
        try:
            parser.parse(source)
        except SAXParseException as exc:
            line = exc.getLineNumber()
            if encoding is None and "invalid token" in exc.getMessage():
                declared = _declared_encoding(opener)
                if declared in ("utf-8", "utf8", "") and not _is_utf8(opener):
                    raise _NotUtf8(line, declared.upper() or "UTF-8", _legacy_encoding(opener)) from None
            raise InputError(
                say.NOT_AN_AUDITFILE(why=exc.getMessage()), file=name, line=line, field=handler.element,
                hint=say.DAMAGED(),
            ) from None
        except DefusedXmlException as exc:
            raise InputError(say.REFUSED(why=exc), file=name, line=handler.line, hint=say.NO_DTD()) from None
        except UnicodeError as exc:
            raise InputError(say.NOT_READABLE_AS(encoding=encoding, why=exc), file=name, line=handler.line) from None
    return handler.finish()


def _declared_encoding(opener) -> str:
    with opener() as f:
        head = f.read(200)
    m = re.match(rb"<\?xml[^>]*encoding=[\"']([A-Za-z0-9._-]+)", head.lstrip(b"\xef\xbb\xbf"))
    return m.group(1).decode().lower() if m else ""


def _is_utf8(opener) -> bool:
    decoder = codecs.getincrementaldecoder("utf-8")()
    with opener() as f:
        try:
            while chunk := f.read(1 << 20):
                decoder.decode(chunk)
            decoder.decode(b"", final=True)
        except UnicodeDecodeError:
            return False
    return True


def _legacy_encoding(opener) -> str:
    """Windows-1252 (what Dutch Windows software writes), unless the file has a byte it leaves undefined."""
    with opener() as f:
        while chunk := f.read(1 << 20):
            if any(b in chunk for b in (b"\x81", b"\x8d", b"\x8f", b"\x90", b"\x9d")):
                return "iso-8859-1"
    return "windows-1252"


def _zip_opener(p: Path) -> Callable[[], BinaryIO]:
    try:
        with zipfile.ZipFile(p) as z:
            members = [i for i in z.infolist() if not i.is_dir() and i.filename.lower().endswith((".xaf", ".xml"))]
    except (zipfile.BadZipFile, OSError) as exc:
        raise InputError(say.NOT_A_ZIP(why=exc), file=str(p)) from None
    if len(members) != 1:
        names = ", ".join(i.filename for i in members) or say.NONE()
        raise InputError(say.ZIP_HOLDS(names=names), file=str(p), hint=say.UNZIP_EACH())  # fmt: skip
    info = members[0]
    where = f"{p}!{info.filename}"
    if info.file_size > MAX_XML_BYTES or info.file_size > MAX_RATIO * max(info.compress_size, 1):
        raise InputError(say.ZIP_BOMB(size=info.file_size, compressed=info.compress_size), file=where,
                         hint=say.AT_MOST(limit=MAX_XML_BYTES, ratio=MAX_RATIO))

    @contextlib.contextmanager
    def opener() -> Iterator[BinaryIO]:
        with zipfile.ZipFile(p) as z, z.open(info) as member:
            yield _Bounded(member, min(info.file_size, MAX_XML_BYTES), where)

    return opener


class _Bounded:
    """A byte stream that refuses to give more than ``limit`` bytes (a zip can lie about its sizes)."""

    def __init__(self, stream: BinaryIO, limit: int, name: str):
        self.stream, self.left, self.name = stream, limit, name

    def read(self, size: int = -1) -> bytes:
        data = self.stream.read(size if size >= 0 else self.left + 1)
        self.left -= len(data)
        if self.left < 0:
            raise InputError(say.ZIP_LIES(), file=self.name)
        return data

    def close(self) -> None:  # the zip member is closed by its owner
        pass


class _Handler:
    """Collects records (a dict of the leaf values per element of _RECORDS) and books them."""

    def __init__(self, name: str, keep: Callable[[Account], bool]):
        self.name, self.keep = name, keep
        self.expat = None
        self.stack: list[tuple[str, dict | None]] = []
        self.records: list[dict] = []  # the open records, innermost last
        self.journal: dict = {}
        self.transaction: dict = {}
        self.skip_depth = 0
        self.text: list[str] = []
        self.leaf = False
        self.ledger: Ledger | None = None
        self.version = ""
        self.company_name = ""
        self.taxonomy: dict[str, str] = {}
        self.ob_accounts: dict[str, str] = {}
        self.relation_accounts: dict[str, str] = {}  # account id -> the relation it is (Banana)
        self.relation_opening: dict[str, Decimal] = {}  # custSupID -> opBalDesc/opBalTp (XAF 4.0)
        self.links: dict[str, list[int]] = {}  # jrnID/trNr/trLine nr, or the matchKeyID -> item lines
        self.counts = {"obLine": 0, "trLine": 0}
        self.totals = {"obLine": [ZERO, ZERO], "trLine": [ZERO, ZERO]}
        self.opening_journals: dict[str, tuple[int, bool]] = {}  # jrnID -> (first line, left out)

    # -- expat plumbing (start, end, characters: called by expat itself, see _Parser) ------------
    @property
    def line(self) -> int | None:
        return self.expat.CurrentLineNumber if self.expat is not None else None

    @property
    def element(self) -> str | None:
        return "/".join(name for name, _ in self.stack[-3:]) or None

    def start(self, tag: str, _attributes) -> None:
        uri, _, name = tag.rpartition(" ")
        if not self.stack:
            self._root(uri, name)
        self.leaf = True
        self.text = []
        if self.skip_depth or name in _SKIPPED:
            self.skip_depth += 1
            self.stack.append((name, None))
            return
        record = None
        if name in _RECORDS:
            record = {"@line": self.expat.CurrentLineNumber, "@name": name}
            self.records.append(record)
            if name == "journal" or name == "transaction":  # the context of every trLine, kept at hand
                setattr(self, name, record)
        self.stack.append((name, record))

    def characters(self, content: str) -> None:
        if self.leaf:
            self.text.append(content)
            # an element's text comes in one piece, or a few where it spans the parser's input blocks (64 KB)
            if len(self.text) > 4 and sum(map(len, self.text)) > MAX_TEXT:  # the XSDs' longest text: 9,999
                raise InputError(say.TEXT_TOO_LONG(element=self.stack[-1][0], limit=MAX_TEXT), file=self.name,
                                 line=self.line, field=self.element, hint=say.DAMAGED())  # fmt: skip

    def end(self, _tag: str) -> None:
        name, record = self.stack.pop()
        leaf, self.leaf = self.leaf, False
        if self.skip_depth:
            self.skip_depth -= 1
        elif record is not None:
            self.records.pop()
            handler = getattr(self, "_end_" + name, None)
            if handler:
                handler(record)
        elif leaf and self.records:
            value = "".join(self.text).strip()
            owner = self.records[-1]
            if name in _RGS_FIELDS:
                owner.setdefault("@rgs", []).append(value)
            if name not in owner:
                owner[name] = value
                owner["@" + name] = self.expat.CurrentLineNumber
            if name == "companyName" and self.stack[-1][0] == "company":
                self.company_name = value

    def _root(self, uri: str, name: str) -> None:
        if name != "auditfile":
            raise InputError(say.ROOT_NOT_AUDITFILE(name=name), file=self.name, line=self.line,
                             field=name, hint=say.GIVE_XAF())  # fmt: skip
        version = version_of(uri)
        if version not in VERSIONS:
            what = say.XAF_VERSION(version=version) if version else say.XAF_NAMESPACE(uri=uri or say.NO_NAMESPACE())
            raise InputError(say.VERSION_NOT_READ(what=what), file=self.name, line=self.line, field=name,
                             hint=say.EXPORT_XAF_VERSION())  # fmt: skip
        self.version = version

    # -- values -------------------------------------------------------------------------------
    def _fail(self, record: dict, key: str, message: str, hint: str | None = None):
        line = record.get("@" + key, record.get("@line"))
        raise InputError(message, file=self.name, line=line, field=f"{record.get('@name', '')}/{key}".lstrip("/"), hint=hint)

    def _get(self, record: dict, key: str, required: bool = True) -> str:
        value = record.get(key, "")
        if required and not value:
            self._fail(record, key, say.ELEMENT_MISSING(key=key), say.INCOMPLETE())
        return value

    def _date(self, record: dict, key: str, required: bool = True) -> date | None:
        text = self._get(record, key, required)
        if not text:
            return None
        try:
            return date.fromisoformat(text[:10])
        except ValueError:
            self._fail(record, key, say.NOT_A_DATE(value=text))

    def _amount(self, record: dict, key: str = "amnt", side: str = "amntTp") -> Decimal:
        """The signed amount of amnt/amntTp (or another pair): debit positive."""
        text = self._get(record, key)
        if not _AMOUNT.fullmatch(text):
            self._fail(record, key, say.NOT_AN_AMOUNT(raw=text))
        try:
            value = Decimal(text)
        except InvalidOperation:  # pragma: no cover - the pattern admits only decimals
            self._fail(record, key, say.NOT_AN_AMOUNT(raw=text))
        kind = self._get(record, side).upper()
        if kind not in ("D", "C"):
            self._fail(record, side, say.D_OR_C(side=side, kind=kind))
        return value if kind == "D" else -value

    def _parent(self, name: str) -> dict:
        return next((r for n, r in reversed(self.stack) if n == name and r is not None), {})

    # -- records ------------------------------------------------------------------------------
    def _end_header(self, r: dict) -> None:
        start, end = self._date(r, "startDate"), self._date(r, "endDate")
        self.ledger = Ledger(self.name, "", start, end, r.get("curCode") or "EUR", version=self.version)

    def _need_ledger(self, r: dict) -> Ledger:
        if self.ledger is None:
            self._fail(r, "header", say.HEADER_FIRST())
        return self.ledger

    def _end_ledgerAccount(self, r: dict) -> None:
        ledger = self._need_ledger(r)
        acc = ledger.account(self._get(r, "accID"), r["@line"])
        acc.name, acc.kind, acc.line = r.get("accDesc", ""), r.get("accTp", "").upper(), r["@line"]
        acc.rgs = next(filter(None, map(rgs.clean_code, r.get("@rgs", []))), None)

    def _end_taxoElement(self, r: dict) -> None:  # XAF 3.1
        code = rgs.clean_code(r.get("txCd"))
        if code and r.get("glAccID"):
            self.taxonomy.setdefault(r["glAccID"], code)
            acc = self.ledger.accounts.get(r["glAccID"]) if self.ledger else None
            if acc is not None and not acc.rgs:  # known before the transactions: their lines can be sorted
                acc.rgs = code

    def _end_customerSupplier(self, r: dict) -> None:
        ledger = self._need_ledger(r)
        rid = self._get(r, "custSupID")
        ledger.relations[rid] = Relation(rid, r.get("custSupName", ""), r.get("custSupTp", "").upper())
        if r.get("opBalDesc"):  # XAF 4.0: the relation's balance at the start (an amount, despite the name)
            self.relation_opening[rid] = self._amount(r, "opBalDesc", "opBalTp")
        if r.get("clBalDesc"):
            ledger.relation_closing[rid] = self._amount(r, "clBalDesc", "clBalTp")

    def _end_obLine(self, r: dict) -> None:
        ledger = self._need_ledger(r)
        account, amount = self._get(r, "accID"), self._amount(r)
        self._relation_account(ledger.account(account, r["@line"]))
        ledger.add(ledger.opening, account, amount)
        self.ob_accounts[r.get("nr", "")] = account
        self._count("obLine", amount)

    def _end_obSbLine(self, r: dict) -> None:
        ledger = self._need_ledger(r)
        amount = self._amount(r)
        self._count_in("obSubledger", amount)
        relation = r.get("custSupID", "")
        day = self._date(r, "invDt", False) or ledger.start
        ledger.item_lines.append(ItemLine(
            self.ob_accounts.get(r.get("obLineNr", "")), relation, r.get("invRef") or r.get("recRef") or "", day, amount,
            invoice_date=self._date(r, "invDt", False), due_date=self._date(r, "invDueDt", False),
            mutation=r.get("mutTp", "").upper(), opening=True, line=r["@line"],
            subledger=self._parent("obSubledger").get("sbType", "").upper(), document=r.get("docRef", ""),
        ))  # fmt: skip

    def _end_trLine(self, r: dict) -> None:
        ledger = self._need_ledger(r)
        journal, transaction = self.journal, self.transaction
        account, amount = sys.intern(self._get(r, "accID")), self._amount(r)
        acc = ledger.account(account, r["@line"])
        self._relation_account(acc)
        day = self._date(r, "effDate", False) or self._date(transaction, "trDt")
        self._count("trLine", amount)
        opening = transaction.get("periodNumber", "").strip() == "0" or journal.get("jrnTp", "").upper() == "O"
        if opening:
            # Twinfield's opening balance: a journal in period 0 (or of type O). When the file has an
            # openingBalance as well, that one counts and the journal would count the balances twice.
            duplicate = self.counts["obLine"] > 0
            self.opening_journals.setdefault(journal.get("jrnID", "?"), (r["@line"], duplicate))
            if duplicate:
                return
        ledger.add(ledger.opening if opening else ledger.movements, account, amount)
        if not opening:
            ledger.postings[account] = ledger.postings.get(account, 0) + 1
        relation, invoice = sys.intern(r.get("custSupID", "")), r.get("invRef") or r.get("recRef") or ""
        if self.keep(acc):  # every line: a subledger line may give it the relation it lacks (Banana)
            index = len(ledger.item_lines)
            ledger.item_lines.append(ItemLine(account, relation or self.relation_accounts.get(account, ""), invoice, day, amount,
                                              line=r["@line"], document=r.get("docRef", "")))  # fmt: skip
            self.links.setdefault(_link(journal.get("jrnID"), transaction.get("nr"), r.get("nr")), []).append(index)
            if r.get("matchKeyID"):
                self.links.setdefault("\x1e" + r["matchKeyID"], []).append(index)

    def _relation_account(self, acc: Account) -> str:
        """The relation an account is, when it is not in the ledger but a customer's or supplier's id.

        Banana books on the relation's own account (accID 11000 = customer 11000) without custSupID:
        such an account is that relation's part of receivables (customer) or payables (supplier).
        """
        if acc.id in self.relation_accounts:
            return self.relation_accounts[acc.id]
        relation = self.ledger.relations.get(acc.id) if acc.kind == "" and not acc.name else None
        if relation is None:
            return ""
        acc.name, acc.kind = relation.name or relation.id, "B"
        acc.rgs = acc.rgs or {"C": "BVorDeb", "S": "BSchCre"}.get(relation.kind)
        self.relation_accounts[acc.id] = relation.id
        return relation.id

    def _end_sbLine(self, s: dict) -> None:
        """Give the ledger lines of a subledger line its relation, invoice and dates (the journals came first)."""
        self._count_in("subledger", self._amount(s))
        lines = self.ledger.item_lines if self.ledger else []
        key = _link(s.get("jrnID"), s.get("trNr"), s.get("trLineNr"))
        for index in self.links.get(key) or self.links.get("\x1e" + s.get("matchKeyID", "~"), []):
            old = lines[index]
            lines[index] = ItemLine(
                old.account, old.relation or s.get("custSupID", ""), old.invoice or s.get("invRef") or s.get("recRef") or "",
                old.day, old.amount, invoice_date=self._date(s, "invDt", False), due_date=self._date(s, "invDueDt", False),
                mutation=s.get("mutTp", "").upper(), line=old.line, document=old.document,
            )  # fmt: skip

    def _end_openingBalance(self, r: dict) -> None:
        self._check_declared(r, "openingBalance", "obLine", self.counts["obLine"], *self.totals["obLine"])

    def _end_transactions(self, r: dict) -> None:
        self._check_declared(r, "transactions", "trLine", self.counts["trLine"], *self.totals["trLine"])

    def _end_obSubledger(self, r: dict) -> None:
        self._check_declared(r, f"obSubledger {r.get('sbType', '')}", "obSbLine", r.get("@n", 0), r.get("@D", ZERO),
                             r.get("@C", ZERO))  # fmt: skip

    def _end_subledger(self, r: dict) -> None:
        self._check_declared(r, f"subledger {r.get('sbType', '')}", "sbLine", r.get("@n", 0), r.get("@D", ZERO),
                             r.get("@C", ZERO))  # fmt: skip

    def _count_in(self, parent: str, amount: Decimal) -> None:
        """Count a subledger line in its (ob)subledger's record, for its linesCount and totals."""
        r = self._parent(parent)
        r["@n"] = r.get("@n", 0) + 1
        side = "@D" if amount >= 0 else "@C"
        r[side] = r.get(side, ZERO) + abs(amount)

    def _count(self, kind: str, amount: Decimal) -> None:
        self.counts[kind] += 1
        self.totals[kind][0 if amount >= 0 else 1] += abs(amount)

    # -- the end ------------------------------------------------------------------------------
    def finish(self) -> Ledger:
        if self.ledger is None:
            raise InputError(say.NO_HEADER(), file=self.name, hint=say.EXPORT_AGAIN())
        ledger = self.ledger
        ledger.company_name = self.company_name
        ledger.has_items = True
        for account, code in self.taxonomy.items():
            acc = ledger.account(account)
            acc.rgs = acc.rgs or code
        if self.relation_accounts:
            kinds = {ledger.relations[r].kind for r in self.relation_accounts.values()}
            shown = f"{', '.join(list(self.relation_accounts)[:5])}{', ...' if len(self.relation_accounts) > 5 else ''}"
            ledger.warnings.append(say.RELATION_ACCOUNTS(source=self.name, count=len(self.relation_accounts), accounts=shown,
                                                         others=say.MAP_THE_OTHERS() if kinds - {"C", "S"} else ""))
        self._relation_openings()
        for jrn, (line, left_out) in self.opening_journals.items():
            said = say.OPENING_JOURNAL_LEFT_OUT if left_out else say.OPENING_JOURNAL_READ
            ledger.warnings.append(said(where=f"{self.name}:{line}", journal=jrn))
        return ledger

    def _relation_openings(self) -> None:
        """XAF 4.0 has no opening subledger, but each relation's opening balance: its open item at the start.

        Used only when the file itemizes no opening balance otherwise (an opening journal with relations).
        """
        ledger = self.ledger
        if not self.relation_opening or any(line.opening for line in ledger.item_lines):
            return
        sides = {"C": "CU", "S": "SU"}
        day = ledger.start - timedelta(days=1)
        used = [rid for rid, amount in self.relation_opening.items() if amount and ledger.relations[rid].kind in sides]
        for rid in used:
            subledger = sides[ledger.relations[rid].kind]
            ledger.item_lines.append(ItemLine(None, rid, "", day, self.relation_opening[rid], opening=True,
                                              subledger=subledger, document="opening balance"))  # fmt: skip
        if used:
            ledger.warnings.append(say.RELATION_OPENINGS(source=self.name, count=len(used)))

    def _check_declared(self, r: dict, where: str, kind: str, counted: int, debit: Decimal, credit: Decimal) -> None:
        """Warn where a linesCount, totalDebit or totalCredit says other than the lines do (the lines count)."""
        said = r.get("linesCount", "")
        if said and said != str(counted):
            self.ledger.warnings.append(say.LINES_COUNT(where=f"{self.name}:{r.get('@linesCount', r['@line'])}", part=where,
                                                        said=said, counted=counted, kind=kind))
        for key, total in (("totalDebit", debit), ("totalCredit", credit)):
            text = r.get(key, "")
            if text and _AMOUNT.fullmatch(text) and Decimal(text) != total:
                self.ledger.warnings.append(say.TOTAL_SAYS(where=f"{self.name}:{r.get('@' + key, r['@line'])}", part=where,
                                                           key=key, said=text, kind=kind, total=total))


def _link(journal, transaction, line) -> str:
    return f"{journal}\x1f{transaction}\x1f{line}"


__all__ = ["read", "looks_like", "version_of", "VERSIONS", "MAX_XML_BYTES", "MAX_RATIO"]
