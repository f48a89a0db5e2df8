"""Structure-aware fuzzing, one generator per reader (issue 12, item 7).

Where tests/test_bank_fuzz.py damages real files byte by byte, these tests *write* documents of
each format from their parts, with the variations that fooled readers before: namespace prefixes
(two for one namespace), attributes, comments / CDATA / processing instructions holding fake
records, end tags with spaces, stray and nested unknown tags, wrapped and cut MT940 lines,
quoted delimiters in CSV, three encodings, and truncation. Each document's number of records and
its total are known from how it was written, so a clean document must read to exactly those;
any document (truncated or not) may only ever give statements whose record count equals the
reader's independent count, or an :class:`~xlcapital.errors.XlcapitalError`: never another
exception, never a silent loss. Bounded: a modest number of examples, no deadline.
"""

from __future__ import annotations

from decimal import Decimal

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from xlcapital import bank
from xlcapital.errors import XlcapitalError

EXAMPLES = settings(max_examples=80, deadline=None, suppress_health_check=[HealthCheck.too_slow])

#: amounts in cents, small and large, written with two decimals
cents = st.integers(min_value=1, max_value=10**9)
#: free text that must stay text: markup characters, quotes, delimiters, non-ASCII, a formula
TEXT_ALPHABET = st.sampled_from(list("abc XYZ019-/.,;:'\"<>&é€=+?") + ["\t"])
free_text = st.text(TEXT_ALPHABET, min_size=0, max_size=12)


def money(c: int) -> str:
    return f"{c // 100}.{c % 100:02d}"


def check(data: bytes, *, fmt: str, expected: tuple[int, Decimal] | None, truncate_at: float | None):
    """Read ``data`` (cut at ``truncate_at`` of its length when given). A clean document reads to
    ``expected`` (records, total); any document reads with records == the independent count, or
    raises an XlcapitalError with a message."""
    if truncate_at is not None:
        data = data[: int(len(data) * truncate_at)]
    try:
        statements = bank.read_bytes(data, source=f"fuzz.{fmt}", format=fmt)
    except XlcapitalError as exc:
        assert str(exc).strip()
        assert expected is None or truncate_at is not None, f"a clean document was refused: {exc}"
        return
    module = bank.format_module(fmt)
    found = sum(len(s.transactions) if s.records is None else s.records for s in statements)
    assert found == module.count_records(bank._as_text_bytes(data, "x") if fmt != "camt" else data)
    if expected is not None and truncate_at is None:
        records, total = expected
        assert found == records
        assert sum((s.total for s in statements), Decimal(0)) == total


# --- CAMT ----------------------------------------------------------------------------------------

CAMT_NS = "urn:iso:std:iso:20022:tech:xsd:camt.053.001.02"

camt_entry = st.fixed_dictionaries(
    {
        "amounts": st.lists(cents, min_size=1, max_size=3),  # one per TxDtls (one: a plain entry)
        "credit": st.booleans(),
        "prefix": st.sampled_from(["", "a:", "b:"]),  # b: is a second prefix for the same namespace
        "attribute": st.booleans(),
        "spaced_end": st.booleans(),
        "info": free_text,
        "cdata": st.booleans(),
        "stray": st.booleans(),  # an unknown element inside the entry
    }
)
camt_noise = st.sampled_from(["", "comment", "fake-in-comment", "pi", "fake-in-cdata-comment"])


def camt_document(statements, encoding) -> tuple[bytes, tuple[int, Decimal]]:
    records, total = 0, Decimal(0)
    out = [f'<?xml version="1.0" encoding="{encoding}"?>\n',
           f'<Document xmlns="{CAMT_NS}" xmlns:a="{CAMT_NS}" xmlns:b="{CAMT_NS}"><BkToCstmrStmt>\n']
    for n, (entries, between) in enumerate(statements):
        out.append(f"<Stmt><Id>S{n}</Id><Acct><Id><IBAN>NL91ABNA0417164300</IBAN></Id></Acct>\n")
        for e, extra in zip(entries, between + [""] * len(entries)):
            p = e["prefix"]
            whole = sum(e["amounts"])
            sign = 1 if e["credit"] else -1
            records += len(e["amounts"]) if len(e["amounts"]) > 1 else 1
            total += sign * Decimal(whole) / 100
            info = e["info"].replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")
            info = f"<![CDATA[{e['info'].replace(']]>', '')} <Ntry>]]>" if e["cdata"] else info
            attribute = ' Id="x"' if e["attribute"] else ""
            details = ""
            if len(e["amounts"]) > 1:
                details = f"<{p}NtryDtls>" + "".join(
                    f"<{p}TxDtls><{p}AmtDtls><{p}TxAmt><{p}Amt Ccy=\"EUR\">{money(c)}</{p}Amt></{p}TxAmt></{p}AmtDtls></{p}TxDtls>"
                    for c in e["amounts"]) + f"</{p}NtryDtls>"
            stray = f"<{p}Xtra><{p}Ntry2>1</{p}Ntry2></{p}Xtra>" if e["stray"] else ""
            end = f"</{p}Ntry >" if e["spaced_end"] else f"</{p}Ntry>"
            out.append(
                f"<{p}Ntry{attribute}>\n<{p}Amt Ccy=\"EUR\">{money(whole)}</{p}Amt>"
                f"<{p}CdtDbtInd>{'CRDT' if e['credit'] else 'DBIT'}</{p}CdtDbtInd>{stray}"
                f"<{p}BookgDt><{p}Dt>2024-03-0{1 + n % 9}</{p}Dt></{p}BookgDt>"
                f"<{p}AddtlNtryInf>{info}</{p}AddtlNtryInf>\n{details}{end}\n"
            )
            out.append({"": "", "comment": "<!-- a note -->\n",
                        "fake-in-comment": '<!-- <Ntry><Amt Ccy="EUR">9.99</Amt></Ntry> -->\n',
                        "pi": "<?note <Ntry> ?>\n",
                        "fake-in-cdata-comment": "<!-- <![CDATA[ <Ntry> ]]> -->\n"}[extra])
        out.append("</Stmt>\n")
    out.append("</BkToCstmrStmt></Document>\n")
    text = "".join(out)
    codec = {"UTF-8": "utf-8", "UTF-16": "utf-16", "windows-1252": "cp1252"}[encoding]
    return text.encode(codec, errors="replace"), (records, total)


@EXAMPLES
@given(
    st.lists(st.tuples(st.lists(camt_entry, max_size=4), st.lists(camt_noise, max_size=4)), min_size=1, max_size=3),
    st.sampled_from(["UTF-8", "UTF-16", "windows-1252"]),
    st.none() | st.floats(0.05, 0.99),
)
def test_camt_structures(statements, encoding, truncate_at):
    data, expected = camt_document(statements, encoding)
    check(data, fmt="camt", expected=expected, truncate_at=truncate_at)


# --- OFX -----------------------------------------------------------------------------------------

ofx_transaction = st.fixed_dictionaries(
    {
        "cents": st.integers(-10**9, 10**9).filter(bool),
        "tag": st.sampled_from(["<STMTTRN>", "<stmttrn>", '<STMTTRN ID="1">', "<ofx:STMTTRN>", "<STMTTRN >"]),
        "closed": st.booleans(),  # SGML leaves aggregates open until the next; 2.x closes them
        "memo": free_text,
        "cdata": st.booleans(),
        "noise": st.sampled_from(["", "<!-- <STMTTRN><TRNAMT>1</STMTTRN> -->", "<?x <STMTTRN> ?>", "<UNKNOWN>x</UNKNOWN>"]),
    }
)


def ofx_document(statements, xml: bool, cp1252: bool) -> tuple[bytes, tuple[int, Decimal]]:
    records, total = 0, Decimal(0)
    encoding = "windows-1252" if cp1252 else "UTF-8"
    head = (f'<?xml version="1.0" encoding="{encoding}"?><?OFX OFXHEADER="200" VERSION="211"?>\n' if xml
            else f"OFXHEADER:100\nDATA:OFXSGML\nVERSION:102\nENCODING:{'USASCII' if cp1252 else 'UTF-8'}\n"
                 f"CHARSET:{'1252' if cp1252 else 'NONE'}\n\n")
    out = [head, "<OFX><BANKMSGSRSV1>\n"]
    for n, transactions in enumerate(statements):
        out.append(f"<STMTTRNRS><STMTRS><CURDEF>EUR</CURDEF><BANKACCTFROM><ACCTID>NL69INGB012345678{n}</ACCTID>"
                   "</BANKACCTFROM><BANKTRANLIST>\n")
        for t in transactions:
            records += 1
            total += Decimal(t["cents"]) / 100
            amount = f"{'-' if t['cents'] < 0 else ''}{money(abs(t['cents']))}"
            text = t["memo"].replace("]]>", "")  # the one thing a CDATA section cannot hold
            memo = text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")
            if t["cdata"]:
                memo = f"<![CDATA[{text}]]>"
            close = "</STMTTRN>" if t["closed"] or xml else ""
            out.append(f"{t['tag']}<TRNTYPE>OTHER<DTPOSTED>20240301<TRNAMT>{amount}<FITID>F{records}"
                       f"<MEMO>{memo}\n{t['noise']}{close}\n")
        out.append("</BANKTRANLIST><LEDGERBAL><BALAMT>0.00<DTASOF>20240301</LEDGERBAL></STMTRS></STMTTRNRS>\n")
    out.append("</BANKMSGSRSV1></OFX>\n")
    return "".join(out).encode("cp1252" if cp1252 else "utf-8"), (records, total)


@EXAMPLES
@given(
    st.lists(st.lists(ofx_transaction, max_size=5), min_size=1, max_size=3),
    st.booleans(),
    st.booleans(),
    st.none() | st.floats(0.05, 0.99),
)
def test_ofx_structures(statements, xml, cp1252, truncate_at):
    data, expected = ofx_document(statements, xml, cp1252)
    check(data, fmt="ofx", expected=expected, truncate_at=truncate_at)
    if truncate_at is None:  # markup characters, quotes, a leading "=": the memo comes back as text
        read = [t.description for s in bank.read_bytes(data, "m.ofx") for t in s.transactions]
        written = [" ".join(t["memo"].replace("]]>", "").split()) for s in statements for t in s]
        assert read == written


# --- MT940 ---------------------------------------------------------------------------------------

mt940_line = st.fixed_dictionaries(
    {
        "cents": st.integers(-10**9, 10**9).filter(bool),
        "decimal": st.sampled_from([",", "."]),
        "info": st.lists(st.text(st.sampled_from(list("abc XYZ019/.,'é")), max_size=70), max_size=3),
        "dash_line": st.booleans(),  # a "-" line inside the wrapped :86: (OCA ING)
        "cut_tag": st.booleans(),  # ":" / "86:..." (a tag cut after its colon)
    }
)


def mt940_document(statements, envelope: bool, line_end: str, encoding: str) -> tuple[bytes, tuple[int, Decimal]]:
    records, total = 0, Decimal(0)
    out = []
    for n, lines in enumerate(statements):
        if envelope:
            out += ["{1:F01INGBNL2AXXXX0000000000}{2:I940INGBNL2AXXXXN}{4:"]
        out += [f":20:STMT{n}", ":25:NL69INGB0123456789EUR", f":28C:{n}", ":60F:C240301EUR0,00"]
        for t in lines:
            records += 1
            total += Decimal(t["cents"]) / 100
            amount = money(abs(t["cents"])).replace(".", t["decimal"])
            out.append(f":61:2403010301{'C' if t['cents'] > 0 else 'D'}{amount}NTRFNONREF//B{records}")
            info = [s.strip() for s in t["info"]] or ["x"]
            out += [":", "86:" + info[0]] if t["cut_tag"] else [":86:" + info[0]]
            if t["dash_line"]:
                out += ["-", "vervolg"]
            out += info[1:]
        out.append(":62F:C240301EUR0,00")
        out.append("-}" if envelope else "-")
    return (line_end.join(out) + line_end).encode(encoding, errors="replace"), (records, total)


@EXAMPLES
@given(
    st.lists(st.lists(mt940_line, max_size=5), min_size=1, max_size=3),
    st.booleans(),
    st.sampled_from(["\r\n", "\n", "\r"]),
    st.sampled_from(["utf-8", "cp1252", "utf-16"]),
    st.none() | st.floats(0.05, 0.99),
)
def test_mt940_structures(statements, envelope, line_end, encoding, truncate_at):
    data, expected = mt940_document(statements, envelope, line_end, encoding)
    check(data, fmt="mt940", expected=expected, truncate_at=truncate_at)


# --- CSV -----------------------------------------------------------------------------------------

csv_row = st.fixed_dictionaries({"cents": st.integers(-10**9, 10**9), "name": free_text, "note": free_text})


def ing_semicolon_document(rows, line_end: str, bom: bool) -> tuple[bytes, tuple[int, Decimal]]:
    """ING's semicolon export: every field quoted, a quote inside doubled, ';' inside kept."""
    out = ['"Datum";"Naam / Omschrijving";"Rekening";"Tegenrekening";"Code";"Af Bij";"Bedrag (EUR)";'
           '"Mutatiesoort";"Mededelingen"']
    total = Decimal(0)
    for i, r in enumerate(rows):
        total += Decimal(r["cents"]) / 100
        quoted = [f'"{v}"' for v in (
            f"202403{1 + i % 28:02d}", r["name"].replace('"', '""').replace("\t", " "), "NL20INGB0001234567", "",
            "OV", "Bij" if r["cents"] >= 0 else "Af", money(abs(r["cents"])).replace(".", ","), "Overschrijving",
            r["note"].replace('"', '""').replace("\t", " "))]
        out.append(";".join(quoted))
    text = ("\ufeff" if bom else "") + line_end.join(out) + line_end
    return text.encode("utf-8"), (len(rows), total)


@EXAMPLES
@given(
    st.lists(csv_row, min_size=1, max_size=6),
    st.sampled_from(["\r\n", "\n", "\r"]),
    st.booleans(),
    st.none() | st.floats(0.05, 0.99),
)
def test_csv_structures(rows, line_end, bom, truncate_at):
    data, expected = ing_semicolon_document(rows, line_end, bom)
    check(data, fmt="csv", expected=expected, truncate_at=truncate_at)
