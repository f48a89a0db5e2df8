"""The written company folder: never clobbered, written all at once, safe to open in a spreadsheet."""

from __future__ import annotations

import ast
import csv
from pathlib import Path

from xlcapital import imports
from xlcapital.cli import main
from tests.test_import_xaf import build_xaf, write_xaf

ROOT = Path(__file__).resolve().parents[1]


def listing(folder: Path) -> dict[str, bytes]:
    return {p.name: p.read_bytes() for p in sorted(folder.iterdir()) if p.is_file()}


def test_a_folder_that_is_not_empty_is_refused_and_left_as_it_was(tmp_path, capsys):
    xaf = write_xaf(tmp_path, "3.2")
    out = tmp_path / "client"
    out.mkdir()
    (out / "notes.txt").write_text("mine")
    before = listing(out)
    assert main(["import", str(xaf), "-o", str(out)]) == 2
    assert "client: the folder is not empty (give a new folder, or --force" in capsys.readouterr().err
    assert listing(out) == before
    assert sorted(p.name for p in tmp_path.iterdir()) == ["client", "proef.xaf"]  # no staging folder left


def test_an_empty_folder_is_filled(tmp_path):
    out = tmp_path / "client"
    out.mkdir()
    assert main(["import", str(write_xaf(tmp_path, "3.2")), "-o", str(out)]) == 0
    assert set(listing(out)) == set(imports.folder.FILES)


def test_force_replaces_the_bookkeepings_files_and_keeps_the_users(tmp_path, capsys):
    out = tmp_path / "client"
    (out / "bank").mkdir(parents=True)
    (out / "bank" / "ing.csv").write_text("the user's export")
    (out / "recurring.csv").write_text("name,category,amount,frequency\n")
    (out / "company.toml").write_text("old")
    (out / "forecast.toml").write_text("[forecast]\ncredit_limit = 25000\n")
    (out / "customers.csv").write_text("customer,payment_delay_days\nhotel zeezicht b.v.,12\nOld Customer,\n")
    assert main(["import", str(write_xaf(tmp_path, "3.2")), "-o", str(out), "--force"]) == 0
    assert (out / "bank" / "ing.csv").read_text() == "the user's export"
    assert (out / "recurring.csv").read_text().startswith("name,")
    assert (out / "company.toml").read_text().startswith("# Imported by xlcapital")
    assert (out / "forecast.toml").read_text() == "[forecast]\ncredit_limit = 25000\n"
    assert (out / "customers.csv").read_text() == (
        "customer,payment_delay_days\nhotel zeezicht b.v.,12\nOld Customer,\nCafé De Gouden Leeuw,\n")
    err = capsys.readouterr().err
    assert "forecast.toml: kept (yours); the bookkeeping's bank balance (cash - overdraft) on 2024-12-31 is 15.00, " \
           "the Monday after it 2025-01-06" in err
    assert "customers.csv: your payment delays kept, 1 new customers added" in err
    assert not [p for p in tmp_path.iterdir() if p.name.startswith(".")]


def test_a_failed_import_writes_nothing(tmp_path):
    bad = tmp_path / "bad.xaf"
    bad.write_text(build_xaf("3.2")[:-200], encoding="utf-8")
    assert main(["import", str(bad), "-o", str(tmp_path / "client")]) == 2
    assert sorted(p.name for p in tmp_path.iterdir()) == ["bad.xaf"]


def test_text_from_the_file_is_data_never_a_formula(tmp_path):
    text = build_xaf("3.2").replace("Hotel Zeezicht B.V.", "=HYPERLINK(&quot;http://x&quot;)")
    path = tmp_path / "evil.xaf"
    path.write_text(text, encoding="utf-8")
    out = tmp_path / "client"
    assert main(["import", str(path), "-o", str(out)]) == 0
    customers = [r["customer"] for r in csv.DictReader((out / "receivables.csv").open(encoding="utf-8"))]
    assert "'=HYPERLINK(\"http://x\")" in customers and not any(c.startswith("=") for c in customers)


def test_the_import_core_knows_no_excel_and_no_cli():
    faces = ("xlcapital.workbook", "xlcapital.udfs", "xlcapital.excel", "xlcapital.cli", "xlwings", "xlsxwriter")
    for path in sorted((ROOT / "xlcapital" / "imports").glob("*.py")):
        tree = ast.parse(path.read_text(encoding="utf-8"))
        modules = [n.module for n in ast.walk(tree) if isinstance(n, ast.ImportFrom) and n.module]
        modules += [a.name for n in ast.walk(tree) if isinstance(n, ast.Import) for a in n.names]
        assert not [m for m in modules if m.startswith(faces)], path.name
        assert len(path.read_text(encoding="utf-8").splitlines()) <= 600, path.name


def test_cli_options_mapping_payment_term_and_name(tmp_path, capsys):
    mapping = tmp_path / "mapping.csv"
    mapping.write_text("account,item\n4950,interest\n1010,cash\n", encoding="utf-8")
    from tests.test_import_xaf import write_xaf as write

    xaf = write(tmp_path, "3.2", without_rgs=("4950", "1010"))
    out = tmp_path / "client"
    assert main(["import", str(xaf), "-o", str(out), "--mapping", str(mapping), "--payment-term", "14",
                 "--name", "Jansen"]) == 0  # fmt: skip
    text = (out / "company.toml").read_text(encoding="utf-8")
    assert 'name = "Jansen"' in text and "interest = 50.00" in text and "overdraft = 500.00" in text
    rows = {r["invoice"]: r for r in csv.DictReader((out / "receivables.csv").open(encoding="utf-8"))}
    assert rows["F24-003"]["due_date"] == "2024-12-29"  # 2024-12-15 + 14 days: the one invoice without a due date
    assert rows["F24-002"]["due_date"] == "2024-12-20"  # from its subledger line
    err = capsys.readouterr().err
    assert "1 open receivables without a due date in the file: invoice date + 14 days" in err


def test_cli_refuses_a_period_for_an_auditfile(tmp_path, capsys):
    assert main(["import", str(write_xaf(tmp_path, "3.2")), "-o", str(tmp_path / "c"), "--start", "2024-01-01"]) == 2
    assert "an auditfile states its own period" in capsys.readouterr().err
    assert not (tmp_path / "c").exists()
