"""XAF auditfiles built by hand per the official XSDs (3.1, 3.2, 4.0), read into a company folder.

The company "Bakkerij Proef B.V." books one year (2024). Its figures, worked out by hand from the
postings below (debit positive):

Opening balance (2024-01-01): inventaris 0100 D 10,000.00; afschrijving 0110 C 2,000.00; ING 1000 D
5,000.00; Rabo 1010 D 1,500.00; debiteuren 1300 D 2,420.00 (F23-100 C1 1,210.00 and F23-101 C2
1,210.00); voorraad 3000 D 4,000.00; crediteuren 1600 C 1,815.00 (INK-9 S1); btw 1500 C 500.00;
kapitaal 0500 C 18,000.00; reserves 0510 C 605.00.
  -> fixed assets 8,000; cash 6,500; receivables 2,420; inventory 4,000 = assets 20,920
     payables 1,815; tax payable 500; equity 18,605                      = 20,920

Closing (2024-12-31):
  ING 1000: 5,000 + 1,210 + 1,000 - 1,815 - 3,630 - 1,200 - 50      =    515.00 cash
  Rabo 1010: 1,500 - 2,000                                           =   -500.00 -> overdraft 500.00
  debiteuren 1300: 2,420 + 1,210 + 2,420 + 605 - 1,210 - 1,000 - 10  =  4,435.00
  voorraad 3000: 4,000 + 500                                         =  4,500.00
  vaste activa 0100 + 0110: 10,000 - 2,000 - 1,000                   =  7,000.00
  crediteuren 1600: -1,815 - 3,630 - 1,210 + 1,815 + 3,630           = -1,210.00 -> payables 1,210.00
  btw 1500: -500 - 210 - 420 - 105 + 630 + 210                       =   -395.00 -> tax payable 395.00
  revenue 8000: 1,000 + 2,000 + 500 = 3,500; cogs 7000: 3,000 + 1,000 - 500 = 3,500;
  operating expenses 4000: 1,200 + 2,000 + 10 = 3,210; depreciation 4900: 1,000; interest 4950: 50
  result: 3,500 - 3,500 - 3,210 - 1,000 - 50 = -4,260.00 -> equity 18,605 - 4,260 = 14,345.00
  assets 515 + 4,435 + 4,500 + 7,000 = 16,450 = 1,210 + 395 + 500 + 14,345

Open items on 2024-12-31: receivables F23-101 C2 1,210.00 (due 2024-01-31), F24-001 C1 210.00
(1,210 invoiced, 1,000 paid; due 2024-03-11), F24-002 C2 2,420.00 (due 2024-12-20), F24-003 C1
605.00 (no subledger line: 2024-12-15 + 30 days = 2025-01-14), and -10.00 written off without a
relation (unallocated): 1,210 + 210 + 2,420 + 605 - 10 = 4,435. F23-100 was paid on 2024-01-14.
Payables: INK-11 S2 1,210.00 due 2025-01-09 (INK-9 and INK-10 paid).
"""

from __future__ import annotations

import zipfile
from datetime import date
from decimal import Decimal as D
from pathlib import Path

import pytest

from xlcapital import imports
from xlcapital.cli import main
from xlcapital.company import load_company
from xlcapital.forecast import load
from xlcapital.imports.openitems import UNALLOCATED
from tests.conftest import SHARED, need

XSD_DIR = SHARED / "research" / "xaf"
XSD = {"3.1": "AuditfileFinancieelVersie3.1.xsd", "3.2": "XmlAuditfileFinancieel3.2.xsd", "4.0": "XmlAuditfileFinancieel4.0.xsd"}
NAMESPACE = {
    "3.1": "http://www.auditfiles.nl/XAF/3.1",
    "3.2": "http://www.auditfiles.nl/XAF/3.2",
    "4.0": "http://www.odb.belastingdienst.nl/Belastingdienst/BCPP/1.1/structures/XmlauditfileXAF_4.0",
}

# accID, description, type, RGS code
ACCOUNTS = [
    ("0100", "Inventaris", "B", "BMvaBeiVvp"), ("0110", "Afschrijving inventaris", "B", "BMvaBeiCae"),
    ("0500", "Aandelenkapitaal", "B", "BEivGokGew"), ("0510", "Overige reserves", "B", "BEivOreOre"),
    ("1000", "ING Bank", "B", "BLimBanRba"), ("1010", "Rabobank", "B", "BLimBanRba"),
    ("1300", "Debiteuren", "B", "BVorDebHad"), ("1500", "Te betalen btw", "B", "BSchBepBtwAfo"),
    ("1600", "Crediteuren", "B", "BSchCreHac"), ("3000", "Voorraad", "B", "BVrdHanVoo"),
    ("4000", "Huisvestingskosten", "P", "WBedHuiHur"), ("4900", "Afschrijvingskosten", "P", "WAfsMvaBei"),
    ("4950", "Rente bank", "P", "WFbeRlsRbr"), ("7000", "Inkoopwaarde", "P", "WKprKvoHan"),
    ("8000", "Omzet", "P", "WOmzNopOlh"),
]
RELATIONS = [("C1", "Café De Gouden Leeuw", "C"), ("C2", "Hotel Zeezicht B.V.", "C"), ("S1", "Meelfabriek Noord", "S"),
             ("S2", "Groothandel Zuid", "S")]
# obLine: nr, accID, amount (debit positive); obSbLine: obLineNr, relation, invoice, invDt, invDueDt, amount
OPENING = [("1", "0100", "10000.00"), ("2", "0110", "-2000.00"), ("3", "1000", "5000.00"), ("4", "1010", "1500.00"),
           ("5", "1300", "2420.00"), ("6", "3000", "4000.00"), ("7", "1600", "-1815.00"), ("8", "1500", "-500.00"),
           ("9", "0500", "-18000.00"), ("10", "0510", "-605.00")]
OPEN_ITEMS = {"CU": [("5", "C1", "F23-100", "2023-12-01", "2024-01-15", "1210.00"),
                     ("5", "C2", "F23-101", "2023-12-15", "2024-01-31", "1210.00")],
              "SU": [("7", "S1", "INK-9", "2023-12-10", "2024-01-20", "-1815.00")]}
# journal id, type, [(trNr, date, period, [(accID, amount, relation, invoice)])]
JOURNALS = [
    ("VK", "S", [("1", "2024-02-10", 2, [("1300", "1210.00", "C1", "F24-001"), ("8000", "-1000.00", "", ""), ("1500", "-210.00", "", "")]),
                 ("2", "2024-11-20", 11, [("1300", "2420.00", "C2", "F24-002"), ("8000", "-2000.00", "", ""), ("1500", "-420.00", "", "")]),
                 ("3", "2024-12-15", 12, [("1300", "605.00", "C1", "F24-003"), ("8000", "-500.00", "", ""), ("1500", "-105.00", "", "")])]),
    ("IK", "P", [("1", "2024-03-01", 3, [("7000", "3000.00", "", ""), ("1500", "630.00", "", ""), ("1600", "-3630.00", "S1", "INK-10")]),
                 ("2", "2024-12-10", 12, [("7000", "1000.00", "", ""), ("1500", "210.00", "", ""), ("1600", "-1210.00", "S2", "INK-11")])]),
    ("ING", "B", [("1", "2024-01-14", 1, [("1000", "1210.00", "", ""), ("1300", "-1210.00", "C1", "F23-100")]),
                  ("2", "2024-03-05", 3, [("1000", "1000.00", "", ""), ("1300", "-1000.00", "C1", "F24-001")]),
                  ("3", "2024-01-19", 1, [("1600", "1815.00", "S1", "INK-9"), ("1000", "-1815.00", "", "")]),
                  ("4", "2024-03-30", 3, [("1600", "3630.00", "S1", "INK-10"), ("1000", "-3630.00", "", "")]),
                  ("5", "2024-06-30", 6, [("4000", "1200.00", "", ""), ("1000", "-1200.00", "", "")]),
                  ("6", "2024-12-31", 12, [("4950", "50.00", "", ""), ("1000", "-50.00", "", "")])]),
    ("RABO", "B", [("1", "2024-10-01", 10, [("4000", "2000.00", "", ""), ("1010", "-2000.00", "", "")])]),
    ("MEM", "M", [("1", "2024-12-31", 12, [("4900", "1000.00", "", ""), ("0110", "-1000.00", "", "")]),
                  ("2", "2024-12-31", 12, [("3000", "500.00", "", ""), ("7000", "-500.00", "", "")]),
                  ("3", "2024-06-30", 6, [("1300", "-10.00", "", ""), ("4000", "10.00", "", "")])]),
]
# subledger lines: (journal, trNr, trLine nr, invDt, invDueDt); F24-003 has none on purpose
DUE = [("VK", "1", "1", "2024-02-10", "2024-03-11"), ("VK", "2", "1", "2024-11-20", "2024-12-20"),
       ("IK", "1", "3", "2024-03-01", "2024-03-31"), ("IK", "2", "3", "2024-12-10", "2025-01-09")]

EXPECTED_OPENING = {"fixed_assets": D("8000.00"), "cash": D("6500.00"), "receivables": D("2420.00"),
                    "inventory": D("4000.00"), "payables": D("1815.00"), "tax_payable": D("500.00"), "equity": D("18605.00")}
EXPECTED_CLOSING = {"cash": D("515.00"), "overdraft": D("500.00"), "receivables": D("4435.00"), "inventory": D("4500.00"),
                    "fixed_assets": D("7000.00"), "payables": D("1210.00"), "tax_payable": D("395.00"), "equity": D("14345.00")}
EXPECTED_INCOME = {"revenue": D("3500.00"), "cogs": D("3500.00"), "operating_expenses": D("3210.00"),
                   "depreciation": D("1000.00"), "interest": D("50.00")}
OPEN_RECEIVABLES = {  # invoice -> (customer, invoice date, due date, amount)
    "F23-101": ("Hotel Zeezicht B.V.", "2023-12-15", "2024-01-31", "1210.00"),
    "F24-001": ("Café De Gouden Leeuw", "2024-02-10", "2024-03-11", "210.00"),
    "F24-002": ("Hotel Zeezicht B.V.", "2024-11-20", "2024-12-20", "2420.00"),
    "F24-003": ("Café De Gouden Leeuw", "2024-12-15", "2025-01-14", "605.00"),
    "(unallocated)": ("(unallocated)", "2024-12-31", "2024-12-31", "-10.00"),
}


def _amount(signed: str) -> tuple[str, str]:
    value = D(signed)
    return f"{abs(value):.2f}", "D" if value >= 0 else "C"


def _e(name: str, value) -> str:
    return f"<{name}>{value}</{name}>" if value not in (None, "") else ""


def build_xaf(version: str, *, opening_as_journal: bool | None = None, lines_count: int | None = None,
              rgs_in: str = "leadReference", encoding: str = "UTF-8", without_rgs: tuple[str, ...] = (),
              bare: tuple[str, str] | None = None, ob_subledgers: bool = True,
              relation_balances: dict[str, tuple[str | None, str | None]] | None = None) -> str:
    """An auditfile of the company above in the element order of the version's XSD."""
    v4 = version == "4.0"
    opening_as_journal = v4 if opening_as_journal is None else opening_as_journal
    header = (f"<header><fiscalYear>2024</fiscalYear><startDate>2024-01-01</startDate><endDate>2024-12-31</endDate>"
              f"<curCode>EUR</curCode><dateCreated>2025-02-01</dateCreated><softwareDesc>Handwerk</softwareDesc>"
              f"<softwareVersion>1</softwareVersion>{'<RGSVersion>3.6</RGSVersion>' if v4 else ''}</header>")
    def balance(rid):  # XAF 4.0: the relation's opening and closing balance (opBalDesc, clBalDesc: amounts)
        opening, closing = (relation_balances or {}).get(rid, (None, None))
        text = f"<opBalDesc>{_amount(opening)[0]}</opBalDesc><opBalTp>{_amount(opening)[1]}</opBalTp>" if opening else ""
        return text + (f"<clBalDesc>{_amount(closing)[0]}</clBalDesc><clBalTp>{_amount(closing)[1]}</clBalTp>" if closing else "")

    relations = "".join(f"<customerSupplier><custSupID>{i}</custSupID><custSupName>{n}</custSupName><custSupTp>{t}</custSupTp>"
                        f"{balance(i)}</customerSupplier>" for i, n, t in RELATIONS)
    accounts = []
    for acc, desc, kind, code in ACCOUNTS:
        if acc in without_rgs:
            rgs = ""
        elif v4:
            rgs = f"<RGScode>{code}</RGScode>"
        elif version == "3.1":
            rgs = ""
        elif rgs_in == "taxonomy":
            rgs = f"<taxonomy><taxoRef>RGS</taxoRef><entryPoint><entryPointRef>RGS</entryPointRef><conceptRef>{code}</conceptRef></entryPoint></taxonomy>"
        else:
            rgs = f"<{rgs_in}>{code}</{rgs_in}>"
        accounts.append(f"<ledgerAccount><accID>{acc}</accID><accDesc>{desc}</accDesc><accTp>{kind}</accTp>{rgs}</ledgerAccount>")
    taxonomies = ""
    if version == "3.1":
        taxonomies = "<taxonomies><taxonomy><taxoRef>RGS</taxoRef>" + "".join(
            f"<taxoElement><txCd>{code}</txCd><glAccID>{acc}</glAccID></taxoElement>" for acc, _, _, code in ACCOUNTS
            if acc not in without_rgs
        ) + "</taxonomy></taxonomies>"
    first_period = 0 if opening_as_journal else 1
    periods = "<periods>" + "".join(
        f"<period><periodNumber>{p}</periodNumber>{'' if v4 else _e('periodDesc', p)}<startDatePeriod>{'2024-01-01'}</startDatePeriod>"
        f"<endDatePeriod>2024-12-31</endDatePeriod></period>" for p in range(first_period, 13)
    ) + "</periods>"
    opening = ""
    journals = list(JOURNALS)
    if opening_as_journal:
        items = {ob: [i for side in OPEN_ITEMS.values() for i in side if i[0] == ob] for ob, _, _ in OPENING}
        lines = []
        for nr, acc, amount in OPENING:
            if items[nr]:
                lines += [(acc, i[5], i[1], i[2]) for i in items[nr]]
            else:
                lines.append((acc, amount, "", ""))
        journals.insert(0, ("BEG", "O", [("1", "2024-01-01", 0, lines)]))
    else:
        total_d = sum(D(a) for _, _, a in OPENING if D(a) > 0)
        oblines = "".join(f"<obLine><nr>{nr}</nr><accID>{acc}</accID><amnt>{_amount(a)[0]}</amnt><amntTp>{_amount(a)[1]}</amntTp></obLine>"
                          for nr, acc, a in OPENING)
        subs = ""
        for sb, items in OPEN_ITEMS.items():
            sub_lines = "".join(
                f"<obSbLine><nr>{k}</nr><obLineNr>{ob}</obLineNr><amnt>{_amount(a)[0]}</amnt><amntTp>{_amount(a)[1]}</amntTp>"
                f"<custSupID>{rel}</custSupID><invRef>{inv}</invRef><invDt>{dt}</invDt><invDueDt>{due}</invDueDt>"
                f"<mutTp>I</mutTp></obSbLine>"
                for k, (ob, rel, inv, dt, due, a) in enumerate(items, 1)
            ) if not v4 else ""
            sb_d = sum(D(i[5]) for i in items if D(i[5]) > 0)
            sb_c = -sum(D(i[5]) for i in items if D(i[5]) < 0)
            subs += (f"<obSubledger><sbType>{sb}</sbType><linesCount>{len(items)}</linesCount><totalDebit>{sb_d:.2f}</totalDebit>"
                     f"<totalCredit>{sb_c:.2f}</totalCredit>{sub_lines}</obSubledger>")
        subs = "<obSubledgers>" + subs + "</obSubledgers>" if ob_subledgers and not v4 else ""
        opening = (f"<openingBalance>{'' if v4 else '<opBalDate>2024-01-01</opBalDate>'}<linesCount>{len(OPENING)}</linesCount>"
                   f"<totalDebit>{total_d:.2f}</totalDebit><totalCredit>{total_d:.2f}</totalCredit>{oblines}{subs}</openingBalance>")
    all_lines = [ln for _, _, trs in journals for tr in trs for ln in tr[3]]
    debit = sum(D(a) for _, a, _, _ in all_lines if D(a) > 0)
    body = []
    for jrn, kind, transactions in journals:
        trs = []
        for nr, day, period, lines in transactions:
            if bare == (jrn, nr):  # the ledger lines without relation and invoice: only the subledger has them
                lines = [(acc, a, "", "") for acc, a, _, _ in lines]
            trlines = "".join(
                f"<trLine><nr>{k}</nr><accID>{acc}</accID><docRef>{jrn}-{nr}</docRef><effDate>{day}</effDate>"
                f"<amnt>{_amount(a)[0]}</amnt><amntTp>{_amount(a)[1]}</amntTp>{_e('custSupID', rel)}{_e('invRef', inv)}</trLine>"
                for k, (acc, a, rel, inv) in enumerate(lines, 1)
            )
            trs.append(f"<transaction><nr>{nr}</nr><desc>{jrn} {nr}</desc><periodNumber>{period}</periodNumber><trDt>{day}</trDt>{trlines}</transaction>")
        body.append(f"<journal><jrnID>{jrn}</jrnID><desc>Dagboek {jrn}</desc><jrnTp>{kind}</jrnTp>{''.join(trs)}</journal>")
    subledgers = ""
    if not v4:
        sbs = {}
        for jrn, trnr, linenr, dt, due in DUE:
            tr = next(t for j, _, ts in JOURNALS if j == jrn for t in ts if t[0] == trnr)
            acc, a, rel, inv = tr[3][int(linenr) - 1]
            sb = "CU" if acc == "1300" else "SU"
            sbs.setdefault(sb, []).append(
                f"<sbLine><nr>{len(sbs.get(sb, [])) + 1}</nr><jrnID>{jrn}</jrnID><trNr>{trnr}</trNr><trLineNr>{linenr}</trLineNr>"
                f"<amnt>{_amount(a)[0]}</amnt><amntTp>{_amount(a)[1]}</amntTp><custSupID>{rel}</custSupID><invRef>{inv}</invRef>"
                f"<invDt>{dt}</invDt><invDueDt>{due}</invDueDt><mutTp>I</mutTp></sbLine>")
        # totals of the subledger lines above: CU 1,210.00 + 2,420.00 debit; SU 3,630.00 + 1,210.00 credit
        totals = {"CU": ("3630.00", "0.00"), "SU": ("0.00", "4840.00")}
        subledgers = "<subledgers>" + "".join(
            f"<subledger><sbType>{sb}</sbType><linesCount>{len(ls)}</linesCount><totalDebit>{totals[sb][0]}</totalDebit>"
            f"<totalCredit>{totals[sb][1]}</totalCredit>{''.join(ls)}</subledger>" for sb, ls in sbs.items()
        ) + "</subledgers>"
    transactions = (f"<transactions><linesCount>{lines_count if lines_count is not None else len(all_lines)}</linesCount>"
                    f"<totalDebit>{debit:.2f}</totalDebit><totalCredit>{debit:.2f}</totalCredit>{''.join(body)}{subledgers}</transactions>")
    company = (f"<company>{'' if v4 else '<companyIdent>12345678</companyIdent>'}<companyName>Bakkerij Proef B.V.</companyName>"
               f"<taxRegistrationCountry>NL</taxRegistrationCountry><taxRegIdent>NL001234567B01</taxRegIdent>"
               f"<customersSuppliers>{relations}</customersSuppliers><generalLedger>{''.join(accounts)}{taxonomies}</generalLedger>"
               f"{periods}{opening}{transactions}</company>")
    return f'<?xml version="1.0" encoding="{encoding}"?>\n<auditfile xmlns="{NAMESPACE[version]}">{header}{company}</auditfile>\n'


def write_xaf(tmp_path: Path, version: str, name: str = "proef.xaf", *, codec: str = "utf-8", **kw) -> Path:
    """The auditfile as a file, one element per line (so that line numbers say something)."""
    path = tmp_path / name
    path.write_bytes(build_xaf(version, **kw).replace("><", ">\n<").encode(codec))
    return path


@pytest.mark.parametrize("version", ["3.1", "3.2", "4.0"])
def test_files_are_valid_per_the_official_xsd(tmp_path, version):
    from lxml import etree

    need(XSD_DIR.is_dir(), "../shared/research/xaf (the official XSDs) is not here")
    schema = etree.XMLSchema(etree.parse(str(XSD_DIR / XSD[version])))
    doc = etree.parse(str(write_xaf(tmp_path, version)))
    assert schema.validate(doc), schema.error_log


@pytest.mark.parametrize("version", ["3.1", "3.2", "4.0"])
def test_balance_sheets_and_income_statement_match_the_hand_calculation(tmp_path, version):
    result = imports.build(imports.read(write_xaf(tmp_path, version)))
    assert result.ledger.version == version
    assert not [w for w in result.warnings if " says " in w]  # every linesCount and total agrees with the lines
    opening, closing = result.figures.balance_sheets()
    for item in EXPECTED_OPENING.keys() | EXPECTED_CLOSING.keys():
        assert getattr(opening, item) == EXPECTED_OPENING.get(item, 0), ("opening", item)
        assert getattr(closing, item) == EXPECTED_CLOSING.get(item, 0), ("closing", item)
    income = result.figures.income_statement()
    for item, amount in EXPECTED_INCOME.items():
        assert getattr(income, item) == amount, item
    assert income.earnings_after_tax == D("-4260.00")
    assert closing.total_assets == D("16450.00") == closing.total_liabilities_and_equity


@pytest.mark.parametrize("version", ["3.1", "3.2"])
def test_open_items_with_due_dates_from_the_subledgers(tmp_path, version):
    result = imports.build(imports.read(write_xaf(tmp_path, version)))
    rows = {i.invoice: i for i in result.items.receivables}
    open_rows = {k: (r.invoice_date.isoformat(), r.due_date.isoformat(), r.amount) for k, r in rows.items() if r.paid_date is None}
    assert open_rows == {k: (d, due, D(a)) for k, (_, d, due, a) in OPEN_RECEIVABLES.items()}
    assert sum(v[2] for v in open_rows.values()) == EXPECTED_CLOSING["receivables"]
    assert rows["F23-100"].paid_date == date(2024, 1, 14) and rows["F23-100"].amount == D("1210.00")
    payables = [(i.relation, i.invoice, i.due_date, i.amount) for i in result.items.payables if i.paid_date is None]
    assert payables == [("S2", "INK-11", date(2025, 1, 9), D("1210.00"))]


def test_xaf_40_opening_as_a_period_0_journal_is_read_with_a_warning(tmp_path):
    result = imports.build(imports.read(write_xaf(tmp_path, "4.0")))
    assert any("journal BEG is the opening balance (period 0 or type O): read as the opening balance" in w for w in result.warnings)
    line = next(w for w in result.warnings if "journal BEG" in w).split(":")[1]
    assert "<trLine>" in write_xaf(tmp_path, "4.0").read_text().splitlines()[int(line) - 1]
    open_rows = {i.invoice: (i.due_date, i.amount) for i in result.items.receivables if i.paid_date is None}
    # 4.0 has no subledgers: every due date is the invoice date (its first line's effDate) + 30 days
    assert open_rows["F23-101"] == (date(2024, 1, 31), D("1210.00"))  # 2024-01-01 + 30
    assert open_rows["F24-001"] == (date(2024, 3, 11), D("210.00"))  # 2024-02-10 + 30
    assert sum(a for _, a in open_rows.values()) == D("4435.00")


def test_cli_writes_a_folder_that_the_forecast_and_the_company_file_load(tmp_path, capsys):
    xaf = write_xaf(tmp_path, "3.2")
    out = tmp_path / "proef"
    assert main(["import", str(xaf), "-o", str(out)]) == 0
    company = load_company(out / "company.toml")
    assert company.name == "Bakkerij Proef B.V." and company.period.days == 366
    assert company.closing.overdraft == D("500.00") and company.closing.equity == D("14345.00")
    inputs = load(out)
    assert inputs.settings.start == date(2025, 1, 6) and inputs.settings.opening_balance == D("15.00")
    assert {r.invoice for r in inputs.receivables if r.open} == set(OPEN_RECEIVABLES)
    assert sum(r.amount for r in inputs.receivables if r.open) == D("4435.00")
    assert sum(p.amount for p in inputs.payables) == D("1210.00")
    assert {c.name for c in inputs.customers} >= {"Café De Gouden Leeuw", "Hotel Zeezicht B.V."}
    # the trial balance trail: per item the accounts add up to the balance sheet
    import csv

    rows = list(csv.DictReader((out / "trial_balance.csv").open(encoding="utf-8")))
    assert len(rows) == len(ACCOUNTS)
    assert sum(D(r["closing"]) for r in rows) == 0
    assert sum(D(r["closing"]) for r in rows if r["item"] == "receivables") == D("4435.00")
    capsys.readouterr()
    assert main(["forecast", str(out)]) == 0
    assert "4,435 / 1,210" in capsys.readouterr().out  # the forecast's receivables / payables


def test_zipped_auditfile_reads_like_the_plain_one(tmp_path):
    plain = write_xaf(tmp_path, "3.2")
    archive = tmp_path / "proef.zip"
    with zipfile.ZipFile(archive, "w", zipfile.ZIP_DEFLATED) as z:
        z.write(plain, "proef.xaf")
    a, b = imports.build(imports.read(plain)), imports.build(imports.read(archive))
    assert a.figures.closing == b.figures.closing and a.figures.income == b.figures.income
    assert a.items.receivables == b.items.receivables


@pytest.mark.parametrize("where", ["leadCode", "taxonomy"])
def test_rgs_codes_in_leadcode_or_the_official_taxonomy(tmp_path, where):
    result = imports.build(imports.read(write_xaf(tmp_path, "3.2", rgs_in=where)))
    assert result.figures.closing["receivables"] == D("4435.00")


def test_an_opening_journal_beside_the_opening_balance_is_left_out_not_counted_twice(tmp_path):
    """A file with both openingBalance and the same balances as a period-0 journal: the element counts."""
    text = build_xaf("3.2")
    journal = build_xaf("3.2", opening_as_journal=True)
    beg = journal[journal.index("<journal><jrnID>BEG"):journal.index("<journal><jrnID>VK")]
    path = tmp_path / "both.xaf"
    path.write_text(text.replace("<journal><jrnID>VK", beg + "<journal><jrnID>VK", 1).replace("><", ">\n<"), encoding="utf-8")
    result = imports.build(imports.read(path))
    assert result.figures.opening["receivables"] == D("2420.00") and result.figures.closing["receivables"] == D("4435.00")
    assert any("journal BEG is the opening balance (period 0 or type O): left out, the file's openingBalance counts" in w
               for w in result.warnings)


@pytest.mark.parametrize("version", ["3.1", "3.2", "4.0"])
def test_account_balances_agree_with_pyxaf(tmp_path, version):
    """Another reader (pyxaf, an independent implementation of the standard) gives the same balances."""
    import sys

    if sys.version_info < (3, 11):
        pytest.skip("pyxaf needs Python 3.11")
    import pyxaf

    path = write_xaf(tmp_path, version)
    ledger = imports.read(path)
    opening, closing = {}, {}
    with pyxaf.open(path) as af:
        ob = af.opening_balance()
        for line in ob.lines:
            opening[line.account_id] = opening.get(line.account_id, 0) + line.signed_amount
        if ob.source == "element":  # else the opening journal is among the lines below
            closing.update(opening)
        for line in af.lines():
            closing[line.account_id] = closing.get(line.account_id, 0) + line.signed_amount
    assert {a: ledger.opening.get(a, 0) for a in opening} == opening
    assert {a: ledger.closing(a) for a in ledger.accounts if a in closing} == closing
    assert sum(ledger.closing(a) for a in ledger.accounts if a not in closing) == 0


def test_a_ledger_line_without_relation_gets_it_from_its_subledger_line(tmp_path):
    """As Banana writes it: the trLine of invoice F24-002 has no custSupID or invRef; its sbLine has both."""
    result = imports.build(imports.read(write_xaf(tmp_path, "3.2", bare=("VK", "2"))))
    rows = {i.invoice: (i.relation, i.due_date, i.amount) for i in result.items.receivables if i.paid_date is None}
    assert rows["F24-002"] == ("C2", date(2024, 12, 20), D("2420.00"))
    assert sum(a for _, _, a in rows.values()) == D("4435.00")


def test_xaf_321_is_32_in_the_tax_offices_namespace(tmp_path):
    ns = "http://www.odb.belastingdienst.nl/Belastingdienst/BCPP/1.0/structures/XmlAuditfileFinancieel3.2.1"
    path = tmp_path / "321.xaf"
    path.write_text(build_xaf("3.2").replace(NAMESPACE["3.2"], ns), encoding="utf-8")
    result = imports.build(imports.read(path))
    assert result.ledger.version == "3.2" and result.figures.closing["equity"] == D("14345.00")


def test_the_imported_folder_makes_a_workbook(tmp_path):
    out = tmp_path / "proef"
    assert main(["import", str(write_xaf(tmp_path, "3.2")), "-o", str(out)]) == 0
    assert main(["generate", str(out), "-o", str(tmp_path / "proef.xlsm")]) == 0
    assert (tmp_path / "proef.xlsm").stat().st_size > 10_000


def banana_style_xaf() -> str:
    """An auditfile as Banana Accounting writes it (3.2): no RGS codes (leadCode is its own grouping), the
    relation's id as the account of its lines, no custSupID, no invRef, no subledgers; docRef per document."""
    def tr(nr, day, lines):
        body = "".join(f"<trLine><nr>{nr}</nr><accID>{acc}</accID><docRef>{doc}</docRef><effDate>{day}</effDate>"
                       f"<amnt>{_amount(a)[0]}</amnt><amntTp>{_amount(a)[1]}</amntTp></trLine>" for acc, a, doc in lines)
        return f"<transaction><nr>{nr}</nr><periodNumber>{int(day[5:7])}</periodNumber><trDt>{day}</trDt>{body}</transaction>"

    transactions = [
        tr(1, "2018-03-01", [("11000", "605.00", "44"), ("8100", "-500.00", "44"), ("1500", "-105.00", "44")]),
        tr(2, "2018-04-01", [("11000", "242.00", "45"), ("8100", "-200.00", "45"), ("1500", "-42.00", "45")]),
        tr(3, "2018-05-10", [("1010", "700.00", "50"), ("11000", "-700.00", "50")]),
        tr(4, "2018-11-05", [("11020", "5000.00", "47"), ("8100", "-4132.23", "47"), ("1500", "-867.77", "47")]),
        tr(5, "2018-11-05", [("8100", "413.22", "48"), ("1500", "86.78", "48"), ("11020", "-500.00", "48")]),
        tr(6, "2018-07-02", [("4500", "2750.00", "12"), ("21030", "-2750.00", "12")]),
        tr(7, "2018-08-01", [("21030", "1000.00", "13"), ("1010", "-1000.00", "13")]),
    ]
    relations = "".join(f"<customerSupplier><custSupID>{i}</custSupID><custSupName>{n}</custSupName><custSupTp>{t}</custSupTp>"
                        "</customerSupplier>" for i, n, t in (("11000", "Vermeulen BV", "C"), ("11020", "Annelies Schenk", "C"),
                                                               ("21030", "Lepage", "S")))
    accounts = "".join(f"<ledgerAccount><accID>{a}</accID><accDesc>{d}</accDesc><accTp>{t}</accTp><leadCode>{c}</leadCode>"
                       f"<leadReference>{c[0]}</leadReference></ledgerAccount>"
                       for a, d, t, c in (("1010", "Rekening ING", "B", "1D"), ("0500", "Eigen Vermogen", "B", "2A"),
                                          ("1500", "BTW", "B", "2D"), ("8100", "Opbrengst verkopen", "P", "4A"),
                                          ("4500", "Huur", "P", "3B")))
    return ('<?xml version="1.0" encoding="utf-8"?>\n<auditfile xmlns="http://www.auditfiles.nl/XAF/3.2">'
            "<header><fiscalYear>2018</fiscalYear><startDate>2018-01-01</startDate><endDate>2018-12-31</endDate>"
            "<curCode>EUR</curCode><dateCreated>2019-04-09</dateCreated><softwareDesc>Banana Accounting</softwareDesc></header>"
            "<company><companyIdent/><companyName>Banana-stijl B.V.</companyName><taxRegistrationCountry>NL</taxRegistrationCountry>"
            f"<taxRegIdent>1</taxRegIdent><customersSuppliers>{relations}</customersSuppliers><generalLedger>{accounts}"
            "</generalLedger><openingBalance><opBalDate>2018-01-01</opBalDate><linesCount>2</linesCount><totalDebit>1000.00"
            "</totalDebit><totalCredit>1000.00</totalCredit><obLine><nr>1</nr><accID>1010</accID><amnt>1000.00</amnt><amntTp>D"
            "</amntTp></obLine><obLine><nr>2</nr><accID>0500</accID><amnt>1000.00</amnt><amntTp>C</amntTp></obLine>"
            f"</openingBalance><transactions><linesCount>18</linesCount><totalDebit>10797.00</totalDebit><totalCredit>10797.00"
            f"</totalCredit><journal><jrnID>1</jrnID><desc>Boekingen</desc>{''.join(transactions)}</journal></transactions>"
            "</company></auditfile>\n")


def test_banana_style_relation_accounts_and_first_in_first_out(tmp_path):
    """Worked out by hand: Vermeulen is invoiced 605.00 (doc 44, 1 March) and 242.00 (doc 45, 1 April) and pays
    700.00 on 10 May: doc 44 paid that day, doc 45 open 147.00 (due 1 April + 30 = 1 May). Schenk: 5,000.00
    (doc 47) less a 500.00 credit note = 4,500.00 open. Lepage: 2,750.00 (doc 12) less 1,000.00 paid = 1,750.00.
    Cash 1,000 + 700 - 1,000 = 700.00; VAT 105 + 42 + 867.77 - 86.78 = 927.99; revenue 500 + 200 + 4,132.23 -
    413.22 = 4,419.01; rent 2,750.00; equity 1,000 + 1,669.01 = 2,669.01 = 700 + 4,647 - 927.99 - 1,750."""
    path = tmp_path / "banana.xaf"
    path.write_text(banana_style_xaf(), encoding="utf-8")
    mapping = tmp_path / "mapping.csv"
    mapping.write_text("account,item\n1010,cash\n0500,equity\n1500,tax_payable\n8100,omzet\n4500,bedrijfskosten\n",
                       encoding="utf-8")
    result = imports.build(imports.read(path, mapping=imports.read_mapping(mapping)), imports.read_mapping(mapping))
    closing = result.figures.closing
    assert (closing["cash"], closing["receivables"], closing["tax_payable"], closing["payables"], closing["equity"]) == (
        D("700.00"), D("4647.00"), D("927.99"), D("1750.00"), D("2669.01"))
    assert result.figures.income_statement().revenue == D("4419.01")
    rows = {(i.relation, i.invoice): (i.amount, i.invoice_date, i.due_date, i.paid_date) for i in result.items.receivables}
    assert rows == {
        ("11000", "44"): (D("605.00"), date(2018, 3, 1), date(2018, 3, 31), date(2018, 5, 10)),
        ("11000", "45"): (D("147.00"), date(2018, 4, 1), date(2018, 5, 1), None),
        ("11020", "47"): (D("4500.00"), date(2018, 11, 5), date(2018, 12, 5), None),
    }
    assert [(i.relation, i.invoice, i.amount) for i in result.items.payables] == [("21030", "12", D("1750.00"))]
    assert any("3 account(s) are not in the general ledger but customers or suppliers" in w for w in result.warnings)
    assert not [w for w in result.warnings if "says" in w]  # 18 lines, 10,797.00 each side, as the file says
    assert main(["import", str(path), "-o", str(tmp_path / "out"), "--mapping", str(mapping)]) == 0
    assert sum(r.amount for r in load(tmp_path / "out").receivables if r.open) == D("4647.00")


def test_without_opening_subledger_payments_of_old_invoices_settle_the_opening_balance(tmp_path):
    """No obSbLines: the opening 2,420.00 is on no invoice. F23-100's payment (1,210.00, an invoice the file does
    not hold) and the 10.00 write-off settle it: 2,420 - 1,210 - 10 = 1,200.00 unallocated (F23-101 in truth)."""
    result = imports.build(imports.read(write_xaf(tmp_path, "3.2", ob_subledgers=False)))
    open_rows = {i.invoice: i.amount for i in result.items.receivables if i.paid_date is None}
    assert open_rows == {"F24-001": D("210.00"), "F24-002": D("2420.00"), "F24-003": D("605.00"),
                         "(unallocated)": D("1200.00")}
    assert [(i.invoice, i.amount) for i in result.items.payables if i.paid_date is None] == [("INK-11", D("1210.00"))]
    assert any("it includes 1 payment(s) of invoices the file does not hold" in w for w in result.warnings)


def test_a_payment_numbered_0_pays_the_oldest_open_invoice(tmp_path):
    """Exact writes invRef 0 on a payment it did not match: C1's 1,000.00 of 5 March pays its oldest open invoice,
    F24-001 (1,210.00 of 10 February), as the numbered payment did: the same open items."""
    text = build_xaf("3.2")
    numbered = "<custSupID>C1</custSupID><invRef>F24-001</invRef>"
    second = text.index(numbered, text.index(numbered) + 1)
    path = tmp_path / "exact.xaf"
    path.write_text(text[:second] + "<custSupID>C1</custSupID><invRef>0</invRef>" + text[second + len(numbered):],
                    encoding="utf-8")
    expected = imports.build(imports.read(write_xaf(tmp_path, "3.2"))).items.receivables
    got = imports.build(imports.read(path)).items.receivables
    assert {(i.invoice, i.amount) for i in got if i.paid_date is None} == {
        (i.invoice, i.amount) for i in expected if i.paid_date is None}


def test_xaf_40_relations_opening_balances_are_their_open_items_at_the_start(tmp_path):
    """XAF 4.0 with an openingBalance element: no subledger, but each relation's opBalDesc. C1's 1,210.00 is paid
    by the payment of F23-100 (an invoice the file does not hold) on 14 January; C2's 1,210.00 stays open, due
    2023-12-31 + 30 days; S1's 1,815.00 is paid by INK-9's payment. The rest as in the 3.2 file."""
    # closing balances, by hand: C1 210.00 (F24-001) + 605.00 (F24-003); C2 1,210.00 + 2,420.00; S1 0; S2 1,210.00 C
    balances = {"C1": ("1210.00", "815.00"), "C2": ("1210.00", "3630.00"), "S1": ("-1815.00", None), "S2": (None, "-1210.00")}
    path = write_xaf(tmp_path, "4.0", opening_as_journal=False, relation_balances=balances)
    from lxml import etree

    need(XSD_DIR.is_dir(), "../shared/research/xaf (the official XSDs) is not here")
    schema = etree.XMLSchema(etree.parse(str(XSD_DIR / XSD["4.0"])))
    assert schema.validate(etree.parse(str(path))), schema.error_log
    result = imports.build(imports.read(path))
    rows = {(i.relation, i.invoice): (i.amount, i.due_date, i.paid_date) for i in result.items.receivables}
    assert rows[("C1", "opening balance")] == (D("1210.00"), date(2024, 1, 30), date(2024, 1, 14))
    assert rows[("C2", "opening balance")] == (D("1210.00"), date(2024, 1, 30), None)
    assert sum(i.amount for i in result.items.receivables if i.paid_date is None) == D("4435.00")
    assert ("C1", "F23-100") not in rows and (UNALLOCATED, UNALLOCATED) in rows  # the -10.00 write-off only
    assert rows[(UNALLOCATED, UNALLOCATED)][0] == D("-10.00")
    assert [(i.invoice, i.amount) for i in result.items.payables if i.paid_date is None] == [("INK-11", D("1210.00"))]
    assert not [w for w in result.warnings if "clBalDesc" in w]  # every relation's items add up to its balance
    wrong = write_xaf(tmp_path, "4.0", "wrong.xaf", opening_as_journal=False, relation_balances={**balances, "C2": ("1210.00", "3600.00")})
    assert any("the open receivables of 1 relation(s) do not add up to their closing balance (clBalDesc) in the file: "
               "C2 Hotel Zeezicht B.V.: 3,630.00 against 3,600.00" in w for w in imports.build(imports.read(wrong)).warnings)
