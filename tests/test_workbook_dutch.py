"""The Dutch workbook (issue 11 item 6): its visible words are Dutch, statuses show as words.

The English workbook's phrases on the Dashboard, Forecast and Scenarios sheets and above every input
table must each have a Dutch counterpart (so a phrase added later without Dutch fails here), the
Dutch workbook must show the Dutch ones (read back from the file, the chart's XML and the page
setup), and translating must not touch a formula: the Dutch workbook's cached values still equal
LibreOffice's recalculation.
"""

from __future__ import annotations

import re
import zipfile
from decimal import Decimal

import openpyxl
import pytest

from tests.cached_check import differences
from xlcapital.forecast import STRESS_TESTS
from xlcapital.workbook import generate
from xlcapital.workbook.api import load_inputs
from xlcapital.workbook.labels import WHOLE_SHEETS, dutch
from xlcapital.workbook.sheetnames import DUTCH, english_of

#: text cells that are data, not words of the workbook: categories, the names of the user's scenarios,
#: the company, rule keys
DATA = re.compile(r"^(  [+-] .*|base|best|worst|free_cash|cash_buffer|credit_limit|dso_trend|revenue_drop|"
                  r"Van der Berg.*)$")


@pytest.fixture(scope="module")
def books(tmp_path_factory):
    tmp = tmp_path_factory.mktemp("lang")
    inputs, statements = load_inputs(None)
    paths = {}
    for lang in ("en", "nl"):
        paths[lang] = tmp / f"{lang}.xlsx"
        paths[lang + "cells"] = generate(inputs, paths[lang], statements=statements, lang=lang)
    return paths


def tab(wb, sheet: str):
    """The sheet ``sheet`` (its English name) of an English or a Dutch workbook."""
    return wb[sheet] if sheet in wb.sheetnames else wb[DUTCH[sheet]]


def words(path, cells) -> dict[tuple[str, str], str]:
    """The text cells of the translated parts: the whole model sheets, and the rows above each table."""
    wb = openpyxl.load_workbook(path)
    out = {}
    for ws in wb.worksheets:
        sheet = english_of(ws.title)  # keyed by the English sheet name in both languages
        top = cells[f"table.{sheet}"].first_row - 1 if f"table.{sheet}" in cells else None
        if sheet not in WHOLE_SHEETS and top is None:
            continue
        for row in ws.iter_rows(max_row=top if sheet not in WHOLE_SHEETS else None):
            for c in row:
                if isinstance(c.value, str) and not c.value.startswith("=") and c.value.strip():
                    out[(sheet, c.coordinate)] = c.value
    return out


def test_every_english_phrase_has_its_dutch(books):
    english = words(books["en"], books["encells"])
    missing = sorted({text for text in english.values() if not DATA.match(text) and dutch(text) is None})
    assert not missing, f"phrases without Dutch in xlcapital/workbook/labels.py: {missing}"


def test_the_dutch_workbook_shows_the_dutch(books):
    english, nl = words(books["en"], books["encells"]), words(books["nl"], books["nlcells"])
    assert english.keys() == nl.keys()
    for key, text in english.items():
        if dutch(text) is not None:
            assert nl[key] == dutch(text), key
    assert nl[("Dashboard", "A4")] == "Kerncijfers" and english[("Dashboard", "A4")] == "Key figures"
    with zipfile.ZipFile(books["nl"]) as z:
        chart = z.read("xl/charts/chart1.xml").decode()
        sheet1 = z.read("xl/worksheets/sheet2.xml").decode()  # the Dashboard
        styles = z.read("xl/styles.xml").decode()
    assert "Eindsaldo per week" in chart and "Week vanaf (maandag)" in chart and "Kredietlimiet" in chart
    assert "Closing cash" not in chart
    assert "Pagina &amp;P van &amp;N" in sheet1
    assert '[=2]&quot;alarm&quot;;[=1]&quot;waarschuwing&quot;;&quot;ok&quot;' in styles
    # the tables' column names are Dutch, as a Dutch bookkeeper heads them; the English workbook's stay English
    wb = openpyxl.load_workbook(books["nl"])
    assert [c.value for c in tab(wb, "Receivables")[4]][:6] == ["Klant", "Factuurnummer", "Factuurdatum", "Vervaldatum",
                                                           "Bedrag", "Betaaldatum"]
    assert [c.value for c in wb["Bank"][4]][:8] == ["Boekdatum", "Valutadatum", "Rekening", "Bedrag", "Valuta",
                                                    "Tegenpartij", "Tegenrekening", "Omschrijving"]
    assert [c.value for c in tab(openpyxl.load_workbook(books["en"]), "Receivables")[4]][:4] == [
        "Customer", "Invoice", "InvoiceDate", "DueDate"]


def test_statuses_are_numbers_shown_as_words(books):
    wb = openpyxl.load_workbook(books["en"], data_only=True)
    ref = books["encells"]["trigger.free_cash.statuses"]
    cells = [wb["Dashboard"].cell(r + 1, c + 1) for r, c in ref.positions()]
    assert all(isinstance(c.value, int) and c.value in (0, 1, 2) for c in cells)  # the formulas count them
    assert all(c.number_format == '[=2]"alert";[=1]"warning";"ok"' for c in cells)


@pytest.mark.libreoffice
def test_translating_touches_no_formula(books, libreoffice, tmp_path):
    done, = libreoffice.recalculate([books["nl"]], tmp_path)
    count, bad = differences(books["nl"], done)
    assert count > 6000 and not bad, bad[:20]



def test_settings_labels_are_dutch_and_names_unchanged(books):
    """Every Settings label is Dutch in the Dutch workbook (the schema's Dutch name, or the one next to
    the hand-declared setting); the defined names and the cells they point at stay the same."""
    en, nl = openpyxl.load_workbook(books["en"]), openpyxl.load_workbook(books["nl"])
    # the same names at the same cells, on the sheet's Dutch tab (openpyxl parses the references)
    assert en.defined_names.keys() == nl.defined_names.keys()
    for name, d in en.defined_names.items():
        if d.attr_text.startswith(("Settings!", "Forecast!")):
            assert [(DUTCH.get(s, s), c) for s, c in d.destinations] == list(nl.defined_names[name].destinations)
        else:
            assert d.attr_text == nl.defined_names[name].attr_text  # a table column, a constant
    assert [c.value for c in tab(nl, "Settings")[3]] == ["Instelling", "Waarde", "Toelichting"]
    labels = {}
    for lang, wb in (("en", en), ("nl", nl)):
        ws = tab(wb, "Settings")
        labels[lang] = {ws.cell(r, 1).value: r for r in range(4, ws.max_row + 1) if ws.cell(r, 1).value}
    assert len(labels["en"]) == len(labels["nl"]) > 40
    assert not set(labels["en"]) & set(labels["nl"]), "a Settings label left English"
    row = nl.defined_names["Settings_CreditLimit"].attr_text.split("$")[-1]
    assert tab(nl, "Settings")[f"A{row}"].value == "Kredietlimiet"
    row = nl.defined_names["Settings_OpeningBalance"].attr_text.split("$")[-1]
    assert tab(nl, "Settings")[f"A{row}"].value == "Beginsaldo (begin van week 1)"


def test_the_dutch_dashboard_computes_dutch_status_words(books):
    """The Dutch workbook's trigger formulas compute the Dutch word where the English compute the code
    (cached values; LibreOffice's recalculation equals them, test_translating_touches_no_formula)."""
    in_dutch = {"ok": "ok", "warning": "waarschuwing", "alert": "alarm", "none": "geen", "disabled": "uitgeschakeld"}
    en, nl = (openpyxl.load_workbook(books[k], data_only=True)["Dashboard"] for k in ("en", "nl"))
    formulas = openpyxl.load_workbook(books["nl"])["Dashboard"]
    seen = set()
    for name, ref in books["encells"].items():
        if name.startswith("trigger.") and name.endswith((".status", ".first_week", ".first_alert_week")):
            english = en.cell(ref.first_row + 1, ref.first_col + 1).value
            dutch_value = nl.cell(ref.first_row + 1, ref.first_col + 1).value
            assert dutch_value == in_dutch.get(english, english), name
            seen.add(english)
            if name.endswith(".status"):
                assert '"waarschuwing","alarm"' in formulas.cell(ref.first_row + 1, ref.first_col + 1).value
    assert {"alert", "warning", "none"} <= seen  # the sample fires both levels and has weeks without
    rules = [r for cf in formulas.conditional_formatting for r in cf.rules]
    assert {f for r in rules for f in r.formula} >= {'"alarm"', '"waarschuwing"', '"ok"'}


def test_every_setting_and_schema_column_has_dutch_help(books):
    """Every field of the schema the workbook shows has its Dutch help (``help_nl``), every Settings row its
    Dutch explanation; the Dutch workbook shows them (Settings column C, the cell comments of the Settings
    values and of the input tables' headers) where the English workbook shows the English help."""
    from xlcapital.forecast import schema as sc
    from xlcapital.workbook import vat as vatbook
    from xlcapital.workbook.model import SETTINGS

    SETTINGS = SETTINGS + vatbook.settings()  # the sample computes its VAT returns ([vat] on)
    tables = [t for t in vars(sc).values() if isinstance(t, sc.Table)]
    fields = [f for t in tables for f in t] + list(sc.SEASONALITY) + [sc.VAT_RATE]
    assert len(fields) > 100
    assert [f.key for f in fields if not f.help_nl] == []
    assert [s.key for s in SETTINGS if not s.comment_nl] == []
    en, nl = openpyxl.load_workbook(books["en"]), openpyxl.load_workbook(books["nl"])
    explanations = {lang: [tab(wb, "Settings").cell(r, 3).value for r in range(4, tab(wb, "Settings").max_row + 1)]
                    for lang, wb in (("en", en), ("nl", nl))}
    assert explanations["en"] == [s.comment for s in SETTINGS]
    assert explanations["nl"] == [s.comment_nl for s in SETTINGS]
    assert not set(explanations["en"]) & set(explanations["nl"]), "a Settings explanation left English"
    row = nl.defined_names["Settings_CreditLimit"].attr_text.split("$")[-1]
    assert tab(nl, "Settings")[f"B{row}"].comment.text.startswith("Het rekening-courantkrediet (kredietplafond)")
    # the comments on the input tables' headers, for every column declared in the schema
    shown = 0
    for t in tables:
        if DUTCH.get(t.name, t.name) not in nl.sheetnames or t.name not in tab(nl, t.name).tables:
            continue
        ws_en, ws_nl = en[t.name], tab(nl, t.name)
        header = {c.value: c for c in ws_nl[4]}
        for f in t:
            if f.header and f.header_nl in header:  # the Dutch workbook heads the column with its Dutch name
                cell = header[f.header_nl]
                assert cell.comment is not None and cell.comment.text == f.help_nl, (t.name, f.header)
                assert ws_en[cell.coordinate].value == f.header and ws_en[cell.coordinate].comment.text == f.help
                shown += 1
    assert shown > 40


def test_stress_tests_none_and_trigger_owners_are_dutch(books):
    """The Scenarios sheet names the stress tests in Dutch (xlcapital.names, one source with the CLI), its
    "first week over the credit limit" computes "geen" where the English computes "none"; the TriggerRules
    table holds the rules' Dutch default owners and actions (Rule.owner_nl / action_nl), and the
    Dashboard's formulas over it show them (cached values; LibreOffice agrees,
    test_translating_touches_no_formula)."""
    from xlcapital.forecast import RULES
    from xlcapital.names import NAMES

    assert all(t.name in NAMES and NAMES[t.name].nl != t.name for t in STRESS_TESTS)
    en, nl = (openpyxl.load_workbook(books[k], data_only=True) for k in ("en", "nl"))
    column_a = {lang: [c.value for c in tab(wb, "Scenarios")["A"]] for lang, wb in (("en", en), ("nl", nl))}
    for t in STRESS_TESTS:
        assert t.name in column_a["en"] and NAMES[t.name].nl in column_a["nl"]
        assert t.name not in column_a["nl"]
    assert "omzet -30%" in column_a["nl"] and "grootste klant betaalt niet" in column_a["nl"]
    cells = books["nlcells"]
    breach = [cells[f"scenario.{key}.first_breach_week"] for key in cells.runs["stress"].values()]
    words = {lang: [tab(wb, "Scenarios").cell(r.first_row + 1, r.first_col + 1).value for r in breach]
             for lang, wb in (("en", en), ("nl", nl))}
    assert "none" in words["en"]  # the sample has stress tests that never cross the limit
    assert words["nl"] == ["geen" if w == "none" else w for w in words["en"]]
    # the trigger rules: Dutch defaults in the table (an owner or action of forecast.toml as written), and on
    # the Dashboard through its formulas
    given = load_inputs(None)[0].triggers
    defaults = 0
    for lang, wb in (("en", en), ("nl", nl)):
        ws = tab(wb, "TriggerRules")
        header = [c.value for c in ws[4]]
        rule_col, owner_col, action_col = ("Rule", "Owner", "Action") if lang == "en" else ("Regel", "Eigenaar", "Actie")
        rows = {r[header.index(rule_col)].value: r for r in ws.iter_rows(min_row=5) if r[0].value}
        for name, rule in RULES.items():
            owner, action = rows[name][header.index(owner_col)].value, rows[name][header.index(action_col)].value
            o = given.get(name)
            want_owner = o.owner if o and o.owner else (rule.owner_nl if lang == "nl" else rule.owner)
            want_action = o.action if o and o.action else (rule.action_nl if lang == "nl" else rule.action)
            assert (owner, action) == (want_owner, want_action), name
            defaults += lang == "nl" and owner == rule.owner_nl
            ref = cells[f"trigger.{name}.owner"]
            assert wb["Dashboard"].cell(ref.first_row + 1, ref.first_col + 1).value == owner
    assert defaults >= 1  # the sample leaves some owners at their default


def test_last_months_dutch_workbook_reads_back_the_default_owners(books):
    """Read back, the Dutch defaults are the rules' defaults (so an English workbook next month shows them in
    English), and the Dutch workbook's inputs are the English one's."""
    from xlcapital.workbook.previous import read_workbook

    (en, _, _), (nl, _, _) = read_workbook(books["en"]), read_workbook(books["nl"])
    assert nl.triggers == en.triggers and nl.settings == en.settings and nl.sales == en.sales
    assert nl.receivables == en.receivables and nl.recurring == en.recurring


#: English that stays in the Dutch workbook on purpose (docs/workbook.md, "Dutch"): words that are the same in
#: Dutch, the sheet names (a title that is its sheet's name), and the technical xlwings.conf sheet
SAME_IN_DUTCH = {"Dashboard", "Status", "Scenario", "Week"}
#: table column names that are the same in Dutch: a week's or a month's number (W1, M12), an occurrence number,
#: DSO (as Dutch accountants write it), Interval and Horizon (Dutch words)
SAME_COLUMNS = re.compile(r"^([WM]\d+|N|DSO|Interval|Horizon)$")


def english_left(en_path, nl_path, inputs) -> list[tuple[str, str, str]]:
    """The visible text cells (and cell comments) of the Dutch workbook that hold the English workbook's text at
    the same place,
    leaving out what is not a word of the workbook: formulas, the Excel Tables' rows (the user's data; their
    header rows are checked: column names the same in Dutch are :data:`SAME_COLUMNS`), the Settings values, the
    rows of the user's own categories and the names of the user's scenarios, the company's name."""
    from openpyxl.utils import range_boundaries

    from xlcapital.forecast import categories
    from xlcapital.workbook.labels import CATEGORY_NL

    receipts, payments = categories(inputs)
    users = {*receipts, *payments} - set(CATEGORY_NL)
    data = {*(f"  + {c}" for c in users), *(f"  - {c}" for c in users), *(s.name for s in inputs.scenarios),
            inputs.company_name}
    en, nl = openpyxl.load_workbook(en_path), openpyxl.load_workbook(nl_path)
    assert [DUTCH.get(s, s) for s in en.sheetnames] == nl.sheetnames
    left = []
    for ws in nl.worksheets:
        if ws.sheet_state != "visible" or ws.title == "xlwings.conf":
            continue
        in_tables, headers = set(), set()
        for table in ws.tables.values():
            c1, r1, c2, r2 = range_boundaries(table.ref)
            in_tables |= {(r, c) for r in range(r1 + 1, r2 + 1) for c in range(c1, c2 + 1)}
            headers |= {(r1, c) for c in range(c1, c2 + 1)}
        for row in ws.iter_rows():
            for c in row:
                english = en[english_of(ws.title)][c.coordinate].comment
                if c.comment is not None and english is not None and c.comment.text == english.text:
                    left.append((ws.title, c.coordinate, "comment: " + c.comment.text))
                text = c.value
                if not isinstance(text, str) or text.startswith("=") or not text.strip():
                    continue
                if (c.row, c.column) in in_tables or (english_of(ws.title) == "Settings" and c.column == 2):
                    continue
                if (text in data or text in SAME_IN_DUTCH or text == ws.title
                        or ((c.row, c.column) in headers and SAME_COLUMNS.match(text))):
                    continue
                if en[english_of(ws.title)][c.coordinate].value == text:
                    left.append((ws.title, c.coordinate, text))
    return left


def test_no_english_left_in_the_dutch_workbook(tmp_path):
    """The sample generated with --lang nl (and rolled, for the Variance sheet) against the English: every
    visible text cell that is a word of the workbook differs, so it is Dutch (the other tests check which
    Dutch)."""
    from xlcapital.cli import main

    inputs, _ = load_inputs(None)
    paths = {lang: tmp_path / f"{lang}.xlsx" for lang in ("en", "nl")}
    for lang, path in paths.items():
        assert main(["generate", "-o", str(path), "--lang", lang]) == 0
    assert english_left(paths["en"], paths["nl"], inputs) == []
    rolled = {lang: tmp_path / f"rolled-{lang}.xlsx" for lang in ("en", "nl")}
    for lang, path in rolled.items():
        assert main(["generate", "-o", str(path), "--lang", lang, "--previous", str(paths[lang])]) == 0
    assert DUTCH["Variance"] in openpyxl.load_workbook(rolled["nl"]).sheetnames
    assert english_left(rolled["en"], rolled["nl"], inputs) == []
    # what the check finds: an English phrase left on a translated sheet is reported
    wb = openpyxl.load_workbook(paths["nl"])
    tab(wb, "Months")["A1"].value = "Cash-flow forecast by month (12 months)"
    tab(wb, "Receivables")["F4"].value = "PaidDate"  # a table's column name left English
    wb.save(tmp_path / "spoiled.xlsx")
    assert english_left(paths["en"], tmp_path / "spoiled.xlsx", inputs) == [
        ("Maanden", "A1", "Cash-flow forecast by month (12 months)"), ("Debiteuren", "F4", "PaidDate")]


@pytest.mark.libreoffice
def test_a_company_without_scenarios_is_dutch_too(tmp_path, libreoffice):
    """Without scenarios the run shown is the plain forecast: "(gewone prognose)" in the Dutch workbook, on
    Settings, Scenarios, Forecast and Months (formulas over Settings_Scenario: LibreOffice's recalculation
    equals the cached values), and nothing else is left English."""
    import datetime as dt
    from decimal import Decimal

    from xlcapital.forecast import Inputs, Settings

    inputs = Inputs(Settings(start=dt.date(2026, 4, 6), opening_balance=Decimal(1000)))
    paths = {lang: tmp_path / f"{lang}.xlsx" for lang in ("en", "nl")}
    for lang, path in paths.items():
        generate(inputs, path, lang=lang)
    assert english_left(paths["en"], paths["nl"], inputs) == []
    wb = openpyxl.load_workbook(paths["nl"], data_only=True)
    assert [tab(wb, s)["B3"].value for s in ("Forecast", "Months")] == ["(gewone prognose)"] * 2
    assert tab(wb, "Scenarios")["A5"].value == "(gewone prognose)"
    done, = libreoffice.recalculate([paths["nl"]], tmp_path / "lo")
    count, bad = differences(paths["nl"], done)
    assert count > 1000 and not bad, bad[:20]


@pytest.mark.libreoffice
def test_the_dutch_variance_sheet(libreoffice, tmp_path):
    """Rolled with past weeks, the Dutch workbook's Variance sheet writes its total row "(alle categorieën)" and
    its Actual formula compares that: LibreOffice's recalculation equals the cached values, and every row holds
    what the English workbook of the same roll holds (the total row's actual too: the formula found its row)."""
    import datetime as dt

    from tests.test_workbook_previous import next_export
    from xlcapital.workbook.generator import Generator
    from xlcapital.workbook.previous import carry_over

    inputs, statements = load_inputs(None)
    last = tmp_path / "2025-01.xlsx"
    generate(inputs, last, statements=statements, lang="nl")
    actual = next_export(inputs.settings.start)
    fresh = load_inputs(None, start=dt.date(2025, 2, 3))[0]
    nxt, merged, carried = carry_over(last, fresh, [*statements, actual])
    rows = {}
    for lang in ("en", "nl"):
        path = tmp_path / f"2025-02-{lang}.xlsx"
        cells = Generator(lang=lang, previous=carried).write(nxt, path, merged)
        ws = tab(openpyxl.load_workbook(path, data_only=True), "Variance")
        ref = cells["table.Variance"]
        rows[lang] = [tuple(ws.cell(r + 1, c + 1).value for c in range(ref.first_col, ref.last_col + 1))
                      for r in range(ref.first_row, ref.last_row + 1)]
    done, = libreoffice.recalculate([path], tmp_path / "recalculated")
    count, bad = differences(path, done)
    assert not bad, "\n".join(bad[:40])
    totals = [i for i, row in enumerate(rows["nl"]) if row[3] == "(alle categorieën)"]
    assert totals and all(row[3] != "(all categories)" for row in rows["nl"])
    assert [row[3] for row in rows["en"]] == [
        "(all categories)" if i in totals else row[3] for i, row in enumerate(rows["nl"])]
    assert [row[4:] for row in rows["en"]] == [row[4:] for row in rows["nl"]]
    assert any(abs(rows["nl"][i][5]) > 1000 for i in totals)  # the total rows found their bank transactions


def test_the_roll_of_a_dutch_workbook_is_the_roll_of_the_english_one(tmp_path):
    """Last month's workbook in Dutch and in English, each with the same edits typed under their own column
    names (a later due date, a recurring cost typed under the table, a higher credit limit): rolled, they give
    the same inputs, the same report and the same numbers on every model sheet; an untouched Dutch workbook
    rolls as a fresh generation (no edits found)."""
    import datetime as dt

    from tests.test_workbook_edits import append_row
    from tests.test_workbook_roll import folder
    from xlcapital import forecast as fc
    from xlcapital.workbook.api import generate_folder
    from xlcapital.workbook.previous import carry_over

    #: the columns the edits are typed into, as each workbook heads them (written out here, not looked up)
    heads = {"en": {"invoice": "Invoice", "due": "DueDate", "paid": "PaidDate", "name": "Name", "category": "Category",
                    "amount": "Amount", "frequency": "Frequency", "day": "Day", "fixed": "Fixed"},
             "nl": {"invoice": "Factuurnummer", "due": "Vervaldatum", "paid": "Betaaldatum", "name": "Naam",
                    "category": "Categorie", "amount": "Bedrag", "frequency": "Frequentie", "day": "Dag",
                    "fixed": "Vast"}}
    last = folder(tmp_path / "last", cut="20241130")
    root = folder(tmp_path / "now", new_invoice=True)
    rolled, reports, inputs, edited_invoice = {}, {}, {}, {}
    for lang, h in heads.items():
        book = tmp_path / f"2024-12-{lang}.xlsx"
        generate_folder(last, book, macros=False, lang=lang)
        untouched = carry_over(book, fc.load(root), fc.load(root).bank)[2].report.lines(book.name)
        assert not any("your edits" in line or "carried (typed" in line for line in untouched), untouched
        wb = openpyxl.load_workbook(book)
        rec = tab(wb, "Receivables")
        col = {c.value: c.column for c in rec[4]}
        row = next(r for r in range(5, rec.max_row + 1) if rec.cell(r, col[h["paid"]]).value is None
                   and rec.cell(r, col[h["due"]]).value is not None
                   and rec.cell(r, col[h["due"]]).value >= dt.datetime(2025, 1, 1))
        edited_invoice[lang] = rec.cell(row, col[h["invoice"]]).value
        rec.cell(row, col[h["due"]]).value = dt.datetime(2025, 3, 31)
        append_row(tab(wb, "Recurring"), "Recurring", {h["name"]: "Lease bestelbus", h["category"]: "Lease",
                                                  h["amount"]: 650, h["frequency"]: "monthly", h["day"]: 1,
                                                  h["fixed"]: "yes"})
        (sheet, coord), = wb.defined_names["Settings_CreditLimit"].destinations
        wb[sheet][coord.replace("$", "")].value = 150000
        edited = tmp_path / f"edited-{lang}.xlsx"
        wb.save(edited)
        fresh = fc.load(root)
        nxt, _, carried = carry_over(edited, fresh, fresh.bank)
        inputs[lang], reports[lang] = nxt, carried.report.lines("last.xlsx")
        rolled[lang] = tmp_path / f"2025-01-{lang}.xlsx"
        generate_folder(root, rolled[lang], macros=False, lang=lang, previous=edited)
    assert edited_invoice["en"] == edited_invoice["nl"]
    en, nl = inputs["en"], inputs["nl"]
    assert {r.invoice: r.due_date for r in nl.receivables}[edited_invoice["nl"]] == dt.date(2025, 3, 31)
    assert [r for r in nl.recurring if r.name == "Lease bestelbus"][0].amount == Decimal(650)
    assert nl.settings.credit_limit == Decimal(150000)
    for part in ("settings", "receivables", "payables", "customers", "recurring", "expected_sales", "categories",
                 "projections", "scenarios", "triggers", "payroll", "vat", "history"):
        assert getattr(nl, part) == getattr(en, part), part
    assert reports["nl"] == reports["en"] and any("Lease bestelbus" in line for line in reports["nl"])
    numbers = {}
    for lang, path in rolled.items():
        wb = openpyxl.load_workbook(path, data_only=True)
        numbers[lang] = {(s, c.coordinate): c.value for s in ("Forecast", "Scenarios", "Dashboard", "Months")
                         for row in tab(wb, s).iter_rows() for c in row
                         if isinstance(c.value, (int, float, dt.datetime)) and not isinstance(c.value, bool)}
    assert len(numbers["en"]) > 1000 and numbers["nl"] == numbers["en"]


def test_rename_rewrites_structured_references_only():
    """headers.rename: every form of a structured reference to a renamed table, never a string literal, another
    table's reference or a special item; renaming twice changes nothing."""
    from xlcapital.workbook.headers import rename

    names = {"Receivables": {"DueDate": "Vervaldatum", "Amount": "Bedrag"}, "Bank": {"Date": "Boekdatum"}}
    cases = {
        "=SUM(Receivables[Amount])": "=SUM(Receivables[Bedrag])",
        "=Receivables[[#This Row],[DueDate]]+1": "=Receivables[[#This Row],[Vervaldatum]]+1",
        "=INDEX(Receivables[[#Headers],[Amount]],1)": "=INDEX(Receivables[[#Headers],[Bedrag]],1)",
        "=SUM(Receivables[[DueDate]:[Amount]])": "=SUM(Receivables[[Vervaldatum]:[Bedrag]])",
        "=ROWS(Receivables[#All])": "=ROWS(Receivables[#All])",
        '=IF(A1="Receivables[Amount]",Bank[Date],"")': '=IF(A1="Receivables[Amount]",Bank[Boekdatum],"")',
        '="say ""Bank[Date]"""&Bank[Date]': '="say ""Bank[Date]"""&Bank[Boekdatum]',
        "=Payables[Amount]+Receivables[Customer]": "=Payables[Amount]+Receivables[Customer]",
        "=MyReceivables[Amount]+Settings_Start": "=MyReceivables[Amount]+Settings_Start",
    }
    for english, dutch in cases.items():
        assert rename(english, names) == dutch, english
        assert rename(dutch, names) == dutch, dutch


def test_dutch_headers_are_valid_unique_and_never_another_columns_english_name():
    """names_of refuses what Excel refuses in a table header (brackets, #, '), a header twice in one table (Excel
    compares them without case), and a Dutch name that is another column's English name (the rewrite would then
    rename a renamed reference again)."""
    from xlcapital.workbook.headers import names_of
    from xlcapital.workbook.tables import Column, TableSheet

    def table(*columns):
        return TableSheet("S", "T", columns)

    assert names_of([table(Column("Lo", name_nl="Van"), Column("Hi", name_nl="Tot"))]) == {"T": {"Lo": "Van",
                                                                                               "Hi": "Tot"}}
    for bad in ([Column("A", name_nl="B[1]")], [Column("A", name_nl="#B")], [Column("A", name_nl="B's")],
                [Column("A", name_nl="Bedrag"), Column("B", name_nl="bedrag")],
                [Column("A", name_nl="B"), Column("B", name_nl="C")]):
        with pytest.raises(ValueError):
            names_of([table(*bad)])


def test_every_structured_reference_of_the_dutch_workbook_names_a_column_of_its_table(books):
    """Read from the file's XML, independently of the rewrite: every structured reference in the Dutch workbook's
    cell formulas, calculated columns, conditional formats, data validations and defined names names a column
    its table has (its Dutch header when it has one), and none names an English one that was renamed."""
    import html

    from openpyxl.utils import range_boundaries

    wb = openpyxl.load_workbook(books["nl"])
    columns = {}
    for ws in wb.worksheets:
        for name in ws.tables:
            t = ws.tables[name]
            columns[name] = {c.name for c in t.tableColumns}
            c1, r1, c2, _ = range_boundaries(t.ref)
            assert [ws.cell(r1, c).value for c in range(c1, c2 + 1)] == [c.name for c in t.tableColumns]
    assert "Vervaldatum" in columns["Receivables"] and "DueDate" not in columns["Receivables"]
    reference = re.compile(r"(?<![\w.])(" + "|".join(columns) + r")\[((?:[^\[\]]|\[[^\[\]]*\])*)\]")
    strings = re.compile(r'"(?:[^"]|"")*"')
    with zipfile.ZipFile(books["nl"]) as z:
        parts = [html.unescape(z.read(n).decode()) for n in z.namelist()
                 if n.startswith(("xl/worksheets/", "xl/tables/")) or n == "xl/workbook.xml"]
    formulas = [f for part in parts for f in re.findall(
        r"<(?:f|formula|formula1|formula2|calculatedColumnFormula|definedName)\b[^>]*>([^<]*)<", part)]
    seen = 0
    for formula in formulas:
        for m in reference.finditer(strings.sub('""', formula)):
            table, inner = m.groups()
            items = re.findall(r"\[([^\[\]]*)\]", inner) if "[" in inner else [inner]
            for item in items:
                if not item.startswith("#"):
                    assert item in columns[table], (table, item, formula[:200])
                    seen += 1
    assert seen > 10000


@pytest.mark.libreoffice
def test_the_dutch_tables_print_as_legibly_as_the_english(libreoffice, tmp_path):
    """The Dutch column names are longer (Factuurnummer, WaarschuwingVoorzichtig): a column is as wide as its
    English name needs and at least its Dutch header, and every sheet of the Dutch workbook still prints on A4 one
    page wide at the sizes tests/test_workbook_print.py demands of the English one."""
    import collections

    from tests.test_workbook_print import DEFAULT_MIN, MIN_POINTS, pdf_pages, sheet_of

    inputs, statements = load_inputs(None)
    path = tmp_path / "nl.xlsx"
    generate(inputs, path, statements=statements, lang="nl")
    names = openpyxl.load_workbook(path, read_only=True).sheetnames
    by_sheet = collections.defaultdict(list)
    for page in pdf_pages(libreoffice, path):
        tab_name = sheet_of(page, names)  # the footer names the Dutch tab
        by_sheet[english_of(tab_name) if tab_name else None].append(page)
    assert None not in by_sheet and {"Receivables", "TriggerRules", "Bank", "PayrollMonths"} <= set(by_sheet)
    small = [(sheet, p["main"]) for sheet, pages in by_sheet.items() for p in pages
             if p["main"] < MIN_POINTS.get(sheet, DEFAULT_MIN) or p["right"] > p["size"][0] - 14]
    assert not small, small
    ws = tab(openpyxl.load_workbook(path), "Receivables")
    widths = {ws.cell(4, c).value: ws.column_dimensions[ws.cell(4, c).column_letter].width for c in range(1, 8)}
    # (a width as stored carries Excel's padding of about 0.71): the header's 13 characters + 1; Klant's declared 30
    assert widths["Factuurnummer"] >= len("Factuurnummer") + 1 and 30 < widths["Klant"] < 31


def test_the_dutch_tabs_are_dutch_and_every_reference_names_one(books):
    """The Dutch workbook's tabs: no English sheet name left (but the names that are the same in Dutch and the
    technical sheets), valid Excel tab names (at most 31 characters, none of []:*?/\\, unique ignoring case),
    the English tabs' order; and every sheet reference in the file's formulas (cells, tables' calculated columns,
    conditional formats, data validations, defined names, print titles, the chart's series) names a tab of the
    file, read from the XML with a pattern of its own."""
    from xml.etree import ElementTree

    en, nl = (openpyxl.load_workbook(books[lang], read_only=True).sheetnames for lang in ("en", "nl"))
    same = {"Start", "Dashboard", "Bank", "xlwings.conf", "xlcapital"}
    assert set(en) & set(nl) == same and len(nl) == len(en)
    assert nl[:5] == ["Start", "Dashboard", "Prognose", "Maanden", "Scenariovergelijking"]
    assert {"Instellingen", "Debiteuren", "Crediteuren", "Signaalregels"} <= set(nl)
    assert all(len(t) <= 31 and not set(t) & set("[]:*?/\\") for t in nl)
    assert len({t.casefold() for t in nl}) == len(nl)
    formula_tags = {"f", "formula", "formula1", "formula2", "definedName", "calculatedColumnFormula"}
    reference = re.compile(r"'((?:[^']|'')+)'!|(?<![\w.])([A-Za-zÀ-ÿ_][\w.]*)!")
    literal = re.compile(r'"(?:[^"]|"")*"')
    named, formulas = set(), 0
    with zipfile.ZipFile(books["nl"]) as z:
        for part in z.namelist():
            if not part.endswith(".xml") or not part.startswith(("xl/worksheets/", "xl/tables/", "xl/charts/",
                                                                  "xl/workbook.xml")):
                continue
            for el in ElementTree.fromstring(z.read(part)).iter():
                if el.tag.rsplit("}", 1)[-1] in formula_tags and el.text:
                    formulas += 1
                    for m in reference.finditer(literal.sub('""', el.text)):
                        named.add(m.group(1).replace("''", "'") if m.group(1) else m.group(2))
    assert formulas > 6000
    assert named and named <= set(nl), named - set(nl)
    assert {"Prognose", "Instellingen", "Debiteuren"} <= named
