"""--lang nl: the warnings and messages of the engine in Dutch, declared once (xlcapital/messages.py).

Two kinds of proof. The Dutch sentences below are written out by hand, as a Dutch reader expects
them (never produced by the code under test), with their numbers worked out from the inputs.
And a sweep runs every command under --lang nl on the sample and on inputs that cause warnings
and errors, and looks for English words in what a Dutch user reads: a word list of its own,
independent of the translation tables, after the user's own data (names, categories, file names)
is taken out.
"""

from __future__ import annotations

import csv
import pickle
import re
import shutil
import string
import tomllib
from pathlib import Path

import pytest

from tests.conftest import DATA
from tests.test_company_cli import USER_TOML
from xlcapital.cli import build_parser, main
from xlcapital.company import sample_dir
from xlcapital.forecast.scenarios import STRESS_TESTS
from xlcapital.messages import TEXTS, Message, Text, in_language

SAMPLE = sample_dir()


def run(capsys, *argv, code=0):
    got = main([str(a) for a in argv])
    out, err = capsys.readouterr()
    assert got == code, err
    return out, err


# --------------------------------------------------------------------------------------------
# Inputs that make xlcapital warn
# --------------------------------------------------------------------------------------------


@pytest.fixture
def unreconciled_company(tmp_path) -> Path:
    """USER_TOML with 1,000 more closing cash and equity: the sheets balance, the statement does not."""
    path = tmp_path / "off.toml"
    path.write_text(USER_TOML.replace("cash = 42000", "cash = 43000").replace("equity = 122000", "equity = 123000"),
                    encoding="utf-8")
    return path


@pytest.fixture
def unreconciled_mt940(tmp_path) -> Path:
    """The ING MT940 fixture with a mistyped account (last digit 9 -> 0) and a closing balance 4.01 short."""
    text = (DATA / "bank" / "mt940_ing_swift.940").read_text(encoding="latin-1")
    text = text.replace(":25:NL69INGB0123456789EUR", ":25:NL69INGB0123456780EUR")
    text = text.replace(":62F:C240305EUR2704,01", ":62F:C240305EUR2700,00")
    path = tmp_path / "off.940"
    path.write_text(text, encoding="latin-1")
    return path


@pytest.fixture
def mistyped_account_folder(tmp_path) -> Path:
    """The sample with a start, an opening balance and a second account no export in bank/ holds."""
    folder = tmp_path / "bakkerij"
    shutil.copytree(SAMPLE, folder)
    toml = folder / "forecast.toml"
    toml.write_text(toml.read_text(encoding="utf-8").replace(
        "[forecast]\n", '[forecast]\nstart = 2025-01-06\nopening_balance = 80000\n'
        'accounts = ["NL67INGB0006543210", "NL91ABNA0417164300"]\n', 1), encoding="utf-8")
    return folder


# --------------------------------------------------------------------------------------------
# Dutch sentences, written out by hand
# --------------------------------------------------------------------------------------------


def test_bank_warnings_in_dutch(capsys, unreconciled_mt940):
    out, err = run(capsys, "bank", unreconciled_mt940, "--lang", "nl")
    # opening 1,500.00 - 45.99 + 1,250.00 = 2,704.01; the file says 2,700.00: 4.01 short
    assert err.splitlines() == [
        f"xlcapital: waarschuwing: {unreconciled_mt940}: rekening NL69INGB0123456780: de controlecijfers van het IBAN "
        "kloppen niet (verkeerd overgenomen, of een geanonimiseerd bestand); de rekening wordt gebruikt zoals geschreven",
        f"xlcapital: waarschuwing: {unreconciled_mt940}: rekening NL69INGB0123456780 (05-03-2024..05-03-2024): "
        "beginsaldo 1500,00 + transacties 1204,01 = 2704,01, maar het bestand noemt als eindsaldo 2700,00 "
        "(verschil -4,01)",
    ]
    assert out.rstrip().endswith("SLUIT NIET AAN")


def test_bank_warnings_stay_english_by_default_and_in_json(capsys, unreconciled_mt940):
    _, err = run(capsys, "bank", unreconciled_mt940)
    assert err.splitlines()[1] == (
        f"xlcapital: warning: {unreconciled_mt940}: account NL69INGB0123456780 (2024-03-05..2024-03-05): opening "
        "1500.00 + transactions 1204.01 = 2704.01, but the file states closing 2700.00 (difference -4.01)")
    import json

    out, _ = run(capsys, "bank", unreconciled_mt940, "--json", "--lang", "nl")
    assert json.loads(out)["warnings"][0].endswith("the account is used as written")


def test_a_damaged_bank_file_in_dutch(capsys, tmp_path):
    text = (DATA / "bank" / "ofx211_xml.ofx").read_text(encoding="utf-8")
    empty = tmp_path / "leeg.ofx"
    empty.write_text(text.replace("<BALAMT>-55.00</BALAMT>", "<BALAMT></BALAMT>"), encoding="utf-8")
    line = 1 + text[: text.index("<LEDGERBAL>")].count("\n")
    _, err = run(capsys, "bank", empty, "--lang", "nl")
    assert err == f"xlcapital: waarschuwing: {empty}:{line}: het saldo <LEDGERBAL> is weggelaten: een leeg saldobedrag\n"
    wrong = tmp_path / "dollar.ofx"
    wrong.write_text(text.replace("<TRNAMT>-5.00</TRNAMT>", "<TRNAMT>$5</TRNAMT>"), encoding="utf-8")
    line = 1 + text[: text.rindex("<STMTTRN>", 0, text.index("<TRNAMT>-5.00"))].count("\n")  # the transaction's line
    _, err = run(capsys, "bank", wrong, "--lang", "nl", code=2)
    assert err == (f"xlcapital: fout: {wrong}:{line}: geen geldig transactiebedrag: '$5' (verwacht cijfers en één "
                   "decimaalteken, bijvoorbeeld -12,50)\n")


def test_cashflow_warnings_in_dutch(capsys, unreconciled_company):
    out, err = run(capsys, "cashflow", unreconciled_company, "--lang", "nl")
    # cash 20,000 -> 43,000 is +23,000; the statement's net cash flow is 22,000 (USER_TOML: 40,000 EBIT ...);
    # equity 90,000 + 32,000 earnings after tax = 122,000 expected, 123,000 on the closing sheet
    first = ("het overzicht sluit niet aan: netto kasstroom 22.000,00, maar de liquide middelen (na rekening-courant) "
             "veranderden met 23.000,00; verschil 1.000,00")
    second = ("eigen vermogen: begin + winst na belasting + aandelenemissie - dividenden = 122.000,00, maar de "
              "eindbalans noemt 123.000,00 (1.000,00 onverklaard: een gegeven in [cashflow] of [income] ontbreekt of "
              "klopt niet)")
    assert err.splitlines() == [f"xlcapital: waarschuwing: {unreconciled_company}: {first}",
                                f"xlcapital: waarschuwing: {unreconciled_company}: {second}"]
    assert f"  waarschuwing: {first}\n  waarschuwing: {second}\n" in out


def test_forecast_warning_in_dutch(capsys, mistyped_account_folder):
    out, _ = run(capsys, "forecast", mistyped_account_folder, "--lang", "nl")
    assert ("waarschuwing: forecast.accounts: NL91ABNA0417164300 komt in geen enkele export in bank/ voor (exports "
            "gevonden voor NL67INGB0006543210)") in out.splitlines()


def test_forecast_json_stays_english(capsys, mistyped_account_folder):
    import json

    out, _ = run(capsys, "forecast", mistyped_account_folder, "--json", "--lang", "nl")
    assert json.loads(out)["warnings"] == [
        "forecast.accounts: NL91ABNA0417164300 matches no export in bank/ (exports found for NL67INGB0006543210)"]


def test_forecast_error_in_dutch(capsys, mistyped_account_folder):
    toml = mistyped_account_folder / "forecast.toml"
    toml.write_text(toml.read_text(encoding="utf-8").replace("opening_balance = 80000\n", ""), encoding="utf-8")
    _, err = run(capsys, "forecast", mistyped_account_folder, "--lang", "nl", code=2)
    assert err == (f"xlcapital: fout: {toml}: forecast.accounts: NL91ABNA0417164300 komt in geen enkele export in "
                   "bank/ voor (exports gevonden voor NL67INGB0006543210: verbeter het IBAN of voeg de export ervan "
                   "toe)\n")


def test_forecast_toml_errors_in_dutch(capsys, mistyped_account_folder):
    toml = mistyped_account_folder / "forecast.toml"
    text = toml.read_text(encoding="utf-8")
    toml.write_text(text.replace("start = 2025-01-06", "start = 2025-01-07"), encoding="utf-8")
    _, err = run(capsys, "forecast", mistyped_account_folder, "--lang", "nl", code=2)
    # 7 January 2025 is a Tuesday
    assert err == (f"xlcapital: fout: {toml}: forecast.start: start 07-01-2025 is een dinsdag (weken lopen van maandag "
                   "tot en met zondag: geef een maandag)\n")
    toml.write_text(text.replace("weeks = 13", "wekne = 13"), encoding="utf-8")
    _, err = run(capsys, "forecast", mistyped_account_folder, "--lang", "nl", code=2)
    assert err.startswith(f"xlcapital: fout: {toml}: forecast.wekne: onbekende sleutel 'wekne' (bekend: ")


def test_input_csv_errors_in_dutch(capsys, mistyped_account_folder):
    folder = mistyped_account_folder
    receivables = folder / "receivables.csv"
    rows = receivables.read_text(encoding="utf-8").splitlines()
    rows[1] = rows[1].replace(rows[1].split(",")[2], "31-02-2025", 1)  # the third column is invoice_date
    receivables.write_text("\n".join(rows) + "\n", encoding="utf-8")
    _, err = run(capsys, "forecast", folder, "--lang", "nl", code=2)
    assert err == f"xlcapital: fout: {receivables}:2: invoice_date: geen datum: '31-02-2025' (schrijf datums als JJJJ-MM-DD)\n"
    receivables.write_text("klant;factuur\nA;1\n", encoding="cp1252")
    _, err = run(capsys, "forecast", folder, "--lang", "nl", code=2)
    assert err.startswith(f"xlcapital: fout: {receivables}:1: onbekende kolom 'klant' (bekend: ")
    assert err.endswith("(gelezen als UTF-8, scheidingsteken ';', decimaalteken komma))\n")  # Dutch Excel's pair


def test_file_errors_in_dutch(capsys, tmp_path):
    _, err = run(capsys, "bank", tmp_path / "weg.csv", "--lang", "nl", code=2)
    assert err == f"xlcapital: fout: {tmp_path / 'weg.csv'}: kan het bestand niet lezen: het bestand of de map bestaat niet\n"
    (tmp_path / "er.xlsx").write_bytes(b"mine")
    _, err = run(capsys, "generate", "-o", tmp_path / "er.xlsx", "--lang", "nl", code=2)
    assert err.splitlines()[-1] == (f"xlcapital: fout: {tmp_path / 'er.xlsx'}: het bestand bestaat al "
                                    "(gebruik --force om het te vervangen)")
    _, err = run(capsys, "forecast", SAMPLE, "--scenario", "nope", "--lang", "nl", code=2)
    assert err == (f"xlcapital: fout: {SAMPLE / 'forecast.toml'}: onbekend scenario 'nope' (bekend: base, best, worst; "
                   "stresstests: revenue -10%, revenue -20%, revenue -30%, customers +15 days, customers +30 days, "
                   "interest +2 points, largest customer +30 days, largest customer defaults)\n")


def test_stress_test_shown_in_dutch(capsys):
    out, _ = run(capsys, "forecast", SAMPLE, "--scenario", "revenue -30%", "--lang", "nl")
    assert ", scenario omzet -30%, bedragen in EUR" in out.splitlines()[1]
    assert "\nStresstests bovenop omzet -30%\n" in out


def test_import_in_dutch(capsys, tmp_path):
    out, err = run(capsys, "import", DATA / "imports" / "proefbalans.csv", "-o", tmp_path / "pb", "--start",
                   "2024-01-01", "--end", "2024-12-31", "--lang", "nl")
    assert err == (f"xlcapital: waarschuwing: {DATA / 'imports' / 'proefbalans.csv'}: een proefbalans bevat geen "
                   "facturen: geen receivables.csv of payables.csv\n")
    assert out.splitlines()[0] == f"proefbalans: 01-01-2024 t/m 31-12-2024, 15 rekeningen -> {tmp_path / 'pb'}"
    assert out.splitlines()[1].startswith("  balanstotaal ") and " (begin), " in out and "; omzet " in out


def test_the_summaries_of_addin_lite_and_demo_in_dutch(capsys, tmp_path, monkeypatch):
    out, _ = run(capsys, "addin", "-o", tmp_path / "f.xlsm", "--lang", "nl")
    assert out.splitlines() == [f"{tmp_path / 'f.xlsm'} geschreven", "daarna: pip install xlcapital; xlwings addin "
                                "install; open de werkmap; tab xlwings > Import Functions"]
    out, _ = run(capsys, "lite", "-o", tmp_path / "lite", "--lang", "nl")
    assert out.splitlines()[0] == f"{tmp_path / 'lite' / 'main.py'} geschreven"


def test_a_message_keeps_its_dutch_across_processes():
    said = Text("{n} transactions", "{n} transacties")(n=3)
    back = pickle.loads(pickle.dumps(said))
    assert back == "3 transactions" and in_language(back, "nl") == "3 transacties" and isinstance(back, Message)


# --------------------------------------------------------------------------------------------
# Every declared message
# --------------------------------------------------------------------------------------------


def _every_text() -> list[Text]:
    import importlib
    import pkgutil

    import xlcapital

    for module in pkgutil.walk_packages(xlcapital.__path__, "xlcapital."):
        if not module.name.startswith(("xlcapital.excel", "xlcapital.udfs")) and not module.name.endswith("__main__"):
            importlib.import_module(module.name)
    build_parser()  # the help texts are made with the parser
    return list(TEXTS)


def _fields(template: str) -> set[str]:
    return {name for _, name, _, _ in string.Formatter().parse(template) if name is not None}


def test_every_message_has_dutch_with_the_same_fields():
    texts = _every_text()
    assert len(texts) > 100
    for text in texts:
        assert text.nl.strip(), text
        # the same fields in both, except the system's reasons (English as the system says it, Dutch written out)
        assert _fields(text.en) == _fields(text.nl) or text.en == "{reason}", text
    english_words = [(text, words) for text in texts if (words := _english_words(re.sub(r"\{[^}]*\}", " ", text.nl)))]
    assert english_words == []


def test_no_catalog_declares_a_name_twice():
    # a second declaration silently replaces the first (two helpers once gave NOT_UTF16 different fields,
    # and the first caller then failed with a KeyError): count the assignments in each module's source
    import ast

    import xlcapital

    twice = []
    for path in sorted(Path(xlcapital.__file__).parent.rglob("*.py")):
        tree = ast.parse(path.read_text(encoding="utf-8"))
        names = [t.id for node in tree.body if isinstance(node, ast.Assign)
                 and isinstance(node.value, ast.Call) and getattr(node.value.func, "id", None) == "Text"
                 for t in node.targets if isinstance(t, ast.Name)]
        twice += [f"{path.name}: {n}" for n in sorted({n for n in names if names.count(n) > 1})]
    assert twice == []


# --------------------------------------------------------------------------------------------
# The sweep: no English left under --lang nl
# --------------------------------------------------------------------------------------------

#: English words that are not Dutch words (so "in", "is", "of", "was", "week" and "bank" are not here)
ENGLISH = set("""
the and with not from file files has have had this that these those which would should could will can cannot
left read found missing only when than there their its into for are were been be by it or no yes give write
use your you wrote out but does did each every all one two none some any more other others same already
exists error warning transaction transactions account accounts balance opening closing statement payment payments
receivables payables customers customer suppliers supplier weeks days day month months invoice invoices amount
total revenue result cash workbook folder column columns line lines value values number unknown known
expected between after before now next copy wrote run ran done failed clients client unchanged since last
""".split())
_TOKEN = re.compile(r"[A-Za-z][A-Za-z']+")
#: file names, paths, options, code names (due_date, forecast.accounts) and quoted values are no sentences
_NOT_WORDS = re.compile(r"\S*[/\\]\S*|\S+\.(?:toml|csv|xlsm|xlsx|xml|md|py|txt|940|json|zip)\b|--[\w-]+|\w+[._]\w[\w.]*"
                        r"|'[^']*'|\"[^\"]*\"")


def _english_words(text: str) -> list[str]:
    return [w for w in _TOKEN.findall(_NOT_WORDS.sub(" ", text)) if w.lower() in ENGLISH]


def _data_of(folder: Path) -> list[str]:
    """Every text the user wrote in a company folder (CSV cells, TOML strings): shown as written."""
    found = set()
    for path in folder.rglob("*.csv"):
        with open(path, encoding="utf-8-sig", errors="replace", newline="") as fh:
            for row in csv.reader(fh, delimiter=";" if path.parent.name == "bank" else ","):
                found.update(cell.strip() for cell in row if cell.strip())

    def strings(value):
        if isinstance(value, str):
            found.add(value)
        elif isinstance(value, dict):
            for v in value.values():
                strings(v)
        elif isinstance(value, list):
            for v in value:
                strings(v)

    for path in folder.glob("*.toml"):
        strings(tomllib.loads(path.read_text(encoding="utf-8")))
    return sorted(found, key=len, reverse=True)


def test_the_word_check_sees_english(capsys):
    """The sweep's check finds the English of the same commands without --lang nl."""
    out, _ = run(capsys, "forecast", SAMPLE)
    assert {"cash", "closing", "payments", "the"} <= {w.lower() for w in _english_words(out)}
    _, err = run(capsys, "bank", DATA / "bank" / "generic_debit_credit.csv", code=2)
    assert {"no", "fits", "this"} & {w.lower() for w in _english_words(err)} == {"no", "this"}


def test_no_english_left_under_lang_nl(capsys, tmp_path, monkeypatch, unreconciled_company, unreconciled_mt940,
                                       mistyped_account_folder):
    monkeypatch.chdir(tmp_path)
    clients = tmp_path / "clients"
    shutil.copytree(SAMPLE, clients / "a")
    (clients / "b").mkdir()
    (clients / "b" / "forecast.toml").write_text("[forecast]\nweeks = 0\n", encoding="utf-8")
    empty = tmp_path / "empty.csv"
    empty.write_bytes(b"")
    commands = [
        (0, "ratios", SAMPLE / "company.toml"), (0, "cashflow", SAMPLE / "company.toml"),
        (0, "cashflow", unreconciled_company), (0, "forecast", SAMPLE), (0, "forecast", mistyped_account_folder),
        (0, "forecast", SAMPLE, "--scenario", "revenue -30%", "--monthly"), (2, "forecast", SAMPLE, "--scenario", "x"),
        (0, "bank", DATA / "bank" / "ing_semicolon.csv"), (0, "bank", unreconciled_mt940),
        (2, "bank", DATA / "bank" / "generic_debit_credit.csv"), (2, "bank", empty), (2, "bank", tmp_path / "none.sta"),
        (0, "generate", SAMPLE, "-o", "w.xlsx"), (2, "generate", SAMPLE, "-o", "w.xlsx"),
        (0, "import", DATA / "imports" / "proefbalans.csv", "-o", "pb", "--start", "2024-01-01", "--end", "2024-12-31"),
        (2, "import", DATA / "imports" / "proefbalans.csv", "-o", "pb2"),
        (0, "demo"), (0, "addin", "-o", "f.xlsm"), (0, "lite", "-o", "lite"),
        (1, "batch", clients, "-o", "out", "--workers", "1", "--quiet"),
    ]
    # what the user wrote, and the names --scenario takes (the stress tests' are shown in Dutch, typed in English)
    data = [v for v in _data_of(SAMPLE) + _data_of(mistyped_account_folder) if len(v) > 2]
    data = sorted({*data, *(test.name for test in STRESS_TESTS)}, key=len, reverse=True)
    left = _english_left(capsys, commands, data)
    assert left == [], "\n".join(map(str, left))


def _english_left(capsys, commands, data: list[str]) -> list[tuple]:
    """Every line with English words that the commands print under --lang nl, ``data`` (the user's
    own text, names the user types) taken out first."""
    left = []
    for code, *argv in commands:
        out, err = run(capsys, *argv, "--lang", "nl", code=code)
        text = out + err
        for value in data:
            text = re.sub(rf"(?<!\w){re.escape(value)}(?!\w)", " ", text)
        left += [(argv[0], line.strip(), words) for line in text.splitlines() if (words := _english_words(line))]
    return left


# --------------------------------------------------------------------------------------------
# The rarer errors: damaged trial balances and auditfiles, forecast.toml's structure, column
# mappings, the batch (written out by hand for a few, the word list for the rest)
# --------------------------------------------------------------------------------------------

TB_HEADER = "account,name,rgs,opening,closing\n"


def test_trial_balance_and_auditfile_errors_in_dutch(capsys, tmp_path):
    period = ("--start", "2024-01-01", "--end", "2024-12-31", "--lang", "nl")
    twice = tmp_path / "twee.csv"
    twice.write_text(TB_HEADER + "0100,Inventaris,BMvaBeiVvp,10000.00,10000.00\n0100,Nog eens,BMvaBeiVvp,1.00,1.00\n",
                     encoding="utf-8")
    _, err = run(capsys, "import", twice, "-o", tmp_path / "a", *period, code=2)
    assert err == f"xlcapital: fout: {twice}:3: account: rekening 0100 staat ook op regel 2\n"
    # one account of 10,000.00 on the debit side and nothing on the credit side: 10,000.00 off
    lopsided = tmp_path / "scheef.csv"
    lopsided.write_text(TB_HEADER + "0100,Inventaris,BMvaBeiVvp,10000.00,10000.00\n", encoding="utf-8")
    _, err = run(capsys, "import", lopsided, "-o", tmp_path / "b", *period, code=2)
    assert err == (f"xlcapital: fout: {lopsided}: de beginbalans is niet in evenwicht: de debetkant is 10.000,00 "
                   "groter dan de andere kant (debet en credit moeten gelijk zijn: exporteer de boekhouding opnieuw)\n")
    other = tmp_path / "ander.xaf"
    other.write_text("<?xml version='1.0'?>\n<invoice/>\n", encoding="utf-8")
    _, err = run(capsys, "import", other, "-o", tmp_path / "c", "--lang", "nl", code=2)
    assert err == (f"xlcapital: fout: {other}:2: invoice: geen XAF-auditfile: het hoofdelement is <invoice> "
                   "(geef een XML Auditfile Financieel (.xaf))\n")


def test_forecast_toml_structure_errors_in_dutch(capsys, mistyped_account_folder):
    toml = mistyped_account_folder / "forecast.toml"
    text = toml.read_text(encoding="utf-8")
    toml.write_text(text.replace("seasonality = [0.80, 0.90,", "seasonality = ["), encoding="utf-8")  # 10 factors
    _, err = run(capsys, "forecast", mistyped_account_folder, "--lang", "nl", code=2)
    assert err == (f"xlcapital: fout: {toml}: sales.seasonality: seasonality heeft 12 factoren nodig, januari tot en "
                   "met december\n")


def test_column_mapping_and_batch_errors_in_dutch(capsys, tmp_path):
    mapping = tmp_path / "kolommen.toml"
    mapping.write_text((DATA / "bank" / "generic_debit_credit.toml").read_text(encoding="utf-8")
                       .replace('decimal = ","', 'decimal = "."'), encoding="utf-8")
    _, err = run(capsys, "bank", DATA / "bank" / "generic_debit_credit.csv", "--mapping", mapping, "--lang", "nl",
                 code=2)
    assert err == (f"xlcapital: fout: {mapping}: decimal: decimaalteken '.' met scheidingsteken voor duizendtallen '.' "
                   "is geen schrijfwijze van getallen (preset 'boekhoudpakket')\n")
    one = tmp_path / "bakker"
    shutil.copytree(SAMPLE, one)
    _, err = run(capsys, "batch", one, "-o", tmp_path / "uit", "--lang", "nl", code=2)
    assert err == (f"xlcapital: fout: {one}: dit is de map van één klant, geen map met klanten (geef de map erboven, "
                   f"of gebruik `xlcapital generate {one}` voor één klant)\n")


def test_no_english_left_in_the_rarer_errors(capsys, tmp_path, monkeypatch, mistyped_account_folder):
    monkeypatch.chdir(tmp_path)
    period = ("--start", "2024-01-01", "--end", "2024-12-31")
    files = {
        "dubbel.csv": TB_HEADER + "0100,A,BMvaBeiVvp,1.00,1.00\n0100,B,BMvaBeiVvp,1.00,1.00\n",
        "scheef.csv": TB_HEADER + "0100,A,BMvaBeiVvp,1.00,1.00\n",
        "leeg.csv": TB_HEADER,
        "kolom.csv": "account,bedrag\n0100,1\n",
        "beide.csv": "account,closing,debit\n0100,1,1\n",
        "los.csv": TB_HEADER + "0100,A,,1.00,1.00\n0200,B,,-1.00,-1.00\n",
        "ander.xaf": "<?xml version='1.0'?>\n<invoice/>\n",
        "oud.xaf": "<?xml version='1.0'?>\n<auditfile xmlns='urn:oud'/>\n",
        "kapot.xaf": "<?xml version='1.0'?>\n<auditfile><header>\n",
        "geenkop.xaf": "<?xml version='1.0'?>\n<auditfile xmlns='http://www.auditfiles.nl/XAF/3.2'></auditfile>\n",
        "regels.csv": "rekening;post\n8000;omzet\n",
        "bereik.csv": "account,item\n9-1,revenue\n",
        "post.csv": "account,item\n8000,geen-post\n",
    }
    for name, text in files.items():
        (tmp_path / name).write_text(text, encoding="utf-8")
    bad_toml = {
        "seizoen": ("seasonality = [0.80, 0.90,", "seasonality = ["),
        "scenario": ("[[scenarios]]\n", "scenarios = 1\n[[oude]]\n"),
        "btw": ('filing = "quarterly"', 'filing = "none"'),
        "historie": ('months  = ["2024-07", ', 'months  = ["2024-06", "2024-07", '),
    }
    commands = [(2, "import", tmp_path / name, "-o", f"uit-{name}", *period) for name in files
                if name.endswith(".csv") and name not in ("regels.csv", "bereik.csv", "post.csv")]
    commands += [(2, "import", tmp_path / name, "-o", f"uit-{name}") for name in files if name.endswith(".xaf")]
    commands += [(2, "import", DATA / "imports" / "proefbalans.csv", "-o", f"uit-{name}", *period, "--mapping", name)
                 for name in ("regels.csv", "bereik.csv", "post.csv")]
    toml = mistyped_account_folder / "forecast.toml"
    sample = toml.read_text(encoding="utf-8")
    for name, (old, new) in bad_toml.items():
        folder = tmp_path / name
        shutil.copytree(mistyped_account_folder, folder)
        (folder / "forecast.toml").write_text(sample.replace(old, new, 1), encoding="utf-8")
        commands.append((2, "forecast", folder))
    mapping = (DATA / "bank" / "generic_debit_credit.toml").read_text(encoding="utf-8")
    for name, (old, new) in {"punt": ('decimal = ","', 'decimal = "."'), "sleutel": ("skip_lines", "skip_rows"),
                             "soort": ("skip_lines = 2", 'skip_lines = "2"'), "dag": ('= "Datum"', '= "Dag"'),
                             "bedrag": ('debit_amount = "Debet"\n', "")}.items():
        (tmp_path / f"{name}.toml").write_text(mapping.replace(old, new, 1), encoding="utf-8")
        commands.append((2, "bank", DATA / "bank" / "generic_debit_credit.csv", "--mapping", f"{name}.toml"))
    (tmp_path / "nul.csv").write_bytes(b"Datum;Bedrag\n\x00\x01\x02\n")
    (tmp_path / "utf16.csv").write_bytes("Datum;Bedrag\n01-01-2024;1,00\n".encode("utf-16-le"))
    mt940 = (DATA / "bank" / "mt940_ing_swift.940").read_text(encoding="latin-1")
    (tmp_path / "saldo.940").write_text(mt940.replace(":60F:C240304EUR1500,00", ":60F:X240304EUR1500,00"),
                                        encoding="latin-1")
    (tmp_path / "regel.940").write_text(mt940.replace(":61:2403050305D45,99", ":61:24030D45,99"), encoding="latin-1")
    commands += [(2, "bank", tmp_path / name) for name in ("nul.csv", "utf16.csv", "regel.940")]
    commands += [(0, "bank", tmp_path / "saldo.940")]  # a warning: the balance is left out
    commands += [(2, "bank", "x.csv", "--bank", "geenbank")]
    (tmp_path / "vreemd").mkdir()
    (tmp_path / "vreemd" / "eigen.txt").write_text("mine", encoding="utf-8")
    (tmp_path / "klanten").mkdir()
    commands += [(2, "batch", "nergens", "-o", "uit"), (2, "batch", mistyped_account_folder, "-o", "uit"),
                 (2, "batch", "klanten", "-o", "uit"), (2, "batch", tmp_path, "-o", "vreemd")]
    # the names the user types (keys, column fields, presets) are English by design, as are the file's own
    from xlcapital.bank.presets import COLUMN_FIELDS, PRESETS
    from xlcapital.imports.trialbalance import COLUMNS

    typed = [*COLUMN_FIELDS, *PRESETS, *COLUMNS, "account,item"]
    data = sorted({*typed, *(v for v in _data_of(mistyped_account_folder) if len(v) > 2)}, key=len, reverse=True)
    left = _english_left(capsys, commands, data)
    assert left == [], "\n".join(map(str, left))
    # each input reaches a message: without --lang nl the same commands say English sentences
    quiet = [argv for code, *argv in commands if not _english_words("".join(run(capsys, *argv, code=code)))]
    assert quiet == []


# --------------------------------------------------------------------------------------------
# --help and argparse's usage errors
# --------------------------------------------------------------------------------------------


def _help(capsys, *argv) -> str:
    with pytest.raises(SystemExit) as stop:
        main([str(a) for a in argv])
    assert stop.value.code == 0
    return capsys.readouterr().out


def test_help_in_dutch(capsys):
    out = _help(capsys, "--lang", "nl", "--help")
    assert out.startswith("gebruik: xlcapital [-h] [--version] [--lang {en,nl}] OPDRACHT ...\n")
    assert "\nopties:\n  -h, --help      toon deze hulptekst en stop\n" in out
    assert "    import        een XAF-auditfile of RGS-proefbalans naar een bedrijfsmap\n" in out
    # --lang after --help: the language is read before argparse acts on --help
    out = _help(capsys, "bank", "--help", "--lang", "nl")
    assert out.startswith("gebruik: xlcapital bank [-h] [--json] [--csv UIT] [--force]")
    assert "\npositionele argumenten:\n  BESTAND               bankexport(s): CSV/TAB, MT940, CAMT.05x-XML of zip" in out


def test_every_help_has_no_english_under_lang_nl(capsys):
    commands = [[]] + [[name] for name in build_parser()._subparsers._group_actions[0].choices]
    assert len(commands) == 11
    left = []
    for command in commands:
        english, dutch = _help(capsys, *command, "--help"), _help(capsys, *command, "--help", "--lang", "nl")
        assert _english_words(english) and dutch != english, command  # the check sees the English help
        dutch = re.sub(r"\{[^}]*\}", " ", dutch)  # the choices an option takes ({cogs,revenue}) are typed as they are
        left += [(command, line.strip(), words) for line in dutch.splitlines() if (words := _english_words(line))]
    assert left == []


def test_usage_errors_in_dutch(capsys, tmp_path):
    for argv, message in [
        (["bank"], "de volgende argumenten zijn verplicht: BESTAND"),
        (["frob"], "argument OPDRACHT: ongeldige keuze: 'frob' (kies uit 'ratios', 'cashflow', 'bank', 'forecast', "
                   "'generate', 'import', 'batch', 'addin', 'lite', 'demo')"),
        (["forecast", "--weeks", "0"], "argument --weeks: geef 1 tot en met 104 weken"),
        (["forecast", "--weeks", "x"], "argument --weeks: geen geheel getal: 'x'"),
        (["forecast", "--verzin"], "onbekende argumenten: --verzin"),
        (["generate", "-o", "x.xlsm", "--month", "2025-13"],
         "argument --month: geen maand: '2025-13' (schrijf JJJJ-MM, bijvoorbeeld 2026-12)"),
        (["import", "x", "-o", "y", "--start", "2024-02-30"],
         "argument --start: geen datum: '2024-02-30' (schrijf 2024-12-31)"),
        (["batch", "k", "-o", "u", "--workers", "1", "--scheduler", "s"],
         "argument --scheduler: niet toegestaan samen met argument --workers"),
    ]:
        with pytest.raises(SystemExit) as stop:
            main([*argv, "--lang", "nl"])
        err = capsys.readouterr().err
        assert stop.value.code == 2, argv
        assert err.startswith("gebruik: xlcapital") and err.endswith(f"\nxlcapital: fout: {message}\n"), err
    with pytest.raises(SystemExit):  # English as before
        main(["bank"])
    assert capsys.readouterr().err.endswith("\nxlcapital: error: the following arguments are required: FILE\n")


def test_lang_before_the_command(capsys):
    out, _ = run(capsys, "--lang", "nl", "ratios", SAMPLE / "company.toml")
    english, _ = run(capsys, "ratios", SAMPLE / "company.toml")
    assert out == run(capsys, "ratios", SAMPLE / "company.toml", "--lang", "nl")[0] and out != english


def test_the_batch_progress_bar_in_dutch():
    import io

    from xlcapital.cli.batch import ProgressBar

    shown = io.StringIO()
    bar = ProgressBar(file=shown, disable=False, lang="nl")
    bar(2, 1, 3)  # 2 of 5 clients done, 1 of them failed
    bar.close()
    assert "2/5 " in shown.getvalue() and "klant/s, klaar 2, mislukt 1, te gaan 3]" in shown.getvalue()
