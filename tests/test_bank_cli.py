"""``xlcapital bank``: the listing, --json, --csv (merged, formula-safe), --mapping, errors and warnings."""

from __future__ import annotations

import csv
import json
import os
import subprocess
import sys
from decimal import Decimal as D

import pytest

from tests.conftest import DATA, ROOT
from xlcapital.cli import main

FIX = DATA / "bank"


def run(capsys, *args):
    code = main(["bank", *map(str, args)])
    out, err = capsys.readouterr()
    return code, out, err


def test_one_line_per_statement(capsys):
    code, out, err = run(capsys, FIX / "abnamro.TAB", FIX / "ing_semicolon.csv")
    assert code == 0 and err == ""
    lines = out.splitlines()
    assert len(lines) == 3  # ABN AMRO: two accounts; ING: one
    assert lines[0].split() == [
        "123456789", "abnamro", "csv", "2026-03-02..2026-03-05", "3", "transactions",
        "opening", "1000.00", "closing", "1940.55", "EUR", "reconciles",
    ]
    assert lines[2].startswith("NL20INGB0001234567  ing  csv  2026-03-01..2026-03-03  3 transactions  opening 1000.00  closing 2124.50")


def test_json_has_exact_amounts_and_every_field(capsys):
    code, out, _ = run(capsys, FIX / "knab.csv", "--json")
    doc = json.loads(out)
    assert code == 0 and doc["warnings"] == []
    [s] = doc["statements"]
    assert {k: s[k] for k in ("account", "bank", "format", "currency", "opening_balance", "closing_balance")} == {
        "account": "NL68KNAB0123456789", "bank": "knab", "format": "csv", "currency": "EUR",
        "opening_balance": None, "closing_balance": None,
    }
    t = s["transactions"][1]
    assert t == {
        "booking_date": "2026-03-10", "value_date": "2026-03-10", "amount": "3000.00", "currency": "EUR",
        "counterparty": "Klant A BV", "counterparty_iban": "NL20INGB0001234567", "description": "factuur 2026-017",
        "reference": "K26C10AAAA000001", "key": t["key"],
    }
    assert t["key"].startswith("NL68KNAB0123456789|2026-03-10|300000|NL20INGB0001234567KLANTABV")
    assert sum(D(x["amount"]) for x in s["transactions"]) == D("492.98")  # strings, exact


def test_csv_output_is_merged_and_formula_safe(capsys, tmp_path):
    out_csv = tmp_path / "all.csv"
    # the same export twice plus another bank: the repeat adds nothing
    code, _, _ = run(capsys, FIX / "ing_comma.csv", FIX / "ing_comma.csv", FIX / "bunq_en.csv", "--csv", out_csv)
    assert code == 0
    with open(out_csv, encoding="utf-8-sig", newline="") as fh:
        rows = list(csv.DictReader(fh))
    assert len(rows) == 6 + 3
    ing = [r for r in rows if r["account"] == "NL20INGB0001234567"]
    assert sum(D(r["amount"]) for r in ing) == D("1487.55")
    fee = next(r for r in ing if r["amount"] == "-3.10")
    assert fee["description"].startswith("'=HYPERLINK(")  # text, not a formula, when a spreadsheet opens it
    assert next(r for r in rows if r["amount"] == "-1007.99")["counterparty"] == "Verhuur BV"
    assert len({r["key"] for r in rows}) == len(rows)
    assert [p.name for p in tmp_path.iterdir()] == ["all.csv"]  # no temporary file left behind


def test_csv_output_never_overwrites_an_input(capsys, tmp_path):
    src = tmp_path / "ing.csv"
    src.write_bytes((FIX / "ing_comma.csv").read_bytes())
    code, _, err = run(capsys, src, "--csv", src)
    assert code == 2 and "would overwrite an input file" in err
    assert src.read_bytes() == (FIX / "ing_comma.csv").read_bytes()


def test_mapping_and_forced_bank(capsys):
    code, out, _ = run(capsys, FIX / "generic_debit_credit.csv", "--mapping", FIX / "generic_debit_credit.toml")
    assert code == 0 and "opening 5000.00  closing 6157.50" in out
    code, out, _ = run(capsys, FIX / "sns.csv", "--bank", "sns", "--format", "csv")
    assert code == 0 and out.startswith("NL12SNSB0123456789  sns  csv")


def test_unreadable_file_is_one_line_with_file_and_line(capsys, tmp_path):
    bad = tmp_path / "broken.csv"
    data = (FIX / "ing_comma.csv").read_bytes().splitlines(True)
    data[3] = data[3].replace(b'"2,50"', b'"2,5O"')  # a letter O in an amount on line 4
    bad.write_bytes(b"".join(data))
    code, out, err = run(capsys, FIX / "knab.csv", bad)
    assert code == 2 and out == ""
    assert err.strip().splitlines() == [f"xlcapital: error: {bad}:4: amount: not an amount: '2,5O'"]


def test_unknown_csv_and_header_only(capsys, tmp_path):
    odd = tmp_path / "odd.csv"
    odd.write_text("When,What,How much\n2026-03-01,bread,-2.50\n")
    code, _, err = run(capsys, odd)
    assert code == 2 and "--mapping" in err and str(odd) in err
    empty = tmp_path / "knab_empty.csv"
    empty.write_bytes(b"".join((FIX / "knab.csv").read_bytes().splitlines(True)[:2]))
    code, out, err = run(capsys, empty)
    assert code == 0 and out == "" and "holds no transactions" in err


def test_missing_file(capsys, tmp_path):
    code, _, err = run(capsys, tmp_path / "nope.csv")
    assert code == 2 and "nope.csv: cannot read the file" in err


@pytest.mark.bankfeeds
def test_warnings_go_to_stderr(capsys, bankfeeds):
    code, out, err = run(capsys, bankfeeds / "csv" / "rabobank_CSV_A_20180414_112204.csv")
    assert code == 0 and "DOES NOT RECONCILE" in out
    warnings = err.strip().splitlines()
    assert len(warnings) == 2 and all(w.startswith("xlcapital: warning: ") for w in warnings)
    assert "lacks its opening quote" in warnings[0] and "but the file states closing 12334.53" in warnings[1]


def test_the_installed_command_runs():
    env = dict(os.environ, PYTHONPATH=str(ROOT))
    proc = subprocess.run(
        [sys.executable, "-m", "xlcapital", "bank", str(FIX / "triodos.csv"), "--json"],
        capture_output=True, text=True, env=env, cwd=ROOT, timeout=120,
    )
    assert proc.returncode == 0, proc.stderr
    [s] = json.loads(proc.stdout)["statements"]
    assert (s["opening_balance"], s["closing_balance"]) == ("2500.00", "3620.50")


def test_a_wrong_iban_is_warned_about_once_per_file(capsys, tmp_path):
    # two statements of one account whose check digits are wrong (NL93RABO0987654321 is valid)
    feed = tmp_path / "rabo.sta"
    feed.write_bytes((FIX / "mt940_rabobank_structured.sta").read_bytes().replace(b"NL93RABO", b"NL50RABO"))
    code, out, err = run(capsys, feed)
    assert code == 0 and len(out.splitlines()) == 2
    assert all(line.startswith("NL50RABO0987654321  rabobank  mt940") for line in out.splitlines())
    assert err.splitlines() == [
        f"xlcapital: warning: {feed}: account NL50RABO0987654321: the IBAN's check digits are wrong "
        "(mistyped, or an anonymised file); the account is used as written"
    ]


def test_listing_words_what_the_file_does_not_say(capsys):
    # OFX states a closing (ledger) balance only; the card statement has one transaction
    code, out, err = run(capsys, FIX / "ofx102_sgml_cp1252.ofx")
    assert code == 0 and err == ""
    bank_line, card_line = out.splitlines()
    assert bank_line.endswith("2 transactions  opening -  closing 2487.50  EUR  no opening balance to check")
    assert card_line.endswith("1 transaction  opening -  closing -89.95  EUR  no opening balance to check")


def test_a_statement_that_does_not_reconcile_is_named_by_its_period(capsys, tmp_path):
    # mt940_asn.940: day 1 (2024-03-08) reconciles; day 2 has no transactions and 1379.29 both
    # ways, made here to close at 1379.30
    feed = tmp_path / "asn.940"
    data = (FIX / "mt940_asn.940").read_bytes()
    assert data.count(b":62F:C240309EUR1379,29") == 1
    feed.write_bytes(data.replace(b":62F:C240309EUR1379,29", b":62F:C240309EUR1379,30"))
    code, out, err = run(capsys, feed)
    assert code == 0 and out.splitlines()[1].endswith("0 transactions  opening 1379.29  closing 1379.30  EUR  DOES NOT RECONCILE")
    assert err.splitlines() == [
        f"xlcapital: warning: {feed}: account NL57ASNB0123456789 (no transactions, 2024-03-09): opening 1379.29 and "
        "no transactions, but the file states closing 1379.30 (difference 0.01)"
    ]
