"""CAMT reader: the small cases mutation testing found untested (docs/development.md, "Mutation testing").

Documents are written here by hand, one element per line where the line matters; every expected
value is worked out in the comments (signs, batch splits, balances, counterparties, the exact text
and line of each refusal and warning). Only public functions: ``bank.read_bytes`` and the module's
``sniff``/``count_records``/``read``.
"""

from __future__ import annotations

from datetime import date
from decimal import Decimal as D

import pytest

from xlcapital import bank
from xlcapital.bank import camt
from xlcapital.errors import BankFileError

NS = "urn:iso:std:iso:20022:tech:xsd:camt.053.001.02"


def document(*entries: str, balances: str = "", account: str = "<Id><IBAN>NL91 ABNA 0417 1643 00</IBAN></Id><Ccy>EUR</Ccy>",
             tag: str = "Stmt", ns: str = NS) -> bytes:
    """A camt.053 document: the XML declaration on line 1, ``<Document>`` 2, the group 3, the statement 4,
    its id 5, the account 6, then one line per balance and one per entry."""
    lines = [
        '<?xml version="1.0" encoding="UTF-8"?>',
        f'<Document xmlns="{ns}">',
        "<BkToCstmrStmt><GrpHdr><MsgId>M1</MsgId></GrpHdr>",
        f"<{tag}>",
        "<Id>S-1</Id>",
        f"<Acct>{account}</Acct>",
        *([balances] if balances else []),
        *entries,
        f"</{tag}></BkToCstmrStmt>",
        "</Document>",
    ]
    return ("\n".join(lines) + "\n").encode("utf-8")


def entry(amount: str = "10.00", mark: str = "CRDT", booked: str = "<BookgDt><Dt>2024-03-01</Dt></BookgDt>",
          inner: str = "", ccy: str = "EUR") -> str:
    return f'<Ntry><Amt Ccy="{ccy}">{amount}</Amt><CdtDbtInd>{mark}</CdtDbtInd>{booked}{inner}</Ntry>'


def bal(code: str, amount: str, mark: str = "CRDT", when: str = "<Dt><Dt>2024-03-01</Dt></Dt>", ccy: str = "EUR",
        tp: str = "Cd") -> str:
    return (f"<Bal><Tp><CdOrPrtry><{tp}>{code}</{tp}></CdOrPrtry></Tp><Amt Ccy=\"{ccy}\">{amount}</Amt>"
            f"<CdtDbtInd>{mark}</CdtDbtInd>{when}</Bal>")


def details(*txs: str) -> str:
    return "<NtryDtls>" + "".join(f"<TxDtls>{t}</TxDtls>" for t in txs) + "</NtryDtls>"


def tx_amount(amount: str, mark: str | None = None, ccy: str = "EUR") -> str:
    sign = f"<CdtDbtInd>{mark}</CdtDbtInd>" if mark else ""
    return f'<AmtDtls><TxAmt><Amt Ccy="{ccy}">{amount}</Amt></TxAmt></AmtDtls>{sign}'


def one(data: bytes, name: str = "c.xml"):
    [s] = bank.read_bytes(data, name)
    return s


def refusal(data: bytes, name: str = "e.xml") -> str:
    with pytest.raises(BankFileError) as err:
        bank.read_bytes(data, name)
    return str(err.value)


# --- sniffing and the independent count -----------------------------------------------------------


@pytest.mark.parametrize(
    "head, known",
    [
        (b'<Document xmlns="urn:iso:std:iso:20022:tech:xsd:camt.052.001.02">', True),
        (b'<Document xmlns="urn:iso:std:iso:20022:tech:xsd:camt.054.001.08">', True),
        (b'<Document xmlns="urn:iso:std:iso:20022:tech:xsd:camt.055.001.02">', False),  # not a statement
        (b'<Document xmlns="urn:iso:std:iso:20022:tech:xsd:pain.001.001.03">', False),
        (b"<x:BkToCstmrAcctRpt>", True), (b"<BkToCstmrDbtCdtNtfctn>", True), (b"<BkToCstmrStmt>", True),
        (b"<BkToCstmrStmtX>", False),
        ('<Document xmlns="urn:iso:std:iso:20022:tech:xsd:camt.053.001.02">'.encode("utf-16"), True),  # with a BOM
    ],
)
def test_sniff(head, known):
    assert camt.sniff(head) is known


def test_count_records_per_entry_and_its_details_with_one_per_empty_entry():
    # an entry without details is 1, with three details 3, details outside an entry count for the next
    data = (b"<D><Ntry/><Ntry><NtryDtls><TxDtls/><TxDtls/><TxDtls/></NtryDtls></Ntry>"
            b"<p:Ntry xmlns:p='u'><p:NtryDtls><p:TxDtls/></p:NtryDtls></p:Ntry><NtryX/><TxDtlsX/></D>")
    assert camt.count_records(data) == 1 + 3 + 1


def test_count_records_in_slices_gives_the_same_count():
    # more than one 1 MB slice: an entry cut by the slice boundary counts once
    filler = b"<F>" + b"x" * (1 << 20) + b"</F>"
    data = b"<D>" + filler + b"<Ntry><NtryDtls><TxDtls/><TxDtls/></NtryDtls></Ntry>" + filler + b"<Ntry/></D>"
    assert camt.count_records(data) == 3


def test_count_records_refuses_a_dtd_and_broken_xml_naming_the_line():
    with pytest.raises(BankFileError) as err:
        camt.count_records(b"<?xml version='1.0'?>\n<!DOCTYPE D []>\n<D/>")
    assert str(err.value) == "refused: the XML declares a DTD (a bank's CAMT export never does; this file may be hostile)"
    with pytest.raises(BankFileError) as err:
        camt.count_records(b"<D>\n<Ntry>\n</D>")
    assert (err.value.message, err.value.line) == ("not well-formed XML: mismatched tag", 3)


# --- statements: account, currency, balances -------------------------------------------------------


def test_account_currency_id_and_balances():
    balances = "\n".join([bal("PRCD", "90.00"), bal("OPBD", "100.00", "DBIT"), bal("OPBD", "1.00"),
                          bal("CLBD", "110.00", "DBIT", "<Dt><DtTm>2024-03-02T23:59:59.000+01:00</DtTm></Dt>"),
                          bal("CLAV", "5.00")])
    s = one(document(entry("10.00", "DBIT"), balances=balances))
    assert (s.account, s.currency, s.statement_id, s.format) == ("NL91ABNA0417164300", "EUR", "S-1", "camt")
    # OPBD beats PRCD, the first of a code counts, DBIT is negative; CLBD (not CLAV) closes, dated by DtTm
    assert (s.opening_balance.amount, s.opening_balance.date) == (D("-100.00"), date(2024, 3, 1))
    assert (s.closing_balance.amount, s.closing_balance.date, s.closing_balance.currency) == (D("-110.00"), date(2024, 3, 2), "EUR")
    assert s.reconciles and not s.warnings  # -100 - 10 = -110


def test_previous_closing_is_the_opening_when_there_is_no_opbd_and_proprietary_codes_count():
    s = one(document(entry(), balances=bal("PRCD", "7.00") + "\n" + bal("CLBD", "17.00", tp="Prtry")))
    assert (s.opening_balance.amount, s.closing_balance.amount) == (D("7.00"), D("17.00"))


def test_the_account_by_other_id_and_the_currency_from_the_balances_or_the_entries():
    s = one(document(entry(ccy="CHF"), account="<Id><Othr><Id> 0035-29 </Id></Othr></Id>", balances=bal("CLBD", "1", ccy="USD")))
    assert (s.account, s.currency) == ("0035-29", "USD")
    s = one(document(entry(ccy="CHF"), account="<Id><Othr><Id>1</Id></Othr></Id>"))
    assert (s.account, s.currency, s.opening_balance, s.closing_balance) == ("1", "CHF", None, None)
    s = one(document(entry(ccy="CHF"), account=""))
    assert s.account == "" and s.statement_id == "S-1"


@pytest.mark.parametrize(
    "balance, warning",
    [
        (bal("CLBD", "5.00", ""), "c.xml:7: balance CLBD left out: a balance's CdtDbtInd must be CRDT or DBIT, not ''; the transactions are read"),
        (bal("CLBD", "5.00", "DEBIT"), "c.xml:7: balance CLBD left out: a balance's CdtDbtInd must be CRDT or DBIT, not 'DEBIT'; the transactions are read"),
        (bal("CLBD", " "), "c.xml:7: balance CLBD left out: an empty balance amount; the transactions are read"),
        (bal("CLBD", "5 00"), "c.xml:7: balance CLBD left out: not a balance amount: '5 00'"),
        (bal("CLBD", "5.00", when="<Dt><Dt>2024-02-30</Dt></Dt>"),
         "c.xml:7: balance CLBD left out: not a balance date: '2024-02-30'; the transactions are read"),
        ("<Bal><Tp><CdOrPrtry><Cd>CLBD</Cd></CdOrPrtry></Tp><CdtDbtInd>CRDT</CdtDbtInd></Bal>",
         "c.xml:7: balance CLBD left out: a balance <Bal> has no <Amt>; the transactions are read"),
    ],
)
def test_a_damaged_balance_costs_a_warning_naming_its_line(balance, warning):
    s = one(document(entry(), balances=balance))
    assert [t.amount for t in s.transactions] == [D("10.00")] and s.closing_balance is None
    assert s.warnings[0].startswith(warning.split("; the")[0])


def test_a_zero_balance_needs_no_sign_and_an_undated_one_is_kept():
    s = one(document(entry(), balances=bal("OPBD", "0.00", "", when="") + "\n" + bal("CLBD", "10.00", when="")))
    assert (s.opening_balance.amount, s.opening_balance.date, s.closing_balance.date) == (D("0.00"), None, None)
    assert not s.warnings


def test_a_balance_without_a_code_is_no_balance():
    s = one(document(entry(), balances=bal("", "5.00")))
    assert (s.opening_balance, s.closing_balance, s.warnings) == (None, None, [])


def test_the_warning_names_the_balance_line_past_entries_and_comments():
    # a <Bal in a comment and in an entry's text is not a balance: the damaged one is the second real one
    balances = "<!-- <Bal> -->\n" + bal("OPBD", "1.00") + "\n" + bal("CLBD", "x")
    s = one(document(entry(inner="<AddtlNtryInf>&lt;Bal&gt;</AddtlNtryInf>"), balances=balances))
    # the comment is line 7, OPBD 8, the damaged CLBD 9
    assert s.warnings == ["c.xml:9: balance CLBD left out: not a balance amount: 'x'; the transactions are read"]


# --- entries ---------------------------------------------------------------------------------------


def test_an_entry_without_details_and_its_fields():
    inner = ("<ValDt><Dt>2024-03-04</Dt></ValDt><AcctSvcrRef> REF-1 </AcctSvcrRef>"
             "<BkTxCd><Prtry><Cd>N102</Cd></Prtry></BkTxCd><AddtlNtryInf> card\n  payment </AddtlNtryInf>")
    s = one(document(entry("2.50", "DBIT", inner=inner)))
    [t] = s.transactions
    assert (t.amount, t.booking_date, t.value_date, t.currency) == (D("-2.50"), date(2024, 3, 1), date(2024, 3, 4), "EUR")
    assert (t.reference, t.code, t.description, t.line) == ("REF-1", "N102", "card payment", 7)


def test_dates_by_datetime_and_the_value_date_alone():
    s = one(document(entry(booked="<BookgDt><DtTm>2024-03-05T10:00:00</DtTm></BookgDt><ValDt><DtTm>2024-03-06T00:00:00</DtTm></ValDt>"),
                     entry(booked="<ValDt><Dt>2024-03-07+01:00</Dt></ValDt>")))
    a, b = s.transactions
    assert (a.booking_date, a.value_date) == (date(2024, 3, 5), date(2024, 3, 6))
    assert (b.booking_date, b.value_date) == (date(2024, 3, 7), date(2024, 3, 7))  # no booking date: the value date


def test_codes_reversal_and_status():
    domain = ("<BkTxCd><Domn><Cd>PMNT</Cd><Fmly><Cd>RCDT</Cd><SubFmlyCd>ESCT</SubFmlyCd></Fmly></Domn>"
              "<Prtry><Cd>X</Cd></Prtry></BkTxCd>")
    s = one(document(
        entry(inner=domain + "<RvslInd>true</RvslInd>"),
        entry(inner="<BkTxCd><Domn><Cd>PMNT</Cd></Domn></BkTxCd><RvslInd>1</RvslInd><Sts>PDNG</Sts>"),
        entry(inner="<RvslInd>false</RvslInd><Sts><Cd>BOOK</Cd></Sts>"),
        entry(inner="<Sts><Cd>INFO</Cd></Sts><BkTxCd/>"),
    ))
    assert [t.code for t in s.transactions] == ["PMNT-RCDT-ESCT/RVSL", "PMNT/RVSL/PDNG", "", "/INFO"]
    assert [t.amount for t in s.transactions] == [D("10.00")] * 4  # a reversal keeps its own direction


def test_one_detail_takes_the_entrys_amount_and_its_parties():
    parties = ("<RltdPties><Dbtr><Nm> Klant A </Nm></Dbtr><DbtrAcct><Id><IBAN>NL20 INGB 0001 2345 67</IBAN></Id></DbtrAcct>"
               "<Cdtr><Nm>Us</Nm></Cdtr></RltdPties>")
    inner = details(tx_amount("99.00", ccy="USD") + "<Refs><EndToEndId>E2E-1</EndToEndId></Refs>" + parties
                    + "<RmtInf><Ustrd>factuur</Ustrd><Ustrd> 12 </Ustrd></RmtInf>")
    [t] = one(document(entry("90.00", "CRDT", inner=inner))).transactions
    # what moved on the account: the entry's 90.00 EUR, not the detail's 99.00 USD; money in: the debtor
    assert (t.amount, t.currency, t.counterparty, t.counterparty_iban) == (D("90.00"), "EUR", "Klant A", "NL20INGB0001234567")
    assert (t.description, t.reference) == ("factuur 12", "E2E-1")


def test_money_out_names_the_creditor_or_the_ultimate_one_and_other_ids():
    parties = ("<RltdPties><Dbtr><Nm>Us</Nm></Dbtr><Cdtr><Pty><Nm>Leverancier</Nm></Pty></Cdtr>"
               "<CdtrAcct><Id><Othr><Id>BE-1</Id></Othr></Id></CdtrAcct></RltdPties>")
    [t] = one(document(entry("5.00", "DBIT", inner=details(parties)))).transactions
    assert (t.amount, t.counterparty, t.counterparty_iban) == (D("-5.00"), "Leverancier", "BE-1")
    ultimate = "<RltdPties><Cdtr><Nm> </Nm></Cdtr><UltmtCdtr><Nm>Eind</Nm></UltmtCdtr></RltdPties>"
    [t] = one(document(entry("5.00", "DBIT", inner=details(ultimate)))).transactions
    assert (t.counterparty, t.counterparty_iban) == ("Eind", "")
    [t] = one(document(entry("5.00", "DBIT", inner=details("<RltdPties><UltmtCdtr><Pty><Nm>P</Nm></Pty></UltmtCdtr></RltdPties>")))).transactions
    assert t.counterparty == "P"


@pytest.mark.parametrize(
    "detail, entry_info, description, reference",
    [
        ("<RmtInf><Strd><CdtrRefInf><Ref>RF18 5390</Ref></CdtrRefInf></Strd></RmtInf>", "", "RF18 5390", ""),
        ("<RmtInf><Ustrd></Ustrd></RmtInf><AddtlTxInf> extra </AddtlTxInf>", "", "extra", ""),
        ("<Refs><AcctSvcrRef>TX-REF</AcctSvcrRef><EndToEndId>E</EndToEndId></Refs>", "<AddtlNtryInf>entry</AddtlNtryInf>", "entry", "TX-REF"),
        ("<Refs><EndToEndId>notprovided</EndToEndId></Refs>", "", "", ""),
    ],
)
def test_description_and_reference_fall_back_in_order(detail, entry_info, description, reference):
    [t] = one(document(entry(inner=entry_info + details(detail)))).transactions
    assert (t.description, t.reference) == (description, reference)


def test_the_entry_reference_beats_the_details():
    inner = "<AcctSvcrRef>E-REF</AcctSvcrRef>" + details("<Refs><AcctSvcrRef>TX</AcctSvcrRef></Refs>")
    assert one(document(entry(inner=inner))).transactions[0].reference == "E-REF"


# --- batch entries ---------------------------------------------------------------------------------


def test_a_batch_is_split_when_its_details_add_up():
    # entry -300: details 100 and 150 out, the third without an amount takes the rest, 50 out
    inner = details(tx_amount("100.00"), tx_amount("150.00", "DBIT"), "")
    s = one(document(entry("300.00", "DBIT", inner=inner)))
    assert [t.amount for t in s.transactions] == [D("-100.00"), D("-150.00"), D("-50.00")]
    assert s.records is None and not s.warnings
    # details with their own Amt (.04 on), and a detail in the entry's currency named explicitly
    inner = details('<Amt Ccy="EUR">1.50</Amt>', '<Amt>2.50</Amt>')
    assert [t.amount for t in one(document(entry("4.00", inner=inner))).transactions] == [D("1.50"), D("2.50")]
    # several NtryDtls groups are one batch
    inner = details(tx_amount("1.00")) + details(tx_amount("2.00"))
    assert [t.amount for t in one(document(entry("3.00", inner=inner))).transactions] == [D("1.00"), D("2.00")]


@pytest.mark.parametrize(
    "amount, mark, inner, why",
    [
        ("3.00", "CRDT", details("", ""), "a batch entry of 2 transactions gives no amount per transaction"),
        ("3.00", "CRDT", details(tx_amount("1.00"), "", ""), "a batch entry of 3 transactions gives no amount for 2 of them"),
        ("3.00", "CRDT", details(tx_amount("1.00", ccy="USD"), tx_amount("2.00")), "a batch entry in EUR has transactions in another currency"),
        ("3.00", "CRDT", details(tx_amount("4.00"), tx_amount("1.00", "DBIT")), "a batch entry in has transactions the other way"),
        ("3.00", "DBIT", details(tx_amount("4.00", "CRDT"), tx_amount("1.00")), "a batch entry out has transactions the other way"),
        ("3.00", "CRDT", details(tx_amount("1.00"), tx_amount("1.00")), "the 2 transactions of a batch entry add up to 2.00, not to the entry's 3.00"),
        ("3.00", "CRDT", details(tx_amount("3.00"), ""), "the other transactions of a batch entry of 3.00 leave 0.00 for the one without an amount"),
        ("3.00", "CRDT", details(tx_amount("5.00"), ""), "the other transactions of a batch entry of 3.00 leave -2.00 for the one without an amount"),
        ("3.00", "DBIT", details(tx_amount("5.00"), ""), "the other transactions of a batch entry of -3.00 leave 2.00 for the one without an amount"),
    ],
)
def test_a_batch_whose_details_do_not_add_up_is_kept_whole_with_a_warning(amount, mark, inner, why):
    s = one(document(entry(amount, mark, inner=inner + "<AcctSvcrRef>B</AcctSvcrRef>")))
    [t] = s.transactions
    n = inner.count("<TxDtls>")
    assert (t.amount, t.reference, t.description) == (D(amount) if mark == "CRDT" else -D(amount), "B", f"batch of {n} transactions")
    assert s.records == n  # the count check still sees every detail
    assert s.warnings == [f"c.xml:7: {why}: kept as one transaction of the entry's amount"]


def test_a_batch_kept_whole_keeps_the_entrys_own_text():
    inner = details("", "") + "<AddtlNtryInf>salarissen</AddtlNtryInf>"
    assert one(document(entry(inner=inner))).transactions[0].description == "salarissen"


# --- refusals --------------------------------------------------------------------------------------


@pytest.mark.parametrize(
    "data, message",
    [
        (document(entry(mark="")), "e.xml:7: CdtDbtInd must be CRDT or DBIT, not ''"),
        (document(entry(mark="CREDIT")), "e.xml:7: CdtDbtInd must be CRDT or DBIT, not 'CREDIT'"),
        (document(entry(booked="")), "e.xml:7: an entry has neither a booking date nor a value date"),
        (document(entry(booked="<BookgDt><Dt>2024-13-01</Dt></BookgDt>")), "e.xml:7: not a booking date: '2024-13-01'"),
        (document(entry(inner="<ValDt><Dt>x</Dt></ValDt>")), "e.xml:7: not a value date: 'x'"),
        (document(entry(amount="")), "e.xml:7: an empty entry amount"),
        (document(entry(amount="1e3")), "e.xml:7: not an entry amount: '1e3'"),
        (document(entry().replace('<Amt Ccy="EUR">10.00</Amt>', "")), "e.xml:7: an entry <Ntry> has no <Amt>"),
        (document(entry("3.00", inner=details(tx_amount("x"), ""))), "e.xml:7: not a transaction amount: 'x'"),
        (document(entry("3.00", inner=details(tx_amount("1.00", "NONE"), ""))), "e.xml:7: CdtDbtInd must be CRDT or DBIT, not 'NONE'"),
        (document(entry(), tag="Foo"), "e.xml:7: an entry <Ntry> outside any <Stmt>, <Rpt> or <Ntfctn>"),
    ],
)
def test_a_damaged_entry_is_refused_naming_its_line(data, message):
    assert refusal(data).startswith(message)


def test_a_document_that_is_no_camt_is_named():
    assert refusal(b'<?xml version="1.0"?>\n<Other><BkToCstmrStmtX/></Other>\n', "x.xml").startswith("x.xml")


def test_reports_and_notifications_are_statements_too():
    s = one(document(entry(), tag="Rpt", ns="urn:iso:std:iso:20022:tech:xsd:camt.052.001.02"))
    n = one(document(entry(), tag="Ntfctn", ns="urn:iso:std:iso:20022:tech:xsd:camt.054.001.02"))
    assert [t.amount for t in s.transactions + n.transactions] == [D("10.00"), D("10.00")]


def test_two_statements_each_with_their_own_entries():
    doc = document(entry("1.00")).replace(b"</Stmt>", b"</Stmt>\n<Stmt><Id>S-2</Id><Acct><Id><IBAN>NL20INGB0001234567</IBAN></Id></Acct>\n"
                                           + entry("2.00", "DBIT").encode() + b"\n</Stmt>")
    a, b = bank.read_bytes(doc, "two.xml")
    assert (a.statement_id, [t.amount for t in a.transactions]) == ("S-1", [D("1.00")])
    assert (b.statement_id, b.account, b.currency, [t.amount for t in b.transactions]) == ("S-2", "NL20INGB0001234567", "EUR", [D("-2.00")])
    assert b.transactions[0].line == 10


def test_the_module_reader_puts_the_bank_and_source_it_is_given():
    [s] = camt.read(document(entry(), balances=bal("CLBD", "x")), source="src.xml", bank="abnamro")
    assert s.bank == "abnamro" and s.warnings[0].startswith("src.xml:7: balance CLBD left out")


# --- second round: the survivors of the first mutation run ----------------------------------------


def test_refusals_of_the_module_reader_name_the_source():
    with pytest.raises(BankFileError) as err:
        camt.read(b'<?xml version="1.0"?>\n<!DOCTYPE Document []>\n<Document/>', source="d.xml")
    assert str(err.value) == ("d.xml: refused: the XML declares a DTD or entities (DTDForbidden) "
                              "(a bank's CAMT export never does; this file may be hostile)")
    with pytest.raises(BankFileError) as err:
        camt.read(b'<?xml version="1.0" encoding="x-no-such"?>\n<Document/>', source="d.xml")
    assert (err.value.file, err.value.line) == ("d.xml", 1)
    assert err.value.message.startswith("the XML declares an unknown encoding: ")
    with pytest.raises(BankFileError) as err:
        camt.read(b"<Document>\n<BkToCstmrStmt>\n<Stmt>\n</Document>", source="d.xml")
    assert (err.value.file, err.value.line, err.value.message) == ("d.xml", 4, "not well-formed XML: mismatched tag")
    with pytest.raises(BankFileError) as err:
        camt.read(b"<Other><x/></Other>", source="o.xml")
    assert str(err.value) == "o.xml: not a CAMT document: no <Stmt>, <Rpt> or <Ntfctn>"
    assert camt.read(b"<Document/>") == [] and camt.read(b"<BkToCstmrStmt/>") == []


def test_an_entry_outside_a_statement_is_named_by_its_own_line():
    data = document(entry("1.00")).replace(b"</Stmt></BkToCstmrStmt>", b"</Stmt>\n" + entry("2.00").encode() + b"</BkToCstmrStmt>")
    # the statement ends on line 8, the stray entry stands on line 9
    assert refusal(data).startswith("e.xml:9: an entry <Ntry> outside any <Stmt>, <Rpt> or <Ntfctn>")


def test_the_declared_encoding_reads_the_entries():
    data = document(entry(inner="<AddtlNtryInf>caf\u00e9</AddtlNtryInf>")).replace(b"UTF-8", b"ISO-8859-1").replace("é".encode(), b"\xe9")
    assert one(data).transactions[0].description == "café"


def test_a_document_without_a_namespace():
    data = document(entry("4.00", "DBIT")).replace(f' xmlns="{NS}"'.encode(), b"")
    [t] = bank.read_bytes(data, "n.xml", format="camt")[0].transactions
    assert t.amount == D("-4.00")


def test_utf16_big_endian_and_broken_utf16():
    data = document(entry()).decode().replace("UTF-8", "UTF-16").encode("utf-16-be")
    assert one(b"\xfe\xff" + data).transactions[0].amount == D("10.00")
    with pytest.raises(BankFileError) as err:
        camt.read(b"\xff\xfe<\x00D\x00>")
    assert err.value.message.startswith("not valid UTF-16: ")


def test_without_the_final_parse_a_cut_document_would_count():
    with pytest.raises(BankFileError) as err:
        camt.count_records(b"<D><Ntry/>")
    assert err.value.message == "not well-formed XML: no element found"


def test_what_a_statement_lacks_stays_empty():
    s = one(document(entry(), account="<Id><Othr/></Id>").replace(b"<Id>S-1</Id>", b""))
    assert (s.account, s.statement_id) == ("", None)
    # currency: Acct/Ccy first, then the opening's, the closing's, the first entry's; none at all: None
    s = one(document(entry(ccy="CHF"), balances=bal("OPBD", "1", ccy="USD") + bal("CLBD", "11", ccy="GBP")))
    assert s.currency == "EUR"
    s = one(document(entry(ccy="CHF"), account="", balances=bal("OPBD", "1", ccy="USD") + bal("CLBD", "11", ccy="GBP")))
    assert s.currency == "USD"
    [s] = camt.read(document(account=""))
    assert (s.currency, s.transactions) == (None, [])
    # an entry and a balance without Ccy: none of their own (the statement's is Acct/Ccy's)
    data = document(entry().replace(' Ccy="EUR"', ""), balances=bal("CLBD", "10.00").replace(' Ccy="EUR"', ""))
    s = one(data)
    assert (s.closing_balance.currency, s.transactions[0].currency, s.currency) == (None, None, "EUR")
    # a damaged balance without a code is no balance: no warning
    assert one(document(entry(), balances=bal("", "x"))).warnings == []


def test_a_batch_kept_whole_keeps_the_entrys_dates_code_and_line_and_two_count():
    inner = "<ValDt><Dt>2024-03-04</Dt></ValDt><BkTxCd><Prtry><Cd>B1</Cd></Prtry></BkTxCd>" + details("", "")
    s = one(document(entry("3.00", inner=inner), entry("5.00", inner=details("", "", ""))))
    a, b = s.transactions
    assert (a.value_date, a.currency, a.code, a.line, b.line) == (date(2024, 3, 4), "EUR", "B1", 7, 8)
    assert s.records == 2 + (2 - 1) + (3 - 1)  # every detail of both batches is a record


@pytest.mark.parametrize(
    "amount, known, rest",
    [("3.00", "2.50", D("0.50")), ("3.00", "2.00", D("1.00"))],
)
def test_the_detail_without_an_amount_takes_a_small_rest_in_the_entrys_direction(amount, known, rest):
    [x, y] = one(document(entry(amount, "CRDT", inner=details(tx_amount(known), "")))).transactions
    assert (x.amount, y.amount) == (D(known), rest)


def test_a_single_detail_keeps_the_entrys_value_date_code_and_reference_and_names_nobody_without_parties():
    inner = ("<ValDt><Dt>2024-03-04</Dt></ValDt><AcctSvcrRef>R</AcctSvcrRef><BkTxCd><Prtry><Cd>C1</Cd></Prtry></BkTxCd>"
             + details("<RltdPties><Cdtr><Nm>Not the debtor</Nm></Cdtr></RltdPties>"))
    [t] = one(document(entry(inner=inner))).transactions
    assert (t.value_date, t.code, t.reference, t.counterparty, t.counterparty_iban) == (date(2024, 3, 4), "C1", "R", "", "")
    [t] = one(document(entry(inner=details("")))).transactions
    assert (t.counterparty, t.counterparty_iban) == ("", "")
    [t] = one(document(entry(inner=details("<RltdPties><UltmtDbtr><Nm>Eind</Nm></UltmtDbtr></RltdPties>")))).transactions
    assert t.counterparty == "Eind"


def test_dates_in_messages_are_cut_at_30_characters():
    long_date = "2024-13-01T00:00:00.000000000+01:00"
    assert refusal(document(entry(booked=f"<BookgDt><DtTm>{long_date}</DtTm></BookgDt>"))).startswith(
        f"e.xml:7: not a booking date: {long_date[:30]!r}")


def test_the_module_reader_without_a_source_names_bytes():
    [s] = camt.read(document(entry(), balances=bal("CLBD", "x")))
    assert s.warnings[0].startswith("<bytes>:7: balance CLBD left out")
