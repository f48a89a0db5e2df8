"""``xlcapital batch``: many client folders at once on this machine, the rerun cache and the portfolio.

The clients are the bundled sample company and variations of it, each built for one case: a tight
one that breaches its credit limit, one with only company.toml, one with only the forecast files,
and three that must fail (bad TOML, a bad date on a known line, a folder that is no client). The
expected values are worked out by hand from the sample's files (the arithmetic is in the tests) or
come from another face of xlcapital (``xlcapital forecast --json``, ``xlcapital ratios --json``).
"""

from __future__ import annotations

import csv
import json
import shutil
from decimal import Decimal
from pathlib import Path

import openpyxl
import pytest

from xlcapital.batch import COLUMNS, run_batch, run_local
from xlcapital.batch.job import ClientJob, run_client
from xlcapital.cli import main
from xlcapital.company import sample_dir
from xlcapital.forecast import RULES

OK_CLIENTS = ("alpha", "company_only", "forecast_only", "tight")
FAILING = {"bad_date": ("sales.csv", 4), "bad_toml": ("forecast.toml", None), "notes": (None, None)}


def make_clients(root: Path) -> Path:
    """A CLIENTS_DIR with the seven clients of this module's docstring (and a loose file, ignored)."""
    clients = root / "clients"
    clients.mkdir()
    sample = sample_dir()
    shutil.copytree(sample, clients / "alpha")
    tight = shutil.copytree(sample, clients / "tight")
    text = (tight / "forecast.toml").read_text(encoding="utf-8")
    text = text.replace("credit_limit = 125000", "credit_limit = 20000").replace(
        "weeks = 13\n", "weeks = 13\nopening_balance = 5000\n", 1)
    (tight / "forecast.toml").write_text(text, encoding="utf-8")
    (clients / "company_only").mkdir()
    shutil.copy(sample / "company.toml", clients / "company_only")
    only = shutil.copytree(sample, clients / "forecast_only")
    (only / "company.toml").unlink()
    bad = shutil.copytree(sample, clients / "bad_date")
    lines = (bad / "sales.csv").read_text(encoding="utf-8").splitlines()
    assert len(lines) == 3  # the header and two sales: the bad one becomes line 4
    (bad / "sales.csv").write_text("\n".join(lines + ["31-02-2025,1000,oops"]) + "\n", encoding="utf-8")
    (clients / "bad_toml").mkdir()
    (clients / "bad_toml" / "forecast.toml").write_text('[forecast]\nweeks = "13\n', encoding="utf-8")
    (clients / "notes").mkdir()
    (clients / "notes" / "todo.txt").write_text("call the bank\n", encoding="utf-8")
    (clients / "README.txt").write_text("one folder per client\n", encoding="utf-8")
    return clients


def forecast_json(folder: Path, capsys) -> dict:
    assert main(["forecast", str(folder), "--json"]) == 0
    return json.loads(capsys.readouterr().out)


def read_csv(path: Path) -> list[dict]:
    with path.open(encoding="utf-8", newline="") as f:
        return list(csv.DictReader(f))


@pytest.fixture(scope="module")
def batch_run(tmp_path_factory):
    """One batch of the clients in two processes, through the CLI."""
    root = tmp_path_factory.mktemp("batch")
    clients = make_clients(root)
    out = root / "out"
    code = main(["batch", str(clients), "-o", str(out), "--workers", "2", "--quiet"])
    return clients, out, code


def test_every_client_is_in_the_portfolio_or_failed(batch_run, capsys):
    clients, out, code = batch_run
    assert code == 1  # some clients failed: the batch went on and says so
    rows = read_csv(out / "portfolio.csv")
    assert [r["client"] for r in rows] == list(OK_CLIENTS)
    failures = read_csv(out / "failures.csv")
    assert [f["client"] for f in failures] == sorted(FAILING)
    for f in failures:
        file, line = FAILING[f["client"]]
        assert f["file"] == (file or "") and f["line"] == ("" if line is None else str(line)), f
        assert f["message"]
    by_client = {f["client"]: f for f in failures}
    assert "not a date" in by_client["bad_date"]["message"]
    assert "not a client folder" in by_client["notes"]["message"]
    data = json.loads((out / "portfolio.json").read_text(encoding="utf-8"))
    assert data["summary"]["clients"] == 4 and data["summary"]["failed"] == 3
    assert [r["client"] for r in data["clients"]] == list(OK_CLIENTS)
    assert list(data["clients"][0]) == [c.key for c in COLUMNS]


def test_company_ratios_worked_out_by_hand(batch_run):
    """The sample's company.toml, 2024 (366 days): the arithmetic below reads only its numbers."""
    _, out, _ = batch_run
    row = {r["client"]: r for r in read_csv(out / "portfolio.csv")}["company_only"]
    # closing: current assets = cash + securities + receivables + inventory + other current assets
    current_assets = Decimal("87725.84") + 0 + Decimal("338415.60") + Decimal("262880.15") + Decimal("16905.00")
    # current liabilities = payables + accruals + tax + interest payable + overdraft + short-term debt
    current_liabilities = Decimal("205960.30") + Decimal("45120.75") + Decimal("12650") + Decimal("3420") + 0 + Decimal("40000")
    assert float(row["current_ratio"]) == pytest.approx(float(current_assets / current_liabilities), rel=1e-12)
    quick = (current_assets - Decimal("262880.15")) / current_liabilities
    assert float(row["quick_ratio"]) == pytest.approx(float(quick), rel=1e-12)
    # DSO = average receivables / revenue * 366
    dso = (Decimal("312840.20") + Decimal("338415.60")) / 2 / Decimal("2486350.00") * 366
    assert float(row["dso"]) == pytest.approx(float(dso), rel=1e-12)
    dpo = (Decimal("196430.85") + Decimal("205960.30")) / 2 / Decimal("1612480.40") * 366
    dsi = (Decimal("248615.70") + Decimal("262880.15")) / 2 / Decimal("1612480.40") * 366
    assert float(row["dpo"]) == pytest.approx(float(dpo), rel=1e-12)
    assert float(row["dsi"]) == pytest.approx(float(dsi), rel=1e-12)
    assert float(row["ccc"]) == pytest.approx(float(dso + dsi - dpo), rel=1e-12)
    # NWC, defined once: current assets - current liabilities (other current assets included)
    assert row["net_working_capital"] == str(current_assets - current_liabilities)
    # net cash flow = change in cash net of overdraft: (87,725.84 - 0) - (84,312.45 - 25,000)
    assert row["net_cash_flow"] == "28413.39"
    assert (row["period_start"], row["period_end"]) == ("2024-01-01", "2024-12-31")
    assert row["name"] == "Van der Berg Installatietechniek B.V."
    # no forecast files: no forecast columns, no workbook
    assert all(row[k] == "" for k in ("forecast_start", "cash", "lowest_cash", "status", "workbook"))


def test_forecast_columns_equal_the_forecast_command(batch_run, capsys):
    clients, out, _ = batch_run
    rows = {r["client"]: r for r in read_csv(out / "portfolio.csv")}
    for client in ("alpha", "forecast_only", "tight"):
        row, fc = rows[client], forecast_json(clients / client, capsys)
        base = fc["scenarios"][fc["scenario"]]
        assert row["forecast_start"] == fc["start"]
        assert row["cash"] == fc["kpis"]["cash_position"]
        assert row["lowest_cash"] == base["lowest_cash"] and row["lowest_week"] == str(base["lowest_week"])
        assert row["first_breach_week"] == ("" if base["first_breach_week"] is None else str(base["first_breach_week"]))
        assert row["extra_financing"] == base["extra_financing_limit"]
        assert {k: row[f"trigger_{k}"] for k in RULES} == {t["rule"]: t["status"] for t in fc["triggers"]}
        runway = fc["kpis"]["runway_months"]
        assert (row["runway_months"] == "") == (runway is None)
        if runway is not None:
            assert float(row["runway_months"]) == pytest.approx(runway, rel=1e-9)
    # the tight client: 5,000 at the start, a limit of 20,000 (the sample with its kredietprovisie, cost
    # drivers, collection curve, quarterly VAT returns and payroll). Weeks 1-10 stay in credit (week 4 at 4,951.62,
    # after the Q4 VAT return of 31 January and the loonheffingen of December); week 11 (17 March: the purchases
    # behind the sales, the net pay of 23 March) opens at 11,030.92, nets -64,341.96 and pays interest on the
    # 53,311.04 drawn, 53,311.04 x 7.25 % x 7 / 365 = 74.12, plus the fee 20,000 x 0.5 % x 7 / 365 = 1.92: closing
    # 11,030.92 - 64,341.96 - 74.12 - 1.92 = -53,387.08, 33,387.08 beyond the limit, the first breach
    tight = rows["tight"]
    assert (tight["lowest_cash"], tight["lowest_week"], tight["first_breach_week"]) == ("-53387.08", "11", "11")
    assert Decimal(tight["extra_financing"]) == -Decimal("20000") - Decimal(tight["lowest_cash"])
    assert tight["status"] == "alert" and tight["cash"] == "5000.00"
    # without company.toml: the folder's name, no ratios
    assert rows["forecast_only"]["name"] == "forecast_only" and rows["forecast_only"]["current_ratio"] == ""


def test_status_is_the_worst_trigger(batch_run):
    _, out, _ = batch_run
    order = {"ok": 0, "off": 0, "warning": 1, "alert": 2}
    for row in read_csv(out / "portfolio.csv"):
        statuses = [row[f"trigger_{k}"] for k in RULES]
        if row["forecast_start"]:
            assert row["status"] == max(statuses, key=order.__getitem__)
        else:
            assert row["status"] == "" and statuses == [""] * len(RULES)


def test_workbooks_are_written_and_linked(batch_run):
    clients, out, _ = batch_run
    rows = {r["client"]: r for r in read_csv(out / "portfolio.csv")}
    for client in ("alpha", "forecast_only", "tight"):
        book = out / rows[client]["workbook"]
        assert book == out / "clients" / f"{client}.xlsm" and book.stat().st_size > 10_000
        assert "Forecast" in openpyxl.load_workbook(book, read_only=True).sheetnames
    wb = openpyxl.load_workbook(out / "portfolio.xlsx")
    ws = wb["Portfolio"]
    table = ws.tables["Clients"]
    assert table.autoFilter is not None
    headers = [c.value for c in ws[8]]
    assert headers[: len(COLUMNS)] == [c.header for c in COLUMNS]
    links = {ws.cell(r, 1).value: ws.cell(r, len(COLUMNS)).hyperlink for r in range(9, 9 + len(OK_CLIENTS))}
    assert links["company_only"] is None
    for client in ("alpha", "forecast_only", "tight"):
        # XlsxWriter writes relative links the Windows way (Excel's); LibreOffice reads them as well
        target = links[client].target.replace("\\", "/")
        assert target == f"clients/{client}.xlsm" and (out / target).is_file()
    # the alerts are highlighted: every status column over every row, and the breach week and extra financing
    rules = {str(cf.sqref): [(r.operator, r.formula) for r in cf.rules] for cf in ws.conditional_formatting}
    last = 8 + len(OK_CLIENTS)
    for index, col in enumerate(COLUMNS, start=1):
        letter = openpyxl.utils.get_column_letter(index)
        if col.kind == "status":
            assert rules[f"{letter}9:{letter}{last}"] == [("equal", ['"alert"']), ("equal", ['"warning"'])], col.key
        elif col.key in ("first_breach_week", "extra_financing"):
            assert rules[f"{letter}9:{letter}{last}"] == [("greaterThan", ["0"])], col.key
    assert rules["B4"] == [("greaterThan", ["0"])]  # clients in alert
    failed = wb["Failed"]
    assert [failed.cell(r, 1).value for r in range(2, 2 + len(FAILING))] == sorted(FAILING)
    assert failed.cell(3, 3).value is None and failed.cell(2, 3).value == 4  # bad_date: sales.csv line 4


def test_portfolio_formulas_recalculated_by_libreoffice(batch_run, libreoffice, tmp_path):
    """The summary's COUNTIF and SUM, recalculated by LibreOffice, against a count and a sum of the CSV."""
    _, out, _ = batch_run
    rows = read_csv(out / "portfolio.csv")
    in_alert = sum(r["status"] == "alert" for r in rows)
    extra = sum(Decimal(r["extra_financing"] or "0") for r in rows)
    # alpha, forecast_only and tight; only tight breaches (by 33,387.08: test_forecast_columns_equal_the_forecast_command)
    assert in_alert == 3 and extra == Decimal("33387.08")
    (recalculated,) = libreoffice.recalculate([out / "portfolio.xlsx"], tmp_path)
    ws = openpyxl.load_workbook(recalculated, data_only=True)["Portfolio"]
    formulas = openpyxl.load_workbook(out / "portfolio.xlsx")["Portfolio"]
    assert str(formulas["B4"].value).startswith("=COUNTIF(") and str(formulas["B5"].value).startswith("=SUM(")
    assert ws["B4"].value == in_alert
    assert ws["B5"].value == pytest.approx(float(extra), abs=0.005)
    assert (ws["B3"].value, ws["B6"].value) == (len(rows), len(FAILING))


def test_a_rerun_skips_unchanged_clients_and_redoes_changed_ones(tmp_path):
    clients = make_clients(tmp_path)
    out = tmp_path / "out"
    first = run_batch(clients, out, run_local)
    assert first.ran == 6 and first.skipped == 0  # every client folder but `notes`, which is no client
    again = run_batch(clients, out, run_local)
    assert again.ran == 0 and again.skipped == 6
    assert [(r.client, r.row, r.error) for r in again.results] == [(r.client, r.row, r.error) for r in first.results]
    with (clients / "tight" / "forecast.toml").open("a", encoding="utf-8") as f:
        f.write("\n# a comment is a change too\n")
    (out / "clients" / "alpha.xlsm").unlink()  # a workbook that is gone is made again
    sent = []

    def watching(jobs):
        jobs = list(jobs)
        sent.extend(j.client for j in jobs)
        return run_local(jobs)

    third = run_batch(clients, out, watching)
    assert third.ran == 2 and sorted(sent) == ["alpha", "tight"]
    assert (out / "clients" / "alpha.xlsm").is_file()
    assert run_batch(clients, out, run_local, rerun=True).ran == 6


def test_processes_give_the_same_results_as_one_process(batch_run, tmp_path):
    clients, out, _ = batch_run
    single = run_batch(clients, tmp_path / "single", lambda jobs: run_local(jobs, 1))
    assert single.ran == 6
    assert (tmp_path / "single" / "portfolio.json").read_bytes() == (out / "portfolio.json").read_bytes()
    assert (tmp_path / "single" / "portfolio.csv").read_bytes() == (out / "portfolio.csv").read_bytes()
    # the same inputs give the same workbook, byte for byte, whichever process wrote it
    assert (tmp_path / "single" / "clients" / "tight.xlsm").read_bytes() == (out / "clients" / "tight.xlsm").read_bytes()


def test_progress_counts_done_failed_and_remaining(tmp_path):
    clients = make_clients(tmp_path)
    seen = []
    run_batch(clients, tmp_path / "out", run_local, progress=lambda *counts: seen.append(counts))
    assert seen[0] == (0, 1, 6)  # `notes` fails before anything runs
    assert seen[-1] == (6, 3, 0)
    assert [d for d, _, _ in seen] == list(range(7))
    assert all(d + r == 6 for d, _, r in seen)


def test_an_unexpected_error_fails_only_its_client(tmp_path, monkeypatch):
    import xlcapital.forecast

    def broken(inputs, *args, **kwargs):
        raise ZeroDivisionError("boom")

    monkeypatch.setattr(xlcapital.forecast, "analyse", broken)
    job = ClientJob("alpha", str(sample_dir()), str(tmp_path), "clients/alpha.xlsm", "fp")
    result = run_client(job)
    assert not result.ok and result.row is None
    assert result.error["message"].startswith("internal error ZeroDivisionError: boom (at test_batch_run.py:")
    assert not (tmp_path / "clients" / "alpha.xlsm").exists()
    company_only = tmp_path / "company"
    company_only.mkdir()
    shutil.copy(sample_dir() / "company.toml", company_only)
    assert run_client(ClientJob("company", str(company_only), str(tmp_path), "", "fp")).ok


def test_text_from_the_clients_stays_text(tmp_path):
    clients = tmp_path / "clients"
    shutil.copytree(sample_dir(), clients / "=HYPERLINK(1)")
    text = (clients / "=HYPERLINK(1)" / "company.toml").read_text(encoding="utf-8")
    (clients / "=HYPERLINK(1)" / "company.toml").write_text(
        text.replace('name = "Van der Berg Installatietechniek B.V."', 'name = "@SUM(A1)"'), encoding="utf-8")
    run_batch(clients, tmp_path / "out", run_local)
    (row,) = read_csv(tmp_path / "out" / "portfolio.csv")
    assert (row["client"], row["name"]) == ("'=HYPERLINK(1)", "'@SUM(A1)")
    ws = openpyxl.load_workbook(tmp_path / "out" / "portfolio.xlsx")["Portfolio"]
    assert (ws["A9"].value, ws["B9"].value) == ("=HYPERLINK(1)", "@SUM(A1)")
    assert (ws["A9"].data_type, ws["B9"].data_type) == ("s", "s")


def test_out_dir_with_other_files_is_refused(tmp_path, capsys):
    clients = make_clients(tmp_path)
    out = tmp_path / "mine"
    out.mkdir()
    (out / "budget.xlsx").write_bytes(b"the user's own file")
    assert main(["batch", str(clients), "-o", str(out), "--quiet"]) == 2
    err = capsys.readouterr().err
    assert err.count("\n") == 1 and "xlcapital batch did not write" in err and "--force" in err
    assert sorted(p.name for p in out.iterdir()) == ["budget.xlsx"]
    assert main(["batch", str(clients), "-o", str(out), "--quiet", "--force", "--workers", "1"]) == 1
    assert (out / "budget.xlsx").read_bytes() == b"the user's own file" and (out / "portfolio.xlsx").is_file()


@pytest.mark.parametrize("case", ["missing", "a_file", "one_client", "empty"])
def test_bad_clients_dir_is_one_line_and_exit_2(tmp_path, capsys, case):
    target = tmp_path / case
    if case == "a_file":
        target.write_text("x", encoding="utf-8")
    elif case == "one_client":
        shutil.copytree(sample_dir(), target)
    elif case == "empty":
        target.mkdir()
    assert main(["batch", str(target), "-o", str(tmp_path / "out"), "--quiet"]) == 2
    err = capsys.readouterr().err
    assert err.startswith(f"xlcapital: error: {target}: ") and err.count("\n") == 1 and "Traceback" not in err
    assert not (tmp_path / "out").exists()


def test_cli_summary_names_every_failure(batch_run, tmp_path, capsys):
    clients, _, _ = batch_run
    assert main(["batch", str(clients), "-o", str(tmp_path / "out"), "--workers", "1", "--quiet", "--no-macros"]) == 1
    out = capsys.readouterr().out
    assert out.splitlines()[0] == "7 clients: 4 done, 3 failed; ran 6 on 1 process, 0 unchanged since the last run"
    assert "failed: bad_date: sales.csv:4: " in out and "failed: notes: not a client folder" in out
    assert (tmp_path / "out" / "clients" / "alpha.xlsx").is_file()


def test_docs_list_every_column_as_declared():
    """docs/batch.md's column table is the declaration in xlcapital.batch.columns, row for row."""
    doc = (Path(__file__).resolve().parents[1] / "docs" / "batch.md").read_text(encoding="utf-8")
    rows = [line for line in doc.splitlines() if line.startswith("| `")]
    assert rows == [f"| `{c.key}` | {c.header} | {c.source} |" for c in COLUMNS]


def test_the_forecast_kpis_the_portfolio_reads_exist():
    """If the forecast renames a KPI, this names it: update xlcapital.batch.columns.FORECAST_KPIS (one place)."""
    from xlcapital.batch import FORECAST_KPIS
    from xlcapital.forecast import analyse, load

    kpis = analyse(load(sample_dir())).kpis
    assert [name for name in FORECAST_KPIS.values() if name not in kpis] == []


def test_the_progress_bar_shows_done_failed_and_remaining():
    import io

    from xlcapital.cli.batch import ProgressBar

    screen = io.StringIO()
    bar = ProgressBar(file=screen, disable=False)
    for counts in [(0, 1, 3), (1, 1, 2), (2, 2, 1), (3, 2, 0)]:
        bar(*counts)
    assert bar.bar.n == 3 and bar.bar.total == 3
    assert "done 3, failed 2, remaining 0" in screen.getvalue()
    bar.close()


def test_a_shipped_job_needs_no_shared_folder(batch_run, tmp_path):
    """What a Dask worker runs: the files travel inside the job, the workbook comes back as bytes."""
    from xlcapital.batch.job import shipped
    from xlcapital.batch.run import load_result

    clients, out, _ = batch_run
    nowhere = tmp_path / "not-on-this-worker"
    job = ClientJob("tight", str(clients / "tight"), str(nowhere), "clients/tight.xlsm", "fp")
    payload = shipped(job)
    assert sorted(name for name, _ in payload.files)[:2] == ["bank/NL67INGB0006543210_01-07-2024_31-12-2024.csv",
                                                             "categories.csv"]
    result = run_client(payload)
    assert result.ok and not nowhere.exists()
    assert result.workbook_bytes == (out / "clients" / "tight.xlsm").read_bytes()
    assert result.row == load_result(out, "tight").row
    failing = run_client(shipped(ClientJob("bad_date", str(clients / "bad_date"), str(nowhere), "x.xlsm", "fp")))
    assert (failing.error["file"], failing.error["line"]) == ("sales.csv", 4) and failing.workbook_bytes is None


@pytest.mark.parametrize("name", ["../escape.txt", "/etc/escape.txt", "bank/../../escape.txt"])
def test_a_shipped_job_writes_only_inside_its_folder(tmp_path, name):
    job = ClientJob("c", str(tmp_path), str(tmp_path), "", "fp", files=((name, b"x"),))
    with pytest.raises(ValueError, match="unsafe file name"):
        run_client(job)
    assert not (tmp_path.parent / "escape.txt").exists()


def test_a_job_that_breaks_in_its_process_fails_only_its_client(tmp_path):
    """A job that raises in a pool process (here: a malformed shipped job) is that client's failure."""
    company = tmp_path / "company"
    company.mkdir()
    shutil.copy(sample_dir() / "company.toml", company)
    broken = ClientJob("broken", str(tmp_path), str(tmp_path), "", "fp", files=(("../x", b""),))
    good = ClientJob("good", str(company), str(tmp_path), "", "fp")
    results = {r.client: r for r in run_local([broken, good], workers=2)}
    assert results["good"].ok
    assert results["broken"].error["message"].startswith("the job did not finish: ValueError: unsafe file name")
