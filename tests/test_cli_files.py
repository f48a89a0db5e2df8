"""The CLI as a user meets it: no traceback for any input, the file rules of every writing command,
the company folder typed in, and a mistyped account.

Every failure is checked for its exit code (2) and its one line on stderr.
"""

from __future__ import annotations

import errno
import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

from tests.conftest import DATA, ROOT
from xlcapital.cli import main
from xlcapital.company import sample_dir

SAMPLE = sample_dir()


def run(capsys, *argv):
    code = main([str(a) for a in argv])
    out, err = capsys.readouterr()
    return code, out, err


def one_line_error(err: str) -> str:
    """The error line of stderr: exactly one, no traceback, starting with 'xlcapital: error: '."""
    assert "Traceback" not in err
    lines = [line for line in err.splitlines() if line.startswith("xlcapital: error: ")]
    assert len(lines) == 1, err
    return lines[0].removeprefix("xlcapital: error: ")


@pytest.fixture
def company(tmp_path, monkeypatch) -> Path:
    """A copy of the sample company folder, the current folder of the test."""
    folder = tmp_path / "bakkerij"
    shutil.copytree(SAMPLE, folder)
    monkeypatch.chdir(folder)
    return folder


# --------------------------------------------------------------------------------------------
# No traceback for any input
# --------------------------------------------------------------------------------------------

PERIOD = '"period": {"start": "2023-01-01", "end": "2023-12-31"}'


@pytest.mark.parametrize(
    "name, content, expected",
    [
        ("big.json", "{" + PERIOD + ', "income": {"revenue": ' + "9" * 5000 + "}}",
         "big.json: income.revenue: too large for an amount (5,000 digits before the point) "
         "(xlcapital and Excel keep at most 15 digits: check the number)"),
        ("deep.json", "[" * 100_000 + "]" * 100_000,
         "deep.json: not a company file: nested too deeply (a company file is one object of sections of amounts)"),
        ("digits.json", "{" + PERIOD + ', "income": {"revenue": "' + "9" * 1_000_000 + '"}}',
         "digits.json: income.revenue: not an amount: 1,000,000 characters (write the amount as a number, e.g. 1234.56)"),
        ("digits.toml", "[income]\nrevenue = " + "9" * 1_000_000 + "\n",
         "digits.toml:2: a number with thousands of digits (write amounts as ordinary numbers, e.g. 1234.56)"),
        # 16 digits: one more than Excel keeps
        ("sixteen.toml", "[period]\nstart = 2023-01-01\nend = 2023-12-31\n[income]\nrevenue = 1000000000000000\n",
         "sixteen.toml: income.revenue: too large for an amount (16 digits before the point) "
         "(xlcapital and Excel keep at most 15 digits: check the number)"),
        ("deep.toml", "x = " + "[" * 100_000 + "]" * 100_000 + "\n", "deep.toml: not valid TOML: nested too deeply"),
    ],
)
@pytest.mark.parametrize("command", ["ratios", "cashflow"])
def test_company_files_no_business_has(capsys, tmp_path, name, content, expected, command):
    path = tmp_path / name
    path.write_text(content)
    code, out, err = run(capsys, command, path)
    assert code == 2 and out == ""
    assert one_line_error(err) == f"{tmp_path}/{expected}"


def test_the_largest_amount_allowed_still_reads(capsys, tmp_path):
    # 999,999,999,999,999 has 15 digits: allowed (both balance sheets balance: cash = equity)
    path = tmp_path / "big.toml"
    path.write_text("[period]\nstart = 2023-01-01\nend = 2023-12-31\n"
                    "[balance_closing]\ncash = 999999999999999\nequity = 999999999999999\n")
    code, out, err = run(capsys, "ratios", path, "--json")
    assert code == 0 and '"999999999999999.00"' in out


@pytest.mark.parametrize("month", ["9999-12", "9991-01", "0001-01", "1900-12"])
def test_a_month_outside_the_calendar(capsys, tmp_path, month):
    with pytest.raises(SystemExit) as exited:  # argparse's own exit, with its usage line
        main(["generate", "-o", str(tmp_path / "x.xlsm"), "--month", month])
    _, err = capsys.readouterr()
    assert exited.value.code == 2 and list(tmp_path.iterdir()) == []
    assert err.splitlines()[-1] == (f"xlcapital: error: argument --month: not a month xlcapital can forecast: "
                                    f"'{month}' (give a year from 1901 to 9990)")


def test_a_start_near_9999_is_one_line(capsys, company):
    toml = company / "forecast.toml"
    toml.write_text(toml.read_text().replace("[forecast]", "[forecast]\nstart = 9999-12-27\nopening_balance = 1000", 1))
    code, out, err = run(capsys, "forecast")
    assert code == 2
    assert one_line_error(err).startswith("a date or number out of range (")


def test_the_last_resort_guard(capsys, monkeypatch):
    import xlcapital.cli.finance as finance

    def broken(args):
        raise ValueError("x" * 100_000)

    monkeypatch.setattr(finance, "run_ratios", broken)
    code, _, err = run(capsys, "ratios", "any.toml")
    line = one_line_error(err)
    assert code == 2 and line.startswith("unexpected ValueError: xxx") and len(line) < 500


def test_the_guard_names_the_file_of_an_os_error(capsys, monkeypatch):
    import xlcapital.cli.finance as finance

    def denied(args):
        raise PermissionError(errno.EACCES, "Permission denied", "/srv/klant/company.toml")

    monkeypatch.setattr(finance, "run_ratios", denied)
    code, _, err = run(capsys, "ratios", "any.toml")
    assert code == 2 and one_line_error(err) == "/srv/klant/company.toml: Permission denied"


# --------------------------------------------------------------------------------------------
# Files: every command that writes
# --------------------------------------------------------------------------------------------

EXPORT = DATA / "bank" / "ing_comma.csv"


def test_bank_csv_refuses_an_existing_file_before_reading(capsys, tmp_path):
    out = tmp_path / "all.csv"
    out.write_text("my notes")
    code, stdout, err = run(capsys, "bank", tmp_path / "missing-export.csv", "--csv", out)
    # the output is refused first: the missing input is not even looked at
    assert code == 2 and one_line_error(err) == f"{out}: the file exists already (use --force to replace it)"
    assert out.read_text() == "my notes"


def test_bank_csv_force_replaces(capsys, tmp_path):
    out = tmp_path / "all.csv"
    out.write_text("my notes")
    code, _, _ = run(capsys, "bank", EXPORT, "--csv", out, "--force")
    assert code == 0 and out.read_text(encoding="utf-8-sig").startswith("account,currency,booking_date")
    assert sorted(p.name for p in tmp_path.iterdir()) == ["all.csv"]


@pytest.mark.parametrize("force", [[], ["--force"]])
def test_bank_csv_never_replaces_dev_full(capsys, force):
    before = os.stat("/dev/full")
    code, _, err = run(capsys, "bank", EXPORT, "--csv", "/dev/full", *force)
    assert code == 2 and one_line_error(err).startswith("/dev/full: is not a regular file")
    assert os.stat("/dev/full").st_rdev == before.st_rdev and Path("/dev/full").is_char_device()


@pytest.mark.parametrize("force", [[], ["--force"]])
def test_generate_to_a_folder(capsys, tmp_path, force):
    folder = tmp_path / "some_dir.xlsm"
    folder.mkdir()
    code, _, err = run(capsys, "generate", "-o", folder, *force)
    assert code == 2 and one_line_error(err) == f"{folder}: is a folder (give a file name inside it)"
    assert list(folder.iterdir()) == []


def test_generate_into_a_missing_folder(capsys, tmp_path):
    code, _, err = run(capsys, "generate", "-o", tmp_path / "nope" / "x.xlsm")
    assert code == 2
    assert one_line_error(err) == f"{tmp_path}/nope/x.xlsm: the folder {tmp_path}/nope does not exist (create it first)"


def test_generate_on_a_full_disk_names_the_users_file(capsys, tmp_path, monkeypatch):
    """XlsxWriter fails while writing (as a full disk makes it): the message names the user's path."""
    import xlsxwriter.workbook

    def full(self, *args, **kwargs):
        raise OSError(errno.ENOSPC, "No space left on device", self.filename)

    monkeypatch.setattr(xlsxwriter.workbook.Workbook, "_store_workbook", full)
    out = tmp_path / "forecast.xlsm"
    code, _, err = run(capsys, "generate", "-o", out)
    assert code == 2
    assert one_line_error(err) == f"{out}: cannot write the file: the disk is full (make room or write elsewhere)"
    assert list(tmp_path.iterdir()) == []


def test_generate_in_a_read_only_folder(capsys, tmp_path, monkeypatch):
    import xlcapital.fileio as fileio

    real_open = os.open

    def read_only(path, flags, *args, **kwargs):
        if Path(path) == tmp_path and flags & getattr(os, "O_TMPFILE", 0):
            raise PermissionError(errno.EACCES, "Permission denied", str(path))
        return real_open(path, flags, *args, **kwargs)

    monkeypatch.setattr(fileio.os, "open", read_only)
    if not hasattr(os, "O_TMPFILE"):  # pragma: no cover - elsewhere the named way meets the refusal
        monkeypatch.setattr(fileio.tempfile, "mkstemp", lambda **kw: read_only(tmp_path, 0))
    code, _, err = run(capsys, "generate", "-o", tmp_path / "x.xlsm")
    assert code == 2 and one_line_error(err) == (
        f"{tmp_path}/x.xlsm: cannot write the file: no permission to write in this folder "
        "(write elsewhere or change its permissions)")


def test_the_demo_never_replaces_a_changed_workbook(capsys, tmp_path, monkeypatch):
    monkeypatch.chdir(tmp_path)
    assert run(capsys, "demo")[0] == 0
    demo = tmp_path / "workbooks" / "demo.xlsm"
    fresh = demo.read_bytes()
    code, out, _ = run(capsys, "demo")  # the same demo again: nothing to write
    assert code == 0 and "workbooks/demo.xlsm is up to date" in out
    assert sorted(p.name for p in demo.parent.iterdir()) == ["demo.xlsm"]

    demo.write_bytes(fresh + b"the user's edits")
    code, out, _ = run(capsys, "demo")
    assert code == 0 and "wrote workbooks/demo-2.xlsm" in out and "left as it is" in out
    assert demo.read_bytes() == fresh + b"the user's edits"
    assert (demo.parent / "demo-2.xlsm").read_bytes() == fresh

    code, out, _ = run(capsys, "demo", "--force")
    assert code == 0 and "wrote workbooks/demo.xlsm" in out and demo.read_bytes() == fresh


# --------------------------------------------------------------------------------------------
# The company folder typed in, and its name
# --------------------------------------------------------------------------------------------

NAME = "Van der Berg Installatietechniek B.V."  # the sample's company.toml [company] name


def test_forecast_inside_a_company_folder_uses_it(capsys, company):
    # a different opening balance than the sample's proves the folder, not the bundled sample, was read
    toml = company / "forecast.toml"
    toml.write_text(toml.read_text().replace("[forecast]", "[forecast]\nopening_balance = 1234.56\nbalance_date = 2025-01-05", 1))
    code, out, err = run(capsys, "forecast")
    assert code == 0 and err == ""
    assert out.splitlines()[0] == f"Cash-flow forecast of {NAME}"
    assert "opening cash 1,235 (given)" in out.splitlines()[1]


def test_forecast_json_names_the_company(capsys, company):
    code, out, _ = run(capsys, "forecast", "--json")
    import json

    doc = json.loads(out)
    assert code == 0 and doc["company"] == NAME and Path(doc["folder"]).resolve() == company


def test_outside_a_company_folder_the_sample_is_said(capsys, tmp_path, monkeypatch):
    monkeypatch.chdir(tmp_path)
    code, out, err = run(capsys, "forecast")
    assert code == 0 and out.splitlines()[0] == f"Cash-flow forecast of {NAME}"
    assert err == "xlcapital: no forecast.toml in this folder: using the bundled sample company\n"


def test_generate_inside_a_company_folder(capsys, company):
    (company / "company.toml").write_text((company / "company.toml").read_text().replace(NAME, "Bakkerij Jansen"))
    code, out, err = run(capsys, "generate", "-o", "maand.xlsx")
    assert code == 0 and err == ""
    assert out.splitlines()[0].startswith("wrote maand.xlsx for Bakkerij Jansen: 13 weeks from Monday 2025-01-06")


# --------------------------------------------------------------------------------------------
# A mistyped account
# --------------------------------------------------------------------------------------------


def test_a_mistyped_iban_names_the_account_and_those_found(capsys, company):
    toml = company / "forecast.toml"
    toml.write_text(toml.read_text().replace("[forecast]", '[forecast]\naccounts = ["NL67 INGB 0006 5432 11"]', 1))
    code, _, err = run(capsys, "forecast")
    assert code == 2 and one_line_error(err) == (
        "forecast.toml: forecast.accounts: NL67INGB0006543211 matches no export in bank/ "
        "(exports found for NL67INGB0006543210: correct the IBAN or add its export)")


def test_an_account_without_export_is_a_warning_when_nothing_is_learned_from_the_bank(capsys, company):
    toml = company / "forecast.toml"
    toml.write_text(toml.read_text().replace(
        "[forecast]", '[forecast]\naccounts = ["NL67INGB0006543210", "NL02RABO0123456789"]\nstart = 2025-01-06\n'
        "opening_balance = 87725.84\nbalance_date = 2025-01-05", 1))
    code, out, _ = run(capsys, "forecast")
    assert code == 0
    assert ("warning: forecast.accounts: NL02RABO0123456789 matches no export in bank/ "
            "(exports found for NL67INGB0006543210)") in out


def test_the_installed_command_has_no_traceback_either(tmp_path):
    path = tmp_path / "big.json"
    path.write_text("{" + PERIOD + ', "income": {"revenue": ' + "9" * 5000 + "}}")
    done = subprocess.run([sys.executable, "-m", "xlcapital", "ratios", str(path)], capture_output=True, text=True,
                          cwd=ROOT, timeout=120)
    assert done.returncode == 2 and done.stdout == "" and len(done.stderr.splitlines()) == 1


WRITERS = {
    "bank --csv": lambda out: ["bank", str(EXPORT), "--csv", str(out)],
    "generate": lambda out: ["generate", "-o", str(out)],
    "addin": lambda out: ["addin", "-o", str(out)],
}


@pytest.mark.parametrize("command", WRITERS)
def test_every_writing_command_keeps_an_existing_file_and_refuses_a_folder(capsys, tmp_path, command):
    existing = tmp_path / "mine.xlsm"
    existing.write_text("my edits")
    code = main(WRITERS[command](existing))
    err = capsys.readouterr().err
    assert code == 2 and one_line_error(err) == f"{existing}: the file exists already (use --force to replace it)"
    assert existing.read_text() == "my edits"
    folder = tmp_path / "folder.xlsm"
    folder.mkdir()
    code = main([*WRITERS[command](folder), "--force"])
    assert code == 2 and one_line_error(capsys.readouterr().err) == f"{folder}: is a folder (give a file name inside it)"
    assert sorted(p.name for p in tmp_path.iterdir()) == ["folder.xlsm", "mine.xlsm"]


def test_a_30_digit_receivable_is_one_line(capsys, company):
    """The forecast's readers may refuse it themselves (naming the file); either way one line, exit 2."""
    rows = (company / "receivables.csv").read_text().splitlines()
    # the amount's column by its header (receivables.csv gained expected_date after it), and its cell
    # replaced as a cell: replacing an empty cell's text would put the digits between every character
    column = rows[0].split(",").index("amount")
    cells = rows[1].split(",")
    assert cells[column] and "." in cells[column]  # an amount, e.g. 5968.46
    cells[column] = "9" * 30
    rows[1] = ",".join(cells)
    (company / "receivables.csv").write_text("\n".join(rows) + "\n")
    code, out, err = run(capsys, "forecast")
    line = one_line_error(err)
    assert code == 2 and "amount" in line and "too large" in line and "receivables.csv" in line, line


def test_the_workbook_made_inside_a_folder_carries_its_name(capsys, company):
    """Typed inside the folder, the workbook is titled as when the folder is given by name."""
    import re
    import zipfile

    def company_property(name: str) -> str:  # docProps/app.xml <Company>
        with zipfile.ZipFile(company / name) as z:
            return re.search(r"<Company>(.*?)</Company>", z.read("docProps/app.xml").decode()).group(1)

    assert run(capsys, "generate", "-o", "here.xlsx")[0] == 0
    assert run(capsys, "generate", str(company), "-o", "named.xlsx")[0] == 0
    here, named = company_property("here.xlsx"), company_property("named.xlsx")
    assert here == named and here  # "bakkerij" today; the company's name once the workbook shows it


# --------------------------------------------------------------------------------------------
# The installed command, killed or raced
# --------------------------------------------------------------------------------------------


def _generate(out: Path) -> subprocess.Popen:
    return subprocess.Popen([sys.executable, "-m", "xlcapital", "generate", "-o", str(out)], cwd=ROOT,
                            stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)


@pytest.mark.parametrize("signal_name", ["SIGKILL", "SIGTERM"])
def test_generate_killed_at_any_moment_leaves_the_whole_file_or_nothing(tmp_path, signal_name):
    import signal
    import time

    out = tmp_path / "forecast.xlsm"
    for delay in (0.3, 0.8, 1.5):  # before, while and after the writing, on most machines
        proc = _generate(out)
        time.sleep(delay)
        proc.send_signal(getattr(signal, signal_name))
        proc.communicate(timeout=120)
        left = sorted(p.name for p in tmp_path.iterdir())
        assert left in ([], ["forecast.xlsm"]), left
        if left:
            import zipfile

            assert zipfile.ZipFile(out).testzip() is None  # whole, never half
            out.unlink()


def test_two_runs_to_one_path_one_wins(tmp_path):
    out = tmp_path / "forecast.xlsm"
    runs = [_generate(out), _generate(out)]
    results = [(p.wait(timeout=300), p.stderr.read()) for p in runs]
    codes = sorted(code for code, _ in results)
    assert codes == [0, 2], results
    [loser] = [err.splitlines()[-1] for code, err in results if code == 2]
    assert loser.startswith(f"xlcapital: error: {out}: ") and (
        "appeared at this path while xlcapital was writing" in loser or "exists already" in loser)
    assert sorted(p.name for p in tmp_path.iterdir()) == ["forecast.xlsm"]


def test_more_transactions_than_a_sheet_has_rows_is_refused(capsys, tmp_path, monkeypatch):
    """XlsxWriter drops a cell below the sheet's last row without a word: the generator must refuse
    instead of writing a Bank table that silently lacks transactions. Excel's 1,048,576 rows are
    made 10 here (the table's header is the sheet's 4th row, so rows 5 to 10 hold 6 transactions),
    far fewer than the sample's."""
    import xlcapital.workbook.bank as bank_sheet

    monkeypatch.setattr(bank_sheet, "SHEET_ROWS", 10)
    out = tmp_path / "forecast.xlsm"
    code, _, err = run(capsys, "generate", "-o", out)
    assert code == 2
    line = one_line_error(err)
    assert "transactions" in line and "at most 6 (Excel's last row)" in line and "bank/" in line
    assert list(tmp_path.iterdir()) == []
