"""Every real MT940, CAMT and OFX export in ../shared/bankfeeds reads as its ground truth says, per statement.

The ground truth (shared/bankfeeds/ground_truth/*.json) was extracted straight from the files'
tags and elements, without any parser, and cross-checked against the source repositories' own
tests (OCA golden files, genkgo's JSON, WoLpH's YAML). Files are read through
:func:`xlcapital.bank.read`, so the independent record count is checked on every one. The three
deliberately broken OFX files must fail with a clear :class:`BankFileError` naming the file.
"""

from __future__ import annotations

import json
import re
import zipfile
from decimal import Decimal as D
from pathlib import Path

import pytest

from tests.conftest import BANKFEEDS
from xlcapital.bank import read
from xlcapital.errors import BankFileError

pytestmark = pytest.mark.bankfeeds


def _truth(name: str) -> dict:
    path = BANKFEEDS / "ground_truth" / f"{name}.json"
    return json.loads(path.read_text("utf-8")) if path.is_file() else {}


GT_MT940, GT_CAMT, GT_OFX = _truth("gt_mt940"), _truth("gt_camt"), _truth("gt_ofx")
EXPECTED_CAMT, WOLPH = _truth("expected_camt"), _truth("wolph_yml")
#: the deliberately broken OFX files (ofxparse's fail_nice fixtures and the empty-tags file)
BROKEN_OFX = {
    "ofxparse_fail_nice_decimal_error.ofx": "not a transaction amount: '$120'",
    "ofxparse_ofx-v102-empty-tags.ofx": "currency <CURDEF> is missing or empty",
}
#: the :61: of this file is cut after "CR", so the extractor summed no amount; the file says 30,00
MT940_SUM_UNKNOWN = {"de_sparkassen_selfprovided.sta"}
#: (file, statement number) -> (correction to the extractor's sum, does the statement reconcile)
#: where the extractor misread a :61: that the reader reads as SWIFT defines it
MT940_SUM_CORRECTIONS = {
    # ":61:0709040904RCR204,88": RC is the reversal of a credit, i.e. a debit (mt-940 documents the
    # same with Options(reversal_sign=True)); the extractor added it. Read as a debit, these two
    # statements reconcile, which the extractor's sum could not make them do.
    ("de_betterplace_sepa_mt9401.sta", 1): (D("-2") * D("204.88"), True),
    ("de_betterplace_sepa_mt9401.sta", 5): (D("-2") * D("204.88"), True),
    # ":61:1407290729C500NTRF...": 500 written without a decimal comma; the extractor skipped it
    # (mt-940 reads +500 too). 3058.98 - 7260 + 500 still is not the stated 798.98.
    ("knab_jejik.sta", 2): (D("500"), False),
}


def _one_line_texts(statements) -> bool:
    """Every text of every transaction is one line without runs of spaces (wrapped text joined)."""
    texts = [x for s in statements for t in s.transactions for x in (t.description, t.counterparty, t.reference)]
    return not any("\n" in x or "  " in x or x != x.strip() for x in texts)


def _check_digits_wrong(account: str) -> bool:
    """ISO 7064 mod 97-10, written out here apart from the reader (which asks schwifty): an account
    shaped like an IBAN whose number, first four characters moved to the end and letters read as
    10..35, is not 1 mod 97."""
    if not re.fullmatch(r"[A-Z]{2}\d{2}[A-Z0-9]{11,30}", account):
        return False
    moved = account[4:] + account[:4]
    return int("".join(str(int(c, 36)) for c in moved)) % 97 != 1


def _assert_warnings(s, reconciles, where):
    """A statement that does not reconcile is warned about (never an error), an account with wrong
    IBAN check digits is warned about, and nothing else is."""
    balance = [w for w in s.warnings if "but the file states closing" in w]
    iban = [w for w in s.warnings if "the IBAN's check digits are wrong" in w]
    assert bool(balance) == (reconciles is False), where
    assert bool(iban) == _check_digits_wrong(s.account), where
    assert len(s.warnings) == len(balance) + len(iban), where


def _balance(b):
    return None if b is None else (b.amount, b.date.isoformat() if b.date else None, b.currency)


def _gt_balance(g):
    return None if g is None else (D(g["amount"]), g["date"][:10], g["ccy"])


def _account(raw: str | None) -> str:
    """The :25: value as the model keeps it: without a trailing currency code, spaces and dots."""
    s = (raw or "").strip()
    if len(s) > 3 and s[-3:].isalpha() and s[-3:].isupper() and (s[-4].isdigit() or s[-4] == " "):
        s = s[:-3]
    return s.replace(" ", "").replace(".", "")


@pytest.mark.parametrize("name", sorted(GT_MT940))
def test_mt940_file_matches_ground_truth(bankfeeds, name):
    truth = GT_MT940[name]
    statements = read(bankfeeds / "mt940" / name)
    assert len(statements) == truth["n_statements"] == len(truth["statements"])
    assert sum(len(s.transactions) for s in statements) == truth["n_tx"]
    assert _one_line_texts(statements)
    for i, (s, g) in enumerate(zip(statements, truth["statements"])):
        where = f"{name} statement {i + 1}"
        assert len(s.transactions) == g["n_tx"], where
        assert s.account == _account(g["account"]), where
        assert _balance(s.opening_balance) == _gt_balance(g["opening"]), where
        assert _balance(s.closing_balance) == _gt_balance(g["closing"]), where
        ccy = (g["opening"] or g["closing"] or {}).get("ccy")
        if ccy:
            assert s.currency == ccy, where
        correction, reconciles = MT940_SUM_CORRECTIONS.get((name, i + 1), (D(0), g.get("balances_reconcile")))
        if name not in MT940_SUM_UNKNOWN:
            assert s.total == D(g["sum_tx"]) + correction, where
        _assert_warnings(s, reconciles, where)


def test_dutch_ibans_with_wrong_check_digits_keep_their_bank(bankfeeds):
    # NL50RABO0123456789 (rabobank_zl_structured.txt) fails mod 97; its letters RABO are Rabobank
    assert _check_digits_wrong("NL50RABO0123456789")
    statements = read(bankfeeds / "mt940" / "rabobank_zl_structured.txt")
    assert {(s.account, s.bank) for s in statements} == {("NL50RABO0123456789", "rabobank")}
    (asn,) = {(s.account, s.bank) for s in read(bankfeeds / "mt940" / "asn_0708271685_09022020.940.txt")}
    assert asn == ("NL81ASNB9999999999", "asn") and _check_digits_wrong(asn[0])


@pytest.mark.parametrize("name", sorted(n for n, w in WOLPH.items() if not n.startswith("asn_")))
def test_mt940_transaction_count_matches_wolph_yaml(bankfeeds, name):
    # (the ASN yml records mt-940's default parser failing on that file: 0 transactions)
    assert sum(len(s.transactions) for s in read(bankfeeds / "mt940" / name)) == WOLPH[name]["n_tx"]


#: files mt-940 reads right with its defaults (see README §4.1): all but ASN/SNS, OCA's ING and old Rabobank
MT940_LIBRARY_FAILS = {
    "asn_0708271685_09022020.940.txt",
    "asn_fruitl00p_sample.txt",
    "sns_oca_test-sns.940",
    "sns_zl_sns.txt",
    "ing_oca_test-ing-old.940",
    "ing_oca_test-ing.940",
    "rabobank_fruitl00p_sample.txt",
}


@pytest.mark.parametrize("name", sorted(set(GT_MT940) - MT940_LIBRARY_FAILS))
def test_mt940_cross_check_with_the_mt940_library(bankfeeds, name):
    import mt940 as wolph

    path = bankfeeds / "mt940" / name
    # reversal_sign: RC (reversal of a credit) is money out, as SWIFT defines it
    theirs = list(wolph.parse(path.read_bytes(), options=wolph.Options(reversal_sign=True)))
    ours = [t for s in read(path) for t in s.transactions]
    assert [t.amount for t in ours] == [t.data["amount"].amount for t in theirs]
    assert [t.value_date for t in ours] == [t.data["date"] for t in theirs]


def _camt_members(bankfeeds: Path):
    for name in sorted(GT_CAMT):
        truth = GT_CAMT[name]
        if "zip_members" in truth:
            for member, member_truth in sorted(truth["zip_members"].items()):
                yield name, member, member_truth
        else:
            yield name, None, truth


CAMT_CASES = [(n, m) for n, m, _ in _camt_members(BANKFEEDS)] if GT_CAMT else []


@pytest.mark.parametrize("name, member", CAMT_CASES)
def test_camt_file_matches_ground_truth(bankfeeds, name, member):
    path = bankfeeds / "camt053" / name
    if member is None:
        truth = GT_CAMT[name]
        statements = read(path)
    else:
        truth = GT_CAMT[name]["zip_members"][member]
        statements = [s for s in read(path) if s.source.endswith("::" + member)]
        with zipfile.ZipFile(path) as z:  # the zip holds nothing but these members
            assert sorted(z.namelist()) == sorted(GT_CAMT[name]["zip_members"])
    assert len(statements) == len(truth["statements"]) and _one_line_texts(statements)
    for s, g in zip(statements, truth["statements"]):
        where = f"{name} {member or ''} {g['id']}"
        assert s.statement_id == g["id"] and s.account == g["account"], where
        assert len(s.transactions) == g["n_txdtls_or_entries"], where
        by_code = {}
        for b in g["balances"]:
            by_code.setdefault(b["code"], b)
        opening = by_code.get("OPBD") or by_code.get("PRCD")
        assert _balance(s.opening_balance) == _gt_balance(opening), where
        assert _balance(s.closing_balance) == _gt_balance(by_code.get("CLBD")), where
        entry_ccy = g["entry_ccys"][0] if g["entry_ccys"] else None
        assert s.currency == (g["acct_ccy"] or (opening or by_code.get("CLBD") or {}).get("ccy") or entry_ccy), where
        # entries are booked in full, so the transactions add up to the entries' sum
        assert s.total == D(g["sum_entries"]), where
        _assert_warnings(s, g.get("reconciles"), where)


@pytest.mark.parametrize("name", sorted(n for n, e in EXPECTED_CAMT.items() if "statements" in e))
def test_camt_matches_oca_golden_files(bankfeeds, name):
    expected = EXPECTED_CAMT[name]
    statements = [s for s in read(bankfeeds / "camt053" / name) if s.transactions]  # OCA drops empty ones
    assert len(statements) == len(expected["statements"])
    for s, e in zip(statements, expected["statements"]):
        assert (s.account, s.currency, s.statement_id) == (expected["account"], expected["currency"], e["name"])
        assert [float(t.amount) for t in s.transactions] == e["amounts"]
        assert float(s.opening_balance.amount) == e["balance_start"]
        assert float(s.closing_balance.amount) == e["balance_end_real"]


@pytest.mark.parametrize("name", sorted(n for n, e in EXPECTED_CAMT.items() if "records" in e))
def test_camt_matches_genkgo_json(bankfeeds, name):
    by_id = {s.statement_id: s for s in read(bankfeeds / "camt053" / name)}
    for record in EXPECTED_CAMT[name]["records"]:
        s = by_id[record["id"]]
        kinds = {}
        for kind, minor, ccy, day in record["balances"]:
            kinds.setdefault(kind, (D(minor) / 100, day, ccy))
        if "opening" in kinds:
            assert _balance(s.opening_balance) == kinds["opening"]
        if "closing" in kinds:
            assert _balance(s.closing_balance) == kinds["closing"]


#: files whose ledger balance is damaged: the transactions are read, the balance left out with a warning
EMPTY_BALANCE_OFX = {"ofxparse_fail_nice_empty_balance.ofx"}


@pytest.mark.parametrize("name", sorted(set(GT_OFX) - set(BROKEN_OFX) - EMPTY_BALANCE_OFX))
def test_ofx_file_matches_ground_truth(bankfeeds, name):
    raw = GT_OFX[name]["raw"]
    statements = read(bankfeeds / "ofx" / name)
    assert len(statements) == raw["n_stmts"]
    assert sum(len(s.transactions) for s in statements) == raw["n_stmttrn"]
    assert [s.currency for s in statements] == raw["curdef"]
    assert [s.closing_balance.amount for s in statements] == [D(b.replace(",", ".")) for b in raw["ledgerbal"]]
    assert [s.account for s in statements] == [a.replace(" ", "") for a in raw["acctid"]]
    assert all(s.opening_balance is None for s in statements)  # OFX states no opening balance
    assert _one_line_texts(statements)
    # ofxparse's per-statement counts, where it read the file
    parsed = GT_OFX[name]["ofxparse"]
    if isinstance(parsed, list):
        assert [len(s.transactions) for s in statements] == [p["n_tx"] for p in parsed]


def test_ofx_with_an_empty_balance_keeps_its_transaction(bankfeeds):
    (name,) = EMPTY_BALANCE_OFX
    raw = GT_OFX[name]["raw"]
    (s,) = read(bankfeeds / "ofx" / name)
    assert len(s.transactions) == raw["n_stmttrn"] == 1 and s.transactions[0].amount == D("120")  # <TRNAMT>120
    assert s.closing_balance is None
    # <LEDGERBAL> stands on line 37 of the file, its <BALAMT> holds a space
    assert s.warnings == [f"{bankfeeds / 'ofx' / name}:37: the ledger balance <LEDGERBAL> is left out: an empty balance amount"]


@pytest.mark.parametrize("name", sorted(BROKEN_OFX))
def test_broken_ofx_fails_with_a_clear_error(bankfeeds, name):
    with pytest.raises(BankFileError) as err:
        read(bankfeeds / "ofx" / name)
    message = str(err.value)
    assert name in message and BROKEN_OFX[name] in message
    assert err.value.line is not None
    assert re.match(r"^\S+\.ofx:\d+: ", message)


def test_ground_truth_covers_every_sample(bankfeeds):
    on_disk = {p.name for sub in ("mt940", "camt053", "ofx") for p in (bankfeeds / sub).iterdir()}
    assert on_disk == set(GT_MT940) | set(GT_CAMT) | set(GT_OFX)

